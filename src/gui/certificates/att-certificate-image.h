/* att-certificate-image.h: a certificate's image file decoded into a
 * texture, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "att-certificate.h"

G_BEGIN_DECLS

/* The longest side of a thumbnail in the certificate page's gallery. */
#define ATT_CERTIFICATE_THUMBNAIL_SIZE 200

void        att_certificate_image_load_async (AttCertificate     *certificate,
                                              guint               index,
                                              int                 max_size,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
GdkTexture *att_certificate_image_load_finish (GAsyncResult *result,
                                               GBytes      **out_bytes,
                                               GError      **error);

void        att_certificate_image_fit (int  width,
                                       int  height,
                                       int  max_size,
                                       int *out_width,
                                       int *out_height);

G_END_DECLS
