/* att-product-editor-tags.c: the product's tags as removable chips, and
 * the entry that adds one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-json.h"
#include "att-product-editor-private.h"

static JsonArray *
copy_tags (AttProductEditor *self)
{
  JsonArray *tags = att_json_get_array (att_product_edit_get_state (self->edit), "tags", NULL, FALSE, NULL);
  JsonArray *copy = json_array_new ();

  for (guint i = 0; tags != NULL && i < json_array_get_length (tags); i++)
    json_array_add_element (copy, json_node_copy (json_array_get_element (tags, i)));
  return copy;
}

static void
set_tags (AttProductEditor *self,
          JsonArray        *tags)
{
  g_autoptr(JsonNode) node = NULL;

  if (json_array_get_length (tags) > 0)
    node = json_node_init_array (json_node_alloc (), tags);
  att_product_edit_set (self->edit, "tags", node);
}

static void
on_remove_clicked (GtkButton        *button,
                   AttProductEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "att-index"));
  g_autoptr(JsonArray) tags = copy_tags (self);

  if (index < json_array_get_length (tags))
    json_array_remove_element (tags, index);
  set_tags (self, tags);
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_entry));
}

static GtkWidget *
create_chip (AttProductEditor *self,
             const char       *tag,
             guint             index)
{
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget       *label = gtk_label_new (tag);
  GtkWidget       *button = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *remove = g_strdup_printf (_ ("Remove the tag “%s”"), tag);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_margin_start (label, 10);
  gtk_widget_add_css_class (box, "tag-chip");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_tooltip_text (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  g_object_set_data (G_OBJECT (button), "att-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

void
att_product_editor_tags_load (AttProductEditor *self)
{
  JsonArray *tags = att_json_get_array (att_product_edit_get_state (self->edit), "tags", NULL, FALSE, NULL);
  GtkWidget *child;
  guint      n = tags != NULL ? json_array_get_length (tags) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (tags, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        gtk_flow_box_append (self->tags_box, create_chip (self, json_node_get_string (node), i));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), n > 0);
}

static gboolean
has_tag (JsonArray  *tags,
         const char *tag)
{
  for (guint i = 0; i < json_array_get_length (tags); i++)
    {
      JsonNode *node = json_array_get_element (tags, i);

      if (JSON_NODE_HOLDS_VALUE (node) && g_strcmp0 (json_node_get_string (node), tag) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Enter adds the tag; one already there is not added twice. */
void
on_tag_entry_activate (AttProductEditor *self,
                       GtkEntry         *entry)
{
  g_autofree char *tag = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(JsonArray) tags = NULL;

  if (*tag == '\0')
    return;
  tags = copy_tags (self);
  if (!has_tag (tags, tag))
    {
      json_array_add_string_element (tags, tag);
      set_tags (self, tags);
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}
