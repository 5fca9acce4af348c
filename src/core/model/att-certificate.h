/* att-certificate.h: a Higg certificate, as PM search and the
 * certification API answer it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

/**
 * AttCertificateStatus:
 * @ATT_CERTIFICATE_STATUS_UNKNOWN: the certificate has no expiry date
 * @ATT_CERTIFICATE_STATUS_VALID: it expires after the lead time
 * @ATT_CERTIFICATE_STATUS_EXPIRING: it expires within the lead time
 * @ATT_CERTIFICATE_STATUS_EXPIRED: its expiry date has passed
 */
typedef enum {
  ATT_CERTIFICATE_STATUS_UNKNOWN,
  ATT_CERTIFICATE_STATUS_VALID,
  ATT_CERTIFICATE_STATUS_EXPIRING,
  ATT_CERTIFICATE_STATUS_EXPIRED,
} AttCertificateStatus;

/* The lead time the issue gives as the default of the Preferences. */
#define ATT_CERTIFICATE_DEFAULT_LEAD_DAYS 60

#define ATT_TYPE_CERTIFICATE_STATUS (att_certificate_status_get_type ())
GType       att_certificate_status_get_type (void) G_GNUC_CONST;
const char *att_certificate_status_get_label (AttCertificateStatus status);

#define ATT_TYPE_CERTIFICATE (att_certificate_get_type ())

G_DECLARE_FINAL_TYPE (AttCertificate, att_certificate, ATT, CERTIFICATE, GObject)

AttCertificate      *att_certificate_new_from_json (JsonObject *object,
                                                    const char *path,
                                                    GError    **error);
JsonObject          *att_certificate_get_json (AttCertificate *self);
JsonNode            *att_certificate_to_json (AttCertificate *self);

const char          *att_certificate_get_id (AttCertificate *self);
const char          *att_certificate_get_authority_id (AttCertificate *self);
const char          *att_certificate_get_authority_name (AttCertificate *self);
const char          *att_certificate_get_standard_id (AttCertificate *self);
const char          *att_certificate_get_standard_name (AttCertificate *self);
const char          *att_certificate_get_assertion_id (AttCertificate *self);
const char          *att_certificate_get_certificate_name (AttCertificate *self);
const char          *att_certificate_get_proof_body (AttCertificate *self);
GDateTime           *att_certificate_get_date_issued (AttCertificate *self);
GDateTime           *att_certificate_get_date_expires (AttCertificate *self);

guint                att_certificate_get_n_files (AttCertificate *self);
const char          *att_certificate_get_file (AttCertificate *self,
                                               guint           index);
gboolean             att_certificate_file_is_url (AttCertificate *self,
                                                  guint           index);
GBytes              *att_certificate_decode_file (AttCertificate *self,
                                                  guint           index,
                                                  GError        **error);

const char *const   *att_certificate_get_product_ids (AttCertificate *self);
guint                att_certificate_get_n_products (AttCertificate *self);
gboolean             att_certificate_add_product_id (AttCertificate *self,
                                                     const char     *product_id);

AttCertificateStatus att_certificate_get_status (AttCertificate *self,
                                                 GDateTime      *now,
                                                 guint           lead_days);
int                  att_certificate_compare_expiry (gconstpointer a,
                                                     gconstpointer b,
                                                     gpointer      user_data);

G_END_DECLS
