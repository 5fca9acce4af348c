/* test-publish.c: publishing a selection of the Products view to the
 * French portal, against a sandbox, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "att-context.h"
#include "att-eco-score.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-paged-model.h"
#include "att-product.h"
#include "att-products-page.h"
#include "att-publish-outcome.h"
#include "att-sandbox.h"
#include "att-test-utils.h"
#include "att-test-widgets.h"
#include "eco/att-publish-dialog.h"
#include "eco/att-publish-results.h"

#define PUBLISH_PATH "/pic-api/v1/french-label/publish"
#define N_PRODUCTS   120
/* What the page hangs on each row's check (att-products-page-select.c). */
#define PRODUCT_KEY "att-product"

typedef struct
{
  AttSandbox       *sandbox;
  AttHttp          *http;
  AttHiggClient    *client;
  AttContext       *context;
  GtkWindow        *window;
  AttProductsPage  *page;
  AttPublishDialog *dialog;
  gboolean          interrupted;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_add_generated_products (f->sandbox, N_PRODUCTS, 7, &error);
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
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  gtk_window_destroy (f->window);
  g_clear_object (&f->context);
  att_test_sandbox_disconnect (&f->sandbox, &f->http, &f->client);
}

/* --- The list ------------------------------------------------------------ */

static gboolean
all_loaded (Fixture      *f,
            gconstpointer data)
{
  AttPagedModel *model = ATT_PAGED_MODEL (att_products_page_get_model (f->page));
  guint          n;

  if (model == NULL || !att_paged_model_get_loaded (model) || att_paged_model_get_loading (model))
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    if (!att_paged_model_is_item_loaded (model, i))
      return FALSE;
  return n == N_PRODUCTS;
}

static gboolean
model_loaded (Fixture      *f,
              gconstpointer data)
{
  AttPagedModel *model = ATT_PAGED_MODEL (att_products_page_get_model (f->page));

  return model != NULL && att_paged_model_get_loaded (model);
}

/* Asks for every row, so that every page is fetched. */
static void
load_all (Fixture *f)
{
  GListModel *model;

  att_test_wait_until (ATT_TEST_PREDICATE (model_loaded), f, NULL, "the first page");
  model = att_products_page_get_model (f->page);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_object_unref (g_list_model_get_item (model, i));
  att_test_wait_until (ATT_TEST_PREDICATE (all_loaded), f, NULL, "every page");
}

/* The outcome the sandbox gives @product on its first publish. */
static AttPublishOutcomeKind
expected_kind (AttProduct *product)
{
  AttEcoScore *score = att_product_get_eco_score (product);

  if (!att_product_get_eligible (product) || score == NULL ||
      g_strcmp0 (att_eco_score_get_status (score), "Complete") != 0)
    return ATT_PUBLISH_OUTCOME_SKIPPED;
  if (g_strcmp0 (att_product_get_identifier_type (product), "GTIN") != 0)
    return ATT_PUBLISH_OUTCOME_FAILED;
  return ATT_PUBLISH_OUTCOME_SUCCEEDED;
}

static AttProduct *
product_of (GtkWidget *check)
{
  AttProduct *product = g_object_get_data (G_OBJECT (check), PRODUCT_KEY);

  return product != NULL && !att_product_is_placeholder (product) ? product : NULL;
}

static void
collect_checks (GtkWidget *widget,
                GPtrArray *checks)
{
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_widget_get_mapped (widget) && product_of (widget) != NULL)
    g_ptr_array_add (checks, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_checks (child, checks);
}

/* The checks of the rows on screen, with their products loaded. */
static GPtrArray *
shown_checks (Fixture *f)
{
  GPtrArray *checks = g_ptr_array_new ();

  collect_checks (GTK_WIDGET (f->page), checks);
  return checks;
}

static gboolean
checks_shown (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(GPtrArray) checks = shown_checks (f);

  return checks->len > 0;
}

static GtkWidget *
check_of (Fixture    *f,
          const char *id)
{
  g_autoptr(GPtrArray) checks = shown_checks (f);

  for (guint i = 0; i < checks->len; i++)
    if (g_strcmp0 (att_product_get_id (product_of (checks->pdata[i])), id) == 0)
      return checks->pdata[i];
  return NULL;
}

