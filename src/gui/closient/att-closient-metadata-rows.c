/* att-closient-metadata-rows.c: an assignment's metadata as key/value
 * rows: added, edited, removed, or all cleared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "att-accessible.h"
#include "att-closient-metadata-row.h"
#include "att-closient-metadata-rows.h"
#include "att-error.h"

/**
 * AttClosientMetadataRows:
 *
 * The metadata of an assignment, one row per key, in a preferences group
 * whose header has Add and Clear All.  What it holds is what the user
 * wants the metadata to be; the page turns that into Closient's merge
 * (changed keys, deleted keys), and sends "clear everything" only when
 * Clear All was chosen, after a confirmation, and nothing was added since.
 *
 * Problems are shown in the row they are about: the rows' own (a key
 * missing, given twice, a value missing) under the path `metadata[N]`,
 * N the row's position, and the limits under `metadata.<key>` as
 * Closient names them; a problem of the whole (too many keys) under
 * `metadata`, above the rows.
 */
struct _AttClosientMetadataRows
{
  AdwPreferencesGroup parent_instance;

  GPtrArray          *rows; /* of AttClosientMetadataRow, in order */
  gboolean            cleared;
  GtkWidget          *message_row;
  GtkLabel           *message;
  GtkWidget          *empty_row;
  GtkWidget          *clear_button;
};

