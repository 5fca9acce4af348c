/* att-certificate-page.h: one certificate: its fields, its images and the
 * products it covers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-certificate.h"
#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CERTIFICATE_PAGE (att_certificate_page_get_type ())

G_DECLARE_FINAL_TYPE (AttCertificatePage, att_certificate_page, ATT, CERTIFICATE_PAGE, GtkWidget)

GtkWidget      *att_certificate_page_new (AttContext *context);
AttCertificate *att_certificate_page_get_certificate (AttCertificatePage *self);
void            att_certificate_page_set_certificate (AttCertificatePage *self,
                                                      AttCertificate     *certificate);
void            att_certificate_page_focus (AttCertificatePage *self);
GListModel     *att_certificate_page_get_products (AttCertificatePage *self);
gboolean        att_certificate_page_get_products_loaded (AttCertificatePage *self);
GtkWidget      *att_certificate_page_get_gallery (AttCertificatePage *self);
guint           att_certificate_page_get_n_thumbnails (AttCertificatePage *self);
void            att_certificate_page_attach_products (AttCertificatePage *self,
                                                      const char *const  *product_ids);
void            att_certificate_page_edit (AttCertificatePage *self,
                                           GListModel         *files,
                                           GdkTexture         *texture);
void            att_certificate_page_detach_product (AttCertificatePage *self,
                                                     const char         *product_id);

G_END_DECLS
