/* att-products-page-select.c: selection mode in the Products view,
 * publishing the checked products to the French portal and saving their
 * labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-paged-model.h"
#include "att-product.h"
#include "att-products-page-private.h"
#include "eco/att-label-export-window.h"
#include "eco/att-publish-dialog.h"

/* The product a row's check stands for, while the row is bound. */
#define PRODUCT_KEY "att-product"

/* The checks are kept by product id, not by row: the list pages from the
 * server, and a row's product may come and go while it stays checked. */
static gboolean
is_checked (AttProductsPage *self,
            const char      *id)
{
  return id != NULL && g_hash_table_contains (self->checked_names, id);
}

static AttProduct *
product_of_check (GtkCheckButton *check)
{
  AttProduct *product = g_object_get_data (G_OBJECT (check), PRODUCT_KEY);

  return product != NULL && !att_product_is_placeholder (product) ? product : NULL;
}

static void
update_selection_bar (AttProductsPage *self)
{
  guint            n = self->checked_ids->len;
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", n), n);
  gtk_label_set_label (self->selected_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.publish", self->selecting && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.save-labels", self->selecting && n > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->publish_button),
                               n > 0 ? NULL : _ ("Select the products to publish first"));
}

static void
set_checked (AttProductsPage *self,
             AttProduct      *product,
             gboolean         checked)
{
  const char *id = att_product_get_id (product);
  guint       index;

  if (checked == is_checked (self, id))
    return;
  if (checked)
    {
      g_ptr_array_add (self->checked_ids, g_strdup (id));
      g_hash_table_insert (self->checked_names, g_strdup (id), g_strdup (att_product_get_name (product)));
    }
  else
    {
      g_hash_table_remove (self->checked_names, id);
      if (g_ptr_array_find_with_equal_func (self->checked_ids, id, g_str_equal, &index))
        g_ptr_array_remove_index (self->checked_ids, index);
    }
}

static void
show_check (AttProductsPage *self,
            GtkCheckButton  *check)
{
  AttProduct *product = product_of_check (check);
  const char *name = product != NULL ? att_product_get_name (product) : NULL;

  g_signal_handlers_block_matched (check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_check_button_set_active (check, product != NULL && is_checked (self, att_product_get_id (product)));
  g_signal_handlers_unblock_matched (check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_widget_set_sensitive (GTK_WIDGET (check), product != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name != NULL ? name : _ ("Product not loaded yet"), -1);
}

/* After checks change other than by a click: every check on screen shows
 * its product's state again. */
static void
show_checks (AttProductsPage *self)
{
  GHashTableIter iter;
  gpointer       check;

  g_hash_table_iter_init (&iter, self->check_widgets);
  while (g_hash_table_iter_next (&iter, &check, NULL))
    show_check (self, check);
  update_selection_bar (self);
}

static void
on_check_toggled (GtkCheckButton  *check,
                  AttProductsPage *self)
{
  AttProduct *product = product_of_check (check);

  if (product != NULL)
    set_checked (self, product, gtk_check_button_get_active (check));
  update_selection_bar (self);
}

static void
on_check_finalized (gpointer data,
                    GObject *check)
{
  AttProductsPage *self = data;

  g_hash_table_remove (self->check_widgets, check);
}

/* Rows go with their list items, which may outlive neither the page nor
 * a reload: the page keeps weak references to their checks. */
static void
setup_check (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AttProductsPage          *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, 0);
  g_object_weak_ref (G_OBJECT (check), on_check_finalized, self);
  g_hash_table_add (self->check_widgets, check);
  gtk_list_item_set_child (item, check);
}

static void
bind_check (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            AttProductsPage          *self)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_list_item_get_child (item));
  AttProduct     *product = gtk_list_item_get_item (item);

  g_object_set_data_full (G_OBJECT (check), PRODUCT_KEY, product != NULL ? g_object_ref (product) : NULL,
                          g_object_unref);
  show_check (self, check);
}

static void
unbind_check (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              AttProductsPage          *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), PRODUCT_KEY, NULL);
}

