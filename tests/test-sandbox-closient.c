/* test-sandbox-closient.c: the sandbox's Closient API over real HTTP, as a
 * client sees it: routes, filters, pages, GTINs, keys, PATCH and its
 * metadata rules, DELETE, rate limits and both error shapes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <libsoup/soup.h>
#include <string.h>
#include <zlib.h>

#include "att-closient-key.h"
#include "att-gtin.h"
#include "att-sandbox-closient-seed.h"
#include "att-sandbox-seed.h"
#include "att-sandbox.h"
#include "att-shortuuid.h"
#include "att-test-utils.h"

#define CERTS    "/certifications/api/v1"
#define PRODUCTS "/products/api/v1"

typedef struct
{
  AttSandbox  *sandbox;
  SoupSession *session;
  char        *gtin; /* a demo product's GTIN-14, with certifications */
} Fixture;

typedef struct
{
  guint               status;
  char               *content_type;
  SoupMessageHeaders *headers;
  gsize               size;
  GByteArray         *body;
  JsonNode           *json;
  gboolean            done;
} Response;

static void
response_free (Response *response)
{
  g_free (response->content_type);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_pointer (&response->json, json_node_unref);
  g_clear_pointer (&response->body, g_byte_array_unref);
  g_free (response);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Response, response_free)

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gtin13 = att_sandbox_seed_demo_gtin (0);

  fixture->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (fixture->sandbox, &error);
  g_assert_no_error (error);
  att_sandbox_listen (fixture->sandbox, 0, &error);
  g_assert_no_error (error);
  fixture->session = soup_session_new ();
  fixture->gtin = g_strconcat ("0", gtin13, NULL);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->sandbox);
  g_free (fixture->gtin);
}

/* HTTP ------------------------------------------------------------------------ */

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Response    *response = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  const char *data;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);

  response->status = soup_message_get_status (msg);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  response->content_type = g_strdup (soup_message_headers_get_content_type (response->headers, NULL));
  data = g_bytes_get_data (body, &response->size);
  response->body = g_byte_array_new ();
  g_byte_array_append (response->body, (const guint8 *) data, (guint) response->size);
  if (response->size > 0 && g_str_has_suffix (response->content_type, "json"))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      json_parser_load_from_data (parser, data, (gssize) response->size, &error);
      g_assert_no_error (error);
      response->json = json_node_ref (json_parser_get_root (parser));
    }
  response->done = TRUE;
}

/* Sends a request with @key (none if NULL) and runs the main loop until
 * the answer is in; client and sandbox share this thread. */
static Response *
send_request (Fixture    *fixture,
              const char *method,
              const char *path,
              const char *json,
              const char *key)
{
  g_autofree char *url = g_strconcat (att_sandbox_get_base_url (fixture->sandbox), path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  Response *response = g_new0 (Response, 1);

  g_assert_nonnull (msg);
  if (key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-API-Key", key);
  if (json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }

  soup_session_send_and_read_async (fixture->session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, response);
  while (!response->done)
    g_main_context_iteration (NULL, TRUE);
  return response;
}

static const char *
key_of (Fixture           *fixture,
        AttClosientKeyKind kind)
{
  return att_sandbox_get_closient_api_key (fixture->sandbox, kind);
}

static Response *
get (Fixture    *fixture,
     const char *path)
{
  return send_request (fixture, "GET", path, NULL, key_of (fixture, ATT_CLOSIENT_KEY_BUSINESS));
}

static Response *
patch (Fixture    *fixture,
       const char *id,
       const char *json)
{
  g_autofree char *path = g_strdup_printf (CERTS "/products/%s/certifications/%s", fixture->gtin, id);

  return send_request (fixture, "PATCH", path, json, key_of (fixture, ATT_CLOSIENT_KEY_BUSINESS));
}

static Response *
post_control (Fixture    *fixture,
              const char *path,
              const char *json)
{
  return send_request (fixture, "POST", path, json, NULL);
}

static void
assert_status (Response *response,
               guint     status)
{
  if (response->status != status)
    {
      g_autofree char *text = response->json != NULL ? json_to_string (response->json, TRUE) : NULL;

      g_error ("Expected %u, answered %u: %s", status, response->status, text);
    }
}

static JsonObject *
object_of (Response *response)
{
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));
  return json_node_get_object (response->json);
}

static JsonArray *
array_of (Response *response)
{
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (response->json));
  return json_node_get_array (response->json);
}

