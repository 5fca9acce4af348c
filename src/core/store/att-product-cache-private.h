/* att-product-cache-private.h: what the parts of AttProductCache share:
 * att-product-cache.c (the GObject and its properties),
 * att-product-cache-refresh.c (paging through products/search, and saved
 * products), att-product-cache-query.c (the async queries),
 * att-product-cache-db.c (opening a database, its schema and migrations),
 * att-product-cache-record.c (a product as plain data to store),
 * att-product-cache-writer.c (the one writing thread) and
 * att-product-cache-reader.c (the blocking queries run in worker threads)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "att-product-cache.h"

G_BEGIN_DECLS

/* The schema this code writes.  Each version above 1 has a migration
 * from the one before in att-product-cache-db.c. */
#define ATT_PRODUCT_CACHE_SCHEMA_VERSION 2

/* --- att-product-cache-db.c --- */

void     att_product_cache_db_set_error (GError    **error,
                                         sqlite3    *db,
                                         const char *what);
gboolean att_product_cache_db_exec (sqlite3    *db,
                                    const char *sql,
                                    GError    **error);
sqlite3 *att_product_cache_db_open_writer (const char *path,
                                           GError    **error);
sqlite3 *att_product_cache_db_open_reader (const char *path,
                                           GError    **error);
gboolean att_product_cache_db_migrate (sqlite3 *db,
                                       GError **error);
int      att_product_cache_db_get_version (sqlite3 *db);

/* --- att-product-cache-record.c --- */

/* One purchase order, and one product with its orders, as the tables
 * hold them: plain copies, made wherever the product may be read, and
 * written in the writing thread. */
typedef struct
{
  char  *id;
  char  *purchase_order_id;
  char  *date;
  double amount;
  char  *fem_id;
} AttCacheOrder;

typedef struct
{
  char      *id;
  char      *name;
  char      *identifier;
  gint64     modified;
  char      *json;
  GPtrArray *orders; /* of AttCacheOrder */
} AttCacheRecord;

AttCacheRecord *att_cache_record_new (AttProduct *product);
void            att_cache_record_free (AttCacheRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttCacheRecord, att_cache_record_free)

/* --- att-product-cache-writer.c --- */

/* The one thread that writes, with its own connection and a queue of
 * jobs run in order.  Each job completes @task (made on the caller's
 * thread) back on the thread-default main context of its caller: with the
 * number of products written, or an error. */
typedef struct _AttCacheWriter AttCacheWriter;

AttCacheWriter                *att_cache_writer_new (const char *path);
void                           att_cache_writer_free (AttCacheWriter *writer);
gboolean                       att_cache_writer_wait_ready (AttCacheWriter *writer,
                                                            GError        **error);
void                           att_cache_writer_write_page (AttCacheWriter *writer,
                                                            AttPage        *page,
                                                            gint64          scan,
                                                            GTask          *task);
void                           att_cache_writer_write_record (AttCacheWriter *writer,
                                                              AttCacheRecord *record,
                                                              gint64          scan,
                                                              GTask          *task);
void                           att_cache_writer_finish_scan (AttCacheWriter *writer,
                                                             gint64          scan,
                                                             guint           total,
                                                             GTask          *task);

/* --- att-product-cache-reader.c --- */

/* A reading connection, opened on first use in a worker thread once the
 * writer has brought the schema up to date; one query at a time. */
typedef struct _AttCacheReader AttCacheReader;

typedef struct
{
  guint n_products;
  guint n_orders;
} AttCacheCounts;

AttCacheReader *att_cache_reader_new (const char     *path,
                                      AttCacheWriter *writer);
void            att_cache_reader_free (AttCacheReader *reader);
GListStore     *att_cache_reader_query_orders (AttCacheReader               *reader,
                                               const AttPurchaseOrderFilter *filter,
                                               GCancellable                 *cancellable,
                                               GError                      **error);
GListStore     *att_cache_reader_search_products (AttCacheReader *reader,
                                                  const char     *text,
                                                  guint           limit,
                                                  GCancellable   *cancellable,
                                                  GError        **error);
gboolean        att_cache_reader_count (AttCacheReader *reader,
                                        AttCacheCounts *counts,
                                        GCancellable   *cancellable,
                                        GError        **error);

/* --- att-product-cache.c, for the other parts --- */

void            att_product_cache_set_progress (AttProductCache *self,
                                                guint            fetched,
                                                guint            total);
void            att_product_cache_set_refreshing (AttProductCache *self,
                                                  gboolean         refreshing);
void            att_product_cache_emit_changed (AttProductCache *self);
AttCacheWriter *att_product_cache_get_writer (AttProductCache *self);
AttCacheReader *att_product_cache_get_reader (AttProductCache *self);
guint           att_product_cache_get_page_size (AttProductCache *self);

G_END_DECLS
