/* att-purchase-orders-page-actions.c: refresh, add, edit and remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-context.h"
#include "att-error.h"
#include "att-higg-client.h"
#include "att-product.h"
#include "att-purchase-order-dialog.h"
#include "att-purchase-orders-page-private.h"
#include "att-window.h"

/* --- Refresh ------------------------------------------------------------- */

static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AttPurchaseOrdersPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!att_product_cache_refresh_finish (ATT_PRODUCT_CACHE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, ATT_PRODUCT_CACHE_ERROR, ATT_PRODUCT_CACHE_ERROR_BUSY))
    self->refresh_error = g_steal_pointer (&error);

  g_clear_object (&self->refresh_cancellable);
  att_purchase_orders_page_schedule_query (self, 0);
  att_purchase_orders_page_show_refresh (self);
}

/**
 * att_purchase_orders_page_refresh:
 *
 * Reads every product from the server into the cache again, showing the
 * progress; the list follows as pages are stored.
 */
void
att_purchase_orders_page_refresh (AttPurchaseOrdersPage *self)
{
  g_return_if_fail (ATT_IS_PURCHASE_ORDERS_PAGE (self));

  if (self->cache == NULL || att_product_cache_get_refreshing (self->cache))
    return;

  g_clear_error (&self->refresh_error);
  g_clear_object (&self->refresh_cancellable);
  self->refresh_cancellable = g_cancellable_new ();
  att_product_cache_refresh_async (self->cache, self->refresh_cancellable, refreshed_cb,
                                   g_object_ref (self));
  att_purchase_orders_page_show_refresh (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  att_purchase_orders_page_refresh (ATT_PURCHASE_ORDERS_PAGE (widget));
}

static void
cancel_refresh_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_cancellable_cancel (ATT_PURCHASE_ORDERS_PAGE (widget)->refresh_cancellable);
}

/* --- Add and edit -------------------------------------------------------- */

void
att_purchase_orders_page_toast (AttPurchaseOrdersPage *self,
                                const char            *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ATT_IS_WINDOW (root))
    att_window_add_toast (ATT_WINDOW (root), adw_toast_new (title));
}

static void
on_dialog_saved (AttPurchaseOrdersPage *self)
{
  att_purchase_orders_page_toast (self, _ ("Purchase order saved"));
}

static void
open_dialog (AttPurchaseOrdersPage *self,
             AttPurchaseOrderRow   *row)
{
  AttPurchaseOrderRow *selected = att_purchase_orders_page_get_selected (self);
  GtkWidget           *dialog;

  /* A new order goes to the selected row's product unless another is
   * chosen in the dialog. */
  dialog = att_purchase_order_dialog_new (self->context, row,
                                          selected != NULL ? att_purchase_order_row_get_product_id (selected) : NULL,
                                          selected != NULL ? att_purchase_order_row_get_product_name (selected) : NULL);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * att_purchase_orders_page_edit_row:
 *
 * Opens the dialog on @row.
 */
void
att_purchase_orders_page_edit_row (AttPurchaseOrdersPage *self,
                                   AttPurchaseOrderRow   *row)
{
  open_dialog (self, row);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (ATT_PURCHASE_ORDERS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttPurchaseOrdersPage *self = ATT_PURCHASE_ORDERS_PAGE (widget);
  AttPurchaseOrderRow   *row = att_purchase_orders_page_get_selected (self);

  if (row != NULL)
    open_dialog (self, row);
}

/* --- Remove -------------------------------------------------------------- */

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AttPurchaseOrdersPage) self = user_data;
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  product = att_higg_client_update_product_finish (ATT_HIGG_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (product == NULL)
    {
      message = g_strdup_printf (_ ("Could not remove the purchase order: %s"), error->message);
      att_purchase_orders_page_toast (self, message);
      return;
    }

  att_context_product_saved (self->context, product);
  att_purchase_orders_page_toast (self, _ ("Purchase order removed"));
}

static void
send_removal (AttPurchaseOrdersPage *self,
              AttPurchaseOrderRow   *row)
{
  AttHiggClient *client = att_context_get_higg_client (self->context);
  g_autoptr(JsonObject) command = json_object_new ();
  JsonArray *ids = json_array_new ();

  json_array_add_string_element (ids, att_purchase_order_row_get_id (row));
  json_object_set_array_member (command, "removePurchaseOrder", ids);
  att_higg_client_update_product_async (client, att_purchase_order_row_get_product_id (row), command,
                                        self->cancellable, removed_cb, g_object_ref (self));
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  AttPurchaseOrdersPage *self = ATT_PURCHASE_ORDERS_PAGE (user_data);
  AttPurchaseOrderRow   *row = g_object_get_data (G_OBJECT (dialog), "att-row");

  if (g_str_equal (response, "remove"))
    send_removal (self, row);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttPurchaseOrdersPage *self = ATT_PURCHASE_ORDERS_PAGE (widget);
  AttPurchaseOrderRow   *row = att_purchase_orders_page_get_selected (self);
  GtkWidget             *dialog;

  if (row == NULL || att_purchase_order_row_get_id (row) == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _ ("Remove Purchase Order?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _ ("Order %s will be removed from %s on the server."),
                                  att_purchase_order_row_get_purchase_order_id (row),
                                  att_purchase_order_row_get_product_name (row));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _ ("_Cancel"),
                                    "remove", _ ("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "att-row", g_object_ref (row), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Wiring -------------------------------------------------------------- */

void
att_purchase_orders_page_update_actions (AttPurchaseOrdersPage *self)
{
  gboolean has_cache = self->cache != NULL;
  gboolean selected = att_purchase_orders_page_get_selected (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "purchase-orders.add", has_cache);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "purchase-orders.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "purchase-orders.remove", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "purchase-orders.refresh",
                                 has_cache && !att_product_cache_get_refreshing (self->cache));
}

void
att_purchase_orders_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "purchase-orders.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "purchase-orders.cancel-refresh", NULL, cancel_refresh_action);
  gtk_widget_class_install_action (widget_class, "purchase-orders.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "purchase-orders.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "purchase-orders.remove", NULL, remove_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "purchase-orders.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "purchase-orders.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "purchase-orders.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "purchase-orders.cancel-refresh", NULL);
}