/* Whether the details array @details names @field. */
static gboolean
has_field (JsonArray  *details,
           const char *field)
{
  for (guint i = 0; details != NULL && i < json_array_get_length (details); i++)
    {
      JsonObject *detail = json_array_get_object_element (details, i);

      g_assert_cmpstr (json_object_get_string_member (detail, "message"), !=, "");
      if (g_strcmp0 (json_object_get_string_member (detail, "field"), field) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Checks an error in the envelope shape (A), and that @field (if any) is
 * among its details. */
static JsonObject *
assert_error_a (Response   *response,
                guint       status,
                const char *code,
                const char *field)
{
  JsonObject *error;
  JsonNode   *details;

  assert_status (response, status);
  g_assert_cmpstr (response->content_type, ==, "application/json");
  error = json_object_get_object_member (object_of (response), "error");
  g_assert_nonnull (error);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  g_assert_cmpint (json_object_get_int_member (error, "status"), ==, status);
  g_assert_cmpstr (json_object_get_string_member (error, "message"), !=, "");
  details = json_object_get_member (error, "details");
  g_assert_nonnull (details);

  if (status != 422)
    g_assert_true (JSON_NODE_HOLDS_NULL (details));
  else if (field != NULL && !has_field (json_node_get_array (details), field))
    g_error ("No detail for %s in %s", field, json_to_string (response->json, TRUE));
  return error;
}

/* Checks an error in the flat shape (B). */
static JsonObject *
assert_error_b (Response   *response,
                guint       status,
                const char *error_code)
{
  JsonObject *body;

  assert_status (response, status);
  g_assert_cmpstr (response->content_type, ==, "application/problem+json");
  body = object_of (response);
  g_assert_cmpstr (json_object_get_string_member (body, "type"), !=, "");
  g_assert_cmpstr (json_object_get_string_member (body, "title"), ==, soup_status_get_phrase (status));
  g_assert_cmpint (json_object_get_int_member (body, "status"), ==, status);
  g_assert_cmpstr (json_object_get_string_member (body, "detail"), !=, "");
  g_assert_cmpstr (json_object_get_string_member (body, "error_code"), ==, error_code);
  g_assert_nonnull (json_object_get_string_member (body, "timestamp"));
  g_assert_true (json_object_has_member (body, "retryable"));
  g_assert_true (json_object_has_member (body, "retry_after"));
  g_assert_true (json_object_has_member (body, "owner_action_required"));
  g_assert_true (json_object_has_member (body, "details"));
  return body;
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The product's assignments through the bare-array route. */
static JsonArray *
list_assignments (Fixture    *fixture,
                  const char *gtin,
                  const char *query)
{
  g_autofree char *path = g_strdup_printf (CERTS "/products/%s/certifications%s", gtin, query != NULL ? query : "");
  g_autoptr(Response) response = get (fixture, path);

  assert_status (response, 200);
  return json_array_ref (array_of (response));
}

/* The first assignment of the fixture's product. */
static JsonObject *
first_assignment (Fixture *fixture)
{
  g_autoptr(JsonArray) rows = list_assignments (fixture, fixture->gtin, NULL);

  g_assert_cmpuint (json_array_get_length (rows), >, 0);
  return json_object_ref (json_array_get_object_element (rows, 0));
}

/* The assignment @id of the fixture's product, as listed now. */
static JsonObject *
find_assignment (Fixture    *fixture,
                 const char *id)
{
  g_autoptr(JsonArray) rows = list_assignments (fixture, fixture->gtin, NULL);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_str_equal (json_object_get_string_member (row, "id"), id))
        return json_object_ref (row);
    }
  return NULL;
}

/* Demo data and the key ---------------------------------------------------- */

static void
test_demo_account (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(Response) response = send_request (fixture, "GET", "/_sandbox/demo-account", NULL, NULL);
  g_autoptr(GError) error = NULL;
  AttClosientKeyKind kind;
  const char        *key;

  assert_status (response, 200);
  key = json_object_get_string_member (object_of (response), "closientApiKey");
  g_assert_true (att_closient_key_check (key, &kind, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, ATT_CLOSIENT_KEY_BUSINESS);
  g_assert_true (g_str_equal (key, key_of (fixture, ATT_CLOSIENT_KEY_BUSINESS)));
}

/* Every demo product with a GTIN is on Closient with 1 to 6
 * certifications, except two; together they cover every state. */
static void
test_demo_data (Fixture      *fixture,
                gconstpointer data)
{
  g_autofree char *day = today ();
  gboolean         seen_active_verified = FALSE, seen_active_unverified = FALSE;
  gboolean         seen_expired = FALSE, seen_future = FALSE, seen_open = FALSE;
  gboolean         seen_metadata = FALSE, seen_no_metadata = FALSE, seen_countries = FALSE;
  gboolean         seen_logo = FALSE, seen_no_logo = FALSE;
  guint            unknown = 0;

  for (guint i = 0; i < att_sandbox_seed_demo_count (); i++)
    {
      g_autofree char *gtin13 = att_sandbox_seed_demo_gtin (i);
      g_autofree char *path = NULL;
      g_autoptr(Response) response = NULL;
      JsonArray *rows;

      if (gtin13 == NULL)
        continue;
      path = g_strdup_printf (CERTS "/products/%s/certifications", gtin13);
      response = get (fixture, path);
      if (response->status == 404)
        {
          assert_error_a (response, 404, "NOT_FOUND", NULL);
          unknown++;
          continue;
        }
      rows = array_of (response);
      g_assert_cmpuint (json_array_get_length (rows), >=, 1);
      g_assert_cmpuint (json_array_get_length (rows), <=, 6);

      for (guint j = 0; j < json_array_get_length (rows); j++)
        {
          JsonObject *row = json_array_get_object_element (rows, j);
          const char *status = json_object_get_string_member (row, "verification_status");
          gboolean    active = json_object_get_boolean_member (row, "is_active");
          const char *from = json_object_get_string_member_with_default (row, "valid_from", NULL);
          const char *until = json_object_get_string_member_with_default (row, "expiration_date", NULL);

          seen_active_verified |= active && g_str_equal (status, "verified");
          seen_active_unverified |= active && g_str_equal (status, "unverified");
          seen_expired |= !active && g_str_equal (status, "expired") && until != NULL && strcmp (until, day) < 0;
          seen_future |= !active && from != NULL && strcmp (from, day) > 0;
          seen_open |= active && from == NULL && until == NULL;
          seen_metadata |= json_object_get_size (json_object_get_object_member (row, "metadata")) > 0;
          seen_no_metadata |= json_object_get_size (json_object_get_object_member (row, "metadata")) == 0;
          seen_countries |= json_array_get_length (json_object_get_array_member (row, "certificate_countries")) > 0;
          seen_logo |= json_object_get_string_member_with_default (row, "logo_url", NULL) != NULL;
          seen_no_logo |= json_object_get_string_member_with_default (row, "logo_url", NULL) == NULL;
        }
    }

  g_assert_cmpuint (unknown, ==, 2);
  g_assert_true (seen_active_verified && seen_active_unverified && seen_expired && seen_future && seen_open);
  g_assert_true (seen_metadata && seen_no_metadata && seen_countries && seen_logo && seen_no_logo);
}

/* An assignment has every documented member, of its type, and is_active
 * follows its dates and today. */
static void
test_assignment_shape (Fixture      *fixture,
                       gconstpointer data)
{
  static const char *const strings[] = { "label", "code", "description", "url", "certificate_number",
                                         "issuing_body", "verification_url", "scope", "certification_value" };
  static const char *const dates[] = { "valid_from", "expiration_date", "expiry_date", "audit_date",
                                       "initial_certification_date" };
  g_autoptr(JsonArray) rows = list_assignments (fixture, ATT_SANDBOX_CLOSIENT_LONG_GTIN, NULL);
  g_autofree char *day = today ();

  g_assert_cmpuint (json_array_get_length (rows), ==, ATT_SANDBOX_CLOSIENT_LONG_LENGTH);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *from, *until, *logo;
      gboolean    active;

      g_assert_true (att_shortuuid_check (json_object_get_string_member (row, "id"), NULL));
      for (guint j = 0; j < G_N_ELEMENTS (strings); j++)
        g_assert_nonnull (json_object_get_string_member (row, strings[j]));
      for (guint j = 0; j < G_N_ELEMENTS (dates); j++)
        g_assert_true (json_object_has_member (row, dates[j]));
      g_assert_nonnull (json_object_get_object_member (row, "metadata"));
      g_assert_nonnull (json_object_get_array_member (row, "certificate_countries"));
      g_assert_true (json_object_has_member (row, "logo_url"));

      from = json_object_get_string_member_with_default (row, "valid_from", NULL);
      until = json_object_get_string_member_with_default (row, "expiration_date", NULL);
      active = (from == NULL || strcmp (from, day) <= 0) && (until == NULL || strcmp (until, day) >= 0);
      g_assert_cmpint (json_object_get_boolean_member (row, "is_active"), ==, active);

      logo = json_object_get_string_member_with_default (row, "logo_url", NULL);
      if (logo != NULL)
        g_assert_true (g_str_has_prefix (logo, att_sandbox_get_base_url (fixture->sandbox)));
    }
}

/* Lists --------------------------------------------------------------------- */

static guint
count_where (JsonArray  *rows,
             const char *member,
             const char *value)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *node = json_object_get_member (json_array_get_object_element (rows, i), member);

      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        n += json_node_get_boolean (node) == g_str_equal (value, "true");
      else
        n += g_strcmp0 (json_node_get_string (node), value) == 0;
    }
  return n;
}

static void
test_filters (Fixture      *fixture,
              gconstpointer data)
{
  const char *gtin = ATT_SANDBOX_CLOSIENT_LONG_GTIN;
  g_autoptr(JsonArray) all = list_assignments (fixture, gtin, NULL);
  g_autoptr(JsonArray) verified = list_assignments (fixture, gtin, "?verification_status=verified");
  g_autoptr(JsonArray) active = list_assignments (fixture, gtin, "?is_active=true");
  g_autoptr(JsonArray) inactive = list_assignments (fixture, gtin, "?is_active=false");
  g_autoptr(JsonArray) both = list_assignments (fixture, gtin, "?is_active=true&verification_status=unverified");
  g_autoptr(Response) bad_status = get (fixture, CERTS "/products/" ATT_SANDBOX_CLOSIENT_LONG_GTIN "/certifications?verification_status=pending");
  g_autoptr(Response) bad_active = get (fixture, CERTS "/products/" ATT_SANDBOX_CLOSIENT_LONG_GTIN "/certifications?is_active=maybe");
  g_autoptr(Response) bad_ordering = get (fixture, CERTS "/products/" ATT_SANDBOX_CLOSIENT_LONG_GTIN "/certifications?ordering=code");

  g_assert_cmpuint (json_array_get_length (verified), ==, count_where (all, "verification_status", "verified"));
  g_assert_cmpuint (json_array_get_length (verified), >, 0);
  g_assert_cmpuint (count_where (verified, "verification_status", "verified"), ==, json_array_get_length (verified));
  g_assert_cmpuint (json_array_get_length (active), ==, count_where (all, "is_active", "true"));
  g_assert_cmpuint (count_where (active, "is_active", "true"), ==, json_array_get_length (active));
  g_assert_cmpuint (count_where (inactive, "is_active", "false"), ==, json_array_get_length (inactive));
  g_assert_cmpuint (json_array_get_length (active) + json_array_get_length (inactive), ==, json_array_get_length (all));
  g_assert_cmpuint (json_array_get_length (both), >, 0);
  g_assert_cmpuint (count_where (both, "verification_status", "unverified"), ==, json_array_get_length (both));
  g_assert_cmpuint (count_where (both, "is_active", "true"), ==, json_array_get_length (both));

  assert_error_a (bad_status, 422, "VALIDATION_ERROR", "verification_status");
  assert_error_a (bad_active, 422, "VALIDATION_ERROR", "is_active");
  assert_error_a (bad_ordering, 422, "VALIDATION_ERROR", "ordering");
}

/* -1, 0 or 1 as @a sorts before, with or after @b, nulls last. */
static int
compare_dates (const char *a,
               const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return strcmp (a, b);
}

