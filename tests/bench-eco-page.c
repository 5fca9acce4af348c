/* bench-eco-page.c: the eco-score page's first frame with its charts
 * against the same page without them (figures only, nothing asserted)
 *
 * A product with a complete score is taken from an in-process sandbox.
 * Then, alternately with and without the two charts, a window holding the
 * eco-score page of that product is presented and the time to its first
 * painted frame measured, several times.  A first run of each kind is not
 * counted: it pays for what is loaded once per process (fonts, icons,
 * style).  The medians and their ratio are printed; the aim is at most
 * 1.2 (issue 10).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "att-after-paint.h"
#include "att-context.h"
#include "att-eco-score-page.h"
#include "att-eco-score.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-page.h"
#include "att-product.h"
#include "att-renderer.h"
#include "att-sandbox.h"
#include "att-test-utils.h"

#define N_RUNS 15

typedef struct
{
  gboolean painted;
} Bench;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static AttProduct *
complete_product (AttHiggClient *client)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  g_autoptr(AttPage) page = NULL;
  GListModel *items;

  att_higg_client_search_products_async (client, NULL, NULL, 0, 20, NULL, att_test_store_result, &result);
  page = att_higg_client_search_products_finish (client, att_test_await_result (&result), &error);
  g_object_unref (result);
  g_assert_no_error (error);

  items = att_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (items, i);
      AttEcoScore *score = att_product_get_eco_score (product);

      if (score != NULL && att_eco_score_get_status_kind (score) == ATT_ECO_SCORE_STATUS_COMPLETE)
        return g_steal_pointer (&product);
    }
  g_assert_not_reached ();
}

static void
on_painted (GtkWidget *widget,
            gpointer   user_data)
{
  Bench *bench = user_data;

  bench->painted = TRUE;
}

static gboolean
painted (Bench        *bench,
         gconstpointer data)
{
  return bench->painted;
}

/* From building the page to its first painted frame, in ms. */
static double
first_frame (AttContext *context,
             AttProduct *product,
             gboolean    charts)
{
  Bench      bench = { FALSE };
  gint64     start = g_get_monotonic_time ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *page = att_eco_score_page_new (context);
  double     elapsed;

  att_eco_score_page_set_show_charts (ATT_ECO_SCORE_PAGE (page), charts);
  att_eco_score_page_set_product (ATT_ECO_SCORE_PAGE (page), product);
  /* Tall enough for the whole page, so both variants paint everything
   * they hold, the table included. */
  gtk_window_set_default_size (window, 800, 2600);
  gtk_window_set_child (window, page);
  att_widget_after_next_paint (page, on_painted, &bench);
  gtk_window_present (window);
  att_test_wait_until (ATT_TEST_PREDICATE (painted), &bench, NULL, "the first frame");
  elapsed = (g_get_monotonic_time () - start) / 1000.0;

  gtk_window_destroy (window);
  att_test_run_for (50);
  return elapsed;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttSandbox) sandbox = NULL;
  g_autoptr(AttHttp) http = NULL;
  g_autoptr(AttHiggClient) client = NULL;
  g_autoptr(AttContext) context = NULL;
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(GArray) with_charts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) without_charts = g_array_new (FALSE, FALSE, sizeof (double));
  double with, without;

  gtk_init ();
  /* As the application does: cairo where OpenGL is drawn in software. */
  att_renderer_choose (gdk_display_get_default ());
  adw_init ();

  sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_add_generated_products (sandbox, 20, 3, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (sandbox, &http, &client, &context);
  product = complete_product (client);

  /* Not counted: the first of each kind. */
  first_frame (context, product, TRUE);
  first_frame (context, product, FALSE);

  for (guint i = 0; i < N_RUNS; i++)
    {
      /* Each kind goes first in every other round, so neither always
       * follows the other. */
      double b = i % 2 ? first_frame (context, product, FALSE) : 0;
      double a = first_frame (context, product, TRUE);

      if (i % 2 == 0)
        b = first_frame (context, product, FALSE);

      g_array_append_val (with_charts, a);
      g_array_append_val (without_charts, b);
    }

  with = median (with_charts);
  without = median (without_charts);
  g_print ("# eco-score page, first frame with charts: median %.1f ms over %u runs\n", with, N_RUNS);
  g_print ("# eco-score page, first frame without charts: median %.1f ms over %u runs\n", without, N_RUNS);
  g_print ("# ratio with/without charts: %.2f (target <= 1.20)\n", without > 0 ? with / without : 0);

  g_clear_object (&product);
  g_clear_object (&context);
  att_test_sandbox_disconnect (&sandbox, &http, &client);
  return 0;
}
