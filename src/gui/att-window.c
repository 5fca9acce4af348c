/* att-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-account-needed-page.h"
#include "att-certificates-page.h"
#include "att-closient-page.h"
#include "att-context.h"
#include "att-frame-trace.h"
#include "att-materials-page.h"
#include "att-products-page.h"
#include "att-purchase-orders-page.h"
#include "att-reports-page.h"
#include "att-settings.h"
#include "att-spinner.h"
#include "att-window.h"

struct _AttWindow
{
  AdwApplicationWindow parent_instance;

  AttContext          *context;
  GSettings           *settings;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *main_stack;
  GtkSpinner          *starting_spinner;
  GtkLabel            *starting_label;
  AdwStatusPage       *welcome_page;
  AdwStatusPage       *failed_page;
  AdwLeaflet          *leaflet;
  AdwWindowTitle      *sidebar_title;
  GtkListBox          *sidebar_list;
  GtkStack            *view_stack;

  gboolean             close_confirmed;
  guint                reveal_timeout;
  guint                present_timeout;
  guint                realize_idle;
  gboolean             present_pending;
};

G_DEFINE_FINAL_TYPE (AttWindow, att_window, ADW_TYPE_APPLICATION_WINDOW)

static void cancel_reveal (AttWindow *self);
static void present_if_pending (AttWindow *self);

/* The views of the sidebar. A view is listed only once it exists. */
typedef struct
{
  const char *name;
  const char *title;
  const char *icon_name;
  AttService  service;
} ViewInfo;

static const ViewInfo views[] = {
  { "products", N_ ("Products"), "view-list-bullet-symbolic", ATT_SERVICE_HIGG },
  { "materials", N_ ("Materials"), "applications-science-symbolic", ATT_SERVICE_HIGG },
  { "purchase-orders", N_ ("Purchase Orders"), "x-office-spreadsheet-symbolic", ATT_SERVICE_HIGG },
  { "certificates", N_ ("Certificates"), "emblem-ok-symbolic", ATT_SERVICE_HIGG },
  { "closient", N_ ("Closient"), "application-certificate-symbolic", ATT_SERVICE_CLOSIENT },
  { "reports", N_ ("Reports"), "x-office-document-symbolic", ATT_SERVICE_HIGG },
};

static void
clear_views (AttWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack))) != NULL)
    gtk_stack_remove (self->view_stack, child);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))) != NULL)
    gtk_list_box_remove (self->sidebar_list, child);
}

static GtkWidget *
create_sidebar_row (const ViewInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (info->icon_name);
  GtkWidget *label = gtk_label_new (_ (info->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ (info->title),
                                  -1);
  return row;
}

static void
show_view (AttWindow  *self,
           const char *name)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->view_stack, name);

  if (child == NULL)
    return;

  gtk_stack_set_visible_child (self->view_stack, child);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-view", name);
}

static void
on_sidebar_row_activated (AttWindow     *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  show_view (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* A view's page, or what it needs when the context has no Higg client
 * (the Closient view takes its client whenever it comes). */
static GtkWidget *
create_view_page (AttWindow      *self,
                  const ViewInfo *info)
{
  if (info->service == ATT_SERVICE_HIGG && att_context_get_higg_client (self->context) == NULL)
    return att_account_needed_page_new (_ (info->title), info->service);
  if (g_str_equal (info->name, "products"))
    return att_products_page_new (self->context);
  if (g_str_equal (info->name, "materials"))
    return att_materials_page_new (self->context);
  if (g_str_equal (info->name, "purchase-orders"))
    return att_purchase_orders_page_new (self->context);
  if (g_str_equal (info->name, "certificates"))
    return att_certificates_page_new (self->context);
  if (g_str_equal (info->name, "reports"))
    return att_reports_page_new (self->context);
  return att_closient_page_new (self->context);
}

/* The view shown first: the last one shown, or the Closient view when
 * only Closient has an account. */
static char *
first_view_name (AttWindow *self)
{
  if (att_context_get_higg_client (self->context) == NULL)
    return g_strdup ("closient");
  if (self->settings != NULL)
    return g_settings_get_string (self->settings, "last-view");
  return NULL;
}

static void
select_first_view (AttWindow *self)
{
  g_autofree char *name = first_view_name (self);
  GtkListBoxRow   *selected = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (selected == NULL || g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        selected = GTK_LIST_BOX_ROW (row);
    }
  if (selected == NULL)
    return;
  gtk_list_box_select_row (self->sidebar_list, selected);
  gtk_stack_set_visible_child_name (self->view_stack, gtk_widget_get_name (GTK_WIDGET (selected)));
}

static void
build_views (AttWindow *self)
{
  clear_views (self);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *page = create_view_page (self, &views[i]);

      g_object_bind_property (self->leaflet, "folded", page, "folded", G_BINDING_SYNC_CREATE);
      gtk_stack_add_titled (self->view_stack, page, views[i].name, _ (views[i].title));
      gtk_list_box_append (self->sidebar_list, create_sidebar_row (&views[i]));
    }

  select_first_view (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Actions */

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AttWindow *self = ATT_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttWindow *self = ATT_WINDOW (widget);
  GtkWidget *page;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") != 0)
    return;

  page = gtk_stack_get_visible_child (self->view_stack);
  if (ATT_IS_PRODUCTS_PAGE (page))
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      att_products_page_focus_search (ATT_PRODUCTS_PAGE (page));
    }
  else if (ATT_IS_CERTIFICATES_PAGE (page))
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      att_certificates_page_focus_search (ATT_CERTIFICATES_PAGE (page));
    }
  else if (ATT_IS_CLOSIENT_PAGE (page))
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      att_closient_page_focus_gtin (ATT_CLOSIENT_PAGE (page));
    }
  else if (ATT_IS_REPORTS_PAGE (page))
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      att_reports_page_focus_search (ATT_REPORTS_PAGE (page));
    }
}

