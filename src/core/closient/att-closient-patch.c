/* att-closient-patch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "att-closient-patch-private.h"
#include "att-json.h"

/*
 * An edit of one assignment, relative to the assignment as it was read
 * (`before`).  The form sets values; the body holds only the fields whose
 * value differs from before's (api-closient.md §4.2: PATCH is partial), and
 * the metadata as the minimal diff by Closient's merge rules (§5).  The
 * read-only fields (id, label, code, expiry_date, is_active...) cannot be
 * set at all.
 */

G_DEFINE_FINAL_TYPE (AttClosientPatch, att_closient_patch, G_TYPE_OBJECT)

static const char *const string_fields[] = {
  "certificate_number", "issuing_body", "verification_url", "scope", "certification_value", NULL
};

static const char *const date_fields[] = {
  "valid_from", "expiration_date", "audit_date", "initial_certification_date", NULL
};

static void
att_closient_patch_finalize (GObject *object)
{
  AttClosientPatch *self = (AttClosientPatch *) object;

  g_clear_object (&self->before);
  g_clear_pointer (&self->values, json_object_unref);
  g_clear_pointer (&self->countries, g_strfreev);
  g_clear_pointer (&self->metadata, g_hash_table_unref);

  G_OBJECT_CLASS (att_closient_patch_parent_class)->finalize (object);
}

static void
att_closient_patch_class_init (AttClosientPatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = att_closient_patch_finalize;
}

static void
att_closient_patch_init (AttClosientPatch *self)
{
  self->values = json_object_new ();
  self->status = -1;
}

gboolean
att_closient_patch_is_string_field (const char *field)
{
  return field != NULL && g_strv_contains (string_fields, field);
}

gboolean
att_closient_patch_is_date_field (const char *field)
{
  return field != NULL && g_strv_contains (date_fields, field);
}

/**
 * att_closient_patch_new:
 * @before: the assignment as read from the server
 *
 * Returns: (transfer full): an edit of @before that changes nothing yet
 */
AttClosientPatch *
att_closient_patch_new (AttClosientAssignment *before)
{
  AttClosientPatch *self;

  g_return_val_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT (before), NULL);

  self = g_object_new (ATT_TYPE_CLOSIENT_PATCH, NULL);
  self->before = g_object_ref (before);
  return self;
}

/**
 * att_closient_patch_get_before:
 *
 * Returns: (transfer none): the assignment the edit is relative to
 */
AttClosientAssignment *
att_closient_patch_get_before (AttClosientPatch *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PATCH (self), NULL);

  return self->before;
}

/* --- Setting ----------------------------------------------------------- */

/**
 * att_closient_patch_set_string:
 * @field: `certificate_number`, `issuing_body`, `verification_url`, `scope`
 *   or `certification_value`
 * @value: (nullable): the new value; %NULL or "" blanks the field (sent as
 *   "", which Closient takes where it may refuse null)
 */
void
att_closient_patch_set_string (AttClosientPatch *self,
                               const char       *field,
                               const char       *value)
{
  g_return_if_fail (ATT_IS_CLOSIENT_PATCH (self));
  g_return_if_fail (att_closient_patch_is_string_field (field));

  json_object_set_string_member (self->values, field, value != NULL ? value : "");
}

/**
 * att_closient_patch_set_date:
 * @field: `valid_from`, `expiration_date`, `audit_date` or
 *   `initial_certification_date` (never `expiry_date`: it is read-only)
 * @date_or_null: (nullable): `YYYY-MM-DD`, or %NULL to clear the date
 */
void
att_closient_patch_set_date (AttClosientPatch *self,
                             const char       *field,
                             const char       *date_or_null)
{
  g_return_if_fail (ATT_IS_CLOSIENT_PATCH (self));
  g_return_if_fail (att_closient_patch_is_date_field (field));

  if (date_or_null != NULL)
    json_object_set_string_member (self->values, field, date_or_null);
  else
    json_object_set_null_member (self->values, field);
}

