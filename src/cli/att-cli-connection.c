/* att-cli-connection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "att-account-store.h"
#include "att-account.h"
#include "att-cli-connection.h"
#include "att-closient-client.h"
#include "att-higg-auth.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-sandbox-connection.h"
#include "att-secret-store.h"

/*
 * attest-cli signs in as the application does: with --sandbox-url, to the
 * sandbox's demo account (its Higg keys and its Closient key); otherwise
 * with the accounts of Attest's accounts file and their keys from the
 * keyring.  --account picks one account by display name or id; the other
 * service's account is its active one.  Keys are read from the keyring and
 * given to the clients, never printed.
 */

void
att_cli_connection_free (AttCliConnection *self)
{
  if (self == NULL)
    return;
  if (self->sandbox != NULL)
    att_sandbox_connection_stop (self->sandbox);
  g_clear_object (&self->higg);
  g_clear_object (&self->closient);
  g_clear_object (&self->sandbox);
  g_clear_object (&self->http);
  g_free (self->account_name);
  g_free (self);
}

static gboolean
open_sandbox (AttCliConnection    *self,
              const AttCliOptions *options,
              GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  const char *key;

  self->sandbox = att_sandbox_connection_new (self->http, options->sandbox_url);
  att_sandbox_connection_connect_async (self->sandbox, options->cancellable, att_cli_store_result, &result);
  self->higg = att_sandbox_connection_connect_finish (self->sandbox, att_cli_await_result (&result), error);
  if (self->higg == NULL)
    return FALSE;
  key = att_sandbox_connection_get_closient_key (self->sandbox);
  if (key != NULL)
    self->closient = att_closient_client_new (self->http, att_sandbox_connection_get_base_url (self->sandbox), key);
  self->account_name = g_strdup (_ ("Sandbox"));
  return TRUE;
}

/* The account of @service named @name (its display name or id), or with
 * no name the active account of @service, else its first one. */
static AttAccount *
find_account (AttAccountStore *store,
              AttService       service,
              const char      *name)
{
  GListModel *list = G_LIST_MODEL (store);

  if (name == NULL && att_account_store_get_active (store, service) != NULL)
    return att_account_store_get_active (store, service);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AttAccount) account = g_list_model_get_item (list, i);

      if (att_account_get_service (account) != service)
        continue;
      if (name == NULL || g_strcmp0 (att_account_get_display_name (account), name) == 0 ||
          g_strcmp0 (att_account_get_id (account), name) == 0)
        return att_account_store_lookup (store, att_account_get_id (account));
    }
  return NULL;
}

static char *
lookup_key (AttAccountStore     *store,
            AttAccount          *account,
            AttSecretKind        kind,
            const AttCliOptions *options,
            GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  AttSecretStore *secrets = att_account_store_get_secret_store (store);
  char           *key;

  att_secret_store_lookup_async (secrets, att_account_get_id (account), kind, options->cancellable,
                                 att_cli_store_result, &result);
  key = att_secret_store_lookup_finish (secrets, att_cli_await_result (&result), &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (key == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _ ("The keys of “%s” are not in the keyring: enter them again in Attest’s Preferences"),
                 att_account_get_display_name (account));
  return key;
}

static gboolean
open_higg (AttCliConnection    *self,
           AttAccountStore     *store,
           AttAccount          *account,
           const AttCliOptions *options,
           GError             **error)
{
  g_autoptr(AttHiggAuth) auth = NULL;
  char *api_key;
  char *integration_key;

  if ((api_key = lookup_key (store, account, ATT_SECRET_HIGG_API_KEY, options, error)) == NULL)
    return FALSE;
  integration_key = lookup_key (store, account, ATT_SECRET_HIGG_INTEGRATION_KEY, options, error);
  if (integration_key != NULL)
    auth = att_higg_auth_new (api_key, integration_key, att_account_get_public_key_pem (account));
  secret_password_free (api_key);
  if (integration_key == NULL)
    return FALSE;
  secret_password_free (integration_key);

  self->higg = att_higg_client_new (self->http, att_account_get_base_url (account));
  att_higg_client_set_auth (self->higg, auth);
  return TRUE;
}

static gboolean
open_closient (AttCliConnection    *self,
               AttAccountStore     *store,
               AttAccount          *account,
               const AttCliOptions *options,
               GError             **error)
{
  char *key = lookup_key (store, account, ATT_SECRET_CLOSIENT_API_KEY, options, error);

  if (key == NULL)
    return FALSE;
  self->closient = att_closient_client_new (self->http, att_account_get_base_url (account), key);
  secret_password_free (key);
  return TRUE;
}

static gboolean
open_accounts (AttCliConnection    *self,
               const AttCliOptions *options,
               GError             **error)
{
  g_autoptr(AttSecretStore) secrets = att_secret_store_new ();
  g_autoptr(AttAccountStore) store = att_account_store_new (NULL, secrets);
  AttAccount *higg;
  AttAccount *closient;

  if (!att_account_store_load (store, error))
    return FALSE;
  higg = find_account (store, ATT_SERVICE_HIGG, options->account);
  closient = find_account (store, ATT_SERVICE_CLOSIENT, options->account);
  if (options->account != NULL && higg == NULL && closient == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _ ("No account is named “%s”"), options->account);
      return FALSE;
    }
  /* The named account is of one service; the other's is the active one. */
  if (options->account != NULL)
    {
      higg = higg != NULL ? higg : find_account (store, ATT_SERVICE_HIGG, NULL);
      closient = closient != NULL ? closient : find_account (store, ATT_SERVICE_CLOSIENT, NULL);
    }
  if (higg == NULL && closient == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _ ("There is no account: add one in Attest’s Preferences, or use --sandbox-url"));
      return FALSE;
    }
  if (higg != NULL && !open_higg (self, store, higg, options, error))
    return FALSE;
  if (closient != NULL && !open_closient (self, store, closient, options, error))
    return FALSE;
  self->account_name = g_strdup (att_account_get_display_name (higg != NULL ? higg : closient));
  return TRUE;
}

/**
 * att_cli_connection_open:
 *
 * Signs in to the sandbox of --sandbox-url, or to the account of
 * --account (by default the active accounts), waiting on the main context.
 *
 * Returns: (transfer full) (nullable): the clients, or %NULL with @error
 */
AttCliConnection *
att_cli_connection_open (const AttCliOptions *options,
                         GError             **error)
{
  g_autoptr(AttCliConnection) self = g_new0 (AttCliConnection, 1);
  gboolean ok;

  g_return_val_if_fail (options != NULL, NULL);

  self->http = att_http_new ();
  if (options->sandbox_url != NULL)
    ok = open_sandbox (self, options, error);
  else
    ok = open_accounts (self, options, error);
  return ok ? g_steal_pointer (&self) : NULL;
}
