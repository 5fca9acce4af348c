/* test-purchase-orders-page.c: the Purchase Orders view against a
 * sandbox, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "att-context.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-page.h"
#include "att-product-cache.h"
#include "att-product.h"
#include "att-purchase-order-dialog.h"
#include "att-purchase-order.h"
#include "att-purchase-orders-page.h"
#include "att-sandbox.h"
#include "att-test-utils.h"
#include "att-test-widgets.h"

typedef struct
{
  AttSandbox            *sandbox;
  AttHttp               *http;
  AttHiggClient         *client;
  AttProductCache       *cache;
  AttContext            *context;
  GtkWindow             *window;
  AttPurchaseOrdersPage *page;
  char                  *dir;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_add_generated_products (f->sandbox, 300, 5, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (f->sandbox, &f->http, &f->client, &f->context);
  f->dir = g_dir_make_tmp ("attest-po-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "cache.sqlite", NULL);
  f->cache = att_product_cache_new_for_path (f->client, path);
  att_context_set_product_cache (f->context, f->cache);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 800);
  f->page = ATT_PURCHASE_ORDERS_PAGE (att_purchase_orders_page_new (f->context));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->context);
  g_clear_object (&f->cache);
  att_test_sandbox_disconnect (&f->sandbox, &f->http, &f->client);
  att_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* --- Finding what is on screen ------------------------------------------- */

static gboolean
shows_text (GtkWidget    *widget,
            gconstpointer data)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_label (GTK_LABEL (widget));
  else if (GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  return text != NULL && gtk_widget_get_mapped (widget) && g_str_equal (text, data);
}

static gboolean
text_shown (Fixture      *f,
            gconstpointer data)
{
  return att_test_find_widget (GTK_WIDGET (f->window), shows_text, data) != NULL;
}

static gboolean
stack_shows (Fixture      *f,
             gconstpointer data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (f->page), ATT_TYPE_PURCHASE_ORDERS_PAGE,
                                                              "list_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), data) == 0;
}

static gpointer
page_child (Fixture    *f,
            const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (f->page), ATT_TYPE_PURCHASE_ORDERS_PAGE, name);
}

static gboolean
scanned (Fixture      *f,
         gconstpointer data)
{
  return att_product_cache_get_fetched (f->cache) == 300 && !att_product_cache_get_refreshing (f->cache);
}

/* How many rows the view shows unfiltered: every stored order, up to its
 * limit. */
static guint
expected_rows (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_orders = 0;

  att_product_cache_count_async (f->cache, NULL, att_test_store_result, &result);
  att_product_cache_count_finish (f->cache, att_test_await_result (&result), NULL, &n_orders, &error);
  g_assert_no_error (error);
  return MIN (n_orders, 1000);
}

static gboolean
shows_all (Fixture      *f,
           gconstpointer data)
{
  GListModel *model = att_purchase_orders_page_get_model (f->page);

  return model != NULL && g_list_model_get_n_items (model) == GPOINTER_TO_UINT (data) &&
         stack_shows (f, "list") && !gtk_revealer_get_reveal_child (page_child (f, "progress_revealer"));
}

/* The scan is over and the list shows its result. */
static guint
wait_filled (Fixture *f)
{
  guint n;

  att_test_wait_until (ATT_TEST_PREDICATE (scanned), f, NULL, "the scan");
  n = expected_rows (f);
  g_assert_cmpuint (n, >, 0);
  att_test_wait_until (ATT_TEST_PREDICATE (shows_all), f, GUINT_TO_POINTER (n), "the list after the scan");
  return n;
}

static AttProduct *
server_product (Fixture    *f,
                const char *id,
                guint       index)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;

  if (id != NULL)
    {
      AttProduct *product = att_test_get_product (f->client, id, &error);

      g_assert_no_error (error);
      return product;
    }

  att_higg_client_search_products_async (f->client, NULL, NULL, index, 1, NULL, att_test_store_result, &result);
  page = att_higg_client_search_products_finish (f->client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  return g_list_model_get_item (att_page_get_items (page), 0);
}

