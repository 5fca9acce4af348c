/* att-eco-score.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "att-eco-score-private.h"
#include "att-eco-score.h"
#include "att-json.h"

/* `frenchLabelEcoScore`: the Ecobalyse result the server computed for a
 * product.  `impacts` and `impactsPercentageContribution` map impact keys
 * (see att-impacts.h) to numbers; they are kept as the JSON objects and
 * checked once at parse time, so that a key this code does not know yet is
 * still readable. */
struct _AttEcoScore
{
  GObject     parent_instance;

  JsonObject *json;
  JsonObject *impacts;
  JsonObject *contributions;
  GListModel *impact_list;
  char       *status;
  char       *api_response_error;
  char       *api_version;
  double      score;
  gint64      created_at;
  gint64      updated_at;
};

G_DEFINE_FINAL_TYPE (AttEcoScore, att_eco_score, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCORE,
  PROP_STATUS,
  PROP_API_RESPONSE_ERROR,
  PROP_API_VERSION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_ECS,
  PROP_PEF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_eco_score_finalize (GObject *object)
{
  AttEcoScore *self = (AttEcoScore *) object;

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->impacts, json_object_unref);
  g_clear_pointer (&self->contributions, json_object_unref);
  g_clear_object (&self->impact_list);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->api_response_error, g_free);
  g_clear_pointer (&self->api_version, g_free);

  G_OBJECT_CLASS (att_eco_score_parent_class)->finalize (object);
}

