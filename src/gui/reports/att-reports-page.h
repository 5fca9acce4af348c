/* att-reports-page.h: the Reports view, a certificate report's filters,
 * preview, counts and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-report-writer.h"
#include "att-report.h"
#include "att-types.h"

G_BEGIN_DECLS

/* How many rows of the report the preview shows. */
#define ATT_REPORTS_PAGE_PREVIEW_ROWS 200

#define ATT_TYPE_REPORTS_PAGE (att_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (AttReportsPage, att_reports_page, ATT, REPORTS_PAGE, GtkWidget)

GtkWidget     *att_reports_page_new (AttContext *context);
AttReport     *att_reports_page_get_report (AttReportsPage *self);
gboolean       att_reports_page_get_building (AttReportsPage *self);
gboolean       att_reports_page_get_exporting (AttReportsPage *self);
GtkColumnView *att_reports_page_get_column_view (AttReportsPage *self);
void           att_reports_page_set_search_text (AttReportsPage *self,
                                                 const char     *text);
void           att_reports_page_set_status_shown (AttReportsPage      *self,
                                                  AttCertificateStatus status,
                                                  gboolean             shown);
void           att_reports_page_set_expiring_within (AttReportsPage *self,
                                                     int             days);
void           att_reports_page_export (AttReportsPage        *self,
                                        GFile                 *file,
                                        const AttReportFormat *format);
void           att_reports_page_print (AttReportsPage *self,
                                       GFile          *export_file);
gboolean       att_reports_page_get_printing (AttReportsPage *self);
void           att_reports_page_focus_search (AttReportsPage *self);

G_END_DECLS
