/* att-publish-outcome.h: what happened to one product of a
 * french-label/publish request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

/**
 * AttPublishOutcomeKind:
 * @ATT_PUBLISH_OUTCOME_SUCCEEDED: declared to the portal
 * @ATT_PUBLISH_OUTCOME_FAILED: the portal (or the request) refused it
 * @ATT_PUBLISH_OUTCOME_SKIPPED: not sent, for the reasons given
 */
typedef enum {
  ATT_PUBLISH_OUTCOME_SUCCEEDED,
  ATT_PUBLISH_OUTCOME_FAILED,
  ATT_PUBLISH_OUTCOME_SKIPPED,
} AttPublishOutcomeKind;

#define ATT_TYPE_PUBLISH_OUTCOME_KIND (att_publish_outcome_kind_get_type ())
GType att_publish_outcome_kind_get_type (void) G_GNUC_CONST;

#define ATT_TYPE_PUBLISH_OUTCOME (att_publish_outcome_get_type ())

G_DECLARE_FINAL_TYPE (AttPublishOutcome, att_publish_outcome, ATT, PUBLISH_OUTCOME, GObject)

AttPublishOutcome    *att_publish_outcome_new_from_json (JsonObject           *object,
                                                         AttPublishOutcomeKind kind,
                                                         const char           *path,
                                                         GError              **error);
AttPublishOutcome    *att_publish_outcome_new_failed (const char *product_id,
                                                      const char *error,
                                                      guint       http_status);
GPtrArray            *att_publish_outcomes_from_json (JsonNode   *root,
                                                      const char *path,
                                                      GError    **error);

AttPublishOutcomeKind att_publish_outcome_get_kind (AttPublishOutcome *self);
const char           *att_publish_outcome_get_product_id (AttPublishOutcome *self);
const char           *att_publish_outcome_get_internal_reference (AttPublishOutcome *self);
gint64                att_publish_outcome_get_published_at (AttPublishOutcome *self);
gint64                att_publish_outcome_get_next_eligible_at (AttPublishOutcome *self);
const char           *att_publish_outcome_get_error (AttPublishOutcome *self);
guint                 att_publish_outcome_get_http_status (AttPublishOutcome *self);
const char           *att_publish_outcome_get_code (AttPublishOutcome *self);
const char *const    *att_publish_outcome_get_reasons (AttPublishOutcome *self);
const char           *att_publish_outcome_get_drifted_peer (AttPublishOutcome *self);

G_END_DECLS