static void
test_ordering (Fixture      *fixture,
               gconstpointer data)
{
  const char *gtin = ATT_SANDBOX_CLOSIENT_LONG_GTIN;
  g_autoptr(JsonArray) by_label = list_assignments (fixture, gtin, "?ordering=label");
  g_autoptr(JsonArray) by_label_desc = list_assignments (fixture, gtin, "?ordering=-label");
  g_autoptr(JsonArray) by_expiry = list_assignments (fixture, gtin, "?ordering=expiry_date");
  g_autoptr(JsonArray) by_expiry_desc = list_assignments (fixture, gtin, "?ordering=-expiry_date");
  guint n = json_array_get_length (by_label);

  for (guint i = 1; i < n; i++)
    {
      JsonObject *a = json_array_get_object_element (by_label, i - 1);
      JsonObject *b = json_array_get_object_element (by_label, i);
      JsonObject *c = json_array_get_object_element (by_label_desc, i - 1);
      JsonObject *d = json_array_get_object_element (by_label_desc, i);
      JsonObject *e = json_array_get_object_element (by_expiry, i - 1);
      JsonObject *f = json_array_get_object_element (by_expiry, i);
      JsonObject *g = json_array_get_object_element (by_expiry_desc, i - 1);
      JsonObject *h = json_array_get_object_element (by_expiry_desc, i);

      g_assert_cmpint (g_ascii_strcasecmp (json_object_get_string_member (a, "label"), json_object_get_string_member (b, "label")), <=, 0);
      g_assert_cmpint (g_ascii_strcasecmp (json_object_get_string_member (c, "label"), json_object_get_string_member (d, "label")), >=, 0);
      g_assert_cmpint (compare_dates (json_object_get_string_member_with_default (e, "expiry_date", NULL),
                                      json_object_get_string_member_with_default (f, "expiry_date", NULL)),
                       <=, 0);
      /* Going down, nulls come first (PostgreSQL's default). */
      g_assert_cmpint (compare_dates (json_object_get_string_member_with_default (h, "expiry_date", NULL),
                                      json_object_get_string_member_with_default (g, "expiry_date", NULL)),
                       <=, 0);
    }
  g_assert_null (json_object_get_string_member_with_default (json_array_get_object_element (by_expiry, n - 1), "expiry_date", NULL));
  g_assert_null (json_object_get_string_member_with_default (json_array_get_object_element (by_expiry_desc, 0), "expiry_date", NULL));
}

static JsonObject *
get_page (Fixture    *fixture,
          const char *query,
          JsonArray **out_data)
{
  g_autofree char *path = g_strdup_printf (PRODUCTS "/products/%s/certifications%s", ATT_SANDBOX_CLOSIENT_LONG_GTIN, query);
  g_autoptr(Response) response = get (fixture, path);
  JsonObject *envelope;

  assert_status (response, 200);
  envelope = object_of (response);
  *out_data = json_array_ref (json_object_get_array_member (envelope, "data"));
  return json_object_ref (json_object_get_object_member (envelope, "pagination"));
}

static void
assert_pagination (JsonObject *pagination,
                   gint64      page,
                   gint64      size,
                   gint64      total,
                   gint64      pages)
{
  g_assert_cmpint (json_object_get_int_member (pagination, "page"), ==, page);
  g_assert_cmpint (json_object_get_int_member (pagination, "page_size"), ==, size);
  g_assert_cmpint (json_object_get_int_member (pagination, "total_count"), ==, total);
  g_assert_cmpint (json_object_get_int_member (pagination, "total_pages"), ==, pages);
  g_assert_cmpint (json_object_get_boolean_member (pagination, "has_next"), ==, page < pages);
  g_assert_cmpint (json_object_get_boolean_member (pagination, "has_previous"), ==, page > 1);
}

static void
test_pagination (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr(JsonArray) all = list_assignments (fixture, ATT_SANDBOX_CLOSIENT_LONG_GTIN, "?ordering=label");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(Response) zero = get (fixture, PRODUCTS "/products/" ATT_SANDBOX_CLOSIENT_LONG_GTIN "/certifications?page_size=0");
  g_autoptr(Response) large = get (fixture, PRODUCTS "/products/" ATT_SANDBOX_CLOSIENT_LONG_GTIN "/certifications?page_size=101");
  g_autoptr(Response) page0 = get (fixture, PRODUCTS "/products/" ATT_SANDBOX_CLOSIENT_LONG_GTIN "/certifications?page=0");
  guint n = 0;

  for (guint page = 1; page <= 3; page++)
    {
      g_autofree char *query = g_strdup_printf ("?ordering=label&page=%u", page);
      g_autoptr(JsonArray) rows = NULL;
      g_autoptr(JsonObject) pagination = get_page (fixture, query, &rows);

      assert_pagination (pagination, page, 25, ATT_SANDBOX_CLOSIENT_LONG_LENGTH, 3);
      g_assert_cmpuint (json_array_get_length (rows), ==, page < 3 ? 25 : 10);
      for (guint i = 0; i < json_array_get_length (rows); i++, n++)
        {
          const char *id = json_object_get_string_member (json_array_get_object_element (rows, i), "id");

          g_assert_cmpstr (id, ==, json_object_get_string_member (json_array_get_object_element (all, n), "id"));
          g_assert_true (g_hash_table_add (seen, g_strdup (id)));
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, ATT_SANDBOX_CLOSIENT_LONG_LENGTH);

  {
    g_autoptr(JsonArray) rows = NULL;
    g_autoptr(JsonObject) pagination = get_page (fixture, "?page=9&page_size=100", &rows);

    assert_pagination (pagination, 9, 100, ATT_SANDBOX_CLOSIENT_LONG_LENGTH, 1);
    g_assert_cmpuint (json_array_get_length (rows), ==, 0);
  }
  {
    g_autoptr(JsonArray) rows = NULL;
    g_autoptr(JsonObject) pagination = get_page (fixture, "?verification_status=verified&page_size=5", &rows);
    g_autoptr(JsonArray) verified = list_assignments (fixture, ATT_SANDBOX_CLOSIENT_LONG_GTIN, "?verification_status=verified");

    g_assert_cmpint (json_object_get_int_member (pagination, "total_count"), ==, json_array_get_length (verified));
    g_assert_cmpuint (json_array_get_length (rows), ==, 5);
  }

  assert_error_a (zero, 422, "VALIDATION_ERROR", "page_size");
  assert_error_a (large, 422, "VALIDATION_ERROR", "page_size");
  assert_error_a (page0, 422, "VALIDATION_ERROR", "page");
}

/* GTINs ----------------------------------------------------------------------- */

/* The GTIN the product lookup of @typed answers, or NULL on an error. */
static char *
product_gtin (Fixture    *fixture,
              const char *typed,
              guint       status)
{
  g_autofree char *escaped = g_uri_escape_string (typed, NULL, FALSE);
  g_autofree char *path = g_strconcat (PRODUCTS "/products/", escaped, NULL);
  g_autoptr(Response) response = get (fixture, path);

  assert_status (response, status);
  if (status != 200)
    return NULL;
  return g_strdup (json_object_get_string_member (object_of (response), "gtin"));
}

static void
test_gtin_lengths (Fixture      *fixture,
                   gconstpointer data)
{
  static const struct
  {
    const char *typed;
    const char *gtin14;
  } cases[] = {
    { "96385074", ATT_SANDBOX_CLOSIENT_GTIN8 },
    { "012345678905", ATT_SANDBOX_CLOSIENT_GTIN12 },
    { "9506000134352", ATT_SANDBOX_CLOSIENT_LONG_GTIN },
    { ATT_SANDBOX_CLOSIENT_LONG_GTIN, ATT_SANDBOX_CLOSIENT_LONG_GTIN },
    { "0-12345-67890-5", ATT_SANDBOX_CLOSIENT_GTIN12 },
    { "9506 0001 34352", ATT_SANDBOX_CLOSIENT_LONG_GTIN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *gtin = product_gtin (fixture, cases[i].typed, 200);
      g_autofree char *path = NULL;
      g_autoptr(JsonArray) short_rows = NULL;
      g_autoptr(JsonArray) long_rows = NULL;

      g_assert_cmpstr (gtin, ==, cases[i].gtin14);
      if (strchr (cases[i].typed, ' ') != NULL || strchr (cases[i].typed, '-') != NULL)
        continue;
      /* Both lists answer the same for the short and the padded form. */
      short_rows = list_assignments (fixture, cases[i].typed, NULL);
      long_rows = list_assignments (fixture, cases[i].gtin14, NULL);
      g_assert_cmpuint (json_array_get_length (short_rows), ==, json_array_get_length (long_rows));
      g_assert_cmpuint (json_array_get_length (short_rows), >, 0);
    }
}

static void
test_gtin_errors (Fixture      *fixture,
                  gconstpointer data)
{
  static const char *const malformed[] = { "9506000134353", "1234567", "950600013435", "12345678901",
                                           "95060001343x2", "123456789012345" };
  g_autoptr(Response) separators = get (fixture, CERTS "/products/0-12345-67890-5/certifications");
  g_autoptr(Response) unknown = get (fixture, CERTS "/products/4006381333931/certifications");
  g_autoptr(Response) unknown_product = get (fixture, PRODUCTS "/products/4006381333931");
  g_autoptr(Response) check = get (fixture, CERTS "/products/9506000134353/certifications");
  JsonObject *error;

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf (CERTS "/products/%s/certifications", malformed[i]);
      g_autofree char *paged = g_strdup_printf (PRODUCTS "/products/%s/certifications", malformed[i]);
      g_autoptr(Response) response = get (fixture, path);
      g_autoptr(Response) paged_response = get (fixture, paged);

      assert_error_a (response, 422, "VALIDATION_ERROR", "gtin");
      assert_error_a (paged_response, 422, "VALIDATION_ERROR", "gtin");
    }

  /* The certifications app takes digits only; the products app strips
   * separators. */
  assert_error_a (separators, 422, "VALIDATION_ERROR", "gtin");
  assert_error_a (unknown, 404, "NOT_FOUND", NULL);
  assert_error_a (unknown_product, 404, "NOT_FOUND", NULL);

  /* The message names the expected check digit. */
  error = assert_error_a (check, 422, "VALIDATION_ERROR", "gtin");
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (error, "details"), 0), "message"), "2"));
}

