/* att-sandbox-eco-batch.h: what the French label endpoints share: the list
 * of product ids a request names, and where each product's score stands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-sandbox-api.h"

G_BEGIN_DECLS

/* The largest list of ids french-label/image and publish take (§3.9, §3.10). */
#define ATT_SANDBOX_LABEL_BATCH_MAX 50

typedef enum {
  ATT_SANDBOX_SCORE_MISSING,    /* no such product */
  ATT_SANDBOX_SCORE_INELIGIBLE, /* inputs missing: see reasons */
  ATT_SANDBOX_SCORE_PENDING,    /* being computed */
  ATT_SANDBOX_SCORE_COMPLETE,
} AttSandboxScoreState;

/* One product of a batch, read from the store. */
typedef struct
{
  AttSandboxRow       *row;
  JsonObject          *state;
  AttSandboxScoreState score_state;
  JsonArray           *reasons; /* eligibility reasons, when ineligible */
  JsonObject          *score;   /* {score, impacts, ...}, when complete */
} AttSandboxEcoProduct;

void                  att_sandbox_eco_product_free (AttSandboxEcoProduct *product);
AttSandboxEcoProduct *att_sandbox_eco_product_load (const AttSandboxApiContext *context,
                                                    const char                 *id,
                                                    GError                    **error);
char                **att_sandbox_eco_read_ids (JsonObject *body,
                                                const char *key,
                                                guint       max,
                                                gboolean    strict,
                                                GPtrArray  *errors);
char                 *att_sandbox_eco_not_found_message (const char *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttSandboxEcoProduct, att_sandbox_eco_product_free)

G_END_DECLS
