/* att-life-cycle.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "att-life-cycle.h"

/* The flat key is what the service (and the sandbox) send; the logistics
 * stages are documented as members of a `logisticsImpacts` object, so that
 * form is read too. */
typedef struct
{
  const char *key;
  const char *logistics_member;
  const char *label;
} StageInfo;

static const StageInfo stages[ATT_LIFE_CYCLE_N_STAGES] = {
  { "materialImpact", NULL, N_ ("Materials") },
  { "tier1Impact", NULL, N_ ("Tier 1 manufacturing") },
  { "packagingImpact", NULL, N_ ("Packaging") },
  { "componentImpact", NULL, N_ ("Components") },
  { "logisticsImpactsUpstreamTD", "UpstreamTD", N_ ("Upstream transport") },
  { "logisticsImpactsDTImpact", "DTImpact", N_ ("Transport to distribution") },
  { "logisticsImpactsDCImpact", "DCImpact", N_ ("Distribution centre") },
  { "logisticsImpactsRetailImpact", "RetailImpact", N_ ("Retail") },
  { "productCareImpacts", NULL, N_ ("Product care") },
  { "endOfUseImpact", NULL, N_ ("End of use") },
};

struct _AttLifeCycle
{
  GObject parent_instance;

  double  values[ATT_LIFE_CYCLE_N_STAGES];
};

G_DEFINE_FINAL_TYPE (AttLifeCycle, att_life_cycle, G_TYPE_OBJECT)

static void
att_life_cycle_class_init (AttLifeCycleClass *klass)
{
}

static void
att_life_cycle_init (AttLifeCycle *self)
{
  for (guint i = 0; i < ATT_LIFE_CYCLE_N_STAGES; i++)
    self->values[i] = NAN;
}

/* A number member, or NAN when absent, of another type, or negative. */
static double
read_figure (JsonObject *object,
             const char *key)
{
  JsonNode *node;
  double    value;

  if (object == NULL)
    return NAN;

  node = json_object_get_member (object, key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NAN;
  if (json_node_get_value_type (node) != G_TYPE_INT64 &&
      json_node_get_value_type (node) != G_TYPE_DOUBLE)
    return NAN;

  value = json_node_get_double (node);
  return isfinite (value) && value >= 0 ? value : NAN;
}

static JsonObject *
logistics_object (JsonObject *product)
{
  JsonNode *node = json_object_get_member (product, "logisticsImpacts");

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * att_life_cycle_new_from_product_json:
 * @product: a product object, e.g. from att_product_get_json()
 *
 * Returns: (transfer full): the stages; each one NAN when absent
 */
AttLifeCycle *
att_life_cycle_new_from_product_json (JsonObject *product)
{
  AttLifeCycle *self = g_object_new (ATT_TYPE_LIFE_CYCLE, NULL);
  JsonObject   *logistics;

  g_return_val_if_fail (product != NULL, self);

  logistics = logistics_object (product);
  for (guint i = 0; i < ATT_LIFE_CYCLE_N_STAGES; i++)
    {
      self->values[i] = read_figure (product, stages[i].key);
      if (isnan (self->values[i]) && stages[i].logistics_member != NULL)
        self->values[i] = read_figure (logistics, stages[i].logistics_member);
    }

  return self;
}

/**
 * att_life_cycle_get_value:
 *
 * Returns: the stage's impact in kg CO₂e, or %NAN when missing
 */
double
att_life_cycle_get_value (AttLifeCycle     *self,
                          AttLifeCycleStage stage)
{
  g_return_val_if_fail (ATT_IS_LIFE_CYCLE (self), NAN);
  g_return_val_if_fail (stage < ATT_LIFE_CYCLE_N_STAGES, NAN);

  return self->values[stage];
}

/**
 * att_life_cycle_get_total:
 *
 * Returns: the sum of the known stages, or %NAN when none is known
 */
double
att_life_cycle_get_total (AttLifeCycle *self)
{
  double total = 0;

  g_return_val_if_fail (ATT_IS_LIFE_CYCLE (self), NAN);

  if (att_life_cycle_get_n_known (self) == 0)
    return NAN;

  for (guint i = 0; i < ATT_LIFE_CYCLE_N_STAGES; i++)
    {
      if (!isnan (self->values[i]))
        total += self->values[i];
    }
  return total;
}

guint
att_life_cycle_get_n_known (AttLifeCycle *self)
{
  guint n = 0;

  g_return_val_if_fail (ATT_IS_LIFE_CYCLE (self), 0);

  for (guint i = 0; i < ATT_LIFE_CYCLE_N_STAGES; i++)
    n += !isnan (self->values[i]);
  return n;
}

/**
 * att_life_cycle_stage_get_label:
 *
 * Returns: the stage's name, translated
 */
const char *
att_life_cycle_stage_get_label (AttLifeCycleStage stage)
{
  g_return_val_if_fail (stage < ATT_LIFE_CYCLE_N_STAGES, NULL);

  return _ (stages[stage].label);
}

/**
 * att_life_cycle_stage_get_key:
 *
 * Returns: the product member the stage is read from
 */
const char *
att_life_cycle_stage_get_key (AttLifeCycleStage stage)
{
  g_return_val_if_fail (stage < ATT_LIFE_CYCLE_N_STAGES, NULL);

  return stages[stage].key;
}
