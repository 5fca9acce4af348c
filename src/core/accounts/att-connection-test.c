/* att-connection-test.c: does an account's address and keys work?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-closient-key.h"
#include "att-connection-test.h"
#include "att-error.h"
#include "att-higg-auth.h"
#include "att-higg-client.h"
#include "att-higg-token.h"
#include "att-http.h"
#include "att-page.h"

/**
 * SECTION:att-connection-test
 *
 * The Preferences test an account before it is saved: one small read with
 * the values of the form, and an answer a user can act on.  Higg is asked
 * for one product (which needs both keys and a valid request token);
 * Closient for one certification of its catalogue (which needs the API
 * key).  Both are reads, so a repeat is harmless and AttHttp may retry.
 *
 * Nothing here keeps a secret longer than the request: the keys are copied
 * into the Higg credentials or a request header and dropped with them.
 */

#define CLOSIENT_PROBE_PATH "/certifications/api/v1/certifications?page_size=1"

typedef struct
{
  AttConnectionStatus status;
  char               *message;
} Outcome;

typedef struct
{
  AttService     service;
  AttHiggClient *higg_client; /* kept alive for the request */
} TestData;

static void
outcome_free (Outcome *outcome)
{
  g_free (outcome->message);
  g_free (outcome);
}

static void
test_data_free (TestData *data)
{
  g_clear_object (&data->higg_client);
  g_free (data);
}

static const char *
service_name (AttService service)
{
  switch (service)
    {
    case ATT_SERVICE_HIGG:
      return _ ("Higg");

    case ATT_SERVICE_CLOSIENT:
      return _ ("Closient");

    default:
      return "";
    }
}

static void
return_outcome (GTask              *task,
                AttConnectionStatus status,
                char               *message)
{
  Outcome *outcome = g_new0 (Outcome, 1);

  outcome->status = status;
  outcome->message = message;
  g_task_return_pointer (task, outcome, (GDestroyNotify) outcome_free);
}

/* AttHttp words its transport errors as "Could not connect to the server:
 * <reason>".  Under our own headline only the reason is worth repeating; the
 * prefix is found through the same translatable format, so this works in
 * every language and, should the wording ever change, simply keeps the
 * whole message. */
static const char *
skip_format_prefix (const char *message,
                    const char *format)
{
  const char *placeholder = strstr (format, "%s");
  gsize       prefix_len;

  if (placeholder == NULL)
    return message;

  prefix_len = (gsize) (placeholder - format);
  if (prefix_len > 0 &&
      strncmp (message, format, prefix_len) == 0 &&
      message[prefix_len] != '\0')
    return message + prefix_len;

  return message;
}

