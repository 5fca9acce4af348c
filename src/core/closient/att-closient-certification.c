/* att-closient-certification.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-closient-certification.h"
#include "att-closient-fields-private.h"
#include "att-json.h"

/* a certification of Closient's catalogue (CertificationOut,
 * api-closient.md §4.3).  Read tolerantly (att-closient-fields.c); unknown members are
 * kept for to_json(). */

static const AttClosientField fields[] = {
  { "code", ATT_CLOSIENT_FIELD_STRING },
  { "description", ATT_CLOSIENT_FIELD_STRING },
  { "url", ATT_CLOSIENT_FIELD_STRING },
  { "logo_url", ATT_CLOSIENT_FIELD_NULLABLE },
  { "certification_body_name", ATT_CLOSIENT_FIELD_STRING },
  { "program", ATT_CLOSIENT_FIELD_STRING },
  { "standard", ATT_CLOSIENT_FIELD_STRING },
};

enum {
  F_CODE,
  F_DESCRIPTION,
  F_URL,
  F_LOGO_URL,
  F_CERTIFICATION_BODY_NAME,
  F_PROGRAM,
  F_STANDARD,
  N_FIELDS
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_FIELDS);

struct _AttClosientCertification
{
  GObject     parent_instance;

  JsonObject *json; /* as read, unknown members included */
  char       *id;
  char       *label;
  char       *values[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (AttClosientCertification, att_closient_certification, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_FIRST_FIELD,
  N_PROPS = PROP_FIRST_FIELD + N_FIELDS
};

static GParamSpec *properties[N_PROPS];

static void
att_closient_certification_finalize (GObject *object)
{
  AttClosientCertification *self = (AttClosientCertification *) object;

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  att_closient_fields_clear (self->values, N_FIELDS);

  G_OBJECT_CLASS (att_closient_certification_parent_class)->finalize (object);
}

static void
att_closient_certification_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  AttClosientCertification *self = ATT_CLOSIENT_CERTIFICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      if (prop_id >= PROP_FIRST_FIELD && prop_id < N_PROPS)
        g_value_set_string (value, self->values[prop_id - PROP_FIRST_FIELD]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_closient_certification_class_init (AttClosientCertificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_closient_certification_finalize;
  object_class->get_property = att_closient_certification_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  att_closient_fields_install (properties + PROP_FIRST_FIELD, fields, N_FIELDS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_closient_certification_init (AttClosientCertification *self)
{
}

/**
 * att_closient_certification_new_from_json:
 *
 * Returns: (transfer full) (nullable): the object, or %NULL with an
 *   %ATT_API_ERROR_BAD_RESPONSE error if @node is not an object or lacks
 *   a valid `id` (a shortuuid, or a UUID) or `label`
 */
AttClosientCertification *
att_closient_certification_new_from_json (JsonNode *node,
                                          GError  **error)
{
  g_autoptr(AttClosientCertification) self = NULL;
  JsonObject *object;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_CLOSIENT_CERTIFICATION, NULL);
  self->json = object = att_closient_fields_copy_object (node, error);
  if (object == NULL ||
      !att_closient_fields_read_id (object, &self->id, error) ||
      !att_json_read_string (object, "label", NULL, TRUE, &self->label, error))
    return NULL;

  att_closient_fields_read (object, fields, N_FIELDS, self->values);
  return g_steal_pointer (&self);
}

/**
 * att_closient_certification_to_json:
 *
 * Returns: (transfer full): the object in the server's shape, unknown
 *   members kept
 */
JsonNode *
att_closient_certification_to_json (AttClosientCertification *self)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_val_if_fail (ATT_IS_CLOSIENT_CERTIFICATION (self), NULL);

  object = att_json_object_copy (self->json);
  json_object_set_string_member (object, "id", self->id);
  json_object_set_string_member (object, "label", self->label);
  att_closient_fields_write (object, fields, N_FIELDS, self->values);
  return json_node_init_object (json_node_alloc (), object);
}

/**
 * att_closient_certification_get_id:
 *
 * Returns: the 22-character id
 */
const char *
att_closient_certification_get_id (AttClosientCertification *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_CERTIFICATION (self), NULL);

  return self->id;
}

const char *
att_closient_certification_get_label (AttClosientCertification *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_CERTIFICATION (self), NULL);

  return self->label;
}

/* The other strings are "" when empty, never NULL; the URLs of images are
 * NULL when there is none. */

const char *
att_closient_certification_get_code (AttClosientCertification *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_CERTIFICATION (self), NULL);

  return self->values[F_CODE];
}

const char *
att_closient_certification_get_description (AttClosientCertification *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_CERTIFICATION (self), NULL);

  return self->values[F_DESCRIPTION];
}

const char *
att_closient_certification_get_url (AttClosientCertification *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_CERTIFICATION (self), NULL);

  return self->values[F_URL];
}

const char *
att_closient_certification_get_logo_url (AttClosientCertification *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_CERTIFICATION (self), NULL);

  return self->values[F_LOGO_URL];
}

const char *
att_closient_certification_get_certification_body_name (AttClosientCertification *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_CERTIFICATION (self), NULL);

  return self->values[F_CERTIFICATION_BODY_NAME];
}

const char *
att_closient_certification_get_program (AttClosientCertification *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_CERTIFICATION (self), NULL);

  return self->values[F_PROGRAM];
}

const char *
att_closient_certification_get_standard (AttClosientCertification *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_CERTIFICATION (self), NULL);

  return self->values[F_STANDARD];
}
