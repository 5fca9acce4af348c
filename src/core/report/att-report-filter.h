/* att-report-filter.h: which certificates a report keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-report-row.h"

G_BEGIN_DECLS

/* A bit of AttReportFilter.statuses. */
#define ATT_REPORT_STATUS_BIT(status) (1u << (status))

/**
 * AttReportFilter:
 * @sources: the sources kept; 0 keeps both
 * @standards: (nullable): the standards kept, compared ignoring case;
 *   %NULL or empty keeps every standard
 * @statuses: the statuses kept, as ATT_REPORT_STATUS_BIT()s; 0 keeps all
 * @expiring_within_days: keeps only rows whose expiry date is at most this
 *   many days after the report's "now" (expired rows included: combine
 *   with @statuses to leave them out); negative keeps every row, including
 *   those with no expiry date
 * @search: (nullable): kept rows' product name, id, GTIN or style number
 *   contain it, ignoring case
 * @account: (nullable): the account the report is of; its name is on
 *   every row
 *
 * A plain struct: set its members directly, with g_strdup() and
 * g_strdupv() for the strings, which att_report_filter_free() frees.
 */
typedef struct
{
  AttReportSource sources;
  char          **standards;
  guint           statuses;
  int             expiring_within_days;
  char           *search;
  char           *account;
} AttReportFilter;

#define ATT_TYPE_REPORT_FILTER (att_report_filter_get_type ())
GType            att_report_filter_get_type (void) G_GNUC_CONST;

AttReportFilter *att_report_filter_new (void);
AttReportFilter *att_report_filter_copy (const AttReportFilter *filter);
void             att_report_filter_free (AttReportFilter *filter);
gboolean         att_report_filter_wants_source (const AttReportFilter *filter,
                                                 AttReportSource        source);
char           **att_report_filter_describe (const AttReportFilter *filter);
gboolean         att_report_filter_accepts (const AttReportFilter *filter,
                                            AttReportRow          *row,
                                            GDateTime             *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttReportFilter, att_report_filter_free)

G_END_DECLS
