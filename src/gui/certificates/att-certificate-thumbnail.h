/* att-certificate-thumbnail.h: small pictures of certificate images,
 * decoded off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "att-certificate-file.h"

G_BEGIN_DECLS

void        att_certificate_thumbnail_load_async (AttCertificateFile *file,
                                                  int                 size,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
GdkTexture *att_certificate_thumbnail_load_finish (GAsyncResult *result,
                                                   GError      **error);

G_END_DECLS
