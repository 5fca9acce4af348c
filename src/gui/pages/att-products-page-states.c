/* att-products-page-states.c: what the Products list shows while it has
 * no rows to show: loading (saying after a while that the server is slow,
 * and cancellable), cancelled, failed or empty; and Reload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-frame-trace.h"
#include "att-paged-model.h"
#include "att-products-page-private.h"
#include "att-spinner.h"

gboolean
att_products_page_shows_loading (AttProductsPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "loading") == 0;
}

static void
show_cancelled (AttProductsPage *self)
{
  att_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->list_stack, "cancelled");
  gtk_label_set_label (self->count_label, "");
}

static void
show_failed (AttProductsPage *self,
             const GError    *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->list_stack, "error");
  gtk_label_set_label (self->count_label, "");
  att_spinner_stop (self->spinner);
}

static void
show_loading (AttProductsPage *self)
{
  att_spinner_start_delayed (self->spinner, ATT_SPINNER_DELAY_MS);
  gtk_stack_set_visible_child_name (self->list_stack, "loading");
  gtk_label_set_label (self->count_label, "");
}

static void
show_empty (AttProductsPage *self)
{
  g_autofree char *description = NULL;

  if (self->search_text != NULL && *self->search_text != '\0')
    description = g_strdup_printf (_ ("No product matches “%s”. Try a different search."),
                                   self->search_text);
  else
    description = g_strdup (_ ("This account has no products yet."));
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
show_loaded (AttProductsPage *self)
{
  guint            n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *count = NULL;

  att_spinner_stop (self->spinner);
  if (n_items == 0)
    show_empty (self);
  else
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      att_frame_trace_rows_shown (GTK_WIDGET (self->column_view));
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product", "%u products", n_items),
                           n_items);
  gtk_label_set_label (self->count_label, count);
}

/* A model that never loaded shows why; once loaded, its failures are the
 * footer's to show. */
void
att_products_page_update_state (AttProductsPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean loaded = FALSE;

  if (self->model == NULL)
    return;

  /* The cancelled fetch reports an error: the page already said why. */
  if (self->load_cancelled)
    {
      att_products_page_set_ready (self, TRUE);
      show_cancelled (self);
      return;
    }

  g_object_get (self->model, "loaded", &loaded, "error", &error, NULL);
  att_products_page_set_ready (self, loaded || error != NULL);
  if (!loaded && error != NULL)
    show_failed (self, error);
  else if (!loaded)
    show_loading (self);
  else
    show_loaded (self);
}

static gboolean
on_slow_timeout (gpointer user_data)
{
  AttProductsPage *self = user_data;

  self->slow_timeout_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->slow_label), TRUE);
  return G_SOURCE_REMOVE;
}

/* Entering the loading state starts its clock; leaving it stops it. */
static void
on_list_stack_changed (AttProductsPage *self)
{
  gboolean loading = att_products_page_shows_loading (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.cancel-loading", loading);
  g_clear_handle_id (&self->slow_timeout_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->slow_label), FALSE);
  if (loading)
    self->slow_timeout_id = g_timeout_add (self->slow_delay, on_slow_timeout, self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttProductsPage *self = ATT_PRODUCTS_PAGE (widget);

  self->load_cancelled = FALSE;
  if (self->model != NULL)
    att_paged_model_reload (self->model);
  else
    att_products_page_reload (self);
  att_products_page_update_state (self);
}

static void
cancel_loading_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AttProductsPage *self = ATT_PRODUCTS_PAGE (widget);
  gboolean         had_focus = gtk_widget_has_focus (GTK_WIDGET (self->cancel_button));

  if (self->model == NULL || !att_products_page_shows_loading (self))
    return;

  self->load_cancelled = TRUE;
  att_paged_model_cancel (self->model);
  att_products_page_update_state (self);

  /* The button goes away with the loading state: Retry takes its focus. */
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->cancelled_retry_button));
}

void
att_products_page_install_state_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_list_stack_changed);

  gtk_widget_class_install_action (widget_class, "products.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "products.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0,
                                       "products.reload", NULL);
  gtk_widget_class_install_action (widget_class, "products.cancel-loading", NULL,
                                   cancel_loading_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "products.cancel-loading", NULL);
}

void
att_products_page_states_init (AttProductsPage *self)
{
  /* The template shows the loading state before the signal is connected. */
  on_list_stack_changed (self);
}

void
att_products_page_states_dispose (AttProductsPage *self)
{
  /* The stack changes its visible child while it is torn down. */
  if (self->list_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->list_stack, self);
  g_clear_handle_id (&self->slow_timeout_id, g_source_remove);
}
