/* att-http-request.c: one call of att_http_send_json_async(), across attempts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A request is the task data of its #GTask.  Each attempt sends a fresh
 * #SoupMessage under its own deadline; a failed idempotent attempt is
 * repeated after an exponential backoff with jitter (or Retry-After), and
 * the caller's cancellable ends the running attempt or the wait.  Before
 * each attempt, a host whose rate limit is spent (or a 429's Retry-After)
 * makes the request wait, told by AttHttp::rate-limit-wait
 * (att-http-rate-limit.c); each answer's rate-limit headers are noted
 * there.  The body
 * is read within the size limit (att-http-body.c); large success bodies are
 * parsed in a worker thread. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-http-private.h"

#define MAX_RETRY_DELAY_SECONDS 30
#define MAX_BACKOFF_SHIFT       16

/* Parsing JSON costs about 16 ms per MB here (a page of 100 sandbox
 * products is 0.9 MB and takes 14 ms, most of a 60 Hz frame), so bodies
 * above this size are parsed in a worker thread; below it, parsing takes
 * about a millisecond, less than handing it over. */
#define PARSE_IN_THREAD_MIN_BYTES (64 * 1024)

/* The state of one call of att_http_send_json_async(), across attempts. */
struct _Request
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
  gsize               max_response_size;

  guint               attempt; /* 1-based, the attempt running or just done */
  gint64              attempt_start_us;
  SoupMessage        *message; /* of the running attempt */
  GCancellable       *attempt_cancellable;
  gboolean            timed_out;

  GSource            *cancel_source;   /* watches the caller's cancellable */
  GSource            *deadline_source; /* ends the running attempt */
  GSource            *wait_source;     /* the backoff before the next attempt */

  gboolean            wait_rate_limit;    /* up to 15 minutes, not 30 seconds */
  gint64              not_before_us;      /* a 429's Retry-After, wall clock */
  gboolean            waiting_rate_limit; /* counted as a waiter of the host */

  AttHttpReadFunc     read; /* turns the answer into objects, if set */
  gpointer            read_data;

  gboolean            skip_long_strings; /* in the answer, read as "" */

  AttProgressFunc     progress; /* hears the body go out, if set */
  gpointer            progress_data;
  guint64             sent; /* in the running attempt */

  GBytes             *response; /* a large body, for the parsing thread */
  guint               status;
  JsonNode           *error_body; /* of the last HTTP error answer, if JSON */
};

static void start_attempt (GTask *task);
static void end_rate_limit_wait (GTask *task);

static void
clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

