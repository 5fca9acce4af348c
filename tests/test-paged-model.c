/* test-paged-model.c: AttPagedModel over the Higg client and a sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-error.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-page.h"
#include "att-paged-model.h"
#include "att-product.h"
#include "att-sandbox.h"
#include "att-test-utils.h"

#define N_PRODUCTS 1000
#define PAGE_SIZE  50

typedef struct
{
  AttSandbox    *sandbox;
  AttHttp       *http;
  AttHiggClient *client;

  /* What the model asked for, through the counting fetch function. */
  GArray        *requested; /* of guint `from` */
  guint          completed;
  GCancellable  *last_cancellable;

  /* A consumer's view of the model, kept in step by items-changed. */
  guint          shadow_n_items;
  GArray        *changes; /* of Change */
} Fixture;

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_add_generated_products (fixture->sandbox, N_PRODUCTS, 42, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (fixture->sandbox, &fixture->http, &fixture->client, NULL);
  att_http_set_retry_policy (fixture->http, 2, 10);
  fixture->requested = g_array_new (FALSE, FALSE, sizeof (guint));
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  /* Every fetch the model started has finished, one way or another. */
  while (fixture->completed < fixture->requested->len)
    g_main_context_iteration (NULL, TRUE);

  g_clear_object (&fixture->last_cancellable);
  g_clear_pointer (&fixture->requested, g_array_unref);
  g_clear_pointer (&fixture->changes, g_array_unref);
  att_test_sandbox_disconnect (&fixture->sandbox, &fixture->http, &fixture->client);
}

/* --- A fetch function that records what the model asks for ----------- */

typedef struct
{
  Fixture            *fixture;
  GAsyncReadyCallback callback;
  gpointer            callback_data;
} Forward;

static void
on_fetched (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Forward *forward = user_data;

  forward->fixture->completed++;
  forward->callback (source_object, result, forward->callback_data);
  g_free (forward);
}

static void
counting_fetch (guint               from,
                guint               size,
                GCancellable       *cancellable,
                GAsyncReadyCallback callback,
                gpointer            callback_data,
                gpointer            user_data)
{
  Fixture *fixture = user_data;
  Forward *forward = g_new0 (Forward, 1);

  g_assert_cmpuint (size, ==, PAGE_SIZE);
  g_array_append_val (fixture->requested, from);
  g_set_object (&fixture->last_cancellable, cancellable);

  forward->fixture = fixture;
  forward->callback = callback;
  forward->callback_data = callback_data;
  att_higg_client_search_products_async (fixture->client, NULL, NULL, from, size, cancellable,
                                         on_fetched, forward);
}

static AttPage *
counting_finish (GAsyncResult *result,
                 GError      **error,
                 gpointer      user_data)
{
  Fixture *fixture = user_data;

  return att_higg_client_search_products_finish (fixture->client, result, error);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  Fixture *fixture = user_data;
  Change   change = { position, removed, added };

  /* A consistent change applies to the list the consumer knew. */
  g_assert_cmpuint (position + removed, <=, fixture->shadow_n_items);
  fixture->shadow_n_items = fixture->shadow_n_items - removed + added;
  g_assert_cmpuint (fixture->shadow_n_items, ==, g_list_model_get_n_items (model));
  g_array_append_val (fixture->changes, change);
}

static AttPagedModel *
make_model (Fixture *fixture)
{
  AttPagedModel *model = att_paged_model_new (ATT_TYPE_PRODUCT, PAGE_SIZE,
                                              counting_fetch, counting_finish,
                                              fixture, NULL);

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), fixture);
  return model;
}

static void
wait_until_idle (Fixture       *fixture,
                 AttPagedModel *model)
{
  while (att_paged_model_get_loading (model) || fixture->completed < fixture->requested->len)
    g_main_context_iteration (NULL, TRUE);

  /* And the housekeeping idle, if any. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
was_requested (Fixture *fixture,
               guint    from)
{
  for (guint i = 0; i < fixture->requested->len; i++)
    if (g_array_index (fixture->requested, guint, i) == from)
      return TRUE;
  return FALSE;
}

static guint
times_requested (Fixture *fixture,
                 guint    from)
{
  guint n = 0;

  for (guint i = 0; i < fixture->requested->len; i++)
    if (g_array_index (fixture->requested, guint, i) == from)
      n++;
  return n;
}

/* Asks for the row at @position every 50 ms, as a view that keeps showing
 * it would, until it is loaded.  Returns how many times it asked. */
static guint
ask_until_loaded (Fixture       *fixture,
                  AttPagedModel *model,
                  guint          position)
{
  guint asks = 0;

  while (!att_paged_model_is_item_loaded (model, position))
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), position);

      asks++;
      g_assert_cmpuint (asks, <, 400);
      wait_until_idle (fixture, model);
      if (!att_paged_model_is_item_loaded (model, position))
        att_test_run_for (50);
    }
  return asks;
}

