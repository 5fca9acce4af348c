/* test-eco-client.c: AttHiggClient's recalculation, French labels and
 * publishing against the real sandbox over loopback HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "att-eco-score.h"
#include "att-french-label.h"
#include "att-page.h"
#include "att-product.h"
#include "att-publish-outcome.h"
#include "att-test-utils.h"

#define LABEL_PATH   "/pic-api/v1/french-label/image"
#define PUBLISH_PATH "/pic-api/v1/french-label/publish"
#define N_PRODUCTS   120

typedef struct
{
  AttSandbox    *sandbox;
  AttHttp       *http;
  AttHiggClient *client;
  GPtrArray     *products; /* of AttProduct, as the server lists them */
} Fixture;

static void
load_products (Fixture *fixture)
{
  fixture->products = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint from = 0; from < N_PRODUCTS; from += 100)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(AttPage) page = NULL;
      g_autoptr(GError) error = NULL;
      GListModel *items;

      att_higg_client_search_products_async (fixture->client, NULL, NULL, from, 100, NULL,
                                             att_test_store_result, &result);
      page = att_higg_client_search_products_finish (fixture->client, att_test_await_result (&result), &error);
      g_assert_no_error (error);
      items = att_page_get_items (page);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        g_ptr_array_add (fixture->products, g_list_model_get_item (items, i));
    }
  g_assert_cmpuint (fixture->products->len, ==, N_PRODUCTS);
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_add_generated_products (fixture->sandbox, N_PRODUCTS, 7, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (fixture->sandbox, &fixture->http, &fixture->client, NULL);
  load_products (fixture);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_clear_pointer (&fixture->products, g_ptr_array_unref);
  att_test_sandbox_disconnect (&fixture->sandbox, &fixture->http, &fixture->client);
}

static AttProduct *
product (Fixture *fixture,
         guint    index)
{
  return g_ptr_array_index (fixture->products, index);
}

/* The ids of products [@from, @to), with @extra (nullable) at the end. */
static GStrv
product_ids (Fixture    *fixture,
             guint       from,
             guint       to,
             const char *extra)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = from; i < to; i++)
    g_strv_builder_add (builder, att_product_get_id (product (fixture, i)));
  if (extra != NULL)
    g_strv_builder_add (builder, extra);
  return g_strv_builder_end (builder);
}

static gboolean
has_complete_score (AttProduct *item)
{
  AttEcoScore *score = att_product_get_eco_score (item);

  return att_product_get_eligible (item) && score != NULL &&
         g_strcmp0 (att_eco_score_get_status (score), "Complete") == 0;
}

/* --- Recalculation ------------------------------------------------------ */

static void
recalculate (Fixture           *fixture,
             const char *const *ids,
             GStrv             *out_successes,
             GStrv             *out_failures)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  att_higg_client_recalculate_async (fixture->client, ids, NULL, att_test_store_result, &result);
  g_assert_true (att_higg_client_recalculate_finish (fixture->client, att_test_await_result (&result),
                                                     out_successes, out_failures, &error));
  g_assert_no_error (error);
}

