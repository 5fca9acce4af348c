/* att-higg-client.c: the Higg (Worldly) PIC API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The GObject and its properties.  Sending a call and checking its answer
 * is in att-higg-client-call.c; the calls themselves are in
 * att-higg-client-products.c and att-higg-client-catalogs.c. */

#include "config.h"

#include <string.h>

#include "att-higg-auth.h"
#include "att-higg-client-private.h"
#include "att-http.h"
#include "att-sandbox-connection.h"

/**
 * AttHiggClient:
 *
 * The calls of the Higg Product Impact Calculator API (api-higg.md §3) that
 * Attest uses, on top of #AttHttp. Every answer is checked before it is
 * believed: a page must have a `results` array of objects and a numeric
 * `total`, and each result must parse, or the call fails with
 * %ATT_API_ERROR_BAD_RESPONSE naming the field, e.g.
 * `results[7].materials[0].composition: expected a number`.
 *
 * Searches are idempotent and may be retried by #AttHttp; create and update
 * are not, because a repeated create would store the product twice.
 *
 * With an #AttHiggAuth set, every request carries `x-api-key` and
 * `x-developer-request-token`.  A 401 is answered by making a new token and
 * sending the request once more; that is safe for create and update too,
 * because a server that refuses the credentials has done nothing.  A second
 * 401 is reported as %ATT_API_ERROR_UNAUTHORIZED with a message saying which
 * key to check.
 *
 * A client of a sandbox (the demo, or `--sandbox-url`) has an
 * #AttSandboxConnection: a call refused with 401 even with a new token, or
 * one that could not reach the demo's server, asks it to sign in again
 * (restarting the demo's server if it died) and is sent once more.  After
 * the demo's server was restarted, only idempotent calls are sent again by
 * themselves: a change is reported, for the user to make again on the demo
 * data as it is now.
 */

struct _AttHiggClient
{
  GObject               parent_instance;

  AttHttp              *http;
  char                 *base_url;
  AttHiggAuth          *auth;
  AttSandboxConnection *sandbox_connection;
  char                 *categories_path;
  char                 *sizes_path;
};

G_DEFINE_FINAL_TYPE (AttHiggClient, att_higg_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HTTP,
  PROP_BASE_URL,
  PROP_AUTH,
  PROP_SANDBOX_CONNECTION,
  PROP_CATEGORIES_PATH,
  PROP_SIZES_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- GObject ----------------------------------------------------------- */

static void
att_higg_client_dispose (GObject *object)
{
  AttHiggClient *self = (AttHiggClient *) object;

  g_clear_object (&self->http);
  g_clear_object (&self->auth);
  g_clear_object (&self->sandbox_connection);

  G_OBJECT_CLASS (att_higg_client_parent_class)->dispose (object);
}

static void
att_higg_client_finalize (GObject *object)
{
  AttHiggClient *self = (AttHiggClient *) object;

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->categories_path, g_free);
  g_clear_pointer (&self->sizes_path, g_free);

  G_OBJECT_CLASS (att_higg_client_parent_class)->finalize (object);
}

