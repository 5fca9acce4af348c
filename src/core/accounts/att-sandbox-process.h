/* att-sandbox-process.h: attest-sandbox as a child process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_SANDBOX_PROCESS (att_sandbox_process_get_type ())

G_DECLARE_FINAL_TYPE (AttSandboxProcess, att_sandbox_process, ATT, SANDBOX_PROCESS, GObject)

char              *att_sandbox_process_find_program (void);
void               att_sandbox_process_new_async (const char         *program,
                                                  const char *const  *extra_args,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
AttSandboxProcess *att_sandbox_process_new_finish (GAsyncResult *result,
                                                   GError      **error);
const char        *att_sandbox_process_get_base_url (AttSandboxProcess *self);
GPid               att_sandbox_process_get_pid (AttSandboxProcess *self);
void               att_sandbox_process_stop (AttSandboxProcess *self);
void               att_sandbox_process_wait_async (AttSandboxProcess  *self,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gboolean           att_sandbox_process_wait_finish (AttSandboxProcess *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);

G_END_DECLS
