/* att-closient-page.c: the Closient view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-closient-assignment-page.h"
#include "att-closient-catalogue.h"
#include "att-closient-page-private.h"
#include "att-context.h"
#include "att-paged-model.h"
#include "att-settings.h"

/**
 * AttClosientPage:
 *
 * A product's certifications on Closient, looked up by its GTIN: typed,
 * pasted or scanned into the entry (att-closient-page-gtin.c), checked
 * before anything is sent, then the product's header and its
 * certifications, filtered and sorted by the server and paged in as the
 * table scrolls (att-closient-page-product.c, att-closient-page-list.c).
 * A certification opens its own page, and the catalogue of certifications
 * and bodies opens as one too: both are pushed on the view's leaflet, which
 * never unfolds, and go when the user comes back.  While Closient's rate
 * limit holds requests back, a bar says for how long, with Cancel.
 * Without a Closient account the view says so and offers to add one.
 */

G_DEFINE_FINAL_TYPE (AttClosientPage, att_closient_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  N_PROPS
};

enum {
  SIGNAL_ASSIGNMENT_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* Navigation */

/**
 * att_closient_page_push:
 * @page: a page with its own header bar, whose back button activates
 *   `closient.back`
 *
 * Shows @page over the view, with the leaflet's sliding transition; it is
 * dropped once the user goes back from it.
 */
void
att_closient_page_push (AttClosientPage *self,
                        GtkWidget       *page)
{
  adw_leaflet_append (self->leaflet, page);
  adw_leaflet_set_visible_child (self->leaflet, page);
}

/* Pages after the visible one were left: dropped, once the transition
 * that hides them is over. */
static void
on_navigated (AttClosientPage *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);
  gboolean   after = FALSE;
  guint      n;

  if (adw_leaflet_get_child_transition_running (self->leaflet))
    return;

  pages = adw_leaflet_get_pages (self->leaflet);
  n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwLeafletPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_leaflet_page_get_child (page);

      if (after)
        {
          /* The model changes under us: start again. */
          adw_leaflet_remove (self->leaflet, child);
          on_navigated (self);
          return;
        }
      after = child == visible;
    }
}

/* Toasts go to the nearest overlay, the window's. */
void
att_closient_page_toast (AttClosientPage *self,
                         const char      *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

/* The account */

static void
on_client_changed (AttClosientPage *self)
{
  AttClosientClient *client = att_context_get_closient_client (self->context);

  if (client == self->client && client != NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  att_closient_page_clear_list (self);
  g_set_object (&self->client, client);
  att_closient_wait_bar_watch (self->wait_bar, client != NULL ? att_closient_client_get_http (client) : NULL,
                               client != NULL ? att_closient_client_get_base_url (client) : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "closient.show-catalogue", client != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "closient.reload", client != NULL);
  att_closient_page_check_gtin (self, FALSE);

  if (client == NULL)
    att_closient_page_show_state (self, "no-account");
  else if (self->gtin != NULL)
    att_closient_page_start_lookup (self);
  else
    att_closient_page_show_state (self, "start");
}

/* Template callbacks */

static void
on_wait_cancel (AttClosientPage *self)
{
  g_cancellable_cancel (self->cancellable);
  att_closient_page_cancel_list (self);
}

/* Actions */

static void
look_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AttClosientPage *self = ATT_CLOSIENT_PAGE (widget);

  att_closient_page_look_up (self, gtk_editable_get_text (GTK_EDITABLE (self->gtin_entry)));
}

static void
look_up_gtin_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  att_closient_page_look_up (ATT_CLOSIENT_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
clear_recent_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  att_closient_page_clear_recent (ATT_CLOSIENT_PAGE (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  att_closient_page_reload (ATT_CLOSIENT_PAGE (widget));
}

static void
reload_list_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  att_closient_page_load_list (ATT_CLOSIENT_PAGE (widget));
}

static void
show_catalogue_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  att_closient_page_show_catalogue (ATT_CLOSIENT_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  att_closient_page_go_back (ATT_CLOSIENT_PAGE (widget));
}

static void
focus_gtin_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  att_closient_page_focus_gtin (ATT_CLOSIENT_PAGE (widget));
}

/* GObject */

static void
att_closient_page_constructed (GObject *object)
{
  AttClosientPage *self = (AttClosientPage *) object;

  G_OBJECT_CLASS (att_closient_page_parent_class)->constructed (object);

  self->logos = g_object_ref (att_closient_logos_get_for_context (self->context));
  g_signal_connect_object (self->context, "notify::closient-client", G_CALLBACK (on_client_changed), self,
                           G_CONNECT_SWAPPED);
  on_client_changed (self);
}

static void
att_closient_page_dispose (GObject *object)
{
  AttClosientPage *self = (AttClosientPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->leaflet != NULL)
    g_signal_handlers_disconnect_by_data (self->leaflet, self);
  att_closient_page_clear_list (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_CLOSIENT_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->product);
  g_clear_object (&self->client);
  g_clear_object (&self->logos);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_closient_page_parent_class)->dispose (object);
}

