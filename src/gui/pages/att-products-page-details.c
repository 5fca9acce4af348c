/* att-products-page-details.c: the details of the selected product beside
 * the Products list, filled in once the list's first rows are painted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-after-paint.h"
#include "att-products-page-private.h"

/* Rows enough to fill a tall window. */
#define FIRST_ROWS 50

void
att_products_page_show_selected_details (AttProductsPage *self)
{
  att_product_details_set_product (self->details, att_products_page_get_selected (self));
}

/* After the first rows: the rest of the rows and the details, in the
 * frames that follow. */
static gboolean
show_the_rest (gpointer user_data)
{
  AttProductsPage *self = user_data;

  self->rest_idle = 0;
  if (self->first_rows != NULL)
    gtk_slice_list_model_set_size (self->first_rows, G_MAXUINT);
  att_products_page_show_selected_details (self);
  return G_SOURCE_REMOVE;
}

static void
on_rows_painted (GtkWidget *column_view,
                 gpointer   user_data)
{
  AttProductsPage *self = user_data;

  self->rows_painted = TRUE;
  self->details_pending = FALSE;
  self->rest_idle = g_idle_add (show_the_rest, self);
}

/* The first rows are painted before the details pane is filled in: laying
 * out the details doubles the cost of that frame, and the rows are what
 * the user waits for. */
void
att_products_page_selected_item_changed (AttProductsPage *self)
{
  if (self->rows_painted)
    att_products_page_show_selected_details (self);
  else if (!self->details_pending)
    {
      self->details_pending = TRUE;
      att_widget_after_next_paint (GTK_WIDGET (self->column_view), on_rows_painted, self);
    }
}

/* GTK 4.8 makes a row for up to 200 items at once, visible or not: until
 * the first rows are painted, the view sees no more than a screenful. */
GListModel *
att_products_page_first_rows_of (AttProductsPage *self,
                                 GListModel      *model)
{
  if (self->rows_painted || model == NULL)
    return model;

  g_clear_object (&self->first_rows);
  self->first_rows = gtk_slice_list_model_new (g_object_ref (model), 0, FIRST_ROWS);
  return G_LIST_MODEL (self->first_rows);
}
