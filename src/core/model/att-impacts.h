/* att-impacts.h: the 21 eco-score impact indicators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

/**
 * AttImpactInfo:
 * @key: the Higg key in `frenchLabelEcoScore.impacts`, e.g. `cch` or `etfC`
 * @label: the English label, marked with N_(): show it through _()
 * @unit: the unit of the impact value, e.g. `kg CO₂ eq`
 * @normalization: the per-person-year normalisation, %NAN for aggregates
 * @pef_weight: the weight in the PEF single score, %NAN if not part of it
 * @ecs_weight: the weight in the environmental cost, %NAN if not part of it
 * @aggregate: %TRUE for the two aggregated scores, `ecs` and `pef`
 *
 * One impact indicator, as Ecobalyse defines it (data/catalogue/impacts.json).
 */
typedef struct
{
  const char *key;
  const char *label;
  const char *unit;
  double      normalization;
  double      pef_weight;
  double      ecs_weight;
  gboolean    aggregate;
} AttImpactInfo;

const AttImpactInfo *att_impacts_get_all (guint *n_impacts);
const AttImpactInfo *att_impacts_lookup (const char *key);

G_END_DECLS
