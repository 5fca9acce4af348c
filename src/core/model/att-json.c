/* att-json.c: the typed member readers and the paths their errors name
 *
 * The chainable att_json_read_*() wrappers live in att-json-read.c, whole
 * documents (parsing, deep copies, writers) in att-json-document.c and the
 * calendar date conversions in att-json-date.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "att-json.h"

/**
 * att_json_path_member:
 * @path: (nullable): the path of an object, %NULL for the root
 * @member: a member name
 *
 * Returns: (transfer full): `path.member`, or `member` at the root
 */
char *
att_json_path_member (const char *path,
                      const char *member)
{
  g_return_val_if_fail (member != NULL, NULL);

  if (path == NULL || path[0] == '\0')
    return g_strdup (member);

  return g_strconcat (path, ".", member, NULL);
}

/**
 * att_json_path_index:
 * @path: (nullable): the path of an array
 * @index: an element index
 *
 * Returns: (transfer full): `path[index]`
 */
char *
att_json_path_index (const char *path,
                     guint       index)
{
  return g_strdup_printf ("%s[%u]", path != NULL ? path : "", index);
}

/**
 * att_json_set_error:
 * @error: return location for an error
 * @path: (nullable): the failing field, %NULL for the whole document
 * @problem: a translated description of the problem
 *
 * Sets an %ATT_API_ERROR_BAD_RESPONSE error "<path>: <problem>".
 */
void
att_json_set_error (GError    **error,
                    const char *path,
                    const char *problem)
{
  g_return_if_fail (problem != NULL);

  if (path == NULL || path[0] == '\0')
    {
      g_set_error_literal (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE,
                           problem);
      return;
    }

  /* Translators: this joins a field path such as "materials[2].composition"
   * with a problem such as "expected a number". */
  g_set_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE,
               _ ("%s: %s"), path, problem);
}

static void
set_member_error (GError    **error,
                  const char *path,
                  const char *key,
                  const char *problem)
{
  g_autofree char *member_path = att_json_path_member (path, key);

  att_json_set_error (error, member_path, problem);
}

/* Returns the member's node, or %NULL when it is absent or JSON null: the
 * API uses null and absence interchangeably for "no value". */
