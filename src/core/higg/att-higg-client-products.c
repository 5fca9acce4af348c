/* att-higg-client-products.c: the product calls of AttHiggClient
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Searching (by text, ids, or the catalogue items products use), reading,
 * creating and updating products (api-higg.md §3.1 to §3.3), and the paged
 * list models of products the views show. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "att-higg-client-private.h"
#include "att-page.h"
#include "att-paged-model.h"
#include "att-product.h"

static GObject *
parse_product (JsonObject *object,
               const char *path,
               GError    **error)
{
  return (GObject *) att_product_new_from_json (object, path, error);
}

static void
add_strings_member (JsonBuilder       *builder,
                    const char        *member,
                    const char *const *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

/* A products/search body (§3.3); @filter, when set, is the name of the
 * id-array member (`material`, `component` or `packaging`) @filter_ids
 * go in. */
static JsonNode *
build_product_search (const char        *text,
                      const char *const *ids,
                      const char        *filter,
                      const char *const *filter_ids,
                      guint              from,
                      guint              size)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_int_value (builder, from);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, size);

  if (text != NULL && *text != '\0')
    {
      const char *const words[] = { text, NULL };

      add_strings_member (builder, "textSearch", words);
    }

  if (ids != NULL)
    add_strings_member (builder, "id", ids);

  if (filter != NULL)
    add_strings_member (builder, filter, filter_ids);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
strv_is_empty (const char *const *strv)
{
  return strv != NULL && strv[0] == NULL;
}

/* The one shape of every product search: an empty id list (of products, or
 * of the filter) matches nothing, and a server might read `"id": []` as no
 * filter at all, so it is not asked. */
static void
search_products (AttHiggClient      *self,
                 const char         *text,
                 const char *const  *ids,
                 const char         *filter,
                 const char *const  *filter_ids,
                 guint               from,
                 guint               size,
                 GCancellable       *cancellable,
                 GAsyncReadyCallback callback,
                 gpointer            user_data,
                 gpointer            source_tag)
{
  g_autoptr(JsonNode) body = NULL;
  Call *call;

  if (strv_is_empty (ids) || (filter != NULL && strv_is_empty (filter_ids)))
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
      g_autoptr(GListStore) none = g_list_store_new (ATT_TYPE_PRODUCT);

      g_task_set_source_tag (task, source_tag);
      g_task_return_pointer (task, att_page_new (from, size, 0, G_LIST_MODEL (none)),
                             g_object_unref);
      return;
    }

  body = build_product_search (text, ids, filter, filter_ids, from, size);
  call = att_higg_client_call_new (ANSWER_PAGE, ATT_TYPE_PRODUCT, parse_product,
                                   from, size, NULL);
  att_higg_client_call_set_unreadable (call, _ ("The server sent a product Attest cannot read"));
  att_higg_client_send_call (self, SOUP_METHOD_POST, "/products/search", body, TRUE, call,
                             cancellable, callback, user_data, source_tag);
}

/* --- Products ---------------------------------------------------------- */

/**
 * att_higg_client_search_products_async:
 * @text: (nullable): words to look for; %NULL or empty for all products
 * @ids: (nullable) (array zero-terminated=1): only these product ids; an
 *   empty array matches nothing
 * @from: the offset of the first result
 * @size: the page size
 *
 * Searches products (`POST /products/search`). Idempotent: may be retried.
 */
void
att_higg_client_search_products_async (AttHiggClient      *self,
                                       const char         *text,
                                       const char *const  *ids,
                                       guint               from,
                                       guint               size,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  search_products (self, text, ids, NULL, NULL, from, size, cancellable, callback, user_data,
                   ATT_SOURCE_TAG (att_higg_client_search_products_async));
}

/**
 * att_higg_client_search_products_finish:
 *
 * Returns: (transfer full): a page of #AttProduct, or %NULL with @error set
 */
AttPage *
att_higg_client_search_products_finish (AttHiggClient *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_search_products_async), error);
}

static gboolean
is_filter (const char *filter)
{
  return g_strcmp0 (filter, "material") == 0 || g_strcmp0 (filter, "component") == 0 ||
         g_strcmp0 (filter, "packaging") == 0 || g_strcmp0 (filter, "identifier") == 0;
}

