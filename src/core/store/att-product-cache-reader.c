/* att-product-cache-reader.c: the queries of a product cache, blocking,
 * for worker threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "att-json.h"
#include "att-product-cache-private.h"
#include "att-product.h"

/* Readers share one read-only connection, one query at a time.  In WAL
 * mode a query sees the file as of its start: whole pages, never half a
 * product, while the writer goes on appending.  A cancelled query is
 * interrupted through SQLite's progress handler. */
struct _AttCacheReader
{
  char           *path;
  AttCacheWriter *writer;
  GMutex          lock;
  sqlite3        *db;
};

AttCacheReader *
att_cache_reader_new (const char     *path,
                      AttCacheWriter *writer)
{
  AttCacheReader *reader = g_new0 (AttCacheReader, 1);

  reader->path = g_strdup (path);
  reader->writer = writer;
  g_mutex_init (&reader->lock);
  return reader;
}

void
att_cache_reader_free (AttCacheReader *reader)
{
  g_clear_pointer (&reader->db, sqlite3_close);
  g_mutex_clear (&reader->lock);
  g_free (reader->path);
  g_free (reader);
}

static int
check_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data);
}

/* Takes the lock and returns the connection, opened if needed, with
 * @cancellable watched; or %NULL, without the lock. */
static sqlite3 *
begin (AttCacheReader *reader,
       GCancellable   *cancellable,
       GError        **error)
{
  if (!att_cache_writer_wait_ready (reader->writer, error))
    return NULL;

  g_mutex_lock (&reader->lock);
  if (reader->db == NULL)
    reader->db = att_product_cache_db_open_reader (reader->path, error);
  if (reader->db == NULL)
    {
      g_mutex_unlock (&reader->lock);
      return NULL;
    }

  if (cancellable != NULL)
    sqlite3_progress_handler (reader->db, 1000, check_cancelled, cancellable);
  return reader->db;
}

static void
end (AttCacheReader *reader)
{
  sqlite3_progress_handler (reader->db, 0, NULL, NULL);
  g_mutex_unlock (&reader->lock);
}

static gboolean
query_failed (AttCacheReader *reader,
              GCancellable   *cancellable,
              GError        **error)
{
  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    att_product_cache_db_set_error (error, reader->db, _ ("Cannot read the product cache"));
  return FALSE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* LIKE patterns: the word anywhere, with % _ and \ taken literally. */
static char *
like_pattern (const char *word)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static gboolean
is_set (const char *value)
{
  return value != NULL && *value != '\0';
}

static guint
add_param (GPtrArray *params,
           char      *value)
{
  g_ptr_array_add (params, value);
  return params->len;
}

/* The WHERE clause of @filter, with numbered parameters ("?N") whose
 * values are appended to @params: a text word is used four times. */
static char *
orders_where (const AttPurchaseOrderFilter *filter,
              GPtrArray                    *params)
{
  GString *where = g_string_new ("1");

  if (is_set (filter->date_from))
    g_string_append_printf (where, " AND o.date >= ?%u", add_param (params, g_strdup (filter->date_from)));
  if (is_set (filter->date_to))
    g_string_append_printf (where, " AND o.date <= ?%u", add_param (params, g_strdup (filter->date_to)));
  if (is_set (filter->fem_id))
    g_string_append_printf (where, " AND o.fem_id = ?%u", add_param (params, g_strdup (filter->fem_id)));
  if (is_set (filter->product))
    {
      guint id = add_param (params, g_strdup (filter->product));
      guint name = add_param (params, like_pattern (filter->product));

      g_string_append_printf (where, " AND (p.id = ?%u OR p.name LIKE ?%u ESCAPE '\\')", id, name);
    }
  if (is_set (filter->text))
    {
      g_auto(GStrv) words = g_strsplit_set (filter->text, " \t\r\n", -1);

      for (guint i = 0; words[i] != NULL; i++)
        {
          guint n;

          if (*words[i] == '\0')
            continue;
          n = add_param (params, like_pattern (words[i]));
          g_string_append_printf (where,
                                  " AND (o.purchase_order_id LIKE ?%u ESCAPE '\\' OR o.fem_id LIKE ?%u ESCAPE '\\'"
                                  " OR p.name LIKE ?%u ESCAPE '\\' OR p.identifier LIKE ?%u ESCAPE '\\')",
                                  n, n, n, n);
        }
    }

  return g_string_free (where, FALSE);
}

typedef void (*RowFunc) (sqlite3_stmt *stmt,
                         gpointer      data);

/* Runs @sql with @params (strings, bound in order) and calls @row for each
 * result row. */
static gboolean
run_query (AttCacheReader *reader,
           const char     *sql,
           GPtrArray      *params,
           RowFunc         row,
           gpointer        data,
           GCancellable   *cancellable,
           GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3      *db;
  int           rc;

  if ((db = begin (reader, cancellable, error)) == NULL)
    return FALSE;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && params != NULL && i < params->len; i++)
    rc = sqlite3_bind_text (stmt, (int) i + 1, g_ptr_array_index (params, i), -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      row (stmt, data);

  if (rc != SQLITE_DONE)
    query_failed (reader, cancellable, error);
  sqlite3_finalize (stmt);
  end (reader);
  return rc == SQLITE_DONE;
}

static void
append_order (sqlite3_stmt *stmt,
              gpointer      data)
{
  double amount = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 5);
  g_autoptr(AttPurchaseOrderRow) row = NULL;

  row = att_purchase_order_row_new (column_text (stmt, 0), column_text (stmt, 1),
                                    column_text (stmt, 2), column_text (stmt, 3),
                                    column_text (stmt, 4), amount, column_text (stmt, 6));
  g_list_store_append (data, row);
}

