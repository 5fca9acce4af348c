/* att-products-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_PRODUCTS_PAGE (att_products_page_get_type ())

G_DECLARE_FINAL_TYPE (AttProductsPage, att_products_page, ATT, PRODUCTS_PAGE, GtkWidget)

GtkWidget  *att_products_page_new (AttContext *context);
AttContext *att_products_page_get_context (AttProductsPage *self);
void        att_products_page_focus_search (AttProductsPage *self);
void        att_products_page_set_search_text (AttProductsPage *self,
                                               const char      *text);
GListModel *att_products_page_get_model (AttProductsPage *self);
AttProduct *att_products_page_get_selected (AttProductsPage *self);

G_END_DECLS
