/* att-reports-page-private.h: the parts of the Reports view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-report-snapshot.h"
#include "att-reports-page.h"

G_BEGIN_DECLS

#define ATT_REPORTS_PAGE_N_STATUSES 4

struct _AttReportsPage
{
  GtkWidget          parent_instance;

  AttContext        *context;
  AttReport         *report;
  AttReportSnapshot *snapshot;
  GCancellable      *fetch_cancellable;
  GCancellable      *build_cancellable;
  GCancellable      *export_cancellable;
  GtkPrintOperation *print_operation;
  GCancellable      *print_cancellable; /* certificate images read for printing */
  GtkPrintSettings  *print_settings;
  guint              build_timeout;
  gboolean           started;
  gboolean           folded;
  gboolean           show_images;

  AdwToastOverlay   *toast_overlay;
  GtkCheckButton    *higg_check;
  GtkCheckButton    *closient_check;
  GtkCheckButton    *status_checks[ATT_REPORTS_PAGE_N_STATUSES];
  GtkDropDown       *standard_dropdown;
  GtkStringList     *standards;
  GtkCheckButton    *expiring_check;
  GtkSpinButton     *expiring_spin;
  GtkSearchEntry    *search_entry;
  GtkButton         *export_button;

  GtkColumnView     *column_view;
  GtkSliceListModel *preview;
  GtkLabel          *counts_label;
  GtkLabel          *missing_label;
  GtkProgressBar    *build_progress;

  GtkRevealer       *export_revealer;
  GtkProgressBar    *export_progress;
  GtkLabel          *export_label;
  gint               export_permille; /* atomic, from the writing thread */
  gint               export_idle;     /* atomic: an update is queued */
};

/* att-reports-page-filters.c */
extern const AttCertificateStatus _att_reports_page_statuses[ATT_REPORTS_PAGE_N_STATUSES];
GtkWidget                        *_att_reports_page_build_filters (AttReportsPage *self);
AttReportFilter                  *_att_reports_page_dup_filter (AttReportsPage *self);
void                              _att_reports_page_add_standards (AttReportsPage *self,
                                                                   AttReport      *report);

/* att-reports-page-columns.c */
GtkColumnView                    *_att_reports_page_build_column_view (GListModel *model);

/* att-reports-page-build.c */
void                              _att_reports_page_schedule_build (AttReportsPage *self);
void                              _att_reports_page_cancel_build (AttReportsPage *self);
void                              _att_reports_page_refresh (AttReportsPage *self);

/* att-reports-page-export.c */
GtkWidget                        *_att_reports_page_build_export_bar (AttReportsPage *self);
void                              _att_reports_page_choose_file (AttReportsPage *self);
void                              _att_reports_page_cancel_export (AttReportsPage *self);
void                              _att_reports_page_show_busy (AttReportsPage *self,
                                                               const char     *text);

/* att-reports-page.c */
void                              _att_reports_page_update_actions (AttReportsPage *self);
void                              _att_reports_page_open_file (AttReportsPage *self,
                                                               const char     *uri);

/* att-reports-page-print.c */
void                              _att_reports_page_cancel_print (AttReportsPage *self);

G_END_DECLS
