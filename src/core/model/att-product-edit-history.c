/* att-product-edit-history.c: undo and redo of an AttProductEdit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-json.h"
#include "att-product-edit-private.h"

/*
 * The history keeps whole states, not the changes between them: a state is
 * small (a few kilobytes even with 200 purchase orders), and restoring a
 * snapshot cannot go wrong the way replaying an inverse change can when
 * lists are reordered.  Changes to the same member (or the same field of
 * the same row) less than a second apart after one another are one step,
 * so that undo takes back a word typed, not a letter.
 */

/* @key: (nullable): what the coming change is to, e.g. `name` or
 * `materials[2].composition`; %NULL for changes that never coalesce (rows
 * added, removed or moved). */
void
att_product_edit_history_record (AttProductEdit *self,
                                 const char     *key)
{
  gint64 now = g_get_monotonic_time ();

  if (key != NULL && g_strcmp0 (key, self->coalesce_key) == 0 &&
      now - self->coalesce_time < self->coalesce_interval)
    {
      self->coalesce_time = now;
      return;
    }

  g_ptr_array_add (self->undo, att_json_object_copy (self->state));
  if (self->undo->len > ATT_PRODUCT_EDIT_HISTORY_DEPTH)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);

  g_free (self->coalesce_key);
  self->coalesce_key = g_strdup (key);
  self->coalesce_time = now;
}

/* Forgets every step, as after a save. */
void
att_product_edit_history_clear (AttProductEdit *self)
{
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  g_clear_pointer (&self->coalesce_key, g_free);
}

/* Moves the current state onto @to and makes the newest state of @from
 * current. */
static gboolean
step (AttProductEdit *self,
      GPtrArray      *from,
      GPtrArray      *to)
{
  JsonObject *state;

  if (from->len == 0)
    return FALSE;

  state = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, json_object_ref (self->state));
  if (to->len > ATT_PRODUCT_EDIT_HISTORY_DEPTH)
    g_ptr_array_remove_index (to, 0);

  /* The next change starts a new step, whatever it is to. */
  g_clear_pointer (&self->coalesce_key, g_free);
  att_product_edit_replace_state (self, state);

  return TRUE;
}

gboolean
att_product_edit_get_can_undo (AttProductEdit *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), FALSE);

  return self->can_undo;
}

gboolean
att_product_edit_get_can_redo (AttProductEdit *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), FALSE);

  return self->can_redo;
}

/**
 * att_product_edit_undo:
 *
 * Returns: %TRUE if there was a step to undo
 */
gboolean
att_product_edit_undo (AttProductEdit *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), FALSE);

  return step (self, self->undo, self->redo);
}

/**
 * att_product_edit_redo:
 *
 * Returns: %TRUE if there was a step to redo
 */
gboolean
att_product_edit_redo (AttProductEdit *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), FALSE);

  return step (self, self->redo, self->undo);
}
