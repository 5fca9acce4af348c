/* att-sandbox.c: the AttSandbox object, its properties and public API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "att-error.h"

#include "att-sandbox.h"
#include "att-sandbox-json.h"
#include "att-sandbox-private.h"
#include "att-sandbox-seed.h"
#include "att-sandbox-util.h"

/*
 * AttSandbox serves the documented PIC endpoints over HTTP on 127.0.0.1.  It
 * runs on the thread-default main context of whoever creates it, so a test
 * can run client and server on one main loop: nothing here blocks waiting
 * for a client.  Added latency pauses the message and answers from a
 * timeout; storage is SQLite on the same thread (fast enough that a request
 * never stalls the loop noticeably).
 *
 * Every error, whatever its status, has one body:
 *   {"statusCode": 400, "error": "Bad Request", "message": "...",
 *    "details": [{"path": "materials[0].netUse", "message": "..."}]}
 * and a 401 also says which credential was refused:
 *   "reason": "api-key" | "token" | "token-expired"
 *
 * Every request under /pic-api/v1 is authenticated (att-sandbox-auth.c);
 * the control endpoints under /_sandbox/ are not, as the server only
 * listens on loopback.
 */

static void att_sandbox_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AttSandbox, att_sandbox, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      att_sandbox_initable_iface_init))

enum {
  PROP_0,
  PROP_DB_PATH,
  PROP_DATA_DIR,
  PROP_BASE_URL,
  PROP_LATENCY,
  PROP_SCORE_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GObject ----------------------------------------------------------------- */

static gboolean
att_sandbox_initable_init (GInitable    *initable,
                           GCancellable *cancellable,
                           GError      **error)
{
  AttSandbox *self = ATT_SANDBOX (initable);

  self->auth = att_sandbox_auth_new (self->data_dir, error);
  if (self->auth == NULL)
    return FALSE;

  self->catalogue = att_sandbox_catalogue_new (error);
  if (self->catalogue == NULL)
    return FALSE;

  self->store = att_sandbox_store_new (self->db_path, error);
  if (self->store == NULL)
    return FALSE;

  self->closient = att_sandbox_closient_new (self->store);

  return TRUE;
}

static void
att_sandbox_initable_iface_init (GInitableIface *iface)
{
  iface->init = att_sandbox_initable_init;
}

static void
att_sandbox_dispose (GObject *object)
{
  AttSandbox *self = (AttSandbox *) object;

  /* Delayed answers are dropped before the server closes their
   * connections. */
  if (self->pending != NULL)
    g_ptr_array_set_size (self->pending, 0);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->closient);
  g_clear_object (&self->store);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->auth);

  G_OBJECT_CLASS (att_sandbox_parent_class)->dispose (object);
}

static void
att_sandbox_finalize (GObject *object)
{
  AttSandbox *self = (AttSandbox *) object;

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->request_counts, g_hash_table_unref);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->fail_path, g_free);

  G_OBJECT_CLASS (att_sandbox_parent_class)->finalize (object);
}