static void
assert_no_page_requested_twice (Fixture *fixture)
{
  for (guint i = 0; i < fixture->requested->len; i++)
    for (guint j = i + 1; j < fixture->requested->len; j++)
      g_assert_cmpuint (g_array_index (fixture->requested, guint, i), !=,
                        g_array_index (fixture->requested, guint, j));
}

static void
on_result (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The name of the product at @position, asked of the server directly. */
static char *
direct_name_at (Fixture *fixture,
                guint    position)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AttPage) page = NULL;
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(GError) error = NULL;

  att_higg_client_search_products_async (fixture->client, NULL, NULL, position, 1, NULL,
                                         on_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  page = att_higg_client_search_products_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (att_page_get_items (page)), ==, 1);
  product = g_list_model_get_item (att_page_get_items (page), 0);
  return g_strdup (att_product_get_name (product));
}

/* --- Tests ------------------------------------------------------------ */

static void
test_first_page_and_far_row (Fixture      *fixture,
                             gconstpointer user_data)
{
  g_autoptr(AttPagedModel) model = make_model (fixture);
  g_autoptr(AttProduct) first = NULL;
  g_autoptr(AttProduct) far = NULL;
  g_autoptr(AttProduct) far_again = NULL;
  g_autoptr(AttProduct) far_loaded = NULL;
  g_autofree char *expected = NULL;
  const Change    *change;
  gboolean         loaded = FALSE;

  /* Nothing until the first page arrives. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (att_paged_model_get_loading (model));
  g_assert_false (att_paged_model_get_loaded (model));
  g_assert_cmpuint (fixture->requested->len, ==, 1);
  g_assert_cmpuint (g_array_index (fixture->requested, guint, 0), ==, 0);

  wait_until_idle (fixture, model);

  g_object_get (model, "loaded", &loaded, NULL);
  g_assert_true (loaded);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PRODUCTS);
  g_assert_cmpuint (att_paged_model_get_total (model), ==, N_PRODUCTS);
  g_assert_null (att_paged_model_get_error (model));
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  change = &g_array_index (fixture->changes, Change, 0);
  g_assert_cmpuint (change->position, ==, 0);
  g_assert_cmpuint (change->removed, ==, 0);
  g_assert_cmpuint (change->added, ==, N_PRODUCTS);

  /* The first row is real. */
  g_assert_true (att_paged_model_is_item_loaded (model, 0));
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_false (att_product_is_placeholder (first));
  g_assert_nonnull (att_product_get_name (first));

  /* A far row is a placeholder, the same one each time, and its page is
   * fetched. */
  g_assert_false (att_paged_model_is_item_loaded (model, 990));
  far = g_list_model_get_item (G_LIST_MODEL (model), 990);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (far, ATT_TYPE_PRODUCT));
  g_assert_true (att_product_is_placeholder (far));
  g_assert_true (att_paged_model_get_loading (model));
  far_again = g_list_model_get_item (G_LIST_MODEL (model), 990);
  g_assert_true (far == far_again);
  g_assert_cmpuint (fixture->requested->len, ==, 2);

  wait_until_idle (fixture, model);

  g_assert_true (att_paged_model_is_item_loaded (model, 990));
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  change = &g_array_index (fixture->changes, Change, 1);
  g_assert_cmpuint (change->position, ==, 950);
  g_assert_cmpuint (change->removed, ==, PAGE_SIZE);
  g_assert_cmpuint (change->added, ==, PAGE_SIZE);

  /* The row is the server's row 990. */
  far_loaded = g_list_model_get_item (G_LIST_MODEL (model), 990);
  g_assert_false (att_product_is_placeholder (far_loaded));
  expected = direct_name_at (fixture, 990);
  g_assert_cmpstr (att_product_get_name (far_loaded), ==, expected);

  /* Only the pages asked for were fetched. */
  g_assert_cmpuint (fixture->requested->len, ==, 2);
  g_assert_true (was_requested (fixture, 0));
  g_assert_true (was_requested (fixture, 950));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_PRODUCTS));
}

