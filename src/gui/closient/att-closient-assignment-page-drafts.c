/* att-closient-assignment-page-drafts.c: unsaved edits kept on disk as
 * the user types, offered back when the page opens again, kept with the
 * reason when a save fails, and deleted after a save or a Discard: the
 * product editor's rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-closient-assignment-page-private.h"
#include "att-context.h"
#include "att-draft-store.h"

#define DRAFT_KIND "closient-assignment"

/* Keystrokes closer than this make one copy of the state. */
#define DRAFT_COPY_DELAY_MS 100

/* The draft's payload: the edit as the patch keeps it (applied again to
 * the assignment as Closient has it when the draft is restored), and the
 * metadata rows as typed, half-filled rows included, which no patch can
 * hold. */
#define PAYLOAD_PATCH    "patch"
#define PAYLOAD_METADATA "metadataRows"
#define PAYLOAD_LABEL    "label"

static char *
object_id (AttClosientAssignmentPage *self)
{
  return g_strdup_printf ("%s/%s", self->gtin14, att_closient_assignment_get_id (self->assignment));
}

static JsonNode *
payload_new (AttClosientAssignmentPage *self)
{
  g_autoptr(AttClosientPatch) patch = att_closient_assignment_page_form_get_patch (self);
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, PAYLOAD_LABEL, att_closient_assignment_get_label (self->assignment));
  json_object_set_member (object, PAYLOAD_PATCH, att_closient_patch_save_state (patch));
  json_object_set_member (object, PAYLOAD_METADATA, att_closient_metadata_rows_save_state (self->metadata_rows));
  json_node_set_object (node, object);
  return node;
}

static void
update_draft (AttClosientAssignmentPage *self)
{
  g_autoptr(JsonNode) payload = NULL;

  if (self->draft_writer == NULL)
    return;
  if (!att_closient_assignment_page_form_get_modified (self))
    {
      /* Edited back to what Closient has: nothing is left to keep. */
      att_draft_writer_discard_async (self->draft_writer, NULL, NULL, NULL);
      return;
    }
  payload = payload_new (self);
  att_draft_writer_update (self->draft_writer, payload);
}

static gboolean
draft_copy_cb (gpointer user_data)
{
  AttClosientAssignmentPage *self = user_data;

  self->draft_timeout = 0;
  update_draft (self);
  return G_SOURCE_REMOVE;
}

/* The copy of the state is made once per burst of typing; the writer
 * debounces the write to disk and writes in a worker thread. */
void
att_closient_assignment_page_drafts_changed (AttClosientAssignmentPage *self)
{
  if (self->draft_writer != NULL && self->draft_timeout == 0)
    self->draft_timeout = g_timeout_add (DRAFT_COPY_DELAY_MS, draft_copy_cb, self);
}

/* After a save or an explicit Discard. */
void
att_closient_assignment_page_drafts_discard (AttClosientAssignmentPage *self)
{
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  if (self->draft_writer != NULL)
    att_draft_writer_discard_async (self->draft_writer, NULL, NULL, NULL);
}

void
att_closient_assignment_page_drafts_set_save_error (AttClosientAssignmentPage *self,
                                                    const char                *message)
{
  if (self->draft_writer == NULL)
    return;
  /* The state goes with the error, even if the last keystroke's copy is
   * still waiting. */
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  update_draft (self);
  att_draft_writer_set_save_error (self->draft_writer, message);
}

/* The pending copy is written before the writer goes: its own dispose
 * writes what it holds. */
void
att_closient_assignment_page_drafts_dispose (AttClosientAssignmentPage *self)
{
  if (self->draft_timeout != 0)
    {
      g_clear_handle_id (&self->draft_timeout, g_source_remove);
      update_draft (self);
    }
  g_clear_object (&self->draft_writer);
  g_clear_object (&self->offered_draft);
}

/* --- Offered back --------------------------------------------------------- */

static void
offer (AttClosientAssignmentPage *self,
       AttDraft                  *draft)
{
  g_autoptr(GDateTime) saved_at = g_date_time_new_from_unix_local (att_draft_get_saved_at (draft) / G_USEC_PER_SEC);
  g_autofree char *when = saved_at != NULL ? g_date_time_format (saved_at, "%x %X") : g_strdup ("");
  g_autofree char *text = NULL;

  g_set_object (&self->offered_draft, draft);
  if (att_draft_get_save_error (draft) != NULL)
    /* Translators: %s is a date and time, then why the last save failed */
    text = g_strdup_printf (_ ("Unsaved changes from %s could not be saved: %s"), when,
                            att_draft_get_save_error (draft));
  else
    /* Translators: %s is a date and time */
    text = g_strdup_printf (_ ("Unsaved changes from %s are kept for this certification."), when);
  gtk_label_set_label (self->draft_label, text);
  gtk_revealer_set_reveal_child (self->draft_revealer, TRUE);
}

