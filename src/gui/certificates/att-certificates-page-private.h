/* att-certificates-page-private.h: what the parts of the Certificates view
 * share: att-certificates-page.c (the widget, its states, progress and
 * actions), att-certificates-page-columns.c (the table's columns and
 * sorters) and att-certificates-page-filter.c (status, standard and search)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-certificate-list.h"
#include "att-certificate-page.h"
#include "att-certificates-page.h"

G_BEGIN_DECLS

struct _AttCertificatesPage
{
  GtkWidget           parent_instance;

  AttContext         *context;
  AttCertificateList *list;
  gboolean            folded;

  /* The list through the filters, sorted by the table's sorter. */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  char               *shown_id;  /* kept selected across refreshes */
  char               *wanted_id; /* to select once listed */
  gboolean            in_items_changed;

  /* Filters */
  char               *search_text; /* case-folded */
  GtkStringList      *standard_names;
  GPtrArray          *standard_ids; /* beside standard_names, NULL for all */
  GCancellable       *cancellable;
  GDateTime          *now;

  /* template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkWidget          *details_pane;
  AdwHeaderBar       *list_header;
  AdwHeaderBar       *details_header;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *standard_dropdown;
  GtkRevealer        *progress_revealer;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkButton          *cancel_button;
  GtkStack           *list_stack;
  GtkSpinner         *spinner;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *no_match_page;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;
  AttCertificatePage *details;
};

void  att_certificates_page_setup_columns (AttCertificatesPage *self);
void  att_certificates_page_setup_filters (AttCertificatesPage *self);
void  att_certificates_page_load_standards (AttCertificatesPage *self);
void  att_certificates_page_refilter (AttCertificatesPage *self);
guint att_certificates_page_lead_days (AttCertificatesPage *self);

G_END_DECLS
