/* att-component-use.h: one component (trim) of a product
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_COMPONENT_USE (att_component_use_get_type ())

G_DECLARE_FINAL_TYPE (AttComponentUse, att_component_use, ATT, COMPONENT_USE, GObject)

AttComponentUse *att_component_use_new_from_json    (JsonObject       *object,
                                                     const char       *path,
                                                     GError          **error);
JsonObject      *att_component_use_get_json         (AttComponentUse  *self);
JsonNode        *att_component_use_to_json          (AttComponentUse  *self);
JsonNode        *att_component_use_to_request_json  (AttComponentUse  *self);

const char      *att_component_use_get_component_id (AttComponentUse  *self);
const char      *att_component_use_get_name         (AttComponentUse  *self);
double           att_component_use_get_unit         (AttComponentUse  *self);
const char      *att_component_use_get_description  (AttComponentUse  *self);
const char      *att_component_use_get_data_source  (AttComponentUse  *self);
double           att_component_use_get_weight_kg    (AttComponentUse  *self);

G_END_DECLS