static gboolean
has_label (GtkWidget    *widget,
           gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_publish_button (GtkWidget    *widget,
                   gconstpointer data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "products.publish") == 0;
}

static gboolean
is_select_button (GtkWidget    *widget,
                  gconstpointer data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "products.selection-mode") == 0;
}

/* --- The dialogs ----------------------------------------------------------- */

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
dialog_done (Fixture      *f,
             gconstpointer data)
{
  return !att_publish_dialog_get_running (f->dialog);
}

/* Publishes the checked products as the user does: products.publish,
 * then Publish in the confirmation, which names how many. */
static void
publish_checked (Fixture *f,
                 guint    n_expected)
{
  AdwMessageDialog *confirm;
  g_autofree char  *count = g_strdup_printf ("%u products", n_expected);

  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  f->dialog = NULL;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "products.publish", NULL));
  confirm = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirm);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), count));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "last three months"));
  adw_message_dialog_response (confirm, "publish");
  gtk_window_destroy (GTK_WINDOW (confirm));

  f->dialog = ATT_PUBLISH_DIALOG (find_toplevel (ATT_TYPE_PUBLISH_DIALOG));
  g_assert_nonnull (f->dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (f->dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (f->dialog)) == f->window);
}

static gboolean
is_row_of (GtkWidget    *widget,
           gconstpointer id)
{
  return ADW_IS_ACTION_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), id) == 0;
}

static AdwActionRow *
row_of (Fixture    *f,
        const char *id)
{
  return ADW_ACTION_ROW (att_test_find_widget (GTK_WIDGET (f->dialog), is_row_of, id));
}

static guint
n_rows (Fixture *f)
{
  GtkListBox *list = GTK_LIST_BOX (att_test_find_of_type (GTK_WIDGET (f->dialog), GTK_TYPE_LIST_BOX));
  guint       n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* The row of @product says its name, its outcome in words and, among the
 * outcome's details, @details. */
static void
check_row (Fixture              *f,
           AttProduct           *product,
           AttPublishOutcomeKind kind,
           const char           *details)
{
  AdwActionRow *row = row_of (f, att_product_get_id (product));
  const char   *subtitle;

  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   att_product_get_name (product));
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (row), has_label,
                                          att_publish_outcome_kind_to_words (kind)));
  subtitle = adw_action_row_get_subtitle (row);
  g_assert_nonnull (subtitle);
  if (strstr (subtitle, details) == NULL)
    g_error ("row of %s says “%s”, not “%s”", att_product_get_id (product), subtitle, details);
}

static const char *
first_details (AttProduct           *product,
               AttPublishOutcomeKind kind)
{
  switch (kind)
    {
    case ATT_PUBLISH_OUTCOME_SUCCEEDED:
      return "Reference AE-";

    case ATT_PUBLISH_OUTCOME_FAILED:
      return "(HTTP status 422)";

    case ATT_PUBLISH_OUTCOME_SKIPPED:
    default:
      return att_product_get_eligibility_messages (product) != NULL
               ? att_product_get_eligibility_messages (product)[0]
               : "";
    }
}

static void
check_summary (Fixture    *f,
               const char *summary)
{
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->dialog), has_label, summary));
}

