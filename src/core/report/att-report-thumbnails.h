/* att-report-thumbnails.h: the pictures of a report's certificates,
 * decoded once each, for the PDF writer and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "att-progress.h"
#include "att-report.h"

G_BEGIN_DECLS

#define ATT_TYPE_REPORT_THUMBNAILS (att_report_thumbnails_get_type ())

G_DECLARE_FINAL_TYPE (AttReportThumbnails, att_report_thumbnails, ATT, REPORT_THUMBNAILS, GObject)

AttReportThumbnails *att_report_thumbnails_new (int size_px);
int                  att_report_thumbnails_get_size (AttReportThumbnails *self);

cairo_surface_t     *att_report_thumbnails_get (AttReportThumbnails *self,
                                                AttReportRow        *row);

void                 att_report_thumbnails_load_rows (AttReportThumbnails *self,
                                                      AttReport           *report,
                                                      guint                start,
                                                      guint                end,
                                                      GCancellable        *cancellable);
void                 att_report_thumbnails_load_async (AttReportThumbnails *self,
                                                       AttReport           *report,
                                                       AttProgressFunc      progress,
                                                       gpointer             progress_data,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean             att_report_thumbnails_load_finish (AttReportThumbnails *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
