/* test-sandbox-eco.c: the sandbox's recalculation, French labels and
 * publishing over real HTTP (api-higg.md §3.4, §3.9, §3.10)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "att-sandbox.h"
#include "att-test-utils.h"

#define API "/pic-api/v1"

typedef struct
{
  AttSandbox  *sandbox;
  SoupSession *session;
} Fixture;

typedef struct
{
  guint     status;
  JsonNode *json;
  gboolean  done;
} Response;

static void
response_free (Response *response)
{
  g_clear_pointer (&response->json, json_node_unref);
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
  Response    *response = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  gsize       size;
  const char *data;

  g_assert_no_error (error);
  response->status = soup_message_get_status (msg);
  data = g_bytes_get_data (body, &size);
  response->json = att_test_parse_value (size > 0 ? data : "null");
  response->done = TRUE;
}

/* POSTs @json with valid credentials and waits for the answer; the sandbox
 * serves from this thread's main context. */
static Response *
post (Fixture    *fixture,
      const char *path,
      const char *json)
{
  g_autofree char *url = g_strconcat (att_sandbox_get_base_url (fixture->sandbox), path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  Response *response = g_new0 (Response, 1);

  att_test_add_auth_headers (msg, fixture->sandbox);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  soup_session_send_and_read_async (fixture->session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, response);
  while (!response->done)
    g_main_context_iteration (NULL, TRUE);
  return response;
}

static JsonObject *
reply_object (Response *response)
{
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));
  return json_node_get_object (response->json);
}

/* A product the score needs nothing more for; @identifier_type "GTIN" or
 * "SKU"; @primary FALSE makes it ineligible (the weight is not primary). */
static char *
create_product (Fixture    *fixture,
                const char *name,
                const char *identifier_type,
                gboolean    primary)
{
  g_autoptr(JsonObject) body = att_test_parse_object (
    "{\"weight\": 250, \"weightMeasureUnit\": \"grams\","
    " \"categoryExpansionId\": \"ApparelAccessories-TopsBlouses-TShirts\", \"size\": \"Adult\","
    " \"materials\": [{\"materialId\": \"MatTX0053\", \"netUse\": 80, \"composition\": 100}],"
    " \"frenchLabelCountry\": {\"code\": \"FR\", \"name\": \"France\"},"
    " \"frenchLabelDyeingCountry\": {\"code\": \"CN\", \"name\": \"China\"},"
    " \"frenchLabelFabricCountry\": {\"code\": \"IN\", \"name\": \"India\"}}");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(Response) response = NULL;
  g_autofree char *json = NULL;

  json_object_set_string_member (body, "name", name);
  json_object_set_boolean_member (body, "weightIsPrimaryData", primary);
  json_object_set_string_member (body, "identifierType", identifier_type);
  json_object_set_string_member (body, "identifier",
                                 g_str_equal (identifier_type, "GTIN") ? "3760123450010" : "SKU-42");
  node = json_node_init_object (json_node_alloc (), body);
  json = json_to_string (node, FALSE);
  response = post (fixture, API "/products/create", json);
  g_assert_cmpuint (response->status, ==, 200);
  return g_strdup (json_object_get_string_member (reply_object (response), "_id"));
}

static JsonObject *
search_one (Fixture    *fixture,
            const char *id)
{
  g_autofree char *body = g_strdup_printf ("{\"id\": [\"%s\"]}", id);
  g_autoptr(Response) response = post (fixture, API "/products/search", body);
  JsonArray *results = json_object_get_array_member (reply_object (response), "results");

  g_assert_cmpuint (json_array_get_length (results), ==, 1);
  return json_object_ref (json_array_get_object_element (results, 0));
}

static const char *
score_status (JsonObject *product)
{
  return json_object_get_string_member (json_object_get_object_member (product, "frenchLabelEcoScore"),
                                        "status");
}

/* `{"key": ["a", "b", ...]}` */
static char *
ids_body (const char        *key,
          const char *const *ids)
{
  g_autoptr(GString) body = g_string_new (NULL);

  g_string_append_printf (body, "{\"%s\": [", key);
  for (guint i = 0; ids[i] != NULL; i++)
    g_string_append_printf (body, "%s\"%s\"", i > 0 ? ", " : "", ids[i]);
  g_string_append (body, "]}");
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static char *
many_ids_body (const char *key,
               guint       n)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, g_strdup_printf ("id-%u", i));
  g_ptr_array_add (ids, NULL);
  return ids_body (key, (const char *const *) ids->pdata);
}