static void
att_sandbox_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AttSandbox *self = ATT_SANDBOX (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_LATENCY:
      g_value_set_uint (value, self->latency_ms);
      break;
    case PROP_SCORE_DELAY:
      g_value_set_uint (value, self->score_delay_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_sandbox_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AttSandbox *self = ATT_SANDBOX (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      self->db_path = g_value_dup_string (value);
      break;
    case PROP_DATA_DIR:
      self->data_dir = g_value_dup_string (value);
      break;
    case PROP_LATENCY:
      att_sandbox_set_latency (self, g_value_get_uint (value));
      break;
    case PROP_SCORE_DELAY:
      att_sandbox_set_score_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_sandbox_class_init (AttSandboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = att_sandbox_dispose;
  object_class->finalize = att_sandbox_finalize;
  object_class->get_property = att_sandbox_get_property;
  object_class->set_property = att_sandbox_set_property;

  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                           G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * AttSandbox:data-dir:
   *
   * Where the sandbox keeps its RSA key pair, or %NULL to keep it in memory.
   */
  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                           G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_LATENCY] =
    g_param_spec_uint ("latency", NULL, NULL,
                       0, 600000, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_SCORE_DELAY] =
    g_param_spec_uint ("score-delay", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_sandbox_init (AttSandbox *self)
{
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) _att_sandbox_pending_free);
  self->malformed_row = -1;
  self->request_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Public API -------------------------------------------------------------- */

/**
 * att_sandbox_new:
 * @db_path: (nullable): an SQLite database file, or %NULL to keep the
 *   products in memory
 *
 * Creates a sandbox with the catalogue and no products.  Call
 * att_sandbox_listen() to serve it.
 *
 * Returns: (transfer full): a new sandbox, or %NULL on error
 */
AttSandbox *
att_sandbox_new (const char *db_path,
                 GError    **error)
{
  return att_sandbox_new_full (db_path, NULL, error);
}

/**
 * att_sandbox_new_full:
 * @db_path: (nullable): an SQLite database file, or %NULL to keep the
 *   products in memory
 * @data_dir: (nullable): the directory of the sandbox's RSA key pair (made
 *   there on first use, the private key readable by its owner only), or
 *   %NULL to make a key pair kept in memory only
 *
 * Like att_sandbox_new(), with a key pair that lasts: a developer public
 * key configured in the app stays valid after a restart.
 *
 * Returns: (transfer full): a new sandbox, or %NULL on error
 */
AttSandbox *
att_sandbox_new_full (const char *db_path,
                      const char *data_dir,
                      GError    **error)
{
  return g_initable_new (ATT_TYPE_SANDBOX, NULL, error,
                         "db-path", db_path,
                         "data-dir", data_dir,
                         NULL);
}

/**
 * att_sandbox_seed_demo:
 *
 * Adds the demo products (more than 60 apparel, footwear and home-textile
 * products), and, the first time on a store, the Product Module products
 * that match them and the demo certificates (with their images, drawn
 * now), and Closient's catalogue (with its logos, drawn now), its records
 * of the demo products' GTINs and their certification assignments.
 * Calling it again adds nothing.
 */
gboolean
att_sandbox_seed_demo (AttSandbox *self,
                       GError    **error)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return att_sandbox_seed_demo_products (self->store, self->catalogue, error) &&
         att_sandbox_seed_demo_certificates (self->store, att_sandbox_now_ms (), error) &&
         att_sandbox_seed_closient_demo (self->store, att_sandbox_now_ms (), error);
}

/**
 * att_sandbox_add_generated_products:
 * @n: how many products
 * @seed: the seed; the same seed gives the same products (and ids), so
 *   adding again with the same seed adds nothing new for the indexes
 *   already added
 *
 * Adds @n generated products in one transaction.
 */
gboolean
att_sandbox_add_generated_products (AttSandbox *self,
                                    guint       n,
                                    guint32     seed,
                                    GError    **error)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return att_sandbox_seed_generated_products (self->store, self->catalogue, n, seed, error);
}

/**
 * att_sandbox_listen:
 * @port: the TCP port, or 0 for any free one
 *
 * Starts serving on 127.0.0.1 (never on other interfaces) on the
 * thread-default main context.
 */
gboolean
att_sandbox_listen (AttSandbox *self,
                    guint       port,
                    GError    **error)
{
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  GSList *listeners;
  guint   bound_port;

  g_return_val_if_fail (ATT_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->server != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "The sandbox is listening already");
      return FALSE;
    }

  server = soup_server_new ("server-header", "attest-sandbox", NULL);
  soup_server_add_early_handler (server, NULL, _att_sandbox_early_callback, self, NULL);
  soup_server_add_handler (server, NULL, _att_sandbox_server_callback, self, NULL);

  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  address = g_inet_socket_address_new (loopback, (guint16) port);
  if (!soup_server_listen (server, address, 0, error))
    return FALSE;

  /* The port comes from the listening socket itself: libsoup 3.2's
   * soup_server_get_uris() leaks an address per call. */
  listeners = soup_server_get_listeners (server);
  local = listeners != NULL ? g_socket_get_local_address (listeners->data, error) : NULL;
  g_slist_free (listeners);
  if (local == NULL || !G_IS_INET_SOCKET_ADDRESS (local))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The sandbox has no address");
      return FALSE;
    }
  bound_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));

  self->server = g_steal_pointer (&server);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%u", bound_port);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);

  return TRUE;
}

/**
 * att_sandbox_get_base_url:
 *
 * Returns: (nullable): `http://127.0.0.1:PORT`, without a trailing slash,
 *   or %NULL before att_sandbox_listen()
 */
const char *
att_sandbox_get_base_url (AttSandbox *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), NULL);

  return self->base_url;
}

/**
 * att_sandbox_set_latency:
 * @ms: milliseconds to wait before answering each API request
 */
void
att_sandbox_set_latency (AttSandbox *self,
                         guint       ms)
{
  g_return_if_fail (ATT_IS_SANDBOX (self));

  ms = MIN (ms, 600000);
  if (self->latency_ms == ms)
    return;
  self->latency_ms = ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATENCY]);
}

