/* att-carbon-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "att-carbon-chart.h"
#include "att-eco-chart-style.h"
#include "att-format.h"

#define BAR_HEIGHT  32
#define LEGEND_GAP  12
#define SWATCH      14
#define ROW_SPACING 4

/* Each stage has a colour of the GNOME palette and a fill pattern, so that
 * the segments differ by more than their colour, and the legend repeats
 * both beside each value. */
typedef enum {
  PATTERN_SOLID,
  PATTERN_RISING,
  PATTERN_DOTS,
  PATTERN_HORIZONTAL,
  PATTERN_FALLING,
  PATTERN_VERTICAL,
  PATTERN_GRID,
  PATTERN_CROSS,
  PATTERN_SPARSE_DOTS,
  PATTERN_WIDE_HORIZONTAL,
  N_PATTERNS
} Pattern;

G_STATIC_ASSERT ((int) N_PATTERNS == (int) ATT_LIFE_CYCLE_N_STAGES);

static const struct
{
  const char *name;
  const char *fallback;
} palette[] = {
  { "blue_3", "#3584e4" },
  { "green_4", "#2ec27e" },
  { "yellow_5", "#e5a50a" },
  { "orange_4", "#e66100" },
  { "red_3", "#e01b24" },
  { "purple_3", "#9141ac" },
  { "brown_3", "#986a44" },
  { "blue_5", "#1a5fb4" },
  { "green_5", "#26a269" },
  { "purple_5", "#613583" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (palette) == ATT_LIFE_CYCLE_N_STAGES);

struct _AttCarbonChart
{
  GtkWidget     parent_instance;

  AttLifeCycle *life_cycle;
  char         *text_alternative;
};

G_DEFINE_FINAL_TYPE (AttCarbonChart, att_carbon_chart, GTK_TYPE_WIDGET)

static double
stage_value (AttCarbonChart   *self,
             AttLifeCycleStage stage)
{
  return self->life_cycle != NULL ? att_life_cycle_get_value (self->life_cycle, stage) : NAN;
}

static double
total (AttCarbonChart *self)
{
  return self->life_cycle != NULL ? att_life_cycle_get_total (self->life_cycle) : NAN;
}

static int
line_height (AttCarbonChart *self)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  layout = att_eco_chart_style_layout (GTK_WIDGET (self), "Ag", NULL, &height);
  return MAX (height, SWATCH) + ROW_SPACING;
}

static char *
stage_text (AttCarbonChart   *self,
            AttLifeCycleStage stage)
{
  double           value = stage_value (self, stage);
  double           sum = total (self);
  g_autofree char *number = NULL;
  g_autofree char *share = NULL;

  if (isnan (value))
    /* Translators: a life-cycle stage without a figure, e.g. "Retail: missing" */
    return g_strdup_printf (_ ("%s: missing"), att_life_cycle_stage_get_label (stage));

  number = att_format_number (value, 3);
  share = att_format_percent (sum > 0 ? value / sum * 100 : 0);
  /* Translators: a life-cycle stage, its carbon and its share of the total,
   * e.g. "Materials: 2.5 kg CO₂e (35 %)" */
  return g_strdup_printf (_ ("%s: %s kg CO₂e (%s)"), att_life_cycle_stage_get_label (stage), number, share);
}

static void
stroke_lines (cairo_t *cr,
              double   width,
              double   height,
              double   step,
              int      slope)
{
  for (double x = -height; x < width + height; x += step)
    {
      if (slope == 0)
        {
          /* Vertical lines. */
          cairo_move_to (cr, x, 0);
          cairo_line_to (cr, x, height);
          continue;
        }
      cairo_move_to (cr, x, slope > 0 ? height : 0);
      cairo_line_to (cr, x + height, slope > 0 ? 0 : height);
    }
}

static void
stroke_rows (cairo_t *cr,
             double   width,
             double   height,
             double   step)
{
  for (double y = step / 2; y < height; y += step)
    {
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, width, y);
    }
}

