/* att-products-page.c: the Products view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-context.h"
#include "att-higg-client.h"
#include "att-paged-footer.h"
#include "att-paged-model.h"
#include "att-product.h"
#include "att-product-details.h"
#include "att-products-page-private.h"

#define PAGE_SIZE 50

/* How long the first page may take before the page says the server is
 * slow: well past a normal answer, well before the 90 s that three timed
 * out attempts take. */
#define DEFAULT_SLOW_DELAY_MS 5000

G_DEFINE_FINAL_TYPE (AttProductsPage, att_products_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  PROP_READY,
  PROP_SLOW_DELAY,
  PROP_SELECTION_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
att_products_page_set_ready (AttProductsPage *self,
                             gboolean         ready)
{
  if (self->ready == ready)
    return;

  self->ready = ready;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static gboolean
select_shown_cb (gpointer user_data)
{
  AttProductsPage *self = user_data;

  self->shown_idle = 0;
  att_products_page_select_shown (self);
  return G_SOURCE_REMOVE;
}

static void
on_model_items_changed (AttProductsPage *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  att_products_page_update_state (self);

  /* Not from inside items-changed: selecting may resize the slice of first
   * rows, which the list view must not see while it handles this change. */
  if (self->shown_id != NULL && self->shown_idle == 0)
    self->shown_idle = g_idle_add (select_shown_cb, self);

  /* A placeholder row that was selected has just been replaced by the real
   * product: show its details. */
  if (selected != GTK_INVALID_LIST_POSITION && selected >= position && selected < position + added)
    att_products_page_selected_item_changed (self);
}

/* A product saved in the editor shows the server's answer, not the row
 * the search returned before. */
AttProduct *
att_products_page_saved_copy_of (AttProductsPage *self,
                                 AttProduct      *product)
{
  AttProduct *saved = NULL;

  if (product != NULL && !att_product_is_placeholder (product))
    saved = g_hash_table_lookup (self->saved, att_product_get_id (product));
  return saved != NULL ? saved : product;
}

/**
 * att_products_page_replace_rows:
 *
 * Shows the rows anew after a save (their cells look up the saved copy);
 * the selection and the scroll position stay where they were.
 */
void
att_products_page_replace_rows (AttProductsPage *self)
{
  guint          selected = gtk_single_selection_get_selected (self->selection);
  GListModel    *model = gtk_single_selection_get_model (self->selection);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  double         value = adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;

  if (model == NULL)
    return;
  g_object_ref (model);
  gtk_single_selection_set_model (self->selection, NULL);
  gtk_single_selection_set_model (self->selection, model);
  g_object_unref (model);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, selected);
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, value);
  att_products_page_show_selected_details (self);
}

static void
set_model (AttProductsPage *self,
           AttPagedModel   *model)
{
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  g_set_object (&self->model, model);
  self->load_cancelled = FALSE;

  if (model != NULL)
    {
      g_signal_connect_object (model, "notify::loaded", G_CALLBACK (att_products_page_update_state), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "notify::error", G_CALLBACK (att_products_page_update_state), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "items-changed", G_CALLBACK (on_model_items_changed),
                               self, G_CONNECT_SWAPPED);
    }

  gtk_single_selection_set_model (self->selection, att_products_page_first_rows_of (self, G_LIST_MODEL (model)));
  att_paged_footer_set_model (self->paged_footer, model);
  att_products_page_update_state (self);
  att_products_page_selected_item_changed (self);
}

void
att_products_page_reload (AttProductsPage *self)
{
  AttHiggClient *client;
  g_autoptr(AttPagedModel) model = NULL;

  if (self->context == NULL)
    return;

  client = att_context_get_higg_client (self->context);
  if (client == NULL)
    return;

  model = att_higg_client_create_product_model (client, self->search_text, PAGE_SIZE);
  set_model (self, model);
}

/* Actions */

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AttProductsPage *self = ATT_PRODUCTS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

/* What is beside the list ("details" or "editor"), and, when the list
 * and it are folded into one column, it rather than the list. */
