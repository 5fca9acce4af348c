/* att-closient-patch.h: what an edit of an assignment changes, as the
 * body of Closient's PATCH
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-closient-assignment.h"
#include "att-closient-metadata.h"
#include "att-types.h"

G_BEGIN_DECLS

/* The documented maximum lengths of the PATCH's string fields, in
 * characters (api-closient.md §4.1). */
#define ATT_CLOSIENT_MAX_CERTIFICATE_NUMBER_CHARS  100
#define ATT_CLOSIENT_MAX_ISSUING_BODY_CHARS        255
#define ATT_CLOSIENT_MAX_CERTIFICATION_VALUE_CHARS 255
/* Not documented: Django's URLField default, as the sandbox has it. */
#define ATT_CLOSIENT_MAX_VERIFICATION_URL_CHARS 200

#define ATT_TYPE_CLOSIENT_PATCH (att_closient_patch_get_type ())

G_DECLARE_FINAL_TYPE (AttClosientPatch, att_closient_patch, ATT, CLOSIENT_PATCH, GObject)

AttClosientPatch       *att_closient_patch_new (AttClosientAssignment *before);
AttClosientAssignment  *att_closient_patch_get_before (AttClosientPatch *self);

void                    att_closient_patch_set_string (AttClosientPatch *self,
                                                       const char       *field,
                                                       const char       *value);
void                    att_closient_patch_set_date (AttClosientPatch *self,
                                                     const char       *field,
                                                     const char       *date_or_null);
void                    att_closient_patch_set_verification_status (AttClosientPatch       *self,
                                                                    AttClosientVerification status);
void                    att_closient_patch_set_countries (AttClosientPatch  *self,
                                                          const char *const *codes);
void                    att_closient_patch_set_metadata (AttClosientPatch *self,
                                                         GHashTable       *after);
void                    att_closient_patch_clear_metadata (AttClosientPatch *self);

/* The values after the edit (the edit's where set, else before's). */
const char             *att_closient_patch_get_string (AttClosientPatch *self,
                                                       const char       *field);
const char             *att_closient_patch_get_date (AttClosientPatch *self,
                                                     const char       *field);
AttClosientVerification att_closient_patch_get_verification_status (AttClosientPatch *self);
const char *const      *att_closient_patch_get_countries (AttClosientPatch *self);
GHashTable             *att_closient_patch_get_metadata (AttClosientPatch *self);
gboolean                att_closient_patch_get_metadata_cleared (AttClosientPatch *self);

gboolean                att_closient_patch_is_empty (AttClosientPatch *self);
JsonNode               *att_closient_patch_to_json (AttClosientPatch *self);
void                    att_closient_patch_check (AttClosientPatch *self,
                                                  GPtrArray        *field_errors);

/* Drafts: the edit alone, to be applied again to the assignment as the
 * server has it when the draft is offered back. */
JsonNode               *att_closient_patch_save_state (AttClosientPatch *self);
AttClosientPatch       *att_closient_patch_new_from_state (AttClosientAssignment *before,
                                                           JsonNode              *state,
                                                           GError               **error);

G_END_DECLS
