/* bench-paged-page.c: what a page of 100 products costs the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test --benchmark bench-paged-page -v`.  The sandbox runs
 * in a thread of its own, so that the main thread does only what the app's
 * would: send the search, receive the answer and turn it into an AttPage.
 * Prints figures; it asserts nothing about time, which depends on the
 * machine.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "att-higg-client.h"
#include "att-http.h"
#include "att-page.h"
#include "att-sandbox.h"
#include "att-test-utils.h"

#define N_PRODUCTS 1000
#define PAGE_SIZE  100
#define N_PAGES    40

typedef struct
{
  GMutex      lock;
  GCond       ready_cond;
  AttSandbox *sandbox;
  GMainLoop  *loop;
} Server;

static gpointer
server_thread (gpointer user_data)
{
  Server *server = user_data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GError) error = NULL;
  AttSandbox *sandbox;

  g_main_context_push_thread_default (context);
  sandbox = att_test_sandbox_new (NULL, &error);
  if (sandbox == NULL ||
      !att_sandbox_add_generated_products (sandbox, N_PRODUCTS, 42, &error) ||
      !att_sandbox_listen (sandbox, 0, &error))
    g_error ("%s", error->message);

  g_mutex_lock (&server->lock);
  server->loop = g_main_loop_new (context, FALSE);
  server->sandbox = sandbox;
  g_cond_signal (&server->ready_cond);
  g_mutex_unlock (&server->lock);

  g_main_loop_run (server->loop);
  g_object_unref (sandbox);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AttPage **page = user_data;
  g_autoptr(GError) error = NULL;

  *page = att_higg_client_search_products_finish (ATT_HIGG_CLIENT (object), result, &error);
  if (*page == NULL)
    g_error ("Search failed: %s", error->message);
}

/* Runs the main loop until the page arrives; returns the CPU time of the
 * longest main-loop iteration (waiting in poll() costs none), which is what
 * a frame would have waited for. */
static double
fetch_page (AttHiggClient *client,
            guint          from,
            double        *cpu_ms)
{
  g_autoptr(AttPage) page = NULL;
  double start_cpu = thread_cpu_ms ();
  double longest = 0;

  att_higg_client_search_products_async (client, NULL, NULL, from, PAGE_SIZE, NULL,
                                         search_done_cb, &page);
  while (page == NULL)
    {
      double start = thread_cpu_ms ();

      g_main_context_iteration (NULL, TRUE);
      longest = MAX (longest, thread_cpu_ms () - start);
    }
  *cpu_ms = thread_cpu_ms () - start_cpu;
  if (g_list_model_get_n_items (att_page_get_items (page)) != PAGE_SIZE)
    g_error ("Expected a full page");
  return longest;
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
        double     *values)
{
  qsort (values, N_PAGES, sizeof values[0], compare_doubles);
  printf ("# %s: median %.2f ms, max %.2f ms\n", what, values[N_PAGES / 2], values[N_PAGES - 1]);
}

static void
run (AttSandbox *sandbox)
{
  g_autoptr(AttHttp) http = att_http_new ();
  g_autoptr(AttHiggClient) client = att_test_higg_client_new (http, sandbox);
  double cpu[N_PAGES];
  double longest[N_PAGES];
  double ignored;

  /* One page first, so that the connection and the token are made. */
  fetch_page (client, 0, &ignored);

  for (guint i = 0; i < N_PAGES; i++)
    longest[i] = fetch_page (client, (i * PAGE_SIZE) % N_PRODUCTS, &cpu[i]);

  printf ("# %d pages of %d products, each about 0.9 MB\n", N_PAGES, PAGE_SIZE);
  report ("main-thread CPU time per page", cpu);
  report ("longest main-loop iteration per page", longest);
}

int
main (int   argc,
      char *argv[])
{
  Server   server = { 0 };
  GThread *thread;

  g_mutex_init (&server.lock);
  g_cond_init (&server.ready_cond);
  thread = g_thread_new ("sandbox", server_thread, &server);

  g_mutex_lock (&server.lock);
  while (server.sandbox == NULL)
    g_cond_wait (&server.ready_cond, &server.lock);
  g_mutex_unlock (&server.lock);

  run (server.sandbox);

  g_main_loop_quit (server.loop);
  g_thread_join (thread);
  g_main_loop_unref (server.loop);
  g_mutex_clear (&server.lock);
  g_cond_clear (&server.ready_cond);
  return EXIT_SUCCESS;
}
