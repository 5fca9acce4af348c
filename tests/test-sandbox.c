/* test-sandbox.c: the sandbox over real HTTP, as a client sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>

#include "att-higg-token.h"
#include "att-sandbox.h"
#include "att-test-utils.h"
#include "att-validation.h"

#define API "/pic-api/v1"

typedef struct
{
  AttSandbox  *sandbox;
  SoupSession *session;
} Fixture;

typedef struct
{
  guint     status;
  char     *content_type;
  GBytes   *body;
  JsonNode *json;
  char     *retry_after;
  char     *allow;
  gboolean  done;
} Response;

static void
response_free (Response *response)
{
  g_free (response->content_type);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->json, json_node_unref);
  g_free (response->retry_after);
  g_free (response->allow);
  g_free (response);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Response, response_free)

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_listen (fixture->sandbox, 0, &error);
  g_assert_no_error (error);
  fixture->session = soup_session_new ();
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->sandbox);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Response *response = user_data;
  g_autoptr(GError) error = NULL;
  SoupMessage        *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  SoupMessageHeaders *headers;

  response->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);

  headers = soup_message_get_response_headers (msg);
  response->status = soup_message_get_status (msg);
  response->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  response->retry_after = g_strdup (soup_message_headers_get_one (headers, "Retry-After"));
  response->allow = g_strdup (soup_message_headers_get_one (headers, "Allow"));
  response->done = TRUE;
}

static void
copy_header (const char *name,
             const char *value,
             gpointer    user_data)
{
  soup_message_headers_replace (user_data, name, value);
}

/* Sends a request and runs the main loop until the answer is in; client
 * and sandbox share this thread's main context.  With @authenticate, the
 * request carries valid credentials; @headers (nullable) are added after
 * them, so they can replace one. */
static Response *
send_raw_full (Fixture            *fixture,
               const char         *method,
               const char         *path,
               const char         *content_type,
               GBytes             *body,
               gboolean            authenticate,
               SoupMessageHeaders *headers)
{
  g_autofree char *url = g_strconcat (att_sandbox_get_base_url (fixture->sandbox), path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  Response *response = g_new0 (Response, 1);

  if (authenticate)
    att_test_add_auth_headers (msg, fixture->sandbox);
  if (headers != NULL)
    soup_message_headers_foreach (headers, copy_header, soup_message_get_request_headers (msg));

  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);

  soup_session_send_and_read_async (fixture->session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, response);
  while (!response->done)
    g_main_context_iteration (NULL, TRUE);

  if (g_strcmp0 (response->content_type, "application/json") == 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      gsize       size;
      const char *data = g_bytes_get_data (response->body, &size);

      json_parser_load_from_data (parser, data, (gssize) size, &error);
      g_assert_no_error (error);
      response->json = json_node_ref (json_parser_get_root (parser));
    }

  return response;
}

static Response *
send_raw (Fixture    *fixture,
          const char *method,
          const char *path,
          const char *content_type,
          GBytes     *body)
{
  return send_raw_full (fixture, method, path, content_type, body, TRUE, NULL);
}

static Response *
post (Fixture    *fixture,
      const char *path,
      const char *json)
{
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

  return send_raw (fixture, "POST", path, "application/json", body);
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

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
reply_object (Response *response)
{
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));
  return json_node_get_object (response->json);
}

/* Checks the one error shape and that @path is among the details. */
static void
assert_error (Response   *response,
              guint       status,
              const char *path)
{
  JsonObject *body;
  JsonArray  *details;
  gboolean    found = FALSE;

  g_assert_cmpuint (response->status, ==, status);
  g_assert_cmpstr (response->content_type, ==, "application/json");
  body = reply_object (response);
  g_assert_cmpint (json_object_get_int_member (body, "statusCode"), ==, status);
  g_assert_cmpstr (json_object_get_string_member (body, "error"), ==, soup_status_get_phrase (status));
  g_assert_nonnull (json_object_get_string_member (body, "message"));
  g_assert_cmpstr (json_object_get_string_member (body, "message"), !=, "");
  details = json_object_get_array_member (body, "details");
  g_assert_nonnull (details);

  if (path == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (details); i++)
    {
      JsonObject *detail = json_array_get_object_element (details, i);

      g_assert_nonnull (json_object_get_string_member (detail, "message"));
      if (g_strcmp0 (json_object_get_string_member (detail, "path"), path) == 0)
        found = TRUE;
    }

  if (!found)
    {
      g_autofree char *text = json_to_string (response->json, TRUE);

      g_error ("No detail for %s in %s", path, text);
    }
}

static const char valid_create[] =
  "{"
  "  \"name\": \"Test Organic Tee\","
  "  \"weight\": 250,"
  "  \"weightMeasureUnit\": \"grams\","
  "  \"weightIsPrimaryData\": true,"
  "  \"categoryExpansionId\": \"ApparelAccessories-TopsBlouses-TShirts\","
  "  \"size\": \"Adult\","
  "  \"identifier\": \"3760123450010\","
  "  \"identifierType\": \"GTIN\","
  "  \"tags\": [\"test\", \"organic\"],"
  "  \"materials\": ["
  "    {\"materialId\": \"MatTX0053\", \"netUse\": 80, \"composition\": 95},"
  "    {\"materialId\": \"MatTX0016\", \"netUse\": 90, \"composition\": 5}"
  "  ],"
  "  \"packaging\": [{\"packagingId\": \"Pkg0002\", \"amount\": 1}],"
  "  \"components\": [{\"componentId\": \"Cmp0032\", \"unit\": 1}],"
  "  \"purchaseOrder\": ["
  "    {\"purchaseOrderId\": \"PO-1\", \"purchaseDate\": \"2024-03-15\", \"amountPurchase\": 500,"
  "     \"assembly\": {\"femId\": \"fem-123\"}},"
  "    {\"purchaseOrderId\": \"PO-2\", \"purchaseDate\": \"2024-05-01\", \"amountPurchase\": 1200}"
  "  ],"
  "  \"frenchLabelCountry\": {\"code\": \"FR\", \"name\": \"France\"},"
  "  \"frenchLabelDyeingCountry\": {\"code\": \"CN\", \"name\": \"China\"},"
  "  \"frenchLabelFabricCountry\": {\"code\": \"IN\", \"name\": \"India\"},"
  "  \"frenchLabelOptionalFields\": {\"business\": \"small-business\", \"price\": 20,"
  "    \"numberOfReferences\": 100, \"upcycled\": false,"
  "    \"countrySpinning\": {\"code\": \"CN\", \"name\": \"China\"}}"
  "}";

static JsonObject *
create_product (Fixture    *fixture,
                const char *json)
{
  g_autoptr(Response) response = post (fixture, API "/products/create", json);

  if (response->status != SOUP_STATUS_OK)
    {
      g_autofree char *text = response->json != NULL ? json_to_string (response->json, TRUE) : NULL;

      g_error ("create answered %u: %s", response->status, text);
    }
  return json_object_ref (reply_object (response));
}

static JsonObject *
search_one (Fixture    *fixture,
            const char *id)
{
  g_autofree char *body = g_strdup_printf ("{\"id\": [\"%s\"]}", id);
  g_autoptr(Response) response = post (fixture, API "/products/search", body);
  JsonObject *reply;

  g_assert_cmpuint (response->status, ==, 200);
  reply = reply_object (response);
  g_assert_cmpint (json_object_get_int_member (reply, "total"), ==, 1);
  return json_object_ref (json_array_get_object_element (json_object_get_array_member (reply, "results"), 0));
}

/* Sets (or, with a NULL value, removes) the member at @path, e.g.
 * `materials[1].composition`, to the JSON @value. */
static void
set_path (JsonObject *root,
          const char *path,
          const char *value)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *object = root;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char    *bracket = strchr (parts[i], '[');
      gboolean last = parts[i + 1] == NULL;
      guint    index = 0;

      if (bracket != NULL)
        {
          index = (guint) g_ascii_strtoull (bracket + 1, NULL, 10);
          *bracket = '\0';
        }

      if (last && bracket == NULL)
        {
          if (value == NULL)
            json_object_remove_member (object, parts[i]);
          else
            json_object_set_member (object, parts[i], json_from_string (value, NULL));
          return;
        }

      if (bracket != NULL)
        {
          JsonArray *array = json_object_get_array_member (object, parts[i]);

          if (last)
            {
              g_assert_nonnull (value);
              json_array_remove_element (array, index);
              g_assert_cmpuint (index, ==, json_array_get_length (array));
              json_array_add_element (array, json_from_string (value, NULL));
              return;
            }
          object = json_array_get_object_element (array, index);
        }
      else
        {
          object = json_object_get_object_member (object, parts[i]);
        }
    }
}

/* Create ---------------------------------------------------------------------- */

static double
impact_weight (JsonObject *row,
               const char *key)
{
  JsonNode *node = json_object_get_member (row, key);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_double (node) : 0;
}

