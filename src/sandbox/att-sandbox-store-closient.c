/* att-sandbox-store-closient.c: the Closient side of AttSandboxStore:
 * certification bodies, the certification catalogue, products by GTIN,
 * their certification assignments and the logos
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-sandbox-json.h"
#include "att-sandbox-store-private.h"

/*
 * Closient's records are small and few (a catalogue of about thirty
 * certifications, a few hundred demo assignments), so each is kept as a
 * JSON document with, beside it, the columns that filters and orderings
 * use.  The assignment's own columns are generated from its document, so
 * a PATCH writes the document alone and cannot leave a column stale.
 *
 * Rows are read back as JSON objects built by SQLite (json_object()), the
 * form the endpoints answer in: no C struct to copy each field through.
 * Catalogue records know their logo by its key, not its URL: the URL
 * names the sandbox's own origin, which changes with its port.  A logo is
 * stored as what it shows until it is first asked for, then drawn and
 * kept.
 */

static const char schema_sql[] =
  "CREATE TABLE IF NOT EXISTS closient_bodies ("
  "  rowid INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  name_folded TEXT NOT NULL,"
  "  website TEXT NOT NULL,"
  "  description TEXT NOT NULL,"
  "  logo TEXT"
  ");"
  "CREATE TABLE IF NOT EXISTS closient_certifications ("
  "  rowid INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  label TEXT NOT NULL,"
  "  label_folded TEXT NOT NULL,"
  "  code TEXT NOT NULL,"
  "  description TEXT NOT NULL,"
  "  url TEXT NOT NULL,"
  "  logo TEXT,"
  "  body INTEGER,"
  "  program TEXT NOT NULL,"
  "  standard TEXT NOT NULL"
  ");"
  "CREATE INDEX IF NOT EXISTS closient_certifications_by_label"
  "  ON closient_certifications (label COLLATE NOCASE, id);"
  "CREATE TABLE IF NOT EXISTS closient_products ("
  "  gtin TEXT PRIMARY KEY,"
  "  document TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS closient_assignments ("
  "  gtin TEXT NOT NULL,"
  "  certification INTEGER NOT NULL,"
  "  state TEXT NOT NULL,"
  "  verification_status TEXT GENERATED ALWAYS AS (json_extract (state, '$.verification_status')) VIRTUAL,"
  "  valid_from TEXT GENERATED ALWAYS AS (json_extract (state, '$.valid_from')) VIRTUAL,"
  "  expiration_date TEXT GENERATED ALWAYS AS (json_extract (state, '$.expiration_date')) VIRTUAL,"
  "  expiry_date TEXT GENERATED ALWAYS AS (json_extract (state, '$.expiry_date')) VIRTUAL,"
  "  PRIMARY KEY (gtin, certification)"
  ") WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS closient_logos ("
  "  key TEXT PRIMARY KEY,"
  "  spec TEXT NOT NULL,"
  "  png BLOB"
  ") WITHOUT ROWID;";

/* The members of a catalogue certification, as the API names them. */
#define CERTIFICATION_JSON                             \
  "json_object ('id', c.id, 'label', c.label,"         \
  " 'code', c.code, 'description', c.description,"     \
  " 'url', c.url, 'logo', c.logo,"                     \
  " 'certification_body_name', coalesce (b.name, '')," \
  " 'certification_body_id', b.id,"                    \
  " 'program', c.program, 'standard', c.standard)"

#define CERTIFICATION_FROM \
  " FROM closient_certifications AS c LEFT JOIN closient_bodies AS b ON b.rowid = c.body"

#define BODY_JSON                                                  \
  "json_object ('id', b.id, 'name', b.name, 'website', b.website," \
  " 'description', b.description, 'logo', b.logo)"

/* What an assignment is active on @today (?1): its window, either bound
 * open when null (api-closient.md §3.1). */
