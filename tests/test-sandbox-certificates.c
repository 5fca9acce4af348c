/* test-sandbox-certificates.c: the sandbox's certification API and
 * Product Module search over real HTTP, as a client sees them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <libsoup/soup.h>
#include <string.h>

#include <glib/gstdio.h>

#include "att-file-type.h"
#include "att-sandbox-certificate.h"
#include "att-sandbox.h"
#include "att-test-utils.h"

#define CERTIFICATION "/certification-api"
#define PM_SEARCH     "/pm-api/v1/product/search"
#define DAY_MS        G_GINT64_CONSTANT (86400000)

/* The demo's PM products: one per PIC demo product, and four that match
 * none (att-sandbox-certificate-seed.c). */
#define N_DEMO_PM_PRODUCTS 83

typedef struct
{
  AttSandbox  *sandbox;
  SoupSession *session;
} Fixture;

typedef struct
{
  guint     status;
  char     *content_type;
  JsonNode *json;
  gboolean  done;
} Response;

static void
response_free (Response *response)
{
  g_free (response->content_type);
  g_clear_pointer (&response->json, json_node_unref);
  g_free (response);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Response, response_free)

static void
fixture_start (Fixture    *fixture,
               const char *db_path)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = att_test_sandbox_new (db_path, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (fixture->sandbox, &error);
  g_assert_no_error (error);
  att_sandbox_listen (fixture->sandbox, 0, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  fixture_start (fixture, NULL);
  fixture->session = soup_session_new ();
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->sandbox);
}

/* HTTP ------------------------------------------------------------------------ */

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Response *response = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);

  response->status = soup_message_get_status (msg);
  response->content_type = g_strdup (soup_message_headers_get_content_type (soup_message_get_response_headers (msg),
                                                                            NULL));
  if (g_strcmp0 (response->content_type, "application/json") == 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize       size;
      const char *data = g_bytes_get_data (body, &size);

      json_parser_load_from_data (parser, data, (gssize) size, &error);
      g_assert_no_error (error);
      response->json = json_node_ref (json_parser_get_root (parser));
    }
  response->done = TRUE;
}

/* Sends a request and runs the main loop until the answer is in; client
 * and sandbox share this thread's main context. */
static Response *
request (Fixture    *fixture,
         const char *method,
         const char *path,
         GBytes     *body,
         gboolean    authenticate)
{
  g_autofree char *url = g_strconcat (att_sandbox_get_base_url (fixture->sandbox), path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  Response *response = g_new0 (Response, 1);

  if (authenticate)
    att_test_add_auth_headers (msg, fixture->sandbox);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", body);

  soup_session_send_and_read_async (fixture->session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, response);
  while (!response->done)
    g_main_context_iteration (NULL, TRUE);
  return response;
}

static Response *
post (Fixture    *fixture,
      const char *path,
      const char *json)
{
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

  return request (fixture, "POST", path, body, TRUE);
}

static Response *
post_object (Fixture    *fixture,
             const char *path,
             JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *json = json_to_string (node, FALSE);

  return post (fixture, path, json);
}

static Response *
get (Fixture    *fixture,
     const char *path)
{
  return request (fixture, "GET", path, NULL, TRUE);
}

static JsonObject *
reply_object (Response *response)
{
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));
  return json_node_get_object (response->json);
}

static JsonArray *
reply_array (Response *response)
{
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (response->json));
  return json_node_get_array (response->json);
}

static void
assert_ok (Response *response)
{
  if (response->status != SOUP_STATUS_OK)
    {
      g_autofree char *text = response->json != NULL ? json_to_string (response->json, TRUE) : NULL;

      g_error ("Answered %u: %s", response->status, text);
    }
}

/* Checks the sandbox's error body and that @path (if any) is among its
 * details. */
static void
assert_error (Response   *response,
              guint       status,
              const char *path)
{
  JsonObject *body;
  JsonArray  *details;

  g_assert_cmpuint (response->status, ==, status);
  body = reply_object (response);
  g_assert_cmpint (json_object_get_int_member (body, "statusCode"), ==, status);
  g_assert_cmpstr (json_object_get_string_member (body, "error"), ==, soup_status_get_phrase (status));
  g_assert_cmpstr (json_object_get_string_member (body, "message"), !=, "");
  details = json_object_get_array_member (body, "details");
  g_assert_nonnull (details);

  if (path == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (details); i++)
    {
      JsonObject *detail = json_array_get_object_element (details, i);

      g_assert_cmpstr (json_object_get_string_member (detail, "message"), !=, "");
      if (g_strcmp0 (json_object_get_string_member (detail, "path"), path) == 0)
        return;
    }

  g_error ("No detail for %s in %s", path, json_to_string (response->json, TRUE));
}

/* PM search, expecting 200: the hits, and the total in @out_total. */
static JsonArray *
pm_search (Fixture    *fixture,
           const char *json,
           gint64     *out_total)
{
  g_autoptr(Response) response = post (fixture, PM_SEARCH, json);
  JsonObject *reply;

  assert_ok (response);
  reply = reply_object (response);
  if (out_total != NULL)
    *out_total = json_object_get_int_member (reply, "total");
  return json_array_ref (json_object_get_array_member (reply, "hits"));
}

/* Test data ------------------------------------------------------------------- */

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PNG drawn with cairo, base64-encoded. */
static char *
png_base64 (int    width,
            int    height,
            double red)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t         *cr = cairo_create (surface);
  g_autoptr(GByteArray) png = g_byte_array_new ();

  cairo_set_source_rgb (cr, red, 0.5, 0.2);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, width / 4, height / 4, width / 2, height / 2);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_cb, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_base64_encode (png->data, png->len);
}

/* The id of the standard named @name, and of its authority. */
static void
find_standard (Fixture    *fixture,
               const char *name,
               char      **out_standard_id,
               char      **out_authority_id)
{
  g_autoptr(Response) response = get (fixture, CERTIFICATION "/assertion-standard");
  JsonArray *standards = reply_array (response);

  for (guint i = 0; i < json_array_get_length (standards); i++)
    {
      JsonObject *standard = json_array_get_object_element (standards, i);

      if (g_str_equal (json_object_get_string_member (standard, "name"), name))
        {
          *out_standard_id = g_strdup (json_object_get_string_member (standard, "_id"));
          *out_authority_id = g_strdup (json_object_get_string_member (standard, "assertionAuthorityId"));
          return;
        }
    }
  g_error ("No standard %s", name);
}

