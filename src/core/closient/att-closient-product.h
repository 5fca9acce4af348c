/* att-closient-product.h: a product as Closient's products app answers it
 * (a subset of ProductOut)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CLOSIENT_PRODUCT (att_closient_product_get_type ())

G_DECLARE_FINAL_TYPE (AttClosientProduct, att_closient_product, ATT, CLOSIENT_PRODUCT, GObject)

AttClosientProduct *att_closient_product_new_from_json (JsonNode *node,
                                                        GError  **error);
JsonNode           *att_closient_product_to_json (AttClosientProduct *self);

const char         *att_closient_product_get_gtin (AttClosientProduct *self);
const char         *att_closient_product_get_product_name (AttClosientProduct *self);
const char         *att_closient_product_get_brand (AttClosientProduct *self);
const char         *att_closient_product_get_manufacturer (AttClosientProduct *self);
const char         *att_closient_product_get_image_url (AttClosientProduct *self);
const char         *att_closient_product_get_description (AttClosientProduct *self);
gboolean            att_closient_product_get_is_claimed (AttClosientProduct *self);

G_END_DECLS
