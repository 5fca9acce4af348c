/* att-closient-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The object, and how every call is sent: the key in X-API-Key, every
 * call idempotent (GET, PATCH and DELETE are, here) and willing to wait
 * out a rate limit, which the UI shows (AttHttp::rate-limit-wait).  The
 * calls themselves are in att-closient-client-lists.c and
 * att-closient-client-assignments.c, their answers read in
 * att-closient-client-answer.c. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "att-closient-client-private.h"
#include "att-error.h"
#include "att-gtin.h"
#include "att-http.h"

/**
 * AttClosientClient:
 *
 * Closient's certifications and products APIs (api-closient.md), for one
 * account: a base URL and an API key.  The key is only ever put in the
 * X-API-Key header: AttHttp never logs a header, and this client takes it
 * out of any error message a server might have echoed it in.
 */
struct _AttClosientClient
{
  GObject  parent_instance;

  AttHttp *http;
  char    *base_url;
  char    *api_key;
  guint    page_size;
};

G_DEFINE_FINAL_TYPE (AttClosientClient, att_closient_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HTTP,
  PROP_BASE_URL,
  PROP_PAGE_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_closient_client_dispose (GObject *object)
{
  AttClosientClient *self = (AttClosientClient *) object;

  g_clear_object (&self->http);

  G_OBJECT_CLASS (att_closient_client_parent_class)->dispose (object);
}

static void
att_closient_client_finalize (GObject *object)
{
  AttClosientClient *self = (AttClosientClient *) object;

  g_free (self->base_url);
  /* The key is not left in freed memory for anyone to find. */
  if (self->api_key != NULL)
    memset (self->api_key, 0, strlen (self->api_key));
  g_free (self->api_key);

  G_OBJECT_CLASS (att_closient_client_parent_class)->finalize (object);
}

static void
att_closient_client_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AttClosientClient *self = ATT_CLOSIENT_CLIENT (object);

  switch (prop_id)
    {
    case PROP_HTTP:
      g_value_set_object (value, self->http);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_closient_client_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AttClosientClient *self = ATT_CLOSIENT_CLIENT (object);

  switch (prop_id)
    {
    case PROP_PAGE_SIZE:
      att_closient_client_set_page_size (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_closient_client_class_init (AttClosientClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = att_closient_client_dispose;
  object_class->finalize = att_closient_client_finalize;
  object_class->get_property = att_closient_client_get_property;
  object_class->set_property = att_closient_client_set_property;

  properties[PROP_HTTP] =
    g_param_spec_object ("http", NULL, NULL, ATT_TYPE_HTTP,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * AttClosientClient:page-size:
   *
   * How many rows the paged models fetch at a time: 1 to 100, 25 (the
   * server's default) unless set.
   */
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL,
                       1, ATT_CLOSIENT_MAX_PAGE_SIZE, ATT_CLOSIENT_DEFAULT_PAGE_SIZE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_closient_client_init (AttClosientClient *self)
{
  self->page_size = ATT_CLOSIENT_DEFAULT_PAGE_SIZE;
}

/**
 * att_closient_client_new:
 * @http: the pipeline to send through
 * @base_url: Closient's address, e.g. %ATT_CLOSIENT_PRODUCTION_URL, or a
 *   sandbox's (which serves the same paths at its root)
 * @api_key: the account's key (`csb_`, `csu_` or `cpk_`)
 *
 * Returns: (transfer full): a client of that account
 */
AttClosientClient *
att_closient_client_new (AttHttp    *http,
                         const char *base_url,
                         const char *api_key)
{
  AttClosientClient *self;
  gsize              length;

  g_return_val_if_fail (ATT_IS_HTTP (http), NULL);
  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (api_key != NULL, NULL);

  self = g_object_new (ATT_TYPE_CLOSIENT_CLIENT, NULL);
  self->http = g_object_ref (http);
  length = strlen (base_url);
  while (length > 0 && base_url[length - 1] == '/')
    length--;
  self->base_url = g_strndup (base_url, length);
  self->api_key = g_strdup (api_key);
  return self;
}

/**
 * att_closient_client_get_base_url:
 *
 * Returns: the address the client talks to, without a trailing slash
 */
const char *
att_closient_client_get_base_url (AttClosientClient *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_CLIENT (self), NULL);

  return self->base_url;
}

/**
 * att_closient_client_get_http:
 *
 * Returns: (transfer none): the pipeline, whose #AttHttp::rate-limit-wait
 *   tells of the waits for Closient's rate limit
 */
AttHttp *
att_closient_client_get_http (AttClosientClient *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_CLIENT (self), NULL);

  return self->http;
}

guint
att_closient_client_get_page_size (AttClosientClient *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_CLIENT (self), ATT_CLOSIENT_DEFAULT_PAGE_SIZE);

  return self->page_size;
}

/**
 * att_closient_client_set_page_size:
 * @page_size: 1 to 100
 *
 * Sets the page size of the models made from now on.
 */
void
att_closient_client_set_page_size (AttClosientClient *self,
                                   guint              page_size)
{
  g_return_if_fail (ATT_IS_CLOSIENT_CLIENT (self));
  g_return_if_fail (page_size >= 1 && page_size <= ATT_CLOSIENT_MAX_PAGE_SIZE);

  if (self->page_size == page_size)
    return;

  self->page_size = page_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SIZE]);
}

const char *
att_closient_client_get_api_key (AttClosientClient *self)
{
  return self->api_key;
}

/* --- Sending ----------------------------------------------------------- */

/**
 * att_closient_client_gtin_path:
 * @api: %ATT_CLOSIENT_CERTIFICATIONS_API or %ATT_CLOSIENT_PRODUCTS_API
 * @gtin: a GTIN of 8, 12, 13 or 14 digits
 * @rest: (nullable): what follows `/products/{gtin}`
 *
 * Checks @gtin (length and check digit) so that a wrong one never reaches
 * the network, and puts it in the path padded to 14 digits.
 *
 * Returns: (transfer full) (nullable): the path, or %NULL with an
 *   %ATT_GTIN_ERROR
 */
char *
att_closient_client_gtin_path (const char *api,
                               const char *gtin,
                               const char *rest,
                               GError    **error)
{
  g_autofree char *gtin14 = NULL;

  if (!att_gtin_normalize (gtin, &gtin14, error))
    return NULL;
  return g_strconcat (api, "/products/", gtin14, rest, NULL);
}

/* A server could echo what it was sent; the key must not reach a message
 * a user copies into a bug report. */
static GError *
scrub_key (GError     *error,
           const char *api_key)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *message = NULL;

  if (error == NULL || api_key == NULL || *api_key == '\0' || strstr (error->message, api_key) == NULL)
    return error;

  parts = g_strsplit (error->message, api_key, -1);
  message = g_strjoinv ("…", parts);
  g_free (error->message);
  error->message = g_steal_pointer (&message);
  return error;
}

static void
on_answer (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AttClosientClient *self = g_task_get_source_object (task);
  GError            *error = NULL;
  GObject           *answer;

  answer = att_http_send_bytes_read_finish (ATT_HTTP (source_object), result, NULL, &error);
  if (answer == NULL)
    g_task_return_error (task, scrub_key (error, self->api_key));
  else
    g_task_return_pointer (task, answer, g_object_unref);
}

/**
 * att_closient_client_send:
 * @path: the path and query after the base URL, starting with `/`
 * @body: (nullable): the JSON body
 * @call: (transfer full): how to read the answer
 * @source_tag: the public function, for att_closient_client_finish()
 *
 * Sends one call with the account's key.  Every Closient call is
 * idempotent, so it is retried after a network failure, a 429 (after
 * waiting) or a 502/503/504, as AttHttp's retry policy says.
 */
void
att_closient_client_send (AttClosientClient  *self,
                          const char         *method,
                          const char         *path,
                          JsonNode           *body,
                          AttClosientCall    *call,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data,
                          gpointer            source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) bytes = body != NULL ? att_http_json_to_bytes (body) : NULL;
  g_autofree char *url = g_strconcat (self->base_url, path, NULL);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) att_closient_call_free);
  soup_message_headers_replace (headers, "X-API-Key", self->api_key);

  att_http_send_bytes_read_async (self->http, method, url, bytes, headers,
                                  ATT_HTTP_SEND_IDEMPOTENT | ATT_HTTP_SEND_WAIT_RATE_LIMIT,
                                  att_closient_call_read, call, NULL, NULL,
                                  cancellable, on_answer, g_steal_pointer (&task));
}

/* Ends a call that is refused before it is sent (a GTIN or an id that is
 * not one, a patch that fails its checks), as the call would end: later,
 * through @callback. */
void
att_closient_client_fail (AttClosientClient  *self,
                          GError             *error,
                          GAsyncReadyCallback callback,
                          gpointer            user_data,
                          gpointer            source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_return_error (task, error);
}

gpointer
att_closient_client_finish (AttClosientClient *self,
                            GAsyncResult      *result,
                            gpointer           source_tag,
                            GError           **error)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
