/* att-sandbox-store-private.h: what the parts of AttSandboxStore share:
 * att-sandbox-store.c (the connection, the schema and the PIC products),
 * att-sandbox-store-pm.c (Product Module products) and
 * att-sandbox-store-certificate.c (certificates, their files and products)
 * and att-sandbox-store-closient.c (Closient's catalogue, products and
 * assignments)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "att-sandbox-store.h"

G_BEGIN_DECLS

struct _AttSandboxStore
{
  GObject       parent_instance;

  sqlite3      *db;
  sqlite3_stmt *insert_stmt;
  sqlite3_stmt *insert_text_stmt;
  sqlite3_stmt *update_stmt;
  sqlite3_stmt *delete_text_stmt;
  sqlite3_stmt *get_stmt;
  sqlite3_stmt *insert_uses_stmt;
  sqlite3_stmt *delete_uses_stmt;
  gboolean      uses_ready;          /* product_uses is filled and kept */
  GHashTable   *closient_statements; /* SQL -> sqlite3_stmt (att-sandbox-store-closient.c) */
};

gboolean _att_sandbox_store_set_error (AttSandboxStore *self,
                                       GError         **error,
                                       const char      *what);
gboolean _att_sandbox_store_exec (AttSandboxStore *self,
                                  const char      *sql,
                                  GError         **error);
gboolean _att_sandbox_store_prepare (AttSandboxStore *self,
                                     const char      *sql,
                                     sqlite3_stmt   **stmt,
                                     GError         **error);
void     _att_sandbox_store_bind_text (sqlite3_stmt *stmt,
                                       int           index,
                                       const char   *text);
char    *_att_sandbox_store_column_dup (sqlite3_stmt *stmt,
                                        int           column);
gboolean _att_sandbox_store_strv_is_empty (const char *const *strv);
char    *_att_sandbox_store_strv_to_json (const char *const *strv);

/* att-sandbox-store-closient.c: makes the Closient tables. */
gboolean _att_sandbox_store_closient_init (AttSandboxStore *self,
                                           GError         **error);

G_END_DECLS
