/* att-certificate-file-private.h: the checks a certificate file passes,
 * shared by files read from disk and files held in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-certificate-file.h"

G_BEGIN_DECLS

/* How much of a file's start is read to tell its type, and to tell text
 * from anything else; and how much of its end, to see whether it is
 * complete (an image's end may be followed by padding). */
#define ATT_CERTIFICATE_FILE_HEAD_LENGTH 512
#define ATT_CERTIFICATE_FILE_TAIL_LENGTH 4096

AttCertificateFile *att_certificate_file_new_checked (GFile      *source,
                                                      GBytes     *bytes,
                                                      AttFileType type,
                                                      guint64     size,
                                                      const char *display_name);

gboolean            att_certificate_file_check_size (guint64     size,
                                                     const char *name,
                                                     GError    **error);
AttFileType         att_certificate_file_check_head (const guint8 *head,
                                                     gsize         length,
                                                     guint64       size,
                                                     const char   *name,
                                                     GError      **error);
gboolean            att_certificate_file_check_tail (AttFileType   type,
                                                     const guint8 *tail,
                                                     gsize         length,
                                                     const char   *name,
                                                     GError      **error);

G_END_DECLS
