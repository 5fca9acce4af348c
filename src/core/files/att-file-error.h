/* att-file-error.h: why a file cannot be a certificate's image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATT_FILE_ERROR (att_file_error_quark ())

/* Each error's message names the file and says what to do about it. */
typedef enum {
  ATT_FILE_ERROR_EMPTY,         /* 0 bytes */
  ATT_FILE_ERROR_TOO_LARGE,     /* over ATT_CERTIFICATE_MAX_FILE_SIZE */
  ATT_FILE_ERROR_NOT_SUPPORTED, /* not PNG, JPEG, WebP, TIFF or PDF by its content */
  ATT_FILE_ERROR_TRUNCATED,     /* an image whose end is missing */
  ATT_FILE_ERROR_PDF,           /* a PDF that cannot become images */
} AttFileError;

GQuark att_file_error_quark (void);

char  *att_file_error_display_name (GFile        *file,
                                    GCancellable *cancellable);

G_END_DECLS