static void
test_scroll (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr(AttPagedModel) model = make_model (fixture);
  guint n_pages = N_PRODUCTS / PAGE_SIZE;

  wait_until_idle (fixture, model);

  /* A fling from top to bottom: a view asks for the rows it shows at each
   * frame, faster than pages arrive. */
  for (guint top = 0; top + 20 <= N_PRODUCTS; top += 37)
    {
      for (guint row = top; row < top + 20; row++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), row);

          g_assert_nonnull (item);
        }
    }

  /* The user stops at the bottom. */
  for (guint row = N_PRODUCTS - 20; row < N_PRODUCTS; row++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), row);
    }

  wait_until_idle (fixture, model);

  g_test_message ("a fling over %u pages fetched %u", n_pages, fixture->requested->len);
  g_assert_cmpuint (fixture->requested->len, <, n_pages);
  assert_no_page_requested_twice (fixture);
  for (guint row = N_PRODUCTS - 20; row < N_PRODUCTS; row++)
    g_assert_true (att_paged_model_is_item_loaded (model, row));
}

static void
test_sparse_rows (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr(AttPagedModel) model = make_model (fixture);
  const guint rows[] = { 120, 130, 149, 510, 777 };

  wait_until_idle (fixture, model);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), rows[i]);
    }

  /* At most two fetches run at once. */
  g_assert_cmpuint (fixture->requested->len - fixture->completed, <=, 2);

  wait_until_idle (fixture, model);

  g_assert_cmpuint (fixture->requested->len, ==, 4);
  g_assert_true (was_requested (fixture, 100));
  g_assert_true (was_requested (fixture, 500));
  g_assert_true (was_requested (fixture, 750));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_true (att_paged_model_is_item_loaded (model, rows[i]));
}

static void
test_error_and_reload (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr(AttPagedModel) model = NULL;
  g_autoptr(GObject) item = NULL;
  const GError *error;
  guint         n_requested;

  /* The first page fails. */
  att_sandbox_inject_failure (fixture->sandbox, 500, 1);
  model = make_model (fixture);
  wait_until_idle (fixture, model);

  error = att_paged_model_get_error (model);
  g_assert_error ((GError *) error, ATT_API_ERROR, ATT_API_ERROR_SERVER);
  g_assert_false (att_paged_model_get_loaded (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  /* Retry. */
  att_paged_model_reload (model);
  g_assert_null (att_paged_model_get_error (model));
  wait_until_idle (fixture, model);
  g_assert_null (att_paged_model_get_error (model));
  g_assert_true (att_paged_model_get_loaded (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PRODUCTS);

  /* A later page fails: what is loaded stays. */
  att_sandbox_inject_failure (fixture->sandbox, 500, 1);
  item = g_list_model_get_item (G_LIST_MODEL (model), 500);
  wait_until_idle (fixture, model);
  g_assert_error ((GError *) att_paged_model_get_error (model), ATT_API_ERROR, ATT_API_ERROR_SERVER);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PRODUCTS);
  g_assert_true (att_paged_model_is_item_loaded (model, 0));
  g_assert_false (att_paged_model_is_item_loaded (model, 500));

  /* Asking again does not hammer the server; reload does retry. */
  n_requested = fixture->requested->len;
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (model), 500);
  wait_until_idle (fixture, model);
  g_assert_cmpuint (fixture->requested->len, ==, n_requested);

  att_paged_model_reload (model);
  wait_until_idle (fixture, model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PRODUCTS);
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (model), 500);
  wait_until_idle (fixture, model);
  g_assert_true (att_paged_model_is_item_loaded (model, 500));
  g_assert_null (att_paged_model_get_error (model));
}

static gboolean
page_announced (Fixture *fixture,
                guint    first)
{
  for (guint i = 0; i < fixture->changes->len; i++)
    {
      const Change *change = &g_array_index (fixture->changes, Change, i);

      if (change->position == first && change->removed == PAGE_SIZE && change->added == PAGE_SIZE)
        return TRUE;
    }
  return FALSE;
}

