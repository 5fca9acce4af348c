/* att-draft-writer-flush.c: writing an editor's draft now (window close,
 * quit) or discarding it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-draft-writer-private.h"

/**
 * att_draft_writer_flush_async:
 *
 * Writes the latest changes now, without waiting for the timer, and
 * completes once the draft file holds them (at once if it already
 * does).  For closing a window or quitting.
 */
void
att_draft_writer_flush_async (AttDraftWriter     *self,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_DRAFT_WRITER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_draft_writer_flush_async));

  if (!self->dirty && !self->busy)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_ptr_array_add (self->flushes, g_steal_pointer (&task));
  if (!self->busy)
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      att_draft_writer_start_write (self);
    }
}

gboolean
att_draft_writer_flush_finish (AttDraftWriter *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
delete_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AttDraftWriter) self = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&self->discard);
  GError *error = NULL;

  self->busy = FALSE;
  if (att_draft_store_delete_finish (ATT_DRAFT_STORE (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  att_draft_writer_after_operation (self, NULL);
}

/* Not cancellable: once the user discarded, the file must go, or it
 * would be offered back after a restart. */
void
att_draft_writer_start_delete (AttDraftWriter *self)
{
  g_assert (!self->busy && self->discard != NULL);

  self->busy = TRUE;
  att_draft_store_delete_async (self->store, self->kind, self->account_id, self->object_id,
                                NULL, delete_done, g_object_ref (self));
}

/**
 * att_draft_writer_discard_async:
 *
 * Forgets the changes not yet written, cancels a write under way and
 * deletes the draft file (after that write, so it cannot come back).
 * Changes made afterwards start a new draft.
 */
void
att_draft_writer_discard_async (AttDraftWriter     *self,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_DRAFT_WRITER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_draft_writer_discard_async));
  if (self->discard != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "The draft is already being discarded");
      return;
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->due = FALSE;
  g_clear_pointer (&self->payload, json_node_unref);
  g_clear_pointer (&self->save_error, g_free);
  self->dirty = FALSE;
  self->discard = g_steal_pointer (&task);

  if (self->busy)
    {
      /* The running write keeps the cancelled one; writes after the
       * discard get a fresh one. */
      g_cancellable_cancel (self->cancellable);
      g_object_unref (self->cancellable);
      self->cancellable = g_cancellable_new ();
    }
  else
    att_draft_writer_start_delete (self);
}

gboolean
att_draft_writer_discard_finish (AttDraftWriter *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
