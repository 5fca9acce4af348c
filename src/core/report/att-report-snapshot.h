/* att-report-snapshot.h: what Higg and Closient said about an account's
 * certificates, read once, for reports of any filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-progress.h"
#include "att-report.h"

G_BEGIN_DECLS

/**
 * AttReportFetchFlags:
 * @ATT_REPORT_FETCH_DEFAULT: Closient is asked about the GTINs given only
 * @ATT_REPORT_FETCH_PM_GTINS: and about the barcodes of the PM products
 *   read, each GTIN once
 */
typedef enum {
  ATT_REPORT_FETCH_DEFAULT = 0,
  ATT_REPORT_FETCH_PM_GTINS = 1 << 0,
} AttReportFetchFlags;

#define ATT_TYPE_REPORT_SNAPSHOT (att_report_snapshot_get_type ())

G_DECLARE_FINAL_TYPE (AttReportSnapshot, att_report_snapshot, ATT, REPORT_SNAPSHOT, GObject)

void               att_report_snapshot_fetch_async (AttHiggClient      *higg,
                                                    AttClosientClient  *closient,
                                                    const char *const  *gtins,
                                                    GListModel         *products,
                                                    AttReportFetchFlags flags,
                                                    AttProgressFunc     progress,
                                                    gpointer            progress_data,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
AttReportSnapshot *att_report_snapshot_fetch_finish (GAsyncResult *result,
                                                     GError      **error);

GDateTime         *att_report_snapshot_get_fetched_at (AttReportSnapshot *self);
guint              att_report_snapshot_get_n_gtins (AttReportSnapshot *self);

void               att_report_snapshot_make_async (AttReportSnapshot     *self,
                                                   const AttReportFilter *filter,
                                                   GDateTime             *now,
                                                   guint                  lead_days,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
AttReport         *att_report_snapshot_make_finish (AttReportSnapshot *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);

G_END_DECLS
