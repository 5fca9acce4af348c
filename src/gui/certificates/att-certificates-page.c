/* att-certificates-page.c: the Certificates view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-certificate-drop.h"
#include "att-certificate-form.h"
#include "att-certificates-page-private.h"
#include "att-context.h"
#include "att-higg-client.h"
#include "att-spinner.h"

/**
 * AttCertificatesPage:
 *
 * Every certificate of the account in a table: the API has none to list,
 * so #AttCertificateList pages through the Product Module's products in
 * the background (with progress and Cancel) and keeps each certificate
 * once.  The table filters by status, standard and words, sorts by any
 * column (by expiry at first), and the selected certificate's page sits
 * beside it, or replaces it on a narrow window.  The scan starts the
 * first time the view is shown.
 */

G_DEFINE_FINAL_TYPE (AttCertificatesPage, att_certificates_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void        on_items_changed (AttCertificatesPage *self);

/* States */

static guint
n_listed (AttCertificatesPage *self)
{
  return self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}

static void
update_count (AttCertificatesPage *self)
{
  guint            total = n_listed (self);
  guint            shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate", "%u certificates", total), total);
  else
    /* Translators: how many certificates the filters leave, of how many */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u certificate", "%u of %u certificates", total),
                            shown, total);
  gtk_label_set_label (self->count_label, total > 0 ? text : "");
}

static void
update_stack (AttCertificatesPage *self)
{
  const GError *error = self->list != NULL ? att_certificate_list_get_error (self->list) : NULL;
  gboolean      loading = self->list == NULL || att_certificate_list_get_loading (self->list);
  const char   *name;

  if (n_listed (self) == 0 && error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      name = "error";
    }
  else if (n_listed (self) == 0)
    name = loading ? "loading" : "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) == 0)
    name = "no-match";
  else
    name = "list";

  if (g_str_equal (name, "loading"))
    att_spinner_start_delayed (self->spinner, ATT_SPINNER_DELAY_MS);
  else
    att_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->list_stack, name);
  update_count (self);
}

/* The scan's progress, or its failure once some certificates are shown. */
static void
update_progress (AttCertificatesPage *self)
{
  const GError    *error = att_certificate_list_get_error (self->list);
  guint            done = att_certificate_list_get_pages_done (self->list);
  guint            total = att_certificate_list_get_pages_total (self->list);
  gboolean         loading = att_certificate_list_get_loading (self->list);
  g_autofree char *text = NULL;

  if (loading && total > 0)
    /* Translators: progress of the scan of the products' pages */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reading certificates… %u of %u page",
                                         "Reading certificates… %u of %u pages", total),
                            done, total);
  else if (loading)
    text = g_strdup (_ ("Reading certificates…"));
  else if (error != NULL && n_listed (self) > 0)
    /* Translators: %s says why reading the certificates stopped */
    text = g_strdup_printf (_ ("Some certificates could not be read: %s"), error->message);

  gtk_revealer_set_reveal_child (self->progress_revealer, text != NULL);
  gtk_label_set_label (self->progress_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), loading);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0);
  gtk_button_set_label (self->cancel_button, loading ? _ ("_Cancel") : _ ("_Try Again"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button),
                                  loading ? "certificates.cancel" : "certificates.reload");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cancel_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  loading ? _ ("Stop reading the certificates") : _ ("Read the certificates again"),
                                  -1);
  if (!loading && self->wanted_id != NULL)
    on_items_changed (self);
  update_stack (self);
}

/* Selection */