#define ACTIVE_SQL                                \
  "((a.valid_from IS NULL OR a.valid_from <= ?1)" \
  " AND (a.expiration_date IS NULL OR a.expiration_date >= ?1))"

gboolean
_att_sandbox_store_closient_init (AttSandboxStore *self,
                                  GError         **error)
{
  self->closient_statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) sqlite3_finalize);
  return _att_sandbox_store_exec (self, schema_sql, error);
}

void
att_sandbox_closient_assignment_free (AttSandboxClosientAssignment *assignment)
{
  if (assignment == NULL)
    return;
  g_clear_pointer (&assignment->certification, json_object_unref);
  g_clear_pointer (&assignment->state, json_object_unref);
  g_free (assignment);
}

/* Statements ---------------------------------------------------------------- */

/* The statement of @sql, prepared once per store: seeding the demo runs
 * the same few statements hundreds of times, and parsing them each time
 * took a third of it.  Release it with release(), not sqlite3_finalize(). */
static sqlite3_stmt *
prepare (AttSandboxStore *self,
         const char      *sql,
         GError         **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->closient_statements, sql);

  if (stmt != NULL)
    return stmt;
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _att_sandbox_store_set_error (self, error, "Cannot prepare a Closient statement");
      sqlite3_finalize (stmt);
      return NULL;
    }
  g_hash_table_insert (self->closient_statements, g_strdup (sql), stmt);
  return stmt;
}

/* Makes @stmt ready for its next use. */
static void
release (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Runs @stmt, which returns no rows, and releases it. */
static gboolean
run (AttSandboxStore *self,
     sqlite3_stmt    *stmt,
     const char      *what,
     GError         **error)
{
  int rc = sqlite3_step (stmt);

  release (stmt);
  if (rc != SQLITE_DONE)
    return _att_sandbox_store_set_error (self, error, what);
  return TRUE;
}

/* Column @column of @stmt, a JSON object made by SQLite. */
static JsonObject *
column_object (sqlite3_stmt *stmt,
               int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? att_sandbox_json_parse_object (text, NULL) : NULL;
}

/* Binds the texts of @params to @stmt's parameters from 2 on (1 is
 * "today" in the queries that need it, unused elsewhere). */
static void
bind_params (sqlite3_stmt *stmt,
             GPtrArray    *params)
{
  for (guint i = 0; i < params->len; i++)
    _att_sandbox_store_bind_text (stmt, (int) i + 2, g_ptr_array_index (params, i));
}

/* Counts the rows of "SELECT count(*) <@from_where>". */
static gboolean
count_rows (AttSandboxStore *self,
            const char      *from_where,
            const char      *today,
            GPtrArray       *params,
            gint64          *out_total,
            GError         **error)
{
  g_autofree char *sql = g_strconcat ("SELECT count(*) ", from_where, NULL);
  sqlite3_stmt    *stmt = prepare (self, sql, error);
  int              rc;

  if (stmt == NULL)
    return FALSE;
  _att_sandbox_store_bind_text (stmt, 1, today);
  bind_params (stmt, params);
  rc = sqlite3_step (stmt);
  *out_total = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  release (stmt);
  if (rc != SQLITE_ROW)
    return _att_sandbox_store_set_error (self, error, "Cannot count Closient records");
  return TRUE;
}

/* Reads the JSON objects of "SELECT <@columns> <@from_where> ORDER BY
 * <@order> LIMIT .. OFFSET ..": one per row, or two (an assignment's
 * certification and state) when @pairs. */
static gboolean
read_rows (AttSandboxStore              *self,
           const char                   *columns,
           const char                   *from_where,
           const char                   *order,
           const char                   *today,
           GPtrArray                    *params,
           const AttSandboxClosientPage *page,
           gboolean                      pairs,
           GPtrArray                    *out_rows,
           GError                      **error)
{
  /* Numbered, as "?" would follow the highest number used before it,
   * and ?1 (today) is not in every query. */
  g_autofree char *sql = g_strdup_printf ("SELECT %s %s ORDER BY %s LIMIT ?%u OFFSET ?%u",
                                          columns, from_where, order,
                                          params->len + 2, params->len + 3);
  sqlite3_stmt    *stmt = prepare (self, sql, error);
  int              rc;

  if (stmt == NULL)
    return FALSE;
  _att_sandbox_store_bind_text (stmt, 1, today);
  bind_params (stmt, params);
  sqlite3_bind_int64 (stmt, (int) params->len + 2, page->limit == G_MAXUINT ? -1 : (gint64) page->limit);
  sqlite3_bind_int64 (stmt, (int) params->len + 3, page->offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (pairs)
        {
          AttSandboxClosientAssignment *assignment = g_new0 (AttSandboxClosientAssignment, 1);

          assignment->certification = column_object (stmt, 0);
          assignment->state = column_object (stmt, 1);
          g_ptr_array_add (out_rows, assignment);
        }
      else
        g_ptr_array_add (out_rows, column_object (stmt, 0));
    }
  release (stmt);
  if (rc != SQLITE_DONE)
    return _att_sandbox_store_set_error (self, error, "Cannot read Closient records");
  return TRUE;
}

/* Inserts -------------------------------------------------------------------- */

/**
 * att_sandbox_store_insert_closient_body:
 * @body: `{id, name, website, description, logo}` (`logo`: a logo key or
 *   null)
 *
 * Adds a certification body; one with the same id is left alone.
 */
gboolean
att_sandbox_store_insert_closient_body (AttSandboxStore *self,
                                        JsonObject      *body,
                                        GError         **error)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), body);
  g_autofree char *json = att_sandbox_json_to_string (node);
  g_autofree char *folded = g_utf8_casefold (att_sandbox_json_string (body, "name"), -1);
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);

  stmt = prepare (self,
                  "INSERT OR IGNORE INTO closient_bodies (id, name, name_folded, website, description, logo)"
                  " SELECT json_extract (?1, '$.id'), json_extract (?1, '$.name'), ?2,"
                  " json_extract (?1, '$.website'), json_extract (?1, '$.description'),"
                  " json_extract (?1, '$.logo')",
                  error);
  if (stmt == NULL)
    return FALSE;
  _att_sandbox_store_bind_text (stmt, 1, json);
  _att_sandbox_store_bind_text (stmt, 2, folded);
  return run (self, stmt, "Cannot store a certification body", error);
}

