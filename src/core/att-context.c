/* att-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-account-store.h"
#include "att-certificate.h"
#include "att-closient-client.h"
#include "att-context.h"
#include "att-draft-store.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-product.h"
#include "att-product-cache.h"
#include "att-secret-store.h"

/* AttContext carries the services (API clients now; the account store and
 * settings later) to every widget as a construct property, so that any page
 * can be built in a test against a sandbox without globals. */
struct _AttContext
{
  GObject            parent_instance;

  AttHttp           *http;
  AttAccountStore   *accounts;
  AttHiggClient     *higg_client;
  AttClosientClient *closient_client;
  AttDraftStore     *drafts;
  AttProductCache   *cache;
  char              *account_id;
  gboolean           is_demo;
  guint              expiry_lead_days;
};

G_DEFINE_FINAL_TYPE (AttContext, att_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HTTP,
  PROP_ACCOUNT_STORE,
  PROP_HIGG_CLIENT,
  PROP_CLOSIENT_CLIENT,
  PROP_IS_DEMO,
  PROP_ACCOUNT_ID,
  PROP_EXPIRY_LEAD_DAYS,
  N_PROPS
};

enum {
  PRODUCT_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void
att_context_dispose (GObject *object)
{
  AttContext *self = (AttContext *) object;

  g_clear_object (&self->cache);
  g_clear_object (&self->higg_client);
  g_clear_object (&self->closient_client);
  g_clear_object (&self->drafts);
  g_clear_object (&self->accounts);
  g_clear_object (&self->http);

  G_OBJECT_CLASS (att_context_parent_class)->dispose (object);
}

static void
att_context_finalize (GObject *object)
{
  AttContext *self = (AttContext *) object;

  g_free (self->account_id);

  G_OBJECT_CLASS (att_context_parent_class)->finalize (object);
}

static void
att_context_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AttContext *self = ATT_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_HTTP:
      g_value_set_object (value, self->http);
      break;

    case PROP_ACCOUNT_STORE:
      g_value_set_object (value, self->accounts);
      break;

    case PROP_HIGG_CLIENT:
      g_value_set_object (value, self->higg_client);
      break;

    case PROP_CLOSIENT_CLIENT:
      g_value_set_object (value, self->closient_client);
      break;

    case PROP_IS_DEMO:
      g_value_set_boolean (value, self->is_demo);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_string (value, self->account_id);
      break;

