/* att-closient-patch-state.c: an edit kept as a draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-closient-patch-private.h"
#include "att-json.h"

/*
 * A draft holds the edit, not the assignment: when it is offered back, the
 * assignment is read again from the server and the edit applied to it.  So
 * the metadata is kept as the diff from what was read (the keys the user
 * set and removed), and a key someone else added meanwhile survives;
 * after "Clear All" it is kept as the whole map the user wants.
 *
 *   {"version": 1,
 *    "values": {"scope": "...", "valid_from": null, ...},
 *    "verification_status": "verified",
 *    "certificate_countries": ["FR"],
 *    "metadata_diff": {"k": "v", "gone": ""}   -- or, after Clear All:
 *    "metadata_cleared": true, "metadata": {"k": "v"}}
 */

#define STATE_VERSION 1

static void
save_metadata (AttClosientPatch *self,
               JsonObject       *state)
{
  GHashTable *before = att_closient_assignment_get_metadata (self->before);

  if (self->metadata == NULL)
    return;

  if (self->metadata_cleared)
    {
      json_object_set_boolean_member (state, "metadata_cleared", TRUE);
      json_object_set_member (state, "metadata", att_closient_metadata_to_json (self->metadata));
    }
  else
    json_object_set_object_member (state, "metadata_diff",
                                   att_closient_metadata_diff (before, self->metadata));
}

/**
 * att_closient_patch_save_state:
 *
 * Returns: (transfer full): the edit, for a draft; see
 *   att_closient_patch_new_from_state()
 */
JsonNode *
att_closient_patch_save_state (AttClosientPatch *self)
{
  g_autoptr(JsonObject) state = json_object_new ();

  g_return_val_if_fail (ATT_IS_CLOSIENT_PATCH (self), NULL);

  json_object_set_int_member (state, "version", STATE_VERSION);
  json_object_set_object_member (state, "values", att_json_object_copy (self->values));
  if (self->status >= 0)
    json_object_set_string_member (state, "verification_status",
                                   att_closient_verification_to_string (self->status));
  if (self->countries != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; self->countries[i] != NULL; i++)
        json_array_add_string_element (array, self->countries[i]);
      json_object_set_array_member (state, "certificate_countries", array);
    }
  save_metadata (self, state);

  return json_node_init_object (json_node_alloc (), state);
}

/* --- Restoring --------------------------------------------------------- */

static gboolean
restore_values (AttClosientPatch *self,
                JsonObject       *values,
                GError          **error)
{
  JsonObjectIter iter;
  const char    *field;
  JsonNode      *node;

  json_object_iter_init (&iter, values);
  while (json_object_iter_next (&iter, &field, &node))
    {
      gboolean is_string = JSON_NODE_HOLDS_VALUE (node) &&
                           json_node_get_value_type (node) == G_TYPE_STRING;

      if (att_closient_patch_is_string_field (field) && is_string)
        att_closient_patch_set_string (self, field, json_node_get_string (node));
      else if (att_closient_patch_is_date_field (field) && (is_string || JSON_NODE_HOLDS_NULL (node)))
        att_closient_patch_set_date (self, field, is_string ? json_node_get_string (node) : NULL);
      else
        {
          g_autofree char *path = att_json_path_member ("values", field);

          att_json_set_error (error, path, _ ("not a field of a Closient assignment"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
restore_status (AttClosientPatch *self,
                JsonObject       *state,
                GError          **error)
{
  g_autofree char        *text = NULL;
  AttClosientVerification status;

  if (!att_json_read_string (state, "verification_status", NULL, FALSE, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  status = att_closient_verification_from_string (text);
  if (status == ATT_CLOSIENT_VERIFICATION_UNKNOWN)
    {
      att_json_set_error (error, "verification_status", _ ("unknown status"));
      return FALSE;
    }

  att_closient_patch_set_verification_status (self, status);
  return TRUE;
}

/* Applies a diff by the merge rules, without the limits: a draft over them
 * is restored as it was, for the user to fix. */
void
att_closient_patch_apply_metadata_diff (GHashTable *metadata,
                                        JsonObject *diff)
{
  JsonObjectIter iter;
  const char    *key;
  JsonNode      *value;

  json_object_iter_init (&iter, diff);
  while (json_object_iter_next (&iter, &key, &value))
    {
      const char *text = JSON_NODE_HOLDS_VALUE (value) &&
                             json_node_get_value_type (value) == G_TYPE_STRING
                           ? json_node_get_string (value)
                           : NULL;

      if (text == NULL || *text == '\0')
        g_hash_table_remove (metadata, key);
      else
        g_hash_table_insert (metadata, g_strdup (key), g_strdup (text));
    }
}

static gboolean
restore_metadata (AttClosientPatch *self,
                  JsonObject       *state,
                  GError          **error)
{
  JsonObject *diff = NULL;
  JsonObject *whole = NULL;
  g_autoptr(GHashTable) after = NULL;

  if (!att_json_read_object (state, "metadata_diff", NULL, FALSE, &diff, error) ||
      !att_json_read_object (state, "metadata", NULL, FALSE, &whole, error))
    return FALSE;

  if (att_json_get_boolean (state, "metadata_cleared", NULL, FALSE, FALSE, NULL))
    {
      att_closient_patch_clear_metadata (self);
      if (whole != NULL)
        att_closient_patch_apply_metadata_diff (self->metadata, whole);
    }
  else if (diff != NULL)
    {
      after = att_closient_metadata_copy (att_closient_assignment_get_metadata (self->before));
      att_closient_patch_apply_metadata_diff (after, diff);
      att_closient_patch_set_metadata (self, after);
    }

  return TRUE;
}

/**
 * att_closient_patch_new_from_state:
 * @before: the assignment as the server has it now
 * @state: what att_closient_patch_save_state() gave
 *
 * Returns: (transfer full) (nullable): the edit applied to @before, or
 *   %NULL if @state is not a saved edit (%ATT_API_ERROR_BAD_RESPONSE, with
 *   the failing member)
 */
AttClosientPatch *
att_closient_patch_new_from_state (AttClosientAssignment *before,
                                   JsonNode              *state,
                                   GError               **error)
{
  g_autoptr(AttClosientPatch) self = NULL;
  g_auto(GStrv) countries = NULL;
  JsonObject *object;
  JsonObject *values = NULL;

  g_return_val_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT (before), NULL);
  g_return_val_if_fail (state != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = att_closient_patch_new (before);
  object = att_json_node_get_object (state, NULL, error);
  if (object == NULL)
    return NULL;

  if (att_json_get_int (object, "version", NULL, TRUE, 0, error) != STATE_VERSION)
    {
      if (error != NULL && *error == NULL)
        att_json_set_error (error, "version", _ ("a version this one cannot read"));
      return NULL;
    }

  if (!att_json_read_object (object, "values", NULL, FALSE, &values, error) ||
      (values != NULL && !restore_values (self, values, error)) ||
      !restore_status (self, object, error) ||
      !att_json_read_strv (object, "certificate_countries", NULL, &countries, error) ||
      !restore_metadata (self, object, error))
    return NULL;

  if (countries != NULL)
    att_closient_patch_set_countries (self, (const char *const *) countries);

  return g_steal_pointer (&self);
}