/**
 * att_sandbox_store_insert_closient_certification:
 * @certification: `{id, label, code, description, url, logo, body_id,
 *   program, standard}` (`logo`: a logo key or null; `body_id`: the id of
 *   a stored body)
 *
 * Adds a catalogue certification; one with the same id is left alone.
 */
gboolean
att_sandbox_store_insert_closient_certification (AttSandboxStore *self,
                                                 JsonObject      *certification,
                                                 GError         **error)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), certification);
  g_autofree char *json = att_sandbox_json_to_string (node);
  g_autofree char *folded = g_utf8_casefold (att_sandbox_json_string (certification, "label"), -1);
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);

  stmt = prepare (self,
                  "INSERT OR IGNORE INTO closient_certifications"
                  " (id, label, label_folded, code, description, url, logo, body, program, standard)"
                  " SELECT json_extract (?1, '$.id'), json_extract (?1, '$.label'), ?2,"
                  " json_extract (?1, '$.code'), json_extract (?1, '$.description'),"
                  " json_extract (?1, '$.url'), json_extract (?1, '$.logo'),"
                  " (SELECT rowid FROM closient_bodies WHERE id = json_extract (?1, '$.body_id')),"
                  " json_extract (?1, '$.program'), json_extract (?1, '$.standard')",
                  error);
  if (stmt == NULL)
    return FALSE;
  _att_sandbox_store_bind_text (stmt, 1, json);
  _att_sandbox_store_bind_text (stmt, 2, folded);
  return run (self, stmt, "Cannot store a certification", error);
}

