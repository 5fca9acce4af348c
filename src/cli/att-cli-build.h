/* att-cli-build.h: the report attest-cli writes or lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-cli-connection.h"
#include "att-report.h"

G_BEGIN_DECLS

AttReport *att_cli_build_report (AttCliConnection      *connection,
                                 const char *const     *gtins,
                                 const AttReportFilter *filter,
                                 guint                  lead_days,
                                 GCancellable          *cancellable,
                                 GError               **error);
int        att_cli_fail_incomplete (AttReport *report);

G_END_DECLS
