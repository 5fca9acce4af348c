/* att-material-use.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-json.h"
#include "att-material-use.h"

/* A material in a product's recipe: the catalogue id, the share of the
 * product it makes up (composition, %) and the cutting efficiency (netUse,
 * %), plus what the server echoes about the material. */
struct _AttMaterialUse
{
  GObject     parent_instance;

  JsonObject *json;
  char       *material_id;
  char       *name;
  char       *code;
  char       *description;
  char       *data_source;
  double      composition;
  double      net_use;
  double      weight_kg;
};

G_DEFINE_FINAL_TYPE (AttMaterialUse, att_material_use, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MATERIAL_ID,
  PROP_NAME,
  PROP_COMPOSITION,
  PROP_NET_USE,
  PROP_CODE,
  PROP_DESCRIPTION,
  PROP_DATA_SOURCE,
  PROP_WEIGHT_KG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_material_use_finalize (GObject *object)
{
  AttMaterialUse *self = (AttMaterialUse *) object;

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->material_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->data_source, g_free);

  G_OBJECT_CLASS (att_material_use_parent_class)->finalize (object);
}

static void
att_material_use_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AttMaterialUse *self = ATT_MATERIAL_USE (object);

  switch (prop_id)
    {
    case PROP_MATERIAL_ID:
      g_value_set_string (value, self->material_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COMPOSITION:
      g_value_set_double (value, self->composition);
      break;

    case PROP_NET_USE:
      g_value_set_double (value, self->net_use);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_DATA_SOURCE:
      g_value_set_string (value, self->data_source);
      break;

    case PROP_WEIGHT_KG:
      g_value_set_double (value, self->weight_kg);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_material_use_class_init (AttMaterialUseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = att_material_use_finalize;
  object_class->get_property = att_material_use_get_property;

  properties[PROP_MATERIAL_ID] =
    g_param_spec_string ("material-id", NULL, NULL, NULL, flags);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);

  /* Absent numbers read as NAN; the pspec default cannot be NAN. */
  properties[PROP_COMPOSITION] =
    g_param_spec_double ("composition", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  properties[PROP_NET_USE] =
    g_param_spec_double ("net-use", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, flags);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);

  properties[PROP_DATA_SOURCE] =
    g_param_spec_string ("data-source", NULL, NULL, NULL, flags);

  properties[PROP_WEIGHT_KG] =
    g_param_spec_double ("weight-kg", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_material_use_init (AttMaterialUse *self)
{
  self->composition = NAN;
  self->net_use = NAN;
  self->weight_kg = NAN;
}

/**
 * att_material_use_new_from_json:
 * @object: a material of a product (response shape) or of a request
 * @path: (nullable): where @object sits, e.g. `materials[2]`
 *
 * `materialId` is required; everything else is optional.
 *
 * Returns: (transfer full) (nullable): a new #AttMaterialUse, or %NULL on
 *   error
 */
AttMaterialUse *
att_material_use_new_from_json (JsonObject  *object,
                                const char  *path,
                                GError     **error)
{
  g_autoptr(AttMaterialUse) self = NULL;
  g_autofree char *weight_path = NULL;
  JsonObject *weight = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_MATERIAL_USE, NULL);
  self->json = json_object_ref (object);

  if (!att_json_read_string (object, "materialId", path, TRUE, &self->material_id, error) ||
      !att_json_read_string (object, "name", path, FALSE, &self->name, error) ||
      !att_json_read_double (object, "composition", path, FALSE, &self->composition, error) ||
      !att_json_read_double (object, "netUse", path, FALSE, &self->net_use, error) ||
      !att_json_read_string (object, "code", path, FALSE, &self->code, error) ||
      !att_json_read_string (object, "description", path, FALSE, &self->description, error) ||
      !att_json_read_string (object, "dataSource", path, FALSE, &self->data_source, error) ||
      !att_json_read_object (object, "weightInformation", path, FALSE, &weight, error))
    return NULL;

  weight_path = att_json_path_member (path, "weightInformation");
  if (weight != NULL &&
      !att_json_read_double (weight, "convertedToKg", weight_path, FALSE, &self->weight_kg, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * att_material_use_get_json:
 *
 * Returns: (transfer none) (nullable): the parsed object, unknown members
 *   included
 */
JsonObject *
att_material_use_get_json (AttMaterialUse *self)
{
  g_return_val_if_fail (ATT_IS_MATERIAL_USE (self), NULL);

  return self->json;
}

/**
 * att_material_use_to_json:
 *
 * Returns: (transfer full): a copy of the parsed object, unknown members
 *   kept
 */
JsonNode *
att_material_use_to_json (AttMaterialUse *self)
{
  g_return_val_if_fail (ATT_IS_MATERIAL_USE (self), NULL);

  return att_json_object_to_node (self->json);
}

/**
 * att_material_use_to_request_json:
 *
 * The MaterialsData of create and update requests.  Unknown numbers are
 * left out rather than sent as garbage; validation reports them.
 *
 * Returns: (transfer full): `{materialId, netUse, composition?}`
 */
JsonNode *
att_material_use_to_request_json (AttMaterialUse *self)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_val_if_fail (ATT_IS_MATERIAL_USE (self), NULL);

  object = json_object_new ();
  att_json_object_set_string (object, "materialId", self->material_id);
  att_json_object_set_number (object, "netUse", self->net_use);
  att_json_object_set_number (object, "composition", self->composition);

  return json_node_init_object (json_node_alloc (), object);
}

const char *
att_material_use_get_material_id (AttMaterialUse *self)
{
  g_return_val_if_fail (ATT_IS_MATERIAL_USE (self), NULL);

  return self->material_id;
}

const char *
att_material_use_get_name (AttMaterialUse *self)
{
  g_return_val_if_fail (ATT_IS_MATERIAL_USE (self), NULL);

  return self->name;
}

/**
 * att_material_use_get_composition:
 *
 * Returns: the share of the product, in %, or %NAN if unknown
 */
double
att_material_use_get_composition (AttMaterialUse *self)
{
  g_return_val_if_fail (ATT_IS_MATERIAL_USE (self), NAN);

  return self->composition;
}

/**
 * att_material_use_get_net_use:
 *
 * Returns: the cutting efficiency, in %, or %NAN if unknown
 */
double
att_material_use_get_net_use (AttMaterialUse *self)
{
  g_return_val_if_fail (ATT_IS_MATERIAL_USE (self), NAN);

  return self->net_use;
}

const char *
att_material_use_get_code (AttMaterialUse *self)
{
  g_return_val_if_fail (ATT_IS_MATERIAL_USE (self), NULL);

  return self->code;
}

const char *
att_material_use_get_description (AttMaterialUse *self)
{
  g_return_val_if_fail (ATT_IS_MATERIAL_USE (self), NULL);

  return self->description;
}

const char *
att_material_use_get_data_source (AttMaterialUse *self)
{
  g_return_val_if_fail (ATT_IS_MATERIAL_USE (self), NULL);

  return self->data_source;
}

/**
 * att_material_use_get_weight_kg:
 *
 * Returns: `weightInformation.convertedToKg`, or %NAN if unknown
 */
double
att_material_use_get_weight_kg (AttMaterialUse *self)
{
  g_return_val_if_fail (ATT_IS_MATERIAL_USE (self), NAN);

  return self->weight_kg;
}