static void
assert_page_failed (Fixture       *fixture,
                    AttPagedModel *model,
                    guint          first)
{
  g_assert_error ((GError *) att_paged_model_get_error (model), ATT_API_ERROR, ATT_API_ERROR_SERVER);
  g_assert_true (att_paged_model_get_loaded (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PRODUCTS);
  for (guint row = first; row < first + PAGE_SIZE; row++)
    g_assert_cmpint (att_paged_model_get_item_state (model, row), ==, ATT_PAGED_ITEM_FAILED);
  g_assert_error ((GError *) att_paged_model_get_item_error (model, first),
                  ATT_API_ERROR, ATT_API_ERROR_SERVER);
  g_assert_true (att_paged_model_is_item_loaded (model, 0));

  /* Its rows were announced, so that a view shows them as failed. */
  g_assert_true (page_announced (fixture, first));
}

/* A later page fails; asked for again at once it is not fetched again (no
 * hot loop while the server fails), but once the server has recovered a
 * view that keeps asking gets its rows. */
static void
test_failed_page_fetched_again (Fixture      *fixture,
                                gconstpointer user_data)
{
  g_autoptr(AttPagedModel) model = make_model (fixture);
  g_autoptr(GObject) item = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(AttProduct) product = NULL;
  guint asks;

  wait_until_idle (fixture, model);

  /* Page 2 (rows 100 to 149) fails for as long as the server is told to. */
  att_sandbox_inject_failure_from (fixture->sandbox, 500, 1000, 2 * PAGE_SIZE);
  item = g_list_model_get_item (G_LIST_MODEL (model), 120);
  wait_until_idle (fixture, model);
  assert_page_failed (fixture, model, 2 * PAGE_SIZE);
  g_assert_cmpuint (times_requested (fixture, 2 * PAGE_SIZE), ==, 1);

  /* The view rebinds the rows and asks again at once: no new request. */
  for (guint row = 2 * PAGE_SIZE; row < 3 * PAGE_SIZE; row++)
    {
      g_autoptr(GObject) again = g_list_model_get_item (G_LIST_MODEL (model), row);
    }
  wait_until_idle (fixture, model);
  g_assert_cmpuint (times_requested (fixture, 2 * PAGE_SIZE), ==, 1);

  /* The server recovers; the rows are asked for again, and arrive. */
  att_sandbox_inject_failure (fixture->sandbox, 0, 0);
  asks = ask_until_loaded (fixture, model, 120);
  g_test_message ("asked %u times before the page came", asks);
  g_assert_cmpuint (asks, >, 1);
  g_assert_cmpuint (times_requested (fixture, 2 * PAGE_SIZE), ==, 2);
  g_assert_null (att_paged_model_get_error (model));
  g_assert_cmpint (att_paged_model_get_item_state (model, 120), ==, ATT_PAGED_ITEM_LOADED);
  product = g_list_model_get_item (G_LIST_MODEL (model), 120);
  expected = direct_name_at (fixture, 120);
  g_assert_cmpstr (att_product_get_name (product), ==, expected);
}

/* Retry fetches every failed page at once, without a wait. */
static void
test_retry_failed_pages (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_autoptr(AttPagedModel) model = make_model (fixture);
  g_autoptr(GObject) second = NULL;
  g_autoptr(GObject) third = NULL;

  wait_until_idle (fixture, model);

  att_sandbox_inject_failure_from (fixture->sandbox, 500, 1000, 2 * PAGE_SIZE);
  second = g_list_model_get_item (G_LIST_MODEL (model), 120);
  third = g_list_model_get_item (G_LIST_MODEL (model), 620);
  wait_until_idle (fixture, model);
  assert_page_failed (fixture, model, 12 * PAGE_SIZE);
  g_assert_cmpint (att_paged_model_get_item_state (model, 120), ==, ATT_PAGED_ITEM_FAILED);

  /* While the server still fails, Retry asks again and fails again. */
  att_paged_model_retry (model);
  g_assert_null (att_paged_model_get_error (model));
  g_assert_cmpint (att_paged_model_get_item_state (model, 120), ==, ATT_PAGED_ITEM_PENDING);
  wait_until_idle (fixture, model);
  g_assert_cmpuint (times_requested (fixture, 2 * PAGE_SIZE), ==, 2);
  g_assert_cmpuint (times_requested (fixture, 12 * PAGE_SIZE), ==, 2);
  g_assert_nonnull (att_paged_model_get_error (model));

  /* Once it recovers, Retry brings both pages. */
  att_sandbox_inject_failure (fixture->sandbox, 0, 0);
  att_paged_model_retry (model);
  wait_until_idle (fixture, model);
  g_assert_null (att_paged_model_get_error (model));
  g_assert_true (att_paged_model_is_item_loaded (model, 120));
  g_assert_true (att_paged_model_is_item_loaded (model, 620));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PRODUCTS);
}

