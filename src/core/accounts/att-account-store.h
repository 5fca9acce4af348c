/* att-account-store.h: the list of accounts, kept in a key file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"
#include "att-account.h"
#include "att-secret-store.h"

G_BEGIN_DECLS

#define ATT_TYPE_ACCOUNT_STORE (att_account_store_get_type ())

/* Implements GListModel of AttAccount, sorted by service, then display name.
 * Signal "active-changed" (AttService service): the active account of that
 * service changed (set, unset, or removed). */
G_DECLARE_FINAL_TYPE (AttAccountStore, att_account_store, ATT, ACCOUNT_STORE, GObject)

AttAccountStore *att_account_store_new (const char     *path,
                                        AttSecretStore *secrets);

gboolean         att_account_store_load (AttAccountStore *self,
                                         GError         **error);

void             att_account_store_save_async (AttAccountStore    *self,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean         att_account_store_save_finish (AttAccountStore *self,
                                                GAsyncResult    *result,
                                                GError         **error);

void             att_account_store_add (AttAccountStore *self,
                                        AttAccount      *account);
void             att_account_store_update (AttAccountStore *self,
                                           AttAccount      *account);

void             att_account_store_remove_async (AttAccountStore    *self,
                                                 const char         *id,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
gboolean         att_account_store_remove_finish (AttAccountStore *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);

AttAccount      *att_account_store_lookup (AttAccountStore *self,
                                           const char      *id);
AttAccount      *att_account_store_get_active (AttAccountStore *self,
                                               AttService       service);
void             att_account_store_set_active (AttAccountStore *self,
                                               AttService       service,
                                               const char      *id);

AttSecretStore  *att_account_store_get_secret_store (AttAccountStore *self);
const char      *att_account_store_get_path (AttAccountStore *self);

G_END_DECLS
