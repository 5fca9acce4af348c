/* att-http.c: the JSON-over-HTTP pipeline shared by every API client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-error.h"
#include "att-http.h"

/**
 * AttHttp:
 *
 * One #SoupSession shared by every API client, and the rules for talking
 * JSON to a remote API: plain `http://` only on loopback, a deadline per
 * attempt, retries with exponential backoff only where a repeat is safe,
 * and every failure mapped to %ATT_API_ERROR with the HTTP status, the
 * server's per-field problems and Retry-After attached.
 *
 * The debug log names the method, the URL path, the status, the time taken
 * and the attempt; it never prints a header value or a body, because either
 * may carry an API key or a request token.
 */

#define DEFAULT_TIMEOUT_SECONDS     30
#define DEFAULT_MAX_RETRIES         2
#define DEFAULT_BASE_DELAY_MS       500
#define MAX_RETRY_DELAY_SECONDS     30
#define MAX_BACKOFF_SHIFT           16
#define MAX_SERVER_MESSAGE_CHARS    200
#define MAX_FIELD_ERRORS            100
#define MAX_FIELD_ERRORS_IN_MESSAGE 3

/* Parsing JSON costs about 16 ms per MB here (a page of 100 sandbox
 * products is 0.9 MB and takes 14 ms, most of a 60 Hz frame), so bodies
 * above this size are parsed in a worker thread; below it, parsing takes
 * about a millisecond, less than handing it over. */
#define PARSE_IN_THREAD_MIN_BYTES   (64 * 1024)

/* libsoup 3.2 has no name for it. */
#define HTTP_TOO_MANY_REQUESTS      429

/* -Wpedantic forbids turning a function pointer straight into a gpointer. */
#define SOURCE_TAG(f) ((gpointer) (guintptr) (f))

struct _AttHttp
{
  GObject      parent_instance;

  SoupSession *session;
  guint        timeout;
  guint        max_retries;
  guint        base_delay_ms;
};

G_DEFINE_FINAL_TYPE (AttHttp, att_http, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_TIMEOUT,
  PROP_MAX_RETRIES,
  PROP_RETRY_BASE_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The state of one call of att_http_send_json_async(), across attempts. */
typedef struct
{
  char               *method;
  GUri               *uri;
  GBytes             *body;
  SoupMessageHeaders *extra_headers;
  gboolean            idempotent;

  /* A snapshot of the policy, so that changing it does not affect a request
   * that is already running. */
  guint               timeout;
  guint               max_retries;
  guint               base_delay_ms;

  guint               attempt;           /* 1-based, the attempt running or just done */
  gint64              attempt_start_us;
  SoupMessage        *message;           /* of the running attempt */
  GCancellable       *attempt_cancellable;
  gboolean            timed_out;

  GSource            *cancel_source;     /* watches the caller's cancellable */
  GSource            *deadline_source;   /* ends the running attempt */
  GSource            *wait_source;       /* the backoff before the next attempt */

  GBytes             *response;          /* a large body, for the parsing thread */
  guint               status;
  JsonNode           *error_body;        /* of the last HTTP error answer, if JSON */
} Request;

static void start_attempt (GTask *task);

static void
clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

static void
request_free (Request *request)
{
  clear_source (&request->cancel_source);
  clear_source (&request->deadline_source);
  clear_source (&request->wait_source);
  if (request->attempt_cancellable != NULL)
    g_cancellable_cancel (request->attempt_cancellable);
  g_clear_object (&request->attempt_cancellable);
  g_clear_object (&request->message);
  g_clear_pointer (&request->response, g_bytes_unref);
  g_clear_pointer (&request->error_body, json_node_unref);
  g_clear_pointer (&request->extra_headers, soup_message_headers_unref);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_pointer (&request->uri, g_uri_unref);
  g_free (request->method);
  g_free (request);
}

static const char *
request_path (Request *request)
{
  const char *path = g_uri_get_path (request->uri);

  return path != NULL && *path != '\0' ? path : "/";
}

static const char *
api_error_code_name (int code)
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

static GError *
api_error_new (AttApiError  code,
               guint        http_status,
               GPtrArray   *field_errors,
               gint64       retry_after,
               const char  *message)
{
  GError *error = g_error_new_literal (ATT_API_ERROR, code, message);

  att_api_error_set_details (error, http_status, field_errors, retry_after);
  return error;
}

/* Plain http:// would expose API keys and product data on the network, so
 * it is allowed only to a loopback address, where the sandbox lives. */
static gboolean
check_uri_is_allowed (GUri    *uri,
                      GError **error)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL || *host == '\0')
    {
      g_propagate_error (error,
                         api_error_new (ATT_API_ERROR_NETWORK, 0, NULL, -1,
                                        _("The server address has no host name")));
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("Addresses starting with “%s:” are not supported"), scheme);

      g_propagate_error (error,
                         api_error_new (ATT_API_ERROR_INSECURE, 0, NULL, -1, message));
      return FALSE;
    }

  if (g_ascii_strcasecmp (host, "localhost") == 0 ||
      g_ascii_strcasecmp (host, "localhost.") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  if (address != NULL && g_inet_address_get_is_loopback (address))
    return TRUE;

  g_propagate_error (error,
                     api_error_new (ATT_API_ERROR_INSECURE, 0, NULL, -1,
                                    _("Refusing to send data over an unencrypted connection: "
                                      "use an https:// address")));
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
  char *p;

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
                                        clean_message != NULL ? clean_message : _("Invalid value")));
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
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *object;
          g_autofree char *path = NULL;
          const char *message;

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
      const char *member;
      JsonNode *value;

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
read_error_body (GBytes     *bytes,
                 char      **server_message,
                 GPtrArray  *field_errors,
                 JsonNode  **out_root)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gconstpointer data;
  gsize size = 0;
  JsonNode *root;
  JsonObject *object;
  const char *message;

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
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint64 number;
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

