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
typedef void     (*AttPagedFetchFunc)  (guint                from,
                                        guint                size,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             callback_data,
                                        gpointer             user_data);

/**
 * AttPagedFinishFunc:
 *
 * Returns: (transfer full) (nullable): the page, or %NULL with @error set
 */
typedef AttPage *(*AttPagedFinishFunc) (GAsyncResult        *result,
                                        GError             **error,
                                        gpointer             user_data);

#define ATT_TYPE_PAGED_MODEL (att_paged_model_get_type ())

G_DECLARE_FINAL_TYPE (AttPagedModel, att_paged_model, ATT, PAGED_MODEL, GObject)

AttPagedModel *att_paged_model_new            (GType               item_type,
                                               guint               page_size,
                                               AttPagedFetchFunc   fetch,
                                               AttPagedFinishFunc  finish,
                                               gpointer            user_data,
                                               GDestroyNotify      destroy);
void           att_paged_model_reload         (AttPagedModel      *self);
void           att_paged_model_cancel         (AttPagedModel      *self);
gboolean       att_paged_model_is_item_loaded (AttPagedModel      *self,
                                               guint               position);
guint          att_paged_model_get_page_size  (AttPagedModel      *self);
gboolean       att_paged_model_get_loading    (AttPagedModel      *self);
gboolean       att_paged_model_get_loaded     (AttPagedModel      *self);
guint          att_paged_model_get_total      (AttPagedModel      *self);
const GError  *att_paged_model_get_error      (AttPagedModel      *self);

G_END_DECLS
