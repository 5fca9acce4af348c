/* bench-startup.c: how soon Attest shows products, against a bare window
 *
 * Usage: bench-startup ATTEST BARE-WINDOW [RUNS]
 *
 * Starts, interleaved, RUNS times each (7 by default, after one warm-up run
 * each that fills the shader and font caches): a bare AdwApplicationWindow
 * (bench-bare-window.c), Attest against a sandbox with the 79 demo products,
 * Attest against one with 100,000 generated products, and `attest --demo`,
 * which also starts its own sandbox. Each is timed from just before it is
 * spawned to its first painted frame and, for Attest, to the first painted
 * frame with product rows (markers written by att-frame-trace.c). Prints
 * the medians and their ratio to the bare window's first frame; asserts
 * nothing about time, which depends on the machine.
 *
 * Needs a display and a session bus: `meson test --benchmark` runs it
 * through tests/run-headless.sh, which provides both when they are missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "att-sandbox.h"

#define TRACE_FD      3
#define RUN_TIMEOUT_S 60
#define N_GENERATED   100000

typedef struct
{
  const char *label;
  char      **argv;
  gboolean    wants_rows;
  GArray     *frame_ms;
  GArray     *rows_ms;
} Subject;

typedef struct
{
  GMainLoop        *loop;
  GDataInputStream *markers;
  gint64            start;
  double            frame_ms;
  double            rows_ms;
  gboolean          wants_rows;
  gboolean          timed_out;
} Run;

static gboolean
run_is_done (Run *run)
{
  return run->frame_ms >= 0 && (!run->wants_rows || run->rows_ms >= 0);
}

static void
take_marker (Run        *run,
             const char *line)
{
  g_auto(GStrv) fields = g_strsplit (line, " ", 2);
  double ms;

  if (g_strv_length (fields) != 2)
    return;

  ms = (g_ascii_strtoll (fields[1], NULL, 10) - run->start) / 1000.0;
  if (g_str_equal (fields[0], "frame") && run->frame_ms < 0)
    run->frame_ms = ms;
  else if (g_str_equal (fields[0], "rows") && run->rows_ms < 0)
    run->rows_ms = ms;
}

static void
marker_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run             *run = user_data;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish (run->markers, result, NULL, NULL);
  if (line != NULL)
    take_marker (run, line);

  if (line == NULL || run_is_done (run))
    {
      g_main_loop_quit (run->loop);
      return;
    }
  g_data_input_stream_read_line_async (run->markers, G_PRIORITY_DEFAULT, NULL,
                                       marker_read_cb, run);
}

static gboolean
run_timeout_cb (gpointer user_data)
{
  Run *run = user_data;

  run->timed_out = TRUE;
  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

static GSubprocess *
spawn_traced (char **argv,
              int   *read_fd)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  int          fds[2];

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, &error))
    g_error ("pipe: %s", error->message);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_take_fd (launcher, fds[1], TRACE_FD);
  g_subprocess_launcher_setenv (launcher, "ATTEST_FRAME_TRACE", G_STRINGIFY (TRACE_FD), TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv, &error);
  if (process == NULL)
    g_error ("Could not start %s: %s", argv[0], error->message);
  *read_fd = fds[0];
  return process;
}

/* Starts the subject, waits for its markers, then ends it. */
static void
run_subject (Subject *subject,
             gboolean keep)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GInputStream) pipe_in = NULL;
  Run   run = { loop, NULL, 0, -1, -1, subject->wants_rows, FALSE };
  guint timeout;
  int   read_fd;

  run.start = g_get_monotonic_time ();
  process = spawn_traced (subject->argv, &read_fd);
  pipe_in = g_unix_input_stream_new (read_fd, TRUE);
  run.markers = g_data_input_stream_new (pipe_in);

  timeout = g_timeout_add_seconds (RUN_TIMEOUT_S, run_timeout_cb, &run);
  g_data_input_stream_read_line_async (run.markers, G_PRIORITY_DEFAULT, NULL,
                                       marker_read_cb, &run);
  g_main_loop_run (loop);
  if (!run.timed_out)
    g_source_remove (timeout);

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
  g_object_unref (run.markers);

  if (!run_is_done (&run))
    g_error ("%s: no %s marker within %d s", subject->label,
             run.frame_ms < 0 ? "frame" : "rows", RUN_TIMEOUT_S);
  if (!keep)
    return;
  g_array_append_val (subject->frame_ms, run.frame_ms);
  if (subject->wants_rows)
    g_array_append_val (subject->rows_ms, run.rows_ms);
}

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

