/* att-sandbox-account.h: the demo account a sandbox hands out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

void         att_sandbox_account_fetch_async (AttHttp            *http,
                                              const char         *base_url,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
AttHiggAuth *att_sandbox_account_fetch_finish (GAsyncResult *result,
                                               char        **out_closient_key,
                                               GError      **error);

G_END_DECLS