/* --- Rows ---------------------------------------------------------------- */

static void
test_rows (Fixture      *f,
           gconstpointer data)
{
  g_autoptr(AttPurchaseOrderRow) first = NULL;
  g_autoptr(AttPurchaseOrderRow) last = NULL;
  GListModel *model;
  guint       n;

  wait_filled (f);
  model = att_purchase_orders_page_get_model (f->page);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (att_product_cache_get_fetched (f->cache), ==, 300);

  /* Newest first, and the newest on screen with its product. */
  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, n - 1);
  g_assert_cmpint (g_strcmp0 (att_purchase_order_row_get_purchase_date (first),
                              att_purchase_order_row_get_purchase_date (last)),
                   >=, 0);
  att_test_wait_until (ATT_TEST_PREDICATE (text_shown), f, att_purchase_order_row_get_purchase_order_id (first), "the newest order on screen");
  att_test_wait_until (ATT_TEST_PREDICATE (text_shown), f, att_purchase_order_row_get_product_name (first), "its product on screen");
}

/* --- Filters ------------------------------------------------------------- */

typedef struct
{
  const char *product_id;
  guint       n;
} Expect;

static gboolean
shows_only_product (Fixture      *f,
                    gconstpointer data)
{
  const Expect *expect = data;
  GListModel   *model = att_purchase_orders_page_get_model (f->page);

  if (g_list_model_get_n_items (model) != expect->n)
    return FALSE;
  for (guint i = 0; i < expect->n; i++)
    {
      g_autoptr(AttPurchaseOrderRow) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (att_purchase_order_row_get_product_id (row), expect->product_id) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
count_is (Fixture      *f,
          gconstpointer data)
{
  return g_list_model_get_n_items (att_purchase_orders_page_get_model (f->page)) == GPOINTER_TO_UINT (data);
}

static void
test_filter (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(AttProduct) product = NULL;
  Expect expect;
  guint  all;

  all = wait_filled (f);

  /* A product with orders, by id: exactly its orders, as the server has them. */
  for (guint i = 0; product == NULL || g_list_model_get_n_items (att_product_get_purchase_orders (product)) == 0; i++)
    {
      g_clear_object (&product);
      product = server_product (f, NULL, i);
    }
  expect.product_id = att_product_get_id (product);
  expect.n = g_list_model_get_n_items (att_product_get_purchase_orders (product));
  gtk_editable_set_text (page_child (f, "product_entry"), att_product_get_id (product));
  att_test_wait_until (ATT_TEST_PREDICATE (shows_only_product), f, &expect, "the product's orders only");

  /* A date that is not one is marked and ignored. */
  gtk_editable_set_text (page_child (f, "from_entry"), "2024-02-30");
  g_assert_true (gtk_widget_has_css_class (page_child (f, "from_entry"), "error"));

  /* Clearing the filters shows everything again; a search for nothing,
   * nothing, with the empty state. */
  gtk_editable_set_text (page_child (f, "from_entry"), "");
  gtk_editable_set_text (page_child (f, "product_entry"), "");
  att_test_wait_until (ATT_TEST_PREDICATE (count_is), f, GUINT_TO_POINTER (all), "every order again");
  gtk_editable_set_text (page_child (f, "search_entry"), "no-such-order-anywhere");
  att_test_wait_until (ATT_TEST_PREDICATE (stack_shows), f, "empty", "the empty state");
}

/* --- Adding through the view --------------------------------------------- */

static AttPurchaseOrderDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ATT_IS_PURCHASE_ORDER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ATT_PURCHASE_ORDER_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_open (Fixture      *f,
             gconstpointer data)
{
  return (find_dialog () != NULL) == GPOINTER_TO_INT (data);
}

static gpointer
dialog_child (AttPurchaseOrderDialog *dialog,
              const char             *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (dialog), ATT_TYPE_PURCHASE_ORDER_DIALOG, name);
}

static gboolean
match_found (Fixture      *f,
             gconstpointer data)
{
  GtkListBox *list = dialog_child (find_dialog (), "product_list");

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "att-product-id"), data) == 0)
      return TRUE;
  return FALSE;
}

