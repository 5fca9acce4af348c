/* att-sandbox-certificate.h: certificates as the certification API sends
 * and answers them: reading and checking request bodies, and the
 * certificate object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-sandbox-store.h"

G_BEGIN_DECLS

/* What an update does besides the fields: files replaced, products linked
 * and unlinked. */
typedef struct
{
  gboolean replace_files;
  char   **add_products;
  char   **remove_products;
} AttSandboxCertificateChange;

void                   att_sandbox_certificate_change_clear (AttSandboxCertificateChange *change);

/* att-sandbox-certificate-check.c */
AttSandboxCertificate *att_sandbox_certificate_check_create (AttSandboxStore *store,
                                                             JsonObject      *body,
                                                             GPtrArray       *errors,
                                                             GError         **error);
gboolean               att_sandbox_certificate_check_update (AttSandboxStore             *store,
                                                             AttSandboxCertificate       *certificate,
                                                             JsonObject                  *body,
                                                             AttSandboxCertificateChange *change,
                                                             GPtrArray                   *errors,
                                                             GError                     **error);
const char            *att_sandbox_certificate_check_file (const char *base64,
                                                           gsize       length);

/* att-sandbox-certificate.c */
JsonObject            *att_sandbox_certificate_render (const AttSandboxCertificate *certificate,
                                                       gboolean                     with_products);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AttSandboxCertificateChange, att_sandbox_certificate_change_clear)

G_END_DECLS
