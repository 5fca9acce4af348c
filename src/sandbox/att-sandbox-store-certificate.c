/* att-sandbox-store-certificate.c: the certificates of AttSandboxStore,
 * their files and the PM products they cover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-sandbox-store-private.h"
#include "att-sandbox-util.h"

/*
 * A certificate is a row of `certificates`; its files are rows of
 * `certificate_files` (the base64 text as the client sent it, checked
 * strictly first, so it is what any encoder would write: answers need no
 * re-encoding), and its products are rows of `certificate_products`.  A
 * change to a certificate is one savepoint, so that a failure halfway
 * leaves it as it was, inside a caller's transaction (the seed's) or not.
 *
 * Rows are never deleted: a detached product only loses its link, and an
 * id, once given, is never given again.
 */

#define COLUMNS \
  "c.rowid, c.id, c.authority_id, c.standard_id, c.assertion_id, c.name, c.proof_body, c.date_issued, c.date_expires"

void
att_sandbox_certificate_free (AttSandboxCertificate *certificate)
{
  if (certificate == NULL)
    return;
  g_free (certificate->id);
  g_free (certificate->authority_id);
  g_free (certificate->standard_id);
  g_free (certificate->assertion_id);
  g_free (certificate->name);
  g_free (certificate->proof_body);
  g_clear_pointer (&certificate->files, json_array_unref);
  g_clear_pointer (&certificate->product_ids, g_ptr_array_unref);
  g_free (certificate);
}

/**
 * att_sandbox_certificate_product_ids:
 *
 * Returns: (nullable): @certificate's product ids as a %NULL-terminated
 *   array, or %NULL when it has none (or they were not read)
 */
const char *const *
att_sandbox_certificate_product_ids (const AttSandboxCertificate *certificate)
{
  GPtrArray *ids = certificate->product_ids;

  return ids != NULL && ids->len > 0 ? (const char *const *) ids->pdata : NULL;
}

/* Savepoints ---------------------------------------------------------------- */

static gboolean
begin (AttSandboxStore *self,
       GError         **error)
{
  return _att_sandbox_store_exec (self, "SAVEPOINT certificate", error);
}

static gboolean
end (AttSandboxStore *self,
     gboolean         ok,
     GError         **error)
{
  if (ok)
    return _att_sandbox_store_exec (self, "RELEASE certificate", error);

  sqlite3_exec (self->db, "ROLLBACK TO certificate; RELEASE certificate", NULL, NULL, NULL);
  return FALSE;
}

