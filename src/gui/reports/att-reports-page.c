/* att-reports-page.c: the Reports view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-context.h"
#include "att-reports-page-private.h"

/**
 * AttReportsPage:
 *
 * The certificate report of the account: filters (sources, statuses,
 * standard, expiry window, product search) above a preview of its first
 * rows and its counts by status.  The report is built again, off the main
 * thread, whenever the filters rest (the build under way is cancelled),
 * and what a service could not give is said above the preview.  Export…
 * writes it in the format of the file chooser's filter or the file's
 * extension, in a worker thread with progress and Cancel.
 */

G_DEFINE_FINAL_TYPE (AttReportsPage, att_reports_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  PROP_PRINTING,
  PROP_SHOW_IMAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_map (AttReportsPage *self)
{
  if (self->started)
    return;
  self->started = TRUE;
  _att_reports_page_schedule_build (self);
}

/* The Back button to the sidebar, when the window is too narrow for
 * both. */
static GtkWidget *
build_sidebar_button (AttReportsPage *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("go-previous-symbolic");

  gtk_widget_set_tooltip_text (button, _ ("Back"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Back"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-sidebar");
  g_object_bind_property (self, "folded", button, "visible", G_BINDING_SYNC_CREATE);
  return button;
}

static GtkWidget *
build_refresh_button (void)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("view-refresh-symbolic");

  /* Translators: reads Higg and Closient again */
  gtk_widget_set_tooltip_text (button, _ ("Refresh"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Refresh"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "reports.refresh");
  return button;
}

/* The view's menu: printing and the images of PDF reports and printouts. */
static GtkWidget *
build_menu_button (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) options = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_append (menu, _ ("_Print…"), "reports.print");
  g_menu_append (options, _ ("Certificate _Images in PDF and Print"), "reports.show-images");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (options));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _ ("More"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("More"), -1);
  return button;
}

static GtkWidget *
build_header (AttReportsPage *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (_ ("Reports"), NULL);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), build_sidebar_button (self));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), build_refresh_button ());

  self->export_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_ ("_Export…")));
  gtk_widget_add_css_class (GTK_WIDGET (self->export_button), "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->export_button), "reports.export");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->export_button));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), build_menu_button ());
  return header;
}

static GtkWidget *
build_status_area (AttReportsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  g_object_set (box, "margin-start", 12, "margin-end", 12, NULL);
  self->build_progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->build_progress), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->build_progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Building the report"), -1);
  self->counts_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->counts_label, 0.0);
  gtk_label_set_wrap (self->counts_label, TRUE);
  self->missing_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->missing_label, 0.0);
  gtk_label_set_wrap (self->missing_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->missing_label), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->build_progress));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->counts_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->missing_label));
  return box;
}

static GtkWidget *
build_preview (AttReportsPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->preview = gtk_slice_list_model_new (NULL, 0, ATT_REPORTS_PAGE_PREVIEW_ROWS);
  self->column_view = _att_reports_page_build_column_view (G_LIST_MODEL (self->preview));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static void
build_ui (AttReportsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_box_append (GTK_BOX (box), build_header (self));
  gtk_box_append (GTK_BOX (box), _att_reports_page_build_filters (self));
  gtk_box_append (GTK_BOX (box), build_status_area (self));
  gtk_box_append (GTK_BOX (box), build_preview (self));
  gtk_box_append (GTK_BOX (box), _att_reports_page_build_export_bar (self));
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, box);
  gtk_widget_set_parent (GTK_WIDGET (self->toast_overlay), GTK_WIDGET (self));
}

/* Actions */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _att_reports_page_choose_file (ATT_REPORTS_PAGE (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AttReportsPage *self = ATT_REPORTS_PAGE (widget);

  if (self->report != NULL)
    att_reports_page_print (self, NULL);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _att_reports_page_refresh (ATT_REPORTS_PAGE (widget));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  att_reports_page_focus_search (ATT_REPORTS_PAGE (widget));
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _att_reports_page_cancel_export (ATT_REPORTS_PAGE (widget));
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _att_reports_page_open_file (ATT_REPORTS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* GObject */

static void
att_reports_page_dispose (GObject *object)
{
  AttReportsPage *self = ATT_REPORTS_PAGE (object);

  _att_reports_page_cancel_build (self);
  g_cancellable_cancel (self->fetch_cancellable);
  g_clear_object (&self->fetch_cancellable);
  g_clear_object (&self->snapshot);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  _att_reports_page_cancel_print (self);
  g_clear_object (&self->print_operation);
  g_clear_object (&self->print_settings);
  if (self->toast_overlay != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->toast_overlay));
  self->toast_overlay = NULL;
  g_clear_object (&self->report);
  g_clear_object (&self->preview);
  g_clear_object (&self->standards);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_reports_page_parent_class)->dispose (object);
}

static void
att_reports_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AttReportsPage *self = ATT_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_PRINTING:
      g_value_set_boolean (value, att_reports_page_get_printing (self));
      break;
    case PROP_SHOW_IMAGES:
      g_value_set_boolean (value, self->show_images);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Not a filter: whether the PDF and the printout show each Higg
 * certificate's first image; the report shown takes it at once. */
static void
set_show_images (AttReportsPage *self,
                 gboolean        show_images)
{
  if (self->show_images == show_images)
    return;
  self->show_images = show_images;
  if (self->report != NULL)
    att_report_set_thumbnails (self->report, show_images);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_IMAGES]);
}

