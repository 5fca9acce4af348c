/* att-sandbox-request.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "att-sandbox-request.h"

void
att_sandbox_add_error (GPtrArray  *errors,
                       const char *path,
                       const char *message)
{
  g_ptr_array_add (errors, att_field_error_new (path, message));
}

static guint
read_count (JsonObject *request,
            const char *key,
            guint       default_value,
            GPtrArray  *errors)
{
  JsonNode *node;
  double    value;

  if (!json_object_has_member (request, key))
    return default_value;

  node = json_object_get_member (request, key);
  if (JSON_NODE_HOLDS_NULL (node))
    return default_value;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    {
      att_sandbox_add_error (errors, key, _ ("Expected a number"));
      return default_value;
    }

  value = json_node_get_double (node);
  if (!isfinite (value) || floor (value) != value || value < 0)
    {
      att_sandbox_add_error (errors, key, _ ("Expected a whole number, 0 or more"));
      return default_value;
    }

  return value > G_MAXINT32 ? G_MAXINT32 : (guint) value;
}

/* `from` and `size` of a search.  A size above @max_size is lowered to it
 * rather than refused: the reply's `size` says what was applied, which is
 * what the documented cap means for a client that pages through. */
void
att_sandbox_request_paging (JsonObject *request,
                            guint       default_size,
                            guint       max_size,
                            guint      *out_from,
                            guint      *out_size,
                            GPtrArray  *errors)
{
  *out_from = read_count (request, "from", 0, errors);
  *out_size = MIN (read_count (request, "size", default_size, errors), max_size);
}

static void
add_words (GPtrArray  *strings,
           const char *text,
           gboolean    split_words)
{
  if (!split_words)
    {
      g_ptr_array_add (strings, g_strdup (text));
      return;
    }

  {
    g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        g_ptr_array_add (strings, g_strdup (words[i]));
  }
}

/* A list of strings, also accepted as one string.  With @split_words, every
 * string is cut into words, so that "organic tee" finds products that
 * contain both words.  Returns %NULL when the member is absent or null. */
char **
att_sandbox_request_strings (JsonObject *request,
                             const char *key,
                             gboolean    split_words,
                             GPtrArray  *errors)
{
  g_autoptr(GPtrArray) strings = NULL;
  JsonNode *node;

  if (!json_object_has_member (request, key))
    return NULL;

  node = json_object_get_member (request, key);
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;

  strings = g_ptr_array_new_with_free_func (g_free);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      add_words (strings, json_node_get_string (node), split_words);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (element) ||
              json_node_get_value_type (element) != G_TYPE_STRING)
            {
              g_autofree char *path = g_strdup_printf ("%s[%u]", key, i);

              att_sandbox_add_error (errors, path, _ ("Expected text"));
              continue;
            }
          add_words (strings, json_node_get_string (element), split_words);
        }
    }
  else
    {
      att_sandbox_add_error (errors, key, _ ("Expected a list of texts"));
      return NULL;
    }

  g_ptr_array_add (strings, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&strings), FALSE);
}