static GError *
status_error_new (SoupMessage  *message,
                  GBytes       *bytes,
                  JsonNode    **out_body)
{
  guint status = soup_message_get_status (message);
  g_autoptr(GPtrArray) field_errors = att_field_error_array_new ();
  g_autofree char *server_message = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;
  AttApiError code;
  gint64 retry_after;

  read_error_body (bytes, &server_message, field_errors, out_body);
  retry_after = parse_retry_after (soup_message_get_response_headers (message));

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      code = ATT_API_ERROR_UNAUTHORIZED;
      summary = g_strdup (_("The server did not accept the credentials"));
      break;

    case SOUP_STATUS_FORBIDDEN:
      code = ATT_API_ERROR_FORBIDDEN;
      summary = g_strdup (_("The account is not allowed to do this"));
      break;

    case SOUP_STATUS_NOT_FOUND:
    case SOUP_STATUS_GONE:
      code = ATT_API_ERROR_NOT_FOUND;
      summary = g_strdup (_("The item was not found on the server"));
      break;

    case SOUP_STATUS_CONFLICT:
      code = ATT_API_ERROR_CONFLICT;
      summary = g_strdup (_("The change conflicts with the data on the server"));
      break;

    case SOUP_STATUS_REQUEST_TIMEOUT:
      code = ATT_API_ERROR_TIMEOUT;
      summary = g_strdup (_("The server did not answer in time"));
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
        summary = g_strdup (_("Too many requests: try again later"));
      break;

    default:
      if (status >= 500 && status < 600)
        {
          code = ATT_API_ERROR_SERVER;
          summary = g_strdup_printf (_("The server had a problem (HTTP %u)"), status);
        }
      else if (status >= 400 && status < 500)
        {
          code = ATT_API_ERROR_VALIDATION;
          if (field_errors->len > 0)
            {
              g_autofree char *fields = format_field_errors (field_errors);

              /* The per-field problems say more than the server's summary. */
              g_clear_pointer (&server_message, g_free);
              summary = g_strdup_printf (_("The server rejected the request: %s"), fields);
            }
          else if (server_message != NULL)
            summary = g_strdup_printf (_("The server rejected the request: %s"),
                                       server_message);
          else
            summary = g_strdup_printf (_("The server rejected the request (HTTP %u)"), status);
          g_clear_pointer (&server_message, g_free);
        }
      else if (status >= 300 && status < 400)
        {
          /* Redirects are not followed: they could move an API key to
           * another host or to plain http. */
          code = ATT_API_ERROR_BAD_RESPONSE;
          summary = g_strdup_printf (_("The server redirected the request elsewhere (HTTP %u)"),
                                     status);
        }
      else
        {
          code = ATT_API_ERROR_BAD_RESPONSE;
          summary = g_strdup_printf (_("Unexpected answer from the server (HTTP %u)"), status);
        }
      break;
    }

  if (server_message != NULL)
    /* Translators: an error summary, then the server's own explanation. */
    text = g_strdup_printf (_("%s: %s"), summary, server_message);
  else
    text = g_steal_pointer (&summary);

  return api_error_new (code, status, field_errors->len > 0 ? field_errors : NULL,
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

static GError *
transport_error_new (const GError *error,
                     gboolean      timed_out)
{
  g_autofree char *text = NULL;
  AttApiError code = ATT_API_ERROR_NETWORK;

  if (timed_out || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      code = ATT_API_ERROR_TIMEOUT;
      text = g_strdup (_("The server did not answer in time"));
    }
  else if (error->domain == G_RESOLVER_ERROR)
    text = g_strdup_printf (_("Could not find the server: %s"), error->message);
  else if (is_tls_error (error))
    {
      code = ATT_API_ERROR_TLS;
      text = g_strdup_printf (_("Could not establish a secure connection: %s"), error->message);
    }
  else if (error->domain == SOUP_SESSION_ERROR &&
           error->code != SOUP_SESSION_ERROR_MESSAGE_ALREADY_IN_QUEUE)
    {
      code = ATT_API_ERROR_BAD_RESPONSE;
      text = g_strdup_printf (_("The server sent an answer that could not be read: %s"),
                              error->message);
    }
  else
    text = g_strdup_printf (_("Could not connect to the server: %s"), error->message);

  return api_error_new (code, 0, NULL, -1, text);
}

static JsonNode *
parse_success_body (GBytes  *bytes,
                    guint    status,
                    GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  gconstpointer data = NULL;
  gsize size = 0;
  JsonNode *root;

  if (bytes != NULL)
    data = g_bytes_get_data (bytes, &size);

  /* 204 No Content and empty bodies are a valid, if unusual, answer. */
  if (size == 0)
    return json_node_new (JSON_NODE_NULL);

  if (size > G_MAXSSIZE ||
      !json_parser_load_from_data (parser, data, (gssize) size, &parse_error))
    {
      g_propagate_error (error,
                         api_error_new (ATT_API_ERROR_BAD_RESPONSE, status, NULL, -1,
                                        _("The server sent an answer that is not valid JSON")));
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    return json_node_new (JSON_NODE_NULL);

  return root;
}

/* Runs in a worker thread. The JSON tree is handed back whole: json-glib
 * reference counts are not atomic, so no two threads may hold it at once,
 * and this thread drops every reference it had before returning. */
static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(GBytes) bytes = g_steal_pointer (&request->response);
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  node = parse_success_body (bytes, request->status, &error);
  if (node != NULL)
    g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* --- Attempts and retries ---------------------------------------------- */

static gboolean
on_wait_done (gpointer user_data)
{
  g_autoptr(GTask) task = g_object_ref (user_data);
  Request *request = g_task_get_task_data (task);

  clear_source (&request->wait_source);

  if (!g_task_return_error_if_cancelled (task))
    start_attempt (task);

  return G_SOURCE_REMOVE;
}

static guint
compute_backoff_ms (Request *request)
{
  guint shift = MIN (request->attempt - 1, MAX_BACKOFF_SHIFT);
  guint64 delay = (guint64) request->base_delay_ms << shift;
  guint64 jitter;

  delay = MIN (delay, (guint64) MAX_RETRY_DELAY_SECONDS * 1000);

  /* Jitter spreads the retries of many clients that failed together. */
  jitter = g_random_int_range (0, (gint32) (delay / 2) + 1);

  return (guint) MIN (delay + jitter, (guint64) MAX_RETRY_DELAY_SECONDS * 1000);
}

/* Decides whether the failed attempt may be repeated, and after how long.
 * Only idempotent requests are repeated: a create that timed out may have
 * been stored, and sending it again would store it twice. */
static gboolean
should_retry (Request      *request,
              const GError *error,
              guint        *delay_ms)
{
  guint status = att_api_error_get_http_status (error);
  gint64 retry_after = att_api_error_get_retry_after (error);
  gboolean retryable;

  if (!request->idempotent || request->attempt > request->max_retries)
    return FALSE;

  retryable = g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_NETWORK) ||
              g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_TIMEOUT) ||
              status == SOUP_STATUS_BAD_GATEWAY ||
              status == SOUP_STATUS_SERVICE_UNAVAILABLE ||
              status == SOUP_STATUS_GATEWAY_TIMEOUT ||
              status == HTTP_TOO_MANY_REQUESTS;
  if (!retryable)
    return FALSE;

  if (retry_after >= 0 &&
      (status == HTTP_TOO_MANY_REQUESTS || status == SOUP_STATUS_SERVICE_UNAVAILABLE))
    {
      /* A long wait is the user's decision, not a silent stall: give up and
       * let the error carry Retry-After. */
      if (retry_after > MAX_RETRY_DELAY_SECONDS)
        return FALSE;
      *delay_ms = (guint) retry_after * 1000;
    }
  else
    *delay_ms = compute_backoff_ms (request);

  return TRUE;
}

