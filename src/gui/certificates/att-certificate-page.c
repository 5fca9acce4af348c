/* att-certificate-page.c: the widget, its header and its fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-certificate-drop.h"
#include "att-certificate-form.h"
#include "att-certificate-page-private.h"
#include "att-certificate-read-back.h"
#include "att-context.h"
#include "att-field-rows.h"
#include "att-format.h"
#include "att-pm-product.h"
#include "att-status-pill.h"

/**
 * AttCertificatePage:
 *
 * Everything a certificate says: its standard, number and dates with its
 * status in colour and in words (re-evaluated when the expiry lead time
 * changes), its images as thumbnails decoded off the main thread, the
 * products it covers with Attach and Detach, and every other member the
 * server sent.
 */

G_DEFINE_FINAL_TYPE (AttCertificatePage, att_certificate_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CERTIFICATE,
  PROP_PRODUCTS_LOADED,
  N_PROPS
};

enum {
  SIGNAL_CERTIFICATE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* The members the API documents, shown under their names in this order;
 * the files and the products have sections of their own. */
typedef struct
{
  const char *key;
  const char *label;
} FieldLabel;

static const FieldLabel field_labels[] = {
  { "assertionStandardName", NC_ ("certificate field", "Standard") },
  { "assertionAuthorityName", NC_ ("certificate field", "Authority") },
  { "assertionId", NC_ ("certificate field", "Certificate number") },
  { "certificateName", NC_ ("certificate field", "Certificate name") },
  { "proofBody", NC_ ("certificate field", "Issuing body") },
  { "dateIssued", NC_ ("certificate field", "Issued") },
  { "dateExpires", NC_ ("certificate field", "Expires") },
  { "_id", NC_ ("certificate field", "Higg certificate ID") },
  { "assertionStandardId", NC_ ("certificate field", "Standard ID") },
  { "assertionAuthorityId", NC_ ("certificate field", "Authority ID") },
};

static const char *const own_sections[] = { "certificationFiles", "productModuleIds" };

/* How long the products wait for more news of them before they are read. */
#define PRODUCTS_CHANGED_DELAY_MS 300

static guint
lead_days (AttCertificatePage *self)
{
  return self->context != NULL ? att_context_get_expiry_lead_days (self->context)
                               : ATT_CERTIFICATE_DEFAULT_LEAD_DAYS;
}

/* Header */

static char *
describe_expiry (AttCertificate *certificate)
{
  g_autofree char *expires = att_format_date (att_certificate_get_date_expires (certificate));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *date = att_certificate_get_date_expires (certificate);
  gint64     days;

  if (date == NULL)
    return NULL;
  days = g_date_time_difference (date, now) / G_TIME_SPAN_DAY;
  if (g_date_time_compare (date, now) <= 0)
    /* Translators: %s is a date */
    return g_strdup_printf (_ ("Expired on %s"), expires);
  if (days < 1)
    /* Translators: %s is a date */
    return g_strdup_printf (_ ("Expires on %s, within a day"), expires);
  /* Translators: %s is a date, %d a number of days */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Expires on %s, in %d day",
                                       "Expires on %s, in %d days", (gulong) days),
                          expires, (int) days);
}

static void
update_status (AttCertificatePage *self)
{
  g_autofree char *expiry = NULL;

  if (self->certificate == NULL)
    return;
  att_status_pill_show (self->status_pill, self->certificate, lead_days (self));
  expiry = describe_expiry (self->certificate);
  gtk_label_set_label (self->expiry_label, expiry);
  gtk_widget_set_visible (GTK_WIDGET (self->expiry_label), expiry != NULL);
}

static void
fill_header (AttCertificatePage *self)
{
  AttCertificate  *certificate = self->certificate;
  const char      *name = att_certificate_get_certificate_name (certificate);
  const char      *number = att_certificate_get_assertion_id (certificate);
  const char      *standard = att_certificate_get_standard_name (certificate);
  const char      *authority = att_certificate_get_authority_name (certificate);
  g_autofree char *summary = NULL;

  gtk_label_set_label (self->name_label, name != NULL     ? name
                                         : number != NULL ? number
                                                          : att_certificate_get_id (certificate));
  if (standard != NULL && number != NULL)
    /* Translators: a standard and a certificate number, e.g. "Global
     * Recycled Standard (GRS) · CU-GRS-1234567" */
    summary = g_strdup_printf (_ ("%s · %s"), standard, number);
  else
    summary = g_strdup (standard != NULL ? standard : number != NULL ? number
                                                                     : authority);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);
  update_status (self);
}

