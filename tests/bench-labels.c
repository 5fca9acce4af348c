/* bench-labels.c: the official labels of a selection, fetched and saved
 *
 * Usage: bench-labels SANDBOX
 *
 * Starts SANDBOX (attest-sandbox) in its own process with 300 generated
 * products and 20 ms of latency on every answer, so that its work is not
 * counted on our main loop. Then, through AttHiggClient as Save Labels…
 * does it, fetches the labels of 50 products and of 300, and saves the 50
 * into a temporary folder with AttLabelExport, each three times. For each,
 * prints the wall time, the label requests made and the most out at once
 * (counted on the client's SoupSession), and the longest gap between the
 * ticks of a 1 ms high-priority timeout on the main context meanwhile. As the user's
 * alternative, prints the time of 50 curl requests of one label each, one
 * after the other, with the same keys. Figures only: nothing is asserted
 * about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "att-higg-auth.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-page.h"
#include "att-product.h"
#include "att-test-utils.h"
#include "eco/att-label-export.h"

#define N_PRODUCTS 300
#define LATENCY_MS "20"
#define LABEL_PATH "/pic-api/v1/french-label/image"
/* Each measure is taken this many times: one run alone says little on a
 * shared machine. */
#define N_ROUNDS 3

typedef struct
{
  gint64 start;
  gint64 last_tick;
  gint64 longest_gap;
  guint  requests;
  guint  in_flight;
  guint  most_in_flight;
} Run;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static GSubprocess *
start_sandbox (const char *program,
               const char *data_dir,
               char      **out_base_url)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = g_strdup_printf ("%u", N_PRODUCTS);
  g_autoptr(GDataInputStream) lines = NULL;
  GSubprocess *process;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, program,
                              "--data-dir", data_dir, "--products", count, "--latency-ms", LATENCY_MS,
                              "--exit-with-parent", NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  *out_base_url = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out_base_url);
  return process;
}

static GStrv
product_ids (AttHiggClient *client)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint from = 0; from < N_PRODUCTS; from += 100)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(AttPage) page = NULL;
      g_autoptr(GError) error = NULL;
      GListModel *items;

      att_higg_client_search_products_async (client, NULL, NULL, from, 100, NULL, att_test_store_result, &result);
      page = att_higg_client_search_products_finish (client, att_test_await_result (&result), &error);
      g_assert_no_error (error);
      items = att_page_get_items (page);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(AttProduct) product = g_list_model_get_item (items, i);

          g_strv_builder_add (builder, att_product_get_id (product));
        }
    }
  return g_strv_builder_end (builder);
}

/* --- Counting on the client's session ------------------------------------ */

static gboolean
is_label_request (SoupMessage *msg)
{
  return g_strcmp0 (g_uri_get_path (soup_message_get_uri (msg)), LABEL_PATH) == 0;
}

static void
on_queued (SoupSession *session,
           SoupMessage *msg,
           Run         *run)
{
  if (!is_label_request (msg))
    return;
  run->requests++;
  run->in_flight++;
  run->most_in_flight = MAX (run->most_in_flight, run->in_flight);
}

static void
on_unqueued (SoupSession *session,
             SoupMessage *msg,
             Run         *run)
{
  if (is_label_request (msg))
    run->in_flight--;
}

static gboolean
on_tick (gpointer user_data)
{
  Run   *run = user_data;
  gint64 now = g_get_monotonic_time ();

  run->longest_gap = MAX (run->longest_gap, now - run->last_tick);
  run->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
start_run (Run     *run,
           AttHttp *http,
           guint   *tick,
           gulong  *handlers)
{
  SoupSession *session = att_http_get_session (http);

  memset (run, 0, sizeof *run);
  handlers[0] = g_signal_connect (session, "request-queued", G_CALLBACK (on_queued), run);
  handlers[1] = g_signal_connect (session, "request-unqueued", G_CALLBACK (on_unqueued), run);
  run->start = run->last_tick = g_get_monotonic_time ();
  *tick = g_timeout_add_full (G_PRIORITY_HIGH, 1, on_tick, run, NULL);
}

static void
end_run (Run        *run,
         AttHttp    *http,
         guint       tick,
         gulong     *handlers,
         const char *what)
{
  double ms = ms_since (run->start);

  g_source_remove (tick);
  g_signal_handler_disconnect (att_http_get_session (http), handlers[0]);
  g_signal_handler_disconnect (att_http_get_session (http), handlers[1]);
  printf ("# %s: %.1f ms, %u requests, at most %u in flight, longest main-loop gap %.1f ms\n", what, ms,
          run->requests, run->most_in_flight, run->longest_gap / 1000.0);
}

/* --- The app's way ------------------------------------------------------- */

static void
bench_fetch (AttHiggClient *client,
             AttHttp       *http,
             GStrv          ids,
             guint          n,
             guint          round)
{
  g_autofree char *what = g_strdup_printf ("fetch of %u labels, round %u", n, round);
  g_autofree char *saved = ids[n];
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GError) error = NULL;
  gulong handlers[2];
  guint  tick;
  Run    run;

  ids[n] = NULL;
  start_run (&run, http, &tick, handlers);
  att_higg_client_fetch_french_labels_async (client, (const char *const *) ids, NULL, att_test_store_result,
                                             &result);
  labels = att_higg_client_fetch_french_labels_finish (client, att_test_await_result (&result), &error);
  end_run (&run, http, tick, handlers, what);
  ids[n] = g_steal_pointer (&saved);
  g_assert_no_error (error);
  g_assert_cmpuint (labels->len, ==, n);
}

