/* att-certificate-list.c: every certificate of an account, read through PM
 * search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-certificate-list.h"
#include "att-certificate-records.h"
#include "att-certificate.h"
#include "att-higg-client.h"
#include "att-json.h"
#include "att-page.h"
#include "att-pm-product.h"

/**
 * AttCertificateList:
 *
 * The API has no list of certificates: they come with the products they
 * are attached to, in PM search (api-higg.md §4.1).  This list pages
 * through every PM product in the background, one page at a time, and
 * keeps each certificate once (by `_id`), with the products it was found
 * on (att_certificate_get_product_ids()).  A certificate attached to no
 * product is found by no search: with #AttCertificateRecords, those the
 * app created or updated that the scan did not find come last, as they
 * were kept, with no products.
 *
 * The first scan shows certificates as its pages arrive; a refresh keeps
 * the list as it was until the new scan is complete, then replaces it at
 * once, so that a view does not empty and fill again.  Progress is in
 * pages (:pages-done of :pages-total, known after the first page).  A
 * failed page stops the scan with :error set, and the list stays as it was
 * (with what the first scan showed so far); att_certificate_list_refresh()
 * starts again.
 *
 * It lives in higg/, beside the client it reads through, rather than in
 * model/, which holds only what JSON is read into; it is kept in memory,
 * not in the store.
 */

struct _AttCertificateList
{
  GObject                parent_instance;

  AttHiggClient         *client;
  AttCertificateRecords *records; /* nullable */
  guint                  page_size;

  GPtrArray             *items; /* of AttCertificate, shown */

  /* The scan running or last run. */
  GPtrArray             *scan; /* of AttCertificate, in the order found */
  GHashTable            *scan_by_id;
  gboolean               progressive; /* shows @scan as it grows */
  GCancellable          *cancellable;
  guint                  generation;
  guint                  from;
  guint                  pages_done;
  guint                  pages_total;
  guint                  n_products;
  guint                  n_unreadable;
  gboolean               loading;
  GError                *error;
};

static void att_certificate_list_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AttCertificateList, att_certificate_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      att_certificate_list_list_model_init))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_RECORDS,
  PROP_PAGE_SIZE,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_PAGES_DONE,
  PROP_PAGES_TOTAL,
  PROP_N_PRODUCTS,
  PROP_N_UNREADABLE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One page on its way.  It holds the list weakly, so that dropping the
 * list disposes it, which cancels the page. */
typedef struct
{
  GWeakRef list;
  guint    generation;
} Fetch;

static void fetch_next_page (AttCertificateList *self);

/* --- GListModel -------------------------------------------------------- */

static GType
att_certificate_list_get_item_type (GListModel *model)
{
  return ATT_TYPE_CERTIFICATE;
}

static guint
att_certificate_list_get_n_items (GListModel *model)
{
  return ATT_CERTIFICATE_LIST (model)->items->len;
}

static gpointer
att_certificate_list_get_item (GListModel *model,
                               guint       position)
{
  AttCertificateList *self = ATT_CERTIFICATE_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
att_certificate_list_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = att_certificate_list_get_item_type;
  iface->get_n_items = att_certificate_list_get_n_items;
  iface->get_item = att_certificate_list_get_item;
}

/* --- State ------------------------------------------------------------- */

