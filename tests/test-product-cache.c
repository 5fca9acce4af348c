/* test-product-cache.c: the product cache against a sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>

#include "att-context.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-json.h"
#include "att-page.h"
#include "att-product-cache.h"
#include "att-product.h"
#include "att-purchase-order.h"
#include "att-sandbox.h"
#include "att-test-utils.h"

typedef struct
{
  AttSandbox      *sandbox;
  AttHttp         *http;
  AttHiggClient   *client;
  AttProductCache *cache;
  char            *dir;
  char            *path;
} Fixture;

static void
fixture_start_full (Fixture *f,
                    guint    n_products,
                    guint    latency_ms,
                    gboolean open_cache)
{
  g_autoptr(GError) error = NULL;

  f->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_add_generated_products (f->sandbox, n_products, 11, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (f->sandbox, &f->http, &f->client, NULL);
  att_sandbox_set_latency (f->sandbox, latency_ms);
  f->dir = g_dir_make_tmp ("attest-cache-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "account.sqlite", NULL);
  if (open_cache)
    f->cache = att_product_cache_new_for_path (f->client, f->path);
}

static void
fixture_start (Fixture *f,
               guint    n_products,
               guint    latency_ms)
{
  fixture_start_full (f, n_products, latency_ms, TRUE);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_clear_object (&f->cache);
  att_test_sandbox_disconnect (&f->sandbox, &f->http, &f->client);
  if (f->dir != NULL)
    att_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* --- Helpers ------------------------------------------------------------ */

static void
refresh (AttProductCache *cache)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  att_product_cache_refresh_async (cache, NULL, att_test_store_result, &result);
  att_product_cache_refresh_finish (cache, att_test_await_result (&result), &error);
  g_assert_no_error (error);
}

static GListModel *
query (AttProductCache              *cache,
       const AttPurchaseOrderFilter *filter)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *rows;

  att_product_cache_query_purchase_orders_async (cache, filter, NULL, att_test_store_result, &result);
  rows = att_product_cache_query_purchase_orders_finish (cache, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  return rows;
}

static void
count (AttProductCache *cache,
       guint           *n_products,
       guint           *n_orders)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  att_product_cache_count_async (cache, NULL, att_test_store_result, &result);
  att_product_cache_count_finish (cache, att_test_await_result (&result), n_products, n_orders, &error);
  g_assert_no_error (error);
}

static AttPage *
server_page (Fixture *f,
             guint    from,
             guint    size)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AttPage *page;

  att_higg_client_search_products_async (f->client, NULL, NULL, from, size, NULL,
                                         att_test_store_result, &result);
  page = att_higg_client_search_products_finish (f->client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  return page;
}

static AttProduct *
server_product (Fixture *f,
                guint    index)
{
  g_autoptr(AttPage) page = server_page (f, index, 1);

  return g_list_model_get_item (att_page_get_items (page), 0);
}

/* The cache's orders of @product are exactly the server's. */
static void
assert_orders_match (Fixture    *f,
                     AttProduct *product)
{
  g_autoptr(AttPurchaseOrderFilter) filter = att_purchase_order_filter_new ();
  g_autoptr(GListModel) rows = NULL;
  GListModel *truth = att_product_get_purchase_orders (product);

  filter->product = g_strdup (att_product_get_id (product));
  rows = query (f->cache, filter);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, g_list_model_get_n_items (truth));

  for (guint i = 0; i < g_list_model_get_n_items (truth); i++)
    {
      g_autoptr(AttPurchaseOrder) po = g_list_model_get_item (truth, i);
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (rows) && !found; j++)
        {
          g_autoptr(AttPurchaseOrderRow) row = g_list_model_get_item (rows, j);

          if (g_strcmp0 (att_purchase_order_row_get_id (row), att_purchase_order_get_id (po)) != 0)
            continue;
          found = TRUE;
          g_assert_cmpstr (att_purchase_order_row_get_product_id (row), ==, att_product_get_id (product));
          g_assert_cmpstr (att_purchase_order_row_get_product_name (row), ==, att_product_get_name (product));
          g_assert_cmpstr (att_purchase_order_row_get_purchase_order_id (row), ==,
                           att_purchase_order_get_purchase_order_id (po));
          g_assert_cmpstr (att_purchase_order_row_get_purchase_date (row), ==,
                           att_purchase_order_get_purchase_date (po));
          g_assert_cmpfloat (att_purchase_order_row_get_amount_purchase (row), ==,
                             att_purchase_order_get_amount_purchase (po));
          g_assert_cmpstr (att_purchase_order_row_get_fem_id (row), ==, att_purchase_order_get_fem_id (po));
        }
      g_assert_true (found);
    }
}