/**
 * att_cache_reader_query_orders:
 *
 * Returns: (transfer full) (nullable): a #GListStore of
 *   #AttPurchaseOrderRow, newest first, or %NULL
 */
GListStore *
att_cache_reader_query_orders (AttCacheReader               *reader,
                               const AttPurchaseOrderFilter *filter,
                               GCancellable                 *cancellable,
                               GError                      **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListStore) store = g_list_store_new (ATT_TYPE_PURCHASE_ORDER_ROW);
  g_autofree char *where = orders_where (filter, params);
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("SELECT o.product_id, p.name, o.id, o.purchase_order_id, o.date, o.amount, o.fem_id"
                         " FROM purchase_orders AS o JOIN products AS p ON p.id = o.product_id"
                         " WHERE %s ORDER BY o.date DESC, o.rowid DESC LIMIT %d",
                         where, filter->limit > 0 ? (int) MIN (filter->limit, (guint) G_MAXINT) : -1);

  if (!run_query (reader, sql, params, append_order, store, cancellable, error))
    return NULL;
  return g_steal_pointer (&store);
}

/* A bad row is skipped: the next refresh writes it again. */
static void
append_product (sqlite3_stmt *stmt,
                gpointer      data)
{
  g_autoptr(JsonObject) object = att_json_parse_object (column_text (stmt, 0), -1, NULL);
  g_autoptr(AttProduct) product = NULL;

  if (object != NULL)
    product = att_product_new_from_json (object, NULL, NULL);
  if (product != NULL)
    g_list_store_append (data, product);
}

/**
 * att_cache_reader_search_products:
 * @text: a product id, or words of its name or identifier
 *
 * Returns: (transfer full) (nullable): a #GListStore of #AttProduct, by
 *   name, or %NULL
 */
GListStore *
att_cache_reader_search_products (AttCacheReader *reader,
                                  const char     *text,
                                  guint           limit,
                                  GCancellable   *cancellable,
                                  GError        **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListStore) store = g_list_store_new (ATT_TYPE_PRODUCT);
  g_autoptr(GString) sql = g_string_new ("SELECT json FROM products WHERE 1");
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \t\r\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint n, id;

      if (*words[i] == '\0')
        continue;
      id = add_param (params, g_strdup (words[i]));
      n = add_param (params, like_pattern (words[i]));
      g_string_append_printf (sql, " AND (id = ?%u OR name LIKE ?%u ESCAPE '\\' OR identifier LIKE ?%u ESCAPE '\\')",
                              id, n, n);
    }
  g_string_append_printf (sql, " ORDER BY name COLLATE NOCASE, id LIMIT %d",
                          limit > 0 ? (int) MIN (limit, (guint) G_MAXINT) : -1);

  if (!run_query (reader, sql->str, params, append_product, store, cancellable, error))
    return NULL;
  return g_steal_pointer (&store);
}

static void
read_count (sqlite3_stmt *stmt,
            gpointer      data)
{
  AttCacheCounts *counts = data;

  counts->n_products = (guint) sqlite3_column_int64 (stmt, 0);
  counts->n_orders = (guint) sqlite3_column_int64 (stmt, 1);
}

/**
 * att_cache_reader_count:
 *
 * Counts the products and the purchase orders, both as of one moment.
 */
gboolean
att_cache_reader_count (AttCacheReader *reader,
                        AttCacheCounts *counts,
                        GCancellable   *cancellable,
                        GError        **error)
{
  return run_query (reader,
                    "SELECT (SELECT count(*) FROM products), (SELECT count(*) FROM purchase_orders)",
                    NULL, read_count, counts, cancellable, error);
}
