/* att-report-row.h: one line of a certificate report: a certificate on
 * one product
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-certificate.h"
#include "att-closient-assignment.h"
#include "att-types.h"

G_BEGIN_DECLS

/**
 * AttReportSource:
 * @ATT_REPORT_SOURCE_HIGG: a Higg certificate, found through PM search
 * @ATT_REPORT_SOURCE_CLOSIENT: a Closient certification on a GTIN
 *
 * Where a row comes from; also a flag set, for filters.
 */
typedef enum {
  ATT_REPORT_SOURCE_HIGG = 1 << 0,
  ATT_REPORT_SOURCE_CLOSIENT = 1 << 1,
} AttReportSource;

#define ATT_REPORT_SOURCE_ALL (ATT_REPORT_SOURCE_HIGG | ATT_REPORT_SOURCE_CLOSIENT)

#define ATT_TYPE_REPORT_SOURCE (att_report_source_get_type ())
GType       att_report_source_get_type (void) G_GNUC_CONST;
const char *att_report_source_get_label (AttReportSource source);

#define ATT_TYPE_REPORT_ROW (att_report_row_get_type ())

G_DECLARE_FINAL_TYPE (AttReportRow, att_report_row, ATT, REPORT_ROW, GObject)

AttReportSource         att_report_row_get_source (AttReportRow *self);
const char             *att_report_row_get_account (AttReportRow *self);
const char             *att_report_row_get_product_name (AttReportRow *self);
const char             *att_report_row_get_product_id (AttReportRow *self);
const char             *att_report_row_get_gtin (AttReportRow *self);
const char             *att_report_row_get_style_number (AttReportRow *self);
const char             *att_report_row_get_certificate_id (AttReportRow *self);
const char             *att_report_row_get_standard (AttReportRow *self);
const char             *att_report_row_get_authority (AttReportRow *self);
const char             *att_report_row_get_certificate_number (AttReportRow *self);
const char             *att_report_row_get_certificate_name (AttReportRow *self);
const char             *att_report_row_get_certification_value (AttReportRow *self);
const char             *att_report_row_get_scope (AttReportRow *self);
const char             *att_report_row_get_verification_url (AttReportRow *self);
GDateTime              *att_report_row_get_date_issued (AttReportRow *self);
GDateTime              *att_report_row_get_date_expires (AttReportRow *self);
AttCertificateStatus    att_report_row_get_status (AttReportRow *self);
AttClosientVerification att_report_row_get_verification (AttReportRow *self);

gboolean                att_report_row_matches_search (AttReportRow *self,
                                                       const char   *casefolded);
int                     att_report_row_compare (gconstpointer a,
                                                gconstpointer b,
                                                gpointer      user_data);

G_END_DECLS
