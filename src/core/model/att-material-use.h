/* att-material-use.h: one material of a product's recipe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_MATERIAL_USE (att_material_use_get_type ())

G_DECLARE_FINAL_TYPE (AttMaterialUse, att_material_use, ATT, MATERIAL_USE, GObject)

AttMaterialUse *att_material_use_new_from_json     (JsonObject      *object,
                                                    const char      *path,
                                                    GError         **error);
JsonObject     *att_material_use_get_json          (AttMaterialUse  *self);
JsonNode       *att_material_use_to_json           (AttMaterialUse  *self);
JsonNode       *att_material_use_to_request_json   (AttMaterialUse  *self);

const char     *att_material_use_get_material_id   (AttMaterialUse  *self);
const char     *att_material_use_get_name          (AttMaterialUse  *self);
double          att_material_use_get_composition   (AttMaterialUse  *self);
double          att_material_use_get_net_use       (AttMaterialUse  *self);
const char     *att_material_use_get_code          (AttMaterialUse  *self);
const char     *att_material_use_get_description   (AttMaterialUse  *self);
const char     *att_material_use_get_data_source   (AttMaterialUse  *self);
double          att_material_use_get_weight_kg     (AttMaterialUse  *self);

G_END_DECLS
