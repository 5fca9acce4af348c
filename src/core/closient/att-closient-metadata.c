/* att-closient-metadata.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "att-closient-metadata.h"
#include "att-error.h"

/*
 * An assignment's metadata is a flat map of strings to strings, written
 * through PATCH by Closient's own merge rules (api-closient.md §5), which
 * are not RFC 7386's:
 *  - a key with a string value is upserted, an omitted key is kept;
 *  - a key with "" or null is deleted;
 *  - `{}` or null as the whole member clears every key;
 *  - the limits (50 keys, keys of 40 and values of 500 characters) hold
 *    for the map after the merge.
 * The client sends the minimal diff against what it read (changed and new
 * keys with their values, removed keys as ""), never `{}` unless asked;
 * the sandbox applies a PATCH with att_closient_metadata_merge(), so the
 * two agree by construction.
 */

/**
 * att_closient_metadata_new:
 *
 * Returns: (transfer full) (element-type utf8 utf8): an empty map that
 *   owns its keys and values
 */
GHashTable *
att_closient_metadata_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * att_closient_metadata_copy:
 * @metadata: (nullable): a map of strings
 *
 * Returns: (transfer full): a copy that owns its strings (empty for %NULL)
 */
GHashTable *
att_closient_metadata_copy (GHashTable *metadata)
{
  GHashTable    *copy = att_closient_metadata_new ();
  GHashTableIter iter;
  gpointer       key, value;

  if (metadata == NULL)
    return copy;

  g_hash_table_iter_init (&iter, metadata);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

/**
 * att_closient_metadata_equal:
 * @a: (nullable): a map of strings (%NULL is empty)
 * @b: (nullable): another
 *
 * Returns: whether both hold the same keys with the same values
 */
gboolean
att_closient_metadata_equal (GHashTable *a,
                             GHashTable *b)
{
  GHashTableIter iter;
  gpointer       key, value;
  guint          size_a = a != NULL ? g_hash_table_size (a) : 0;
  guint          size_b = b != NULL ? g_hash_table_size (b) : 0;

  if (size_a != size_b)
    return FALSE;
  if (size_a == 0)
    return TRUE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The keys of @metadata, sorted, so that what is written and reported
 * does not depend on the hash order. */
static GPtrArray *
sorted_keys (GHashTable *metadata)
{
  GPtrArray     *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer       key;

  if (metadata != NULL)
    {
      g_hash_table_iter_init (&iter, metadata);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (keys, key);
    }
  g_ptr_array_sort (keys, compare_keys);
  return keys;
}

/**
 * att_closient_metadata_to_json:
 * @metadata: (nullable): a map of strings
 *
 * Returns: (transfer full): @metadata as a JSON object, keys sorted
 */
JsonNode *
att_closient_metadata_to_json (GHashTable *metadata)
{
  g_autoptr(GPtrArray) keys = sorted_keys (metadata);
  g_autoptr(JsonObject) object = json_object_new ();

  for (guint i = 0; i < keys->len; i++)
    json_object_set_string_member (object, keys->pdata[i],
                                   g_hash_table_lookup (metadata, keys->pdata[i]));
  return json_node_init_object (json_node_alloc (), object);
}

/**
 * att_closient_metadata_diff:
 * @before: (nullable): the metadata as read from the server
 * @after: (nullable): the metadata as it should be
 *
 * The smallest PATCH `metadata` member that turns @before into @after by
 * Closient's merge rules: new and changed keys with their values, removed
 * keys with "" (a key of @after whose value is "" counts as removed, since
 * Closient cannot hold one).  Never `{}`: clearing everything is
 * att_closient_patch_clear_metadata()'s, on the user's explicit request.
 *
 * Returns: (transfer full): the diff, empty if nothing changed
 */
JsonObject *
att_closient_metadata_diff (GHashTable *before,
                            GHashTable *after)
{
  g_autoptr(GPtrArray) after_keys = sorted_keys (after);
  g_autoptr(GPtrArray) before_keys = sorted_keys (before);
  JsonObject *diff = json_object_new ();

  for (guint i = 0; i < after_keys->len; i++)
    {
      const char *key = after_keys->pdata[i];
      const char *value = g_hash_table_lookup (after, key);
      const char *old = before != NULL ? g_hash_table_lookup (before, key) : NULL;

      if (*value != '\0' && g_strcmp0 (value, old) != 0)
        json_object_set_string_member (diff, key, value);
    }

  for (guint i = 0; i < before_keys->len; i++)
    {
      const char *key = before_keys->pdata[i];
      const char *value = after != NULL ? g_hash_table_lookup (after, key) : NULL;

      if (value == NULL || *value == '\0')
        json_object_set_string_member (diff, key, "");
    }

  return diff;
}

/* --- Limits ------------------------------------------------------------ */

static void
add_error (GPtrArray  *field_errors,
           const char *path,
           const char *message)
{
  if (field_errors != NULL)
    g_ptr_array_add (field_errors, att_field_error_new (path, message));
}

/* Characters, not bytes, as the limits are documented. */
static glong
count_chars (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return (glong) strlen (text);
  return g_utf8_strlen (text, -1);
}

/**
 * att_closient_metadata_check_entry:
 * @key: a key
 * @value: its value
 * @field_errors: (nullable) (element-type AttFieldError): where to add the
 *   problems, on the field `metadata.<key>`
 *
 * Checks one row against the limits on keys (1 to 40 characters) and
 * values (at most 500), counted in characters.
 *
 * Returns: whether the row is within them
 */
gboolean
att_closient_metadata_check_entry (const char *key,
                                   const char *value,
                                   GPtrArray  *field_errors)
{
  g_autofree char *path = NULL;
  glong            key_chars, value_chars;
  gboolean         ok = TRUE;

  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  path = g_strconcat ("metadata.", key, NULL);
  key_chars = count_chars (key);
  value_chars = count_chars (value);

  if (key_chars == 0)
    {
      add_error (field_errors, path, _ ("A key cannot be empty"));
      ok = FALSE;
    }
  if (key_chars > ATT_CLOSIENT_METADATA_MAX_KEY_CHARS)
    {
      g_autofree char *message =
        /* Translators: %d is 40; %ld how many characters the key has. */
        g_strdup_printf (_ ("A key has at most %d characters, this one has %ld"),
                         ATT_CLOSIENT_METADATA_MAX_KEY_CHARS, key_chars);

      add_error (field_errors, path, message);
      ok = FALSE;
    }
  if (value_chars > ATT_CLOSIENT_METADATA_MAX_VALUE_CHARS)
    {
      g_autofree char *message =
        /* Translators: %d is 500; %ld how many characters the value has. */
        g_strdup_printf (_ ("A value has at most %d characters, this one has %ld"),
                         ATT_CLOSIENT_METADATA_MAX_VALUE_CHARS, value_chars);

      add_error (field_errors, path, message);
      ok = FALSE;
    }

  return ok;
}

/**
 * att_closient_metadata_check:
 * @metadata: a whole map, as it would be after a merge
 * @field_errors: (nullable) (element-type AttFieldError): where to add the
 *   problems: too many keys on `metadata`, a row's on `metadata.<key>`
 *
 * Returns: whether @metadata is within Closient's limits
 */
gboolean
att_closient_metadata_check (GHashTable *metadata,
                             GPtrArray  *field_errors)
{
  g_autoptr(GPtrArray) keys = NULL;
  gboolean ok = TRUE;
  guint    n;

  g_return_val_if_fail (metadata != NULL, FALSE);

  n = g_hash_table_size (metadata);
  if (n > ATT_CLOSIENT_METADATA_MAX_KEYS)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "At most %d keys are allowed, not %u",
                                      "At most %d keys are allowed, not %u", n),
                         ATT_CLOSIENT_METADATA_MAX_KEYS, n);

      add_error (field_errors, "metadata", message);
      ok = FALSE;
    }

  keys = sorted_keys (metadata);
  for (guint i = 0; i < keys->len; i++)
    ok &= att_closient_metadata_check_entry (keys->pdata[i],
                                             g_hash_table_lookup (metadata, keys->pdata[i]),
                                             field_errors);
  return ok;
}