static void
fill_dots (cairo_t *cr,
           double   width,
           double   height,
           double   step)
{
  for (double y = step / 2; y < height; y += step)
    for (double x = step / 2; x < width; x += step)
      cairo_rectangle (cr, x - 1, y - 1, 2, 2);
  cairo_fill (cr);
}

static void
fill_pattern (cairo_t       *cr,
              Pattern        pattern,
              double         width,
              double         height,
              const GdkRGBA *ink)
{
  gdk_cairo_set_source_rgba (cr, ink);
  cairo_set_line_width (cr, 1.5);

  switch (pattern)
    {
    case PATTERN_RISING:
      stroke_lines (cr, width, height, 6, 1);
      break;

    case PATTERN_FALLING:
      stroke_lines (cr, width, height, 6, -1);
      break;

    case PATTERN_VERTICAL:
      stroke_lines (cr, width, height, 5, 0);
      break;

    case PATTERN_CROSS:
      stroke_lines (cr, width, height, 8, 1);
      stroke_lines (cr, width, height, 8, -1);
      break;

    case PATTERN_GRID:
      stroke_lines (cr, width, height, 6, 0);
      stroke_rows (cr, width, height, 6);
      break;

    case PATTERN_HORIZONTAL:
      stroke_rows (cr, width, height, 5);
      break;

    case PATTERN_WIDE_HORIZONTAL:
      cairo_set_line_width (cr, 3);
      stroke_rows (cr, width, height, 9);
      break;

    case PATTERN_DOTS:
      fill_dots (cr, width, height, 6);
      return;

    case PATTERN_SPARSE_DOTS:
      fill_dots (cr, width, height, 10);
      return;

    case PATTERN_SOLID:
    case N_PATTERNS:
    default:
      return;
    }
  cairo_stroke (cr);
}

/* A rectangle of the stage's colour and pattern at (x, y). */
static void
snapshot_swatch (AttCarbonChart        *self,
                 GtkSnapshot           *snapshot,
                 AttLifeCycleStage      stage,
                 const graphene_rect_t *rect)
{
  cairo_t *cr;
  GdkRGBA  fill, ink;

  att_eco_chart_style_named (GTK_WIDGET (self), palette[stage].name, palette[stage].fallback, &fill);
  att_eco_chart_style_named (GTK_WIDGET (self), "window_bg_color", "#fafafa", &ink);
  ink.alpha = 0.7f;

  cr = gtk_snapshot_append_cairo (snapshot, rect);
  cairo_translate (cr, rect->origin.x, rect->origin.y);
  cairo_rectangle (cr, 0, 0, rect->size.width, rect->size.height);
  cairo_clip (cr);
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_paint (cr);
  fill_pattern (cr, (Pattern) stage, rect->size.width, rect->size.height, &ink);
  cairo_destroy (cr);
}

static void
snapshot_bar (AttCarbonChart *self,
              GtkSnapshot    *snapshot,
              int             width)
{
  double sum = total (self);
  double x = 0;

  if (!(sum > 0))
    return;

  for (AttLifeCycleStage stage = 0; stage < ATT_LIFE_CYCLE_N_STAGES; stage++)
    {
      double value = stage_value (self, stage);
      double length;

      if (!(value > 0))
        continue;

      length = value / sum * width;
      /* A one-pixel gap keeps neighbours apart where colours are close. */
      snapshot_swatch (self, snapshot, stage,
                       &GRAPHENE_RECT_INIT ((float) x, 0, (float) MAX (length - 1, 1), BAR_HEIGHT));
      x += length;
    }
}

static void
snapshot_legend (AttCarbonChart *self,
                 GtkSnapshot    *snapshot)
{
  int     step = line_height (self);
  int     y = BAR_HEIGHT + LEGEND_GAP;
  GdkRGBA fg;

  att_eco_chart_style_foreground (GTK_WIDGET (self), &fg);
  for (AttLifeCycleStage stage = 0; stage < ATT_LIFE_CYCLE_N_STAGES; stage++)
    {
      g_autofree char *text = stage_text (self, stage);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      GdkRGBA color = fg;

      if (isnan (stage_value (self, stage)))
        color.alpha *= 0.55f;
      else
        snapshot_swatch (self, snapshot, stage, &GRAPHENE_RECT_INIT (0, (float) y + 1, SWATCH, SWATCH));
      att_eco_chart_style_text (snapshot, layout, SWATCH + 8, (float) y, &color);
      y += step;
    }
}

