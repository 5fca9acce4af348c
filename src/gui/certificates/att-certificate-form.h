/* att-certificate-form.h: the form that creates or updates a certificate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-certificate.h"
#include "att-pm-product.h"
#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CERTIFICATE_FORM (att_certificate_form_get_type ())

G_DECLARE_FINAL_TYPE (AttCertificateForm, att_certificate_form, ATT, CERTIFICATE_FORM, AdwWindow)

GtkWidget *att_certificate_form_new_create (AttContext   *context,
                                            GtkWindow    *parent,
                                            AttPmProduct *attach_to);
GtkWidget *att_certificate_form_new_update (AttContext     *context,
                                            GtkWindow      *parent,
                                            AttCertificate *certificate);
void       att_certificate_form_add_files (AttCertificateForm *self,
                                           GListModel         *files);
void       att_certificate_form_add_texture (AttCertificateForm *self,
                                             GdkTexture         *texture);

G_END_DECLS
