/* att-products-page-editor.c: the product editor beside the list: New,
 * Edit, Duplicate, and what the window asks of the Products view
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

/* Beside the editor the list shows only names: the editor needs the room,
 * and the list stays in view on a wide window rather than folding away. */
static void
show_all_columns (AttProductsPage *self,
                  gboolean         all)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  GtkWidget  *scrolled = gtk_widget_get_parent (GTK_WIDGET (self->column_view));

  /* Alone, the table folds under the details rather than scroll
   * sideways; beside the editor it may scroll. */
  if (GTK_IS_SCROLLED_WINDOW (scrolled))
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                    all ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                    GTK_POLICY_AUTOMATIC);

  for (guint i = 1; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      gtk_column_view_column_set_visible (column, all);
    }
}

static void
close_editor (AttProductsPage *self)
{
  if (self->editor == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->editor, self);
  self->editor = NULL;
  adw_bin_set_child (self->editor_bin, NULL);
  show_all_columns (self, TRUE);
  gtk_stack_set_visible_child_name (self->content_stack, "details");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_editor_closed (AttProductsPage  *self,
                  AttProductEditor *editor)
{
  close_editor (self);
}

static void
on_editor_saved (AttProductsPage  *self,
                 AttProduct       *product,
                 AttProductEditor *editor)
{
  att_product_details_set_product (self->details, product);
  close_editor (self);
}

static void
show_editor (AttProductsPage *self,
             AttProductEdit  *edit,
             const char      *draft_id,
             const char      *save_error)
{
  GtkWidget *editor = att_product_editor_new (self->context, edit, draft_id);

  self->editor = ATT_PRODUCT_EDITOR (editor);
  g_signal_connect_object (editor, "closed", G_CALLBACK (on_editor_closed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->editor_bin, editor);
  show_all_columns (self, FALSE);
  att_products_page_show_content (self, "editor");
  if (save_error != NULL)
    att_product_editor_show_save_error (self->editor, save_error);
  att_product_editor_focus_field (self->editor, "name");
}

typedef struct
{
  AttProductsPage *page;
  AttProductEdit  *edit;
  char            *draft_id;
  char            *save_error;
} PendingOpen;

static void
pending_open_free (PendingOpen *open)
{
  g_object_unref (open->page);
  g_object_unref (open->edit);
  g_free (open->draft_id);
  g_free (open->save_error);
  g_free (open);
}

static void
on_previous_closed (AttProductEditor *editor,
                    gboolean          may_close,
                    gpointer          user_data)
{
  PendingOpen *open = user_data;

  if (may_close && open->page->editor == editor)
    {
      close_editor (open->page);
      show_editor (open->page, open->edit, open->draft_id, open->save_error);
    }
  pending_open_free (open);
}

/**
 * att_products_page_open_editor:
 * @draft_id: (nullable): the draft the edits come from
 * @save_error: (nullable): why they could not be saved last time
 *
 * Opens one editor on @edit; one already open is closed first, once the
 * user said what to do with its edits (they stay as a draft).
 */
void
att_products_page_open_editor (AttProductsPage *self,
                               AttProductEdit  *edit,
                               const char      *draft_id,
                               const char      *save_error)
{
  PendingOpen *open;

  if (self->editor == NULL)
    {
      show_editor (self, edit, draft_id, save_error);
      return;
    }
  open = g_new0 (PendingOpen, 1);
  open->page = g_object_ref (self);
  open->edit = g_object_ref (edit);
  open->draft_id = g_strdup (draft_id);
  open->save_error = g_strdup (save_error);
  att_product_editor_ask_close (self->editor, TRUE, on_previous_closed, open);
}

/* Products by id: the selected one at once, others from the server. */

typedef void (*ProductFunc) (AttProductsPage *self,
                             AttProduct      *product,
                             gpointer         user_data);

typedef struct
{
  AttProductsPage *page;
  ProductFunc      func;
  gpointer         user_data;
  GDestroyNotify   destroy;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  if (fetch->destroy != NULL)
    fetch->destroy (fetch->user_data);
  g_object_unref (fetch->page);
  g_free (fetch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fetch, fetch_free)

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(AdwToast) toast = NULL;
  GtkWidget *window;

  product = att_higg_client_get_product_finish (ATT_HIGG_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (product != NULL)
    {
      fetch->func (fetch->page, product, fetch->user_data);
      return;
    }

  /* The window's toast overlay says why nothing opened. */
  window = gtk_widget_get_ancestor (GTK_WIDGET (fetch->page), ADW_TYPE_TOAST_OVERLAY);
  toast = adw_toast_new_format (_ ("Could not open the product: %s"), error->message);
  if (window != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (window), g_steal_pointer (&toast));
  else
    g_warning ("Could not open the product: %s", error->message);
}

static void
with_product (AttProductsPage *self,
              const char      *id,
              ProductFunc      func,
              gpointer         user_data,
              GDestroyNotify   destroy)
{
  AttProduct *selected = att_products_page_get_selected (self);
  Fetch      *fetch;

  if (selected != NULL && g_strcmp0 (att_product_get_id (selected), id) == 0)
    {
      func (self, selected, user_data);
      if (destroy != NULL)
        destroy (user_data);
      return;
    }
  fetch = g_new0 (Fetch, 1);
  fetch->page = g_object_ref (self);
  fetch->func = func;
  fetch->user_data = user_data;
  fetch->destroy = destroy;
  att_higg_client_get_product_async (att_context_get_higg_client (self->context), id,
                                     self->cancellable, fetched_cb, fetch);
}

static void
edit_product (AttProductsPage *self,
              AttProduct      *product,
              gpointer         user_data)
{
  g_autoptr(AttProductEdit) edit = att_product_edit_new_for_product (product);

  att_products_page_open_editor (self, edit, NULL, NULL);
}

/* The position of the product @id among the loaded rows, or
 * GTK_INVALID_LIST_POSITION. */
static guint
find_loaded (AttProductsPage *self,
             const char      *id)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttProduct) product = NULL;

      if (!att_paged_model_is_item_loaded (self->model, i))
        continue;
      product = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      if (g_strcmp0 (att_product_get_id (product), id) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/**
 * att_products_page_select_shown:
 *
 * Selects the product asked for by show_product() once its row is loaded,
 * so that the list and the details agree (and details filled in later,
 * after the first rows are painted, show it, not the first row).
 */
void
att_products_page_select_shown (AttProductsPage *self)
{
  guint position;

  if (self->shown_id == NULL)
    return;
  position = find_loaded (self, self->shown_id);

  /* Not among the first rows: it stays shown in the details only, and the
   * selection is not made to jump when its page comes in later. */
  if (position == GTK_INVALID_LIST_POSITION && self->model != NULL &&
      att_paged_model_get_loaded (self->model))
    g_clear_pointer (&self->shown_id, g_free);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  g_clear_pointer (&self->shown_id, g_free);
  if (self->first_rows != NULL)
    gtk_slice_list_model_set_size (self->first_rows, G_MAXUINT);
  gtk_single_selection_set_selected (self->selection, position);
}

static void
show_product (AttProductsPage *self,
              AttProduct      *product,
              gpointer         user_data)
{
  g_free (self->shown_id);
  self->shown_id = g_strdup (att_product_get_id (product));
  att_products_page_select_shown (self);
  att_product_details_set_product (self->details, product);
  if (self->editor == NULL)
    att_products_page_show_content (self, "details");
}

static gboolean
is_in_list (AttProductsPage *self,
            const char      *id)
{
  return find_loaded (self, id) != GTK_INVALID_LIST_POSITION;
}

/* A product saved anywhere replaces its row; a new one is searched for
 * again, where the server puts it. */
static void
on_product_saved (AttProductsPage *self,
                  AttProduct      *product,
                  AttContext      *context)
{
  const char *id = att_product_get_id (product);

  g_hash_table_replace (self->saved, g_strdup (id), g_object_ref (product));
  if (is_in_list (self, id))
    att_products_page_replace_rows (self);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "products.reload", NULL);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  att_products_page_new_product (ATT_PRODUCTS_PAGE (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttProductsPage *self = ATT_PRODUCTS_PAGE (widget);
  AttProduct      *selected = att_products_page_get_selected (self);

  if (selected != NULL)
    edit_product (self, selected, NULL);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AttProductsPage *self = ATT_PRODUCTS_PAGE (widget);
  AttProduct      *selected = att_products_page_get_selected (self);
  g_autoptr(AttProductEdit) edit = NULL;

  if (selected == NULL)
    return;
  edit = att_product_edit_new_duplicate (selected);
  att_products_page_open_editor (self, edit, NULL, NULL);
}

static void
on_row_activated (AttProductsPage *self,
                  guint            position,
                  GtkColumnView   *view)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "products.edit", NULL);
}

static void
update_actions (AttProductsPage *self)
{
  gboolean has_selection = att_products_page_get_selected (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.edit", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.duplicate", has_selection);
}

void
att_products_page_install_editor_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "products.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "products.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "products.duplicate", NULL, duplicate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "products.new", NULL);
}

