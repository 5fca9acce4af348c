/* att-draft-store.c: drafts of unsaved edits, one file each, in the
 * user's data dir
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-draft-store-private.h"

/* Drafts live in the data dir, not the cache: a cache purge must not
 * lose edits.  Each draft is one file named from a digest of its kind,
 * account and object id (see att_draft_file_name()), written whole and
 * renamed into place, so a crash leaves either the previous draft or the
 * new one.  Every file operation runs in a worker thread; only the JSON
 * generator runs on the caller's thread, because the payload is the
 * editor's and JsonObject reference counts are not atomic. */
struct _AttDraftStore
{
  GObject parent_instance;

  char   *path;
};

G_DEFINE_FINAL_TYPE (AttDraftStore, att_draft_store, G_TYPE_OBJECT)

/* What one operation needs in its worker thread: copies, never the
 * objects the caller holds. */
typedef struct
{
  char   *dir;
  char   *name;
  char   *account_id;
  GBytes *bytes;
} StoreOp;

static void
store_op_free (StoreOp *op)
{
  g_free (op->dir);
  g_free (op->name);
  g_free (op->account_id);
  g_clear_pointer (&op->bytes, g_bytes_unref);
  g_free (op);
}

static void
att_draft_store_finalize (GObject *object)
{
  AttDraftStore *self = ATT_DRAFT_STORE (object);

  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (att_draft_store_parent_class)->finalize (object);
}

static void
att_draft_store_class_init (AttDraftStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = att_draft_store_finalize;
}

static void
att_draft_store_init (AttDraftStore *self)
{
}

/**
 * att_draft_store_new:
 *
 * Returns: (transfer full): the store in `$XDG_DATA_HOME/attest/drafts`
 */
AttDraftStore *
att_draft_store_new (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "attest", "drafts", NULL);

  return att_draft_store_new_for_path (path);
}

/**
 * att_draft_store_new_for_path:
 * @path: the directory to keep drafts in; made, 0700, on the first save
 *
 * Returns: (transfer full): a new store
 */
AttDraftStore *
att_draft_store_new_for_path (const char *path)
{
  AttDraftStore *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (ATT_TYPE_DRAFT_STORE, NULL);
  self->path = g_strdup (path);

  return self;
}

const char *
att_draft_store_get_path (AttDraftStore *self)
{
  g_return_val_if_fail (ATT_IS_DRAFT_STORE (self), NULL);

  return self->path;
}

/**
 * att_draft_store_get_file_path:
 *
 * Where the draft of this object is (or would be) kept.
 *
 * Returns: (transfer full): an absolute path inside the store's directory
 */
char *
att_draft_store_get_file_path (AttDraftStore *self,
                               const char    *kind,
                               const char    *account_id,
                               const char    *object_id)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (ATT_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL && account_id != NULL, NULL);

  name = att_draft_file_name (kind, account_id, object_id);
  return g_build_filename (self->path, name, NULL);
}

static GTask *
store_task_new (AttDraftStore      *self,
                const char         *name,
                GCancellable       *cancellable,
                GAsyncReadyCallback callback,
                gpointer            user_data)
{
  GTask   *task = g_task_new (self, cancellable, callback, user_data);
  StoreOp *op = g_new0 (StoreOp, 1);

  op->dir = g_strdup (self->path);
  op->name = g_strdup (name);
  g_task_set_task_data (task, op, (GDestroyNotify) store_op_free);

  return task;
}

/* Runs @thread_func on the draft of (@kind, @account_id, @object_id), for
 * the operations that name one draft and carry nothing else. */
