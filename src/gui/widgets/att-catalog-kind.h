/* att-catalog-kind.h: the three catalogues, and how each is named and
 * searched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

/* The kinds, as the products search filter (api-higg.md §3.3) and the
 * win.add-to-product action spell them. */
#define ATT_CATALOG_KIND_MATERIAL  "material"
#define ATT_CATALOG_KIND_COMPONENT "component"
#define ATT_CATALOG_KIND_PACKAGING "packaging"

gboolean       att_catalog_kind_is_valid (const char *kind);
const char    *att_catalog_kind_from_list (const char *list);
const char    *att_catalog_kind_get_list (const char *kind);
const char    *att_catalog_kind_get_id_member (const char *kind);

/* The line under an item's name: code and type, or the id. */
char          *att_catalog_kind_describe_item (AttCatalogItem *item);

/* What an empty search of the @kind catalogue says: that it is empty, or
 * that nothing matches @text. */
char          *att_catalog_kind_describe_no_match (const char *kind,
                                                   const char *text);

/* A paged list of #AttCatalogItem matching @text, fetched 50 at a time
 * (the documented maximum of the catalogue searches). */
AttPagedModel *att_catalog_kind_create_model (const char    *kind,
                                              AttHiggClient *client,
                                              const char    *text);

G_END_DECLS
