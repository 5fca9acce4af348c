/* att-certificate-files.c: a certificate's files, base64 images or links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The API sends `certificationFiles` as base64 (api-higg.md §2.3), but
 * whether PM search answers with base64 or with URLs is not documented
 * (§4.1), so each string is taken as it comes: a link (`http://`,
 * `https://`) is shown as a link, a `data:` URL or plain base64 is decoded
 * when it is shown.  The strings stay in the certificate's JSON: a file can
 * be tens of megabytes, not to be copied for nothing. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "att-certificate-private.h"
#include "att-error.h"
#include "att-json.h"

gboolean
att_certificate_read_files (AttCertificate *self,
                            const char     *path,
                            GError        **error)
{
  g_autofree char *array_path = att_json_path_member (path, "certificationFiles");
  GError          *local_error = NULL;
  JsonArray       *array;

  array = att_json_get_array (self->json, "certificationFiles", path, FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_NULL (element))
        continue;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_autofree char *element_path = att_json_path_index (array_path, i);

          att_json_set_error (error, element_path, _ ("expected a string"));
          return FALSE;
        }
      g_ptr_array_add (self->files, (gpointer) json_node_get_string (element));
    }

  return TRUE;
}

/**
 * att_certificate_get_n_files:
 *
 * Returns: how many `certificationFiles` the certificate has
 */
guint
att_certificate_get_n_files (AttCertificate *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), 0);

  return self->files->len;
}

/**
 * att_certificate_get_file:
 * @index: less than att_certificate_get_n_files()
 *
 * Returns: (transfer none): the file as the server sent it: base64, a
 *   `data:` URL, or a link (see att_certificate_file_is_url()); or an empty
 *   string for a large file in the answer to a create or update, which
 *   echoes the files sent and whose copy of them is not kept
 */
const char *
att_certificate_get_file (AttCertificate *self,
                          guint           index)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), NULL);
  g_return_val_if_fail (index < self->files->len, NULL);

  return g_ptr_array_index (self->files, index);
}

/**
 * att_certificate_file_is_url:
 * @index: less than att_certificate_get_n_files()
 *
 * Returns: whether the file is a link to where the image is (`http://` or
 *   `https://`) rather than the image itself
 */
gboolean
att_certificate_file_is_url (AttCertificate *self,
                             guint           index)
{
  const char *file;

  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), FALSE);
  g_return_val_if_fail (index < self->files->len, FALSE);

  file = g_ptr_array_index (self->files, index);
  return g_ascii_strncasecmp (file, "http://", 7) == 0 ||
         g_ascii_strncasecmp (file, "https://", 8) == 0;
}

/* The base64 of a `data:...;base64,` URL, or @file itself. */
static const char *
skip_data_url (const char *file)
{
  const char *comma;

  if (g_ascii_strncasecmp (file, "data:", 5) != 0)
    return file;

  comma = strchr (file, ',');
  return comma != NULL ? comma + 1 : file;
}

/* Base64 as RFC 4648 writes it, line breaks allowed: what a server may
 * send, whatever it was sent. */
static gboolean
is_base64 (const char *text)
{
  gsize n_chars = 0;
  gsize padding = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r' || *p == '\n' || *p == ' ')
        continue;
      if (*p == '=')
        padding++;
      else if (padding > 0 || !(g_ascii_isalnum (*p) || *p == '+' || *p == '/'))
        return FALSE;
      n_chars++;
    }

  return n_chars % 4 == 0 && padding <= 2;
}

/**
 * att_certificate_decode_file:
 * @index: less than att_certificate_get_n_files()
 *
 * Decodes a file sent as base64 or as a `data:` URL.  A large file takes a
 * while: call this in a worker thread (it only reads @self).
 *
 * Returns: (transfer full): the file's bytes, or %NULL with
 *   %G_IO_ERROR_NOT_SUPPORTED for a link, %G_IO_ERROR_NOT_FOUND for an
 *   empty string (an answer's echo of a large file, dropped), or
 *   %ATT_API_ERROR_BAD_RESPONSE for text that is not base64
 */
GBytes *
att_certificate_decode_file (AttCertificate *self,
                             guint           index,
                             GError        **error)
{
  const char *base64;
  guchar     *data;
  gsize       length;
  int         state = 0;
  guint       save = 0;

  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), NULL);
  g_return_val_if_fail (index < self->files->len, NULL);

  if (att_certificate_file_is_url (self, index))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _ ("The file is a link to where the image is, not the image itself"));
      return NULL;
    }

  base64 = skip_data_url (g_ptr_array_index (self->files, index));
  if (*base64 == '\0')
    {
      /* An answer's echo of a large upload is dropped as it arrives
       * (ATT_HTTP_SEND_SKIP_LONG_STRINGS): the image is on the server. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _ ("Attest has no copy of this image: it is shown once the certificate is read from a product "
                      "it covers"));
      return NULL;
    }
  if (!is_base64 (base64))
    {
      g_set_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE,
                   _ ("The server sent a certificate file that is not valid base64"));
      return NULL;
    }

  length = strlen (base64);
  data = g_malloc (length / 4 * 3 + 3);
  length = g_base64_decode_step (base64, length, data, &state, &save);
  return g_bytes_new_take (g_realloc (data, length), length);
}
