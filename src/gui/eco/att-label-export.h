/* att-label-export.h: saving the official French labels of a selection of
 * products into a folder, one SVG file per product
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_LABEL_EXPORT (att_label_export_get_type ())

G_DECLARE_FINAL_TYPE (AttLabelExport, att_label_export, ATT, LABEL_EXPORT, GObject)

AttLabelExport *att_label_export_new (AttHiggClient     *client,
                                      const char *const *product_ids,
                                      GHashTable        *names,
                                      GFile             *folder);
void            att_label_export_run_async (AttLabelExport     *self,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
gboolean        att_label_export_run_finish (AttLabelExport *self,
                                             GAsyncResult   *result,
                                             GError        **error);

GFile          *att_label_export_get_folder (AttLabelExport *self);
guint           att_label_export_get_n_saved (AttLabelExport *self);
guint           att_label_export_get_n_to_save (AttLabelExport *self);
GPtrArray      *att_label_export_get_saved_files (AttLabelExport *self);
GPtrArray      *att_label_export_get_missing (AttLabelExport *self);
char           *att_label_export_get_summary (AttLabelExport *self);

char           *att_label_export_file_name (const char *name,
                                            const char *product_id);

G_END_DECLS
