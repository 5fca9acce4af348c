/* att-purchase-order-dialog.h: add or edit one purchase order of a product
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_PURCHASE_ORDER_DIALOG (att_purchase_order_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AttPurchaseOrderDialog, att_purchase_order_dialog, ATT, PURCHASE_ORDER_DIALOG, AdwWindow)

GtkWidget  *att_purchase_order_dialog_new (AttContext          *context,
                                           AttPurchaseOrderRow *row,
                                           const char          *product_id,
                                           const char          *product_name);
const char *att_purchase_order_dialog_get_product_id (AttPurchaseOrderDialog *self);

G_END_DECLS