static void
test_create_valid (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(JsonObject) product = create_product (fixture, valid_create);
  g_autoptr(GBytes) impacts_bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) date = g_date_time_new_utc (2024, 3, 15, 0, 0, 0);
  JsonObject *weight, *material, *po, *score, *impacts, *shares, *country, *eligibility;
  JsonArray  *rows, *materials, *orders;
  const char *id;
  double      pef = 0, ecs = 0;

  id = json_object_get_string_member (product, "_id");
  g_assert_cmpuint (strlen (id), ==, 24);
  g_assert_cmpstr (json_object_get_string_member (product, "name"), ==, "Test Organic Tee");
  g_assert_cmpstr (json_object_get_string_member (product, "productType"), ==, "Apparel");
  g_assert_cmpstr (json_object_get_string_member (product, "identifierType"), ==, "GTIN");
  g_assert_cmpstr (json_object_get_string_member (product, "size"), ==, "Adult");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (product, "tags")), ==, 2);
  g_assert_true (json_node_get_value_type (json_object_get_member (product, "createdOn")) == G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (product, "modifiedOn"), >=,
                   json_object_get_int_member (product, "createdOn"));

  weight = json_object_get_object_member (product, "weightInformation");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (weight, "convertedToKg"), 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (weight, "weight"), 250, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (weight, "unit"), ==, "grams");
  g_assert_true (json_object_get_boolean_member (weight, "isPrimaryData"));

  materials = json_object_get_array_member (product, "materials");
  g_assert_cmpint (json_array_get_length (materials), ==, 2);
  material = json_array_get_object_element (materials, 0);
  g_assert_cmpstr (json_object_get_string_member (material, "materialId"), ==, "MatTX0053");
  g_assert_cmpstr (json_object_get_string_member (material, "name"), ==, "Cotton, organic, knit");
  g_assert_cmpint (json_object_get_int_member (material, "composition"), ==, 95);
  g_assert_cmpint (json_object_get_int_member (material, "netUse"), ==, 80);
  g_assert_nonnull (json_object_get_string_member (material, "dataSource"));
  g_assert_true (json_object_has_member (material, "description"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (material, "weightInformation"),
                                                                 "convertedToKg"),
                                  0.25 * 0.95 / 0.8, 1e-6);

  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (product, "packaging"), 0), "name"),
                   ==, "Polybag, LDPE, recycled (post-consumer)");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (product, "components"), 0), "name"),
                   ==, "Main label, woven polyester");

  orders = json_object_get_array_member (product, "purchaseOrder");
  g_assert_cmpint (json_array_get_length (orders), ==, 2);
  po = json_array_get_object_element (orders, 0);
  g_assert_cmpuint (strlen (json_object_get_string_member (po, "_id")), ==, 24);
  g_assert_cmpstr (json_object_get_string_member (po, "_id"), !=,
                   json_object_get_string_member (json_array_get_object_element (orders, 1), "_id"));
  g_assert_cmpstr (json_object_get_string_member (po, "purchaseOrderId"), ==, "PO-1");
  g_assert_true (json_node_get_value_type (json_object_get_member (po, "purchaseDate")) == G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (po, "purchaseDate"), ==, g_date_time_to_unix (date) * 1000);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (po, "assembly"), "femId"), ==, "fem-123");

  country = json_object_get_object_member (product, "frenchLabelManufacturingCountry");
  g_assert_cmpstr (json_object_get_string_member (country, "code"), ==, "FR");
  g_assert_cmpstr (json_object_get_string_member (country, "name"), ==, "France");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (product, "frenchLabelFabricCountry"), "code"), ==, "IN");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (product, "frenchLabelDyeingCountry"), "code"), ==, "CN");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (product, "frenchLabelOptionalFields"), "price"), ==, 20);

  eligibility = json_object_get_object_member (product, "frenchLabelEligibility");
  g_assert_true (json_object_get_boolean_member (eligibility, "eligible"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (eligibility, "reasons")), ==, 0);

  /* The score keeps the documented relations with impacts.json. */
  score = json_object_get_object_member (product, "frenchLabelEcoScore");
  g_assert_cmpstr (json_object_get_string_member (score, "status"), ==, "Complete");
  impacts = json_object_get_object_member (score, "impacts");
  shares = json_object_get_object_member (score, "impactsPercentageContribution");
  impacts_bytes = g_resources_lookup_data ("/io/github/attestapp/Attest/sandbox/impacts.json", 0, NULL);
  g_assert_nonnull (impacts_bytes);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (impacts_bytes, NULL),
                                             (gssize) g_bytes_get_size (impacts_bytes), NULL));
  rows = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpint (json_array_get_length (rows), ==, 21);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *key = json_object_get_string_member (row, "key");
      double      value;

      g_assert_true (json_object_has_member (impacts, key));
      g_assert_true (json_object_has_member (shares, key));
      if (json_object_get_boolean_member (row, "aggregate"))
        continue;

      value = json_object_get_double_member (impacts, key);
      g_assert_cmpfloat (value, >, 0);
      pef += impact_weight (row, "pefWeight") * value / json_object_get_double_member (row, "normalization") * 1e6;
      ecs += impact_weight (row, "ecsWeight") * value / json_object_get_double_member (row, "normalization") * 1e6;
    }

  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (impacts, "pef"), pef, 0.01);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (impacts, "ecs"), ecs, 0.01);
  g_assert_cmpint (json_object_get_int_member (score, "score"), ==,
                   (gint64) round (json_object_get_double_member (impacts, "ecs")));
  g_assert_cmpint (json_object_get_int_member (score, "score"), >, 0);
}

static void
test_create_deterministic_score (Fixture      *fixture,
                                 gconstpointer data)
{
  g_autoptr(JsonObject) first = create_product (fixture, valid_create);
  g_autoptr(JsonObject) second = create_product (fixture, valid_create);
  g_autoptr(JsonObject) heavier_body = parse_object (valid_create);
  g_autoptr(JsonObject) heavier = NULL;
  gint64 score;

  score = json_object_get_int_member (json_object_get_object_member (first, "frenchLabelEcoScore"), "score");
  g_assert_cmpstr (json_object_get_string_member (first, "_id"), !=, json_object_get_string_member (second, "_id"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (second, "frenchLabelEcoScore"), "score"), ==, score);

  /* Twice the mass, twice the impact. */
  set_path (heavier_body, "weight", "500");
  {
    g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), heavier_body);
    g_autofree char *json = json_to_string (node, FALSE);

    heavier = create_product (fixture, json);
  }
  g_assert_cmpint (llabs (json_object_get_int_member (json_object_get_object_member (heavier, "frenchLabelEcoScore"), "score") - 2 * score), <=, 1);
}

static void
test_create_not_eligible (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr(JsonObject) body = parse_object (valid_create);
  g_autoptr(Response) response = NULL;
  JsonObject *product, *eligibility;
  JsonArray  *reasons;

  set_path (body, "weightIsPrimaryData", "false");
  set_path (body, "frenchLabelDyeingCountry", NULL);
  response = post_object (fixture, API "/products/create", body);
  g_assert_cmpuint (response->status, ==, 200);

  product = reply_object (response);
  eligibility = json_object_get_object_member (product, "frenchLabelEligibility");
  g_assert_false (json_object_get_boolean_member (eligibility, "eligible"));
  reasons = json_object_get_array_member (eligibility, "reasons");
  g_assert_cmpint (json_array_get_length (reasons), ==, 2);
  for (guint i = 0; i < json_array_get_length (reasons); i++)
    {
      JsonObject *reason = json_array_get_object_element (reasons, i);

      g_assert_nonnull (json_object_get_string_member (reason, "category"));
      g_assert_nonnull (json_object_get_string_member (reason, "message"));
    }
  g_assert_false (json_object_has_member (product, "frenchLabelEcoScore"));
  g_assert_false (json_object_has_member (product, "frenchLabelDyeingCountry"));
}

static void
test_create_score_pending (Fixture      *fixture,
                           gconstpointer data)
{
  g_autoptr(JsonObject) product = NULL;
  g_autoptr(JsonObject) found = NULL;
  JsonObject *score;

  att_sandbox_set_score_delay (fixture->sandbox, 600000);
  product = create_product (fixture, valid_create);
  score = json_object_get_object_member (product, "frenchLabelEcoScore");
  g_assert_cmpstr (json_object_get_string_member (score, "status"), ==, "Pending");
  g_assert_false (json_object_has_member (score, "score"));

  found = search_one (fixture, json_object_get_string_member (product, "_id"));
  score = json_object_get_object_member (found, "frenchLabelEcoScore");
  g_assert_cmpstr (json_object_get_string_member (score, "status"), ==, "Pending");
}

static void
test_create_material_weight (Fixture      *fixture,
                             gconstpointer data)
{
  g_autoptr(JsonObject) body = parse_object (valid_create);
  g_autoptr(Response) response = NULL;
  JsonObject *product;

  /* No weight is fine when it comes from the materials (V5). */
  set_path (body, "weight", NULL);
  set_path (body, "isMaterialWeight", "true");
  response = post_object (fixture, API "/products/create", body);
  g_assert_cmpuint (response->status, ==, 200);
  product = reply_object (response);
  g_assert_true (json_object_get_boolean_member (product, "isMaterialWeight"));
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (product, "frenchLabelEligibility"),
                                                  "eligible"));
}

/* Validation ------------------------------------------------------------------ */

typedef struct
{
  const char *rule;
  const char *path;     /* what to change */
  const char *value;    /* JSON, or NULL to remove */
  const char *expected; /* the detail path */
} Rule;

