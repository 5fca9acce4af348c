/* att-after-paint.h: run something once a widget's next frame is painted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*AttAfterPaintFunc) (GtkWidget *widget,
                                   gpointer   user_data);

void att_widget_after_next_paint (GtkWidget        *widget,
                                  AttAfterPaintFunc func,
                                  gpointer          user_data);
void att_widget_idle_after_next_paint (GtkWidget        *widget,
                                       AttAfterPaintFunc func,
                                       gpointer          user_data);

G_END_DECLS