static void
assert_strings (JsonArray         *array,
                const char *const *expected)
{
  g_assert_cmpuint (json_array_get_length (array), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (json_array_get_string_element (array, i), ==, expected[i]);
}

static void
assert_bad_request (Fixture    *fixture,
                    const char *path,
                    const char *body,
                    const char *detail_path)
{
  g_autoptr(Response) response = post (fixture, path, body);
  JsonObject *reply = reply_object (response);
  JsonArray  *details = json_object_get_array_member (reply, "details");

  g_assert_cmpuint (response->status, ==, 400);
  g_assert_cmpstr (json_object_get_string_member (reply, "message"), !=, "");
  g_assert_cmpuint (json_array_get_length (details), >=, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (details, 0), "path"), ==,
                   detail_path);
}

/* --- Recalculation ------------------------------------------------------ */

static void
test_recalculate (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *a = create_product (fixture, "Tee A", "GTIN", TRUE);
  g_autofree char *b = create_product (fixture, "Tee B", "SKU", TRUE);
  const char      *ids[] = { a, "no-such-product", b, NULL };
  const char      *successes[] = { a, b, NULL };
  const char      *failures[] = { "no-such-product", NULL };
  g_autofree char *body = ids_body ("productId", ids);
  g_autoptr(JsonObject) before = search_one (fixture, a);
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(Response) response = NULL;

  g_assert_cmpstr (score_status (before), ==, "Complete");

  /* The recalculation is as slow as a change: Pending for the delay. */
  att_sandbox_set_score_delay (fixture->sandbox, 600000);
  response = post (fixture, API "/products/recalculate", body);
  g_assert_cmpuint (response->status, ==, 200);
  assert_strings (json_object_get_array_member (reply_object (response), "successIds"), successes);
  assert_strings (json_object_get_array_member (reply_object (response), "failureIds"), failures);

  after = search_one (fixture, a);
  g_assert_cmpstr (score_status (after), ==, "Pending");

  assert_bad_request (fixture, API "/products/recalculate", "{}", "productId");
  assert_bad_request (fixture, API "/products/recalculate", "{\"productId\": []}", "productId");
}

static void
test_recalculate_completes (Fixture      *fixture,
                            gconstpointer data)
{
  g_autofree char *a = create_product (fixture, "Tee A", "GTIN", TRUE);
  const char      *ids[] = { a, NULL };
  g_autofree char *body = ids_body ("productId", ids);
  g_autoptr(Response) response = NULL;
  g_autoptr(JsonObject) pending = NULL;
  g_autoptr(JsonObject) complete = NULL;

  att_sandbox_set_score_delay (fixture->sandbox, 300);
  response = post (fixture, API "/products/recalculate", body);
  g_assert_cmpuint (response->status, ==, 200);
  pending = search_one (fixture, a);
  g_assert_cmpstr (score_status (pending), ==, "Pending");

  att_test_run_for (400);
  complete = search_one (fixture, a);
  g_assert_cmpstr (score_status (complete), ==, "Complete");
}

/* --- Labels ------------------------------------------------------------- */

static void
check_svg (const char *svg)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  static const GMarkupParser parser = { 0 };

  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_markup_parse_context_parse (context, svg, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static JsonObject *
label_of (JsonArray  *labels,
          guint       index,
          const char *id)
{
  JsonObject *label = json_array_get_object_element (labels, index);

  g_assert_cmpstr (json_object_get_string_member (label, "productId"), ==, id);
  return label;
}

static void
test_labels (Fixture      *fixture,
             gconstpointer data)
{
  g_autofree char *good = create_product (fixture, "Tee & <Co> “été”", "GTIN", TRUE);
  g_autofree char *ineligible = create_product (fixture, "Tee B", "GTIN", FALSE);
  const char      *ids[] = { good, ineligible, "no-such-product", NULL };
  g_autofree char *body = ids_body ("productIds", ids);
  g_autoptr(JsonObject) product = search_one (fixture, good);
  gint64 score = json_object_get_int_member (json_object_get_object_member (product, "frenchLabelEcoScore"),
                                             "score");
  g_autoptr(Response) response = post (fixture, API "/french-label/image", body);
  g_autofree char *score_text = g_strdup_printf (">%" G_GINT64_FORMAT "<", score);
  JsonArray       *labels;
  JsonObject      *label;
  const char      *svg;

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (response->json));
  labels = json_node_get_array (response->json);
  g_assert_cmpuint (json_array_get_length (labels), ==, 3);

  label = label_of (labels, 0, good);
  g_assert_cmpint (json_object_get_int_member (label, "code"), ==, score);
  svg = json_object_get_string_member (label, "svg");
  check_svg (svg);
  g_assert_nonnull (strstr (svg, score_text));
  g_assert_nonnull (strstr (svg, "Coût environnemental"));
  g_assert_nonnull (strstr (svg, "points d'impact"));
  g_assert_nonnull (strstr (svg, "Tee &amp; &lt;Co&gt; “été”"));
  g_assert_cmpuint (strlen (svg), <, 4096);

  for (guint i = 1; i < 3; i++)
    {
      label = label_of (labels, i, ids[i]);
      g_assert_true (json_object_get_null_member (label, "svg"));
      g_assert_true (json_object_get_null_member (label, "code"));
      g_assert_cmpstr (json_object_get_string_member (label, "error"), !=, "");
    }
}

