/* att-http-errors.c: how AttHttp reports failures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Everything that turns a failure into an %ATT_API_ERROR a user can read:
 * the refusal of plain http:// off loopback, the server's error answers
 * (its message, its per-field problems, Retry-After and the rate-limit
 * headers), transport failures (DNS, TLS, timeouts) and answers past the
 * size limit.  A server's text is cut short and put on one line before it
 * reaches a message. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-http-private.h"

#define MAX_SERVER_MESSAGE_CHARS    200
#define MAX_FIELD_ERRORS            100
#define MAX_FIELD_ERRORS_IN_MESSAGE 3

const char *
att_http_error_code_name (int code)
{
  switch ((AttApiError) code)
    {
    case ATT_API_ERROR_NETWORK: return "network";
    case ATT_API_ERROR_TIMEOUT: return "timeout";
    case ATT_API_ERROR_UNAUTHORIZED: return "unauthorized";
    case ATT_API_ERROR_FORBIDDEN: return "forbidden";
    case ATT_API_ERROR_NOT_FOUND: return "not-found";
    case ATT_API_ERROR_CONFLICT: return "conflict";
    case ATT_API_ERROR_VALIDATION: return "validation";
    case ATT_API_ERROR_RATE_LIMITED: return "rate-limited";
    case ATT_API_ERROR_SERVER: return "server";
    case ATT_API_ERROR_BAD_RESPONSE: return "bad-response";
    case ATT_API_ERROR_INSECURE: return "insecure";
    case ATT_API_ERROR_TLS: return "tls";
    default: return "unknown";
    }
}

GError *
att_http_api_error_new (AttApiError code,
                        guint       http_status,
                        GPtrArray  *field_errors,
                        gint64      retry_after,
                        const char *message)
{
  GError *error = g_error_new_literal (ATT_API_ERROR, code, message);

  att_api_error_set_details (error, http_status, field_errors, retry_after);
  return error;
}

/* Plain http:// would expose API keys and product data on the network, so
 * it is allowed only to a loopback address, where the sandbox lives. */
gboolean
att_http_check_uri_is_allowed (GUri    *uri,
                               GError **error)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL || *host == '\0')
    {
      g_propagate_error (error,
                         att_http_api_error_new (ATT_API_ERROR_NETWORK, 0, NULL, -1,
                                                 _ ("The server address has no host name")));
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_ ("Addresses starting with “%s:” are not supported"), scheme);

      g_propagate_error (error,
                         att_http_api_error_new (ATT_API_ERROR_INSECURE, 0, NULL, -1,
                                                 message));
      return FALSE;
    }

  if (g_ascii_strcasecmp (host, "localhost") == 0 ||
      g_ascii_strcasecmp (host, "localhost.") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  if (address != NULL && g_inet_address_get_is_loopback (address))
    return TRUE;

  g_propagate_error (error,
                     att_http_api_error_new (ATT_API_ERROR_INSECURE, 0, NULL, -1,
                                             _ ("Refusing to send data over an unencrypted "
                                                "connection: use an https:// address")));
  return FALSE;
}

/* --- Reading error bodies ---------------------------------------------- */

/* A server's text goes into a message a user reads: keep it short, on one
 * line, and never dump a whole body. */
static char *
sanitize_server_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *stripped = NULL;
  char            *p;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  for (p = valid; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        *p = ' ';
    }
  stripped = g_strdup (g_strstrip (valid));
  if (*stripped == '\0')
    return NULL;

  if (g_utf8_strlen (stripped, -1) > MAX_SERVER_MESSAGE_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (stripped, 0, MAX_SERVER_MESSAGE_CHARS);

      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&stripped);
}

/* A field path may be a string ("materials[0].netUse") or, as some
 * validation libraries send it, an array of keys and indexes. */
