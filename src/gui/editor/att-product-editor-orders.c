/* att-product-editor-orders.c: the purchase orders, one row each, a page
 * of them at a time: a product may have hundreds, and GTK 4.8's list view
 * makes a row for up to 200 items at once, on screen or not, which would
 * be thousands of widgets to make and lay out on every keystroke
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-after-paint.h"
#include "att-json.h"
#include "att-product-editor-private.h"

#define LIST ATT_PRODUCT_EDIT_PURCHASE_ORDERS

/* Orders per page: a few hundred widgets. */
#define ORDERS_PER_PAGE 10

/* About the height of a row, for the room kept for a page of them until
 * the list view makes its rows. */
#define ROW_HEIGHT_ESTIMATE 46

typedef enum {
  COLUMN_ORDER_ID,
  COLUMN_DATE,
  COLUMN_AMOUNT,
  COLUMN_FEM_ID,
  N_COLUMNS
} Column;

static const struct
{
  const char *member;
  const char *placeholder;
  int         width_chars;
} columns[N_COLUMNS] = {
  { "purchaseOrderId", N_ ("Order ID"), 6 },
  { "purchaseDate", N_ ("Date (YYYY-MM-DD)"), 6 },
  { "amountPurchase", N_ ("Amount"), 4 },
  { "femId", N_ ("FEM ID"), 4 },
};

static guint
row_position (GtkWidget *widget)
{
  GtkListItem      *item = g_object_get_data (G_OBJECT (widget), "att-list-item");
  AttProductEditor *self = g_object_get_data (G_OBJECT (widget), "att-editor");

  if (item == NULL || gtk_list_item_get_position (item) == GTK_INVALID_LIST_POSITION)
    return GTK_INVALID_LIST_POSITION;
  return gtk_slice_list_model_get_offset (self->order_page) + gtk_list_item_get_position (item);
}

static JsonNode *
read_cell (AttProductEditor *self,
           guint             position,
           Column            column)
{
  JsonObject *order = att_product_edit_get_item (self->edit, LIST, position);
  JsonObject *assembly;

  if (order == NULL)
    return NULL;
  if (column != COLUMN_FEM_ID)
    return json_object_get_member (order, columns[column].member);
  assembly = att_json_get_object (order, "assembly", NULL, FALSE, NULL);
  return assembly != NULL ? json_object_get_member (assembly, "femId") : NULL;
}

static char *
cell_text (JsonNode *node,
           Column    column)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return att_product_editor_format_number (node);
}

/* The FEM id lives in the order's `assembly` object. */
static JsonNode *
assembly_with_fem_id (const char *text)
{
  g_autoptr(JsonObject) assembly = NULL;

  if (*text == '\0')
    return NULL;
  assembly = json_object_new ();
  json_object_set_string_member (assembly, "femId", text);
  return att_json_object_to_node (assembly);
}

static void
on_cell_changed (GtkEditable      *editable,
                 AttProductEditor *self)
{
  GtkWidget       *row = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (editable)));
  guint            position = row_position (row);
  Column           column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editable), "att-column"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  g_autofree char *path = NULL;
  JsonNode        *value = NULL;
  double           amount;

  if (self->updating > 0 || position == GTK_INVALID_LIST_POSITION)
    return;

  path = g_strdup_printf ("%s[%u].%s", LIST, position, columns[column].member);
  g_hash_table_remove (self->input_errors, path);
  if (column == COLUMN_FEM_ID)
    value = assembly_with_fem_id (text);
  else if (column != COLUMN_AMOUNT)
    value = *text != '\0' ? json_node_init_string (json_node_alloc (), text) : NULL;
  else if (att_product_editor_parse_number (text, &amount))
    value = json_node_init_double (json_node_alloc (), amount);
  else if (*text != '\0')
    {
      g_hash_table_insert (self->input_errors, g_steal_pointer (&path),
                           g_strdup (_ ("Enter a number, such as 12.5")));
      att_product_editor_queue_validate (self);
      return;
    }

  att_product_edit_set_item_member (self->edit, LIST, position,
                                    column == COLUMN_FEM_ID ? "assembly" : columns[column].member,
                                    value);
  g_clear_pointer (&value, json_node_unref);
}

