/* att-purchase-orders-page-columns.c: the columns of the purchase order
 * table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "att-format.h"
#include "att-purchase-orders-page-private.h"

typedef enum {
  COLUMN_ORDER,
  COLUMN_DATE,
  COLUMN_AMOUNT,
  COLUMN_FEM,
  COLUMN_PRODUCT,
} Column;

/* Room for a typical value of each column: order ids like "PO-2024-92966",
 * ISO dates, amounts, and the 24-character FEM ids. */
static const int natural_chars[] = { 16, 10, 8, 26, 0 };

/* Text cells are inscriptions, cheap to make for long lists; the product
 * is a flat button that shows it in the Products view. */
static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Column     column = GPOINTER_TO_INT (user_data);
  GtkWidget *cell;

  if (column == COLUMN_PRODUCT)
    {
      cell = gtk_button_new ();
      gtk_widget_add_css_class (cell, "flat");
      gtk_widget_set_halign (cell, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (cell, _ ("Show the product"));
      gtk_button_set_child (GTK_BUTTON (cell), gtk_label_new (NULL));
      gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (cell))), PANGO_ELLIPSIZE_END);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (cell), "win.show-product");
    }
  else
    {
      cell = gtk_inscription_new (NULL);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), column == COLUMN_AMOUNT ? 1.0 : 0.0);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), column == COLUMN_AMOUNT ? 6 : 10);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), natural_chars[column]);
      /* Centred at their natural height: one line, ellipsized, even though
       * the product's button makes the row taller. */
      gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
    }
  gtk_list_item_set_child (item, cell);
}

static char *
cell_text (AttPurchaseOrderRow *row,
           Column               column)
{
  double amount;

  switch (column)
    {
    case COLUMN_ORDER:
      return g_strdup (att_purchase_order_row_get_purchase_order_id (row));

    case COLUMN_DATE:
      return g_strdup (att_purchase_order_row_get_purchase_date (row));

    case COLUMN_AMOUNT:
      amount = att_purchase_order_row_get_amount_purchase (row);
      return isfinite (amount) ? att_format_number (amount, 2) : NULL;

    case COLUMN_FEM:
      return g_strdup (att_purchase_order_row_get_fem_id (row));

    case COLUMN_PRODUCT:
    default:
      g_assert_not_reached ();
    }
}

static void
bind_product (GtkWidget           *button,
              AttPurchaseOrderRow *row)
{
  const char      *name = att_purchase_order_row_get_product_name (row);
  const char      *id = att_purchase_order_row_get_product_id (row);
  g_autofree char *label = g_strdup_printf (_ ("Show product %s"), name != NULL ? name : id);

  gtk_label_set_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), name != NULL ? name : id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  Column               column = GPOINTER_TO_INT (user_data);
  AttPurchaseOrderRow *row = gtk_list_item_get_item (item);
  GtkWidget           *cell = gtk_list_item_get_child (item);
  g_autofree char     *text = NULL;

  if (column == COLUMN_PRODUCT)
    {
      bind_product (cell, row);
      return;
    }

  text = cell_text (row, column);
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
}

static void
add_column (AttPurchaseOrdersPage *self,
            Column                 column,
            const char            *title,
            gboolean               expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

/**
 * att_purchase_orders_page_setup_columns:
 *
 * Order id, date, amount, FEM id and product, as the issue lists them.
 */
void
att_purchase_orders_page_setup_columns (AttPurchaseOrdersPage *self)
{
  add_column (self, COLUMN_ORDER, _ ("Order"), FALSE);
  add_column (self, COLUMN_DATE, _ ("Date"), FALSE);
  add_column (self, COLUMN_AMOUNT, _ ("Amount"), FALSE);
  add_column (self, COLUMN_FEM, _ ("FEM ID"), FALSE);
  add_column (self, COLUMN_PRODUCT, _ ("Product"), TRUE);
}
