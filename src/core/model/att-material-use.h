/* att-material-use.h: one material of a product's recipe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-catalog-use.h"

G_BEGIN_DECLS

#define ATT_TYPE_MATERIAL_USE (att_material_use_get_type ())

G_DECLARE_FINAL_TYPE (AttMaterialUse, att_material_use, ATT, MATERIAL_USE, AttCatalogUse)

AttMaterialUse *att_material_use_new_from_json (JsonObject *object,
                                                const char *path,
                                                GError    **error);

const char     *att_material_use_get_material_id (AttMaterialUse *self);
double          att_material_use_get_composition (AttMaterialUse *self);
double          att_material_use_get_net_use (AttMaterialUse *self);

G_END_DECLS