static void
assert_newest_first (GListModel *rows)
{
  for (guint i = 1; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AttPurchaseOrderRow) before = g_list_model_get_item (rows, i - 1);
      g_autoptr(AttPurchaseOrderRow) after = g_list_model_get_item (rows, i);

      g_assert_cmpint (g_strcmp0 (att_purchase_order_row_get_purchase_date (before),
                                  att_purchase_order_row_get_purchase_date (after)),
                       >=, 0);
    }
}

/* --- Fill ---------------------------------------------------------------- */

typedef struct
{
  guint    n_changed;
  guint    first_fetched;
  guint    first_total;
  gboolean first_refreshing;
  gboolean seen;
} Progress;

static void
on_fetched (AttProductCache *cache,
            GParamSpec      *pspec,
            Progress        *progress)
{
  if (progress->seen || att_product_cache_get_fetched (cache) == 0)
    return;
  progress->seen = TRUE;
  progress->first_fetched = att_product_cache_get_fetched (cache);
  progress->first_total = att_product_cache_get_total (cache);
  progress->first_refreshing = att_product_cache_get_refreshing (cache);
}

static void
on_changed (AttProductCache *cache,
            Progress        *progress)
{
  progress->n_changed++;
}

static void
test_fill (Fixture      *f,
           gconstpointer data)
{
  g_autoptr(GListModel) all = NULL;
  Progress progress = { 0 };
  guint    n_products = 0, n_orders = 0;
  guint    samples[] = { 0, 4321, 9999 };

  fixture_start (f, 10000, 0);
  g_signal_connect (f->cache, "notify::fetched", G_CALLBACK (on_fetched), &progress);
  g_signal_connect (f->cache, "changed", G_CALLBACK (on_changed), &progress);

  refresh (f->cache);

  /* Progress showed from the first page, with the server's total. */
  g_assert_true (progress.seen);
  g_assert_cmpuint (progress.first_fetched, ==, 100);
  g_assert_cmpuint (progress.first_total, ==, 10000);
  g_assert_true (progress.first_refreshing);
  g_assert_cmpuint (progress.n_changed, ==, 100);
  g_assert_false (att_product_cache_get_refreshing (f->cache));
  g_assert_cmpuint (att_product_cache_get_fetched (f->cache), ==, 10000);

  count (f->cache, &n_products, &n_orders);
  g_assert_cmpuint (n_products, ==, 10000);
  g_assert_cmpuint (n_orders, >, 0);

  all = query (f->cache, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, n_orders);
  assert_newest_first (all);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(AttProduct) product = server_product (f, samples[i]);

      assert_orders_match (f, product);
    }
}

/* --- Filters ------------------------------------------------------------- */

