/* att-product-cache-writer.c: the one thread that writes a product cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "att-page.h"
#include "att-product.h"
#include "att-product-cache-private.h"

/* Writes are queued to one thread with its own connection, in the order
 * they were asked for, one transaction per page: SQLite allows one writer
 * at a time anyway, and a thread of its own keeps disk waits (fsync, WAL
 * checkpoints) away from both the main loop and the readers.  The thread
 * also opens and migrates the file, first, so that nothing on the main
 * thread touches the disk; readers wait for that before opening theirs. */
struct _AttCacheWriter
{
  char         *path;
  GThread      *thread;
  GAsyncQueue  *queue;

  GMutex        lock; /* guards ready and open_error */
  GCond         cond;
  gboolean      ready;
  GError       *open_error;

  /* Used by the writing thread only. */
  sqlite3      *db;
  sqlite3_stmt *put_product;
  sqlite3_stmt *delete_orders;
  sqlite3_stmt *put_order;
};

typedef enum {
  JOB_PAGE,
  JOB_RECORD,
  JOB_FINISH_SCAN,
  JOB_QUIT,
} JobKind;

/* One queued write.  @task and @context belong to the caller's thread:
 * the writing thread only hands the job back there when it is done. */
typedef struct
{
  JobKind         kind;
  AttPage        *page;
  AttCacheRecord *record;
  gint64          scan;
  guint           total;
  GTask          *task;
  GMainContext   *context;
  guint           n_written;
  GError         *error;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->page);
  g_clear_pointer (&job->record, att_cache_record_free);
  g_clear_object (&job->task);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_error (&job->error);
  g_free (job);
}

/* Runs on the caller's thread. */
static gboolean
job_done (gpointer data)
{
  Job *job = data;

  if (job->error != NULL)
    g_task_return_error (job->task, g_steal_pointer (&job->error));
  else
    g_task_return_int (job->task, job->n_written);
  job_free (job);
  return G_SOURCE_REMOVE;
}