/**
 * att_sandbox_store_insert_closient_product:
 * @product: the product as answered (`gtin` is its key, 14 digits)
 *
 * Adds a product, or replaces the one with that GTIN.
 */
gboolean
att_sandbox_store_insert_closient_product (AttSandboxStore *self,
                                           JsonObject      *product,
                                           GError         **error)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), product);
  g_autofree char *json = att_sandbox_json_to_string (node);
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);

  stmt = prepare (self,
                  "INSERT OR REPLACE INTO closient_products (gtin, document)"
                  " VALUES (json_extract (?1, '$.gtin'), ?1)",
                  error);
  if (stmt == NULL)
    return FALSE;
  _att_sandbox_store_bind_text (stmt, 1, json);
  return run (self, stmt, "Cannot store a Closient product", error);
}

/**
 * att_sandbox_store_put_closient_assignment:
 * @gtin: the product's GTIN, 14 digits
 * @certification_id: the certification's id (22-character shortuuid)
 * @state: the assignment's own members (dates, strings, countries,
 *   metadata), as answered
 * @out_found: (out) (optional): %FALSE when there is no such
 *   certification (nothing is stored)
 *
 * Stores the assignment of a certification to a product, replacing the
 * one there was.
 */
gboolean
att_sandbox_store_put_closient_assignment (AttSandboxStore *self,
                                           const char      *gtin,
                                           const char      *certification_id,
                                           JsonObject      *state,
                                           gboolean        *out_found,
                                           GError         **error)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), state);
  g_autofree char *json = att_sandbox_json_to_string (node);
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (gtin != NULL && certification_id != NULL, FALSE);

  stmt = prepare (self,
                  "INSERT OR REPLACE INTO closient_assignments (gtin, certification, state)"
                  " SELECT ?1, rowid, ?3 FROM closient_certifications WHERE id = ?2",
                  error);
  if (stmt == NULL)
    return FALSE;
  _att_sandbox_store_bind_text (stmt, 1, gtin);
  _att_sandbox_store_bind_text (stmt, 2, certification_id);
  _att_sandbox_store_bind_text (stmt, 3, json);
  if (!run (self, stmt, "Cannot store a certification assignment", error))
    return FALSE;
  if (out_found != NULL)
    *out_found = sqlite3_changes (self->db) > 0;
  return TRUE;
}

/**
 * att_sandbox_store_delete_closient_assignment:
 * @out_deleted: (out): whether there was such an assignment
 */
gboolean
att_sandbox_store_delete_closient_assignment (AttSandboxStore *self,
                                              const char      *gtin,
                                              const char      *certification_id,
                                              gboolean        *out_deleted,
                                              GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (gtin != NULL && certification_id != NULL && out_deleted != NULL, FALSE);

  stmt = prepare (self,
                  "DELETE FROM closient_assignments WHERE gtin = ?1"
                  " AND certification = (SELECT rowid FROM closient_certifications WHERE id = ?2)",
                  error);
  if (stmt == NULL)
    return FALSE;
  _att_sandbox_store_bind_text (stmt, 1, gtin);
  _att_sandbox_store_bind_text (stmt, 2, certification_id);
  if (!run (self, stmt, "Cannot delete a certification assignment", error))
    return FALSE;
  *out_deleted = sqlite3_changes (self->db) > 0;
  return TRUE;
}

/* Look-ups ------------------------------------------------------------------ */

