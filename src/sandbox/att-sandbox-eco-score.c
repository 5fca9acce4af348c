/* att-sandbox-eco-score.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "att-sandbox-eco-score.h"
#include "att-sandbox-json.h"
#include "att-sandbox-util.h"

/*
 * The real service asks Ecobalyse for the score.  The sandbox cannot, so it
 * computes a stand-in that behaves like one: it depends only on the
 * product's materials and their shares, its mass and its countries, it is the
 * same on every run and every machine, and it keeps the documented relations
 * between the figures (api-higg.md §7.1):
 *
 *   impact_k            = mass_kg × Σ_m share_m × f(m) × j(m, k)
 *                         × Π_stage c(country, k) × normalization_k × BASE / 1e6
 *   pef                 = Σ pefWeight_k × impact_k / normalization_k × 1e6
 *   ecs                 = Σ ecsWeight_k × impact_k / normalization_k × 1e6
 *   score               = round (ecs)
 *
 * where f, j and c are stable hashes of the material ids, impact keys and
 * country codes mapped onto plausible ranges, and BASE sets the order of
 * magnitude of a garment (a 200 g tee scores a few hundred to a couple of
 * thousand points).  impactsPercentageContribution gives each impact's share
 * of `ecs` (of `pef` for the three impacts only `pef` weighs); the two
 * aggregates are 100.
 */

#define POINTS_PER_KG 4000.0
#define API_VERSION   "sandbox-1.0"

static const char *const stage_keys[] = {
  "frenchLabelFabricCountry",
  "frenchLabelDyeingCountry",
  "frenchLabelCountry",
};

static void
add_reason (JsonArray  *reasons,
            const char *category,
            const char *message)
{
  JsonObject *reason = json_object_new ();

  json_object_set_string_member (reason, "category", category);
  json_object_set_string_member (reason, "message", message);
  json_array_add_object_element (reasons, reason);
}

/**
 * att_sandbox_eco_score_reasons:
 * @state: a product state
 *
 * The prerequisites of a French eco-score (V10) that @state misses.
 *
 * Returns: (transfer full): `[{category, message}]`, empty when eligible
 */
JsonArray *
att_sandbox_eco_score_reasons (JsonObject *state)
{
  JsonArray *reasons = json_array_new ();

  if (!(att_sandbox_json_number (state, "weight", NAN) > 0))
    add_reason (reasons, "Weight", _ ("The product weight is missing"));
  if (!att_sandbox_json_boolean (state, "weightIsPrimaryData", FALSE))
    add_reason (reasons, "Weight", _ ("The weight must be primary data (the real weight of the product)"));
  if (att_sandbox_json_object (state, "frenchLabelFabricCountry") == NULL)
    add_reason (reasons, "Location", _ ("The country of textile formation (weaving or knitting) is missing"));
  if (att_sandbox_json_object (state, "frenchLabelDyeingCountry") == NULL)
    add_reason (reasons, "Location", _ ("The country of dyeing and finishing is missing"));
  if (att_sandbox_json_object (state, "frenchLabelCountry") == NULL)
    add_reason (reasons, "Location", _ ("The country of manufacturing is missing"));

  return reasons;
}

static double
material_share (JsonArray *materials,
                guint      index,
                gboolean   all_have_composition)
{
  JsonObject *material = att_sandbox_json_element_object (materials, index);

  if (all_have_composition)
    return att_sandbox_json_number (material, "composition", 0) / 100.0;
  return 1.0 / json_array_get_length (materials);
}

static gboolean
all_have_composition (JsonArray *materials)
{
  for (guint i = 0; i < json_array_get_length (materials); i++)
    if (!att_sandbox_json_is_set (att_sandbox_json_element_object (materials, i), "composition"))
      return FALSE;
  return TRUE;
}

/* Impact per kg of product for @key, in "points" (before normalization). */
static double
points_per_kg (JsonObject *state,
               const char *key)
{
  JsonArray *materials = att_sandbox_json_array (state, "materials");
  gboolean   with_composition;
  double     points = 0;
  double     factor = 1;

  if (materials == NULL || json_array_get_length (materials) == 0)
    return 0;

  with_composition = all_have_composition (materials);
  for (guint i = 0; i < json_array_get_length (materials); i++)
    {
      JsonObject *material = att_sandbox_json_element_object (materials, i);
      const char *id = att_sandbox_json_string (material, "materialId");
      double      net_use = att_sandbox_json_number (material, "netUse", 100) / 100.0;
      double      f = 0.4 + 1.6 * att_sandbox_hash_unit ("material", id);
      double      j = 0.5 + att_sandbox_hash_unit (id, key);

      /* Cutting waste means more material is made than ends up in the
       * product. */
      points += material_share (materials, i, with_composition) * f * j / MAX (net_use, 0.01);
    }

  for (guint i = 0; i < G_N_ELEMENTS (stage_keys); i++)
    {
      JsonObject      *country = att_sandbox_json_object (state, stage_keys[i]);
      const char      *code = att_sandbox_json_string (country, "code");
      g_autofree char *salt = g_strconcat (stage_keys[i], ":", key, NULL);

      factor *= 0.8 + 0.4 * att_sandbox_hash_unit (salt, code);
    }

  return points * factor * POINTS_PER_KG;
}

