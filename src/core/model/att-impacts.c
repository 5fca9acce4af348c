/* att-impacts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "att-impacts.h"

/* The impact indicators in the order of data/catalogue/impacts.json, which
 * is also the order the API lists them in.  Labels, units, normalisations
 * and weights come from Ecobalyse's impacts.json (see the README beside
 * that file); a table in the code spares every caller from loading and
 * checking the file at run time.  Each set of weights sums to 1. */
static const AttImpactInfo impacts[] = {
  /* key     label                                          unit            normalization  pef     ecs     aggregate */
  { "acd", N_ ("Acidification"), "mol H+ eq", 55.5695, 0.062, 0.0491, FALSE },
  { "cch", N_ ("Climate change"), "kg CO₂ eq", 7553.08, 0.2106, 0.2106, FALSE },
  { "etf", N_ ("Ecotoxicity, freshwater"), "CTUe", 56716.6, 0.0192, NAN, FALSE },
  { "etfC", N_ ("Ecotoxicity, freshwater, corrected"), "CTUe", 98120.0, NAN, 0.2106, FALSE },
  { "fru", N_ ("Resource use, fossils"), "MJ", 65004.3, 0.0832, 0.0659, FALSE },
  { "fwe", N_ ("Eutrophication, freshwater"), "kg P eq", 1.60685, 0.028, 0.0222, FALSE },
  { "htc", N_ ("Human toxicity, cancer"), "CTUh", 1.72529e-05, 0.0213, NAN, FALSE },
  { "htcC", N_ ("Human toxicity, cancer, corrected"), "CTUh", 1.72529e-05, NAN, 0.0, FALSE },
  { "htn", N_ ("Human toxicity, non-cancer"), "CTUh", 0.000128736, 0.0184, NAN, FALSE },
  { "htnC", N_ ("Human toxicity, non-cancer, corrected"), "CTUh", 0.000128736, NAN, 0.0, FALSE },
  { "ior", N_ ("Ionising radiation"), "kBq U-235 eq", 4220.16, 0.0501, 0.0397, FALSE },
  { "ldu", N_ ("Land use"), "Pt", 819498.0, 0.0794, 0.0629, FALSE },
  { "mru", N_ ("Resource use, minerals and metals"), "kg Sb eq", 0.0636226, 0.0755, 0.0598, FALSE },
  { "ozd", N_ ("Ozone depletion"), "kg CFC11 eq", 0.053648, 0.0631, 0.05, FALSE },
  { "pco", N_ ("Photochemical ozone formation"), "kg NMVOC eq", 40.8592, 0.0478, 0.0379, FALSE },
  { "pma", N_ ("Particulate matter"), "disease inc.", 0.000595367, 0.0896, 0.071, FALSE },
  { "swe", N_ ("Eutrophication, marine"), "kg N eq", 19.5452, 0.0296, 0.0235, FALSE },
  { "tre", N_ ("Eutrophication, terrestrial"), "mol N eq", 176.755, 0.0371, 0.0294, FALSE },
  { "wtu", N_ ("Water use"), "m³ eq", 11468.7, 0.0851, 0.0674, FALSE },
  { "ecs", N_ ("Environmental Cost"), "Pts", NAN, NAN, NAN, TRUE },
  { "pef", N_ ("PEF Score"), "µPt PEF", NAN, NAN, NAN, TRUE },
};

/**
 * att_impacts_get_all:
 * @n_impacts: (out) (optional): return location for the number of rows
 *
 * Returns: (transfer none) (array length=n_impacts): the indicators
 */
const AttImpactInfo *
att_impacts_get_all (guint *n_impacts)
{
  if (n_impacts != NULL)
    *n_impacts = G_N_ELEMENTS (impacts);

  return impacts;
}

/**
 * att_impacts_lookup:
 * @key: a Higg impact key such as `cch`
 *
 * Returns: (transfer none) (nullable): the indicator, or %NULL if @key is
 *   not one of them
 */
const AttImpactInfo *
att_impacts_lookup (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (impacts); i++)
    {
      if (g_str_equal (impacts[i].key, key))
        return &impacts[i];
    }

  return NULL;
}
