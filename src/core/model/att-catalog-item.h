/* att-catalog-item.h: a material, component or packaging catalogue entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CATALOG_ITEM (att_catalog_item_get_type ())

G_DECLARE_FINAL_TYPE (AttCatalogItem, att_catalog_item, ATT, CATALOG_ITEM, GObject)

AttCatalogItem *att_catalog_item_new_from_json (JsonObject *object,
                                                const char *path,
                                                GError    **error);
JsonObject     *att_catalog_item_get_json (AttCatalogItem *self);
JsonNode       *att_catalog_item_to_json (AttCatalogItem *self);

const char     *att_catalog_item_get_id (AttCatalogItem *self);
const char     *att_catalog_item_get_name (AttCatalogItem *self);
const char     *att_catalog_item_get_item_type (AttCatalogItem *self);
const char     *att_catalog_item_get_description (AttCatalogItem *self);
const char     *att_catalog_item_get_code (AttCatalogItem *self);
const char     *att_catalog_item_get_data_source (AttCatalogItem *self);

G_END_DECLS
