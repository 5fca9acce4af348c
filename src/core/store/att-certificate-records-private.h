/* att-certificate-records-private.h: what att-certificate-records.c (the
 * object, its state and its tasks) and att-certificate-records-io.c (the
 * file) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-certificate-records.h"

G_BEGIN_DECLS

char      *att_certificate_records_file_name (const char *account_id,
                                              const char *base_url);
JsonNode  *att_certificate_records_io_read (const char *path,
                                            GError    **error);
GPtrArray *att_certificate_records_from_json (JsonNode *root);
GBytes    *att_certificate_records_to_bytes (GPtrArray  *records,
                                             const char *account_id,
                                             const char *base_url);

G_END_DECLS
