/* att-file-type.h: what a certificate file is, told by its content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The limits of a certificate's files.  The Higg documentation states none
 * (api-higg.md §10, question 3): these are the sandbox's, written down in
 * docs/api-higg-sandbox.md, and the client checks them before sending so a
 * refusal comes with its reason before any upload. */
#define ATT_CERTIFICATE_MAX_FILE_SIZE    (G_GUINT64_CONSTANT (64) * 1024 * 1024)
#define ATT_CERTIFICATE_MAX_FILES        20
#define ATT_CERTIFICATE_MAX_REQUEST_SIZE (G_GUINT64_CONSTANT (256) * 1024 * 1024)

/* How many leading bytes att_file_type_sniff() looks at, at most. */
#define ATT_FILE_TYPE_SNIFF_LENGTH 16

typedef enum {
  ATT_FILE_TYPE_UNKNOWN,
  ATT_FILE_TYPE_PNG,
  ATT_FILE_TYPE_JPEG,
  ATT_FILE_TYPE_WEBP,
  ATT_FILE_TYPE_TIFF,
  ATT_FILE_TYPE_PDF,
} AttFileType;

AttFileType att_file_type_sniff (const guint8 *data,
                                 gsize         length);
gboolean    att_file_type_is_image (AttFileType type);
const char *att_file_type_get_mime_type (AttFileType type);
const char *att_file_type_get_label (AttFileType type);

G_END_DECLS
