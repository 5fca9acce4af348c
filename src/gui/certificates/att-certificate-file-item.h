/* att-certificate-file-item.h: one entry of a certificate form's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "att-certificate-file.h"

G_BEGIN_DECLS

/**
 * AttFileItemState:
 * @ATT_FILE_ITEM_CHECKING: a file being checked (a PDF: being rendered)
 * @ATT_FILE_ITEM_READY: an image to send
 * @ATT_FILE_ITEM_REFUSED: a file that cannot be sent, with the reason
 */
typedef enum {
  ATT_FILE_ITEM_CHECKING,
  ATT_FILE_ITEM_READY,
  ATT_FILE_ITEM_REFUSED,
} AttFileItemState;

#define ATT_TYPE_CERTIFICATE_FILE_ITEM (att_certificate_file_item_get_type ())

G_DECLARE_FINAL_TYPE (AttCertificateFileItem, att_certificate_file_item, ATT, CERTIFICATE_FILE_ITEM, GObject)

AttCertificateFileItem *att_certificate_file_item_new_checking (const char *display_name);
AttCertificateFileItem *att_certificate_file_item_new_ready (AttCertificateFile *file,
                                                             int                 original_index);
AttCertificateFileItem *att_certificate_file_item_new_refused (const char *display_name,
                                                               const char *message);

AttFileItemState        att_certificate_file_item_get_state (AttCertificateFileItem *self);
const char             *att_certificate_file_item_get_display_name (AttCertificateFileItem *self);
AttCertificateFile     *att_certificate_file_item_get_file (AttCertificateFileItem *self);
const char             *att_certificate_file_item_get_message (AttCertificateFileItem *self);
int                     att_certificate_file_item_get_original_index (AttCertificateFileItem *self);
GdkTexture             *att_certificate_file_item_get_thumbnail (AttCertificateFileItem *self);
void                    att_certificate_file_item_set_thumbnail (AttCertificateFileItem *self,
                                                                 GdkTexture             *thumbnail);

G_END_DECLS
