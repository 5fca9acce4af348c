/* att-product-weight.c: weights and their units: the `weightMeasureUnit`
 * table, conversions to kilograms and symbols, and the displayed weight
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-product-private.h"

/* The units of `weightMeasureUnit`.  The API's own spelling comes first;
 * the plural and singular variants its prose pages use, and the symbols,
 * are accepted too. */
static const struct
{
  const char *unit;
  const char *symbol;
  double      kg;
} weight_units[] = {
  { "kilograms", "kg", 1.0 },
  { "grams", "g", 1e-3 },
  { "milligram", "mg", 1e-6 },
  { "pound", "lb", 0.45359237 },
  { "ounce", "oz", 0.028349523125 },
  { "kilogram", "kg", 1.0 },
  { "gram", "g", 1e-3 },
  { "milligrams", "mg", 1e-6 },
  { "pounds", "lb", 0.45359237 },
  { "ounces", "oz", 0.028349523125 },
  { "kg", "kg", 1.0 },
  { "g", "g", 1e-3 },
  { "mg", "mg", 1e-6 },
  { "lb", "lb", 0.45359237 },
  { "oz", "oz", 0.028349523125 },
};

/* Returns the index of @unit in weight_units, or -1 if it is unknown. */
static int
find_weight_unit (const char *unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (weight_units); i++)
    {
      if (g_str_equal (weight_units[i].unit, unit))
        return (int) i;
    }

  return -1;
}

/**
 * att_product_format_weight:
 *
 * Formats the weight for display in its own unit, e.g. "350 g" or
 * "1.2 kg" (with the locale's decimal separator).
 *
 * Returns: (transfer full) (nullable): the weight, or %NULL if unknown
 */
char *
att_product_format_weight (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  if (!isnan (self->weight))
    {
      const char *unit = self->weight_unit != NULL ? self->weight_unit : DEFAULT_WEIGHT_UNIT;

      return g_strdup_printf ("%g %s", self->weight, att_weight_unit_to_symbol (unit));
    }

  if (!isnan (self->weight_kg))
    return g_strdup_printf ("%g %s", self->weight_kg, "kg");

  return NULL;
}

/**
 * att_weight_unit_to_symbol:
 * @unit: (nullable): a `weightMeasureUnit` value such as `grams`
 *
 * Returns: (nullable): its symbol (`kilograms` → `kg`, `grams` → `g`,
 *   `milligram` → `mg`, `pound` → `lb`, `ounce` → `oz`), else @unit itself
 */
const char *
att_weight_unit_to_symbol (const char *unit)
{
  int i;

  if (unit == NULL)
    return NULL;

  i = find_weight_unit (unit);

  return i >= 0 ? weight_units[i].symbol : unit;
}

/**
 * att_weight_unit_to_kg:
 * @weight: a weight in @unit
 * @unit: a `weightMeasureUnit` value such as `grams`
 *
 * Returns: @weight in kilograms, or %NAN if @unit is unknown
 */
double
att_weight_unit_to_kg (double      weight,
                       const char *unit)
{
  int i;

  g_return_val_if_fail (unit != NULL, NAN);

  i = find_weight_unit (unit);

  return i >= 0 ? weight * weight_units[i].kg : NAN;
}