static char *
field_path_from_node (JsonNode *node)
{
  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return sanitize_server_text (json_node_get_string (node));

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) path = g_string_new (NULL);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *part = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (part))
            return NULL;

          if (json_node_get_value_type (part) == G_TYPE_INT64)
            g_string_append_printf (path, "[%" G_GINT64_FORMAT "]", json_node_get_int (part));
          else if (json_node_get_value_type (part) == G_TYPE_STRING)
            {
              if (path->len > 0)
                g_string_append_c (path, '.');
              g_string_append (path, json_node_get_string (part));
            }
          else
            return NULL;
        }

      return sanitize_server_text (path->str);
    }

  return NULL;
}

static const char *
object_get_string (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL &&
      JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

static void
add_field_error (GPtrArray  *field_errors,
                 const char *path,
                 const char *message)
{
  g_autofree char *clean_message = sanitize_server_text (message);

  if (field_errors->len >= MAX_FIELD_ERRORS)
    return;

  g_ptr_array_add (field_errors,
                   att_field_error_new (path != NULL ? path : "",
                                        clean_message != NULL ? clean_message : _ ("Invalid value")));
}

/* Reads `details` or `errors`: an array of {path|field, message} objects
 * (the sandbox and most JSON APIs), or an object mapping a field to a
 * message or to a list of messages. */
static void
collect_field_errors (JsonNode  *node,
                      GPtrArray *field_errors)
{
  if (node == NULL)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint      n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode        *element = json_array_get_element (array, i);
          JsonObject      *object;
          g_autofree char *path = NULL;
          const char      *message;

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING)
            {
              add_field_error (field_errors, NULL, json_node_get_string (element));
              continue;
            }

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;

          object = json_node_get_object (element);
          path = field_path_from_node (json_object_get_member (object, "path"));
          if (path == NULL)
            path = field_path_from_node (json_object_get_member (object, "field"));

          message = object_get_string (object, "message");
          if (message == NULL)
            message = object_get_string (object, "msg");

          add_field_error (field_errors, path, message);
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char    *member;
      JsonNode      *value;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &member, &value))
        {
          g_autofree char *path = sanitize_server_text (member);

          if (JSON_NODE_HOLDS_VALUE (value) &&
              json_node_get_value_type (value) == G_TYPE_STRING)
            add_field_error (field_errors, path, json_node_get_string (value));
          else if (JSON_NODE_HOLDS_ARRAY (value))
            {
              JsonArray *messages = json_node_get_array (value);

              for (guint i = 0; i < json_array_get_length (messages); i++)
                {
                  JsonNode *m = json_array_get_element (messages, i);

                  if (JSON_NODE_HOLDS_VALUE (m) && json_node_get_value_type (m) == G_TYPE_STRING)
                    add_field_error (field_errors, path, json_node_get_string (m));
                }
            }
        }
    }
}

static void
read_error_body (GBytes    *bytes,
                 char     **server_message,
                 GPtrArray *field_errors,
                 JsonNode **out_root)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gconstpointer data;
  gsize         size = 0;
  JsonNode     *root;
  JsonObject   *object;
  const char   *message;

  *server_message = NULL;

  if (bytes == NULL)
    return;

  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || size > G_MAXSSIZE ||
      !json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;

  *out_root = json_node_ref (root);
  object = json_node_get_object (root);
  message = object_get_string (object, "message");
  if (message == NULL)
    message = object_get_string (object, "detail");
  if (message == NULL)
    message = object_get_string (object, "error");
  *server_message = sanitize_server_text (message);

  collect_field_errors (json_object_get_member (object, "details"), field_errors);
  if (field_errors->len == 0)
    collect_field_errors (json_object_get_member (object, "errors"), field_errors);
}