static const Rule rules[] = {
  { "V1 name required", "name", NULL, "name" },
  { "V1 name not blank", "name", "\"  \"", "name" },
  { "name type", "name", "42", "name" },
  { "V1 materials required", "materials", NULL, "materials" },
  { "V1 materials not empty", "materials", "[]", "materials" },
  { "materials type", "materials", "{}", "materials" },
  { "material type", "materials[1]", "\"MatTX0016\"", "materials[1]" },
  { "V2 materialId required", "materials[0].materialId", NULL, "materials[0].materialId" },
  { "materialId type", "materials[0].materialId", "53", "materials[0].materialId" },
  { "V2 netUse required", "materials[0].netUse", NULL, "materials[0].netUse" },
  { "V4 netUse low", "materials[0].netUse", "0", "materials[0].netUse" },
  { "V4 netUse high", "materials[1].netUse", "100.5", "materials[1].netUse" },
  { "netUse type", "materials[0].netUse", "\"80\"", "materials[0].netUse" },
  { "V3 composition integer", "materials[0].composition", "94.5", "materials[0].composition" },
  { "V3 composition range", "materials[1].composition", "0", "materials[1].composition" },
  { "V3 composition sum", "materials[0].composition", "90", "materials" },
  { "V3 composition all or none", "materials[1].composition", NULL, "materials[1].composition" },
  { "V2 packagingId required", "packaging[0].packagingId", NULL, "packaging[0].packagingId" },
  { "V2 amount positive", "packaging[0].amount", "0", "packaging[0].amount" },
  { "packaging type", "packaging", "\"Pkg0002\"", "packaging" },
  { "V2 componentId required", "components[0].componentId", NULL, "components[0].componentId" },
  { "V2 unit positive", "components[0].unit", "-1", "components[0].unit" },
  { "V5 weight required", "weight", NULL, "weight" },
  { "V5 weight positive", "weight", "0", "weight" },
  { "weight type", "weight", "\"250\"", "weight" },
  { "isMaterialWeight type", "isMaterialWeight", "\"yes\"", "isMaterialWeight" },
  { "weightMeasureUnit enum", "weightMeasureUnit", "\"stone\"", "weightMeasureUnit" },
  { "weightIsPrimaryData type", "weightIsPrimaryData", "1", "weightIsPrimaryData" },
  { "identifierType enum", "identifierType", "\"EAN\"", "identifierType" },
  { "identifier type", "identifier", "3760123450017", "identifier" },
  { "tags type", "tags", "[\"a\", 2]", "tags[1]" },
  { "categoryExpansionId type", "categoryExpansionId", "[]", "categoryExpansionId" },
  { "V7 purchaseOrderId required", "purchaseOrder[0].purchaseOrderId", NULL, "purchaseOrder[0].purchaseOrderId" },
  { "V7 purchaseOrderId type", "purchaseOrder[1].purchaseOrderId", "12", "purchaseOrder[1].purchaseOrderId" },
  { "V7 purchaseDate real", "purchaseOrder[0].purchaseDate", "\"2023-02-29\"", "purchaseOrder[0].purchaseDate" },
  { "V7 purchaseDate shape", "purchaseOrder[1].purchaseDate", "\"01/05/2024\"", "purchaseOrder[1].purchaseDate" },
  { "V7 amountPurchase not negative", "purchaseOrder[0].amountPurchase", "-5", "purchaseOrder[0].amountPurchase" },
  { "V7 femId required", "purchaseOrder[0].assembly.femId", NULL, "purchaseOrder[0].assembly.femId" },
  { "V7 assembly type", "purchaseOrder[0].assembly", "\"fem-123\"", "purchaseOrder[0].assembly" },
  { "country shape", "frenchLabelCountry", "\"FR\"", "frenchLabelCountry" },
  { "country name required", "frenchLabelDyeingCountry.name", NULL, "frenchLabelDyeingCountry.name" },
  { "country known", "frenchLabelFabricCountry", "{\"code\": \"XX\", \"name\": \"Nowhere\"}", "frenchLabelFabricCountry.code" },
  { "V13 business enum", "frenchLabelOptionalFields.business", "\"medium-business\"", "frenchLabelOptionalFields.business" },
  { "V13 references low", "frenchLabelOptionalFields.numberOfReferences", "0", "frenchLabelOptionalFields.numberOfReferences" },
  { "V13 references high", "frenchLabelOptionalFields.numberOfReferences", "1000000", "frenchLabelOptionalFields.numberOfReferences" },
  { "V13 price high", "frenchLabelOptionalFields.price", "1000.5", "frenchLabelOptionalFields.price" },
  { "V13 price low", "frenchLabelOptionalFields.price", "0.5", "frenchLabelOptionalFields.price" },
  { "V13 upcycled type", "frenchLabelOptionalFields.upcycled", "\"no\"", "frenchLabelOptionalFields.upcycled" },
  { "V13 spinning country", "frenchLabelOptionalFields.countrySpinning", "{\"code\": \"ZZ\", \"name\": \"Z\"}", "frenchLabelOptionalFields.countrySpinning.code" },
  { "optional fields type", "frenchLabelOptionalFields", "[]", "frenchLabelOptionalFields" },
  { "material in catalogue", "materials[0].materialId", "\"MatTX9999\"", "materials[0].materialId" },
  { "packaging in catalogue", "packaging[0].packagingId", "\"Pkg9999\"", "packaging[0].packagingId" },
  { "component in catalogue", "components[0].componentId", "\"Cmp9999\"", "components[0].componentId" },
  { "category in catalogue", "categoryExpansionId", "\"Apparel-Nothing\"", "categoryExpansionId" },
};

static void
test_validation_rule (Fixture      *fixture,
                      gconstpointer data)
{
  const Rule *rule = data;
  g_autoptr(JsonObject) body = parse_object (valid_create);
  g_autoptr(Response) response = NULL;
  g_autoptr(Response) search = NULL;

  g_test_message ("%s: %s = %s", rule->rule, rule->path, rule->value != NULL ? rule->value : "(removed)");
  set_path (body, rule->path, rule->value);
  response = post_object (fixture, API "/products/create", body);
  assert_error (response, 400, rule->expected);
  g_assert_cmpstr (json_object_get_string_member (reply_object (response), "message"), ==, "Validation failed");

  /* Nothing was stored. */
  search = post (fixture, API "/products/search", "{}");
  g_assert_cmpint (json_object_get_int_member (reply_object (search), "total"), ==, 0);
}

static void
test_validation_rule_fixture (gconstpointer data)
{
  Fixture fixture = { 0 };

  fixture_setup (&fixture, NULL);
  test_validation_rule (&fixture, data);
  fixture_teardown (&fixture, NULL);
}

static void
test_validation_many (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr(Response) response = NULL;
  JsonArray *details;

  response = post (fixture, API "/products/create",
                   "{\"materials\": [{\"materialId\": \"MatTX0001\", \"netUse\": 0},"
                   "                 {\"netUse\": 50, \"composition\": 50}],"
                   " \"weight\": -1, \"identifierType\": \"EAN\","
                   " \"purchaseOrder\": [{\"purchaseOrderId\": \"A\", \"purchaseDate\": \"2024-13-01\","
                   "                      \"amountPurchase\": 1}]}");
  assert_error (response, 400, "name");
  assert_error (response, 400, "materials[0].netUse");
  assert_error (response, 400, "materials[0].composition");
  assert_error (response, 400, "materials[1].materialId");
  assert_error (response, 400, "weight");
  assert_error (response, 400, "identifierType");
  assert_error (response, 400, "purchaseOrder[0].purchaseDate");
  details = json_object_get_array_member (reply_object (response), "details");
  g_assert_cmpint (json_array_get_length (details), ==, 7);
}

/* The same rules without HTTP, as the app's forms use them. */
static void
test_validation_functions (void)
{
  g_autoptr(JsonObject) body = parse_object (valid_create);
  g_autoptr(JsonObject) update = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  gint64 ms = 0;

  errors = att_validate_product_create (body);
  g_assert_cmpint (errors->len, ==, 0);
  g_clear_pointer (&errors, g_ptr_array_unref);

  /* Update: the weight rule only when the weight changes while
   * isMaterialWeight is (or stays) false. */
  update = parse_object ("{\"weight\": null}");
  errors = att_validate_product_update (update, FALSE);
  g_assert_cmpint (errors->len, ==, 1);
  g_assert_cmpstr (((AttFieldError *) errors->pdata[0])->path, ==, "weight");
  g_clear_pointer (&errors, g_ptr_array_unref);
  errors = att_validate_product_update (update, TRUE);
  g_assert_cmpint (errors->len, ==, 0);
  g_clear_pointer (&errors, g_ptr_array_unref);
  g_clear_pointer (&update, json_object_unref);

  update = parse_object ("{\"name\": \"x\"}");
  errors = att_validate_product_update (update, FALSE);
  g_assert_cmpint (errors->len, ==, 0);
  g_clear_pointer (&errors, g_ptr_array_unref);
  g_clear_pointer (&update, json_object_unref);

  update = parse_object ("{\"updatePurchaseOrder\": [{\"amountPurchase\": 3}], \"removePurchaseOrder\": [7],"
                         " \"purchaseOrder\": [], \"materials\": null}");
  errors = att_validate_product_update (update, FALSE);
  g_assert_cmpint (errors->len, ==, 4);
  g_assert_cmpstr (((AttFieldError *) errors->pdata[0])->path, ==, "materials");
  g_assert_cmpstr (((AttFieldError *) errors->pdata[1])->path, ==, "updatePurchaseOrder[0]._id");
  g_assert_cmpstr (((AttFieldError *) errors->pdata[2])->path, ==, "removePurchaseOrder[0]");
  g_assert_cmpstr (((AttFieldError *) errors->pdata[3])->path, ==, "purchaseOrder");

  g_assert_true (att_validate_date_string ("2024-02-29", &ms));
  g_assert_cmpint (ms, ==, G_GINT64_CONSTANT (1709164800000));
  g_assert_false (att_validate_date_string ("2023-02-29", NULL));
  g_assert_false (att_validate_date_string ("2024-2-9", NULL));
  g_assert_false (att_validate_date_string ("2024-02-29T00:00", NULL));
}

/* Malformed requests ---------------------------------------------------------- */

static void
test_bad_bodies (Fixture      *fixture,
                 gconstpointer data)
{
  static const char *const bodies[] = {
    "{\"name\": ",
    "[1, 2]",
    "\"text\"",
    "42",
    "null",
    "{\"name\": \"x\",}",
    "\xff\xfe{}",
  };
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) plain = g_bytes_new_static ("{}", 2);

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(Response) response = post (fixture, API "/products/create", bodies[i]);

      assert_error (response, 400, NULL);
    }

  {
    g_autoptr(Response) response = send_raw (fixture, "POST", API "/products/search", "application/json", empty);

    assert_error (response, 400, NULL);
  }
  {
    g_autoptr(Response) response = send_raw (fixture, "POST", API "/products/search", NULL, NULL);

    assert_error (response, 400, NULL);
  }
  {
    g_autoptr(Response) response = send_raw (fixture, "POST", API "/products/search", "text/plain", plain);

    assert_error (response, 400, NULL);
  }
  {
    /* A charset parameter is fine. */
    g_autoptr(Response) response = send_raw (fixture, "POST", API "/products/search",
                                              "application/json; charset=utf-8", plain);

    g_assert_cmpuint (response->status, ==, 200);
  }
}

static void
test_body_too_large (Fixture      *fixture,
                     gconstpointer data)
{
  gsize size = 10 * 1024 * 1024 + 16;
  char *text = g_malloc (size);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(Response) response = NULL;
  g_autoptr(Response) after = NULL;

  /* A JSON string of 10 MiB and a bit. */
  memset (text, 'a', size);
  text[0] = '"';
  text[size - 1] = '"';
  body = g_bytes_new_take (text, size);

  response = send_raw (fixture, "POST", API "/products/search", "application/json", body);
  assert_error (response, 413, NULL);

  /* And the server still works. */
  after = post (fixture, API "/products/search", "{}");
  g_assert_cmpuint (after->status, ==, 200);
}

