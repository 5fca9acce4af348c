/* att-product-certificates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-certificate-drop.h"
#include "att-certificate-form.h"
#include "att-certificate.h"
#include "att-context.h"
#include "att-format.h"
#include "att-pm-product.h"
#include "att-product-certificates.h"
#include "att-product.h"
#include "att-status-pill.h"

/**
 * AttProductCertificates:
 *
 * A product's "Certificates" group on its details page.  Certificates are
 * attached to Product Module products, not to PIC products, so the PM
 * products that are this product are found first (att-pm-match-search.c:
 * by barcode, then by style number), and their certificates listed, each
 * opening in the Certificates view.  A product with no PM match says so,
 * rather than showing an empty group.  Everything is read again when
 * another product is shown, the previous search cancelled.
 */
struct _AttProductCertificates
{
  GtkWidget            parent_instance;

  AttContext          *context;
  AttProduct          *product;
  GCancellable        *cancellable;
  GListStore          *pm_products;
  GListStore          *certificates;
  AttPmMatchKind       match_kind;
  gboolean             loaded;

  AdwPreferencesGroup *group;
  GtkWidget           *new_button;
  GtkListBox          *list_box;
  GtkWidget           *status_box;
  GtkSpinner          *spinner;
  GtkLabel            *status_label;
  GtkWidget           *retry_button;
};

G_DEFINE_FINAL_TYPE (AttProductCertificates, att_product_certificates, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
lead_days (AttProductCertificates *self)
{
  return self->context != NULL ? att_context_get_expiry_lead_days (self->context)
                               : ATT_CERTIFICATE_DEFAULT_LEAD_DAYS;
}

static void
set_loaded (AttProductCertificates *self,
            gboolean                loaded)
{
  if (self->loaded == loaded)
    return;
  self->loaded = loaded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
show_status (AttProductCertificates *self,
             gboolean                loading,
             const char             *text,
             gboolean                retry)
{
  gtk_widget_set_visible (self->status_box, loading || text != NULL);
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_label_set_label (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->retry_button, retry);
  gtk_widget_set_visible (GTK_WIDGET (self->list_box),
                          g_list_model_get_n_items (G_LIST_MODEL (self->certificates)) > 0);
}

static void
clear (AttProductCertificates *self)
{
  GtkWidget *row;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_list_store_remove_all (self->pm_products);
  g_list_store_remove_all (self->certificates);
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, row);
  self->match_kind = ATT_PM_MATCH_NONE;
  adw_preferences_group_set_description (self->group, NULL);
  gtk_widget_set_visible (self->new_button, FALSE);
  show_status (self, FALSE, NULL, FALSE);
  set_loaded (self, FALSE);
}

/* Rows */

static void
refresh_pill (GtkWidget *pill)
{
  AttProductCertificates *self = g_object_get_data (G_OBJECT (pill), "product-certificates");

  att_status_pill_show (pill, g_object_get_data (G_OBJECT (pill), "certificate"), lead_days (self));
}

static GtkWidget *
create_row (AttProductCertificates *self,
            AttCertificate         *certificate)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *pill = att_status_pill_new ();
  const char      *standard = att_certificate_get_standard_name (certificate);
  const char      *number = att_certificate_get_assertion_id (certificate);
  g_autofree char *expires = att_format_date (att_certificate_get_date_expires (certificate));
  g_autofree char *subtitle = NULL;

  if (number != NULL && expires != NULL)
    /* Translators: a certificate number and the day it expires */
    subtitle = g_strdup_printf (_ ("%s · expires %s"), number, expires);
  else
    subtitle = g_strdup (number != NULL ? number : expires);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 standard != NULL ? standard : att_certificate_get_id (certificate));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (pill), "certificate", g_object_ref (certificate), g_object_unref);
  g_object_set_data (G_OBJECT (pill), "product-certificates", self);
  refresh_pill (pill);
  if (self->context != NULL)
    g_signal_connect_object (self->context, "notify::expiry-lead-days", G_CALLBACK (refresh_pill), pill,
                             G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", att_certificate_get_id (certificate));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-certificate");
  gtk_widget_set_tooltip_text (row, _ ("Show the certificate in the Certificates view"));
  return row;
}