static void
test_product (Fixture      *fixture,
              gconstpointer data)
{
  g_autofree char *path = g_strconcat (PRODUCTS "/products/", fixture->gtin, NULL);
  g_autoptr(Response) response = get (fixture, path);
  JsonObject *product;

  assert_status (response, 200);
  product = object_of (response);
  g_assert_cmpstr (json_object_get_string_member (product, "gtin"), ==, fixture->gtin);
  g_assert_cmpstr (json_object_get_string_member (product, "product_name"), ==, att_sandbox_seed_demo_name (0));
  g_assert_cmpstr (json_object_get_string_member (product, "brand"), !=, "");
  g_assert_nonnull (json_object_get_string_member (product, "manufacturer"));
  g_assert_true (json_object_has_member (product, "image_url"));
  g_assert_nonnull (json_object_get_string_member (product, "description"));
  g_assert_true (json_object_get_boolean_member (product, "is_claimed"));
}

/* Catalogue and bodies ------------------------------------------------------------ */

static JsonArray *
catalogue (Fixture    *fixture,
           const char *path,
           gint64     *out_total)
{
  g_autoptr(Response) response = get (fixture, path);
  JsonObject *envelope;

  assert_status (response, 200);
  envelope = object_of (response);
  *out_total = json_object_get_int_member (json_object_get_object_member (envelope, "pagination"), "total_count");
  return json_array_ref (json_object_get_array_member (envelope, "data"));
}

static void
test_catalogue (Fixture      *fixture,
                gconstpointer data)
{
  gint64 total, n;
  g_autoptr(JsonArray) all = catalogue (fixture, CERTS "/certifications?page_size=100&ordering=code", &total);
  g_autoptr(JsonArray) organic = catalogue (fixture, CERTS "/certifications?label=ORGANIC", &n);
  g_autoptr(JsonArray) gots = catalogue (fixture, CERTS "/certifications?code=gots", &n);
  g_autoptr(JsonArray) by_label = catalogue (fixture, CERTS "/certifications?ordering=-label&page_size=100", &n);
  JsonObject      *first;
  const char      *id;
  g_autofree char *uuid = NULL;
  g_autofree char *by_id = NULL;
  g_autofree char *by_uuid = NULL;

  g_assert_cmpint (total, ==, json_array_get_length (all));
  g_assert_cmpint (total, >=, 30);
  for (guint i = 1; i < json_array_get_length (all); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (all, i - 1), "code"), <=,
                     json_object_get_string_member (json_array_get_object_element (all, i), "code"));
  for (guint i = 1; i < json_array_get_length (by_label); i++)
    g_assert_cmpint (g_ascii_strcasecmp (json_object_get_string_member (json_array_get_object_element (by_label, i - 1), "label"),
                                         json_object_get_string_member (json_array_get_object_element (by_label, i), "label")),
                     >=, 0);
  g_assert_cmpuint (json_array_get_length (organic), >=, 3);
  for (guint i = 0; i < json_array_get_length (organic); i++)
    {
      g_autofree char *folded = g_utf8_casefold (json_object_get_string_member (json_array_get_object_element (organic, i), "label"), -1);

      g_assert_nonnull (strstr (folded, "organic"));
    }
  g_assert_cmpuint (json_array_get_length (gots), ==, 1);
  first = json_array_get_object_element (gots, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "code"), ==, "GOTS");
  g_assert_cmpstr (json_object_get_string_member (first, "certification_body_name"), !=, "");
  g_assert_nonnull (json_object_get_string_member (first, "program"));
  g_assert_nonnull (json_object_get_string_member (first, "standard"));

  /* One certification, by its shortuuid or its UUID. */
  id = json_object_get_string_member (first, "id");
  uuid = att_shortuuid_to_uuid (id, NULL);
  by_id = g_strconcat (CERTS "/certifications/", id, NULL);
  by_uuid = g_strconcat (CERTS "/certifications/", uuid, NULL);
  {
    g_autoptr(Response) one = get (fixture, by_id);
    g_autoptr(Response) two = get (fixture, by_uuid);
    g_autoptr(Response) bad = get (fixture, CERTS "/certifications/not-an-id");
    g_autoptr(Response) range = get (fixture, CERTS "/certifications/zzzzzzzzzzzzzzzzzzzzzz");
    g_autoptr(Response) none = get (fixture, CERTS "/certifications/2222222222222222222222");

    assert_status (one, 200);
    assert_status (two, 200);
    g_assert_cmpstr (json_object_get_string_member (object_of (one), "label"), ==,
                     json_object_get_string_member (first, "label"));
    g_assert_cmpstr (json_object_get_string_member (object_of (two), "id"), ==, id);
    assert_error_a (bad, 422, "VALIDATION_ERROR", "certification_id");
    assert_error_a (range, 422, "VALIDATION_ERROR", "certification_id");
    assert_error_a (none, 404, "NOT_FOUND", NULL);
  }
}

static void
test_bodies (Fixture      *fixture,
             gconstpointer data)
{
  gint64 total, n;
  g_autoptr(JsonArray) all = catalogue (fixture, CERTS "/certification-bodies?page_size=100", &total);
  g_autoptr(JsonArray) tuv = catalogue (fixture, CERTS "/certification-bodies?search=t%C3%9Cv", &n);
  JsonObject      *body;
  g_autofree char *path = NULL;
  g_autofree char *filter = NULL;
  g_autoptr(JsonArray) certified = NULL;

  g_assert_cmpint (total, >=, 12);
  for (guint i = 0; i < json_array_get_length (all); i++)
    g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (all, i), "website"), "https://"));

  g_assert_cmpuint (json_array_get_length (tuv), ==, 1);
  body = json_array_get_object_element (tuv, 0);
  g_assert_cmpstr (json_object_get_string_member (body, "name"), ==, "TÜV Rheinland");

  path = g_strconcat (CERTS "/certification-bodies/", json_object_get_string_member (body, "id"), NULL);
  {
    g_autoptr(Response) one = get (fixture, path);

    assert_status (one, 200);
    g_assert_cmpstr (json_object_get_string_member (object_of (one), "name"), ==, "TÜV Rheinland");
  }

  /* The catalogue's body filter takes the body's id. */
  filter = g_strconcat (CERTS "/certifications?certification_body=", json_object_get_string_member (body, "id"), NULL);
  certified = catalogue (fixture, filter, &n);
  g_assert_cmpuint (json_array_get_length (certified), >=, 1);
  for (guint i = 0; i < json_array_get_length (certified); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (certified, i), "certification_body_name"),
                     ==, "TÜV Rheinland");
}

typedef struct
{
  const guint8 *data;
  gsize         left;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

static void
test_logos (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr(JsonArray) rows = list_assignments (fixture, ATT_SANDBOX_CLOSIENT_LONG_GTIN, NULL);
  g_autoptr(Response) missing = send_request (fixture, "GET", "/_sandbox/closient-logos/NOPE.png", NULL, NULL);
  guint logos = 0;

  for (guint i = 0; i < json_array_get_length (rows) && logos < 3; i++)
    {
      const char *url = json_object_get_string_member_with_default (json_array_get_object_element (rows, i), "logo_url", NULL);
      const char *base = att_sandbox_get_base_url (fixture->sandbox);
      g_autoptr(Response) png = NULL;
      cairo_surface_t *surface;
      PngReader        reader;

      if (url == NULL)
        continue;
      g_assert_true (g_str_has_prefix (url, base));
      png = send_request (fixture, "GET", url + strlen (base), NULL, NULL);
      assert_status (png, 200);
      g_assert_cmpstr (png->content_type, ==, "image/png");

      reader.data = png->body->data;
      reader.left = png->body->len;
      surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 128);
      cairo_surface_destroy (surface);
      logos++;
    }
  g_assert_cmpuint (logos, ==, 3);
  assert_status (missing, 404);
}

/* Keys -------------------------------------------------------------------------- */