void
att_http_request_free (Request *request)
{
  clear_source (&request->cancel_source);
  clear_source (&request->deadline_source);
  clear_source (&request->wait_source);
  if (request->attempt_cancellable != NULL)
    g_cancellable_cancel (request->attempt_cancellable);
  g_clear_object (&request->attempt_cancellable);
  if (request->message != NULL)
    g_signal_handlers_disconnect_by_data (request->message, request);
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

static JsonNode *
parse_success_body (GBytes  *bytes,
                    guint    status,
                    GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  gconstpointer data = NULL;
  gsize         size = 0;
  JsonNode     *root;

  if (bytes != NULL)
    data = g_bytes_get_data (bytes, &size);

  /* 204 No Content and empty bodies are a valid, if unusual, answer. */
  if (size == 0)
    return json_node_new (JSON_NODE_NULL);

  if (size > G_MAXSSIZE ||
      !json_parser_load_from_data (parser, data, (gssize) size, &parse_error))
    {
      g_propagate_error (error,
                         att_http_api_error_new (ATT_API_ERROR_BAD_RESPONSE,
                                                 status, NULL, -1,
                                                 _ ("The server sent an answer that is "
                                                    "not valid JSON")));
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    return json_node_new (JSON_NODE_NULL);

  return root;
}

/* Parses a success body and, if the caller gave a reader, turns it into
 * objects.  The tree goes with the objects that keep parts of it: this
 * function drops every reference it had. */
static gpointer
read_answer (Request *request,
             GBytes  *bytes,
             guint    status,
             GError **error)
{
  g_autoptr(JsonNode) node = parse_success_body (bytes, status, error);

  if (node == NULL || request->read == NULL)
    return g_steal_pointer (&node);

  return request->read (node, request->read_data, error);
}

static void
return_answer (GTask   *task,
               Request *request,
               gpointer answer)
{
  g_task_return_pointer (task, answer, request->read != NULL ? (GDestroyNotify) g_object_unref : (GDestroyNotify) json_node_unref);
}

/* Runs in a worker thread. The JSON tree, or the objects made from it, are
 * handed back whole: json-glib reference counts are not atomic, so no two
 * threads may hold the tree at once, and this thread drops every reference
 * it had before returning. */
static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(GBytes) bytes = g_steal_pointer (&request->response);
  g_autoptr(GError) error = NULL;
  gpointer answer;

  answer = read_answer (request, bytes, request->status, &error);
  if (answer != NULL)
    return_answer (task, request, answer);
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
  guint   shift = MIN (request->attempt - 1, MAX_BACKOFF_SHIFT);
  guint64 delay = (guint64) request->base_delay_ms << shift;
  guint64 jitter;

  delay = MIN (delay, (guint64) MAX_RETRY_DELAY_SECONDS * 1000);

  /* Jitter spreads the retries of many clients that failed together. */
  jitter = g_random_int_range (0, (gint32) (delay / 2) + 1);

  return (guint) MIN (delay + jitter, (guint64) MAX_RETRY_DELAY_SECONDS * 1000);
}

/* How long a rate limit is waited out before the request fails: a long
 * wait is the user's decision, not a silent stall, unless the caller shows
 * it (ATT_HTTP_SEND_WAIT_RATE_LIMIT). */
static gint64
max_rate_limit_wait (Request *request)
{
  return request->wait_rate_limit ? ATT_HTTP_MAX_RATE_LIMIT_WAIT_SECONDS
                                  : ATT_HTTP_MAX_SHORT_WAIT_SECONDS;
}

/* Decides whether the failed attempt may be repeated, and after how long.
 * Only idempotent requests are repeated: a create that timed out may have
 * been stored, and sending it again would store it twice. */
static gboolean
should_retry (Request      *request,
              const GError *error,
              guint        *delay_ms)
{
  guint    status = att_api_error_get_http_status (error);
  gint64   retry_after = att_api_error_get_retry_after (error);
  gboolean retryable;

  if (!request->idempotent || request->attempt > request->max_retries)
    return FALSE;

  /* An answer that cannot be read (one too large, say) would be no better
   * the next time, whatever its status. */
  if (g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE))
    return FALSE;

  retryable = g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_NETWORK) ||
              g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_TIMEOUT) ||
              status == SOUP_STATUS_BAD_GATEWAY ||
              status == SOUP_STATUS_SERVICE_UNAVAILABLE ||
              status == SOUP_STATUS_GATEWAY_TIMEOUT ||
              status == HTTP_TOO_MANY_REQUESTS;
  if (!retryable)
    return FALSE;

  if (retry_after >= 0 && status == HTTP_TOO_MANY_REQUESTS)
    {
      /* The wait is the next attempt's, told by the rate-limit-wait signal
       * (see wait_for_rate_limit()). */
      if (retry_after > max_rate_limit_wait (request))
        return FALSE;
      request->not_before_us = g_get_real_time () + retry_after * G_USEC_PER_SEC;
      *delay_ms = 0;
    }
  else if (retry_after >= 0 && status == SOUP_STATUS_SERVICE_UNAVAILABLE)
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
retry_or_fail (GTask  *task,
               GError *api_error)
{
  Request *request = g_task_get_task_data (task);
  guint    delay_ms = 0;

  /* A caller who cancelled while this attempt was failing (say, at its
   * deadline) wants no retry. */
  if (g_task_return_error_if_cancelled (task))
    {
      g_error_free (api_error);
      return;
    }

  if (!should_retry (request, api_error, &delay_ms))
    {
      g_task_return_error (task, api_error);
      return;
    }

  g_debug ("%s %s: %s, retrying in %u ms",
           request->method, request_path (request),
           att_http_error_code_name (api_error->code), delay_ms);
  g_error_free (api_error);
  request->wait_source = g_timeout_source_new (delay_ms);
  g_source_set_callback (request->wait_source, on_wait_done,
                         g_object_ref (task), g_object_unref);
  g_source_attach (request->wait_source, g_task_get_context (task));
}