static void
make_check_column (AttProductsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_check), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_check), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_check), self, 0);
  self->check_column = gtk_column_view_column_new (NULL, factory);
  gtk_column_view_column_set_fixed_width (self->check_column, 40);
}

/* Selection mode */

gboolean
att_products_page_get_selection_mode (AttProductsPage *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCTS_PAGE (self), FALSE);

  return self->selecting;
}

/**
 * att_products_page_set_selection_mode:
 *
 * Shows or hides the checks and the selection bar; leaving selection
 * mode unchecks every product.
 */
void
att_products_page_set_selection_mode (AttProductsPage *self,
                                      gboolean         selection_mode)
{
  g_return_if_fail (ATT_IS_PRODUCTS_PAGE (self));

  selection_mode = !!selection_mode;
  if (self->selecting == selection_mode)
    return;
  self->selecting = selection_mode;
  if (!selection_mode)
    {
      g_hash_table_remove_all (self->checked_names);
      g_ptr_array_set_size (self->checked_ids, 0);
    }
  /* The column is in the view only in selection mode: a hidden column
   * would still make a check for each of the rows GTK builds. */
  if (selection_mode)
    gtk_column_view_insert_column (self->column_view, 0, self->check_column);
  else
    gtk_column_view_remove_column (self->column_view, self->check_column);
  gtk_action_bar_set_revealed (self->selection_bar, selection_mode);
  if (selection_mode)
    gtk_widget_add_css_class (GTK_WIDGET (self->header_bar), "selection-mode");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->header_bar), "selection-mode");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.leave-selection", selection_mode);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.toggle-check", selection_mode);
  show_checks (self);
  g_object_notify (G_OBJECT (self), "selection-mode");
}

/**
 * att_products_page_get_checked_ids:
 *
 * Returns: (transfer full): the ids of the checked products, in the order
 *   they were checked
 */
GStrv
att_products_page_get_checked_ids (AttProductsPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ATT_IS_PRODUCTS_PAGE (self), NULL);

  for (guint i = 0; i < self->checked_ids->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->checked_ids, i));
  return g_strv_builder_end (builder);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AttProductsPage *self = ATT_PRODUCTS_PAGE (widget);
  guint            n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  att_products_page_set_selection_mode (self, TRUE);
  /* Only the rows already loaded: checking all would fetch every page. */
  for (guint i = 0; i < n; i++)
    if (att_paged_model_is_item_loaded (self->model, i))
      {
        g_autoptr(AttProduct) product = g_list_model_get_item (G_LIST_MODEL (self->model), i);

        if (!att_product_is_placeholder (product))
          set_checked (self, product, TRUE);
      }
  show_checks (self);
}

static void
leave_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  att_products_page_set_selection_mode (ATT_PRODUCTS_PAGE (widget), FALSE);
}

/* The check of the focused row, or the one focused. */
static GtkCheckButton *
find_check (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), PRODUCT_KEY) != NULL)
    return GTK_CHECK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *check = find_check (child);

      if (check != NULL)
        return check;
    }
  return NULL;
}

static void
toggle_check_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AttProductsPage *self = ATT_PRODUCTS_PAGE (widget);
  GtkWidget       *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkCheckButton  *check = NULL;

  /* Up to the row: above it, the search would find another row's check. */
  for (GtkWidget *w = focus; w != NULL && check == NULL && !GTK_IS_LIST_VIEW (w) &&
                             w != GTK_WIDGET (self->column_view);
       w = gtk_widget_get_parent (w))
    check = find_check (w);
  if (check != NULL && gtk_widget_get_sensitive (GTK_WIDGET (check)))
    gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

/* Publishing */

/* A copy: the checks may change while a window works on them. */
static GHashTable *
copy_checked_names (AttProductsPage *self)
{
  GHashTable    *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer       id, name;

  g_hash_table_iter_init (&iter, self->checked_names);
  while (g_hash_table_iter_next (&iter, &id, &name))
    g_hash_table_insert (names, g_strdup (id), g_strdup (name));
  return names;
}

