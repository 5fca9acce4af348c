/* att-closient-body.h: an organisation that issues certifications
 * (CertificationBodyOut)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CLOSIENT_BODY (att_closient_body_get_type ())

G_DECLARE_FINAL_TYPE (AttClosientBody, att_closient_body, ATT, CLOSIENT_BODY, GObject)

AttClosientBody *att_closient_body_new_from_json (JsonNode *node,
                                                  GError  **error);
JsonNode        *att_closient_body_to_json (AttClosientBody *self);

const char      *att_closient_body_get_id (AttClosientBody *self);
const char      *att_closient_body_get_name (AttClosientBody *self);
const char      *att_closient_body_get_website (AttClosientBody *self);
const char      *att_closient_body_get_description (AttClosientBody *self);
const char      *att_closient_body_get_logo_url (AttClosientBody *self);

G_END_DECLS