static void
test_not_found_and_method (Fixture      *fixture,
                           gconstpointer data)
{
  g_autoptr(Response) unknown = post (fixture, API "/products/delete", "{}");
  g_autoptr(Response) root = send_raw (fixture, "GET", "/", NULL, NULL);
  g_autoptr(Response) prefix = send_raw (fixture, "GET", API "/products/searchx", NULL, NULL);
  g_autoptr(Response) get_create = send_raw (fixture, "GET", API "/products/create", NULL, NULL);
  g_autoptr(Response) post_countries = post (fixture, API "/french-label-manufacturing-countries", "{}");
  g_autoptr(Response) no_id = post (fixture, API "/products/update/", "{\"name\": \"x\"}");
  g_autoptr(Response) unknown_product = post (fixture, API "/products/update/0123456789abcdef01234567",
                                               "{\"name\": \"x\"}");

  assert_error (unknown, 404, NULL);
  assert_error (root, 404, NULL);
  assert_error (prefix, 404, NULL);
  assert_error (get_create, 405, NULL);
  g_assert_cmpstr (get_create->allow, ==, "POST");
  assert_error (post_countries, 405, NULL);
  g_assert_cmpstr (post_countries->allow, ==, "GET");
  assert_error (no_id, 404, NULL);
  assert_error (unknown_product, 404, NULL);
  g_assert_nonnull (strstr (json_object_get_string_member (reply_object (unknown_product), "message"),
                            "0123456789abcdef01234567"));
}

/* Search and update ----------------------------------------------------------- */

static void
test_create_then_search (Fixture      *fixture,
                         gconstpointer data)
{
  g_autoptr(JsonObject) product = create_product (fixture, valid_create);
  g_autoptr(JsonObject) other = create_product (fixture, valid_create);
  g_autoptr(JsonObject) found = search_one (fixture, json_object_get_string_member (product, "_id"));
  g_autofree char *both = g_strdup_printf ("{\"id\": [\"%s\", \"%s\", \"nope\"]}",
                                           json_object_get_string_member (product, "_id"),
                                           json_object_get_string_member (other, "_id"));
  g_autoptr(Response) response = post (fixture, API "/products/search", both);
  g_autoptr(JsonNode) created_node = json_node_init_object (json_node_alloc (), product);
  g_autoptr(JsonNode) found_node = json_node_init_object (json_node_alloc (), found);

  /* What search returns is what create returned. */
  g_assert_true (json_node_equal (created_node, found_node));
  g_assert_cmpint (json_object_get_int_member (reply_object (response), "total"), ==, 2);
}

static char *
po_id (JsonObject *product,
       guint       index)
{
  JsonArray *orders = json_object_get_array_member (product, "purchaseOrder");

  return g_strdup (json_object_get_string_member (json_array_get_object_element (orders, index), "_id"));
}

static JsonObject *
update_product (Fixture    *fixture,
                const char *id,
                const char *json,
                guint       expected_status,
                const char *expected_path)
{
  g_autofree char *path = g_strdup_printf (API "/products/update/%s", id);
  g_autoptr(Response) response = post (fixture, path, json);

  if (expected_status != SOUP_STATUS_OK)
    {
      assert_error (response, expected_status, expected_path);
      return NULL;
    }

  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  return json_object_ref (reply_object (response));
}

static void
test_update_semantics (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr(JsonObject) created = create_product (fixture, valid_create);
  const char      *id = json_object_get_string_member (created, "_id");
  g_autofree char *po1 = po_id (created, 0);
  g_autofree char *po2 = po_id (created, 1);
  g_autofree char *command = NULL;
  g_autoptr(JsonObject) renamed = NULL;
  g_autoptr(JsonObject) replaced = NULL;
  g_autoptr(JsonObject) combined = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(JsonObject) cleared = NULL;
  JsonArray  *orders, *materials;
  JsonObject *optional;

  /* Omitted fields stay as they are. */
  renamed = update_product (fixture, id, "{\"name\": \"Renamed Tee\"}", 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (renamed, "_id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (renamed, "name"), ==, "Renamed Tee");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (renamed, "materials")), ==, 2);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (renamed, "purchaseOrder")), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (renamed, "weightInformation"), "weight"), ==, 250);
  g_assert_cmpstr (json_object_get_string_member (renamed, "identifier"), ==, "3760123450010");
  g_assert_cmpstr (json_object_get_string_member (renamed, "_rev"), !=, json_object_get_string_member (created, "_rev"));
  g_assert_cmpint (json_object_get_int_member (renamed, "createdOn"), ==, json_object_get_int_member (created, "createdOn"));

  /* Lists replace; null clears packaging. */
  replaced = update_product (fixture, id,
                             "{\"materials\": [{\"materialId\": \"MatTX0086\", \"netUse\": 75}],"
                             " \"packaging\": null}",
                             200, NULL);
  materials = json_object_get_array_member (replaced, "materials");
  g_assert_cmpint (json_array_get_length (materials), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (materials, 0), "name"), ==,
                   "Linen (flax), conventional, woven");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (replaced, "packaging")), ==, 0);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (replaced, "components")), ==, 1);

  /* Add, update and remove purchase orders in one call. */
  command = g_strdup_printf ("{\"addPurchaseOrder\": [{\"purchaseOrderId\": \"PO-3\", \"purchaseDate\": \"2025-01-31\","
                             "                        \"amountPurchase\": 42}],"
                             " \"updatePurchaseOrder\": [{\"_id\": \"%s\", \"amountPurchase\": 999}],"
                             " \"removePurchaseOrder\": [\"%s\"]}",
                             po1, po2);
  combined = update_product (fixture, id, command, 200, NULL);
  orders = json_object_get_array_member (combined, "purchaseOrder");
  g_assert_cmpint (json_array_get_length (orders), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (orders, 0), "_id"), ==, po1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (orders, 0), "amountPurchase"), ==, 999);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (orders, 0), "purchaseOrderId"), ==, "PO-1");
  g_assert_true (json_object_has_member (json_array_get_object_element (orders, 0), "assembly"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (orders, 1), "purchaseOrderId"), ==, "PO-3");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (orders, 1), "_id"), !=, po2);
  g_assert_cmpuint (strlen (json_object_get_string_member (json_array_get_object_element (orders, 1), "_id")), ==, 24);

  /* The change is stored, not only echoed. */
  stored = search_one (fixture, id);
  orders = json_object_get_array_member (stored, "purchaseOrder");
  g_assert_cmpint (json_array_get_length (orders), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (stored, "name"), ==, "Renamed Tee");

  /* Unknown purchase-order ids are validation errors, and change nothing. */
  update_product (fixture, id, "{\"name\": \"Nope\", \"updatePurchaseOrder\": [{\"_id\": \"feedfeedfeedfeedfeedfeed\", \"amountPurchase\": 1}]}",
                  400, "updatePurchaseOrder[0]._id");
  update_product (fixture, id, "{\"removePurchaseOrder\": [\"feedfeedfeedfeedfeedfeed\"]}", 400, "removePurchaseOrder[0]");
  g_clear_pointer (&stored, json_object_unref);
  stored = search_one (fixture, id);
  g_assert_cmpstr (json_object_get_string_member (stored, "name"), ==, "Renamed Tee");

  /* Validation applies to updates too. */
  update_product (fixture, id, "{\"materials\": [{\"materialId\": \"MatTX0086\", \"netUse\": 120}]}", 400, "materials[0].netUse");
  update_product (fixture, id, "{\"name\": null}", 400, "name");
  update_product (fixture, id, "{\"materials\": []}", 400, "materials");
  update_product (fixture, id, "{\"packaging\": [{\"packagingId\": \"Pkg9999\", \"amount\": 1}]}", 400, "packaging[0].packagingId");

  /* The weight rule: clearing the weight needs isMaterialWeight. */
  update_product (fixture, id, "{\"weight\": null}", 400, "weight");
  g_clear_pointer (&cleared, json_object_unref);
  cleared = update_product (fixture, id, "{\"weight\": null, \"isMaterialWeight\": true}", 200, NULL);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (cleared, "weightInformation"), "weight"));
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (cleared, "frenchLabelEligibility"), "eligible"));
  g_clear_pointer (&cleared, json_object_unref);
  cleared = update_product (fixture, id, "{\"weight\": null}", 200, NULL);

  /* Optional fields merge; null clears one of them. */
  g_clear_pointer (&cleared, json_object_unref);
  cleared = update_product (fixture, id, "{\"frenchLabelOptionalFields\": {\"price\": null, \"upcycled\": true},"
                                         " \"frenchLabelCountry\": null}",
                            200, NULL);
  optional = json_object_get_object_member (cleared, "frenchLabelOptionalFields");
  g_assert_false (json_object_has_member (optional, "price"));
  g_assert_true (json_object_get_boolean_member (optional, "upcycled"));
  g_assert_cmpstr (json_object_get_string_member (optional, "business"), ==, "small-business");
  g_assert_false (json_object_has_member (cleared, "frenchLabelManufacturingCountry"));
}

static void
test_update_wrong_bodies (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr(JsonObject) created = create_product (fixture, valid_create);
  g_autofree char *path = g_strdup_printf (API "/products/update/%s", json_object_get_string_member (created, "_id"));
  g_autoptr(Response) array = post (fixture, path, "[]");
  g_autoptr(Response) broken = post (fixture, path, "{");

  assert_error (array, 400, NULL);
  assert_error (broken, 400, NULL);
}

/* Paging ---------------------------------------------------------------------- */

static Response *
search (Fixture    *fixture,
        const char *json)
{
  g_autoptr(Response) response = post (fixture, API "/products/search", json);

  g_assert_cmpuint (response->status, ==, 200);
  return g_steal_pointer (&response);
}

static void
assert_page (JsonObject *reply,
             gint64      from,
             gint64      size,
             gint64      total,
             guint       n_results)
{
  g_assert_cmpint (json_object_get_int_member (reply, "from"), ==, from);
  g_assert_cmpint (json_object_get_int_member (reply, "size"), ==, size);
  g_assert_cmpint (json_object_get_int_member (reply, "total"), ==, total);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply, "results")), ==, n_results);
}

