/* att-certificate-file-list-private.h: what att-certificate-file-list.c
 * (the list, adding and ordering files) and att-certificate-file-list-rows.c
 * (each file's row and its thumbnail) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-certificate-file-item.h"
#include "att-certificate-file-list.h"

G_BEGIN_DECLS

/* Thumbnails are shown 48 pixels wide and decoded at twice that, for
 * screens that scale by two. */
#define ATT_FILE_LIST_THUMBNAIL_SIZE 48

struct _AttCertificateFileList
{
  GtkWidget             parent_instance;

  GListStore           *items; /* of AttCertificateFileItem */
  guint                 n_original;
  guint                 n_dropped_images;
  GCancellable         *cancellable;
  GQueue                thumbnail_queue; /* of AttCertificateFileItem, owned */
  gboolean              thumbnail_loading;
  GtkFileChooserNative *chooser;

  AdwPreferencesGroup  *group;
  GtkListBox           *list_box;
  GtkLabel             *error_label;
};

/* att-certificate-file-list-rows.c */
GtkWidget *att_certificate_file_list_create_row (gpointer item,
                                                 gpointer user_data);
void       att_certificate_file_list_queue_thumbnail (AttCertificateFileList *self,
                                                      AttCertificateFileItem *item);
void       att_certificate_file_list_focus_row (AttCertificateFileList *self,
                                                guint                   position,
                                                const char             *button_key);
void       att_certificate_file_list_update_move_buttons (AttCertificateFileList *self);

G_END_DECLS
