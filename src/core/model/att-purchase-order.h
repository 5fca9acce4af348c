/* att-purchase-order.h: a purchase order of a product
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_PURCHASE_ORDER (att_purchase_order_get_type ())

G_DECLARE_FINAL_TYPE (AttPurchaseOrder, att_purchase_order, ATT, PURCHASE_ORDER, GObject)

AttPurchaseOrder *att_purchase_order_new_from_json (JsonObject *object,
                                                    const char *path,
                                                    GError    **error);
JsonObject       *att_purchase_order_get_json (AttPurchaseOrder *self);
JsonNode         *att_purchase_order_to_json (AttPurchaseOrder *self);
JsonNode         *att_purchase_order_to_request_json (AttPurchaseOrder *self);

const char       *att_purchase_order_get_id (AttPurchaseOrder *self);
const char       *att_purchase_order_get_purchase_order_id (AttPurchaseOrder *self);
const char       *att_purchase_order_get_purchase_date (AttPurchaseOrder *self);
double            att_purchase_order_get_amount_purchase (AttPurchaseOrder *self);
const char       *att_purchase_order_get_fem_id (AttPurchaseOrder *self);
const char       *att_purchase_order_get_facility_name (AttPurchaseOrder *self);
const char       *att_purchase_order_get_country (AttPurchaseOrder *self);
const char       *att_purchase_order_get_assessment_status (AttPurchaseOrder *self);
double            att_purchase_order_get_impact_per_unit (AttPurchaseOrder *self);
double            att_purchase_order_get_total_impact_per_unit (AttPurchaseOrder *self);

G_END_DECLS