/* Runs @stmt to its end and finalizes it. */
static gboolean
run (AttSandboxStore *self,
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

/* Writing ------------------------------------------------------------------- */

static gboolean
insert_files (AttSandboxStore *self,
              const char      *id,
              JsonArray       *files,
              GError         **error)
{
  for (guint i = 0; files != NULL && i < json_array_get_length (files); i++)
    {
      const char   *data = json_array_get_string_element (files, i);
      sqlite3_stmt *stmt = NULL;

      if (!_att_sandbox_store_prepare (self,
                                       "INSERT INTO certificate_files (certificate, position, data)"
                                       " SELECT rowid, ?2, ?3 FROM certificates WHERE id = ?1",
                                       &stmt, error))
        return FALSE;
      /* Static: the text (up to 86 MiB of base64) is not copied on the
       * way in, only by SQLite into its pages. */
      _att_sandbox_store_bind_text (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      _att_sandbox_store_bind_text (stmt, 3, data != NULL ? data : "");
      if (!run (self, stmt, "Cannot store a certificate file", error))
        return FALSE;
    }
  return TRUE;
}

/* Links (@attach) or unlinks the products @product_ids. */
static gboolean
link_products (AttSandboxStore   *self,
               const char        *id,
               const char *const *product_ids,
               gboolean           attach,
               GError           **error)
{
  const char *sql = attach ? "INSERT OR IGNORE INTO certificate_products (certificate, product)"
                             " SELECT c.rowid, p.rowid FROM certificates AS c, pm_products AS p"
                             " WHERE c.id = ?1 AND p.id = ?2"
                           : "DELETE FROM certificate_products"
                             " WHERE certificate = (SELECT rowid FROM certificates WHERE id = ?1)"
                             " AND product = (SELECT rowid FROM pm_products WHERE id = ?2)";

  for (guint i = 0; product_ids != NULL && product_ids[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = NULL;

      if (!_att_sandbox_store_prepare (self, sql, &stmt, error))
        return FALSE;
      _att_sandbox_store_bind_text (stmt, 1, id);
      _att_sandbox_store_bind_text (stmt, 2, product_ids[i]);
      if (!run (self, stmt, "Cannot link a certificate and a product", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
standard_number_taken (AttSandboxStore             *self,
                       const AttSandboxCertificate *certificate,
                       gboolean                    *out_taken,
                       GError                     **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc;

  if (!_att_sandbox_store_prepare (self,
                                   "SELECT 1 FROM certificates WHERE standard_id = ?1 AND assertion_id = ?2",
                                   &stmt, error))
    return FALSE;
  _att_sandbox_store_bind_text (stmt, 1, certificate->standard_id);
  _att_sandbox_store_bind_text (stmt, 2, certificate->assertion_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _att_sandbox_store_set_error (self, error, "Cannot look a certificate up");

  *out_taken = rc == SQLITE_ROW;
  return TRUE;
}

/* Inserts the row of @certificate under its id; @out_inserted is FALSE
 * when that id is taken. */
static gboolean
insert_row (AttSandboxStore             *self,
            const AttSandboxCertificate *certificate,
            gboolean                    *out_inserted,
            GError                     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!_att_sandbox_store_prepare (self,
                                   "INSERT OR IGNORE INTO certificates (id, authority_id, standard_id,"
                                   " assertion_id, name, proof_body, date_issued, date_expires)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                   &stmt, error))
    return FALSE;
  _att_sandbox_store_bind_text (stmt, 1, certificate->id);
  _att_sandbox_store_bind_text (stmt, 2, certificate->authority_id);
  _att_sandbox_store_bind_text (stmt, 3, certificate->standard_id);
  _att_sandbox_store_bind_text (stmt, 4, certificate->assertion_id);
  _att_sandbox_store_bind_text (stmt, 5, certificate->name);
  _att_sandbox_store_bind_text (stmt, 6, certificate->proof_body);
  sqlite3_bind_double (stmt, 7, certificate->date_issued);
  sqlite3_bind_double (stmt, 8, certificate->date_expires);
  if (!run (self, stmt, "Cannot store a certificate", error))
    return FALSE;

  *out_inserted = sqlite3_changes (self->db) == 1;
  return TRUE;
}

/* Stores the row of @certificate: under its id if it has one (an error if
 * taken), else under a new one. */
static gboolean
insert_with_id (AttSandboxStore       *self,
                AttSandboxCertificate *certificate,
                GError               **error)
{
  gboolean given = certificate->id != NULL;
  gboolean inserted = FALSE;

  while (!inserted)
    {
      if (!given)
        {
          g_free (certificate->id);
          certificate->id = att_sandbox_new_object_id ();
        }
      if (!insert_row (self, certificate, &inserted, error))
        return FALSE;
      if (!inserted && given)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "A certificate with id %s exists", certificate->id);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * att_sandbox_store_insert_certificate:
 * @certificate: with its files, and the ids of its products (which must
 *   exist; others are not linked)
 *
 * Adds a certificate.  Without an id, it gets a new one (set in
 * @certificate).  One with the same standard and assertion id is a
 * %G_IO_ERROR_EXISTS error.
 */
gboolean
att_sandbox_store_insert_certificate (AttSandboxStore       *self,
                                      AttSandboxCertificate *certificate,
                                      GError               **error)
{
  gboolean taken = FALSE;
  gboolean ok;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (certificate != NULL && certificate->standard_id != NULL, FALSE);
  g_return_val_if_fail (certificate->assertion_id != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  ok = standard_number_taken (self, certificate, &taken, error);
  if (ok && taken)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   "A certificate of this standard has the number %s", certificate->assertion_id);
      ok = FALSE;
    }

  ok = ok && insert_with_id (self, certificate, error) &&
       insert_files (self, certificate->id, certificate->files, error) &&
       link_products (self, certificate->id, att_sandbox_certificate_product_ids (certificate), TRUE, error);

  return end (self, ok, error);
}

/**
 * att_sandbox_store_update_certificate:
 * @certificate: the certificate's new values (its id, standard and
 *   assertion id are not changed)
 * @replace_files: whether @certificate->files replaces the files
 * @add_products: (nullable): PM product ids to link
 * @remove_products: (nullable): PM product ids to unlink
 *
 * Changes a certificate.  An unknown id is a %G_IO_ERROR_NOT_FOUND error.
 */
gboolean
att_sandbox_store_update_certificate (AttSandboxStore             *self,
                                      const AttSandboxCertificate *certificate,
                                      gboolean                     replace_files,
                                      const char *const           *add_products,
                                      const char *const           *remove_products,
                                      GError                     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean      ok;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (certificate != NULL && certificate->id != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  ok = _att_sandbox_store_prepare (self,
                                   "UPDATE certificates SET authority_id = ?2, name = ?3, proof_body = ?4,"
                                   " date_issued = ?5, date_expires = ?6 WHERE id = ?1",
                                   &stmt, error);
  if (ok)
    {
      _att_sandbox_store_bind_text (stmt, 1, certificate->id);
      _att_sandbox_store_bind_text (stmt, 2, certificate->authority_id);
      _att_sandbox_store_bind_text (stmt, 3, certificate->name);
      _att_sandbox_store_bind_text (stmt, 4, certificate->proof_body);
      sqlite3_bind_double (stmt, 5, certificate->date_issued);
      sqlite3_bind_double (stmt, 6, certificate->date_expires);
      ok = run (self, stmt, "Cannot update a certificate", error);
    }
  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No certificate with id %s", certificate->id);
      ok = FALSE;
    }

  if (ok && replace_files)
    {
      ok = _att_sandbox_store_prepare (self,
                                       "DELETE FROM certificate_files"
                                       " WHERE certificate = (SELECT rowid FROM certificates WHERE id = ?1)",
                                       &stmt, error);
      if (ok)
        {
          _att_sandbox_store_bind_text (stmt, 1, certificate->id);
          ok = run (self, stmt, "Cannot replace a certificate's files", error) &&
               insert_files (self, certificate->id, certificate->files, error);
        }
    }

  ok = ok && link_products (self, certificate->id, add_products, TRUE, error) &&
       link_products (self, certificate->id, remove_products, FALSE, error);

  return end (self, ok, error);
}

/* Reading ------------------------------------------------------------------- */

static gboolean
read_files (AttSandboxStore       *self,
            sqlite3_int64          rowid,
            AttSandboxCertificate *certificate,
            GError               **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc;

  if (!_att_sandbox_store_prepare (self,
                                   "SELECT data FROM certificate_files WHERE certificate = ?1 ORDER BY position",
                                   &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);

  certificate->files = json_array_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    json_array_add_string_element (certificate->files, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return _att_sandbox_store_set_error (self, error, "Cannot read a certificate's files");
  return TRUE;
}

static gboolean
read_product_ids (AttSandboxStore       *self,
                  AttSandboxCertificate *certificate,
                  GError               **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc;

  if (!_att_sandbox_store_prepare (self,
                                   "SELECT p.id FROM certificates AS c"
                                   " JOIN certificate_products AS cp ON cp.certificate = c.rowid"
                                   " JOIN pm_products AS p ON p.rowid = cp.product"
                                   " WHERE c.id = ?1 ORDER BY p.name, p.id",
                                   &stmt, error))
    return FALSE;
  _att_sandbox_store_bind_text (stmt, 1, certificate->id);

  g_clear_pointer (&certificate->product_ids, g_ptr_array_unref);
  certificate->product_ids = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (certificate->product_ids, _att_sandbox_store_column_dup (stmt, 0));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return _att_sandbox_store_set_error (self, error, "Cannot read a certificate's products");
  return TRUE;
}

/* Reads the certificate of the current row of @stmt (COLUMNS), with its
 * products and, if @with_files, its files. */
static AttSandboxCertificate *
read_certificate (AttSandboxStore *self,
                  sqlite3_stmt    *stmt,
                  gboolean         with_files,
                  GError         **error)
{
  g_autoptr(AttSandboxCertificate) certificate = g_new0 (AttSandboxCertificate, 1);
  sqlite3_int64 rowid = sqlite3_column_int64 (stmt, 0);

  certificate->id = _att_sandbox_store_column_dup (stmt, 1);
  certificate->authority_id = _att_sandbox_store_column_dup (stmt, 2);
  certificate->standard_id = _att_sandbox_store_column_dup (stmt, 3);
  certificate->assertion_id = _att_sandbox_store_column_dup (stmt, 4);
  certificate->name = _att_sandbox_store_column_dup (stmt, 5);
  certificate->proof_body = _att_sandbox_store_column_dup (stmt, 6);
  certificate->date_issued = sqlite3_column_double (stmt, 7);
  certificate->date_expires = sqlite3_column_double (stmt, 8);

  if ((with_files && !read_files (self, rowid, certificate, error)) ||
      !read_product_ids (self, certificate, error))
    return NULL;
  return g_steal_pointer (&certificate);
}

/* Reads every certificate @stmt (bound, selecting COLUMNS) gives. */
static GPtrArray *
read_all (AttSandboxStore *self,
          sqlite3_stmt    *stmt,
          gboolean         with_files,
          GError         **error)
{
  g_autoptr(GPtrArray) certificates = g_ptr_array_new_with_free_func ((GDestroyNotify) att_sandbox_certificate_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AttSandboxCertificate *certificate = read_certificate (self, stmt, with_files, error);

      if (certificate == NULL)
        return NULL;
      g_ptr_array_add (certificates, certificate);
    }

  if (rc != SQLITE_DONE)
    {
      _att_sandbox_store_set_error (self, error, "Cannot read certificates");
      return NULL;
    }
  return g_steal_pointer (&certificates);
}

/**
 * att_sandbox_store_get_certificate:
 * @with_files: whether to read the files too
 *
 * Returns: (transfer full) (nullable): the certificate with its products,
 *   or %NULL when there is none with that id (without setting @error) or
 *   on error
 */
AttSandboxCertificate *
att_sandbox_store_get_certificate (AttSandboxStore *self,
                                   const char      *id,
                                   gboolean         with_files,
                                   GError         **error)
{
  g_autoptr(GPtrArray) certificates = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!_att_sandbox_store_prepare (self, "SELECT " COLUMNS " FROM certificates AS c WHERE c.id = ?1", &stmt, error))
    return NULL;
  _att_sandbox_store_bind_text (stmt, 1, id);
  certificates = read_all (self, stmt, with_files, error);
  sqlite3_finalize (stmt);

  if (certificates == NULL || certificates->len == 0)
    return NULL;
  return g_ptr_array_steal_index (certificates, 0);
}

/**
 * att_sandbox_store_certificates_of:
 * @product_ids: PM product ids
 * @out_certificates: (out) (transfer full) (element-type AttSandboxCertificate):
 *   the certificates that cover any of them, each once, in the order they
 *   were stored, with their files and all their products
 */
gboolean
att_sandbox_store_certificates_of (AttSandboxStore   *self,
                                   const char *const *product_ids,
                                   GPtrArray        **out_certificates,
                                   GError           **error)
{
  g_autofree char *ids = NULL;
  sqlite3_stmt    *stmt = NULL;
  GPtrArray       *certificates;

  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (product_ids != NULL && out_certificates != NULL, FALSE);

  ids = _att_sandbox_store_strv_to_json (product_ids);
  if (!_att_sandbox_store_prepare (self,
                                   "SELECT " COLUMNS " FROM certificates AS c WHERE c.rowid IN"
                                   " (SELECT cp.certificate FROM certificate_products AS cp"
                                   "  JOIN pm_products AS p ON p.rowid = cp.product"
                                   "  WHERE p.id IN (SELECT value FROM json_each (?1)))"
                                   " ORDER BY c.rowid",
                                   &stmt, error))
    return FALSE;
  _att_sandbox_store_bind_text (stmt, 1, ids);
  certificates = read_all (self, stmt, TRUE, error);
  sqlite3_finalize (stmt);

  if (certificates == NULL)
    return FALSE;
  *out_certificates = certificates;
  return TRUE;
}

/**
 * att_sandbox_store_read_certificate_products:
 *
 * Reads @certificate's products again, after a change to them.
 */
gboolean
att_sandbox_store_read_certificate_products (AttSandboxStore       *self,
                                             AttSandboxCertificate *certificate,
                                             GError               **error)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (certificate != NULL && certificate->id != NULL, FALSE);

  return read_product_ids (self, certificate, error);
}