static void
on_remove_clicked (GtkButton        *button,
                   AttProductEditor *self)
{
  guint position = row_position (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (button))));

  /* The row goes first, at its place: the rows after it keep their
   * widgets, which show the orders that move up. */
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_string_list_remove (self->order_rows, position);
  att_product_edit_remove_item (self->edit, LIST, position);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           AttProductEditor         *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *cells = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *message = gtk_label_new (NULL);

  for (Column column = 0; column < N_COLUMNS; column++)
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ (columns[column].placeholder));
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), columns[column].width_chars);
      gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
      gtk_widget_set_hexpand (entry, TRUE);
      if (column == COLUMN_AMOUNT)
        gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ (columns[column].placeholder), -1);
      g_object_set_data (G_OBJECT (entry), "att-column", GINT_TO_POINTER (column));
      g_signal_connect_object (entry, "changed", G_CALLBACK (on_cell_changed), self, 0);
      gtk_box_append (GTK_BOX (cells), entry);
    }
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _ ("Remove this purchase order"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Remove this purchase order"), -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  gtk_box_append (GTK_BOX (cells), remove);

  gtk_label_set_xalign (GTK_LABEL (message), 0.0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_widget_add_css_class (message, "caption");
  gtk_widget_set_visible (message, FALSE);
  gtk_box_append (GTK_BOX (row), cells);
  gtk_box_append (GTK_BOX (row), message);
  gtk_widget_add_css_class (row, "order-row");
  g_object_set_data (G_OBJECT (row), "att-list-item", item);
  g_object_set_data (G_OBJECT (row), "att-editor", self);
  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

/* The first problem of the order at @position, from the checks or the
 * server, if any. */
static const char *
order_problem (AttProductEditor *self,
               guint             position,
               gboolean         *is_error)
{
  g_autofree char *prefix = g_strdup_printf ("%s[%u]", LIST, position);
  const char      *message = att_product_editor_problem_for (self, prefix, is_error);

  for (Column column = 0; message == NULL && column < N_COLUMNS; column++)
    {
      g_autofree char *path = g_strdup_printf ("%s.%s", prefix, columns[column].member);

      message = att_product_editor_problem_for (self, path, is_error);
    }
  return message;
}

static void
show_row_problem (AttProductEditor *self,
                  GtkWidget        *row,
                  guint             position)
{
  GtkWidget  *message = gtk_widget_get_last_child (row);
  gboolean    is_error = FALSE;
  const char *text = order_problem (self, position, &is_error);

  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (message)), text != NULL ? text : "") != 0)
    gtk_label_set_label (GTK_LABEL (message), text != NULL ? text : "");
  gtk_widget_set_visible (message, text != NULL);
  gtk_widget_remove_css_class (message, is_error ? "warning" : "error");
  gtk_widget_add_css_class (message, is_error ? "error" : "warning");
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          AttProductEditor         *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *cells = gtk_widget_get_first_child (row);
  guint      position = row_position (row);
  Column     column = 0;

  self->updating++;
  for (GtkWidget *entry = gtk_widget_get_first_child (cells);
       entry != NULL && column < N_COLUMNS;
       entry = gtk_widget_get_next_sibling (entry), column++)
    {
      g_autofree char *text = cell_text (read_cell (self, position, column), column);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) != 0)
        gtk_editable_set_text (GTK_EDITABLE (entry), text);
    }
  self->updating--;
  show_row_problem (self, row, position);
}

/* Problems move with validation: the rows on screen show them anew. */
void
att_product_editor_orders_show_problems (AttProductEditor *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->orders_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      guint      position = row != NULL ? row_position (row) : GTK_INVALID_LIST_POSITION;

      if (position != GTK_INVALID_LIST_POSITION)
        show_row_problem (self, row, position);
    }
}

