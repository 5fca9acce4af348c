/* att-pm-product-picker.h: choose Product Module products, searching by
 * name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_PM_PRODUCT_PICKER (att_pm_product_picker_get_type ())

G_DECLARE_FINAL_TYPE (AttPmProductPicker, att_pm_product_picker, ATT, PM_PRODUCT_PICKER, AdwWindow)

GtkWidget  *att_pm_product_picker_new (AttContext *context,
                                       GtkWindow  *parent,
                                       const char *title,
                                       const char *accept_label,
                                       GListModel *selected);
GListModel *att_pm_product_picker_get_selected (AttPmProductPicker *self);

G_END_DECLS
