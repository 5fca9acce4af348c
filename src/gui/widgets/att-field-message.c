/* att-field-message.c: the message under a form's field, in a row of its
 * own in the same list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "att-field-message.h"

/**
 * att_field_message_add:
 * @row: a row of a list (a preferences group's)
 *
 * Inserts a hidden row under @row for its message; screen readers read
 * the message as @row's description.
 *
 * Returns: (transfer none): the message's label, for
 *   att_field_message_show()
 */
GtkLabel *
att_field_message_add (GtkWidget *row)
{
  GtkWidget *list;
  GtkWidget *label;
  GtkWidget *message_row;

  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), NULL);
  list = gtk_widget_get_parent (row);
  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  label = gtk_label_new (NULL);
  message_row = adw_preferences_row_new ();
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (message_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_widget_set_focusable (message_row, FALSE);
  gtk_widget_set_visible (message_row, FALSE);
  gtk_widget_add_css_class (message_row, "field-message");
  gtk_list_box_insert (GTK_LIST_BOX (list), message_row, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
  return GTK_LABEL (label);
}

/**
 * att_field_message_show:
 * @row: the field's row
 * @message: its label, from att_field_message_add()
 * @problem: (nullable): the field's problem, shown as an error
 * @note: (nullable): shown, dimmed, when there is no problem
 *
 * Shows @problem, or @note, or nothing, under @row.
 */
void
att_field_message_show (GtkWidget  *row,
                        GtkLabel   *message,
                        const char *problem,
                        const char *note)
{
  const char *shown = problem != NULL ? problem : note;

  g_return_if_fail (GTK_IS_WIDGET (row));
  g_return_if_fail (GTK_IS_LABEL (message));

  gtk_label_set_label (message, shown != NULL ? shown : "");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (message)), shown != NULL);
  if (problem != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_add_css_class (GTK_WIDGET (message), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (message), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (message), "dim-label");
    }
}
