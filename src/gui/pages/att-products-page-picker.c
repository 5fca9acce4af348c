/* att-products-page-picker.c: a small dialog that finds a product by
 * search, for "Add to Product…" when no editor is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-context.h"
#include "att-higg-client.h"
#include "att-paged-model.h"
#include "att-product.h"
#include "att-products-page-private.h"

#define PICKER_PAGE_SIZE 50

typedef struct
{
  AttProductsPage     *page;
  AttProductPickedFunc func;
  gpointer             user_data;
  GDestroyNotify       destroy;
  GtkSingleSelection  *selection;
  GtkWidget           *window;
} Picker;

static void
picker_free (gpointer data)
{
  Picker *picker = data;

  if (picker->destroy != NULL)
    picker->destroy (picker->user_data);
  g_object_unref (picker->selection);
  g_object_unref (picker->page);
  g_free (picker);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   Picker         *picker)
{
  AttHiggClient *client = att_context_get_higg_client (att_products_page_get_context (picker->page));
  g_autoptr(AttPagedModel) model = att_higg_client_create_product_model (client, gtk_editable_get_text (GTK_EDITABLE (entry)),
                                                                          PICKER_PAGE_SIZE);

  gtk_single_selection_set_model (picker->selection, G_LIST_MODEL (model));
}

static void
choose (Picker *picker,
        guint   position)
{
  g_autoptr(AttProduct) product = g_list_model_get_item (G_LIST_MODEL (picker->selection), position);

  if (product == NULL || att_product_is_placeholder (product))
    return;
  picker->func (picker->page, product, picker->user_data);
  gtk_window_destroy (GTK_WINDOW (picker->window));
}

static void
on_activate (GtkListView *view,
             guint        position,
             Picker      *picker)
{
  choose (picker, position);
}

/* Enter in the entry takes the first or selected product. */
static void
on_search_activate (GtkSearchEntry *entry,
                    Picker         *picker)
{
  guint selected = gtk_single_selection_get_selected (picker->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    choose (picker, selected);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_list_item_set_child (item, label);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  AttProduct *product = gtk_list_item_get_item (item);
  GtkLabel   *label = GTK_LABEL (gtk_list_item_get_child (item));

  gtk_label_set_label (label, att_product_is_placeholder (product) ? _ ("Loading…") : att_product_get_name (product));
}

static GtkWidget *
create_list (Picker *picker)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget          *view;
  GtkWidget          *scrolled = gtk_scrolled_window_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (picker->selection)), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Products"), -1);
  g_signal_connect (view, "activate", G_CALLBACK (on_activate), picker);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

void
att_products_page_pick_product (AttProductsPage     *self,
                                const char          *title,
                                AttProductPickedFunc func,
                                gpointer             user_data,
                                GDestroyNotify       destroy)
{
  Picker    *picker = g_new0 (Picker, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *entry = gtk_search_entry_new ();

  picker->page = g_object_ref (self);
  picker->func = func;
  picker->user_data = user_data;
  picker->destroy = destroy;
  picker->selection = gtk_single_selection_new (NULL);
  picker->window = adw_window_new ();

  gtk_window_set_title (GTK_WINDOW (picker->window), title);
  gtk_window_set_modal (GTK_WINDOW (picker->window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (picker->window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_default_size (GTK_WINDOW (picker->window), 420, 480);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  g_object_set (entry, "placeholder-text", _ ("Search products"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Search products"), -1);
  gtk_widget_set_margin_start (entry, 12);
  gtk_widget_set_margin_end (entry, 12);
  gtk_widget_set_margin_top (entry, 6);
  gtk_widget_set_margin_bottom (entry, 6);
  g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed), picker);
  g_signal_connect (entry, "activate", G_CALLBACK (on_search_activate), picker);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), create_list (picker));
  adw_window_set_content (ADW_WINDOW (picker->window), box);
  g_object_set_data_full (G_OBJECT (picker->window), "att-picker", picker, picker_free);

  on_search_changed (GTK_SEARCH_ENTRY (entry), picker);
  gtk_window_present (GTK_WINDOW (picker->window));
  gtk_widget_grab_focus (entry);
}