static void
on_sent (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(SoupMessage) message = g_steal_pointer (&request->message);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) api_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 elapsed_ms;
  guint status = 0;
  guint delay_ms = 0;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source_object), result, &local_error);
  elapsed_ms = (g_get_monotonic_time () - request->attempt_start_us) / 1000;
  clear_source (&request->deadline_source);
  g_clear_object (&request->attempt_cancellable);

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !request->timed_out)
        {
          g_debug ("%s %s: cancelled after %" G_GINT64_FORMAT " ms (attempt %u)",
                   request->method, request_path (request), elapsed_ms, request->attempt);
          g_task_return_error (task, g_steal_pointer (&local_error));
          return;
        }

      api_error = transport_error_new (local_error, request->timed_out);
      g_debug ("%s %s: %s (%s) after %" G_GINT64_FORMAT " ms (attempt %u)",
               request->method, request_path (request),
               api_error_code_name (api_error->code), local_error->message,
               elapsed_ms, request->attempt);
    }
  else
    {
      status = soup_message_get_status (message);
      g_debug ("%s %s: HTTP %u in %" G_GINT64_FORMAT " ms (attempt %u)",
               request->method, request_path (request), status, elapsed_ms, request->attempt);

      if (SOUP_STATUS_IS_SUCCESSFUL (status) &&
          bytes != NULL && g_bytes_get_size (bytes) >= PARSE_IN_THREAD_MIN_BYTES)
        {
          /* Nothing else touches the request until the thread is done: the
           * attempt is over and no retry follows a 2xx. */
          request->response = g_steal_pointer (&bytes);
          request->status = status;
          g_task_run_in_thread (task, parse_in_thread);
          return;
        }

      if (SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          JsonNode *node = parse_success_body (bytes, status, &api_error);

          if (node != NULL)
            {
              g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
              return;
            }
        }
      else
        {
          g_clear_pointer (&request->error_body, json_node_unref);
          api_error = status_error_new (message, bytes, &request->error_body);
        }
    }

  /* A caller who cancelled while this attempt was failing (say, at its
   * deadline) wants no retry. */
  if (g_task_return_error_if_cancelled (task))
    return;

  if (should_retry (request, api_error, &delay_ms))
    {
      g_debug ("%s %s: %s, retrying in %u ms",
               request->method, request_path (request),
               api_error_code_name (api_error->code), delay_ms);
      request->wait_source = g_timeout_source_new (delay_ms);
      g_source_set_callback (request->wait_source, on_wait_done,
                             g_object_ref (task), g_object_unref);
      g_source_attach (request->wait_source, g_task_get_context (task));
      return;
    }

  g_task_return_error (task, g_steal_pointer (&api_error));
}

