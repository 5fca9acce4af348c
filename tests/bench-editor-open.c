/* bench-editor-open.c: opening the product editor on a large product, and
 * typing in it (figures only, nothing asserted)
 *
 * A product with 30 materials, 10 packaging items, 10 components and 200
 * purchase orders is made in an in-process sandbox and shown alone in the
 * Products view.  Then, several times:
 * - "open": from the Edit action to the first painted frame of the editor;
 * - "typing": 50 characters typed into the name, one every 40 ms, while a
 *   1 ms high-priority timeout measures the longest the main loop went
 *   without running it (a stall), and how long each keystroke's handling
 *   took.
 * Then the median and the maximum of each over the runs.  The first run
 * also pays for what is loaded once per process (shaders, icons, fonts).
 * The processor time of the whole process (llvmpipe's threads included)
 * is printed beside the wall-clock times, for the open and per key typed
 * (the 1 ms timeout, the checks and the draft included): on a machine
 * shared with other work it varies much less.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <time.h>

#include "att-after-paint.h"
#include "att-renderer.h"
#include "att-catalog-item.h"
#include "att-context.h"
#include "att-draft-store.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-page.h"
#include "att-product.h"
#include "att-product-editor.h"
#include "att-products-page.h"
#include "att-sandbox.h"
#include "att-test-utils.h"

#define N_RUNS      9
#define N_MATERIALS 30
#define N_PACKAGING 10
#define N_COMPONENT 10
#define N_ORDERS    200
#define N_KEYS      50
#define KEY_GAP_MS  40

typedef struct
{
  AttHiggClient *client;
  gint64         last_tick;
  gint64         longest_stall;
  gint64         longest_key;
  guint          keys_left;
  GtkEditable   *name;
  gboolean       painted;
  gint64         painted_at;
} Bench;

/* The processor time of the process, all threads, in ms. */
static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *values)
{
  g_array_sort (values, compare_doubles);
  g_print ("# %s: median %.1f ms, max %.1f ms over %u runs\n", what,
           g_array_index (values, double, values->len / 2),
           g_array_index (values, double, values->len - 1), values->len);
}

static GListModel *
catalogue (AttHiggClient *client,
           const char    *kind)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;

  if (g_str_equal (kind, "materials"))
    {
      att_higg_client_search_materials_async (client, NULL, 0, 50, NULL, att_test_store_result, &result);
      page = att_higg_client_search_materials_finish (client, att_test_await_result (&result), &error);
    }
  else if (g_str_equal (kind, "packaging"))
    {
      att_higg_client_search_packaging_async (client, NULL, 0, 50, NULL, att_test_store_result, &result);
      page = att_higg_client_search_packaging_finish (client, att_test_await_result (&result), &error);
    }
  else
    {
      att_higg_client_search_components_async (client, NULL, 0, 50, NULL, att_test_store_result, &result);
      page = att_higg_client_search_components_finish (client, att_test_await_result (&result), &error);
    }
  g_object_unref (result);
  g_assert_no_error (error);
  return g_object_ref (att_page_get_items (page));
}

static JsonArray *
uses (AttHiggClient *client,
      const char    *kind,
      const char    *id_member,
      const char    *amount_member,
      guint          n)
{
  g_autoptr(GListModel) items = catalogue (client, kind);
  JsonArray *array = json_array_new ();

  g_assert_cmpuint (g_list_model_get_n_items (items), >=, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttCatalogItem) item = g_list_model_get_item (items, i);
      JsonObject *use = json_object_new ();

      json_object_set_string_member (use, id_member, att_catalog_item_get_id (item));
      json_object_set_double_member (use, amount_member, 1 + i % 5);
      if (g_str_equal (kind, "materials"))
        {
          /* 28 × 3 + 2 × 8 = 100 */
          json_object_set_double_member (use, "netUse", 75);
          json_object_set_double_member (use, "composition", i < 28 ? 3 : 8);
        }
      json_array_add_object_element (array, use);
    }
  return array;
}

static JsonArray *
orders (void)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < N_ORDERS; i++)
    {
      JsonObject      *order = json_object_new ();
      g_autofree char *id = g_strdup_printf ("PO-BENCH-%04u", i);
      g_autofree char *date = g_strdup_printf ("2025-%02u-%02u", 1 + i % 12, 1 + i % 28);

      json_object_set_string_member (order, "purchaseOrderId", id);
      json_object_set_string_member (order, "purchaseDate", date);
      json_object_set_double_member (order, "amountPurchase", 100 + i);
      json_array_add_object_element (array, order);
    }
  return array;
}

