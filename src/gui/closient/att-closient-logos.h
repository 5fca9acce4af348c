/* att-closient-logos.h: certification logos and product pictures, loaded
 * once and kept in memory and in the user's cache directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "att-types.h"

G_BEGIN_DECLS

/* The size logos are decoded to: twice the largest size they are shown
 * at, so that they stay sharp on a high-resolution screen. */
#define ATT_CLOSIENT_LOGO_PIXELS 96

#define ATT_TYPE_CLOSIENT_LOGOS (att_closient_logos_get_type ())

G_DECLARE_FINAL_TYPE (AttClosientLogos, att_closient_logos, ATT, CLOSIENT_LOGOS, GObject)

AttClosientLogos *att_closient_logos_new (AttHttp *http,
                                          GFile   *cache_dir);
AttClosientLogos *att_closient_logos_get_for_context (AttContext *context);
GFile            *att_closient_logos_get_cache_dir (AttClosientLogos *self);
GdkTexture       *att_closient_logos_lookup (AttClosientLogos *self,
                                             const char       *url);
void              att_closient_logos_load_async (AttClosientLogos   *self,
                                                 const char         *url,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
GdkTexture       *att_closient_logos_load_finish (AttClosientLogos *self,
                                                  GAsyncResult     *result,
                                                  GError          **error);

void              att_closient_logo_show (GtkImage         *image,
                                          AttClosientLogos *logos,
                                          const char       *url,
                                          const char       *fallback_icon,
                                          const char       *accessible_label);

G_END_DECLS
