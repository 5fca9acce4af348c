/* att-catalogue-picker.h: a search-as-you-type picker of catalogue items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CATALOGUE_PICKER (att_catalogue_picker_get_type ())

G_DECLARE_FINAL_TYPE (AttCataloguePicker, att_catalogue_picker, ATT, CATALOGUE_PICKER, GtkPopover)

GtkWidget  *att_catalogue_picker_new (AttContext *context,
                                      const char *kind);
const char *att_catalogue_picker_get_kind (AttCataloguePicker *self);
void        att_catalogue_picker_set_used_ids (AttCataloguePicker *self,
                                               const char *const  *ids);
gboolean    att_catalogue_picker_is_used (AttCataloguePicker *self,
                                          const char         *id);
GListModel *att_catalogue_picker_get_model (AttCataloguePicker *self);
guint       att_catalogue_picker_get_selected (AttCataloguePicker *self);

G_END_DECLS
