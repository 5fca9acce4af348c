/* att-purchase-orders-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-context.h"
#include "att-purchase-orders-page-private.h"
#include "att-validation.h"

/* There is no purchase-order list in the API, so this view reads the
 * account's product cache: it starts a refresh the first time it is shown
 * and lists what is stored so far, the list following each stored page
 * (at most a few times a second) and each saved product.  Filters and the
 * search narrow one query in a worker thread; a new query cancels the one
 * running. */

G_DEFINE_FINAL_TYPE (AttPurchaseOrdersPage, att_purchase_orders_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void        on_row_activated (AttPurchaseOrdersPage *self,
                                     guint                  position);

#define FILTER_DELAY_MS  150
#define CHANGED_DELAY_MS 400

/* --- Filters and queries ------------------------------------------------- */

/* A date filter applies once it is a real date; until then the entry says
 * it is not one, and is ignored. */
static char *
date_filter (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gboolean    valid = *text == '\0' || att_validate_date_string (text, NULL);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  return valid && *text != '\0' ? g_strdup (text) : NULL;
}

static char *
text_filter (GtkEditable *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static AttPurchaseOrderFilter *
build_filter (AttPurchaseOrdersPage *self)
{
  AttPurchaseOrderFilter *filter = att_purchase_order_filter_new ();

  filter->date_from = date_filter (self->from_entry);
  filter->date_to = date_filter (self->to_entry);
  filter->product = text_filter (GTK_EDITABLE (self->product_entry));
  filter->fem_id = text_filter (GTK_EDITABLE (self->fem_entry));
  filter->text = text_filter (GTK_EDITABLE (self->search_entry));
  filter->limit = ATT_PURCHASE_ORDERS_PAGE_LIMIT;
  return filter;
}

static gboolean
filter_is_empty (const AttPurchaseOrderFilter *filter)
{
  return filter->date_from == NULL && filter->date_to == NULL && filter->product == NULL &&
         filter->fem_id == NULL && filter->text == NULL;
}

static void
update_count (AttPurchaseOrdersPage *self,
              guint                  n)
{
  g_autofree char *text = NULL;

  if (n >= ATT_PURCHASE_ORDERS_PAGE_LIMIT)
    text = g_strdup_printf (_ ("The newest %u purchase orders; narrow the filters to see others"), n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u purchase order", "%u purchase orders", n), n);
  gtk_label_set_label (self->count_label, text);
}

/* Which page the stack shows, from the last result and the refresh. */
static void
update_stack (AttPurchaseOrdersPage *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint       n = model != NULL ? g_list_model_get_n_items (model) : 0;
  const char *name;

  if (gtk_stack_get_visible_child_name (self->list_stack) != NULL &&
      g_str_equal (gtk_stack_get_visible_child_name (self->list_stack), "error"))
    return;

  if (n > 0)
    name = "list";
  else if (!self->has_result || att_product_cache_get_refreshing (self->cache))
    name = "loading";
  else
    name = "empty";
  gtk_stack_set_visible_child_name (self->list_stack, name);
}

static void
query_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AttPurchaseOrdersPage *self = user_data;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = att_product_cache_query_purchase_orders_finish (ATT_PRODUCT_CACHE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->query_cancellable);
  if (rows == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      return;
    }

  self->has_result = TRUE;
  gtk_single_selection_set_model (self->selection, rows);
  update_count (self, g_list_model_get_n_items (rows));
  if (g_str_equal (gtk_stack_get_visible_child_name (self->list_stack), "error"))
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  update_stack (self);
  att_purchase_orders_page_update_actions (self);
}

static void
run_query (AttPurchaseOrdersPage *self)
{
  g_autoptr(AttPurchaseOrderFilter) filter = build_filter (self);

  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  self->query_cancellable = g_cancellable_new ();

  adw_status_page_set_description (self->empty_page,
                                   filter_is_empty (filter)
                                     ? _ ("None of the account’s products has a purchase order.")
                                     : _ ("No purchase order matches the filters."));
  att_product_cache_query_purchase_orders_async (self->cache, filter, self->query_cancellable,
                                                 query_done_cb, self);
}

static gboolean
query_timeout_cb (gpointer user_data)
{
  AttPurchaseOrdersPage *self = user_data;

  self->query_source = 0;
  run_query (self);
  return G_SOURCE_REMOVE;
}

/**
 * att_purchase_orders_page_schedule_query:
 *
 * Queries again after @delay_ms, unless a query is already scheduled.
 * The delay gathers keystrokes, and the pages of a running refresh.
 */
void
att_purchase_orders_page_schedule_query (AttPurchaseOrdersPage *self,
                                         guint                  delay_ms)
{
  if (self->cache == NULL || self->query_source != 0)
    return;
  self->query_source = g_timeout_add (delay_ms, query_timeout_cb, self);
}

static void
on_filter_changed (AttPurchaseOrdersPage *self)
{
  g_autofree char *from = date_filter (self->from_entry);
  g_autofree char *to = date_filter (self->to_entry);

  /* Read for their side effect: a date that is not one is marked as the
   * user types, not only when the query runs. */
  g_clear_handle_id (&self->query_source, g_source_remove);
  att_purchase_orders_page_schedule_query (self, FILTER_DELAY_MS);
}

static void
on_cache_changed (AttPurchaseOrdersPage *self)
{
  att_purchase_orders_page_schedule_query (self, CHANGED_DELAY_MS);
}

/* --- Refresh progress ---------------------------------------------------- */

/**
 * att_purchase_orders_page_show_refresh:
 *
 * Shows how far the refresh is, or why it failed, with Cancel or Retry.
 */
void
att_purchase_orders_page_show_refresh (AttPurchaseOrdersPage *self)
{
  guint            fetched = att_product_cache_get_fetched (self->cache);
  guint            total = att_product_cache_get_total (self->cache);
  gboolean         refreshing = att_product_cache_get_refreshing (self->cache);
  g_autofree char *text = NULL;

  gtk_revealer_set_reveal_child (self->progress_revealer, refreshing || self->refresh_error != NULL);
  if (refreshing)
    {
      if (total > 0)
        text = g_strdup_printf (_ ("Reading products from the server: %u of %u"), fetched, total);
      gtk_label_set_label (self->progress_label, text != NULL ? text : _ ("Reading products from the server…"));
      gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) fetched / total : 0.0);
      gtk_button_set_label (self->progress_button, _ ("_Cancel"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Cancel reading the products"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->progress_button), "purchase-orders.cancel-refresh");
    }
  else if (self->refresh_error != NULL)
    {
      text = g_strdup_printf (_ ("Could not read every product: %s"), self->refresh_error->message);
      gtk_label_set_label (self->progress_label, text);
      gtk_button_set_label (self->progress_button, _ ("_Retry"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Read the products again"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->progress_button), "purchase-orders.refresh");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), refreshing);
  update_stack (self);
  att_purchase_orders_page_update_actions (self);
}

static void
on_progress (AttPurchaseOrdersPage *self)
{
  att_purchase_orders_page_show_refresh (self);
}

/* --- The widget ---------------------------------------------------------- */

static void
start_once (AttPurchaseOrdersPage *self)
{
  if (self->started || self->cache == NULL)
    return;
  self->started = TRUE;
  run_query (self);
  att_purchase_orders_page_refresh (self);
}

static void
att_purchase_orders_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (att_purchase_orders_page_parent_class)->map (widget);

  /* The scan starts when the view is first shown, not at start-up. */
  start_once (ATT_PURCHASE_ORDERS_PAGE (widget));
}

static void
att_purchase_orders_page_constructed (GObject *object)
{
  AttPurchaseOrdersPage *self = ATT_PURCHASE_ORDERS_PAGE (object);

  G_OBJECT_CLASS (att_purchase_orders_page_parent_class)->constructed (object);

  if (self->context != NULL)
    self->cache = att_context_get_product_cache (self->context);
  if (self->cache == NULL)
    {
      adw_status_page_set_description (self->error_page, _ ("No account is connected."));
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      return;
    }

  g_object_ref (self->cache);
  g_signal_connect_object (self->cache, "changed", G_CALLBACK (on_cache_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cache, "notify::fetched", G_CALLBACK (on_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cache, "notify::refreshing", G_CALLBACK (on_progress), self, G_CONNECT_SWAPPED);
  att_purchase_orders_page_update_actions (self);
}

static void
att_purchase_orders_page_dispose (GObject *object)
{
  AttPurchaseOrdersPage *self = ATT_PURCHASE_ORDERS_PAGE (object);
  GtkWidget             *child;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->query_cancellable);
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_handle_id (&self->query_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_PURCHASE_ORDERS_PAGE);
  /* The template's root has no id, so unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (att_purchase_orders_page_parent_class)->dispose (object);
}

static void
att_purchase_orders_page_finalize (GObject *object)
{
  AttPurchaseOrdersPage *self = ATT_PURCHASE_ORDERS_PAGE (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->query_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_clear_error (&self->refresh_error);
  g_clear_object (&self->cache);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_purchase_orders_page_parent_class)->finalize (object);
}

static void
att_purchase_orders_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AttPurchaseOrdersPage *self = ATT_PURCHASE_ORDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_purchase_orders_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AttPurchaseOrdersPage *self = ATT_PURCHASE_ORDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_purchase_orders_page_class_init (AttPurchaseOrdersPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = att_purchase_orders_page_constructed;
  object_class->dispose = att_purchase_orders_page_dispose;
  object_class->finalize = att_purchase_orders_page_finalize;
  object_class->get_property = att_purchase_orders_page_get_property;
  object_class->set_property = att_purchase_orders_page_set_property;
  widget_class->map = att_purchase_orders_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Whether the window's sidebar is folded away: the page then shows a
   * back button and the window buttons. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-purchase-orders-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrdersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrdersPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrdersPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrdersPage, product_entry);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrdersPage, fem_entry);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrdersPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrdersPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrdersPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrdersPage, progress_button);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrdersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrdersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrdersPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrdersPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AttPurchaseOrdersPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  att_purchase_orders_page_install_actions (widget_class);
  gtk_widget_class_set_css_name (widget_class, "purchaseorderspage");
}

/* Enter or a double click: edit the order. */
static void
on_row_activated (AttPurchaseOrdersPage *self,
                  guint                  position)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  g_autoptr(AttPurchaseOrderRow) row = model != NULL ? g_list_model_get_item (model, position) : NULL;

  if (row != NULL)
    att_purchase_orders_page_edit_row (self, row);
}

static void
on_selection_changed (AttPurchaseOrdersPage *self)
{
  att_purchase_orders_page_update_actions (self);
}

static void
att_purchase_orders_page_init (AttPurchaseOrdersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  att_purchase_orders_page_setup_columns (self);
  update_count (self, 0);
}

/**
 * att_purchase_orders_page_new:
 * @context: the services; the list is read from its product cache
 *
 * Returns: (transfer full): a new Purchase Orders view
 */
GtkWidget *
att_purchase_orders_page_new (AttContext *context)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);

  return g_object_new (ATT_TYPE_PURCHASE_ORDERS_PAGE, "context", context, NULL);
}

AttContext *
att_purchase_orders_page_get_context (AttPurchaseOrdersPage *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDERS_PAGE (self), NULL);

  return self->context;
}

/**
 * att_purchase_orders_page_get_model:
 *
 * Returns: (transfer none) (nullable): the rows shown, #AttPurchaseOrderRow
 *   newest first; %NULL before the first query answered
 */
GListModel *
att_purchase_orders_page_get_model (AttPurchaseOrdersPage *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDERS_PAGE (self), NULL);

  return gtk_single_selection_get_model (self->selection);
}

/**
 * att_purchase_orders_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected row
 */
AttPurchaseOrderRow *
att_purchase_orders_page_get_selected (AttPurchaseOrdersPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}