    case PROP_EXPIRY_LEAD_DAYS:
      g_value_set_uint (value, self->expiry_lead_days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_context_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AttContext *self = ATT_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_HTTP:
      self->http = g_value_dup_object (value);
      break;

    case PROP_ACCOUNT_STORE:
      self->accounts = g_value_dup_object (value);
      break;

    case PROP_HIGG_CLIENT:
      self->higg_client = g_value_dup_object (value);
      break;

    case PROP_CLOSIENT_CLIENT:
      att_context_set_closient_client (self, g_value_get_object (value));
      break;

    case PROP_IS_DEMO:
      att_context_set_is_demo (self, g_value_get_boolean (value));
      break;

    case PROP_ACCOUNT_ID:
      att_context_set_account_id (self, g_value_get_string (value));
      break;

    case PROP_EXPIRY_LEAD_DAYS:
      att_context_set_expiry_lead_days (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_context_class_init (AttContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = att_context_dispose;
  object_class->finalize = att_context_finalize;
  object_class->get_property = att_context_get_property;
  object_class->set_property = att_context_set_property;

  properties[PROP_HTTP] =
    g_param_spec_object ("http", NULL, NULL,
                         ATT_TYPE_HTTP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ACCOUNT_STORE] =
    g_param_spec_object ("account-store", NULL, NULL,
                         ATT_TYPE_ACCOUNT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HIGG_CLIENT] =
    g_param_spec_object ("higg-client", NULL, NULL,
                         ATT_TYPE_HIGG_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The Closient client of the connected account or the demo; NULL when
   * there is no Closient account. */
  properties[PROP_CLOSIENT_CLIENT] =
    g_param_spec_object ("closient-client", NULL, NULL,
                         ATT_TYPE_CLOSIENT_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_IS_DEMO] =
    g_param_spec_boolean ("is-demo", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The id of the connected account: it names the account's drafts and
   * local cache.  "demo" for the demo sandbox. */
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_string ("account-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* How many days before its expiry a certificate counts as expiring (and
   * raises an alert): the Preferences setting, 60 by default. */
  properties[PROP_EXPIRY_LEAD_DAYS] =
    g_param_spec_uint ("expiry-lead-days", NULL, NULL,
                       1, ATT_CONTEXT_MAX_EXPIRY_LEAD_DAYS, ATT_CERTIFICATE_DEFAULT_LEAD_DAYS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AttContext::product-saved:
   * @product: the server's copy of the product after a create or update
   *
   * Emitted by whoever saved a product, so that every list, the local cache
   * and other views can replace their copy.
   */
  signals[PRODUCT_SAVED] =
    g_signal_new ("product-saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ATT_TYPE_PRODUCT);
}

static void
att_context_init (AttContext *self)
{
  self->expiry_lead_days = ATT_CERTIFICATE_DEFAULT_LEAD_DAYS;
}

AttContext *
att_context_new (AttHiggClient *higg_client)
{
  g_return_val_if_fail (higg_client == NULL || ATT_IS_HIGG_CLIENT (higg_client), NULL);

  return g_object_new (ATT_TYPE_CONTEXT,
                       "higg-client", higg_client,
                       NULL);
}

/**
 * att_context_new_full:
 * @http: the HTTP pipeline every client shares
 * @accounts: (nullable): the accounts and their keyring
 * @higg_client: (nullable): the Higg client of the connected account
 */
AttContext *
att_context_new_full (AttHttp         *http,
                      AttAccountStore *accounts,
                      AttHiggClient   *higg_client)
{
  g_return_val_if_fail (ATT_IS_HTTP (http), NULL);
  g_return_val_if_fail (accounts == NULL || ATT_IS_ACCOUNT_STORE (accounts), NULL);
  g_return_val_if_fail (higg_client == NULL || ATT_IS_HIGG_CLIENT (higg_client), NULL);

  return g_object_new (ATT_TYPE_CONTEXT,
                       "http", http,
                       "account-store", accounts,
                       "higg-client", higg_client,
                       NULL);
}

/**
 * att_context_get_http:
 *
 * Returns: (transfer none) (nullable): the HTTP pipeline
 */
AttHttp *
att_context_get_http (AttContext *self)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (self), NULL);

  if (self->http == NULL && self->higg_client != NULL)
    return att_higg_client_get_http (self->higg_client);
  return self->http;
}

/**
 * att_context_get_account_store:
 *
 * Returns: (transfer none) (nullable): the accounts
 */
AttAccountStore *
att_context_get_account_store (AttContext *self)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (self), NULL);

  return self->accounts;
}

/**
 * att_context_get_secret_store:
 *
 * Returns: (transfer none) (nullable): the keyring of the accounts
 */
AttSecretStore *
att_context_get_secret_store (AttContext *self)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (self), NULL);

  if (self->accounts == NULL)
    return NULL;
  return att_account_store_get_secret_store (self->accounts);
}

/**
 * att_context_get_higg_client:
 *
 * Returns: (transfer none) (nullable): the Higg client, if an account or the
 *   demo is connected
 */
AttHiggClient *
att_context_get_higg_client (AttContext *self)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (self), NULL);

  return self->higg_client;
}

/**
 * att_context_get_closient_client:
 *
 * Returns: (transfer none) (nullable): the Closient client, or %NULL if no
 *   Closient account is connected
 */
AttClosientClient *
att_context_get_closient_client (AttContext *self)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (self), NULL);

  return self->closient_client;
}

/**
 * att_context_set_closient_client:
 * @client: (nullable): the Closient client of the account, or %NULL for
 *   none
 */
void
att_context_set_closient_client (AttContext        *self,
                                 AttClosientClient *client)
{
  g_return_if_fail (ATT_IS_CONTEXT (self));
  g_return_if_fail (client == NULL || ATT_IS_CLOSIENT_CLIENT (client));

  if (g_set_object (&self->closient_client, client))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSIENT_CLIENT]);
}

gboolean
att_context_get_is_demo (AttContext *self)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (self), FALSE);

  return self->is_demo;
}

