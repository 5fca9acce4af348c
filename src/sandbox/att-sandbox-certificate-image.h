/* att-sandbox-certificate-image.h: the pictures of the demo certificates,
 * drawn with cairo when the demo is seeded (no image file is committed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a certificate page shows. */
typedef struct
{
  const char        *standard;
  const char        *authority;
  const double      *colour; /* the authority's, RGB in [0, 1] */
  const char        *assertion_id;
  const char        *certificate_name;
  const char        *proof_body;
  gint64             date_issued_ms;
  gint64             date_expires_ms;
  const char *const *products; /* "name, style number" lines, for the annex */
} AttSandboxCertificateImage;

GBytes *att_sandbox_certificate_image_page (const AttSandboxCertificateImage *image);
GBytes *att_sandbox_certificate_image_annex (const AttSandboxCertificateImage *image);

G_END_DECLS
