/* att-closient-assignment-page.h: one certification of a product on
 * Closient: read, edited, saved as a PATCH, or removed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-closient-assignment.h"
#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CLOSIENT_ASSIGNMENT_PAGE (att_closient_assignment_page_get_type ())

G_DECLARE_FINAL_TYPE (AttClosientAssignmentPage, att_closient_assignment_page, ATT, CLOSIENT_ASSIGNMENT_PAGE,
                      GtkWidget)

GtkWidget             *att_closient_assignment_page_new (AttContext            *context,
                                                         const char            *gtin14,
                                                         AttClosientAssignment *assignment);
AttClosientAssignment *att_closient_assignment_page_get_assignment (AttClosientAssignmentPage *self);
const char            *att_closient_assignment_page_get_gtin (AttClosientAssignmentPage *self);
void                   att_closient_assignment_page_set_product_name (AttClosientAssignmentPage *self,
                                                                      const char                *name);
gboolean               att_closient_assignment_page_get_editing (AttClosientAssignmentPage *self);
void                   att_closient_assignment_page_edit (AttClosientAssignmentPage *self);
gboolean               att_closient_assignment_page_get_busy (AttClosientAssignmentPage *self);
void                   att_closient_assignment_page_flush_draft_async (AttClosientAssignmentPage *self,
                                                                       GCancellable              *cancellable,
                                                                       GAsyncReadyCallback        callback,
                                                                       gpointer                   user_data);
gboolean               att_closient_assignment_page_flush_draft_finish (AttClosientAssignmentPage *self,
                                                                        GAsyncResult              *result,
                                                                        GError                   **error);

G_END_DECLS
