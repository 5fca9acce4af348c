/* att-certificates-page.h: the Certificates view, every certificate of the
 * account with its status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-certificate.h"
#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CERTIFICATES_PAGE (att_certificates_page_get_type ())

G_DECLARE_FINAL_TYPE (AttCertificatesPage, att_certificates_page, ATT, CERTIFICATES_PAGE, GtkWidget)

/* The status filter's "every status". */
#define ATT_CERTIFICATES_PAGE_ANY_STATUS ((AttCertificateStatus) -1)

GtkWidget     *att_certificates_page_new (AttContext *context);
GListModel    *att_certificates_page_get_certificates (AttCertificatesPage *self);
GListModel    *att_certificates_page_get_model (AttCertificatesPage *self);
GtkColumnView *att_certificates_page_get_column_view (AttCertificatesPage *self);
GtkWidget     *att_certificates_page_get_details (AttCertificatesPage *self);
void           att_certificates_page_focus_search (AttCertificatesPage *self);
void           att_certificates_page_set_search_text (AttCertificatesPage *self,
                                                      const char          *text);
void           att_certificates_page_set_status_filter (AttCertificatesPage *self,
                                                        AttCertificateStatus status);
void           att_certificates_page_set_standard_filter (AttCertificatesPage *self,
                                                          const char          *standard_id);
void           att_certificates_page_select (AttCertificatesPage *self,
                                             guint                position);
void           att_certificates_page_show_certificate (AttCertificatesPage *self,
                                                       const char          *id);
void           att_certificates_page_reload (AttCertificatesPage *self);
void           att_certificates_page_new_certificate (AttCertificatesPage *self,
                                                      GListModel          *files,
                                                      GdkTexture          *texture);

G_END_DECLS