/* With ATTEST_SCREENSHOT_DIR set, saves @window as NAME.png there. */
static void
maybe_screenshot (GtkWidget  *window,
                  const char *name)
{
  const char      *dir = g_getenv ("ATTEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  if (dir == NULL || *dir == '\0')
    return;
  att_test_run_for (600);
  paintable = gtk_widget_paintable_new (window);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* --- Tests ------------------------------------------------------------------ */

/* Checks the first product of each outcome among the rows on screen. */
static GPtrArray *
check_one_of_each (Fixture *f)
{
  g_autoptr(GPtrArray) checks = shown_checks (f);
  GPtrArray *picked = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean   have[3] = { FALSE };

  for (guint i = 0; i < checks->len && picked->len < 3; i++)
    {
      AttProduct           *product = product_of (checks->pdata[i]);
      AttPublishOutcomeKind kind = expected_kind (product);

      /* A screen reader says which product a check is for. */
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (checks->pdata[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           att_product_get_name (product));
      if (have[kind])
        continue;
      have[kind] = TRUE;
      g_ptr_array_add (picked, g_object_ref (product));
      gtk_widget_activate (checks->pdata[i]);
    }
  g_assert_cmpuint (picked->len, ==, 3);
  return picked;
}

static void
test_select_and_publish (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(GPtrArray) picked = NULL;
  g_auto(GStrv) ids = NULL;
  GtkWidget *bar_label;
  GtkWidget *publish_button;
  GtkWidget *select_button;

  load_all (f);
  g_assert_false (att_products_page_get_selection_mode (f->page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "products.selection-mode", NULL));
  g_assert_true (att_products_page_get_selection_mode (f->page));
  att_test_wait_until (ATT_TEST_PREDICATE (checks_shown), f, NULL, "the checks");

  select_button = att_test_find_widget (GTK_WIDGET (f->page), is_select_button, NULL);
  g_assert_nonnull (select_button);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (select_button)));

  picked = check_one_of_each (f);
  ids = att_products_page_get_checked_ids (f->page);
  g_assert_cmpuint (g_strv_length (ids), ==, 3);
  bar_label = att_test_find_widget (GTK_WIDGET (f->page), has_label, "3 selected");
  g_assert_nonnull (bar_label);
  att_test_wait_until (ATT_TEST_PREDICATE (gtk_widget_get_mapped), bar_label, NULL, "the selection bar");
  maybe_screenshot (GTK_WIDGET (f->window), "publish-selection");

  /* The checks are the products', not the rows': they survive a reload. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "products.reload", NULL));
  load_all (f);
  att_test_wait_until (ATT_TEST_PREDICATE (checks_shown), f, NULL, "the checks again");
  for (guint i = 0; i < picked->len; i++)
    {
      GtkWidget *check = check_of (f, att_product_get_id (picked->pdata[i]));

      g_assert_nonnull (check);
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
      g_assert_cmpstr (att_product_get_id (picked->pdata[i]), ==, ids[i]);
    }

  publish_checked (f, 3);
  att_test_wait_until (ATT_TEST_PREDICATE (dialog_done), f, NULL, "the publish");
  g_assert_cmpuint (att_publish_dialog_get_outcomes (f->dialog)->len, ==, 3);
  g_assert_cmpuint (n_rows (f), ==, 3);
  for (guint i = 0; i < picked->len; i++)
    check_row (f, picked->pdata[i], expected_kind (picked->pdata[i]),
               first_details (picked->pdata[i], expected_kind (picked->pdata[i])));
  check_summary (f, "1 published, 1 failed, 1 skipped");
  maybe_screenshot (GTK_WIDGET (f->dialog), "publish-results");

  /* Published again: the one published is inside its lock, and says when
   * it may be published again. */
  publish_checked (f, 3);
  att_test_wait_until (ATT_TEST_PREDICATE (dialog_done), f, NULL, "the second publish");
  for (guint i = 0; i < picked->len; i++)
    {
      AttPublishOutcomeKind first = expected_kind (picked->pdata[i]);

      if (first == ATT_PUBLISH_OUTCOME_SUCCEEDED)
        check_row (f, picked->pdata[i], ATT_PUBLISH_OUTCOME_SKIPPED,
                   "Published less than three months ago: can be published again on ");
      else
        check_row (f, picked->pdata[i], first, first_details (picked->pdata[i], first));
    }
  check_summary (f, "0 published, 1 failed, 2 skipped");

  /* Leaving selection mode unchecks all. */
  gtk_window_destroy (GTK_WINDOW (f->dialog));
  f->dialog = NULL;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "products.leave-selection", NULL));
  g_assert_false (att_products_page_get_selection_mode (f->page));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (select_button)));
  g_clear_pointer (&ids, g_strfreev);
  ids = att_products_page_get_checked_ids (f->page);
  g_assert_cmpuint (g_strv_length (ids), ==, 0);

  /* With nothing checked there is nothing to publish. */
  att_products_page_set_selection_mode (f->page, TRUE);
  publish_button = att_test_find_widget (GTK_WIDGET (f->page), is_publish_button, NULL);
  g_assert_nonnull (publish_button);
  g_assert_false (gtk_widget_is_sensitive (publish_button));
  g_assert_nonnull (gtk_widget_get_tooltip_text (publish_button));
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->page), has_label, "0 selected"));
}