static void
assert_unreadable_row (AttPagedModel *model,
                       guint          position,
                       guint          row_in_answer)
{
  g_autoptr(AttProduct) item = g_list_model_get_item (G_LIST_MODEL (model), position);
  const GError        *error = att_paged_model_get_item_error (model, position);
  g_autofree char     *path = g_strdup_printf ("results[%u].name: ", row_in_answer);
  const AttFieldError *detail;

  g_assert_cmpint (att_paged_model_get_item_state (model, position), ==, ATT_PAGED_ITEM_UNREADABLE);
  g_assert_false (att_paged_model_is_item_loaded (model, position));
  g_assert_true (att_product_is_placeholder (item));
  g_assert_error ((GError *) error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (error->message, ==, "The server sent a product Attest cannot read");
  detail = g_ptr_array_index (att_api_error_get_field_errors (error), 0);
  g_assert_true (g_str_has_prefix (detail->message, path));
}

/* One row the client cannot read: the rest of its page is shown, the row
 * keeps its place (the count is the server's), and it is reported. */
static void
test_unreadable_row (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr(AttPagedModel) model = NULL;
  g_autoptr(GObject) item = NULL;

  att_sandbox_set_malformed_row (fixture->sandbox, 3);
  model = make_model (fixture);
  wait_until_idle (fixture, model);

  g_assert_true (att_paged_model_get_loaded (model));
  g_assert_null (att_paged_model_get_error (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PRODUCTS);
  g_assert_true (att_paged_model_is_item_loaded (model, 2));
  g_assert_true (att_paged_model_is_item_loaded (model, 4));
  g_assert_true (att_paged_model_is_item_loaded (model, PAGE_SIZE - 1));
  assert_unreadable_row (model, 3, 3);
  g_assert_cmpuint (att_paged_model_get_n_unreadable (model), ==, 1);
  g_assert_true (att_paged_model_get_unreadable_error (model) ==
                 att_paged_model_get_item_error (model, 3));

  /* Another page with a bad row adds to the count; the first is still the
   * one reported. */
  item = g_list_model_get_item (G_LIST_MODEL (model), 500);
  wait_until_idle (fixture, model);
  assert_unreadable_row (model, 503, 3);
  g_assert_true (att_paged_model_is_item_loaded (model, 500));
  g_assert_cmpuint (att_paged_model_get_n_unreadable (model), ==, 2);
  g_assert_true (att_paged_model_get_unreadable_error (model) ==
                 att_paged_model_get_item_error (model, 3));
}

static void
test_total_changes (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr(AttPagedModel) model = make_model (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) item = NULL;
  const Change *change;

  wait_until_idle (fixture, model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PRODUCTS);

  /* The server gains rows while the list is shown. */
  att_sandbox_add_generated_products (fixture->sandbox, 30, 43, &error);
  g_assert_no_error (error);

  item = g_list_model_get_item (G_LIST_MODEL (model), 600);
  wait_until_idle (fixture, model);

  /* The new total arrived with a later page, announced consistently
   * (on_items_changed checks each change against the consumer's count). */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PRODUCTS + 30);
  g_assert_cmpuint (att_paged_model_get_total (model), ==, N_PRODUCTS + 30);
  g_assert_cmpuint (fixture->shadow_n_items, ==, N_PRODUCTS + 30);
  change = &g_array_index (fixture->changes, Change, fixture->changes->len - 2);
  g_assert_cmpuint (change->position, ==, N_PRODUCTS);
  g_assert_cmpuint (change->removed, ==, 0);
  g_assert_cmpuint (change->added, ==, 30);
  g_assert_true (att_paged_model_is_item_loaded (model, 600));
}

static void
test_memory_bound (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr(AttPagedModel) model = NULL;
  g_autoptr(GError) error = NULL;
  guint    n_pages;
  guint    n_loaded = 0;
  gboolean first_page_announced = FALSE;

  /* 60 pages, more than the model keeps. */
  att_sandbox_add_generated_products (fixture->sandbox, 2000, 44, &error);
  g_assert_no_error (error);
  model = make_model (fixture);
  wait_until_idle (fixture, model);
  n_pages = g_list_model_get_n_items (G_LIST_MODEL (model)) / PAGE_SIZE;
  g_assert_cmpuint (n_pages, ==, 60);

  /* Read every page in turn, as a slow scroll would. */
  for (guint p = 1; p < n_pages; p++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), p * PAGE_SIZE);

      wait_until_idle (fixture, model);
      g_assert_true (att_paged_model_is_item_loaded (model, p * PAGE_SIZE));
    }

  for (guint p = 0; p < n_pages; p++)
    if (att_paged_model_is_item_loaded (model, p * PAGE_SIZE))
      n_loaded++;
  g_test_message ("%u of %u pages kept", n_loaded, n_pages);
  g_assert_cmpuint (n_loaded, <=, 50);
  g_assert_cmpuint (n_loaded, >=, 45);

  /* The oldest page went, and a view was told. */
  g_assert_false (att_paged_model_is_item_loaded (model, 0));
  g_assert_true (att_paged_model_is_item_loaded (model, (n_pages - 1) * PAGE_SIZE));
  for (guint i = 1; i < fixture->changes->len; i++)
    {
      const Change *change = &g_array_index (fixture->changes, Change, i);

      if (change->position == 0 && change->removed == PAGE_SIZE && change->added == PAGE_SIZE)
        first_page_announced = TRUE;
    }
  g_assert_true (first_page_announced);

  /* Scrolling back fetches it again. */
  {
    g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), 0);

    wait_until_idle (fixture, model);
    g_assert_true (att_paged_model_is_item_loaded (model, 0));
  }
}

