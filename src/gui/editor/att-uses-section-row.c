/* att-uses-section-row.c: the rows of AttUsesSection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "att-catalog-kind.h"
#include "att-uses-section-private.h"

/* Rows are built in code, not from a template: a product may have 30
 * materials, and parsing a template per row would be most of the cost of
 * opening the editor. */

const char *
att_uses_item_id (AttUsesSection *self,
                  JsonObject     *item)
{
  JsonNode *node = json_object_get_member (item, att_catalog_kind_get_id_member (self->kind));

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node)
           : NULL;
}

static double
item_number (JsonObject *item,
             const char *member)
{
  JsonNode *node = json_object_get_member (item, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) == G_TYPE_STRING ||
      json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return 0;
  return json_node_get_double (node);
}

/* The text of a spin button: no trailing zeros, and a dot, which the
 * spin button's own parser reads back in every locale. */
static gboolean
on_spin_output (GtkSpinButton *spin,
                gpointer       user_data)
{
  char   buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double value = gtk_spin_button_get_value (spin);

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  if (strchr (buffer, '.') != NULL)
    {
      char *end = buffer + strlen (buffer) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), buffer) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), buffer);
  return TRUE;
}

/* The text as typed, if it is a number in range: committed as the user
 * types, so the total and the checks follow each key. */
static gboolean
parse_typed (GtkSpinButton *spin,
             double        *out_value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char       *end = NULL;
  double      value, lower, upper;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  value = g_ascii_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  if (end == NULL || *end != '\0' || !isfinite (value))
    return FALSE;
  gtk_spin_button_get_range (spin, &lower, &upper);
  if (value < lower || value > upper)
    return FALSE;
  *out_value = value;
  return TRUE;
}

static guint
spin_field (AttUsesRow *row,
            GtkWidget  *spin)
{
  for (guint i = 0; i < ATT_USES_MAX_FIELDS; i++)
    if (row->spins[i] == spin)
      return i;
  g_assert_not_reached ();
}

static void
on_spin_text_changed (GtkEditable *editable,
                      AttUsesRow  *row)
{
  double value;

  if (row->section->syncing || !parse_typed (GTK_SPIN_BUTTON (editable), &value))
    return;
  att_uses_section_commit (row->section, row->index, spin_field (row, GTK_WIDGET (editable)), value);
}

static void
on_spin_value_changed (GtkSpinButton *spin,
                       AttUsesRow    *row)
{
  if (row->section->syncing)
    return;
  att_uses_section_commit (row->section, row->index, spin_field (row, GTK_WIDGET (spin)),
                           gtk_spin_button_get_value (spin));
}

static void
on_remove_clicked (GtkButton  *button,
                   AttUsesRow *row)
{
  att_uses_section_remove (row->section, row->index);
}

static GtkWidget *
create_field (AttUsesRow         *row,
              const AttUsesField *field,
              guint               index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *caption = gtk_label_new (_ (field->caption));
  GtkWidget *spin = gtk_spin_button_new_with_range (field->lower, field->upper, 1);

  gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), field->integer ? 0 : 2);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 4);
  gtk_widget_add_css_class (spin, "numeric");
  if (!field->integer)
    g_signal_connect (spin, "output", G_CALLBACK (on_spin_output), NULL);
  gtk_box_append (GTK_BOX (line), spin);
  if (field->percent)
    gtk_box_append (GTK_BOX (line), gtk_label_new ("%"));
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  row->spins[index] = spin;
  return box;
}