/* Fields */

static gboolean
has_own_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].key, key))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (own_sections); i++)
    if (g_str_equal (own_sections[i], key))
      return TRUE;
  return FALSE;
}

/* Dates are shown as the model read them (seconds or milliseconds, or
 * ISO 8601), not as the number the server sent. */
static void
add_known_field (AttCertificatePage *self,
                 const FieldLabel   *field,
                 JsonNode           *node)
{
  const char      *title = g_dpgettext2 (GETTEXT_PACKAGE, "certificate field", field->label);
  GDateTime       *date = NULL;
  g_autofree char *text = NULL;

  if (g_str_equal (field->key, "dateIssued"))
    date = att_certificate_get_date_issued (self->certificate);
  else if (g_str_equal (field->key, "dateExpires"))
    date = att_certificate_get_date_expires (self->certificate);
  else
    {
      att_field_rows_add_member (self->fields_group, self->field_rows, title, node);
      return;
    }
  text = att_format_date (date);
  att_field_rows_add_text (self->fields_group, self->field_rows, title, text);
}

static void
fill_fields (AttCertificatePage *self)
{
  JsonObject *json = att_certificate_get_json (self->certificate);
  g_autoptr(GList) members = json_object_get_members (json);

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (json_object_has_member (json, field_labels[i].key))
      add_known_field (self, &field_labels[i], json_object_get_member (json, field_labels[i].key));

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *title = NULL;

      if (has_own_label (l->data))
        continue;
      title = att_field_rows_humanize_key (l->data);
      att_field_rows_add_member (self->fields_group, self->field_rows, title,
                                 json_object_get_member (json, l->data));
    }
}

