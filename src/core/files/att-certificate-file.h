/* att-certificate-file.h: one image to send with a certificate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "att-file-error.h"
#include "att-file-type.h"

G_BEGIN_DECLS

#define ATT_TYPE_CERTIFICATE_FILE (att_certificate_file_get_type ())

G_DECLARE_FINAL_TYPE (AttCertificateFile, att_certificate_file, ATT, CERTIFICATE_FILE, GObject)

AttCertificateFile *att_certificate_file_new_for_bytes (GBytes     *bytes,
                                                        const char *display_name,
                                                        GError    **error);

const char         *att_certificate_file_get_display_name (AttCertificateFile *self);
AttFileType         att_certificate_file_get_file_type (AttCertificateFile *self);
guint64             att_certificate_file_get_size (AttCertificateFile *self);
GFile              *att_certificate_file_get_source (AttCertificateFile *self);
GBytes             *att_certificate_file_get_bytes (AttCertificateFile *self);
GInputStream       *att_certificate_file_open (AttCertificateFile *self,
                                               GCancellable       *cancellable,
                                               GError            **error);

void                att_certificate_file_load_async (GFile              *file,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
GPtrArray          *att_certificate_file_load_finish (GAsyncResult *result,
                                                      GError      **error);

G_END_DECLS