/* Checks every product with Ctrl+A's action. */
static void
check_all (Fixture *f)
{
  g_auto(GStrv) ids = NULL;

  load_all (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "products.select-all", NULL));
  g_assert_true (att_products_page_get_selection_mode (f->page));
  ids = att_products_page_get_checked_ids (f->page);
  g_assert_cmpuint (g_strv_length (ids), ==, N_PRODUCTS);
}

static AttProduct *
product_by_id (Fixture    *f,
               const char *id)
{
  GListModel *model = att_products_page_get_model (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (model, i);

      if (g_strcmp0 (att_product_get_id (product), id) == 0)
        return product;
    }
  g_assert_not_reached ();
}

static void
on_text_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
text_arrived (char        **text,
              gconstpointer data)
{
  return *text != NULL;
}

static char *
copied_text (Fixture *f)
{
  char *text = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "publish.copy", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (f->dialog)), NULL, on_text_read, &text);
  att_test_wait_until (ATT_TEST_PREDICATE (text_arrived), &text, NULL, "the clipboard");
  return text;
}

static void
on_csv_written (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  int *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (att_publish_results_write_csv_finish (result, &error));
  g_assert_no_error (error);
  *done = 1;
}

static gboolean
flag_set (int          *flag,
          gconstpointer data)
{
  return *flag != 0;
}

static char *
exported_csv (Fixture *f)
{
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("test-publish-XXXXXX.csv", &stream, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *outcomes = att_publish_dialog_get_outcomes (f->dialog);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  int   done = 0;

  g_assert_nonnull (file);
  for (guint i = 0; i < outcomes->len; i++)
    {
      const char *id = att_publish_outcome_get_product_id (outcomes->pdata[i]);

      g_hash_table_insert (names, (gpointer) id, (gpointer) att_product_get_name (product_by_id (f, id)));
    }
  att_publish_results_write_csv_async (outcomes, names, file, NULL, on_csv_written, &done);
  att_test_wait_until (ATT_TEST_PREDICATE (flag_set), &done, NULL, "the CSV");
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_no_error (error);
  g_file_delete (file, NULL, NULL);
  return contents;
}

static void
check_csv_line (const char        *line,
                AttPublishOutcome *outcome)
{
  static const char *const words[] = { "succeeded", "failed", "skipped" };
  g_autofree char         *start = g_strdup_printf ("%s,", att_publish_outcome_get_product_id (outcome));
  AttPublishOutcomeKind    kind = att_publish_outcome_get_kind (outcome);
  g_autofree char         *word = g_strdup_printf (",%s,", words[kind]);

  g_assert_true (g_str_has_prefix (line, start));
  g_assert_nonnull (strstr (line, word));
  if (kind == ATT_PUBLISH_OUTCOME_SUCCEEDED)
    g_assert_nonnull (strstr (line, att_publish_outcome_get_internal_reference (outcome)));
  else if (kind == ATT_PUBLISH_OUTCOME_FAILED)
    g_assert_nonnull (strstr (line, "(HTTP 422)"));
  else
    g_assert_nonnull (strstr (line, att_publish_outcome_get_reasons (outcome)[0]));
}

static gboolean
file_written (GFile        *file,
              gconstpointer data)
{
  return g_file_query_exists (file, NULL);
}

/* Export… asks where (GtkFileChooserNative, here its in-process dialog)
 * and writes the same CSV there. */
static void
check_export (Fixture    *f,
              const char *csv)
{
  g_autofree char *dir = g_dir_make_tmp ("test-publish-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "outcomes.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *contents = NULL;
  GtkWindow       *chooser;

#ifdef __SANITIZE_ADDRESS__
  /* GTK's file chooser leaks in libcloudproviders, where LSan's fast
   * unwinding cannot see to suppress it. */
  g_test_message ("built with ASan: Export… not checked");
  return;
#endif
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "publish.export", NULL));
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  if (chooser == NULL)
    {
      g_test_message ("the file chooser is not in this process: Export… not checked");
      return;
    }
  att_test_wait_until (ATT_TEST_PREDICATE (gtk_widget_get_mapped), chooser, NULL, "the file chooser");
  att_test_run_for (300);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  att_test_run_for (300);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "outcomes.csv");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  att_test_wait_until (ATT_TEST_PREDICATE (file_written), file, NULL, "the exported file");
  att_test_run_for (200);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, csv);
  g_unlink (path);
  g_rmdir (dir);
}

