/* test-label-export.c: saving the official labels of a selection into a
 * folder, against the real sandbox over loopback HTTP, and the small
 * window that does it under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "att-eco-score.h"
#include "att-page.h"
#include "att-paged-model.h"
#include "att-product.h"
#include "att-products-page.h"
#include "att-test-utils.h"
#include "att-test-widgets.h"
#include "eco/att-label-export-window.h"
#include "eco/att-label-export.h"

#define LABEL_PATH "/pic-api/v1/french-label/image"
#define N_PRODUCTS 120

typedef struct
{
  AttSandbox    *sandbox;
  AttHttp       *http;
  AttHiggClient *client;
  AttContext    *context;
  GPtrArray     *products; /* of AttProduct, as the server lists them */
  char          *dir;
  GFile         *folder;
} Fixture;

static void
load_products (Fixture *f)
{
  f->products = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint from = 0; from < N_PRODUCTS; from += 100)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(AttPage) page = NULL;
      g_autoptr(GError) error = NULL;
      GListModel *items;

      att_higg_client_search_products_async (f->client, NULL, NULL, from, 100, NULL, att_test_store_result,
                                             &result);
      page = att_higg_client_search_products_finish (f->client, att_test_await_result (&result), &error);
      g_assert_no_error (error);
      items = att_page_get_items (page);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        g_ptr_array_add (f->products, g_list_model_get_item (items, i));
    }
  g_assert_cmpuint (f->products->len, ==, N_PRODUCTS);
}

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
  load_products (f);
  f->dir = g_dir_make_tmp ("attest-labels-XXXXXX", &error);
  g_assert_no_error (error);
  f->folder = g_file_new_for_path (f->dir);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  att_test_remove_dir (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_object (&f->folder);
  g_clear_pointer (&f->products, g_ptr_array_unref);
  g_clear_object (&f->context);
  att_test_sandbox_disconnect (&f->sandbox, &f->http, &f->client);
}

static AttProduct *
product (Fixture *f,
         guint    i)
{
  return g_ptr_array_index (f->products, i);
}

/* The sandbox answers a label only for an eligible product whose score is
 * Complete (docs/api-higg-sandbox.md). */
static gboolean
has_label (AttProduct *p)
{
  AttEcoScore *score = att_product_get_eco_score (p);

  return att_product_get_eligible (p) && score != NULL &&
         att_eco_score_get_status_kind (score) == ATT_ECO_SCORE_STATUS_COMPLETE;
}

static GStrv
all_ids (Fixture *f,
         guint    n)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, att_product_get_id (product (f, i)));
  return g_strv_builder_end (builder);
}

static GHashTable *
all_names (Fixture *f)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < f->products->len; i++)
    g_hash_table_insert (names, g_strdup (att_product_get_id (product (f, i))),
                         g_strdup (att_product_get_name (product (f, i))));
  return names;
}

static GPtrArray *
files_in (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray  *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  return names;
}

static gboolean
run (AttLabelExport *export,
     GCancellable *cancellable,
     GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_label_export_run_async (export, cancellable, att_test_store_result, &result);
  return att_label_export_run_finish (export, att_test_await_result (&result), error);
}

static guint
n_with_labels (Fixture *f,
               guint    n)
{
  guint count = 0;

  for (guint i = 0; i < n; i++)
    count += has_label (product (f, i));
  return count;
}

static void
check_svg (GFile *file)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_file_get_path (file);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<svg") || g_str_has_prefix (contents, "<?xml"));
}

/* --- Names --------------------------------------------------------------- */

static void
test_file_name (void)
{
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *a = att_label_export_file_name ("Shirts/Blue", "id-1");
  g_autofree char *b = att_label_export_file_name ("..hidden", "id-1");
  g_autofree char *c = att_label_export_file_name ("  spaced  ", "id-1");
  g_autofree char *d = att_label_export_file_name ("", "id-1");
  g_autofree char *e = att_label_export_file_name (". . .", "id-1");
  g_autofree char *g = NULL;

  g_assert_cmpstr (a, ==, "Shirts-Blue");
  g_assert_cmpstr (b, ==, "hidden");
  g_assert_cmpstr (c, ==, "spaced");
  g_assert_cmpstr (d, ==, "id-1");
  g_assert_cmpstr (e, ==, "id-1");
  for (guint i = 0; i < 150; i++)
    g_string_append (long_name, "é");
  g = att_label_export_file_name (long_name->str, "id-1");
  g_assert_cmpuint (g_utf8_strlen (g, -1), ==, 100);
  g_assert_true (g_utf8_validate (g, -1, NULL));
}

