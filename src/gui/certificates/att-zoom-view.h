/* att-zoom-view.h: a texture shown to fit, or at a zoom level
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ATT_TYPE_ZOOM_VIEW (att_zoom_view_get_type ())

/* The zoom levels a view goes between, as factors of the image's size. */
#define ATT_ZOOM_VIEW_MIN_ZOOM 0.1
#define ATT_ZOOM_VIEW_MAX_ZOOM 8.0

G_DECLARE_FINAL_TYPE (AttZoomView, att_zoom_view, ATT, ZOOM_VIEW, GtkWidget)

GtkWidget  *att_zoom_view_new (void);
GdkTexture *att_zoom_view_get_texture (AttZoomView *self);
void        att_zoom_view_set_texture (AttZoomView *self,
                                       GdkTexture  *texture);
double      att_zoom_view_get_zoom (AttZoomView *self);
void        att_zoom_view_set_zoom (AttZoomView *self,
                                    double       zoom);
double      att_zoom_view_get_scale (AttZoomView *self);

G_END_DECLS
