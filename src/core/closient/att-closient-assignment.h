/* att-closient-assignment.h: a certification on a product, as Closient
 * answers it (CertificationAssignmentOut)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

/**
 * AttClosientVerification:
 * @ATT_CLOSIENT_UNVERIFIED: claimed by the brand, not checked by Closient
 * @ATT_CLOSIENT_VERIFIED: confirmed against the issuer's registry
 * @ATT_CLOSIENT_VERIFICATION_EXPIRED: the verification lapsed
 * @ATT_CLOSIENT_VERIFICATION_UNKNOWN: a value this client does not know;
 *   in a filter, any status
 */
typedef enum {
  ATT_CLOSIENT_UNVERIFIED,
  ATT_CLOSIENT_VERIFIED,
  ATT_CLOSIENT_VERIFICATION_EXPIRED,
  ATT_CLOSIENT_VERIFICATION_UNKNOWN,
} AttClosientVerification;

#define ATT_TYPE_CLOSIENT_VERIFICATION (att_closient_verification_get_type ())
GType                   att_closient_verification_get_type (void) G_GNUC_CONST;
const char             *att_closient_verification_to_string (AttClosientVerification status);
AttClosientVerification att_closient_verification_from_string (const char *text);
const char             *att_closient_verification_get_label (AttClosientVerification status);

#define ATT_TYPE_CLOSIENT_ASSIGNMENT (att_closient_assignment_get_type ())

G_DECLARE_FINAL_TYPE (AttClosientAssignment, att_closient_assignment, ATT, CLOSIENT_ASSIGNMENT, GObject)

AttClosientAssignment  *att_closient_assignment_new_from_json (JsonNode *node,
                                                               GError  **error);
JsonNode               *att_closient_assignment_to_json (AttClosientAssignment *self);

const char             *att_closient_assignment_get_id (AttClosientAssignment *self);
const char             *att_closient_assignment_get_label (AttClosientAssignment *self);
gboolean                att_closient_assignment_get_is_active (AttClosientAssignment *self);
GHashTable             *att_closient_assignment_get_metadata (AttClosientAssignment *self);
const char             *att_closient_assignment_get_code (AttClosientAssignment *self);
const char             *att_closient_assignment_get_description (AttClosientAssignment *self);
const char             *att_closient_assignment_get_url (AttClosientAssignment *self);
const char             *att_closient_assignment_get_logo_url (AttClosientAssignment *self);
const char             *att_closient_assignment_get_valid_from (AttClosientAssignment *self);
const char             *att_closient_assignment_get_expiration_date (AttClosientAssignment *self);
const char             *att_closient_assignment_get_expiry_date (AttClosientAssignment *self);
const char             *att_closient_assignment_get_audit_date (AttClosientAssignment *self);
const char             *att_closient_assignment_get_initial_certification_date (AttClosientAssignment *self);
const char             *att_closient_assignment_get_certificate_number (AttClosientAssignment *self);
const char             *att_closient_assignment_get_issuing_body (AttClosientAssignment *self);
const char             *att_closient_assignment_get_verification_url (AttClosientAssignment *self);
AttClosientVerification att_closient_assignment_get_verification_status (AttClosientAssignment *self);
const char             *att_closient_assignment_get_scope (AttClosientAssignment *self);
const char             *att_closient_assignment_get_certification_value (AttClosientAssignment *self);
const char *const      *att_closient_assignment_get_certificate_countries (AttClosientAssignment *self);

/* By field name, as in the JSON: the string fields and the dates (NULL
 * for a date that is not set); NULL for any other name. */
const char             *att_closient_assignment_get_field (AttClosientAssignment *self,
                                                           const char            *field);

G_END_DECLS
