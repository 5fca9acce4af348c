/* att-cli-product-scan.c: every product of the Higg account, a page at a
 * time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-cli-product-scan.h"
#include "att-higg-client.h"
#include "att-page.h"
#include "att-product.h"

/* Product search answers pages of at most this many. */
#define PAGE_SIZE 100

/**
 * att_cli_for_each_product:
 * @text: (nullable): a part of the products' names or ids
 * @func: called with each #AttProduct
 *
 * Calls @func on every product whose name or id contains @text (every
 * product with %NULL), reading them a page at a time.
 *
 * Returns: %FALSE with @error if a page could not be read
 */
gboolean
att_cli_for_each_product (AttHiggClient *higg,
                          const char    *text,
                          GCancellable  *cancellable,
                          GFunc          func,
                          gpointer       user_data,
                          GError       **error)
{
  guint from = 0;
  guint total;

  do
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(AttPage) page = NULL;
      GListModel *items;
      guint       n;

      att_higg_client_search_products_async (higg, text, NULL, from, PAGE_SIZE, cancellable, att_cli_store_result,
                                             &result);
      page = att_higg_client_search_products_finish (higg, att_cli_await_result (&result), error);
      if (page == NULL)
        return FALSE;
      items = att_page_get_items (page);
      n = g_list_model_get_n_items (items);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AttProduct) product = g_list_model_get_item (items, i);

          func (product, user_data);
        }
      total = att_page_get_total (page);
      from += n;
      att_cli_progress (from, total, _ ("Reading products…"));
      if (n == 0)
        break;
    }
  while (from < total);
  att_cli_progress_end ();
  return TRUE;
}

static void
add_product (gpointer data,
             gpointer user_data)
{
  g_list_store_append (user_data, data);
}

/**
 * att_cli_dup_products:
 *
 * Returns: (transfer full) (nullable): every product of the account, or
 *   %NULL with @error
 */
GListModel *
att_cli_dup_products (AttHiggClient *higg,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GListStore) products = g_list_store_new (ATT_TYPE_PRODUCT);

  if (!att_cli_for_each_product (higg, NULL, cancellable, add_product, products, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&products));
}