static void
test_auth (Fixture      *fixture,
           gconstpointer data)
{
  g_autofree char *path = g_strdup_printf (CERTS "/products/%s/certifications", fixture->gtin);
  g_autoptr(JsonObject) row = first_assignment (fixture);
  g_autofree char *item = g_strdup_printf ("%s/%s", path, json_object_get_string_member (row, "id"));
  g_autofree char *wrong_crc = g_strdup (key_of (fixture, ATT_CLOSIENT_KEY_BUSINESS));
  const char      *body = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
  g_autofree char *wrong_prefix = NULL;
  g_autofree char *unknown = NULL;

  /* A well-formed key (its CRC-32 right) that is not the sandbox's. */
  unknown = g_strdup_printf ("csb_%s_%08lx", body, crc32 (crc32 (0L, Z_NULL, 0), (const Bytef *) body, 32) & 0xffffffffUL);
  g_assert_true (att_closient_key_check (unknown, NULL, NULL));
  wrong_crc[strlen (wrong_crc) - 1] = wrong_crc[strlen (wrong_crc) - 1] == '0' ? '1' : '0';
  wrong_prefix = g_strconcat ("abc", key_of (fixture, ATT_CLOSIENT_KEY_BUSINESS) + 3, NULL);

  {
    g_autoptr(Response) none = send_request (fixture, "GET", path, NULL, NULL);
    g_autoptr(Response) crc_response = send_request (fixture, "GET", path, NULL, wrong_crc);
    g_autoptr(Response) prefix = send_request (fixture, "GET", path, NULL, wrong_prefix);
    g_autoptr(Response) stranger = send_request (fixture, "GET", path, NULL, unknown);
    g_autoptr(Response) unknown_path = send_request (fixture, "GET", CERTS "/nothing-here", NULL, NULL);
    g_autoptr(Response) publishable = send_request (fixture, "GET", path, NULL, key_of (fixture, ATT_CLOSIENT_KEY_PUBLISHABLE));
    g_autoptr(Response) user = send_request (fixture, "GET", path, NULL, key_of (fixture, ATT_CLOSIENT_KEY_USER));

    assert_error_a (none, 401, "UNAUTHORIZED", NULL);
    assert_error_a (crc_response, 401, "UNAUTHORIZED", NULL);
    assert_error_a (prefix, 401, "UNAUTHORIZED", NULL);
    assert_error_a (stranger, 401, "UNAUTHORIZED", NULL);
    assert_error_a (unknown_path, 401, "UNAUTHORIZED", NULL);
    assert_status (publishable, 200);
    assert_status (user, 200);
  }

  /* A publishable key reads, but may not write. */
  {
    g_autoptr(Response) write = send_request (fixture, "PATCH", item, "{\"scope\": \"x\"}", key_of (fixture, ATT_CLOSIENT_KEY_PUBLISHABLE));
    g_autoptr(Response) remove = send_request (fixture, "DELETE", item, NULL, key_of (fixture, ATT_CLOSIENT_KEY_PUBLISHABLE));
    JsonObject *error = assert_error_a (write, 403, "FORBIDDEN", NULL);
    JsonObject *flat = assert_error_b (remove, 403, "forbidden");

    g_assert_false (json_object_get_boolean_member (error, "owner_action_required"));
    g_assert_false (json_object_get_boolean_member (flat, "owner_action_required"));
  }

  /* A user key made read-only: an organisation owner must act. */
  {
    g_autoptr(Response) settings = post_control (fixture, "/_sandbox/closient-limits", "{\"readOnlyKeys\": true}");
    g_autoptr(Response) write = send_request (fixture, "PATCH", item, "{\"scope\": \"x\"}", key_of (fixture, ATT_CLOSIENT_KEY_USER));
    g_autoptr(Response) remove = send_request (fixture, "DELETE", item, NULL, key_of (fixture, ATT_CLOSIENT_KEY_USER));
    g_autoptr(Response) business = send_request (fixture, "PATCH", item, "{\"scope\": \"x\"}", key_of (fixture, ATT_CLOSIENT_KEY_BUSINESS));

    assert_status (settings, 200);
    g_assert_true (json_object_get_boolean_member (assert_error_a (write, 403, "FORBIDDEN", NULL), "owner_action_required"));
    g_assert_true (json_object_get_boolean_member (assert_error_b (remove, 403, "forbidden"), "owner_action_required"));
    assert_status (business, 200);
  }
  {
    g_autoptr(Response) settings = post_control (fixture, "/_sandbox/closient-limits", "{\"readOnlyKeys\": false}");
    g_autoptr(Response) write = send_request (fixture, "PATCH", item, "{\"scope\": \"y\"}", key_of (fixture, ATT_CLOSIENT_KEY_USER));

    assert_status (settings, 200);
    assert_status (write, 200);
  }
}

/* PATCH ----------------------------------------------------------------------------- */

/* PATCHes @json onto the assignment @id, expecting 200, and checks that
 * the answer and the list that follows agree. */
static JsonObject *
patch_ok (Fixture    *fixture,
          const char *id,
          const char *json)
{
  g_autoptr(Response) response = patch (fixture, id, json);
  g_autoptr(JsonObject) listed = NULL;
  g_autofree char *answered = NULL;
  g_autofree char *read = NULL;
  JsonObject      *answer;

  assert_status (response, 200);
  answer = object_of (response);
  listed = find_assignment (fixture, id);
  g_assert_nonnull (listed);
  answered = json_to_string (response->json, FALSE);
  {
    g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), listed);

    read = json_to_string (node, FALSE);
  }
  g_assert_cmpstr (answered, ==, read);
  return json_object_ref (answer);
}

static void
test_patch_fields (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(JsonObject) row = first_assignment (fixture);
  const char *id = json_object_get_string_member (row, "id");
  g_autoptr(GString) chars100 = g_string_new (NULL);
  g_autofree char *body = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (chars100, "é");

  {
    g_autoptr(JsonObject) after = patch_ok (fixture, id,
                                             "{\"certificate_number\": \"NOP-12345\", \"issuing_body\": \"Oregon Tilth\","
                                             " \"verification_url\": \"https://example.org/v/1\", \"scope\": \"All dairy\","
                                             " \"certification_value\": \"Grade A\", \"verification_status\": \"expired\"}");

    g_assert_cmpstr (json_object_get_string_member (after, "certificate_number"), ==, "NOP-12345");
    g_assert_cmpstr (json_object_get_string_member (after, "issuing_body"), ==, "Oregon Tilth");
    g_assert_cmpstr (json_object_get_string_member (after, "verification_url"), ==, "https://example.org/v/1");
    g_assert_cmpstr (json_object_get_string_member (after, "scope"), ==, "All dairy");
    g_assert_cmpstr (json_object_get_string_member (after, "certification_value"), ==, "Grade A");
    g_assert_cmpstr (json_object_get_string_member (after, "verification_status"), ==, "expired");
    /* What was not sent is unchanged. */
    g_assert_cmpstr (json_object_get_string_member (after, "label"), ==, json_object_get_string_member (row, "label"));
    g_assert_cmpstr (json_object_get_string_member_with_default (after, "expiry_date", NULL), ==,
                     json_object_get_string_member_with_default (row, "expiry_date", NULL));
  }

  /* 100 characters of 2 bytes each fit a 100-character field. */
  body = g_strdup_printf ("{\"certificate_number\": \"%s\", \"scope\": \"\"}", chars100->str);
  {
    g_autoptr(JsonObject) after = patch_ok (fixture, id, body);

    g_assert_cmpstr (json_object_get_string_member (after, "certificate_number"), ==, chars100->str);
    g_assert_cmpstr (json_object_get_string_member (after, "scope"), ==, "");
  }

  {
    g_autoptr(JsonObject) after = patch_ok (fixture, id, "{\"certificate_countries\": [\"FR\", \"DE\", \"FR\"]}");
    JsonArray *countries = json_object_get_array_member (after, "certificate_countries");

    g_assert_cmpuint (json_array_get_length (countries), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (countries, 0), ==, "FR");
    g_assert_cmpstr (json_array_get_string_element (countries, 1), ==, "DE");
  }
  {
    g_autoptr(JsonObject) after = patch_ok (fixture, id, "{\"certificate_countries\": []}");

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (after, "certificate_countries")), ==, 0);
  }
}

