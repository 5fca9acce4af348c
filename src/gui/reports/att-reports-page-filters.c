/* att-reports-page-filters.c: the Reports view's filters, and the report
 * filter they make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-reports-page-private.h"

/* The statuses in the order of their check buttons. */
const AttCertificateStatus _att_reports_page_statuses[ATT_REPORTS_PAGE_N_STATUSES] = {
  ATT_CERTIFICATE_STATUS_VALID,
  ATT_CERTIFICATE_STATUS_EXPIRING,
  ATT_CERTIFICATE_STATUS_EXPIRED,
  ATT_CERTIFICATE_STATUS_UNKNOWN,
};

static GtkCheckButton *
add_check (GtkBox     *box,
           const char *label)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_box_append (box, check);
  return GTK_CHECK_BUTTON (check);
}

static GtkBox *
new_row (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return GTK_BOX (box);
}

static void
on_changed (AttReportsPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->expiring_spin), gtk_check_button_get_active (self->expiring_check));
  _att_reports_page_schedule_build (self);
}

static void
connect_check (AttReportsPage *self,
               GtkCheckButton *check)
{
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_changed), self);
}

static GtkWidget *
build_sources_and_statuses (AttReportsPage *self)
{
  GtkBox *row = new_row ();

  self->higg_check = add_check (row, _ ("_Higg"));
  self->closient_check = add_check (row, _ ("C_losient"));
  gtk_box_append (row, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  self->status_checks[0] = add_check (row, _ ("_Valid"));
  self->status_checks[1] = add_check (row, _ ("_Expiring"));
  self->status_checks[2] = add_check (row, _ ("Ex_pired"));
  self->status_checks[3] = add_check (row, _ ("_No expiry date"));
  connect_check (self, self->higg_check);
  connect_check (self, self->closient_check);
  for (guint i = 0; i < ATT_REPORTS_PAGE_N_STATUSES; i++)
    connect_check (self, self->status_checks[i]);
  return GTK_WIDGET (row);
}

static GtkWidget *
build_standard_dropdown (AttReportsPage *self)
{
  const char *const first[] = { _ ("All standards"), NULL };

  self->standards = gtk_string_list_new (first);
  self->standard_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->standards)), NULL));
  g_signal_connect_swapped (self->standard_dropdown, "notify::selected", G_CALLBACK (on_changed), self);
  return GTK_WIDGET (self->standard_dropdown);
}

static GtkWidget *
build_expiring (AttReportsPage *self)
{
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));

  self->expiring_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_ ("Expiring _within")));
  self->expiring_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 3650, 1));
  gtk_spin_button_set_value (self->expiring_spin, ATT_CERTIFICATE_DEFAULT_LEAD_DAYS);
  gtk_widget_set_sensitive (GTK_WIDGET (self->expiring_spin), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expiring_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Days before expiry"), -1);
  gtk_box_append (box, GTK_WIDGET (self->expiring_check));
  gtk_box_append (box, GTK_WIDGET (self->expiring_spin));
  gtk_box_append (box, gtk_label_new (_ ("days")));
  connect_check (self, self->expiring_check);
  g_signal_connect_swapped (self->expiring_spin, "value-changed", G_CALLBACK (on_changed), self);
  return GTK_WIDGET (box);
}

static GtkWidget *
build_search_and_standard (AttReportsPage *self)
{
  GtkBox *row = new_row ();

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _ ("Search products"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_changed), self);
  gtk_box_append (row, GTK_WIDGET (self->search_entry));
  gtk_box_append (row, build_standard_dropdown (self));
  gtk_box_append (row, build_expiring (self));
  return GTK_WIDGET (row);
}

/* The filters, in two rows above the preview. */
GtkWidget *
_att_reports_page_build_filters (AttReportsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), build_search_and_standard (self));
  gtk_box_append (GTK_BOX (box), build_sources_and_statuses (self));
  return box;
}

static guint
dup_statuses (AttReportsPage *self)
{
  guint bits = 0;

  for (guint i = 0; i < ATT_REPORTS_PAGE_N_STATUSES; i++)
    if (gtk_check_button_get_active (self->status_checks[i]))
      bits |= ATT_REPORT_STATUS_BIT (_att_reports_page_statuses[i]);
  /* None checked keeps none, not all (which 0 would mean). */
  return bits != 0 ? bits : ATT_REPORT_STATUS_BIT (ATT_CERTIFICATE_STATUS_EXPIRED + 1);
}

static char **
dup_standards (AttReportsPage *self)
{
  guint  selected = gtk_drop_down_get_selected (self->standard_dropdown);
  char **standards;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  standards = g_new0 (char *, 2);
  standards[0] = g_strdup (gtk_string_list_get_string (self->standards, selected));
  return standards;
}

static AttReportSource
dup_sources (AttReportsPage *self)
{
  AttReportSource sources = 0;

  if (gtk_check_button_get_active (self->higg_check))
    sources |= ATT_REPORT_SOURCE_HIGG;
  if (gtk_check_button_get_active (self->closient_check))
    sources |= ATT_REPORT_SOURCE_CLOSIENT;
  return sources;
}

/* The filter the widgets say; %NULL when no source is checked. */
AttReportFilter *
_att_reports_page_dup_filter (AttReportsPage *self)
{
  g_autoptr(AttReportFilter) filter = att_report_filter_new ();
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  filter->sources = dup_sources (self);
  if (filter->sources == 0)
    return NULL;
  filter->statuses = dup_statuses (self);
  filter->standards = dup_standards (self);
  filter->expiring_within_days =
    gtk_check_button_get_active (self->expiring_check) ? gtk_spin_button_get_value_as_int (self->expiring_spin) : -1;
  filter->search = search[0] != '\0' ? g_strdup (search) : NULL;
  return g_steal_pointer (&filter);
}

static gboolean
has_standard (AttReportsPage *self,
              const char     *standard)
{
  GListModel *list = G_LIST_MODEL (self->standards);

  for (guint i = 1; i < g_list_model_get_n_items (list); i++)
    if (g_ascii_strcasecmp (gtk_string_list_get_string (self->standards, i), standard) == 0)
      return TRUE;
  return FALSE;
}

/* The standards seen in the reports so far: only added to, so that the
 * choice stays when a report is filtered to one standard. */
void
_att_reports_page_add_standards (AttReportsPage *self,
                                 AttReport      *report)
{
  g_auto(GStrv) found = att_report_dup_standards (report);

  for (guint i = 0; found != NULL && found[i] != NULL; i++)
    if (found[i][0] != '\0' && !has_standard (self, found[i]))
      gtk_string_list_append (self->standards, found[i]);
}