/* The one JSON object "SELECT <@sql>" answers for @key, or NULL. */
static JsonObject *
get_one (AttSandboxStore *self,
         const char      *sql,
         const char      *key,
         GError         **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  JsonObject   *object = NULL;
  int           rc;

  if (stmt == NULL)
    return NULL;
  _att_sandbox_store_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    object = column_object (stmt, 0);
  release (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _att_sandbox_store_set_error (self, error, "Cannot read a Closient record");
  return object;
}

/**
 * att_sandbox_store_get_closient_product:
 *
 * Returns: (transfer full) (nullable): the product with the 14-digit
 *   @gtin, or %NULL when there is none (without setting @error) or on error
 */
JsonObject *
att_sandbox_store_get_closient_product (AttSandboxStore *self,
                                        const char      *gtin,
                                        GError         **error)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), NULL);
  g_return_val_if_fail (gtin != NULL, NULL);

  return get_one (self, "SELECT document FROM closient_products WHERE gtin = ?1", gtin, error);
}

/**
 * att_sandbox_store_get_closient_certification:
 *
 * Returns: (transfer full) (nullable): the catalogue certification @id
 *   (with `certification_body_name` and `certification_body_id`), or
 *   %NULL when there is none (without setting @error) or on error
 */
JsonObject *
att_sandbox_store_get_closient_certification (AttSandboxStore *self,
                                              const char      *id,
                                              GError         **error)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return get_one (self, "SELECT " CERTIFICATION_JSON CERTIFICATION_FROM " WHERE c.id = ?1", id, error);
}

/**
 * att_sandbox_store_get_closient_body:
 *
 * Returns: (transfer full) (nullable): the certification body @id, or
 *   %NULL when there is none (without setting @error) or on error
 */
JsonObject *
att_sandbox_store_get_closient_body (AttSandboxStore *self,
                                     const char      *id,
                                     GError         **error)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return get_one (self, "SELECT " BODY_JSON " FROM closient_bodies AS b WHERE b.id = ?1", id, error);
}

/* Searches ------------------------------------------------------------------ */

/* The ORDER BY of an assignment list.  Dates sort as PostgreSQL sorts
 * them by default (nulls last going up, first going down), since Closient
 * runs on Django; ties go by label, then id. */
static const char *
assignment_order (const char *ordering)
{
  if (g_strcmp0 (ordering, "expiry_date") == 0)
    return "a.expiry_date ASC NULLS LAST, c.label COLLATE NOCASE, c.id";
  if (g_strcmp0 (ordering, "-expiry_date") == 0)
    return "a.expiry_date DESC NULLS FIRST, c.label COLLATE NOCASE, c.id";
  if (g_strcmp0 (ordering, "-label") == 0)
    return "c.label COLLATE NOCASE DESC, c.id DESC";
  return "c.label COLLATE NOCASE, c.id";
}

/**
 * att_sandbox_store_search_closient_assignments:
 * @out_total: (out): how many assignments match
 * @out_assignments: (out) (transfer full) (element-type
 *   AttSandboxClosientAssignment): the page
 *
 * Lists the assignments of @query->gtin that match its filters, in its
 * ordering (by label by default), one page of them.
 */
gboolean
att_sandbox_store_search_closient_assignments (AttSandboxStore                         *self,
                                               const AttSandboxClosientAssignmentQuery *query,
                                               gint64                                  *out_total,
                                               GPtrArray                              **out_assignments,
                                               GError                                 **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) att_sandbox_closient_assignment_free);
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  g_autoptr(GString) from_where = g_string_new ("FROM closient_assignments AS a"
                                                 " JOIN closient_certifications AS c ON c.rowid = a.certification"
                                                 " LEFT JOIN closient_bodies AS b ON b.rowid = c.body"
                                                 " WHERE a.gtin = ?2");

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL && query->gtin != NULL && query->today != NULL, FALSE);

  g_ptr_array_add (params, (gpointer) query->gtin);
  if (query->verification_status != NULL)
    {
      g_string_append (from_where, " AND a.verification_status = ?3");
      g_ptr_array_add (params, (gpointer) query->verification_status);
    }
  if (query->is_active >= 0)
    g_string_append (from_where, query->is_active ? " AND " ACTIVE_SQL : " AND NOT " ACTIVE_SQL);

  if (!count_rows (self, from_where->str, query->today, params, out_total, error) ||
      !read_rows (self, CERTIFICATION_JSON ", a.state", from_where->str,
                  assignment_order (query->ordering), query->today, params, &query->page,
                  TRUE, rows, error))
    return FALSE;

  *out_assignments = g_steal_pointer (&rows);
  return TRUE;
}

