/* att-report-columns.h: the columns every tabular report writer prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-report-row.h"

G_BEGIN_DECLS

/**
 * AttReportColumn:
 *
 * The columns of a tabular report (CSV, and later XLSX and PDF), in their
 * order.  The dates are ISO 8601 calendar dates (YYYY-MM-DD, UTC).
 */
typedef enum {
  ATT_REPORT_COLUMN_SOURCE,
  ATT_REPORT_COLUMN_ACCOUNT,
  ATT_REPORT_COLUMN_PRODUCT_NAME,
  ATT_REPORT_COLUMN_PRODUCT_ID,
  ATT_REPORT_COLUMN_GTIN,
  ATT_REPORT_COLUMN_STYLE_NUMBER,
  ATT_REPORT_COLUMN_STANDARD,
  ATT_REPORT_COLUMN_AUTHORITY,
  ATT_REPORT_COLUMN_CERTIFICATE_NUMBER,
  ATT_REPORT_COLUMN_CERTIFICATE_NAME,
  ATT_REPORT_COLUMN_DATE_ISSUED,
  ATT_REPORT_COLUMN_DATE_EXPIRES,
  ATT_REPORT_COLUMN_STATUS,
  ATT_REPORT_COLUMN_VERIFICATION,
  ATT_REPORT_N_COLUMNS
} AttReportColumn;

const char *att_report_column_get_title (AttReportColumn column);
gboolean    att_report_column_is_date (AttReportColumn column);
char       *att_report_format_date (GDateTime *date);
char       *att_report_row_dup_text (AttReportRow   *row,
                                     AttReportColumn column);

G_END_DECLS
