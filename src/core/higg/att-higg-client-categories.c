/* att-higg-client-categories.c: the category and size lists of
 * AttHiggClient
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Higg names "get categories" and "get available sizes" (api-higg.md §3.1,
 * open question 5) without documenting their paths or answers, so the
 * paths are properties of the client (defaults: the sandbox's choice,
 * docs/api-higg-sandbox.md) and the answers are read tolerantly: a list or
 * a list wrapped in `results` (categories), `sizes` or `results` (sizes). */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "att-category.h"
#include "att-higg-client-private.h"

static GObject *
parse_category (JsonObject *object,
                const char *path,
                GError    **error)
{
  return (GObject *) att_category_new_from_json (object, path, error);
}

/**
 * att_higg_client_list_categories_async:
 *
 * Lists the product categories (`GET` #AttHiggClient:categories-path).
 * Idempotent.
 */
void
att_higg_client_list_categories_async (AttHiggClient      *self,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  att_higg_client_send_call (self, SOUP_METHOD_GET, att_higg_client_get_categories_path (self),
                             NULL, TRUE,
                             att_higg_client_call_new (ANSWER_LIST, ATT_TYPE_CATEGORY,
                                                       parse_category, 0, 0, NULL),
                             cancellable, callback, user_data,
                             ATT_SOURCE_TAG (att_higg_client_list_categories_async));
}

/**
 * att_higg_client_list_categories_finish:
 *
 * Returns: (transfer full): a list of #AttCategory, or %NULL with @error set
 */
GListModel *
att_higg_client_list_categories_finish (AttHiggClient *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_list_categories_async), error);
}

/* The sizes path of @category_id: the id, escaped, in place of the
 * placeholder, or as a query when the path has none. */
static char *
sizes_path (AttHiggClient *self,
            const char    *category_id)
{
  const char *template = att_higg_client_get_sizes_path (self);
  const char      *slot = strstr (template, ATT_HIGG_SIZES_PATH_CATEGORY);
  g_autofree char *escaped = g_uri_escape_string (category_id, NULL, FALSE);

  if (slot == NULL)
    return g_strconcat (template, strchr (template, '?') != NULL ? "&" : "?",
                        "categoryExpansionId=", escaped, NULL);

  return g_strdup_printf ("%.*s%s%s", (int) (slot - template), template, escaped,
                          slot + strlen (ATT_HIGG_SIZES_PATH_CATEGORY));
}

/**
 * att_higg_client_list_sizes_async:
 * @category_id: a `categoryExpansionId`
 *
 * Lists the sizes valid for one category (`GET` #AttHiggClient:sizes-path).
 * An unknown category fails with %ATT_API_ERROR_NOT_FOUND.  Idempotent.
 */
void
att_higg_client_list_sizes_async (AttHiggClient      *self,
                                  const char         *category_id,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (category_id != NULL && *category_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = sizes_path (self, category_id);
  att_higg_client_send_call (self, SOUP_METHOD_GET, path, NULL, TRUE,
                             att_higg_client_call_new (ANSWER_STRINGS, G_TYPE_NONE,
                                                       NULL, 0, 0, NULL),
                             cancellable, callback, user_data,
                             ATT_SOURCE_TAG (att_higg_client_list_sizes_async));
}

/**
 * att_higg_client_list_sizes_finish:
 *
 * Returns: (transfer full): the sizes, e.g. `Adult`, or %NULL with @error
 *   set
 */
GStrv
att_higg_client_list_sizes_finish (AttHiggClient *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  GObject *answer = att_higg_client_finish_call (self, result,
                                                 ATT_SOURCE_TAG (att_higg_client_list_sizes_async),
                                                 error);

  return answer != NULL ? att_higg_client_take_strings (answer) : NULL;
}
