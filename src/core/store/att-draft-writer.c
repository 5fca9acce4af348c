/* att-draft-writer.c: an editor's state written to its draft as it
 * changes, debounced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-draft-writer-private.h"

/* The editor calls att_draft_writer_update() on every change: that only
 * keeps a reference to the payload.  The first change not yet being
 * written starts a timer of `interval` ms, which later changes do not
 * restart: while the user types without pause, the draft is still
 * written every interval, so a crash loses at most one interval plus
 * the write that was under way.  One operation (write or delete) runs
 * at a time: a timer that runs out during a write starts the next write
 * as soon as that one ends, with the newest payload.
 *
 * A pending timer and a running write hold a reference to the writer,
 * so an editor that drops it without flushing still gets its last
 * change written. */

G_DEFINE_FINAL_TYPE (AttDraftWriter, att_draft_writer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INTERVAL,
  N_PROPS
};

enum {
  WRITTEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void
att_draft_writer_dispose (GObject *object)
{
  AttDraftWriter *self = ATT_DRAFT_WRITER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (att_draft_writer_parent_class)->dispose (object);
}

static void
att_draft_writer_finalize (GObject *object)
{
  AttDraftWriter *self = ATT_DRAFT_WRITER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->account_id, g_free);
  g_clear_pointer (&self->object_id, g_free);
  g_clear_pointer (&self->payload, json_node_unref);
  g_clear_pointer (&self->save_error, g_free);
  g_clear_object (&self->writing);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->flushes, g_ptr_array_unref);

  G_OBJECT_CLASS (att_draft_writer_parent_class)->finalize (object);
}