static void
hide_offer (AttClosientAssignmentPage *self)
{
  g_clear_object (&self->offered_draft);
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AttClosientAssignmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttDraft) draft = att_draft_store_load_finish (ATT_DRAFT_STORE (object), result, &error);

  if (draft == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the draft of a Closient certification: %s", error->message);
      return;
    }
  /* Edits begun meanwhile are newer than the draft, and replace it. */
  if (!self->editing)
    offer (self, draft);
}

void
att_closient_assignment_page_drafts_init (AttClosientAssignmentPage *self)
{
  AttDraftStore   *store = att_context_get_draft_store (self->context);
  const char      *account_id = att_context_get_account_id (self->context);
  g_autofree char *id = object_id (self);

  /* Drafts belong to an account: without one there is nowhere to keep
   * them. */
  if (store == NULL || account_id == NULL)
    return;
  self->draft_writer = att_draft_writer_new (store, DRAFT_KIND, account_id, id);
  att_draft_store_load_async (store, DRAFT_KIND, account_id, id, self->cancellable, loaded_cb,
                              g_object_ref (self));
}

/* Restore: the edit, applied to the assignment as Closient has it now,
 * and the metadata rows as they were typed. */
void
att_closient_assignment_page_drafts_restore (AttClosientAssignmentPage *self)
{
  g_autoptr(AttDraft) draft = self->offered_draft != NULL ? g_object_ref (self->offered_draft) : NULL;
  JsonNode   *payload = draft != NULL ? att_draft_get_payload (draft) : NULL;
  JsonObject *object = payload != NULL && JSON_NODE_HOLDS_OBJECT (payload) ? json_node_get_object (payload) : NULL;
  g_autoptr(AttClosientPatch) patch = NULL;
  g_autoptr(GError) error = NULL;

  if (object == NULL || self->busy)
    return;
  hide_offer (self);
  patch = att_closient_patch_new_from_state (self->assignment, json_object_get_member (object, PAYLOAD_PATCH),
                                             &error);
  if (patch == NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("The unsaved changes could not be read: %s"), error->message);

      att_closient_assignment_page_show_error (self, message, FALSE, FALSE);
      return;
    }
  att_closient_assignment_page_form_load (self, patch);
  if (json_object_has_member (object, PAYLOAD_METADATA))
    att_closient_metadata_rows_restore_state (self->metadata_rows, json_object_get_member (object, PAYLOAD_METADATA));
  att_closient_assignment_page_set_editing (self, TRUE);
  if (att_draft_get_save_error (draft) != NULL)
    att_closient_assignment_page_show_error (self, att_draft_get_save_error (draft), TRUE, FALSE);
  att_closient_assignment_page_drafts_changed (self);
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!att_draft_store_delete_finish (ATT_DRAFT_STORE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not delete a draft: %s", error->message);
}

/* An explicit Discard of the draft offered. */
void
att_closient_assignment_page_drafts_discard_offered (AttClosientAssignmentPage *self)
{
  AttDraft *draft = self->offered_draft;

  if (draft == NULL)
    return;
  att_draft_store_delete_async (att_context_get_draft_store (self->context), att_draft_get_kind (draft),
                                att_draft_get_account_id (draft), att_draft_get_object_id (draft), NULL, deleted_cb,
                                NULL);
  hide_offer (self);
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

/**
 * att_closient_assignment_page_flush_draft_async:
 *
 * Writes the draft now, with the last keystroke, rather than a moment
 * later: before the window closes or the application quits.
 */
void
att_closient_assignment_page_flush_draft_async (AttClosientAssignmentPage *self,
                                                GCancellable              *cancellable,
                                                GAsyncReadyCallback        callback,
                                                gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_CLOSIENT_ASSIGNMENT_PAGE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_closient_assignment_page_flush_draft_async));
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
att_closient_assignment_page_flush_draft_finish (AttClosientAssignmentPage *self,
                                                 GAsyncResult              *result,
                                                 GError                   **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
