/* att-certificate-file-list.h: the files of a certificate form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-certificate-file.h"

G_BEGIN_DECLS

#define ATT_TYPE_CERTIFICATE_FILE_LIST (att_certificate_file_list_get_type ())

G_DECLARE_FINAL_TYPE (AttCertificateFileList, att_certificate_file_list, ATT, CERTIFICATE_FILE_LIST, GtkWidget)

GtkWidget  *att_certificate_file_list_new (void);
void        att_certificate_file_list_add_files (AttCertificateFileList *self,
                                                 GListModel             *files);
void        att_certificate_file_list_add_texture (AttCertificateFileList *self,
                                                   GdkTexture             *texture);
void        att_certificate_file_list_add_existing (AttCertificateFileList *self,
                                                    AttCertificateFile     *file,
                                                    guint                   original_index);
void        att_certificate_file_list_add_refused (AttCertificateFileList *self,
                                                   const char             *display_name,
                                                   const char             *message);

GListModel *att_certificate_file_list_get_items (AttCertificateFileList *self);
GPtrArray  *att_certificate_file_list_get_files (AttCertificateFileList *self);
guint       att_certificate_file_list_get_n_checking (AttCertificateFileList *self);
gboolean    att_certificate_file_list_get_changed (AttCertificateFileList *self);
void        att_certificate_file_list_move (AttCertificateFileList *self,
                                            guint                   position,
                                            int                     delta);
void        att_certificate_file_list_remove (AttCertificateFileList *self,
                                              guint                   position);
void        att_certificate_file_list_set_error (AttCertificateFileList *self,
                                                 const char             *message);

G_END_DECLS
