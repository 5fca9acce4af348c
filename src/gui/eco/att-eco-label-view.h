/* att-eco-label-view.h: the official French label, with Copy and Save As
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ATT_TYPE_ECO_LABEL_VIEW (att_eco_label_view_get_type ())

G_DECLARE_FINAL_TYPE (AttEcoLabelView, att_eco_label_view, ATT, ECO_LABEL_VIEW, GtkWidget)

GtkWidget  *att_eco_label_view_new (void);
void        att_eco_label_view_set_svg (AttEcoLabelView *self,
                                        const char      *svg,
                                        const char      *error);
GdkTexture *att_eco_label_view_get_texture (AttEcoLabelView *self);
const char *att_eco_label_view_get_message (AttEcoLabelView *self);
void        att_eco_label_view_save_async (AttEcoLabelView    *self,
                                           GFile              *file,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
gboolean    att_eco_label_view_save_finish (AttEcoLabelView *self,
                                            GAsyncResult    *result,
                                            GError         **error);

G_END_DECLS
