/* att-purchase-order-row.h: a purchase order with its product, as the
 * product cache lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_PURCHASE_ORDER_ROW (att_purchase_order_row_get_type ())

G_DECLARE_FINAL_TYPE (AttPurchaseOrderRow, att_purchase_order_row, ATT, PURCHASE_ORDER_ROW, GObject)

AttPurchaseOrderRow *att_purchase_order_row_new (const char *product_id,
                                                 const char *product_name,
                                                 const char *id,
                                                 const char *purchase_order_id,
                                                 const char *purchase_date,
                                                 double      amount_purchase,
                                                 const char *fem_id);
const char          *att_purchase_order_row_get_product_id (AttPurchaseOrderRow *self);
const char          *att_purchase_order_row_get_product_name (AttPurchaseOrderRow *self);
const char          *att_purchase_order_row_get_id (AttPurchaseOrderRow *self);
const char          *att_purchase_order_row_get_purchase_order_id (AttPurchaseOrderRow *self);
const char          *att_purchase_order_row_get_purchase_date (AttPurchaseOrderRow *self);
double               att_purchase_order_row_get_amount_purchase (AttPurchaseOrderRow *self);
const char          *att_purchase_order_row_get_fem_id (AttPurchaseOrderRow *self);

G_END_DECLS