static void
test_labels_pending (Fixture      *fixture,
                     gconstpointer data)
{
  g_autofree char *id = NULL;
  const char      *ids[] = { NULL, NULL };
  g_autofree char *body = NULL;
  g_autoptr(Response) response = NULL;
  JsonObject *label;

  att_sandbox_set_score_delay (fixture->sandbox, 600000);
  id = create_product (fixture, "Tee", "GTIN", TRUE);
  ids[0] = id;
  body = ids_body ("productIds", ids);
  response = post (fixture, API "/french-label/image", body);
  g_assert_cmpuint (response->status, ==, 200);
  label = json_array_get_object_element (json_node_get_array (response->json), 0);
  g_assert_true (json_object_get_null_member (label, "svg"));
  g_assert_cmpstr (json_object_get_string_member (label, "error"), !=, "");
}

static void
test_labels_limits (Fixture      *fixture,
                    gconstpointer data)
{
  g_autofree char *fifty = many_ids_body ("productIds", 50);
  g_autofree char *fifty_one = many_ids_body ("productIds", 51);
  g_autoptr(Response) response = post (fixture, API "/french-label/image", fifty);

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (response->json)), ==, 50);
  assert_bad_request (fixture, API "/french-label/image", fifty_one, "productIds");
  assert_bad_request (fixture, API "/french-label/image", "{\"productIds\": []}", "productIds");
  assert_bad_request (fixture, API "/french-label/image", "{\"productIds\": \"x\"}", "productIds");
  g_assert_cmpuint (att_sandbox_get_request_count (fixture->sandbox, API "/french-label/image"), ==, 4);
}

/* --- Publishing --------------------------------------------------------- */

static JsonObject *
find_entry (JsonObject *reply,
            const char *list,
            const char *id)
{
  JsonArray *entries = json_object_get_array_member (reply, list);

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "productId"), id) == 0)
        return entry;
    }
  g_error ("%s is not in %s", id, list);
  return NULL;
}

static const char *
first_reason (JsonObject *skipped)
{
  JsonArray *reasons = json_object_get_array_member (skipped, "reasons");

  g_assert_cmpuint (json_array_get_length (reasons), >=, 1);
  return json_object_get_string_member (json_array_get_object_element (reasons, 0), "message");
}

static guint
count (JsonObject *reply,
       const char *list)
{
  return json_array_get_length (json_object_get_array_member (reply, list));
}

static Response *
publish (Fixture           *fixture,
         const char *const *ids)
{
  g_autofree char *body = ids_body ("productIds", ids);

  return post (fixture, API "/french-label/publish", body);
}

static void
test_publish_mixed (Fixture      *fixture,
                    gconstpointer data)
{
  g_autofree char *gtin = create_product (fixture, "Tee A", "GTIN", TRUE);
  g_autofree char *sku = create_product (fixture, "Tee B", "SKU", TRUE);
  g_autofree char *ineligible = create_product (fixture, "Tee C", "GTIN", FALSE);
  const char      *ids[] = { gtin, sku, ineligible, NULL };
  g_autoptr(Response) response = publish (fixture, ids);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_months (now, 3);
  JsonObject *reply = reply_object (response);
  JsonObject *entry;
  gint64      published, next;

  g_assert_cmpuint (response->status, ==, 207);
  g_assert_cmpuint (count (reply, "succeeded"), ==, 1);
  g_assert_cmpuint (count (reply, "failed"), ==, 1);
  g_assert_cmpuint (count (reply, "skipped"), ==, 1);

  entry = find_entry (reply, "succeeded", gtin);
  g_assert_cmpstr (json_object_get_string_member (entry, "internalReference"), !=, "");
  published = json_object_get_int_member (entry, "publishedAt");
  next = json_object_get_int_member (entry, "nextEligibleAt");
  g_assert_cmpint (ABS (published - g_date_time_to_unix (now) * 1000), <, 60000);
  g_assert_cmpint (ABS (next - g_date_time_to_unix (later) * 1000), <, 60000);

  entry = find_entry (reply, "failed", sku);
  g_assert_cmpstr (json_object_get_string_member (entry, "error"), !=, "");
  g_assert_cmpint (json_object_get_int_member (entry, "httpStatus"), ==, 422);
  g_assert_cmpstr (json_object_get_string_member (entry, "code"), ==, "MissingGtin");

  /* The eligibility reasons say what to change. */
  entry = find_entry (reply, "skipped", ineligible);
  g_assert_cmpstr (first_reason (entry), !=, "");
  g_assert_cmpstr (first_reason (entry), !=, "WithinThreeMonthLock");
}