static void
att_higg_client_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AttHiggClient *self = ATT_HIGG_CLIENT (object);

  switch (prop_id)
    {
    case PROP_HTTP:
      g_value_set_object (value, self->http);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_AUTH:
      g_value_set_object (value, self->auth);
      break;

    case PROP_SANDBOX_CONNECTION:
      g_value_set_object (value, self->sandbox_connection);
      break;

    case PROP_CATEGORIES_PATH:
      g_value_set_string (value, self->categories_path);
      break;

    case PROP_SIZES_PATH:
      g_value_set_string (value, self->sizes_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_higg_client_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AttHiggClient *self = ATT_HIGG_CLIENT (object);

  switch (prop_id)
    {
    case PROP_HTTP:
      self->http = g_value_dup_object (value);
      break;

    case PROP_BASE_URL:
      att_higg_client_set_base_url (self, g_value_get_string (value));
      break;

    case PROP_AUTH:
      att_higg_client_set_auth (self, g_value_get_object (value));
      break;

    case PROP_SANDBOX_CONNECTION:
      att_higg_client_set_sandbox_connection (self, g_value_get_object (value));
      break;

    case PROP_CATEGORIES_PATH:
      att_higg_client_set_categories_path (self, g_value_get_string (value));
      break;

    case PROP_SIZES_PATH:
      att_higg_client_set_sizes_path (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_higg_client_constructed (GObject *object)
{
  AttHiggClient *self = (AttHiggClient *) object;

  G_OBJECT_CLASS (att_higg_client_parent_class)->constructed (object);

  if (self->http == NULL)
    self->http = att_http_new ();
  if (self->base_url == NULL)
    self->base_url = g_strdup ("");
}

static void
att_higg_client_class_init (AttHiggClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = att_higg_client_constructed;
  object_class->dispose = att_higg_client_dispose;
  object_class->finalize = att_higg_client_finalize;
  object_class->get_property = att_higg_client_get_property;
  object_class->set_property = att_higg_client_set_property;

  properties[PROP_HTTP] =
    g_param_spec_object ("http", NULL, NULL,
                         ATT_TYPE_HTTP,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AttHiggClient:base-url:
   *
   * The server, e.g. `https://api-v2.production.higg.org`, without the
   * `/pic-api/v1` path.  A change (a restarted demo server listens on a
   * new port) applies to the requests sent after it.
   */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AttHiggClient:auth:
   *
   * The credentials sent with every request, or %NULL to send none (the
   * server then answers 401).  A change applies to calls started after it.
   */
  properties[PROP_AUTH] =
    g_param_spec_object ("auth", NULL, NULL,
                         ATT_TYPE_HIGG_AUTH,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AttHiggClient:sandbox-connection:
   *
   * For a client of a sandbox, what signs it in again after a failure
   * (see #AttSandboxConnection); %NULL for an account.
   */
  properties[PROP_SANDBOX_CONNECTION] =
    g_param_spec_object ("sandbox-connection", NULL, NULL,
                         ATT_TYPE_SANDBOX_CONNECTION,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AttHiggClient:categories-path:
   *
   * The path, after `/pic-api/v1`, of the "get categories" list, which
   * Higg does not document; by default the sandbox's choice,
   * %ATT_HIGG_DEFAULT_CATEGORIES_PATH (docs/api-higg-sandbox.md).
   */
  properties[PROP_CATEGORIES_PATH] =
    g_param_spec_string ("categories-path", NULL, NULL,
                         ATT_HIGG_DEFAULT_CATEGORIES_PATH,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AttHiggClient:sizes-path:
   *
   * The path, after `/pic-api/v1`, of the "get available sizes" list of
   * one category: `{categoryExpansionId}` in it is replaced by the
   * category id; a path without it gets the id as a
   * `?categoryExpansionId=` query.  By default the sandbox's choice,
   * %ATT_HIGG_DEFAULT_SIZES_PATH.
   */
  properties[PROP_SIZES_PATH] =
    g_param_spec_string ("sizes-path", NULL, NULL,
                         ATT_HIGG_DEFAULT_SIZES_PATH,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_higg_client_init (AttHiggClient *self)
{
}

/* A path must start with a slash, as the paths appended to the prefix do;
 * NULL means the default. */
static gboolean
set_path (AttHiggClient *self,
          char         **slot,
          const char    *path,
          const char    *fallback,
          GParamSpec    *pspec)
{
  if (path == NULL)
    path = fallback;
  g_return_val_if_fail (path[0] == '/', FALSE);

  if (g_strcmp0 (*slot, path) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  return TRUE;
}

/**
 * att_higg_client_get_categories_path:
 *
 * Returns: (transfer none): see #AttHiggClient:categories-path
 */
const char *
att_higg_client_get_categories_path (AttHiggClient *self)
{
  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (self), NULL);

  return self->categories_path;
}

/**
 * att_higg_client_set_categories_path:
 * @path: (nullable): a path starting with `/`, after `/pic-api/v1`; %NULL
 *   for the default
 */
void
att_higg_client_set_categories_path (AttHiggClient *self,
                                     const char    *path)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));

  set_path (self, &self->categories_path, path, ATT_HIGG_DEFAULT_CATEGORIES_PATH,
            properties[PROP_CATEGORIES_PATH]);
}

/**
 * att_higg_client_get_sizes_path:
 *
 * Returns: (transfer none): see #AttHiggClient:sizes-path
 */
const char *
att_higg_client_get_sizes_path (AttHiggClient *self)
{
  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (self), NULL);

  return self->sizes_path;
}

/**
 * att_higg_client_set_sizes_path:
 * @path: (nullable): a path starting with `/`, after `/pic-api/v1`, with
 *   `{categoryExpansionId}` where the id goes; %NULL for the default
 */
void
att_higg_client_set_sizes_path (AttHiggClient *self,
                                const char    *path)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));

  set_path (self, &self->sizes_path, path, ATT_HIGG_DEFAULT_SIZES_PATH,
            properties[PROP_SIZES_PATH]);
}

/**
 * att_higg_client_new:
 * @http: the shared pipeline
 * @base_url: the server, e.g. `https://api-v2.production.higg.org`
 *
 * Returns: (transfer full): a new client
 */
AttHiggClient *
att_higg_client_new (AttHttp    *http,
                     const char *base_url)
{
  g_return_val_if_fail (ATT_IS_HTTP (http), NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (ATT_TYPE_HIGG_CLIENT,
                       "http", http,
                       "base-url", base_url,
                       NULL);
}

/**
 * att_higg_client_get_base_url:
 *
 * Returns: (transfer none): the server address, without a trailing slash
 */
const char *
att_higg_client_get_base_url (AttHiggClient *self)
{
  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (self), NULL);

  return self->base_url;
}

/**
 * att_higg_client_set_base_url:
 * @base_url: the server, with or without a trailing slash
 */
void
att_higg_client_set_base_url (AttHiggClient *self,
                              const char    *base_url)
{
  gsize            len = base_url != NULL ? strlen (base_url) : 0;
  g_autofree char *url = NULL;

  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));

  /* Paths are appended with their leading slash. */
  while (len > 0 && base_url[len - 1] == '/')
    len--;
  url = g_strndup (base_url != NULL ? base_url : "", len);
  if (g_strcmp0 (url, self->base_url) == 0)
    return;
  g_free (self->base_url);
  self->base_url = g_steal_pointer (&url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
}

/**
 * att_higg_client_get_http:
 *
 * Returns: (transfer none): the pipeline the client sends through
 */
AttHttp *
att_higg_client_get_http (AttHiggClient *self)
{
  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (self), NULL);

  return self->http;
}

/**
 * att_higg_client_set_auth:
 * @auth: (nullable): the account's credentials, or %NULL for none
 *
 * Sets the credentials sent with every request started from now on.
 */
void
att_higg_client_set_auth (AttHiggClient *self,
                          AttHiggAuth   *auth)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (auth == NULL || ATT_IS_HIGG_AUTH (auth));

  if (g_set_object (&self->auth, auth))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTH]);
}

/**
 * att_higg_client_get_auth:
 *
 * Returns: (transfer none) (nullable): the credentials sent with requests
 */
AttHiggAuth *
att_higg_client_get_auth (AttHiggClient *self)
{
  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (self), NULL);

  return self->auth;
}

/**
 * att_higg_client_set_sandbox_connection:
 * @connection: (nullable): what signs the client in to its sandbox again
 */
void
att_higg_client_set_sandbox_connection (AttHiggClient        *self,
                                        AttSandboxConnection *connection)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (connection == NULL || ATT_IS_SANDBOX_CONNECTION (connection));

  if (g_set_object (&self->sandbox_connection, connection))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SANDBOX_CONNECTION]);
}

/**
 * att_higg_client_get_sandbox_connection:
 *
 * Returns: (transfer none) (nullable): the sandbox connection, if any
 */
AttSandboxConnection *
att_higg_client_get_sandbox_connection (AttHiggClient *self)
{
  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (self), NULL);

  return self->sandbox_connection;
}
