/* att-closient-page.h: the Closient view, a product's certifications on
 * Closient looked up by GTIN
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-closient-assignment.h"
#include "att-closient-product.h"
#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CLOSIENT_PAGE (att_closient_page_get_type ())

G_DECLARE_FINAL_TYPE (AttClosientPage, att_closient_page, ATT, CLOSIENT_PAGE, GtkWidget)

/* The recent GTINs kept, most recent first. */
#define ATT_CLOSIENT_PAGE_MAX_RECENT 10

GtkWidget             *att_closient_page_new (AttContext *context);
gboolean               att_closient_page_look_up (AttClosientPage *self,
                                                  const char      *text);
void                   att_closient_page_reload (AttClosientPage *self);
void                   att_closient_page_focus_gtin (AttClosientPage *self);
const char            *att_closient_page_get_gtin (AttClosientPage *self);
const char            *att_closient_page_get_state (AttClosientPage *self);
const char            *att_closient_page_get_check_message (AttClosientPage *self);
AttClosientProduct    *att_closient_page_get_product (AttClosientPage *self);
GListModel            *att_closient_page_get_model (AttClosientPage *self);
AttClosientAssignment *att_closient_page_get_assignment (AttClosientPage *self,
                                                         guint            position);
void                   att_closient_page_set_verification_filter (AttClosientPage        *self,
                                                                  AttClosientVerification status);
void                   att_closient_page_set_active_filter (AttClosientPage *self,
                                                            int              is_active);
void                   att_closient_page_set_ordering (AttClosientPage *self,
                                                       const char      *ordering);
GtkWidget             *att_closient_page_open_assignment (AttClosientPage *self,
                                                          guint            position);
GtkWidget             *att_closient_page_show_catalogue (AttClosientPage *self);
GtkWidget             *att_closient_page_get_visible_page (AttClosientPage *self);
void                   att_closient_page_go_back (AttClosientPage *self);
GtkWidget             *att_closient_page_get_wait_bar (AttClosientPage *self);

G_END_DECLS
