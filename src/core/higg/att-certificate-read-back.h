/* att-certificate-read-back.h: a certificate as PM search has it, after a
 * create or an update
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-certificate.h"
#include "att-types.h"

G_BEGIN_DECLS

void            att_certificate_read_back_async (AttHiggClient      *client,
                                                 AttCertificate     *answer,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
AttCertificate *att_certificate_read_back_finish (GAsyncResult *result,
                                                  GError      **error);

G_END_DECLS