static void
set_uint (AttCertificateList *self,
          guint              *field,
          guint               value,
          guint               prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_loading (AttCertificateList *self,
             gboolean            loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_error (AttCertificateList *self,
           GError             *error)
{
  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Shows what the scan found beyond what is shown (a progressive scan). */
static void
publish_new (AttCertificateList *self)
{
  guint shown = self->items->len;

  if (self->scan->len == shown)
    return;

  for (guint i = shown; i < self->scan->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (self->scan, i)));
  g_list_model_items_changed (G_LIST_MODEL (self), shown, 0, self->items->len - shown);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Shows the scan in place of what was shown (the end of a refresh). */
static void
publish_all (AttCertificateList *self)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->items);

  self->items = g_ptr_array_new_full (self->scan->len, g_object_unref);
  for (guint i = 0; i < self->scan->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (self->scan, i)));
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, self->items->len);
  if (old->len != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* --- The scan ---------------------------------------------------------- */

/* Keeps @certificate once: a certificate seen before learns the product. */
static void
add_certificate (AttCertificateList *self,
                 AttCertificate     *certificate,
                 const char         *product_id)
{
  AttCertificate *known = g_hash_table_lookup (self->scan_by_id, att_certificate_get_id (certificate));

  if (known != NULL)
    {
      att_certificate_add_product_id (known, product_id);
      return;
    }

  g_ptr_array_add (self->scan, g_object_ref (certificate));
  g_hash_table_insert (self->scan_by_id, (gpointer) att_certificate_get_id (certificate), certificate);
}

static void
add_page (AttCertificateList *self,
          AttPage            *page)
{
  GListModel *products = att_page_get_items (page);
  guint       n = g_list_model_get_n_items (products);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (products, i);
      GListModel *certificates = att_pm_product_get_certificates (product);

      /* A row that could not be read is a placeholder with no id. */
      if (att_page_get_row_error (page, i) != NULL)
        {
          set_uint (self, &self->n_unreadable, self->n_unreadable + 1, PROP_N_UNREADABLE);
          continue;
        }

      for (guint j = 0; j < g_list_model_get_n_items (certificates); j++)
        {
          g_autoptr(AttCertificate) certificate = g_list_model_get_item (certificates, j);

          add_certificate (self, certificate, att_pm_product_get_id (product));
        }
    }

  set_uint (self, &self->n_products, self->n_products + n, PROP_N_PRODUCTS);
}

/* Ends the scan: @complete, it is shown (if it was not as it came);
 * otherwise what is shown stays, with @error if it failed. */
static void
end_scan (AttCertificateList *self,
          gboolean            complete,
          GError             *error)
{
  g_clear_object (&self->cancellable);
  if (complete && self->progressive)
    publish_new (self);
  else if (complete)
    publish_all (self);
  set_error (self, error);
  set_loading (self, FALSE);
}

/* A record as the list shows it: no search found it, so it covers no
 * product, whatever the server last said. */
static AttCertificate *
unattached_copy (AttCertificate *record)
{
  g_autoptr(JsonObject) object = att_json_object_copy (att_certificate_get_json (record));

  json_object_remove_member (object, "productModuleIds");
  return att_certificate_new_from_json (object, NULL, NULL);
}

static void
add_records (AttCertificateList *self,
             GPtrArray          *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      AttCertificate *record = g_ptr_array_index (records, i);
      g_autoptr(AttCertificate) certificate = NULL;

      if (g_hash_table_contains (self->scan_by_id, att_certificate_get_id (record)) ||
          (certificate = unattached_copy (record)) == NULL)
        continue;
      g_ptr_array_add (self->scan, g_object_ref (certificate));
      g_hash_table_insert (self->scan_by_id, (gpointer) att_certificate_get_id (certificate), certificate);
    }
}

static void
on_records (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(AttCertificateList) self = g_weak_ref_get (&fetch->list);
  guint generation = fetch->generation;
  g_autoptr(GPtrArray) records = NULL;

  g_weak_ref_clear (&fetch->list);
  g_free (fetch);
  records = att_certificate_records_list_finish (ATT_CERTIFICATE_RECORDS (source_object), result, NULL);
  if (self == NULL || generation != self->generation)
    return;
  if (records != NULL)
    add_records (self, records);
  end_scan (self, TRUE, NULL);
}

static Fetch *
fetch_new (AttCertificateList *self)
{
  Fetch *fetch = g_new0 (Fetch, 1);

  g_weak_ref_init (&fetch->list, self);
  fetch->generation = self->generation;
  return fetch;
}

/* A complete scan takes in the records it did not find, then ends. */
static void
finish_scan (AttCertificateList *self,
             gboolean            complete,
             GError             *error)
{
  if (!complete || self->records == NULL)
    {
      end_scan (self, complete, error);
      return;
    }
  att_certificate_records_list_async (self->records, self->cancellable, on_records, fetch_new (self));
}

