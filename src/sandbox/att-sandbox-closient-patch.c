/* att-sandbox-closient-patch.c: changing an assignment (PATCH) and
 * removing it (DELETE)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "att-closient-metadata.h"
#include "att-error.h"
#include "att-iso-country.h"

#include "att-sandbox-closient-private.h"
#include "att-sandbox-json.h"

/*
 * A PATCH applies the members its body has and leaves the others
 * (api-closient.md §4.2), all or nothing: every problem is reported at
 * once, each on its field, as a 422.  Where the docs are silent the
 * sandbox is strict, so that a client that sends too much finds out:
 *  - a string field may not be null (send "" to blank it);
 *  - the members of the answer that PATCH cannot set (id, label, is_active,
 *    code, description, url, logo_url, expiry_date) are "read-only", and a
 *    member of neither list is unknown: both are 422 on that member;
 *  - countries must be ISO 3166-1 alpha-2 codes that exist, in capitals;
 *  - an expiration date before the start of validity is refused on
 *    "expiration_date".
 * The metadata follows Closient's own merge rules, with the limits checked
 * after the merge (att_closient_metadata_merge(), the core's, which the
 * client's checks also use).
 */

/* The documented maximum lengths (api-closient.md §4.1), in characters;
 * 0 for none documented.  verification_url gets Django's URLField default. */
static const struct
{
  const char *name;
  glong       max;
} string_fields[] = {
  { "certificate_number", 100 },
  { "issuing_body", 255 },
  { "verification_url", 200 },
  { "scope", 0 },
  { "certification_value", 255 },
};

static const char *const date_fields[] = {
  "valid_from", "expiration_date", "audit_date", "initial_certification_date", NULL
};

static const char *const read_only_fields[] = {
  "id", "label", "is_active", "code", "description", "url", "logo_url", "expiry_date", NULL
};

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static void
add_error (GPtrArray  *errors,
           const char *field,
           const char *message)
{
  g_ptr_array_add (errors, att_field_error_new (field, message));
}

/* Whether @text is a date of the calendar written YYYY-MM-DD. */
static gboolean
is_date (const char *text)
{
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  return g_date_valid_dmy ((GDateDay) atoi (text + 8), (GDateMonth) atoi (text + 5),
                           (GDateYear) atoi (text));
}

static void
apply_string (JsonObject *state,
              const char *name,
              glong       max,
              JsonNode   *node,
              GPtrArray  *errors)
{
  const char *value;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      add_error (errors, name, _ ("This field cannot be null; send an empty string to blank it"));
      return;
    }
  if (!is_string (node))
    {
      add_error (errors, name, _ ("Expected a string"));
      return;
    }

  value = json_node_get_string (node);
  if (max > 0 && g_utf8_strlen (value, -1) > max)
    {
      /* Translators: %ld is the largest number of characters. */
      g_autofree char *message = g_strdup_printf (_ ("At most %ld characters"), max);

      add_error (errors, name, message);
      return;
    }
  if (g_str_equal (name, "verification_url") && *value != '\0' &&
      !g_str_has_prefix (value, "https://") && !g_str_has_prefix (value, "http://"))
    {
      add_error (errors, name, _ ("Expected an http:// or https:// URL"));
      return;
    }
  json_object_set_string_member (state, name, value);
}

static void
apply_date (JsonObject *state,
            const char *name,
            JsonNode   *node,
            GPtrArray  *errors)
{
  if (JSON_NODE_HOLDS_NULL (node))
    json_object_set_null_member (state, name);
  else if (is_string (node) && is_date (json_node_get_string (node)))
    json_object_set_string_member (state, name, json_node_get_string (node));
  else
    add_error (errors, name, _ ("Expected a date (YYYY-MM-DD) or null"));
}

static void
apply_status (JsonObject *state,
              JsonNode   *node,
              GPtrArray  *errors)
{
  static const char *const statuses[] = { "unverified", "verified", "expired", NULL };

  if (is_string (node) && g_strv_contains (statuses, json_node_get_string (node)))
    json_object_set_string_member (state, "verification_status", json_node_get_string (node));
  else
    add_error (errors, "verification_status", _ ("Expected unverified, verified or expired"));
}

static void
apply_countries (JsonObject *state,
                 JsonNode   *node,
                 GPtrArray  *errors)
{
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  JsonArray *codes;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!is_string (element) || !att_iso_country_is_code (json_node_get_string (element)))
        array = NULL;
    }
  if (array == NULL)
    {
      add_error (errors, "certificate_countries",
                 _ ("Expected a list of ISO 3166-1 alpha-2 country codes, in capitals"));
      return;
    }

  /* Each country once, in the order given. */
  codes = json_array_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *code = json_array_get_string_element (array, i);
      gboolean    seen = FALSE;

      for (guint j = 0; j < i && !seen; j++)
        seen = g_str_equal (code, json_array_get_string_element (array, j));
      if (!seen)
        json_array_add_string_element (codes, code);
    }
  json_object_set_array_member (state, "certificate_countries", codes);
}