/* The ids of the first @n PM products (by name). */
static GStrv
pm_product_ids (Fixture *fixture,
                guint    n)
{
  g_autofree char *json = g_strdup_printf ("{\"size\": %u}", n);
  g_autoptr(JsonArray) hits = pm_search (fixture, json, NULL);
  GStrv ids = g_new0 (char *, n + 1);

  g_assert_cmpuint (json_array_get_length (hits), ==, n);
  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (json_object_get_string_member (json_array_get_object_element (hits, i), "_id"));
  return ids;
}

static JsonArray *
strv_array (const char *const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  return array;
}

/* A valid create body: a GRS certificate numbered @number, with two
 * images, on @products. */
static JsonObject *
valid_create (Fixture           *fixture,
              const char        *number,
              const char *const *products)
{
  JsonObject      *body = json_object_new ();
  JsonArray       *files = json_array_new ();
  g_autofree char *standard_id = NULL;
  g_autofree char *authority_id = NULL;
  g_autofree char *first = png_base64 (40, 60, 0.9);
  g_autofree char *second = png_base64 (64, 32, 0.1);
  gint64           now = g_get_real_time () / 1000;

  find_standard (fixture, "Global Recycled Standard (GRS)", &standard_id, &authority_id);
  json_array_add_string_element (files, first);
  json_array_add_string_element (files, second);

  json_object_set_string_member (body, "assertionAuthorityId", authority_id);
  json_object_set_string_member (body, "assertionStandardId", standard_id);
  json_object_set_string_member (body, "assertionId", number);
  json_object_set_string_member (body, "certificateName", "Recycled polyester yarns and garments");
  json_object_set_string_member (body, "proofBody", "Control Union Certifications");
  json_object_set_array_member (body, "certificationFiles", files);
  json_object_set_int_member (body, "dateIssued", now - 30 * DAY_MS);
  json_object_set_int_member (body, "dateExpires", now + 335 * DAY_MS);
  if (products != NULL)
    json_object_set_array_member (body, "productModuleIds", strv_array (products));
  return body;
}

static JsonObject *
create_certificate (Fixture    *fixture,
                    JsonObject *body)
{
  g_autoptr(Response) response = post_object (fixture, CERTIFICATION "/create", body);

  assert_ok (response);
  return json_object_ref (reply_object (response));
}

/* The certificate @id among @hit's certifications, or NULL. */
static JsonObject *
hit_certificate (JsonObject *hit,
                 const char *id)
{
  JsonArray *certifications = json_object_get_array_member (hit, "certifications");

  for (guint i = 0; i < json_array_get_length (certifications); i++)
    {
      JsonObject *certificate = json_array_get_object_element (certifications, i);

      if (g_str_equal (json_object_get_string_member (certificate, "_id"), id))
        return certificate;
    }
  return NULL;
}

static JsonObject *
pm_product (Fixture    *fixture,
            const char *id)
{
  g_autofree char *json = g_strdup_printf ("{\"ids\": [\"%s\"]}", id);
  g_autoptr(JsonArray) hits = NULL;
  gint64 total = 0;

  hits = pm_search (fixture, json, &total);
  g_assert_cmpint (total, ==, 1);
  return json_object_ref (json_array_get_object_element (hits, 0));
}

static void
assert_same_strings (JsonArray *a,
                     JsonArray *b)
{
  g_assert_cmpuint (json_array_get_length (a), ==, json_array_get_length (b));
  for (guint i = 0; i < json_array_get_length (a); i++)
    g_assert_cmpstr (json_array_get_string_element (a, i), ==, json_array_get_string_element (b, i));
}

/* Lists ---------------------------------------------------------------------- */