/**
 * att_higg_client_search_products_filtered_async:
 * @text: (nullable): words to look for; %NULL or empty for all products
 * @filter: `material`, `component`, `packaging` or `identifier`: the
 *   products/search filter (§3.3) @ids go in
 * @ids: (array zero-terminated=1): catalogue ids, or identifiers (exact);
 *   a product matches when it uses or has any of them; an empty array
 *   matches nothing
 * @from: the offset of the first result
 * @size: the page size
 *
 * Searches the products that use a catalogue item ("Used by"), or that
 * have one of some identifiers (a Product Module product's barcodes).
 * Idempotent: may be retried.
 */
void
att_higg_client_search_products_filtered_async (AttHiggClient      *self,
                                                const char         *text,
                                                const char         *filter,
                                                const char *const  *ids,
                                                guint               from,
                                                guint               size,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (is_filter (filter));
  g_return_if_fail (ids != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  search_products (self, text, NULL, filter, ids, from, size, cancellable, callback, user_data,
                   ATT_SOURCE_TAG (att_higg_client_search_products_filtered_async));
}

/**
 * att_higg_client_search_products_filtered_finish:
 *
 * Returns: (transfer full): a page of #AttProduct, or %NULL with @error set
 */
AttPage *
att_higg_client_search_products_filtered_finish (AttHiggClient *self,
                                                 GAsyncResult  *result,
                                                 GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_search_products_filtered_async),
                                      error);
}

/**
 * att_higg_client_get_product_async:
 * @id: a product `_id`
 *
 * Reads one product. The API has no read-by-id call, so this searches by id;
 * no match fails with %ATT_API_ERROR_NOT_FOUND.
 */
void
att_higg_client_get_product_async (AttHiggClient      *self,
                                   const char         *id,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  const char *ids[] = { id, NULL };
  g_autoptr(JsonNode) body = NULL;
  Call *call;

  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  body = build_product_search (NULL, ids, NULL, NULL, 0, 1);
  call = att_higg_client_call_new (ANSWER_ONE_OF, ATT_TYPE_PRODUCT, parse_product, 0, 1, id);
  att_higg_client_call_set_unreadable (call, _ ("The server sent a product Attest cannot read"));
  att_higg_client_send_call (self, SOUP_METHOD_POST, "/products/search", body, TRUE, call,
                             cancellable, callback, user_data,
                             ATT_SOURCE_TAG (att_higg_client_get_product_async));
}

/**
 * att_higg_client_get_product_finish:
 *
 * Returns: (transfer full): the product, or %NULL with @error set
 */
AttProduct *
att_higg_client_get_product_finish (AttHiggClient *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_get_product_async), error);
}

static JsonNode *
node_for_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return node;
}

/**
 * att_higg_client_create_product_async:
 * @body: the create request (api-higg.md §3.1)
 *
 * Creates a product. Never retried: the server may have stored it even if
 * the answer was lost.
 */
void
att_higg_client_create_product_async (AttHiggClient      *self,
                                      JsonObject         *body,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (body != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  node = node_for_object (body);
  att_higg_client_send_call (self, SOUP_METHOD_POST, "/products/create", node, FALSE,
                             att_higg_client_call_new (ANSWER_OBJECT, ATT_TYPE_PRODUCT,
                                                       parse_product, 0, 0, NULL),
                             cancellable, callback, user_data,
                             ATT_SOURCE_TAG (att_higg_client_create_product_async));
}

/**
 * att_higg_client_create_product_finish:
 *
 * Returns: (transfer full): the product as stored, or %NULL with @error set
 */
AttProduct *
att_higg_client_create_product_finish (AttHiggClient *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_create_product_async), error);
}

/**
 * att_higg_client_update_product_async:
 * @id: the product `_id`
 * @command: the update command (api-higg.md §3.2): omitted fields stay,
 *   lists replace, purchase orders are added, updated and removed by
 *   `addPurchaseOrder`, `updatePurchaseOrder` and `removePurchaseOrder`
 *
 * Updates a product. Never retried: adding a purchase order twice would
 * store it twice.
 */