static void
test_filters (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(AttPurchaseOrderFilter) filter = att_purchase_order_filter_new ();
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(AttPurchaseOrderRow) pick = NULL;
  const char *date;

  fixture_start (f, 500, 0);
  refresh (f->cache);
  all = query (f->cache, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), >, 10);
  pick = g_list_model_get_item (all, g_list_model_get_n_items (all) / 2);
  date = att_purchase_order_row_get_purchase_date (pick);

  /* A one-day range: only that day, and the picked order among them. */
  filter->date_from = g_strdup (date);
  filter->date_to = g_strdup (date);
  rows = query (f->cache, filter);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AttPurchaseOrderRow) row = g_list_model_get_item (rows, i);

      g_assert_cmpstr (att_purchase_order_row_get_purchase_date (row), ==, date);
    }
  g_clear_object (&rows);
  g_clear_pointer (&filter->date_from, g_free);
  g_clear_pointer (&filter->date_to, g_free);

  /* The order number as search text finds it. */
  filter->text = g_strdup (att_purchase_order_row_get_purchase_order_id (pick));
  rows = query (f->cache, filter);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, 1);
  g_clear_object (&rows);
  g_clear_pointer (&filter->text, g_free);

  /* The FEM id, exactly. */
  if (att_purchase_order_row_get_fem_id (pick) != NULL)
    {
      filter->fem_id = g_strdup (att_purchase_order_row_get_fem_id (pick));
      rows = query (f->cache, filter);
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(AttPurchaseOrderRow) row = g_list_model_get_item (rows, i);

          g_assert_cmpstr (att_purchase_order_row_get_fem_id (row), ==, filter->fem_id);
        }
      g_assert_cmpuint (g_list_model_get_n_items (rows), <, g_list_model_get_n_items (all));
      g_clear_object (&rows);
      g_clear_pointer (&filter->fem_id, g_free);
    }

  /* Words nothing contains, and LIKE's wildcards taken literally. */
  filter->text = g_strdup ("%_no-such-order_%");
  rows = query (f->cache, filter);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_clear_object (&rows);
  g_clear_pointer (&filter->text, g_free);

  /* A limit keeps the newest. */
  filter->limit = 5;
  rows = query (f->cache, filter);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(AttPurchaseOrderRow) a = g_list_model_get_item (rows, i);
      g_autoptr(AttPurchaseOrderRow) b = g_list_model_get_item (all, i);

      g_assert_cmpstr (att_purchase_order_row_get_id (a), ==, att_purchase_order_row_get_id (b));
    }
}

/* --- Incremental --------------------------------------------------------- */

static AttProduct *
update (Fixture    *f,
        const char *id,
        const char *command_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) command = att_test_parse_object (command_json);
  AttProduct *product = att_test_update_product (f->client, id, command, &error);

  g_assert_no_error (error);
  return product;
}

static void
count_changed (AttProductCache *cache,
               guint           *n)
{
  (*n)++;
}

static GListModel *
query_text (AttProductCache *cache,
            const char      *text)
{
  g_autoptr(AttPurchaseOrderFilter) filter = att_purchase_order_filter_new ();

  filter->text = g_strdup (text);
  return query (cache, filter);
}

/* Announces @product as saved, through @context if given, and waits until
 * the cache has stored it. */