/* Each certificate once, even when two matching PM products share it. */
static void
add_certificates (AttProductCertificates *self,
                  AttPmProduct           *product,
                  GHashTable             *seen)
{
  GListModel *certificates = att_pm_product_get_certificates (product);

  for (guint i = 0; i < g_list_model_get_n_items (certificates); i++)
    {
      g_autoptr(AttCertificate) certificate = g_list_model_get_item (certificates, i);
      const char *id = att_certificate_get_id (certificate);

      if (!g_hash_table_add (seen, (gpointer) id))
        continue;
      g_list_store_append (self->certificates, certificate);
    }
}

static char *
describe_match (AttProductCertificates *self)
{
  g_autoptr(AttPmProduct) first = g_list_model_get_item (G_LIST_MODEL (self->pm_products), 0);
  guint       n = g_list_model_get_n_items (G_LIST_MODEL (self->pm_products));
  const char *name = att_pm_product_get_name (first) != NULL ? att_pm_product_get_name (first)
                                                             : att_pm_product_get_id (first);

  if (n > 1)
    return g_strdup_printf (self->match_kind == ATT_PM_MATCH_BARCODE
                              ? g_dngettext (GETTEXT_PACKAGE, "From %u Product Module product with its barcode",
                                             "From %u Product Module products with its barcode", n)
                              : g_dngettext (GETTEXT_PACKAGE, "From %u Product Module product with its style number",
                                             "From %u Product Module products with its style number", n),
                            n);
  /* Translators: %s is the name of the Product Module product */
  return g_strdup_printf (self->match_kind == ATT_PM_MATCH_BARCODE
                            ? _ ("From “%s” in the Product Module, matched by barcode")
                            : _ ("From “%s” in the Product Module, matched by style number"),
                          name);
}

static void
show_matches (AttProductCertificates *self,
              GListModel             *pm_products)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *description = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (pm_products); i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (pm_products, i);

      g_list_store_append (self->pm_products, product);
      add_certificates (self, product, seen);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->certificates)); i++)
    {
      g_autoptr(AttCertificate) certificate = g_list_model_get_item (G_LIST_MODEL (self->certificates), i);

      gtk_list_box_append (self->list_box, create_row (self, certificate));
    }

  description = describe_match (self);
  adw_preferences_group_set_description (self->group, description);
  gtk_widget_set_visible (self->new_button, TRUE);
  show_status (self, FALSE,
               g_list_model_get_n_items (G_LIST_MODEL (self->certificates)) == 0
                 ? _ ("The matching product has no certificate yet.")
                 : NULL,
               FALSE);
}

/* Loading */

static void
found (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(AttProductCertificates) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) pm_products = NULL;
  AttPmMatchKind kind = ATT_PM_MATCH_NONE;

  pm_products = att_pm_match_find_pm_products_finish (result, &kind, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (pm_products == NULL)
    {
      show_status (self, FALSE, error->message, TRUE);
      return;
    }

  self->match_kind = kind;
  if (kind == ATT_PM_MATCH_NONE)
    show_status (self, FALSE,
                 _ ("No matching product in the Higg Product Module (matched by barcode, then style number)."),
                 FALSE);
  else
    show_matches (self, pm_products);
  set_loaded (self, TRUE);
}

static void
load (AttProductCertificates *self)
{
  AttHiggClient *client = self->context != NULL ? att_context_get_higg_client (self->context) : NULL;

  clear (self);
  if (self->product == NULL || client == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  show_status (self, TRUE, _ ("Looking for its certificates…"), FALSE);
  att_pm_match_find_pm_products_async (client, self->product, self->cancellable, found, g_object_ref (self));
}

/* New certificate, and drops */

static void
on_created (GtkWidget              *form,
            AttCertificate         *certificate,
            AttProductCertificates *self)
{
  load (self);
}

/* The form attaches the new certificate to the matching PM product (the
 * first, when several match). */
static void
new_certificate (AttProductCertificates *self,
                 GListModel             *files,
                 GdkTexture             *texture)
{
  g_autoptr(AttPmProduct) attach_to = NULL;
  GtkWidget *form;

  if (self->context == NULL || self->product == NULL)
    return;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->pm_products)) > 0)
    attach_to = g_list_model_get_item (G_LIST_MODEL (self->pm_products), 0);
  form = att_certificate_form_new_create (self->context, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                          attach_to);
  if (files != NULL)
    att_certificate_form_add_files (ATT_CERTIFICATE_FORM (form), files);
  if (texture != NULL)
    att_certificate_form_add_texture (ATT_CERTIFICATE_FORM (form), texture);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_created), self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
