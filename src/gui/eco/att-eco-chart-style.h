/* att-eco-chart-style.h: colours and text for the eco-score charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void         att_eco_chart_style_foreground (GtkWidget *widget,
                                             GdkRGBA   *color);
void         att_eco_chart_style_named (GtkWidget  *widget,
                                        const char *name,
                                        const char *fallback,
                                        GdkRGBA    *color);
PangoLayout *att_eco_chart_style_layout (GtkWidget  *widget,
                                         const char *text,
                                         int        *width,
                                         int        *height);
void         att_eco_chart_style_text (GtkSnapshot   *snapshot,
                                       PangoLayout   *layout,
                                       float          x,
                                       float          y,
                                       const GdkRGBA *color);
void         att_eco_chart_style_set_text_alternative (GtkWidget  *widget,
                                                       const char *label,
                                                       const char *description);

G_END_DECLS
