/* att-frame-trace.h: frame markers for the start-up benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void att_frame_trace_watch_window (GtkWindow *window);
void att_frame_trace_rows_shown (GtkWidget *widget);

G_END_DECLS
