/* att-http.c: the JSON-over-HTTP pipeline shared by every API client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The GObject, its timeout, retry policy and size limit, and the public
 * calls.  One request across its attempts is in att-http-request.c; reading
 * a body within the limit, in att-http-body.c; how failures become
 * %ATT_API_ERROR, in att-http-errors.c. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-http-private.h"

/**
 * AttHttp:
 *
 * One #SoupSession shared by every API client, and the rules for talking
 * JSON to a remote API: plain `http://` only on loopback, a deadline per
 * attempt, retries with exponential backoff only where a repeat is safe, a
 * limit on the size of an answer, and every failure mapped to %ATT_API_ERROR with the HTTP status, the
 * server's per-field problems and Retry-After attached.
 *
 * The debug log names the method, the URL path, the status, the time taken
 * and the attempt; it never prints a header value or a body, because either
 * may carry an API key or a request token.
 */

#define DEFAULT_TIMEOUT_SECONDS 30
#define DEFAULT_MAX_RETRIES     2
#define DEFAULT_BASE_DELAY_MS   500

/* Far above any answer of the APIs (a page of 100 products is about 1 MB),
 * and far below what would hurt: a body is held whole in memory, then
 * parsed into a tree several times its size. */
#define DEFAULT_MAX_RESPONSE_SIZE (G_GUINT64_CONSTANT (64) * 1024 * 1024)

struct _AttHttp
{
  GObject      parent_instance;

  SoupSession *session;
  guint        timeout;
  guint        max_retries;
  guint        base_delay_ms;
  guint64      max_response_size;
  GHashTable  *rate_limits; /* host -> its state (att-http-rate-limit.c) */
};

