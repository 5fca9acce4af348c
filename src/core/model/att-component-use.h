/* att-component-use.h: one component (trim) of a product
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-catalog-use.h"

G_BEGIN_DECLS

#define ATT_TYPE_COMPONENT_USE (att_component_use_get_type ())

G_DECLARE_FINAL_TYPE (AttComponentUse, att_component_use, ATT, COMPONENT_USE, AttCatalogUse)

AttComponentUse *att_component_use_new_from_json (JsonObject *object,
                                                  const char *path,
                                                  GError    **error);

const char      *att_component_use_get_component_id (AttComponentUse *self);
double           att_component_use_get_unit (AttComponentUse *self);

G_END_DECLS
