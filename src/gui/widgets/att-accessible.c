/* att-accessible.c: fixes for what GTK 4.8 tells screen readers
 *
 * GTK 4.8 gives a button with a mnemonic its raw label, underscore included,
 * as its accessible label, and screen readers then read the name as that
 * label followed by the text of the button's child: "_Retry Retry". Without
 * the accessible label, the name is the child's text alone: "Retry".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-accessible.h"

static void
reset_mnemonic_label (GtkWidget *widget)
{
  if (!GTK_IS_BUTTON (widget) || !gtk_button_get_use_underline (GTK_BUTTON (widget)))
    return;

  gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/**
 * att_accessible_fix_mnemonics:
 * @root: a widget, usually one whose template was just built, or a dialog
 *   whose responses were just added
 *
 * Gives every button with a mnemonic in @root and below it the name that
 * its visible text says. A label set on a button later needs another call.
 */
void
att_accessible_fix_mnemonics (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  reset_mnemonic_label (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    att_accessible_fix_mnemonics (child);
}

/**
 * att_accessible_label_drop_down:
 * @drop_down: a drop-down
 * @label: what it chooses, for a screen reader ("Show certificates of status")
 *
 * GTK 4.8 makes a drop-down of a toggle button that has no name of its own,
 * whatever the drop-down's label says: screen readers call it "toggle
 * button".  The button gets @label, and so does the drop-down.
 */
void
att_accessible_label_drop_down (GtkDropDown *drop_down,
                                const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}