static void
test_paging (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *previous_name = NULL;
  g_autofree char *previous_id = NULL;

  att_sandbox_add_generated_products (fixture->sandbox, 1000, 5, &error);
  g_assert_no_error (error);

  {
    g_autoptr(Response) first = search (fixture, "{}");
    g_autoptr(Response) capped = search (fixture, "{\"size\": 500}");
    g_autoptr(Response) tail = search (fixture, "{\"from\": 995, \"size\": 10}");
    g_autoptr(Response) past = search (fixture, "{\"from\": 1000}");
    g_autoptr(Response) far = search (fixture, "{\"from\": 5000000000}");
    g_autoptr(Response) count = search (fixture, "{\"size\": 0}");
    g_autoptr(Response) negative = post (fixture, API "/products/search", "{\"from\": -1}");
    g_autoptr(Response) fraction = post (fixture, API "/products/search", "{\"size\": 2.5}");
    g_autoptr(Response) wrong = post (fixture, API "/products/search", "{\"size\": \"10\"}");

    assert_page (reply_object (first), 0, 10, 1000, 10);
    assert_page (reply_object (capped), 0, 100, 1000, 100);
    assert_page (reply_object (tail), 995, 10, 1000, 5);
    assert_page (reply_object (past), 1000, 10, 1000, 0);
    assert_page (reply_object (far), G_MAXINT32, 10, 1000, 0);
    assert_page (reply_object (count), 0, 0, 1000, 0);
    assert_error (negative, 400, "from");
    assert_error (fraction, 400, "size");
    assert_error (wrong, 400, "size");
  }

  /* Ten pages of 100: every product once, in (name, id) order. */
  for (guint page = 0; page < 10; page++)
    {
      g_autofree char *body = g_strdup_printf ("{\"from\": %u, \"size\": 100}", page * 100);
      g_autoptr(Response) response = search (fixture, body);
      JsonArray *results = json_object_get_array_member (reply_object (response), "results");

      g_assert_cmpuint (json_array_get_length (results), ==, 100);
      for (guint i = 0; i < json_array_get_length (results); i++)
        {
          JsonObject *product = json_array_get_object_element (results, i);
          const char *name = json_object_get_string_member (product, "name");
          const char *id = json_object_get_string_member (product, "_id");

          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, g_strdup (id));
          if (previous_name != NULL)
            {
              int order = strcmp (previous_name, name);

              g_assert_cmpint (order, <=, 0);
              if (order == 0)
                g_assert_cmpint (strcmp (previous_id, id), <, 0);
            }
          g_free (previous_name);
          previous_name = g_strdup (name);
          g_free (previous_id);
          previous_id = g_strdup (id);
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 1000);

  /* The same query gives the same page. */
  {
    g_autoptr(Response) a = search (fixture, "{\"from\": 400, \"size\": 20, \"textSearch\": \"tee\"}");
    g_autoptr(Response) b = search (fixture, "{\"from\": 400, \"size\": 20, \"textSearch\": \"tee\"}");

    g_assert_true (json_node_equal (a->json, b->json));
  }
}

static void
test_text_search (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(JsonObject) body = parse_object (valid_create);
  g_autoptr(JsonObject) target = NULL;
  g_autoptr(JsonObject) decoy = NULL;
  g_autoptr(GError) error = NULL;
  const char *target_id;
  static const struct
  {
    const char *query;
    gint64      total;
  } cases[] = {
    { "{\"textSearch\": [\"quokka\"]}", 1 },
    { "{\"textSearch\": \"QUOKKA parka\"}", 1 },
    { "{\"textSearch\": [\"Glacier-Line\"]}", 1 },
    { "{\"textSearch\": [\"qk-7\"]}", 1 },
    { "{\"textSearch\": [\"down jackets\"], \"identifier\": [\"SKU-QK-77\"]}", 1 },
    { "{\"textSearch\": [\"pajama tops\"], \"identifier\": [\"SKU-QK-77\"]}", 0 },
    { "{\"textSearch\": [\"qk\"]}", 1 },
    { "{\"textSearch\": [\"quokka\", \"wombat\"]}", 0 },
    { "{\"textSearch\": [\"100%\"]}", 0 },
    { "{\"textSearch\": [\"\\\"\"]}", 0 },
    { "{\"textSearch\": \"Zebra*\"}", 0 },
    { "{\"name\": [\"zebra quokka parka\"]}", 1 },
    { "{\"name\": [\"Zebra Quokka\"]}", 0 },
    { "{\"identifier\": [\"SKU-QK-77\"]}", 1 },
    { "{\"identifier\": [\"sku-qk-77\"]}", 0 },
    { "{\"textSearch\": \"tee\", \"identifier\": [\"SKU-QK-77\"]}", 0 },
    { "{\"textSearch\": \"   \"}", 1002 },
    { "{\"textSearch\": [\"wombat\"]}", 1 },
  };

  att_sandbox_add_generated_products (fixture->sandbox, 1000, 11, &error);
  g_assert_no_error (error);

  set_path (body, "name", "\"Zebra Quokka Parka\"");
  set_path (body, "identifier", "\"SKU-QK-77\"");
  set_path (body, "identifierType", "\"SKU\"");
  set_path (body, "tags", "[\"glacier-line\"]");
  set_path (body, "categoryExpansionId", "\"ApparelAccessories-OuterwearCoatsJackets-DownJackets\"");
  {
    g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), body);
    g_autofree char *json = json_to_string (node, FALSE);

    target = create_product (fixture, json);
  }
  decoy = create_product (fixture, "{\"name\": \"Wombat\", \"weight\": 1, \"materials\": [{\"materialId\": \"MatTX0001\", \"netUse\": 80}]}");
  target_id = json_object_get_string_member (target, "_id");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Response) response = search (fixture, cases[i].query);
      JsonObject *reply = reply_object (response);

      g_test_message ("%s", cases[i].query);
      g_assert_cmpint (json_object_get_int_member (reply, "total"), ==, cases[i].total);
      if (cases[i].total == 1 && strstr (cases[i].query, "wombat") == NULL)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (reply, "results"), 0), "_id"),
                         ==, target_id);
    }

  /* A common word: every result has it, and the total matches paging. */
  {
    g_autoptr(Response) response = search (fixture, "{\"textSearch\": \"navy\", \"size\": 100}");
    JsonObject *reply = reply_object (response);
    JsonArray  *results = json_object_get_array_member (reply, "results");
    gint64      total = json_object_get_int_member (reply, "total");

    g_assert_cmpint (total, >, 0);
    g_assert_cmpuint (json_array_get_length (results), ==, MIN (total, 100));
    for (guint i = 0; i < json_array_get_length (results); i++)
      {
        g_autofree char *name = g_utf8_casefold (json_object_get_string_member (json_array_get_object_element (results, i), "name"), -1);

        g_assert_nonnull (strstr (name, "navy"));
      }
  }
}

/* Catalogue ------------------------------------------------------------------- */

static void
test_catalogue_search (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr(Response) all = post (fixture, API "/materials/search", "{}");
  g_autoptr(Response) capped = post (fixture, API "/materials/search", "{\"size\": 500}");
  g_autoptr(Response) tail = post (fixture, API "/materials/search", "{\"from\": 170}");
  g_autoptr(Response) text = post (fixture, API "/materials/search", "{\"textSearch\": \"ORGANIC cotton\"}");
  g_autoptr(Response) ids = post (fixture, API "/materials/search", "{\"ids\": [\"MatTX0001\", \"MatTX0016\", \"nope\"]}");
  g_autoptr(Response) sorted = post (fixture, API "/materials/search", "{\"sort\": {\"field\": \"name\", \"order\": \"desc\"}, \"size\": 20}");
  g_autoptr(Response) bad_sort = post (fixture, API "/materials/search", "{\"sort\": {\"field\": \"impacts\", \"order\": \"up\"}}");
  g_autoptr(Response) components = post (fixture, API "/components/search", "{\"textSearch\": \"zipper\"}");
  g_autoptr(Response) packaging = post (fixture, API "/packaging/search", "{\"size\": 5, \"from\": 30}");
  JsonArray  *results;
  JsonObject *first;

  assert_page (reply_object (all), 0, 50, 179, 50);
  assert_page (reply_object (capped), 0, 50, 179, 50);
  assert_page (reply_object (tail), 170, 50, 179, 9);

  first = json_array_get_object_element (json_object_get_array_member (reply_object (all), "results"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "_id"), ==, "MatTX0001");
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Cotton");
  g_assert_cmpstr (json_object_get_string_member (first, "code"), ==, "ei-coton");
  g_assert_false (json_object_get_boolean_member (first, "isCustomMaterial"));

  results = json_object_get_array_member (reply_object (text), "results");
  g_assert_cmpuint (json_array_get_length (results), >, 3);
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      g_autofree char *name = g_utf8_casefold (json_object_get_string_member (json_array_get_object_element (results, i), "name"), -1);

      g_assert_nonnull (strstr (name, "organic"));
      g_assert_nonnull (strstr (name, "cotton"));
    }

  assert_page (reply_object (ids), 0, 50, 2, 2);

  results = json_object_get_array_member (reply_object (sorted), "results");
  for (guint i = 1; i < json_array_get_length (results); i++)
    {
      g_autofree char *a = g_utf8_casefold (json_object_get_string_member (json_array_get_object_element (results, i - 1), "name"), -1);
      g_autofree char *b = g_utf8_casefold (json_object_get_string_member (json_array_get_object_element (results, i), "name"), -1);

      g_assert_cmpint (strcmp (a, b), >=, 0);
    }

  assert_error (bad_sort, 400, "sort.field");
  assert_error (bad_sort, 400, "sort.order");

  g_assert_cmpint (json_object_get_int_member (reply_object (components), "total"), >=, 6);
  first = json_array_get_object_element (json_object_get_array_member (reply_object (components), "results"), 0);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (first, "_id"), "Cmp"));

  assert_page (reply_object (packaging), 30, 5, 33, 3);
  first = json_array_get_object_element (json_object_get_array_member (reply_object (packaging), "results"), 0);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (first, "weightInformation"), "convertedToKg"), >, 0);
  g_assert_nonnull (json_object_get_string_member (first, "packagingType"));
}