/* A view, shown as if its row in the sidebar had been chosen; %NULL if
 * its page is not a @type (it needs an account the context lacks). */
static GtkWidget *
show_view_page (AttWindow  *self,
                const char *name,
                GType       type)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->view_stack, name);

  if (page == NULL)
    return NULL;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
  show_view (self, name);
  return G_TYPE_CHECK_INSTANCE_TYPE (page, type) ? page : NULL;
}

/* The Products view, shown: where products are opened and edited. */
static AttProductsPage *
show_products_page (AttWindow *self)
{
  GtkWidget *page = show_view_page (self, "products", ATT_TYPE_PRODUCTS_PAGE);

  return page != NULL ? ATT_PRODUCTS_PAGE (page) : NULL;
}

static void
show_certificate_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GtkWidget *page = show_view_page (ATT_WINDOW (widget), "certificates", ATT_TYPE_CERTIFICATES_PAGE);

  if (page != NULL)
    att_certificates_page_show_certificate (ATT_CERTIFICATES_PAGE (page), g_variant_get_string (parameter, NULL));
}

static void
new_certificate_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GtkWidget *page = show_view_page (ATT_WINDOW (widget), "certificates", ATT_TYPE_CERTIFICATES_PAGE);

  if (page != NULL)
    att_certificates_page_new_certificate (ATT_CERTIFICATES_PAGE (page), NULL, NULL);
}

/* A GTIN looked up in the Closient view, from a product's details. */
static void
show_closient_gtin_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GtkWidget *page = show_view_page (ATT_WINDOW (widget), "closient", ATT_TYPE_CLOSIENT_PAGE);

  if (page != NULL)
    att_closient_page_look_up (ATT_CLOSIENT_PAGE (page), g_variant_get_string (parameter, NULL));
}

static void
show_product_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AttProductsPage *page = show_products_page (ATT_WINDOW (widget));

  if (page != NULL)
    att_products_page_show_product (page, g_variant_get_string (parameter, NULL));
}

static void
edit_product_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AttProductsPage *page = show_products_page (ATT_WINDOW (widget));

  if (page != NULL)
    att_products_page_edit_product (page, g_variant_get_string (parameter, NULL));
}

static void
add_to_product_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AttProductsPage *page = show_products_page (ATT_WINDOW (widget));
  const char      *kind, *id, *name;

  g_variant_get (parameter, "(&s&s&s)", &kind, &id, &name);
  if (page != NULL)
    att_products_page_add_to_product (page, kind, id, name);
}

/* Window state */

