/* att-http-private.h: what the parts of AttHttp share: att-http.c (the
 * GObject, its policy and the public calls), att-http-errors.c (refused
 * addresses, and failures mapped to ATT_API_ERROR), att-http-request.c
 * (one request across its attempts: deadline, cancellation, retries) and
 * att-http-body.c (reading a body within the size limit)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "att-error.h"
#include "att-http.h"

G_BEGIN_DECLS

/* libsoup 3.2 has no name for it. */
#define HTTP_TOO_MANY_REQUESTS 429

/* Defined in att-http-errors.c. */
const char *att_http_error_code_name (int code);
GError     *att_http_api_error_new (AttApiError code,
                                    guint       http_status,
                                    GPtrArray  *field_errors,
                                    gint64      retry_after,
                                    const char *message);
gboolean    att_http_check_uri_is_allowed (GUri    *uri,
                                           GError **error);
GError     *att_http_status_error_new (SoupMessage *message,
                                       GBytes      *bytes,
                                       JsonNode   **out_body);
GError     *att_http_transport_error_new (const GError *error,
                                          gboolean      timed_out);
GError     *att_http_too_large_error_new (guint   http_status,
                                          guint64 max_size);
GError     *att_http_rate_limited_error_new (guint  http_status,
                                             gint64 retry_after);
gint64      att_http_parse_delay_header (const char *value,
                                         gboolean    allow_http_date,
                                         gboolean    allow_epoch);

/* Defined in att-http.c: the rate-limit state of each host (see
 * att-http-rate-limit.c) and the signal that tells of waits. */
GHashTable *att_http_get_rate_limits (AttHttp *self);
void        att_http_emit_rate_limit_wait (AttHttp    *self,
                                           const char *host,
                                           gint64      until_us);

/* Defined in att-http-rate-limit.c. */
#define ATT_HTTP_MAX_SHORT_WAIT_SECONDS      30
#define ATT_HTTP_MAX_RATE_LIMIT_WAIT_SECONDS 900

GHashTable *att_http_rate_limits_new (void);
void        att_http_rate_limit_update (AttHttp            *self,
                                        const char         *host,
                                        SoupMessageHeaders *headers);
gint64      att_http_rate_limit_begin_wait (AttHttp    *self,
                                            const char *host,
                                            gint64      not_before_us);
void        att_http_rate_limit_end_wait (AttHttp    *self,
                                          const char *host);

/* Defined in att-http-error-body.c: what an error answer's body says. */
typedef struct
{
  char      *message;      /* the server's explanation, cut short, or NULL */
  char      *code;         /* its name for the error, uppercase, or NULL */
  GPtrArray *field_errors; /* of AttFieldError, never NULL */
  gint64     retry_after;  /* seconds, from the body; -1 if none */
  gboolean   owner_action_required;
} AttHttpErrorBody;

void att_http_error_body_read (GBytes           *bytes,
                               AttHttpErrorBody *body,
                               JsonNode        **out_root);
void att_http_error_body_clear (AttHttpErrorBody *body);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AttHttpErrorBody, att_http_error_body_clear)

/* Defined in att-http-body.c. */
void                    att_http_read_body_async (SoupMessage        *message,
                                                  GInputStream       *stream,
                                                  gsize               max_size,
                                                  gboolean            skip_long_strings,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
GBytes                 *att_http_read_body_finish (GAsyncResult *result,
                                                   GError      **error);

/* Defined in att-http-request.c: the state of one call of
 * att_http_send_json_async(), the task data of its GTask.  att-http.c
 * makes it, starts it and reads the error body the last attempt kept. */
typedef struct _Request Request;

Request                *att_http_request_new (const char         *method,
                                              GUri               *uri,
                                              GBytes             *body,
                                              SoupMessageHeaders *extra_headers,
                                              gboolean            idempotent,
                                              guint               timeout,
                                              guint               max_retries,
                                              guint               base_delay_ms,
                                              gsize               max_response_size);
void                    att_http_request_free (Request *request);
void                    att_http_request_set_reader (Request        *request,
                                                     AttHttpReadFunc read,
                                                     gpointer        read_data);
void                    att_http_request_set_skip_long_strings (Request *request,
                                                                gboolean skip);
void                    att_http_request_set_wait_rate_limit (Request *request,
                                                              gboolean wait);
void                    att_http_request_set_progress (Request        *request,
                                                       AttProgressFunc progress,
                                                       gpointer        progress_data);
JsonNode               *att_http_request_get_error_body (Request *request);
void                    att_http_request_start (GTask *task);

G_END_DECLS