static void
test_lists (Fixture      *fixture,
            gconstpointer data)
{
  static const struct
  {
    const char *standard;
    const char *authority;
  } expected[] = {
    { "bluesign® PRODUCT", "bluesign technologies" },
    { "Cradle to Cradle Certified® Product Standard – Platinum", "Cradle to Cradle Products Innovation Institute" },
    { "Cradle to Cradle Certified® Product Standard – Gold", "Cradle to Cradle Products Innovation Institute" },
    { "Cradle to Cradle Certified® Product Standard – Silver", "Cradle to Cradle Products Innovation Institute" },
    { "Cradle to Cradle Certified® Product Standard – Bronze", "Cradle to Cradle Products Innovation Institute" },
    { "ECOVERO™ e-branding traceability solution", "Lenzing" },
    { "TENCEL™ e-branding traceability solution", "Lenzing" },
    { "Content Claim Standard (CCS)", "Textile Exchange" },
    { "Organic Content Standard (OCS)", "Textile Exchange" },
    { "Recycled Claim Standard (RCS)", "Textile Exchange" },
    { "Global Recycled Standard (GRS)", "Textile Exchange" },
    { "Responsible Down Standard (RDS)", "Textile Exchange" },
    { "Responsible Wool Standard (RWS)", "Textile Exchange" },
    { "Responsible Mohair Standard (RMS)", "Textile Exchange" },
    { "Responsible Alpaca Standard (RAS)", "Textile Exchange" },
  };
  g_autoptr(Response) authorities_response = get (fixture, CERTIFICATION "/assertion-authority");
  g_autoptr(Response) standards_response = get (fixture, CERTIFICATION "/assertion-standard");
  g_autoptr(GHashTable) authorities = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *authority_list, *standards;

  assert_ok (authorities_response);
  assert_ok (standards_response);
  authority_list = reply_array (authorities_response);
  standards = reply_array (standards_response);
  g_assert_cmpuint (json_array_get_length (authority_list), ==, 4);
  g_assert_cmpuint (json_array_get_length (standards), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < json_array_get_length (authority_list); i++)
    {
      JsonObject *authority = json_array_get_object_element (authority_list, i);
      const char *id = json_object_get_string_member (authority, "_id");

      g_assert_cmpuint (strlen (id), ==, 24);
      g_hash_table_insert (authorities, (gpointer) id, (gpointer) json_object_get_string_member (authority, "name"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *standard = json_array_get_object_element (standards, i);
      const char *authority_id = json_object_get_string_member (standard, "assertionAuthorityId");

      g_assert_cmpstr (json_object_get_string_member (standard, "name"), ==, expected[i].standard);
      g_assert_cmpstr (json_object_get_string_member (standard, "assertionAuthorityName"), ==, expected[i].authority);
      g_assert_cmpstr (g_hash_table_lookup (authorities, authority_id), ==, expected[i].authority);
      g_assert_cmpuint (strlen (json_object_get_string_member (standard, "_id")), ==, 24);
    }
}

/* The ids come from the names: another sandbox answers the same. */
static void
test_lists_stable (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(Response) first = get (fixture, CERTIFICATION "/assertion-standard");
  g_autoptr(Response) second = NULL;
  g_autofree char *first_text = json_to_string (first->json, FALSE);
  g_autofree char *second_text = NULL;

  g_clear_object (&fixture->sandbox);
  fixture_start (fixture, NULL);
  second = get (fixture, CERTIFICATION "/assertion-standard");
  second_text = json_to_string (second->json, FALSE);
  g_assert_cmpstr (first_text, ==, second_text);
}

static void
test_auth (Fixture      *fixture,
           gconstpointer data)
{
  static const struct
  {
    const char *method;
    const char *path;
  } endpoints[] = {
    { "GET", CERTIFICATION "/assertion-authority" },
    { "GET", CERTIFICATION "/assertion-standard" },
    { "POST", CERTIFICATION "/create" },
    { "POST", CERTIFICATION "/update/63657274302b8631721c51be" },
    { "POST", PM_SEARCH },
    { "POST", CERTIFICATION "/no-such-endpoint" },
    { "POST", "/pm-api/v1/no-such-endpoint" },
  };
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);

  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      gboolean post_it = g_str_equal (endpoints[i].method, "POST");
      g_autoptr(Response) response = request (fixture, endpoints[i].method, endpoints[i].path,
                                               post_it ? body : NULL, FALSE);

      g_test_message ("%s %s", endpoints[i].method, endpoints[i].path);
      assert_error (response, SOUP_STATUS_UNAUTHORIZED, NULL);
      g_assert_cmpstr (json_object_get_string_member (reply_object (response), "reason"), ==, "api-key");
    }
}

/* Create, read back ------------------------------------------------------------ */

static void
test_create_and_read_back (Fixture      *fixture,
                           gconstpointer data)
{
  g_auto(GStrv) products = pm_product_ids (fixture, 2);
  g_autoptr(JsonObject) body = valid_create (fixture, "CU-GRS-0000001", (const char *const *) products);
  g_autoptr(JsonObject) created = create_certificate (fixture, body);
  g_autoptr(JsonObject) product = NULL;
  g_autoptr(JsonArray) hits = NULL;
  g_autofree char *json = NULL;
  JsonObject      *certificate;
  const char      *id = json_object_get_string_member (created, "_id");
  JsonArray       *barcodes;
  gint64           total = 0;

  g_assert_cmpuint (strlen (id), ==, 24);
  g_assert_cmpstr (json_object_get_string_member (created, "assertionStandardName"), ==, "Global Recycled Standard (GRS)");
  g_assert_cmpstr (json_object_get_string_member (created, "assertionAuthorityName"), ==, "Textile Exchange");
  g_assert_cmpstr (json_object_get_string_member (created, "assertionId"), ==, "CU-GRS-0000001");
  g_assert_cmpint (json_object_get_int_member (created, "dateIssued"), ==, json_object_get_int_member (body, "dateIssued"));
  assert_same_strings (json_object_get_array_member (created, "certificationFiles"),
                       json_object_get_array_member (body, "certificationFiles"));
  assert_same_strings (json_object_get_array_member (created, "productModuleIds"),
                       json_object_get_array_member (body, "productModuleIds"));

  /* By barcode: the product's hit carries the certificate, files and all,
   * without its product list. */
  product = pm_product (fixture, products[0]);
  barcodes = json_object_get_array_member (product, "barcodes");
  g_assert_cmpuint (json_array_get_length (barcodes), >, 0);
  json = g_strdup_printf ("{\"barcodes\": [\"%s\"]}", json_array_get_string_element (barcodes, 0));
  hits = pm_search (fixture, json, &total);
  g_assert_cmpint (total, ==, 1);
  certificate = hit_certificate (json_array_get_object_element (hits, 0), id);
  g_assert_nonnull (certificate);
  g_assert_cmpstr (json_object_get_string_member (certificate, "certificateName"), ==,
                   "Recycled polyester yarns and garments");
  g_assert_cmpstr (json_object_get_string_member (certificate, "proofBody"), ==, "Control Union Certifications");
  g_assert_cmpint (json_object_get_int_member (certificate, "dateExpires"), ==,
                   json_object_get_int_member (body, "dateExpires"));
  g_assert_false (json_object_has_member (certificate, "productModuleIds"));
  assert_same_strings (json_object_get_array_member (certificate, "certificationFiles"),
                       json_object_get_array_member (body, "certificationFiles"));

  /* By certificate: both products. */
  g_clear_pointer (&json, g_free);
  g_clear_pointer (&hits, json_array_unref);
  json = g_strdup_printf ("{\"certifications\": [\"%s\"]}", id);
  hits = pm_search (fixture, json, &total);
  g_assert_cmpint (total, ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_true (g_strv_contains ((const char *const *) products,
                                    json_object_get_string_member (json_array_get_object_element (hits, i), "_id")));
}

/* A certificate with no products is stored, though PM search, which
 * shows certificates through their products, cannot show it. */
/* A product named twice is attached once. */
static void
test_create_duplicate_products (Fixture      *fixture,
                                gconstpointer data)
{
  g_auto(GStrv) products = pm_product_ids (fixture, 2);
  const char *ids[] = { products[1], products[0], products[1], NULL };
  g_autoptr(JsonObject) body = valid_create (fixture, "CU-GRS-0000004", ids);
  g_autoptr(JsonObject) created = create_certificate (fixture, body);
  JsonArray *answered = json_object_get_array_member (created, "productModuleIds");

  g_assert_cmpuint (json_array_get_length (answered), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (answered, 0), ==, products[0]);
  g_assert_cmpstr (json_array_get_string_element (answered, 1), ==, products[1]);
}

static void
test_create_without_products (Fixture      *fixture,
                              gconstpointer data)
{
  g_autoptr(JsonObject) body = valid_create (fixture, "CU-GRS-0000002", NULL);
  g_autoptr(JsonObject) created = create_certificate (fixture, body);
  g_autofree char *json = g_strdup_printf ("{\"certifications\": [\"%s\"]}",
                                           json_object_get_string_member (created, "_id"));
  g_autoptr(JsonArray) hits = NULL;
  gint64 total = -1;

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (created, "productModuleIds")), ==, 0);
  hits = pm_search (fixture, json, &total);
  g_assert_cmpint (total, ==, 0);
}

