/* att-draft-writer.h: an editor's state written to its draft as it
 * changes, debounced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-draft-store.h"

G_BEGIN_DECLS

#define ATT_DRAFT_WRITER_DEFAULT_INTERVAL 500

#define ATT_TYPE_DRAFT_WRITER (att_draft_writer_get_type ())

G_DECLARE_FINAL_TYPE (AttDraftWriter, att_draft_writer, ATT, DRAFT_WRITER, GObject)

AttDraftWriter *att_draft_writer_new (AttDraftStore *store,
                                      const char    *kind,
                                      const char    *account_id,
                                      const char    *object_id);
guint           att_draft_writer_get_interval (AttDraftWriter *self);
void            att_draft_writer_set_interval (AttDraftWriter *self,
                                               guint           interval_ms);
void            att_draft_writer_update (AttDraftWriter *self,
                                         JsonNode       *payload);
void            att_draft_writer_set_save_error (AttDraftWriter *self,
                                                 const char     *message);

void            att_draft_writer_flush_async (AttDraftWriter     *self,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
gboolean        att_draft_writer_flush_finish (AttDraftWriter *self,
                                               GAsyncResult   *result,
                                               GError        **error);
void            att_draft_writer_discard_async (AttDraftWriter     *self,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
gboolean        att_draft_writer_discard_finish (AttDraftWriter *self,
                                                 GAsyncResult   *result,
                                                 GError        **error);

G_END_DECLS
