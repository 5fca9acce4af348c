/* att-publish-dialog-view.c: the widgets of the publish window and its
 * rows, one per product
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-publish-dialog-private.h"
#include "att-publish-results.h"

static GtkWidget *
header_new (AttPublishDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *copy = gtk_button_new_with_mnemonic (_ ("C_opy"));
  GtkWidget *export = gtk_button_new_with_mnemonic (_ ("_Export…"));

  self->cancel_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_ ("_Cancel")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "publish.cancel");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->cancel_button));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "publish.export");
  gtk_widget_set_tooltip_text (export, _ ("Save the outcomes as a CSV file"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "publish.copy");
  gtk_widget_set_tooltip_text (copy, _ ("Copy the outcomes as text"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), copy);
  return header;
}

static GtkWidget *
status_new (AttPublishDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_xalign (self->status_label, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_label));

  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress_bar, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Publishing progress"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_bar));

  self->retry_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_ ("_Retry the Rest")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->retry_button), "publish.retry");
  gtk_widget_set_halign (GTK_WIDGET (self->retry_button), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->retry_button), "pill");
  gtk_widget_add_css_class (GTK_WIDGET (self->retry_button), "suggested-action");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->retry_button));
  return box;
}

static GtkWidget *
list_new (AttPublishDialog *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Outcome of each product"), -1);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

void
att_publish_dialog_build (AttPublishDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *status = adw_clamp_new ();
  GtkWidget *list = list_new (self);

  /* The status lines up with the list below it. */
  adw_clamp_set_child (ADW_CLAMP (status), status_new (self));
  gtk_box_append (GTK_BOX (box), header_new (self));
  gtk_widget_set_margin_start (status, 12);
  gtk_widget_set_margin_end (status, 12);
  gtk_widget_set_margin_top (status, 6);
  gtk_box_append (GTK_BOX (box), status);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_widget_set_margin_bottom (list, 12);
  gtk_box_append (GTK_BOX (box), list);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

/* The outcome in a word beside its icon: never the icon (or a colour)
 * alone. */
static GtkWidget *
outcome_label_new (AttPublishOutcomeKind kind)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (att_publish_outcome_kind_icon_name (kind));
  GtkWidget *label = gtk_label_new (att_publish_outcome_kind_to_words (kind));

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  att_publish_outcome_kind_to_words (kind), -1);
  gtk_widget_add_css_class (box, kind == ATT_PUBLISH_OUTCOME_SUCCEEDED ? "success"
                                 : kind == ATT_PUBLISH_OUTCOME_FAILED  ? "error"
                                                                       : "warning");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  return box;
}

/**
 * att_publish_dialog_row_new:
 *
 * Returns: (transfer floating): a row named after the product's id, with
 *   the product's name, the outcome in words and icon, and its details
 */
GtkWidget *
att_publish_dialog_row_new (AttPublishOutcome *outcome,
                            const char        *name)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *details = att_publish_outcome_describe (outcome);

  gtk_widget_set_name (row, att_publish_outcome_get_product_id (outcome));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), outcome_label_new (att_publish_outcome_get_kind (outcome)));
  return row;
}
