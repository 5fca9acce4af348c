/* att-pm-product-picker.c: choose Product Module products, searching by
 * name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-context.h"
#include "att-higg-client.h"
#include "att-page.h"
#include "att-pm-product-picker.h"
#include "att-pm-product.h"

/* PM search by name (api-higg.md §4.1), a page of matches at a time; a
 * product checked stays checked whatever is searched next, so products
 * found by different searches can be chosen together. */

/* How many matches are shown: enough to scroll, few enough that typing
 * narrows them rather than scrolling through thousands. */
#define PAGE_SIZE 50

struct _AttPmProductPicker
{
  AdwWindow       parent_instance;

  AttContext     *context;
  GListStore     *selected; /* of AttPmProduct, in the order chosen */
  GCancellable   *cancellable;

  AdwWindowTitle *window_title;
  GtkWidget      *accept_button;
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkListBox     *list_box;
  GtkLabel       *more_label;
  AdwStatusPage  *status_page;
  GtkWidget      *retry_button;
};

G_DEFINE_FINAL_TYPE (AttPmProductPicker, att_pm_product_picker, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- What is chosen ------------------------------------------------------ */

static gboolean
find_selected (AttPmProductPicker *self,
               const char         *id,
               guint              *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selected));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (G_LIST_MODEL (self->selected), i);

      if (g_strcmp0 (att_pm_product_get_id (product), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
show_count (AttPmProductPicker *self)
{
  guint            n = g_list_model_get_n_items (G_LIST_MODEL (self->selected));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product chosen",
                                                        "%u products chosen", n),
                                           n);

  adw_window_title_set_subtitle (self->window_title, text);
}

static void
on_check_toggled (GtkCheckButton     *check,
                  AttPmProductPicker *self)
{
  AttPmProduct *product = g_object_get_data (G_OBJECT (check), "att-product");
  guint         position;
  gboolean      found = find_selected (self, att_pm_product_get_id (product), &position);

  if (gtk_check_button_get_active (check) && !found)
    g_list_store_append (self->selected, product);
  else if (!gtk_check_button_get_active (check) && found)
    g_list_store_remove (self->selected, position);
  show_count (self);
}

/* --- Results -------------------------------------------------------------- */

static GtkWidget *
product_row_new (AttPmProductPicker *self,
                 AttPmProduct       *product)
{
  GtkWidget  *row = adw_action_row_new ();
  GtkWidget  *check = gtk_check_button_new ();
  const char *model = att_pm_product_get_model_number (product);
  const char *name = att_pm_product_get_name (product);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : att_pm_product_get_id (product));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (model != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), model);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               find_selected (self, att_pm_product_get_id (product), NULL));
  g_object_set_data_full (G_OBJECT (check), "att-product", g_object_ref (product), g_object_unref);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static void
