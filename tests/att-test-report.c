/* att-test-report.c: reports written to files, for the writers' tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-test-report.h"
#include "att-test-utils.h"

gboolean
att_test_write_report (AttReport      *report,
                       const char     *format_id,
                       const char     *path,
                       AttProgressFunc progress,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  att_report_write_async (report, att_report_format_lookup (format_id), target, progress, cancellable,
                          cancellable, att_test_store_result, &result);
  return att_report_write_finish (report, att_test_await_result (&result), error);
}

char *
att_test_write_report_ok (AttReport  *report,
                          const char *format_id,
                          const char *dir,
                          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (att_test_write_report (report, format_id, path, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

guint
att_test_count_dir_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

/* Runs a poppler tool on @path; returns its output. */
char *
att_test_run_poppler (const char *tool,
                      const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *program = g_find_program_in_path (tool);

  if (program == NULL)
    return NULL;
  if (g_str_equal (tool, "pdftotext"))
    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, program, "-enc", "UTF-8", path, "-", NULL);
  else
    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, program, path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return g_steal_pointer (&out);
}

gboolean
att_test_have_poppler (void)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");

  if (program == NULL)
    g_test_skip ("poppler-utils is not installed");
  return program != NULL;
}

/* The images `pdfimages -list` finds in @path, soft masks aside: each
 * use (@n_uses), and each image object once (the return value). */
guint
att_test_count_pdf_images (const char *path,
                           guint      *n_uses)
{
  g_autofree char *program = g_find_program_in_path ("pdfimages");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_nonnull (program);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, program, "-list", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  lines = g_strsplit (out, "\n", -1);
  *n_uses = 0;
  for (guint i = 2; lines[i] != NULL; i++)
    {
      /* page num type width height color comp bpc enc interp object gen ... */
      g_auto(GStrv) words = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);

      if (g_strv_length (words) < 12 || !g_str_equal (words[2], "image"))
        continue;
      (*n_uses)++;
      g_hash_table_add (objects, g_strdup_printf ("%s %s", words[10], words[11]));
    }
  return g_hash_table_size (objects);
}

guint
att_test_count_source (AttReport      *report,
                       AttReportSource source)
{
  guint n = 0;

  for (guint i = 0; i < att_report_get_n_rows (report); i++)
    n += att_report_row_get_source (att_report_get_row (report, i)) == source;
  return n;
}