static void
test_countries (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(Response) response = send_raw (fixture, "GET", API "/french-label-manufacturing-countries", NULL, NULL);
  JsonArray *countries;
  gboolean   found_france = FALSE;

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (response->json));
  countries = json_node_get_array (response->json);
  g_assert_cmpuint (json_array_get_length (countries), ==, 19);
  for (guint i = 0; i < json_array_get_length (countries); i++)
    {
      JsonObject *country = json_array_get_object_element (countries, i);

      g_assert_cmpuint (json_object_get_size (country), ==, 2);
      if (g_strcmp0 (json_object_get_string_member (country, "code"), "FR") == 0)
        found_france = g_str_equal (json_object_get_string_member (country, "name"), "France");
    }
  g_assert_true (found_france);
}

/* Seeding --------------------------------------------------------------------- */

static gboolean
gtin_is_valid (const char *gtin)
{
  guint sum = 0;
  gsize length = strlen (gtin);

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (gtin[i]))
        return FALSE;
      sum += (guint) (gtin[length - 1 - i] - '0') * (i % 2 == 1 ? 3 : 1);
    }
  return sum % 10 == 0;
}

static void
test_seed_demo (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Response) response = NULL;
  JsonArray *results;
  guint      scored = 0, gtins = 0;

  att_sandbox_seed_demo (fixture->sandbox, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (fixture->sandbox, &error);
  g_assert_no_error (error);

  response = search (fixture, "{\"size\": 100}");
  g_assert_cmpint (json_object_get_int_member (reply_object (response), "total"), >=, 60);
  g_assert_cmpint (json_object_get_int_member (reply_object (response), "total"), <=, 100);

  results = json_object_get_array_member (reply_object (response), "results");
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *product = json_array_get_object_element (results, i);
      JsonObject *score = json_object_has_member (product, "frenchLabelEcoScore") ? json_object_get_object_member (product, "frenchLabelEcoScore") : NULL;
      JsonArray  *materials = json_object_get_array_member (product, "materials");
      JsonArray  *orders = json_object_get_array_member (product, "purchaseOrder");
      gint64      sum = 0;

      if (score != NULL && g_strcmp0 (json_object_get_string_member (score, "status"), "Complete") == 0)
        scored++;

      g_assert_cmpuint (json_array_get_length (materials), >=, 1);
      g_assert_cmpuint (json_array_get_length (materials), <=, 4);
      for (guint j = 0; j < json_array_get_length (materials); j++)
        sum += json_object_get_int_member (json_array_get_object_element (materials, j), "composition");
      g_assert_cmpint (sum, ==, 100);
      g_assert_cmpuint (json_array_get_length (orders), >=, 1);
      g_assert_cmpuint (json_array_get_length (orders), <=, 3);
      g_assert_nonnull (json_object_get_string_member (product, "categoryExpansionId"));

      if (g_strcmp0 (json_object_get_string_member (product, "identifierType"), "GTIN") == 0)
        {
          g_assert_true (gtin_is_valid (json_object_get_string_member (product, "identifier")));
          gtins++;
        }
    }

  /* Most demo products have a score; a few show why they have none. */
  g_assert_cmpuint (scored * 4, >=, json_array_get_length (results) * 3);
  g_assert_cmpuint (scored, <, json_array_get_length (results));
  g_assert_cmpuint (gtins, >, 0);
}

static void
test_generated (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttSandbox) twin = NULL;
  g_autoptr(Response) response = NULL;
  g_autoptr(Response) twin_response = NULL;
  Fixture twin_fixture = { 0 };

  att_sandbox_add_generated_products (fixture->sandbox, 1000, 99, &error);
  g_assert_no_error (error);
  response = search (fixture, "{\"from\": 123, \"size\": 7}");
  assert_page (reply_object (response), 123, 7, 1000, 7);

  /* Adding the same seed again adds nothing new. */
  att_sandbox_add_generated_products (fixture->sandbox, 1000, 99, &error);
  g_assert_no_error (error);
  {
    g_autoptr(Response) again = search (fixture, "{\"size\": 0}");

    g_assert_cmpint (json_object_get_int_member (reply_object (again), "total"), ==, 1000);
  }

  /* The same seed gives the same products elsewhere (same eco-scores,
   * same ids); eco-score times aside, the pages are equal. */
  twin = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_add_generated_products (twin, 1000, 99, &error);
  g_assert_no_error (error);
  att_sandbox_listen (twin, 0, &error);
  g_assert_no_error (error);
  twin_fixture.sandbox = twin;
  twin_fixture.session = fixture->session;
  twin_response = search (&twin_fixture, "{\"from\": 123, \"size\": 7}");
  g_assert_true (json_node_equal (response->json, twin_response->json));
}

/* Faults ---------------------------------------------------------------------- */

static void
test_fault_injection (Fixture      *fixture,
                      gconstpointer data)
{
  att_sandbox_inject_failure (fixture->sandbox, 503, 2);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(Response) failed = post (fixture, API "/products/search", "{}");

      assert_error (failed, 503, NULL);
      g_assert_cmpstr (failed->retry_after, ==, "1");
    }

  {
    g_autoptr(Response) ok = post (fixture, API "/products/search", "{}");

    g_assert_cmpuint (ok->status, ==, 200);
  }

  att_sandbox_inject_failure (fixture->sandbox, 500, 1);
  {
    g_autoptr(Response) failed = send_raw (fixture, "GET", API "/french-label-manufacturing-countries", NULL, NULL);
    g_autoptr(Response) ok = send_raw (fixture, "GET", API "/french-label-manufacturing-countries", NULL, NULL);

    assert_error (failed, 500, NULL);
    g_assert_null (failed->retry_after);
    g_assert_cmpuint (ok->status, ==, 200);
  }
}

static void
test_faults_over_http (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr(Response) set = post (fixture, "/_sandbox/faults", "{\"status\": 429, \"count\": 1}");
  g_autoptr(Response) limited = NULL;
  g_autoptr(Response) ok = NULL;
  g_autoptr(Response) latency = NULL;
  g_autoptr(Response) bad = NULL;
  g_autoptr(Response) reset = NULL;

  g_assert_cmpuint (set->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (reply_object (set), "count"), ==, 1);

  limited = post (fixture, API "/materials/search", "{}");
  assert_error (limited, 429, NULL);
  g_assert_cmpstr (limited->retry_after, ==, "1");
  ok = post (fixture, API "/materials/search", "{}");
  g_assert_cmpuint (ok->status, ==, 200);

  latency = post (fixture, "/_sandbox/faults", "{\"latencyMs\": 250}");
  g_assert_cmpint (json_object_get_int_member (reply_object (latency), "latencyMs"), ==, 250);
  g_assert_cmpuint (att_sandbox_get_latency (fixture->sandbox), ==, 250);

  bad = post (fixture, "/_sandbox/faults", "{\"status\": 42, \"latencyMs\": -1}");
  assert_error (bad, 400, "status");
  assert_error (bad, 400, "latencyMs");

  reset = post (fixture, "/_sandbox/faults", "{\"latencyMs\": 0, \"count\": 0}");
  g_assert_cmpint (json_object_get_int_member (reply_object (reset), "latencyMs"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (reply_object (reset), "count"), ==, 0);
}

/* A later page can be failed alone, and one row of a product search can be
 * spoiled, over HTTP as the out-of-process sandbox is told. */
static void
test_faults_later_page_and_bad_row (Fixture      *fixture,
                                    gconstpointer data)
{
  g_autoptr(Response) set = NULL;
  g_autoptr(Response) bad = NULL;
  g_autoptr(Response) first = NULL;
  g_autoptr(Response) later = NULL;
  g_autoptr(Response) spoil = NULL;
  g_autoptr(Response) spoiled = NULL;
  g_autoptr(Response) clean = NULL;
  g_autoptr(Response) healed = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *results;

  att_sandbox_add_generated_products (fixture->sandbox, 10, 5, &error);
  g_assert_no_error (error);
  set = post (fixture, "/_sandbox/faults", "{\"status\": 500, \"count\": 5, \"fromAtLeast\": 2}");
  g_assert_cmpint (json_object_get_int_member (reply_object (set), "fromAtLeast"), ==, 2);
  first = post (fixture, API "/products/search", "{\"from\": 0, \"size\": 2}");
  g_assert_cmpuint (first->status, ==, 200);
  later = post (fixture, API "/products/search", "{\"from\": 2, \"size\": 2}");
  assert_error (later, 500, NULL);
  g_clear_pointer (&first, response_free);
  first = post (fixture, API "/products/search", "{\"from\": 1}");
  g_assert_cmpuint (first->status, ==, 200);

  bad = post (fixture, "/_sandbox/faults", "{\"fromAtLeast\": -3, \"malformedRow\": -2}");
  assert_error (bad, 400, "fromAtLeast");
  assert_error (bad, 400, "malformedRow");

  spoil = post (fixture, "/_sandbox/faults", "{\"count\": 0, \"malformedRow\": 1}");
  g_assert_cmpint (json_object_get_int_member (reply_object (spoil), "malformedRow"), ==, 1);
  spoiled = post (fixture, API "/products/search", "{\"from\": 2, \"size\": 3}");
  g_assert_cmpuint (spoiled->status, ==, 200);
  results = json_object_get_array_member (reply_object (spoiled), "results");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (results, 1), "name"), ==, 42);
  g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (results, 0), "name"));

  clean = post (fixture, "/_sandbox/faults", "{\"malformedRow\": -1}");
  g_assert_cmpint (json_object_get_int_member (reply_object (clean), "malformedRow"), ==, -1);
  healed = post (fixture, API "/products/search", "{\"from\": 2, \"size\": 3}");
  results = json_object_get_array_member (reply_object (healed), "results");
  g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (results, 1), "name"));
}

