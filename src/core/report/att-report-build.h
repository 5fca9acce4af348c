/* att-report-build.h: a report of an account's certificates, read from
 * Higg and Closient
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-progress.h"
#include "att-report.h"

G_BEGIN_DECLS

/* The PM search page the builder reads certificates through. */
#define ATT_REPORT_BUILD_PAGE_SIZE 50

void       att_report_build_async (AttHiggClient         *higg,
                                   AttClosientClient     *closient,
                                   const char *const     *gtins,
                                   const AttReportFilter *filter,
                                   GDateTime             *now,
                                   guint                  lead_days,
                                   AttProgressFunc        progress,
                                   gpointer               progress_data,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data);
AttReport *att_report_build_finish (GAsyncResult *result,
                                    GError      **error);

G_END_DECLS
