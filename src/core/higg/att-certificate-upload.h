/* att-certificate-upload.h: the body of a certificate create or update,
 * its files encoded as base64 straight into it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-certificate-request.h"
#include "att-progress.h"

G_BEGIN_DECLS

typedef struct _AttCertificateUpload AttCertificateUpload;

AttCertificateUpload                *att_certificate_upload_new (AttCertificateRequest *request,
                                                                 GError               **error);
void                                 att_certificate_upload_free (AttCertificateUpload *self);
guint64                              att_certificate_upload_get_body_size (AttCertificateUpload *self);
guint64                              att_certificate_upload_get_files_size (AttCertificateUpload *self);
GBytes                              *att_certificate_upload_encode (AttCertificateUpload *self,
                                                                    AttProgressFunc       progress,
                                                                    gpointer              user_data,
                                                                    GCancellable         *cancellable,
                                                                    GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttCertificateUpload, att_certificate_upload_free)

G_END_DECLS