static JsonNode *
lookup (JsonObject *object,
        const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

/* Returns the member's node; when it is missing, sets an error if it was
 * required.  Callers tell "absent" from "error" by looking at @error. */
static JsonNode *
lookup_checked (JsonObject *object,
                const char *key,
                const char *path,
                gboolean    required,
                GError    **error)
{
  JsonNode *node = lookup (object, key);

  if (node == NULL && required)
    set_member_error (error, path, key, _ ("required field is missing"));

  return node;
}

static gboolean
node_holds_type (JsonNode *node,
                 GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
node_holds_number (JsonNode *node)
{
  return node_holds_type (node, G_TYPE_INT64) ||
         node_holds_type (node, G_TYPE_DOUBLE);
}

/**
 * att_json_has_member:
 *
 * Returns: %TRUE if @key is present and not JSON null
 */
gboolean
att_json_has_member (JsonObject *object,
                     const char *key)
{
  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return lookup (object, key) != NULL;
}

/**
 * att_json_pick_member:
 * @key: the member name the contract gives
 * @alternative: another name a server may use instead, e.g. `id` for
 *   `_id`
 *
 * Returns: (transfer none): @key if it is present or @alternative is not,
 *   else @alternative: the name to read, so that a missing member is
 *   reported under the contract's name
 */
const char *
att_json_pick_member (JsonObject *object,
                      const char *key,
                      const char *alternative)
{
  g_return_val_if_fail (object != NULL, key);

  if (lookup (object, key) != NULL || lookup (object, alternative) == NULL)
    return key;
  return alternative;
}

/**
 * att_json_get_string:
 *
 * Returns: (transfer none) (nullable): the string, owned by @object
 */
const char *
att_json_get_string (JsonObject *object,
                     const char *key,
                     const char *path,
                     gboolean    required,
                     GError    **error)
{
  JsonNode   *node;
  const char *value;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  node = lookup_checked (object, key, path, required, error);
  if (node == NULL)
    return NULL;

  if (!node_holds_type (node, G_TYPE_STRING))
    {
      set_member_error (error, path, key, _ ("expected a string"));
      return NULL;
    }

  value = json_node_get_string (node);

  /* An identifier or a name that is empty identifies nothing. */
  if (required && (value == NULL || value[0] == '\0'))
    {
      set_member_error (error, path, key, _ ("must not be empty"));
      return NULL;
    }

  return value;
}

/**
 * att_json_get_double:
 *
 * Returns: the number, or %NAN if absent or on error
 */
double
att_json_get_double (JsonObject *object,
                     const char *key,
                     const char *path,
                     gboolean    required,
                     GError    **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NAN);
  g_return_val_if_fail (key != NULL, NAN);

  node = lookup_checked (object, key, path, required, error);
  if (node == NULL)
    return NAN;

  if (!node_holds_number (node))
    {
      set_member_error (error, path, key, _ ("expected a number"));
      return NAN;
    }

  return json_node_get_double (node);
}

/**
 * att_json_get_int:
 *
 * Integral doubles (`3.0`) are accepted; `3.5` is an error.
 *
 * Returns: the integer, or @default_value if absent or on error
 */
gint64
att_json_get_int (JsonObject *object,
                  const char *key,
                  const char *path,
                  gboolean    required,
                  gint64      default_value,
                  GError    **error)
{
  JsonNode *node;
  double    value;

  g_return_val_if_fail (object != NULL, default_value);
  g_return_val_if_fail (key != NULL, default_value);

  node = lookup_checked (object, key, path, required, error);
  if (node == NULL)
    return default_value;

  if (node_holds_type (node, G_TYPE_INT64))
    return json_node_get_int (node);

  if (!node_holds_type (node, G_TYPE_DOUBLE))
    {
      set_member_error (error, path, key, _ ("expected an integer"));
      return default_value;
    }

  value = json_node_get_double (node);
  if (!isfinite (value) || value != floor (value) ||
      value < (double) G_MININT64 || value >= (double) G_MAXINT64)
    {
      set_member_error (error, path, key, _ ("expected an integer"));
      return default_value;
    }

  return (gint64) value;
}

/**
 * att_json_get_boolean:
 *
 * Returns: the boolean, or @default_value if absent or on error
 */
gboolean
att_json_get_boolean (JsonObject *object,
                      const char *key,
                      const char *path,
                      gboolean    required,
                      gboolean    default_value,
                      GError    **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, default_value);
  g_return_val_if_fail (key != NULL, default_value);

  node = lookup_checked (object, key, path, required, error);
  if (node == NULL)
    return default_value;

  if (!node_holds_type (node, G_TYPE_BOOLEAN))
    {
      set_member_error (error, path, key, _ ("expected a boolean"));
      return default_value;
    }

  return json_node_get_boolean (node);
}

/**
 * att_json_get_object:
 *
 * Returns: (transfer none) (nullable): the object, owned by @object
 */
JsonObject *
att_json_get_object (JsonObject *object,
                     const char *key,
                     const char *path,
                     gboolean    required,
                     GError    **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  node = lookup_checked (object, key, path, required, error);
  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_member_error (error, path, key, _ ("expected an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

/**
 * att_json_get_array:
 *
 * Returns: (transfer none) (nullable): the array, owned by @object
 */
JsonArray *
att_json_get_array (JsonObject *object,
                    const char *key,
                    const char *path,
                    gboolean    required,
                    GError    **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  node = lookup_checked (object, key, path, required, error);
  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_member_error (error, path, key, _ ("expected an array"));
      return NULL;
    }

  return json_node_get_array (node);
}

/**
 * att_json_get_string_array:
 *
 * Null elements are skipped; any other non-string element is an error that
 * names its index (`tags[1]: expected a string`).
 *
 * Returns: (transfer full) (nullable): a %NULL-terminated array, or %NULL if
 *   absent or on error
 */
char **
att_json_get_string_array (JsonObject *object,
                           const char *key,
                           const char *path,
                           gboolean    required,
                           GError    **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *array_path = NULL;
  GError          *local_error = NULL;
  JsonArray       *array;
  guint            n;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  array = att_json_get_array (object, key, path, required, &local_error);
  if (array == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return NULL;
    }

  array_path = att_json_path_member (path, key);
  builder = g_strv_builder_new ();
  n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_NULL (element))
        continue;

      if (!node_holds_type (element, G_TYPE_STRING))
        {
          g_autofree char *element_path = att_json_path_index (array_path, i);

          att_json_set_error (error, element_path, _ ("expected a string"));
          return NULL;
        }

      g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

/**
 * att_json_get_timestamp:
 *
 * Reads a point in time as Unix milliseconds.  The API documents integers
 * (ms) but its schema types the same fields as objects, so a number is
 * taken as milliseconds, an ISO 8601 string is converted, and an object or
 * an unreadable string means "unknown" (0).  Booleans and arrays are errors.
 *
 * Returns: Unix milliseconds, or 0 if unknown or on error
 */
gint64
att_json_get_timestamp (JsonObject *object,
                        const char *key,
                        const char *path,
                        GError    **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, 0);
  g_return_val_if_fail (key != NULL, 0);

  node = lookup (object, key);
  if (node == NULL || JSON_NODE_HOLDS_OBJECT (node))
    return 0;

  if (node_holds_type (node, G_TYPE_INT64))
    return json_node_get_int (node);

  if (node_holds_type (node, G_TYPE_DOUBLE))
    {
      double value = json_node_get_double (node);

      if (!isfinite (value) || value < (double) G_MININT64 ||
          value >= (double) G_MAXINT64)
        return 0;
      return (gint64) value;
    }

  if (node_holds_type (node, G_TYPE_STRING))
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) date_time = NULL;

      date_time = g_date_time_new_from_iso8601 (json_node_get_string (node), utc);
      if (date_time == NULL)
        {
          g_debug ("Ignoring unreadable timestamp in %s.%s", path ? path : "", key);
          return 0;
        }
      return att_json_date_time_to_unix_ms (date_time);
    }

  set_member_error (error, path, key, _ ("expected a timestamp"));
  return 0;
}

