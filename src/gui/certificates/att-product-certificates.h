/* att-product-certificates.h: the certificates of a PIC product, through
 * the Product Module products it matches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-pm-match-search.h"
#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_PRODUCT_CERTIFICATES (att_product_certificates_get_type ())

G_DECLARE_FINAL_TYPE (AttProductCertificates, att_product_certificates, ATT, PRODUCT_CERTIFICATES, GtkWidget)

GtkWidget     *att_product_certificates_new (AttContext *context);
void           att_product_certificates_set_product (AttProductCertificates *self,
                                                     AttProduct             *product);
gboolean       att_product_certificates_get_loaded (AttProductCertificates *self);
AttPmMatchKind att_product_certificates_get_match_kind (AttProductCertificates *self);
GListModel    *att_product_certificates_get_pm_products (AttProductCertificates *self);
GListModel    *att_product_certificates_get_certificates (AttProductCertificates *self);
const char    *att_product_certificates_get_status_text (AttProductCertificates *self);

G_END_DECLS
