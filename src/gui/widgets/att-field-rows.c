/* att-field-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "att-field-rows.h"
#include "att-format.h"

/* Values longer than this wrap below their name instead of beside it. */
#define SHORT_VALUE_CHARS 40

/**
 * att_field_rows_humanize_key:
 *
 * An undocumented member keeps the server's name, made readable:
 * "ecobalyseName" becomes "Ecobalyse name".
 *
 * Returns: (transfer full): the name to show
 */
char *
att_field_rows_humanize_key (const char *key)
{
  GString *str = g_string_new (NULL);

  for (const char *p = key; *p != '\0'; p++)
    {
      if (*p == '_' && str->len == 0)
        continue;
      if (g_ascii_isupper (*p) && str->len > 0)
        g_string_append_c (str, ' ');
      g_string_append_c (str, str->len == 0 ? g_ascii_toupper (*p) : g_ascii_tolower (*p));
    }
  return g_string_free (str, FALSE);
}

/**
 * att_field_rows_format_value:
 *
 * Returns: (transfer full): @node in words: a dash for nothing, Yes or No,
 *   the text, the number, or the JSON of a list or an object
 */
char *
att_field_rows_format_value (JsonNode *node)
{
  GType type;

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("—");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return json_to_string (node, FALSE);

  type = json_node_get_value_type (node);
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? C_ ("catalogue value", "Yes") : C_ ("catalogue value", "No"));
  if (type == G_TYPE_STRING)
    return g_strdup (*json_node_get_string (node) != '\0' ? json_node_get_string (node) : "—");
  return att_format_number (json_node_get_double (node), 6);
}

/**
 * att_field_rows_add_text:
 * @rows: where the row is recorded, for att_field_rows_clear()
 * @value: (nullable): the value; %NULL or empty shows a dash
 *
 * Adds a row with @title and @value: beside it if short, below it if
 * long, selectable either way.
 *
 * Returns: (transfer none): the row
 */
GtkWidget *
att_field_rows_add_text (AdwPreferencesGroup *group,
                         GPtrArray           *rows,
                         const char          *title,
                         const char          *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  if (value == NULL || *value == '\0')
    value = "—";
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (g_utf8_strlen (value, -1) > SHORT_VALUE_CHARS || strchr (value, '\n') != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  else
    {
      label = gtk_label_new (value);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
  return row;
}

/**
 * att_field_rows_add_member:
 *
 * Adds @node as a row; an object's members become rows of their own,
 * "Weight information › Converted to kg", rather than one line of JSON.
 */
void
att_field_rows_add_member (AdwPreferencesGroup *group,
                           GPtrArray           *rows,
                           const char          *title,
                           JsonNode            *node)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node) || json_object_get_size (json_node_get_object (node)) == 0)
    {
      g_autofree char *value = att_field_rows_format_value (node);

      att_field_rows_add_text (group, rows, title, value);
      return;
    }

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *name = att_field_rows_humanize_key (l->data);
      g_autofree char *nested = g_strdup_printf ("%s › %s", title, name);

      att_field_rows_add_member (group, rows, nested, json_object_get_member (object, l->data));
    }
}

/**
 * att_field_rows_clear:
 *
 * Removes the rows recorded in @rows from @group.
 */
void
att_field_rows_clear (AdwPreferencesGroup *group,
                      GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}
