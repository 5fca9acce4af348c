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
 */

struct _AttHiggClient
{
  GObject      parent_instance;

  AttHttp     *http;
  char        *base_url;
  AttHiggAuth *auth;
};

G_DEFINE_FINAL_TYPE (AttHiggClient, att_higg_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HTTP,
  PROP_BASE_URL,
  PROP_AUTH,
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

  G_OBJECT_CLASS (att_higg_client_parent_class)->dispose (object);
}

static void
att_higg_client_finalize (GObject *object)
{
  AttHiggClient *self = (AttHiggClient *) object;

  g_clear_pointer (&self->base_url, g_free);

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
      {
        const char *url = g_value_get_string (value);
        gsize len = url != NULL ? strlen (url) : 0;

        /* Paths are appended with their leading slash. */
        while (len > 0 && url[len - 1] == '/')
          len--;
        g_free (self->base_url);
        self->base_url = g_strndup (url != NULL ? url : "", len);
      }
      break;

    case PROP_AUTH:
      att_higg_client_set_auth (self, g_value_get_object (value));
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
   * `/pic-api/v1` path.
   */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_higg_client_init (AttHiggClient *self)
{
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