static void
test_recalculate (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_auto(GStrv) ids = product_ids (fixture, 0, 3, "no-such-product");
  const char *none[] = { NULL };
  g_auto(GStrv) successes = NULL;
  g_auto(GStrv) failures = NULL;
  g_auto(GStrv) no_successes = NULL;
  g_auto(GStrv) no_failures = NULL;
  g_autoptr(AttProduct) again = NULL;
  g_autoptr(GError) error = NULL;

  att_sandbox_set_score_delay (fixture->sandbox, 600000);
  recalculate (fixture, (const char *const *) ids, &successes, &failures);
  g_assert_cmpuint (g_strv_length (successes), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (successes[i], ==, ids[i]);
  g_assert_cmpuint (g_strv_length (failures), ==, 1);
  g_assert_cmpstr (failures[0], ==, "no-such-product");

  /* An eligible product's score is being computed again. */
  for (guint i = 0; i < 3; i++)
    {
      if (!att_product_get_eligible (product (fixture, i)))
        continue;
      again = att_test_get_product (fixture->client, ids[i], &error);
      g_assert_no_error (error);
      g_assert_cmpstr (att_eco_score_get_status (att_product_get_eco_score (again)), ==, "Pending");
      break;
    }
  g_assert_nonnull (again);

  recalculate (fixture, none, &no_successes, &no_failures);
  g_assert_cmpuint (g_strv_length (no_successes), ==, 0);
  g_assert_cmpuint (g_strv_length (no_failures), ==, 0);
}

/* --- Labels ------------------------------------------------------------- */

static GPtrArray *
fetch_labels (Fixture           *fixture,
              const char *const *ids,
              GCancellable      *cancellable,
              GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_higg_client_fetch_french_labels_async (fixture->client, ids, cancellable, att_test_store_result, &result);
  return att_higg_client_fetch_french_labels_finish (fixture->client, att_test_await_result (&result), error);
}

static void
check_label (AttFrenchLabel *label,
             AttProduct     *item)
{
  g_assert_cmpstr (att_french_label_get_product_id (label), ==, att_product_get_id (item));
  if (has_complete_score (item))
    {
      double score = att_eco_score_get_score (att_product_get_eco_score (item));

      g_assert_nonnull (att_french_label_get_svg (label));
      g_assert_true (g_str_has_prefix (att_french_label_get_svg (label), "<?xml"));
      g_assert_cmpfloat (att_french_label_get_code (label), ==, score);
      g_assert_null (att_french_label_get_error (label));
    }
  else
    {
      g_assert_null (att_french_label_get_svg (label));
      g_assert_true (isnan (att_french_label_get_code (label)));
      g_assert_nonnull (att_french_label_get_error (label));
    }
}

static void
test_labels (Fixture      *fixture,
             gconstpointer user_data)
{
  g_auto(GStrv) ids = product_ids (fixture, 0, N_PRODUCTS - 1, "no-such-product");
  guint before = att_sandbox_get_request_count (fixture->sandbox, LABEL_PATH);
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GError) error = NULL;
  guint n_svg = 0, n_errors = 0;

  labels = fetch_labels (fixture, (const char *const *) ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (att_sandbox_get_request_count (fixture->sandbox, LABEL_PATH) - before, ==, 3);
  g_assert_cmpuint (labels->len, ==, N_PRODUCTS);

  for (guint i = 0; i < N_PRODUCTS - 1; i++)
    {
      AttFrenchLabel *label = g_ptr_array_index (labels, i);

      check_label (label, product (fixture, i));
      if (att_french_label_get_svg (label) != NULL)
        n_svg++;
      else
        n_errors++;
    }
  g_assert_cmpstr (att_french_label_get_product_id (g_ptr_array_index (labels, N_PRODUCTS - 1)), ==,
                   "no-such-product");
  g_assert_nonnull (att_french_label_get_error (g_ptr_array_index (labels, N_PRODUCTS - 1)));
  g_assert_cmpuint (n_svg, >, 0);
  g_assert_cmpuint (n_errors, >, 0);
}

static void
test_labels_one_request (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_auto(GStrv) ids = product_ids (fixture, 0, 50, NULL);
  const char *none[] = { NULL };
  guint       before = att_sandbox_get_request_count (fixture->sandbox, LABEL_PATH);
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) no_labels = NULL;
  g_autoptr(GError) error = NULL;

  labels = fetch_labels (fixture, (const char *const *) ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (labels->len, ==, 50);
  g_assert_cmpuint (att_sandbox_get_request_count (fixture->sandbox, LABEL_PATH) - before, ==, 1);

  no_labels = fetch_labels (fixture, none, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (no_labels->len, ==, 0);
  g_assert_cmpuint (att_sandbox_get_request_count (fixture->sandbox, LABEL_PATH) - before, ==, 1);
}

/* Labels go out a few requests at a time, never more than the bound:
 * with each request held, the sandbox sees how many were out at once. */
static void
test_labels_parallel (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  guint before = att_sandbox_get_request_count (fixture->sandbox, LABEL_PATH);
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 8 * ATT_HIGG_LABEL_BATCH_SIZE; i++)
    {
      g_autofree char *unknown = g_strdup_printf ("unknown-%u", i);

      g_strv_builder_add (builder, i < N_PRODUCTS ? att_product_get_id (product (fixture, i)) : unknown);
    }
  ids = g_strv_builder_end (builder);

  att_sandbox_set_latency (fixture->sandbox, 150);
  labels = fetch_labels (fixture, (const char *const *) ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (labels->len, ==, 8 * ATT_HIGG_LABEL_BATCH_SIZE);
  g_assert_cmpuint (att_sandbox_get_request_count (fixture->sandbox, LABEL_PATH) - before, ==, 8);
  g_assert_cmpuint (att_sandbox_get_peak_delayed (fixture->sandbox), >=, 2);
  g_assert_cmpuint (att_sandbox_get_peak_delayed (fixture->sandbox), <=, ATT_HIGG_LABEL_MAX_IN_FLIGHT);
  for (guint i = 0; i < N_PRODUCTS; i++)
    check_label (g_ptr_array_index (labels, i), product (fixture, i));
  for (guint i = N_PRODUCTS; i < labels->len; i++)
    g_assert_nonnull (att_french_label_get_error (g_ptr_array_index (labels, i)));
}

/* A request that fails (after its retries) fails the fetch, once the
 * others are in. */
static void
test_labels_server_error (Fixture      *fixture,
                          gconstpointer user_data)
{
  g_auto(GStrv) ids = product_ids (fixture, 0, N_PRODUCTS, NULL);
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GError) error = NULL;

  att_http_set_retry_policy (fixture->http, 1, 10);
  att_sandbox_inject_failure_path (fixture->sandbox, SOUP_STATUS_INTERNAL_SERVER_ERROR, 20, LABEL_PATH);
  labels = fetch_labels (fixture, (const char *const *) ids, NULL, &error);
  g_assert_null (labels);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_SERVER);
}

