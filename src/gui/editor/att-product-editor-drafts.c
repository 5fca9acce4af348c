/* att-product-editor-drafts.c: the editor's state, kept in a draft on
 * disk as the user types, so that no edit is lost to a crash, a failed
 * save or a closed window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-context.h"
#include "att-product-editor-private.h"

#define DRAFT_KIND "product"

/* Keystrokes closer than this make one copy of the state. */
#define DRAFT_COPY_DELAY_MS 100

static void
update_draft (AttProductEditor *self)
{
  g_autoptr(JsonNode) payload = NULL;

  if (self->draft_writer == NULL)
    return;
  if (!att_product_edit_get_modified (self->edit))
    {
      /* Undone back to what was loaded: nothing is left to keep. */
      att_draft_writer_discard_async (self->draft_writer, NULL, NULL, NULL);
      return;
    }
  payload = att_product_edit_to_draft (self->edit);
  att_draft_writer_update (self->draft_writer, payload);
}

static gboolean
draft_copy_cb (gpointer user_data)
{
  AttProductEditor *self = user_data;

  self->draft_timeout = 0;
  update_draft (self);
  return G_SOURCE_REMOVE;
}

/* The copy of the state is made once per burst of typing, after its
 * keystrokes are handled; the writer debounces the write to disk and
 * writes in a worker thread. */
void
att_product_editor_drafts_changed (AttProductEditor *self)
{
  if (self->draft_writer != NULL && self->draft_timeout == 0)
    self->draft_timeout = g_timeout_add (DRAFT_COPY_DELAY_MS, draft_copy_cb, self);
}

void
att_product_editor_drafts_init (AttProductEditor *self)
{
  AttDraftStore *store = att_context_get_draft_store (self->context);

  if (self->draft_id == NULL)
    {
      if (att_product_edit_get_is_new (self->edit))
        {
          g_autofree char *uuid = g_uuid_string_random ();

          self->draft_id = g_strdup_printf ("new-%s", uuid);
        }
      else
        self->draft_id = g_strdup (att_product_edit_get_product_id (self->edit));
    }
  /* Drafts belong to an account: without one there is nowhere to keep
   * them. */
  if (store == NULL || att_context_get_account_id (self->context) == NULL)
    return;

  self->draft_writer = att_draft_writer_new (store, DRAFT_KIND,
                                             att_context_get_account_id (self->context),
                                             self->draft_id);
  /* Edits restored from a draft are kept from the start. */
  if (att_product_edit_get_modified (self->edit))
    att_product_editor_drafts_changed (self);
}

/* The pending copy is written before the writer goes: its own dispose
 * writes what it holds. */
void
att_product_editor_drafts_dispose (AttProductEditor *self)
{
  if (self->draft_timeout != 0)
    {
      g_clear_handle_id (&self->draft_timeout, g_source_remove);
      update_draft (self);
    }
  g_clear_object (&self->draft_writer);
}

/* After a save or an explicit Discard. */
void
att_product_editor_drafts_discard (AttProductEditor *self)
{
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  if (self->draft_writer != NULL)
    att_draft_writer_discard_async (self->draft_writer, NULL, NULL, NULL);
}

void
att_product_editor_drafts_set_save_error (AttProductEditor *self,
                                          const char       *message)
{
  if (self->draft_writer == NULL)
    return;
  /* The state goes with the error, even if the last keystroke's copy is
   * still waiting. */
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  update_draft (self);
  att_draft_writer_set_save_error (self->draft_writer, message);
}

static void
flush_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!att_draft_writer_flush_finish (ATT_DRAFT_WRITER (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
att_product_editor_flush_draft_async (AttProductEditor   *self,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_PRODUCT_EDITOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_product_editor_flush_draft_async));
  if (self->draft_timeout != 0)
    {
      g_clear_handle_id (&self->draft_timeout, g_source_remove);
      update_draft (self);
    }
  if (self->draft_writer == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  att_draft_writer_flush_async (self->draft_writer, cancellable, flush_cb, g_steal_pointer (&task));
}

gboolean
att_product_editor_flush_draft_finish (AttProductEditor *self,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
