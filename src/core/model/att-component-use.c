/* att-component-use.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-json.h"
#include "att-component-use.h"

/* A component of a product (button, zipper, trim...): the catalogue id and
 * how many units of it, plus what the server echoes about it. */
struct _AttComponentUse
{
  GObject     parent_instance;

  JsonObject *json;
  char       *component_id;
  char       *name;
  char       *description;
  char       *data_source;
  double      unit;
  double      weight_kg;
};

G_DEFINE_FINAL_TYPE (AttComponentUse, att_component_use, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COMPONENT_ID,
  PROP_NAME,
  PROP_UNIT,
  PROP_DESCRIPTION,
  PROP_DATA_SOURCE,
  PROP_WEIGHT_KG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_component_use_finalize (GObject *object)
{
  AttComponentUse *self = (AttComponentUse *) object;

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->component_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->data_source, g_free);

  G_OBJECT_CLASS (att_component_use_parent_class)->finalize (object);
}

static void
att_component_use_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AttComponentUse *self = ATT_COMPONENT_USE (object);

  switch (prop_id)
    {
    case PROP_COMPONENT_ID:
      g_value_set_string (value, self->component_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_UNIT:
      g_value_set_double (value, self->unit);
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
att_component_use_class_init (AttComponentUseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = att_component_use_finalize;
  object_class->get_property = att_component_use_get_property;

  properties[PROP_COMPONENT_ID] =
    g_param_spec_string ("component-id", NULL, NULL, NULL, flags);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);

  /* Absent numbers read as NAN; the pspec default cannot be NAN. */
  properties[PROP_UNIT] =
    g_param_spec_double ("unit", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

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
att_component_use_init (AttComponentUse *self)
{
  self->unit = NAN;
  self->weight_kg = NAN;
}

/**
 * att_component_use_new_from_json:
 * @object: a component of a product (response shape) or of a request
 * @path: (nullable): where @object sits, e.g. `components[0]`
 *
 * `componentId` is required; everything else is optional.
 *
 * Returns: (transfer full) (nullable): a new #AttComponentUse, or %NULL on
 *   error
 */
AttComponentUse *
att_component_use_new_from_json (JsonObject  *object,
                                 const char  *path,
                                 GError     **error)
{
  g_autoptr(AttComponentUse) self = NULL;
  g_autofree char *weight_path = NULL;
  JsonObject *weight = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_COMPONENT_USE, NULL);
  self->json = json_object_ref (object);

  if (!att_json_read_string (object, "componentId", path, TRUE, &self->component_id, error) ||
      !att_json_read_string (object, "name", path, FALSE, &self->name, error) ||
      !att_json_read_double (object, "unit", path, FALSE, &self->unit, error) ||
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
 * att_component_use_get_json:
 *
 * Returns: (transfer none) (nullable): the parsed object, unknown members
 *   included
 */
JsonObject *
att_component_use_get_json (AttComponentUse *self)
{
  g_return_val_if_fail (ATT_IS_COMPONENT_USE (self), NULL);

  return self->json;
}

/**
 * att_component_use_to_json:
 *
 * Returns: (transfer full): a copy of the parsed object, unknown members
 *   kept
 */
JsonNode *
att_component_use_to_json (AttComponentUse *self)
{
  g_return_val_if_fail (ATT_IS_COMPONENT_USE (self), NULL);

  return att_json_object_to_node (self->json);
}

/**
 * att_component_use_to_request_json:
 *
 * The ComponentData of create and update requests.  An unknown unit count
 * is left out rather than sent as garbage; validation reports it.
 *
 * Returns: (transfer full): `{componentId, unit}`
 */
JsonNode *
att_component_use_to_request_json (AttComponentUse *self)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_val_if_fail (ATT_IS_COMPONENT_USE (self), NULL);

  object = json_object_new ();
  att_json_object_set_string (object, "componentId", self->component_id);
  att_json_object_set_number (object, "unit", self->unit);

  return json_node_init_object (json_node_alloc (), object);
}

const char *
att_component_use_get_component_id (AttComponentUse *self)
{
  g_return_val_if_fail (ATT_IS_COMPONENT_USE (self), NULL);

  return self->component_id;
}

const char *
att_component_use_get_name (AttComponentUse *self)
{
  g_return_val_if_fail (ATT_IS_COMPONENT_USE (self), NULL);

  return self->name;
}

/**
 * att_component_use_get_unit:
 *
 * Returns: how many units of this component, or %NAN if unknown
 */
double
att_component_use_get_unit (AttComponentUse *self)
{
  g_return_val_if_fail (ATT_IS_COMPONENT_USE (self), NAN);

  return self->unit;
}

const char *
att_component_use_get_description (AttComponentUse *self)
{
  g_return_val_if_fail (ATT_IS_COMPONENT_USE (self), NULL);

  return self->description;
}

const char *
att_component_use_get_data_source (AttComponentUse *self)
{
  g_return_val_if_fail (ATT_IS_COMPONENT_USE (self), NULL);

  return self->data_source;
}

/**
 * att_component_use_get_weight_kg:
 *
 * Returns: `weightInformation.convertedToKg`, or %NAN if unknown
 */
double
att_component_use_get_weight_kg (AttComponentUse *self)
{
  g_return_val_if_fail (ATT_IS_COMPONENT_USE (self), NAN);

  return self->weight_kg;
}