G_DEFINE_FINAL_TYPE (AttClosientMetadataRows, att_closient_metadata_rows, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AttClosientMetadataRow *
row_at (AttClosientMetadataRows *self,
        guint                    index)
{
  return g_ptr_array_index (self->rows, index);
}

static void
update_state (AttClosientMetadataRows *self)
{
  gtk_widget_set_visible (self->empty_row, self->rows->len == 0);
  gtk_widget_set_sensitive (self->clear_button, self->rows->len > 0);
}

static void
changed (AttClosientMetadataRows *self)
{
  update_state (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
remove_row (AttClosientMetadataRows *self,
            GtkWidget               *row)
{
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_remove (self->rows, row);
}

static void
on_row_remove (AttClosientMetadataRows *self,
               GtkWidget               *row)
{
  guint index = 0;

  g_ptr_array_find (self->rows, row, &index);
  remove_row (self, row);
  /* The focus goes to the row that took its place, not to the window. */
  if (self->rows->len > 0)
    att_closient_metadata_row_focus_key (row_at (self, MIN (index, self->rows->len - 1)));
  changed (self);
}

/**
 * att_closient_metadata_rows_add_row:
 * @key: (nullable): the key, %NULL for a blank row
 * @value: (nullable): its value
 *
 * Returns: (transfer none): the new row, at the end
 */
GtkWidget *
att_closient_metadata_rows_add_row (AttClosientMetadataRows *self,
                                    const char              *key,
                                    const char              *value)
{
  GtkWidget *row;

  g_return_val_if_fail (ATT_IS_CLOSIENT_METADATA_ROWS (self), NULL);

  row = att_closient_metadata_row_new (key, value);
  g_signal_connect_object (row, "changed", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
remove_all (AttClosientMetadataRows *self)
{
  while (self->rows->len > 0)
    remove_row (self, GTK_WIDGET (row_at (self, self->rows->len - 1)));
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/**
 * att_closient_metadata_rows_set_metadata:
 * @metadata: (element-type utf8 utf8): the metadata as the server has it
 *
 * Shows @metadata, keys in order, and forgets a Clear All.
 */
void
att_closient_metadata_rows_set_metadata (AttClosientMetadataRows *self,
                                         GHashTable              *metadata)
{
  g_autofree gpointer *keys = NULL;
  guint                n_keys = 0;

  g_return_if_fail (ATT_IS_CLOSIENT_METADATA_ROWS (self));
  g_return_if_fail (metadata != NULL);

  remove_all (self);
  keys = g_hash_table_get_keys_as_array (metadata, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n_keys; i++)
    att_closient_metadata_rows_add_row (self, keys[i], g_hash_table_lookup (metadata, keys[i]));
  self->cleared = FALSE;
  update_state (self);
}

/**
 * att_closient_metadata_rows_get_metadata:
 *
 * Returns: (transfer full) (element-type utf8 utf8): the metadata as the
 *   rows say, rows without a key or a value left out (a key given twice:
 *   the last row's)
 */
GHashTable *
att_closient_metadata_rows_get_metadata (AttClosientMetadataRows *self)
{
  GHashTable *metadata;

  g_return_val_if_fail (ATT_IS_CLOSIENT_METADATA_ROWS (self), NULL);

  metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < self->rows->len; i++)
    {
      g_autofree char *key = att_closient_metadata_row_get_key (row_at (self, i));
      const char      *value = att_closient_metadata_row_get_value (row_at (self, i));

      /* A row half filled in is a problem of the form, never a change:
       * an empty value would tell Closient to delete the key. */
      if (*key == '\0' || *value == '\0')
        continue;
      g_hash_table_replace (metadata, g_steal_pointer (&key), g_strdup (value));
    }
  return metadata;
}

/**
 * att_closient_metadata_rows_get_cleared:
 *
 * Returns: whether Clear All was chosen since the metadata was set
 */
gboolean
att_closient_metadata_rows_get_cleared (AttClosientMetadataRows *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_METADATA_ROWS (self), FALSE);

  return self->cleared;
}

guint
att_closient_metadata_rows_get_n_rows (AttClosientMetadataRows *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_METADATA_ROWS (self), 0);

  return self->rows->len;
}

/**
 * att_closient_metadata_rows_clear:
 *
 * Removes every row, as Clear All does once confirmed.
 */
void
att_closient_metadata_rows_clear (AttClosientMetadataRows *self)
{
  g_return_if_fail (ATT_IS_CLOSIENT_METADATA_ROWS (self));

  remove_all (self);
  self->cleared = TRUE;
  changed (self);
}

/* --- Problems ------------------------------------------------------------ */

static void
add_problem (GPtrArray  *problems,
             guint       index,
             const char *message)
{
  g_autofree char *path = g_strdup_printf ("metadata[%u]", index);

  g_ptr_array_add (problems, att_field_error_new (path, message));
}

static void
check_row (AttClosientMetadataRows *self,
           guint                    index,
           GPtrArray               *problems)
{
  AttClosientMetadataRow *row = row_at (self, index);
  g_autofree char        *key = att_closient_metadata_row_get_key (row);

  if (att_closient_metadata_row_is_blank (row))
    return;
  if (*key == '\0')
    {
      add_problem (problems, index, _ ("Enter a key for this value."));
      return;
    }
  for (guint i = 0; i < index; i++)
    {
      g_autofree char *before = att_closient_metadata_row_get_key (row_at (self, i));

      if (g_str_equal (before, key))
        {
          g_autofree char *message = g_strdup_printf (_ ("“%s” is already a key above."), key);

          add_problem (problems, index, message);
          return;
        }
    }
  if (*att_closient_metadata_row_get_value (row) == '\0')
    add_problem (problems, index, _ ("Enter a value. To remove the key, use its Remove button."));
}

/**
 * att_closient_metadata_rows_check:
 * @problems: (element-type AttFieldError): where the rows' own problems
 *   are added
 *
 * The problems only the form can have, which no request could carry: a
 * value without a key, a key given twice, a key without a value.
 * Closient's limits are the patch's to check.
 */
void
att_closient_metadata_rows_check (AttClosientMetadataRows *self,
                                  GPtrArray               *problems)
{
  g_return_if_fail (ATT_IS_CLOSIENT_METADATA_ROWS (self));

  for (guint i = 0; i < self->rows->len; i++)
    check_row (self, i, problems);
}

/* Whether @path is about the row at @index: `metadata[index]`, or
 * `metadata.<its key>`. */
static gboolean
path_is_row (AttClosientMetadataRows *self,
             const char              *path,
             guint                    index)
{
  g_autofree char *key = NULL;
  guint            n;
  char             end;

  if (sscanf (path, "metadata[%u%c", &n, &end) == 2 && end == ']')
    return n == index;
  if (!g_str_has_prefix (path, "metadata."))
    return FALSE;
  key = att_closient_metadata_row_get_key (row_at (self, index));
  return g_str_equal (path + strlen ("metadata."), key);
}

static const char *
first_for_row (AttClosientMetadataRows *self,
               GPtrArray               *problems,
               guint                    index)
{
  for (guint i = 0; i < problems->len; i++)
    {
      AttFieldError *problem = g_ptr_array_index (problems, i);

      if (path_is_row (self, problem->path, index))
        return problem->message;
    }
  return NULL;
}

static const char *
first_for_group (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      AttFieldError *problem = g_ptr_array_index (problems, i);

      if (g_str_equal (problem->path, "metadata"))
        return problem->message;
    }
  return NULL;
}

/**
 * att_closient_metadata_rows_show_problems:
 * @problems: (element-type AttFieldError): the problems of the whole form
 *
 * Shows under each row the first problem about it, and above the rows
 * the first about them all; the others' are the page's.
 */
void
att_closient_metadata_rows_show_problems (AttClosientMetadataRows *self,
                                          GPtrArray               *problems)
{
  const char *group;

  g_return_if_fail (ATT_IS_CLOSIENT_METADATA_ROWS (self));

  for (guint i = 0; i < self->rows->len; i++)
    att_closient_metadata_row_set_message (row_at (self, i), first_for_row (self, problems, i));
  group = first_for_group (problems);
  gtk_label_set_label (self->message, group != NULL ? group : "");
  gtk_widget_set_visible (self->message_row, group != NULL);
}

/**
 * att_closient_metadata_rows_focus:
 * @path: a problem's path
 *
 * Returns: whether @path is about the metadata, and the focus went there
 */
gboolean
att_closient_metadata_rows_focus (AttClosientMetadataRows *self,
                                  const char              *path)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_METADATA_ROWS (self), FALSE);

  if (!g_str_has_prefix (path, "metadata"))
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    if (path_is_row (self, path, i))
      {
        att_closient_metadata_row_focus_key (row_at (self, i));
        return TRUE;
      }
  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

/* --- Drafts -------------------------------------------------------------- */

/**
 * att_closient_metadata_rows_save_state:
 *
 * Returns: (transfer full): the rows as typed, problems and all, and
 *   whether Clear All was chosen: `{"rows": [[key, value], ...],
 *   "cleared": false}`
 */
JsonNode *
att_closient_metadata_rows_save_state (AttClosientMetadataRows *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (ATT_IS_CLOSIENT_METADATA_ROWS (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->rows->len; i++)
    {
      g_autofree char *key = att_closient_metadata_row_get_key (row_at (self, i));

      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, key);
      json_builder_add_string_value (builder, att_closient_metadata_row_get_value (row_at (self, i)));
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "cleared");
  json_builder_add_boolean_value (builder, self->cleared);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static const char *
pair_string (JsonArray *pair,
             guint      index)
{
  JsonNode *node = index < json_array_get_length (pair) ? json_array_get_element (pair, index) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node)
           : "";
}

/**
 * att_closient_metadata_rows_restore_state:
 * @state: what att_closient_metadata_rows_save_state() returned; a
 *   member of the wrong type is left out
 */
void
att_closient_metadata_rows_restore_state (AttClosientMetadataRows *self,
                                          JsonNode                *state)
{
  JsonObject *object;
  JsonNode   *rows;

  g_return_if_fail (ATT_IS_CLOSIENT_METADATA_ROWS (self));

  if (state == NULL || !JSON_NODE_HOLDS_OBJECT (state))
    return;
  object = json_node_get_object (state);
  remove_all (self);
  rows = json_object_get_member (object, "rows");
  for (guint i = 0; rows != NULL && JSON_NODE_HOLDS_ARRAY (rows) && i < json_array_get_length (json_node_get_array (rows)); i++)
    {
      JsonNode *pair = json_array_get_element (json_node_get_array (rows), i);

      if (JSON_NODE_HOLDS_ARRAY (pair))
        att_closient_metadata_rows_add_row (self, pair_string (json_node_get_array (pair), 0),
                                            pair_string (json_node_get_array (pair), 1));
    }
  self->cleared = json_object_get_boolean_member_with_default (object, "cleared", FALSE);
  changed (self);
}

/* --- Clear All and Add --------------------------------------------------- */

static void
on_clear_response (AdwMessageDialog        *dialog,
                   const char              *response,
                   AttClosientMetadataRows *self)
{
  if (g_strcmp0 (response, "clear") == 0)
    att_closient_metadata_rows_clear (self);
}

/* Clear All is the one edit that sends "clear everything": it is asked
 * for, and confirmed. */
static void
on_clear_clicked (AttClosientMetadataRows *self)
{
  g_autofree char *body = NULL;
  GtkWidget       *dialog;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The %u key of this assignment is removed from Closient when you save.",
                                       "All %u keys of this assignment are removed from Closient when you save.",
                                       self->rows->len),
                          self->rows->len);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _ ("Clear All Metadata?"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "clear",
                                    _ ("C_lear All"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "clear", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  att_accessible_fix_mnemonics (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_clear_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_clicked (AttClosientMetadataRows *self)
{
  GtkWidget *row = att_closient_metadata_rows_add_row (self, NULL, NULL);

  att_closient_metadata_row_focus_key (ATT_CLOSIENT_METADATA_ROW (row));
  changed (self);
}

static GtkWidget *
header_button_new (const char *icon_name,
                   const char *label,
                   const char *tooltip)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
header_new (AttClosientMetadataRows *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = header_button_new ("list-add-symbolic", _ ("_Add Key"), _ ("Add a metadata key"));

  self->clear_button = header_button_new ("edit-clear-all-symbolic", _ ("C_lear All"),
                                          _ ("Remove every metadata key"));
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), add);
  gtk_box_append (GTK_BOX (box), self->clear_button);
  return box;
}

static void
add_fixed_rows (AttClosientMetadataRows *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  self->message = GTK_LABEL (label);
  gtk_label_set_xalign (self->message, 0.0);
  gtk_label_set_wrap (self->message, TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  self->message_row = adw_preferences_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->message_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->message_row), FALSE);
  gtk_widget_set_visible (self->message_row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->message_row);

  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _ ("No metadata"));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty_row);
}

static void
att_closient_metadata_rows_dispose (GObject *object)
{
  AttClosientMetadataRows *self = ATT_CLOSIENT_METADATA_ROWS (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (att_closient_metadata_rows_parent_class)->dispose (object);
}

static void
att_closient_metadata_rows_class_init (AttClosientMetadataRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = att_closient_metadata_rows_dispose;

  /**
   * AttClosientMetadataRows::changed:
   *
   * A row was edited, added or removed, or all were cleared.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 0);
}

static void
att_closient_metadata_rows_init (AttClosientMetadataRows *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _ ("Metadata"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _ ("Developer data: up to 50 keys, each up to 40 characters, "
                                            "with values up to 500 characters."));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), header_new (self));
  add_fixed_rows (self);
  update_state (self);
}

GtkWidget *
att_closient_metadata_rows_new (void)
{
  return g_object_new (ATT_TYPE_CLOSIENT_METADATA_ROWS, NULL);
}
