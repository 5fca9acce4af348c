/* test-products-view.c: the Products view against a sandbox, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "att-account-needed-page.h"
#include "att-closient-client.h"
#include "att-closient-page.h"
#include "att-context.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-page.h"
#include "att-paged-model.h"
#include "att-product.h"
#include "att-product-details.h"
#include "att-products-page.h"
#include "att-sandbox.h"
#include "att-test-utils.h"
#include "att-test-widgets.h"
#include "att-window.h"

typedef struct
{
  AttSandbox      *sandbox;
  AttHttp         *http;
  AttHiggClient   *client;
  AttContext      *context;
  GtkWindow       *window;
  AttProductsPage *page;
} Fixture;

static gboolean
model_loaded (Fixture      *f,
              gconstpointer data)
{
  GListModel *model = att_products_page_get_model (f->page);
  gboolean    loaded = FALSE;
  gboolean    loading = TRUE;

  if (model == NULL)
    return FALSE;
  g_object_get (model, "loaded", &loaded, "loading", &loading, NULL);
  return loaded && !loading;
}

/* The list stack is the GtkStack of the page with a "loading" child. */
static gboolean
is_list_stack (GtkWidget    *widget,
               gconstpointer data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "loading") != NULL;
}

static gboolean
stack_shows (Fixture      *f,
             gconstpointer data)
{
  GtkWidget *stack = att_test_find_widget (GTK_WIDGET (f->page), is_list_stack, NULL);

  g_assert_nonnull (stack);
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), data) == 0;
}

/* The text a label or a list cell (a GtkInscription) shows. */
static const char *
shown_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  return NULL;
}

typedef struct
{
  const char *text;
  gboolean    prefix;
} Shown;

static gboolean
shows (GtkWidget    *widget,
       gconstpointer data)
{
  const Shown *wanted = data;
  const char  *shown = shown_text (widget);

  return shown != NULL && gtk_widget_get_mapped (widget) &&
         (wanted->prefix ? g_str_has_prefix (shown, wanted->text) : g_strcmp0 (shown, wanted->text) == 0);
}

/* Finds a mapped GtkLabel or list cell showing @text (or text starting
 * with it, if @prefix) under @root. */
static GtkWidget *
find_label_full (GtkWidget  *root,
                 const char *text,
                 gboolean    prefix)
{
  const Shown wanted = { text, prefix };

  return att_test_find_widget (root, shows, &wanted);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  return find_label_full (root, text, FALSE);
}

