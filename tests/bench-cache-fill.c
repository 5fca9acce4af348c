/* bench-cache-fill.c: filling the product cache with 100,000 products
 *
 * Usage: bench-cache-fill SANDBOX [N_PRODUCTS]
 *
 * Starts SANDBOX (attest-sandbox) once, in its own process, with
 * N_PRODUCTS (100,000 by default) generated products, then measures:
 *  - the time curl takes to download every page (100 products each, the
 *    same authenticated searches) in a loop, one curl per page; skipped
 *    with a message when curl is missing;
 *  - the product cache's fill of the same pages into a new file: total
 *    time, time to the first stored page and to the first query that shows
 *    rows (the view's first rows), the longest main-loop stall while it
 *    runs, and the process's peak RSS (getrusage ru_maxrss).
 * Prints figures; asserts nothing about time, which depends on the machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "att-higg-auth.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-product-cache.h"
#include "att-test-utils.h"

#define PAGE_SIZE 100

typedef struct
{
  GMainLoop       *loop;
  AttProductCache *cache;
  gint64           start;
  double           first_page_ms;
  double           first_rows_ms;
  gboolean         querying;
  gint64           last_tick;
  gint64           longest_stall;
  gboolean         done;
  GError          *error;
} Fill;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* --- The sandbox, in its own process ------------------------------------- */

static GSubprocess *
start_sandbox (const char *program,
               const char *data_dir,
               guint       n_products,
               char      **out_base_url)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = g_strdup_printf ("%u", n_products);
  g_autoptr(GDataInputStream) lines = NULL;
  GSubprocess *process;
  gint64       start = g_get_monotonic_time ();

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              program, "--data-dir", data_dir, "--products", count,
                              "--exit-with-parent", NULL);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  *out_base_url = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out_base_url);
  printf ("# sandbox with %u generated products ready in %.1f s\n", n_products, ms_since (start) / 1000);
  return process;
}

/* --- curl ---------------------------------------------------------------- */

static double
curl_loop (const char  *curl,
           const char  *base_url,
           AttHiggAuth *auth,
           const char  *dir,
           guint        n_products)
{
  g_autofree char *header_file = att_test_write_curl_headers (auth, dir);
  g_autofree char *header_arg = g_strconcat ("@", header_file, NULL);
  g_autofree char *url = g_strconcat (base_url, "/pic-api/v1/products/search", NULL);
  gint64           start = g_get_monotonic_time ();

  for (guint from = 0; from < n_products; from += PAGE_SIZE)
    {
      g_autofree char *body = g_strdup_printf ("{\"from\": %u, \"size\": %u}", from, PAGE_SIZE);
      g_autoptr(GError) error = NULL;
      const char *argv[] = { curl, "--silent", "--fail", "--output", "/dev/null", "--header", header_arg,
                             "--data", body, url, NULL };
      int         status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  return ms_since (start);
}

/* --- The fill ------------------------------------------------------------ */

static gboolean
tick_cb (gpointer user_data)
{
  Fill  *fill = user_data;
  gint64 now = g_get_monotonic_time ();

  fill->longest_stall = MAX (fill->longest_stall, now - fill->last_tick);
  fill->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
rows_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fill *fill = user_data;
  g_autoptr(GListModel) rows = att_product_cache_query_purchase_orders_finish (fill->cache, result, NULL);

  fill->querying = FALSE;
  if (rows != NULL && g_list_model_get_n_items (rows) > 0 && fill->first_rows_ms < 0)
    fill->first_rows_ms = ms_since (fill->start);
}

/* As the view does: a query of the newest 1,000 orders after a stored page. */
static void
changed_cb (AttProductCache *cache,
            Fill            *fill)
{
  g_autoptr(AttPurchaseOrderFilter) filter = att_purchase_order_filter_new ();

  if (fill->first_page_ms < 0)
    fill->first_page_ms = ms_since (fill->start);
  if (fill->first_rows_ms >= 0 || fill->querying)
    return;

  fill->querying = TRUE;
  filter->limit = 1000;
  att_product_cache_query_purchase_orders_async (cache, filter, NULL, rows_cb, fill);
}

static void
filled_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fill *fill = user_data;

  att_product_cache_refresh_finish (fill->cache, result, &fill->error);
  fill->done = TRUE;
  g_main_loop_quit (fill->loop);
}