static void
test_dispose_cancels (Fixture      *fixture,
                      gconstpointer user_data)
{
  AttPagedModel *model;
  GWeakRef       weak;

  att_sandbox_set_latency (fixture->sandbox, 2000);
  model = make_model (fixture);
  g_weak_ref_init (&weak, model);
  g_assert_nonnull (fixture->last_cancellable);
  g_assert_false (g_cancellable_is_cancelled (fixture->last_cancellable));

  /* The last reference goes while the first page is in flight. */
  g_object_unref (model);
  g_assert_null (g_weak_ref_get (&weak));
  g_assert_true (g_cancellable_is_cancelled (fixture->last_cancellable));
  g_weak_ref_clear (&weak);

  /* The fetch ends (as cancelled) without touching the dead model. */
  while (fixture->completed < fixture->requested->len)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_client_model (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr(AttPagedModel) model = att_higg_client_create_product_model (fixture->client, NULL, 25);
  g_autoptr(AttPagedModel) none = NULL;
  g_autoptr(GObject) item = NULL;

  while (!att_paged_model_get_loaded (model))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PRODUCTS);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == ATT_TYPE_PRODUCT);
  g_assert_true (att_paged_model_is_item_loaded (model, 24));
  g_assert_false (att_paged_model_is_item_loaded (model, 25));

  /* A search that matches nothing loads as an empty list. */
  none = att_higg_client_create_product_model (fixture->client, "no product is called this", 25);
  while (!att_paged_model_get_loaded (none))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (none)), ==, 0);
  g_assert_null (att_paged_model_get_error (none));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/paged-model/first-page-and-far-row", test_first_page_and_far_row);
  ADD ("/paged-model/scroll", test_scroll);
  ADD ("/paged-model/sparse-rows", test_sparse_rows);
  ADD ("/paged-model/error-and-reload", test_error_and_reload);
  ADD ("/paged-model/failed-page-fetched-again", test_failed_page_fetched_again);
  ADD ("/paged-model/retry-failed-pages", test_retry_failed_pages);
  ADD ("/paged-model/unreadable-row", test_unreadable_row);
  ADD ("/paged-model/total-changes", test_total_changes);
  ADD ("/paged-model/memory-bound", test_memory_bound);
  ADD ("/paged-model/dispose-cancels", test_dispose_cancels);
  ADD ("/paged-model/client-model", test_client_model);

#undef ADD

  return g_test_run ();
}