static void
on_page (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(AttCertificateList) self = g_weak_ref_get (&fetch->list);
  guint generation = fetch->generation;
  g_autoptr(AttPage) page = NULL;
  GError *error = NULL;
  guint   total, n;

  g_weak_ref_clear (&fetch->list);
  g_free (fetch);

  page = att_higg_client_search_pm_products_finish (ATT_HIGG_CLIENT (source_object), result, &error);
  if (self == NULL || generation != self->generation)
    {
      g_clear_error (&error);
      return;
    }

  if (page == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_clear_error (&error);
      finish_scan (self, FALSE, error);
      return;
    }

  add_page (self, page);
  if (self->progressive)
    publish_new (self);

  total = att_page_get_total (page);
  n = g_list_model_get_n_items (att_page_get_items (page));
  self->from += n;
  g_object_freeze_notify (G_OBJECT (self));
  set_uint (self, &self->pages_total, (total + self->page_size - 1) / self->page_size, PROP_PAGES_TOTAL);
  set_uint (self, &self->pages_done, self->pages_done + 1, PROP_PAGES_DONE);
  g_object_thaw_notify (G_OBJECT (self));

  /* An empty page before the total would never end. */
  if (n == 0 || self->from >= total)
    finish_scan (self, TRUE, NULL);
  else
    fetch_next_page (self);
}

static void
fetch_next_page (AttCertificateList *self)
{
  att_higg_client_search_pm_products_async (self->client, NULL, self->from, self->page_size,
                                            self->cancellable, on_page, fetch_new (self));
}

/**
 * att_certificate_list_refresh:
 *
 * Starts a new scan, dropping any running one.  What is shown stays until
 * the new scan is complete (the first scan shows its pages as they come).
 */
void
att_certificate_list_refresh (AttCertificateList *self)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_LIST (self));

  att_certificate_list_cancel (self);

  self->generation++;
  self->progressive = self->items->len == 0;
  g_ptr_array_set_size (self->scan, 0);
  g_hash_table_remove_all (self->scan_by_id);
  self->from = 0;
  self->cancellable = g_cancellable_new ();

  g_object_freeze_notify (G_OBJECT (self));
  set_uint (self, &self->pages_done, 0, PROP_PAGES_DONE);
  set_uint (self, &self->pages_total, 0, PROP_PAGES_TOTAL);
  set_uint (self, &self->n_products, 0, PROP_N_PRODUCTS);
  set_uint (self, &self->n_unreadable, 0, PROP_N_UNREADABLE);
  set_error (self, NULL);
  set_loading (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));

  fetch_next_page (self);
}

/**
 * att_certificate_list_cancel:
 *
 * Stops the running scan, if any.  What is shown stays; :error is not set.
 */
void
att_certificate_list_cancel (AttCertificateList *self)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_LIST (self));

  if (self->cancellable == NULL)
    return;

  /* The page's callback sees another generation and does nothing. */
  self->generation++;
  g_cancellable_cancel (self->cancellable);
  finish_scan (self, FALSE, NULL);
}

/* --- GObject ----------------------------------------------------------- */

static void
att_certificate_list_dispose (GObject *object)
{
  AttCertificateList *self = (AttCertificateList *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->records);

  G_OBJECT_CLASS (att_certificate_list_parent_class)->dispose (object);
}

static void
att_certificate_list_finalize (GObject *object)
{
  AttCertificateList *self = (AttCertificateList *) object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->scan_by_id, g_hash_table_unref);
  g_clear_pointer (&self->scan, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (att_certificate_list_parent_class)->finalize (object);
}

