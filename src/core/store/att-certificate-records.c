/* att-certificate-records.c: the certificates this app created or updated,
 * as the server last answered, kept per account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-certificate-records-private.h"
#include "att-certificate.h"
#include "att-draft-store-private.h"
#include "att-json.h"

/**
 * AttCertificateRecords:
 *
 * Higg lists certificates only through PM search, as the certificates of
 * the products it finds (api-higg.md §4.1), so a certificate attached to
 * no product cannot be read back.  These records keep every certificate
 * the app created or updated, as the server last answered, so that the
 * certificate list can show those no search finds, and the user can
 * attach products to them later.
 *
 * One file per account and server, in the user's data dir (records are
 * not a cache: they cannot be fetched again), written whole and renamed
 * into place with the draft store's atomic write.  The file is read once,
 * in a worker thread; from then on the records live on the main thread,
 * where a put is seen at once by the next list, and each change writes
 * the file again, one write at a time.
 */
struct _AttCertificateRecords
{
  GObject    parent_instance;

  char      *path; /* NULL: kept in memory only */
  char      *account_id;
  char      *base_url;

  GPtrArray *records; /* of JsonObject, in the order first kept */
  GPtrArray *pending; /* of JsonObject, put before the file was read */
  gboolean   loading;
  gboolean   loaded;
  gboolean   read_only; /* the file is a newer Attest's */
  gboolean   writing;
  gboolean   dirty;    /* changed while being written */
  GQueue     listing;  /* GTasks waiting for the file */
  GQueue     flushing; /* GTasks waiting for the writes */
};

G_DEFINE_FINAL_TYPE (AttCertificateRecords, att_certificate_records, G_TYPE_OBJECT)

static void write_records (AttCertificateRecords *self);

/* --- The records ----------------------------------------------------------- */

static const char *
record_id (JsonObject *record)
{
  return att_json_get_string (record, "_id", NULL, TRUE, NULL);
}

/* @record replaces the one of its id, or comes last. */
static void
keep (AttCertificateRecords *self,
      JsonObject            *record)
{
  for (guint i = 0; i < self->records->len; i++)
    if (g_strcmp0 (record_id (g_ptr_array_index (self->records, i)), record_id (record)) == 0)
      {
        json_object_unref (g_ptr_array_index (self->records, i));
        self->records->pdata[i] = json_object_ref (record);
        return;
      }
  g_ptr_array_add (self->records, json_object_ref (record));
}

static GPtrArray *
snapshot (AttCertificateRecords *self)
{
  GPtrArray *certificates = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->records->len; i++)
    {
      g_autoptr(GError) error = NULL;
      AttCertificate *certificate = att_certificate_new_from_json (g_ptr_array_index (self->records, i), NULL, &error);

      if (certificate != NULL)
        g_ptr_array_add (certificates, certificate);
      else
        g_debug ("Certificate records: one cannot be read: %s", error->message);
    }
  return certificates;
}

/* --- Waiting tasks --------------------------------------------------------- */

static gboolean
is_busy (AttCertificateRecords *self)
{
  return self->writing || (self->loading && self->pending->len > 0);
}

static void
wake_listing (AttCertificateRecords *self)
{
  GTask *task;

  while ((task = g_queue_pop_head (&self->listing)) != NULL)
    {
      g_task_return_pointer (task, snapshot (self), (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
    }
}

static void
wake_flushing (AttCertificateRecords *self)
{
  GTask *task;

  while (!is_busy (self) && (task = g_queue_pop_head (&self->flushing)) != NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
}

/* --- Reading ---------------------------------------------------------------- */

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError   *error = NULL;
  JsonNode *root = att_certificate_records_io_read (task_data, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, root, root != NULL ? (GDestroyNotify) json_node_unref : NULL);
}

/* The file's records first, then those put meanwhile, which are newer. */
static void
take_records (AttCertificateRecords *self,
              JsonNode              *root)
{
  g_autoptr(GPtrArray) records = att_certificate_records_from_json (root);
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending);

  self->read_only = records == NULL;
  for (guint i = 0; records != NULL && i < records->len; i++)
    keep (self, g_ptr_array_index (records, i));
  for (guint i = 0; i < pending->len; i++)
    keep (self, g_ptr_array_index (pending, i));
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->loading = FALSE;
  self->loaded = TRUE;
  if (pending->len > 0)
    write_records (self);
  wake_listing (self);
  wake_flushing (self);
}

static void
on_read (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AttCertificateRecords *self = ATT_CERTIFICATE_RECORDS (source_object);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = g_task_propagate_pointer (G_TASK (result), &error);

  /* A damaged file is read as empty, and replaced by the next write. */
  if (error != NULL)
    g_warning ("Could not read the certificate records %s: %s", self->path, error->message);
  take_records (self, root);
}

static void
start_reading (AttCertificateRecords *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->loaded || self->loading)
    return;
  if (self->path == NULL)
    {
      take_records (self, NULL);
      return;
    }
  self->loading = TRUE;
  task = g_task_new (self, NULL, on_read, NULL);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (start_reading));
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, read_in_thread);
}