static const char *
transport_reason (const GError *error)
{
  const char *formats[] = {
    _ ("Could not connect to the server: %s"),
    _ ("Could not find the server: %s"),
    _ ("Could not establish a secure connection: %s"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *reason = skip_format_prefix (error->message, formats[i]);

      if (reason != error->message)
        return reason;
    }

  return error->message;
}

static gboolean
is_not_an_api_status (guint status)
{
  /* A web site or another API at that address: the path does not exist,
   * does not take this method, or leads elsewhere. */
  return status == SOUP_STATUS_NOT_FOUND ||
         status == SOUP_STATUS_METHOD_NOT_ALLOWED ||
         status == SOUP_STATUS_GONE ||
         (status >= 300 && status < 400);
}

static char *
not_a_server_message (AttService service)
{
  return g_strdup_printf (_ ("The server answered, but it is not the %s API: check the address"),
                          service_name (service));
}

/* Sorts a failure from AttHttp (or a client built on it) into what the
 * user should check. */
static void
return_error_outcome (GTask        *task,
                      AttService    service,
                      const GError *error)
{
  guint http_status;

  if (error->domain != ATT_API_ERROR)
    {
      return_outcome (task, ATT_CONNECTION_FAILED,
                      g_strdup_printf (_ ("The connection test failed: %s"), error->message));
      return;
    }

  http_status = att_api_error_get_http_status (error);

  switch ((AttApiError) error->code)
    {
    case ATT_API_ERROR_UNAUTHORIZED:
    case ATT_API_ERROR_FORBIDDEN:
      if (service == ATT_SERVICE_HIGG && error->code == ATT_API_ERROR_UNAUTHORIZED)
        /* After its second 401 the Higg client says, in a full sentence,
         * which key to check: nothing to add to it. */
        return_outcome (task, ATT_CONNECTION_UNAUTHORIZED, g_strdup (error->message));
      else if (service == ATT_SERVICE_HIGG)
        return_outcome (task, ATT_CONNECTION_UNAUTHORIZED,
                        g_strdup_printf (_ ("The server refused the keys: %s"), error->message));
      else
        return_outcome (task, ATT_CONNECTION_UNAUTHORIZED,
                        g_strdup (_ ("The server refused the key: check the API key, and that "
                                     "it is active and allowed to read certifications")));
      return;

    case ATT_API_ERROR_NETWORK:
    case ATT_API_ERROR_TIMEOUT:
      return_outcome (task, ATT_CONNECTION_UNREACHABLE,
                      g_strdup_printf (_ ("Could not reach the server: %s"),
                                       transport_reason (error)));
      return;

    case ATT_API_ERROR_TLS:
      return_outcome (task, ATT_CONNECTION_TLS_ERROR,
                      g_strdup_printf (_ ("The server’s certificate is not trusted: %s"),
                                       transport_reason (error)));
      return;

    case ATT_API_ERROR_NOT_FOUND:
    case ATT_API_ERROR_BAD_RESPONSE:
      return_outcome (task, ATT_CONNECTION_NOT_A_SERVER, not_a_server_message (service));
      return;

    case ATT_API_ERROR_VALIDATION:
      if (is_not_an_api_status (http_status))
        {
          return_outcome (task, ATT_CONNECTION_NOT_A_SERVER, not_a_server_message (service));
          return;
        }
      break;

    case ATT_API_ERROR_CONFLICT:
    case ATT_API_ERROR_RATE_LIMITED:
    case ATT_API_ERROR_SERVER:
    case ATT_API_ERROR_INSECURE:
    default:
      break;
    }

  return_outcome (task, ATT_CONNECTION_FAILED,
                  g_strdup_printf (_ ("The connection test failed: %s"), error->message));
}

/* Higg */

static void
higg_search_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(AttPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = att_higg_client_search_products_finish (ATT_HIGG_CLIENT (object), result, &error);
  if (page == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        return_error_outcome (task, ATT_SERVICE_HIGG, error);
      return;
    }

  return_outcome (task, ATT_CONNECTION_OK, g_strdup (_ ("Connected to Higg")));
}

static void
start_higg_test (GTask      *task,
                 AttHttp    *http,
                 const char *base_url,
                 const char *api_key,
                 const char *integration_key,
                 const char *public_key_pem)
{
  TestData *data = g_task_get_task_data (task);
  g_autoptr(AttHiggAuth) auth = NULL;
  g_autoptr(GError) error = NULL;

  if (api_key == NULL || *api_key == '\0' ||
      integration_key == NULL || *integration_key == '\0')
    {
      return_outcome (task, ATT_CONNECTION_FAILED,
                      g_strdup (_ ("Enter the API key and the integration key first")));
      return;
    }

  if (public_key_pem == NULL || *public_key_pem == '\0')
    {
      return_outcome (task, ATT_CONNECTION_FAILED,
                      g_strdup (_ ("Choose or paste the developer public key first")));
      return;
    }

  if (!att_higg_public_key_check (public_key_pem, &error))
    {
      return_outcome (task, ATT_CONNECTION_FAILED, g_strdup (error->message));
      return;
    }

  auth = att_higg_auth_new (api_key, integration_key, public_key_pem);
  data->higg_client = att_higg_client_new (http, base_url);
  att_higg_client_set_auth (data->higg_client, auth);

  att_higg_client_search_products_async (data->higg_client, NULL, NULL, 0, 1,
                                         g_task_get_cancellable (task),
                                         higg_search_cb, g_object_ref (task));
}

/* Closient */

/* The catalogue answers a page envelope {"data": [...], "pagination": ...};
 * a bare array is accepted too, as other Closient lists send one. */
static gboolean
looks_like_closient_list (JsonNode *root)
{
  JsonNode *data;

  if (root == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_ARRAY (root))
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  data = json_object_get_member (json_node_get_object (root), "data");
  return data != NULL && JSON_NODE_HOLDS_ARRAY (data);
}

static void
closient_probe_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  root = att_http_send_json_finish (ATT_HTTP (object), result, &error);
  if (root == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        return_error_outcome (task, ATT_SERVICE_CLOSIENT, error);
      return;
    }

  if (!looks_like_closient_list (root))
    {
      return_outcome (task, ATT_CONNECTION_NOT_A_SERVER,
                      not_a_server_message (ATT_SERVICE_CLOSIENT));
      return;
    }

  return_outcome (task, ATT_CONNECTION_OK, g_strdup (_ ("Connected to Closient")));
}

