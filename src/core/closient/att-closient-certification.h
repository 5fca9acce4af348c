/* att-closient-certification.h: a certification of Closient's catalogue
 * (CertificationOut)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CLOSIENT_CERTIFICATION (att_closient_certification_get_type ())

G_DECLARE_FINAL_TYPE (AttClosientCertification, att_closient_certification, ATT, CLOSIENT_CERTIFICATION, GObject)

AttClosientCertification *att_closient_certification_new_from_json (JsonNode *node,
                                                                    GError  **error);
JsonNode                 *att_closient_certification_to_json (AttClosientCertification *self);

const char               *att_closient_certification_get_id (AttClosientCertification *self);
const char               *att_closient_certification_get_label (AttClosientCertification *self);
const char               *att_closient_certification_get_code (AttClosientCertification *self);
const char               *att_closient_certification_get_description (AttClosientCertification *self);
const char               *att_closient_certification_get_url (AttClosientCertification *self);
const char               *att_closient_certification_get_logo_url (AttClosientCertification *self);
const char               *att_closient_certification_get_certification_body_name (AttClosientCertification *self);
const char               *att_closient_certification_get_program (AttClosientCertification *self);
const char               *att_closient_certification_get_standard (AttClosientCertification *self);

G_END_DECLS
