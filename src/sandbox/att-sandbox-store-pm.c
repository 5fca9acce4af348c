/* att-sandbox-store-pm.c: the Product Module products of AttSandboxStore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-sandbox-store-private.h"

/*
 * PM products are few (the demo has about 80) and never change through the
 * API, so they are kept simply: one row each, the barcodes as a JSON array
 * (their order is the product's) and again in pm_barcodes, indexed, for
 * the `barcodes` filter.  The name is also kept case-folded, for the
 * case-insensitive `name` filter.
 */

void
att_sandbox_pm_product_free (AttSandboxPmProduct *product)
{
  if (product == NULL)
    return;
  g_free (product->id);
  g_free (product->name);
  g_free (product->model_number);
  g_free (product->product_type);
  g_strfreev (product->barcodes);
  g_free (product);
}

static gboolean
step_done (AttSandboxStore *self,
           sqlite3_stmt    *stmt,
           const char      *what,
           GError         **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _att_sandbox_store_set_error (self, error, what);
  return TRUE;
}

/**
 * att_sandbox_store_insert_pm_product:
 *
 * Adds a PM product; one with the same id is left alone.
 */
gboolean
att_sandbox_store_insert_pm_product (AttSandboxStore           *self,
                                     const AttSandboxPmProduct *product,
                                     GError                   **error)
{
  static const char *const none[] = { NULL };
  g_autofree char         *folded = NULL;
  g_autofree char         *barcodes = NULL;
  sqlite3_stmt            *stmt = NULL;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (product != NULL && product->id != NULL && product->name != NULL, FALSE);

  folded = g_utf8_casefold (product->name, -1);
  barcodes = _att_sandbox_store_strv_to_json (product->barcodes != NULL ? (const char *const *) product->barcodes : none);

  if (!_att_sandbox_store_prepare (self,
                                   "INSERT OR IGNORE INTO pm_products"
                                   " (id, name, name_folded, model_number, product_type, sac_id, barcodes)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                   &stmt, error))
    return FALSE;
  _att_sandbox_store_bind_text (stmt, 1, product->id);
  _att_sandbox_store_bind_text (stmt, 2, product->name);
  _att_sandbox_store_bind_text (stmt, 3, folded);
  _att_sandbox_store_bind_text (stmt, 4, product->model_number != NULL ? product->model_number : "");
  _att_sandbox_store_bind_text (stmt, 5, product->product_type != NULL ? product->product_type : "Other");
  sqlite3_bind_int64 (stmt, 6, product->sac_id);
  _att_sandbox_store_bind_text (stmt, 7, barcodes);
  if (!step_done (self, stmt, "Cannot store a PM product", error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    return TRUE;

  if (!_att_sandbox_store_prepare (self,
                                   "INSERT OR IGNORE INTO pm_barcodes (barcode, product)"
                                   " SELECT value, ?1 FROM json_each (?2)",
                                   &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sqlite3_last_insert_rowid (self->db));
  _att_sandbox_store_bind_text (stmt, 2, barcodes);
  return step_done (self, stmt, "Cannot index a PM product's barcodes", error);
}

/**
 * att_sandbox_store_has_pm_product:
 * @out_exists: (out): whether there is a PM product with the id @id
 */
gboolean
att_sandbox_store_has_pm_product (AttSandboxStore *self,
                                  const char      *id,
                                  gboolean        *out_exists,
                                  GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && out_exists != NULL, FALSE);

  if (!_att_sandbox_store_prepare (self, "SELECT 1 FROM pm_products WHERE id = ?1", &stmt, error))
    return FALSE;
  _att_sandbox_store_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _att_sandbox_store_set_error (self, error, "Cannot look a PM product up");

  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

/* Search ------------------------------------------------------------------ */

/* The conditions of @query (after "WHERE 1") and their parameters, all
 * texts, in order. */
static void
build_where (const AttSandboxPmQuery *query,
             GString                 *where,
             GPtrArray               *params)
{
  static const struct
  {
    gsize       offset;
    const char *condition;
  } lists[] = {
    { G_STRUCT_OFFSET (AttSandboxPmQuery, ids), " AND p.id IN (SELECT value FROM json_each (?))" },
    { G_STRUCT_OFFSET (AttSandboxPmQuery, barcodes),
      " AND p.rowid IN (SELECT product FROM pm_barcodes WHERE barcode IN (SELECT value FROM json_each (?)))" },
    { G_STRUCT_OFFSET (AttSandboxPmQuery, style_numbers),
      " AND p.model_number IN (SELECT value FROM json_each (?))" },
    { G_STRUCT_OFFSET (AttSandboxPmQuery, certifications),
      " AND p.rowid IN (SELECT cp.product FROM certificate_products AS cp"
      " JOIN certificates AS c ON c.rowid = cp.certificate"
      " WHERE c.id IN (SELECT value FROM json_each (?)))" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      const char *const *strv = G_STRUCT_MEMBER (const char *const *, query, lists[i].offset);

      if (_att_sandbox_store_strv_is_empty (strv))
        continue;
      g_string_append (where, lists[i].condition);
      g_ptr_array_add (params, _att_sandbox_store_strv_to_json (strv));
    }

  if (query->name_folded != NULL && *query->name_folded != '\0')
    {
      g_string_append (where, " AND instr (p.name_folded, ?) > 0");
      g_ptr_array_add (params, g_strdup (query->name_folded));
    }
}

static sqlite3_stmt *
prepare_search (AttSandboxStore *self,
                const char      *sql,
                GPtrArray       *params,
                GError         **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _att_sandbox_store_set_error (self, error, "Cannot prepare a PM search");
      sqlite3_finalize (stmt);
      return NULL;
    }
  for (guint i = 0; i < params->len; i++)
    sqlite3_bind_text (stmt, (int) i + 1, g_ptr_array_index (params, i), -1, SQLITE_STATIC);
  return stmt;
}

static char **
strv_from_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  JsonNode *root;

  if (text != NULL && json_parser_load_from_data (parser, text, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *string = json_array_get_string_element (array, i);

          if (string != NULL)
            g_ptr_array_add (strings, g_strdup (string));
        }
    }

  g_ptr_array_add (strings, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&strings), FALSE);
}

static AttSandboxPmProduct *
read_product (sqlite3_stmt *stmt)
{
  AttSandboxPmProduct *product = g_new0 (AttSandboxPmProduct, 1);

  product->id = _att_sandbox_store_column_dup (stmt, 0);
  product->name = _att_sandbox_store_column_dup (stmt, 1);
  product->model_number = _att_sandbox_store_column_dup (stmt, 2);
  product->product_type = _att_sandbox_store_column_dup (stmt, 3);
  product->sac_id = sqlite3_column_int64 (stmt, 4);
  product->barcodes = strv_from_json ((const char *) sqlite3_column_text (stmt, 5));
  return product;
}

/**
 * att_sandbox_store_search_pm:
 * @out_total: (out): how many products match
 * @out_products: (out) (transfer full) (element-type AttSandboxPmProduct):
 *   the page
 *
 * Runs @query, ordered by name then id, and returns one page of it.
 */
gboolean
att_sandbox_store_search_pm (AttSandboxStore         *self,
                             const AttSandboxPmQuery *query,
                             gint64                  *out_total,
                             GPtrArray              **out_products,
                             GError                 **error)
{
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func ((GDestroyNotify) att_sandbox_pm_product_free);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) where = g_string_new ("1");
  g_autofree char *count_sql = NULL;
  g_autofree char *page_sql = NULL;
  sqlite3_stmt    *stmt;
  gint64           total = 0;
  int              rc;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL && out_total != NULL && out_products != NULL, FALSE);

  build_where (query, where, params);

  count_sql = g_strconcat ("SELECT count(*) FROM pm_products AS p WHERE ", where->str, NULL);
  stmt = prepare_search (self, count_sql, params, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    total = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return _att_sandbox_store_set_error (self, error, "Cannot count PM products");

  if (query->size > 0 && query->from < total)
    {
      page_sql = g_strconcat ("SELECT p.id, p.name, p.model_number, p.product_type, p.sac_id, p.barcodes"
                              " FROM pm_products AS p WHERE ",
                              where->str, " ORDER BY p.name, p.id LIMIT ? OFFSET ?", NULL);
      stmt = prepare_search (self, page_sql, params, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, (int) params->len + 1, query->size == G_MAXUINT ? -1 : (gint64) query->size);
      sqlite3_bind_int64 (stmt, (int) params->len + 2, query->from);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (products, read_product (stmt));
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return _att_sandbox_store_set_error (self, error, "Cannot read PM products");
    }

  *out_total = total;
  *out_products = g_steal_pointer (&products);
  return TRUE;
}
