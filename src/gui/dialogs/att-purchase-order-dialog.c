/* att-purchase-order-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "att-context.h"
#include "att-product-cache.h"
#include "att-product.h"
#include "att-purchase-order-dialog-private.h"

/* Adding needs a product: the one given, or one found in the account's
 * product cache by name, identifier or id.  Editing keeps the order's
 * product.  Saving is in att-purchase-order-dialog-save.c. */

G_DEFINE_FINAL_TYPE (AttPurchaseOrderDialog, att_purchase_order_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ROW,
  PROP_PRODUCT_ID,
  PROP_PRODUCT_NAME,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

#define PRODUCT_MATCHES 8

static void
show_product (AttPurchaseOrderDialog *self)
{
  const char *shown = self->product_name != NULL ? self->product_name : self->product_id;

  gtk_label_set_label (self->product_label, shown != NULL ? shown : _ ("No product chosen yet: find one below."));
  gtk_widget_set_visible (GTK_WIDGET (self->product_error), FALSE);
}

/* --- Finding a product --------------------------------------------------- */

static GtkWidget *
product_row_new (AttProduct *product)
{
  GtkWidget  *row = adw_action_row_new ();
  const char *identifier = att_product_get_identifier (product);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), att_product_get_name (product));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), identifier != NULL ? identifier : att_product_get_id (product));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "att-product-id", g_strdup (att_product_get_id (product)), g_free);
  g_object_set_data_full (G_OBJECT (row), "att-product-name", g_strdup (att_product_get_name (product)), g_free);
  return row;
}

static void
products_found_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AttPurchaseOrderDialog *self = user_data;
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  products = att_product_cache_search_products_finish (ATT_PRODUCT_CACHE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->product_list))) != NULL)
    gtk_list_box_remove (self->product_list, child);

  for (guint i = 0; products != NULL && i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (products, i);

      gtk_list_box_append (self->product_list, product_row_new (product));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->product_list),
                          products != NULL && g_list_model_get_n_items (products) > 0);
}

static void
on_product_search_changed (AttPurchaseOrderDialog *self)
{
  AttProductCache *cache = att_context_get_product_cache (self->context);
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (self->product_search));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  if (cache == NULL || *text == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->product_list), FALSE);
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  att_product_cache_search_products_async (cache, text, PRODUCT_MATCHES, self->search_cancellable,
                                           products_found_cb, self);
}

static void
on_product_row_activated (AttPurchaseOrderDialog *self,
                          GtkListBoxRow          *row)
{
  g_free (self->product_id);
  g_free (self->product_name);
  self->product_id = g_strdup (g_object_get_data (G_OBJECT (row), "att-product-id"));
  self->product_name = g_strdup (g_object_get_data (G_OBJECT (row), "att-product-name"));
  show_product (self);
  gtk_widget_set_visible (GTK_WIDGET (self->product_list), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->product_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->order_entry));
}

/* --- The fields ---------------------------------------------------------- */

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
fill_from_row (AttPurchaseOrderDialog *self)
{
  double           amount = att_purchase_order_row_get_amount_purchase (self->row);
  g_autofree char *amount_text = NULL;

  if (isfinite (amount))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      amount_text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", amount));
    }

  gtk_editable_set_text (GTK_EDITABLE (self->order_entry),
                         or_empty (att_purchase_order_row_get_purchase_order_id (self->row)));
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry),
                         or_empty (att_purchase_order_row_get_purchase_date (self->row)));
  gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), or_empty (amount_text));
  gtk_editable_set_text (GTK_EDITABLE (self->fem_entry), or_empty (att_purchase_order_row_get_fem_id (self->row)));
}