/* --- 120 products -------------------------------------------------------- */

static void
check_missing (Fixture *f,
               AttLabelExport *export,
               GHashTable *names)
{
  GPtrArray *missing = att_label_export_get_missing (export);
  guint      k = 0;

  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      const char      *name = g_hash_table_lookup (names, att_product_get_id (product (f, i)));
      g_autofree char *prefix = g_strconcat (name, ": ", NULL);
      const char      *line;

      if (has_label (product (f, i)))
        continue;
      line = g_ptr_array_index (missing, k++);
      g_assert_true (g_str_has_prefix (line, prefix));
      g_assert_cmpuint (strlen (line), >, strlen (prefix));
    }
  g_assert_cmpuint (k, ==, missing->len);
}

static void
check_saved (AttLabelExport *export,
             guint expected)
{
  GPtrArray *saved = att_label_export_get_saved_files (export);
  g_autoptr(GHashTable) unique = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpuint (saved->len, ==, expected);
  for (guint i = 0; i < saved->len; i++)
    {
      check_svg (g_ptr_array_index (saved, i));
      g_assert_true (g_hash_table_add (unique, g_file_get_basename (g_ptr_array_index (saved, i))));
    }
}

static gboolean
saved_as (AttLabelExport *export,
          const char *basename)
{
  GPtrArray *saved = att_label_export_get_saved_files (export);

  for (guint i = 0; i < saved->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (saved, i));

      if (g_strcmp0 (name, basename) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Some names made awkward on purpose: two products called alike, a '/',
 * a leading '.', and a name whose file is already in the folder. */
static void
make_names_awkward (Fixture    *f,
                    GHashTable *names,
                    GPtrArray  *labelled)
{
  g_assert_cmpuint (labelled->len, >=, 4);
  g_hash_table_insert (names, g_strdup (g_ptr_array_index (labelled, 0)), g_strdup ("Twin/Shirt"));
  g_hash_table_insert (names, g_strdup (g_ptr_array_index (labelled, 1)), g_strdup ("Twin/Shirt"));
  g_hash_table_insert (names, g_strdup (g_ptr_array_index (labelled, 2)), g_strdup (".Dotted"));
  g_hash_table_insert (names, g_strdup (g_ptr_array_index (labelled, 3)), g_strdup ("Already There"));
}

static GPtrArray *
labelled_ids (Fixture *f)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < N_PRODUCTS; i++)
    if (has_label (product (f, i)))
      g_ptr_array_add (ids, (gpointer) att_product_get_id (product (f, i)));
  return ids;
}