static void
update_pager (AttProductEditor *self)
{
  guint            n = g_list_model_get_n_items (G_LIST_MODEL (self->order_rows));
  guint            offset = gtk_slice_list_model_get_offset (self->order_page);
  g_autofree char *range = NULL;

  gtk_widget_set_visible (self->orders_pager, n > ORDERS_PER_PAGE);
  range = g_strdup_printf (_ ("%u–%u of %u"), offset + 1, MIN (offset + ORDERS_PER_PAGE, n), n);
  gtk_label_set_label (self->orders_range, range);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.orders-previous", offset > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.orders-next", offset + ORDERS_PER_PAGE < n);
}

/* @delta pages on (or back), within the list. */
void
att_product_editor_orders_show_page (AttProductEditor *self,
                                     int               delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->order_rows));
  int   offset = (int) gtk_slice_list_model_get_offset (self->order_page) + delta * ORDERS_PER_PAGE;
  int   last = n > 0 ? (int) ((n - 1) / ORDERS_PER_PAGE * ORDERS_PER_PAGE) : 0;

  gtk_slice_list_model_set_offset (self->order_page, (guint) CLAMP (offset, 0, last));
  update_pager (self);
}

/* The page with the last order: where a new one is. */
void
att_product_editor_orders_show_last (AttProductEditor *self)
{
  att_product_editor_orders_show_page (self, G_MAXINT / ORDERS_PER_PAGE / 2);
}

/* Until the list view has its model it makes no rows: it keeps about
 * their room instead, so that the scrollbar does not jump when they
 * come. */
static void
keep_room (AttProductEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->order_page));

  gtk_widget_set_size_request (GTK_WIDGET (self->orders_view), -1, (int) n * ROW_HEIGHT_ESTIMATE);
}

/**
 * att_product_editor_orders_load:
 * @whole: the whole state was replaced (undo, a draft): every row anew
 *
 * Makes the list as long as the edit's; rows already there keep their
 * widgets (and the focus) unless @whole.
 */
void
att_product_editor_orders_load (AttProductEditor *self,
                                gboolean          whole)
{
  guint n = att_product_edit_get_n_items (self->edit, LIST);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->order_rows));

  if (whole)
    {
      gtk_string_list_splice (self->order_rows, 0, shown, NULL);
      shown = 0;
    }
  if (n > shown)
    {
      g_autofree const char **more = g_new0 (const char *, n - shown + 1);

      for (guint i = 0; i < n - shown; i++)
        more[i] = "";
      gtk_string_list_splice (self->order_rows, shown, 0, more);
    }
  else if (n < shown)
    gtk_string_list_splice (self->order_rows, n, shown - n, NULL);
  /* A page emptied by removals shows the one before. */
  att_product_editor_orders_show_page (self, 0);
  if (n > 0 && gtk_slice_list_model_get_offset (self->order_page) >= n)
    att_product_editor_orders_show_last (self);
  gtk_stack_set_visible_child_name (self->orders_stack, n > 0 ? "list" : "empty");
  if (gtk_list_view_get_model (self->orders_view) == NULL)
    keep_room (self);
}

/**
 * att_product_editor_orders_ensure:
 *
 * Gives the list view its model now if it is still waiting for the frame
 * after the first: whoever wants an order's widgets (the focus, a new
 * order) asks for them first.
 */
void
att_product_editor_orders_ensure (AttProductEditor *self)
{
  GtkNoSelection *selection;

  if (gtk_list_view_get_model (self->orders_view) != NULL || self->order_page == NULL)
    return;
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->order_page)));
  gtk_widget_set_size_request (GTK_WIDGET (self->orders_view), -1, -1);
  gtk_list_view_set_model (self->orders_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

static void
attach_after_paint (GtkWidget *widget,
                    gpointer   user_data)
{
  att_product_editor_orders_ensure (ATT_PRODUCT_EDITOR (widget));
}

/* A page of orders is some 200 widgets to make, style and lay out, below
 * the fold: they come in an idle after the editor's first frame. */
void
att_product_editor_orders_init (AttProductEditor *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->order_rows = gtk_string_list_new (NULL);
  self->order_page = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->order_rows)), 0, ORDERS_PER_PAGE);
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  gtk_list_view_set_factory (self->orders_view, factory);
  g_object_unref (factory);
  att_widget_idle_after_next_paint (GTK_WIDGET (self), attach_after_paint, NULL);
}
