/* att-life-cycle.h: a product's carbon impact by life-cycle stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

/**
 * AttLifeCycleStage:
 *
 * The stages of a product's life cycle whose carbon impact (kg CO₂e) the
 * product object carries (api-higg.md §3.14), in life-cycle order.
 */
typedef enum {
  ATT_LIFE_CYCLE_MATERIALS,
  ATT_LIFE_CYCLE_TIER1,
  ATT_LIFE_CYCLE_PACKAGING,
  ATT_LIFE_CYCLE_COMPONENTS,
  ATT_LIFE_CYCLE_LOGISTICS_UPSTREAM,
  ATT_LIFE_CYCLE_LOGISTICS_TRANSPORT,
  ATT_LIFE_CYCLE_LOGISTICS_DISTRIBUTION,
  ATT_LIFE_CYCLE_LOGISTICS_RETAIL,
  ATT_LIFE_CYCLE_PRODUCT_CARE,
  ATT_LIFE_CYCLE_END_OF_USE,
  ATT_LIFE_CYCLE_N_STAGES,
} AttLifeCycleStage;

#define ATT_TYPE_LIFE_CYCLE (att_life_cycle_get_type ())

G_DECLARE_FINAL_TYPE (AttLifeCycle, att_life_cycle, ATT, LIFE_CYCLE, GObject)

AttLifeCycle *att_life_cycle_new_from_product_json (JsonObject *product);

double        att_life_cycle_get_value (AttLifeCycle     *self,
                                        AttLifeCycleStage stage);
double        att_life_cycle_get_total (AttLifeCycle *self);
guint         att_life_cycle_get_n_known (AttLifeCycle *self);

const char   *att_life_cycle_stage_get_label (AttLifeCycleStage stage);
const char   *att_life_cycle_stage_get_key (AttLifeCycleStage stage);

G_END_DECLS
