/* att-closient-assignment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-closient-assignment.h"
#include "att-closient-fields-private.h"
#include "att-closient-metadata.h"
#include "att-error.h"
#include "att-json.h"

/*
 * A certification on a product as Closient answers it
 * (CertificationAssignmentOut, api-closient.md §4.1).  It is read
 * tolerantly: only the id and the label are needed to show a row, so only
 * they make an answer unreadable; any other member of the wrong type reads
 * as empty (a string as "", a date as unset).  Unknown members are kept, so
 * that to_json() gives back what was read, for drafts.  Once read, it never
 * changes: an edit is an AttClosientPatch, and a save answers a new one.
 */

/* The members read into `values`, in its order; each is also a property
 * named after it (with hyphens). */
static const AttClosientField fields[] = {
  { "code", ATT_CLOSIENT_FIELD_STRING },
  { "description", ATT_CLOSIENT_FIELD_STRING },
  { "url", ATT_CLOSIENT_FIELD_STRING },
  { "logo_url", ATT_CLOSIENT_FIELD_NULLABLE },
  { "certificate_number", ATT_CLOSIENT_FIELD_STRING },
  { "issuing_body", ATT_CLOSIENT_FIELD_STRING },
  { "verification_url", ATT_CLOSIENT_FIELD_STRING },
  { "scope", ATT_CLOSIENT_FIELD_STRING },
  { "certification_value", ATT_CLOSIENT_FIELD_STRING },
  { "valid_from", ATT_CLOSIENT_FIELD_DATE },
  { "expiration_date", ATT_CLOSIENT_FIELD_DATE },
  { "expiry_date", ATT_CLOSIENT_FIELD_DATE },
  { "audit_date", ATT_CLOSIENT_FIELD_DATE },
  { "initial_certification_date", ATT_CLOSIENT_FIELD_DATE },
};

enum {
  F_CODE,
  F_DESCRIPTION,
  F_URL,
  F_LOGO_URL,
  F_CERTIFICATE_NUMBER,
  F_ISSUING_BODY,
  F_VERIFICATION_URL,
  F_SCOPE,
  F_CERTIFICATION_VALUE,
  F_VALID_FROM,
  F_EXPIRATION_DATE,
  F_EXPIRY_DATE,
  F_AUDIT_DATE,
  F_INITIAL_CERTIFICATION_DATE,
  N_FIELDS
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_FIELDS);

struct _AttClosientAssignment
{
  GObject                 parent_instance;

  JsonObject             *json; /* as read, unknown members included */
  char                   *id;
  char                   *label;
  gboolean                is_active;
  AttClosientVerification verification_status;
  GHashTable             *metadata;
  GStrv                   countries;
  char                   *values[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (AttClosientAssignment, att_closient_assignment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_IS_ACTIVE,
  PROP_VERIFICATION_STATUS,
  PROP_FIRST_FIELD,
  N_PROPS = PROP_FIRST_FIELD + N_FIELDS
};

static GParamSpec *properties[N_PROPS];

static void
att_closient_assignment_finalize (GObject *object)
{
  AttClosientAssignment *self = (AttClosientAssignment *) object;

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->metadata, g_hash_table_unref);
  g_clear_pointer (&self->countries, g_strfreev);
  att_closient_fields_clear (self->values, N_FIELDS);

  G_OBJECT_CLASS (att_closient_assignment_parent_class)->finalize (object);
}

static void
att_closient_assignment_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AttClosientAssignment *self = ATT_CLOSIENT_ASSIGNMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_IS_ACTIVE:
      g_value_set_boolean (value, self->is_active);
      break;

    case PROP_VERIFICATION_STATUS:
      g_value_set_enum (value, self->verification_status);
      break;

