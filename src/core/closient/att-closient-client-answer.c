/* att-closient-client-answer.c: reading Closient's answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How an answer must look before it is believed: one object, a bare array
 * (the certifications app's list), the `{data, pagination}` envelope of
 * the paginated lists (api-closient.md §3.2), or nothing (a 204).  A row of
 * a page that cannot be read stays in its place as a placeholder with an
 * error (see AttPage), so that the others are shown. */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "att-closient-client-private.h"
#include "att-error.h"
#include "att-json.h"
#include "att-page.h"

struct _AttClosientCall
{
  AttClosientAnswer kind;
  GType             item_type;
  AttClosientParser parse;
  const char       *unreadable; /* what to tell of a row that fails */
};

/**
 * att_closient_call_new:
 * @unreadable: (nullable): a static, translated sentence for a row of a
 *   page that cannot be read
 *
 * Returns: (transfer full): how to read a call's answer
 */
AttClosientCall *
att_closient_call_new (AttClosientAnswer kind,
                       GType             item_type,
                       AttClosientParser parse,
                       const char       *unreadable)
{
  AttClosientCall *call = g_new0 (AttClosientCall, 1);

  call->kind = kind;
  call->item_type = item_type;
  call->parse = parse;
  call->unreadable = unreadable;
  return call;
}

void
att_closient_call_free (AttClosientCall *call)
{
  g_free (call);
}

static GError *
bad_response (const char *path,
              const char *problem)
{
  GError *error = NULL;

  att_json_set_error (&error, path, problem);
  att_api_error_set_details (error, 0, NULL, -1);
  return error;
}

/* The parsers name the failing field from the object; name it from the
 * root of the answer. */
static GObject *
parse_at (AttClosientCall *call,
          JsonNode        *node,
          const char      *path,
          GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  GObject *item = call->parse (node, &local_error);

  if (item == NULL)
    {
      g_prefix_error (&local_error, "%s.", path);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return item;
}

static GObject *
read_array (AttClosientCall *call,
            JsonNode        *root,
            GError         **error)
{
  g_autoptr(GListStore) store = g_list_store_new (call->item_type);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_propagate_error (error, bad_response (NULL, _ ("The server’s answer is not a JSON array")));
      return NULL;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("[%u]", i);
      g_autoptr(GObject) item = parse_at (call, json_array_get_element (array, i), path, error);

      if (item == NULL)
        return NULL;
      g_list_store_append (store, item);
    }

  return G_OBJECT (g_steal_pointer (&store));
}

/* --- Pages ------------------------------------------------------------- */

static gboolean
get_count (JsonObject *pagination,
           const char *member,
           guint      *out,
           GError    **error)
{
  JsonNode *node = json_object_get_member (pagination, member);
  double    value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    {
      g_autofree char *path = g_strconcat ("pagination.", member, NULL);

      g_propagate_error (error, bad_response (path, _ ("expected a number")));
      return FALSE;
    }

  value = json_node_get_double (node);
  if (!isfinite (value) || value < 0 || value > G_MAXUINT)
    {
      g_autofree char *path = g_strconcat ("pagination.", member, NULL);

      g_propagate_error (error, bad_response (path, _ ("out of range")));
      return FALSE;
    }

  *out = (guint) value;
  return TRUE;
}

static void
free_row_error (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

/* A row that does not parse: the user is told in words of the item's
 * kind; the failing field stays in the details. */
static GError *
row_error_new (AttClosientCall *call,
               const GError    *parse_error,
               const char      *path)
{
  g_autoptr(GPtrArray) details = att_field_error_array_new ();
  GError *error;

  g_ptr_array_add (details, att_field_error_new (path, parse_error->message));
  error = g_error_new_literal (ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE,
                               call->unreadable != NULL
                                 ? call->unreadable
                                 : _ ("The server sent an item Attest cannot read"));
  att_api_error_set_details (error, 0, details, -1);
  return error;
}

static GListModel *
read_rows (AttClosientCall *call,
           JsonArray       *array,
           GPtrArray      **out_row_errors)
{
  g_autoptr(GListStore) store = g_list_store_new (call->item_type);
  g_autoptr(GPtrArray) row_errors = NULL;
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("data[%u]", i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) item = parse_at (call, json_array_get_element (array, i), path, &error);

      if (item == NULL)
        {
          if (row_errors == NULL)
            {
              row_errors = g_ptr_array_new_full (n, free_row_error);
              g_ptr_array_set_size (row_errors, n);
            }
          g_ptr_array_index (row_errors, i) = row_error_new (call, error, path);
          item = g_object_new (call->item_type, NULL);
        }
      g_list_store_append (store, item);
    }

  *out_row_errors = g_steal_pointer (&row_errors);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static GObject *
read_page (AttClosientCall *call,
           JsonNode        *root,
           GError         **error)
{
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  JsonObject *object, *pagination;
  JsonArray  *data;
  guint       page, page_size, total, from;

  object = att_json_node_get_object (root, NULL, NULL);
  data = object != NULL ? att_json_get_array (object, "data", NULL, TRUE, NULL) : NULL;
  pagination = object != NULL ? att_json_get_object (object, "pagination", NULL, TRUE, NULL) : NULL;
  if (data == NULL || pagination == NULL)
    {
      g_propagate_error (error, bad_response (NULL, _ ("The server’s answer is not a page of results")));
      return NULL;
    }

  if (!get_count (pagination, "page", &page, error) ||
      !get_count (pagination, "page_size", &page_size, error) ||
      !get_count (pagination, "total_count", &total, error))
    return NULL;

  items = read_rows (call, data, &row_errors);
  from = (guint) MIN ((guint64) (page > 0 ? page - 1 : 0) * page_size, G_MAXUINT);

  /* A total smaller than what this page holds would hide rows. */
  total = (guint) MAX ((guint64) total, MIN ((guint64) from + g_list_model_get_n_items (items), G_MAXUINT));
  return G_OBJECT (att_page_new_full (from, page_size, total, items, row_errors));
}

/**
 * att_closient_call_read:
 * @call: an #AttClosientCall
 *
 * An #AttHttpReadFunc: reads @root as @call says.
 *
 * Returns: (transfer full) (nullable): the answer as an object, or %NULL
 *   with an %ATT_API_ERROR_BAD_RESPONSE
 */
GObject *
att_closient_call_read (JsonNode *root,
                        gpointer  user_data,
                        GError  **error)
{
  AttClosientCall *call = user_data;

  switch (call->kind)
    {
    case ATT_CLOSIENT_ANSWER_OBJECT:
      return call->parse (root, error);

    case ATT_CLOSIENT_ANSWER_ARRAY:
      return read_array (call, root, error);

    case ATT_CLOSIENT_ANSWER_PAGE:
      return read_page (call, root, error);

    case ATT_CLOSIENT_ANSWER_NONE:
    default:
      return g_object_new (G_TYPE_OBJECT, NULL);
    }
}