static gboolean
tick_cb (gpointer user_data)
{
  gboolean *ticked = user_data;

  *ticked = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_latency (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr(Response) response = NULL;
  gboolean ticked = FALSE;
  gint64   start;

  att_sandbox_set_latency (fixture->sandbox, 300);

  /* The delay does not block the main loop: a 50 ms timeout fires while
   * the answer is being held back. */
  g_timeout_add (50, tick_cb, &ticked);
  start = g_get_monotonic_time ();
  response = post (fixture, API "/products/search", "{}");
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_true (ticked);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * 1000);

  /* A request abandoned during the delay does not upset the server. */
  {
    g_autofree char *url = g_strconcat (att_sandbox_get_base_url (fixture->sandbox), API "/products/search", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
    g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(Response) later = NULL;
    gboolean done = FALSE;

    soup_message_set_request_body_from_bytes (msg, "application/json", body);
    att_test_add_auth_headers (msg, fixture->sandbox);
    soup_session_send_async (fixture->session, msg, G_PRIORITY_DEFAULT, cancellable, NULL, NULL);
    g_timeout_add (100, tick_cb, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
    g_cancellable_cancel (cancellable);

    att_sandbox_set_latency (fixture->sandbox, 0);
    later = post (fixture, API "/products/search", "{}");
    g_assert_cmpuint (later->status, ==, 200);
  }
}

/* Authentication -------------------------------------------------------------- */

static void
assert_unauthorized (Response   *response,
                     const char *reason)
{
  JsonObject *body;

  assert_error (response, 401, NULL);
  body = reply_object (response);
  g_assert_true (json_object_has_member (body, "reason"));
  g_assert_cmpstr (json_object_get_string_member (body, "reason"), ==, reason);
  g_test_message ("401 %s: %s", reason, json_object_get_string_member (body, "message"));
}

static char *
make_token (const char *integration_key,
            const char *public_key_pem,
            GDateTime  *now)
{
  g_autoptr(GError) error = NULL;
  char *token = att_higg_token_make (integration_key, public_key_pem, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (token);
  return token;
}

/* Encrypts any plain text as a token would be, to send what
 * att_higg_token_make() never makes. */
static char *
encrypt_raw (const char *plain,
             const char *public_key_pem)
{
  gnutls_pubkey_t key = NULL;
  gnutls_datum_t  pem = { (unsigned char *) public_key_pem, (unsigned int) strlen (public_key_pem) };
  gnutls_datum_t  data = { (unsigned char *) plain, (unsigned int) strlen (plain) };
  gnutls_datum_t  encrypted = { NULL, 0 };
  char           *token;

  g_assert_cmpint (gnutls_pubkey_init (&key), ==, 0);
  g_assert_cmpint (gnutls_pubkey_import (key, &pem, GNUTLS_X509_FMT_PEM), ==, 0);
  g_assert_cmpint (gnutls_pubkey_encrypt_data (key, 0, &data, &encrypted), ==, 0);
  token = g_base64_encode (encrypted.data, encrypted.size);
  gnutls_free (encrypted.data);
  gnutls_pubkey_deinit (key);
  return token;
}

/* Searches with exactly these credentials; %NULL leaves a header out. */
static Response *
search_with (Fixture    *fixture,
             const char *api_key,
             const char *token)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) body = g_bytes_new_static ("{\"size\": 1}", 11);

  if (api_key != NULL)
    soup_message_headers_replace (headers, "x-api-key", api_key);
  if (token != NULL)
    soup_message_headers_replace (headers, "x-developer-request-token", token);

  return send_raw_full (fixture, "POST", API "/products/search", "application/json", body,
                        FALSE, headers);
}

static Response *
search_with_token_at (Fixture  *fixture,
                      GTimeSpan offset)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) when = g_date_time_add (now, offset);
  g_autofree char *token = make_token (att_sandbox_get_integration_key (fixture->sandbox),
                                       att_sandbox_get_public_key_pem (fixture->sandbox), when);

  return search_with (fixture, att_sandbox_get_api_key (fixture->sandbox), token);
}

static void
test_auth_api_key (Fixture      *fixture,
                   gconstpointer data)
{
  g_autofree char *token = make_token (att_sandbox_get_integration_key (fixture->sandbox),
                                       att_sandbox_get_public_key_pem (fixture->sandbox), NULL);
  g_autofree char *wrong = g_strconcat (att_sandbox_get_api_key (fixture->sandbox), "x", NULL);
  g_autoptr(Response) nothing = search_with (fixture, NULL, NULL);
  g_autoptr(Response) missing = search_with (fixture, NULL, token);
  g_autoptr(Response) empty = search_with (fixture, "", token);
  g_autoptr(Response) longer = search_with (fixture, wrong, token);
  g_autoptr(Response) shorter = NULL;
  g_autoptr(Response) valid = search_with (fixture, att_sandbox_get_api_key (fixture->sandbox), token);

  wrong[strlen (wrong) - 2] = '\0';
  shorter = search_with (fixture, wrong, token);

  assert_unauthorized (nothing, "api-key");
  assert_unauthorized (missing, "api-key");
  assert_unauthorized (empty, "api-key");
  assert_unauthorized (longer, "api-key");
  assert_unauthorized (shorter, "api-key");
  g_assert_nonnull (strstr (json_object_get_string_member (reply_object (missing), "message"),
                            "x-api-key"));
  g_assert_cmpuint (valid->status, ==, 200);

  /* Never an echo of what was sent. */
  g_assert_null (strstr (json_object_get_string_member (reply_object (longer), "message"), wrong));
}

static void
test_auth_token_refused (Fixture      *fixture,
                         gconstpointer data)
{
  g_autofree char *api_key = g_strdup (att_sandbox_get_api_key (fixture->sandbox));
  const char      *pem = att_sandbox_get_public_key_pem (fixture->sandbox);
  g_autoptr(AttSandbox) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other_key_token = NULL;
  g_autofree char *wrong_key_token = NULL;
  g_autofree char *prefix_key_token = NULL;
  g_autofree char *amp_token = NULL;
  g_autofree char *truncated = NULL;

  /* Missing, empty, not base64, base64 of garbage. */
  {
    g_autoptr(Response) missing = search_with (fixture, api_key, NULL);
    g_autoptr(Response) empty = search_with (fixture, api_key, "");
    g_autoptr(Response) garbage = search_with (fixture, api_key, "not a token!");
    g_autoptr(Response) base64 = search_with (fixture, api_key, "QUJDREVGR0hJSktMTU5PUA==");

    assert_unauthorized (missing, "token");
    g_assert_nonnull (strstr (json_object_get_string_member (reply_object (missing), "message"),
                              "x-developer-request-token"));
    assert_unauthorized (empty, "token");
    assert_unauthorized (garbage, "token");
    assert_unauthorized (base64, "token");
    g_assert_nonnull (strstr (json_object_get_string_member (reply_object (base64), "message"),
                              "invalid"));
  }

  /* Made with another developer public key (a sandbox has its own pair). */
  other = att_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_sandbox_get_public_key_pem (other), !=, pem);
  other_key_token = make_token (att_sandbox_get_integration_key (fixture->sandbox),
                                att_sandbox_get_public_key_pem (other), NULL);
  {
    g_autoptr(Response) response = search_with (fixture, api_key, other_key_token);

    assert_unauthorized (response, "token");
  }

  /* The wrong integration key, a prefix of it, or one with "&" added. */
  wrong_key_token = make_token ("another-integration-key", pem, NULL);
  truncated = g_strndup (att_sandbox_get_integration_key (fixture->sandbox),
                         strlen (att_sandbox_get_integration_key (fixture->sandbox)) - 1);
  prefix_key_token = make_token (truncated, pem, NULL);
  {
    g_autofree char *with_amp = g_strconcat (att_sandbox_get_integration_key (fixture->sandbox),
                                             "&x", NULL);

    amp_token = make_token (with_amp, pem, NULL);
  }
  {
    g_autoptr(Response) wrong = search_with (fixture, api_key, wrong_key_token);
    g_autoptr(Response) prefix = search_with (fixture, api_key, prefix_key_token);
    g_autoptr(Response) amp = search_with (fixture, api_key, amp_token);

    assert_unauthorized (wrong, "token");
    g_assert_nonnull (strstr (json_object_get_string_member (reply_object (wrong), "message"),
                              "integration key"));
    assert_unauthorized (prefix, "token");
    /* The timestamp follows the last "&": "x&<time>" is not a key. */
    assert_unauthorized (amp, "token");
  }

  /* A key with "&" inside is fine: the split is at the last one. */
  att_sandbox_set_credentials (fixture->sandbox, api_key, "key&with&ampersands");
  amp_token = (g_free (amp_token), make_token ("key&with&ampersands", pem, NULL));
  {
    g_autoptr(Response) ok = search_with (fixture, api_key, amp_token);

    g_assert_cmpuint (ok->status, ==, 200);
  }

  /* Not a time after the "&", or no "&" at all. */
  {
    static const char *const plains[] = {
      "key&with&ampersands&2025-10-09 22:14",
      "key&with&ampersands&yesterday",
      "key&with&ampersands&",
      "key-without-a-time",
    };

    for (guint i = 0; i < G_N_ELEMENTS (plains); i++)
      {
        g_autofree char *token = encrypt_raw (plains[i], pem);
        g_autoptr(Response) bad = search_with (fixture, api_key, token);

        assert_unauthorized (bad, "token");
      }
  }

  /* The same, as Worldly documents it, is accepted. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
    g_autofree char *plain = g_strconcat ("key&with&ampersands&", stamp, NULL);
    g_autofree char *token = encrypt_raw (plain, pem);
    g_autoptr(Response) ok = search_with (fixture, api_key, token);

    g_assert_cmpuint (ok->status, ==, 200);
  }
}

static void
test_auth_token_time (Fixture      *fixture,
                      gconstpointer data)
{
  const GTimeSpan hour = G_TIME_SPAN_HOUR, minute = G_TIME_SPAN_MINUTE;
  g_autoptr(Response) fresh = search_with_token_at (fixture, 0);
  g_autoptr(Response) old_ok = search_with_token_at (fixture, -(11 * hour + 59 * minute));
  g_autoptr(Response) expired = search_with_token_at (fixture, -(12 * hour + minute));
  g_autoptr(Response) ancient = search_with_token_at (fixture, -(400 * 24 * hour));
  g_autoptr(Response) skew_ok = search_with_token_at (fixture, 2 * minute);
  g_autoptr(Response) future = search_with_token_at (fixture, 10 * minute);

  g_assert_cmpuint (fresh->status, ==, 200);
  g_assert_cmpuint (old_ok->status, ==, 200);
  assert_unauthorized (expired, "token-expired");
  g_assert_nonnull (strstr (json_object_get_string_member (reply_object (expired), "message"),
                            "expired"));
  assert_unauthorized (ancient, "token-expired");
  g_assert_cmpuint (skew_ok->status, ==, 200);
  assert_unauthorized (future, "token-expired");
  g_assert_nonnull (strstr (json_object_get_string_member (reply_object (future), "message"),
                            "future"));
}

static void
test_auth_everywhere (Fixture      *fixture,
                      gconstpointer data)
{
  static const struct
  {
    const char *method;
    const char *path;
  } endpoints[] = {
    { "POST", API "/products/create" },
    { "POST", API "/products/update/64656d6f302b8631721c51be" },
    { "POST", API "/products/search" },
    { "POST", API "/materials/search" },
    { "POST", API "/components/search" },
    { "POST", API "/packaging/search" },
    { "GET", API "/french-label-manufacturing-countries" },
    { "GET", API "/no-such-endpoint" },
  };
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);

  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      gboolean post_it = g_str_equal (endpoints[i].method, "POST");
      g_autoptr(Response) response = send_raw_full (fixture, endpoints[i].method, endpoints[i].path,
                                                     "application/json", post_it ? body : NULL,
                                                     FALSE, NULL);

      g_test_message ("%s %s", endpoints[i].method, endpoints[i].path);
      assert_unauthorized (response, "api-key");
    }

  /* The control endpoints need none. */
  {
    g_autoptr(Response) faults = send_raw_full (fixture, "POST", "/_sandbox/faults",
                                                 "application/json", body, FALSE, NULL);

    g_assert_cmpuint (faults->status, ==, 200);
  }
}

