/* att-certificate-records.h: the certificates this app created or updated,
 * as the server last answered, kept per account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

/* The version written in the file; a file with a higher one comes from a
 * newer Attest and is read as empty, and never overwritten. */
#define ATT_CERTIFICATE_RECORDS_FORMAT_VERSION 1

#define ATT_TYPE_CERTIFICATE_RECORDS (att_certificate_records_get_type ())

G_DECLARE_FINAL_TYPE (AttCertificateRecords, att_certificate_records, ATT, CERTIFICATE_RECORDS, GObject)

AttCertificateRecords *att_certificate_records_new (const char *account_id,
                                                    const char *base_url);
AttCertificateRecords *att_certificate_records_new_for_path (const char *path);
const char            *att_certificate_records_get_path (AttCertificateRecords *self);

void                   att_certificate_records_put (AttCertificateRecords *self,
                                                    AttCertificate        *certificate);

void                   att_certificate_records_list_async (AttCertificateRecords *self,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
GPtrArray             *att_certificate_records_list_finish (AttCertificateRecords *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);

void                   att_certificate_records_flush_async (AttCertificateRecords *self,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
gboolean               att_certificate_records_flush_finish (AttCertificateRecords *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

G_END_DECLS