static void
test_patch_dates (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(JsonObject) row = first_assignment (fixture);
  const char *id = json_object_get_string_member (row, "id");

  {
    g_autoptr(JsonObject) after = patch_ok (fixture, id,
                                             "{\"valid_from\": \"2020-01-01\", \"expiration_date\": \"2099-12-31\","
                                             " \"audit_date\": \"2019-12-01\", \"initial_certification_date\": \"2015-06-30\"}");

    g_assert_cmpstr (json_object_get_string_member (after, "valid_from"), ==, "2020-01-01");
    g_assert_cmpstr (json_object_get_string_member (after, "expiration_date"), ==, "2099-12-31");
    g_assert_cmpstr (json_object_get_string_member (after, "audit_date"), ==, "2019-12-01");
    g_assert_cmpstr (json_object_get_string_member (after, "initial_certification_date"), ==, "2015-06-30");
    g_assert_true (json_object_get_boolean_member (after, "is_active"));
  }

  /* Not yet valid: is_active is computed again. */
  {
    g_autoptr(JsonObject) after = patch_ok (fixture, id, "{\"valid_from\": \"2098-01-01\"}");

    g_assert_false (json_object_get_boolean_member (after, "is_active"));
  }

  /* null clears; no bounds at all is active. */
  {
    g_autoptr(JsonObject) after = patch_ok (fixture, id,
                                             "{\"valid_from\": null, \"expiration_date\": null,"
                                             " \"audit_date\": null, \"initial_certification_date\": null}");

    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (after, "valid_from")));
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (after, "expiration_date")));
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (after, "audit_date")));
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (after, "initial_certification_date")));
    g_assert_true (json_object_get_boolean_member (after, "is_active"));
  }

  /* Expired by date. */
  {
    g_autoptr(JsonObject) after = patch_ok (fixture, id, "{\"expiration_date\": \"2001-02-03\"}");

    g_assert_false (json_object_get_boolean_member (after, "is_active"));
  }
}

/* Each bad PATCH body, the field its 422 names. */
static void
test_patch_invalid (Fixture      *fixture,
                    gconstpointer data)
{
  static const struct
  {
    const char *body;
    const char *field;
  } cases[] = {
    { "{\"id\": \"x\"}", "id" },
    { "{\"label\": \"x\"}", "label" },
    { "{\"code\": \"x\"}", "code" },
    { "{\"is_active\": true}", "is_active" },
    { "{\"expiry_date\": \"2030-01-01\"}", "expiry_date" },
    { "{\"logo_url\": null}", "logo_url" },
    { "{\"colour\": \"red\"}", "colour" },
    { "{\"certificate_number\": null}", "certificate_number" },
    { "{\"issuing_body\": 42}", "issuing_body" },
    { "{\"scope\": null}", "scope" },
    { "{\"verification_status\": \"pending\"}", "verification_status" },
    { "{\"verification_status\": null}", "verification_status" },
    { "{\"verification_url\": \"ftp://example.org\"}", "verification_url" },
    { "{\"valid_from\": \"2024-02-30\"}", "valid_from" },
    { "{\"audit_date\": \"12/01/2024\"}", "audit_date" },
    { "{\"initial_certification_date\": 20240101}", "initial_certification_date" },
    { "{\"valid_from\": \"2025-01-02\", \"expiration_date\": \"2025-01-01\"}", "expiration_date" },
    { "{\"certificate_countries\": [\"fr\"]}", "certificate_countries" },
    { "{\"certificate_countries\": [\"XX\"]}", "certificate_countries" },
    { "{\"certificate_countries\": \"FR\"}", "certificate_countries" },
    { "{\"certificate_countries\": null}", "certificate_countries" },
  };
  g_autoptr(JsonObject) row = first_assignment (fixture);
  const char *id = json_object_get_string_member (row, "id");
  g_autoptr(GString) long_number = g_string_new ("{\"scope\": \"changed\", \"certificate_number\": \"");
  g_autoptr(JsonObject) after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Response) response = patch (fixture, id, cases[i].body);

      assert_error_a (response, 422, "VALIDATION_ERROR", cases[i].field);
    }

  /* All or nothing: a good field beside a bad one is not applied. */
  for (guint i = 0; i < 101; i++)
    g_string_append_c (long_number, 'N');
  g_string_append (long_number, "\"}");
  {
    g_autoptr(Response) response = patch (fixture, id, long_number->str);

    assert_error_a (response, 422, "VALIDATION_ERROR", "certificate_number");
  }
  after = find_assignment (fixture, id);
  g_assert_cmpstr (json_object_get_string_member (after, "scope"), ==, json_object_get_string_member (row, "scope"));

  /* Not JSON, or not an object: 400. */
  {
    g_autoptr(Response) response = patch (fixture, id, "[1, 2]");
    g_autoptr(Response) broken = patch (fixture, id, "{\"scope\": ");

    assert_error_a (response, 400, "BAD_REQUEST", NULL);
    assert_error_a (broken, 400, "BAD_REQUEST", NULL);
  }

  /* An id that is not one, a certification the product does not have. */
  {
    g_autoptr(Response) bad_id = patch (fixture, "nope", "{\"scope\": \"x\"}");
    g_autoptr(Response) other = patch (fixture, "2222222222222222222222", "{\"scope\": \"x\"}");

    assert_error_a (bad_id, 422, "VALIDATION_ERROR", "certification_id");
    assert_error_a (other, 404, "NOT_FOUND", NULL);
  }
}

/* The metadata merge rules (api-closient.md §5) ----------------------------------- */

static char *
metadata_string (JsonObject *assignment)
{
  JsonObject *metadata = json_object_get_object_member (assignment, "metadata");
  g_autoptr(GList) keys = g_list_sort (json_object_get_members (metadata), (GCompareFunc) strcmp);
  GString *text = g_string_new (NULL);

  for (GList *l = keys; l != NULL; l = l->next)
    g_string_append_printf (text, "%s%s=%s", text->len > 0 ? " " : "", (char *) l->data,
                            json_object_get_string_member (metadata, l->data));
  return g_string_free (text, FALSE);
}

static void
test_metadata_merge (Fixture      *fixture,
                     gconstpointer data)
{
  static const struct
  {
    const char *patch;
    const char *expected;
  } cases[] = {
    { "{\"metadata\": {\"c\": \"3\"}}", "a=1 b=2 c=3" },
    { "{\"metadata\": {\"a\": \"one\"}}", "a=one b=2" },
    { "{\"metadata\": {\"a\": \"\"}}", "b=2" },
    { "{\"metadata\": {\"a\": null}}", "b=2" },
    { "{\"metadata\": {\"a\": null, \"b\": \"\", \"d\": \"4\"}}", "d=4" },
    { "{\"metadata\": {}}", "" },
    { "{\"metadata\": null}", "" },
    { "{\"scope\": \"metadata omitted\"}", "a=1 b=2" },
    { "{\"metadata\": {\"zz\": \"\"}}", "a=1 b=2" },
  };
  g_autoptr(JsonObject) row = first_assignment (fixture);
  const char *id = json_object_get_string_member (row, "id");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) start = patch_ok (fixture, id, "{\"metadata\": {\"a\": \"1\", \"b\": \"2\"}}");
      g_autoptr(JsonObject) after = NULL;
      g_autofree char *text = NULL;

      /* From a=1 b=2 (what was there before is replaced by {} first). */
      json_object_unref (patch_ok (fixture, id, "{\"metadata\": {}}"));
      json_object_unref (patch_ok (fixture, id, "{\"metadata\": {\"a\": \"1\", \"b\": \"2\"}}"));
      after = patch_ok (fixture, id, cases[i].patch);
      text = metadata_string (after);
      g_test_message ("metadata %s", cases[i].patch);
      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_nonnull (start);
    }

  /* A non-string value, a non-object member. */
  {
    g_autoptr(Response) number = patch (fixture, id, "{\"metadata\": {\"a\": 5}}");
    g_autoptr(Response) text = patch (fixture, id, "{\"metadata\": \"a=1\"}");

    assert_error_a (number, 422, "VALIDATION_ERROR", "metadata.a");
    assert_error_a (text, 422, "VALIDATION_ERROR", "metadata");
  }
}

/* A metadata member of @n keys k00.., values "v". */
static char *
many_keys (guint       first,
           guint       n,
           const char *extra)
{
  GString *json = g_string_new ("{\"metadata\": {");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s\"k%02u\": \"v\"", i > 0 ? ", " : "", first + i);
  g_string_append_printf (json, "%s}}", extra != NULL ? extra : "");
  return g_string_free (json, FALSE);
}

