/* att-draft-writer-private.h: the state of an AttDraftWriter, shared by
 * its timer (att-draft-writer.c) and its flush and discard
 * (att-draft-writer-flush.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-draft-writer.h"

G_BEGIN_DECLS

struct _AttDraftWriter
{
  GObject        parent_instance;

  AttDraftStore *store;
  char          *kind;
  char          *account_id;
  char          *object_id;
  guint          interval;

  JsonNode      *payload;
  char          *save_error;
  gboolean       dirty; /* changed since the last write began */
  gboolean       busy;  /* a write or a delete is running */
  gboolean       due;   /* the timer ran out during it */
  AttDraft      *writing;
  guint          timeout_id;
  GCancellable  *cancellable;
  GPtrArray     *flushes; /* GTasks waiting for the file to be up to date */
  GTask         *discard; /* waiting for the running write to end */
};

void att_draft_writer_start_write (AttDraftWriter *self);
void att_draft_writer_start_delete (AttDraftWriter *self);
void att_draft_writer_after_operation (AttDraftWriter *self,
                                       const GError   *error);

G_END_DECLS
