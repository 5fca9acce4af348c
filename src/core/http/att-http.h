/* att-http.h: the JSON-over-HTTP pipeline shared by every API client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "att-progress.h"
#include "att-types.h"

G_BEGIN_DECLS

/**
 * AttHttpReadFunc:
 * @root: the parsed answer, sealed
 * @user_data: the data given with the function
 * @error: where to say why the answer cannot be read
 *
 * Turns a successful answer into objects.  It runs in a worker thread for
 * large answers (and on the caller's thread for small ones), so it must
 * touch nothing but @root and @user_data, and make only objects with no
 * ties to a main context.
 *
 * Returns: (transfer full) (nullable): the answer as an object, or %NULL
 *   with @error set
 */
typedef GObject *(*AttHttpReadFunc) (JsonNode *root,
                                     gpointer  user_data,
                                     GError  **error);

/**
 * AttHttpSendFlags:
 * @ATT_HTTP_SEND_NONE: none of the below
 * @ATT_HTTP_SEND_IDEMPOTENT: repeating the request is harmless, which
 *   allows retries
 * @ATT_HTTP_SEND_SKIP_LONG_STRINGS: strings longer than 64 KiB in the
 *   answer are read as empty strings, dropped as the answer arrives, so
 *   that an answer that echoes a large upload costs no memory (and is not
 *   counted against the size limit)
 * @ATT_HTTP_SEND_WAIT_RATE_LIMIT: a rate limit is waited out (with
 *   #AttHttp::rate-limit-wait) for up to 15 minutes, not 30 seconds, before
 *   the request fails with %ATT_API_ERROR_RATE_LIMITED: for a client whose
 *   UI shows the wait and offers Cancel
 */
typedef enum {
  ATT_HTTP_SEND_NONE = 0,
  ATT_HTTP_SEND_IDEMPOTENT = 1 << 0,
  ATT_HTTP_SEND_SKIP_LONG_STRINGS = 1 << 1,
  ATT_HTTP_SEND_WAIT_RATE_LIMIT = 1 << 2,
} AttHttpSendFlags;

#define ATT_TYPE_HTTP (att_http_get_type ())

G_DECLARE_FINAL_TYPE (AttHttp, att_http, ATT, HTTP, GObject)

GBytes      *att_http_json_to_bytes (JsonNode *node);

AttHttp     *att_http_new (void);
SoupSession *att_http_get_session (AttHttp *self);
guint        att_http_get_timeout (AttHttp *self);
void         att_http_set_timeout (AttHttp *self,
                                   guint    seconds);
void         att_http_set_retry_policy (AttHttp *self,
                                        guint    max_retries,
                                        guint    base_delay_ms);
guint64      att_http_get_max_response_size (AttHttp *self);
void         att_http_set_max_response_size (AttHttp *self,
                                             guint64  max_bytes);
void         att_http_send_json_async (AttHttp            *self,
                                       const char         *method,
                                       const char         *url,
                                       JsonNode           *body,
                                       SoupMessageHeaders *extra_headers,
                                       gboolean            idempotent,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
JsonNode    *att_http_send_json_finish (AttHttp      *self,
                                        GAsyncResult *result,
                                        GError      **error);
void         att_http_send_json_read_async (AttHttp            *self,
                                            const char         *method,
                                            const char         *url,
                                            JsonNode           *body,
                                            SoupMessageHeaders *extra_headers,
                                            gboolean            idempotent,
                                            AttHttpReadFunc     read,
                                            gpointer            read_data,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
GObject     *att_http_send_json_read_finish (AttHttp      *self,
                                             GAsyncResult *result,
                                             JsonNode    **error_body,
                                             GError      **error);
void         att_http_send_bytes_read_async (AttHttp            *self,
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
                                             gpointer            user_data);
GObject     *att_http_send_bytes_read_finish (AttHttp      *self,
                                              GAsyncResult *result,
                                              JsonNode    **error_body,
                                              GError      **error);
JsonNode    *att_http_send_json_finish_full (AttHttp      *self,
                                             GAsyncResult *result,
                                             JsonNode    **error_body,
                                             GError      **error);

/* Rate limits, per host (att-http-rate-limit.c): the wall-clock time, in
 * microseconds, until which requests to @host wait, or 0. */
gint64       att_http_get_rate_limit_wait (AttHttp    *self,
                                           const char *host);

G_END_DECLS