guint
att_sandbox_get_latency (AttSandbox *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), 0);

  return self->latency_ms;
}

/**
 * att_sandbox_inject_failure:
 * @http_status: the status to answer, e.g. 500, 503 or 429
 * @count: how many of the next API requests fail; 0 stops failing
 *
 * The failing requests get the error body and, for 429 and 503, a
 * `Retry-After: 1` header; a 401 says `"reason": "token"`.  Requests to
 * `/_sandbox/` are never failed.
 */
void
att_sandbox_inject_failure (AttSandbox *self,
                            guint       http_status,
                            guint       count)
{
  att_sandbox_inject_failure_from (self, http_status, count, 0);
}

/**
 * att_sandbox_inject_failure_from:
 * @min_from: fail only requests whose JSON body has a `from` of at least
 *   this (a later page of a search); 0 for every request
 *
 * Like att_sandbox_inject_failure(), for the requests @min_from selects;
 * the others are answered and do not count.
 */
void
att_sandbox_inject_failure_from (AttSandbox *self,
                                 guint       http_status,
                                 guint       count,
                                 guint       min_from)
{
  g_return_if_fail (ATT_IS_SANDBOX (self));
  g_return_if_fail (count == 0 || (http_status >= 100 && http_status <= 599));

  self->fail_status = count > 0 ? http_status : 0;
  self->fail_count = count;
  self->fail_min_from = count > 0 ? min_from : 0;
  g_clear_pointer (&self->fail_path, g_free);
}

/**
 * att_sandbox_inject_failure_path:
 * @path_prefix: (nullable): fail only requests whose path starts with this,
 *   e.g. `/pic-api/v1/products/update/`; %NULL for every request
 *
 * Like att_sandbox_inject_failure(), for the requests of one route: a test
 * can make saves fail while searches are answered.  The other requests do
 * not count.
 */
void
att_sandbox_inject_failure_path (AttSandbox *self,
                                 guint       http_status,
                                 guint       count,
                                 const char *path_prefix)
{
  g_return_if_fail (ATT_IS_SANDBOX (self));

  att_sandbox_inject_failure_from (self, http_status, count, 0);
  if (count > 0 && path_prefix != NULL && *path_prefix != '\0')
    self->fail_path = g_strdup (path_prefix);
}

/**
 * att_sandbox_set_malformed_row:
 * @row: the index in `results` of the row to spoil, or -1 for none
 *
 * Makes every product search answer send row @row (of those it sends) with
 * a `name` that is a number, as a broken server might, until set to -1.
 */
void
att_sandbox_set_malformed_row (AttSandbox *self,
                               int         row)
{
  g_return_if_fail (ATT_IS_SANDBOX (self));

  self->malformed_row = MAX (row, -1);
}

/**
 * att_sandbox_set_max_request_size:
 * @bytes: the largest request body an API route accepts, or 0 for each
 *   route's usual limit (10 MiB; %ATT_CERTIFICATE_MAX_REQUEST_SIZE for
 *   certificates)
 *
 * Lowers the limit on request bodies, so that a small upload is refused
 * with 413 as a server with a smaller limit than the client knows would
 * refuse it.  Only lowers: a limit above a route's own is that route's.
 */
void
att_sandbox_set_max_request_size (AttSandbox *self,
                                  gsize       bytes)
{
  g_return_if_fail (ATT_IS_SANDBOX (self));

  self->max_request_bytes = bytes;
}

/**
 * att_sandbox_set_score_delay:
 * @ms: how long an eco-score stays `Pending` after a create or update
 *
 * The default is 0, so that tests see `Complete` at once.
 */
void
att_sandbox_set_score_delay (AttSandbox *self,
                             guint       ms)
{
  g_return_if_fail (ATT_IS_SANDBOX (self));

  if (self->score_delay_ms == ms)
    return;
  self->score_delay_ms = ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE_DELAY]);
}

guint
att_sandbox_get_score_delay (AttSandbox *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), 0);

  return self->score_delay_ms;
}

/* Request counts ---------------------------------------------------------- */

void
_att_sandbox_count_request (AttSandbox *self,
                            const char *path)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->request_counts, path));

  g_hash_table_replace (self->request_counts, g_strdup (path), GUINT_TO_POINTER (count + 1));
}

/**
 * att_sandbox_get_request_count:
 * @path: a request path, such as "/pic-api/v1/french-label/image"
 *
 * How many requests for @path the sandbox has served (answered or failed on
 * purpose), so that a test can check how a client splits its work.  Control
 * requests under /_sandbox/ are not counted.
 *
 * Returns: the number of requests for @path since the sandbox was made
 */