static void
att_certificate_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AttCertificateList *self = ATT_CERTIFICATE_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_RECORDS:
      g_value_set_object (value, self->records);
      break;

    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_PAGES_DONE:
      g_value_set_uint (value, self->pages_done);
      break;

    case PROP_PAGES_TOTAL:
      g_value_set_uint (value, self->pages_total);
      break;

    case PROP_N_PRODUCTS:
      g_value_set_uint (value, self->n_products);
      break;

    case PROP_N_UNREADABLE:
      g_value_set_uint (value, self->n_unreadable);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_certificate_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AttCertificateList *self = ATT_CERTIFICATE_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_RECORDS:
      self->records = g_value_dup_object (value);
      break;

    case PROP_PAGE_SIZE:
      self->page_size = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_certificate_list_class_init (AttCertificateListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags   construct = G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = att_certificate_list_dispose;
  object_class->finalize = att_certificate_list_finalize;
  object_class->get_property = att_certificate_list_get_property;
  object_class->set_property = att_certificate_list_set_property;

  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, ATT_TYPE_HIGG_CLIENT,
                                                 construct | G_PARAM_READABLE);

  /**
   * AttCertificateList:records: (nullable)
   *
   * The certificates the app created or updated, listed when the scan
   * does not find them.
   */
  properties[PROP_RECORDS] = g_param_spec_object ("records", NULL, NULL, ATT_TYPE_CERTIFICATE_RECORDS,
                                                  construct | G_PARAM_READABLE);
  properties[PROP_PAGE_SIZE] = g_param_spec_uint ("page-size", NULL, NULL, 1, 100,
                                                  ATT_CERTIFICATE_LIST_PAGE_SIZE,
                                                  construct | G_PARAM_READABLE);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);
  properties[PROP_PAGES_DONE] = g_param_spec_uint ("pages-done", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * AttCertificateList:pages-total:
   *
   * How many pages the scan reads; 0 until its first page has come.
   */
  properties[PROP_PAGES_TOTAL] = g_param_spec_uint ("pages-total", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * AttCertificateList:n-products:
   *
   * How many PM products the scan has read.
   */
  properties[PROP_N_PRODUCTS] = g_param_spec_uint ("n-products", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * AttCertificateList:n-unreadable:
   *
   * How many PM products the scan could not read (their certificates are
   * missing from the list).
   */
  properties[PROP_N_UNREADABLE] = g_param_spec_uint ("n-unreadable", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_certificate_list_init (AttCertificateList *self)
{
  self->page_size = ATT_CERTIFICATE_LIST_PAGE_SIZE;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->scan = g_ptr_array_new_with_free_func (g_object_unref);
  self->scan_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * att_certificate_list_new:
 * @client: the client to read PM search through
 * @page_size: products per page, 1 to 100; 0 for
 *   %ATT_CERTIFICATE_LIST_PAGE_SIZE
 *
 * Returns: (transfer full): a list of #AttCertificate, whose first scan
 *   starts now
 */
AttCertificateList *
att_certificate_list_new (AttHiggClient *client,
                          guint          page_size)
{
  return att_certificate_list_new_with_records (client, NULL, page_size);
}

/**
 * att_certificate_list_new_with_records:
 * @client: the client to read PM search through
 * @records: (nullable): the certificates the app created or updated, of
 *   the same account
 * @page_size: products per page, 1 to 100; 0 for
 *   %ATT_CERTIFICATE_LIST_PAGE_SIZE
 *
 * As att_certificate_list_new(), and each complete scan lists last the
 * records it did not find, with no products.
 *
 * Returns: (transfer full): a list of #AttCertificate, whose first scan
 *   starts now
 */
AttCertificateList *
att_certificate_list_new_with_records (AttHiggClient         *client,
                                       AttCertificateRecords *records,
                                       guint                  page_size)
{
  AttCertificateList *self;

  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (client), NULL);
  g_return_val_if_fail (records == NULL || ATT_IS_CERTIFICATE_RECORDS (records), NULL);
  g_return_val_if_fail (page_size <= 100, NULL);

  self = g_object_new (ATT_TYPE_CERTIFICATE_LIST,
                       "client", client,
                       "records", records,
                       "page-size", page_size > 0 ? page_size : ATT_CERTIFICATE_LIST_PAGE_SIZE,
                       NULL);
  att_certificate_list_refresh (self);
  return self;
}

gboolean
att_certificate_list_get_loading (AttCertificateList *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_LIST (self), FALSE);

  return self->loading;
}

guint
att_certificate_list_get_pages_done (AttCertificateList *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_LIST (self), 0);

  return self->pages_done;
}

guint
att_certificate_list_get_pages_total (AttCertificateList *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_LIST (self), 0);

  return self->pages_total;
}

guint
att_certificate_list_get_n_products (AttCertificateList *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_LIST (self), 0);

  return self->n_products;
}

guint
att_certificate_list_get_n_unreadable (AttCertificateList *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_LIST (self), 0);

  return self->n_unreadable;
}

/**
 * att_certificate_list_get_error:
 *
 * Returns: (nullable): why the last scan stopped short, or %NULL
 */
const GError *
att_certificate_list_get_error (AttCertificateList *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_LIST (self), NULL);

  return self->error;
}

/**
 * att_certificate_list_find:
 * @id: a certificate `_id`
 *
 * Returns: (transfer none) (nullable): the certificate shown with @id
 */
AttCertificate *
att_certificate_list_find (AttCertificateList *self,
                           const char         *id)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_LIST (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      AttCertificate *certificate = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (att_certificate_get_id (certificate), id) == 0)
        return certificate;
    }
  return NULL;
}