    default:
      if (prop_id >= PROP_FIRST_FIELD && prop_id < N_PROPS)
        g_value_set_string (value, self->values[prop_id - PROP_FIRST_FIELD]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_closient_assignment_class_init (AttClosientAssignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_closient_assignment_finalize;
  object_class->get_property = att_closient_assignment_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_ACTIVE] =
    g_param_spec_boolean ("is-active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERIFICATION_STATUS] =
    g_param_spec_enum ("verification-status", NULL, NULL,
                       ATT_TYPE_CLOSIENT_VERIFICATION, ATT_CLOSIENT_VERIFICATION_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  att_closient_fields_install (properties + PROP_FIRST_FIELD, fields, N_FIELDS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_closient_assignment_init (AttClosientAssignment *self)
{
  self->verification_status = ATT_CLOSIENT_VERIFICATION_UNKNOWN;
}

/* --- Reading ----------------------------------------------------------- */

static GHashTable *
read_metadata (JsonObject *object)
{
  GHashTable    *metadata = att_closient_metadata_new ();
  JsonNode      *node = json_object_get_member (object, "metadata");
  JsonObjectIter iter;
  const char    *key;
  JsonNode      *value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return metadata;

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &key, &value))
    if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
      g_hash_table_insert (metadata, g_strdup (key), g_strdup (json_node_get_string (value)));

  return metadata;
}

static GStrv
read_countries (JsonObject *object)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode  *node = json_object_get_member (object, "certificate_countries");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_strv_builder_end (builder);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

/**
 * att_closient_assignment_new_from_json:
 * @node: a CertificationAssignmentOut object
 *
 * Returns: (transfer full) (nullable): the assignment, or %NULL with an
 *   %ATT_API_ERROR_BAD_RESPONSE error if @node is not an object or has no
 *   valid `id` (a shortuuid, or a UUID) or `label`
 */
AttClosientAssignment *
att_closient_assignment_new_from_json (JsonNode *node,
                                       GError  **error)
{
  g_autoptr(AttClosientAssignment) self = NULL;
  JsonObject *object;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_CLOSIENT_ASSIGNMENT, NULL);
  self->json = object = att_closient_fields_copy_object (node, error);
  if (object == NULL ||
      !att_closient_fields_read_id (object, &self->id, error) ||
      !att_json_read_string (object, "label", NULL, TRUE, &self->label, error))
    return NULL;

  self->is_active = att_json_get_boolean (object, "is_active", NULL, FALSE, FALSE, NULL);
  self->verification_status =
    att_closient_verification_from_string (att_closient_fields_get_string (object, "verification_status"));
  self->metadata = read_metadata (object);
  self->countries = read_countries (object);
  att_closient_fields_read (object, fields, N_FIELDS, self->values);

  return g_steal_pointer (&self);
}

/* --- Writing ----------------------------------------------------------- */

static JsonArray *
countries_to_json (const char *const *codes)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; codes[i] != NULL; i++)
    json_array_add_string_element (array, codes[i]);
  return array;
}

/**
 * att_closient_assignment_to_json:
 *
 * Returns: (transfer full): the assignment in the server's shape, unknown
 *   members kept; att_closient_assignment_new_from_json() reads it back
 *   as an equal assignment
 */
JsonNode *
att_closient_assignment_to_json (AttClosientAssignment *self)
{
  g_autoptr(JsonObject) object = NULL;
  const char *status;

  g_return_val_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT (self), NULL);

  object = att_json_object_copy (self->json);
  json_object_set_string_member (object, "id", self->id);
  json_object_set_string_member (object, "label", self->label);
  json_object_set_boolean_member (object, "is_active", self->is_active);
  /* An unknown status stays as the server spelled it. */
  status = att_closient_verification_to_string (self->verification_status);
  if (status != NULL)
    json_object_set_string_member (object, "verification_status", status);
  json_object_set_member (object, "metadata", att_closient_metadata_to_json (self->metadata));
  json_object_set_array_member (object, "certificate_countries",
                                countries_to_json ((const char *const *) self->countries));
  att_closient_fields_write (object, fields, N_FIELDS, self->values);

  return json_node_init_object (json_node_alloc (), object);
}