static void
show_certificate (AttCertificatePage *self)
{
  att_field_rows_clear (self->fields_group, self->field_rows);
  att_certificate_page_clear_gallery (self);
  att_certificate_page_clear_products (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "certificate.edit", self->certificate != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "certificate.attach", self->certificate != NULL);

  if (self->certificate == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  fill_header (self);
  fill_fields (self);
  att_certificate_page_fill_gallery (self);
  att_certificate_page_load_products (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  gtk_stack_set_visible_child_name (self->stack, "certificate");
}

/* The certificate list learns of more products a certificate covers as
 * its scan goes on: the products are read again once it pauses. */
static gboolean
reload_products_cb (gpointer user_data)
{
  AttCertificatePage *self = user_data;

  self->products_timeout = 0;
  att_certificate_page_clear_products (self);
  att_certificate_page_load_products (self);
  return G_SOURCE_REMOVE;
}

static void
on_products_changed (AttCertificatePage *self)
{
  g_clear_handle_id (&self->products_timeout, g_source_remove);
  self->products_timeout = g_timeout_add (PRODUCTS_CHANGED_DELAY_MS, reload_products_cb, self);
}

/* Actions */

static void
on_form_saved (AttCertificateForm *form,
               AttCertificate     *certificate,
               AttCertificatePage *self)
{
  att_certificate_page_certificate_changed (self, certificate);
}

/**
 * att_certificate_page_edit:
 * @files: (nullable): files (#GFile) to add to the certificate's
 * @texture: (nullable): an image to add, as a browser drops it
 *
 * Opens the form that updates the certificate shown, with @files or
 * @texture added to its files; what the form saves is shown here.
 */
void
att_certificate_page_edit (AttCertificatePage *self,
                           GListModel         *files,
                           GdkTexture         *texture)
{
  GtkWidget *form;

  g_return_if_fail (ATT_IS_CERTIFICATE_PAGE (self));

  if (self->certificate == NULL || self->context == NULL)
    return;
  form = att_certificate_form_new_update (self->context, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                          self->certificate);
  if (files != NULL)
    att_certificate_form_add_files (ATT_CERTIFICATE_FORM (form), files);
  if (texture != NULL)
    att_certificate_form_add_texture (ATT_CERTIFICATE_FORM (form), texture);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved), self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
on_drop (GtkWidget  *widget,
         GListModel *files,
         GdkTexture *texture,
         gpointer    user_data)
{
  att_certificate_page_edit (ATT_CERTIFICATE_PAGE (widget), files, texture);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  att_certificate_page_edit (ATT_CERTIFICATE_PAGE (widget), NULL, NULL);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  att_certificate_page_choose_products (ATT_CERTIFICATE_PAGE (widget));
}

static void
load_products_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AttCertificatePage *self = ATT_CERTIFICATE_PAGE (widget);

  att_certificate_page_clear_products (self);
  if (self->certificate != NULL)
    att_certificate_page_load_products (self);
}

static void
detach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  att_certificate_page_ask_detach (ATT_CERTIFICATE_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* GObject */

static void
set_context (AttCertificatePage *self,
             AttContext         *context)
{
  if (self->context == context)
    return;
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "notify::expiry-lead-days", G_CALLBACK (update_status), self,
                             G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

static void
att_certificate_page_dispose (GObject *object)
{
  AttCertificatePage *self = (AttCertificatePage *) object;

  g_clear_handle_id (&self->products_timeout, g_source_remove);
  if (self->certificate != NULL)
    g_signal_handlers_disconnect_by_data (self->certificate, self);
  g_cancellable_cancel (self->gallery_cancellable);
  g_cancellable_cancel (self->products_cancellable);
  g_cancellable_cancel (self->update_cancellable);
  g_cancellable_cancel (self->read_back_cancellable);
  g_clear_object (&self->read_back_cancellable);
  g_clear_object (&self->gallery_cancellable);
  g_clear_object (&self->products_cancellable);
  g_clear_object (&self->update_cancellable);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_CERTIFICATE_PAGE);
  g_clear_object (&self->certificate);
  g_clear_object (&self->products);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_certificate_page_parent_class)->dispose (object);
}

static void
att_certificate_page_finalize (GObject *object)
{
  AttCertificatePage *self = (AttCertificatePage *) object;

  g_ptr_array_unref (self->field_rows);

  G_OBJECT_CLASS (att_certificate_page_parent_class)->finalize (object);
}

static void
att_certificate_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AttCertificatePage *self = ATT_CERTIFICATE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_CERTIFICATE:
      g_value_set_object (value, self->certificate);
      break;

    case PROP_PRODUCTS_LOADED:
      g_value_set_boolean (value, self->products_loaded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_certificate_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AttCertificatePage *self = ATT_CERTIFICATE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;

    case PROP_CERTIFICATE:
      att_certificate_page_set_certificate (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_certificate_page_class_init (AttCertificatePageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_certificate_page_dispose;
  object_class->finalize = att_certificate_page_finalize;
  object_class->get_property = att_certificate_page_get_property;
  object_class->set_property = att_certificate_page_set_property;

  /* The services, and the expiry lead time the status follows. */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CERTIFICATE] =
    g_param_spec_object ("certificate", NULL, NULL,
                         ATT_TYPE_CERTIFICATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether the products the certificate covers have been read. */
  properties[PROP_PRODUCTS_LOADED] =
    g_param_spec_boolean ("products-loaded", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AttCertificatePage::certificate-changed:
   * @certificate: the server's copy after an attach or a detach
   *
   * The certificate changed on the server from this page, so that the list
   * shows its new product count.
   */
  signals[SIGNAL_CERTIFICATE_CHANGED] =
    g_signal_new ("certificate-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ATT_TYPE_CERTIFICATE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-certificate-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, stack);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, status_box);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, expiry_label);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, images_group);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, gallery);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, links_list);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, products_group);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, products_list);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, products_status);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, products_spinner);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, products_label);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, products_button);
  gtk_widget_class_bind_template_child (widget_class, AttCertificatePage, fields_group);

  gtk_widget_class_install_action (widget_class, "certificate.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "certificate.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "certificate.load-products", NULL,
                                   load_products_action);
  gtk_widget_class_install_action (widget_class, "certificate.detach", "s", detach_action);

  gtk_widget_class_set_css_name (widget_class, "certificatepage");
}

static void
att_certificate_page_init (AttCertificatePage *self)
{
  self->field_rows = g_ptr_array_new ();
  self->products = g_list_store_new (ATT_TYPE_PM_PRODUCT);

  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));

  /* The pill comes first in the line, before the words about the date. */
  self->status_pill = att_status_pill_new ();
  gtk_box_prepend (self->status_box, self->status_pill);
  att_certificate_page_setup_gallery (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "certificate.edit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "certificate.attach", FALSE);
  att_certificate_drop_install (GTK_WIDGET (self), _ ("Drop to add these files to the certificate"), on_drop, NULL);
}

GtkWidget *
att_certificate_page_new (AttContext *context)
{
  g_return_val_if_fail (context == NULL || ATT_IS_CONTEXT (context), NULL);

  return g_object_new (ATT_TYPE_CERTIFICATE_PAGE,
                       "context", context,
                       NULL);
}

/**
 * att_certificate_page_get_certificate:
 *
 * Returns: (transfer none) (nullable): the certificate shown
 */
AttCertificate *
att_certificate_page_get_certificate (AttCertificatePage *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_PAGE (self), NULL);

  return self->certificate;
}

/**
 * att_certificate_page_set_certificate:
 * @certificate: (nullable): the certificate to show, or %NULL for none
 *
 * Shows @certificate, even if it is the one shown (its copy from the
 * server may have changed).
 */
void
att_certificate_page_set_certificate (AttCertificatePage *self,
                                      AttCertificate     *certificate)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_PAGE (self));
  g_return_if_fail (certificate == NULL || ATT_IS_CERTIFICATE (certificate));

  g_clear_handle_id (&self->products_timeout, g_source_remove);
  if (self->certificate != NULL)
    g_signal_handlers_disconnect_by_data (self->certificate, self);
  g_set_object (&self->certificate, certificate);
  if (certificate != NULL)
    g_signal_connect_object (certificate, "notify::n-products", G_CALLBACK (on_products_changed), self,
                             G_CONNECT_SWAPPED);
  show_certificate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CERTIFICATE]);
}

