/* att-connection-test.h: does an account's address and keys work?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"
#include "att-account.h"

G_BEGIN_DECLS

/**
 * AttConnectionStatus:
 * @ATT_CONNECTION_OK: the server answered and accepted the keys
 * @ATT_CONNECTION_UNAUTHORIZED: the server answered and refused the keys
 * @ATT_CONNECTION_UNREACHABLE: no answer: name not found, refused, timed out
 * @ATT_CONNECTION_TLS_ERROR: the server's certificate or TLS handshake failed
 * @ATT_CONNECTION_NOT_A_SERVER: a server answered, but not with the expected API
 * @ATT_CONNECTION_FAILED: anything else (the message says what)
 */
typedef enum {
  ATT_CONNECTION_OK,
  ATT_CONNECTION_UNAUTHORIZED,
  ATT_CONNECTION_UNREACHABLE,
  ATT_CONNECTION_TLS_ERROR,
  ATT_CONNECTION_NOT_A_SERVER,
  ATT_CONNECTION_FAILED,
} AttConnectionStatus;

void                att_connection_test_async (AttHttp            *http,
                                               AttService          service,
                                               const char         *base_url,
                                               const char         *api_key,
                                               const char         *integration_key,
                                               const char         *public_key_pem,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
AttConnectionStatus att_connection_test_finish (GAsyncResult *result,
                                                char        **message,
                                                GError      **error);

G_END_DECLS
