/* att-secret-store-private.h: what the parts of AttSecretStore share:
 * att-secret-store.c (the GObject and the session-only memory),
 * att-secret-store-errors.c (errors for the user), att-secret-store-check.c
 * (whether the keyring can be used) and att-secret-store-keys.c (storing,
 * looking up and clearing keys)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-secret-store.h"

G_BEGIN_DECLS

/* Defined in att-secret-store-errors.c. */
gboolean att_secret_store_error_means_unavailable (const GError *error);
GError  *att_secret_store_translate_error (const GError *error,
                                           const char   *what);

/* Defined in att-secret-store.c: the session-only halves of store,
 * lookup and clear.  The callers own the task and its cancellation. */
void     att_secret_store_session_store (AttSecretStore *self,
                                         const char     *account_id,
                                         AttSecretKind   kind,
                                         const char     *secret);
char    *att_secret_store_session_lookup (AttSecretStore *self,
                                          const char     *account_id,
                                          AttSecretKind   kind);
void     att_secret_store_session_clear (AttSecretStore *self,
                                         const char     *account_id,
                                         AttSecretKind   kind);
void     att_secret_store_session_clear_account (AttSecretStore *self,
                                                 const char     *account_id);

G_END_DECLS
