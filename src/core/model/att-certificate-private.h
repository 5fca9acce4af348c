/* att-certificate-private.h: what the parts of AttCertificate share:
 * att-certificate.c (the GObject, its JSON and its products),
 * att-certificate-files.c (its files: links or base64) and
 * att-certificate-status.c (valid, expiring, expired; sorting by expiry)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-certificate.h"

G_BEGIN_DECLS

struct _AttCertificate
{
  GObject     parent_instance;

  JsonObject *json;
  char       *id;
  char       *authority_id;
  char       *authority_name;
  char       *standard_id;
  char       *standard_name;
  char       *assertion_id;
  char       *certificate_name;
  char       *proof_body;
  GDateTime  *date_issued;
  GDateTime  *date_expires;

  /* The `certificationFiles` strings, borrowed from @json: a file can be
   * tens of megabytes of base64, not to be copied for nothing. */
  GPtrArray  *files;

  GPtrArray  *product_ids; /* of char *, NULL-terminated */
  GHashTable *product_set; /* the same strings, to find one quickly */
};

/* Defined in att-certificate-files.c: reads `certificationFiles` into
 * @self->files. */
gboolean att_certificate_read_files (AttCertificate *self,
                                     const char     *path,
                                     GError        **error);

G_END_DECLS
