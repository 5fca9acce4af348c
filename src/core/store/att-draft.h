/* att-draft.h: the unsaved state of one editor, as kept on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

/* The version written in every draft file; a file with a higher version
 * comes from a newer Attest and is left alone. */
#define ATT_DRAFT_FORMAT_VERSION 1

#define ATT_TYPE_DRAFT (att_draft_get_type ())

G_DECLARE_FINAL_TYPE (AttDraft, att_draft, ATT, DRAFT, GObject)

AttDraft   *att_draft_new (const char *kind,
                           const char *account_id,
                           const char *object_id,
                           JsonNode   *payload);
AttDraft   *att_draft_new_from_bytes (GBytes  *bytes,
                                      GError **error);
GBytes     *att_draft_to_bytes (AttDraft *self);

const char *att_draft_get_kind (AttDraft *self);
const char *att_draft_get_account_id (AttDraft *self);
const char *att_draft_get_object_id (AttDraft *self);
JsonNode   *att_draft_get_payload (AttDraft *self);
void        att_draft_set_payload (AttDraft *self,
                                   JsonNode *payload);
gint64      att_draft_get_saved_at (AttDraft *self);
void        att_draft_set_saved_at (AttDraft *self,
                                    gint64    saved_at);
const char *att_draft_get_save_error (AttDraft *self);
void        att_draft_set_save_error (AttDraft   *self,
                                      const char *message);

G_END_DECLS
