/* att-country.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-country.h"
#include "att-json.h"

/* A location as the eco-score endpoints take it: the API wants the whole
 * `{code, name}` object back, not just the code, so both are kept. */
struct _AttCountry
{
  GObject     parent_instance;

  JsonObject *json;
  char       *code;
  char       *name;
};

G_DEFINE_FINAL_TYPE (AttCountry, att_country, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_country_finalize (GObject *object)
{
  AttCountry *self = (AttCountry *) object;

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (att_country_parent_class)->finalize (object);
}

static void
att_country_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AttCountry *self = ATT_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_country_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AttCountry *self = ATT_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_free (self->code);
      self->code = g_value_dup_string (value);
      break;

    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_country_class_init (AttCountryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_country_finalize;
  object_class->get_property = att_country_get_property;
  object_class->set_property = att_country_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_country_init (AttCountry *self)
{
}

/**
 * att_country_new:
 * @code: an ISO 3166-1 alpha-2 or regional code such as `RAS`
 * @name: the name the API gave for @code
 *
 * Returns: (transfer full): a new #AttCountry
 */
AttCountry *
att_country_new (const char *code,
                 const char *name)
{
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (ATT_TYPE_COUNTRY,
                       "code", code,
                       "name", name,
                       NULL);
}

/**
 * att_country_new_from_json:
 * @object: a `{code, name}` object
 * @path: (nullable): where @object sits, for error messages
 *
 * Both `code` and `name` are required.
 *
 * Returns: (transfer full) (nullable): a new #AttCountry, or %NULL on error
 */
AttCountry *
att_country_new_from_json (JsonObject *object,
                           const char *path,
                           GError    **error)
{
  g_autoptr(AttCountry) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_COUNTRY, NULL);
  self->json = json_object_ref (object);

  if (!att_json_read_string (object, "code", path, TRUE, &self->code, error) ||
      !att_json_read_string (object, "name", path, TRUE, &self->name, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * att_country_get_json:
 *
 * Returns: (transfer none) (nullable): the object this country was parsed
 *   from, unknown members included; %NULL if made by att_country_new()
 */
JsonObject *
att_country_get_json (AttCountry *self)
{
  g_return_val_if_fail (ATT_IS_COUNTRY (self), NULL);

  return self->json;
}

/**
 * att_country_to_json:
 *
 * Returns: (transfer full): the country in response shape, unknown members
 *   kept
 */
JsonNode *
att_country_to_json (AttCountry *self)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_val_if_fail (ATT_IS_COUNTRY (self), NULL);

  object = self->json != NULL ? att_json_object_copy (self->json) : json_object_new ();
  att_json_object_set_string (object, "code", self->code);
  att_json_object_set_string (object, "name", self->name);

  return json_node_init_object (json_node_alloc (), object);
}

/**
 * att_country_to_request_json:
 *
 * Returns: (transfer full): exactly `{code, name}`, as requests take it
 */
JsonNode *
att_country_to_request_json (AttCountry *self)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_val_if_fail (ATT_IS_COUNTRY (self), NULL);

  object = json_object_new ();
  att_json_object_set_string (object, "code", self->code);
  att_json_object_set_string (object, "name", self->name);

  return json_node_init_object (json_node_alloc (), object);
}

const char *
att_country_get_code (AttCountry *self)
{
  g_return_val_if_fail (ATT_IS_COUNTRY (self), NULL);

  return self->code;
}

const char *
att_country_get_name (AttCountry *self)
{
  g_return_val_if_fail (ATT_IS_COUNTRY (self), NULL);

  return self->name;
}
