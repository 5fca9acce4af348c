/* att-closient-product-group.h: a product's Closient certifications on its
 * details page, by its GTIN
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CLOSIENT_PRODUCT_GROUP (att_closient_product_group_get_type ())

G_DECLARE_FINAL_TYPE (AttClosientProductGroup, att_closient_product_group, ATT, CLOSIENT_PRODUCT_GROUP, GtkWidget)

GtkWidget  *att_closient_product_group_new (AttContext *context);
void        att_closient_product_group_set_product (AttClosientProductGroup *self,
                                                    AttProduct              *product);
const char *att_closient_product_group_get_gtin (AttClosientProductGroup *self);
gboolean    att_closient_product_group_get_loaded (AttClosientProductGroup *self);
GListModel *att_closient_product_group_get_assignments (AttClosientProductGroup *self);
const char *att_closient_product_group_get_status_text (AttClosientProductGroup *self);

G_END_DECLS