void
att_products_page_show_content (AttProductsPage *self,
                                const char      *name)
{
  gtk_stack_set_visible_child_name (self->content_stack, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/* GObject */

static void
att_products_page_constructed (GObject *object)
{
  AttProductsPage *self = (AttProductsPage *) object;

  G_OBJECT_CLASS (att_products_page_parent_class)->constructed (object);

  g_object_set (self->details, "context", self->context, NULL);
  att_products_page_reload (self);
  att_products_page_editor_init (self);
  att_products_page_drafts_load (self);
}

static void
att_products_page_dispose (GObject *object)
{
  GtkWidget       *child;
  AttProductsPage *self = (AttProductsPage *) object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  att_products_page_states_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_PRODUCTS_PAGE);
  /* The template's root has no id, so unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_handle_id (&self->rest_idle, g_source_remove);
  g_clear_handle_id (&self->shown_idle, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->first_rows);
  g_clear_object (&self->model);
  att_products_page_editor_dispose (self);
  att_products_page_select_dispose (self);
  g_clear_pointer (&self->saved, g_hash_table_unref);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_products_page_parent_class)->dispose (object);
}

static void
att_products_page_finalize (GObject *object)
{
  AttProductsPage *self = (AttProductsPage *) object;

  g_free (self->search_text);
  g_free (self->shown_id);

  G_OBJECT_CLASS (att_products_page_parent_class)->finalize (object);
}

static void
att_products_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AttProductsPage *self = ATT_PRODUCTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;

    case PROP_SLOW_DELAY:
      g_value_set_uint (value, self->slow_delay);
      break;

    case PROP_SELECTION_MODE:
      g_value_set_boolean (value, self->selecting);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_products_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AttProductsPage *self = ATT_PRODUCTS_PAGE (object);

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

    case PROP_SLOW_DELAY:
      if (self->slow_delay != g_value_get_uint (value))
        {
          self->slow_delay = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SELECTION_MODE:
      att_products_page_set_selection_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_products_page_class_init (AttProductsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = att_products_page_constructed;
  object_class->dispose = att_products_page_dispose;
  object_class->finalize = att_products_page_finalize;
  object_class->get_property = att_products_page_get_property;
  object_class->set_property = att_products_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether the page has something to show: products, "no products" or an
   * error, rather than "Loading…". */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AttProductsPage:slow-delay:
   *
   * Milliseconds of loading after which the page says that the server is
   * slow to answer; it applies from the next time loading starts.
   */
  properties[PROP_SLOW_DELAY] =
    g_param_spec_uint ("slow-delay", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_SLOW_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether the rows have checks, for publishing several products. */
  properties[PROP_SELECTION_MODE] =
    g_param_spec_boolean ("selection-mode", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATT_TYPE_PRODUCT_DETAILS);
  g_type_ensure (ATT_TYPE_PAGED_FOOTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-products-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, slow_label);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, cancelled_retry_button);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, paged_footer);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, details);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, drafts_revealer);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, drafts_label);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, selected_label);
  gtk_widget_class_bind_template_child (widget_class, AttProductsPage, publish_button);
  att_products_page_install_state_actions (widget_class);
  att_products_page_install_search (widget_class);

  gtk_widget_class_install_action (widget_class, "products.show-list", NULL, show_list_action);
  att_products_page_install_editor_actions (widget_class);
  att_products_page_install_draft_actions (widget_class);
  att_products_page_install_select_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "productspage");
}

static void
att_products_page_init (AttProductsPage *self)
{
  self->slow_delay = DEFAULT_SLOW_DELAY_MS;
  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
  att_products_page_states_init (self);

  att_products_page_search_init (self);

  self->saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (att_products_page_selected_item_changed), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  att_products_page_columns_init (self);
  att_products_page_select_init (self);
}

GtkWidget *
att_products_page_new (AttContext *context)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);

  return g_object_new (ATT_TYPE_PRODUCTS_PAGE,
                       "context", context,
                       NULL);
}

AttContext *
att_products_page_get_context (AttProductsPage *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCTS_PAGE (self), NULL);

  return self->context;
}

/**
 * att_products_page_get_model:
 *
 * Returns: (transfer none) (nullable): the current list of products
 */
GListModel *
att_products_page_get_model (AttProductsPage *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->model);
}

/**
 * att_products_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the product whose details are shown
 */
AttProduct *
att_products_page_get_selected (AttProductsPage *self)
{
  AttProduct *product;

  g_return_val_if_fail (ATT_IS_PRODUCTS_PAGE (self), NULL);

  product = att_products_page_saved_copy_of (self, gtk_single_selection_get_selected_item (self->selection));
  return product != NULL && !att_product_is_placeholder (product) ? product : NULL;
}
