/* att-eco-chart-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-eco-chart-style.h"

/* The charts take every colour from the style, so that they follow the
 * light, dark and high-contrast styles like the rest of the window. */
void
att_eco_chart_style_foreground (GtkWidget *widget,
                                GdkRGBA   *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* A named colour of the style sheet (libadwaita's @accent_bg_color,
 * @blue_3 ...), or @fallback when the theme has none by that name. */
void
att_eco_chart_style_named (GtkWidget  *widget,
                           const char *name,
                           const char *fallback,
                           GdkRGBA    *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    return;
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (!gdk_rgba_parse (color, fallback))
    att_eco_chart_style_foreground (widget, color);
}

/* A layout of @text in the widget's font, with its size in pixels. */
PangoLayout *
att_eco_chart_style_layout (GtkWidget  *widget,
                            const char *text,
                            int        *width,
                            int        *height)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  pango_layout_get_pixel_size (layout, width, height);
  return layout;
}

void
att_eco_chart_style_text (GtkSnapshot   *snapshot,
                          PangoLayout   *layout,
                          float          x,
                          float          y,
                          const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* A chart is an image to assistive technologies: its name, and as its
 * description the text alternative that lists every value it draws. */
void
att_eco_chart_style_set_text_alternative (GtkWidget  *widget,
                                          const char *label,
                                          const char *description)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}