/**
 * att_sandbox_store_get_closient_assignment:
 *
 * Returns: (transfer full) (nullable): the assignment of the certification
 *   @certification_id to the product @gtin, or %NULL when there is none
 *   (without setting @error) or on error
 */
AttSandboxClosientAssignment *
att_sandbox_store_get_closient_assignment (AttSandboxStore *self,
                                           const char      *gtin,
                                           const char      *certification_id,
                                           GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) att_sandbox_closient_assignment_free);
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  AttSandboxClosientPage page = { 0, 1 };

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), NULL);
  g_return_val_if_fail (gtin != NULL && certification_id != NULL, NULL);

  g_ptr_array_add (params, (gpointer) gtin);
  g_ptr_array_add (params, (gpointer) certification_id);
  if (!read_rows (self, CERTIFICATION_JSON ", a.state",
                  "FROM closient_assignments AS a"
                  " JOIN closient_certifications AS c ON c.rowid = a.certification"
                  " LEFT JOIN closient_bodies AS b ON b.rowid = c.body"
                  " WHERE a.gtin = ?2 AND c.id = ?3",
                  "c.id", NULL, params, &page, TRUE, rows, error) ||
      rows->len == 0)
    return NULL;
  return g_ptr_array_steal_index (rows, 0);
}

/**
 * att_sandbox_store_search_closient_certifications:
 * @out_total: (out): how many certifications match
 * @out_certifications: (out) (transfer full) (element-type JsonObject):
 *   the page
 *
 * Lists the catalogue: by label (case-folded substring), code (exact,
 * case-insensitive) and body id, ordered by label or code.
 */
gboolean
att_sandbox_store_search_closient_certifications (AttSandboxStore                        *self,
                                                  const AttSandboxClosientCatalogueQuery *query,
                                                  gint64                                 *out_total,
                                                  GPtrArray                             **out_certifications,
                                                  GError                                **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  g_autoptr(GString) from_where = g_string_new (CERTIFICATION_FROM " WHERE 1");
  const char *order = "c.label COLLATE NOCASE, c.id";

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  if (query->label_folded != NULL)
    {
      g_string_append_printf (from_where, " AND instr (c.label_folded, ?%u) > 0", params->len + 2);
      g_ptr_array_add (params, (gpointer) query->label_folded);
    }
  if (query->code != NULL)
    {
      g_string_append_printf (from_where, " AND c.code = ?%u COLLATE NOCASE", params->len + 2);
      g_ptr_array_add (params, (gpointer) query->code);
    }
  if (query->body_id != NULL)
    {
      g_string_append_printf (from_where, " AND b.id = ?%u", params->len + 2);
      g_ptr_array_add (params, (gpointer) query->body_id);
    }

  if (g_strcmp0 (query->ordering, "-label") == 0)
    order = "c.label COLLATE NOCASE DESC, c.id DESC";
  else if (g_strcmp0 (query->ordering, "code") == 0)
    order = "c.code, c.id";
  else if (g_strcmp0 (query->ordering, "-code") == 0)
    order = "c.code DESC, c.id DESC";

  if (!count_rows (self, from_where->str, NULL, params, out_total, error) ||
      !read_rows (self, CERTIFICATION_JSON, from_where->str, order, NULL, params, &query->page,
                  FALSE, rows, error))
    return FALSE;

  *out_certifications = g_steal_pointer (&rows);
  return TRUE;
}

/**
 * att_sandbox_store_search_closient_bodies:
 * @search_folded: (nullable): a case-folded substring of the name
 * @out_total: (out): how many bodies match
 * @out_bodies: (out) (transfer full) (element-type JsonObject): the page
 *
 * Lists the certification bodies by name.
 */
