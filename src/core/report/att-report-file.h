/* att-report-file.h: a file written whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes the file's content to @stream (buffered); returns FALSE with
 * @error set to give up. */
typedef gboolean (*AttReportStreamFunc) (GOutputStream *stream,
                                         gpointer       user_data,
                                         GCancellable  *cancellable,
                                         GError       **error);

gboolean att_report_file_write (GFile              *target,
                                AttReportStreamFunc func,
                                gpointer            user_data,
                                GCancellable       *cancellable,
                                GError            **error);

G_END_DECLS