static gboolean
label_shown (Fixture      *f,
             gconstpointer data)
{
  return find_label (GTK_WIDGET (f->window), data) != NULL;
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AttPage **page = user_data;
  g_autoptr(GError) error = NULL;

  *page = att_higg_client_search_products_finish (ATT_HIGG_CLIENT (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
page_arrived (Fixture      *f,
              gconstpointer data)
{
  AttPage *const *page = data;

  return *page != NULL;
}

/* What the server itself says, fetched directly with the client. */
static AttPage *
server_search (Fixture    *f,
               const char *text,
               guint       from,
               guint       size)
{
  AttPage *page = NULL;

  att_higg_client_search_products_async (f->client, text, NULL, from, size, NULL,
                                         search_done_cb, &page);
  att_test_wait_until (ATT_TEST_PREDICATE (page_arrived), f, &page, "a direct search");
  return page;
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_add_generated_products (f->sandbox, 1000, 7, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (f->sandbox, &f->http, &f->client, &f->context);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 800);
  f->page = ATT_PRODUCTS_PAGE (att_products_page_new (f->context));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->context);
  att_test_sandbox_disconnect (&f->sandbox, &f->http, &f->client);
}

static void
test_rows_and_details (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(AttPage) truth = NULL;
  g_autoptr(AttProduct) first = NULL;
  g_autoptr(AttProduct) shown = NULL;
  GListModel *model;
  AttProduct *selected;

  att_test_wait_until (ATT_TEST_PREDICATE (model_loaded), f, NULL, "the first page");
  att_test_wait_until (ATT_TEST_PREDICATE (stack_shows), f, "list", "the list");

  truth = server_search (f, NULL, 0, 20);
  g_assert_cmpuint (att_page_get_total (truth), ==, 1000);

  model = att_products_page_get_model (f->page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000);

  /* The rows are the server's rows, in the server's order. */
  first = g_list_model_get_item (att_page_get_items (truth), 0);
  shown = g_list_model_get_item (model, 0);
  g_assert_cmpstr (att_product_get_id (shown), ==, att_product_get_id (first));
  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), f, att_product_get_name (first), "the first row on screen");
  g_assert_nonnull (find_label (GTK_WIDGET (f->page), "1000 products"));

  /* The first product is selected and its details are on screen. */
  selected = att_products_page_get_selected (f->page);
  g_assert_nonnull (selected);
  g_assert_cmpstr (att_product_get_id (selected), ==, att_product_get_id (first));
  if (att_product_get_identifier (first) != NULL)
    {
      g_autofree char *identifier = NULL;

      if (att_product_get_identifier_type (first) != NULL)
        identifier = g_strdup_printf ("%s %s", att_product_get_identifier_type (first),
                                      att_product_get_identifier (first));
      else
        identifier = g_strdup (att_product_get_identifier (first));
      att_test_wait_until (ATT_TEST_PREDICATE (label_shown), f, identifier, "the identifier in the details");
    }
}

static gboolean
selected_is (Fixture      *f,
             gconstpointer id)
{
  AttProduct *selected = att_products_page_get_selected (f->page);

  return selected != NULL && g_strcmp0 (att_product_get_id (selected), id) == 0;
}

/* Another view asks for a product (win.show-product) while the list is
 * still loading: the list selects it and the details show it, and the
 * details filled in once the first rows are painted are its, not the
 * first row's. */
static void
test_show_product (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(AttPage) truth = server_search (f, NULL, 0, 20);
  g_autoptr(AttProduct) wanted = g_list_model_get_item (att_page_get_items (truth), 7);
  const char      *id = att_product_get_id (wanted);
  g_autofree char *identifier = NULL;

  att_products_page_show_product (f->page, id);
  att_test_wait_until (ATT_TEST_PREDICATE (model_loaded), f, NULL, "the first page");
  att_test_wait_until (ATT_TEST_PREDICATE (selected_is), f, id, "the product selected");
  att_test_run_for (500);
  g_assert_true (selected_is (f, id));

  g_assert_nonnull (att_product_get_identifier (wanted));
  identifier = att_product_get_identifier_type (wanted) != NULL
                 ? g_strdup_printf ("%s %s", att_product_get_identifier_type (wanted),
                                    att_product_get_identifier (wanted))
                 : g_strdup (att_product_get_identifier (wanted));
  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), f, identifier, "its identifier in the details");
}

static void
test_scroll_far_loads_page (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr(AttPage) truth = NULL;
  g_autoptr(AttProduct) far_truth = NULL;
  g_autoptr(AttProduct) placeholder = NULL;
  GListModel *model;

  att_test_wait_until (ATT_TEST_PREDICATE (model_loaded), f, NULL, "the first page");
  model = att_products_page_get_model (f->page);

  /* Asking for a row far down fetches its page, and only then is it real. */
  placeholder = g_list_model_get_item (model, 977);
  truth = server_search (f, NULL, 977, 1);
  far_truth = g_list_model_get_item (att_page_get_items (truth), 0);

  while (att_product_is_placeholder (placeholder))
    {
      g_clear_object (&placeholder);
      g_main_context_iteration (NULL, TRUE);
      placeholder = g_list_model_get_item (model, 977);
    }
  g_assert_cmpstr (att_product_get_id (placeholder), ==, att_product_get_id (far_truth));
}