/* --- Writing ---------------------------------------------------------------- */

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AttCertificateRecords *self = source_object;
  g_autofree char       *dir = g_path_get_dirname (self->path);
  g_autofree char       *name = g_path_get_basename (self->path);
  GError                *error = NULL;

  if (att_draft_io_write (dir, name, task_data, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_written (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AttCertificateRecords *self = ATT_CERTIFICATE_RECORDS (source_object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not keep the certificate records in %s: %s", self->path, error->message);
  self->writing = FALSE;
  if (self->dirty)
    write_records (self);
  wake_flushing (self);
}

/* The newest records, once a write under way is done. */
static void
write_records (AttCertificateRecords *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->path == NULL || self->read_only)
    return;
  if (self->writing)
    {
      self->dirty = TRUE;
      return;
    }
  self->writing = TRUE;
  self->dirty = FALSE;
  task = g_task_new (self, NULL, on_written, NULL);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (write_records));
  g_task_set_task_data (task, att_certificate_records_to_bytes (self->records, self->account_id, self->base_url),
                        (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, write_in_thread);
}

/* --- GObject ----------------------------------------------------------------- */

static void
att_certificate_records_finalize (GObject *object)
{
  AttCertificateRecords *self = ATT_CERTIFICATE_RECORDS (object);

  /* Every task holds the object: none is left here. */
  g_assert (g_queue_is_empty (&self->listing) && g_queue_is_empty (&self->flushing));
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_free (self->path);
  g_free (self->account_id);
  g_free (self->base_url);

  G_OBJECT_CLASS (att_certificate_records_parent_class)->finalize (object);
}

static void
att_certificate_records_class_init (AttCertificateRecordsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = att_certificate_records_finalize;
}

static void
att_certificate_records_init (AttCertificateRecords *self)
{
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_queue_init (&self->listing);
  g_queue_init (&self->flushing);
}

/* --- Public API ------------------------------------------------------------- */

/**
 * att_certificate_records_new:
 * @account_id: (nullable): the account
 * @base_url: (nullable): the server the account is on
 *
 * Returns: (transfer full): the records of @account_id on @base_url, in
 *   `$XDG_DATA_HOME/attest/certificates/`
 */
AttCertificateRecords *
att_certificate_records_new (const char *account_id,
                             const char *base_url)
{
  g_autofree char       *name = att_certificate_records_file_name (account_id, base_url);
  g_autofree char       *path = g_build_filename (g_get_user_data_dir (), "attest", "certificates", name, NULL);
  AttCertificateRecords *self = att_certificate_records_new_for_path (path);

  self->account_id = g_strdup (account_id);
  self->base_url = g_strdup (base_url);
  return self;
}

/**
 * att_certificate_records_new_for_path:
 * @path: (nullable): the file, whose directory is made 0700 on the first
 *   write; %NULL to keep the records in memory only (the demo, whose
 *   server forgets everything when it stops)
 *
 * Returns: (transfer full): records kept in @path
 */
AttCertificateRecords *
att_certificate_records_new_for_path (const char *path)
{
  AttCertificateRecords *self = g_object_new (ATT_TYPE_CERTIFICATE_RECORDS, NULL);

  self->path = g_strdup (path);
  return self;
}

/**
 * att_certificate_records_get_path:
 *
 * Returns: (nullable): the file the records are kept in
 */
const char *
att_certificate_records_get_path (AttCertificateRecords *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_RECORDS (self), NULL);

  return self->path;
}

/**
 * att_certificate_records_put:
 * @certificate: the server's answer to a create or an update
 *
 * Keeps @certificate in place of the record of its id, at once for the
 * next att_certificate_records_list_async(), and writes the file in the
 * background.
 */
void
att_certificate_records_put (AttCertificateRecords *self,
                             AttCertificate        *certificate)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *record;

  g_return_if_fail (ATT_IS_CERTIFICATE_RECORDS (self));
  g_return_if_fail (ATT_IS_CERTIFICATE (certificate));

  if (att_certificate_get_id (certificate) == NULL)
    return;
  node = att_certificate_to_json (certificate);
  record = json_node_get_object (node);
  if (!self->loaded)
    {
      g_ptr_array_add (self->pending, json_object_ref (record));
      start_reading (self);
      return;
    }
  keep (self, record);
  write_records (self);
}

/**
 * att_certificate_records_list_async:
 *
 * Lists the records, once the file has been read.
 */
void
att_certificate_records_list_async (AttCertificateRecords *self,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  GTask *task;

  g_return_if_fail (ATT_IS_CERTIFICATE_RECORDS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_certificate_records_list_async));
  g_queue_push_tail (&self->listing, task);
  if (self->loaded)
    wake_listing (self);
  else
    start_reading (self);
}

/**
 * att_certificate_records_list_finish:
 *
 * Returns: (transfer full): the certificates kept, each a new
 *   #AttCertificate as the server last answered (products included), in
 *   the order they were first kept; or %NULL if cancelled
 */
GPtrArray *
att_certificate_records_list_finish (AttCertificateRecords *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * att_certificate_records_flush_async:
 *
 * Waits until every put so far is in the file (for tests, and for a
 * clean exit).  A write that fails is logged, not reported.
 */
void
att_certificate_records_flush_async (AttCertificateRecords *self,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data)
{
  GTask *task;

  g_return_if_fail (ATT_IS_CERTIFICATE_RECORDS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_certificate_records_flush_async));
  g_queue_push_tail (&self->flushing, task);
  wake_flushing (self);
}

gboolean
att_certificate_records_flush_finish (AttCertificateRecords *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