static guint
find_position (AttCertificatesPage *self,
               const char          *id)
{
  GListModel *model = G_LIST_MODEL (self->sorted);

  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AttCertificate) certificate = g_list_model_get_item (model, i);

      if (g_strcmp0 (att_certificate_get_id (certificate), id) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
show_selected (AttCertificatesPage *self)
{
  AttCertificate *certificate = gtk_single_selection_get_selected_item (self->selection);

  /* Within a change of the list (a refresh brings new copies of the same
   * certificates, a filter removes rows), the selection follows rows that
   * moved; on_items_changed() then selects the certificate shown again. */
  if (self->in_items_changed || self->wanted_id != NULL)
    return;
  if (certificate != NULL)
    {
      g_free (self->shown_id);
      self->shown_id = g_strdup (att_certificate_get_id (certificate));
    }
  if (certificate != att_certificate_page_get_certificate (self->details))
    att_certificate_page_set_certificate (self->details, certificate);
}

static void
before_items_changed (AttCertificatesPage *self)
{
  self->in_items_changed = TRUE;
}

/* The certificate asked for by att_certificates_page_show_certificate(),
 * once listed; or none, when the scan ends without it. */
static void
select_wanted (AttCertificatesPage *self)
{
  guint position = find_position (self, self->wanted_id);

  if (position == GTK_INVALID_LIST_POSITION && self->list != NULL && !att_certificate_list_get_loading (self->list))
    g_clear_pointer (&self->wanted_id, g_free);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  g_free (self->shown_id);
  self->shown_id = g_steal_pointer (&self->wanted_id);
}

static void
on_items_changed (AttCertificatesPage *self)
{
  guint position;

  self->in_items_changed = FALSE;
  if (self->wanted_id != NULL)
    select_wanted (self);
  position = find_position (self, self->shown_id);
  if (position != GTK_INVALID_LIST_POSITION && position != gtk_single_selection_get_selected (self->selection))
    gtk_single_selection_set_selected (self->selection, position);
  else
    show_selected (self);
  update_stack (self);
}

/* A certificate attached or detached from its page: the list reads the
 * products again (it learns a certificate's products from them). */
static void
on_certificate_changed (AttCertificatesPage *self,
                        AttCertificate      *certificate)
{
  if (self->list != NULL)
    att_certificate_list_refresh (self->list);
}

/* The list */

static void
start_list (AttCertificatesPage *self)
{
  AttHiggClient *client;

  if (self->list != NULL || self->context == NULL ||
      (client = att_context_get_higg_client (self->context)) == NULL)
    return;

  self->list = att_certificate_list_new_with_records (client, att_context_get_certificate_records (self->context), 0);
  g_signal_connect_object (self->list, "notify::loading", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::pages-done", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::error", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->list));
  att_certificates_page_load_standards (self);
  update_progress (self);
}

/* Template callbacks */

static void
on_search_changed (AttCertificatesPage *self,
                   GtkSearchEntry      *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  g_free (self->search_text);
  self->search_text = *text != '\0' ? g_utf8_casefold (text, -1) : NULL;
  att_certificates_page_refilter (self);
}

static void
on_stop_search (AttCertificatesPage *self,
                GtkSearchEntry      *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_search_activate (AttCertificatesPage *self,
                    GtkSearchEntry      *entry)
{
  /* Enter moves on to the results, as in GNOME's other search lists. */
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_filter_changed (AttCertificatesPage *self)
{
  if (self->filter != NULL)
    att_certificates_page_refilter (self);
}

/* Enter or a double click opens the certificate: its page, beside the
 * list or in its place. */
static void
on_row_activated (AttCertificatesPage *self,
                  guint                position,
                  GtkColumnView       *column_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->details_pane);
  att_certificate_page_focus (self->details);
}

/* The list's header bar has the window's close button when it fills the
 * view; the details' header bar has it otherwise. */
static void
update_title_buttons (AttCertificatesPage *self)
{
  gboolean inner_folded = adw_leaflet_get_folded (self->leaflet);

  adw_header_bar_set_show_start_title_buttons (self->list_header, self->folded);
  adw_header_bar_set_show_end_title_buttons (self->list_header, inner_folded);
  adw_header_bar_set_show_start_title_buttons (self->details_header, self->folded && inner_folded);
}

/* Actions */

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  att_certificates_page_reload (ATT_CERTIFICATES_PAGE (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttCertificatesPage *self = ATT_CERTIFICATES_PAGE (widget);

  if (self->list != NULL)
    att_certificate_list_cancel (self->list);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  att_certificates_page_new_certificate (ATT_CERTIFICATES_PAGE (widget), NULL, NULL);
}

static void
on_drop (GtkWidget  *widget,
         GListModel *files,
         GdkTexture *texture,
         gpointer    user_data)
{
  att_certificates_page_new_certificate (ATT_CERTIFICATES_PAGE (widget), files, texture);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AttCertificatesPage *self = ATT_CERTIFICATES_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  att_certificates_page_focus_search (ATT_CERTIFICATES_PAGE (widget));
}

/* GObject */

static void
att_certificates_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (att_certificates_page_parent_class)->map (widget);

  start_list (ATT_CERTIFICATES_PAGE (widget));
}

static void
att_certificates_page_constructed (GObject *object)
{
  AttCertificatesPage *self = (AttCertificatesPage *) object;

  G_OBJECT_CLASS (att_certificates_page_parent_class)->constructed (object);

  g_object_set (self->details, "context", self->context, NULL);
  if (self->context != NULL)
    g_signal_connect_object (self->context, "notify::expiry-lead-days",
                             G_CALLBACK (att_certificates_page_refilter), self, G_CONNECT_SWAPPED);
}

static void
att_certificates_page_dispose (GObject *object)
{
  AttCertificatesPage *self = (AttCertificatesPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list, self);
      att_certificate_list_cancel (self->list);
    }
  if (self->leaflet != NULL)
    g_signal_handlers_disconnect_by_data (self->leaflet, self);
  if (self->details != NULL)
    g_signal_handlers_disconnect_by_data (self->details, self);
  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_CERTIFICATES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->standard_names);
  g_clear_object (&self->list);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_certificates_page_parent_class)->dispose (object);
}

