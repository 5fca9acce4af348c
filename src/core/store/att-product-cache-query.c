/* att-product-cache-query.c: the async reads of AttProductCache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-product-cache-private.h"

/* Each read runs in a worker thread of GTask's pool; the answer is made
 * there (rows, or products parsed from their JSON) and handed back whole,
 * with no reference kept in the thread. */

typedef struct
{
  AttPurchaseOrderFilter *filter;
  char                   *text;
  guint                   limit;
} Query;

static void
query_free (Query *query)
{
  g_clear_pointer (&query->filter, att_purchase_order_filter_free);
  g_free (query->text);
  g_free (query);
}

/* Runs @func in a worker thread with @query as its task data. */
static void
run_query (AttProductCache    *self,
           Query              *query,
           GCancellable       *cancellable,
           GAsyncReadyCallback callback,
           gpointer            user_data,
           gpointer            source_tag,
           GTaskThreadFunc     func)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, func);
}

/* The answer of a query started by the _async function of @source_tag. */
static gpointer
propagate_query (AttProductCache *self,
                 GAsyncResult    *result,
                 gpointer         source_tag,
                 GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
return_store (GTask      *task,
              GListStore *store,
              GError     *error)
{
  if (store != NULL)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
query_orders_in_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  Query      *query = task_data;
  GError     *error = NULL;
  GListStore *store;

  store = att_cache_reader_query_orders (att_product_cache_get_reader (source_object),
                                         query->filter, cancellable, &error);
  return_store (task, store, error);
}

/**
 * att_product_cache_query_purchase_orders_async:
 * @filter: (nullable): which orders; %NULL for all
 *
 * Lists the stored purchase orders that match @filter, newest first
 * (by purchase date, then the latest stored).
 */
void
att_product_cache_query_purchase_orders_async (AttProductCache              *self,
                                               const AttPurchaseOrderFilter *filter,
                                               GCancellable                 *cancellable,
                                               GAsyncReadyCallback           callback,
                                               gpointer                      user_data)
{
  Query *query;

  g_return_if_fail (ATT_IS_PRODUCT_CACHE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  query = g_new0 (Query, 1);
  query->filter = filter != NULL ? att_purchase_order_filter_copy (filter) : att_purchase_order_filter_new ();
  run_query (self, query, cancellable, callback, user_data,
             ATT_SOURCE_TAG (att_product_cache_query_purchase_orders_async), query_orders_in_thread);
}

/**
 * att_product_cache_query_purchase_orders_finish:
 *
 * Returns: (transfer full): a #GListModel of #AttPurchaseOrderRow, or
 *   %NULL with @error set
 */
GListModel *
att_product_cache_query_purchase_orders_finish (AttProductCache *self,
                                                GAsyncResult    *result,
                                                GError         **error)
{
  return propagate_query (self, result,
                          ATT_SOURCE_TAG (att_product_cache_query_purchase_orders_async), error);
}

static void
search_products_in_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  Query      *query = task_data;
  GError     *error = NULL;
  GListStore *store;

  store = att_cache_reader_search_products (att_product_cache_get_reader (source_object),
                                            query->text, query->limit, cancellable, &error);
  return_store (task, store, error);
}

/**
 * att_product_cache_search_products_async:
 * @text: (nullable): a product id, or words of the product's name or
 *   identifier; %NULL or empty for all
 * @limit: at most this many; 0 for all
 *
 * Finds stored products, by name.
 */
void
att_product_cache_search_products_async (AttProductCache    *self,
                                         const char         *text,
                                         guint               limit,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data)
{
  Query *query;

  g_return_if_fail (ATT_IS_PRODUCT_CACHE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  query = g_new0 (Query, 1);
  query->text = g_strdup (text);
  query->limit = limit;
  run_query (self, query, cancellable, callback, user_data,
             ATT_SOURCE_TAG (att_product_cache_search_products_async), search_products_in_thread);
}

/**
 * att_product_cache_search_products_finish:
 *
 * Returns: (transfer full): a #GListModel of #AttProduct, or %NULL with
 *   @error set
 */
GListModel *
att_product_cache_search_products_finish (AttProductCache *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return propagate_query (self, result,
                          ATT_SOURCE_TAG (att_product_cache_search_products_async), error);
}

static void
count_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AttCacheCounts counts = { 0 };
  GError        *error = NULL;

  if (att_cache_reader_count (att_product_cache_get_reader (source_object), &counts,
                              cancellable, &error))
    g_task_return_pointer (task, g_memdup2 (&counts, sizeof counts), g_free);
  else
    g_task_return_error (task, error);
}

/**
 * att_product_cache_count_async:
 *
 * Counts the stored products and purchase orders, as of one moment.
 */
void
att_product_cache_count_async (AttProductCache    *self,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_return_if_fail (ATT_IS_PRODUCT_CACHE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  run_query (self, g_new0 (Query, 1), cancellable, callback, user_data,
             ATT_SOURCE_TAG (att_product_cache_count_async), count_in_thread);
}

gboolean
att_product_cache_count_finish (AttProductCache *self,
                                GAsyncResult    *result,
                                guint           *n_products,
                                guint           *n_orders,
                                GError         **error)
{
  g_autofree AttCacheCounts *counts = NULL;

  counts = propagate_query (self, result,
                            ATT_SOURCE_TAG (att_product_cache_count_async), error);
  if (counts == NULL)
    return FALSE;
  if (n_products != NULL)
    *n_products = counts->n_products;
  if (n_orders != NULL)
    *n_orders = counts->n_orders;
  return TRUE;
}