static void
start_closient_test (GTask      *task,
                     AttHttp    *http,
                     const char *base_url,
                     const char *api_key)
{
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  if (api_key == NULL || *api_key == '\0')
    {
      return_outcome (task, ATT_CONNECTION_FAILED, g_strdup (_ ("Enter the API key first")));
      return;
    }

  /* A key that fails its own checksum would only be refused by the server:
   * say what is wrong with it instead. */
  if (!att_closient_key_check (api_key, NULL, &error))
    {
      return_outcome (task, ATT_CONNECTION_FAILED, g_strdup (error->message));
      return;
    }

  headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_replace (headers, "X-API-Key", api_key);
  url = g_strconcat (base_url, CLOSIENT_PROBE_PATH, NULL);

  att_http_send_json_async (http, SOUP_METHOD_GET, url, NULL, headers, TRUE,
                            g_task_get_cancellable (task),
                            closient_probe_cb, g_object_ref (task));
}

/**
 * att_connection_test_async:
 * @http: the pipeline to send the request through
 * @service: which API @base_url serves
 * @base_url: the server, e.g. `https://api-v2.production.higg.org`
 * @api_key: the API key
 * @integration_key: (nullable): the Higg integration key (ignored for Closient)
 * @public_key_pem: (nullable): the Higg developer public key, PEM (ignored
 *   for Closient)
 *
 * Sends one small read to @base_url with these credentials (nothing needs to
 * be saved first) and sorts the answer into an #AttConnectionStatus with a
 * sentence for the user.  Never blocks; cancel with @cancellable.
 */
void
att_connection_test_async (AttHttp            *http,
                           AttService          service,
                           const char         *base_url,
                           const char         *api_key,
                           const char         *integration_key,
                           const char         *public_key_pem,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  TestData        *data;
  gsize            len;

  g_return_if_fail (ATT_IS_HTTP (http));
  g_return_if_fail (service == ATT_SERVICE_HIGG || service == ATT_SERVICE_CLOSIENT);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_connection_test_async));
  data = g_new0 (TestData, 1);
  data->service = service;
  g_task_set_task_data (task, data, (GDestroyNotify) test_data_free);

  /* The API paths are appended to the address, so it must not end in a
   * slash; surrounding blanks come from copying and pasting. */
  url = g_strstrip (g_strdup (base_url != NULL ? base_url : ""));
  len = strlen (url);
  while (len > 0 && url[len - 1] == '/')
    url[--len] = '\0';

  if (!att_account_check_base_url (url, &error))
    {
      return_outcome (task, ATT_CONNECTION_FAILED, g_strdup (error->message));
      return;
    }

  if (service == ATT_SERVICE_HIGG)
    start_higg_test (task, http, url, api_key, integration_key, public_key_pem);
  else
    start_closient_test (task, http, url, api_key);
}

/**
 * att_connection_test_finish:
 * @message: (out) (optional) (transfer full): a translated sentence saying
 *   what happened and, if something failed, what to check
 * @error: set only if the test did not run to the end (cancelled)
 *
 * Returns: how the test went; %ATT_CONNECTION_FAILED with @error set if it
 *   was cancelled
 */
AttConnectionStatus
att_connection_test_finish (GAsyncResult *result,
                            char        **message,
                            GError      **error)
{
  Outcome            *outcome;
  AttConnectionStatus status;

  g_return_val_if_fail (g_task_is_valid (result, NULL), ATT_CONNECTION_FAILED);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                          ATT_SOURCE_TAG (att_connection_test_async),
                        ATT_CONNECTION_FAILED);

  if (message != NULL)
    *message = NULL;

  outcome = g_task_propagate_pointer (G_TASK (result), error);
  if (outcome == NULL)
    return ATT_CONNECTION_FAILED;

  status = outcome->status;
  if (message != NULL)
    *message = g_steal_pointer (&outcome->message);
  outcome_free (outcome);

  return status;
}
