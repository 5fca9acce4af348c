/* att-eco-impact.h: one indicator of an eco-score, as the server gave it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_ECO_IMPACT (att_eco_impact_get_type ())

G_DECLARE_FINAL_TYPE (AttEcoImpact, att_eco_impact, ATT, ECO_IMPACT, GObject)

AttEcoImpact *att_eco_impact_new (const char *key,
                                  double      value,
                                  double      share);

const char   *att_eco_impact_get_key (AttEcoImpact *self);
const char   *att_eco_impact_get_label (AttEcoImpact *self);
const char   *att_eco_impact_get_unit (AttEcoImpact *self);
double        att_eco_impact_get_value (AttEcoImpact *self);
gboolean      att_eco_impact_get_value_known (AttEcoImpact *self);
double        att_eco_impact_get_share (AttEcoImpact *self);
gboolean      att_eco_impact_get_share_known (AttEcoImpact *self);
gboolean      att_eco_impact_get_aggregate (AttEcoImpact *self);

G_END_DECLS
