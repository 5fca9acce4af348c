/* att-report-columns.c: the columns every tabular report writer prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-report-columns.h"

/* Translated with the context "report column". */
static const char *const titles[ATT_REPORT_N_COLUMNS] = {
  NC_ ("report column", "Source"),
  NC_ ("report column", "Account"),
  NC_ ("report column", "Product"),
  NC_ ("report column", "Product ID"),
  NC_ ("report column", "GTIN"),
  NC_ ("report column", "Style number"),
  NC_ ("report column", "Standard"),
  NC_ ("report column", "Issuing body"),
  NC_ ("report column", "Certificate number"),
  NC_ ("report column", "Certificate name"),
  NC_ ("report column", "Issued"),
  NC_ ("report column", "Expires"),
  NC_ ("report column", "Status"),
  NC_ ("report column", "Verification"),
};

/**
 * att_report_column_get_title:
 *
 * Returns: the column's header, translated
 */
const char *
att_report_column_get_title (AttReportColumn column)
{
  g_return_val_if_fail (column < ATT_REPORT_N_COLUMNS, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "report column", titles[column]);
}

/**
 * att_report_column_is_date:
 *
 * Returns: whether the column holds a date (a typed cell in a spreadsheet)
 */
gboolean
att_report_column_is_date (AttReportColumn column)
{
  return column == ATT_REPORT_COLUMN_DATE_ISSUED || column == ATT_REPORT_COLUMN_DATE_EXPIRES;
}

/**
 * att_report_format_date:
 * @date: (nullable): a date
 *
 * Returns: (transfer full): @date as an ISO 8601 calendar date in UTC
 *   (2026-12-31), or "" for %NULL
 */
char *
att_report_format_date (GDateTime *date)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date == NULL)
    return g_strdup ("");
  utc = g_date_time_to_utc (date);
  return g_date_time_format (utc, "%Y-%m-%d");
}

static const char *
verification_text (AttReportRow *row)
{
  /* Higg has no verification of its own. */
  if (att_report_row_get_source (row) != ATT_REPORT_SOURCE_CLOSIENT)
    return "";
  return att_closient_verification_get_label (att_report_row_get_verification (row));
}

static const char *
row_text (AttReportRow   *row,
          AttReportColumn column)
{
  switch (column)
    {
    case ATT_REPORT_COLUMN_SOURCE:
      return att_report_source_get_label (att_report_row_get_source (row));
    case ATT_REPORT_COLUMN_ACCOUNT:
      return att_report_row_get_account (row);
    case ATT_REPORT_COLUMN_PRODUCT_NAME:
      return att_report_row_get_product_name (row);
    case ATT_REPORT_COLUMN_PRODUCT_ID:
      return att_report_row_get_product_id (row);
    case ATT_REPORT_COLUMN_GTIN:
      return att_report_row_get_gtin (row);
    case ATT_REPORT_COLUMN_STYLE_NUMBER:
      return att_report_row_get_style_number (row);
    case ATT_REPORT_COLUMN_STANDARD:
      return att_report_row_get_standard (row);
    case ATT_REPORT_COLUMN_AUTHORITY:
      return att_report_row_get_authority (row);
    case ATT_REPORT_COLUMN_CERTIFICATE_NUMBER:
      return att_report_row_get_certificate_number (row);
    case ATT_REPORT_COLUMN_CERTIFICATE_NAME:
      return att_report_row_get_certificate_name (row);
    case ATT_REPORT_COLUMN_STATUS:
      return att_certificate_status_get_label (att_report_row_get_status (row));
    case ATT_REPORT_COLUMN_VERIFICATION:
      return verification_text (row);
    case ATT_REPORT_COLUMN_DATE_ISSUED:
    case ATT_REPORT_COLUMN_DATE_EXPIRES:
    case ATT_REPORT_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/**
 * att_report_row_dup_text:
 *
 * Returns: (transfer full): the cell of @row in @column, as text; dates
 *   as att_report_format_date() writes them, "" when missing
 */
char *
att_report_row_dup_text (AttReportRow   *row,
                         AttReportColumn column)
{
  g_return_val_if_fail (ATT_IS_REPORT_ROW (row), NULL);
  g_return_val_if_fail (column < ATT_REPORT_N_COLUMNS, NULL);

  if (column == ATT_REPORT_COLUMN_DATE_ISSUED)
    return att_report_format_date (att_report_row_get_date_issued (row));
  if (column == ATT_REPORT_COLUMN_DATE_EXPIRES)
    return att_report_format_date (att_report_row_get_date_expires (row));
  return g_strdup (row_text (row, column));
}