static void
att_reports_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AttReportsPage *self = ATT_REPORTS_PAGE (object);

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
    case PROP_SHOW_IMAGES:
      set_show_images (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_reports_page_constructed (GObject *object)
{
  AttReportsPage *self = ATT_REPORTS_PAGE (object);

  G_OBJECT_CLASS (att_reports_page_parent_class)->constructed (object);
  gtk_spin_button_set_value (self->expiring_spin, att_context_get_expiry_lead_days (self->context));
  g_signal_connect_object (self->context, "notify::expiry-lead-days", G_CALLBACK (_att_reports_page_schedule_build),
                           self, G_CONNECT_SWAPPED);
  /* A key that comes from the keyring after the view was shown. */
  g_signal_connect_object (self->context, "notify::closient-client", G_CALLBACK (_att_reports_page_refresh), self,
                           G_CONNECT_SWAPPED);
}

static void
att_reports_page_class_init (AttReportsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_reports_page_dispose;
  object_class->get_property = att_reports_page_get_property;
  object_class->set_property = att_reports_page_set_property;
  object_class->constructed = att_reports_page_constructed;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Whether the window shows the view without its sidebar. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether a printout is being laid out or sent. */
  properties[PROP_PRINTING] =
    g_param_spec_boolean ("printing", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Whether PDF reports and printouts show the certificates' images. */
  properties[PROP_SHOW_IMAGES] =
    g_param_spec_boolean ("show-images", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "reports.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "reports.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "reports.refresh", NULL, refresh_action);
  gtk_widget_class_install_property_action (widget_class, "reports.show-images", "show-images");
  gtk_widget_class_install_action (widget_class, "reports.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "reports.focus-search", NULL);
  gtk_widget_class_install_action (widget_class, "reports.open-file", "s", open_file_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* Ctrl+S, Ctrl+P and Ctrl+R (F5) work wherever the focus is in the window (the sidebar
 * too) while the view is shown. */
static void
add_window_shortcuts (AttReportsPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_s, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("reports.export")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("reports.print")));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_r, GDK_CONTROL_MASK),
                                                   gtk_keyval_trigger_new (GDK_KEY_F5, 0)),
                      gtk_named_action_new ("reports.refresh")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Export and Print once there is a report, and while nothing else is
 * written or printed. */
void
_att_reports_page_update_actions (AttReportsPage *self)
{
  gboolean busy = self->export_cancellable != NULL || self->print_cancellable != NULL;
  gboolean ready = self->report != NULL && !busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", ready && self->print_operation == NULL);
}

static void
att_reports_page_init (AttReportsPage *self)
{
  build_ui (self);
  _att_reports_page_update_actions (self);
  add_window_shortcuts (self);
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
  att_accessible_label_drop_down (self->standard_dropdown, _ ("Show certificates of standard"));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

/* Public API */

GtkWidget *
att_reports_page_new (AttContext *context)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);

  return g_object_new (ATT_TYPE_REPORTS_PAGE, "context", context, NULL);
}

/**
 * att_reports_page_get_report:
 *
 * Returns: (transfer none) (nullable): the report shown, once built
 */
AttReport *
att_reports_page_get_report (AttReportsPage *self)
{
  g_return_val_if_fail (ATT_IS_REPORTS_PAGE (self), NULL);
  return self->report;
}

/* Whether the services are being read, or a report waits for the filters
 * to rest or is being made. */
gboolean
att_reports_page_get_building (AttReportsPage *self)
{
  g_return_val_if_fail (ATT_IS_REPORTS_PAGE (self), FALSE);
  return self->build_timeout != 0 || self->build_cancellable != NULL || self->fetch_cancellable != NULL;
}

gboolean
att_reports_page_get_printing (AttReportsPage *self)
{
  g_return_val_if_fail (ATT_IS_REPORTS_PAGE (self), FALSE);
  return self->print_operation != NULL || self->print_cancellable != NULL;
}

/* Ctrl+F: the product search, its text selected. */
void
att_reports_page_focus_search (AttReportsPage *self)
{
  g_return_if_fail (ATT_IS_REPORTS_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

gboolean
att_reports_page_get_exporting (AttReportsPage *self)
{
  g_return_val_if_fail (ATT_IS_REPORTS_PAGE (self), FALSE);
  return self->export_cancellable != NULL;
}

GtkColumnView *
att_reports_page_get_column_view (AttReportsPage *self)
{
  g_return_val_if_fail (ATT_IS_REPORTS_PAGE (self), NULL);
  return self->column_view;
}

void
att_reports_page_set_search_text (AttReportsPage *self,
                                  const char     *text)
{
  g_return_if_fail (ATT_IS_REPORTS_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
}

/* Shows or leaves out the rows of @status (its check button). */
void
att_reports_page_set_status_shown (AttReportsPage      *self,
                                   AttCertificateStatus status,
                                   gboolean             shown)
{
  g_return_if_fail (ATT_IS_REPORTS_PAGE (self));
  for (guint i = 0; i < ATT_REPORTS_PAGE_N_STATUSES; i++)
    if (_att_reports_page_statuses[i] == status)
      gtk_check_button_set_active (self->status_checks[i], shown);
}

/* Keeps the rows expiring within @days; negative keeps every row. */
void
att_reports_page_set_expiring_within (AttReportsPage *self,
                                      int             days)
{
  g_return_if_fail (ATT_IS_REPORTS_PAGE (self));
  if (days >= 0)
    gtk_spin_button_set_value (self->expiring_spin, days);
  gtk_check_button_set_active (self->expiring_check, days >= 0);
}