static void
test_metadata_limits (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr(JsonObject) row = first_assignment (fixture);
  const char      *id = json_object_get_string_member (row, "id");
  g_autofree char *fifty = many_keys (0, 50, NULL);
  g_autofree char *one_more = many_keys (50, 1, NULL);
  g_autofree char *swap = many_keys (50, 1, ", \"k00\": \"\"");
  g_autoptr(GString) key40 = g_string_new (NULL);
  g_autoptr(GString) value500 = g_string_new (NULL);
  g_autofree char *body = NULL;
  g_autofree char *body_long_key = NULL;
  g_autofree char *body_long_value = NULL;
  g_autofree char *long_key_field = NULL;

  /* 50 keys after the merge: fine; one more: refused on "metadata"; one
   * added and one deleted in the same PATCH: fine, since the limit holds
   * after the merge. */
  {
    g_autoptr(JsonObject) start = patch_ok (fixture, id, "{\"metadata\": {}}");
    g_autoptr(JsonObject) after = patch_ok (fixture, id, fifty);
    g_autoptr(Response) over = patch (fixture, id, one_more);
    g_autoptr(JsonObject) swapped = patch_ok (fixture, id, swap);

    g_assert_cmpuint (json_object_get_size (json_object_get_object_member (after, "metadata")), ==, 50);
    assert_error_a (over, 422, "VALIDATION_ERROR", "metadata");
    g_assert_cmpuint (json_object_get_size (json_object_get_object_member (swapped, "metadata")), ==, 50);
    g_assert_true (json_object_has_member (json_object_get_object_member (swapped, "metadata"), "k50"));
    g_assert_false (json_object_has_member (json_object_get_object_member (swapped, "metadata"), "k00"));
    g_assert_nonnull (start);
  }

  /* Keys of 40 and values of 500 characters, counted in characters (each
   * of these is two or three bytes). */
  for (guint i = 0; i < 40; i++)
    g_string_append (key40, "é");
  for (guint i = 0; i < 500; i++)
    g_string_append (value500, "€");
  body = g_strdup_printf ("{\"metadata\": null}");
  {
    g_autoptr(JsonObject) cleared = patch_ok (fixture, id, body);
    g_autofree char *fits = g_strdup_printf ("{\"metadata\": {\"%s\": \"%s\"}}", key40->str, value500->str);
    g_autoptr(JsonObject) after = patch_ok (fixture, id, fits);

    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (after, "metadata"), key40->str), ==,
                     value500->str);
    g_assert_nonnull (cleared);
  }

  g_string_append (key40, "é");
  g_string_append (value500, "€");
  body_long_key = g_strdup_printf ("{\"metadata\": {\"%s\": \"v\"}}", key40->str);
  body_long_value = g_strdup_printf ("{\"metadata\": {\"long\": \"%s\"}}", value500->str);
  long_key_field = g_strconcat ("metadata.", key40->str, NULL);
  {
    g_autoptr(Response) long_key = patch (fixture, id, body_long_key);
    g_autoptr(Response) long_value = patch (fixture, id, body_long_value);

    assert_error_a (long_key, 422, "VALIDATION_ERROR", long_key_field);
    assert_error_a (long_value, 422, "VALIDATION_ERROR", "metadata.long");
  }
}

/* DELETE ---------------------------------------------------------------------------- */

static void
test_delete (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(JsonObject) row = first_assignment (fixture);
  const char      *id = json_object_get_string_member (row, "id");
  g_autofree char *path = g_strdup_printf (CERTS "/products/%s/certifications/%s", fixture->gtin, id);
  g_autofree char *catalogue_path = g_strconcat (CERTS "/certifications/", id, NULL);
  g_autoptr(JsonObject) gone = NULL;

  {
    g_autoptr(Response) first = send_request (fixture, "DELETE", path, NULL, key_of (fixture, ATT_CLOSIENT_KEY_BUSINESS));
    g_autoptr(Response) again = send_request (fixture, "DELETE", path, NULL, key_of (fixture, ATT_CLOSIENT_KEY_BUSINESS));
    g_autoptr(Response) bad_id = send_request (fixture, "DELETE", CERTS "/products/09506000134352/certifications/x", NULL,
                                                key_of (fixture, ATT_CLOSIENT_KEY_BUSINESS));
    g_autoptr(Response) still = get (fixture, catalogue_path);
    JsonObject *body;

    assert_status (first, 204);
    g_assert_cmpuint (first->size, ==, 0);
    body = assert_error_b (again, 404, "not_found");
    g_assert_false (json_object_get_boolean_member (body, "retryable"));
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (body, "retry_after")));
    g_assert_false (json_object_get_boolean_member (body, "owner_action_required"));
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (body, "details")));
    body = assert_error_b (bad_id, 422, "validation_error");
    g_assert_true (has_field (json_object_get_array_member (body, "details"), "certification_id"));
    /* The certification stays in the catalogue. */
    assert_status (still, 200);
  }

  gone = find_assignment (fixture, id);
  g_assert_null (gone);
}

/* Rate limits ------------------------------------------------------------------------ */

static gint64
header_number (Response   *response,
               const char *name)
{
  const char *value = soup_message_headers_get_one (response->headers, name);

  g_assert_nonnull (value);
  return g_ascii_strtoll (value, NULL, 10);
}

static void
test_rate_limit_headers (Fixture      *fixture,
                         gconstpointer data)
{
  g_autofree char *path = g_strdup_printf (CERTS "/products/%s/certifications", fixture->gtin);
  g_autoptr(Response) first = get (fixture, path);
  g_autoptr(Response) second = get (fixture, path);
  g_autoptr(Response) publishable = send_request (fixture, "GET", path, NULL, key_of (fixture, ATT_CLOSIENT_KEY_PUBLISHABLE));
  g_autoptr(Response) error = get (fixture, CERTS "/products/123/certifications");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  assert_status (first, 200);
  g_assert_cmpstr (soup_message_headers_get_one (first->headers, "RateLimit-Policy"), ==, "300;w=60, 10000;w=86400");
  g_assert_cmpint (header_number (first, "RateLimit-Limit"), ==, 300);
  g_assert_cmpint (header_number (first, "RateLimit-Remaining"), ==, 299);
  g_assert_cmpint (header_number (second, "RateLimit-Remaining"), ==, 298);
  g_assert_cmpint (header_number (first, "RateLimit-Reset"), >=, 1);
  g_assert_cmpint (header_number (first, "RateLimit-Reset"), <=, 60);
  g_assert_cmpint (header_number (first, "X-RateLimit-Limit"), ==, 300);
  g_assert_cmpint (header_number (second, "X-RateLimit-Remaining"), ==, 298);
  g_assert_cmpint (header_number (first, "X-RateLimit-Reset"), >=, now);
  g_assert_cmpint (header_number (first, "X-RateLimit-Reset"), <=, now + 61);
  g_assert_null (soup_message_headers_get_one (first->headers, "Retry-After"));

  /* Publishable keys have their own, lower, limit; errors count too. */
  g_assert_cmpint (header_number (publishable, "RateLimit-Limit"), ==, 100);
  g_assert_cmpint (header_number (publishable, "RateLimit-Remaining"), ==, 99);
  assert_status (error, 422);
  g_assert_cmpint (header_number (error, "RateLimit-Remaining"), ==, 297);
}

static void
test_rate_limit_429 (Fixture      *fixture,
                     gconstpointer data)
{
  g_autofree char *path = g_strdup_printf (CERTS "/products/%s/certifications", fixture->gtin);
  g_autofree char *item = NULL;
  g_autoptr(JsonObject) row = first_assignment (fixture);
  g_autoptr(Response) settings = post_control (fixture, "/_sandbox/closient-limits",
                                                "{\"perMinute\": 2, \"windowSeconds\": 1}");
  gint64 wait;

  item = g_strdup_printf ("%s/%s", path, json_object_get_string_member (row, "id"));
  assert_status (settings, 200);
  g_assert_cmpint (json_object_get_int_member (object_of (settings), "perMinute"), ==, 2);
  {
    g_autoptr(Response) one = get (fixture, path);
    g_autoptr(Response) two = get (fixture, path);
    g_autoptr(Response) three = get (fixture, path);
    JsonObject *error;

    assert_status (one, 200);
    g_assert_cmpstr (soup_message_headers_get_one (one->headers, "RateLimit-Policy"), ==, "2;w=1, 10000;w=86400");
    g_assert_cmpint (header_number (two, "RateLimit-Remaining"), ==, 0);
    error = assert_error_a (three, 429, "RATE_LIMITED", NULL);
    wait = header_number (three, "Retry-After");
    g_assert_cmpint (wait, >=, 1);
    g_assert_cmpint (wait, <=, 1);
    g_assert_cmpint (json_object_get_int_member (error, "retry_after_seconds"), ==, wait);
    g_assert_cmpint (header_number (three, "RateLimit-Remaining"), ==, 0);
  }

  /* After the wait, the next window serves again. */
  att_test_run_for ((guint) wait * 1000 + 100);
  {
    g_autoptr(Response) later = get (fixture, path);

    assert_status (later, 200);
  }

  /* Without the header, only the body says how long: retry_after_seconds
   * in shape A, retry_after in shape B. */
  {
    g_autoptr(Response) quiet = post_control (fixture, "/_sandbox/closient-limits",
                                               "{\"perMinute\": 1, \"windowSeconds\": 60, \"retryAfterHeader\": false}");
    g_autoptr(Response) one = get (fixture, path);
    g_autoptr(Response) two = get (fixture, path);
    g_autoptr(Response) three = send_request (fixture, "DELETE", item, NULL, key_of (fixture, ATT_CLOSIENT_KEY_BUSINESS));
    JsonObject *error;
    JsonObject *flat;

    assert_status (quiet, 200);
    assert_status (one, 200);
    error = assert_error_a (two, 429, "RATE_LIMITED", NULL);
    g_assert_null (soup_message_headers_get_one (two->headers, "Retry-After"));
    g_assert_cmpint (json_object_get_int_member (error, "retry_after_seconds"), >=, 1);
    g_assert_cmpint (json_object_get_int_member (error, "retry_after_seconds"), <=, 60);
    flat = assert_error_b (three, 429, "rate_limited");
    g_assert_null (soup_message_headers_get_one (three->headers, "Retry-After"));
    g_assert_true (json_object_get_boolean_member (flat, "retryable"));
    g_assert_cmpint (json_object_get_int_member (flat, "retry_after"), >=, 1);
  }

  /* The day's limit is the tighter one when fewer requests are left in it. */
  {
    g_autoptr(Response) daily = post_control (fixture, "/_sandbox/closient-limits",
                                               "{\"perMinute\": 10, \"perDay\": 2, \"retryAfterHeader\": true}");
    g_autoptr(Response) one = get (fixture, path);
    g_autoptr(Response) two = get (fixture, path);
    g_autoptr(Response) three = get (fixture, path);

    assert_status (daily, 200);
    g_assert_cmpint (header_number (one, "RateLimit-Limit"), ==, 2);
    g_assert_cmpint (header_number (one, "RateLimit-Remaining"), ==, 1);
    g_assert_cmpint (header_number (one, "RateLimit-Reset"), >, 60);
    assert_status (two, 200);
    assert_error_a (three, 429, "RATE_LIMITED", NULL);
    g_assert_cmpint (header_number (three, "Retry-After"), >, 60);
  }
}