static void
apply_metadata (JsonObject *state,
                JsonNode   *node,
                GPtrArray  *errors)
{
  JsonObject *stored = att_sandbox_json_object (state, "metadata");
  g_autoptr(GHashTable) metadata = att_closient_metadata_new ();
  JsonObjectIter iter;
  const char    *key;
  JsonNode      *value;

  if (stored != NULL)
    {
      json_object_iter_init (&iter, stored);
      while (json_object_iter_next (&iter, &key, &value))
        if (is_string (value))
          g_hash_table_insert (metadata, g_strdup (key), g_strdup (json_node_get_string (value)));
    }

  if (att_closient_metadata_merge (metadata, node, errors))
    json_object_set_member (state, "metadata", att_closient_metadata_to_json (metadata));
}

/* Applies one member of a PATCH body to @state. */
static void
apply_member (JsonObject *state,
              const char *name,
              JsonNode   *node,
              GPtrArray  *errors)
{
  for (guint i = 0; i < G_N_ELEMENTS (string_fields); i++)
    if (g_str_equal (name, string_fields[i].name))
      {
        apply_string (state, name, string_fields[i].max, node, errors);
        return;
      }

  if (g_strv_contains (date_fields, name))
    apply_date (state, name, node, errors);
  else if (g_str_equal (name, "verification_status"))
    apply_status (state, node, errors);
  else if (g_str_equal (name, "certificate_countries"))
    apply_countries (state, node, errors);
  else if (g_str_equal (name, "metadata"))
    apply_metadata (state, node, errors);
  else if (g_strv_contains (read_only_fields, name))
    add_error (errors, name, _ ("This field is read-only"));
  else
    add_error (errors, name, _ ("Unknown field"));
}

/* The assignment of the path's GTIN and certification id, or NULL with
 * @reply set (422 for a malformed GTIN or id, 404 for no such product or
 * assignment); @out_gtin and @out_id are its keys. */
static AttSandboxClosientAssignment *
find_assignment (AttSandboxClosientRequest *request,
                 char                     **out_gtin,
                 char                     **out_id,
                 AttSandboxClosientReply   *reply)
{
  g_autoptr(GError) error = NULL;
  AttSandboxClosientAssignment *assignment;

  if (!_att_sandbox_closient_read_gtin (request, FALSE, out_gtin, reply) ||
      !_att_sandbox_closient_read_id (request->args[1], "certification_id", out_id, reply))
    return NULL;

  assignment = att_sandbox_store_get_closient_assignment (request->self->store, *out_gtin, *out_id, &error);
  if (assignment == NULL && error != NULL)
    _att_sandbox_closient_reply_store_error (reply, error);
  else if (assignment == NULL)
    _att_sandbox_closient_reply_error (reply, SOUP_STATUS_NOT_FOUND,
                                       _ ("This product has no such certification"));
  return assignment;
}

static void
check_window (JsonObject *state,
              GPtrArray  *errors)
{
  const char *from = att_sandbox_json_string (state, "valid_from");
  const char *until = att_sandbox_json_string (state, "expiration_date");

  if (from != NULL && until != NULL && strcmp (until, from) < 0)
    add_error (errors, "expiration_date", _ ("The expiration date is before the start of validity"));
}

/* PATCH /certifications/api/v1/products/{gtin}/certifications/{id} */
void
_att_sandbox_closient_patch (AttSandboxClosientRequest *request,
                             AttSandboxClosientReply   *reply)
{
  g_autoptr(AttSandboxClosientAssignment) assignment = NULL;
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *gtin = NULL;
  g_autofree char *id = NULL;
  JsonObjectIter   iter;
  const char      *name;
  JsonNode        *node;

  assignment = find_assignment (request, &gtin, &id, reply);
  if (assignment == NULL)
    return;

  if (assignment->state == NULL)
    assignment->state = json_object_new ();
  json_object_iter_init (&iter, request->body);
  while (json_object_iter_next (&iter, &name, &node))
    apply_member (assignment->state, name, node, errors);
  check_window (assignment->state, errors);

  if (errors->len > 0)
    _att_sandbox_closient_reply_details (reply, errors);
  else if (!att_sandbox_store_put_closient_assignment (request->self->store, gtin, id,
                                                       assignment->state, NULL, &error))
    _att_sandbox_closient_reply_store_error (reply, error);
  else
    _att_sandbox_closient_reply_json (reply, att_sandbox_json_node_take_object (_att_sandbox_closient_render_assignment (request, assignment)));
}

/* DELETE /certifications/api/v1/products/{gtin}/certifications/{id}:
 * 204, then 404 (the certification stays in the catalogue). */
void
_att_sandbox_closient_delete (AttSandboxClosientRequest *request,
                              AttSandboxClosientReply   *reply)
{
  g_autoptr(AttSandboxClosientAssignment) assignment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gtin = NULL;
  g_autofree char *id = NULL;
  gboolean         deleted;

  assignment = find_assignment (request, &gtin, &id, reply);
  if (assignment == NULL)
    return;

  if (!att_sandbox_store_delete_closient_assignment (request->self->store, gtin, id, &deleted, &error))
    _att_sandbox_closient_reply_store_error (reply, error);
  else
    reply->status = SOUP_STATUS_NO_CONTENT;
}