/* 120 products go out as three requests of at most 50; every product has
 * its row, in the copied text and in the CSV. */
static void
test_publish_120 (Fixture      *f,
                  gconstpointer data)
{
  guint            before;
  GPtrArray       *outcomes;
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  check_all (f);
  before = att_sandbox_get_request_count (f->sandbox, PUBLISH_PATH);
  publish_checked (f, N_PRODUCTS);
  att_test_wait_until (ATT_TEST_PREDICATE (dialog_done), f, NULL, "the publish");
  g_assert_cmpuint (att_sandbox_get_request_count (f->sandbox, PUBLISH_PATH) - before, ==, 3);

  outcomes = att_publish_dialog_get_outcomes (f->dialog);
  g_assert_cmpuint (outcomes->len, ==, N_PRODUCTS);
  g_assert_cmpuint (n_rows (f), ==, N_PRODUCTS);
  for (guint i = 0; i < outcomes->len; i++)
    {
      AttProduct           *product = product_by_id (f, att_publish_outcome_get_product_id (outcomes->pdata[i]));
      AttPublishOutcomeKind kind = expected_kind (product);

      g_assert_cmpint (att_publish_outcome_get_kind (outcomes->pdata[i]), ==, kind);
      check_row (f, product, kind, first_details (product, kind));
    }

  text = copied_text (f);
  summary = att_publish_results_summary (outcomes);
  g_assert_true (g_str_has_prefix (text, summary));
  for (guint i = 0; i < outcomes->len; i++)
    {
      AttPublishOutcome *outcome = outcomes->pdata[i];
      g_autofree char   *line = g_strdup_printf ("(%s): %s\n", att_publish_outcome_get_product_id (outcome),
                                                 att_publish_outcome_kind_to_words (
                                                   att_publish_outcome_get_kind (outcome)));

      g_assert_nonnull (strstr (text, line));
    }

  csv = exported_csv (f);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, N_PRODUCTS + 2);
  g_assert_cmpstr (lines[0], ==, "id,name,outcome,reference,published_at,next_eligible_at,details");
  g_assert_cmpstr (lines[N_PRODUCTS + 1], ==, "");
  for (guint i = 0; i < outcomes->len; i++)
    check_csv_line (lines[i + 1], outcomes->pdata[i]);
  check_export (f, csv);
}

/* After the first batch is told, the next request fails (or the user
 * cancels): what was done stays, with the error, and Retry sends the
 * rest. */
static void
on_first_batch (GtkProgressBar *bar,
                GParamSpec     *pspec,
                Fixture        *f)
{
  if (f->interrupted || gtk_progress_bar_get_fraction (bar) <= 0)
    return;
  f->interrupted = TRUE;
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (bar), "att-test-cancel")))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "publish.cancel", NULL));
  else
    att_sandbox_inject_failure_path (f->sandbox, SOUP_STATUS_SERVICE_UNAVAILABLE, 1, PUBLISH_PATH);
}