static void
save (AttContext      *context,
      AttProductCache *cache,
      AttProduct      *product)
{
  guint  changed = 0;
  gulong id = g_signal_connect (cache, "changed", G_CALLBACK (count_changed), &changed);

  if (context != NULL)
    att_context_product_saved (context, product);
  else
    att_product_cache_put_product (cache, product);
  while (changed == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (cache, id);
}

static void
test_incremental (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(AttContext) context = NULL;
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(AttProduct) saved = NULL;
  g_autoptr(AttProduct) removed = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(AttPurchaseOrderRow) row = NULL;
  g_autofree char *remove_command = NULL;

  fixture_start (f, 300, 0);
  context = att_context_new (f->client);
  att_context_set_product_cache (context, f->cache);
  g_assert_true (att_context_get_product_cache (context) == f->cache);
  refresh (f->cache);

  /* An edit over HTTP, announced as views announce a save. */
  product = server_product (f, 123);
  saved = update (f, att_product_get_id (product),
                  "{\"name\": \"Renamed by the cache test\","
                  " \"addPurchaseOrder\": [{\"purchaseOrderId\": \"PO-INCREMENTAL-1\","
                  " \"purchaseDate\": \"2031-02-03\", \"amountPurchase\": 42,"
                  " \"assembly\": {\"femId\": \"fem-incremental\"}}]}");
  save (context, f->cache, saved);

  rows = query_text (f->cache, "PO-INCREMENTAL-1");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  row = g_list_model_get_item (rows, 0);
  g_assert_cmpstr (att_purchase_order_row_get_product_id (row), ==, att_product_get_id (product));
  g_assert_cmpstr (att_purchase_order_row_get_product_name (row), ==, "Renamed by the cache test");
  g_assert_cmpstr (att_purchase_order_row_get_purchase_date (row), ==, "2031-02-03");
  g_assert_cmpfloat (att_purchase_order_row_get_amount_purchase (row), ==, 42);
  g_assert_cmpstr (att_purchase_order_row_get_fem_id (row), ==, "fem-incremental");
  assert_orders_match (f, saved);

  /* It is the newest order of all. */
  g_clear_object (&rows);
  rows = query (f->cache, NULL);
  g_clear_object (&row);
  row = g_list_model_get_item (rows, 0);
  g_assert_cmpstr (att_purchase_order_row_get_purchase_order_id (row), ==, "PO-INCREMENTAL-1");

  /* A removal replaces the product's orders too. */
  remove_command = g_strdup_printf ("{\"removePurchaseOrder\": [\"%s\"]}", att_purchase_order_row_get_id (row));
  removed = update (f, att_product_get_id (product), remove_command);
  save (context, f->cache, removed);
  g_clear_object (&rows);
  rows = query_text (f->cache, "PO-INCREMENTAL-1");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  assert_orders_match (f, removed);
}

/* A page fetched before a save but written after it does not undo it. */
static void
test_stale_page_loses (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(AttProduct) saved = NULL;
  g_autoptr(GListModel) rows = NULL;

  fixture_start (f, 50, 0);
  product = server_product (f, 7);
  saved = update (f, att_product_get_id (product),
                  "{\"addPurchaseOrder\": [{\"purchaseOrderId\": \"PO-NEWER\","
                  " \"purchaseDate\": \"2030-01-01\", \"amountPurchase\": 1}]}");
  g_assert_cmpint (att_product_get_modified_on (saved), >, att_product_get_modified_on (product));

  save (NULL, f->cache, saved);
  save (NULL, f->cache, product);
  rows = query_text (f->cache, "PO-NEWER");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
}

/* --- Migration ----------------------------------------------------------- */

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static int
sql_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int           value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Version 1 as the first release wrote it, by hand. */
static void
write_v1_file (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db,
            "CREATE TABLE products (id TEXT PRIMARY KEY NOT NULL, name TEXT, identifier TEXT,"
            "  modified INTEGER NOT NULL DEFAULT 0, json TEXT NOT NULL);"
            "CREATE TABLE purchase_orders (product_id TEXT NOT NULL, id TEXT, purchase_order_id TEXT,"
            "  date TEXT, amount REAL, fem_id TEXT);"
            "CREATE INDEX purchase_orders_by_product ON purchase_orders (product_id);"
            "CREATE INDEX purchase_orders_by_date ON purchase_orders (date);"
            "INSERT INTO products VALUES ('p-old', 'Old tee', 'SKU-1', 5,"
            "  '{\"_id\": \"p-old\", \"name\": \"Old tee\", \"materials\": []}');"
            "INSERT INTO purchase_orders VALUES ('p-old', 'po-1', 'PO-OLD-1', '2020-05-06', 12.5, 'fem-old');"
            "PRAGMA user_version = 1;");
  sqlite3_close (db);
}