guint
att_sandbox_get_request_count (AttSandbox *self,
                               const char *path)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), 0);
  g_return_val_if_fail (path != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->request_counts, path));
}

/**
 * att_sandbox_get_peak_delayed:
 *
 * The most requests the added latency (att_sandbox_set_latency()) held at
 * once: with a latency longer than a request takes, how many requests a
 * client had out together.
 *
 * Returns: a count since the sandbox was made
 */
guint
att_sandbox_get_peak_delayed (AttSandbox *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), 0);

  return self->peak_delayed;
}

/* Credentials ------------------------------------------------------------- */

/**
 * att_sandbox_get_api_key:
 *
 * Returns: the API key the sandbox accepts in `x-api-key`; random for each
 *   sandbox unless set with att_sandbox_set_credentials()
 */
const char *
att_sandbox_get_api_key (AttSandbox *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), NULL);

  return att_sandbox_auth_get_api_key (self->auth);
}

/**
 * att_sandbox_get_integration_key:
 *
 * Returns: the integration key that request tokens must hold
 */
const char *
att_sandbox_get_integration_key (AttSandbox *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), NULL);

  return att_sandbox_auth_get_integration_key (self->auth);
}

/**
 * att_sandbox_get_public_key_pem:
 *
 * Returns: the developer public key (PEM, `-----BEGIN PUBLIC KEY-----`)
 *   that request tokens must be encrypted with
 */
const char *
att_sandbox_get_public_key_pem (AttSandbox *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), NULL);

  return att_sandbox_auth_get_public_key_pem (self->auth);
}

/**
 * att_sandbox_set_credentials:
 * @api_key: the API key to accept
 * @integration_key: the integration key request tokens must hold
 *
 * Replaces the random credentials, for tests that need fixed values.
 */
void
att_sandbox_set_credentials (AttSandbox *self,
                             const char *api_key,
                             const char *integration_key)
{
  g_return_if_fail (ATT_IS_SANDBOX (self));
  g_return_if_fail (api_key != NULL && *api_key != '\0');
  g_return_if_fail (integration_key != NULL && *integration_key != '\0');

  att_sandbox_auth_set_credentials (self->auth, api_key, integration_key);
}

/* Closient ---------------------------------------------------------------- */

/**
 * att_sandbox_get_closient_api_key:
 * @kind: which of the sandbox's keys
 *
 * Returns: the Closient API key of @kind that the sandbox accepts in
 *   `X-API-Key` (one of each kind, random for each sandbox unless set with
 *   att_sandbox_set_closient_api_key()); the business (`csb_`) key is the
 *   demo account's
 */
const char *
att_sandbox_get_closient_api_key (AttSandbox        *self,
                                  AttClosientKeyKind kind)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), NULL);

  return att_sandbox_closient_get_key (self->closient, kind);
}

/**
 * att_sandbox_set_closient_api_key:
 * @key: a well-formed Closient key (att_closient_key_check())
 *
 * Replaces the accepted key of @key's kind, for tests that need a fixed
 * one.
 */
void
att_sandbox_set_closient_api_key (AttSandbox *self,
                                  const char *key)
{
  g_return_if_fail (ATT_IS_SANDBOX (self));
  g_return_if_fail (att_closient_key_check (key, NULL, NULL));

  att_sandbox_closient_set_key (self->closient, key);
}

/**
 * att_sandbox_configure_closient:
 * @settings_json: what POST /_sandbox/closient-limits takes: `{"perMinute",
 *   "perDay", "windowSeconds", "retryAfterHeader", "errorShape",
 *   "readOnlyKeys"}`, each optional
 *
 * Changes Closient's rate limits and test settings (and starts new
 * rate-limit windows), as the control endpoint does.
 *
 * Returns: %FALSE, changing nothing, if @settings_json is not valid; the
 *   error is in the %ATT_API_ERROR domain with the field errors
 */
gboolean
att_sandbox_configure_closient (AttSandbox *self,
                                const char *settings_json,
                                GError    **error)
{
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(GPtrArray) field_errors = att_field_error_array_new ();

  g_return_val_if_fail (ATT_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (settings_json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  settings = att_sandbox_json_parse_object (settings_json, error);
  if (settings == NULL)
    return FALSE;

  if (!att_sandbox_closient_configure (self->closient, settings, field_errors))
    {
      GError *local_error = g_error_new_literal (ATT_API_ERROR, ATT_API_ERROR_VALIDATION,
                                                 "Invalid Closient settings");

      att_api_error_set_details (local_error, 400, field_errors, -1);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