/* A body just over the 10 MiB of other routes: certificates may carry
 * up to 256 MiB. */
static void
test_create_large (Fixture      *fixture,
                   gconstpointer data)
{
  gsize   size = 12 * 1024 * 1024;
  guint8 *image = g_malloc0 (size);
  g_auto(GStrv) products = pm_product_ids (fixture, 1);
  g_autoptr(JsonObject) body = valid_create (fixture, "CU-GRS-0000003", (const char *const *) products);
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(JsonObject) product = NULL;
  g_autofree char *base64 = NULL;
  JsonArray       *files = json_array_new ();
  JsonObject      *certificate;

  /* A PNG signature is all the sandbox checks of the content. */
  memcpy (image, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  base64 = g_base64_encode (image, size);
  g_free (image);
  json_array_add_string_element (files, base64);
  json_object_set_array_member (body, "certificationFiles", files);

  created = create_certificate (fixture, body);
  product = pm_product (fixture, products[0]);
  certificate = hit_certificate (product, json_object_get_string_member (created, "_id"));
  g_assert_nonnull (certificate);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (certificate, "certificationFiles"), 0),
                   ==, base64);

  /* The other routes keep their limit. */
  {
    g_autoptr(GString) search = g_string_new ("{\"name\": \"");
    g_autoptr(Response) response = NULL;

    g_string_append (search, base64);
    g_string_append (search, "\"}");
    response = post (fixture, PM_SEARCH, search->str);
    assert_error (response, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL);
  }
}

/* Update ---------------------------------------------------------------------- */

static JsonObject *
update (Fixture    *fixture,
        const char *id,
        const char *json,
        guint       expected_status,
        const char *error_path)
{
  g_autofree char *path = g_strconcat (CERTIFICATION "/update/", id, NULL);
  g_autoptr(Response) response = post (fixture, path, json);

  if (expected_status != SOUP_STATUS_OK)
    {
      assert_error (response, expected_status, error_path);
      return NULL;
    }
  assert_ok (response);
  return json_object_ref (reply_object (response));
}

static void
test_update_fields (Fixture      *fixture,
                    gconstpointer data)
{
  g_auto(GStrv) products = pm_product_ids (fixture, 1);
  g_autoptr(JsonObject) body = valid_create (fixture, "CU-GRS-0000010", (const char *const *) products);
  g_autoptr(JsonObject) created = create_certificate (fixture, body);
  g_autoptr(JsonObject) updated = NULL;
  g_autoptr(JsonObject) product = NULL;
  g_autofree char *json = NULL;
  g_autofree char *file = png_base64 (20, 20, 0.5);
  const char      *id = json_object_get_string_member (created, "_id");
  JsonObject      *certificate;

  /* Dates, name and proof body change; the files are replaced. */
  json = g_strdup_printf ("{\"dateIssued\": 1704067200000, \"dateExpires\": 1767225600000,"
                          " \"certificateName\": \"Renamed\", \"proofBody\": \"Ecocert Greenlife\","
                          " \"certificationFiles\": [\"%s\"]}",
                          file);
  updated = update (fixture, id, json, SOUP_STATUS_OK, NULL);
  g_assert_cmpint (json_object_get_int_member (updated, "dateIssued"), ==, G_GINT64_CONSTANT (1704067200000));
  g_assert_cmpint (json_object_get_int_member (updated, "dateExpires"), ==, G_GINT64_CONSTANT (1767225600000));
  g_assert_cmpstr (json_object_get_string_member (updated, "certificateName"), ==, "Renamed");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (updated, "productModuleIds")), ==, 1);

  product = pm_product (fixture, products[0]);
  certificate = hit_certificate (product, id);
  g_assert_nonnull (certificate);
  g_assert_cmpint (json_object_get_int_member (certificate, "dateExpires"), ==, G_GINT64_CONSTANT (1767225600000));
  g_assert_cmpstr (json_object_get_string_member (certificate, "proofBody"), ==, "Ecocert Greenlife");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (certificate, "certificationFiles")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (certificate, "certificationFiles"), 0),
                   ==, file);

  /* An update without files keeps them; one date alone is checked
   * against the other, stored. */
  g_clear_pointer (&updated, json_object_unref);
  updated = update (fixture, id, "{\"dateExpires\": 1798761600000}", SOUP_STATUS_OK, NULL);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (updated, "certificationFiles"), 0),
                   ==, file);
  update (fixture, id, "{\"dateIssued\": 1800000000000}", SOUP_STATUS_BAD_REQUEST, "dateIssued");
  update (fixture, id, "{\"dateExpires\": 1704067200000}", SOUP_STATUS_BAD_REQUEST, "dateExpires");
}

