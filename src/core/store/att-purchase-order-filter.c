/* att-purchase-order-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-purchase-order-filter.h"

/* Registered by hand: G_DEFINE_BOXED_TYPE's transparent-union cast is an
 * error under -Wpedantic. */
GType
att_purchase_order_filter_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      GType id = g_boxed_type_register_static (g_intern_static_string ("AttPurchaseOrderFilter"),
                                               (GBoxedCopyFunc) att_purchase_order_filter_copy,
                                               (GBoxedFreeFunc) att_purchase_order_filter_free);

      g_once_init_leave (&type, id);
    }
  return type;
}

/**
 * att_purchase_order_filter_new:
 *
 * Returns: (transfer full): a filter that matches every purchase order
 */
AttPurchaseOrderFilter *
att_purchase_order_filter_new (void)
{
  return g_new0 (AttPurchaseOrderFilter, 1);
}

AttPurchaseOrderFilter *
att_purchase_order_filter_copy (const AttPurchaseOrderFilter *filter)
{
  AttPurchaseOrderFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = att_purchase_order_filter_new ();
  copy->date_from = g_strdup (filter->date_from);
  copy->date_to = g_strdup (filter->date_to);
  copy->product = g_strdup (filter->product);
  copy->fem_id = g_strdup (filter->fem_id);
  copy->text = g_strdup (filter->text);
  copy->limit = filter->limit;
  return copy;
}

void
att_purchase_order_filter_free (AttPurchaseOrderFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->date_from);
  g_free (filter->date_to);
  g_free (filter->product);
  g_free (filter->fem_id);
  g_free (filter->text);
  g_free (filter);
}
