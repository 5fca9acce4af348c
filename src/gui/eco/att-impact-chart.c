/* att-impact-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "att-eco-chart-style.h"
#include "att-eco-impact.h"
#include "att-eco-score.h"
#include "att-format.h"
#include "att-impact-chart.h"

#define ROW_SPACING 6
#define COLUMN_GAP  12
#define MIN_BAR     80

/* One row: an indicator's name and its share of the score in percent, NAN
 * when the server did not give it (then only "missing" is written). */
typedef struct
{
  char  *label;
  double share;
} Bar;

struct _AttImpactChart
{
  GtkWidget parent_instance;

  GArray   *bars; /* (element-type Bar) */
  char     *text_alternative;
};

G_DEFINE_FINAL_TYPE (AttImpactChart, att_impact_chart, GTK_TYPE_WIDGET)

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
}

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const Bar *bar_a = a;
  const Bar *bar_b = b;

  /* Largest share first; missing ones last, in the table's order. */
  if (isnan (bar_a->share) || isnan (bar_b->share))
    return isnan (bar_a->share) - isnan (bar_b->share);
  return (bar_a->share < bar_b->share) - (bar_a->share > bar_b->share);
}

static int
row_height (AttImpactChart *self)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  layout = att_eco_chart_style_layout (GTK_WIDGET (self), "Ag", NULL, &height);
  return height + ROW_SPACING;
}

static char *
share_text (double share)
{
  if (isnan (share))
    return g_strdup (_ ("missing"));
  return att_format_percent (share);
}

/* One layout per label, made once per frame and used both to find the
 * widest label and to draw them. */
static GPtrArray *
label_layouts (AttImpactChart *self,
               int            *widest)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  *widest = 0;
  for (guint i = 0; i < self->bars->len; i++)
    {
      int          label_width;
      PangoLayout *layout = att_eco_chart_style_layout (GTK_WIDGET (self), g_array_index (self->bars, Bar, i).label,
                                                        &label_width, NULL);

      *widest = MAX (*widest, label_width);
      g_ptr_array_add (layouts, layout);
    }
  return layouts;
}

static double
largest_share (AttImpactChart *self)
{
  double largest = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      double share = g_array_index (self->bars, Bar, i).share;

      if (!isnan (share))
        largest = MAX (largest, share);
    }
  return largest;
}

static void
att_impact_chart_measure (GtkWidget     *widget,
                          GtkOrientation orientation,
                          int            for_size,
                          int           *minimum,
                          int           *natural,
                          int           *minimum_baseline,
                          int           *natural_baseline)
{
  AttImpactChart *self = ATT_IMPACT_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_BAR * 3;
      *natural = MIN_BAR * 6;
      return;
    }

  *minimum = *natural = (int) self->bars->len * row_height (self);
}

static void
snapshot_label (AttImpactChart *self,
                GtkSnapshot    *snapshot,
                PangoLayout    *layout,
                int             column_width,
                int             y,
                const GdkRGBA  *color)
{
  pango_layout_set_width (layout, column_width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (gtk_widget_get_direction (GTK_WIDGET (self)) != GTK_TEXT_DIR_RTL)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  att_eco_chart_style_text (snapshot, layout, 0, y, color);
}

typedef struct
{
  int            label_width;
  int            bar_height;
  double         scale;
  const GdkRGBA *fg;
  const GdkRGBA *accent;
} Geometry;

static void
snapshot_row (AttImpactChart *self,
              GtkSnapshot    *snapshot,
              const Bar      *bar,
              PangoLayout    *label,
              int             y,
              const Geometry *geometry)
{
  g_autofree char *value = share_text (bar->share);
  g_autoptr(PangoLayout) layout = NULL;
  float   x = geometry->label_width + COLUMN_GAP;
  float   length = isnan (bar->share) ? 0 : (float) (bar->share * geometry->scale);
  GdkRGBA dim = *geometry->fg;

  snapshot_label (self, snapshot, label, geometry->label_width, y, geometry->fg);
  if (length > 0)
    gtk_snapshot_append_color (snapshot, geometry->accent,
                               &GRAPHENE_RECT_INIT (x, y + 2, MAX (length, 1), geometry->bar_height - 4));

  dim.alpha *= isnan (bar->share) ? 0.55f : 0.8f;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), value);
  att_eco_chart_style_text (snapshot, layout, x + length + (length > 0 ? 6 : 0), y, &dim);
}