/* Handles a whole answer; returns FALSE with @api_error set if it is one
 * to retry or report. */
static gboolean
handle_answer (GTask       *task,
               SoupMessage *message,
               GBytes      *bytes,
               GError     **api_error)
{
  Request *request = g_task_get_task_data (task);
  guint    status = soup_message_get_status (message);
  gpointer answer;

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_clear_pointer (&request->error_body, json_node_unref);
      *api_error = att_http_status_error_new (message, bytes, &request->error_body);
      return FALSE;
    }

  if (g_bytes_get_size (bytes) >= PARSE_IN_THREAD_MIN_BYTES)
    {
      /* Nothing else touches the request until the thread is done: the
       * attempt is over and no retry follows a 2xx. */
      request->response = g_bytes_ref (bytes);
      request->status = status;
      g_task_run_in_thread (task, parse_in_thread);
      return TRUE;
    }

  answer = read_answer (request, bytes, status, api_error);
  if (answer == NULL)
    return FALSE;

  return_answer (task, request, answer);
  return TRUE;
}

/* Logs how the attempt ended: never a header value or a body. */
static void
log_attempt (Request      *request,
             guint         status,
             const GError *error,
             const GError *api_error)
{
  gint64      elapsed_ms = (g_get_monotonic_time () - request->attempt_start_us) / 1000;
  const char *path = request_path (request);

  if (api_error == NULL)
    g_debug ("%s %s: HTTP %u in %" G_GINT64_FORMAT " ms (attempt %u)",
             request->method, path, status, elapsed_ms, request->attempt);
  else if (error->domain == ATT_API_ERROR)
    g_debug ("%s %s: HTTP %u, %s after %" G_GINT64_FORMAT " ms (attempt %u)",
             request->method, path, status, att_http_error_code_name (api_error->code),
             elapsed_ms, request->attempt);
  else
    g_debug ("%s %s: %s (%s) after %" G_GINT64_FORMAT " ms (attempt %u)",
             request->method, path, att_http_error_code_name (api_error->code),
             error->message, elapsed_ms, request->attempt);
}

/* Ends the running attempt, with its whole body or with why it has none. */
static void
attempt_done (GTask        *task,
              GBytes       *bytes,
              const GError *error)
{
  Request *request = g_task_get_task_data (task);
  g_autoptr(SoupMessage) message = g_steal_pointer (&request->message);
  GError *api_error = NULL;

  /* libsoup may hold the message a little longer than the request lives. */
  g_signal_handlers_disconnect_by_data (message, request);
  clear_source (&request->deadline_source);
  g_clear_object (&request->attempt_cancellable);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !request->timed_out)
    {
      g_debug ("%s %s: cancelled after %" G_GINT64_FORMAT " ms (attempt %u)",
               request->method, request_path (request),
               (g_get_monotonic_time () - request->attempt_start_us) / 1000, request->attempt);
      g_task_return_error (task, g_error_copy (error));
      return;
    }

  if (soup_message_get_status (message) != SOUP_STATUS_NONE)
    att_http_rate_limit_update (g_task_get_source_object (task), g_uri_get_host (request->uri),
                                soup_message_get_response_headers (message));

  /* An error of the ATT_API_ERROR domain already is a body too large. */
  if (error != NULL && error->domain == ATT_API_ERROR)
    api_error = g_error_copy (error);
  else if (error != NULL)
    api_error = att_http_transport_error_new (error, request->timed_out);
  log_attempt (request, soup_message_get_status (message), error, api_error);

  if (api_error == NULL && handle_answer (task, message, bytes, &api_error))
    return;

  retry_or_fail (task, api_error);
}

