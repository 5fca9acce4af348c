/* att-eco-score.h: a product's French eco-score (Ecobalyse result)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_ECO_SCORE (att_eco_score_get_type ())

G_DECLARE_FINAL_TYPE (AttEcoScore, att_eco_score, ATT, ECO_SCORE, GObject)

AttEcoScore *att_eco_score_new_from_json (JsonObject *object,
                                          const char *path,
                                          GError    **error);
JsonObject  *att_eco_score_get_json (AttEcoScore *self);
JsonNode    *att_eco_score_to_json (AttEcoScore *self);

double       att_eco_score_get_score (AttEcoScore *self);
const char  *att_eco_score_get_status (AttEcoScore *self);
const char  *att_eco_score_get_api_response_error (AttEcoScore *self);
const char  *att_eco_score_get_api_version (AttEcoScore *self);
gint64       att_eco_score_get_created_at (AttEcoScore *self);
gint64       att_eco_score_get_updated_at (AttEcoScore *self);
double       att_eco_score_get_impact (AttEcoScore *self,
                                       const char  *key);
double       att_eco_score_get_contribution (AttEcoScore *self,
                                             const char  *key);
double       att_eco_score_get_ecs (AttEcoScore *self);
double       att_eco_score_get_pef (AttEcoScore *self);

G_END_DECLS
