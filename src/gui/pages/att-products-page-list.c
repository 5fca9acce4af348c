/* att-products-page-list.c: the list of the Products view: the paged model
 * of a search, its selection, and saved products in place of their rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-context.h"
#include "att-higg-client.h"
#include "att-paged-model.h"
#include "att-product.h"
#include "att-products-page-private.h"

#define PAGE_SIZE 50

static gboolean
select_shown_cb (gpointer user_data)
{
  AttProductsPage *self = user_data;

  self->shown_idle = 0;
  att_products_page_select_shown (self);
  return G_SOURCE_REMOVE;
}

static void
on_model_items_changed (AttProductsPage *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  att_products_page_update_state (self);

  /* Not from inside items-changed: selecting may resize the slice of first
   * rows, which the list view must not see while it handles this change. */
  if (self->shown_id != NULL && self->shown_idle == 0)
    self->shown_idle = g_idle_add (select_shown_cb, self);

  /* A placeholder row that was selected has just been replaced by the real
   * product: show its details. */
  if (selected != GTK_INVALID_LIST_POSITION && selected >= position && selected < position + added)
    att_products_page_selected_item_changed (self);
}

/* A product saved in the editor shows the server's answer, not the row
 * the search returned before. */
AttProduct *
att_products_page_saved_copy_of (AttProductsPage *self,
                                 AttProduct      *product)
{
  AttProduct *saved = NULL;

  if (product != NULL && !att_product_is_placeholder (product))
    saved = g_hash_table_lookup (self->saved, att_product_get_id (product));
  return saved != NULL ? saved : product;
}

/**
 * att_products_page_replace_rows:
 *
 * Shows the rows anew after a save (their cells look up the saved copy);
 * the selection and the scroll position stay where they were.
 */
void
att_products_page_replace_rows (AttProductsPage *self)
{
  guint          selected = gtk_single_selection_get_selected (self->selection);
  GListModel    *model = gtk_single_selection_get_model (self->selection);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  double         value = adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;

  if (model == NULL)
    return;
  g_object_ref (model);
  gtk_single_selection_set_model (self->selection, NULL);
  gtk_single_selection_set_model (self->selection, model);
  g_object_unref (model);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, selected);
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, value);
  att_products_page_show_selected_details (self);
}

static void
set_model (AttProductsPage *self,
           AttPagedModel   *model)
{
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  g_set_object (&self->model, model);
  self->load_cancelled = FALSE;

  if (model != NULL)
    {
      g_signal_connect_object (model, "notify::loaded", G_CALLBACK (att_products_page_update_state),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "notify::error", G_CALLBACK (att_products_page_update_state),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "items-changed", G_CALLBACK (on_model_items_changed),
                               self, G_CONNECT_SWAPPED);
    }

  gtk_single_selection_set_model (self->selection,
                                  att_products_page_first_rows_of (self, G_LIST_MODEL (model)));
  att_paged_footer_set_model (self->paged_footer, model);
  att_products_page_update_state (self);
  att_products_page_selected_item_changed (self);
}

/* A new search, or the first: a new model, whose fetches replace the old
 * one's. */
void
att_products_page_reload (AttProductsPage *self)
{
  AttHiggClient *client;
  g_autoptr(AttPagedModel) model = NULL;

  if (self->context == NULL)
    return;

  client = att_context_get_higg_client (self->context);
  if (client == NULL)
    return;

  model = att_higg_client_create_product_model (client, self->search_text, PAGE_SIZE);
  set_model (self, model);
}

void
att_products_page_list_init (AttProductsPage *self)
{
  self->saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (att_products_page_selected_item_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

/**
 * att_products_page_get_model:
 *
 * Returns: (transfer none) (nullable): the current list of products
 */
GListModel *
att_products_page_get_model (AttProductsPage *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->model);
}

/**
 * att_products_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the product whose details are shown
 */
AttProduct *
att_products_page_get_selected (AttProductsPage *self)
{
  AttProduct *product;

  g_return_val_if_fail (ATT_IS_PRODUCTS_PAGE (self), NULL);

  product = att_products_page_saved_copy_of (self, gtk_single_selection_get_selected_item (self->selection));
  return product != NULL && !att_product_is_placeholder (product) ? product : NULL;
}
