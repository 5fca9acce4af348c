/* att-purchase-orders-page.h: every purchase order across the account's
 * products
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_PURCHASE_ORDERS_PAGE (att_purchase_orders_page_get_type ())

G_DECLARE_FINAL_TYPE (AttPurchaseOrdersPage, att_purchase_orders_page, ATT, PURCHASE_ORDERS_PAGE, GtkWidget)

GtkWidget  *att_purchase_orders_page_new (AttContext *context);
AttContext *att_purchase_orders_page_get_context (AttPurchaseOrdersPage *self);
GListModel *att_purchase_orders_page_get_model (AttPurchaseOrdersPage *self);
void        att_purchase_orders_page_refresh (AttPurchaseOrdersPage *self);

G_END_DECLS