static void
test_migration (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(AttPurchaseOrderFilter) filter = att_purchase_order_filter_new ();
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(AttPurchaseOrderRow) row = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) products = NULL;
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  guint    n_products = 0, n_orders = 0;

  fixture_start_full (f, 0, 0, FALSE);
  write_v1_file (f->path);
  f->cache = att_product_cache_new_for_path (f->client, f->path);

  /* The old rows read through the new schema. */
  filter->fem_id = g_strdup ("fem-old");
  rows = query (f->cache, filter);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  row = g_list_model_get_item (rows, 0);
  g_assert_cmpstr (att_purchase_order_row_get_product_name (row), ==, "Old tee");
  g_assert_cmpstr (att_purchase_order_row_get_purchase_order_id (row), ==, "PO-OLD-1");
  g_assert_cmpfloat (att_purchase_order_row_get_amount_purchase (row), ==, 12.5);
  count (f->cache, &n_products, &n_orders);
  g_assert_cmpuint (n_products, ==, 1);
  g_assert_cmpuint (n_orders, ==, 1);

  att_product_cache_search_products_async (f->cache, "old", 10, NULL, att_test_store_result, &result);
  products = att_product_cache_search_products_finish (f->cache, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (products), ==, 1);
  product = g_list_model_get_item (products, 0);
  g_assert_cmpstr (att_product_get_id (product), ==, "p-old");

  /* The file is at version 2, with what version 2 added. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sql_int (db, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (sql_int (db, "SELECT scan FROM products WHERE id = 'p-old'"), ==, 0);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'purchase_orders_by_fem'"), ==, 1);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM meta"), ==, 0);
  g_assert_cmpstr (sqlite3_db_filename (db, "main"), !=, NULL);
  sqlite3_close (db);

  /* A complete scan of an empty server drops what it did not see. */
  refresh (f->cache);
  count (f->cache, &n_products, &n_orders);
  g_assert_cmpuint (n_products, ==, 0);
  g_assert_cmpuint (n_orders, ==, 0);
}

/* A file from a newer Attest is left alone, and queries say why. */
static void
test_newer_schema (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = NULL;
  sqlite3 *db = NULL;

  fixture_start_full (f, 0, 0, FALSE);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  exec_sql (db, "CREATE TABLE future (x); PRAGMA user_version = 99;");
  sqlite3_close (db);

  f->cache = att_product_cache_new_for_path (f->client, f->path);
  att_product_cache_query_purchase_orders_async (f->cache, NULL, NULL, att_test_store_result, &result);
  rows = att_product_cache_query_purchase_orders_finish (f->cache, att_test_await_result (&result), &error);
  g_assert_error (error, ATT_PRODUCT_CACHE_ERROR, ATT_PRODUCT_CACHE_ERROR_DATABASE);
  g_assert_null (rows);

  g_clear_object (&f->cache);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sql_int (db, "PRAGMA user_version"), ==, 99);
  sqlite3_close (db);
}

/* A damaged file (here, not a database at all) only held copies: it is
 * replaced, and the cache fills as if it had never been there. */
static void
test_damaged_file (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  guint n_products, n_orders;

  fixture_start_full (f, 30, 0, FALSE);
  g_file_set_contents (f->path, "This is not a database, whatever its name says.\n", -1, &error);
  g_assert_no_error (error);

  f->cache = att_product_cache_new_for_path (f->client, f->path);
  refresh (f->cache);
  count (f->cache, &n_products, &n_orders);
  g_assert_cmpuint (n_products, ==, 30);
  g_assert_cmpuint (n_orders, >, 0);
}

/* --- Reading while writing ----------------------------------------------- */

typedef struct
{
  AttProductCache *cache;
  GPtrArray       *snapshots; /* of GListModel */
  guint            pending;
  guint            n_partial; /* snapshots taken with part of the products */
  guint            total;
} Reads;

