/* att-certificate-form.c: the form that creates or updates a certificate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-certificate-form-private.h"
#include "att-context.h"

/* Creating asks for everything the certification API needs (V16), with
 * the authority and standard chosen from the server's lists; updating
 * shows the standard and the certificate number as they are, since they
 * cannot change (V17), and sends only what changed.  Files can be chosen
 * or dropped anywhere on the window.  The parts are listed in
 * att-certificate-form-private.h. */

G_DEFINE_FINAL_TYPE (AttCertificateForm, att_certificate_form, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CERTIFICATE,
  PROP_ATTACH_TO,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void
show_mode (AttCertificateForm *self)
{
  gboolean updating = self->certificate != NULL;

  gtk_window_set_title (GTK_WINDOW (self), updating ? _ ("Edit Certificate") : _ ("New Certificate"));
  gtk_widget_set_visible (GTK_WIDGET (self->authority_row), !updating);
  gtk_widget_set_visible (GTK_WIDGET (self->standard_row), !updating);
  gtk_widget_set_visible (GTK_WIDGET (self->number_row), !updating);
  gtk_widget_set_visible (GTK_WIDGET (self->fixed_standard_row), updating);
  gtk_widget_set_visible (GTK_WIDGET (self->fixed_number_row), updating);
  gtk_widget_set_visible (GTK_WIDGET (self->products_group), !updating);
}

static void
att_certificate_form_constructed (GObject *object)
{
  AttCertificateForm *self = ATT_CERTIFICATE_FORM (object);

  G_OBJECT_CLASS (att_certificate_form_parent_class)->constructed (object);

  show_mode (self);
  att_certificate_form_fields_init (self);
  att_certificate_form_files_init (self);
  if (self->certificate != NULL)
    {
      att_certificate_form_fields_load (self);
      att_certificate_form_files_load (self);
    }
  else
    {
      att_certificate_form_lists_init (self);
      att_certificate_form_lists_load (self);
      if (self->attach_to != NULL)
        {
          g_autoptr(GListStore) products = g_list_store_new (ATT_TYPE_PM_PRODUCT);

          g_list_store_append (products, self->attach_to);
          att_certificate_form_set_products (self, G_LIST_MODEL (products));
        }
    }
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
}

/* --- Actions --------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  att_certificate_form_save (ATT_CERTIFICATE_FORM (widget));
}

static void
cancel_upload_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  att_certificate_form_cancel_upload (ATT_CERTIFICATE_FORM (widget));
}

static void
load_lists_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  att_certificate_form_lists_load (ATT_CERTIFICATE_FORM (widget));
}

static void
choose_products_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  att_certificate_form_choose_products (ATT_CERTIFICATE_FORM (widget));
}

/* --- The GObject ----------------------------------------------------------- */

/* Closing the window during an upload stops it; its answer, still on its
 * way, finds no form to show itself in.  A window is unrealized when it is
 * destroyed, before its last reference (the upload holds one) is gone. */
static void
stop (AttCertificateForm *self)
{
  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->save_cancellable != NULL)
    g_cancellable_cancel (self->save_cancellable);
}

static void
att_certificate_form_unrealize (GtkWidget *widget)
{
  stop (ATT_CERTIFICATE_FORM (widget));
  GTK_WIDGET_CLASS (att_certificate_form_parent_class)->unrealize (widget);
}

static void
att_certificate_form_dispose (GObject *object)
{
  AttCertificateForm *self = ATT_CERTIFICATE_FORM (object);

  stop (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_CERTIFICATE_FORM);

  G_OBJECT_CLASS (att_certificate_form_parent_class)->dispose (object);
}

static void
att_certificate_form_finalize (GObject *object)
{
  AttCertificateForm *self = ATT_CERTIFICATE_FORM (object);

  g_clear_object (&self->context);
  g_clear_object (&self->certificate);
  g_clear_object (&self->attach_to);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->save_cancellable);
  g_clear_object (&self->authorities);
  g_clear_object (&self->standards);
  g_clear_object (&self->standard_filter);
  g_clear_object (&self->standards_shown);
  g_free (self->lists_error);
  g_clear_pointer (&self->date_issued, g_date_time_unref);
  g_clear_pointer (&self->date_expires, g_date_time_unref);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->server_errors, g_ptr_array_unref);

  G_OBJECT_CLASS (att_certificate_form_parent_class)->finalize (object);
}