void
att_closient_patch_set_verification_status (AttClosientPatch       *self,
                                            AttClosientVerification status)
{
  g_return_if_fail (ATT_IS_CLOSIENT_PATCH (self));
  g_return_if_fail (status < ATT_CLOSIENT_VERIFICATION_UNKNOWN);

  self->status = (int) status;
}

/**
 * att_closient_patch_set_countries:
 * @codes: (array zero-terminated=1): ISO 3166-1 alpha-2 codes; empty
 *   clears them
 */
void
att_closient_patch_set_countries (AttClosientPatch  *self,
                                  const char *const *codes)
{
  g_return_if_fail (ATT_IS_CLOSIENT_PATCH (self));
  g_return_if_fail (codes != NULL);

  g_strfreev (self->countries);
  self->countries = g_strdupv ((char **) codes);
}

/**
 * att_closient_patch_set_metadata:
 * @after: (element-type utf8 utf8): the whole metadata as it should be
 *   (copied); the body gets the minimal diff from before's
 */
void
att_closient_patch_set_metadata (AttClosientPatch *self,
                                 GHashTable       *after)
{
  g_return_if_fail (ATT_IS_CLOSIENT_PATCH (self));
  g_return_if_fail (after != NULL);

  g_clear_pointer (&self->metadata, g_hash_table_unref);
  self->metadata = att_closient_metadata_copy (after);
}

/**
 * att_closient_patch_clear_metadata:
 *
 * The user's explicit "Clear All": the body gets `"metadata": {}` (even if
 * the metadata read was empty, since the server's may not be by now),
 * unless keys are set again afterwards, in which case it gets the diff.
 */
void
att_closient_patch_clear_metadata (AttClosientPatch *self)
{
  g_return_if_fail (ATT_IS_CLOSIENT_PATCH (self));

  g_clear_pointer (&self->metadata, g_hash_table_unref);
  self->metadata = att_closient_metadata_new ();
  self->metadata_cleared = TRUE;
}

/* --- The values after the edit ----------------------------------------- */

static const char *
get_value (AttClosientPatch *self,
           const char       *field)
{
  JsonNode *node = json_object_get_member (self->values, field);

  if (node == NULL)
    return att_closient_assignment_get_field (self->before, field);
  return JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);
}

/**
 * att_closient_patch_get_string:
 *
 * Returns: the field's value after the edit, "" when blank
 */
const char *
att_closient_patch_get_string (AttClosientPatch *self,
                               const char       *field)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PATCH (self), NULL);
  g_return_val_if_fail (att_closient_patch_is_string_field (field), NULL);

  return get_value (self, field);
}

/**
 * att_closient_patch_get_date:
 * @field: one of the four dates a patch sets, or `expiry_date` (before's)
 *
 * Returns: (nullable): the date after the edit, or %NULL if unset
 */
const char *
att_closient_patch_get_date (AttClosientPatch *self,
                             const char       *field)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PATCH (self), NULL);
  g_return_val_if_fail (att_closient_patch_is_date_field (field) ||
                          g_strcmp0 (field, "expiry_date") == 0,
                        NULL);

  return get_value (self, field);
}

AttClosientVerification
att_closient_patch_get_verification_status (AttClosientPatch *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PATCH (self), ATT_CLOSIENT_VERIFICATION_UNKNOWN);

  if (self->status < 0)
    return att_closient_assignment_get_verification_status (self->before);
  return (AttClosientVerification) self->status;
}

/**
 * att_closient_patch_get_countries:
 *
 * Returns: (transfer none) (array zero-terminated=1): the codes after the
 *   edit
 */
const char *const *
att_closient_patch_get_countries (AttClosientPatch *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PATCH (self), NULL);

  if (self->countries == NULL)
    return att_closient_assignment_get_certificate_countries (self->before);
  return (const char *const *) self->countries;
}

/**
 * att_closient_patch_get_metadata:
 *
 * Returns: (transfer none) (element-type utf8 utf8): the metadata after
 *   the edit; do not change it
 */
