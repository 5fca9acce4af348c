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

/* The editor beside the list (issue 7): what the window's actions
 * win.show-product, win.add-to-product and win.edit-product do. */
void        att_products_page_show_product (AttProductsPage *self,
                                            const char      *id);
void        att_products_page_edit_product (AttProductsPage *self,
                                            const char      *id);
void        att_products_page_add_to_product (AttProductsPage *self,
                                              const char      *kind,
                                              const char      *id,
                                              const char      *name);
void        att_products_page_new_product (AttProductsPage *self);
GtkWidget  *att_products_page_get_editor (AttProductsPage *self);

/* Selection mode (issue 10): what the header's Select button
 * (products.selection-mode) turns on; products.publish publishes the
 * checked products to the French portal. */
gboolean    att_products_page_get_selection_mode (AttProductsPage *self);
void        att_products_page_set_selection_mode (AttProductsPage *self,
                                                  gboolean         selection_mode);
GStrv       att_products_page_get_checked_ids (AttProductsPage *self);

/* Before the window closes: asks about unsaved edits in the editor (the
 * draft stays on disk either way) and calls @func with whether the
 * window may close. */
typedef void (*AttPageCloseFunc) (AttProductsPage *self,
                                  gboolean         may_close,
                                  gpointer         user_data);
void att_products_page_ask_close (AttProductsPage *self,
                                  AttPageCloseFunc func,
                                  gpointer         user_data);

G_END_DECLS