static void
att_draft_writer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AttDraftWriter *self = ATT_DRAFT_WRITER (object);

  switch (prop_id)
    {
    case PROP_INTERVAL: g_value_set_uint (value, self->interval); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_draft_writer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AttDraftWriter *self = ATT_DRAFT_WRITER (object);

  switch (prop_id)
    {
    case PROP_INTERVAL: att_draft_writer_set_interval (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_draft_writer_class_init (AttDraftWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = att_draft_writer_dispose;
  object_class->finalize = att_draft_writer_finalize;
  object_class->get_property = att_draft_writer_get_property;
  object_class->set_property = att_draft_writer_set_property;

  /* The longest a change waits before it is written, in milliseconds. */
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL,
                       0, G_MAXUINT, ATT_DRAFT_WRITER_DEFAULT_INTERVAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After each write: the draft as written (its saved-at is when the
   * write began), and %NULL or why it could not be written
   * (%G_IO_ERROR_CANCELLED for a write that a discard cancelled). */
  signals[WRITTEN] =
    g_signal_new ("written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, ATT_TYPE_DRAFT, G_TYPE_ERROR);
}

static void
att_draft_writer_init (AttDraftWriter *self)
{
  self->interval = ATT_DRAFT_WRITER_DEFAULT_INTERVAL;
  self->cancellable = g_cancellable_new ();
  self->flushes = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * att_draft_writer_new:
 * @object_id: (nullable): %NULL or "" for a new object
 *
 * Returns: (transfer full): a writer of this object's draft in @store
 */
AttDraftWriter *
att_draft_writer_new (AttDraftStore *store,
                      const char    *kind,
                      const char    *account_id,
                      const char    *object_id)
{
  AttDraftWriter *self;

  g_return_val_if_fail (ATT_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL && *kind != '\0', NULL);
  g_return_val_if_fail (account_id != NULL && *account_id != '\0', NULL);

  self = g_object_new (ATT_TYPE_DRAFT_WRITER, NULL);
  self->store = g_object_ref (store);
  self->kind = g_strdup (kind);
  self->account_id = g_strdup (account_id);
  self->object_id = g_strdup (object_id != NULL ? object_id : "");

  return self;
}

guint
att_draft_writer_get_interval (AttDraftWriter *self)
{
  g_return_val_if_fail (ATT_IS_DRAFT_WRITER (self), 0);

  return self->interval;
}

/**
 * att_draft_writer_set_interval:
 *
 * Takes effect from the next timer.
 */
void
att_draft_writer_set_interval (AttDraftWriter *self,
                               guint           interval_ms)
{
  g_return_if_fail (ATT_IS_DRAFT_WRITER (self));

  if (interval_ms == self->interval)
    return;

  self->interval = interval_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

/* --- the write cycle -------------------------------------------------- */

static gboolean
on_timeout (gpointer user_data)
{
  AttDraftWriter *self = user_data;

  self->timeout_id = 0;
  /* A discard may have dropped the changes this timer was for. */
  if (self->busy)
    self->due = TRUE;
  else if (self->dirty)
    att_draft_writer_start_write (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (AttDraftWriter *self)
{
  if (!self->dirty || self->timeout_id != 0)
    return;

  self->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, self->interval, on_timeout,
                                         g_object_ref (self), g_object_unref);
}

static void
finish_flushes (AttDraftWriter *self,
                const GError   *error)
{
  g_autoptr(GPtrArray) flushes = g_steal_pointer (&self->flushes);

  self->flushes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < flushes->len; i++)
    {
      GTask *task = g_ptr_array_index (flushes, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

/* What follows a write or a delete: a discard waiting for it, changes
 * whose timer ran out or that a flush is waiting for, or the timer for
 * changes made meanwhile. */
void
att_draft_writer_after_operation (AttDraftWriter *self,
                                  const GError   *error)
{
  if (self->discard != NULL)
    att_draft_writer_start_delete (self);
  else if (self->dirty && (self->due || self->flushes->len > 0))
    att_draft_writer_start_write (self);
  else
    {
      finish_flushes (self, error);
      schedule (self);
    }
}

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AttDraftWriter) self = user_data;
  g_autoptr(AttDraft) draft = g_steal_pointer (&self->writing);
  g_autoptr(GError) error = NULL;

  att_draft_store_save_finish (ATT_DRAFT_STORE (source), result, &error);
  self->busy = FALSE;
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Drafts: could not write the %s draft: %s", self->kind, error->message);

  g_signal_emit (self, signals[WRITTEN], 0, draft, error);
  att_draft_writer_after_operation (self, error);
}

void
att_draft_writer_start_write (AttDraftWriter *self)
{
  g_autoptr(AttDraft) draft = NULL;

  g_assert (!self->busy && self->dirty);

  draft = att_draft_new (self->kind, self->account_id, self->object_id, self->payload);
  att_draft_set_save_error (draft, self->save_error);
  self->dirty = FALSE;
  self->due = FALSE;
  self->busy = TRUE;
  self->writing = g_object_ref (draft);
  att_draft_store_save_async (self->store, draft, self->cancellable, write_done,
                              g_object_ref (self));
}

/**
 * att_draft_writer_update:
 * @payload: the editor's whole state; a reference is taken, not a copy,
 *   so the editor must not change this node afterwards
 *
 * Cheap: no I/O, no serializing.  The payload is written within the
 * writer's interval.
 */
void
att_draft_writer_update (AttDraftWriter *self,
                         JsonNode       *payload)
{
  g_return_if_fail (ATT_IS_DRAFT_WRITER (self));
  g_return_if_fail (payload != NULL);

  g_clear_pointer (&self->payload, json_node_unref);
  self->payload = json_node_ref (payload);
  self->dirty = TRUE;
  schedule (self);
}

/**
 * att_draft_writer_set_save_error:
 * @message: (nullable): why saving to the server failed, or %NULL
 *
 * Kept with the draft, so that the editor can show it again, with a
 * Retry, after a restart.
 */
void
att_draft_writer_set_save_error (AttDraftWriter *self,
                                 const char     *message)
{
  g_return_if_fail (ATT_IS_DRAFT_WRITER (self));

  if (g_strcmp0 (message, self->save_error) == 0)
    return;

  g_free (self->save_error);
  self->save_error = g_strdup (message);
  self->dirty = self->payload != NULL;
  schedule (self);
}
