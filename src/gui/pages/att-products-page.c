/* att-products-page.c: the Products view: its class, properties and
 * template, and the wiring of its parts (see att-products-page-private.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-accessible.h"
#include "att-context.h"
#include "att-paged-footer.h"
#include "att-product-details.h"
#include "att-products-page-private.h"

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
install_properties (GObjectClass *object_class)
{
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
}

static void
bind_template (GtkWidgetClass *widget_class)
{
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

  install_properties (object_class);

  bind_template (widget_class);
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
  att_products_page_list_init (self);
  att_products_page_columns_init (self);
  self->cancellable = g_cancellable_new ();
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