static void
on_body_read (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = att_http_read_body_finish (result, &error);

  attempt_done (task, bytes, error);
}

static void
on_sent (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = soup_session_send_finish (SOUP_SESSION (source_object), result, &error);
  if (stream == NULL)
    {
      attempt_done (task, NULL, error);
      return;
    }

  /* The attempt's deadline and the caller's cancellable cover the body too. */
  att_http_read_body_async (request->message, stream, request->max_response_size,
                            request->skip_long_strings,
                            request->attempt_cancellable, on_body_read,
                            g_steal_pointer (&task));
}

static gboolean
on_deadline (gpointer user_data)
{
  GTask   *task = user_data;
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
      end_rate_limit_wait (task);
      g_task_return_error_if_cancelled (task);
    }

  return G_SOURCE_REMOVE;
}

/* --- Rate limits -------------------------------------------------------- */

static void
end_rate_limit_wait (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  if (!request->waiting_rate_limit)
    return;

  request->waiting_rate_limit = FALSE;
  att_http_rate_limit_end_wait (g_task_get_source_object (task), g_uri_get_host (request->uri));
}

static gboolean
on_rate_limit_waited (gpointer user_data)
{
  g_autoptr(GTask) task = g_object_ref (user_data);
  Request *request = g_task_get_task_data (task);

  clear_source (&request->wait_source);
  end_rate_limit_wait (task);
  request->not_before_us = 0;

  if (!g_task_return_error_if_cancelled (task))
    start_attempt (task);

  return G_SOURCE_REMOVE;
}

/* Makes the request wait if its host's quota is spent or a 429 asked it
 * to; fails it if the wait is too long.  Returns whether it did either. */
