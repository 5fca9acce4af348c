/* att-json-document.c: whole JSON documents: parsing text, deep copies
 * and the writers that build request bodies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "att-json.h"

/* Doubles in this range hold integers exactly, so an integral double in it
 * can be written back as a JSON integer without losing anything. */
#define EXACT_INTEGER_LIMIT 9007199254740992.0 /* 2^53 */

/**
 * att_json_parse:
 * @data: (array length=length) (nullable): UTF-8 JSON text
 * @length: length of @data, or -1 if it is nul-terminated
 *
 * Parses a document; malformed, truncated or empty input is an
 * %ATT_API_ERROR_BAD_RESPONSE error.
 *
 * Returns: (transfer full) (nullable): the root node, or %NULL on error
 */
JsonNode *
att_json_parse (const char *data,
                gssize      length,
                GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length <= 0, NULL);

  if (data == NULL)
    data = "";

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_autofree char *problem = NULL;

      problem = g_strdup_printf (_ ("not valid JSON: %s"), local_error->message);
      att_json_set_error (error, NULL, problem);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      att_json_set_error (error, NULL, _ ("not valid JSON: the document is empty"));
      return NULL;
    }

  return root;
}

/**
 * att_json_node_get_object:
 * @node: (nullable): a node
 * @path: (nullable): where @node sits, for the error message
 *
 * Returns: (transfer none) (nullable): the object held by @node, or %NULL
 *   with an error if @node is not an object
 */
JsonObject *
att_json_node_get_object (JsonNode   *node,
                          const char *path,
                          GError    **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      att_json_set_error (error, path, _ ("expected an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

/**
 * att_json_parse_object:
 *
 * Parses a document whose root must be an object.
 *
 * Returns: (transfer full) (nullable): the root object, or %NULL on error
 */
JsonObject *
att_json_parse_object (const char *data,
                       gssize      length,
                       GError    **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  root = att_json_parse (data, length, error);
  if (root == NULL)
    return NULL;

  object = att_json_node_get_object (root, NULL, error);
  if (object == NULL)
    return NULL;

  return json_object_ref (object);
}

/**
 * att_json_node_copy:
 *
 * A deep copy: json_node_copy() shares the objects and arrays it holds, so
 * editing its result would also edit the original.
 *
 * Returns: (transfer full): a new node
 */
JsonNode *
att_json_node_copy (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr(JsonObject) copy = att_json_object_copy (json_node_get_object (node));

        return json_node_init_object (json_node_alloc (), copy);
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint      n = json_array_get_length (array);
        g_autoptr(JsonArray) copy = json_array_sized_new (n);

        for (guint i = 0; i < n; i++)
          json_array_add_element (copy, att_json_node_copy (json_array_get_element (array, i)));

        return json_node_init_array (json_node_alloc (), copy);
      }

    case JSON_NODE_NULL:
      return json_node_new (JSON_NODE_NULL);

    case JSON_NODE_VALUE:
    default:
      return json_node_copy (node);
    }
}

/**
 * att_json_object_copy:
 *
 * Returns: (transfer full): a deep copy of @object, members in their order
 */
JsonObject *
att_json_object_copy (JsonObject *object)
{
  JsonObject    *copy;
  JsonObjectIter iter;
  const char    *name;
  JsonNode      *member;

  g_return_val_if_fail (object != NULL, NULL);

  copy = json_object_new ();
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (copy, name, att_json_node_copy (member));

  return copy;
}

/**
 * att_json_object_set_number:
 *
 * Sets @key to @value, as a JSON integer when @value is integral so that
 * `100` does not become `100.0`; does nothing when @value is %NAN, since
 * JSON has no way to say "not a number".
 */
void
att_json_object_set_number (JsonObject *object,
                            const char *key,
                            double      value)
{
  g_return_if_fail (object != NULL);
  g_return_if_fail (key != NULL);

  if (!isfinite (value))
    return;

  if (value == floor (value) && fabs (value) <= EXACT_INTEGER_LIMIT)
    json_object_set_int_member (object, key, (gint64) value);
  else
    json_object_set_double_member (object, key, value);
}

/**
 * att_json_object_set_string:
 * @value: (nullable): a string
 *
 * Sets @key to @value; does nothing when @value is %NULL.
 */
void
att_json_object_set_string (JsonObject *object,
                            const char *key,
                            const char *value)
{
  g_return_if_fail (object != NULL);
  g_return_if_fail (key != NULL);

  if (value != NULL)
    json_object_set_string_member (object, key, value);
}

/**
 * att_json_object_to_node:
 * @object: (nullable): a parsed object
 *
 * What every model's to_json() returns: a deep copy of the object it was
 * parsed from, unknown members kept, or an empty object.
 *
 * Returns: (transfer full): a new node holding the copy
 */
JsonNode *
att_json_object_to_node (JsonObject *object)
{
  g_autoptr(JsonObject) copy = object != NULL ? att_json_object_copy (object) : json_object_new ();

  return json_node_init_object (json_node_alloc (), copy);
}
