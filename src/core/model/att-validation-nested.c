/* att-validation-nested.c: checks of members that hold other values, for
 * the product rules: objects, a country, lists, lists of texts, and rows
 * named twice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-validation-private.h"

JsonObject *
att_check_object (GPtrArray  *errors,
                  JsonNode   *node,
                  const char *path)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      att_check_report (errors, path, _ ("Expected an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

void
att_check_country (GPtrArray  *errors,
                   JsonObject *object,
                   const char *key,
                   const char *parent)
{
  JsonNode        *node = json_object_get_member (object, key);
  g_autofree char *path = att_json_path_member (parent, key);
  JsonObject      *country;

  if (node == NULL || att_check_is_null (node))
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      att_check_report (errors, path, _ ("Expected a country with a code and a name"));
      return;
    }

  country = json_node_get_object (node);
  att_check_string (errors, country, "code", path, TRUE, FALSE);
  att_check_string (errors, country, "name", path, TRUE, FALSE);
}

/* Returns the array of @key, %NULL when it is absent or null (or reports a
 * type error).  @required makes both absent and null an error. */
JsonArray *
att_check_array (GPtrArray  *errors,
                 JsonObject *object,
                 const char *key,
                 const char *parent,
                 gboolean    required)
{
  JsonNode        *node = json_object_get_member (object, key);
  g_autofree char *path = att_json_path_member (parent, key);

  if (node == NULL || att_check_is_null (node))
    {
      if (required)
        att_check_report (errors, path, _ ("This field is required"));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      att_check_report (errors, path, _ ("Expected a list"));
      return NULL;
    }

  return json_node_get_array (node);
}

void
att_check_string_list (GPtrArray  *errors,
                       JsonObject *object,
                       const char *key,
                       const char *parent)
{
  JsonArray       *array = att_check_array (errors, object, key, parent, FALSE);
  g_autofree char *path = att_json_path_member (parent, key);

  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode        *element = json_array_get_element (array, i);
      g_autofree char *item_path = att_json_path_index (path, i);

      if (!att_check_is_string (element))
        att_check_report (errors, item_path, _ ("Expected text"));
      else
        att_check_text (errors, item_path, json_node_get_string (element));
    }
}

/* The id that identifies a row: the row itself, or its text @member; %NULL
 * when there is none to compare. */
static const char *
row_id (JsonNode   *element,
        const char *member)
{
  JsonNode *node = element;

  if (member != NULL)
    node = JSON_NODE_HOLDS_OBJECT (element) ? json_object_get_member (json_node_get_object (element), member) : NULL;
  if (node == NULL || !att_check_is_string (node) || att_check_is_blank (json_node_get_string (node)))
    return NULL;
  return json_node_get_string (node);
}

static void
report_duplicate (GPtrArray  *errors,
                  const char *list,
                  guint       row,
                  const char *member,
                  guint       first)
{
  g_autofree char *row_path = att_json_path_index (list, row);
  g_autofree char *path = member != NULL ? att_json_path_member (row_path, member) : g_strdup (row_path);
  /* Translators: %u is the number of a row, counted from 1. */
  g_autofree char *message = g_strdup_printf (_ ("This is already in the list, in row %u"),
                                              first + 1);

  att_check_report (errors, path, message);
}

/* Reports each row of @list whose @member repeats an earlier row's: the
 * same catalogue entry twice (or the same purchase order named twice in one
 * command) is a mistake the server would otherwise add up or apply twice. */
void
att_check_duplicates (GPtrArray  *errors,
                      JsonArray  *array,
                      const char *list,
                      const char *member)
{
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *id = row_id (json_array_get_element (array, i), member);
      gpointer    first;

      if (id == NULL)
        continue;

      if (g_hash_table_lookup_extended (rows, id, NULL, &first))
        report_duplicate (errors, list, i, member, GPOINTER_TO_UINT (first));
      else
        g_hash_table_insert (rows, (gpointer) id, GUINT_TO_POINTER (i));
    }
}