static void
snapshot_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Reads *reads = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *rows;

  reads->pending--;
  rows = att_product_cache_query_purchase_orders_finish (reads->cache, result, &error);
  g_assert_no_error (error);
  g_ptr_array_add (reads->snapshots, rows);
}

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Reads *reads = user_data;
  g_autoptr(GError) error = NULL;
  guint n_products = 0;

  reads->pending--;
  att_product_cache_count_finish (reads->cache, result, &n_products, NULL, &error);
  g_assert_no_error (error);

  /* Whole pages only: a page is one transaction. */
  g_assert_cmpuint (n_products % 100, ==, 0);
  if (n_products > 0 && n_products < reads->total)
    reads->n_partial++;
}

static void
read_now (AttProductCache *cache,
          Reads           *reads)
{
  reads->pending += 2;
  att_product_cache_query_purchase_orders_async (cache, NULL, NULL, snapshot_cb, reads);
  att_product_cache_count_async (cache, NULL, counted_cb, reads);
}

static GHashTable *
orders_per_product (GListModel *rows)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AttPurchaseOrderRow) row = g_list_model_get_item (rows, i);
      const char *id = att_purchase_order_row_get_product_id (row);
      guint       n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id));

      g_hash_table_replace (counts, g_strdup (id), GUINT_TO_POINTER (n + 1));
    }
  return counts;
}