static void
test_auth_injected (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr(Response) failed = NULL;
  g_autoptr(Response) ok = NULL;

  att_sandbox_inject_failure (fixture->sandbox, 401, 1);
  failed = post (fixture, API "/products/search", "{}");
  assert_unauthorized (failed, "token");
  ok = post (fixture, API "/products/search", "{}");
  g_assert_cmpuint (ok->status, ==, 200);
}

static void
test_auth_fixed_credentials (Fixture      *fixture,
                             gconstpointer data)
{
  g_autofree char *old_api_key = g_strdup (att_sandbox_get_api_key (fixture->sandbox));
  g_autofree char *old_token = make_token (att_sandbox_get_integration_key (fixture->sandbox),
                                           att_sandbox_get_public_key_pem (fixture->sandbox), NULL);
  g_autofree char *token = NULL;
  g_autoptr(Response) old_key = NULL;
  g_autoptr(Response) old_integration = NULL;
  g_autoptr(Response) ok = NULL;

  /* Random per instance, and not guessable from one another. */
  g_assert_cmpuint (strlen (old_api_key), >=, 32);
  g_assert_cmpstr (old_api_key, !=, att_sandbox_get_integration_key (fixture->sandbox));

  att_sandbox_set_credentials (fixture->sandbox, "fixed-api-key", "fixed-integration-key");
  g_assert_cmpstr (att_sandbox_get_api_key (fixture->sandbox), ==, "fixed-api-key");
  g_assert_cmpstr (att_sandbox_get_integration_key (fixture->sandbox), ==, "fixed-integration-key");

  token = make_token ("fixed-integration-key", att_sandbox_get_public_key_pem (fixture->sandbox), NULL);
  old_key = search_with (fixture, old_api_key, token);
  old_integration = search_with (fixture, "fixed-api-key", old_token);
  ok = search_with (fixture, "fixed-api-key", token);

  assert_unauthorized (old_key, "api-key");
  assert_unauthorized (old_integration, "token");
  g_assert_cmpuint (ok->status, ==, 200);
}

static void
test_demo_account (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(Response) response = send_raw_full (fixture, "GET", "/_sandbox/demo-account",
                                                 NULL, NULL, FALSE, NULL);
  g_autoptr(Response) posted = NULL;
  g_autoptr(Response) search = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  JsonObject      *account;
  const char      *api_key, *integration_key, *public_key;

  g_assert_cmpuint (response->status, ==, 200);
  account = reply_object (response);
  api_key = json_object_get_string_member (account, "apiKey");
  integration_key = json_object_get_string_member (account, "integrationKey");
  public_key = json_object_get_string_member (account, "publicKey");
  g_assert_cmpstr (api_key, ==, att_sandbox_get_api_key (fixture->sandbox));
  g_assert_cmpstr (integration_key, ==, att_sandbox_get_integration_key (fixture->sandbox));
  g_assert_cmpstr (public_key, ==, att_sandbox_get_public_key_pem (fixture->sandbox));
  g_assert_true (g_str_has_prefix (public_key, "-----BEGIN PUBLIC KEY-----\n"));
  g_assert_true (att_higg_public_key_check (public_key, &error));
  g_assert_no_error (error);

  /* What it gives is enough to work with. */
  token = make_token (integration_key, public_key, NULL);
  search = search_with (fixture, api_key, token);
  g_assert_cmpuint (search->status, ==, 200);

  posted = send_raw_full (fixture, "POST", "/_sandbox/demo-account", "application/json",
                          NULL, FALSE, NULL);
  g_assert_cmpuint (posted->status, ==, 405);
}

static void
test_key_pair_persists (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-test-sandbox-XXXXXX", &error);
  g_autofree char *data_dir = NULL;
  g_autofree char *private_path = NULL;
  g_autofree char *public_path = NULL;
  g_autofree char *public_on_disk = NULL;
  g_autofree char *first_pem = NULL;
  g_autofree char *token = NULL;
  g_autoptr(AttSandbox) first = NULL;
  g_autoptr(AttSandbox) second = NULL;
  g_autoptr(AttSandbox) elsewhere = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  /* The directory is made if missing. */
  data_dir = g_build_filename (dir, "nested", "attest-sandbox", NULL);
  private_path = g_build_filename (data_dir, "higg-developer-private.pem", NULL);
  public_path = g_build_filename (data_dir, "higg-developer-public.pem", NULL);

  first = att_sandbox_new_full (NULL, data_dir, &error);
  g_assert_no_error (error);
  first_pem = g_strdup (att_sandbox_get_public_key_pem (first));

  /* The private key is for its owner's eyes only. */
  g_assert_cmpint (g_stat (private_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (public_path, &public_on_disk, NULL, &error));
  g_assert_cmpstr (public_on_disk, ==, first_pem);

  /* A token made for the first sandbox is good for the second: same key
   * pair; the API and integration keys are new for each instance. */
  token = make_token ("shared-integration-key", first_pem, NULL);
  g_clear_object (&first);

  second = att_sandbox_new_full (NULL, data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_sandbox_get_public_key_pem (second), ==, first_pem);
  att_sandbox_set_credentials (second, "shared-api-key", "shared-integration-key");
  att_sandbox_listen (second, 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SoupSession) session = soup_session_new ();
    Fixture fixture = { second, session };
    g_autoptr(Response) response = search_with (&fixture, "shared-api-key", token);

    g_assert_cmpuint (response->status, ==, 200);
  }

  /* Another directory, another key pair. */
  elsewhere = att_sandbox_new_full (NULL, dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_sandbox_get_public_key_pem (elsewhere), !=, first_pem);

  /* A damaged key file is an error, not silently replaced. */
  g_clear_object (&second);
  g_assert_true (g_file_set_contents (private_path, "not a key", -1, &error));
  second = att_sandbox_new_full (NULL, data_dir, &error);
  g_assert_null (second);
  g_assert_nonnull (error);
  g_test_message ("damaged key: %s", error->message);
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (private_path), ==, 0);
  g_assert_cmpint (g_unlink (public_path), ==, 0);
  g_assert_cmpint (g_rmdir (data_dir), ==, 0);
  {
    g_autofree char *nested = g_path_get_dirname (data_dir);
    g_autofree char *dir_private = g_build_filename (dir, "higg-developer-private.pem", NULL);
    g_autofree char *dir_public = g_build_filename (dir, "higg-developer-public.pem", NULL);

    g_assert_cmpint (g_rmdir (nested), ==, 0);
    g_assert_cmpint (g_unlink (dir_private), ==, 0);
    g_assert_cmpint (g_unlink (dir_public), ==, 0);
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/sandbox/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("create/valid", test_create_valid);
  ADD ("create/deterministic-score", test_create_deterministic_score);
  ADD ("create/not-eligible", test_create_not_eligible);
  ADD ("create/score-pending", test_create_score_pending);
  ADD ("create/material-weight", test_create_material_weight);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sandbox/validation/rule/%02u", i);

      g_test_add_data_func (path, &rules[i], test_validation_rule_fixture);
    }
  ADD ("validation/many-at-once", test_validation_many);
  g_test_add_func ("/sandbox/validation/functions", test_validation_functions);

  ADD ("http/bad-bodies", test_bad_bodies);
  ADD ("http/too-large", test_body_too_large);
  ADD ("http/not-found-and-method", test_not_found_and_method);

  ADD ("products/create-then-search", test_create_then_search);
  ADD ("products/update-semantics", test_update_semantics);
  ADD ("products/update-wrong-bodies", test_update_wrong_bodies);
  ADD ("products/paging", test_paging);
  ADD ("products/text-search", test_text_search);

  ADD ("catalogue/search", test_catalogue_search);
  ADD ("catalogue/countries", test_countries);

  ADD ("seed/demo", test_seed_demo);
  ADD ("seed/generated", test_generated);

  ADD ("faults/inject", test_fault_injection);
  ADD ("faults/over-http", test_faults_over_http);
  ADD ("faults/later-page-and-bad-row", test_faults_later_page_and_bad_row);
  ADD ("faults/latency", test_latency);

  ADD ("auth/api-key", test_auth_api_key);
  ADD ("auth/token-refused", test_auth_token_refused);
  ADD ("auth/token-time", test_auth_token_time);
  ADD ("auth/everywhere", test_auth_everywhere);
  ADD ("auth/injected-401", test_auth_injected);
  ADD ("auth/fixed-credentials", test_auth_fixed_credentials);
  ADD ("auth/demo-account", test_demo_account);
  g_test_add_func ("/sandbox/auth/key-pair-persists", test_key_pair_persists);

  return g_test_run ();
}