/**
 * att_json_get_date:
 *
 * Reads a calendar date, as the PO `purchaseDate`: the API takes a
 * `YYYY-MM-DD` string but returns Unix milliseconds.  Both, and ISO 8601
 * date-times, are normalized to "YYYY-MM-DD" in UTC.  A string in another
 * format is kept by the caller's JSON but read as "no date" (%NULL), since
 * one odd date should not make a whole product unreadable.  Objects,
 * booleans and arrays are errors.
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD", or %NULL
 */
char *
att_json_get_date (JsonObject *object,
                   const char *key,
                   const char *path,
                   GError    **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  node = lookup (object, key);
  if (node == NULL)
    return NULL;

  if (node_holds_type (node, G_TYPE_INT64))
    return att_json_date_from_unix_ms (json_node_get_int (node));

  if (node_holds_type (node, G_TYPE_DOUBLE))
    {
      double value = json_node_get_double (node);

      if (!isfinite (value) || value < (double) G_MININT64 ||
          value >= (double) G_MAXINT64)
        return NULL;
      return att_json_date_from_unix_ms ((gint64) floor (value));
    }

  if (node_holds_type (node, G_TYPE_STRING))
    {
      char *date = att_json_normalize_date (json_node_get_string (node));

      if (date == NULL)
        g_debug ("Ignoring unreadable date in %s.%s", path ? path : "", key);
      return date;
    }

  set_member_error (error, path, key, _ ("expected a date"));
  return NULL;
}

/**
 * att_json_get_object_list:
 * @item_type: the #GType that @parser returns
 * @parser: (scope call): parses one element
 *
 * Parses an array of objects into a #GListStore.  Each element is given the
 * path `path.key[i]`; null elements are skipped, any other non-object is an
 * error.
 *
 * Returns: (transfer full) (nullable): the list, empty if @key is absent, or
 *   %NULL on error
 */
GListStore *
att_json_get_object_list (JsonObject         *object,
                          const char         *key,
                          const char         *path,
                          GType               item_type,
                          AttJsonObjectParser parser,
                          GError            **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autofree char *array_path = NULL;
  GError          *local_error = NULL;
  JsonArray       *array;
  guint            n;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (parser != NULL, NULL);

  store = g_list_store_new (item_type);

  array = att_json_get_array (object, key, path, FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (array == NULL)
    return g_steal_pointer (&store);

  array_path = att_json_path_member (path, key);
  n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode        *element = json_array_get_element (array, i);
      g_autofree char *element_path = NULL;
      g_autoptr(GObject) item = NULL;

      if (JSON_NODE_HOLDS_NULL (element))
        continue;

      element_path = att_json_path_index (array_path, i);
      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          att_json_set_error (error, element_path, _ ("expected an object"));
          return NULL;
        }

      item = parser (json_node_get_object (element), element_path, error);
      if (item == NULL)
        return NULL;

      g_list_store_append (store, item);
    }

  return g_steal_pointer (&store);
}