static void
test_labels_cancelled (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_auto(GStrv) ids = product_ids (fixture, 0, N_PRODUCTS, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  labels = fetch_labels (fixture, (const char *const *) ids, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (labels);
}

/* --- Publishing --------------------------------------------------------- */

typedef struct
{
  guint calls;
  guint n_done;
  guint n_outcomes;
} Progress;

static void
on_progress (GPtrArray *outcomes,
             guint      n_done,
             guint      n_total,
             gpointer   user_data)
{
  Progress *progress = user_data;

  progress->calls++;
  progress->n_outcomes += outcomes->len;
  g_assert_cmpuint (n_done, >, progress->n_done);
  g_assert_cmpuint (n_done, <=, n_total);
  progress->n_done = n_done;
}

static GPtrArray *
publish (Fixture           *fixture,
         const char *const *ids,
         Progress          *progress,
         GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_higg_client_publish_french_labels_async (fixture->client, ids, progress != NULL ? on_progress : NULL,
                                               progress, NULL, NULL, att_test_store_result, &result);
  return att_higg_client_publish_french_labels_finish (fixture->client, att_test_await_result (&result), error);
}

static gboolean
has_gtin (AttProduct *item)
{
  return g_strcmp0 (att_product_get_identifier_type (item), "GTIN") == 0;
}

/* What the server must have done with @item on a first publish. */
static void
check_first_outcome (AttPublishOutcome *outcome,
                     AttProduct        *item)
{
  g_assert_cmpstr (att_publish_outcome_get_product_id (outcome), ==, att_product_get_id (item));

  if (!has_complete_score (item))
    {
      const char *const *reasons = att_publish_outcome_get_reasons (outcome);

      g_assert_cmpint (att_publish_outcome_get_kind (outcome), ==, ATT_PUBLISH_OUTCOME_SKIPPED);
      g_assert_true (g_strv_equal (reasons, att_product_get_eligibility_messages (item)));
    }
  else if (!has_gtin (item))
    {
      g_assert_cmpint (att_publish_outcome_get_kind (outcome), ==, ATT_PUBLISH_OUTCOME_FAILED);
      g_assert_nonnull (att_publish_outcome_get_error (outcome));
      g_assert_cmpuint (att_publish_outcome_get_http_status (outcome), ==, 422);
      g_assert_cmpstr (att_publish_outcome_get_code (outcome), ==, "MissingGtin");
    }
  else
    {
      g_assert_cmpint (att_publish_outcome_get_kind (outcome), ==, ATT_PUBLISH_OUTCOME_SUCCEEDED);
      g_assert_nonnull (att_publish_outcome_get_internal_reference (outcome));
      g_assert_cmpint (att_publish_outcome_get_published_at (outcome), >, 0);
      g_assert_cmpint (att_publish_outcome_get_next_eligible_at (outcome), >,
                       att_publish_outcome_get_published_at (outcome) + (gint64) 85 * 24 * 3600 * 1000);
    }
}

static void
check_republished (AttPublishOutcome *again,
                   AttPublishOutcome *first)
{
  g_assert_cmpstr (att_publish_outcome_get_product_id (again), ==, att_publish_outcome_get_product_id (first));
  if (att_publish_outcome_get_kind (first) != ATT_PUBLISH_OUTCOME_SUCCEEDED)
    {
      g_assert_cmpint (att_publish_outcome_get_kind (again), ==, att_publish_outcome_get_kind (first));
      return;
    }
  g_assert_cmpint (att_publish_outcome_get_kind (again), ==, ATT_PUBLISH_OUTCOME_SKIPPED);
  g_assert_cmpstr (att_publish_outcome_get_reasons (again)[0], ==, "WithinThreeMonthLock");
  g_assert_cmpint (att_publish_outcome_get_next_eligible_at (again), ==,
                   att_publish_outcome_get_next_eligible_at (first));
}

static void
test_publish (Fixture      *fixture,
              gconstpointer user_data)
{
  g_auto(GStrv) ids = product_ids (fixture, 0, N_PRODUCTS, NULL);
  guint    before = att_sandbox_get_request_count (fixture->sandbox, PUBLISH_PATH);
  Progress progress = { 0 };
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  guint n_kind[3] = { 0 };

  first = publish (fixture, (const char *const *) ids, &progress, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (att_sandbox_get_request_count (fixture->sandbox, PUBLISH_PATH) - before, ==, 3);
  g_assert_cmpuint (progress.calls, ==, 3);
  g_assert_cmpuint (progress.n_done, ==, N_PRODUCTS);
  g_assert_cmpuint (progress.n_outcomes, ==, N_PRODUCTS);
  g_assert_cmpuint (first->len, ==, N_PRODUCTS);
  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      check_first_outcome (g_ptr_array_index (first, i), product (fixture, i));
      n_kind[att_publish_outcome_get_kind (g_ptr_array_index (first, i))]++;
    }
  g_assert_cmpuint (n_kind[ATT_PUBLISH_OUTCOME_SUCCEEDED], >, 0);
  g_assert_cmpuint (n_kind[ATT_PUBLISH_OUTCOME_FAILED], >, 0);
  g_assert_cmpuint (n_kind[ATT_PUBLISH_OUTCOME_SKIPPED], >, 0);

  again = publish (fixture, (const char *const *) ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (att_sandbox_get_request_count (fixture->sandbox, PUBLISH_PATH) - before, ==, 6);
  g_assert_cmpuint (again->len, ==, N_PRODUCTS);
  for (guint i = 0; i < N_PRODUCTS; i++)
    check_republished (g_ptr_array_index (again, i), g_ptr_array_index (first, i));
}

/* Batches go out one after the other: a batch's outcomes can change
 * what the next may do (the lock), and the portal is not to be flooded. */
static void
test_publish_sequential (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_auto(GStrv) ids = product_ids (fixture, 0, N_PRODUCTS, NULL);
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;

  att_sandbox_set_latency (fixture->sandbox, 100);
  outcomes = publish (fixture, (const char *const *) ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outcomes->len, ==, N_PRODUCTS);
  g_assert_cmpuint (att_sandbox_get_peak_delayed (fixture->sandbox), ==, 1);
}

/* A batch that fails ends the publish with its error; a publish is never
 * sent twice, even where a search would be retried. */
static void
test_publish_server_error (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_auto(GStrv) ids = product_ids (fixture, 0, N_PRODUCTS, NULL);
  guint    before = att_sandbox_get_request_count (fixture->sandbox, PUBLISH_PATH);
  Progress progress = { 0 };
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;

  att_http_set_retry_policy (fixture->http, 2, 10);
  att_sandbox_inject_failure_path (fixture->sandbox, SOUP_STATUS_SERVICE_UNAVAILABLE, 1, PUBLISH_PATH);
  outcomes = publish (fixture, (const char *const *) ids, &progress, &error);
  g_assert_null (outcomes);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_SERVER);
  g_assert_cmpuint (progress.calls, ==, 0);
  g_assert_cmpuint (att_sandbox_get_request_count (fixture->sandbox, PUBLISH_PATH) - before, ==, 1);
}

/* A batch where every product sent fails is answered 400 with outcomes:
 * outcomes, not an error. */
static void
test_publish_all_failed (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_PRODUCTS; i++)
    if (has_complete_score (product (fixture, i)) && !has_gtin (product (fixture, i)))
      g_strv_builder_add (builder, att_product_get_id (product (fixture, i)));
  ids = g_strv_builder_end (builder);
  g_assert_cmpuint (g_strv_length (ids), >, 0);

  outcomes = publish (fixture, (const char *const *) ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outcomes->len, ==, g_strv_length (ids));
  for (guint i = 0; i < outcomes->len; i++)
    g_assert_cmpint (att_publish_outcome_get_kind (g_ptr_array_index (outcomes, i)), ==,
                     ATT_PUBLISH_OUTCOME_FAILED);
}

/* A 400 that is not a publish answer (the request was refused) is an
 * error; an id given twice is sent once. */
static void
test_publish_refused (Fixture      *fixture,
                      gconstpointer user_data)
{
  const char *blank[] = { " ", NULL };
  const char *id = att_product_get_id (product (fixture, 0));
  const char *twice[] = { id, id, NULL };
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) once = NULL;
  g_autoptr(GError) error = NULL;

  outcomes = publish (fixture, blank, NULL, &error);
  g_assert_null (outcomes);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  g_assert_cmpuint (att_api_error_get_http_status (error), ==, 400);
  g_clear_error (&error);

  once = publish (fixture, twice, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (once->len, ==, 1);
}

/* --- Models ------------------------------------------------------------- */

static void
test_models_tolerant (void)
{
  g_autoptr(JsonNode) root = att_test_parse_value (
    "{\"skipped\": [{\"productId\": \"a\", \"reasons\": [{\"message\": \"GroupAbortedDueToPeer\"}, \"Other\"],"
    "                \"driftedPeer\": \"b\"}],"
    " \"succeeded\": [{\"productId\": \"c\", \"publishedAt\": 1700000000000, \"unknown\": true}]}");
  g_autoptr(JsonObject) label_json = att_test_parse_object ("{\"productId\": \"a\", \"svg\": null}");
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(AttFrenchLabel) label = NULL;
  g_autoptr(GError) error = NULL;
  AttPublishOutcome *outcome;

  outcomes = att_publish_outcomes_from_json (root, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outcomes->len, ==, 2);
  outcome = g_ptr_array_index (outcomes, 0);
  g_assert_cmpint (att_publish_outcome_get_kind (outcome), ==, ATT_PUBLISH_OUTCOME_SUCCEEDED);
  g_assert_cmpint (att_publish_outcome_get_published_at (outcome), ==, 1700000000000);
  g_assert_cmpint (att_publish_outcome_get_next_eligible_at (outcome), ==, 0);
  g_assert_null (att_publish_outcome_get_internal_reference (outcome));
  outcome = g_ptr_array_index (outcomes, 1);
  g_assert_cmpstr (att_publish_outcome_get_reasons (outcome)[0], ==, "GroupAbortedDueToPeer");
  g_assert_cmpstr (att_publish_outcome_get_reasons (outcome)[1], ==, "Other");
  g_assert_cmpstr (att_publish_outcome_get_drifted_peer (outcome), ==, "b");

  label = att_french_label_new_from_json (label_json, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (att_french_label_get_svg (label));
  g_assert_true (isnan (att_french_label_get_code (label)));
}

static void
assert_bad (const char *json,
            const char *path)
{
  g_autoptr(JsonNode) root = att_test_parse_value (json);
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;

  outcomes = att_publish_outcomes_from_json (root, NULL, &error);
  g_assert_null (outcomes);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
  if (strstr (error->message, path) == NULL)
    g_error ("“%s” does not name %s", error->message, path);
}

static void
test_models_bad (void)
{
  g_autoptr(JsonObject) label_json = att_test_parse_object ("{\"svg\": \"<svg/>\", \"code\": \"high\"}");
  g_autoptr(AttFrenchLabel) label = NULL;
  g_autoptr(GError) error = NULL;

  assert_bad ("{\"skipped\": [{\"productId\": \"a\", \"reasons\": [{\"message\": \"x\"}, 3]}]}", "skipped[0].reasons[1]");
  assert_bad ("{\"failed\": [{\"productId\": \"a\"}, {\"error\": \"no id\"}]}", "failed[1].productId");
  assert_bad ("{\"succeeded\": [{\"productId\": \"a\", \"httpStatus\": \"201\"}]}", "succeeded[0].httpStatus");
  assert_bad ("{\"succeeded\": {}}", "succeeded");
  assert_bad ("{\"statusCode\": 400, \"message\": \"Validation failed\"}", "succeeded");

  label = att_french_label_new_from_json (label_json, "[3]", &error);
  g_assert_null (label);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "[3].productId"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/eco-client/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("recalculate", test_recalculate);
  ADD ("labels/120-in-3-requests", test_labels);
  ADD ("labels/50-in-1-request", test_labels_one_request);
  ADD ("labels/parallel-bounded", test_labels_parallel);
  ADD ("labels/server-error", test_labels_server_error);
  ADD ("labels/cancelled", test_labels_cancelled);
  ADD ("publish/120-in-3-batches", test_publish);
  ADD ("publish/one-batch-at-a-time", test_publish_sequential);
  ADD ("publish/server-error", test_publish_server_error);
  ADD ("publish/all-failed-400", test_publish_all_failed);
  ADD ("publish/refused", test_publish_refused);
  g_test_add_func ("/eco-client/models/tolerant", test_models_tolerant);
  g_test_add_func ("/eco-client/models/bad-json", test_models_bad);

#undef ADD

  return g_test_run ();
}