GHashTable *
att_closient_patch_get_metadata (AttClosientPatch *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PATCH (self), NULL);

  if (self->metadata == NULL)
    return att_closient_assignment_get_metadata (self->before);
  return self->metadata;
}

/**
 * att_closient_patch_get_metadata_cleared:
 *
 * Returns: whether "Clear All" was asked for
 */
gboolean
att_closient_patch_get_metadata_cleared (AttClosientPatch *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PATCH (self), FALSE);

  return self->metadata_cleared;
}

/* --- The body ---------------------------------------------------------- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Whether the countries set differ from before's, order aside. */
gboolean
att_closient_patch_countries_differ (AttClosientPatch *self)
{
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) b = NULL;

  if (self->countries == NULL)
    return FALSE;

  a = g_strdupv (self->countries);
  b = g_strdupv ((char **) att_closient_assignment_get_certificate_countries (self->before));
  qsort (a, g_strv_length (a), sizeof (char *), compare_strings);
  qsort (b, g_strv_length (b), sizeof (char *), compare_strings);
  return !g_strv_equal ((const char *const *) a, (const char *const *) b);
}

static void
add_values (AttClosientPatch *self,
            JsonObject       *body)
{
  JsonObjectIter iter;
  const char    *field;
  JsonNode      *node;

  json_object_iter_init_ordered (&iter, self->values);
  while (json_object_iter_next_ordered (&iter, &field, &node))
    {
      const char *after = JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);

      if (g_strcmp0 (after, att_closient_assignment_get_field (self->before, field)) != 0)
        json_object_set_member (body, field, json_node_copy (node));
    }
}

static void
add_countries (AttClosientPatch *self,
               JsonObject       *body)
{
  JsonArray *array;

  if (!att_closient_patch_countries_differ (self))
    return;

  array = json_array_new ();
  for (guint i = 0; self->countries[i] != NULL; i++)
    json_array_add_string_element (array, self->countries[i]);
  json_object_set_array_member (body, "certificate_countries", array);
}

static void
add_metadata (AttClosientPatch *self,
              JsonObject       *body)
{
  JsonObject *diff;

  if (self->metadata == NULL)
    return;

  if (self->metadata_cleared && g_hash_table_size (self->metadata) == 0)
    {
      json_object_set_object_member (body, "metadata", json_object_new ());
      return;
    }

  diff = att_closient_metadata_diff (att_closient_assignment_get_metadata (self->before),
                                     self->metadata);
  if (json_object_get_size (diff) > 0)
    json_object_set_object_member (body, "metadata", diff);
  else
    json_object_unref (diff);
}

/**
 * att_closient_patch_to_json:
 *
 * Returns: (transfer full): the PATCH body: only the fields whose value
 *   differs from before's, and the metadata as its minimal diff; an empty
 *   object if nothing changed
 */
JsonNode *
att_closient_patch_to_json (AttClosientPatch *self)
{
  g_autoptr(JsonObject) body = json_object_new ();
  AttClosientVerification before_status;

  g_return_val_if_fail (ATT_IS_CLOSIENT_PATCH (self), NULL);

  add_values (self, body);
  before_status = att_closient_assignment_get_verification_status (self->before);
  if (self->status >= 0 && (AttClosientVerification) self->status != before_status)
    json_object_set_string_member (body, "verification_status",
                                   att_closient_verification_to_string (self->status));
  add_countries (self, body);
  add_metadata (self, body);

  return json_node_init_object (json_node_alloc (), body);
}

/**
 * att_closient_patch_is_empty:
 *
 * Returns: whether the edit changes nothing (then it must not be sent)
 */
gboolean
att_closient_patch_is_empty (AttClosientPatch *self)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_val_if_fail (ATT_IS_CLOSIENT_PATCH (self), TRUE);

  body = att_closient_patch_to_json (self);
  return json_object_get_size (json_node_get_object (body)) == 0;
}