static void
test_update_immutable (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr(JsonObject) body = valid_create (fixture, "CU-GRS-0000011", NULL);
  g_autoptr(JsonObject) created = create_certificate (fixture, body);
  g_autoptr(JsonObject) same = NULL;
  g_autofree char *same_json = NULL;
  g_autofree char *ocs_authority = NULL;
  g_autofree char *ocs_standard = NULL;
  g_autofree char *bluesign_authority = NULL;
  g_autofree char *bluesign_standard = NULL;
  g_autofree char *json = NULL;
  const char      *id = json_object_get_string_member (created, "_id");

  update (fixture, id, "{\"assertionId\": \"CU-GRS-9999999\"}", SOUP_STATUS_BAD_REQUEST, "assertionId");
  find_standard (fixture, "Organic Content Standard (OCS)", &ocs_standard, &ocs_authority);
  json = g_strdup_printf ("{\"assertionStandardId\": \"%s\"}", ocs_standard);
  update (fixture, id, json, SOUP_STATUS_BAD_REQUEST, "assertionStandardId");

  /* The same values are no change. */
  same_json = g_strdup_printf ("{\"assertionId\": \"CU-GRS-0000011\", \"assertionStandardId\": \"%s\"}",
                               json_object_get_string_member (created, "assertionStandardId"));
  same = update (fixture, id, same_json, SOUP_STATUS_OK, NULL);
  g_assert_cmpstr (json_object_get_string_member (same, "assertionId"), ==, "CU-GRS-0000011");

  /* The authority must own the standard, which cannot change. */
  g_clear_pointer (&json, g_free);
  find_standard (fixture, "bluesign® PRODUCT", &bluesign_standard, &bluesign_authority);
  json = g_strdup_printf ("{\"assertionAuthorityId\": \"%s\"}", bluesign_authority);
  update (fixture, id, json, SOUP_STATUS_BAD_REQUEST, "assertionAuthorityId");

  update (fixture, "63657274ffffffffffffffff", "{}", SOUP_STATUS_NOT_FOUND, NULL);
  update (fixture, id, "{\"certificateName\": \"\"}", SOUP_STATUS_BAD_REQUEST, "certificateName");
}

static void
test_attach_detach (Fixture      *fixture,
                    gconstpointer data)
{
  g_auto(GStrv) products = pm_product_ids (fixture, 3);
  const char *first_two[] = { products[0], products[1], NULL };
  g_autoptr(JsonObject) body = valid_create (fixture, "CU-GRS-0000020", first_two);
  g_autoptr(JsonObject) created = create_certificate (fixture, body);
  g_autoptr(JsonObject) attached = NULL;
  g_autoptr(JsonObject) detached = NULL;
  g_autoptr(JsonObject) product = NULL;
  g_autoptr(JsonArray) hits = NULL;
  g_autofree char *json = NULL;
  g_autofree char *search = NULL;
  const char      *id = json_object_get_string_member (created, "_id");
  JsonArray       *ids;
  gint64           total = 0;

  json = g_strdup_printf ("{\"addNewProducts\": [\"%s\"]}", products[2]);
  attached = update (fixture, id, json, SOUP_STATUS_OK, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (attached, "productModuleIds")), ==, 3);

  g_clear_pointer (&json, g_free);
  json = g_strdup_printf ("{\"removeProducts\": [\"%s\"]}", products[0]);
  detached = update (fixture, id, json, SOUP_STATUS_OK, NULL);
  ids = json_object_get_array_member (detached, "productModuleIds");
  g_assert_cmpuint (json_array_get_length (ids), ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (json_array_get_string_element (ids, i), !=, products[0]);

  /* Neither the product nor the certificate is gone: only the link. */
  product = pm_product (fixture, products[0]);
  g_assert_null (hit_certificate (product, id));
  search = g_strdup_printf ("{\"certifications\": [\"%s\"]}", id);
  hits = pm_search (fixture, search, &total);
  g_assert_cmpint (total, ==, 2);

  /* The same product added and removed at once, or an unknown one. */
  g_clear_pointer (&json, g_free);
  json = g_strdup_printf ("{\"addNewProducts\": [\"%s\"], \"removeProducts\": [\"%s\"]}", products[0], products[0]);
  update (fixture, id, json, SOUP_STATUS_BAD_REQUEST, "removeProducts[0]");
  g_clear_pointer (&json, g_free);
  json = g_strdup_printf ("{\"addNewProducts\": [\"%s\", \"706d3030ffffffffffffffff\"]}", products[0]);
  update (fixture, id, json, SOUP_STATUS_BAD_REQUEST, "addNewProducts[1]");
}

/* Refusals -------------------------------------------------------------------- */

typedef struct
{
  const char *member; /* set to @value (JSON), or removed when NULL */
  const char *value;
  const char *path; /* the expected detail */
} Refusal;

