/* bench-report.c: a report of 10,000 certificate rows, made and written
 * as CSV, JSON-LD, XLSX and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test --benchmark bench-report -v`.  Makes a report of
 * 1,000 products with ten Closient certifications each (10,000 rows, with
 * accents, quotes and formula-like names), then writes it as CSV (the
 * target is under 0.2 s) and as JSON-LD, three times each, through the
 * same temporary-file-and-rename path as the app; then as XLSX (target
 * under 1 s) and PDF (target under 2 s); peak RSS target under 200 MB.
 * Prints the median wall time, the CPU time and the file size of each,
 * and the peak RSS; then, if LibreOffice's soffice is installed, the time
 * it takes to convert the same CSV to XLSX and to PDF, the user's
 * alternative.  Prints figures; asserts nothing about time.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sys/resource.h>

#include <glib/gstdio.h>

#include "att-report-writer.h"
#include "att-test-utils.h"

#define N_PRODUCTS  1000
#define PER_PRODUCT 10
#define N_RUNS      3

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

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static AttClosientAssignment *
assignment_new (guint product,
                guint index)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"123e4567-e89b-12d3-a456-%012u\",\"label\":\"Standard %u, \\\"Öko\\\"\","
    "\"certificate_number\":\"=NOP-%u-%u\",\"issuing_body\":\"Organisme n°%u\","
    "\"valid_from\":\"2025-01-%02u\",\"expiration_date\":\"2026-%02u-%02u\","
    "\"verification_status\":\"verified\",\"scope\":\"All lines\"}",
    product * PER_PRODUCT + index, index, product, index, index % 7, 1 + index, 1 + product % 12, 1 + product % 28);
  g_autoptr(JsonNode) node = att_test_parse_value (json);
  g_autoptr(GError) error = NULL;
  AttClosientAssignment *assignment = att_closient_assignment_new_from_json (node, &error);

  g_assert_no_error (error);
  return assignment;
}

static AttReport *
report_new (void)
{
  AttReport *report = att_report_new (NULL, NULL, ATT_CERTIFICATE_DEFAULT_LEAD_DAYS);

  for (guint product = 0; product < N_PRODUCTS; product++)
    {
      g_autoptr(GListStore) list = g_list_store_new (ATT_TYPE_CLOSIENT_ASSIGNMENT);
      g_autofree char *gtin = g_strdup_printf ("%013u", 4000000 + product);
      g_autofree char *name = g_strdup_printf ("Produit n°%u, \"Édition\"\nspéciale 🧵", product);

      for (guint i = 0; i < PER_PRODUCT; i++)
        {
          g_autoptr(AttClosientAssignment) assignment = assignment_new (product, i);

          g_list_store_append (list, assignment);
        }
      att_report_add_closient_assignments (report, gtin, name, G_LIST_MODEL (list));
    }
  return report;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
bench_format (AttReport  *report,
              const char *format_id,
              const char *dir)
{
  g_autofree char *name = g_strconcat ("report.", format_id, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  double   walls[N_RUNS];
  double   cpu_start = cpu_seconds ();
  GStatBuf st;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      g_assert_true (att_report_write_file (report, att_report_format_lookup (format_id), target, NULL, NULL, NULL,
                                            &error));
      g_assert_no_error (error);
      walls[run] = (g_get_monotonic_time () - start) / 1e6;
    }
  qsort (walls, N_RUNS, sizeof (double), compare_doubles);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  printf ("%-7s %u rows: wall %.3f s (median of %u), CPU %.3f s per run, %.1f MB, peak RSS %" G_GUINT64_FORMAT
          " kB\n",
          format_id, att_report_get_n_rows (report), walls[N_RUNS / 2], N_RUNS,
          (cpu_seconds () - cpu_start) / N_RUNS, st.st_size / 1e6, peak_rss_kb ());
}

/* LibreOffice converting the CSV written above, once. */
static void
bench_soffice (const char *dir,
               const char *to)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *csv = g_build_filename (dir, "report.csv", NULL);
  g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s/soffice-profile", dir);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (soffice == NULL)
    {
      printf ("soffice --headless --convert-to %s: not timed, LibreOffice (soffice) is not installed\n", to);
      return;
    }
  start = g_get_monotonic_time ();
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, soffice,
                              profile, "--headless", "--convert-to", to, "--outdir", dir, csv, NULL);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, &error))
    {
      printf ("soffice --headless --convert-to %s: failed: %s\n", to, error->message);
      return;
    }
  printf ("soffice --headless --convert-to %s (LibreOffice, from the CSV): wall %.3f s\n", to,
          (g_get_monotonic_time () - start) / 1e6);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-bench-report-XXXXXX", &error);
  g_autoptr(AttReport) report = NULL;
  gint64 start;
  double cpu_start;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  report = report_new ();
  printf ("model   %u rows: wall %.3f s, CPU %.3f s, peak RSS %" G_GUINT64_FORMAT " kB\n",
          att_report_get_n_rows (report), (g_get_monotonic_time () - start) / 1e6, cpu_seconds () - cpu_start,
          peak_rss_kb ());
  g_assert_cmpuint (att_report_get_n_rows (report), ==, N_PRODUCTS * PER_PRODUCT);

  bench_format (report, "csv", dir);
  bench_format (report, "jsonld", dir);
  bench_format (report, "xlsx", dir);
  bench_format (report, "pdf", dir);
  bench_soffice (dir, "xlsx");
  bench_soffice (dir, "pdf");
  if (g_getenv ("BENCH_KEEP") == NULL)
    att_test_remove_dir (dir);
  else
    printf ("%s\n", dir);
  return 0;
}
