/* att-eco-impact.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-eco-impact.h"
#include "att-impacts.h"

/* An indicator with its figures.  The key is kept whatever it is, so an
 * indicator this code does not know is still listed with its code and value;
 * only the label, unit and aggregate flag come from the table of known ones.
 * A value that is absent, not a number or negative is "missing": it is
 * stored as NAN and never drawn. */
struct _AttEcoImpact
{
  GObject              parent_instance;

  char                *key;
  const AttImpactInfo *info;
  double               value;
  double               share;
};

G_DEFINE_FINAL_TYPE (AttEcoImpact, att_eco_impact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_LABEL,
  PROP_UNIT,
  PROP_VALUE,
  PROP_SHARE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_eco_impact_finalize (GObject *object)
{
  AttEcoImpact *self = (AttEcoImpact *) object;

  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (att_eco_impact_parent_class)->finalize (object);
}

static void
att_eco_impact_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AttEcoImpact *self = ATT_ECO_IMPACT (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_LABEL:
      g_value_set_string (value, att_eco_impact_get_label (self));
      break;

    case PROP_UNIT:
      g_value_set_string (value, att_eco_impact_get_unit (self));
      break;

    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    case PROP_SHARE:
      g_value_set_double (value, self->share);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_eco_impact_class_init (AttEcoImpactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = att_eco_impact_finalize;
  object_class->get_property = att_eco_impact_get_property;

  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  /* NAN when missing; the pspec default cannot be NAN. */
  properties[PROP_VALUE] = g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_SHARE] = g_param_spec_double ("share", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_eco_impact_init (AttEcoImpact *self)
{
  self->value = NAN;
  self->share = NAN;
}

static double
known_or_nan (double value)
{
  return isfinite (value) && value >= 0 ? value : NAN;
}

/**
 * att_eco_impact_new:
 * @key: the impact key, known or not
 * @value: the impact in its unit; NAN, negative or infinite for missing
 * @share: its share of the score in percent; likewise
 *
 * Returns: (transfer full): a new #AttEcoImpact
 */
AttEcoImpact *
att_eco_impact_new (const char *key,
                    double      value,
                    double      share)
{
  AttEcoImpact *self;

  g_return_val_if_fail (key != NULL, NULL);

  self = g_object_new (ATT_TYPE_ECO_IMPACT, NULL);
  self->key = g_strdup (key);
  self->info = att_impacts_lookup (key);
  self->value = known_or_nan (value);
  self->share = known_or_nan (share);
  return self;
}

const char *
att_eco_impact_get_key (AttEcoImpact *self)
{
  g_return_val_if_fail (ATT_IS_ECO_IMPACT (self), NULL);

  return self->key;
}

/**
 * att_eco_impact_get_label:
 *
 * Returns: (nullable): the untranslated English label (show it through
 *   _()), or %NULL for an indicator this code does not know
 */
const char *
att_eco_impact_get_label (AttEcoImpact *self)
{
  g_return_val_if_fail (ATT_IS_ECO_IMPACT (self), NULL);

  return self->info != NULL ? self->info->label : NULL;
}

/**
 * att_eco_impact_get_unit:
 *
 * Returns: (nullable): the unit, or %NULL when unknown
 */
const char *
att_eco_impact_get_unit (AttEcoImpact *self)
{
  g_return_val_if_fail (ATT_IS_ECO_IMPACT (self), NULL);

  return self->info != NULL ? self->info->unit : NULL;
}

/**
 * att_eco_impact_get_value:
 *
 * Returns: the value in its unit, or %NAN when missing
 */
double
att_eco_impact_get_value (AttEcoImpact *self)
{
  g_return_val_if_fail (ATT_IS_ECO_IMPACT (self), NAN);

  return self->value;
}

gboolean
att_eco_impact_get_value_known (AttEcoImpact *self)
{
  g_return_val_if_fail (ATT_IS_ECO_IMPACT (self), FALSE);

  return !isnan (self->value);
}

/**
 * att_eco_impact_get_share:
 *
 * Returns: the share of the score in percent, or %NAN when missing
 */
double
att_eco_impact_get_share (AttEcoImpact *self)
{
  g_return_val_if_fail (ATT_IS_ECO_IMPACT (self), NAN);

  return self->share;
}

gboolean
att_eco_impact_get_share_known (AttEcoImpact *self)
{
  g_return_val_if_fail (ATT_IS_ECO_IMPACT (self), FALSE);

  return !isnan (self->share);
}

/**
 * att_eco_impact_get_aggregate:
 *
 * Returns: %TRUE for `ecs` and `pef`, which sum the others up
 */
gboolean
att_eco_impact_get_aggregate (AttEcoImpact *self)
{
  g_return_val_if_fail (ATT_IS_ECO_IMPACT (self), FALSE);

  return self->info != NULL && self->info->aggregate;
}