static void
test_refused (Fixture      *fixture,
              gconstpointer data)
{
  /* "hello world\n", a text file, base64-encoded; and "%PDF-1.7\n". */
  static const Refusal refusals[] = {
    { "certificationFiles", "[\"iVBORw0KGgo=\", \"aGVsbG8gd29y\\nbGQK\"]", "certificationFiles[1]" },
    { "certificationFiles", "[\"iVBORw0KGgo\"]", "certificationFiles[0]" },
    { "certificationFiles", "[\"iVBORw0KGgp=\"]", "certificationFiles[0]" },
    { "certificationFiles", "[\"iVBORw0K-go=\"]", "certificationFiles[0]" },
    { "certificationFiles", "[\"iVBO=w0KGgo=\"]", "certificationFiles[0]" },
    { "certificationFiles", "[\"aGVsbG8gd29ybGQK\"]", "certificationFiles[0]" },
    { "certificationFiles", "[\"JVBERi0xLjcK\"]", "certificationFiles[0]" },
    { "certificationFiles", "[\"\"]", "certificationFiles[0]" },
    { "certificationFiles", "[42]", "certificationFiles[0]" },
    { "certificationFiles", "[]", "certificationFiles" },
    { "certificationFiles", "\"iVBORw0KGgo=\"", "certificationFiles" },
    { "certificationFiles", NULL, "certificationFiles" },
    { "dateExpires", "1600000000000", "dateExpires" },
    { "dateIssued", "-1", "dateIssued" },
    { "dateIssued", "\"2024-01-01\"", "dateIssued" },
    { "dateExpires", NULL, "dateExpires" },
    { "productModuleIds", "[\"706d3030ffffffffffffffff\"]", "productModuleIds[0]" },
    { "productModuleIds", "\"706d3030ffffffffffffffff\"", "productModuleIds" },
    { "assertionStandardId", "\"7374616e0000000000000000\"", "assertionStandardId" },
    { "assertionAuthorityId", "\"617574680000000000000000\"", "assertionAuthorityId" },
    { "assertionId", "\"  \"", "assertionId" },
    { "assertionId", NULL, "assertionId" },
    { "certificateName", NULL, "certificateName" },
    { "proofBody", "\"\"", "proofBody" },
    { "proofBody", "\"Line\\nbreak\"", "proofBody" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autoptr(JsonObject) body = valid_create (fixture, "CU-GRS-0000030", NULL);
      g_autoptr(Response) response = NULL;

      g_test_message ("%s: %s", refusals[i].member, refusals[i].value);
      if (refusals[i].value == NULL)
        json_object_remove_member (body, refusals[i].member);
      else
        json_object_set_member (body, refusals[i].member, json_from_string (refusals[i].value, NULL));
      response = post_object (fixture, CERTIFICATION "/create", body);
      assert_error (response, SOUP_STATUS_BAD_REQUEST, refusals[i].path);
    }
}

/* An unknown product among known ones, at its index. */
static void
test_refused_product_index (Fixture      *fixture,
                            gconstpointer data)
{
  g_auto(GStrv) products = pm_product_ids (fixture, 2);
  const char *ids[] = { products[0], products[1], "706d3030ffffffffffffffff", NULL };
  g_autoptr(JsonObject) body = valid_create (fixture, "CU-GRS-0000031", ids);
  g_autoptr(Response) response = post_object (fixture, CERTIFICATION "/create", body);
  g_autoptr(Response) mismatch = NULL;
  g_autoptr(JsonObject) other = valid_create (fixture, "CU-GRS-0000032", NULL);
  g_autofree char *standard_id = NULL;
  g_autofree char *authority_id = NULL;

  assert_error (response, SOUP_STATUS_BAD_REQUEST, "productModuleIds[2]");

  /* A standard of another authority. */
  find_standard (fixture, "bluesign® PRODUCT", &standard_id, &authority_id);
  json_object_set_string_member (other, "assertionAuthorityId", authority_id);
  mismatch = post_object (fixture, CERTIFICATION "/create", other);
  assert_error (mismatch, SOUP_STATUS_BAD_REQUEST, "assertionStandardId");
}

static void
test_too_many_files (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(JsonObject) body = valid_create (fixture, "CU-GRS-0000033", NULL);
  g_autofree char *file = png_base64 (8, 8, 0.3);
  g_autoptr(Response) response = NULL;
  JsonArray *files = json_array_new ();

  for (guint i = 0; i < ATT_CERTIFICATE_MAX_FILES + 1; i++)
    json_array_add_string_element (files, file);
  json_object_set_array_member (body, "certificationFiles", files);
  response = post_object (fixture, CERTIFICATION "/create", body);
  assert_error (response, SOUP_STATUS_BAD_REQUEST, "certificationFiles");

  /* Twenty is allowed. */
  json_array_remove_element (files, 0);
  g_clear_pointer (&response, response_free);
  response = post_object (fixture, CERTIFICATION "/create", body);
  assert_ok (response);
}

/* The 64 MiB limit, told from the length of the text alone. */
static void
test_file_limit (void)
{
  /* 4 characters are 3 bytes: this many are 64 MiB less a byte. */
  gsize largest = 4 * (ATT_CERTIFICATE_MAX_FILE_SIZE / 3);
  char *text = g_malloc (largest + 4);
  gsize header = strlen ("iVBORw0KGgo");

  memset (text, 'A', largest + 4);
  memcpy (text, "iVBORw0KGgo", header);
  g_assert_null (att_sandbox_certificate_check_file (text, largest));
  g_assert_nonnull (att_sandbox_certificate_check_file (text, largest + 4));
  g_assert_null (att_sandbox_certificate_check_file (text, 12));
  g_assert_nonnull (att_sandbox_certificate_check_file (text + 4, 12));
  g_free (text);
}

static void
test_duplicate (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(JsonObject) body = valid_create (fixture, "CU-GRS-0000040", NULL);
  g_autoptr(JsonObject) created = create_certificate (fixture, body);
  g_autoptr(Response) again = post_object (fixture, CERTIFICATION "/create", body);
  g_autoptr(JsonObject) other = valid_create (fixture, "CU-GRS-0000040", NULL);
  g_autofree char *standard_id = NULL;
  g_autofree char *authority_id = NULL;
  g_autoptr(JsonObject) other_created = NULL;

  assert_error (again, SOUP_STATUS_CONFLICT, "assertionId");

  /* The same number under another standard is another certificate. */
  find_standard (fixture, "Organic Content Standard (OCS)", &standard_id, &authority_id);
  json_object_set_string_member (other, "assertionStandardId", standard_id);
  json_object_set_string_member (other, "assertionAuthorityId", authority_id);
  other_created = create_certificate (fixture, other);
  g_assert_cmpstr (json_object_get_string_member (other_created, "_id"), !=,
                   json_object_get_string_member (created, "_id"));
}

/* PM search ------------------------------------------------------------------- */

static void
test_pm_search_paging (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr(JsonArray) all = NULL;
  g_autoptr(JsonArray) page = NULL;
  g_autoptr(JsonArray) last = NULL;
  g_autoptr(Response) bad = NULL;
  gint64 total = 0;

  /* `{}` is everything, ordered by name then id. */
  all = pm_search (fixture, "{}", &total);
  g_assert_cmpint (total, ==, N_DEMO_PM_PRODUCTS);
  g_assert_cmpuint (json_array_get_length (all), ==, N_DEMO_PM_PRODUCTS);
  for (guint i = 1; i < json_array_get_length (all); i++)
    g_assert_cmpint (strcmp (json_object_get_string_member (json_array_get_object_element (all, i - 1), "name"),
                             json_object_get_string_member (json_array_get_object_element (all, i), "name")),
                     <=, 0);

  page = pm_search (fixture, "{\"from\": 10, \"size\": 5}", &total);
  g_assert_cmpint (total, ==, N_DEMO_PM_PRODUCTS);
  g_assert_cmpuint (json_array_get_length (page), ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (page, i), "_id"), ==,
                     json_object_get_string_member (json_array_get_object_element (all, 10 + i), "_id"));

  last = pm_search (fixture, "{\"from\": 80, \"size\": 10}", &total);
  g_assert_cmpuint (json_array_get_length (last), ==, N_DEMO_PM_PRODUCTS - 80);

  bad = post (fixture, PM_SEARCH, "{\"from\": -1, \"size\": \"ten\"}");
  assert_error (bad, SOUP_STATUS_BAD_REQUEST, "from");
  assert_error (bad, SOUP_STATUS_BAD_REQUEST, "size");
}

