/* att-materials-page-details.h: one catalogue item, every field of it, and
 * the products that use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_MATERIALS_PAGE_DETAILS (att_materials_page_details_get_type ())

G_DECLARE_FINAL_TYPE (AttMaterialsPageDetails, att_materials_page_details, ATT, MATERIALS_PAGE_DETAILS, GtkWidget)

GtkWidget      *att_materials_page_details_new (AttContext *context);
void            att_materials_page_details_set_item (AttMaterialsPageDetails *self,
                                                     const char              *kind,
                                                     AttCatalogItem          *item);
AttCatalogItem *att_materials_page_details_get_item (AttMaterialsPageDetails *self);
GListModel     *att_materials_page_details_get_used_by (AttMaterialsPageDetails *self);
gboolean        att_materials_page_details_get_used_by_loaded (AttMaterialsPageDetails *self);
guint           att_materials_page_details_get_used_by_total (AttMaterialsPageDetails *self);

G_END_DECLS
