/* att-draft-store.h: drafts of unsaved edits, one file each, in the
 * user's data dir
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-draft.h"

G_BEGIN_DECLS

#define ATT_TYPE_DRAFT_STORE (att_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (AttDraftStore, att_draft_store, ATT, DRAFT_STORE, GObject)

AttDraftStore *att_draft_store_new (void);
AttDraftStore *att_draft_store_new_for_path (const char *path);
const char    *att_draft_store_get_path (AttDraftStore *self);
char          *att_draft_store_get_file_path (AttDraftStore *self,
                                              const char    *kind,
                                              const char    *account_id,
                                              const char    *object_id);

void           att_draft_store_save_async (AttDraftStore      *self,
                                           AttDraft           *draft,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
gboolean       att_draft_store_save_finish (AttDraftStore *self,
                                            GAsyncResult  *result,
                                            GError       **error);
void           att_draft_store_load_async (AttDraftStore      *self,
                                           const char         *kind,
                                           const char         *account_id,
                                           const char         *object_id,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
AttDraft      *att_draft_store_load_finish (AttDraftStore *self,
                                            GAsyncResult  *result,
                                            GError       **error);
void           att_draft_store_list_async (AttDraftStore      *self,
                                           const char         *account_id,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
GPtrArray     *att_draft_store_list_finish (AttDraftStore *self,
                                            GAsyncResult  *result,
                                            GError       **error);
void           att_draft_store_delete_async (AttDraftStore      *self,
                                             const char         *kind,
                                             const char         *account_id,
                                             const char         *object_id,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
gboolean       att_draft_store_delete_finish (AttDraftStore *self,
                                              GAsyncResult  *result,
                                              GError       **error);

G_END_DECLS