static void
test_read_while_writing (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) final = NULL;
  g_autoptr(GHashTable) final_counts = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Reads reads = { NULL, snapshots, 0, 0, 3000 };

  fixture_start (f, 3000, 10);
  reads.cache = f->cache;
  g_signal_connect (f->cache, "changed", G_CALLBACK (read_now), &reads);

  att_product_cache_refresh_async (f->cache, NULL, att_test_store_result, &result);
  att_product_cache_refresh_finish (f->cache, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  while (reads.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (reads.n_partial, >, 0);

  /* Every product a snapshot shows has all its orders: none half-written. */
  final = query (f->cache, NULL);
  final_counts = orders_per_product (final);
  for (guint i = 0; i < snapshots->len; i++)
    {
      g_autoptr(GHashTable) counts = orders_per_product (g_ptr_array_index (snapshots, i));
      GHashTableIter iter;
      gpointer       key, value;

      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_assert_cmpuint (GPOINTER_TO_UINT (value), ==,
                          GPOINTER_TO_UINT (g_hash_table_lookup (final_counts, key)));
    }
}

/* --- Cancel and errors --------------------------------------------------- */

static void
cancel_on_changed (AttProductCache *cache,
                   GCancellable    *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
test_cancel (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_products = 0;

  fixture_start (f, 2000, 20);
  g_signal_connect (f->cache, "changed", G_CALLBACK (cancel_on_changed), cancellable);

  att_product_cache_refresh_async (f->cache, cancellable, att_test_store_result, &result);
  g_assert_true (att_product_cache_get_refreshing (f->cache));
  att_product_cache_refresh_finish (f->cache, att_test_await_result (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (att_product_cache_get_refreshing (f->cache));

  /* What was stored stays, and a new refresh may start. */
  count (f->cache, &n_products, NULL);
  g_assert_cmpuint (n_products, >, 0);
  g_assert_cmpuint (n_products, <, 2000);
  g_signal_handlers_disconnect_by_data (f->cache, cancellable);
  refresh (f->cache);
  count (f->cache, &n_products, NULL);
  g_assert_cmpuint (n_products, ==, 2000);
}

static void
test_busy_and_server_error (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GAsyncResult) failed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) busy = NULL;
  guint n_products = 0;

  fixture_start (f, 400, 0);

  /* One refresh at a time. */
  att_product_cache_refresh_async (f->cache, NULL, att_test_store_result, &first);
  att_product_cache_refresh_async (f->cache, NULL, att_test_store_result, &second);
  att_product_cache_refresh_finish (f->cache, att_test_await_result (&second), &busy);
  g_assert_error (busy, ATT_PRODUCT_CACHE_ERROR, ATT_PRODUCT_CACHE_ERROR_BUSY);
  att_product_cache_refresh_finish (f->cache, att_test_await_result (&first), &error);
  g_assert_no_error (error);

  /* A server that fails from the third page on: the refresh fails, the
   * pages before stay, and nothing is dropped as unseen. */
  att_sandbox_inject_failure_from (f->sandbox, 500, 1000, 200);
  att_product_cache_refresh_async (f->cache, NULL, att_test_store_result, &failed);
  att_product_cache_refresh_finish (f->cache, att_test_await_result (&failed), &error);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_SERVER);
  count (f->cache, &n_products, NULL);
  g_assert_cmpuint (n_products, ==, 400);
}

/* --- The context's cache ------------------------------------------------- */

static void
test_context_cache (void)
{
  g_autoptr(AttHttp) http = att_http_new ();
  g_autoptr(AttHiggClient) client = att_higg_client_new (http, "http://127.0.0.1:1");
  g_autoptr(AttContext) context = att_context_new (client);
  g_autoptr(AttContext) bare = att_context_new (NULL);
  g_autofree char *expected = NULL;
  AttProductCache *cache;
  guint            n_products = 99;

  g_assert_null (att_context_get_product_cache (bare));

  att_context_set_account_id (context, "acct/1");
  cache = att_context_get_product_cache (context);
  g_assert_nonnull (cache);
  g_assert_true (att_context_get_product_cache (context) == cache);
  expected = g_build_filename (g_get_user_cache_dir (), "attest", "acct%2F1.sqlite", NULL);
  g_assert_cmpstr (att_product_cache_get_path (cache), ==, expected);

  /* The file is made (in the writing thread) on first use. */
  count (cache, &n_products, NULL);
  g_assert_cmpuint (n_products, ==, 0);
  g_assert_true (g_file_test (expected, G_FILE_TEST_EXISTS));

  /* Another account, another cache. */
  att_context_set_account_id (context, "demo");
  g_assert_true (att_context_get_product_cache (context) != cache);
  g_assert_true (g_str_has_suffix (att_product_cache_get_path (att_context_get_product_cache (context)),
                                   "demo.sqlite"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_home = NULL;
  int              status;

  g_test_init (&argc, &argv, NULL);

  /* The context's cache goes to the user's cache dir: a temporary one.
   * (G_TEST_OPTION_ISOLATE_DIRS would also hide the GSettings schemas
   * that GIO's proxy resolver reads.) */
  cache_home = g_dir_make_tmp ("attest-cache-home-XXXXXX", NULL);
  g_assert_nonnull (cache_home);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  g_test_add ("/product-cache/fill", Fixture, NULL, NULL, test_fill, fixture_teardown);
  g_test_add ("/product-cache/filters", Fixture, NULL, NULL, test_filters, fixture_teardown);
  g_test_add ("/product-cache/incremental", Fixture, NULL, NULL, test_incremental, fixture_teardown);
  g_test_add ("/product-cache/stale-page-loses", Fixture, NULL, NULL, test_stale_page_loses, fixture_teardown);
  g_test_add ("/product-cache/migration", Fixture, NULL, NULL, test_migration, fixture_teardown);
  g_test_add ("/product-cache/newer-schema", Fixture, NULL, NULL, test_newer_schema, fixture_teardown);
  g_test_add ("/product-cache/damaged-file", Fixture, NULL, NULL, test_damaged_file, fixture_teardown);
  g_test_add ("/product-cache/read-while-writing", Fixture, NULL, NULL, test_read_while_writing, fixture_teardown);
  g_test_add ("/product-cache/cancel", Fixture, NULL, NULL, test_cancel, fixture_teardown);
  g_test_add ("/product-cache/busy-and-server-error", Fixture, NULL, NULL, test_busy_and_server_error, fixture_teardown);
  g_test_add_func ("/product-cache/context", test_context_cache);

  status = g_test_run ();
  att_test_remove_dir (cache_home);
  return status;
}