static void
test_pm_search_filters (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr(JsonArray) merino = NULL;
  g_autoptr(JsonArray) style = NULL;
  g_autoptr(JsonArray) both = NULL;
  g_autoptr(JsonArray) none = NULL;
  gint64 total = 0;

  /* A case-insensitive part of the name. */
  merino = pm_search (fixture, "{\"name\": \"MERINO\"}", &total);
  g_assert_cmpint (total, ==, 5);
  for (guint i = 0; i < json_array_get_length (merino); i++)
    g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (merino, i), "name"),
                              "Merino"));

  style = pm_search (fixture, "{\"productStyleNumber\": \"ATT-1004-AP\"}", &total);
  g_assert_cmpint (total, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (style, 0), "modelNumber"), ==,
                   "ATT-1004-AP");

  /* Filters together must all match. */
  both = pm_search (fixture, "{\"name\": \"merino\", \"productStyleNumber\": [\"ATT-1004-AP\", \"ATT-1005-AP\"]}", &total);
  g_assert_cmpint (total, ==, 1);
  none = pm_search (fixture, "{\"barcodes\": [\"0000000000000\"]}", &total);
  g_assert_cmpint (total, ==, 0);
  g_assert_cmpuint (json_array_get_length (none), ==, 0);
}

/* The demo ------------------------------------------------------------------- */

/* Every certificate in @hits, by id. */
static GHashTable *
collect_certificates (JsonArray *hits)
{
  GHashTable *certificates = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonArray *list = json_object_get_array_member (json_array_get_object_element (hits, i), "certifications");

      for (guint j = 0; j < json_array_get_length (list); j++)
        {
          JsonObject *certificate = json_array_get_object_element (list, j);

          g_hash_table_insert (certificates, (gpointer) json_object_get_string_member (certificate, "_id"),
                               certificate);
        }
    }
  return certificates;
}

static void
check_demo_files (JsonObject *certificate)
{
  JsonArray *files = json_object_get_array_member (certificate, "certificationFiles");

  g_assert_cmpuint (json_array_get_length (files), >=, 1);
  g_assert_cmpuint (json_array_get_length (files), <=, 2);
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      gsize              size = 0;
      g_autofree guchar *png = g_base64_decode (json_array_get_string_element (files, i), &size);

      g_assert_cmpint (att_file_type_sniff (png, size), ==, ATT_FILE_TYPE_PNG);
      g_assert_cmpuint (size, <, 100 * 1024);
    }
}

static void
test_demo_certificates (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr(JsonArray) hits = pm_search (fixture, "{}", NULL);
  g_autoptr(GHashTable) certificates = collect_certificates (hits);
  gint64         now = g_get_real_time () / 1000;
  guint          counts[3] = { 0 };
  GHashTableIter iter;
  gpointer       value;

  g_assert_cmpuint (g_hash_table_size (certificates), >=, 10);
  g_hash_table_iter_init (&iter, certificates);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JsonObject *certificate = value;
      gint64      expires = json_object_get_int_member (certificate, "dateExpires");

      g_assert_cmpint (json_object_get_int_member (certificate, "dateIssued"), <, expires);
      g_assert_cmpstr (json_object_get_string_member (certificate, "assertionStandardName"), !=, "");
      check_demo_files (certificate);
      if (expires < now)
        counts[2]++;
      else if (expires <= now + 60 * DAY_MS)
        counts[1]++;
      else
        counts[0]++;
    }

  /* Valid, expiring within 60 days, expired. */
  g_assert_cmpuint (counts[0], >, 0);
  g_assert_cmpuint (counts[1], >, 0);
  g_assert_cmpuint (counts[2], >, 0);
}

/* The PIC demo products' identifiers, from PIC search, as a client reads
 * them: GTINs in @gtins, the others in @others. */
static void
collect_pic_identifiers (Fixture    *fixture,
                         GHashTable *gtins,
                         GHashTable *others)
{
  for (guint from = 0;; from += 100)
    {
      g_autofree char *json = g_strdup_printf ("{\"from\": %u, \"size\": 100}", from);
      g_autoptr(Response) response = post (fixture, "/pic-api/v1/products/search", json);
      JsonArray *results;

      assert_ok (response);
      results = json_object_get_array_member (reply_object (response), "results");
      for (guint i = 0; i < json_array_get_length (results); i++)
        {
          JsonObject *product = json_array_get_object_element (results, i);
          const char *type = json_object_get_string_member (product, "identifierType");

          g_hash_table_add (g_str_equal (type, "GTIN") ? gtins : others,
                            g_strdup (json_object_get_string_member (product, "identifier")));
        }
      if (json_array_get_length (results) < 100)
        return;
    }
}

static void
test_demo_matches_pic (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr(GHashTable) gtins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) others = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) barcodes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonArray) hits = pm_search (fixture, "{}", NULL);
  guint          matched = 0, by_style = 0, unmatched = 0;
  GHashTableIter iter;
  gpointer       gtin;

  collect_pic_identifiers (fixture, gtins, others);
  g_assert_cmpuint (g_hash_table_size (gtins), >, 0);

  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *hit = json_array_get_object_element (hits, i);
      JsonArray  *list = json_object_get_array_member (hit, "barcodes");
      const char *barcode = json_array_get_length (list) > 0 ? json_array_get_string_element (list, 0) : NULL;

      g_assert_cmpuint (strlen (json_object_get_string_member (hit, "_id")), ==, 24);
      g_assert_false (json_object_get_boolean_member (hit, "draft"));
      g_assert_true (json_object_has_member (hit, "sacId"));
      if (barcode != NULL)
        g_hash_table_add (barcodes, (gpointer) barcode);

      if (barcode != NULL && g_hash_table_contains (gtins, barcode))
        matched++;
      else if (g_hash_table_contains (others, json_object_get_string_member (hit, "modelNumber")))
        by_style++;
      else
        unmatched++;
    }

  /* Every PIC GTIN is a PM barcode; the SKU products match by style
   * number; three to five PM products match nothing. */
  g_hash_table_iter_init (&iter, gtins);
  while (g_hash_table_iter_next (&iter, &gtin, NULL))
    g_assert_true (g_hash_table_contains (barcodes, gtin));
  g_assert_cmpuint (matched, ==, g_hash_table_size (gtins));
  g_assert_cmpuint (by_style, ==, g_hash_table_size (others));
  g_assert_cmpuint (unmatched, >=, 3);
  g_assert_cmpuint (unmatched, <=, 5);
}

