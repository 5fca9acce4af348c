/* bench-base64.c: the streaming base64 encoder against coreutils' base64
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test --benchmark bench-base64 -v`.  Writes a 50 MB file
 * of random bytes in a temporary directory, encodes it three times with
 * att_base64_append_stream() as an upload would (from the file, into a
 * GString), and three times with `base64 -w0 FILE > /dev/null`, and prints
 * the medians, their ratio (the target is at most 2) and how much the
 * peak RSS grew while encoding, against the file's size.  The CPU time
 * of each is printed too: on a machine shared with other work it says
 * more than the time on the clock.  Prints figures; asserts nothing about
 * time.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/resource.h>
#include <time.h>

#include <glib/gstdio.h>

#include "att-base64-stream.h"

#define FILE_SIZE (50 * 1000 * 1000)
#define N_RUNS    3

/* The process's peak resident set so far, in kB (VmHWM). */
static guint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char      *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) : 0;
}

static void
write_random_file (const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree guint32 *buffer = g_new (guint32, 256 * 1024);
  FILE               *file = g_fopen (path, "wb");
  gsize               left = FILE_SIZE;

  g_assert_nonnull (file);
  while (left > 0)
    {
      gsize n = MIN (left, 256 * 1024 * sizeof (guint32));

      for (gsize i = 0; i < 256 * 1024; i++)
        buffer[i] = g_rand_int (rand);
      g_assert_cmpuint (fwrite (buffer, 1, n, file), ==, n);
      left -= n;
    }
  g_assert_cmpint (fclose (file), ==, 0);
}

typedef struct
{
  double wall_ms;
  double cpu_ms;
} Timing;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

static Timing
encode (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &error);
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 start;
  double cpu;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  cpu = thread_cpu_ms ();
  if (!att_base64_append_stream (G_INPUT_STREAM (stream), FILE_SIZE, out, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  g_assert_cmpuint (out->len, ==, (FILE_SIZE + 2) / 3 * 4);
  return (Timing){ (g_get_monotonic_time () - start) / 1000.0, thread_cpu_ms () - cpu };
}

static Timing
coreutils (const char *base64,
           const char *path)
{
  const char *argv[] = { base64, "-w0", path, NULL };
  g_autoptr(GError) error = NULL;
  int    status;
  gint64 start = g_get_monotonic_time ();
  double cpu = children_cpu_ms ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("base64: %s", error->message);
  return (Timing){ (g_get_monotonic_time () - start) / 1000.0, children_cpu_ms () - cpu };
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of the runs' wall-clock times and that of their CPU times. */
static Timing
median (const Timing runs[N_RUNS])
{
  double wall[N_RUNS], cpu[N_RUNS];

  for (guint i = 0; i < N_RUNS; i++)
    {
      wall[i] = runs[i].wall_ms;
      cpu[i] = runs[i].cpu_ms;
    }
  qsort (wall, N_RUNS, sizeof (double), compare_doubles);
  qsort (cpu, N_RUNS, sizeof (double), compare_doubles);
  return (Timing){ wall[N_RUNS / 2], cpu[N_RUNS / 2] };
}

static double
mb_per_s (double ms)
{
  return FILE_SIZE / 1e6 / (ms / 1000.0);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-bench-base64-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *base64 = g_find_program_in_path ("base64");
  Timing           runs[N_RUNS], ours, theirs;
  guint64          rss_before, rss_after;

  g_assert_no_error (error);
  path = g_build_filename (dir, "random.bin", NULL);
  write_random_file (path);

  rss_before = peak_rss_kb ();
  for (guint i = 0; i < N_RUNS; i++)
    runs[i] = encode (path);
  rss_after = peak_rss_kb ();
  ours = median (runs);
  printf ("# att_base64_append_stream, %.0f MB file: %.0f ms, %.0f MB/s; CPU %.0f ms (medians of %d)\n",
          FILE_SIZE / 1e6, ours.wall_ms, mb_per_s (ours.wall_ms), ours.cpu_ms, N_RUNS);
  printf ("# peak RSS grew by %.1f MB while encoding: %.2f x the file size\n",
          (rss_after - rss_before) / 1000.0, (rss_after - rss_before) * 1000.0 / FILE_SIZE);

  if (base64 != NULL)
    {
      for (guint i = 0; i < N_RUNS; i++)
        runs[i] = coreutils (base64, path);
      theirs = median (runs);
      printf ("# base64 -w0 (coreutils): %.0f ms, %.0f MB/s; CPU %.0f ms (medians of %d)\n",
              theirs.wall_ms, mb_per_s (theirs.wall_ms), theirs.cpu_ms, N_RUNS);
      printf ("# ours / coreutils: %.2f in time, %.2f in CPU time (target: at most 2)\n",
              ours.wall_ms / theirs.wall_ms, ours.cpu_ms / theirs.cpu_ms);
    }
  else
    printf ("# base64 not found: no coreutils figure to compare with\n");

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