gboolean
att_sandbox_store_search_closient_bodies (AttSandboxStore              *self,
                                          const char                   *search_folded,
                                          const AttSandboxClosientPage *page,
                                          gint64                       *out_total,
                                          GPtrArray                   **out_bodies,
                                          GError                      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  const char *from_where = "FROM closient_bodies AS b WHERE 1";

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (page != NULL, FALSE);

  if (search_folded != NULL)
    {
      from_where = "FROM closient_bodies AS b WHERE instr (b.name_folded, ?2) > 0";
      g_ptr_array_add (params, (gpointer) search_folded);
    }

  if (!count_rows (self, from_where, NULL, params, out_total, error) ||
      !read_rows (self, BODY_JSON, from_where, "b.name COLLATE NOCASE, b.id", NULL, params, page,
                  FALSE, rows, error))
    return FALSE;

  *out_bodies = g_steal_pointer (&rows);
  return TRUE;
}

/* Logos ---------------------------------------------------------------------- */

/**
 * att_sandbox_store_insert_closient_logo:
 * @spec: what the logo shows: `{text, colour}`
 *
 * Adds the logo @key, not drawn yet (or replaces it).
 */
gboolean
att_sandbox_store_insert_closient_logo (AttSandboxStore *self,
                                        const char      *key,
                                        JsonObject      *spec,
                                        GError         **error)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), spec);
  g_autofree char *json = att_sandbox_json_to_string (node);
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && spec != NULL, FALSE);

  stmt = prepare (self, "INSERT OR REPLACE INTO closient_logos (key, spec, png) VALUES (?1, ?2, NULL)", error);
  if (stmt == NULL)
    return FALSE;
  _att_sandbox_store_bind_text (stmt, 1, key);
  _att_sandbox_store_bind_text (stmt, 2, json);
  return run (self, stmt, "Cannot store a logo", error);
}

/**
 * att_sandbox_store_set_closient_logo_png:
 * @png: the logo @key, drawn
 */
gboolean
att_sandbox_store_set_closient_logo_png (AttSandboxStore *self,
                                         const char      *key,
                                         GBytes          *png,
                                         GError         **error)
{
  sqlite3_stmt *stmt;
  gsize         size;
  gconstpointer data;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && png != NULL, FALSE);

  stmt = prepare (self, "UPDATE closient_logos SET png = ?2 WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  data = g_bytes_get_data (png, &size);
  _att_sandbox_store_bind_text (stmt, 1, key);
  sqlite3_bind_blob64 (stmt, 2, data, size, SQLITE_STATIC);
  return run (self, stmt, "Cannot store a logo", error);
}

/**
 * att_sandbox_store_get_closient_logo:
 * @out_spec: (out) (transfer full) (nullable): what the logo shows, or
 *   %NULL when there is no logo @key
 * @out_png: (out) (transfer full) (nullable): its PNG, or %NULL when it
 *   is not drawn yet
 *
 * Returns: %FALSE on error
 */
gboolean
att_sandbox_store_get_closient_logo (AttSandboxStore *self,
                                     const char      *key,
                                     JsonObject     **out_spec,
                                     GBytes         **out_png,
                                     GError         **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && out_spec != NULL && out_png != NULL, FALSE);

  *out_spec = NULL;
  *out_png = NULL;
  stmt = prepare (self, "SELECT spec, png FROM closient_logos WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _att_sandbox_store_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_spec = column_object (stmt, 0);
      if (sqlite3_column_type (stmt, 1) == SQLITE_BLOB)
        *out_png = g_bytes_new (sqlite3_column_blob (stmt, 1), (gsize) sqlite3_column_bytes (stmt, 1));
    }
  release (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _att_sandbox_store_set_error (self, error, "Cannot read a logo");
  return TRUE;
}
