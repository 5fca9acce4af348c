/* att-report-private.h: rows into a report, for its sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-report-row-private.h"
#include "att-report.h"

G_BEGIN_DECLS

void _att_report_take_rows (AttReport *self,
                            GPtrArray *rows);

G_END_DECLS
