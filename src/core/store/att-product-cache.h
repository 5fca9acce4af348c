/* att-product-cache.h: a local SQLite copy of an account's products, for
 * views across the whole library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"
#include "att-purchase-order-filter.h"
#include "att-purchase-order-row.h"

G_BEGIN_DECLS

#define ATT_PRODUCT_CACHE_ERROR (att_product_cache_error_quark ())

typedef enum {
  ATT_PRODUCT_CACHE_ERROR_DATABASE, /* the file cannot be opened, read or written */
  ATT_PRODUCT_CACHE_ERROR_BUSY,     /* a refresh is already running */
} AttProductCacheError;

#define ATT_TYPE_PRODUCT_CACHE (att_product_cache_get_type ())

G_DECLARE_FINAL_TYPE (AttProductCache, att_product_cache, ATT, PRODUCT_CACHE, GObject)

GQuark           att_product_cache_error_quark (void);

char            *att_product_cache_path_for_account (const char *account_id);
AttProductCache *att_product_cache_new (AttHiggClient *client,
                                        const char    *account_id);
AttProductCache *att_product_cache_new_for_path (AttHiggClient *client,
                                                 const char    *path);
const char      *att_product_cache_get_path (AttProductCache *self);
AttHiggClient   *att_product_cache_get_client (AttProductCache *self);
guint            att_product_cache_get_fetched (AttProductCache *self);
guint            att_product_cache_get_total (AttProductCache *self);
gboolean         att_product_cache_get_refreshing (AttProductCache *self);
void             att_product_cache_set_page_size (AttProductCache *self,
                                                  guint            page_size);

void             att_product_cache_refresh_async (AttProductCache    *self,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
gboolean         att_product_cache_refresh_finish (AttProductCache *self,
                                                   GAsyncResult    *result,
                                                   GError         **error);

void             att_product_cache_put_product (AttProductCache *self,
                                                AttProduct      *product);

void             att_product_cache_query_purchase_orders_async (AttProductCache              *self,
                                                                const AttPurchaseOrderFilter *filter,
                                                                GCancellable                 *cancellable,
                                                                GAsyncReadyCallback           callback,
                                                                gpointer                      user_data);
GListModel      *att_product_cache_query_purchase_orders_finish (AttProductCache *self,
                                                                 GAsyncResult    *result,
                                                                 GError         **error);
void             att_product_cache_search_products_async (AttProductCache    *self,
                                                          const char         *text,
                                                          guint               limit,
                                                          GCancellable       *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer            user_data);
GListModel      *att_product_cache_search_products_finish (AttProductCache *self,
                                                           GAsyncResult    *result,
                                                           GError         **error);
void             att_product_cache_count_async (AttProductCache    *self,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
gboolean         att_product_cache_count_finish (AttProductCache *self,
                                                 GAsyncResult    *result,
                                                 guint           *n_products,
                                                 guint           *n_orders,
                                                 GError         **error);

G_END_DECLS
