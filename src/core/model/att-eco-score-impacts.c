/* att-eco-score-impacts.c: an eco-score's indicators, status and checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-eco-impact.h"
#include "att-eco-score-private.h"
#include "att-eco-score.h"
#include "att-impacts.h"

/* @map[@key], %NAN if absent or null ("not computed"). */
double
_att_eco_score_map_number (JsonObject *map,
                           const char *key)
{
  JsonNode *node;

  if (map == NULL)
    return NAN;

  /* Members were type-checked at parse time. */
  node = json_object_get_member (map, key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NAN;

  return json_node_get_double (node);
}

static void
add_impact (GListStore *store,
            GHashTable *seen,
            const char *key,
            JsonObject *impacts,
            JsonObject *contributions)
{
  g_autoptr(AttEcoImpact) impact = NULL;

  if (g_hash_table_contains (seen, key))
    return;

  g_hash_table_add (seen, g_strdup (key));
  impact = att_eco_impact_new (key, _att_eco_score_map_number (impacts, key), _att_eco_score_map_number (contributions, key));
  g_list_store_append (store, impact);
}

static void
add_unknown_keys (GListStore *store,
                  GHashTable *seen,
                  JsonObject *map,
                  JsonObject *impacts,
                  JsonObject *contributions)
{
  JsonObjectIter iter;
  const char    *name;
  JsonNode      *member;

  if (map == NULL)
    return;

  json_object_iter_init_ordered (&iter, map);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    add_impact (store, seen, name, impacts, contributions);
}

/* The 21 documented indicators are always listed (missing when the server
 * left them out), so the table reads the same for every product; keys
 * beyond them follow. */
GListModel *
_att_eco_score_build_impacts (JsonObject *impacts,
                              JsonObject *contributions)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListStore          *store = g_list_store_new (ATT_TYPE_ECO_IMPACT);
  const AttImpactInfo *known;
  guint                n_known;

  if (impacts == NULL && contributions == NULL)
    return G_LIST_MODEL (store);

  known = att_impacts_get_all (&n_known);
  for (guint i = 0; i < n_known; i++)
    add_impact (store, seen, known[i].key, impacts, contributions);

  add_unknown_keys (store, seen, impacts, impacts, contributions);
  add_unknown_keys (store, seen, contributions, impacts, contributions);

  return G_LIST_MODEL (store);
}

/**
 * att_eco_score_get_status_kind:
 *
 * An `apiResponseError` without figures is an error whatever the status
 * string says; the string itself stays readable with
 * att_eco_score_get_status().
 *
 * Returns: the status as an #AttEcoScoreStatus
 */
AttEcoScoreStatus
att_eco_score_get_status_kind (AttEcoScore *self)
{
  const char *status;
  const char *error;

  g_return_val_if_fail (ATT_IS_ECO_SCORE (self), ATT_ECO_SCORE_STATUS_NONE);

  status = att_eco_score_get_status (self);
  error = att_eco_score_get_api_response_error (self);

  if (g_strcmp0 (status, "Pending") == 0)
    return ATT_ECO_SCORE_STATUS_PENDING;
  if (error != NULL && *error != '\0' && isnan (att_eco_score_get_score (self)))
    return ATT_ECO_SCORE_STATUS_ERROR;
  if (g_strcmp0 (status, "Complete") == 0)
    return ATT_ECO_SCORE_STATUS_COMPLETE;
  if (status != NULL && (g_ascii_strcasecmp (status, "Error") == 0 ||
                         g_ascii_strcasecmp (status, "Failed") == 0))
    return ATT_ECO_SCORE_STATUS_ERROR;
  if (status == NULL)
    return ATT_ECO_SCORE_STATUS_NONE;

  return ATT_ECO_SCORE_STATUS_UNKNOWN;
}

/**
 * att_eco_score_check_pef:
 *
 * Recomputes the PEF single score from the indicators, as Ecobalyse
 * aggregates it: Σ pef_weight × impact / normalisation × 10⁶ over the 16
 * PEF indicators (api-higg.md §7.1).  Compare it with
 * att_eco_score_get_pef() to see whether the figures hang together.
 *
 * Returns: the recomputed PEF score in µPt, or %NAN when an indicator it
 *   needs is missing
 */
double
att_eco_score_check_pef (AttEcoScore *self)
{
  const AttImpactInfo *known;
  guint                n_known;
  double               sum = 0;

  g_return_val_if_fail (ATT_IS_ECO_SCORE (self), NAN);

  known = att_impacts_get_all (&n_known);
  for (guint i = 0; i < n_known; i++)
    {
      double value;

      if (known[i].aggregate || isnan (known[i].pef_weight))
        continue;

      value = att_eco_score_get_impact (self, known[i].key);
      if (!isfinite (value) || value < 0)
        return NAN;
      sum += known[i].pef_weight * value / known[i].normalization;
    }

  return sum * 1e6;
}
