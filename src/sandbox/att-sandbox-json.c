/* att-sandbox-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-sandbox-json.h"

static JsonNode *
value_member (JsonObject *object,
              const char *key,
              GType       type)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, key))
    return NULL;
  node = json_object_get_member (object, key);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (type == G_TYPE_DOUBLE)
    {
      GType value_type = json_node_get_value_type (node);

      return value_type == G_TYPE_DOUBLE || value_type == G_TYPE_INT64 ? node : NULL;
    }
  return json_node_get_value_type (node) == type ? node : NULL;
}

const char *
att_sandbox_json_string (JsonObject *object,
                         const char *key)
{
  JsonNode *node = value_member (object, key, G_TYPE_STRING);

  return node != NULL ? json_node_get_string (node) : NULL;
}

double
att_sandbox_json_number (JsonObject *object,
                         const char *key,
                         double      fallback)
{
  JsonNode *node = value_member (object, key, G_TYPE_DOUBLE);

  return node != NULL ? json_node_get_double (node) : fallback;
}

gboolean
att_sandbox_json_boolean (JsonObject *object,
                          const char *key,
                          gboolean    fallback)
{
  JsonNode *node = value_member (object, key, G_TYPE_BOOLEAN);

  return node != NULL ? json_node_get_boolean (node) : fallback;
}

JsonObject *
att_sandbox_json_object (JsonObject *object,
                         const char *key)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, key))
    return NULL;
  node = json_object_get_member (object, key);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
att_sandbox_json_array (JsonObject *object,
                        const char *key)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, key))
    return NULL;
  node = json_object_get_member (object, key);
  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Present and not null. */
gboolean
att_sandbox_json_is_set (JsonObject *object,
                         const char *key)
{
  return object != NULL && json_object_has_member (object, key) &&
         !JSON_NODE_HOLDS_NULL (json_object_get_member (object, key));
}

JsonObject *
att_sandbox_json_element_object (JsonArray *array,
                                 guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Whole numbers are written as JSON integers (`75`, not `75.0`), as a
 * client that sent an integer expects to read one back. */
void
att_sandbox_json_set_number (JsonObject *object,
                             const char *key,
                             double      value)
{
  if (isfinite (value) && floor (value) == value && fabs (value) < 9007199254740992.0)
    json_object_set_int_member (object, key, (gint64) value);
  else
    json_object_set_double_member (object, key, value);
}

/* json_node_init_object() adds a reference; these hand over the caller's
 * instead, for objects and arrays built just for the node. */
JsonNode *
att_sandbox_json_node_take_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

JsonNode *
att_sandbox_json_node_take_array (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

char *
att_sandbox_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

JsonObject *
att_sandbox_json_parse_object (const char *text,
                               GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           "Expected a JSON object");
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}
