/* att-product-cache.c: a local SQLite copy of an account's products
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-higg-client.h"
#include "att-product-cache-private.h"
#include "att-product.h"

/* The API offers only paged product searches, so views across the whole
 * library (purchase orders now; certificates, reports and a dashboard
 * later) read this copy instead: one SQLite file per account in the
 * user's cache dir, filled by a background scan (att-product-cache-refresh.c)
 * and kept current by each saved product.  Writes go through one thread
 * (att-product-cache-writer.c); reads run in worker threads on a
 * connection of their own (att-product-cache-reader.c); nothing here
 * touches the disk on the caller's thread. */
struct _AttProductCache
{
  GObject         parent_instance;

  AttHiggClient  *client;
  char           *path;
  AttCacheWriter *writer;
  AttCacheReader *reader;
  guint           page_size;

  guint           fetched;
  guint           total;
  gboolean        refreshing;
};

G_DEFINE_FINAL_TYPE (AttProductCache, att_product_cache, G_TYPE_OBJECT)

G_DEFINE_QUARK (att - product - cache - error - quark, att_product_cache_error)

/* The largest page products/search serves in the sandbox; a larger size is
 * lowered by the server, and the scan pages by what it was given. */
#define DEFAULT_PAGE_SIZE 100

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_PATH,
  PROP_FETCHED,
  PROP_TOTAL,
  PROP_REFRESHING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void
att_product_cache_constructed (GObject *object)
{
  AttProductCache *self = ATT_PRODUCT_CACHE (object);

  G_OBJECT_CLASS (att_product_cache_parent_class)->constructed (object);

  g_assert (self->path != NULL);
  self->writer = att_cache_writer_new (self->path);
  self->reader = att_cache_reader_new (self->path, self->writer);
}

/* Every pending write and read holds a reference through its task, so
 * nothing is queued any more when the cache is finalized. */
static void
att_product_cache_finalize (GObject *object)
{
  AttProductCache *self = ATT_PRODUCT_CACHE (object);

  g_clear_pointer (&self->reader, att_cache_reader_free);
  g_clear_pointer (&self->writer, att_cache_writer_free);
  g_clear_object (&self->client);
  g_free (self->path);

  G_OBJECT_CLASS (att_product_cache_parent_class)->finalize (object);
}

static void
att_product_cache_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AttProductCache *self = ATT_PRODUCT_CACHE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_FETCHED:
      g_value_set_uint (value, self->fetched);
      break;

    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;

    case PROP_REFRESHING:
      g_value_set_boolean (value, self->refreshing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_product_cache_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AttProductCache *self = ATT_PRODUCT_CACHE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_product_cache_class_init (AttProductCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = att_product_cache_constructed;
  object_class->finalize = att_product_cache_finalize;
  object_class->get_property = att_product_cache_get_property;
  object_class->set_property = att_product_cache_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ATT_TYPE_HIGG_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* How many products the running (or last) scan has stored. */
  properties[PROP_FETCHED] =
    g_param_spec_uint ("fetched", NULL, NULL, 0, G_MAXUINT, 0, read_only);

  /* How many products the server said it has, from the first page on. */
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0, read_only);

  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL, FALSE, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AttProductCache::changed:
   *
   * Emitted after a page of a scan or a saved product was written: the
   * stored rows changed, queries may answer differently.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
att_product_cache_init (AttProductCache *self)
{
  self->page_size = DEFAULT_PAGE_SIZE;
}

/**
 * att_product_cache_path_for_account:
 * @account_id: (nullable): the account's id; %NULL for none
 *
 * Returns: (transfer full): `$XDG_CACHE_HOME/attest/<account-id>.sqlite`,
 *   the id escaped so that it cannot name another folder
 */
char *
att_product_cache_path_for_account (const char *account_id)
{
  g_autofree char *escaped = g_uri_escape_string (account_id != NULL ? account_id : "default",
                                                  NULL, FALSE);
  g_autofree char *name = g_strconcat (escaped, ".sqlite", NULL);

  /* Escaped, the id has no "/"; with the suffix, not even ".." names a
   * folder. */
  return g_build_filename (g_get_user_cache_dir (), "attest", name, NULL);
}

/**
 * att_product_cache_new:
 * @client: the Higg client that refreshes fetch through
 * @account_id: (nullable): names the file, see
 *   att_product_cache_path_for_account()
 *
 * The file is opened, made or migrated in the writing thread, not here.
 *
 * Returns: (transfer full): the cache of @account_id
 */
AttProductCache *
att_product_cache_new (AttHiggClient *client,
                       const char    *account_id)
{
  g_autofree char *path = att_product_cache_path_for_account (account_id);

  return att_product_cache_new_for_path (client, path);
}

/**
 * att_product_cache_new_for_path:
 * @path: the SQLite file, e.g. in a test's folder
 *
 * Returns: (transfer full): the cache kept in @path
 */
AttProductCache *
att_product_cache_new_for_path (AttHiggClient *client,
                                const char    *path)
{
  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (client), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (ATT_TYPE_PRODUCT_CACHE,
                       "client", client,
                       "path", path,
                       NULL);
}

const char *
att_product_cache_get_path (AttProductCache *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_CACHE (self), NULL);

  return self->path;
}

/**
 * att_product_cache_get_client:
 *
 * Returns: (transfer none): the client refreshes fetch through
 */
AttHiggClient *
att_product_cache_get_client (AttProductCache *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_CACHE (self), NULL);

  return self->client;
}

guint
att_product_cache_get_fetched (AttProductCache *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_CACHE (self), 0);

  return self->fetched;
}

guint
att_product_cache_get_total (AttProductCache *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_CACHE (self), 0);

  return self->total;
}

gboolean
att_product_cache_get_refreshing (AttProductCache *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_CACHE (self), FALSE);

  return self->refreshing;
}

/**
 * att_product_cache_set_page_size:
 *
 * Sets how many products each search of a scan asks for (100 by default).
 */
void
att_product_cache_set_page_size (AttProductCache *self,
                                 guint            page_size)
{
  g_return_if_fail (ATT_IS_PRODUCT_CACHE (self));
  g_return_if_fail (page_size > 0);

  self->page_size = page_size;
}

guint
att_product_cache_get_page_size (AttProductCache *self)
{
  return self->page_size;
}

void
att_product_cache_set_progress (AttProductCache *self,
                                guint            fetched,
                                guint            total)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }
  if (self->fetched != fetched)
    {
      self->fetched = fetched;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FETCHED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
att_product_cache_set_refreshing (AttProductCache *self,
                                  gboolean         refreshing)
{
  if (self->refreshing == refreshing)
    return;
  self->refreshing = refreshing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

void
att_product_cache_emit_changed (AttProductCache *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

AttCacheWriter *
att_product_cache_get_writer (AttProductCache *self)
{
  return self->writer;
}

AttCacheReader *
att_product_cache_get_reader (AttProductCache *self)
{
  return self->reader;
}