static void
test_search_narrows (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(AttPage) all = NULL;
  g_autoptr(AttPage) truth = NULL;
  g_autoptr(AttProduct) some = NULL;
  g_autofree char *word = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *expected_count = NULL;
  GListModel      *model;
  guint            n;

  att_test_wait_until (ATT_TEST_PREDICATE (model_loaded), f, NULL, "the first page");

  /* Search for a word of a product's name, as a user would type it. */
  all = server_search (f, NULL, 500, 1);
  some = g_list_model_get_item (att_page_get_items (all), 0);
  words = g_strsplit (att_product_get_name (some), " ", -1);
  word = g_strdup (words[g_strv_length (words) - 1]);
  truth = server_search (f, word, 0, 100);
  g_assert_cmpuint (att_page_get_total (truth), <, 1000);
  g_assert_cmpuint (att_page_get_total (truth), >, 0);

  att_products_page_set_search_text (f->page, word);
  /* The search is debounced: the model is replaced only after a pause. */
  att_test_wait_until (ATT_TEST_PREDICATE (model_loaded), f, NULL, "the search results");
  /* Waiting may replace the model: ask the page for it each time. */
  while (g_list_model_get_n_items (att_products_page_get_model (f->page)) == 1000)
    {
      g_main_context_iteration (NULL, TRUE);
      att_test_wait_until (ATT_TEST_PREDICATE (model_loaded), f, NULL, "the search results");
    }
  model = att_products_page_get_model (f->page);

  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, att_page_get_total (truth));
  expected_count = g_strdup_printf (n == 1 ? "%u product" : "%u products", n);
  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), f, expected_count, "the new count");

  for (guint i = 0; i < MIN (n, 20); i++)
    {
      g_autoptr(AttProduct) row = g_list_model_get_item (model, i);
      g_autoptr(AttProduct) expected = g_list_model_get_item (att_page_get_items (truth), i);

      g_assert_cmpstr (att_product_get_id (row), ==, att_product_get_id (expected));
    }

  /* A search that matches nothing says so. */
  att_products_page_set_search_text (f->page, "no such product zzzz");
  att_test_wait_until (ATT_TEST_PREDICATE (stack_shows), f, "empty", "the empty state");
  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), f, "No Products Found", "the empty state title");
}

static void
test_error_and_retry (Fixture      *f,
                      gconstpointer data)
{
  GtkWidget *retry;

  att_test_wait_until (ATT_TEST_PREDICATE (model_loaded), f, NULL, "the first page");

  /* The server fails (enough times to exhaust the pipeline's retries). */
  att_sandbox_inject_failure (f->sandbox, 500, 10);
  att_products_page_set_search_text (f->page, "tee");
  att_test_wait_until (ATT_TEST_PREDICATE (stack_shows), f, "error", "the error state");
  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), f, "Could Not Load Products", "the error title");

  /* The server recovers and Retry shows the rows. */
  att_sandbox_inject_failure (f->sandbox, 500, 0);
  retry = find_label (GTK_WIDGET (f->page), "_Retry");
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "products.reload", NULL));
  att_test_wait_until (ATT_TEST_PREDICATE (model_loaded), f, NULL, "the reloaded list");
  g_assert_true (stack_shows (f, "list") || stack_shows (f, "empty"));
}

#define SLOW_TEXT "The server is slow to answer. You can keep waiting or cancel."

/* A server slower than any wait of these tests, which a fetch that is not
 * cancelled would sit out. */
#define SLOW_SERVER_MS 60000

static gboolean
model_idle (Fixture      *f,
            gconstpointer data)
{
  GListModel *model = att_products_page_get_model (f->page);
  gboolean    loading = TRUE;

  g_object_get (model, "loading", &loading, NULL);
  return !loading;
}

