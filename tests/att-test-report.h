/* att-test-report.h: reports written to files, for the writers' tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-report-writer.h"

G_BEGIN_DECLS

/* Writes @report as @format_id to @path through att_report_write_async(),
 * waiting for it on the default main context. */
gboolean att_test_write_report (AttReport      *report,
                                const char     *format_id,
                                const char     *path,
                                AttProgressFunc progress,
                                GCancellable   *cancellable,
                                GError        **error);

/* Writes @report as @format_id to @dir/@name, asserting it succeeds;
 * returns the path. */
char    *att_test_write_report_ok (AttReport  *report,
                                   const char *format_id,
                                   const char *dir,
                                   const char *name);

/* How many entries @dir holds (a temporary file left behind shows). */
guint    att_test_count_dir_entries (const char *dir);

/* Runs poppler-utils' @tool (pdftotext as UTF-8, pdfinfo, pdffonts...)
 * on @path and returns its output, asserting it succeeds; %NULL when the
 * tool is not installed. */
char    *att_test_run_poppler (const char *tool,
                               const char *path);

/* Whether poppler-utils is installed; skips the test when not. */
gboolean att_test_have_poppler (void);

/* The image objects in the PDF at @path, by `pdfimages -list` (each
 * object once); @n_uses is set to the number of times they are drawn. */
guint    att_test_count_pdf_images (const char *path,
                                    guint      *n_uses);

/* How many of @report's rows come from @source. */
guint    att_test_count_source (AttReport      *report,
                                AttReportSource source);

G_END_DECLS