static void
test_publish_lock (Fixture      *fixture,
                   gconstpointer data)
{
  g_autofree char *a = create_product (fixture, "Tee A", "GTIN", TRUE);
  g_autofree char *b = create_product (fixture, "Tee B", "GTIN", TRUE);
  const char      *both[] = { a, b, NULL };
  const char      *one[] = { a, NULL };
  g_autoptr(Response) first = publish (fixture, both);
  g_autoptr(Response) second = publish (fixture, one);
  JsonObject *reply = reply_object (first);
  JsonObject *skipped;

  /* One batch, one reference. */
  g_assert_cmpuint (first->status, ==, 200);
  g_assert_cmpuint (count (reply, "succeeded"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (find_entry (reply, "succeeded", a), "internalReference"), ==,
                   json_object_get_string_member (find_entry (reply, "succeeded", b), "internalReference"));

  /* Nothing was attempted: a 200 that published nothing. */
  g_assert_cmpuint (second->status, ==, 200);
  g_assert_cmpuint (count (reply_object (second), "succeeded"), ==, 0);
  skipped = find_entry (reply_object (second), "skipped", a);
  g_assert_cmpstr (first_reason (skipped), ==, "WithinThreeMonthLock");
  g_assert_cmpint (json_object_get_int_member (skipped, "nextEligibleAt"), ==,
                   json_object_get_int_member (find_entry (reply, "succeeded", a), "nextEligibleAt"));
}

static void
test_publish_all_failed (Fixture      *fixture,
                         gconstpointer data)
{
  g_autofree char *sku = create_product (fixture, "Tee B", "SKU", TRUE);
  const char      *ids[] = { sku, "no-such-product", NULL };
  g_autoptr(Response) response = publish (fixture, ids);
  JsonObject *reply = reply_object (response);

  g_assert_cmpuint (response->status, ==, 400);
  g_assert_cmpuint (count (reply, "failed"), ==, 1);
  g_assert_cmpuint (count (reply, "succeeded"), ==, 0);
  g_assert_cmpstr (first_reason (find_entry (reply, "skipped", "no-such-product")), ==, "ProductNotFound");
}

static void
test_publish_pending (Fixture      *fixture,
                      gconstpointer data)
{
  g_autofree char *id = NULL;
  const char      *ids[] = { NULL, NULL };
  g_autoptr(Response) response = NULL;

  att_sandbox_set_score_delay (fixture->sandbox, 600000);
  id = create_product (fixture, "Tee", "GTIN", TRUE);
  ids[0] = id;
  response = publish (fixture, ids);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (first_reason (find_entry (reply_object (response), "skipped", id)), ==, "ScoreNotComplete");
}

static void
test_publish_request_rules (Fixture      *fixture,
                            gconstpointer data)
{
  g_autofree char *fifty_one = many_ids_body ("productIds", 51);

  assert_bad_request (fixture, API "/french-label/publish", fifty_one, "productIds");
  assert_bad_request (fixture, API "/french-label/publish", "{\"productIds\": []}", "productIds");
  assert_bad_request (fixture, API "/french-label/publish", "{}", "productIds");
  assert_bad_request (fixture, API "/french-label/publish", "{\"productIds\": [\"a\", \" \"]}",
                      "productIds[1]");
  assert_bad_request (fixture, API "/french-label/publish", "{\"productIds\": [\"a\", \"b\", \"a\"]}",
                      "productIds[2]");
  assert_bad_request (fixture, API "/french-label/publish", "{\"productIds\": [\"a\", 3]}",
                      "productIds[1]");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/sandbox-eco/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("recalculate/ids", test_recalculate);
  ADD ("recalculate/completes", test_recalculate_completes);
  ADD ("labels/svg-and-errors", test_labels);
  ADD ("labels/pending", test_labels_pending);
  ADD ("labels/limits", test_labels_limits);
  ADD ("publish/mixed-207", test_publish_mixed);
  ADD ("publish/lock", test_publish_lock);
  ADD ("publish/all-failed-400", test_publish_all_failed);
  ADD ("publish/pending", test_publish_pending);
  ADD ("publish/request-rules", test_publish_request_rules);

#undef ADD

  return g_test_run ();
}