static void
choose_product (AttPurchaseOrderDialog *dialog,
                const char             *id)
{
  GtkListBox *list = dialog_child (dialog, "product_list");

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "att-product-id"), id) == 0)
      {
        g_signal_emit_by_name (list, "row-activated", row);
        return;
      }
  g_assert_not_reached ();
}

static void
fill (AttPurchaseOrderDialog *dialog,
      const char             *order,
      const char             *date,
      const char             *amount,
      const char             *fem)
{
  gtk_editable_set_text (dialog_child (dialog, "order_entry"), order);
  gtk_editable_set_text (dialog_child (dialog, "date_entry"), date);
  gtk_editable_set_text (dialog_child (dialog, "amount_entry"), amount);
  gtk_editable_set_text (dialog_child (dialog, "fem_entry"), fem);
}

static gboolean
listed (Fixture      *f,
        gconstpointer data)
{
  GListModel *model = att_purchase_orders_page_get_model (f->page);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AttPurchaseOrderRow) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (att_purchase_order_row_get_purchase_order_id (row), data) == 0)
        return TRUE;
    }
  return FALSE;
}

static AttPurchaseOrder *
find_order (AttProduct *product,
            const char *order_id)
{
  GListModel *orders = att_product_get_purchase_orders (product);

  for (guint i = 0; i < g_list_model_get_n_items (orders); i++)
    {
      g_autoptr(AttPurchaseOrder) po = g_list_model_get_item (orders, i);

      if (g_strcmp0 (att_purchase_order_get_purchase_order_id (po), order_id) == 0)
        return g_steal_pointer (&po);
    }
  return NULL;
}

static void
test_add (Fixture      *f,
          gconstpointer data)
{
  g_autoptr(AttProduct) target = NULL;
  g_autoptr(AttProduct) stored = NULL;
  g_autoptr(AttPurchaseOrder) po = NULL;
  AttPurchaseOrderDialog *dialog;

  wait_filled (f);
  target = server_product (f, NULL, 42);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "purchase-orders.add", NULL);
  att_test_wait_until (ATT_TEST_PREDICATE (dialog_open), f, GINT_TO_POINTER (TRUE), "the dialog");
  dialog = find_dialog ();

  /* The product is found in the cache by its id. */
  gtk_editable_set_text (dialog_child (dialog, "product_search"), att_product_get_id (target));
  att_test_wait_until (ATT_TEST_PREDICATE (match_found), f, att_product_get_id (target), "the product among the matches");
  choose_product (dialog, att_product_get_id (target));
  g_assert_cmpstr (att_purchase_order_dialog_get_product_id (dialog), ==, att_product_get_id (target));

  /* A date that does not exist is refused on its field, before sending. */
  fill (dialog, "PO-FROM-THE-VIEW", "2032-02-30", "77", "fem-view-1");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "order.save", NULL);
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "date_error")));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "amount_error")));
  g_assert_true (find_dialog () == dialog);

  /* Not a number either. */
  fill (dialog, "PO-FROM-THE-VIEW", "2032-02-29", "seventy", "fem-view-1");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "order.save", NULL);
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "date_error")));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "amount_error")));

  fill (dialog, "PO-FROM-THE-VIEW", "2032-02-29", "77", "fem-view-1");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "order.save", NULL);
  att_test_wait_until (ATT_TEST_PREDICATE (dialog_open), f, GINT_TO_POINTER (FALSE), "the dialog to close after saving");

  /* The server has it on the product... */
  stored = server_product (f, att_product_get_id (target), 0);
  po = find_order (stored, "PO-FROM-THE-VIEW");
  g_assert_nonnull (po);
  g_assert_cmpstr (att_purchase_order_get_purchase_date (po), ==, "2032-02-29");
  g_assert_cmpfloat (att_purchase_order_get_amount_purchase (po), ==, 77);
  g_assert_cmpstr (att_purchase_order_get_fem_id (po), ==, "fem-view-1");
  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_purchase_orders (stored)), ==,
                    g_list_model_get_n_items (att_product_get_purchase_orders (target)) + 1);

  /* ... and the view lists it, from the saved product, without a scan. */
  att_test_wait_until (ATT_TEST_PREDICATE (listed), f, "PO-FROM-THE-VIEW", "the new order in the list");
  g_assert_false (att_product_cache_get_refreshing (f->cache));
}