/**
 * att_certificate_page_focus:
 *
 * Moves the keyboard focus to the page, on its first button: the title
 * before it is a selectable label, which would be selected whole.
 */
void
att_certificate_page_focus (AttCertificatePage *self)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_PAGE (self));

  gtk_widget_grab_focus (self->edit_button);
}

/**
 * att_certificate_page_get_products:
 *
 * Returns: (transfer none): the #AttPmProduct list shown under Products
 */
GListModel *
att_certificate_page_get_products (AttCertificatePage *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_PAGE (self), NULL);

  return G_LIST_MODEL (self->products);
}

gboolean
att_certificate_page_get_products_loaded (AttCertificatePage *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_PAGE (self), FALSE);

  return self->products_loaded;
}

void
att_certificate_page_set_products_loaded (AttCertificatePage *self,
                                          gboolean            loaded)
{
  if (self->products_loaded == loaded)
    return;
  self->products_loaded = loaded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCTS_LOADED]);
}

/**
 * att_certificate_page_get_gallery:
 *
 * Returns: (transfer none): the #GtkFlowBox of thumbnails
 */
GtkWidget *
att_certificate_page_get_gallery (AttCertificatePage *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_PAGE (self), NULL);

  return GTK_WIDGET (self->gallery);
}

/**
 * att_certificate_page_get_n_thumbnails:
 *
 * Returns: how many thumbnails have been decoded and shown
 */
guint
att_certificate_page_get_n_thumbnails (AttCertificatePage *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_PAGE (self), 0);

  return self->n_thumbnails;
}

typedef struct
{
  AttCertificatePage *page;
  AttCertificate     *answer;
} ReadBack;

static void
read_back_free (ReadBack *data)
{
  g_object_unref (data->page);
  g_object_unref (data->answer);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadBack, read_back_free)

static void
read_back (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ReadBack) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttCertificate) certificate = att_certificate_read_back_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Without PM search, the answer is still the server's word on the
   * fields and the products. */
  att_certificate_page_set_certificate (data->page, certificate != NULL ? certificate : data->answer);
}

/**
 * att_certificate_page_certificate_changed:
 * @answer: the server's answer to an update made from this page
 *
 * Says so (the list reads its certificates again), and shows the
 * certificate as the server has it: the answer lacks its large files,
 * which are read back through PM search.
 */
void
att_certificate_page_certificate_changed (AttCertificatePage *self,
                                          AttCertificate     *answer)
{
  ReadBack *data = g_new0 (ReadBack, 1);

  g_signal_emit (self, signals[SIGNAL_CERTIFICATE_CHANGED], 0, answer);
  g_cancellable_cancel (self->read_back_cancellable);
  g_clear_object (&self->read_back_cancellable);
  self->read_back_cancellable = g_cancellable_new ();
  data->page = g_object_ref (self);
  data->answer = g_object_ref (answer);
  att_certificate_read_back_async (att_context_get_higg_client (self->context), answer,
                                   self->read_back_cancellable, read_back, data);
}

/* Toasts go to the nearest overlay, the window's. */
void
att_certificate_page_toast (AttCertificatePage *self,
                            const char         *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}
