/* att-http.h: the JSON-over-HTTP pipeline shared by every API client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_HTTP (att_http_get_type ())

G_DECLARE_FINAL_TYPE (AttHttp, att_http, ATT, HTTP, GObject)

AttHttp     *att_http_new                (void);
SoupSession *att_http_get_session        (AttHttp             *self);
guint        att_http_get_timeout        (AttHttp             *self);
void         att_http_set_timeout        (AttHttp             *self,
                                          guint                seconds);
void         att_http_set_retry_policy   (AttHttp             *self,
                                          guint                max_retries,
                                          guint                base_delay_ms);
guint64      att_http_get_max_response_size
                                         (AttHttp             *self);
void         att_http_set_max_response_size
                                         (AttHttp             *self,
                                          guint64              max_bytes);
void         att_http_send_json_async    (AttHttp             *self,
                                          const char          *method,
                                          const char          *url,
                                          JsonNode            *body,
                                          SoupMessageHeaders  *extra_headers,
                                          gboolean             idempotent,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
JsonNode    *att_http_send_json_finish   (AttHttp             *self,
                                          GAsyncResult        *result,
                                          GError             **error);
JsonNode    *att_http_send_json_finish_full
                                         (AttHttp             *self,
                                          GAsyncResult        *result,
                                          JsonNode           **error_body,
                                          GError             **error);

G_END_DECLS
