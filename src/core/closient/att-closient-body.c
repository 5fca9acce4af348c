/* att-closient-body.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-closient-body.h"
#include "att-closient-fields-private.h"
#include "att-json.h"

/* an organisation that issues certifications
 * (CertificationBodyOut, api-closient.md §4.3).  Read tolerantly (att-closient-fields.c); unknown members are
 * kept for to_json(). */

static const AttClosientField fields[] = {
  { "website", ATT_CLOSIENT_FIELD_STRING },
  { "description", ATT_CLOSIENT_FIELD_STRING },
  { "logo_url", ATT_CLOSIENT_FIELD_NULLABLE },
};

enum {
  F_WEBSITE,
  F_DESCRIPTION,
  F_LOGO_URL,
  N_FIELDS
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_FIELDS);

struct _AttClosientBody
{
  GObject     parent_instance;

  JsonObject *json; /* as read, unknown members included */
  char       *id;
  char       *name;
  char       *values[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (AttClosientBody, att_closient_body, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_FIRST_FIELD,
  N_PROPS = PROP_FIRST_FIELD + N_FIELDS
};

static GParamSpec *properties[N_PROPS];

static void
att_closient_body_finalize (GObject *object)
{
  AttClosientBody *self = (AttClosientBody *) object;

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  att_closient_fields_clear (self->values, N_FIELDS);

  G_OBJECT_CLASS (att_closient_body_parent_class)->finalize (object);
}

static void
att_closient_body_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AttClosientBody *self = ATT_CLOSIENT_BODY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      if (prop_id >= PROP_FIRST_FIELD && prop_id < N_PROPS)
        g_value_set_string (value, self->values[prop_id - PROP_FIRST_FIELD]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_closient_body_class_init (AttClosientBodyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_closient_body_finalize;
  object_class->get_property = att_closient_body_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  att_closient_fields_install (properties + PROP_FIRST_FIELD, fields, N_FIELDS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_closient_body_init (AttClosientBody *self)
{
}

/**
 * att_closient_body_new_from_json:
 *
 * Returns: (transfer full) (nullable): the object, or %NULL with an
 *   %ATT_API_ERROR_BAD_RESPONSE error if @node is not an object or lacks
 *   a valid `id` (a shortuuid, or a UUID) or `name`
 */
AttClosientBody *
att_closient_body_new_from_json (JsonNode *node,
                                 GError  **error)
{
  g_autoptr(AttClosientBody) self = NULL;
  JsonObject *object;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_CLOSIENT_BODY, NULL);
  self->json = object = att_closient_fields_copy_object (node, error);
  if (object == NULL ||
      !att_closient_fields_read_id (object, &self->id, error) ||
      !att_json_read_string (object, "name", NULL, TRUE, &self->name, error))
    return NULL;

  att_closient_fields_read (object, fields, N_FIELDS, self->values);
  return g_steal_pointer (&self);
}

/**
 * att_closient_body_to_json:
 *
 * Returns: (transfer full): the object in the server's shape, unknown
 *   members kept
 */
JsonNode *
att_closient_body_to_json (AttClosientBody *self)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_val_if_fail (ATT_IS_CLOSIENT_BODY (self), NULL);

  object = att_json_object_copy (self->json);
  json_object_set_string_member (object, "id", self->id);
  json_object_set_string_member (object, "name", self->name);
  att_closient_fields_write (object, fields, N_FIELDS, self->values);
  return json_node_init_object (json_node_alloc (), object);
}

/**
 * att_closient_body_get_id:
 *
 * Returns: the 22-character id
 */
const char *
att_closient_body_get_id (AttClosientBody *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_BODY (self), NULL);

  return self->id;
}

const char *
att_closient_body_get_name (AttClosientBody *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_BODY (self), NULL);

  return self->name;
}

/* The other strings are "" when empty, never NULL; the URLs of images are
 * NULL when there is none. */

const char *
att_closient_body_get_website (AttClosientBody *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_BODY (self), NULL);

  return self->values[F_WEBSITE];
}

const char *
att_closient_body_get_description (AttClosientBody *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_BODY (self), NULL);

  return self->values[F_DESCRIPTION];
}

const char *
att_closient_body_get_logo_url (AttClosientBody *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_BODY (self), NULL);

  return self->values[F_LOGO_URL];
}