static gboolean
has_label_prefix (GtkWidget    *widget,
                  gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

static void
test_interrupted (Fixture      *f,
                  gconstpointer data)
{
  gboolean   cancel = GPOINTER_TO_INT (data);
  GtkWidget *bar;
  guint      before;

  check_all (f);
  before = att_sandbox_get_request_count (f->sandbox, PUBLISH_PATH);
  publish_checked (f, N_PRODUCTS);
  bar = att_test_find_of_type (GTK_WIDGET (f->dialog), GTK_TYPE_PROGRESS_BAR);
  g_object_set_data (G_OBJECT (bar), "att-test-cancel", GINT_TO_POINTER (cancel));
  g_signal_connect (bar, "notify::fraction", G_CALLBACK (on_first_batch), f);
  att_test_wait_until (ATT_TEST_PREDICATE (dialog_done), f, NULL, "the publish");
  g_signal_handlers_disconnect_by_data (bar, f);

  /* The first batch was told; the second was refused or never sent. */
  g_assert_true (f->interrupted);
  g_assert_cmpuint (att_publish_dialog_get_outcomes (f->dialog)->len, ==, 50);
  g_assert_cmpuint (n_rows (f), ==, 50);
  maybe_screenshot (GTK_WIDGET (f->dialog), cancel ? "publish-cancelled" : "publish-stopped");
  g_assert_cmpuint (att_sandbox_get_request_count (f->sandbox, PUBLISH_PATH) - before, ==, cancel ? 1 : 2);
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->dialog), has_label_prefix,
                                          cancel ? "Cancelled." : "Publishing stopped: "));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "publish.retry", NULL));
  att_test_wait_until (ATT_TEST_PREDICATE (dialog_done), f, NULL, "the rest");
  g_assert_cmpuint (att_publish_dialog_get_outcomes (f->dialog)->len, ==, N_PRODUCTS);
  g_assert_cmpuint (n_rows (f), ==, N_PRODUCTS);
  g_assert_cmpuint (att_sandbox_get_request_count (f->sandbox, PUBLISH_PATH) - before, ==, cancel ? 3 : 4);
}

/* The row that holds @check: what has the focus when the user moves
 * through the list with the keyboard. */
static GtkWidget *
row_of_check (GtkWidget *check)
{
  GtkWidget *row = check;

  while (row != NULL && !GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)))
    row = gtk_widget_get_parent (row);
  return row;
}

static gboolean
check_inactive (GtkWidget    *check,
                gconstpointer data)
{
  return !gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
}

static gboolean
press_key (Fixture    *f,
           const char *key)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *command = NULL;
  GdkSurface      *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  int              status = 0;

  if (xdotool == NULL || !GDK_IS_X11_SURFACE (surface))
    return FALSE;
  command = g_strdup_printf ("%s windowfocus --sync %lu key %s", xdotool,
                             (gulong) gdk_x11_surface_get_xid (surface), key);
  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, NULL) || !g_spawn_check_wait_status (status, NULL))
    return FALSE;
  g_test_message ("%s pressed through the X server", key);
  return TRUE;
}

static gboolean
all_checked (Fixture      *f,
             gconstpointer data)
{
  g_auto(GStrv) ids = att_products_page_get_checked_ids (f->page);

  return g_strv_length (ids) == N_PRODUCTS;
}

static gboolean
selection_left (Fixture      *f,
                gconstpointer data)
{
  return !att_products_page_get_selection_mode (f->page);
}

/* Space (products.toggle-check) checks and unchecks the focused row. */
static void
test_space_toggles (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(GPtrArray) checks = NULL;
  g_auto(GStrv) ids = NULL;
  GtkWidget  *check;
  GtkWidget  *row;
  AttProduct *product;

  load_all (f);
  /* Outside selection mode, Space is the list's: nothing is checked. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "products.toggle-check", NULL);
  ids = att_products_page_get_checked_ids (f->page);
  g_assert_cmpuint (g_strv_length (ids), ==, 0);
  g_clear_pointer (&ids, g_strfreev);

  att_products_page_set_selection_mode (f->page, TRUE);
  att_test_wait_until (ATT_TEST_PREDICATE (checks_shown), f, NULL, "the checks");
  checks = shown_checks (f);
  check = checks->pdata[1];
  product = product_of (check);
  row = row_of_check (check);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (row));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "products.toggle-check", NULL));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  ids = att_products_page_get_checked_ids (f->page);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, att_product_get_id (product));

  /* The key itself, through the X server, when xdotool is there. */
  if (press_key (f, "space"))
    att_test_wait_until (ATT_TEST_PREDICATE (check_inactive), check, NULL, "Space to uncheck");
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "products.toggle-check", NULL));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_clear_pointer (&ids, g_strfreev);
  ids = att_products_page_get_checked_ids (f->page);
  g_assert_cmpuint (g_strv_length (ids), ==, 0);

  /* Ctrl+A checks every loaded product, Escape leaves selection mode. */
  if (!press_key (f, "ctrl+a"))
    return;
  att_test_wait_until (ATT_TEST_PREDICATE (all_checked), f, NULL, "Ctrl+A");
  g_assert_true (press_key (f, "Escape"));
  att_test_wait_until (ATT_TEST_PREDICATE (selection_left), f, NULL, "Escape");
  g_clear_pointer (&ids, g_strfreev);
  ids = att_products_page_get_checked_ids (f->page);
  g_assert_cmpuint (g_strv_length (ids), ==, 0);
}

