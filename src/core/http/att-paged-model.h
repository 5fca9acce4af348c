/* att-paged-model.h: a GListModel that fetches its items page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

/**
 * AttPagedFetchFunc:
 * @from: the offset of the first item wanted
 * @size: how many items are wanted
 * @cancellable: cancelled when the model no longer needs the page
 * @callback: to call, asynchronously, when the page is ready
 * @callback_data: to pass to @callback
 * @user_data: the data given to att_paged_model_new()
 *
 * Starts fetching one page. It must complete asynchronously (a #GTask
 * does), never by calling @callback before returning.
 */
typedef void (*AttPagedFetchFunc) (guint               from,
                                   guint               size,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            callback_data,
                                   gpointer            user_data);

/**
 * AttPagedFinishFunc:
 *
 * Returns: (transfer full) (nullable): the page, or %NULL with @error set
 */
typedef AttPage *(*AttPagedFinishFunc) (GAsyncResult *result,
                                        GError      **error,
                                        gpointer      user_data);

/**
 * AttPagedItemState:
 * @ATT_PAGED_ITEM_PENDING: a placeholder whose page is wanted or on its way
 * @ATT_PAGED_ITEM_LOADED: an item from the server
 * @ATT_PAGED_ITEM_FAILED: a placeholder whose page could not be fetched
 * @ATT_PAGED_ITEM_UNREADABLE: a placeholder for a row the server sent but
 *   the client could not read
 */
typedef enum {
  ATT_PAGED_ITEM_PENDING,
  ATT_PAGED_ITEM_LOADED,
  ATT_PAGED_ITEM_FAILED,
  ATT_PAGED_ITEM_UNREADABLE,
} AttPagedItemState;

#define ATT_TYPE_PAGED_MODEL (att_paged_model_get_type ())

G_DECLARE_FINAL_TYPE (AttPagedModel, att_paged_model, ATT, PAGED_MODEL, GObject)

AttPagedModel    *att_paged_model_new (GType              item_type,
                                       guint              page_size,
                                       AttPagedFetchFunc  fetch,
                                       AttPagedFinishFunc finish,
                                       gpointer           user_data,
                                       GDestroyNotify     destroy);
void              att_paged_model_reload (AttPagedModel *self);
void              att_paged_model_cancel (AttPagedModel *self);
void              att_paged_model_retry (AttPagedModel *self);
gboolean          att_paged_model_is_item_loaded (AttPagedModel *self,
                                                  guint          position);
guint             att_paged_model_get_page_size (AttPagedModel *self);
gboolean          att_paged_model_get_loading (AttPagedModel *self);
gboolean          att_paged_model_get_loaded (AttPagedModel *self);
guint             att_paged_model_get_total (AttPagedModel *self);
const GError     *att_paged_model_get_error (AttPagedModel *self);

AttPagedItemState att_paged_model_get_item_state (AttPagedModel *self,
                                                  guint          position);
const GError     *att_paged_model_get_item_error (AttPagedModel *self,
                                                  guint          position);
guint             att_paged_model_get_n_unreadable (AttPagedModel *self);
const GError     *att_paged_model_get_unreadable_error (AttPagedModel *self);

G_END_DECLS
