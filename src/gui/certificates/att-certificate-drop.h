/* att-certificate-drop.h: a drop zone for certificate files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What was dropped: files (of GFile, for a file list or a single file),
 * or image data (a texture, as a browser drops an image); the other one
 * is %NULL. */
typedef void (*AttCertificateDropFunc) (GtkWidget  *widget,
                                        GListModel *files,
                                        GdkTexture *texture,
                                        gpointer    user_data);

void att_certificate_drop_install (GtkWidget             *widget,
                                   const char            *action_text,
                                   AttCertificateDropFunc func,
                                   gpointer               user_data);
void att_certificate_drop_set_hovering (GtkWidget *widget,
                                        gboolean   hovering);

G_END_DECLS
