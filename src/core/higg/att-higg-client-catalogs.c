/* att-higg-client-catalogs.c: the catalogue calls of AttHiggClient
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The searches of the material, component and packaging catalogues
 * (api-higg.md §3.5 to §3.7) and the list of manufacturing countries
 * (§3.8). */

#include "config.h"

#include <libsoup/soup.h>

#include "att-catalog-item.h"
#include "att-country.h"
#include "att-higg-client-private.h"
#include "att-page.h"

/* The documented maximum page size of the catalogue searches (§3.5). */
#define MAX_CATALOG_PAGE_SIZE 50

static GObject *
parse_catalog_item (JsonObject *object,
                    const char *path,
                    GError    **error)
{
  return (GObject *) att_catalog_item_new_from_json (object, path, error);
}

static GObject *
parse_country (JsonObject *object,
               const char *path,
               GError    **error)
{
  return (GObject *) att_country_new_from_json (object, path, error);
}

/* --- Catalogues -------------------------------------------------------- */

static void
search_catalog (AttHiggClient      *self,
                const char         *path,
                const char         *text,
                guint               from,
                guint               size,
                GCancellable       *cancellable,
                GAsyncReadyCallback callback,
                gpointer            user_data,
                gpointer            source_tag)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  Call *call;

  size = MIN (size, MAX_CATALOG_PAGE_SIZE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_int_value (builder, from);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, size);
  if (text != NULL && *text != '\0')
    {
      json_builder_set_member_name (builder, "textSearch");
      json_builder_add_string_value (builder, text);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  call = att_higg_client_call_new (ANSWER_PAGE, ATT_TYPE_CATALOG_ITEM, parse_catalog_item,
                                   from, size, NULL);
  att_higg_client_send_call (self, SOUP_METHOD_POST, path, body, TRUE, call,
                             cancellable, callback, user_data, source_tag);
}

/**
 * att_higg_client_search_materials_async:
 * @text: (nullable): words to look for in the name
 * @size: the page size, at most 50 (larger values are reduced)
 *
 * Searches the material catalogue. Idempotent.
 */
void
att_higg_client_search_materials_async (AttHiggClient      *self,
                                        const char         *text,
                                        guint               from,
                                        guint               size,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  search_catalog (self, "/materials/search", text, from, size, cancellable, callback,
                  user_data, ATT_SOURCE_TAG (att_higg_client_search_materials_async));
}

/**
 * att_higg_client_search_materials_finish:
 *
 * Returns: (transfer full): a page of #AttCatalogItem, or %NULL with @error set
 */
AttPage *
att_higg_client_search_materials_finish (AttHiggClient *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_search_materials_async), error);
}

/**
 * att_higg_client_search_components_async:
 * @text: (nullable): words to look for in the name
 * @size: the page size, at most 50 (larger values are reduced)
 *
 * Searches the component catalogue (buttons, zips, trims...). Idempotent.
 */
void
att_higg_client_search_components_async (AttHiggClient      *self,
                                         const char         *text,
                                         guint               from,
                                         guint               size,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  search_catalog (self, "/components/search", text, from, size, cancellable, callback,
                  user_data, ATT_SOURCE_TAG (att_higg_client_search_components_async));
}

/**
 * att_higg_client_search_components_finish:
 *
 * Returns: (transfer full): a page of #AttCatalogItem, or %NULL with @error set
 */
AttPage *
att_higg_client_search_components_finish (AttHiggClient *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_search_components_async), error);
}

/**
 * att_higg_client_search_packaging_async:
 * @text: (nullable): words to look for in the name
 * @size: the page size, at most 50 (larger values are reduced)
 *
 * Searches the packaging catalogue. Idempotent.
 */
void
att_higg_client_search_packaging_async (AttHiggClient      *self,
                                        const char         *text,
                                        guint               from,
                                        guint               size,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  search_catalog (self, "/packaging/search", text, from, size, cancellable, callback,
                  user_data, ATT_SOURCE_TAG (att_higg_client_search_packaging_async));
}

/**
 * att_higg_client_search_packaging_finish:
 *
 * Returns: (transfer full): a page of #AttCatalogItem, or %NULL with @error set
 */
AttPage *
att_higg_client_search_packaging_finish (AttHiggClient *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_search_packaging_async), error);
}

/**
 * att_higg_client_list_countries_async:
 *
 * Lists the locations accepted for the French eco-score
 * (`GET /french-label-manufacturing-countries`). Idempotent.
 */
void
att_higg_client_list_countries_async (AttHiggClient      *self,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  att_higg_client_send_call (self, SOUP_METHOD_GET, "/french-label-manufacturing-countries",
                             NULL, TRUE,
                             att_higg_client_call_new (ANSWER_LIST, ATT_TYPE_COUNTRY,
                                                       parse_country, 0, 0, NULL),
                             cancellable, callback, user_data,
                             ATT_SOURCE_TAG (att_higg_client_list_countries_async));
}

/**
 * att_higg_client_list_countries_finish:
 *
 * Returns: (transfer full): a list of #AttCountry, or %NULL with @error set
 */
GListModel *
att_higg_client_list_countries_finish (AttHiggClient *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_list_countries_async), error);
}
