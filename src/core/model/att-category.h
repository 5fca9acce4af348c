/* att-category.h: a product category of the PIC ("get categories"), with
 * the sizes valid for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CATEGORY (att_category_get_type ())

G_DECLARE_FINAL_TYPE (AttCategory, att_category, ATT, CATEGORY, GObject)

AttCategory       *att_category_new_from_json (JsonObject *object,
                                               const char *path,
                                               GError    **error);
JsonObject        *att_category_get_json (AttCategory *self);
JsonNode          *att_category_to_json (AttCategory *self);

const char        *att_category_get_id (AttCategory *self);
const char        *att_category_get_name (AttCategory *self);
const char        *att_category_get_product_type (AttCategory *self);
const char *const *att_category_get_sizes (AttCategory *self);

G_END_DECLS
