/* att-packaging-use.h: one packaging item of a product
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-catalog-use.h"

G_BEGIN_DECLS

#define ATT_TYPE_PACKAGING_USE (att_packaging_use_get_type ())

G_DECLARE_FINAL_TYPE (AttPackagingUse, att_packaging_use, ATT, PACKAGING_USE, AttCatalogUse)

AttPackagingUse *att_packaging_use_new_from_json (JsonObject *object,
                                                  const char *path,
                                                  GError    **error);

const char      *att_packaging_use_get_packaging_id (AttPackagingUse *self);
double           att_packaging_use_get_amount (AttPackagingUse *self);

G_END_DECLS