/* Clicks the mapped button labelled @label, as a user would. */
static void
click_button (Fixture    *f,
              const char *label)
{
  GtkWidget *found = find_label (GTK_WIDGET (f->page), label);
  GtkWidget *button = found != NULL ? gtk_widget_get_ancestor (found, GTK_TYPE_BUTTON) : NULL;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Starts a load that the slow server keeps waiting. */
static void
start_slow_load (Fixture *f)
{
  att_sandbox_set_latency (f->sandbox, SLOW_SERVER_MS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "products.reload", NULL));
  g_assert_true (stack_shows (f, "loading"));
}

/* The load stopped because it was cancelled, not because it ended. */
static void
assert_load_cancelled (Fixture *f)
{
  AttPagedModel *model = ATT_PAGED_MODEL (att_products_page_get_model (f->page));

  g_assert_true (stack_shows (f, "cancelled"));
  att_test_wait_until (ATT_TEST_PREDICATE (model_idle), f, NULL, "the fetch to stop");
  g_assert_false (att_paged_model_get_loaded (model));
  g_assert_error (att_paged_model_get_error (model), G_IO_ERROR, G_IO_ERROR_CANCELLED);
  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), f, "Loading Cancelled", "the cancelled state");
}

static void
test_slow_cancel_retry (Fixture      *f,
                        gconstpointer data)
{
  att_test_wait_until (ATT_TEST_PREDICATE (model_loaded), f, NULL, "the first page");
  g_object_set (f->page, "slow-delay", 200, NULL);

  /* The page says the server is slow, once it is. */
  start_slow_load (f);
  g_assert_null (find_label (GTK_WIDGET (f->page), SLOW_TEXT));
  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), f, SLOW_TEXT, "the slow message");

  /* Cancel stops the fetch and says so. */
  click_button (f, "_Cancel");
  assert_load_cancelled (f);
  g_assert_null (find_label (GTK_WIDGET (f->page), SLOW_TEXT));

  /* Retry, with the server quick again, shows the rows. */
  att_sandbox_set_latency (f->sandbox, 0);
  click_button (f, "_Retry");
  att_test_wait_until (ATT_TEST_PREDICATE (model_loaded), f, NULL, "the reloaded list");
  att_test_wait_until (ATT_TEST_PREDICATE (stack_shows), f, "list", "the list");
  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), f, "1000 products", "the count");
}

static GtkShortcut *
find_shortcut (GListModel *shortcuts,
               const char *accelerator)
{
  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
      g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

      if (g_strcmp0 (trigger, accelerator) == 0)
        return g_steal_pointer (&shortcut);
    }
  return NULL;
}

/* Does what a press of @accelerator that no child took does: activates the
 * page's own shortcut for it; returns whether that was taken. */
static gboolean
press_page_shortcut (Fixture    *f,
                     const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->page));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      g_autoptr(GtkShortcut) shortcut = NULL;

      if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        shortcut = find_shortcut (G_LIST_MODEL (controller), accelerator);
      if (shortcut != NULL)
        return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                             GTK_WIDGET (f->page), NULL);
    }
  g_error ("The page has no shortcut for %s", accelerator);
}

static gboolean
model_replaced (Fixture      *f,
                gconstpointer data)
{
  return att_products_page_get_model (f->page) != data;
}