static void
att_certificates_page_finalize (GObject *object)
{
  AttCertificatesPage *self = (AttCertificatesPage *) object;

  g_clear_pointer (&self->standard_ids, g_ptr_array_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_free (self->search_text);
  g_free (self->shown_id);
  g_free (self->wanted_id);

  G_OBJECT_CLASS (att_certificates_page_parent_class)->finalize (object);
}

static void
att_certificates_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AttCertificatesPage *self = ATT_CERTIFICATES_PAGE (object);

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
att_certificates_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AttCertificatesPage *self = ATT_CERTIFICATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          update_title_buttons (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_certificates_page_class_init (AttCertificatesPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = att_certificates_page_constructed;
  object_class->dispose = att_certificates_page_dispose;
  object_class->finalize = att_certificates_page_finalize;
  object_class->get_property = att_certificates_page_get_property;
  object_class->set_property = att_certificates_page_set_property;
  widget_class->map = att_certificates_page_map;

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

  g_type_ensure (ATT_TYPE_CERTIFICATE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-certificates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, details_pane);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, list_header);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, details_header);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, standard_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatesPage, details);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, update_title_buttons);

  gtk_widget_class_install_action (widget_class, "certificates.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "certificates.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "certificates.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "certificates.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "certificates.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "certificates.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "certificates.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "certificates.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "certificates.reload", NULL);

  gtk_widget_class_set_css_name (widget_class, "certificatespage");
}

static void
att_certificates_page_init (AttCertificatesPage *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
  att_accessible_label_drop_down (self->status_dropdown, _ ("Show certificates of status"));
  att_accessible_label_drop_down (self->standard_dropdown, _ ("Show certificates of standard"));

  g_object_set (self->search_entry, "placeholder-text", _ ("Search certificates"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Search certificates by number, name, standard or issuing body"), -1);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  att_certificates_page_setup_filters (self);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  att_certificates_page_setup_columns (self);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  /* Before the selection hears of a change, and after. */
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (before_items_changed), self,
                           G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (show_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details, "certificate-changed", G_CALLBACK (on_certificate_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  update_title_buttons (self);
  update_stack (self);
  att_certificate_drop_install (GTK_WIDGET (self), _ ("Drop to create a certificate"), on_drop, NULL);
}

GtkWidget *
att_certificates_page_new (AttContext *context)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);

  return g_object_new (ATT_TYPE_CERTIFICATES_PAGE,
                       "context", context,
                       NULL);
}

/**
 * att_certificates_page_get_certificates:
 *
 * Returns: (transfer none) (nullable): every certificate read, before the
 *   filters (an #AttCertificateList), once the view has been shown
 */
GListModel *
att_certificates_page_get_certificates (AttCertificatesPage *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATES_PAGE (self), NULL);

  return G_LIST_MODEL (self->list);
}

/**
 * att_certificates_page_get_model:
 *
 * Returns: (transfer none): the certificates the table shows, filtered and
 *   sorted
 */
GListModel *
att_certificates_page_get_model (AttCertificatesPage *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATES_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

/**
 * att_certificates_page_get_column_view:
 *
 * Returns: (transfer none): the table
 */
GtkColumnView *
att_certificates_page_get_column_view (AttCertificatesPage *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATES_PAGE (self), NULL);

  return self->column_view;
}

/**
 * att_certificates_page_get_details:
 *
 * Returns: (transfer none): the #AttCertificatePage beside the table
 */
GtkWidget *
att_certificates_page_get_details (AttCertificatesPage *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATES_PAGE (self), NULL);

  return GTK_WIDGET (self->details);
}