static void
load_window_state (AttWindow *self)
{
  self->settings = att_settings_new ();
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (AttWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static void
on_page_may_close (AttProductsPage *page,
                   gboolean         may_close,
                   gpointer         user_data)
{
  g_autoptr(AttWindow) self = user_data;

  if (!may_close)
    return;
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Unsaved edits are asked about first (they stay as a draft whatever the
 * answer); app.quit closes the windows, so it asks too. */
static gboolean
att_window_close_request (GtkWindow *window)
{
  AttWindow *self = ATT_WINDOW (window);
  GtkWidget *page = gtk_stack_get_child_by_name (self->view_stack, "products");

  if (!self->close_confirmed && ATT_IS_PRODUCTS_PAGE (page) && att_products_page_get_editor (ATT_PRODUCTS_PAGE (page)) != NULL)
    {
      att_products_page_ask_close (ATT_PRODUCTS_PAGE (page), on_page_may_close, g_object_ref (self));
      return TRUE;
    }

  save_window_state (self);

  return GTK_WINDOW_CLASS (att_window_parent_class)->close_request (window);
}

static void
att_window_dispose (GObject *object)
{
  AttWindow *self = (AttWindow *) object;

  if (self->view_stack != NULL)
    cancel_reveal (self);
  g_clear_handle_id (&self->present_timeout, g_source_remove);
  g_clear_handle_id (&self->realize_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_WINDOW);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (att_window_parent_class)->dispose (object);
}

static void
att_window_class_init (AttWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = att_window_dispose;
  window_class->close_request = att_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AttWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AttWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AttWindow, starting_spinner);
  gtk_widget_class_bind_template_child (widget_class, AttWindow, starting_label);
  gtk_widget_class_bind_template_child (widget_class, AttWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, AttWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, AttWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AttWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, AttWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, AttWindow, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);

  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-product", "s", show_product_action);
  gtk_widget_class_install_action (widget_class, "win.edit-product", "s", edit_product_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-product", "(sss)", add_to_product_action);
  gtk_widget_class_install_action (widget_class, "win.show-certificate", "s", show_certificate_action);
  gtk_widget_class_install_action (widget_class, "win.new-certificate", NULL, new_certificate_action);
  gtk_widget_class_install_action (widget_class, "win.show-closient-gtin", "s", show_closient_gtin_action);
}

static void
att_window_init (AttWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
  att_frame_trace_watch_window (GTK_WINDOW (self));

  adw_status_page_set_icon_name (self->welcome_page, APP_ID);
  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  load_window_state (self);
}

AttWindow *
att_window_new (GtkApplication *application)
{
  return g_object_new (ATT_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/* A page just built shows "Loading…" and then, a moment later, its first
 * products: two frames of a new layout, which cost a tenth of a second or
 * more each where rendering is done in software, and the answer waits
 * behind them. So the views are revealed once the visible page is ready,
 * in one frame, or after ATT_SPINNER_DELAY_MS if it takes longer. */
static void
cancel_reveal (AttWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->view_stack);

  g_clear_handle_id (&self->reveal_timeout, g_source_remove);
  if (page != NULL)
    g_signal_handlers_disconnect_by_data (page, self);
}

static void
reveal_views (AttWindow *self)
{
  cancel_reveal (self);
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  present_if_pending (self);
}

static gboolean
reveal_timeout_cb (gpointer user_data)
{
  AttWindow *self = user_data;

  self->reveal_timeout = 0;
  reveal_views (self);
  return G_SOURCE_REMOVE;
}

static void
on_page_ready (AttWindow  *self,
               GParamSpec *pspec,
               GtkWidget  *page)
{
  gboolean ready = FALSE;

  g_object_get (page, "ready", &ready, NULL);
  if (ready)
    reveal_views (self);
}

static void
reveal_views_when_ready (AttWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->view_stack);

  if (page == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (page), "ready") == NULL)
    {
      reveal_views (self);
      return;
    }

  g_signal_connect_object (page, "notify::ready", G_CALLBACK (on_page_ready), self,
                           G_CONNECT_SWAPPED);
  self->reveal_timeout = g_timeout_add (ATT_SPINNER_DELAY_MS, reveal_timeout_cb, self);
  on_page_ready (self, NULL, page);
}

/* At start-up a window shown at once paints "Connecting…", and then,
 * a moment later, the products: two frames of new layouts, the answers
 * waiting behind the first. Held back until its views are revealed (or
 * it has something else to say), for at most a moment, the window paints
 * the products in its first frame when the answers are quick. */
static void
present_if_pending (AttWindow *self)
{
  g_clear_handle_id (&self->present_timeout, g_source_remove);
  g_clear_handle_id (&self->realize_idle, g_source_remove);
  if (!self->present_pending)
    return;

  self->present_pending = FALSE;
  gtk_window_present (GTK_WINDOW (self));
}

static gboolean
present_timeout_cb (gpointer user_data)
{
  AttWindow *self = user_data;

  self->present_timeout = 0;
  present_if_pending (self);
  return G_SOURCE_REMOVE;
}

/* Realizing the window (its surface and renderer) takes a few hundred
 * milliseconds: it is done while the first products are on their way, once
 * the request is out (a low priority lets the socket write it first), and
 * the window is shown right after. Its first frame then shows the products
 * if they came meanwhile, and "Connecting…" otherwise, painted while the
 * answer is still on its way. */
static gboolean
realize_idle_cb (gpointer user_data)
{
  AttWindow *self = user_data;

  self->realize_idle = 0;
  gtk_widget_realize (GTK_WIDGET (self));
  present_if_pending (self);
  return G_SOURCE_REMOVE;
}

static void
realize_while_waiting (AttWindow *self)
{
  if (!self->present_pending || self->realize_idle != 0 ||
      gtk_widget_get_realized (GTK_WIDGET (self)))
    return;

  self->realize_idle = g_idle_add_full (G_PRIORITY_LOW, realize_idle_cb, self, NULL);
}

/**
 * att_window_present_when_ready:
 * @max_wait_ms: how long the window may wait for its views
 *
 * Presents the window now if it shows anything but "Connecting…", else as
 * soon as its views are revealed or it shows a welcome or a failure, and
 * after @max_wait_ms at the latest.
 */
void
att_window_present_when_ready (AttWindow *self,
                               guint      max_wait_ms)
{
  g_return_if_fail (ATT_IS_WINDOW (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "starting") != 0)
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  self->present_pending = TRUE;
  g_clear_handle_id (&self->present_timeout, g_source_remove);
  self->present_timeout = g_timeout_add (max_wait_ms, present_timeout_cb, self);
}

static gboolean
context_has_client (AttContext *context)
{
  return context != NULL &&
         (att_context_get_higg_client (context) != NULL || att_context_get_closient_client (context) != NULL);
}

/* The views of the context's clients, or the welcome page without any. */
static void
show_context (AttWindow *self)
{
  cancel_reveal (self);
  att_spinner_stop (self->starting_spinner);

  if (!context_has_client (self->context))
    {
      clear_views (self);
      att_window_show_welcome (self);
      return;
    }

  adw_window_title_set_subtitle (self->sidebar_title,
                                 att_context_get_is_demo (self->context)
                                   ? _ ("Demo data")
                                   : NULL);
  build_views (self);
  realize_while_waiting (self);
  reveal_views_when_ready (self);
}

/* Without a Higg client, a Closient one coming or going is the difference
 * between the views and the welcome page (the Closient view itself takes a
 * new client as it comes). */
static void
on_closient_client_changed (AttWindow  *self,
                            GParamSpec *pspec,
                            AttContext *context)
{
  gboolean showing_views = gtk_stack_get_child_by_name (self->view_stack, "closient") != NULL;

  if (att_context_get_higg_client (context) == NULL && showing_views != context_has_client (context))
    show_context (self);
}

void
att_window_set_context (AttWindow  *self,
                        AttContext *context)
{
  g_return_if_fail (ATT_IS_WINDOW (self));
  g_return_if_fail (context == NULL || ATT_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "notify::closient-client", G_CALLBACK (on_closient_client_changed), self,
                             G_CONNECT_SWAPPED);
  show_context (self);
}

AttContext *
att_window_get_context (AttWindow *self)
{
  g_return_val_if_fail (ATT_IS_WINDOW (self), NULL);

  return self->context;
}

void
att_window_show_welcome (AttWindow *self)
{
  g_return_if_fail (ATT_IS_WINDOW (self));

  cancel_reveal (self);
  att_spinner_stop (self->starting_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  present_if_pending (self);
}

void
att_window_show_starting (AttWindow  *self,
                          const char *message)
{
  g_return_if_fail (ATT_IS_WINDOW (self));

  cancel_reveal (self);
  gtk_label_set_label (self->starting_label, message);
  att_spinner_start_delayed (self->starting_spinner, ATT_SPINNER_DELAY_MS);
  gtk_stack_set_visible_child_name (self->main_stack, "starting");
}

void
att_window_show_failure (AttWindow  *self,
                         const char *title,
                         const char *message)
{
  g_return_if_fail (ATT_IS_WINDOW (self));

  cancel_reveal (self);
  att_spinner_stop (self->starting_spinner);
  adw_status_page_set_title (self->failed_page, title);
  adw_status_page_set_description (self->failed_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "failed");
  present_if_pending (self);
}

void
att_window_add_toast (AttWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (ATT_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * att_window_get_view:
 *
 * Returns: (transfer none) (nullable): the page of the view called @name
 */
GtkWidget *
att_window_get_view (AttWindow  *self,
                     const char *name)
{
  g_return_val_if_fail (ATT_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->view_stack, name);
}