static gboolean
wait_for_rate_limit (GTask *task)
{
  AttHttp    *self = g_task_get_source_object (task);
  Request    *request = g_task_get_task_data (task);
  const char *host = g_uri_get_host (request->uri);
  gint64      now = g_get_real_time ();
  gint64      until = MAX (att_http_get_rate_limit_wait (self, host), request->not_before_us);
  gint64      wait_s = (until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  if (until <= now)
    return FALSE;

  if (wait_s > max_rate_limit_wait (request))
    {
      g_debug ("%s %s: rate limited for %" G_GINT64_FORMAT " s, not waiting",
               request->method, request_path (request), wait_s);
      g_task_return_error (task, att_http_rate_limited_error_new (0, wait_s));
      return TRUE;
    }

  g_debug ("%s %s: waiting %" G_GINT64_FORMAT " s for the rate limit",
           request->method, request_path (request), wait_s);
  request->waiting_rate_limit = TRUE;
  request->wait_source = g_timeout_source_new ((guint) MIN ((until - now) / 1000 + 1, G_MAXUINT));
  g_source_set_callback (request->wait_source, on_rate_limit_waited, g_object_ref (task), g_object_unref);
  g_source_attach (request->wait_source, g_task_get_context (task));

  /* Told last: a handler may cancel the request at once. */
  att_http_rate_limit_begin_wait (self, host, until);
  return TRUE;
}

static void
on_wrote_body_data (SoupMessage *message,
                    guint        chunk_size,
                    gpointer     user_data)
{
  Request *request = user_data;

  request->sent += chunk_size;
  request->progress (request->sent, g_bytes_get_size (request->body), request->progress_data);
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
  AttHttp            *self = g_task_get_source_object (task);
  Request            *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_assert (request->message == NULL);
  g_assert (request->attempt_cancellable == NULL);

  if (wait_for_rate_limit (task))
    return;

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
  request->sent = 0;
  if (request->progress != NULL && request->body != NULL)
    g_signal_connect (request->message, "wrote-body-data", G_CALLBACK (on_wrote_body_data), request);

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

  soup_session_send_async (att_http_get_session (self),
                           request->message,
                           G_PRIORITY_DEFAULT,
                           request->attempt_cancellable,
                           on_sent,
                           g_object_ref (task));
}

/**
 * att_http_request_new:
 * @uri: (transfer full): an address att_http_check_uri_is_allowed() accepted
 * @body: (nullable): the JSON body, already serialized
 * @extra_headers: (nullable): headers to add to every attempt
 * @max_response_size: the largest body accepted, at most %G_MAXSSIZE
 *
 * Returns: (transfer full): the state of a new call, with a snapshot of the
 *   retry policy, to be freed with att_http_request_free()
 */
Request *
att_http_request_new (const char         *method,
                      GUri               *uri,
                      GBytes             *body,
                      SoupMessageHeaders *extra_headers,
                      gboolean            idempotent,
                      guint               timeout,
                      guint               max_retries,
                      guint               base_delay_ms,
                      gsize               max_response_size)
{
  Request *request = g_new0 (Request, 1);

  request->method = g_strdup (method);
  request->uri = uri;
  request->idempotent = idempotent;
  request->timeout = timeout;
  request->max_retries = max_retries;
  request->base_delay_ms = base_delay_ms;
  request->max_response_size = max_response_size;
  if (extra_headers != NULL)
    request->extra_headers = soup_message_headers_ref (extra_headers);
  if (body != NULL)
    request->body = g_bytes_ref (body);

  return request;
}

/**
 * att_http_request_set_reader:
 * @read: (nullable): turns a successful answer into an object, in a worker
 *   thread for large answers
 * @read_data: for @read; must outlive the request
 */
void
att_http_request_set_reader (Request        *request,
                             AttHttpReadFunc read,
                             gpointer        read_data)
{
  request->read = read;
  request->read_data = read_data;
}

/**
 * att_http_request_set_skip_long_strings:
 * @skip: whether strings longer than 64 KiB in a JSON answer are read as
 *   empty strings, dropped as the answer is read
 */
void
att_http_request_set_skip_long_strings (Request *request,
                                        gboolean skip)
{
  request->skip_long_strings = skip;
}

/**
 * att_http_request_set_progress:
 * @progress: (nullable): hears how much of the body each attempt has sent,
 *   on the task's main context
 * @progress_data: for @progress; must outlive the request
 */
/**
 * att_http_request_set_wait_rate_limit:
 * @wait: whether a rate limit is waited out for up to 15 minutes (else 30
 *   seconds) before the request fails
 */
void
att_http_request_set_wait_rate_limit (Request *request,
                                      gboolean wait)
{
  request->wait_rate_limit = wait;
}

void
att_http_request_set_progress (Request        *request,
                               AttProgressFunc progress,
                               gpointer        progress_data)
{
  request->progress = progress;
  request->progress_data = progress_data;
}

/**
 * att_http_request_get_error_body:
 *
 * Returns: (transfer none) (nullable): the JSON body of the last HTTP error
 *   answer, if it was a JSON object
 */
JsonNode *
att_http_request_get_error_body (Request *request)
{
  return request->error_body;
}

/**
 * att_http_request_start:
 * @task: a task of att_http_send_json_async() whose task data is its
 *   #Request
 *
 * Watches the task's cancellable and sends the first attempt.
 */
void
att_http_request_start (GTask *task)
{
  Request      *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (cancellable != NULL)
    {
      request->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (request->cancel_source, G_SOURCE_FUNC (on_caller_cancelled),
                             task, NULL);
      g_source_attach (request->cancel_source, g_task_get_context (task));
    }

  start_attempt (task);
}
