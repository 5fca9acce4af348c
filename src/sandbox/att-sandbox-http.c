/* att-sandbox-http.c: the sandbox's side of one HTTP message: reading
 * the request body (refusing one too large), answering JSON and errors,
 * and the request log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The request body is collected here rather than by libsoup: its own
 * accumulation keeps every chunk and makes a flat copy on top when asked
 * for the whole, two copies of a body that, for a certificate, can be
 * 256 MiB.  This keeps one buffer, sized from Content-Length when there is
 * one, and drops it as soon as the JSON is parsed.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "att-error.h"
#include "att-file-type.h"

#include "att-sandbox-json.h"
#include "att-sandbox-private.h"

/* Bodies above this size are refused with 413, except those of the
 * certificate routes, which carry images (ATT_CERTIFICATE_MAX_REQUEST_SIZE). */
#define MAX_BODY_SIZE (10 * 1024 * 1024)

#define RECEIVED_KEY "att-sandbox-received"
#define BODY_KEY     "att-sandbox-body"
#define LIMIT_KEY    "att-sandbox-limit"

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

/**
 * _att_sandbox_body_limit:
 *
 * Returns: the largest request body accepted on @path, in bytes
 */
gsize
_att_sandbox_body_limit (const char *path)
{
  if (g_str_equal (path, "/certification-api/create") ||
      g_str_has_prefix (path, "/certification-api/update/"))
    return ATT_CERTIFICATE_MAX_REQUEST_SIZE;
  return MAX_BODY_SIZE;
}

/**
 * _att_sandbox_peek_body:
 * @out_size: (out): the size of the body
 *
 * Returns: (nullable): the request body received so far, still owned by
 *   @msg; %NULL when there is none (or it was too large, or was read)
 */
const char *
_att_sandbox_peek_body (SoupServerMessage *msg,
                        gsize             *out_size)
{
  GByteArray *body = g_object_get_data (G_OBJECT (msg), BODY_KEY);

  *out_size = body != NULL ? body->len : 0;
  return body != NULL ? (const char *) body->data : NULL;
}

/**
 * _att_sandbox_take_body:
 * @out_message: (out): why there is no body, when there is none
 *
 * Takes the JSON object of a request body; the body's buffer is freed once
 * parsed.  Without one (no JSON content type, empty, not UTF-8, not JSON,
 * not an object), returns %NULL and says why in @out_message: the caller
 * answers 400 in its API's shape.
 *
 * Returns: (transfer full) (nullable): the body
 */
JsonObject *
_att_sandbox_take_body (SoupServerMessage *msg,
                        char             **out_message)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize       size;
  JsonNode   *root;

  if (!is_json_content_type (msg))
    {
      *out_message = g_strdup (_ ("The Content-Type must be application/json"));
      return NULL;
    }

  bytes = g_object_steal_data (G_OBJECT (msg), BODY_KEY);
  data = bytes != NULL ? (const char *) bytes->data : NULL;
  size = bytes != NULL ? bytes->len : 0;

  if (size == 0)
    {
      *out_message = g_strdup (_ ("The request body is empty"));
      return NULL;
    }

  if (!g_utf8_validate (data, (gssize) size, NULL))
    {
      *out_message = g_strdup (_ ("The request body is not valid UTF-8"));
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, &error))
    {
      /* Translators: %s is the JSON parser's explanation. */
      *out_message = g_strdup_printf (_ ("The request body is not valid JSON: %s"), error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      *out_message = g_strdup (_ ("The request body must be a JSON object"));
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

/* Reads the JSON object of a POST body, or answers 400 and returns NULL. */
JsonObject *
_att_sandbox_read_body (SoupServerMessage *msg)
{
  g_autofree char *message = NULL;
  JsonObject      *body = _att_sandbox_take_body (msg, &message);

  if (body == NULL)
    _att_sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, message, NULL);
  return body;
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  GObject    *object = G_OBJECT (msg);
  gsize       received = GPOINTER_TO_SIZE (g_object_get_data (object, RECEIVED_KEY));
  gsize       limit = GPOINTER_TO_SIZE (g_object_get_data (object, LIMIT_KEY));
  GByteArray *body;

  received += g_bytes_get_size (chunk);
  g_object_set_data (object, RECEIVED_KEY, GSIZE_TO_POINTER (received));

  if (g_object_get_data (object, TOO_LARGE_KEY) != NULL)
    return;
  if (received > limit)
    {
      /* Keep reading (so the client gets its 413 rather than a broken
       * connection) but stop keeping what arrives. */
      g_object_set_data (object, TOO_LARGE_KEY, GINT_TO_POINTER (TRUE));
      g_object_set_data (object, BODY_KEY, NULL);
      return;
    }

  body = g_object_get_data (object, BODY_KEY);
  if (body == NULL)
    {
      body = g_byte_array_new ();
      g_object_set_data_full (object, BODY_KEY, body, (GDestroyNotify) g_byte_array_unref);
    }
  g_byte_array_append (body, g_bytes_get_data (chunk, NULL), (guint) g_bytes_get_size (chunk));
}

void
_att_sandbox_early_callback (SoupServer        *server,
                             SoupServerMessage *msg,
                             const char        *path,
                             GHashTable        *query,
                             gpointer           user_data)
{
  goffset length = soup_message_headers_get_content_length (soup_server_message_get_request_headers (msg));
  gsize   limit = _att_sandbox_body_limit (path);

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_object_set_data (G_OBJECT (msg), LIMIT_KEY, GSIZE_TO_POINTER (limit));

  if (length > 0 && (guint64) length > limit)
    g_object_set_data (G_OBJECT (msg), TOO_LARGE_KEY, GINT_TO_POINTER (TRUE));
  else if (length > 0)
    g_object_set_data_full (G_OBJECT (msg), BODY_KEY, g_byte_array_sized_new ((guint) length),
                            (GDestroyNotify) g_byte_array_unref);

  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), NULL);
}