/* Returns seconds from now, or -1 if unknown. */
static gint64
parse_delay_header (const char *value,
                    gboolean    allow_http_date,
                    gboolean    allow_epoch)
{
  gint64      now = g_get_real_time () / G_USEC_PER_SEC;
  guint64     number;
  const char *end = NULL;

  if (value == NULL)
    return -1;

  while (g_ascii_isspace (*value))
    value++;

  if (g_ascii_isdigit (*value))
    {
      number = g_ascii_strtoull (value, (char **) &end, 10);
      while (end != NULL && g_ascii_isspace (*end))
        end++;
      if (end == NULL || *end != '\0' || number > G_MAXINT32 * (guint64) 2)
        return -1;

      /* Some servers send the reset time as a Unix timestamp rather than
       * as a number of seconds; no real delay is anywhere near 10^9 s. */
      if (allow_epoch && number > 1000000000)
        return MAX ((gint64) number - now, 0);

      return MIN ((gint64) number, G_MAXINT32);
    }

  if (allow_http_date)
    {
      g_autoptr(GDateTime) date = soup_date_time_new_from_http_string (value);

      if (date != NULL)
        return MAX (g_date_time_to_unix (date) - now, 0);
    }

  return -1;
}

static gint64
parse_retry_after (SoupMessageHeaders *headers)
{
  gint64 seconds;

  seconds = parse_delay_header (soup_message_headers_get_one (headers, "Retry-After"), TRUE, FALSE);
  if (seconds < 0)
    seconds = parse_delay_header (soup_message_headers_get_one (headers, "RateLimit-Reset"), FALSE, TRUE);
  if (seconds < 0)
    seconds = parse_delay_header (soup_message_headers_get_one (headers, "X-RateLimit-Reset"), FALSE, TRUE);

  return seconds;
}

static char *
format_field_errors (GPtrArray *field_errors)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = MIN (field_errors->len, MAX_FIELD_ERRORS_IN_MESSAGE);

  for (guint i = 0; i < shown; i++)
    {
      const AttFieldError *field_error = g_ptr_array_index (field_errors, i);

      if (i > 0)
        g_string_append (text, "; ");
      if (field_error->path != NULL && *field_error->path != '\0')
        g_string_append_printf (text, "%s: %s", field_error->path, field_error->message);
      else
        g_string_append (text, field_error->message);
    }

  if (field_errors->len > shown)
    {
      guint more = field_errors->len - shown;

      g_string_append (text, " ");
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "(and %u more problem)",
                                           "(and %u more problems)",
                                           more),
                              more);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

GError *
att_http_status_error_new (SoupMessage *message,
                           GBytes      *bytes,
                           JsonNode   **out_body)
{
  guint status = soup_message_get_status (message);
  g_autoptr(GPtrArray) field_errors = att_field_error_array_new ();
  g_autofree char *server_message = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;
  AttApiError      code;
  gint64           retry_after;

  read_error_body (bytes, &server_message, field_errors, out_body);
  retry_after = parse_retry_after (soup_message_get_response_headers (message));

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      code = ATT_API_ERROR_UNAUTHORIZED;
      summary = g_strdup (_ ("The server did not accept the credentials"));
      break;

    case SOUP_STATUS_FORBIDDEN:
      code = ATT_API_ERROR_FORBIDDEN;
      summary = g_strdup (_ ("The account is not allowed to do this"));
      break;

    case SOUP_STATUS_NOT_FOUND:
    case SOUP_STATUS_GONE:
      code = ATT_API_ERROR_NOT_FOUND;
      summary = g_strdup (_ ("The item was not found on the server"));
      break;

    case SOUP_STATUS_CONFLICT:
      code = ATT_API_ERROR_CONFLICT;
      summary = g_strdup (_ ("The change conflicts with the data on the server"));
      break;

    case SOUP_STATUS_REQUEST_TIMEOUT:
      code = ATT_API_ERROR_TIMEOUT;
      summary = g_strdup (_ ("The server did not answer in time"));
      break;

    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      /* A validation problem (the same request will be refused again),
       * told apart so that the user knows to send less. */
      code = ATT_API_ERROR_VALIDATION;
      summary = g_strdup (_ ("The request is too large for the server"));
      break;

    case HTTP_TOO_MANY_REQUESTS:
      code = ATT_API_ERROR_RATE_LIMITED;
      if (retry_after >= 0)
        summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Too many requests: try again in %d second",
                                                "Too many requests: try again in %d seconds",
                                                (gulong) retry_after),
                                   (int) retry_after);
      else
        summary = g_strdup (_ ("Too many requests: try again later"));
      break;

    default:
      if (status >= 500 && status < 600)
        {
          code = ATT_API_ERROR_SERVER;
          summary = g_strdup_printf (_ ("The server had a problem (HTTP %u)"), status);
        }
      else if (status >= 400 && status < 500)
        {
          code = ATT_API_ERROR_VALIDATION;
          if (field_errors->len > 0)
            {
              g_autofree char *fields = format_field_errors (field_errors);

              /* The per-field problems say more than the server's summary. */
              g_clear_pointer (&server_message, g_free);
              summary = g_strdup_printf (_ ("The server rejected the request: %s"), fields);
            }
          else if (server_message != NULL)
            summary = g_strdup_printf (_ ("The server rejected the request: %s"),
                                       server_message);
          else
            summary = g_strdup_printf (_ ("The server rejected the request (HTTP %u)"), status);
          g_clear_pointer (&server_message, g_free);
        }
      else if (status >= 300 && status < 400)
        {
          /* Redirects are not followed: they could move an API key to
           * another host or to plain http. */
          code = ATT_API_ERROR_BAD_RESPONSE;
          summary = g_strdup_printf (_ ("The server redirected the request elsewhere (HTTP %u)"),
                                     status);
        }
      else
        {
          code = ATT_API_ERROR_BAD_RESPONSE;
          summary = g_strdup_printf (_ ("Unexpected answer from the server (HTTP %u)"), status);
        }
      break;
    }

  if (server_message != NULL)
    /* Translators: an error summary, then the server's own explanation. */
    text = g_strdup_printf (_ ("%s: %s"), summary, server_message);
  else
    text = g_steal_pointer (&summary);

  return att_http_api_error_new (code, status, field_errors->len > 0 ? field_errors : NULL,
                                 retry_after, text);
}