/**
 * att_sandbox_eco_score_compute:
 *
 * Returns: (transfer full): `{score, impacts, impactsPercentageContribution}`
 */
JsonObject *
att_sandbox_eco_score_compute (AttSandboxCatalogue *catalogue,
                               JsonObject          *state,
                               double               mass_kg)
{
  const AttSandboxImpact *impacts;
  guint                   n_impacts;
  g_autofree double      *values = NULL;
  JsonObject             *result = json_object_new ();
  JsonObject             *impacts_object = json_object_new ();
  JsonObject             *shares = json_object_new ();
  double                  pef = 0, ecs = 0;

  impacts = att_sandbox_catalogue_get_impacts (catalogue, &n_impacts);
  values = g_new0 (double, n_impacts);

  for (guint i = 0; i < n_impacts; i++)
    {
      const AttSandboxImpact *impact = &impacts[i];
      double                  normalized;

      if (impact->aggregate || !(impact->normalization > 0))
        continue;

      normalized = mass_kg * points_per_kg (state, impact->key);
      values[i] = normalized * impact->normalization / 1e6;
      if (!isnan (impact->pef_weight))
        pef += impact->pef_weight * normalized;
      if (!isnan (impact->ecs_weight))
        ecs += impact->ecs_weight * normalized;
    }

  pef = att_sandbox_round (pef, 2);
  ecs = att_sandbox_round (ecs, 2);

  for (guint i = 0; i < n_impacts; i++)
    {
      const AttSandboxImpact *impact = &impacts[i];
      double                  share = 0;

      if (g_str_equal (impact->key, "ecs"))
        {
          json_object_set_double_member (impacts_object, "ecs", ecs);
          json_object_set_double_member (shares, "ecs", 100);
          continue;
        }
      if (g_str_equal (impact->key, "pef"))
        {
          json_object_set_double_member (impacts_object, "pef", pef);
          json_object_set_double_member (shares, "pef", 100);
          continue;
        }
      if (impact->aggregate || !(impact->normalization > 0))
        continue;

      json_object_set_double_member (impacts_object, impact->key, values[i]);

      if (!isnan (impact->ecs_weight) && ecs > 0)
        share = impact->ecs_weight * values[i] / impact->normalization * 1e6 / ecs * 100;
      else if (!isnan (impact->pef_weight) && pef > 0)
        share = impact->pef_weight * values[i] / impact->normalization * 1e6 / pef * 100;
      json_object_set_double_member (shares, impact->key, att_sandbox_round (share, 2));
    }

  json_object_set_int_member (result, "score", (gint64) round (ecs));
  json_object_set_object_member (result, "impacts", impacts_object);
  json_object_set_object_member (result, "impactsPercentageContribution", shares);

  return result;
}

/**
 * att_sandbox_eco_score_render:
 * @product: the product reply to add `frenchLabelEligibility` and, when
 *   eligible, `frenchLabelEcoScore` to
 *
 * While the score is being "computed" (until @row->score_ready_at) its
 * status is `Pending` and it has no figures; afterwards it is `Complete`.
 */
void
att_sandbox_eco_score_render (AttSandboxCatalogue *catalogue,
                              JsonObject          *state,
                              double               mass_kg,
                              const AttSandboxRow *row,
                              gint64               now,
                              JsonObject          *product)
{
  JsonArray  *reasons = att_sandbox_eco_score_reasons (state);
  gboolean    eligible = json_array_get_length (reasons) == 0;
  JsonObject *eligibility = json_object_new ();
  JsonObject *score;

  json_object_set_boolean_member (eligibility, "eligible", eligible);
  json_object_set_array_member (eligibility, "reasons", reasons);
  json_object_set_object_member (product, "frenchLabelEligibility", eligibility);

  if (!eligible)
    return;

  if (now >= row->score_ready_at)
    {
      score = att_sandbox_eco_score_compute (catalogue, state, mass_kg);
      json_object_set_string_member (score, "status", "Complete");
    }
  else
    {
      score = json_object_new ();
      json_object_set_string_member (score, "status", "Pending");
    }

  json_object_set_int_member (score, "createdAt", row->created_on);
  json_object_set_int_member (score, "updatedAt", MAX (row->modified_on, row->score_ready_at));
  json_object_set_string_member (score, "apiVersion", API_VERSION);
  json_object_set_null_member (score, "apiResponseError");
  json_object_set_object_member (product, "frenchLabelEcoScore", score);
}