static void
test_escape_cancels (Fixture      *f,
                     gconstpointer data)
{
  GtkWidget *entry = att_test_find_of_type (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(GListModel) old_model = NULL;

  att_test_wait_until (ATT_TEST_PREDICATE (model_loaded), f, NULL, "the first page");

  /* Escape that no child takes cancels the loading, and only that. */
  g_assert_false (press_page_shortcut (f, "Escape"));
  start_slow_load (f);
  g_assert_true (press_page_shortcut (f, "Escape"));
  assert_load_cancelled (f);

  /* A search starts a new load (held: a new model could take its address). */
  old_model = g_object_ref (att_products_page_get_model (f->page));
  gtk_editable_set_text (GTK_EDITABLE (entry), "tee");
  att_test_wait_until (ATT_TEST_PREDICATE (model_replaced), f, old_model, "the search to start");
  g_assert_true (stack_shows (f, "loading"));

  /* Escape in the search entry, which has the focus while a search loads,
   * cancels the loading first, and clears the search after. */
  g_signal_emit_by_name (entry, "stop-search");
  assert_load_cancelled (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "tee");
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

static gboolean
label_starts_shown (Fixture      *f,
                    gconstpointer data)
{
  return find_label_full (GTK_WIDGET (f->window), data, TRUE) != NULL;
}

static gboolean
label_gone (Fixture      *f,
            gconstpointer data)
{
  return !label_shown (f, data);
}

/* The view holds every row (until the first rows are painted it holds a
 * screenful only) and is tall enough to scroll. */
static gboolean
list_has_height (Fixture      *f,
                 gconstpointer data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (data));
  GListModel    *rows = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (data)));
  GListModel    *model = att_products_page_get_model (f->page);

  return g_list_model_get_n_items (rows) == g_list_model_get_n_items (model) &&
         gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment);
}

/* Scrolls the list as a user would, so that row @row is on screen. */
static void
scroll_to_row (Fixture *f,
               guint    row)
{
  GtkWidget     *view = att_test_find_of_type (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW);
  GtkAdjustment *adjustment;
  guint          n = g_list_model_get_n_items (att_products_page_get_model (f->page));

  g_assert_nonnull (view);
  att_test_wait_until (ATT_TEST_PREDICATE (list_has_height), f, view, "the list to have a height");
  /* The rows the view just got are laid out in the next frame. */
  gtk_test_widget_wait_for_draw (view);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * row / n);
}

static gboolean
row_loaded (Fixture      *f,
            gconstpointer data)
{
  GListModel *model = att_products_page_get_model (f->page);

  return att_paged_model_is_item_loaded (ATT_PAGED_MODEL (model), GPOINTER_TO_UINT (data));
}

static gboolean
some_name_shown (Fixture      *f,
                 gconstpointer data)
{
  GListModel *items = att_page_get_items ((AttPage *) data);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (items, i);

      if (label_shown (f, att_product_get_name (product)))
        return TRUE;
    }
  return FALSE;
}

/* The first row whose page failed. */
static guint
first_failed_row (Fixture *f)
{
  AttPagedModel *model = ATT_PAGED_MODEL (att_products_page_get_model (f->page));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    if (att_paged_model_get_item_state (model, i) == ATT_PAGED_ITEM_FAILED)
      return i;
  g_assert_not_reached ();
}

/* A later page fails while the user scrolls: its rows say so, the footer
 * offers Retry, and once the server has recovered Retry shows the rows. */
static void
test_failed_page_retry (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(AttPage) truth = NULL;
  GtkWidget *retry_label;
  GtkWidget *button;
  guint      row;

  att_test_wait_until (ATT_TEST_PREDICATE (model_loaded), f, NULL, "the first page");
  att_test_wait_until (ATT_TEST_PREDICATE (stack_shows), f, "list", "the list");

  /* Rows 500 on fail; the user scrolls there. */
  att_sandbox_inject_failure_from (f->sandbox, 500, 1000, 500);
  scroll_to_row (f, 510);
  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), f, "Could not be loaded", "a failed row");
  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), f, "Some products could not be loaded.", "the failure in the footer");
  g_assert_true (stack_shows (f, "list"));
  g_assert_nonnull (find_label (GTK_WIDGET (f->page), "1000 products"));
  row = first_failed_row (f);
  g_assert_cmpuint (row, >=, 500);

  /* The server recovers; the footer's Retry loads the rows. Fetches sent
   * before it recovered fail too: Retry comes after them, as a user's
   * would. */
  att_sandbox_inject_failure (f->sandbox, 0, 0);
  att_test_wait_until (ATT_TEST_PREDICATE (model_loaded), f, NULL, "the fetches in flight");
  retry_label = find_label (GTK_WIDGET (f->page), "_Retry");
  g_assert_nonnull (retry_label);
  button = gtk_widget_get_ancestor (retry_label, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  truth = server_search (f, NULL, row, 50);
  att_test_wait_until (ATT_TEST_PREDICATE (row_loaded), f, GUINT_TO_POINTER (row), "the failed page");
  att_test_wait_until (ATT_TEST_PREDICATE (some_name_shown), f, truth, "a row of the failed page");
  att_test_wait_until (ATT_TEST_PREDICATE (label_gone), f, "Could not be loaded", "the failed rows to go");
  att_test_wait_until (ATT_TEST_PREDICATE (label_gone), f, "Some products could not be loaded.", "the footer to clear");
}