static AttPublishOutcome *
outcome_of (GPtrArray  *outcomes,
            const char *id)
{
  for (guint i = 0; i < outcomes->len; i++)
    if (g_strcmp0 (att_publish_outcome_get_product_id (outcomes->pdata[i]), id) == 0)
      return outcomes->pdata[i];
  g_assert_not_reached ();
}

/* The words for what the sandbox never says: a reason the app does not
 * know is shown as sent, a lock with its date, a refusal without status;
 * and the CSV quotes what needs quoting. */
static void
test_words_and_csv (void)
{
  g_autoptr(JsonNode) root = att_test_parse_value (
    "{\"succeeded\": [{\"productId\": \"a\", \"internalReference\": \"AE-1\","
    "                  \"publishedAt\": 1700000000000, \"nextEligibleAt\": 1707955200000}],"
    " \"failed\": [{\"productId\": \"b\", \"error\": \"Refused, \\\"twice\\\"\"}],"
    " \"skipped\": [{\"productId\": \"c\", \"reasons\": [{\"message\": \"GroupAbortedDueToPeer\"},"
    "                                          {\"message\": \"WithinThreeMonthLock\"}],"
    "               \"nextEligibleAt\": 1707955200000, \"driftedPeer\": \"a\"}]}");
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *published = NULL;
  g_autofree char *failed = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) lines = NULL;

  outcomes = att_publish_outcomes_from_json (root, NULL, &error);
  g_assert_no_error (error);
  g_hash_table_insert (names, (gpointer) "a", (gpointer) "Shirt, blue");

  published = att_publish_outcome_describe (outcome_of (outcomes, "a"));
  g_assert_true (g_str_has_prefix (published, "Reference AE-1\nCan be published again on "));
  failed = att_publish_outcome_describe (outcome_of (outcomes, "b"));
  g_assert_cmpstr (failed, ==, "Refused, \"twice\"");
  skipped = att_publish_outcome_describe (outcome_of (outcomes, "c"));
  g_assert_true (g_str_has_prefix (skipped, "GroupAbortedDueToPeer\nPublished less than three months ago: "
                                            "can be published again on "));
  summary = att_publish_results_summary (outcomes);
  g_assert_cmpstr (summary, ==, "1 published, 1 failed, 1 skipped");

  csv = att_publish_results_to_csv (outcomes, names);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[1], ==, "a,\"Shirt, blue\",succeeded,AE-1,2023-11-14T22:13:20Z,2024-02-15T00:00:00Z,");
  g_assert_cmpstr (lines[2], ==, "b,b,failed,,,,\"Refused, \"\"twice\"\"\"");
  g_assert_cmpstr (lines[3], ==, "c,c,skipped,,,2024-02-15T00:00:00Z,GroupAbortedDueToPeer; WithinThreeMonthLock");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/publish/words-and-csv", test_words_and_csv);
  g_test_add ("/publish/select-and-publish", Fixture, NULL, fixture_setup, test_select_and_publish,
              fixture_teardown);
  g_test_add ("/publish/space-toggles", Fixture, NULL, fixture_setup, test_space_toggles, fixture_teardown);
  g_test_add ("/publish/120-products", Fixture, NULL, fixture_setup, test_publish_120, fixture_teardown);
  g_test_add ("/publish/transport-error", Fixture, GINT_TO_POINTER (FALSE), fixture_setup, test_interrupted,
              fixture_teardown);
  g_test_add ("/publish/cancel", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_interrupted,
              fixture_teardown);
  return g_test_run ();
}
