/* att-certificate-records-io.c: the file of the certificate records: its
 * name, reading it in a worker thread, and its contents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-certificate-records-private.h"
#include "att-http.h"
#include "att-json.h"

/* The file: `{"version": 1, "accountId": "...", "baseUrl": "...",
 * "certificates": [certificate object, ...]}`, each certificate as the
 * server last answered it (its images longer than 64 KiB once encoded are
 * empty strings: the client drops the answer's echo of them).  Nothing in
 * it is a secret: the account's keys are in the keyring. */

/* Account ids and addresses are not path components: the name is a digest
 * of both, each with its NUL, so no two accounts (or one account moved to
 * another server) share a file. */
char *
att_certificate_records_file_name (const char *account_id,
                                   const char *base_url)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *parts[] = { account_id != NULL ? account_id : "", base_url != NULL ? base_url : "" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_checksum_update (checksum, (const guchar *) parts[i], (gssize) strlen (parts[i]) + 1);
  return g_strconcat ("certificates-", g_checksum_get_string (checksum), ".json", NULL);
}

/* In a worker thread: the file parsed, or %NULL with no error when there
 * is none yet. */
JsonNode *
att_certificate_records_io_read (const char *path,
                                 GError    **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return att_json_parse (contents, (gssize) length, error);
}

/* Each certificate object of @root that has an `_id`; %NULL when the file
 * comes from a newer Attest, which this one must not overwrite. */
GPtrArray *
att_certificate_records_from_json (JsonNode *root)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonArray  *certificates;

  if (object == NULL)
    return g_steal_pointer (&records);
  if (att_json_get_int (object, "version", NULL, FALSE, 0, NULL) > ATT_CERTIFICATE_RECORDS_FORMAT_VERSION)
    return NULL;

  certificates = att_json_get_array (object, "certificates", NULL, FALSE, NULL);
  for (guint i = 0; certificates != NULL && i < json_array_get_length (certificates); i++)
    {
      JsonNode   *node = json_array_get_element (certificates, i);
      JsonObject *certificate = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (certificate != NULL && att_json_get_string (certificate, "_id", NULL, TRUE, NULL) != NULL)
        g_ptr_array_add (records, json_object_ref (certificate));
    }
  return g_steal_pointer (&records);
}

/* On the main thread, where the objects live: the file's contents. */
GBytes *
att_certificate_records_to_bytes (GPtrArray  *records,
                                  const char *account_id,
                                  const char *base_url)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  JsonArray *certificates = json_array_sized_new (records->len);

  json_object_set_int_member (root, "version", ATT_CERTIFICATE_RECORDS_FORMAT_VERSION);
  att_json_object_set_string (root, "accountId", account_id);
  att_json_object_set_string (root, "baseUrl", base_url);
  for (guint i = 0; i < records->len; i++)
    json_array_add_object_element (certificates, json_object_ref (g_ptr_array_index (records, i)));
  json_object_set_array_member (root, "certificates", certificates);
  node = json_node_init_object (json_node_alloc (), root);
  return att_http_json_to_bytes (node);
}