void
att_products_page_editor_init (AttProductsPage *self)
{
  g_signal_connect_object (self->context, "product-saved", G_CALLBACK (on_product_saved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (on_row_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
}

void
att_products_page_editor_dispose (AttProductsPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->editor = NULL;
}

/* Public API */

void
att_products_page_new_product (AttProductsPage *self)
{
  g_autoptr(AttProductEdit) edit = NULL;

  g_return_if_fail (ATT_IS_PRODUCTS_PAGE (self));

  edit = att_product_edit_new ();
  att_products_page_open_editor (self, edit, NULL, NULL);
}

void
att_products_page_show_product (AttProductsPage *self,
                                const char      *id)
{
  g_return_if_fail (ATT_IS_PRODUCTS_PAGE (self));
  g_return_if_fail (id != NULL);

  with_product (self, id, show_product, NULL, NULL);
}

void
att_products_page_edit_product (AttProductsPage *self,
                                const char      *id)
{
  g_return_if_fail (ATT_IS_PRODUCTS_PAGE (self));
  g_return_if_fail (id != NULL);

  if (self->editor != NULL &&
      g_strcmp0 (att_product_edit_get_product_id (att_product_editor_get_edit (self->editor)), id) == 0)
    {
      att_products_page_show_content (self, "editor");
      return;
    }
  with_product (self, id, edit_product, NULL, NULL);
}

typedef struct
{
  char *kind;
  char *id;
  char *name;
} Item;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->kind);
  g_free (item->id);
  g_free (item->name);
  g_free (item);
}

static void
edit_product_with_item (AttProductsPage *self,
                        AttProduct      *product,
                        gpointer         user_data)
{
  Item *item = user_data;

  edit_product (self, product, NULL);
  if (self->editor != NULL)
    att_product_editor_add_item (self->editor, item->kind, item->id, item->name);
}

static void
on_product_picked (AttProductsPage *self,
                   AttProduct      *product,
                   gpointer         user_data)
{
  edit_product_with_item (self, product, user_data);
}

void
att_products_page_add_to_product (AttProductsPage *self,
                                  const char      *kind,
                                  const char      *id,
                                  const char      *name)
{
  Item            *item;
  g_autofree char *title = NULL;

  g_return_if_fail (ATT_IS_PRODUCTS_PAGE (self));
  g_return_if_fail (kind != NULL && id != NULL);

  if (self->editor != NULL)
    {
      att_product_editor_add_item (self->editor, kind, id, name);
      att_products_page_show_content (self, "editor");
      return;
    }
  item = g_new0 (Item, 1);
  item->kind = g_strdup (kind);
  item->id = g_strdup (id);
  item->name = g_strdup (name);
  title = g_strdup_printf (_ ("Add “%s” to…"), name != NULL ? name : id);
  att_products_page_pick_product (self, title, on_product_picked, item, item_free);
}

/**
 * att_products_page_get_editor:
 *
 * Returns: (transfer none) (nullable): the open editor
 */
GtkWidget *
att_products_page_get_editor (AttProductsPage *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCTS_PAGE (self), NULL);

  return GTK_WIDGET (self->editor);
}

typedef struct
{
  AttProductsPage *page;
  AttPageCloseFunc func;
  gpointer         user_data;
} PageClose;

static void
on_editor_may_close (AttProductEditor *editor,
                     gboolean          may_close,
                     gpointer          user_data)
{
  PageClose *close = user_data;

  close->func (close->page, may_close, close->user_data);
  g_object_unref (close->page);
  g_free (close);
}

void
att_products_page_ask_close (AttProductsPage *self,
                             AttPageCloseFunc func,
                             gpointer         user_data)
{
  PageClose *close;

  g_return_if_fail (ATT_IS_PRODUCTS_PAGE (self));

  if (self->editor == NULL)
    {
      func (self, TRUE, user_data);
      return;
    }
  close = g_new0 (PageClose, 1);
  close->page = g_object_ref (self);
  close->func = func;
  close->user_data = user_data;
  att_product_editor_ask_close (self->editor, TRUE, on_editor_may_close, close);
}