static void
att_eco_score_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AttEcoScore *self = ATT_ECO_SCORE (object);

  switch (prop_id)
    {
    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_API_RESPONSE_ERROR:
      g_value_set_string (value, self->api_response_error);
      break;

    case PROP_API_VERSION:
      g_value_set_string (value, self->api_version);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    case PROP_ECS:
      g_value_set_double (value, att_eco_score_get_ecs (self));
      break;

    case PROP_PEF:
      g_value_set_double (value, att_eco_score_get_pef (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_eco_score_class_init (AttEcoScoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = att_eco_score_finalize;
  object_class->get_property = att_eco_score_get_property;

  /* Absent numbers read as NAN; the pspec default cannot be NAN. */
  properties[PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, flags);

  properties[PROP_API_RESPONSE_ERROR] =
    g_param_spec_string ("api-response-error", NULL, NULL, NULL, flags);

  properties[PROP_API_VERSION] =
    g_param_spec_string ("api-version", NULL, NULL, NULL, flags);

  /* Unix milliseconds, 0 when unknown. */
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0, flags);

  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0, flags);

  properties[PROP_ECS] =
    g_param_spec_double ("ecs", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  properties[PROP_PEF] =
    g_param_spec_double ("pef", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_eco_score_init (AttEcoScore *self)
{
  self->score = NAN;
}

/* Reads an object of numbers such as `impacts`: every member must be a
 * number (or null, for "not computed"); the names are not checked, so a new
 * indicator does not break parsing. */
static gboolean
read_number_map (JsonObject  *object,
                 const char  *key,
                 const char  *path,
                 JsonObject **out_map,
                 GError     **error)
{
  g_autofree char *map_path = NULL;
  JsonObject      *map = NULL;
  JsonObjectIter   iter;
  const char      *name;
  JsonNode        *member;

  if (!att_json_read_object (object, key, path, FALSE, &map, error))
    return FALSE;

  if (map == NULL)
    return TRUE;

  map_path = att_json_path_member (path, key);
  json_object_iter_init_ordered (&iter, map);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (JSON_NODE_HOLDS_NULL (member))
        continue;

      if (!JSON_NODE_HOLDS_VALUE (member) ||
          (json_node_get_value_type (member) != G_TYPE_INT64 &&
           json_node_get_value_type (member) != G_TYPE_DOUBLE))
        {
          g_autofree char *member_path = att_json_path_member (map_path, name);

          att_json_set_error (error, member_path, _ ("expected a number"));
          return FALSE;
        }
    }

  *out_map = json_object_ref (map);
  return TRUE;
}

/**
 * att_eco_score_new_from_json:
 * @object: a `frenchLabelEcoScore` object
 * @path: (nullable): where @object sits, e.g. `frenchLabelEcoScore`
 *
 * No member is required: a score that is still pending has few of them.
 *
 * Returns: (transfer full) (nullable): a new #AttEcoScore, or %NULL on error
 */
AttEcoScore *
att_eco_score_new_from_json (JsonObject *object,
                             const char *path,
                             GError    **error)
{
  g_autoptr(AttEcoScore) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_ECO_SCORE, NULL);
  self->json = json_object_ref (object);

  if (!att_json_read_double (object, "score", path, FALSE, &self->score, error) ||
      !att_json_read_string (object, "status", path, FALSE, &self->status, error) ||
      !att_json_read_string (object, "apiResponseError", path, FALSE, &self->api_response_error, error) ||
      !att_json_read_string (object, "apiVersion", path, FALSE, &self->api_version, error) ||
      !att_json_read_timestamp (object, "createdAt", path, &self->created_at, error) ||
      !att_json_read_timestamp (object, "updatedAt", path, &self->updated_at, error) ||
      !read_number_map (object, "impacts", path, &self->impacts, error) ||
      !read_number_map (object, "impactsPercentageContribution", path, &self->contributions, error))
    return NULL;

  self->impact_list = _att_eco_score_build_impacts (self->impacts, self->contributions);
  return g_steal_pointer (&self);
}

/**
 * att_eco_score_get_json:
 *
 * Returns: (transfer none) (nullable): the parsed object, unknown members
 *   included
 */
JsonObject *
att_eco_score_get_json (AttEcoScore *self)
{
  g_return_val_if_fail (ATT_IS_ECO_SCORE (self), NULL);

  return self->json;
}

/**
 * att_eco_score_to_json:
 *
 * Returns: (transfer full): a copy of the parsed object, unknown members
 *   kept
 */
JsonNode *
att_eco_score_to_json (AttEcoScore *self)
{
  g_return_val_if_fail (ATT_IS_ECO_SCORE (self), NULL);

  return att_json_object_to_node (self->json);
}

/**
 * att_eco_score_get_score:
 *
 * Returns: the score to display, or %NAN while none is computed
 */
double
att_eco_score_get_score (AttEcoScore *self)
{
  g_return_val_if_fail (ATT_IS_ECO_SCORE (self), NAN);

  return self->score;
}

/**
 * att_eco_score_get_status:
 *
 * Returns: (nullable): the computation status, e.g. `Pending` or `Complete`
 */
const char *
att_eco_score_get_status (AttEcoScore *self)
{
  g_return_val_if_fail (ATT_IS_ECO_SCORE (self), NULL);

  return self->status;
}

/**
 * att_eco_score_get_api_response_error:
 *
 * Returns: (nullable): why Ecobalyse could not compute the score
 */
const char *
att_eco_score_get_api_response_error (AttEcoScore *self)
{
  g_return_val_if_fail (ATT_IS_ECO_SCORE (self), NULL);

  return self->api_response_error;
}

/**
 * att_eco_score_get_api_version:
 *
 * Returns: (nullable): the Ecobalyse API version that computed the score
 */
const char *
att_eco_score_get_api_version (AttEcoScore *self)
{
  g_return_val_if_fail (ATT_IS_ECO_SCORE (self), NULL);

  return self->api_version;
}

/**
 * att_eco_score_get_created_at:
 *
 * Returns: Unix milliseconds, or 0 if unknown
 */
gint64
att_eco_score_get_created_at (AttEcoScore *self)
{
  g_return_val_if_fail (ATT_IS_ECO_SCORE (self), 0);

  return self->created_at;
}

/**
 * att_eco_score_get_updated_at:
 *
 * Returns: Unix milliseconds, or 0 if unknown
 */
gint64
att_eco_score_get_updated_at (AttEcoScore *self)
{
  g_return_val_if_fail (ATT_IS_ECO_SCORE (self), 0);

  return self->updated_at;
}

/**
 * att_eco_score_get_impact:
 * @key: an impact key such as `cch` (see att_impacts_get_all())
 *
 * Returns: the impact in its unit, or %NAN if absent
 */
double
att_eco_score_get_impact (AttEcoScore *self,
                          const char  *key)
{
  g_return_val_if_fail (ATT_IS_ECO_SCORE (self), NAN);
  g_return_val_if_fail (key != NULL, NAN);

  return _att_eco_score_map_number (self->impacts, key);
}

/**
 * att_eco_score_get_contribution:
 * @key: an impact key such as `cch`
 *
 * Returns: `impactsPercentageContribution[key]`, or %NAN if absent
 */
double
att_eco_score_get_contribution (AttEcoScore *self,
                                const char  *key)
{
  g_return_val_if_fail (ATT_IS_ECO_SCORE (self), NAN);
  g_return_val_if_fail (key != NULL, NAN);

  return _att_eco_score_map_number (self->contributions, key);
}

/**
 * att_eco_score_get_ecs:
 *
 * Returns: the environmental cost (`impacts.ecs`), or %NAN if absent
 */
double
att_eco_score_get_ecs (AttEcoScore *self)
{
  g_return_val_if_fail (ATT_IS_ECO_SCORE (self), NAN);

  return _att_eco_score_map_number (self->impacts, "ecs");
}

/**
 * att_eco_score_get_pef:
 *
 * Returns: the PEF single score (`impacts.pef`), or %NAN if absent
 */
double
att_eco_score_get_pef (AttEcoScore *self)
{
  g_return_val_if_fail (ATT_IS_ECO_SCORE (self), NAN);

  return _att_eco_score_map_number (self->impacts, "pef");
}

/**
 * att_eco_score_get_impacts:
 *
 * The indicators known to this code first, in the table's order, then any
 * other key the server sent, in its order: an unknown code is kept, never
 * dropped.  Missing values are NAN in the items.
 *
 * Returns: (transfer none): a #GListModel of #AttEcoImpact
 */
GListModel *
att_eco_score_get_impacts (AttEcoScore *self)
{
  g_return_val_if_fail (ATT_IS_ECO_SCORE (self), NULL);

  return self->impact_list;
}