static double
fill_cache (AttHiggClient *client,
            const char    *dir,
            Fill          *fill)
{
  g_autofree char *path = g_build_filename (dir, "cache.sqlite", NULL);
  g_autoptr(AttProductCache) cache = att_product_cache_new_for_path (client, path);
  guint  tick;
  double total_ms;

  fill->loop = g_main_loop_new (NULL, FALSE);
  fill->cache = cache;
  fill->first_page_ms = fill->first_rows_ms = -1;
  g_signal_connect (cache, "changed", G_CALLBACK (changed_cb), fill);

  fill->start = fill->last_tick = g_get_monotonic_time ();
  tick = g_timeout_add (5, tick_cb, fill);
  att_product_cache_refresh_async (cache, NULL, filled_cb, fill);
  g_main_loop_run (fill->loop);
  total_ms = ms_since (fill->start);
  g_source_remove (tick);

  while (fill->querying)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (fill->error);
  g_assert_cmpuint (att_product_cache_get_fetched (cache), ==, att_product_cache_get_total (cache));
  g_main_loop_unref (fill->loop);
  return total_ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) sandbox = NULL;
  g_autoptr(AttHiggAuth) auth = NULL;
  g_autoptr(AttHttp) http = NULL;
  g_autoptr(AttHiggClient) client = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *curl = g_find_program_in_path ("curl");
  g_autofree char *cache_path = NULL;
  guint            n_products = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 100000;
  double           curl_ms = -1, fill_ms;
  long             rss_before;
  GStatBuf         st;
  Fill             fill = { 0 };

  if (argc < 2)
    {
      g_printerr ("Usage: %s SANDBOX [N_PRODUCTS]\n", argv[0]);
      return 2;
    }

  dir = g_dir_make_tmp ("attest-bench-cache-XXXXXX", &error);
  g_assert_no_error (error);
  keys = g_build_filename (dir, "keys", NULL);
  sandbox = start_sandbox (argv[1], keys, n_products, &base_url);
  auth = att_test_fetch_demo_auth (base_url, &error);
  g_assert_no_error (error);

  if (curl != NULL)
    {
      curl_ms = curl_loop (curl, base_url, auth, dir, n_products);
      printf ("# curl, %u pages of %u in a loop: %.1f s (%.1f ms a page)\n",
              (n_products + PAGE_SIZE - 1) / PAGE_SIZE, PAGE_SIZE, curl_ms / 1000,
              curl_ms / ((n_products + PAGE_SIZE - 1) / PAGE_SIZE));
    }
  else
    printf ("# curl not found: no download figure to compare with\n");

  http = att_http_new ();
  client = att_higg_client_new (http, base_url);
  att_higg_client_set_auth (client, auth);
  rss_before = peak_rss_kb ();
  fill_ms = fill_cache (client, dir, &fill);

  printf ("# cache fill of %u products: %.1f s\n", n_products, fill_ms / 1000);
  if (curl_ms > 0)
    printf ("# fill / curl: %.2f\n", fill_ms / curl_ms);
  printf ("# first page stored after %.0f ms; first rows a query shows after %.0f ms\n",
          fill.first_page_ms, fill.first_rows_ms);
  printf ("# longest main-loop stall during the fill: %.1f ms\n", fill.longest_stall / 1000.0);
  printf ("# peak RSS: %.1f MB (%.1f MB before the fill)\n", peak_rss_kb () / 1024.0, rss_before / 1024.0);
  cache_path = g_build_filename (dir, "cache.sqlite", NULL);
  if (g_stat (cache_path, &st) == 0)
    printf ("# cache file: %.1f MB\n", st.st_size / (1024.0 * 1024.0));

  g_subprocess_send_signal (sandbox, SIGTERM);
  g_subprocess_wait (sandbox, NULL, NULL);
  att_test_remove_dir (dir);
  return 0;
}
