/* att-eco-eligibility.h: whether a product can get a French eco-score, and
 * why not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_ECO_ELIGIBILITY (att_eco_eligibility_get_type ())

G_DECLARE_FINAL_TYPE (AttEcoEligibility, att_eco_eligibility, ATT, ECO_ELIGIBILITY, GObject)

AttEcoEligibility *att_eco_eligibility_new_from_product_json (JsonObject *product);

gboolean           att_eco_eligibility_get_known (AttEcoEligibility *self);
gboolean           att_eco_eligibility_get_eligible (AttEcoEligibility *self);
guint              att_eco_eligibility_get_n_reasons (AttEcoEligibility *self);
const char        *att_eco_eligibility_get_reason_category (AttEcoEligibility *self,
                                                            guint              position);
const char        *att_eco_eligibility_get_reason_message (AttEcoEligibility *self,
                                                           guint              position);

G_END_DECLS
