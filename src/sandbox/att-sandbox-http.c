/* att-sandbox-http.c: the sandbox's side of one HTTP message: reading
 * the request body (refusing one too large), answering JSON and errors,
 * and the request log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "att-error.h"

#include "att-sandbox-json.h"
#include "att-sandbox-private.h"

/* Bodies above this size are refused with 413. */
#define MAX_BODY_SIZE (10 * 1024 * 1024)

#define RECEIVED_KEY "att-sandbox-received"

/* Responses ------------------------------------------------------------------- */

void
_att_sandbox_log_request (SoupServerMessage *msg,
                          const char        *path,
                          guint              status,
                          gint64             started)
{
  /* Method, path, status and time only: header values (API keys, tokens)
   * are never logged. */
  g_debug ("%s %s -> %u (%.1f ms)",
           soup_server_message_get_method (msg), path, status,
           (g_get_monotonic_time () - started) / 1000.0);
}

void
_att_sandbox_respond_node (SoupServerMessage *msg,
                           guint              status,
                           JsonNode          *node)
{
  char *data = att_sandbox_json_to_string (node);

  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    data, strlen (data));
}

void
_att_sandbox_respond_error_full (SoupServerMessage *msg,
                                 guint              status,
                                 const char        *message,
                                 GPtrArray         *details,
                                 const char        *reason)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *body = json_object_new ();
  JsonArray  *array = json_array_new ();

  for (guint i = 0; details != NULL && i < details->len; i++)
    {
      const AttFieldError *field_error = g_ptr_array_index (details, i);
      JsonObject          *detail = json_object_new ();

      json_object_set_string_member (detail, "path", field_error->path);
      json_object_set_string_member (detail, "message", field_error->message);
      json_array_add_object_element (array, detail);
    }

  json_object_set_int_member (body, "statusCode", status);
  json_object_set_string_member (body, "error", soup_status_get_phrase (status));
  json_object_set_string_member (body, "message", message);
  json_object_set_array_member (body, "details", array);
  if (reason != NULL)
    json_object_set_string_member (body, "reason", reason);

  node = att_sandbox_json_node_take_object (body);
  _att_sandbox_respond_node (msg, status, node);
}

void
_att_sandbox_respond_error (SoupServerMessage *msg,
                            guint              status,
                            const char        *message,
                            GPtrArray         *details)
{
  _att_sandbox_respond_error_full (msg, status, message, details,
                                   status == SOUP_STATUS_UNAUTHORIZED ? "token" : NULL);
}

/* Requests -------------------------------------------------------------------- */

static gboolean
is_json_content_type (SoupServerMessage *msg)
{
  const char *type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg),
                                                            NULL);

  return type != NULL && g_ascii_strcasecmp (type, "application/json") == 0;
}

/* Reads the JSON object of a POST body, or answers 400 and returns NULL. */
JsonObject *
_att_sandbox_read_body (SoupServerMessage *msg)
{
  SoupMessageBody *request_body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize       size;
  JsonNode   *root;

  if (!is_json_content_type (msg))
    {
      _att_sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST,
                                  _ ("The Content-Type must be application/json"), NULL);
      return NULL;
    }

  bytes = soup_message_body_flatten (request_body);
  data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    {
      _att_sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST,
                                  _ ("The request body is empty"), NULL);
      return NULL;
    }

  if (!g_utf8_validate (data, (gssize) size, NULL))
    {
      _att_sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST,
                                  _ ("The request body is not valid UTF-8"), NULL);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, &error))
    {
      /* Translators: %s is the JSON parser's explanation. */
      g_autofree char *message = g_strdup_printf (_ ("The request body is not valid JSON: %s"),
                                                  error->message);

      _att_sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, message, NULL);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _att_sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST,
                                  _ ("The request body must be a JSON object"), NULL);
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  gsize received = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (msg), RECEIVED_KEY));

  received += g_bytes_get_size (chunk);
  g_object_set_data (G_OBJECT (msg), RECEIVED_KEY, GSIZE_TO_POINTER (received));

  if (received > MAX_BODY_SIZE && g_object_get_data (G_OBJECT (msg), TOO_LARGE_KEY) == NULL)
    {
      /* Keep reading (so the client gets its 413 rather than a broken
       * connection) but stop keeping what arrives. */
      g_object_set_data (G_OBJECT (msg), TOO_LARGE_KEY, GINT_TO_POINTER (TRUE));
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
    }
}

void
_att_sandbox_early_callback (SoupServer        *server,
                             SoupServerMessage *msg,
                             const char        *path,
                             GHashTable        *query,
                             gpointer           user_data)
{
  goffset length = soup_message_headers_get_content_length (soup_server_message_get_request_headers (msg));

  if (length > MAX_BODY_SIZE)
    {
      g_object_set_data (G_OBJECT (msg), TOO_LARGE_KEY, GINT_TO_POINTER (TRUE));
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
    }
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), NULL);
}
