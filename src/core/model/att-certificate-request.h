/* att-certificate-request.h: what the app sends to create or update a
 * certificate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CERTIFICATE_REQUEST (att_certificate_request_get_type ())

G_DECLARE_FINAL_TYPE (AttCertificateRequest, att_certificate_request, ATT, CERTIFICATE_REQUEST, GObject)

AttCertificateRequest *att_certificate_request_new (void);

const char            *att_certificate_request_get_authority_id (AttCertificateRequest *self);
void                   att_certificate_request_set_authority_id (AttCertificateRequest *self,
                                                                 const char            *id);
const char            *att_certificate_request_get_standard_id (AttCertificateRequest *self);
void                   att_certificate_request_set_standard_id (AttCertificateRequest *self,
                                                                const char            *id);
const char            *att_certificate_request_get_assertion_id (AttCertificateRequest *self);
void                   att_certificate_request_set_assertion_id (AttCertificateRequest *self,
                                                                 const char            *assertion_id);
const char            *att_certificate_request_get_certificate_name (AttCertificateRequest *self);
void                   att_certificate_request_set_certificate_name (AttCertificateRequest *self,
                                                                     const char            *name);
const char            *att_certificate_request_get_proof_body (AttCertificateRequest *self);
void                   att_certificate_request_set_proof_body (AttCertificateRequest *self,
                                                               const char            *proof_body);
GDateTime             *att_certificate_request_get_date_issued (AttCertificateRequest *self);
void                   att_certificate_request_set_date_issued (AttCertificateRequest *self,
                                                                GDateTime             *date);
GDateTime             *att_certificate_request_get_date_expires (AttCertificateRequest *self);
void                   att_certificate_request_set_date_expires (AttCertificateRequest *self,
                                                                 GDateTime             *date);

void                   att_certificate_request_set_product_ids (AttCertificateRequest *self,
                                                                const char *const     *ids);
void                   att_certificate_request_add_products (AttCertificateRequest *self,
                                                             const char *const     *ids);
void                   att_certificate_request_remove_products (AttCertificateRequest *self,
                                                                const char *const     *ids);

GPtrArray             *att_certificate_request_get_files (AttCertificateRequest *self);
void                   att_certificate_request_set_files (AttCertificateRequest *self,
                                                          GPtrArray             *files);

gboolean               att_certificate_request_is_empty (AttCertificateRequest *self);
JsonObject            *att_certificate_request_to_json (AttCertificateRequest *self);

G_END_DECLS
