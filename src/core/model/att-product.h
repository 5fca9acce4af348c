/* att-product.h: a PIC product
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_PRODUCT (att_product_get_type ())

G_DECLARE_FINAL_TYPE (AttProduct, att_product, ATT, PRODUCT, GObject)

AttProduct        *att_product_new_from_json (JsonObject *object,
                                              const char *path,
                                              GError    **error);
JsonObject        *att_product_get_json (AttProduct *self);
JsonNode          *att_product_to_json (AttProduct *self);
JsonNode          *att_product_to_create_request (AttProduct *self);
gboolean           att_product_is_placeholder (AttProduct *self);

const char        *att_product_get_id (AttProduct *self);
const char        *att_product_get_name (AttProduct *self);
const char        *att_product_get_category (AttProduct *self);
const char        *att_product_get_product_type (AttProduct *self);
const char        *att_product_get_size (AttProduct *self);
const char        *att_product_get_identifier (AttProduct *self);
const char        *att_product_get_identifier_type (AttProduct *self);
double             att_product_get_weight (AttProduct *self);
const char        *att_product_get_weight_unit (AttProduct *self);
double             att_product_get_weight_kg (AttProduct *self);
gboolean           att_product_get_weight_is_primary_data (AttProduct *self);
gboolean           att_product_get_is_material_weight (AttProduct *self);
const char *const *att_product_get_tags (AttProduct *self);
GListModel        *att_product_get_materials (AttProduct *self);
GListModel        *att_product_get_packaging (AttProduct *self);
GListModel        *att_product_get_components (AttProduct *self);
GListModel        *att_product_get_purchase_orders (AttProduct *self);
AttEcoScore       *att_product_get_eco_score (AttProduct *self);
AttCountry        *att_product_get_manufacturing_country (AttProduct *self);
AttCountry        *att_product_get_fabric_country (AttProduct *self);
AttCountry        *att_product_get_dyeing_country (AttProduct *self);
gboolean           att_product_get_eligible (AttProduct *self);
const char *const *att_product_get_eligibility_messages (AttProduct *self);
gint64             att_product_get_created_on (AttProduct *self);
gint64             att_product_get_modified_on (AttProduct *self);
char              *att_product_format_weight (AttProduct *self);

const char        *att_weight_unit_to_symbol (const char *unit);
double             att_weight_unit_to_kg (double      weight,
                                          const char *unit);

G_END_DECLS
