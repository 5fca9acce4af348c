/* att-product-cache-record.c: a product as the cache stores it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-product-cache-private.h"
#include "att-product.h"
#include "att-purchase-order.h"

static void
order_free (gpointer data)
{
  AttCacheOrder *order = data;

  g_free (order->id);
  g_free (order->purchase_order_id);
  g_free (order->date);
  g_free (order->fem_id);
  g_free (order);
}

static AttCacheOrder *
order_new (AttPurchaseOrder *po)
{
  AttCacheOrder *order = g_new0 (AttCacheOrder, 1);

  order->id = g_strdup (att_purchase_order_get_id (po));
  order->purchase_order_id = g_strdup (att_purchase_order_get_purchase_order_id (po));
  order->date = g_strdup (att_purchase_order_get_purchase_date (po));
  order->amount = att_purchase_order_get_amount_purchase (po);
  order->fem_id = g_strdup (att_purchase_order_get_fem_id (po));
  return order;
}

/* Compact JSON of the product as the server sent it, unknown members
 * kept, so that later views can read what this version does not model. */
static char *
product_json (AttProduct *product)
{
  g_autoptr(JsonNode) node = json_node_alloc ();

  json_node_init_object (node, att_product_get_json (product));
  return json_to_string (node, FALSE);
}

/**
 * att_cache_record_new:
 *
 * Copies what the tables hold out of @product.  Reads the product's JSON:
 * call it on the thread that holds every reference to @product.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL for a
 *   placeholder or a product without an id
 */
AttCacheRecord *
att_cache_record_new (AttProduct *product)
{
  AttCacheRecord *record;
  GListModel     *orders;

  if (att_product_is_placeholder (product) || att_product_get_id (product) == NULL ||
      att_product_get_json (product) == NULL)
    return NULL;

  record = g_new0 (AttCacheRecord, 1);
  record->id = g_strdup (att_product_get_id (product));
  record->name = g_strdup (att_product_get_name (product));
  record->identifier = g_strdup (att_product_get_identifier (product));
  record->modified = att_product_get_modified_on (product);
  record->json = product_json (product);
  record->orders = g_ptr_array_new_with_free_func (order_free);

  orders = att_product_get_purchase_orders (product);
  for (guint i = 0; orders != NULL && i < g_list_model_get_n_items (orders); i++)
    {
      g_autoptr(AttPurchaseOrder) po = g_list_model_get_item (orders, i);

      g_ptr_array_add (record->orders, order_new (po));
    }

  return record;
}

void
att_cache_record_free (AttCacheRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->id);
  g_free (record->name);
  g_free (record->identifier);
  g_free (record->json);
  g_clear_pointer (&record->orders, g_ptr_array_unref);
  g_free (record);
}
