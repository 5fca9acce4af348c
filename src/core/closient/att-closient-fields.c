/* att-closient-fields.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-closient-fields-private.h"
#include "att-json.h"
#include "att-shortuuid.h"

/* Closient's objects are read tolerantly: a member of the wrong type reads
 * as empty, so that one odd field does not hide a whole row (only an id
 * that is not one makes an object unreadable).  Each model lists its string
 * members once, in a table, and these helpers read them, write them back
 * and make them read-only properties named after them. */

/**
 * att_closient_fields_install:
 * @properties: where the first field's property goes; one per field
 *
 * Makes a read-only string property per field, named after its member
 * with hyphens (`logo_url` is "logo-url").
 */
void
att_closient_fields_install (GParamSpec            **properties,
                             const AttClosientField *fields,
                             guint                   n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (fields[i].name), "_", '-');

      /* An interned name lives as long as the class. */
      properties[i] = g_param_spec_string (g_intern_string (name), NULL, NULL, NULL,
                                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
    }
}

/**
 * att_closient_fields_get_string:
 *
 * Returns: (nullable): the member if it is a string, else %NULL
 */
const char *
att_closient_fields_get_string (JsonObject *object,
                                const char *name)
{
  return att_json_get_string (object, name, NULL, FALSE, NULL);
}

static char *
read_field (JsonObject             *object,
            const AttClosientField *field)
{
  const char *text = att_closient_fields_get_string (object, field->name);

  switch (field->kind)
    {
    case ATT_CLOSIENT_FIELD_DATE:
      return text != NULL ? att_json_normalize_date (text) : NULL;

    case ATT_CLOSIENT_FIELD_NULLABLE:
      return text != NULL && *text != '\0' ? g_strdup (text) : NULL;

    case ATT_CLOSIENT_FIELD_STRING:
    default:
      return g_strdup (text != NULL ? text : "");
    }
}

void
att_closient_fields_read (JsonObject             *object,
                          const AttClosientField *fields,
                          guint                   n_fields,
                          char                  **values)
{
  for (guint i = 0; i < n_fields; i++)
    values[i] = read_field (object, &fields[i]);
}

/* Writes every field: a string, or null where it has none. */
void
att_closient_fields_write (JsonObject             *object,
                           const AttClosientField *fields,
                           guint                   n_fields,
                           char *const            *values)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (values[i] != NULL)
        json_object_set_string_member (object, fields[i].name, values[i]);
      else
        json_object_set_null_member (object, fields[i].name);
    }
}

void
att_closient_fields_clear (char **values,
                           guint  n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    g_clear_pointer (&values[i], g_free);
}

/* Returns the field's index, or -1. */
int
att_closient_fields_find (const AttClosientField *fields,
                          guint                   n_fields,
                          const char             *name)
{
  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].name, name))
      return (int) i;
  return -1;
}

/**
 * att_closient_fields_read_id:
 * @out_id: (out) (transfer full): the 22-character id
 *
 * Reads `id`: a shortuuid, or a UUID (taken in its shortuuid form).
 *
 * Returns: whether there was one, else %FALSE with an
 *   %ATT_API_ERROR_BAD_RESPONSE on `id`
 */
gboolean
att_closient_fields_read_id (JsonObject *object,
                             char      **out_id,
                             GError    **error)
{
  const char *id = att_closient_fields_get_string (object, "id");
  g_autoptr(GError) id_error = NULL;

  *out_id = id != NULL ? att_shortuuid_normalize (id, &id_error) : NULL;
  if (*out_id == NULL)
    {
      att_json_set_error (error, "id",
                          id_error != NULL ? id_error->message : _ ("expected a Closient id"));
      return FALSE;
    }

  return TRUE;
}

/**
 * att_closient_fields_copy_object:
 *
 * Returns: (transfer full) (nullable): @node's object, referenced, or
 *   %NULL with an %ATT_API_ERROR_BAD_RESPONSE if it is not one
 */
JsonObject *
att_closient_fields_copy_object (JsonNode *node,
                                 GError  **error)
{
  JsonObject *object = att_json_node_get_object (node, NULL, error);

  return object != NULL ? json_object_ref (object) : NULL;
}
