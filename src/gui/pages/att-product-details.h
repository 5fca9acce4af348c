/* att-product-details.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_PRODUCT_DETAILS (att_product_details_get_type ())

G_DECLARE_FINAL_TYPE (AttProductDetails, att_product_details, ATT, PRODUCT_DETAILS, GtkWidget)

GtkWidget  *att_product_details_new (void);
AttProduct *att_product_details_get_product (AttProductDetails *self);
void        att_product_details_set_product (AttProductDetails *self,
                                             AttProduct        *product);
GtkWidget  *att_product_details_open_eco_score (AttProductDetails *self);

G_END_DECLS