void
att_certificates_page_focus_search (AttCertificatesPage *self)
{
  g_return_if_fail (ATT_IS_CERTIFICATES_PAGE (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
att_certificates_page_set_search_text (AttCertificatesPage *self,
                                       const char          *text)
{
  g_return_if_fail (ATT_IS_CERTIFICATES_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
}

void
att_certificates_page_select (AttCertificatesPage *self,
                              guint                position)
{
  g_return_if_fail (ATT_IS_CERTIFICATES_PAGE (self));

  gtk_single_selection_set_selected (self->selection, position);
}

/**
 * att_certificates_page_show_certificate:
 * @id: a certificate `_id`
 *
 * Selects the certificate and shows its page, now if it is listed, else as
 * soon as the scan finds it.  The filters are cleared, so that it shows.
 */
void
att_certificates_page_show_certificate (AttCertificatesPage *self,
                                        const char          *id)
{
  g_return_if_fail (ATT_IS_CERTIFICATES_PAGE (self));
  g_return_if_fail (id != NULL);

  g_free (self->wanted_id);
  self->wanted_id = g_strdup (id);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->standard_dropdown, 0);
  start_list (self);
  on_items_changed (self);
  adw_leaflet_set_visible_child (self->leaflet, self->details_pane);
}

/**
 * att_certificates_page_reload:
 *
 * Reads the certificates again; the table keeps what it shows until the
 * new scan is complete.
 */
void
att_certificates_page_reload (AttCertificatesPage *self)
{
  g_return_if_fail (ATT_IS_CERTIFICATES_PAGE (self));

  if (self->list == NULL)
    {
      start_list (self);
      return;
    }
  att_certificate_list_refresh (self->list);
  att_certificates_page_load_standards (self);
}

/* A certificate made in the form: the list reads the products again (the
 * new certificate is found on those it covers), and shows it. */
static void
on_created (AttCertificateForm  *form,
            AttCertificate      *certificate,
            AttCertificatesPage *self)
{
  att_certificates_page_reload (self);
  att_certificates_page_show_certificate (self, att_certificate_get_id (certificate));
  att_certificate_page_set_certificate (self->details, certificate);
}

/**
 * att_certificates_page_new_certificate:
 * @files: (nullable): files (#GFile) for the new certificate
 * @texture: (nullable): an image for it, as a browser drops it
 *
 * Opens the form that creates a certificate, with @files or @texture.
 */
void
att_certificates_page_new_certificate (AttCertificatesPage *self,
                                       GListModel          *files,
                                       GdkTexture          *texture)
{
  GtkWidget *form;

  g_return_if_fail (ATT_IS_CERTIFICATES_PAGE (self));

  if (self->context == NULL)
    return;
  form = att_certificate_form_new_create (self->context, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL);
  if (files != NULL)
    att_certificate_form_add_files (ATT_CERTIFICATE_FORM (form), files);
  if (texture != NULL)
    att_certificate_form_add_texture (ATT_CERTIFICATE_FORM (form), texture);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_created), self, 0);
  gtk_window_present (GTK_WINDOW (form));
}
