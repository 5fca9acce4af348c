/* att-closient-connect.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsecret/secret.h>

#include "att-account-store.h"
#include "att-account.h"
#include "att-closient-connect.h"
#include "att-http.h"
#include "att-sandbox-connection.h"
#include "att-secret-store.h"

/* Closient needs one key, which the application finds where the Higg keys
 * are: the demo and a sandbox hand one out with their demo account (new at
 * every start, kept in memory only); an account keeps its key in the
 * keyring, read asynchronously (unlocking may ask the user).  With no key
 * there is no client, and the Closient view offers to add an account. */

/**
 * att_closient_connect_sandbox:
 *
 * Returns: (transfer full) (nullable): a client on @sandbox with the key
 *   it handed out, or %NULL if it offered none
 */
AttClosientClient *
att_closient_connect_sandbox (AttHttp              *http,
                              AttSandboxConnection *sandbox)
{
  const char *key;
  const char *base_url;

  g_return_val_if_fail (ATT_IS_HTTP (http), NULL);
  g_return_val_if_fail (ATT_IS_SANDBOX_CONNECTION (sandbox), NULL);

  key = att_sandbox_connection_get_closient_key (sandbox);
  base_url = att_sandbox_connection_get_base_url (sandbox);
  if (key == NULL || base_url == NULL)
    return NULL;
  return att_closient_client_new (http, base_url, key);
}

/**
 * att_closient_connect_find_account:
 *
 * Returns: (transfer none) (nullable): the Closient account to use: the
 *   active one, else the first
 */
AttAccount *
att_closient_connect_find_account (AttAccountStore *accounts)
{
  AttAccount *account;
  guint       n;

  g_return_val_if_fail (ATT_IS_ACCOUNT_STORE (accounts), NULL);

  if ((account = att_account_store_get_active (accounts, ATT_SERVICE_CLOSIENT)) != NULL)
    return account;
  n = g_list_model_get_n_items (G_LIST_MODEL (accounts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttAccount) item = g_list_model_get_item (G_LIST_MODEL (accounts), i);

      if (att_account_get_service (item) == ATT_SERVICE_CLOSIENT)
        return att_account_store_lookup (accounts, att_account_get_id (item));
    }
  return NULL;
}

static void
key_found (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AttAccount *account = g_task_get_task_data (task);
  GError     *error = NULL;
  char       *key;

  key = att_secret_store_lookup_finish (ATT_SECRET_STORE (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (key == NULL)
    {
      g_debug ("The key of the Closient account %s is not in the keyring", att_account_get_id (account));
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_return_pointer (task,
                         att_closient_client_new (g_task_get_source_object (task), att_account_get_base_url (account),
                                                  key),
                         g_object_unref);
  secret_password_free (key);
}

/**
 * att_closient_connect_account_async:
 *
 * Makes a client for the Closient account (att_closient_connect_find_account())
 * with its key from the keyring.
 */
void
att_closient_connect_account_async (AttHttp            *http,
                                    AttAccountStore    *accounts,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  AttAccount *account;

  g_return_if_fail (ATT_IS_HTTP (http));
  g_return_if_fail (ATT_IS_ACCOUNT_STORE (accounts));

  task = g_task_new (http, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_closient_connect_account_async));
  account = att_closient_connect_find_account (accounts);
  if (account == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);
  att_secret_store_lookup_async (att_account_store_get_secret_store (accounts), att_account_get_id (account),
                                 ATT_SECRET_CLOSIENT_API_KEY, cancellable, key_found, g_steal_pointer (&task));
}

/**
 * att_closient_connect_account_finish:
 *
 * Returns: (transfer full) (nullable): the client, or %NULL with no error
 *   when there is no Closient account or its key is not in the keyring,
 *   and with @error when the keyring could not be read
 */
AttClosientClient *
att_closient_connect_account_finish (GAsyncResult *result,
                                     GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_closient_connect_account_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
