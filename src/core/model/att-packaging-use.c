/* att-packaging-use.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-json.h"
#include "att-packaging-use.h"

/* A packaging item of a product: the catalogue id and how many of it the
 * product ships with, plus what the server echoes about it. */
struct _AttPackagingUse
{
  GObject     parent_instance;

  JsonObject *json;
  char       *packaging_id;
  char       *name;
  char       *code;
  char       *description;
  char       *data_source;
  double      amount;
  double      weight_kg;
};

G_DEFINE_FINAL_TYPE (AttPackagingUse, att_packaging_use, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PACKAGING_ID,
  PROP_NAME,
  PROP_AMOUNT,
  PROP_CODE,
  PROP_DESCRIPTION,
  PROP_DATA_SOURCE,
  PROP_WEIGHT_KG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_packaging_use_finalize (GObject *object)
{
  AttPackagingUse *self = (AttPackagingUse *) object;

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->packaging_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->data_source, g_free);

  G_OBJECT_CLASS (att_packaging_use_parent_class)->finalize (object);
}

static void
att_packaging_use_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AttPackagingUse *self = ATT_PACKAGING_USE (object);

  switch (prop_id)
    {
    case PROP_PACKAGING_ID:
      g_value_set_string (value, self->packaging_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_AMOUNT:
      g_value_set_double (value, self->amount);
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
att_packaging_use_class_init (AttPackagingUseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = att_packaging_use_finalize;
  object_class->get_property = att_packaging_use_get_property;

  properties[PROP_PACKAGING_ID] =
    g_param_spec_string ("packaging-id", NULL, NULL, NULL, flags);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);

  /* Absent numbers read as NAN; the pspec default cannot be NAN. */
  properties[PROP_AMOUNT] =
    g_param_spec_double ("amount", NULL, NULL,
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
att_packaging_use_init (AttPackagingUse *self)
{
  self->amount = NAN;
  self->weight_kg = NAN;
}

/**
 * att_packaging_use_new_from_json:
 * @object: a packaging item of a product (response shape) or of a request
 * @path: (nullable): where @object sits, e.g. `packaging[0]`
 *
 * `packagingId` is required; everything else is optional.
 *
 * Returns: (transfer full) (nullable): a new #AttPackagingUse, or %NULL on
 *   error
 */
AttPackagingUse *
att_packaging_use_new_from_json (JsonObject  *object,
                                 const char  *path,
                                 GError     **error)
{
  g_autoptr(AttPackagingUse) self = NULL;
  g_autofree char *weight_path = NULL;
  JsonObject *weight = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_PACKAGING_USE, NULL);
  self->json = json_object_ref (object);

  if (!att_json_read_string (object, "packagingId", path, TRUE, &self->packaging_id, error) ||
      !att_json_read_string (object, "name", path, FALSE, &self->name, error) ||
      !att_json_read_double (object, "amount", path, FALSE, &self->amount, error) ||
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
 * att_packaging_use_get_json:
 *
 * Returns: (transfer none) (nullable): the parsed object, unknown members
 *   included
 */
JsonObject *
att_packaging_use_get_json (AttPackagingUse *self)
{
  g_return_val_if_fail (ATT_IS_PACKAGING_USE (self), NULL);

  return self->json;
}

/**
 * att_packaging_use_to_json:
 *
 * Returns: (transfer full): a copy of the parsed object, unknown members
 *   kept
 */
JsonNode *
att_packaging_use_to_json (AttPackagingUse *self)
{
  g_return_val_if_fail (ATT_IS_PACKAGING_USE (self), NULL);

  return att_json_object_to_node (self->json);
}

/**
 * att_packaging_use_to_request_json:
 *
 * The PackagingData of create and update requests.  An unknown amount is
 * left out rather than sent as garbage; validation reports it.
 *
 * Returns: (transfer full): `{packagingId, amount}`
 */
JsonNode *
att_packaging_use_to_request_json (AttPackagingUse *self)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_val_if_fail (ATT_IS_PACKAGING_USE (self), NULL);

  object = json_object_new ();
  att_json_object_set_string (object, "packagingId", self->packaging_id);
  att_json_object_set_number (object, "amount", self->amount);

  return json_node_init_object (json_node_alloc (), object);
}

const char *
att_packaging_use_get_packaging_id (AttPackagingUse *self)
{
  g_return_val_if_fail (ATT_IS_PACKAGING_USE (self), NULL);

  return self->packaging_id;
}

const char *
att_packaging_use_get_name (AttPackagingUse *self)
{
  g_return_val_if_fail (ATT_IS_PACKAGING_USE (self), NULL);

  return self->name;
}

/**
 * att_packaging_use_get_amount:
 *
 * Returns: how many of this packaging, or %NAN if unknown
 */
double
att_packaging_use_get_amount (AttPackagingUse *self)
{
  g_return_val_if_fail (ATT_IS_PACKAGING_USE (self), NAN);

  return self->amount;
}

const char *
att_packaging_use_get_code (AttPackagingUse *self)
{
  g_return_val_if_fail (ATT_IS_PACKAGING_USE (self), NULL);

  return self->code;
}

const char *
att_packaging_use_get_description (AttPackagingUse *self)
{
  g_return_val_if_fail (ATT_IS_PACKAGING_USE (self), NULL);

  return self->description;
}

const char *
att_packaging_use_get_data_source (AttPackagingUse *self)
{
  g_return_val_if_fail (ATT_IS_PACKAGING_USE (self), NULL);

  return self->data_source;
}

/**
 * att_packaging_use_get_weight_kg:
 *
 * Returns: `weightInformation.convertedToKg`, or %NAN if unknown
 */
double
att_packaging_use_get_weight_kg (AttPackagingUse *self)
{
  g_return_val_if_fail (ATT_IS_PACKAGING_USE (self), NAN);

  return self->weight_kg;
}
