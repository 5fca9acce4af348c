/* att-draft-json.c: a draft as one JSON document, and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-draft.h"
#include "att-json.h"

/* A draft file is one JSON object:
 *
 *   { "format": "attest-draft", "version": 1,
 *     "kind": "higg-product", "accountId": "…", "objectId": "…",
 *     "savedAtUsec": 1718000000000000, "saveError": "…",
 *     "payload": { …the editor's state… } }
 *
 * Reading checks every member it knows and ignores the others, so an
 * older Attest can still read what a newer one added. */

#define DRAFT_FORMAT "attest-draft"

/**
 * att_draft_to_bytes:
 *
 * Serializes the draft; the payload is shared, not copied, so this costs
 * one pass of the JSON generator over it (see the figures in
 * tests/test-drafts.c).
 *
 * Returns: (transfer full): the draft file's contents
 */
GBytes *
att_draft_to_bytes (AttDraft *self)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonNode *payload;
  gsize     length;
  char     *data;

  g_return_val_if_fail (ATT_IS_DRAFT (self), NULL);

  json_object_set_string_member (root, "format", DRAFT_FORMAT);
  json_object_set_int_member (root, "version", ATT_DRAFT_FORMAT_VERSION);
  json_object_set_string_member (root, "kind", att_draft_get_kind (self));
  json_object_set_string_member (root, "accountId", att_draft_get_account_id (self));
  json_object_set_string_member (root, "objectId", att_draft_get_object_id (self));
  json_object_set_int_member (root, "savedAtUsec", att_draft_get_saved_at (self));
  if (att_draft_get_save_error (self) != NULL)
    json_object_set_string_member (root, "saveError", att_draft_get_save_error (self));

  payload = att_draft_get_payload (self);
  if (payload != NULL)
    json_object_set_member (root, "payload", json_node_ref (payload));
  else
    json_object_set_null_member (root, "payload");

  node = json_node_init_object (json_node_alloc (), root);
  json_generator_set_root (generator, node);
  data = json_generator_to_data (generator, &length);

  return g_bytes_new_take (data, length);
}

/* Newer versions are a different error from a damaged file: the store
 * leaves them for the Attest that wrote them. */
static gboolean
check_version (JsonObject *root,
               GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *format;
  gint64      version;

  format = att_json_get_string (root, "format", NULL, TRUE, error);
  if (format == NULL)
    return FALSE;
  if (g_strcmp0 (format, DRAFT_FORMAT) != 0)
    {
      att_json_set_error (error, "format", "not an Attest draft");
      return FALSE;
    }

  version = att_json_get_int (root, "version", NULL, TRUE, 0, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (version > ATT_DRAFT_FORMAT_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "version %" G_GINT64_FORMAT " is newer than this Attest's %d",
                   version, ATT_DRAFT_FORMAT_VERSION);
      return FALSE;
    }
  if (version < 1)
    {
      att_json_set_error (error, "version", "not a draft format version");
      return FALSE;
    }

  return TRUE;
}

static AttDraft *
draft_from_object (JsonObject *root,
                   GError    **error)
{
  g_autoptr(AttDraft) draft = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *account_id = NULL;
  g_autofree char *object_id = NULL;
  g_autofree char *save_error = NULL;
  gint64           saved_at;

  if (!check_version (root, error) ||
      !att_json_read_string (root, "kind", NULL, TRUE, &kind, error) ||
      !att_json_read_string (root, "accountId", NULL, TRUE, &account_id, error) ||
      !att_json_read_string (root, "objectId", NULL, FALSE, &object_id, error) ||
      !att_json_read_string (root, "saveError", NULL, FALSE, &save_error, error))
    return NULL;

  saved_at = att_json_get_int (root, "savedAtUsec", NULL, TRUE, 0, &local_error);
  if (local_error != NULL || saved_at < 0)
    {
      att_json_set_error (error, "savedAtUsec", "expected a time");
      return NULL;
    }

  if (!json_object_has_member (root, "payload"))
    {
      att_json_set_error (error, "payload", "missing");
      return NULL;
    }

  draft = att_draft_new (kind, account_id, object_id,
                         json_object_get_member (root, "payload"));
  att_draft_set_saved_at (draft, saved_at);
  att_draft_set_save_error (draft, save_error);

  return g_steal_pointer (&draft);
}

/**
 * att_draft_new_from_bytes:
 * @bytes: a draft file's contents
 *
 * Reads a draft.  A file from a newer Attest is a %G_IO_ERROR_NOT_SUPPORTED
 * error; anything else that is not a draft this version understands
 * (malformed JSON, a missing or mistyped member, an old version) is an
 * %ATT_API_ERROR_BAD_RESPONSE error naming the member, never its value.
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL on error
 */
AttDraft *
att_draft_new_from_bytes (GBytes  *bytes,
                          GError **error)
{
  g_autoptr(JsonNode) node = NULL;
  gsize       length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  node = att_json_parse (data, (gssize) length, NULL);
  if (node == NULL)
    {
      /* The parser's message may quote the text: say nothing of it. */
      att_json_set_error (error, NULL, "not valid JSON");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      att_json_set_error (error, NULL, "expected an object");
      return NULL;
    }

  return draft_from_object (json_node_get_object (node), error);
}