static GtkWidget *
create_title (AttUsesRow *row,
              const char *id)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *id_label = gtk_label_new (id);

  row->name_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->name_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (row->name_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->name_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (id_label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (id_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (id_label, "caption");
  gtk_widget_add_css_class (id_label, "dim-label");
  gtk_box_append (GTK_BOX (box), row->name_label);
  gtk_box_append (GTK_BOX (box), id_label);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  return box;
}

static void
label_row_widgets (AttUsesRow *row,
                   const char *name)
{
  g_autofree char *remove = g_strdup_printf (_ ("Remove %s"), name);

  gtk_label_set_label (GTK_LABEL (row->name_label), name);
  for (guint i = 0; i < row->section->n_fields; i++)
    {
      /* Translators: an input's name for screen readers, e.g. "Composition
       * of Cotton". */
      g_autofree char *label = g_strdup_printf (_ ("%s of %s"),
                                                _ (row->section->fields[i].caption), name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (row->spins[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  gtk_widget_set_tooltip_text (row->remove_button, remove);
}

AttUsesRow *
att_uses_row_new (AttUsesSection *self,
                  guint           index,
                  JsonObject     *item)
{
  AttUsesRow *row = g_new0 (AttUsesRow, 1);
  GtkWidget  *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget  *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  const char *id = att_uses_item_id (self, item);

  row->section = self;
  row->index = index;
  row->id = g_strdup (id);
  gtk_box_append (GTK_BOX (line), create_title (row, id != NULL ? id : ""));
  for (guint i = 0; i < self->n_fields; i++)
    gtk_box_append (GTK_BOX (line), create_field (row, &self->fields[i], i));

  row->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (row->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->remove_button, "flat");
  gtk_widget_add_css_class (row->remove_button, "circular");
  gtk_box_append (GTK_BOX (line), row->remove_button);

  row->problem_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->problem_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (row->problem_label), TRUE);
  gtk_widget_add_css_class (row->problem_label, "caption");
  gtk_widget_set_visible (row->problem_label, FALSE);

  gtk_box_append (GTK_BOX (content), line);
  gtk_box_append (GTK_BOX (content), row->problem_label);
  gtk_widget_set_margin_top (content, 6);
  gtk_widget_set_margin_bottom (content, 6);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 6);

  row->widget = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->widget), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->widget), content);

  att_uses_row_update (row, item);

  for (guint i = 0; i < self->n_fields; i++)
    {
      g_signal_connect (row->spins[i], "value-changed", G_CALLBACK (on_spin_value_changed), row);
      g_signal_connect (row->spins[i], "changed", G_CALLBACK (on_spin_text_changed), row);
    }
  g_signal_connect (row->remove_button, "clicked", G_CALLBACK (on_remove_clicked), row);
  return row;
}

void
att_uses_row_free (AttUsesRow *row)
{
  for (guint i = 0; i < row->section->n_fields; i++)
    g_signal_handlers_disconnect_by_data (row->spins[i], row);
  g_signal_handlers_disconnect_by_data (row->remove_button, row);
  g_free (row->id);
  g_free (row->problems);
  g_free (row);
}

/* A field being typed in keeps its text while it says the same number, so
 * that the cursor stays where the user put it. */
static void
update_spin (GtkSpinButton *spin,
             double         value)
{
  GtkRoot   *root = gtk_widget_get_root (GTK_WIDGET (spin));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  double     typed;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (spin)) &&
      parse_typed (spin, &typed) && typed == value)
    return;
  gtk_spin_button_set_value (spin, value);
}

/* Shows @item's values; the caller has set the section's syncing flag, or
 * the row's handlers are not connected yet. */
void
att_uses_row_update (AttUsesRow *row,
                     JsonObject *item)
{
  const char *name = json_object_has_member (item, "name") &&
                         JSON_NODE_HOLDS_VALUE (json_object_get_member (item, "name"))
                       ? json_object_get_string_member (item, "name")
                       : NULL;

  if (name == NULL || *name == '\0')
    name = row->id != NULL ? row->id : "";
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (row->name_label)), name) != 0)
    label_row_widgets (row, name);
  for (guint i = 0; i < row->section->n_fields; i++)
    update_spin (GTK_SPIN_BUTTON (row->spins[i]), item_number (item, row->section->fields[i].member));
}
