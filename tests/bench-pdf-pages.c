/* bench-pdf-pages.c: a 20-page PDF turned into images, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test --benchmark bench-pdf-pages -v`.  Writes a 20-page
 * A4 PDF full of text with cairo, renders it with att_pdf_pages_render()
 * at the default resolution in a worker thread while the main loop runs,
 * three times, and prints the median time (the target is under 3 s), the
 * time per page, the CPU time of the worker (which says more than the
 * clock on a machine shared with other work), the size of the images and
 * the longest the main loop went without running.  Prints figures;
 * asserts nothing about time.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <time.h>

#include <glib/gstdio.h>

#include "att-pdf-pages.h"
#include "att-test-files.h"

#define N_PAGES 20
#define N_LINES 64
#define N_RUNS  3

typedef struct
{
  GFile     *pdf;
  double     cpu_ms;
  GPtrArray *pages;
  gint64     last_tick;
  gint64     longest_gap;
  gboolean   done;
} Run;

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Run            *run = task_data;
  GError         *error = NULL;
  GPtrArray      *pages;
  struct timespec start, end;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &start);
  pages = att_pdf_pages_render (run->pdf, ATT_PDF_PAGES_DEFAULT_DPI, NULL, NULL, cancellable, &error);
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &end);
  run->cpu_ms = (end.tv_sec - start.tv_sec) * 1e3 + (end.tv_nsec - start.tv_nsec) / 1e6;

  if (pages == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pages, (GDestroyNotify) g_ptr_array_unref);
}

static void
rendered (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  run->pages = g_task_propagate_pointer (G_TASK (result), &error);
  g_assert_no_error (error);
  run->done = TRUE;
}

/* Runs at every turn of the idle main loop, to see how long it waits. */
static gboolean
tick (gpointer user_data)
{
  Run   *run = user_data;
  gint64 now = g_get_monotonic_time ();

  run->longest_gap = MAX (run->longest_gap, now - run->last_tick);
  run->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static double
render_ms (GFile *pdf,
           Run   *run)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, rendered, run);
  gint64 start = g_get_monotonic_time ();
  guint  tick_id;

  run->last_tick = start;
  tick_id = g_timeout_add (1, tick, run);
  run->pdf = pdf;
  g_task_set_task_data (task, run, NULL);
  g_task_run_in_thread (task, render_thread);
  g_clear_object (&task);
  while (!run->done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick_id);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-bench-pdf-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) pdf = NULL;
  double times[N_RUNS], cpu[N_RUNS];
  gint64 longest_gap = 0;
  gsize  png_bytes = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "certificate.pdf", NULL);
  att_test_write_pdf (path, N_PAGES, NULL, N_LINES);
  pdf = g_file_new_for_path (path);

  for (guint i = 0; i < N_RUNS; i++)
    {
      Run run = { 0 };

      times[i] = render_ms (pdf, &run);
      cpu[i] = run.cpu_ms;
      g_assert_cmpuint (run.pages->len, ==, N_PAGES);
      longest_gap = MAX (longest_gap, run.longest_gap);
      png_bytes = 0;
      for (guint p = 0; p < run.pages->len; p++)
        png_bytes += g_bytes_get_size (run.pages->pdata[p]);
      g_ptr_array_unref (run.pages);
    }
  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  qsort (cpu, N_RUNS, sizeof (double), compare_doubles);

  printf ("# %d A4 pages of text at %.0f dpi: %.0f ms in all, %.0f ms a page (median of %d; "
          "target: under 3000 ms)\n",
          N_PAGES, ATT_PDF_PAGES_DEFAULT_DPI, times[N_RUNS / 2], times[N_RUNS / 2] / N_PAGES, N_RUNS);
  printf ("# CPU time of the worker: %.0f ms, %.0f ms a page (median)\n", cpu[N_RUNS / 2],
          cpu[N_RUNS / 2] / N_PAGES);
  printf ("# PNG images: %.1f MB in all, %.0f kB a page\n", png_bytes / 1e6, png_bytes / 1e3 / N_PAGES);
  printf ("# longest main-loop gap while rendering: %.1f ms\n", longest_gap / 1000.0);

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
