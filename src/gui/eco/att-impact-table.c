/* att-impact-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "att-eco-impact.h"
#include "att-eco-score.h"
#include "att-format.h"
#include "att-impact-table.h"

/* The indicators of a score, one row each: name, code, value with unit and
 * share of the score.  Every column sorts; a missing value counts as the
 * smallest, so sorting by largest first puts the missing ones last. */
struct _AttImpactTable
{
  GtkWidget         parent_instance;

  GListStore       *rows; /* (element-type AttEcoImpact) */
  GtkSortListModel *sorted;
  GtkColumnView    *view;
};

G_DEFINE_FINAL_TYPE (AttImpactTable, att_impact_table, GTK_TYPE_WIDGET)

typedef char *(*CellText) (gpointer impact);

/**
 * att_impact_table_format_label:
 * @impact: an #AttEcoImpact
 *
 * Returns: (transfer full): its translated name, or its code when unknown
 */
char *
att_impact_table_format_label (gpointer impact)
{
  const char *label = att_eco_impact_get_label (impact);

  return g_strdup (label != NULL ? _ (label) : att_eco_impact_get_key (impact));
}

static char *
format_code (gpointer impact)
{
  return g_strdup (att_eco_impact_get_key (impact));
}

/* Indicators span twenty orders of magnitude (CTUh against MJ): small ones
 * keep three significant digits rather than rounding to 0. */
static char *
format_magnitude (double value)
{
  if (value == 0 || (fabs (value) >= 0.01 && fabs (value) < 1e7))
    return att_format_number (value, 3);
  return g_strdup_printf ("%.3g", value);
}

/**
 * att_impact_table_format_value:
 * @impact: an #AttEcoImpact
 *
 * Returns: (transfer full): its value with its unit, or "missing"
 */
char *
att_impact_table_format_value (gpointer impact)
{
  g_autofree char *number = NULL;
  const char      *unit = att_eco_impact_get_unit (impact);

  if (!att_eco_impact_get_value_known (impact))
    return g_strdup (_ ("missing"));

  number = format_magnitude (att_eco_impact_get_value (impact));
  if (unit == NULL)
    return g_steal_pointer (&number);
  /* Translators: an impact value and its unit, e.g. "68.256 kg CO₂ eq" */
  return g_strdup_printf (_ ("%s %s"), number, unit);
}

/**
 * att_impact_table_format_share:
 * @impact: an #AttEcoImpact
 *
 * Returns: (transfer full): its share of the score, or "missing"
 */
char *
att_impact_table_format_share (gpointer impact)
{
  if (!att_eco_impact_get_share_known (impact))
    return g_strdup (_ ("missing"));
  return att_format_percent (att_eco_impact_get_share (impact));
}

enum {
  COLUMN_LABEL,
  COLUMN_CODE,
  COLUMN_VALUE,
  COLUMN_SHARE,
};

static const CellText cell_texts[] = {
  att_impact_table_format_label,
  format_code,
  att_impact_table_format_value,
  att_impact_table_format_share,
};

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) >= COLUMN_VALUE ? 1.0f : 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  CellText         text_func = cell_texts[GPOINTER_TO_INT (user_data)];
  g_autofree char *text = text_func (gtk_list_item_get_item (item));
  GtkWidget       *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), text);
  if (att_eco_impact_get_label (gtk_list_item_get_item (item)) == NULL)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
}

static int
compare_numbers (double a,
                 double b)
{
  if (isnan (a) || isnan (b))
    return isnan (b) - isnan (a);
  return (a > b) - (a < b);
}

static int
compare_label (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  g_autofree char *label_a = att_impact_table_format_label ((gpointer) a);
  g_autofree char *label_b = att_impact_table_format_label ((gpointer) b);

  return g_utf8_collate (label_a, label_b);
}

static int
compare_code (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return g_strcmp0 (att_eco_impact_get_key ((gpointer) a), att_eco_impact_get_key ((gpointer) b));
}

static int
compare_value (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return compare_numbers (att_eco_impact_get_value ((gpointer) a), att_eco_impact_get_value ((gpointer) b));
}

static int
compare_share (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return compare_numbers (att_eco_impact_get_share ((gpointer) a), att_eco_impact_get_share ((gpointer) b));
}

static void
add_column (AttImpactTable  *self,
            const char      *title,
            int              index,
            GCompareDataFunc compare)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (index));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (index));

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, index == COLUMN_LABEL);
  gtk_column_view_append_column (self->view, column);
}

static void
att_impact_table_dispose (GObject *object)
{
  AttImpactTable *self = (AttImpactTable *) object;
  GtkWidget      *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (att_impact_table_parent_class)->dispose (object);
}

static void
att_impact_table_class_init (AttImpactTableClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_impact_table_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "impacttable");
}

static void
att_impact_table_init (AttImpactTable *self)
{
  GtkNoSelection *selection;

  self->rows = g_list_store_new (ATT_TYPE_ECO_IMPACT);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->view)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "card");

  add_column (self, _ ("Indicator"), COLUMN_LABEL, compare_label);
  add_column (self, _ ("Code"), COLUMN_CODE, compare_code);
  add_column (self, _ ("Value"), COLUMN_VALUE, compare_value);
  add_column (self, _ ("Share of Score"), COLUMN_SHARE, compare_share);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Impact indicators"), -1);

  /* The page scrolls, not the table: no scrolled window of its own, which
   * would take the wheel from the page while the pointer is over the
   * table; the view asks for the height of all its rows. */
  gtk_widget_set_parent (GTK_WIDGET (self->view), GTK_WIDGET (self));
}

GtkWidget *
att_impact_table_new (void)
{
  return g_object_new (ATT_TYPE_IMPACT_TABLE, NULL);
}

/**
 * att_impact_table_set_score:
 * @score: (nullable): the eco-score whose indicators to list
 */
void
att_impact_table_set_score (AttImpactTable *self,
                            AttEcoScore    *score)
{
  GListModel *impacts;
  guint       n;

  g_return_if_fail (ATT_IS_IMPACT_TABLE (self));
  g_return_if_fail (score == NULL || ATT_IS_ECO_SCORE (score));

  impacts = score != NULL ? att_eco_score_get_impacts (score) : NULL;
  n = impacts != NULL ? g_list_model_get_n_items (impacts) : 0;
  g_list_store_remove_all (self->rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttEcoImpact) impact = g_list_model_get_item (impacts, i);

      g_list_store_append (self->rows, impact);
    }
}

/**
 * att_impact_table_get_column_view:
 *
 * Returns: (transfer none): the column view, e.g. to sort it
 */
GtkColumnView *
att_impact_table_get_column_view (AttImpactTable *self)
{
  g_return_val_if_fail (ATT_IS_IMPACT_TABLE (self), NULL);

  return self->view;
}

/**
 * att_impact_table_get_model:
 *
 * Returns: (transfer none): the rows in the order shown
 */
GListModel *
att_impact_table_get_model (AttImpactTable *self)
{
  g_return_val_if_fail (ATT_IS_IMPACT_TABLE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}
