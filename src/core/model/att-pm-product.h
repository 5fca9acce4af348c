/* att-pm-product.h: a Product Module product, as PM search answers it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_PM_PRODUCT (att_pm_product_get_type ())

G_DECLARE_FINAL_TYPE (AttPmProduct, att_pm_product, ATT, PM_PRODUCT, GObject)

AttPmProduct      *att_pm_product_new_from_json (JsonObject *object,
                                                 const char *path,
                                                 GError    **error);
JsonObject        *att_pm_product_get_json (AttPmProduct *self);
JsonNode          *att_pm_product_to_json (AttPmProduct *self);

const char        *att_pm_product_get_id (AttPmProduct *self);
const char        *att_pm_product_get_name (AttPmProduct *self);
const char        *att_pm_product_get_model_number (AttPmProduct *self);
const char        *att_pm_product_get_product_type (AttPmProduct *self);
const char *const *att_pm_product_get_barcodes (AttPmProduct *self);
GListModel        *att_pm_product_get_certificates (AttPmProduct *self);

G_END_DECLS