static AttProduct *
create_large_product (AttHiggClient *client)
{
  g_autoptr(JsonObject) body = json_object_new ();
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  AttProduct *product;

  json_object_set_string_member (body, "name", "Benchmark Expedition Parka");
  json_object_set_double_member (body, "weight", 1450);
  json_object_set_string_member (body, "weightMeasureUnit", "grams");
  json_object_set_array_member (body, "materials", uses (client, "materials", "materialId", "netUse", N_MATERIALS));
  json_object_set_array_member (body, "packaging", uses (client, "packaging", "packagingId", "amount", N_PACKAGING));
  json_object_set_array_member (body, "components", uses (client, "components", "componentId", "unit", N_COMPONENT));
  json_object_set_array_member (body, "purchaseOrder", orders ());
  att_higg_client_create_product_async (client, body, NULL, att_test_store_result, &result);
  product = att_higg_client_create_product_finish (client, att_test_await_result (&result), &error);
  g_object_unref (result);
  g_assert_no_error (error);
  return product;
}

static void
on_painted (GtkWidget *widget,
            gpointer   user_data)
{
  Bench *bench = user_data;

  bench->painted = TRUE;
  bench->painted_at = g_get_monotonic_time ();
}

static gboolean
tick_cb (gpointer user_data)
{
  Bench *bench = user_data;
  gint64 now = g_get_monotonic_time ();

  if (bench->last_tick != 0)
    bench->longest_stall = MAX (bench->longest_stall, now - bench->last_tick);
  bench->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
key_cb (gpointer user_data)
{
  Bench *bench = user_data;
  int    position = -1;
  gint64 start = g_get_monotonic_time ();

  gtk_editable_insert_text (bench->name, "x", 1, &position);
  bench->longest_key = MAX (bench->longest_key, g_get_monotonic_time () - start);
  return --bench->keys_left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
spin_until (gboolean *flag)
{
  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
idle_for (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, idle_for, &done);
  spin_until (&done);
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  (*(guint *) user_data)++;
}

/* Frames painted while nothing happens: anything but none is something
 * queueing a redraw or relayout every frame, which starves idles. */
static guint
count_idle_frames (GtkWidget *editor)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (editor);
  guint          n = 0;
  gulong         id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &n);

  spin_ms (1000);
  g_signal_handler_disconnect (clock, id);
  return n;
}

static gboolean
page_ready (AttProductsPage *page)
{
  return att_products_page_get_selected (page) != NULL;
}