void
att_higg_client_update_product_async (AttHiggClient      *self,
                                      const char         *id,
                                      JsonObject         *command,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (id != NULL && *id != '\0');
  g_return_if_fail (command != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  node = node_for_object (command);
  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strconcat ("/products/update/", escaped, NULL);
  att_higg_client_send_call (self, SOUP_METHOD_POST, path, node, FALSE,
                             att_higg_client_call_new (ANSWER_OBJECT, ATT_TYPE_PRODUCT,
                                                       parse_product, 0, 0, NULL),
                             cancellable, callback, user_data,
                             ATT_SOURCE_TAG (att_higg_client_update_product_async));
}

/**
 * att_higg_client_update_product_finish:
 *
 * Returns: (transfer full): the product as stored, or %NULL with @error set
 */
AttProduct *
att_higg_client_update_product_finish (AttHiggClient *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_update_product_async), error);
}

/* --- The product list -------------------------------------------------- */

typedef struct
{
  AttHiggClient *client;
  char          *text;
  char          *filter; /* NULL for every product */
  GStrv          filter_ids;
} ProductModelData;

static void
product_model_data_free (ProductModelData *data)
{
  g_clear_object (&data->client);
  g_free (data->text);
  g_free (data->filter);
  g_strfreev (data->filter_ids);
  g_free (data);
}

static void
product_model_fetch (guint               from,
                     guint               size,
                     GCancellable       *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer            callback_data,
                     gpointer            user_data)
{
  ProductModelData *data = user_data;

  search_products (data->client, data->text, NULL, data->filter,
                   (const char *const *) data->filter_ids, from, size,
                   cancellable, callback, callback_data, ATT_SOURCE_TAG (product_model_fetch));
}

static AttPage *
product_model_finish (GAsyncResult *result,
                      GError      **error,
                      gpointer      user_data)
{
  ProductModelData *data = user_data;

  return att_higg_client_finish_call (data->client, result,
                                      ATT_SOURCE_TAG (product_model_fetch), error);
}

static AttPagedModel *
product_model_new (AttHiggClient     *self,
                   const char        *text,
                   const char        *filter,
                   const char *const *filter_ids,
                   guint              page_size)
{
  ProductModelData *data = g_new0 (ProductModelData, 1);

  data->client = g_object_ref (self);
  data->text = g_strdup (text);
  data->filter = g_strdup (filter);
  data->filter_ids = g_strdupv ((char **) filter_ids);

  return att_paged_model_new (ATT_TYPE_PRODUCT, page_size,
                              product_model_fetch, product_model_finish,
                              data, (GDestroyNotify) product_model_data_free);
}

/**
 * att_higg_client_create_product_model:
 * @text: (nullable): words to look for; %NULL or empty for all products
 * @page_size: how many products to fetch at a time
 *
 * Returns: (transfer full): a list of #AttProduct that fetches pages as they
 *   are shown
 */
AttPagedModel *
att_higg_client_create_product_model (AttHiggClient *self,
                                      const char    *text,
                                      guint          page_size)
{
  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (self), NULL);
  g_return_val_if_fail (page_size > 0, NULL);

  return product_model_new (self, text, NULL, NULL, page_size);
}

/**
 * att_higg_client_create_filtered_product_model:
 * @text: (nullable): words to look for; %NULL or empty for all products
 * @filter: `material`, `component` or `packaging`
 * @ids: (array zero-terminated=1): catalogue ids, any of which a product
 *   must use; an empty array gives an empty list
 * @page_size: how many products to fetch at a time
 *
 * The list of the products that use a catalogue item ("Used by").
 *
 * Returns: (transfer full): a list of #AttProduct that fetches pages as they
 *   are shown
 */
AttPagedModel *
att_higg_client_create_filtered_product_model (AttHiggClient     *self,
                                               const char        *text,
                                               const char        *filter,
                                               const char *const *ids,
                                               guint              page_size)
{
  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (self), NULL);
  g_return_val_if_fail (is_filter (filter), NULL);
  g_return_val_if_fail (ids != NULL, NULL);
  g_return_val_if_fail (page_size > 0, NULL);

  return product_model_new (self, text, filter, ids, page_size);
}