/* --- Editing and removing ------------------------------------------------ */

static gboolean
confirm_open (Fixture      *f,
              gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(AdwMessageDialog **) data = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
not_listed (Fixture      *f,
            gconstpointer data)
{
  return !listed (f, data);
}

static void
test_edit_and_remove (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(AttPurchaseOrderRow) row = NULL;
  g_autoptr(AttProduct) stored = NULL;
  g_autofree char        *product_id = NULL;
  g_autofree char        *new_number = NULL;
  AttPurchaseOrderDialog *dialog;
  AdwMessageDialog       *confirm = NULL;
  GtkSingleSelection     *selection;

  wait_filled (f);
  row = g_list_model_get_item (att_purchase_orders_page_get_model (f->page), 3);
  product_id = g_strdup (att_purchase_order_row_get_product_id (row));
  new_number = g_strconcat (att_purchase_order_row_get_purchase_order_id (row), "-EDITED", NULL);

  /* Activating a row edits it. */
  g_signal_emit_by_name (page_child (f, "column_view"), "activate", 3);
  att_test_wait_until (ATT_TEST_PREDICATE (dialog_open), f, GINT_TO_POINTER (TRUE), "the edit dialog");
  dialog = find_dialog ();
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "product_search")));
  gtk_editable_set_text (dialog_child (dialog, "order_entry"), new_number);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "order.save", NULL);
  att_test_wait_until (ATT_TEST_PREDICATE (dialog_open), f, GINT_TO_POINTER (FALSE), "the dialog to close after saving");
  att_test_wait_until (ATT_TEST_PREDICATE (listed), f, new_number, "the edited order in the list");
  stored = server_product (f, product_id, 0);
  g_assert_nonnull (find_order (stored, new_number));
  g_clear_object (&stored);

  /* Removing asks first, then the order is gone from the server and the list. */
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (page_child (f, "column_view")));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(AttPurchaseOrderRow) candidate = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (g_strcmp0 (att_purchase_order_row_get_purchase_order_id (candidate), new_number) == 0)
        gtk_single_selection_set_selected (selection, i);
    }
  gtk_widget_activate_action (GTK_WIDGET (f->page), "purchase-orders.remove", NULL);
  att_test_wait_until (ATT_TEST_PREDICATE (confirm_open), f, &confirm, "the confirmation");
  adw_message_dialog_response (confirm, "remove");
  att_test_wait_until (ATT_TEST_PREDICATE (not_listed), f, new_number, "the order gone from the list");
  stored = server_product (f, product_id, 0);
  g_assert_null (find_order (stored, new_number));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/purchase-orders-page/rows", Fixture, NULL, fixture_setup, test_rows, fixture_teardown);
  g_test_add ("/purchase-orders-page/filter", Fixture, NULL, fixture_setup, test_filter, fixture_teardown);
  g_test_add ("/purchase-orders-page/add", Fixture, NULL, fixture_setup, test_add, fixture_teardown);
  g_test_add ("/purchase-orders-page/edit-and-remove", Fixture, NULL, fixture_setup, test_edit_and_remove,
              fixture_teardown);

  return g_test_run ();
}