show_status (AttPmProductPicker *self,
             const char         *title,
             const char         *description,
             gboolean            can_retry)
{
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_visible (self->retry_button, can_retry);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
show_page (AttPmProductPicker *self,
           AttPage            *page)
{
  GListModel *items = att_page_get_items (page);
  guint       n = g_list_model_get_n_items (items);
  GtkWidget  *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  if (n == 0)
    {
      show_status (self, _ ("No Products Found"), _ ("No product’s name contains these words."), FALSE);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (items, i);

      gtk_list_box_append (self->list_box, product_row_new (self, product));
    }
  if (att_page_get_total (page) > n)
    {
      g_autofree char *more = g_strdup_printf (_ ("The first %u of %u products: type more of a name to find the others."),
                                               n, att_page_get_total (page));

      gtk_label_set_label (self->more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), att_page_get_total (page) > n);
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
searched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AttPmProductPicker *self = user_data;
  g_autoptr(AttPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = att_higg_client_search_pm_products_finish (ATT_HIGG_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (page == NULL)
    show_status (self, _ ("Could Not Search"), error->message, TRUE);
  else
    show_page (self, page);
}

static void
search (AttPmProductPicker *self)
{
  AttHiggClient    *client = att_context_get_higg_client (self->context);
  g_autofree char  *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  AttPmSearchFilter filter = { 0 };

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (client == NULL)
    {
      show_status (self, _ ("Could Not Search"), _ ("No account is connected."), FALSE);
      return;
    }
  self->cancellable = g_cancellable_new ();
  filter.name = *text != '\0' ? text : NULL;
  att_higg_client_search_pm_products_async (client, &filter, 0, PAGE_SIZE, self->cancellable,
                                            searched_cb, self);
}

static void
on_search_changed (AttPmProductPicker *self)
{
  search (self);
}

/* --- Actions and the GObject ----------------------------------------------- */

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttPmProductPicker *self = ATT_PM_PRODUCT_PICKER (widget);

  g_signal_emit (self, signals[CHOSEN], 0, self->selected);
  gtk_window_close (GTK_WINDOW (self));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  search (ATT_PM_PRODUCT_PICKER (widget));
}

static void
att_pm_product_picker_dispose (GObject *object)
{
  AttPmProductPicker *self = ATT_PM_PRODUCT_PICKER (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_PM_PRODUCT_PICKER);

  G_OBJECT_CLASS (att_pm_product_picker_parent_class)->dispose (object);
}

static void
att_pm_product_picker_finalize (GObject *object)
{
  AttPmProductPicker *self = ATT_PM_PRODUCT_PICKER (object);

  g_clear_object (&self->context);
  g_clear_object (&self->selected);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (att_pm_product_picker_parent_class)->finalize (object);
}

static void
att_pm_product_picker_class_init (AttPmProductPickerClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_pm_product_picker_dispose;
  object_class->finalize = att_pm_product_picker_finalize;

  /**
   * AttPmProductPicker::chosen:
   * @products: (element-type AttPmProduct): the products checked, in the
   *   order they were checked
   */
  signals[CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_LIST_MODEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-pm-product-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, AttPmProductPicker, window_title);
  gtk_widget_class_bind_template_child (widget_class, AttPmProductPicker, accept_button);
  gtk_widget_class_bind_template_child (widget_class, AttPmProductPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AttPmProductPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, AttPmProductPicker, list_box);
  gtk_widget_class_bind_template_child (widget_class, AttPmProductPicker, more_label);
  gtk_widget_class_bind_template_child (widget_class, AttPmProductPicker, status_page);
  gtk_widget_class_bind_template_child (widget_class, AttPmProductPicker, retry_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_install_action (widget_class, "picker.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "picker.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
att_pm_product_picker_init (AttPmProductPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->selected = g_list_store_new (ATT_TYPE_PM_PRODUCT);
}

/**
 * att_pm_product_picker_new:
 * @context: the services: the Higg client searches
 * @parent: (nullable): the window the picker belongs to
 * @title: the window's title ("Products to Attach")
 * @accept_label: the label, with a mnemonic, of the button that accepts
 *   ("_Attach")
 * @selected: (nullable) (element-type AttPmProduct): the products checked
 *   at first
 *
 * Returns: (transfer full): a modal picker, searching at once for every
 *   product; not shown yet
 */
GtkWidget *
att_pm_product_picker_new (AttContext *context,
                           GtkWindow  *parent,
                           const char *title,
                           const char *accept_label,
                           GListModel *selected)
{
  AttPmProductPicker *self;

  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (title != NULL && accept_label != NULL, NULL);

  self = g_object_new (ATT_TYPE_PM_PRODUCT_PICKER, "transient-for", parent, "title", title, NULL);
  self->context = g_object_ref (context);
  adw_window_title_set_title (self->window_title, title);
  gtk_button_set_label (GTK_BUTTON (self->accept_button), accept_label);
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
  for (guint i = 0; selected != NULL && i < g_list_model_get_n_items (selected); i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (selected, i);

      g_list_store_append (self->selected, product);
    }
  show_count (self);
  search (self);
  return GTK_WIDGET (self);
}

/**
 * att_pm_product_picker_get_selected:
 *
 * Returns: (transfer none): the products checked (of #AttPmProduct)
 */
GListModel *
att_pm_product_picker_get_selected (AttPmProductPicker *self)
{
  g_return_val_if_fail (ATT_IS_PM_PRODUCT_PICKER (self), NULL);

  return G_LIST_MODEL (self->selected);
}