/* Faults and persistence ------------------------------------------------------ */

static void
test_faults (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(Response) set = post (fixture, "/_sandbox/faults",
                                   "{\"status\": 500, \"count\": 1, \"path\": \"" CERTIFICATION "/create\"}");
  g_autoptr(JsonObject) body = valid_create (fixture, "CU-GRS-0000050", NULL);
  g_autoptr(Response) failed = NULL;
  g_autoptr(Response) searched = NULL;
  g_autoptr(Response) retried = NULL;

  assert_ok (set);

  /* Other routes are answered and do not use the failure up. */
  searched = post (fixture, PM_SEARCH, "{\"size\": 1}");
  assert_ok (searched);
  failed = post_object (fixture, CERTIFICATION "/create", body);
  assert_error (failed, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  retried = post_object (fixture, CERTIFICATION "/create", body);
  assert_ok (retried);
}

/* A lower body limit makes the sandbox itself answer 413 to a small
 * upload, counting what it stores; the control route keeps its limit, so
 * the limit can be lifted again. */
static void
test_fault_max_request (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr(JsonObject) body = valid_create (fixture, "CU-GRS-0000051", NULL);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), body);
  g_autofree char *json = json_to_string (node, FALSE);
  g_autofree char *limit = g_strdup_printf ("{\"maxRequestBytes\": %zu}", strlen (json) - 1);
  g_autofree char *expected = g_strdup_printf ("%zu bytes", strlen (json) - 1);
  g_autoptr(Response) set = post (fixture, "/_sandbox/faults", limit);
  g_autoptr(Response) refused = NULL;
  g_autoptr(Response) bad = NULL;
  g_autoptr(Response) reset = NULL;
  g_autoptr(Response) accepted = NULL;
  g_autofree char *padding = g_strnfill (2000, ' ');
  g_autofree char *lift = g_strconcat ("{\"maxRequestBytes\": 0", padding, "}", NULL);

  /* One byte over the limit is refused. */
  assert_ok (set);
  g_assert_cmpint (json_object_get_int_member (reply_object (set), "maxRequestBytes"), ==, strlen (json) - 1);
  refused = post (fixture, CERTIFICATION "/create", json);
  assert_error (refused, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL);
  g_assert_nonnull (strstr (json_object_get_string_member (reply_object (refused), "message"), expected));

  bad = post (fixture, "/_sandbox/faults", "{\"maxRequestBytes\": -5}");
  assert_error (bad, SOUP_STATUS_BAD_REQUEST, "maxRequestBytes");
  reset = post (fixture, "/_sandbox/faults", lift);
  assert_ok (reset);
  accepted = post (fixture, CERTIFICATION "/create", json);
  assert_ok (accepted);
}

static char *
array_to_string (JsonArray *array)
{
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);

  return json_to_string (node, FALSE);
}

/* A sandbox restarted on the same store keeps its certificates and their
 * ids, does not seed them again, and gives new certificates new ids. */
static void
test_persistence (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("attest-certificates-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "sandbox.db", NULL);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(JsonArray) before = NULL;
  g_autoptr(JsonArray) after = NULL;
  g_autoptr(GHashTable) before_ids = NULL;
  g_autoptr(GHashTable) after_ids = NULL;
  g_auto(GStrv) products = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;

  g_clear_object (&fixture->sandbox);
  fixture_start (fixture, db_path);
  products = pm_product_ids (fixture, 1);
  body = valid_create (fixture, "CU-GRS-0000060", (const char *const *) products);
  created = create_certificate (fixture, body);
  before = pm_search (fixture, "{}", NULL);
  before_ids = collect_certificates (before);
  before_text = array_to_string (before);

  g_clear_object (&fixture->sandbox);
  fixture_start (fixture, db_path);
  after = pm_search (fixture, "{}", NULL);
  after_ids = collect_certificates (after);
  after_text = array_to_string (after);
  g_assert_cmpuint (g_hash_table_size (after_ids), ==, g_hash_table_size (before_ids));
  g_assert_true (g_hash_table_contains (after_ids, json_object_get_string_member (created, "_id")));
  g_assert_cmpstr (before_text, ==, after_text);

  json_object_set_string_member (body, "assertionId", "CU-GRS-0000061");
  second = create_certificate (fixture, body);
  g_assert_false (g_hash_table_contains (after_ids, json_object_get_string_member (second, "_id")));

  g_clear_object (&fixture->sandbox);
  att_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/sandbox-certificates/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("lists", test_lists);
  ADD ("lists-stable", test_lists_stable);
  ADD ("auth", test_auth);
  ADD ("create/read-back", test_create_and_read_back);
  ADD ("create/without-products", test_create_without_products);
  ADD ("create/duplicate-products", test_create_duplicate_products);
  ADD ("create/large", test_create_large);
  ADD ("update/fields", test_update_fields);
  ADD ("update/immutable", test_update_immutable);
  ADD ("update/attach-detach", test_attach_detach);
  ADD ("refused/fields", test_refused);
  ADD ("refused/product-index", test_refused_product_index);
  ADD ("refused/too-many-files", test_too_many_files);
  ADD ("refused/duplicate", test_duplicate);
  g_test_add_func ("/sandbox-certificates/refused/file-limit", test_file_limit);
  ADD ("pm-search/paging", test_pm_search_paging);
  ADD ("pm-search/filters", test_pm_search_filters);
  ADD ("demo/certificates", test_demo_certificates);
  ADD ("demo/matches-pic", test_demo_matches_pic);
  ADD ("faults", test_faults);
  ADD ("faults/max-request", test_fault_max_request);
  ADD ("persistence", test_persistence);

  return g_test_run ();
}
