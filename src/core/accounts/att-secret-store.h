/* att-secret-store.h: account secrets in the Secret Service (or in memory)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

/**
 * AttSecretKind:
 * @ATT_SECRET_HIGG_API_KEY: the Higg `x-api-key`
 * @ATT_SECRET_HIGG_INTEGRATION_KEY: the Higg integration key (signed into request tokens)
 * @ATT_SECRET_CLOSIENT_API_KEY: the Closient API key
 */
typedef enum {
  ATT_SECRET_HIGG_API_KEY,
  ATT_SECRET_HIGG_INTEGRATION_KEY,
  ATT_SECRET_CLOSIENT_API_KEY,
} AttSecretKind;

/**
 * AttSecretAvailability:
 * @ATT_SECRET_AVAILABLE: the Secret Service is there and its default collection is unlocked
 * @ATT_SECRET_UNAVAILABLE: no Secret Service is running
 * @ATT_SECRET_LOCKED: the default collection is locked and stayed locked
 */
typedef enum {
  ATT_SECRET_AVAILABLE,
  ATT_SECRET_UNAVAILABLE,
  ATT_SECRET_LOCKED,
} AttSecretAvailability;

#define ATT_TYPE_SECRET_KIND (att_secret_kind_get_type ())
GType att_secret_kind_get_type (void) G_GNUC_CONST;
#define ATT_TYPE_SECRET_AVAILABILITY (att_secret_availability_get_type ())
GType       att_secret_availability_get_type (void) G_GNUC_CONST;

/* "higg-api-key", "higg-integration-key", "closient-api-key" (the keyring attribute) */
const char *att_secret_kind_to_string (AttSecretKind kind);

#define ATT_TYPE_SECRET_STORE (att_secret_store_get_type ())

/* Errors of the store/lookup/clear calls carry a translated message for
 * the user (never a secret) and one of these codes:
 *   - no Secret Service:              G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN
 *   - the keyring is (stayed) locked: SECRET_ERROR, SECRET_ERROR_IS_LOCKED
 *   - no default keyring:             SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT
 *   - cancelled (or prompt dismissed): G_IO_ERROR, G_IO_ERROR_CANCELLED
 * Anything else keeps the Secret Service's own domain and code. */

G_DECLARE_FINAL_TYPE (AttSecretStore, att_secret_store, ATT, SECRET_STORE, GObject)

AttSecretStore       *att_secret_store_new (void);

void                  att_secret_store_set_session_only (AttSecretStore *self,
                                                         gboolean        session_only);
gboolean              att_secret_store_get_session_only (AttSecretStore *self);

void                  att_secret_store_check_async (AttSecretStore     *self,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
AttSecretAvailability att_secret_store_check_finish (AttSecretStore *self,
                                                     GAsyncResult   *result,
                                                     GError        **error);

void                  att_secret_store_store_async (AttSecretStore     *self,
                                                    const char         *account_id,
                                                    AttSecretKind       kind,
                                                    const char         *secret,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
gboolean              att_secret_store_store_finish (AttSecretStore *self,
                                                     GAsyncResult   *result,
                                                     GError        **error);

void                  att_secret_store_lookup_async (AttSecretStore     *self,
                                                     const char         *account_id,
                                                     AttSecretKind       kind,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
/* NULL without error: no secret stored.  Free the result with secret_password_free(). */
char                 *att_secret_store_lookup_finish (AttSecretStore *self,
                                                      GAsyncResult   *result,
                                                      GError        **error);

void                  att_secret_store_clear_async (AttSecretStore     *self,
                                                    const char         *account_id,
                                                    AttSecretKind       kind,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
gboolean              att_secret_store_clear_finish (AttSecretStore *self,
                                                     GAsyncResult   *result,
                                                     GError        **error);

void                  att_secret_store_clear_account_async (AttSecretStore     *self,
                                                            const char         *account_id,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
gboolean              att_secret_store_clear_account_finish (AttSecretStore *self,
                                                             GAsyncResult   *result,
                                                             GError        **error);

G_END_DECLS
