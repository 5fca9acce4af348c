/* att-report-row-private.h: how the report makes its rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-report-row.h"

G_BEGIN_DECLS

/* The text fields of a row, in the order of AttReportRow's strings. */
typedef enum {
  ATT_REPORT_FIELD_ACCOUNT,
  ATT_REPORT_FIELD_PRODUCT_NAME,
  ATT_REPORT_FIELD_PRODUCT_ID,
  ATT_REPORT_FIELD_GTIN,
  ATT_REPORT_FIELD_STYLE_NUMBER,
  ATT_REPORT_FIELD_CERTIFICATE_ID,
  ATT_REPORT_FIELD_STANDARD,
  ATT_REPORT_FIELD_AUTHORITY,
  ATT_REPORT_FIELD_CERTIFICATE_NUMBER,
  ATT_REPORT_FIELD_CERTIFICATE_NAME,
  ATT_REPORT_FIELD_CERTIFICATION_VALUE,
  ATT_REPORT_FIELD_SCOPE,
  ATT_REPORT_FIELD_VERIFICATION_URL,
  ATT_REPORT_N_FIELDS
} AttReportField;

AttReportRow *_att_report_row_new (AttReportSource source);
void          _att_report_row_set (AttReportRow  *self,
                                   AttReportField field,
                                   const char    *value);
void          _att_report_row_set_dates (AttReportRow *self,
                                         GDateTime    *issued,
                                         GDateTime    *expires);
void          _att_report_row_set_verification (AttReportRow           *self,
                                                AttClosientVerification verification);
void          _att_report_row_set_picture (AttReportRow   *self,
                                           AttCertificate *certificate,
                                           guint           index);
gboolean      _att_report_row_has_picture (AttReportRow *self);
GBytes       *_att_report_row_decode_picture (AttReportRow *self,
                                              GError      **error);
void          _att_report_row_judge (AttReportRow *self,
                                     GDateTime    *now,
                                     guint         lead_days);

G_END_DECLS