static void
att_purchase_order_dialog_constructed (GObject *object)
{
  AttPurchaseOrderDialog *self = ATT_PURCHASE_ORDER_DIALOG (object);

  G_OBJECT_CLASS (att_purchase_order_dialog_parent_class)->constructed (object);

  if (self->row != NULL)
    {
      g_free (self->product_id);
      g_free (self->product_name);
      self->product_id = g_strdup (att_purchase_order_row_get_product_id (self->row));
      self->product_name = g_strdup (att_purchase_order_row_get_product_name (self->row));
      fill_from_row (self);
    }

  gtk_window_set_title (GTK_WINDOW (self), self->row != NULL ? _ ("Edit Purchase Order") : _ ("Add Purchase Order"));
  gtk_widget_set_visible (GTK_WIDGET (self->product_search), self->row == NULL);
  show_product (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  att_purchase_order_dialog_save (ATT_PURCHASE_ORDER_DIALOG (widget));
}

static void
att_purchase_order_dialog_dispose (GObject *object)
{
  AttPurchaseOrderDialog *self = ATT_PURCHASE_ORDER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->search_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_PURCHASE_ORDER_DIALOG);

  G_OBJECT_CLASS (att_purchase_order_dialog_parent_class)->dispose (object);
}

static void
att_purchase_order_dialog_finalize (GObject *object)
{
  AttPurchaseOrderDialog *self = ATT_PURCHASE_ORDER_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->row);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->search_cancellable);
  g_free (self->product_id);
  g_free (self->product_name);

  G_OBJECT_CLASS (att_purchase_order_dialog_parent_class)->finalize (object);
}

static void
att_purchase_order_dialog_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  AttPurchaseOrderDialog *self = ATT_PURCHASE_ORDER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_ROW:
      self->row = g_value_dup_object (value);
      break;

    case PROP_PRODUCT_ID:
      self->product_id = g_value_dup_string (value);
      break;

    case PROP_PRODUCT_NAME:
      self->product_name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_purchase_order_dialog_class_init (AttPurchaseOrderDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags     flags = G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = att_purchase_order_dialog_constructed;
  object_class->dispose = att_purchase_order_dialog_dispose;
  object_class->finalize = att_purchase_order_dialog_finalize;
  object_class->set_property = att_purchase_order_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ATT_TYPE_CONTEXT, flags);
  properties[PROP_ROW] =
    g_param_spec_object ("row", NULL, NULL, ATT_TYPE_PURCHASE_ORDER_ROW, flags);
  properties[PROP_PRODUCT_ID] =
    g_param_spec_string ("product-id", NULL, NULL, NULL, flags);
  properties[PROP_PRODUCT_NAME] =
    g_param_spec_string ("product-name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AttPurchaseOrderDialog::saved:
   * @product: the server's copy of the product after the save
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ATT_TYPE_PRODUCT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-purchase-order-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrderDialog, general_error);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrderDialog, product_label);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrderDialog, product_error);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrderDialog, product_search);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrderDialog, product_list);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrderDialog, order_entry);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrderDialog, order_error);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrderDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrderDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrderDialog, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrderDialog, amount_error);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrderDialog, fem_entry);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrderDialog, fem_error);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrderDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrderDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_product_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_product_row_activated);

  gtk_widget_class_install_action (widget_class, "order.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
att_purchase_order_dialog_init (AttPurchaseOrderDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

/**
 * att_purchase_order_dialog_new:
 * @context: the services: the Higg client saves, the product cache finds
 *   products
 * @row: (nullable): the order to edit; %NULL to add one
 * @product_id: (nullable): when adding, the product to add to, until
 *   another is chosen
 * @product_name: (nullable): its name
 *
 * Returns: (transfer full): a new dialog, not shown yet
 */
GtkWidget *
att_purchase_order_dialog_new (AttContext          *context,
                               AttPurchaseOrderRow *row,
                               const char          *product_id,
                               const char          *product_name)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (row == NULL || ATT_IS_PURCHASE_ORDER_ROW (row), NULL);

  return g_object_new (ATT_TYPE_PURCHASE_ORDER_DIALOG,
                       "context", context,
                       "row", row,
                       "product-id", product_id,
                       "product-name", product_name,
                       NULL);
}

/**
 * att_purchase_order_dialog_get_product_id:
 *
 * Returns: (nullable): the product the order is added to or belongs to
 */
const char *
att_purchase_order_dialog_get_product_id (AttPurchaseOrderDialog *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER_DIALOG (self), NULL);

  return self->product_id;
}

void
att_purchase_order_dialog_emit_saved (AttPurchaseOrderDialog *self,
                                      AttProduct             *product)
{
  g_signal_emit (self, signals[SAVED], 0, product);
}