on_drop (GtkWidget  *widget,
         GListModel *files,
         GdkTexture *texture,
         gpointer    user_data)
{
  new_certificate (ATT_PRODUCT_CERTIFICATES (widget), files, texture);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  new_certificate (ATT_PRODUCT_CERTIFICATES (widget), NULL, NULL);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  load (ATT_PRODUCT_CERTIFICATES (widget));
}

/* GObject */

static void
att_product_certificates_dispose (GObject *object)
{
  AttProductCertificates *self = (AttProductCertificates *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_PRODUCT_CERTIFICATES);
  g_clear_object (&self->product);
  g_clear_object (&self->pm_products);
  g_clear_object (&self->certificates);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_product_certificates_parent_class)->dispose (object);
}

static void
att_product_certificates_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AttProductCertificates *self = ATT_PRODUCT_CERTIFICATES (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_product_certificates_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AttProductCertificates *self = ATT_PRODUCT_CERTIFICATES (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      if (g_set_object (&self->context, g_value_get_object (value)))
        {
          load (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_product_certificates_class_init (AttProductCertificatesClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_product_certificates_dispose;
  object_class->get_property = att_product_certificates_get_property;
  object_class->set_property = att_product_certificates_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether the search for the product's certificates has ended. */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-product-certificates.ui");
  gtk_widget_class_bind_template_child (widget_class, AttProductCertificates, group);
  gtk_widget_class_bind_template_child (widget_class, AttProductCertificates, new_button);
  gtk_widget_class_bind_template_child (widget_class, AttProductCertificates, list_box);
  gtk_widget_class_bind_template_child (widget_class, AttProductCertificates, status_box);
  gtk_widget_class_bind_template_child (widget_class, AttProductCertificates, spinner);
  gtk_widget_class_bind_template_child (widget_class, AttProductCertificates, status_label);
  gtk_widget_class_bind_template_child (widget_class, AttProductCertificates, retry_button);

  gtk_widget_class_install_action (widget_class, "product-certificates.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "product-certificates.reload", NULL, reload_action);
}

static void
att_product_certificates_init (AttProductCertificates *self)
{
  self->pm_products = g_list_store_new (ATT_TYPE_PM_PRODUCT);
  self->certificates = g_list_store_new (ATT_TYPE_CERTIFICATE);

  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
  att_certificate_drop_install (GTK_WIDGET (self), _ ("Drop to create a certificate for this product"), on_drop,
                                NULL);
  show_status (self, FALSE, NULL, FALSE);
}

GtkWidget *
att_product_certificates_new (AttContext *context)
{
  g_return_val_if_fail (context == NULL || ATT_IS_CONTEXT (context), NULL);

  return g_object_new (ATT_TYPE_PRODUCT_CERTIFICATES,
                       "context", context,
                       NULL);
}

/**
 * att_product_certificates_set_product:
 * @product: (nullable): a PIC product
 *
 * Looks for @product's certificates, cancelling the search for the
 * product shown before.
 */
void
att_product_certificates_set_product (AttProductCertificates *self,
                                      AttProduct             *product)
{
  g_return_if_fail (ATT_IS_PRODUCT_CERTIFICATES (self));
  g_return_if_fail (product == NULL || ATT_IS_PRODUCT (product));

  g_set_object (&self->product, product);
  load (self);
}

gboolean
att_product_certificates_get_loaded (AttProductCertificates *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_CERTIFICATES (self), FALSE);

  return self->loaded;
}

AttPmMatchKind
att_product_certificates_get_match_kind (AttProductCertificates *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_CERTIFICATES (self), ATT_PM_MATCH_NONE);

  return self->match_kind;
}

/**
 * att_product_certificates_get_pm_products:
 *
 * Returns: (transfer none): the #AttPmProduct list the product matched
 */
GListModel *
att_product_certificates_get_pm_products (AttProductCertificates *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_CERTIFICATES (self), NULL);

  return G_LIST_MODEL (self->pm_products);
}

/**
 * att_product_certificates_get_certificates:
 *
 * Returns: (transfer none): the #AttCertificate list shown
 */
GListModel *
att_product_certificates_get_certificates (AttProductCertificates *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_CERTIFICATES (self), NULL);

  return G_LIST_MODEL (self->certificates);
}

/**
 * att_product_certificates_get_status_text:
 *
 * Returns: (transfer none): what the group says below its rows: that there
 *   is no match, no certificate, or why they could not be read; empty if
 *   nothing
 */
const char *
att_product_certificates_get_status_text (AttProductCertificates *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_CERTIFICATES (self), NULL);

  return gtk_label_get_label (self->status_label);
}
