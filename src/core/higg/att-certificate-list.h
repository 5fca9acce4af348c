/* att-certificate-list.h: every certificate of an account, read through PM
 * search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

/* The page size of the scan: a PM page carries every certificate of each
 * product, images included, so pages stay smaller than PM search allows. */
#define ATT_CERTIFICATE_LIST_PAGE_SIZE 50

#define ATT_TYPE_CERTIFICATE_LIST (att_certificate_list_get_type ())

G_DECLARE_FINAL_TYPE (AttCertificateList, att_certificate_list, ATT, CERTIFICATE_LIST, GObject)

AttCertificateList *att_certificate_list_new (AttHiggClient *client,
                                              guint          page_size);
AttCertificateList *att_certificate_list_new_with_records (AttHiggClient         *client,
                                                           AttCertificateRecords *records,
                                                           guint                  page_size);
void                att_certificate_list_refresh (AttCertificateList *self);
void                att_certificate_list_cancel (AttCertificateList *self);
gboolean            att_certificate_list_get_loading (AttCertificateList *self);
guint               att_certificate_list_get_pages_done (AttCertificateList *self);
guint               att_certificate_list_get_pages_total (AttCertificateList *self);
guint               att_certificate_list_get_n_products (AttCertificateList *self);
guint               att_certificate_list_get_n_unreadable (AttCertificateList *self);
const GError       *att_certificate_list_get_error (AttCertificateList *self);
AttCertificate     *att_certificate_list_find (AttCertificateList *self,
                                               const char         *id);

G_END_DECLS
