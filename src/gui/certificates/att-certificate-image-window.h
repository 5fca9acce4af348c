/* att-certificate-image-window.h: one of a certificate's images, large,
 * with zoom and Save As
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-certificate.h"

G_BEGIN_DECLS

#define ATT_TYPE_CERTIFICATE_IMAGE_WINDOW (att_certificate_image_window_get_type ())

G_DECLARE_FINAL_TYPE (AttCertificateImageWindow, att_certificate_image_window, ATT, CERTIFICATE_IMAGE_WINDOW, AdwWindow)

GtkWidget  *att_certificate_image_window_new (GtkWindow      *parent,
                                              AttCertificate *certificate,
                                              guint           index);
GdkTexture *att_certificate_image_window_get_texture (AttCertificateImageWindow *self);
double      att_certificate_image_window_get_zoom (AttCertificateImageWindow *self);
void        att_certificate_image_window_save_async (AttCertificateImageWindow *self,
                                                     GFile                     *file,
                                                     GCancellable              *cancellable,
                                                     GAsyncReadyCallback        callback,
                                                     gpointer                   user_data);
gboolean    att_certificate_image_window_save_finish (AttCertificateImageWindow *self,
                                                      GAsyncResult              *result,
                                                      GError                   **error);

G_END_DECLS