static void
att_closient_page_finalize (GObject *object)
{
  AttClosientPage *self = (AttClosientPage *) object;

  g_clear_pointer (&self->updated, g_hash_table_unref);
  g_free (self->gtin);

  G_OBJECT_CLASS (att_closient_page_parent_class)->finalize (object);
}

static void
att_closient_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AttClosientPage *self = ATT_CLOSIENT_PAGE (object);

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
att_closient_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AttClosientPage *self = ATT_CLOSIENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          adw_header_bar_set_show_start_title_buttons (self->header, self->folded);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_closient_page_class_init (AttClosientPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = att_closient_page_constructed;
  object_class->dispose = att_closient_page_dispose;
  object_class->finalize = att_closient_page_finalize;
  object_class->get_property = att_closient_page_get_property;
  object_class->set_property = att_closient_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Whether the window's sidebar is folded away. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AttClosientPage::assignment-saved:
   * @assignment: the certification as the server saved it
   *
   * A certification's page saved it: its row shows it from now on.
   */
  signals[SIGNAL_ASSIGNMENT_SAVED] =
    g_signal_new ("assignment-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ATT_TYPE_CLOSIENT_ASSIGNMENT);

  g_type_ensure (ATT_TYPE_CLOSIENT_WAIT_BAR);
  g_type_ensure (ATT_TYPE_PAGED_FOOTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-closient-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, main_pane);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, header);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, gtin_entry);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, recent_button);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, check_label);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, wait_bar);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, not_found_page);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, product_image);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, product_name_label);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, product_detail_label);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, gtin_label);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, verification_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, active_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, list_spinner);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, list_error_page);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AttClosientPage, paged_footer);
  gtk_widget_class_bind_template_callback (widget_class, on_navigated);
  gtk_widget_class_bind_template_callback (widget_class, on_wait_cancel);

  gtk_widget_class_install_action (widget_class, "closient.look-up", NULL, look_up_action);
  gtk_widget_class_install_action (widget_class, "closient.look-up-gtin", "s", look_up_gtin_action);
  gtk_widget_class_install_action (widget_class, "closient.clear-recent", NULL, clear_recent_action);
  gtk_widget_class_install_action (widget_class, "closient.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "closient.reload-list", NULL, reload_list_action);
  gtk_widget_class_install_action (widget_class, "closient.show-catalogue", NULL, show_catalogue_action);
  gtk_widget_class_install_action (widget_class, "closient.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "closient.focus-gtin", NULL, focus_gtin_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "closient.focus-gtin", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "closient.focus-gtin", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "closient.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "closient.reload", NULL);

  gtk_widget_class_set_css_name (widget_class, "closientpage");
}

static void
att_closient_page_init (AttClosientPage *self)
{
  self->updated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
  self->settings = att_settings_new ();

  att_closient_page_setup_gtin (self);
  att_closient_page_setup_list (self);
}

GtkWidget *
att_closient_page_new (AttContext *context)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);

  return g_object_new (ATT_TYPE_CLOSIENT_PAGE,
                       "context", context,
                       NULL);
}

/**
 * att_closient_page_reload:
 *
 * Looks the GTIN shown up again: the product and its certifications.
 */
void
att_closient_page_reload (AttClosientPage *self)
{
  g_return_if_fail (ATT_IS_CLOSIENT_PAGE (self));

  if (self->client != NULL && self->gtin != NULL)
    att_closient_page_start_lookup (self);
}

void
att_closient_page_focus_gtin (AttClosientPage *self)
{
  g_return_if_fail (ATT_IS_CLOSIENT_PAGE (self));

  adw_leaflet_set_visible_child (self->leaflet, self->main_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->gtin_entry));
}

/**
 * att_closient_page_get_gtin:
 *
 * Returns: (nullable): the GTIN looked up, zero-padded to 14 digits
 */
const char *
att_closient_page_get_gtin (AttClosientPage *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PAGE (self), NULL);

  return self->gtin;
}

/**
 * att_closient_page_get_state:
 *
 * Returns: what the view shows: "no-account", "start", "loading",
 *   "not-found", "error" or "product"
 */
const char *
att_closient_page_get_state (AttClosientPage *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

/**
 * att_closient_page_get_check_message:
 *
 * Returns: what the view says of the GTIN typed, below the entry
 */
const char *
att_closient_page_get_check_message (AttClosientPage *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PAGE (self), NULL);

  return gtk_label_get_label (self->check_label);
}