static AttSandbox *
start_sandbox (const char *data_dir,
               guint       n_generated)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttSandbox) sandbox = att_sandbox_new_full (NULL, data_dir, &error);

  g_assert_no_error (error);
  if (n_generated > 0)
    att_sandbox_add_generated_products (sandbox, n_generated, 42, &error);
  else
    att_sandbox_seed_demo (sandbox, &error);
  g_assert_no_error (error);
  att_sandbox_listen (sandbox, 0, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&sandbox);
}

static Subject *
subject_new (const char *label,
             gboolean    wants_rows,
             ...)
{
  Subject *subject = g_new0 (Subject, 1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *arg;
  va_list     args;

  va_start (args, wants_rows);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, arg);
  va_end (args);

  subject->label = label;
  subject->argv = g_strv_builder_end (builder);
  subject->wants_rows = wants_rows;
  subject->frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  subject->rows_ms = g_array_new (FALSE, FALSE, sizeof (double));
  return subject;
}

static void
print_subject (Subject *subject,
               double   bare_frame)
{
  double frame = median (subject->frame_ms);

  printf ("# %-32s first frame %6.0f ms (%.2fx)", subject->label, frame, frame / bare_frame);
  if (subject->wants_rows)
    {
      double rows = median (subject->rows_ms);

      printf ("   rows %6.0f ms (%.2fx)", rows, rows / bare_frame);
    }
  printf ("\n");
}

static void
isolate_environment (const char *tmp)
{
  const char *dirs[] = { "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME" };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (tmp, dirs[i], NULL);

      g_mkdir_with_parents (path, 0700);
      g_setenv (dirs[i], path, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = NULL;
  g_autoptr(AttSandbox) demo = NULL;
  g_autoptr(AttSandbox) large = NULL;
  Subject *subjects[4];
  guint    runs;

  if (argc < 3)
    {
      fprintf (stderr, "Usage: %s ATTEST BARE-WINDOW [RUNS]\n", argv[0]);
      return 2;
    }
  runs = argc > 3 ? (guint) atoi (argv[3]) : 7;

  tmp = g_dir_make_tmp ("attest-bench-startup-XXXXXX", NULL);
  isolate_environment (tmp);
  demo = start_sandbox (tmp, 0);
  large = start_sandbox (tmp, N_GENERATED);

  subjects[0] = subject_new ("bare window", FALSE, argv[2], NULL);
  subjects[1] = subject_new ("attest, 79 products", TRUE, argv[1], "--sandbox-url",
                             att_sandbox_get_base_url (demo), NULL);
  subjects[2] = subject_new ("attest, 100,000 products", TRUE, argv[1], "--sandbox-url",
                             att_sandbox_get_base_url (large), NULL);
  subjects[3] = subject_new ("attest --demo (79, own sandbox)", TRUE, argv[1], "--demo", NULL);

  for (guint round = 0; round <= runs; round++)
    for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
      run_subject (subjects[i], round > 0);

  printf ("# start-up, median of %u interleaved runs, from spawn to painted frame; "
          "ratios to the bare window's first frame\n",
          runs);
  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    print_subject (subjects[i], median (subjects[0]->frame_ms));

  return EXIT_SUCCESS;
}