static void
bench_export (AttHiggClient *client,
              AttHttp       *http,
              GStrv          ids,
              const char    *dir,
              guint          round)
{
  g_autofree char *folder_name = g_strdup_printf ("labels-%u", round);
  g_autofree char *folder_path = g_build_filename (dir, folder_name, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *saved = ids[50];
  g_autoptr(AttLabelExport) export = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  gulong           handlers[2];
  guint            tick;
  Run              run;

  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  ids[50] = NULL;
  export = att_label_export_new (client, (const char *const *) ids, NULL, folder);
  ids[50] = g_steal_pointer (&saved);
  start_run (&run, http, &tick, handlers);
  att_label_export_run_async (export, NULL, att_test_store_result, &result);
  att_label_export_run_finish (export, att_test_await_result (&result), &error);
  what = g_strdup_printf ("Save Labels of 50 products (%u files written), round %u",
                          att_label_export_get_n_saved (export), round);
  end_run (&run, http, tick, handlers, what);
  g_assert_no_error (error);
}

/* --- curl ---------------------------------------------------------------- */

static void
bench_curl (const char  *curl,
            const char  *base_url,
            AttHiggAuth *auth,
            const char  *dir,
            GStrv        ids)
{
  g_autofree char *header_file = att_test_write_curl_headers (auth, dir);
  g_autofree char *header_arg = g_strconcat ("@", header_file, NULL);
  g_autofree char *url = g_strconcat (base_url, LABEL_PATH, NULL);
  gint64           start = g_get_monotonic_time ();

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"productIds\": [\"%s\"]}", ids[i]);
      g_autoptr(GError) error = NULL;
      const char *argv[] = { curl, "--silent", "--fail", "--output", "/dev/null", "--header", header_arg,
                             "--data", body, url, NULL };
      int         status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  printf ("# curl, 50 requests of one label each, one after the other: %.1f ms\n", ms_since (start));
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
  g_auto(GStrv) ids = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *curl = g_find_program_in_path ("curl");

  if (argc < 2)
    {
      g_printerr ("Usage: %s SANDBOX\n", argv[0]);
      return 2;
    }
  dir = g_dir_make_tmp ("attest-bench-labels-XXXXXX", &error);
  g_assert_no_error (error);
  keys = g_build_filename (dir, "keys", NULL);
  sandbox = start_sandbox (argv[1], keys, &base_url);
  auth = att_test_fetch_demo_auth (base_url, &error);
  g_assert_no_error (error);
  http = att_http_new ();
  client = att_higg_client_new (http, base_url);
  att_higg_client_set_auth (client, auth);
  ids = product_ids (client);
  g_assert_cmpuint (g_strv_length (ids), ==, N_PRODUCTS);

  printf ("# sandbox in its own process, %u products, " LATENCY_MS " ms latency per request\n", N_PRODUCTS);
  for (guint round = 1; round <= N_ROUNDS; round++)
    bench_fetch (client, http, ids, 50, round);
  for (guint round = 1; round <= N_ROUNDS; round++)
    bench_fetch (client, http, ids, N_PRODUCTS, round);
  for (guint round = 1; round <= N_ROUNDS; round++)
    bench_export (client, http, ids, dir, round);
  if (curl != NULL)
    bench_curl (curl, base_url, auth, dir, ids);
  else
    printf ("# curl not found: no figure to compare with\n");

  g_subprocess_send_signal (sandbox, SIGTERM);
  g_subprocess_wait (sandbox, NULL, NULL);
  att_test_remove_dir (dir);
  return 0;
}