/* One product the app cannot read: the others are shown, its row says so,
 * and the footer explains in words first, with the path as detail. */
static void
test_unreadable_row (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(AttPage) truth = NULL;
  g_autoptr(AttProduct) after = NULL;

  att_sandbox_set_malformed_row (f->sandbox, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "products.reload", NULL));
  att_test_wait_until (ATT_TEST_PREDICATE (model_loaded), f, NULL, "the first page");
  att_test_wait_until (ATT_TEST_PREDICATE (stack_shows), f, "list", "the list");

  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), f, "Unreadable product", "the unreadable row");
  /* Every page the view loaded has such a row, so the footer counts them. */
  att_test_wait_until (ATT_TEST_PREDICATE (label_starts_shown), f, "The server sent a product Attest cannot read", "the footer");
  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), f, "results[2].name: expected a string", "the detail");
  g_assert_nonnull (find_label (GTK_WIDGET (f->page), "1000 products"));
  g_assert_null (find_label (GTK_WIDGET (f->page), "_Retry"));

  att_sandbox_set_malformed_row (f->sandbox, -1);
  truth = server_search (f, NULL, 3, 1);
  after = g_list_model_get_item (att_page_get_items (truth), 0);
  att_test_wait_until (ATT_TEST_PREDICATE (label_shown), f, att_product_get_name (after), "the row after it");
}

static gboolean
window_shows_view (Fixture      *f,
                   gconstpointer data)
{
  return label_shown (f, "Products");
}

static gboolean
details_beside_list (Fixture      *f,
                     gconstpointer data)
{
  GtkWidget *details = att_test_find_of_type (GTK_WIDGET (f->window), ATT_TYPE_PRODUCT_DETAILS);
  GtkWidget *list = att_test_find_of_type (GTK_WIDGET (f->window), GTK_TYPE_COLUMN_VIEW);

  return details != NULL && list != NULL && gtk_widget_get_mapped (details) && gtk_widget_get_mapped (list);
}

