/* att-reports-page-columns.c: the columns of the Reports view's preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-report-columns.h"
#include "att-reports-page-private.h"
#include "att-status-pill.h"

/* The report columns the preview shows, the status last. */
static const AttReportColumn shown[] = {
  ATT_REPORT_COLUMN_PRODUCT_NAME,
  ATT_REPORT_COLUMN_STANDARD,
  ATT_REPORT_COLUMN_AUTHORITY,
  ATT_REPORT_COLUMN_CERTIFICATE_NUMBER,
  ATT_REPORT_COLUMN_DATE_EXPIRES,
};

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  AttReportColumn  column = GPOINTER_TO_UINT (user_data);
  AttReportRow    *row = gtk_list_item_get_item (item);
  g_autofree char *text = att_report_row_dup_text (row, column);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text);
}

static void
setup_status (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *pill = att_status_pill_new ();

  gtk_widget_set_halign (pill, GTK_ALIGN_START);
  gtk_list_item_set_child (item, pill);
}

static void
bind_status (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  AttReportRow *row = gtk_list_item_get_item (item);

  att_status_pill_set_status (gtk_list_item_get_child (item), att_report_row_get_status (row));
}

static GtkColumnViewColumn *
new_text_column (AttReportColumn column)
{
  GtkListItemFactory  *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), GUINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (att_report_column_get_title (column), factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, column == ATT_REPORT_COLUMN_PRODUCT_NAME);
  return view_column;
}

static GtkColumnViewColumn *
new_status_column (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_status), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_status), NULL);
  return gtk_column_view_column_new (att_report_column_get_title (ATT_REPORT_COLUMN_STATUS), factory);
}

/* A table of @model's report rows, without selection. */
GtkColumnView *
_att_reports_page_build_column_view (GListModel *model)
{
  GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (model));
  GtkColumnView  *view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));

  for (guint i = 0; i <= G_N_ELEMENTS (shown); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = i < G_N_ELEMENTS (shown) ? new_text_column (shown[i]) : new_status_column ();

      gtk_column_view_append_column (view, column);
    }
  gtk_column_view_set_show_row_separators (view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Report preview"), -1);
  return view;
}
