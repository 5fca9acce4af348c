/* att-materials-page.h: the Materials view, over the material, component
 * and packaging catalogues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_MATERIALS_PAGE (att_materials_page_get_type ())

G_DECLARE_FINAL_TYPE (AttMaterialsPage, att_materials_page, ATT, MATERIALS_PAGE, GtkWidget)

GtkWidget      *att_materials_page_new (AttContext *context);
const char     *att_materials_page_get_kind (AttMaterialsPage *self);
void            att_materials_page_set_kind (AttMaterialsPage *self,
                                             const char       *kind);
void            att_materials_page_focus_search (AttMaterialsPage *self);
void            att_materials_page_set_search_text (AttMaterialsPage *self,
                                                    const char       *text);
GListModel     *att_materials_page_get_model (AttMaterialsPage *self);
void            att_materials_page_select (AttMaterialsPage *self,
                                           guint             position);
AttCatalogItem *att_materials_page_get_selected (AttMaterialsPage *self);
GtkWidget      *att_materials_page_get_details (AttMaterialsPage *self);

G_END_DECLS