/* --- Getters ----------------------------------------------------------- */

/**
 * att_closient_assignment_get_field:
 * @field: a member name: one of the string fields (`code`, `description`,
 *   `url`, `logo_url`, `certificate_number`, `issuing_body`,
 *   `verification_url`, `scope`, `certification_value`) or of the dates
 *   (`valid_from`, `expiration_date`, `expiry_date`, `audit_date`,
 *   `initial_certification_date`)
 *
 * Returns: (nullable): the value: "" for an empty string; %NULL for an
 *   unset date or logo, and for a name that is none of the above
 */
const char *
att_closient_assignment_get_field (AttClosientAssignment *self,
                                   const char            *field)
{
  int index;

  g_return_val_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  index = att_closient_fields_find (fields, N_FIELDS, field);
  return index >= 0 ? self->values[index] : NULL;
}

#define FIELD_GETTER(name, index)                                    \
  const char *                                                       \
    att_closient_assignment_get_##name (AttClosientAssignment *self) \
  {                                                                  \
    g_return_val_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT (self), NULL);  \
    return self->values[index];                                      \
  }

/* Strings: never NULL ("" when empty); the logo and dates: NULL if unset. */
FIELD_GETTER (code, F_CODE)
FIELD_GETTER (description, F_DESCRIPTION)
FIELD_GETTER (url, F_URL)
FIELD_GETTER (logo_url, F_LOGO_URL)
FIELD_GETTER (certificate_number, F_CERTIFICATE_NUMBER)
FIELD_GETTER (issuing_body, F_ISSUING_BODY)
FIELD_GETTER (verification_url, F_VERIFICATION_URL)
FIELD_GETTER (scope, F_SCOPE)
FIELD_GETTER (certification_value, F_CERTIFICATION_VALUE)
FIELD_GETTER (valid_from, F_VALID_FROM)
FIELD_GETTER (expiration_date, F_EXPIRATION_DATE)
FIELD_GETTER (expiry_date, F_EXPIRY_DATE)
FIELD_GETTER (audit_date, F_AUDIT_DATE)
FIELD_GETTER (initial_certification_date, F_INITIAL_CERTIFICATION_DATE)

/**
 * att_closient_assignment_get_id:
 *
 * Returns: the certification's 22-character id (the `certification_id`
 *   of PATCH and DELETE)
 */
const char *
att_closient_assignment_get_id (AttClosientAssignment *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT (self), NULL);

  return self->id;
}

const char *
att_closient_assignment_get_label (AttClosientAssignment *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT (self), NULL);

  return self->label;
}

/**
 * att_closient_assignment_get_is_active:
 *
 * Returns: whether the server said the certification is valid today (it
 *   computes this per request: never keep it past the session)
 */
gboolean
att_closient_assignment_get_is_active (AttClosientAssignment *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT (self), FALSE);

  return self->is_active;
}

AttClosientVerification
att_closient_assignment_get_verification_status (AttClosientAssignment *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT (self), ATT_CLOSIENT_VERIFICATION_UNKNOWN);

  return self->verification_status;
}

/**
 * att_closient_assignment_get_metadata:
 *
 * Returns: (transfer none) (element-type utf8 utf8): the metadata, never
 *   %NULL; do not change it
 */
GHashTable *
att_closient_assignment_get_metadata (AttClosientAssignment *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT (self), NULL);

  return self->metadata;
}

/**
 * att_closient_assignment_get_certificate_countries:
 *
 * Returns: (transfer none) (array zero-terminated=1): ISO 3166-1 alpha-2
 *   codes, never %NULL (empty when none were recorded, which does not mean
 *   everywhere)
 */
const char *const *
att_closient_assignment_get_certificate_countries (AttClosientAssignment *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT (self), NULL);

  return (const char *const *) self->countries;
}
