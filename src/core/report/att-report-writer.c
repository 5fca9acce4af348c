/* att-report-writer.c: a report written to a file, in one of its formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-report-file.h"
#include "att-report-writer.h"

static const AttReportFormat csv_format = {
  "csv",
  "csv",
  "text/csv",
  att_report_write_csv,
};

static const AttReportFormat jsonld_format = {
  "jsonld",
  "jsonld",
  "application/ld+json",
  att_report_write_jsonld,
};

static const AttReportFormat xlsx_format = {
  "xlsx",
  "xlsx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  att_report_write_xlsx,
};

static const AttReportFormat pdf_format = {
  "pdf",
  "pdf",
  "application/pdf",
  att_report_write_pdf,
};

/* Found by its id only: a ".pdf" file is A4. */
static const AttReportFormat pdf_letter_format = {
  "pdf-letter",
  "pdf",
  "application/pdf",
  att_report_write_pdf_letter,
};

static const AttReportFormat *const formats[] = {
  &csv_format,
  &jsonld_format,
  &xlsx_format,
  &pdf_format,
  &pdf_letter_format,
  NULL,
};

/**
 * att_report_format_get_all:
 *
 * Returns: (transfer none): the formats, %NULL-terminated
 */
const AttReportFormat *const *
att_report_format_get_all (void)
{
  return formats;
}

/**
 * att_report_format_lookup:
 * @id: a format's id or extension, in any case
 *
 * Returns: (nullable): the format, or %NULL if there is none of that name
 */
const AttReportFormat *
att_report_format_lookup (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; formats[i] != NULL; i++)
    if (g_ascii_strcasecmp (formats[i]->id, id) == 0 || g_ascii_strcasecmp (formats[i]->extension, id) == 0)
      return formats[i];
  return NULL;
}

/**
 * att_report_format_for_file:
 *
 * Returns: (nullable): the format @file's extension names, or %NULL
 */
const AttReportFormat *
att_report_format_for_file (GFile *file)
{
  g_autofree char *basename = NULL;
  const char      *dot;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  dot = basename != NULL ? strrchr (basename, '.') : NULL;
  return dot != NULL ? att_report_format_lookup (dot + 1) : NULL;
}

typedef struct
{
  AttReport             *report;
  const AttReportFormat *format;
  GFile                 *target;
  AttProgressFunc        progress;
  gpointer               progress_data;
} Write;

static void
write_free (Write *write)
{
  g_object_unref (write->report);
  g_object_unref (write->target);
  g_free (write);
}

static gboolean
write_stream (GOutputStream *stream,
              gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  Write *write = user_data;

  return write->format->write (write->report, stream, write->progress, write->progress_data, cancellable,
                               error);
}

/**
 * att_report_write_file:
 * @progress: (nullable) (scope call): called on this thread with the rows
 *   written of the rows
 *
 * Writes @report to @target in @format, whole or not at all (see
 * att_report_file_write()).  It blocks: attest-cli calls it directly, the
 * app through att_report_write_async().
 *
 * Returns: whether @target was written
 */
gboolean
att_report_write_file (AttReport             *report,
                       const AttReportFormat *format,
                       GFile                 *target,
                       AttProgressFunc        progress,
                       gpointer               progress_data,
                       GCancellable          *cancellable,
                       GError               **error)
{
  Write write = { report, format, target, progress, progress_data };

  g_return_val_if_fail (ATT_IS_REPORT (report), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);

  return att_report_file_write (target, write_stream, &write, cancellable, error);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Write  *write = task_data;
  GError *error = NULL;

  if (att_report_write_file (write->report, write->format, write->target, write->progress, write->progress_data,
                             cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * att_report_write_async:
 * @progress: (nullable): called on the worker thread (not the caller's)
 *   with the rows written of the rows; it must be thread-safe
 *
 * Writes @report to @target in @format in a worker thread.
 */
void
att_report_write_async (AttReport             *report,
                        const AttReportFormat *format,
                        GFile                 *target,
                        AttProgressFunc        progress,
                        gpointer               progress_data,
                        GCancellable          *cancellable,
                        GAsyncReadyCallback    callback,
                        gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Write *write;

  g_return_if_fail (ATT_IS_REPORT (report));
  g_return_if_fail (format != NULL);
  g_return_if_fail (G_IS_FILE (target));

  write = g_new0 (Write, 1);
  write->report = g_object_ref (report);
  write->format = format;
  write->target = g_object_ref (target);
  write->progress = progress;
  write->progress_data = progress_data;

  task = g_task_new (report, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_report_write_async));
  g_task_set_task_data (task, write, (GDestroyNotify) write_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
att_report_write_finish (AttReport    *report,
                         GAsyncResult *result,
                         GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, report), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_report_write_async),
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