void
att_context_set_is_demo (AttContext *self,
                         gboolean    is_demo)
{
  g_return_if_fail (ATT_IS_CONTEXT (self));

  is_demo = !!is_demo;
  if (self->is_demo == is_demo)
    return;
  self->is_demo = is_demo;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_DEMO]);
}

/**
 * att_context_get_account_id:
 *
 * Returns: (transfer none) (nullable): the id of the connected account
 */
const char *
att_context_get_account_id (AttContext *self)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (self), NULL);

  return self->account_id;
}

void
att_context_set_account_id (AttContext *self,
                            const char *account_id)
{
  g_return_if_fail (ATT_IS_CONTEXT (self));

  if (g_strcmp0 (self->account_id, account_id) == 0)
    return;
  g_free (self->account_id);
  self->account_id = g_strdup (account_id);
  /* The cache is the account's: another account gets its own file. */
  att_context_set_product_cache (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

/**
 * att_context_get_draft_store:
 *
 * Returns: (transfer none): the drafts of unsaved edits, in the user's data
 *   dir; made on first use
 */
AttDraftStore *
att_context_get_draft_store (AttContext *self)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (self), NULL);

  if (self->drafts == NULL)
    self->drafts = att_draft_store_new ();
  return self->drafts;
}

/**
 * att_context_set_draft_store:
 *
 * Replaces the draft store, e.g. with one in a test's directory.
 */
void
att_context_set_draft_store (AttContext    *self,
                             AttDraftStore *drafts)
{
  g_return_if_fail (ATT_IS_CONTEXT (self));
  g_return_if_fail (drafts == NULL || ATT_IS_DRAFT_STORE (drafts));

  g_set_object (&self->drafts, drafts);
}

/**
 * att_context_set_product_cache:
 * @cache: (nullable): the cache to use, e.g. one in a test's directory
 *
 * Replaces the product cache; saved products are stored in it.
 */
void
att_context_set_product_cache (AttContext      *self,
                               AttProductCache *cache)
{
  g_return_if_fail (ATT_IS_CONTEXT (self));
  g_return_if_fail (cache == NULL || ATT_IS_PRODUCT_CACHE (cache));

  if (self->cache == cache)
    return;

  if (self->cache != NULL)
    g_signal_handlers_disconnect_by_data (self, self->cache);
  g_set_object (&self->cache, cache);

  /* Connected to the cache's lifetime, not the context's: no cycle. */
  if (cache != NULL)
    g_signal_connect_object (self, "product-saved",
                             G_CALLBACK (att_product_cache_put_product), cache,
                             G_CONNECT_SWAPPED);
}

/**
 * att_context_get_product_cache:
 *
 * The local copy of the connected account's products, made on first use
 * (see att_product_cache_new(); the file is opened in a worker thread).
 * It stores every product announced by att_context_product_saved().
 *
 * Returns: (transfer none) (nullable): the cache, or %NULL without a Higg
 *   client
 */
AttProductCache *
att_context_get_product_cache (AttContext *self)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (self), NULL);

  if (self->cache == NULL && self->higg_client != NULL)
    {
      g_autoptr(AttProductCache) cache = att_product_cache_new (self->higg_client, self->account_id);

      att_context_set_product_cache (self, cache);
    }
  return self->cache;
}

/**
 * att_context_product_saved:
 * @product: the server's copy of a product that was just saved
 *
 * Tells every view and the local cache that @product changed.
 */
void
att_context_product_saved (AttContext *self,
                           AttProduct *product)
{
  g_return_if_fail (ATT_IS_CONTEXT (self));
  g_return_if_fail (ATT_IS_PRODUCT (product));

  g_signal_emit (self, signals[PRODUCT_SAVED], 0, product);
}

guint
att_context_get_expiry_lead_days (AttContext *self)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (self), ATT_CERTIFICATE_DEFAULT_LEAD_DAYS);

  return self->expiry_lead_days;
}

void
att_context_set_expiry_lead_days (AttContext *self,
                                  guint       days)
{
  g_return_if_fail (ATT_IS_CONTEXT (self));
  g_return_if_fail (days >= 1 && days <= ATT_CONTEXT_MAX_EXPIRY_LEAD_DAYS);

  if (self->expiry_lead_days == days)
    return;
  self->expiry_lead_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRY_LEAD_DAYS]);
}