/**
 * att_closient_page_get_product:
 *
 * Returns: (transfer none) (nullable): the product found
 */
AttClosientProduct *
att_closient_page_get_product (AttClosientPage *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PAGE (self), NULL);

  return self->product;
}

/**
 * att_closient_page_get_model:
 *
 * Returns: (transfer none) (nullable): the certifications the table shows
 *   as the server listed them (#AttClosientAssignment; rows not loaded yet
 *   have no id)
 */
GListModel *
att_closient_page_get_model (AttClosientPage *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PAGE (self), NULL);

  return G_LIST_MODEL (self->model);
}

/**
 * att_closient_page_get_assignment:
 * @position: a row of the table
 *
 * Returns: (transfer full) (nullable): the certification the row shows:
 *   as the server listed it, or as its page saved it since
 */
AttClosientAssignment *
att_closient_page_get_assignment (AttClosientPage *self,
                                  guint            position)
{
  g_autoptr(AttClosientAssignment) item = NULL;

  g_return_val_if_fail (ATT_IS_CLOSIENT_PAGE (self), NULL);

  if (self->model == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return NULL;
  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  return g_object_ref (att_closient_page_resolve (self, item));
}

/* The certification's page tells what it did: its row follows. */
static void
on_assignment_saved (AttClosientPage       *self,
                     AttClosientAssignment *updated)
{
  att_closient_page_show_saved (self, updated);
}

static void
on_assignment_removed (AttClosientPage           *self,
                       AttClosientAssignmentPage *page)
{
  AttClosientAssignment *assignment = att_closient_assignment_page_get_assignment (page);
  g_autofree char       *title = NULL;

  /* Translators: %s is a certification, such as "GOTS" */
  title = g_strdup_printf (_ ("“%s” removed from the product"), att_closient_assignment_get_label (assignment));
  att_closient_page_toast (self, title);
  att_closient_page_go_back (self);
  att_closient_page_load_list (self);
}

/**
 * att_closient_page_open_assignment:
 * @position: a row of the table
 *
 * Opens the certification's page over the view, as activating its row
 * does.
 *
 * Returns: (transfer none) (nullable): the page, or %NULL if the row has
 *   not come yet
 */
GtkWidget *
att_closient_page_open_assignment (AttClosientPage *self,
                                   guint            position)
{
  g_autoptr(AttClosientAssignment) assignment = NULL;
  GtkWidget *page;

  g_return_val_if_fail (ATT_IS_CLOSIENT_PAGE (self), NULL);

  assignment = att_closient_page_get_assignment (self, position);
  if (assignment == NULL || att_closient_assignment_get_id (assignment) == NULL)
    return NULL;

  page = att_closient_assignment_page_new (self->context, self->gtin, assignment);
  if (self->product != NULL)
    att_closient_assignment_page_set_product_name (ATT_CLOSIENT_ASSIGNMENT_PAGE (page),
                                                   att_closient_product_get_product_name (self->product));
  g_signal_connect_object (page, "saved", G_CALLBACK (on_assignment_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "removed", G_CALLBACK (on_assignment_removed), self, G_CONNECT_SWAPPED);
  att_closient_page_push (self, page);
  return page;
}

/**
 * att_closient_page_show_catalogue:
 *
 * Opens the catalogue of certifications and certification bodies over the
 * view.
 *
 * Returns: (transfer none) (nullable): the catalogue's page, or %NULL
 *   without a Closient account
 */
GtkWidget *
att_closient_page_show_catalogue (AttClosientPage *self)
{
  GtkWidget *page;

  g_return_val_if_fail (ATT_IS_CLOSIENT_PAGE (self), NULL);

  if (self->client == NULL)
    return NULL;
  page = att_closient_catalogue_new (self->context);
  att_closient_page_push (self, page);
  att_closient_catalogue_focus_search (ATT_CLOSIENT_CATALOGUE (page));
  return page;
}

/**
 * att_closient_page_get_visible_page:
 *
 * Returns: (transfer none): the page shown: the view's own, or one pushed
 *   over it
 */
GtkWidget *
att_closient_page_get_visible_page (AttClosientPage *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PAGE (self), NULL);

  return adw_leaflet_get_visible_child (self->leaflet);
}

/**
 * att_closient_page_go_back:
 *
 * Leaves the page pushed over the view, as its back button does.
 */
void
att_closient_page_go_back (AttClosientPage *self)
{
  g_return_if_fail (ATT_IS_CLOSIENT_PAGE (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/**
 * att_closient_page_get_wait_bar:
 *
 * Returns: (transfer none): the #AttClosientWaitBar of the view
 */
GtkWidget *
att_closient_page_get_wait_bar (AttClosientPage *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PAGE (self), NULL);

  return GTK_WIDGET (self->wait_bar);
}