static gboolean
prepare (AttCacheWriter *writer,
         GError        **error)
{
  if (sqlite3_prepare_v2 (writer->db,
                          "INSERT INTO products (id, name, identifier, modified, json, scan) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                          "ON CONFLICT (id) DO UPDATE SET name = ?2, identifier = ?3, modified = ?4, "
                          "  json = ?5, scan = ?6 WHERE ?4 >= products.modified",
                          -1, &writer->put_product, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (writer->db, "DELETE FROM purchase_orders WHERE product_id = ?1",
                          -1, &writer->delete_orders, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (writer->db,
                          "INSERT INTO purchase_orders (product_id, id, purchase_order_id, date, amount, fem_id) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                          -1, &writer->put_order, NULL) != SQLITE_OK)
    {
      att_product_cache_db_set_error (error, writer->db, _ ("Cannot prepare the product cache"));
      return FALSE;
    }
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
step_and_reset (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
put_order (AttCacheWriter *writer,
           const char     *product_id,
           AttCacheOrder  *order)
{
  sqlite3_stmt *stmt = writer->put_order;

  bind_text (stmt, 1, product_id);
  bind_text (stmt, 2, order->id);
  bind_text (stmt, 3, order->purchase_order_id);
  bind_text (stmt, 4, order->date);
  if (isfinite (order->amount))
    sqlite3_bind_double (stmt, 5, order->amount);
  bind_text (stmt, 6, order->fem_id);
  return step_and_reset (stmt);
}

/* Replaces the product and all its purchase orders, unless the stored
 * copy is newer: a page fetched before a save may be written after it. */
static gboolean
put_record (AttCacheWriter *writer,
            AttCacheRecord *record,
            gint64          scan)
{
  sqlite3_stmt *stmt = writer->put_product;

  bind_text (stmt, 1, record->id);
  bind_text (stmt, 2, record->name);
  bind_text (stmt, 3, record->identifier);
  sqlite3_bind_int64 (stmt, 4, record->modified);
  bind_text (stmt, 5, record->json);
  sqlite3_bind_int64 (stmt, 6, scan);
  if (!step_and_reset (stmt))
    return FALSE;
  if (sqlite3_changes (writer->db) == 0)
    return TRUE;

  bind_text (writer->delete_orders, 1, record->id);
  if (!step_and_reset (writer->delete_orders))
    return FALSE;

  for (guint i = 0; i < record->orders->len; i++)
    if (!put_order (writer, record->id, g_ptr_array_index (record->orders, i)))
      return FALSE;
  return TRUE;
}

/* Copies the products out of the page, then drops the page: this thread
 * holds its last reference, so the products' JSON (whose reference counts
 * are not atomic) is freed here and nowhere else. */
static GPtrArray *
page_records (Job *job)
{
  GListModel *items = att_page_get_items (job->page);
  GPtrArray  *records = g_ptr_array_new_with_free_func ((GDestroyNotify) att_cache_record_free);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (items, i);
      AttCacheRecord *record = att_cache_record_new (product);

      if (record != NULL)
        g_ptr_array_add (records, record);
    }

  g_clear_object (&job->page);
  return records;
}

static gboolean
write_records (AttCacheWriter *writer,
               GPtrArray      *records,
               gint64          scan,
               GError        **error)
{
  if (!att_product_cache_db_exec (writer->db, "BEGIN IMMEDIATE;", error))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    if (!put_record (writer, g_ptr_array_index (records, i), scan))
      {
        att_product_cache_db_set_error (error, writer->db, _ ("Cannot write to the product cache"));
        sqlite3_exec (writer->db, "ROLLBACK;", NULL, NULL, NULL);
        return FALSE;
      }

  return att_product_cache_db_exec (writer->db, "COMMIT;", error);
}

/* After a complete scan, the products it did not see are gone from the
 * server.  Products saved while it ran carry a later scan number. */
static gboolean
finish_scan (AttCacheWriter *writer,
             gint64          scan,
             guint           total,
             GError        **error)
{
  g_autofree char *sql =
    g_strdup_printf ("BEGIN IMMEDIATE;"
                     "DELETE FROM purchase_orders WHERE product_id IN "
                     "  (SELECT id FROM products WHERE scan < %" G_GINT64_FORMAT ");"
                     "DELETE FROM products WHERE scan < %" G_GINT64_FORMAT ";"
                     "INSERT OR REPLACE INTO meta (key, value) VALUES"
                     "  ('last-complete-scan', %" G_GINT64_FORMAT "), ('last-total', %u);"
                     "COMMIT;",
                     scan, scan, scan, total);

  if (att_product_cache_db_exec (writer->db, sql, error))
    return TRUE;
  sqlite3_exec (writer->db, "ROLLBACK;", NULL, NULL, NULL);
  return FALSE;
}

static void
run_job (AttCacheWriter *writer,
         Job            *job)
{
  g_autoptr(GPtrArray) records = NULL;

  if (writer->db == NULL)
    {
      job->error = g_error_copy (writer->open_error);
      return;
    }

  switch (job->kind)
    {
    case JOB_PAGE:
      records = page_records (job);
      break;

    case JOB_RECORD:
      records = g_ptr_array_new_with_free_func ((GDestroyNotify) att_cache_record_free);
      g_ptr_array_add (records, g_steal_pointer (&job->record));
      break;

    case JOB_FINISH_SCAN:
      finish_scan (writer, job->scan, job->total, &job->error);
      return;

    case JOB_QUIT:
    default:
      g_assert_not_reached ();
    }

  if (write_records (writer, records, job->scan, &job->error))
    job->n_written = records->len;
}

static void
open_db (AttCacheWriter *writer)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = att_product_cache_db_open_writer (writer->path, &error);

  if (db != NULL)
    {
      writer->db = db;
      if (!prepare (writer, &error))
        g_clear_pointer (&writer->db, sqlite3_close);
    }

  g_mutex_lock (&writer->lock);
  writer->open_error = g_steal_pointer (&error);
  writer->ready = TRUE;
  g_cond_broadcast (&writer->cond);
  g_mutex_unlock (&writer->lock);
}

static void
close_db (AttCacheWriter *writer)
{
  g_clear_pointer (&writer->put_product, sqlite3_finalize);
  g_clear_pointer (&writer->delete_orders, sqlite3_finalize);
  g_clear_pointer (&writer->put_order, sqlite3_finalize);
  g_clear_pointer (&writer->db, sqlite3_close);
}

static gpointer
writer_thread (gpointer data)
{
  AttCacheWriter *writer = data;
  Job            *job;

  open_db (writer);

  while ((job = g_async_queue_pop (writer->queue))->kind != JOB_QUIT)
    {
      run_job (writer, job);
      g_main_context_invoke (job->context, job_done, job);
    }

  job_free (job);
  close_db (writer);
  return NULL;
}

/**
 * att_cache_writer_new:
 * @path: the cache file; made, with its folder, if missing
 *
 * Starts the writing thread, which opens and migrates @path first.
 */
AttCacheWriter *
att_cache_writer_new (const char *path)
{
  AttCacheWriter *writer = g_new0 (AttCacheWriter, 1);

  writer->path = g_strdup (path);
  writer->queue = g_async_queue_new ();
  g_mutex_init (&writer->lock);
  g_cond_init (&writer->cond);
  writer->thread = g_thread_new ("att-cache-writer", writer_thread, writer);
  return writer;
}

/**
 * att_cache_writer_free:
 *
 * Lets the queued jobs finish, then stops the thread.
 */
void
att_cache_writer_free (AttCacheWriter *writer)
{
  Job *quit = g_new0 (Job, 1);

  quit->kind = JOB_QUIT;
  g_async_queue_push (writer->queue, quit);
  g_thread_join (writer->thread);

  g_async_queue_unref (writer->queue);
  g_clear_error (&writer->open_error);
  g_mutex_clear (&writer->lock);
  g_cond_clear (&writer->cond);
  g_free (writer->path);
  g_free (writer);
}

/**
 * att_cache_writer_wait_ready:
 *
 * Blocks until the writing thread has opened and migrated the file.  For
 * worker threads only.
 *
 * Returns: whether the file could be opened
 */
gboolean
att_cache_writer_wait_ready (AttCacheWriter *writer,
                             GError        **error)
{
  gboolean ok;

  g_mutex_lock (&writer->lock);
  while (!writer->ready)
    g_cond_wait (&writer->cond, &writer->lock);
  ok = writer->open_error == NULL;
  if (!ok)
    g_propagate_error (error, g_error_copy (writer->open_error));
  g_mutex_unlock (&writer->lock);
  return ok;
}

/* A job of @scan, answered through @task on this thread's main context. */
static Job *
job_new (JobKind kind,
         gint64  scan,
         GTask  *task)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->scan = scan;
  job->task = g_object_ref (task);
  job->context = g_main_context_ref_thread_default ();
  return job;
}

/**
 * att_cache_writer_write_page:
 * @page: (transfer full): a page of products; the caller must hold no
 *   other reference to it or its products
 * @scan: the number of the scan it belongs to
 */
void
att_cache_writer_write_page (AttCacheWriter *writer,
                             AttPage        *page,
                             gint64          scan,
                             GTask          *task)
{
  Job *job = job_new (JOB_PAGE, scan, task);

  job->page = page;
  g_async_queue_push (writer->queue, job);
}

/**
 * att_cache_writer_write_record:
 * @record: (transfer full): one product
 */
void
att_cache_writer_write_record (AttCacheWriter *writer,
                               AttCacheRecord *record,
                               gint64          scan,
                               GTask          *task)
{
  Job *job = job_new (JOB_RECORD, scan, task);

  job->record = record;
  g_async_queue_push (writer->queue, job);
}

/**
 * att_cache_writer_finish_scan:
 * @total: how many products the server said it has
 *
 * Drops the products that neither @scan nor a later save has written.
 */
void
att_cache_writer_finish_scan (AttCacheWriter *writer,
                              gint64          scan,
                              guint           total,
                              GTask          *task)
{
  Job *job = job_new (JOB_FINISH_SCAN, scan, task);

  job->total = total;
  g_async_queue_push (writer->queue, job);
}
