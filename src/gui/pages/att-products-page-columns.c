/* att-products-page-columns.c: the columns of the Products list and their
 * cells, with the rows whose product is still loading or failed to load
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-eco-score.h"
#include "att-format.h"
#include "att-paged-model.h"
#include "att-product.h"
#include "att-products-page-private.h"

typedef enum {
  COLUMN_NAME,
  COLUMN_CATEGORY,
  COLUMN_SIZE,
  COLUMN_WEIGHT,
  COLUMN_IDENTIFIER,
  COLUMN_ECO_SCORE,
} Column;

/* Cells are GtkInscriptions: unlike labels, their size does not depend on
 * their text, so a column view of a few hundred rows lays out cheaply
 * (GTK 4.8 makes up to 200 rows at once). */
static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Column     column = GPOINTER_TO_INT (user_data);
  GtkWidget *cell = gtk_inscription_new (NULL);
  gboolean   numeric = column == COLUMN_ECO_SCORE || column == COLUMN_WEIGHT;

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (cell, "numeric");
  if (column == COLUMN_IDENTIFIER)
    gtk_widget_add_css_class (cell, "monospace");
  gtk_list_item_set_child (item, cell);
}

/* GtkInscription does not tell screen readers its text in GTK 4.8. */
static void
set_cell_text (GtkInscription *cell,
               const char     *text)
{
  gtk_inscription_set_text (cell, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
}

/* A row with no product yet says why: its page is on its way, or failed
 * (Retry is below the list), or the server sent something unreadable. */
static void
bind_placeholder (AttProductsPage *self,
                  GtkListItem     *item,
                  Column           column)
{
  GtkInscription   *cell = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  guint             position = gtk_list_item_get_position (item);
  AttPagedItemState state = ATT_PAGED_ITEM_PENDING;
  const GError     *error = NULL;
  const char       *text = _ ("Loading…");

  if (self->model != NULL)
    {
      state = att_paged_model_get_item_state (self->model, position);
      error = att_paged_model_get_item_error (self->model, position);
    }
  if (state == ATT_PAGED_ITEM_FAILED)
    text = _ ("Could not be loaded");
  else if (state == ATT_PAGED_ITEM_UNREADABLE)
    text = _ ("Unreadable product");

  gtk_widget_add_css_class (GTK_WIDGET (cell), "dim-label");
  if (column != COLUMN_NAME)
    {
      set_cell_text (cell, "");
      return;
    }
  set_cell_text (cell, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (cell), error != NULL ? error->message : NULL);
}

/* The text of @column for @product. */
static char *
column_text (AttProduct *product,
             Column      column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (att_product_get_name (product));

    case COLUMN_CATEGORY:
      return att_format_category (att_product_get_category (product));

    case COLUMN_SIZE:
      return g_strdup (att_product_get_size (product));

    case COLUMN_WEIGHT:
      return att_product_format_weight (product);

    case COLUMN_IDENTIFIER:
      return g_strdup (att_product_get_identifier (product));

    case COLUMN_ECO_SCORE:
      return att_format_eco_score_short (att_product_get_eco_score (product));

    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  AttProductsPage *self = ATT_PRODUCTS_PAGE (user_data);
  Column           column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "att-column"));
  AttProduct      *product = att_products_page_saved_copy_of (self, gtk_list_item_get_item (item));
  GtkInscription  *cell = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  if (product == NULL || att_product_is_placeholder (product))
    {
      bind_placeholder (self, item, column);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (cell), "dim-label");

  text = column_text (product, column);
  set_cell_text (cell, text);
  /* Names and sizes can be longer than their column is wide. */
  if (column == COLUMN_NAME || column == COLUMN_SIZE)
    gtk_widget_set_tooltip_text (GTK_WIDGET (cell), text);
}

static void
add_column (AttProductsPage *self,
            Column           column,
            const char      *title,
            gboolean         expand,
            int              fixed_width)
{
  GtkListItemFactory  *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (factory), "att-column", GINT_TO_POINTER (column));
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell), self, 0);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

void
att_products_page_columns_init (AttProductsPage *self)
{
  add_column (self, COLUMN_NAME, _ ("Name"), TRUE, 190);
  add_column (self, COLUMN_CATEGORY, _ ("Category"), FALSE, 120);
  add_column (self, COLUMN_SIZE, _ ("Size"), FALSE, 75);
  add_column (self, COLUMN_WEIGHT, _ ("Weight"), FALSE, 70);
  add_column (self, COLUMN_IDENTIFIER, _ ("Identifier"), FALSE, 120);
  add_column (self, COLUMN_ECO_SCORE, _ ("Eco-Score"), FALSE, 80);
}