/* --- Merge ------------------------------------------------------------- */

static gboolean
is_string_node (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Applies one member of a non-empty `metadata` object to @merged. */
static gboolean
merge_entry (GHashTable *merged,
             const char *key,
             JsonNode   *value,
             GPtrArray  *field_errors)
{
  if (JSON_NODE_HOLDS_NULL (value) || (is_string_node (value) && *json_node_get_string (value) == '\0'))
    {
      g_hash_table_remove (merged, key);
      return TRUE;
    }

  if (!is_string_node (value))
    {
      g_autofree char *path = g_strconcat ("metadata.", key, NULL);

      add_error (field_errors, path, _ ("A value must be a string"));
      return FALSE;
    }

  g_hash_table_insert (merged, g_strdup (key), g_strdup (json_node_get_string (value)));
  return TRUE;
}

/* Swaps the contents of @current for those of @merged. */
static void
replace_contents (GHashTable *current,
                  GHashTable *merged)
{
  GHashTableIter iter;
  gpointer       key, value;

  g_hash_table_remove_all (current);
  g_hash_table_iter_init (&iter, merged);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (current, key, value);
    }
}

/**
 * att_closient_metadata_merge:
 * @current: (element-type utf8 utf8): the stored metadata, a map made by
 *   att_closient_metadata_new() (it owns its strings)
 * @metadata_member: (nullable): the `metadata` member of a PATCH body, or
 *   %NULL if the body has none
 * @field_errors: (nullable) (element-type AttFieldError): where to add the
 *   problems, on `metadata` or `metadata.<key>`
 *
 * Applies Closient's merge rules (see the top of this file), then checks
 * the limits on the result.  On a problem @current is left as it was.
 *
 * Returns: whether the merge was applied
 */
gboolean
att_closient_metadata_merge (GHashTable *current,
                             JsonNode   *metadata_member,
                             GPtrArray  *field_errors)
{
  g_autoptr(GHashTable) merged = NULL;
  JsonObjectIter iter;
  const char    *key;
  JsonNode      *value;
  gboolean       ok = TRUE;

  g_return_val_if_fail (current != NULL, FALSE);

  if (metadata_member == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_NULL (metadata_member) && !JSON_NODE_HOLDS_OBJECT (metadata_member))
    {
      add_error (field_errors, "metadata", _ ("The metadata must be an object of strings"));
      return FALSE;
    }

  /* {} and null both clear every key. */
  merged = att_closient_metadata_copy (current);
  if (JSON_NODE_HOLDS_NULL (metadata_member) ||
      json_object_get_size (json_node_get_object (metadata_member)) == 0)
    g_hash_table_remove_all (merged);
  else
    {
      json_object_iter_init (&iter, json_node_get_object (metadata_member));
      while (json_object_iter_next (&iter, &key, &value))
        ok &= merge_entry (merged, key, value, field_errors);
    }

  if (!ok || !att_closient_metadata_check (merged, field_errors))
    return FALSE;

  replace_contents (current, merged);
  return TRUE;
}