static void
test_control_endpoint (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr(Response) bad = post_control (fixture, "/_sandbox/closient-limits",
                                           "{\"perMinute\": 0, \"perDay\": \"many\", \"windowSeconds\": 1.5,"
                                           " \"retryAfterHeader\": \"no\", \"errorShape\": \"C\", \"readOnlyKeys\": 1}");
  g_autoptr(Response) current = post_control (fixture, "/_sandbox/closient-limits", "{}");
  g_autoptr(GError) error = NULL;
  JsonObject *settings;
  JsonArray  *details;
  g_autoptr(GString) paths = g_string_new (NULL);

  assert_status (bad, 400);
  details = json_object_get_array_member (object_of (bad), "details");
  for (guint i = 0; i < json_array_get_length (details); i++)
    g_string_append_printf (paths, "%s ", json_object_get_string_member (json_array_get_object_element (details, i), "path"));
  g_assert_cmpstr (paths->str, ==, "perMinute perDay windowSeconds retryAfterHeader readOnlyKeys errorShape ");

  assert_status (current, 200);
  settings = object_of (current);
  g_assert_cmpint (json_object_get_int_member (settings, "perMinute"), ==, 300);
  g_assert_cmpint (json_object_get_int_member (settings, "perDay"), ==, 10000);
  g_assert_cmpint (json_object_get_int_member (settings, "windowSeconds"), ==, 60);
  g_assert_true (json_object_get_boolean_member (settings, "retryAfterHeader"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (settings, "errorShape")));
  g_assert_false (json_object_get_boolean_member (settings, "readOnlyKeys"));

  /* The same, in process. */
  g_assert_false (att_sandbox_configure_closient (fixture->sandbox, "{\"perMinute\": -1}", &error));
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_true (att_sandbox_configure_closient (fixture->sandbox, "{\"perMinute\": 7}", &error));
  g_assert_no_error (error);
}

/* Error shapes and faults -------------------------------------------------------------- */

static void
test_error_shapes (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(JsonObject) row = first_assignment (fixture);
  g_autofree char *item = g_strdup_printf (CERTS "/products/%s/certifications/%s", fixture->gtin,
                                           json_object_get_string_member (row, "id"));
  const char      *key = key_of (fixture, ATT_CLOSIENT_KEY_BUSINESS);

  {
    g_autoptr(Response) post = send_request (fixture, "POST", CERTS "/certifications", "{}", key);
    g_autoptr(Response) nowhere = get (fixture, CERTS "/nothing-here");

    assert_error_a (post, 405, "METHOD_NOT_ALLOWED", NULL);
    g_assert_cmpstr (soup_message_headers_get_one (post->headers, "Allow"), ==, "GET");
    assert_error_a (nowhere, 404, "NOT_FOUND", NULL);
  }

  /* Forced: B everywhere, then A everywhere, then each route's own. */
  {
    g_autoptr(Response) set = post_control (fixture, "/_sandbox/closient-limits", "{\"errorShape\": \"B\"}");
    g_autoptr(Response) missing = get (fixture, CERTS "/products/4006381333931/certifications");
    g_autoptr(Response) invalid = patch (fixture, json_object_get_string_member (row, "id"), "{\"label\": \"x\"}");

    assert_status (set, 200);
    assert_error_b (missing, 404, "not_found");
    g_assert_true (has_field (json_object_get_array_member (assert_error_b (invalid, 422, "validation_error"), "details"), "label"));
  }
  {
    g_autoptr(Response) set = post_control (fixture, "/_sandbox/closient-limits", "{\"errorShape\": \"A\"}");
    g_autoptr(Response) removed = send_request (fixture, "DELETE", item, NULL, key);
    g_autoptr(Response) again = send_request (fixture, "DELETE", item, NULL, key);

    assert_status (set, 200);
    assert_status (removed, 204);
    assert_error_a (again, 404, "NOT_FOUND", NULL);
  }
  {
    g_autoptr(Response) set = post_control (fixture, "/_sandbox/closient-limits", "{\"errorShape\": null}");
    g_autoptr(Response) again = send_request (fixture, "DELETE", item, NULL, key);

    assert_status (set, 200);
    assert_error_b (again, 404, "not_found");
  }
}

static void
test_faults (Fixture      *fixture,
             gconstpointer data)
{
  g_autofree char *path = g_strdup_printf (CERTS "/products/%s/certifications", fixture->gtin);
  g_autoptr(JsonObject) row = first_assignment (fixture);
  g_autofree char *item = g_strdup_printf ("%s/%s", path, json_object_get_string_member (row, "id"));

  {
    g_autoptr(Response) set = post_control (fixture, "/_sandbox/faults", "{\"status\": 503, \"count\": 1, \"path\": \"/certifications/api/v1/\"}");
    g_autoptr(Response) failed = get (fixture, path);
    g_autoptr(Response) served = get (fixture, path);
    JsonObject *error;

    assert_status (set, 200);
    error = assert_error_a (failed, 503, "INTERNAL_ERROR", NULL);
    g_assert_cmpint (json_object_get_int_member (error, "retry_after_seconds"), ==, 1);
    g_assert_cmpstr (soup_message_headers_get_one (failed->headers, "Retry-After"), ==, "1");
    assert_status (served, 200);
  }
  {
    g_autoptr(Response) set = post_control (fixture, "/_sandbox/faults", "{\"status\": 500, \"count\": 1}");
    g_autoptr(Response) failed = send_request (fixture, "DELETE", item, NULL, key_of (fixture, ATT_CLOSIENT_KEY_BUSINESS));
    JsonObject *body;

    assert_status (set, 200);
    body = assert_error_b (failed, 500, "internal_error");
    g_assert_true (json_object_get_boolean_member (body, "retryable"));
  }
  /* The failed DELETE changed nothing. */
  {
    g_autoptr(JsonObject) still = find_assignment (fixture, json_object_get_string_member (row, "id"));

    g_assert_nonnull (still);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/sandbox-closient/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("demo-account", test_demo_account);
  ADD ("demo-data", test_demo_data);
  ADD ("assignment-shape", test_assignment_shape);
  ADD ("filters", test_filters);
  ADD ("ordering", test_ordering);
  ADD ("pagination", test_pagination);
  ADD ("gtin-lengths", test_gtin_lengths);
  ADD ("gtin-errors", test_gtin_errors);
  ADD ("product", test_product);
  ADD ("catalogue", test_catalogue);
  ADD ("bodies", test_bodies);
  ADD ("logos", test_logos);
  ADD ("auth", test_auth);
  ADD ("patch-fields", test_patch_fields);
  ADD ("patch-dates", test_patch_dates);
  ADD ("patch-invalid", test_patch_invalid);
  ADD ("metadata-merge", test_metadata_merge);
  ADD ("metadata-limits", test_metadata_limits);
  ADD ("delete", test_delete);
  ADD ("rate-limit-headers", test_rate_limit_headers);
  ADD ("rate-limit-429", test_rate_limit_429);
  ADD ("control-endpoint", test_control_endpoint);
  ADD ("error-shapes", test_error_shapes);
  ADD ("faults", test_faults);
#undef ADD

  return g_test_run ();
}