static void
run_on_draft (AttDraftStore      *self,
              const char         *kind,
              const char         *account_id,
              const char         *object_id,
              gpointer            source_tag,
              GTaskThreadFunc     thread_func,
              GCancellable       *cancellable,
              GAsyncReadyCallback callback,
              gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = att_draft_file_name (kind, account_id, object_id);

  task = store_task_new (self, name, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_run_in_thread (task, thread_func);
}

/* --- save ------------------------------------------------------------- */

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  StoreOp *op = task_data;
  GError  *error = NULL;

  if (att_draft_io_write (op->dir, op->name, op->bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * att_draft_store_save_async:
 *
 * Stamps @draft with the time and writes it in a worker thread.  The
 * JSON is generated here, on the calling thread, before this returns
 * (about a millisecond for a 100 KB payload; see bench in test-drafts.c),
 * so the draft may change as soon as this returns.  Two saves of the
 * same draft may finish in either order: use an #AttDraftWriter to
 * save an editor's state as it changes.
 */
void
att_draft_store_save_async (AttDraftStore      *self,
                            AttDraft           *draft,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  StoreOp         *op;

  g_return_if_fail (ATT_IS_DRAFT_STORE (self));
  g_return_if_fail (ATT_IS_DRAFT (draft));

  name = att_draft_file_name (att_draft_get_kind (draft), att_draft_get_account_id (draft),
                              att_draft_get_object_id (draft));
  task = store_task_new (self, name, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_draft_store_save_async));
  att_draft_set_saved_at (draft, g_get_real_time ());
  op = g_task_get_task_data (task);
  op->bytes = att_draft_to_bytes (draft);
  g_task_run_in_thread (task, save_thread);
}

gboolean
att_draft_store_save_finish (AttDraftStore *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- load ------------------------------------------------------------- */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  StoreOp  *op = task_data;
  GError   *error = NULL;
  AttDraft *draft = att_draft_io_read (op->dir, op->name, &error);

  if (draft != NULL)
    g_task_return_pointer (task, draft, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * att_draft_store_load_async:
 * @object_id: (nullable): %NULL or "" for a new object
 *
 * Reads one draft.  No draft is %G_IO_ERROR_NOT_FOUND; a damaged one is
 * moved aside (with a warning) and is %G_IO_ERROR_INVALID_DATA; one from
 * a newer Attest is %G_IO_ERROR_NOT_SUPPORTED.  Error messages are for
 * logs: show the user your own.
 */
void
att_draft_store_load_async (AttDraftStore      *self,
                            const char         *kind,
                            const char         *account_id,
                            const char         *object_id,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_return_if_fail (ATT_IS_DRAFT_STORE (self));
  g_return_if_fail (kind != NULL && account_id != NULL);

  run_on_draft (self, kind, account_id, object_id, ATT_SOURCE_TAG (att_draft_store_load_async),
                load_thread, cancellable, callback, user_data);
}

/**
 * att_draft_store_load_finish:
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL on error
 */
AttDraft *
att_draft_store_load_finish (AttDraftStore *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- list ------------------------------------------------------------- */

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  StoreOp   *op = task_data;
  GError    *error = NULL;
  GPtrArray *drafts = att_draft_io_list (op->dir, op->account_id, cancellable, &error);

  if (drafts != NULL)
    g_task_return_pointer (task, drafts, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/**
 * att_draft_store_list_async:
 * @account_id: (nullable): only this account's drafts, or %NULL for all
 *
 * Reads every draft, to offer them back after a crash or a restart.
 * Damaged files are moved aside with a warning and left out; the
 * listing goes on.
 */
void
att_draft_store_list_async (AttDraftStore      *self,
                            const char         *account_id,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  StoreOp *op;

  g_return_if_fail (ATT_IS_DRAFT_STORE (self));

  task = store_task_new (self, NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_draft_store_list_async));
  op = g_task_get_task_data (task);
  op->account_id = g_strdup (account_id);
  g_task_run_in_thread (task, list_thread);
}

/**
 * att_draft_store_list_finish:
 *
 * Returns: (transfer container) (element-type AttDraft) (nullable): the
 *   drafts, newest first, or %NULL on error
 */
GPtrArray *
att_draft_store_list_finish (AttDraftStore *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- delete ----------------------------------------------------------- */

static void
delete_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  StoreOp *op = task_data;
  GError  *error = NULL;

  if (att_draft_io_delete (op->dir, op->name, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * att_draft_store_delete_async:
 * @object_id: (nullable): %NULL or "" for a new object
 *
 * Removes a draft; removing one that is not there succeeds.
 */
void
att_draft_store_delete_async (AttDraftStore      *self,
                              const char         *kind,
                              const char         *account_id,
                              const char         *object_id,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_return_if_fail (ATT_IS_DRAFT_STORE (self));
  g_return_if_fail (kind != NULL && account_id != NULL);

  run_on_draft (self, kind, account_id, object_id, ATT_SOURCE_TAG (att_draft_store_delete_async),
                delete_thread, cancellable, callback, user_data);
}

gboolean
att_draft_store_delete_finish (AttDraftStore *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
