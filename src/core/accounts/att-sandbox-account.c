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
 * developer public key, at GET /_sandbox/demo-account.  They are kept in
 * memory only, in the AttHiggAuth made from them, and never logged. */


static const char *
get_member (JsonObject *object,
            const char *name)
{
  return object != NULL ? json_object_get_string_member_with_default (object, name, NULL) : NULL;
}

static AttHiggAuth *
auth_from_json (JsonNode *node,
                GError  **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *api_key = get_member (object, "apiKey");
  const char *integration_key = get_member (object, "integrationKey");
  const char *public_key = get_member (object, "publicKey");

  if (api_key == NULL || integration_key == NULL || public_key == NULL)
    {
      g_set_error_literal (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE,
                           _ ("The sandbox did not offer a demo account."));
      return NULL;
    }

  return att_higg_auth_new (api_key, integration_key, public_key);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError      *error = NULL;
  AttHiggAuth *auth;

  node = att_http_send_json_finish (ATT_HTTP (object), result, &error);
  auth = node != NULL ? auth_from_json (node, &error) : NULL;
  if (auth == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, auth, g_object_unref);
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
 *
 * Returns: (transfer full): the demo account's credentials, or %NULL
 */
AttHiggAuth *
att_sandbox_account_fetch_finish (GAsyncResult *result,
                                  GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_sandbox_account_fetch_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
