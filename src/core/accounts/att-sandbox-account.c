/* att-sandbox-account.c: the demo account a sandbox hands out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "att-error.h"
#include "att-higg-auth.h"
#include "att-http.h"
#include "att-sandbox-account.h"

/* A sandbox (attest-sandbox, or the demo's child) makes new API and
 * integration keys every time it starts, and hands them out, with its
 * developer public key, at GET /_sandbox/demo-account, with a Closient
 * key (`closientApiKey`) when it serves Closient's routes.  They are kept
 * in memory only, in the AttHiggAuth made from them and the Closient
 * client, and never logged. */


static const char *
get_member (JsonObject *object,
            const char *name)
{
  return object != NULL ? json_object_get_string_member_with_default (object, name, NULL) : NULL;
}

/* What the demo account is made of: the Higg credentials and, from a
 * sandbox that serves Closient's routes, a Closient key. */
typedef struct
{
  AttHiggAuth *auth;
  char        *closient_key;
} DemoAccount;

static void
demo_account_free (DemoAccount *account)
{
  g_clear_object (&account->auth);
  g_free (account->closient_key);
  g_free (account);
}

static DemoAccount *
account_from_json (JsonNode *node,
                   GError  **error)
{
  JsonObject  *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char  *api_key = get_member (object, "apiKey");
  const char  *integration_key = get_member (object, "integrationKey");
  const char  *public_key = get_member (object, "publicKey");
  DemoAccount *account;

  if (api_key == NULL || integration_key == NULL || public_key == NULL)
    {
      g_set_error_literal (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE,
                           _ ("The sandbox did not offer a demo account."));
      return NULL;
    }

  account = g_new0 (DemoAccount, 1);
  account->auth = att_higg_auth_new (api_key, integration_key, public_key);
  account->closient_key = g_strdup (get_member (object, "closientApiKey"));
  return account;
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError      *error = NULL;
  DemoAccount *account;

  node = att_http_send_json_finish (ATT_HTTP (object), result, &error);
  account = node != NULL ? account_from_json (node, &error) : NULL;
  if (account == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, account, (GDestroyNotify) demo_account_free);
}

/**
 * att_sandbox_account_fetch_async:
 * @base_url: the sandbox, e.g. `http://127.0.0.1:8080`
 *
 * Asks the sandbox for its demo account.
 */
void
att_sandbox_account_fetch_async (AttHttp            *http,
                                 const char         *base_url,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *url = NULL;

  g_return_if_fail (ATT_IS_HTTP (http));
  g_return_if_fail (base_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_sandbox_account_fetch_async));
  url = g_strconcat (base_url, g_str_has_suffix (base_url, "/") ? "" : "/",
                     "_sandbox/demo-account", NULL);
  att_http_send_json_async (http, "GET", url, NULL, NULL, TRUE, cancellable,
                            fetched_cb, g_steal_pointer (&task));
}

/**
 * att_sandbox_account_fetch_finish:
 * @out_closient_key: (out) (optional) (nullable) (transfer full): the
 *   sandbox's Closient key, or %NULL if it offers none
 *
 * Returns: (transfer full): the demo account's credentials, or %NULL
 */
AttHiggAuth *
att_sandbox_account_fetch_finish (GAsyncResult *result,
                                  char        **out_closient_key,
                                  GError      **error)
{
  DemoAccount *account;
  AttHiggAuth *auth;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_sandbox_account_fetch_async), NULL);

  if (out_closient_key != NULL)
    *out_closient_key = NULL;
  account = g_task_propagate_pointer (G_TASK (result), error);
  if (account == NULL)
    return NULL;

  auth = g_steal_pointer (&account->auth);
  if (out_closient_key != NULL)
    *out_closient_key = g_steal_pointer (&account->closient_key);
  demo_account_free (account);
  return auth;
}
