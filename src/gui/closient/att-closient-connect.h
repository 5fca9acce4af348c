/* att-closient-connect.h: the Closient client of the demo, of a sandbox or
 * of the user's Closient account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-closient-client.h"
#include "att-types.h"

G_BEGIN_DECLS

AttClosientClient *att_closient_connect_sandbox (AttHttp              *http,
                                                 AttSandboxConnection *sandbox);
AttAccount        *att_closient_connect_find_account (AttAccountStore *accounts);
void               att_closient_connect_account_async (AttHttp            *http,
                                                       AttAccountStore    *accounts,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
AttClosientClient *att_closient_connect_account_finish (GAsyncResult *result,
                                                        GError      **error);

G_END_DECLS
