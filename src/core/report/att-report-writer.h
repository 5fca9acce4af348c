/* att-report-writer.h: a report written to a file, in one of its formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-progress.h"
#include "att-report.h"

G_BEGIN_DECLS

/* Writes @report to @stream; @progress (nullable) is called on the
 * writing thread with rows done of rows. */
typedef gboolean (*AttReportWriteFunc) (AttReport      *report,
                                        GOutputStream  *stream,
                                        AttProgressFunc progress,
                                        gpointer        progress_data,
                                        GCancellable   *cancellable,
                                        GError        **error);

/**
 * AttReportFormat:
 * @id: the name attest-cli's --format takes ("csv", "jsonld", "xlsx", "pdf",
 *   "pdf-letter")
 * @extension: the file name extension, without the dot
 * @mime_type: for a file chooser's filter
 * @write: writes a report in this format
 *
 * One format of report.  A new format (XLSX, PDF) is one more entry in
 * the table att_report_format_get_all() returns, with its write function.
 */
typedef struct
{
  const char        *id;
  const char        *extension;
  const char        *mime_type;
  AttReportWriteFunc write;
} AttReportFormat;

const AttReportFormat *const *att_report_format_get_all (void);
const AttReportFormat        *att_report_format_lookup (const char *id);
const AttReportFormat        *att_report_format_for_file (GFile *file);

gboolean                      att_report_write_file (AttReport             *report,
                                                     const AttReportFormat *format,
                                                     GFile                 *target,
                                                     AttProgressFunc        progress,
                                                     gpointer               progress_data,
                                                     GCancellable          *cancellable,
                                                     GError               **error);
void                          att_report_write_async (AttReport             *report,
                                                      const AttReportFormat *format,
                                                      GFile                 *target,
                                                      AttProgressFunc        progress,
                                                      gpointer               progress_data,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean                      att_report_write_finish (AttReport    *report,
                                                       GAsyncResult *result,
                                                       GError      **error);

/* The formats written so far. */
gboolean                      att_report_write_csv (AttReport      *report,
                                                    GOutputStream  *stream,
                                                    AttProgressFunc progress,
                                                    gpointer        progress_data,
                                                    GCancellable   *cancellable,
                                                    GError        **error);
gboolean                      att_report_write_jsonld (AttReport      *report,
                                                       GOutputStream  *stream,
                                                       AttProgressFunc progress,
                                                       gpointer        progress_data,
                                                       GCancellable   *cancellable,
                                                       GError        **error);
gboolean                      att_report_write_xlsx (AttReport      *report,
                                                     GOutputStream  *stream,
                                                     AttProgressFunc progress,
                                                     gpointer        progress_data,
                                                     GCancellable   *cancellable,
                                                     GError        **error);
gboolean                      att_report_write_pdf (AttReport      *report,
                                                    GOutputStream  *stream,
                                                    AttProgressFunc progress,
                                                    gpointer        progress_data,
                                                    GCancellable   *cancellable,
                                                    GError        **error);
gboolean                      att_report_write_pdf_letter (AttReport      *report,
                                                           GOutputStream  *stream,
                                                           AttProgressFunc progress,
                                                           gpointer        progress_data,
                                                           GCancellable   *cancellable,
                                                           GError        **error);

G_END_DECLS