static gboolean
on_deadline (gpointer user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);

  /* on_sent() sees the cancellation and reports a timeout. */
  request->timed_out = TRUE;
  if (request->attempt_cancellable != NULL)
    g_cancellable_cancel (request->attempt_cancellable);
  clear_source (&request->deadline_source);

  return G_SOURCE_REMOVE;
}

static gboolean
on_caller_cancelled (GCancellable *cancellable,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = g_object_ref (user_data);
  Request *request = g_task_get_task_data (task);

  clear_source (&request->cancel_source);

  if (request->attempt_cancellable != NULL)
    {
      /* on_sent() returns G_IO_ERROR_CANCELLED. */
      g_cancellable_cancel (request->attempt_cancellable);
    }
  else if (request->wait_source != NULL)
    {
      clear_source (&request->wait_source);
      g_task_return_error_if_cancelled (task);
    }

  return G_SOURCE_REMOVE;
}

static void
copy_header (const char *name,
             const char *value,
             gpointer    user_data)
{
  soup_message_headers_replace (user_data, name, value);
}

static void
start_attempt (GTask *task)
{
  AttHttp *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_assert (request->message == NULL);
  g_assert (request->attempt_cancellable == NULL);

  /* A fresh message per attempt: a SoupMessage is not meant to be sent twice. */
  request->attempt++;
  g_clear_pointer (&request->error_body, json_node_unref);
  request->message = soup_message_new_from_uri (request->method, request->uri);
  soup_message_add_flags (request->message, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (request->message);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (request->extra_headers != NULL)
    soup_message_headers_foreach (request->extra_headers, copy_header, headers);
  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (request->message, "application/json", request->body);

  request->timed_out = FALSE;
  request->attempt_cancellable = g_cancellable_new ();
  request->attempt_start_us = g_get_monotonic_time ();

  /* The session's own timeout only covers a stalled socket; this deadline
   * bounds the whole attempt, connection included. */
  if (request->timeout > 0)
    {
      request->deadline_source = g_timeout_source_new ((guint) MIN ((guint64) request->timeout * 1000,
                                                                    G_MAXUINT));
      g_source_set_callback (request->deadline_source, on_deadline, task, NULL);
      g_source_attach (request->deadline_source, g_task_get_context (task));
    }

  soup_session_send_and_read_async (self->session,
                                    request->message,
                                    G_PRIORITY_DEFAULT,
                                    request->attempt_cancellable,
                                    on_sent,
                                    g_object_ref (task));
}

/* --- GObject ----------------------------------------------------------- */

static void
att_http_dispose (GObject *object)
{
  AttHttp *self = (AttHttp *) object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (att_http_parent_class)->dispose (object);
}

static void
att_http_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AttHttp *self = ATT_HTTP (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    case PROP_MAX_RETRIES:
      g_value_set_uint (value, self->max_retries);
      break;

    case PROP_RETRY_BASE_DELAY:
      g_value_set_uint (value, self->base_delay_ms);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_http_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  AttHttp *self = ATT_HTTP (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      att_http_set_timeout (self, g_value_get_uint (value));
      break;

    case PROP_MAX_RETRIES:
      att_http_set_retry_policy (self, g_value_get_uint (value), self->base_delay_ms);
      break;

    case PROP_RETRY_BASE_DELAY:
      att_http_set_retry_policy (self, self->max_retries, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_http_class_init (AttHttpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = att_http_dispose;
  object_class->get_property = att_http_get_property;
  object_class->set_property = att_http_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         SOUP_TYPE_SESSION,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * AttHttp:timeout:
   *
   * Seconds an attempt may take, connection included; 0 for no limit.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_TIMEOUT_SECONDS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MAX_RETRIES] =
    g_param_spec_uint ("max-retries", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_MAX_RETRIES,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AttHttp:retry-base-delay:
   *
   * Milliseconds before the first retry; each further retry waits twice as
   * long, plus jitter.
   */
  properties[PROP_RETRY_BASE_DELAY] =
    g_param_spec_uint ("retry-base-delay", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_BASE_DELAY_MS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_http_init (AttHttp *self)
{
  g_autofree char *user_agent = g_strdup_printf ("Attest/%s", PACKAGE_VERSION);

  self->timeout = DEFAULT_TIMEOUT_SECONDS;
  self->max_retries = DEFAULT_MAX_RETRIES;
  self->base_delay_ms = DEFAULT_BASE_DELAY_MS;
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "timeout", self->timeout,
                                                 "max-conns-per-host", 4,
                                                 NULL);
}

/**
 * att_http_new:
 *
 * Returns: (transfer full): a new pipeline with its own #SoupSession
 */
AttHttp *
att_http_new (void)
{
  return g_object_new (ATT_TYPE_HTTP, NULL);
}

/**
 * att_http_get_session:
 *
 * Returns: (transfer none): the shared session
 */
SoupSession *
att_http_get_session (AttHttp *self)
{
  g_return_val_if_fail (ATT_IS_HTTP (self), NULL);

  return self->session;
}

guint
att_http_get_timeout (AttHttp *self)
{
  g_return_val_if_fail (ATT_IS_HTTP (self), 0);

  return self->timeout;
}

/**
 * att_http_set_timeout:
 * @seconds: the limit for each attempt, or 0 for none
 *
 * Sets how long one attempt may take before it fails with
 * %ATT_API_ERROR_TIMEOUT. The default is 30 seconds.
 */
void
att_http_set_timeout (AttHttp *self,
                      guint    seconds)
{
  g_return_if_fail (ATT_IS_HTTP (self));

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  soup_session_set_timeout (self->session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/**
 * att_http_set_retry_policy:
 * @max_retries: how many times an idempotent request may be repeated
 * @base_delay_ms: the wait before the first repeat; it doubles each time
 *
 * The default is 2 retries starting at 500 ms. Only requests sent with
 * @idempotent set are ever repeated, and only after a network failure, a
 * timeout, or HTTP 429, 502, 503 or 504.
 */
void
att_http_set_retry_policy (AttHttp *self,
                           guint    max_retries,
                           guint    base_delay_ms)
{
  g_return_if_fail (ATT_IS_HTTP (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->max_retries != max_retries)
    {
      self->max_retries = max_retries;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_RETRIES]);
    }

  if (self->base_delay_ms != base_delay_ms)
    {
      self->base_delay_ms = base_delay_ms;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_BASE_DELAY]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * att_http_send_json_async:
 * @method: an HTTP method, e.g. %SOUP_METHOD_POST
 * @url: an absolute `https://` URL, or `http://` on loopback
 * @body: (nullable): the JSON body to send
 * @extra_headers: (nullable): headers to add to every attempt, e.g. for
 *   authentication; their values are never logged
 * @idempotent: whether repeating the request is harmless, which allows
 *   retries
 *
 * Sends @body as JSON and reads the answer as JSON. Failures are reported in
 * the %ATT_API_ERROR domain, with att_api_error_get_http_status() and
 * friends; cancellation as %G_IO_ERROR_CANCELLED.
 */
void
att_http_send_json_async (AttHttp             *self,
                          const char          *method,
                          const char          *url,
                          JsonNode            *body,
                          SoupMessageHeaders  *extra_headers,
                          gboolean             idempotent,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  Request *request;

  g_return_if_fail (ATT_IS_HTTP (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, SOURCE_TAG (att_http_send_json_async));

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL)
    {
      g_task_return_new_error (task, ATT_API_ERROR, ATT_API_ERROR_NETWORK,
                               _("The server address is not valid"));
      return;
    }

  if (!check_uri_is_allowed (uri, &error))
    {
      g_debug ("%s %s: refused (%s)", method, g_uri_get_path (uri),
               api_error_code_name (error->code));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  request = g_new0 (Request, 1);
  request->method = g_strdup (method);
  request->uri = g_steal_pointer (&uri);
  request->idempotent = idempotent;
  request->timeout = self->timeout;
  request->max_retries = self->max_retries;
  request->base_delay_ms = self->base_delay_ms;
  if (extra_headers != NULL)
    request->extra_headers = soup_message_headers_ref (extra_headers);
  if (body != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      gsize length = 0;
      char *data;

      json_generator_set_root (generator, body);
      data = json_generator_to_data (generator, &length);
      request->body = g_bytes_new_take (data, length);
    }
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (cancellable != NULL)
    {
      request->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (request->cancel_source, G_SOURCE_FUNC (on_caller_cancelled),
                             task, NULL);
      g_source_attach (request->cancel_source, g_task_get_context (task));
    }

  start_attempt (task);
}

/**
 * att_http_send_json_finish:
 *
 * Returns: (transfer full): the parsed answer, sealed (immutable: copy it
 *   to change it); a %JSON_NODE_NULL node for an empty body; or %NULL with
 *   @error set
 */
JsonNode *
att_http_send_json_finish (AttHttp       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (ATT_IS_HTTP (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == SOURCE_TAG (att_http_send_json_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * att_http_send_json_finish_full:
 * @error_body: (out) (optional) (nullable) (transfer full): the JSON body of
 *   the server's error answer, or %NULL
 *
 * Like att_http_send_json_finish(), and on an HTTP error also gives the
 * server's JSON answer, for callers that understand more of it than the
 * generic error does (say, which credential a 401 is about).  The body is
 * the server's: check every member before believing it.
 *
 * Returns: (transfer full): as att_http_send_json_finish()
 */
JsonNode *
att_http_send_json_finish_full (AttHttp       *self,
                                GAsyncResult  *result,
                                JsonNode     **error_body,
                                GError       **error)
{
  JsonNode *node;

  g_return_val_if_fail (ATT_IS_HTTP (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == SOURCE_TAG (att_http_send_json_async), NULL);

  node = g_task_propagate_pointer (G_TASK (result), error);

  if (error_body != NULL)
    {
      Request *request = g_task_get_task_data (G_TASK (result));

      *error_body = NULL;
      if (node == NULL && request != NULL && request->error_body != NULL)
        *error_body = json_node_ref (request->error_body);
    }

  return node;
}
