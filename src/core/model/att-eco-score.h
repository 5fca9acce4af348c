/* att-eco-score.h: a product's French eco-score (Ecobalyse result)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_ECO_SCORE (att_eco_score_get_type ())

G_DECLARE_FINAL_TYPE (AttEcoScore, att_eco_score, ATT, ECO_SCORE, GObject)

/**
 * AttEcoScoreStatus:
 * @ATT_ECO_SCORE_STATUS_NONE: no `status` member
 * @ATT_ECO_SCORE_STATUS_PENDING: `Pending`: being computed
 * @ATT_ECO_SCORE_STATUS_COMPLETE: `Complete`: the figures are there
 * @ATT_ECO_SCORE_STATUS_ERROR: Ecobalyse failed (`apiResponseError`)
 * @ATT_ECO_SCORE_STATUS_UNKNOWN: a status this code does not know; the
 *   string is kept in att_eco_score_get_status()
 */
typedef enum {
  ATT_ECO_SCORE_STATUS_NONE,
  ATT_ECO_SCORE_STATUS_PENDING,
  ATT_ECO_SCORE_STATUS_COMPLETE,
  ATT_ECO_SCORE_STATUS_ERROR,
  ATT_ECO_SCORE_STATUS_UNKNOWN,
} AttEcoScoreStatus;

AttEcoScore      *att_eco_score_new_from_json (JsonObject *object,
                                               const char *path,
                                               GError    **error);
JsonObject       *att_eco_score_get_json (AttEcoScore *self);
JsonNode         *att_eco_score_to_json (AttEcoScore *self);

double            att_eco_score_get_score (AttEcoScore *self);
const char       *att_eco_score_get_status (AttEcoScore *self);
const char       *att_eco_score_get_api_response_error (AttEcoScore *self);
const char       *att_eco_score_get_api_version (AttEcoScore *self);
gint64            att_eco_score_get_created_at (AttEcoScore *self);
gint64            att_eco_score_get_updated_at (AttEcoScore *self);
double            att_eco_score_get_impact (AttEcoScore *self,
                                            const char  *key);
double            att_eco_score_get_contribution (AttEcoScore *self,
                                                  const char  *key);
double            att_eco_score_get_ecs (AttEcoScore *self);
double            att_eco_score_get_pef (AttEcoScore *self);

AttEcoScoreStatus att_eco_score_get_status_kind (AttEcoScore *self);
GListModel       *att_eco_score_get_impacts (AttEcoScore *self);
double            att_eco_score_check_pef (AttEcoScore *self);

G_END_DECLS
