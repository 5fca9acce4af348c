/* att-purchase-order-filter.h: which purchase orders a cache query returns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_PURCHASE_ORDER_FILTER (att_purchase_order_filter_get_type ())

/**
 * AttPurchaseOrderFilter:
 * @date_from: (nullable): the first purchase date, `YYYY-MM-DD`, inclusive
 * @date_to: (nullable): the last purchase date, `YYYY-MM-DD`, inclusive
 * @product: (nullable): a product id, or words of a product's name
 * @fem_id: (nullable): the FEM id of the facility, exactly
 * @text: (nullable): words found in the order id, the FEM id, or the
 *   product's name or identifier
 * @limit: at most this many rows, the newest; 0 for all
 *
 * Empty strings count as unset.  Every set field must match.
 */
typedef struct _AttPurchaseOrderFilter AttPurchaseOrderFilter;

struct _AttPurchaseOrderFilter
{
  char *date_from;
  char *date_to;
  char *product;
  char *fem_id;
  char *text;
  guint limit;
};

GType                   att_purchase_order_filter_get_type (void) G_GNUC_CONST;
AttPurchaseOrderFilter *att_purchase_order_filter_new (void);
AttPurchaseOrderFilter *att_purchase_order_filter_copy (const AttPurchaseOrderFilter *filter);
void                    att_purchase_order_filter_free (AttPurchaseOrderFilter *filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttPurchaseOrderFilter, att_purchase_order_filter_free)

G_END_DECLS
