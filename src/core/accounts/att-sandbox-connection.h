/* att-sandbox-connection.h: the demo or a sandbox, signed in and kept so
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_SANDBOX_CONNECTION (att_sandbox_connection_get_type ())

G_DECLARE_FINAL_TYPE (AttSandboxConnection, att_sandbox_connection, ATT, SANDBOX_CONNECTION, GObject)

AttSandboxConnection *att_sandbox_connection_new (AttHttp    *http,
                                                  const char *base_url);
AttSandboxConnection *att_sandbox_connection_new_demo (AttHttp           *http,
                                                       const char        *program,
                                                       const char *const *extra_args);
void                  att_sandbox_connection_connect_async (AttSandboxConnection *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
AttHiggClient        *att_sandbox_connection_connect_finish (AttSandboxConnection *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void                  att_sandbox_connection_recover_async (AttSandboxConnection *self,
                                                            AttHiggClient        *client,
                                                            const GError         *failure,
                                                            guint                 generation,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean              att_sandbox_connection_recover_finish (AttSandboxConnection *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
guint                 att_sandbox_connection_get_generation (AttSandboxConnection *self);
gboolean              att_sandbox_connection_get_is_demo (AttSandboxConnection *self);
const char           *att_sandbox_connection_get_base_url (AttSandboxConnection *self);
const char           *att_sandbox_connection_get_closient_key (AttSandboxConnection *self);
AttSandboxProcess    *att_sandbox_connection_get_process (AttSandboxConnection *self);
void                  att_sandbox_connection_stop (AttSandboxConnection *self);

G_END_DECLS