static void
att_certificate_form_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AttCertificateForm *self = ATT_CERTIFICATE_FORM (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_CERTIFICATE:
      self->certificate = g_value_dup_object (value);
      break;

    case PROP_ATTACH_TO:
      self->attach_to = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, drop_overlay);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, save_button);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, retry_button);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, problems_title);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, problems_box);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, scroller);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, form_box);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, certificate_group);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, lists_row);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, lists_spinner);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, lists_retry_button);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, authority_row);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, standard_row);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, fixed_standard_row);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, number_row);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, fixed_number_row);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, body_row);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, issued_row);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, expires_row);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, products_group);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, products_row);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateForm, file_list);
}

static void
att_certificate_form_class_init (AttCertificateFormClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags     flags = G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = att_certificate_form_constructed;
  object_class->dispose = att_certificate_form_dispose;
  object_class->finalize = att_certificate_form_finalize;
  object_class->set_property = att_certificate_form_set_property;
  widget_class->unrealize = att_certificate_form_unrealize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ATT_TYPE_CONTEXT, flags);
  properties[PROP_CERTIFICATE] =
    g_param_spec_object ("certificate", NULL, NULL, ATT_TYPE_CERTIFICATE, flags);
  properties[PROP_ATTACH_TO] =
    g_param_spec_object ("attach-to", NULL, NULL, ATT_TYPE_PM_PRODUCT, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AttCertificateForm::saved:
   * @certificate: the server's copy of the certificate after the save
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ATT_TYPE_CERTIFICATE);

  g_type_ensure (ATT_TYPE_CERTIFICATE_FILE_LIST);
  g_type_ensure (ATT_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-certificate-form.ui");
  bind_children (widget_class);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "form.cancel-upload", NULL, cancel_upload_action);
  gtk_widget_class_install_action (widget_class, "form.load-lists", NULL, load_lists_action);
  gtk_widget_class_install_action (widget_class, "form.choose-products", NULL, choose_products_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.save", NULL);
}

static void
att_certificate_form_init (AttCertificateForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->products = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.cancel-upload", FALSE);
}

/**
 * att_certificate_form_new_create:
 * @context: the services: the Higg client lists, searches and saves
 * @parent: (nullable): the window the form belongs to
 * @attach_to: (nullable): a product the new certificate is attached to,
 *   unless the user takes it off the list
 *
 * Returns: (transfer full): a modal form for a new certificate, not shown
 *   yet
 */
GtkWidget *
att_certificate_form_new_create (AttContext   *context,
                                 GtkWindow    *parent,
                                 AttPmProduct *attach_to)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (attach_to == NULL || ATT_IS_PM_PRODUCT (attach_to), NULL);

  return g_object_new (ATT_TYPE_CERTIFICATE_FORM,
                       "context", context,
                       "transient-for", parent,
                       "attach-to", attach_to,
                       NULL);
}

/**
 * att_certificate_form_new_update:
 * @certificate: the certificate as last read from the server
 *
 * Returns: (transfer full): a modal form that edits @certificate, not
 *   shown yet
 */
GtkWidget *
att_certificate_form_new_update (AttContext     *context,
                                 GtkWindow      *parent,
                                 AttCertificate *certificate)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATT_IS_CERTIFICATE (certificate), NULL);

  return g_object_new (ATT_TYPE_CERTIFICATE_FORM,
                       "context", context,
                       "transient-for", parent,
                       "certificate", certificate,
                       NULL);
}

/**
 * att_certificate_form_add_files:
 * @files: (element-type GFile): files to send, checked as they are added
 */
void
att_certificate_form_add_files (AttCertificateForm *self,
                                GListModel         *files)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_FORM (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  att_certificate_file_list_add_files (self->file_list, files);
}

/**
 * att_certificate_form_add_texture:
 * @texture: image data, as a browser drops it; sent as a PNG
 */
void
att_certificate_form_add_texture (AttCertificateForm *self,
                                  GdkTexture         *texture)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_FORM (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  att_certificate_file_list_add_texture (self->file_list, texture);
}

void
att_certificate_form_emit_saved (AttCertificateForm *self,
                                 AttCertificate     *certificate)
{
  g_signal_emit (self, signals[SAVED], 0, certificate);
}