static void
test_export_120 (Fixture      *f,
                 gconstpointer data)
{
  g_auto(GStrv) ids = all_ids (f, N_PRODUCTS);
  g_autoptr(GHashTable) names = all_names (f);
  g_autoptr(GPtrArray) labelled = labelled_ids (f);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(AttLabelExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *existing = g_build_filename (f->dir, "Already There.svg", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *saved_text = NULL;
  guint            expected = n_with_labels (f, N_PRODUCTS);
  guint            before = att_sandbox_get_request_count (f->sandbox, LABEL_PATH);

  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, N_PRODUCTS);
  make_names_awkward (f, names, labelled);
  g_assert_true (g_file_set_contents (existing, "not a label", -1, NULL));

  att_sandbox_set_latency (f->sandbox, 150);
  export = att_label_export_new (f->client, (const char *const *) ids, names, f->folder);
  g_assert_true (run (export, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (att_sandbox_get_request_count (f->sandbox, LABEL_PATH) - before, ==, 3);
  g_assert_cmpuint (att_sandbox_get_peak_delayed (f->sandbox), >=, 2);
  g_assert_cmpuint (att_sandbox_get_peak_delayed (f->sandbox), <=, ATT_HIGG_LABEL_MAX_IN_FLIGHT);
  check_saved (export, expected);
  files = files_in (f->dir);
  g_assert_cmpuint (files->len, ==, expected + 1);
  check_missing (f, export, names);

  g_assert_true (saved_as (export, "Twin-Shirt.svg"));
  g_assert_true (saved_as (export, "Twin-Shirt (2).svg"));
  g_assert_true (saved_as (export, "Dotted.svg"));
  g_assert_true (saved_as (export, "Already There (2).svg"));
  g_assert_false (saved_as (export, "Already There.svg"));
  g_assert_true (g_file_get_contents (existing, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "not a label");

  summary = att_label_export_get_summary (export);
  saved_text = g_strdup_printf ("%u labels saved; %u products have no label: ", expected, N_PRODUCTS - expected);
  g_assert_true (g_str_has_prefix (summary, saved_text));
  g_assert_nonnull (strstr (summary, g_ptr_array_index (att_label_export_get_missing (export), 0)));
}

/* A second run into the same folder never overwrites the first. */
static void
test_export_twice (Fixture      *f,
                   gconstpointer data)
{
  g_auto(GStrv) ids = all_ids (f, 20);
  g_autoptr(GHashTable) names = all_names (f);
  g_autoptr(AttLabelExport) first = att_label_export_new (f->client, (const char *const *) ids, names, f->folder);
  g_autoptr(AttLabelExport) second = att_label_export_new (f->client, (const char *const *) ids, names, f->folder);
  g_autoptr(GPtrArray) files = NULL;
  guint expected = n_with_labels (f, 20);

  g_assert_true (run (first, NULL, NULL));
  g_assert_true (run (second, NULL, NULL));
  g_assert_cmpuint (att_label_export_get_n_saved (second), ==, expected);
  files = files_in (f->dir);
  g_assert_cmpuint (files->len, ==, 2 * expected);
}

/* No product, no request and no file. */
static void
test_export_none (Fixture      *f,
                  gconstpointer data)
{
  const char *const none[] = { NULL };
  g_autoptr(AttLabelExport) export = att_label_export_new (f->client, none, NULL, f->folder);
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *summary = NULL;
  guint            before = att_sandbox_get_request_count (f->sandbox, LABEL_PATH);

  g_assert_true (run (export, NULL, NULL));
  g_assert_cmpuint (att_sandbox_get_request_count (f->sandbox, LABEL_PATH), ==, before);
  files = files_in (f->dir);
  g_assert_cmpuint (files->len, ==, 0);
  summary = att_label_export_get_summary (export);
  g_assert_cmpstr (summary, ==, "0 labels saved");
}

/* --- Cancel -------------------------------------------------------------- */

static void
cancel_at_ten (AttLabelExport *export,
               GParamSpec   *pspec,
               GCancellable *cancellable)
{
  if (att_label_export_get_n_saved (export) == 10)
    g_cancellable_cancel (cancellable);
}

static void
test_cancel_midway (Fixture      *f,
                    gconstpointer data)
{
  g_auto(GStrv) ids = all_ids (f, N_PRODUCTS);
  g_autoptr(GHashTable) names = all_names (f);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AttLabelExport) export = att_label_export_new (f->client, (const char *const *) ids, names, f->folder);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  g_assert_cmpuint (n_with_labels (f, N_PRODUCTS), >, 10);
  g_signal_connect (export, "notify::n-saved", G_CALLBACK (cancel_at_ten), cancellable);
  g_assert_false (run (export, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (att_label_export_get_n_saved (export), ==, 10);

  /* Nothing is written after the cancel, even later. */
  g_usleep (100 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  files = files_in (f->dir);
  g_assert_cmpuint (files->len, ==, 10);
  summary = att_label_export_get_summary (export);
  g_assert_true (g_str_has_prefix (summary, "10 labels saved"));
}

static void
test_cancel_while_fetching (Fixture      *f,
                            gconstpointer data)
{
  g_auto(GStrv) ids = all_ids (f, N_PRODUCTS);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AttLabelExport) export = att_label_export_new (f->client, (const char *const *) ids, NULL, f->folder);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  att_sandbox_set_latency (f->sandbox, 300);
  att_label_export_run_async (export, cancellable, att_test_store_result, &result);
  g_timeout_add_once (50, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  g_assert_false (att_label_export_run_finish (export, att_test_await_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  files = files_in (f->dir);
  g_assert_cmpuint (files->len, ==, 0);
  g_assert_cmpuint (att_label_export_get_n_saved (export), ==, 0);
}

/* --- Errors -------------------------------------------------------------- */

/* The test may run as root, which can write anywhere: a folder that is
 * a plain file cannot be written into by anyone. */
static void
test_unwritable_folder (Fixture      *f,
                        gconstpointer data)
{
  g_auto(GStrv) ids = all_ids (f, 10);
  g_autofree char *plain = g_build_filename (f->dir, "plain", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (plain);
  g_autoptr(AttLabelExport) export = att_label_export_new (f->client, (const char *const *) ids, NULL, folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("Could not save the labels in “%s”: ", plain);
  g_autoptr(GPtrArray) files = NULL;

  g_assert_true (g_file_set_contents (plain, "", -1, NULL));
  g_assert_false (run (export, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_assert_cmpuint (att_label_export_get_n_saved (export), ==, 0);
  files = files_in (f->dir);
  g_assert_cmpuint (files->len, ==, 1);
}

static void
test_transport_error (Fixture      *f,
                      gconstpointer data)
{
  g_auto(GStrv) ids = all_ids (f, 10);
  g_autoptr(AttLabelExport) export = att_label_export_new (f->client, (const char *const *) ids, NULL, f->folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;

  att_http_set_retry_policy (f->http, 1, 10);
  att_sandbox_inject_failure_path (f->sandbox, SOUP_STATUS_INTERNAL_SERVER_ERROR, 20, LABEL_PATH);
  g_assert_false (run (export, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not fetch the labels: "));
  files = files_in (f->dir);
  g_assert_cmpuint (files->len, ==, 0);
}

/* --- The window ---------------------------------------------------------- */

static gboolean
window_done (AttLabelExportWindow *window,
             gconstpointer         data)
{
  return !att_label_export_window_get_running (window);
}

static gboolean
has_action (GtkWidget    *widget,
            gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static gboolean
button_visible (AttLabelExportWindow *window,
                const char           *action_name)
{
  GtkWidget *button = att_test_find_widget (GTK_WIDGET (window), has_action, action_name);

  g_assert_nonnull (button);
  return gtk_widget_get_visible (button);
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

static void
test_window (Fixture      *f,
             gconstpointer data)
{
  g_auto(GStrv) ids = all_ids (f, 30);
  g_autoptr(GHashTable) names = all_names (f);
  AttLabelExportWindow *window = att_label_export_window_new (NULL, f->context, (const char *const *) ids, names,
                                                              f->folder);
  g_autofree char      *summary = NULL;
  g_autofree char      *expected = NULL;
  g_autoptr(GPtrArray) files = NULL;

  gtk_window_present (GTK_WINDOW (window));
  att_label_export_window_start (window);
  g_assert_true (att_label_export_window_get_running (window));
  g_assert_true (button_visible (window, "labels.cancel"));
  g_assert_false (button_visible (window, "labels.open-folder"));
  att_test_wait_until (ATT_TEST_PREDICATE (window_done), window, NULL, "the labels saved");

  summary = att_label_export_get_summary (att_label_export_window_get_export (window));
  expected = g_strdup_printf ("%s.", summary);
  g_assert_cmpstr (att_label_export_window_get_status (window), ==, expected);
  g_assert_false (button_visible (window, "labels.cancel"));
  g_assert_true (button_visible (window, "labels.open-folder"));
  files = files_in (f->dir);
  g_assert_cmpuint (files->len, ==, n_with_labels (f, 30));
  maybe_screenshot (GTK_WIDGET (window), "label-export-window");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_cancel (Fixture      *f,
                    gconstpointer data)
{
  g_auto(GStrv) ids = all_ids (f, N_PRODUCTS);
  AttLabelExportWindow *window = att_label_export_window_new (NULL, f->context, (const char *const *) ids, NULL,
                                                              f->folder);
  g_autoptr(GPtrArray) files = NULL;

  att_sandbox_set_latency (f->sandbox, 300);
  gtk_window_present (GTK_WINDOW (window));
  att_label_export_window_start (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "labels.cancel", NULL));
  att_test_wait_until (ATT_TEST_PREDICATE (window_done), window, NULL, "the saving cancelled");

  g_assert_cmpstr (att_label_export_window_get_status (window), ==,
                   "Cancelled; no further labels saved. 0 labels saved.");
  g_assert_false (button_visible (window, "labels.open-folder"));
  files = files_in (f->dir);
  g_assert_cmpuint (files->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- The button in the Products view ------------------------------------ */

static gboolean
is_save_labels_button (GtkWidget    *widget,
                       gconstpointer data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "products.save-labels") == 0;
}

static gboolean
page_loaded (AttProductsPage *page,
             gconstpointer    data)
{
  AttPagedModel *model = ATT_PAGED_MODEL (att_products_page_get_model (page));

  return model != NULL && att_paged_model_get_loaded (model) && att_paged_model_is_item_loaded (model, 0);
}

static gboolean
sensitive_is (GtkWidget    *widget,
              gconstpointer data)
{
  return gtk_widget_get_sensitive (widget) == GPOINTER_TO_INT (data);
}

/* Save Labels… is in the selection bar, and works only with products
 * checked. */
static void
test_products_page_button (Fixture      *f,
                           gconstpointer data)
{
  GtkWindow       *window = GTK_WINDOW (gtk_window_new ());
  AttProductsPage *page = ATT_PRODUCTS_PAGE (att_products_page_new (f->context));
  GtkWidget       *button;

  gtk_window_set_default_size (window, 1200, 800);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  att_test_wait_until (ATT_TEST_PREDICATE (page_loaded), page, NULL, "the first page");
  button = att_test_find_widget (GTK_WIDGET (page), is_save_labels_button, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Save Labels…");

  att_products_page_set_selection_mode (page, TRUE);
  att_test_wait_until (ATT_TEST_PREDICATE (sensitive_is), button, GINT_TO_POINTER (FALSE), "nothing to save");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "products.select-all", NULL));
  att_test_wait_until (ATT_TEST_PREDICATE (sensitive_is), button, GINT_TO_POINTER (TRUE), "labels to save");
  att_products_page_set_selection_mode (page, FALSE);
  att_test_wait_until (ATT_TEST_PREDICATE (sensitive_is), button, GINT_TO_POINTER (FALSE), "selection left");
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/label-export/file-name", test_file_name);
  g_test_add ("/label-export/120", Fixture, NULL, fixture_setup, test_export_120, fixture_teardown);
  g_test_add ("/label-export/twice", Fixture, NULL, fixture_setup, test_export_twice, fixture_teardown);
  g_test_add ("/label-export/none", Fixture, NULL, fixture_setup, test_export_none, fixture_teardown);
  g_test_add ("/label-export/cancel-midway", Fixture, NULL, fixture_setup, test_cancel_midway, fixture_teardown);
  g_test_add ("/label-export/cancel-while-fetching", Fixture, NULL, fixture_setup, test_cancel_while_fetching,
              fixture_teardown);
  g_test_add ("/label-export/unwritable-folder", Fixture, NULL, fixture_setup, test_unwritable_folder,
              fixture_teardown);
  g_test_add ("/label-export/transport-error", Fixture, NULL, fixture_setup, test_transport_error,
              fixture_teardown);
  g_test_add ("/label-export/products-page-button", Fixture, NULL, fixture_setup, test_products_page_button,
              fixture_teardown);
  g_test_add ("/label-export/window", Fixture, NULL, fixture_setup, test_window, fixture_teardown);
  g_test_add ("/label-export/window-cancel", Fixture, NULL, fixture_setup, test_window_cancel, fixture_teardown);
  return g_test_run ();
}