G_DEFINE_FINAL_TYPE (AttHttp, att_http, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_TIMEOUT,
  PROP_MAX_RETRIES,
  PROP_RETRY_BASE_DELAY,
  PROP_MAX_RESPONSE_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_RATE_LIMIT_WAIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
att_http_finalize (GObject *object)
{
  AttHttp *self = (AttHttp *) object;

  g_clear_pointer (&self->rate_limits, g_hash_table_unref);

  G_OBJECT_CLASS (att_http_parent_class)->finalize (object);
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

    case PROP_MAX_RESPONSE_SIZE:
      g_value_set_uint64 (value, self->max_response_size);
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

    case PROP_MAX_RESPONSE_SIZE:
      att_http_set_max_response_size (self, g_value_get_uint64 (value));
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
  object_class->finalize = att_http_finalize;
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

  /**
   * AttHttp:max-response-size:
   *
   * The largest answer body accepted, in bytes (after decompression); a
   * larger one fails with %ATT_API_ERROR_BAD_RESPONSE. 64 MiB by default.
   */
  properties[PROP_MAX_RESPONSE_SIZE] =
    g_param_spec_uint64 ("max-response-size", NULL, NULL,
                         0, G_MAXSSIZE, DEFAULT_MAX_RESPONSE_SIZE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AttHttp::rate-limit-wait:
   * @host: the host whose rate limit is waited for
   * @until_wallclock_us: when the wait ends, in g_get_real_time() time; 0
   *   when no request waits for @host any more
   *
   * Emitted when a request starts waiting for @host's rate limit (a spent
   * quota, or a 429's Retry-After) and the wait ends later than any wait
   * already told of, and with 0 when the last waiting request goes (sent,
   * or cancelled).  Cancelling a waiting request ends its wait at once.
   */
  signals[SIGNAL_RATE_LIMIT_WAIT] =
    g_signal_new ("rate-limit-wait",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
att_http_init (AttHttp *self)
{
  g_autofree char *user_agent = g_strdup_printf ("Attest/%s", PACKAGE_VERSION);

  self->timeout = DEFAULT_TIMEOUT_SECONDS;
  self->max_retries = DEFAULT_MAX_RETRIES;
  self->base_delay_ms = DEFAULT_BASE_DELAY_MS;
  self->max_response_size = DEFAULT_MAX_RESPONSE_SIZE;
  self->rate_limits = att_http_rate_limits_new ();
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

guint64
att_http_get_max_response_size (AttHttp *self)
{
  g_return_val_if_fail (ATT_IS_HTTP (self), 0);

  return self->max_response_size;
}

/**
 * att_http_set_max_response_size:
 * @max_bytes: the largest answer body accepted, at most %G_MAXSSIZE
 *
 * Sets the limit on the size of an answer's body, counted after
 * decompression. A body known to be larger from its Content-Length is
 * refused before it is read; one without a length is refused as soon as it
 * goes past the limit, so memory never grows past it. Either way the call
 * fails with %ATT_API_ERROR_BAD_RESPONSE and is not retried. The default,
 * 64 MiB, is far above any answer of the APIs; tests lower it.
 */
void
att_http_set_max_response_size (AttHttp *self,
                                guint64  max_bytes)
{
  g_return_if_fail (ATT_IS_HTTP (self));
  g_return_if_fail (max_bytes <= G_MAXSSIZE);

  if (self->max_response_size == max_bytes)
    return;

  self->max_response_size = max_bytes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_RESPONSE_SIZE]);
}

GHashTable *
att_http_get_rate_limits (AttHttp *self)
{
  return self->rate_limits;
}

void
att_http_emit_rate_limit_wait (AttHttp    *self,
                               const char *host,
                               gint64      until_us)
{
  g_signal_emit (self, signals[SIGNAL_RATE_LIMIT_WAIT], 0, host, until_us);
}

/* The answer of a send task and, on an HTTP error, the server's JSON body. */
static gpointer
propagate_answer (GTask     *task,
                  JsonNode **error_body,
                  GError   **error)
{
  gpointer answer = g_task_propagate_pointer (task, error);
  Request *request = g_task_get_task_data (task);

  if (error_body == NULL)
    return answer;

  *error_body = NULL;
  if (answer == NULL && request != NULL && att_http_request_get_error_body (request) != NULL)
    *error_body = json_node_ref (att_http_request_get_error_body (request));
  return answer;
}

/**
 * att_http_json_to_bytes:
 * @node: a JSON document
 *
 * Returns: (transfer full): @node as a request body, compact
 */
GBytes *
att_http_json_to_bytes (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *data;

  g_return_val_if_fail (node != NULL, NULL);

  json_generator_set_root (generator, node);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

/* Checks the address, makes the task's Request and sends the first attempt;
 * @read, if set, turns the answer into an object, and @progress, if set,
 * hears how much of @body each attempt has sent. */
static void
start_send (AttHttp            *self,
            GTask              *task,
            const char         *method,
            const char         *url,
            GBytes             *body,
            SoupMessageHeaders *extra_headers,
            AttHttpSendFlags    flags,
            AttHttpReadFunc     read,
            gpointer            read_data,
            AttProgressFunc     progress,
            gpointer            progress_data)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  Request *request;

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL)
    {
      g_task_return_new_error (task, ATT_API_ERROR, ATT_API_ERROR_NETWORK,
                               _ ("The server address is not valid"));
      return;
    }

  if (!att_http_check_uri_is_allowed (uri, &error))
    {
      g_debug ("%s %s: refused (%s)", method, g_uri_get_path (uri),
               att_http_error_code_name (error->code));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  request = att_http_request_new (method, g_steal_pointer (&uri), body, extra_headers,
                                  (flags & ATT_HTTP_SEND_IDEMPOTENT) != 0, self->timeout,
                                  self->max_retries, self->base_delay_ms,
                                  (gsize) self->max_response_size);
  att_http_request_set_reader (request, read, read_data);
  att_http_request_set_skip_long_strings (request, (flags & ATT_HTTP_SEND_SKIP_LONG_STRINGS) != 0);
  att_http_request_set_wait_rate_limit (request, (flags & ATT_HTTP_SEND_WAIT_RATE_LIMIT) != 0);
  att_http_request_set_progress (request, progress, progress_data);
  g_task_set_task_data (task, request, (GDestroyNotify) att_http_request_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  att_http_request_start (task);
}

/* Sends @body, serialized, as start_send() does. */
static void
start_send_json (AttHttp            *self,
                 GTask              *task,
                 const char         *method,
                 const char         *url,
                 JsonNode           *body,
                 SoupMessageHeaders *extra_headers,
                 gboolean            idempotent,
                 AttHttpReadFunc     read,
                 gpointer            read_data)
{
  g_autoptr(GBytes) bytes = body != NULL ? att_http_json_to_bytes (body) : NULL;

  start_send (self, task, method, url, bytes, extra_headers,
              idempotent ? ATT_HTTP_SEND_IDEMPOTENT : ATT_HTTP_SEND_NONE, read, read_data, NULL, NULL);
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
att_http_send_json_async (AttHttp            *self,
                          const char         *method,
                          const char         *url,
                          JsonNode           *body,
                          SoupMessageHeaders *extra_headers,
                          gboolean            idempotent,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_HTTP (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_http_send_json_async));
  start_send_json (self, task, method, url, body, extra_headers, idempotent, NULL, NULL);
}

/**
 * att_http_send_json_read_async:
 * @read: turns the parsed answer into an object
 * @read_data: (nullable): for @read; must stay valid until @callback runs
 *
 * Like att_http_send_json_async(), and @read turns a successful answer into
 * an object where the answer was parsed: in a worker thread for a large
 * answer, so that making a page of objects does not hold up the main loop.
 * A failure of @read is the call's failure, and is not retried.
 */
void
att_http_send_json_read_async (AttHttp            *self,
                               const char         *method,
                               const char         *url,
                               JsonNode           *body,
                               SoupMessageHeaders *extra_headers,
                               gboolean            idempotent,
                               AttHttpReadFunc     read,
                               gpointer            read_data,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_HTTP (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (url != NULL);
  g_return_if_fail (read != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_http_send_json_read_async));
  start_send_json (self, task, method, url, body, extra_headers, idempotent, read, read_data);
}

/**
 * att_http_send_bytes_read_async:
 * @body: (nullable): the JSON body to send, already serialized; it is sent
 *   as it is, not copied
 * @flags: whether the request may be repeated, and how to read the answer
 * @read: turns the parsed answer into an object
 * @read_data: (nullable): for @read; must stay valid until @callback runs
 * @progress: (nullable) (scope call): hears how many bytes of @body each
 *   attempt has sent (a retry starts again from 0), on the thread-default
 *   main context of this call
 * @progress_data: (nullable): for @progress; must stay valid until
 *   @callback runs
 *
 * Like att_http_send_json_read_async(), for a body made elsewhere: a large
 * one (a certificate's files, base64) built once in a worker thread and
 * handed over without a copy.
 */
void
att_http_send_bytes_read_async (AttHttp            *self,
                                const char         *method,
                                const char         *url,
                                GBytes             *body,
                                SoupMessageHeaders *extra_headers,
                                AttHttpSendFlags    flags,
                                AttHttpReadFunc     read,
                                gpointer            read_data,
                                AttProgressFunc     progress,
                                gpointer            progress_data,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_HTTP (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (url != NULL);
  g_return_if_fail (read != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_http_send_bytes_read_async));
  start_send (self, task, method, url, body, extra_headers, flags, read, read_data,
              progress, progress_data);
}

/**
 * att_http_send_bytes_read_finish:
 * @error_body: (out) (optional) (nullable) (transfer full): as in
 *   att_http_send_json_finish_full()
 *
 * Returns: (transfer full): the object the reader made, or %NULL with
 *   @error set
 */
GObject *
att_http_send_bytes_read_finish (AttHttp      *self,
                                 GAsyncResult *result,
                                 JsonNode    **error_body,
                                 GError      **error)
{
  g_return_val_if_fail (ATT_IS_HTTP (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_http_send_bytes_read_async), NULL);

  return propagate_answer (G_TASK (result), error_body, error);
}

/**
 * att_http_send_json_read_finish:
 * @error_body: (out) (optional) (nullable) (transfer full): as in
 *   att_http_send_json_finish_full()
 *
 * Returns: (transfer full): the object the reader made, or %NULL with
 *   @error set
 */
GObject *
att_http_send_json_read_finish (AttHttp      *self,
                                GAsyncResult *result,
                                JsonNode    **error_body,
                                GError      **error)
{
  g_return_val_if_fail (ATT_IS_HTTP (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_http_send_json_read_async), NULL);

  return propagate_answer (G_TASK (result), error_body, error);
}

/**
 * att_http_send_json_finish:
 *
 * Returns: (transfer full): the parsed answer, sealed (immutable: copy it
 *   to change it); a %JSON_NODE_NULL node for an empty body; or %NULL with
 *   @error set
 */
JsonNode *
att_http_send_json_finish (AttHttp      *self,
                           GAsyncResult *result,
                           GError      **error)
{
  g_return_val_if_fail (ATT_IS_HTTP (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_http_send_json_async), NULL);

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
att_http_send_json_finish_full (AttHttp      *self,
                                GAsyncResult *result,
                                JsonNode    **error_body,
                                GError      **error)
{
  g_return_val_if_fail (ATT_IS_HTTP (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_http_send_json_async), NULL);

  return propagate_answer (G_TASK (result), error_body, error);
}
