/* att-product-cache-db.c: opening a product cache file, its schema and
 * its migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <glib/gstdio.h>

#include "att-product-cache-private.h"

/* The schema's version is SQLite's user_version.  A new file is made at
 * version 0 and migrated step by step like any old one, so that every
 * migration runs for real on every new cache, not only on the rare old
 * file.  Each step runs in the transaction that also sets the new version:
 * a crash leaves the file at one version or the next. */
static const char *const migrations[] = {
  /* 0 -> 1: products with their JSON, and their purchase orders. */
  "CREATE TABLE products ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT,"
  "  identifier TEXT,"
  "  modified INTEGER NOT NULL DEFAULT 0,"
  "  json TEXT NOT NULL);"
  "CREATE TABLE purchase_orders ("
  "  product_id TEXT NOT NULL,"
  "  id TEXT,"
  "  purchase_order_id TEXT,"
  "  date TEXT,"
  "  amount REAL,"
  "  fem_id TEXT);"
  "CREATE INDEX purchase_orders_by_product ON purchase_orders (product_id);"
  "CREATE INDEX purchase_orders_by_date ON purchase_orders (date);",

  /* 1 -> 2: which scan last saw each product, so that a complete scan can
   * drop the products the server no longer has; what the last complete
   * scan found; and FEM ids looked up by index. */
  "ALTER TABLE products ADD COLUMN scan INTEGER NOT NULL DEFAULT 0;"
  "CREATE INDEX products_by_scan ON products (scan);"
  "CREATE INDEX purchase_orders_by_fem ON purchase_orders (fem_id);"
  "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ATT_PRODUCT_CACHE_SCHEMA_VERSION);

void
att_product_cache_db_set_error (GError    **error,
                                sqlite3    *db,
                                const char *what)
{
  g_set_error (error, ATT_PRODUCT_CACHE_ERROR, ATT_PRODUCT_CACHE_ERROR_DATABASE,
               "%s: %s", what, db != NULL ? sqlite3_errmsg (db) : "out of memory");
}

gboolean
att_product_cache_db_exec (sqlite3    *db,
                           const char *sql,
                           GError    **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;

  att_product_cache_db_set_error (error, db, _ ("Cannot update the product cache"));
  return FALSE;
}

int
att_product_cache_db_get_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int           version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
migrate_step (sqlite3 *db,
              int      to_version,
              GError **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d;", to_version);

  if (!att_product_cache_db_exec (db, "BEGIN IMMEDIATE;", error))
    return FALSE;

  if (sqlite3_exec (db, migrations[to_version - 1], NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, set_version, NULL, NULL, NULL) != SQLITE_OK)
    {
      att_product_cache_db_set_error (error, db, _ ("Cannot migrate the product cache"));
      sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }

  return att_product_cache_db_exec (db, "COMMIT;", error);
}

/**
 * att_product_cache_db_migrate:
 *
 * Brings @db from its version up to %ATT_PRODUCT_CACHE_SCHEMA_VERSION.
 * A file from a newer Attest fails: it is left alone.
 */
gboolean
att_product_cache_db_migrate (sqlite3 *db,
                              GError **error)
{
  int version = att_product_cache_db_get_version (db);

  if (version < 0)
    {
      att_product_cache_db_set_error (error, db, _ ("Cannot read the product cache’s version"));
      return FALSE;
    }

  if (version > ATT_PRODUCT_CACHE_SCHEMA_VERSION)
    {
      g_set_error (error, ATT_PRODUCT_CACHE_ERROR, ATT_PRODUCT_CACHE_ERROR_DATABASE,
                   _ ("The product cache has version %d, newer than this Attest’s %d"),
                   version, ATT_PRODUCT_CACHE_SCHEMA_VERSION);
      return FALSE;
    }

  for (int to = version + 1; to <= ATT_PRODUCT_CACHE_SCHEMA_VERSION; to++)
    if (!migrate_step (db, to, error))
      return FALSE;

  return TRUE;
}

/* Whether the last failure on @db says the file is not a sound database. */
static gboolean
is_damaged (sqlite3 *db)
{
  int code = db != NULL ? sqlite3_errcode (db) : SQLITE_NOMEM;

  return code == SQLITE_NOTADB || code == SQLITE_CORRUPT;
}

static sqlite3 *
open_db (const char *path,
         int         flags,
         const char *pragmas,
         gboolean   *damaged,
         GError    **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      sqlite3_exec (db, pragmas, NULL, NULL, NULL) != SQLITE_OK)
    {
      if (damaged != NULL)
        *damaged = is_damaged (db);
      att_product_cache_db_set_error (error, db, _ ("Cannot open the product cache"));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, 5000);
  return db;
}

static gboolean
make_parent_dir (const char *path,
                 GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int              saved_errno;

  if (g_mkdir_with_parents (dir, 0700) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, ATT_PRODUCT_CACHE_ERROR, ATT_PRODUCT_CACHE_ERROR_DATABASE,
               _ ("Cannot make the folder of the product cache: %s"), g_strerror (saved_errno));
  return FALSE;
}

/* synchronous=NORMAL: in WAL mode a power cut may lose the last pages but
 * never corrupts the file, and a cache can always be filled again. */
static sqlite3 *
open_and_migrate (const char *path,
                  gboolean   *damaged,
                  GError    **error)
{
  sqlite3 *db = open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                         "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", damaged, error);

  if (db != NULL && !att_product_cache_db_migrate (db, error))
    {
      *damaged = is_damaged (db);
      g_clear_pointer (&db, sqlite3_close);
    }
  return db;
}

static void
remove_damaged (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

/**
 * att_product_cache_db_open_writer:
 *
 * Opens (or creates) the file at @path for the writing thread, in WAL mode
 * so that readers keep reading while a page is written, and migrates it.
 * A damaged file (not a database, or corrupt) only held copies of what the
 * server has: it is replaced by an empty one, which the next scan fills.
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL
 */
sqlite3 *
att_product_cache_db_open_writer (const char *path,
                                  GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean damaged = FALSE;
  sqlite3 *db;

  if (!make_parent_dir (path, error))
    return NULL;

  db = open_and_migrate (path, &damaged, &local_error);
  if (db != NULL || !damaged)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return db;
    }

  g_message ("Product cache: replacing a damaged file (%s)", local_error->message);
  remove_damaged (path);
  return open_and_migrate (path, &damaged, error);
}

/**
 * att_product_cache_db_open_reader:
 *
 * Returns: (transfer full) (nullable): a read-only connection to a file the
 *   writer has opened and migrated, or %NULL
 */
sqlite3 *
att_product_cache_db_open_reader (const char *path,
                                  GError    **error)
{
  return open_db (path, SQLITE_OPEN_READONLY, "PRAGMA query_only = 1;", NULL, error);
}