static void
type_into (Bench            *bench,
           AttProductEditor *editor)
{
  guint tick;

  att_product_editor_focus_field (editor, "name");
  bench->name = GTK_EDITABLE (gtk_window_get_focus (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (editor)))));
  g_assert_true (GTK_IS_EDITABLE (bench->name));
  bench->keys_left = N_KEYS;
  bench->longest_stall = bench->longest_key = bench->last_tick = 0;
  tick = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, bench, NULL);
  g_timeout_add (KEY_GAP_MS, key_cb, bench);
  while (bench->keys_left > 0)
    g_main_context_iteration (NULL, TRUE);
  /* The checks and the draft copy after the last key. */
  spin_ms (300);
  g_source_remove (tick);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttSandbox) sandbox = NULL;
  g_autoptr(AttHttp) http = NULL;
  g_autoptr(AttContext) context = NULL;
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(AttDraftStore) drafts = NULL;
  g_autofree char *drafts_dir = NULL;
  Bench            bench = { 0 };
  GtkWidget       *window;
  GtkWidget       *page;
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stall_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));

  gtk_init ();
  /* As the application does: cairo where OpenGL is drawn in software. */
  att_renderer_choose (gdk_display_get_default ());
  adw_init ();

  sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (sandbox, &error);
  g_assert_no_error (error);
  att_sandbox_listen (sandbox, 0, &error);
  g_assert_no_error (error);
  http = att_http_new ();
  bench.client = att_test_higg_client_new (http, sandbox);
  context = att_context_new (bench.client);
  att_context_set_account_id (context, "bench");
  drafts_dir = g_dir_make_tmp ("attest-bench-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  drafts = att_draft_store_new_for_path (drafts_dir);
  att_context_set_draft_store (context, drafts);
  product = create_large_product (bench.client);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  page = att_products_page_new (context);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  att_products_page_set_search_text (ATT_PRODUCTS_PAGE (page), "Benchmark Expedition Parka");
  while (!page_ready (ATT_PRODUCTS_PAGE (page)))
    g_main_context_iteration (NULL, TRUE);
  spin_ms (500);

  g_print ("# product: %d materials, %d packaging, %d components, %d purchase orders\n",
           N_MATERIALS, N_PACKAGING, N_COMPONENT, N_ORDERS);
  for (guint run = 0; run < N_RUNS; run++)
    {
      GtkWidget *editor;
      gint64     start, built;
      double     cpu_start, value;

      bench.painted = FALSE;
      cpu_start = process_cpu_ms ();
      start = g_get_monotonic_time ();
      gtk_widget_activate_action (page, "products.edit", NULL);
      built = g_get_monotonic_time ();
      editor = att_products_page_get_editor (ATT_PRODUCTS_PAGE (page));
      g_assert_nonnull (editor);
      att_widget_after_next_paint (editor, on_painted, &bench);
      spin_until (&bench.painted);
      value = process_cpu_ms () - cpu_start;
      g_array_append_val (open_cpu_ms, value);
      value = (bench.painted_at - start) / 1000.0;
      g_array_append_val (open_ms, value);
      g_print ("open run %u: first editor frame %.1f ms after the Edit action (editor built in %.1f ms; "
               "process CPU %.1f ms)\n",
               run + 1, value, (built - start) / 1000.0, g_array_index (open_cpu_ms, double, run));

      spin_ms (300);
      if (run == 0)
        {
          g_print ("# the editor has %u widgets once shown\n", count_widgets (editor));
        }
      cpu_start = process_cpu_ms ();
      type_into (&bench, ATT_PRODUCT_EDITOR (editor));
      value = (process_cpu_ms () - cpu_start) / N_KEYS;
      g_array_append_val (key_cpu_ms, value);
      value = bench.longest_stall / 1000.0;
      g_array_append_val (stall_ms, value);
      g_print ("typing run %u: %d keys, longest main-loop stall %.1f ms, longest keystroke %.1f ms "
               "(process CPU %.1f ms per key)\n",
               run + 1, N_KEYS, value, bench.longest_key / 1000.0, g_array_index (key_cpu_ms, double, run));

      if (run == 0)
        g_print ("# %u frames painted in the second after the typing\n", count_idle_frames (editor));
      if (run == 0)
        {
          AttProductEdit *edit = att_product_editor_get_edit (ATT_PRODUCT_EDITOR (editor));
          GPtrArray      *warnings = NULL;
          gint64          t0 = g_get_monotonic_time ();
          gint64          t1;

          /* The model alone, without widgets: where a keystroke's time goes. */
          for (guint i = 0; i < N_KEYS; i++)
            {
              g_autofree char *name = g_strdup_printf ("Benchmark %u", i);

              att_product_edit_set_string (edit, "name", name);
            }
          t1 = g_get_monotonic_time ();
          g_ptr_array_unref (att_product_edit_validate (edit, &warnings));
          g_ptr_array_unref (warnings);
          g_print ("# model: %.2f ms per change (AttProductEdit, with the editor listening), %.2f ms per check\n",
                   (t1 - t0) / 1000.0 / N_KEYS, (g_get_monotonic_time () - t1) / 1000.0);
          spin_ms (300);
        }

      /* Undo the typing so that the editor closes without asking. */
      while (att_product_editor_get_modified (ATT_PRODUCT_EDITOR (editor)))
        att_product_edit_undo (att_product_editor_get_edit (ATT_PRODUCT_EDITOR (editor)));
      gtk_widget_activate_action (editor, "editor.close", NULL);
      spin_ms (300);
    }

  report ("open, first editor frame", open_ms);
  report ("open, process CPU", open_cpu_ms);
  report ("typing, longest main-loop stall", stall_ms);
  report ("typing, process CPU per key", key_cpu_ms);

  gtk_window_destroy (GTK_WINDOW (window));
  att_test_remove_dir (drafts_dir);
  g_clear_object (&context);
  g_clear_object (&bench.client);
  return 0;
}
