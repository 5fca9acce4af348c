/* att-products-page-search.c: the search entry of the Products view: a
 * search replaces the list, Escape cancels its loading or clears it, Enter
 * moves on to the results, Ctrl+F comes back to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-products-page-private.h"

static void
on_search_changed (AttProductsPage *self,
                   GtkSearchEntry  *entry)
{
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (g_strcmp0 (stripped, self->search_text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_steal_pointer (&stripped);
  att_products_page_reload (self);
}

static void
on_stop_search (AttProductsPage *self,
                GtkSearchEntry  *entry)
{
  /* The entry has the focus while a search loads, and takes Escape: it
   * cancels the loading first, and clears the search after. */
  if (att_products_page_shows_loading (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "products.cancel-loading", NULL);
  else
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_search_activate (AttProductsPage *self,
                    GtkSearchEntry  *entry)
{
  /* Enter moves on to the results, as in GNOME's other search lists. */
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  att_products_page_focus_search (ATT_PRODUCTS_PAGE (widget));
}

void
att_products_page_install_search (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);

  gtk_widget_class_install_action (widget_class, "products.focus-search", NULL,
                                   focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "products.focus-search", NULL);
}

void
att_products_page_search_init (AttProductsPage *self)
{
  /* The same as the entry's empty text, so that the entry's first
   * search-changed does not replace the first search with an equal one. */
  self->search_text = g_strdup ("");
  gtk_search_entry_set_search_delay (self->search_entry, 250);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

void
att_products_page_focus_search (AttProductsPage *self)
{
  g_return_if_fail (ATT_IS_PRODUCTS_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
att_products_page_set_search_text (AttProductsPage *self,
                                   const char      *text)
{
  g_return_if_fail (ATT_IS_PRODUCTS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
}