static void
open_publish_dialog (AttProductsPage *self)
{
  g_auto(GStrv) ids = att_products_page_get_checked_ids (self);
  g_autoptr(GHashTable) names = copy_checked_names (self);
  AttPublishDialog *dialog;

  dialog = att_publish_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
                                   (const char *const *) ids, names);
  gtk_window_present (GTK_WINDOW (dialog));
  att_publish_dialog_start (dialog);
}

static void
on_publish_response (AdwMessageDialog *dialog,
                     const char       *response,
                     AttProductsPage  *self)
{
  if (g_strcmp0 (response, "publish") == 0)
    open_publish_dialog (self);
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AttProductsPage *self = ATT_PRODUCTS_PAGE (widget);
  guint            n = self->checked_ids->len;
  g_autofree char *body = NULL;
  GtkWidget       *dialog;

  if (n == 0)
    return;
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u product will be declared to the French portal for the "
                                       "environmental labelling of textiles. Products published in the "
                                       "last three months are skipped by the portal.",
                                       "%u products will be declared to the French portal for the "
                                       "environmental labelling of textiles. Products published in the "
                                       "last three months are skipped by the portal.",
                                       n),
                          n);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _ ("Publish to the French Portal?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _ ("_Cancel"),
                                    "publish", _ ("_Publish"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "publish",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "publish");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_publish_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saving labels */

static void
on_labels_folder (GtkNativeDialog *chooser,
                  int              response,
                  AttProductsPage *self)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_auto(GStrv) ids = NULL;
  g_autoptr(GHashTable) names = NULL;
  AttLabelExportWindow *window;

  if (response == GTK_RESPONSE_ACCEPT && folder != NULL)
    {
      ids = att_products_page_get_checked_ids (self);
      names = copy_checked_names (self);
      window = att_label_export_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
                                            (const char *const *) ids, names, folder);
      gtk_window_present (GTK_WINDOW (window));
      att_label_export_window_start (window);
    }
  g_object_unref (chooser);
}

static void
save_labels_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AttProductsPage      *self = ATT_PRODUCTS_PAGE (widget);
  GtkFileChooserNative *chooser;

  if (self->checked_ids->len == 0)
    return;
  chooser = gtk_file_chooser_native_new (_ ("Save Labels in Folder"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _ ("_Save"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* The reference made here keeps the chooser until its answer drops it. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_labels_folder), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
att_products_page_select_init (AttProductsPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  self->checked_ids = g_ptr_array_new_with_free_func (g_free);
  self->checked_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->check_widgets = g_hash_table_new (NULL, NULL);
  make_check_column (self);

  /* Before the rows see them: Space checks the focused row rather than
   * selecting it, and Ctrl+A checks them all rather than asking the
   * single selection to select all. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                                                          gtk_named_action_new ("products.toggle-check")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_a, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("products.select-all")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.leave-selection", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.toggle-check", FALSE);
  update_selection_bar (self);
}

void
att_products_page_select_dispose (AttProductsPage *self)
{
  GHashTableIter iter;
  gpointer       check;

  if (self->check_widgets != NULL)
    {
      g_hash_table_iter_init (&iter, self->check_widgets);
      while (g_hash_table_iter_next (&iter, &check, NULL))
        g_object_weak_unref (check, on_check_finalized, self);
    }
  g_clear_pointer (&self->check_widgets, g_hash_table_unref);
  g_clear_pointer (&self->checked_names, g_hash_table_unref);
  g_clear_pointer (&self->checked_ids, g_ptr_array_unref);
  g_clear_object (&self->check_column);
}

void
att_products_page_install_select_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "products.selection-mode", "selection-mode");
  gtk_widget_class_install_action (widget_class, "products.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "products.leave-selection", NULL, leave_selection_action);
  gtk_widget_class_install_action (widget_class, "products.toggle-check", NULL, toggle_check_action);
  gtk_widget_class_install_action (widget_class, "products.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "products.save-labels", NULL, save_labels_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "products.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "products.leave-selection", NULL);
}