static void
test_window_sidebar (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttSandbox) sandbox = att_test_sandbox_new (NULL, &error);
  g_autoptr(AttHttp) http = NULL;
  g_autoptr(AttHiggClient) client = NULL;
  g_autoptr(AttContext) context = NULL;
  g_autoptr(AttClosientClient) closient = NULL;
  Fixture    f = { 0 };
  AttWindow *window;
  GtkWidget *page;

  g_assert_no_error (error);
  att_sandbox_seed_demo (sandbox, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (sandbox, &http, &client, &context);
  att_context_set_is_demo (context, TRUE);
  closient = att_test_closient_client_new (http, sandbox);
  att_context_set_closient_client (context, closient);

  window = att_window_new (NULL);
  att_window_set_context (window, context);
  /* The size of the screenshots in the README: the sidebar, the list and
   * the details side by side. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));

  f.window = GTK_WINDOW (window);
  att_test_wait_until (ATT_TEST_PREDICATE (window_shows_view), &f, NULL, "the sidebar");
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Demo data"));

  page = att_window_get_view (window, "products");
  g_assert_true (ATT_IS_PRODUCTS_PAGE (page));
  f.page = ATT_PRODUCTS_PAGE (page);
  att_test_wait_until (ATT_TEST_PREDICATE (model_loaded), &f, NULL, "the demo products");
  g_assert_cmpuint (g_list_model_get_n_items (att_products_page_get_model (f.page)), >=, 60);
  att_test_wait_until (ATT_TEST_PREDICATE (details_beside_list), &f, NULL, "the details beside the list");

  gtk_window_destroy (GTK_WINDOW (window));
}


static gboolean
closient_view_shown (Fixture      *f,
                     gconstpointer data)
{
  GtkWidget *page = att_window_get_view (ATT_WINDOW (f->window), "closient");

  return page != NULL && gtk_widget_get_mapped (page);
}

/* A Closient account and no Higg one: the Closient view, and the Higg
 * views saying what they need; the welcome page once Closient goes too. */
static void
test_window_closient_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttSandbox) sandbox = att_test_sandbox_new (NULL, &error);
  g_autoptr(AttHttp) http = att_http_new ();
  g_autoptr(AttContext) context = att_context_new_full (http, NULL, NULL);
  g_autoptr(AttClosientClient) closient = NULL;
  Fixture    f = { 0 };
  AttWindow *window = att_window_new (NULL);

  g_assert_no_error (error);
  att_sandbox_listen (sandbox, 0, &error);
  g_assert_no_error (error);
  closient = att_test_closient_client_new (http, sandbox);
  att_window_set_context (window, context);
  gtk_window_present (GTK_WINDOW (window));
  f.window = GTK_WINDOW (window);
  g_assert_null (att_window_get_view (window, "closient"));

  att_context_set_closient_client (context, closient);
  att_test_wait_until (ATT_TEST_PREDICATE (closient_view_shown), &f, NULL, "the Closient view");
  g_assert_true (ATT_IS_CLOSIENT_PAGE (att_window_get_view (window, "closient")));
  g_assert_true (ATT_IS_ACCOUNT_NEEDED_PAGE (att_window_get_view (window, "products")));
  g_assert_true (ATT_IS_ACCOUNT_NEEDED_PAGE (att_window_get_view (window, "certificates")));

  /* What would open a product shows what the Products view needs. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-product", "s", "no-such-product");
  g_assert_nonnull (find_label (GTK_WIDGET (window), "No Higg Account"));

  att_context_set_closient_client (context, NULL);
  g_assert_null (att_window_get_view (window, "closient"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/products-view/rows-and-details", Fixture, NULL,
              fixture_setup, test_rows_and_details, fixture_teardown);
  g_test_add ("/products-view/show-product", Fixture, NULL,
              fixture_setup, test_show_product, fixture_teardown);
  g_test_add ("/products-view/scroll-far", Fixture, NULL,
              fixture_setup, test_scroll_far_loads_page, fixture_teardown);
  g_test_add ("/products-view/search-narrows", Fixture, NULL,
              fixture_setup, test_search_narrows, fixture_teardown);
  g_test_add ("/products-view/error-and-retry", Fixture, NULL,
              fixture_setup, test_error_and_retry, fixture_teardown);
  g_test_add ("/products-view/slow-cancel-retry", Fixture, NULL,
              fixture_setup, test_slow_cancel_retry, fixture_teardown);
  g_test_add ("/products-view/escape-cancels", Fixture, NULL,
              fixture_setup, test_escape_cancels, fixture_teardown);
  g_test_add ("/products-view/failed-page-retry", Fixture, NULL,
              fixture_setup, test_failed_page_retry, fixture_teardown);
  g_test_add ("/products-view/unreadable-row", Fixture, NULL,
              fixture_setup, test_unreadable_row, fixture_teardown);
  g_test_add_func ("/products-view/window-sidebar", test_window_sidebar);
  g_test_add_func ("/products-view/window-closient-only", test_window_closient_only);

  return g_test_run ();
}
