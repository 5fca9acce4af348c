/* att-label-export-window.h: the small window that saves the labels of a
 * selection, with its progress, Cancel and what happened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-label-export.h"
#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_LABEL_EXPORT_WINDOW (att_label_export_window_get_type ())

G_DECLARE_FINAL_TYPE (AttLabelExportWindow, att_label_export_window, ATT, LABEL_EXPORT_WINDOW, AdwWindow)

AttLabelExportWindow *att_label_export_window_new (GtkWindow         *parent,
                                                   AttContext        *context,
                                                   const char *const *product_ids,
                                                   GHashTable        *names,
                                                   GFile             *folder);
void                  att_label_export_window_start (AttLabelExportWindow *self);
gboolean              att_label_export_window_get_running (AttLabelExportWindow *self);
AttLabelExport       *att_label_export_window_get_export (AttLabelExportWindow *self);
const char           *att_label_export_window_get_status (AttLabelExportWindow *self);

G_END_DECLS
