/* att-report.h: the certificates of an account, as rows for the report
 * writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-report-filter.h"
#include "att-report-row.h"
#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_REPORT (att_report_get_type ())

G_DECLARE_FINAL_TYPE (AttReport, att_report, ATT, REPORT, GObject)

AttReport             *att_report_new (const AttReportFilter *filter,
                                       GDateTime             *now,
                                       guint                  lead_days);

const AttReportFilter *att_report_get_filter (AttReport *self);
GDateTime             *att_report_get_now (AttReport *self);
guint                  att_report_get_lead_days (AttReport *self);
void                   att_report_set_thumbnails (AttReport *self,
                                                  gboolean   thumbnails);
gboolean               att_report_get_thumbnails (AttReport *self);

GListModel            *att_report_get_rows (AttReport *self);
guint                  att_report_get_n_rows (AttReport *self);
AttReportRow          *att_report_get_row (AttReport *self,
                                           guint      position);
guint                  att_report_count_status (AttReport           *self,
                                                AttCertificateStatus status);
char                 **att_report_dup_standards (AttReport *self);
guint                  att_report_count_standard (AttReport  *self,
                                                  const char *standard);

void                   att_report_add_missing_part (AttReport  *self,
                                                    const char *part);
const char *const     *att_report_get_missing_parts (AttReport *self);

void                   att_report_add_higg_certificates (AttReport  *self,
                                                         GListModel *certificates);
void                   att_report_add_pm_products (AttReport  *self,
                                                   GListModel *products);
void                   att_report_add_closient_assignments (AttReport  *self,
                                                            const char *gtin,
                                                            const char *product_name,
                                                            GListModel *assignments);

G_END_DECLS