static void
att_impact_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AttImpactChart *self = ATT_IMPACT_CHART (widget);
  int             width = gtk_widget_get_width (widget);
  double          largest = largest_share (self);
  int             step = row_height (self);
  g_autoptr(GPtrArray) labels = NULL;
  GdkRGBA  fg, accent;
  Geometry geometry = { 0, step - ROW_SPACING, 0, &fg, &accent };
  int      widest;

  if (self->bars->len == 0)
    return;

  att_eco_chart_style_foreground (widget, &fg);
  att_eco_chart_style_named (widget, "accent_bg_color", "#3584e4", &accent);

  /* Labels take at most two fifths; after them, room for the bar and its
   * value ("23.4 %"). */
  labels = label_layouts (self, &widest);
  geometry.label_width = MIN (widest, MAX (width * 2 / 5, 1));
  geometry.scale = largest > 0 ? MAX (width - geometry.label_width - COLUMN_GAP - 70, 1) / largest : 0;

  for (guint i = 0; i < self->bars->len; i++)
    snapshot_row (self, snapshot, &g_array_index (self->bars, Bar, i), g_ptr_array_index (labels, i),
                  (int) i * step, &geometry);
}

static void
att_impact_chart_finalize (GObject *object)
{
  AttImpactChart *self = (AttImpactChart *) object;

  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->text_alternative, g_free);

  G_OBJECT_CLASS (att_impact_chart_parent_class)->finalize (object);
}

static void
att_impact_chart_class_init (AttImpactChartClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = att_impact_chart_finalize;
  widget_class->measure = att_impact_chart_measure;
  widget_class->snapshot = att_impact_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "impactchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
att_impact_chart_init (AttImpactChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  self->text_alternative = g_strdup ("");
  att_eco_chart_style_set_text_alternative (GTK_WIDGET (self), _ ("Contribution of each indicator to the score"),
                                            _ ("No eco-score"));
}

GtkWidget *
att_impact_chart_new (void)
{
  return g_object_new (ATT_TYPE_IMPACT_CHART, NULL);
}

static char *
describe_bars (GArray *bars)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < bars->len; i++)
    {
      const Bar       *bar = &g_array_index (bars, Bar, i);
      g_autofree char *value = share_text (bar->share);

      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: an indicator and its share of the score in the chart's
       * text alternative, e.g. "Climate change: 21.3 %" */
      g_string_append_printf (text, _ ("%s: %s"), bar->label, value);
    }
  return g_string_free (text, FALSE);
}

static void
add_bar (GArray       *bars,
         AttEcoImpact *impact)
{
  const char *label = att_eco_impact_get_label (impact);
  Bar         bar;

  if (att_eco_impact_get_aggregate (impact))
    return;

  /* An indicator this code does not know is shown by its code. */
  bar.label = g_strdup (label != NULL ? _ (label) : att_eco_impact_get_key (impact));
  bar.share = att_eco_impact_get_share (impact);
  g_array_append_val (bars, bar);
}

/**
 * att_impact_chart_set_score:
 * @score: (nullable): the eco-score whose indicators to draw
 */
void
att_impact_chart_set_score (AttImpactChart *self,
                            AttEcoScore    *score)
{
  GListModel *impacts;

  g_return_if_fail (ATT_IS_IMPACT_CHART (self));
  g_return_if_fail (score == NULL || ATT_IS_ECO_SCORE (score));

  g_array_set_size (self->bars, 0);
  impacts = score != NULL ? att_eco_score_get_impacts (score) : NULL;
  for (guint i = 0; impacts != NULL && i < g_list_model_get_n_items (impacts); i++)
    {
      g_autoptr(AttEcoImpact) impact = g_list_model_get_item (impacts, i);

      add_bar (self->bars, impact);
    }
  g_array_sort (self->bars, compare_bars);

  g_free (self->text_alternative);
  self->text_alternative = describe_bars (self->bars);
  att_eco_chart_style_set_text_alternative (GTK_WIDGET (self), _ ("Contribution of each indicator to the score"),
                                            self->bars->len > 0 ? self->text_alternative : _ ("No eco-score"));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * att_impact_chart_get_text_alternative:
 *
 * Returns: every value drawn, as text ("Climate change: 21.3 %; …")
 */
const char *
att_impact_chart_get_text_alternative (AttImpactChart *self)
{
  g_return_val_if_fail (ATT_IS_IMPACT_CHART (self), NULL);

  return self->text_alternative;
}

/**
 * att_impact_chart_get_n_drawn:
 *
 * Returns: how many bars are drawn (indicators with a share)
 */
guint
att_impact_chart_get_n_drawn (AttImpactChart *self)
{
  guint n = 0;

  g_return_val_if_fail (ATT_IS_IMPACT_CHART (self), 0);

  for (guint i = 0; i < self->bars->len; i++)
    n += !isnan (g_array_index (self->bars, Bar, i).share) && g_array_index (self->bars, Bar, i).share > 0;
  return n;
}
