/* att-closient-metadata-row.c: one metadata key and its value, edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-closient-metadata-row.h"

/**
 * AttClosientMetadataRow:
 *
 * A key entry, a value entry and a Remove button on one line, and the
 * row's problem, if any, on the line below, where the eye already is.
 * The row emits "changed" at every keystroke and "remove" when its
 * button is pressed; the group it is in does the rest.
 */
struct _AttClosientMetadataRow
{
  AdwPreferencesRow parent_instance;

  GtkEditable      *key_entry;
  GtkEditable      *value_entry;
  GtkWidget        *remove_button;
  GtkLabel         *message;
};

G_DEFINE_FINAL_TYPE (AttClosientMetadataRow, att_closient_metadata_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  SIGNAL_CHANGED,
  SIGNAL_REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Screen readers name the value and the button after the key, so that a
 * list of them is not "Value, Value, Remove, Remove". */
static void
update_names (AttClosientMetadataRow *self)
{
  g_autofree char *key = att_closient_metadata_row_get_key (self);
  g_autofree char *value_name = NULL;
  g_autofree char *remove_name = NULL;

  if (*key == '\0')
    {
      value_name = g_strdup (_ ("Value"));
      remove_name = g_strdup (_ ("Remove This Key"));
    }
  else
    {
      /* Translators: the name of a metadata value's entry, "Value of batch" */
      value_name = g_strdup_printf (_ ("Value of %s"), key);
      /* Translators: the name of the button that removes a metadata key, "Remove batch" */
      remove_name = g_strdup_printf (_ ("Remove %s"), key);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, value_name,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_name, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), key);
}

static void
on_entry_changed (AttClosientMetadataRow *self)
{
  update_names (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_remove_clicked (AttClosientMetadataRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static GtkEditable *
entry_new (const char *placeholder,
           const char *name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  return GTK_EDITABLE (entry);
}

static GtkWidget *
line_new (AttClosientMetadataRow *self)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->key_entry = entry_new (_ ("Key"), _ ("Key"));
  gtk_editable_set_width_chars (self->key_entry, 18);
  self->value_entry = entry_new (_ ("Value"), _ ("Value"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->value_entry), TRUE);
  self->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (self->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->remove_button, _ ("Remove This Key"));
  gtk_widget_add_css_class (self->remove_button, "flat");
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->key_entry));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->value_entry));
  gtk_box_append (GTK_BOX (line), self->remove_button);
  return line;
}

static void
att_closient_metadata_row_class_init (AttClosientMetadataRowClass *klass)
{
  /**
   * AttClosientMetadataRow::changed:
   *
   * The key or the value was edited.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 0);
  /**
   * AttClosientMetadataRow::remove:
   *
   * The user asked for the key to go.
   */
  signals[SIGNAL_REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                         NULL, NULL, G_TYPE_NONE, 0);
}

static void
att_closient_metadata_row_init (AttClosientMetadataRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), line_new (self));
  self->message = GTK_LABEL (label);
  gtk_label_set_xalign (self->message, 0.0);
  gtk_label_set_wrap (self->message, TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  /* The title is the key, for finding the row; a key is not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "metadata-row");
  /* The message is read with the entries it is about. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->key_entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label,
                                  NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->value_entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  label, NULL, -1);

  g_signal_connect_object (self->key_entry, "changed", G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->value_entry, "changed", G_CALLBACK (on_entry_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked), self,
                           G_CONNECT_SWAPPED);
}

/**
 * att_closient_metadata_row_new:
 * @key: (nullable): the key, or %NULL for a new, blank row
 * @value: (nullable): its value
 */
GtkWidget *
att_closient_metadata_row_new (const char *key,
                               const char *value)
{
  AttClosientMetadataRow *self = g_object_new (ATT_TYPE_CLOSIENT_METADATA_ROW, NULL);

  gtk_editable_set_text (self->key_entry, key != NULL ? key : "");
  gtk_editable_set_text (self->value_entry, value != NULL ? value : "");
  update_names (self);
  return GTK_WIDGET (self);
}

/**
 * att_closient_metadata_row_get_key:
 *
 * Returns: (transfer full): the key, without the spaces around it, which
 *   are never meant
 */
char *
att_closient_metadata_row_get_key (AttClosientMetadataRow *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_METADATA_ROW (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (self->key_entry)));
}

/**
 * att_closient_metadata_row_get_value:
 *
 * Returns: the value as typed: spaces in a value may be meant
 */
const char *
att_closient_metadata_row_get_value (AttClosientMetadataRow *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_METADATA_ROW (self), NULL);

  return gtk_editable_get_text (self->value_entry);
}

/**
 * att_closient_metadata_row_is_blank:
 *
 * Returns: whether both the key and the value are empty: a row just
 *   added, which stands for nothing yet
 */
gboolean
att_closient_metadata_row_is_blank (AttClosientMetadataRow *self)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (ATT_IS_CLOSIENT_METADATA_ROW (self), FALSE);

  key = att_closient_metadata_row_get_key (self);
  return *key == '\0' && *gtk_editable_get_text (self->value_entry) == '\0';
}

/**
 * att_closient_metadata_row_set_message:
 * @message: (nullable): the row's problem, or %NULL for none
 */
void
att_closient_metadata_row_set_message (AttClosientMetadataRow *self,
                                       const char             *message)
{
  g_return_if_fail (ATT_IS_CLOSIENT_METADATA_ROW (self));

  gtk_label_set_label (self->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
}

/**
 * att_closient_metadata_row_get_message:
 *
 * Returns: (nullable): the problem shown under the row
 */
const char *
att_closient_metadata_row_get_message (AttClosientMetadataRow *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_METADATA_ROW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->message)) ? gtk_label_get_label (self->message) : NULL;
}

void
att_closient_metadata_row_focus_key (AttClosientMetadataRow *self)
{
  g_return_if_fail (ATT_IS_CLOSIENT_METADATA_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->key_entry));
}