static void
att_carbon_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AttCarbonChart *self = ATT_CARBON_CHART (widget);

  if (self->life_cycle == NULL)
    return;

  snapshot_bar (self, snapshot, gtk_widget_get_width (widget));
  snapshot_legend (self, snapshot);
}

static void
att_carbon_chart_measure (GtkWidget     *widget,
                          GtkOrientation orientation,
                          int            for_size,
                          int           *minimum,
                          int           *natural,
                          int           *minimum_baseline,
                          int           *natural_baseline)
{
  AttCarbonChart *self = ATT_CARBON_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 480;
      return;
    }

  *minimum = *natural = self->life_cycle == NULL
                          ? 0
                          : BAR_HEIGHT + LEGEND_GAP + ATT_LIFE_CYCLE_N_STAGES * line_height (self);
}

static void
att_carbon_chart_finalize (GObject *object)
{
  AttCarbonChart *self = (AttCarbonChart *) object;

  g_clear_object (&self->life_cycle);
  g_clear_pointer (&self->text_alternative, g_free);

  G_OBJECT_CLASS (att_carbon_chart_parent_class)->finalize (object);
}

static void
att_carbon_chart_class_init (AttCarbonChartClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = att_carbon_chart_finalize;
  widget_class->measure = att_carbon_chart_measure;
  widget_class->snapshot = att_carbon_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "carbonchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
att_carbon_chart_init (AttCarbonChart *self)
{
  self->text_alternative = g_strdup ("");
  att_eco_chart_style_set_text_alternative (GTK_WIDGET (self), _ ("Carbon by life-cycle stage"),
                                            _ ("No life-cycle figures"));
}

GtkWidget *
att_carbon_chart_new (void)
{
  return g_object_new (ATT_TYPE_CARBON_CHART, NULL);
}

static char *
describe_stages (AttCarbonChart *self)
{
  GString *text = g_string_new (NULL);

  for (AttLifeCycleStage stage = 0; stage < ATT_LIFE_CYCLE_N_STAGES; stage++)
    {
      g_autofree char *line = stage_text (self, stage);

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, line);
    }
  return g_string_free (text, FALSE);
}

/**
 * att_carbon_chart_set_life_cycle:
 * @life_cycle: (nullable): the stages to draw
 */
void
att_carbon_chart_set_life_cycle (AttCarbonChart *self,
                                 AttLifeCycle   *life_cycle)
{
  g_return_if_fail (ATT_IS_CARBON_CHART (self));
  g_return_if_fail (life_cycle == NULL || ATT_IS_LIFE_CYCLE (life_cycle));

  g_set_object (&self->life_cycle, life_cycle);
  g_free (self->text_alternative);
  self->text_alternative = describe_stages (self);
  att_eco_chart_style_set_text_alternative (GTK_WIDGET (self), _ ("Carbon by life-cycle stage"),
                                            life_cycle != NULL ? self->text_alternative
                                                               : _ ("No life-cycle figures"));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * att_carbon_chart_get_text_alternative:
 *
 * Returns: every stage and its value, as text
 */
const char *
att_carbon_chart_get_text_alternative (AttCarbonChart *self)
{
  g_return_val_if_fail (ATT_IS_CARBON_CHART (self), NULL);

  return self->text_alternative;
}

/**
 * att_carbon_chart_get_n_drawn:
 *
 * Returns: how many segments the bar has (stages with carbon above 0)
 */
guint
att_carbon_chart_get_n_drawn (AttCarbonChart *self)
{
  guint n = 0;

  g_return_val_if_fail (ATT_IS_CARBON_CHART (self), 0);

  for (AttLifeCycleStage stage = 0; stage < ATT_LIFE_CYCLE_N_STAGES; stage++)
    n += stage_value (self, stage) > 0;
  return n;
}
