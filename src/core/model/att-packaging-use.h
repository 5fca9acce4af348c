/* att-packaging-use.h: one packaging item of a product
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_PACKAGING_USE (att_packaging_use_get_type ())

G_DECLARE_FINAL_TYPE (AttPackagingUse, att_packaging_use, ATT, PACKAGING_USE, GObject)

AttPackagingUse *att_packaging_use_new_from_json    (JsonObject       *object,
                                                     const char       *path,
                                                     GError          **error);
JsonObject      *att_packaging_use_get_json         (AttPackagingUse  *self);
JsonNode        *att_packaging_use_to_json          (AttPackagingUse  *self);
JsonNode        *att_packaging_use_to_request_json  (AttPackagingUse  *self);

const char      *att_packaging_use_get_packaging_id (AttPackagingUse  *self);
const char      *att_packaging_use_get_name         (AttPackagingUse  *self);
double           att_packaging_use_get_amount       (AttPackagingUse  *self);
const char      *att_packaging_use_get_code         (AttPackagingUse  *self);
const char      *att_packaging_use_get_description  (AttPackagingUse  *self);
const char      *att_packaging_use_get_data_source  (AttPackagingUse  *self);
double           att_packaging_use_get_weight_kg    (AttPackagingUse  *self);

G_END_DECLS