/* Whether the connection failed in the TLS layer: a certificate that is not
 * trusted (G_TLS_ERROR_BAD_CERTIFICATE), a failed handshake, or a peer that
 * does not speak TLS.  libsoup passes the errors of GTlsConnection on as
 * they are, so the domain tells them from plain network failures, which the
 * user fixes differently. */
static gboolean
is_tls_error (const GError *error)
{
  return error->domain == G_TLS_ERROR;
}

GError *
att_http_transport_error_new (const GError *error,
                              gboolean      timed_out)
{
  g_autofree char *text = NULL;
  AttApiError      code = ATT_API_ERROR_NETWORK;

  if (timed_out || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      code = ATT_API_ERROR_TIMEOUT;
      text = g_strdup (_ ("The server did not answer in time"));
    }
  else if (error->domain == G_RESOLVER_ERROR)
    text = g_strdup_printf (_ ("Could not find the server: %s"), error->message);
  else if (is_tls_error (error))
    {
      code = ATT_API_ERROR_TLS;
      text = g_strdup_printf (_ ("Could not establish a secure connection: %s"), error->message);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    /* Reset or closed once connected, say mid-upload: whatever was sent
     * may or may not have arrived. */
    text = g_strdup_printf (_ ("The connection to the server was lost: %s"), error->message);
  else if (error->domain == SOUP_SESSION_ERROR &&
           error->code != SOUP_SESSION_ERROR_MESSAGE_ALREADY_IN_QUEUE)
    {
      code = ATT_API_ERROR_BAD_RESPONSE;
      text = g_strdup_printf (_ ("The server sent an answer that could not be read: %s"),
                              error->message);
    }
  else
    text = g_strdup_printf (_ ("Could not connect to the server: %s"), error->message);

  return att_http_api_error_new (code, 0, NULL, -1, text);
}

GError *
att_http_too_large_error_new (guint   http_status,
                              guint64 max_size)
{
  g_autofree char *size = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);
  /* Translators: %s is a size, e.g. “64.0 MiB”. */
  g_autofree char *text = g_strdup_printf (_ ("The server’s answer is too large: over %s."), size);

  return att_http_api_error_new (ATT_API_ERROR_BAD_RESPONSE, http_status, NULL, -1, text);
}
