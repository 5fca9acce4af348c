/* att-closient-product-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-closient-client.h"
#include "att-closient-format.h"
#include "att-closient-logos.h"
#include "att-closient-product-group.h"
#include "att-context.h"
#include "att-error.h"
#include "att-gtin.h"
#include "att-product.h"
#include "att-status-pill.h"

/**
 * AttClosientProductGroup:
 *
 * The "Closient" group of a product's details page, beside its Higg
 * certificates: one product, both services.  Closient knows products by
 * GTIN, so the group shows only for a product whose identifier is one (a
 * GTIN, or a UPC, which is a GTIN-12), and lists that GTIN's
 * certifications, each opening the Closient view on the GTIN.  A GTIN
 * Closient does not know, and an app with no Closient account, are said
 * plainly.  Everything is read again when another product is shown, or
 * the Closient account changes.
 */
struct _AttClosientProductGroup
{
  GtkWidget            parent_instance;

  AttContext          *context;
  char                *gtin;
  GCancellable        *cancellable;
  GListStore          *assignments;
  gboolean             loaded;

  AdwPreferencesGroup *group;
  GtkWidget           *open_button;
  GtkListBox          *list_box;
  GtkWidget           *status_box;
  GtkSpinner          *spinner;
  GtkLabel            *status_label;
  GtkWidget           *retry_button;
  GtkWidget           *account_button;
};

G_DEFINE_FINAL_TYPE (AttClosientProductGroup, att_closient_product_group, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_loaded (AttClosientProductGroup *self,
            gboolean                 loaded)
{
  if (self->loaded == loaded)
    return;
  self->loaded = loaded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

typedef enum {
  STATUS_NONE,
  STATUS_LOADING,
  STATUS_RETRY,
  STATUS_NO_ACCOUNT,
} StatusKind;

static void
show_status (AttClosientProductGroup *self,
             StatusKind               kind,
             const char              *text)
{
  gtk_widget_set_visible (self->status_box, kind != STATUS_NONE || text != NULL);
  gtk_spinner_set_spinning (self->spinner, kind == STATUS_LOADING);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), kind == STATUS_LOADING);
  gtk_label_set_label (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->retry_button, kind == STATUS_RETRY);
  gtk_widget_set_visible (self->account_button, kind == STATUS_NO_ACCOUNT);
  gtk_widget_set_visible (GTK_WIDGET (self->list_box),
                          g_list_model_get_n_items (G_LIST_MODEL (self->assignments)) > 0);
}

static void
clear (AttClosientProductGroup *self)
{
  GtkWidget *row;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_list_store_remove_all (self->assignments);
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, row);
  gtk_widget_set_visible (self->open_button, FALSE);
  show_status (self, STATUS_NONE, NULL);
  set_loaded (self, FALSE);
}

/* Rows */

/* The certificate number, its expiry and whether it is in force today, as
 * one line: the details pane is narrow, and the pill says the
 * verification. */
static char *
describe (AttClosientAssignment *assignment)
{
  const char      *number = att_closient_assignment_get_certificate_number (assignment);
  g_autofree char *date = att_closient_format_date (att_closient_assignment_get_expiry_date (assignment));
  g_autofree char *expires = NULL;
  GString         *str = g_string_new (number);

  if (date != NULL)
    /* Translators: %s is the day a certification expires */
    expires = g_strdup_printf (_ ("expires %s"), date);
  if (expires != NULL)
    g_string_append_printf (str, "%s%s", str->len > 0 ? " · " : "", expires);
  g_string_append_printf (str, "%s%s", str->len > 0 ? " · " : "",
                          att_closient_assignment_get_is_active (assignment) ? C_ ("certification", "Active")
                                                                             : C_ ("certification", "Inactive"));
  return g_string_free (str, FALSE);
}

static GtkWidget *
create_row (AttClosientProductGroup *self,
            AttClosientAssignment   *assignment)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *logo = gtk_image_new ();
  GtkWidget       *verification = att_status_pill_new ();
  const char      *label = att_closient_assignment_get_label (assignment);
  g_autofree char *subtitle = describe (assignment);
  g_autofree char *logo_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: what a screen reader says of a certification's logo */
  logo_label = g_strdup_printf (_ ("Logo of %s"), label);
  gtk_image_set_pixel_size (GTK_IMAGE (logo), 32);
  gtk_widget_set_valign (logo, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (logo, "closient-logo");
  att_closient_logo_show (GTK_IMAGE (logo), att_closient_logos_get_for_context (self->context),
                          att_closient_assignment_get_logo_url (assignment), "application-certificate-symbolic",
                          logo_label);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), logo);

  att_closient_pill_show_verification (verification, att_closient_assignment_get_verification_status (assignment),
                                       FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), verification);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", self->gtin);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-closient-gtin");
  gtk_widget_set_tooltip_text (row, _ ("Show in the Closient view"));
  return row;
}

static void
show_assignments (AttClosientProductGroup *self,
                  GListModel              *assignments)
{
  guint n = g_list_model_get_n_items (assignments);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttClosientAssignment) assignment = g_list_model_get_item (assignments, i);

      g_list_store_append (self->assignments, assignment);
      gtk_list_box_append (self->list_box, create_row (self, assignment));
    }
  /* The action is set with its target: without one it would not fit. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "s", self->gtin);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "win.show-closient-gtin");
  gtk_widget_set_visible (self->open_button, TRUE);
  show_status (self, STATUS_NONE, n == 0 ? _ ("Closient lists no certification for this product.") : NULL);
}

/* Loading */

static void
listed (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(AttClosientProductGroup) self = user_data;
  g_autoptr(GListModel) assignments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  assignments = att_closient_client_list_certifications_finish (ATT_CLOSIENT_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND))
    {
      /* Translators: %s is a GTIN of 14 digits */
      text = g_strdup_printf (_ ("This product is not on Closient: no product there has its GTIN, %s."), self->gtin);
      show_status (self, STATUS_NONE, text);
    }
  else if (assignments == NULL)
    show_status (self, STATUS_RETRY, error->message);
  else
    show_assignments (self, assignments);
  set_loaded (self, TRUE);
}

static void
load (AttClosientProductGroup *self)
{
  AttClosientClient *client = self->context != NULL ? att_context_get_closient_client (self->context) : NULL;
  g_autofree char   *text = NULL;

  clear (self);
  gtk_widget_set_visible (GTK_WIDGET (self), self->gtin != NULL);
  adw_preferences_group_set_description (self->group, NULL);
  if (self->gtin == NULL)
    {
      set_loaded (self, TRUE);
      return;
    }
  /* Translators: %s is a GTIN of 14 digits */
  text = g_strdup_printf (_ ("By its GTIN, %s"), self->gtin);
  adw_preferences_group_set_description (self->group, text);
  if (client == NULL)
    {
      show_status (self, STATUS_NO_ACCOUNT,
                   _ ("No Closient account: add one to see this product’s certifications on Closient."));
      set_loaded (self, TRUE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  show_status (self, STATUS_LOADING, _ ("Looking for its certifications on Closient…"));
  att_closient_client_list_certifications_async (client, self->gtin, NULL, self->cancellable, listed,
                                                 g_object_ref (self));
}

/* The GTIN of a product whose identifier is one, padded to 14 digits. */
static char *
product_gtin (AttProduct *product)
{
  const char      *type = product != NULL ? att_product_get_identifier_type (product) : NULL;
  const char      *identifier = product != NULL ? att_product_get_identifier (product) : NULL;
  g_autofree char *clean = NULL;
  char            *gtin14 = NULL;

  if (identifier == NULL || (g_strcmp0 (type, "GTIN") != 0 && g_strcmp0 (type, "UPC") != 0))
    return NULL;
  clean = att_gtin_clean_input (identifier);
  if (clean == NULL || !att_gtin_normalize (clean, &gtin14, NULL))
    return NULL;
  return gtin14;
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  load (ATT_CLOSIENT_PRODUCT_GROUP (widget));
}

/* GObject */

static void
att_closient_product_group_dispose (GObject *object)
{
  AttClosientProductGroup *self = (AttClosientProductGroup *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_CLOSIENT_PRODUCT_GROUP);
  g_clear_object (&self->assignments);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_closient_product_group_parent_class)->dispose (object);
}

static void
att_closient_product_group_finalize (GObject *object)
{
  AttClosientProductGroup *self = (AttClosientProductGroup *) object;

  g_free (self->gtin);

  G_OBJECT_CLASS (att_closient_product_group_parent_class)->finalize (object);
}

static void
att_closient_product_group_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  AttClosientProductGroup *self = ATT_CLOSIENT_PRODUCT_GROUP (object);

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
set_context (AttClosientProductGroup *self,
             AttContext              *context)
{
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  if (!g_set_object (&self->context, context))
    return;
  if (context != NULL)
    g_signal_connect_object (context, "notify::closient-client", G_CALLBACK (load), self, G_CONNECT_SWAPPED);
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

static void
att_closient_product_group_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  AttClosientProductGroup *self = ATT_CLOSIENT_PRODUCT_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_closient_product_group_class_init (AttClosientProductGroupClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_closient_product_group_dispose;
  object_class->finalize = att_closient_product_group_finalize;
  object_class->get_property = att_closient_product_group_get_property;
  object_class->set_property = att_closient_product_group_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether the lookup of the product's certifications has ended. */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-closient-product-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AttClosientProductGroup, group);
  gtk_widget_class_bind_template_child (widget_class, AttClosientProductGroup, open_button);
  gtk_widget_class_bind_template_child (widget_class, AttClosientProductGroup, list_box);
  gtk_widget_class_bind_template_child (widget_class, AttClosientProductGroup, status_box);
  gtk_widget_class_bind_template_child (widget_class, AttClosientProductGroup, spinner);
  gtk_widget_class_bind_template_child (widget_class, AttClosientProductGroup, status_label);
  gtk_widget_class_bind_template_child (widget_class, AttClosientProductGroup, retry_button);
  gtk_widget_class_bind_template_child (widget_class, AttClosientProductGroup, account_button);

  gtk_widget_class_install_action (widget_class, "closient-group.reload", NULL, reload_action);
}

static void
att_closient_product_group_init (AttClosientProductGroup *self)
{
  self->assignments = g_list_store_new (ATT_TYPE_CLOSIENT_ASSIGNMENT);

  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
  show_status (self, STATUS_NONE, NULL);
}

GtkWidget *
att_closient_product_group_new (AttContext *context)
{
  g_return_val_if_fail (context == NULL || ATT_IS_CONTEXT (context), NULL);

  return g_object_new (ATT_TYPE_CLOSIENT_PRODUCT_GROUP,
                       "context", context,
                       NULL);
}

/**
 * att_closient_product_group_set_product:
 * @product: (nullable): a PIC product
 *
 * Looks for @product's certifications on Closient if its identifier is a
 * GTIN, cancelling the lookup for the product shown before; hides the
 * group otherwise.
 */
void
att_closient_product_group_set_product (AttClosientProductGroup *self,
                                        AttProduct              *product)
{
  g_return_if_fail (ATT_IS_CLOSIENT_PRODUCT_GROUP (self));
  g_return_if_fail (product == NULL || ATT_IS_PRODUCT (product));

  g_free (self->gtin);
  self->gtin = product_gtin (product);
  load (self);
}

/**
 * att_closient_product_group_get_gtin:
 *
 * Returns: (nullable): the product's GTIN, padded to 14 digits, or %NULL
 *   if its identifier is not one
 */
const char *
att_closient_product_group_get_gtin (AttClosientProductGroup *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PRODUCT_GROUP (self), NULL);

  return self->gtin;
}

gboolean
att_closient_product_group_get_loaded (AttClosientProductGroup *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PRODUCT_GROUP (self), FALSE);

  return self->loaded;
}

/**
 * att_closient_product_group_get_assignments:
 *
 * Returns: (transfer none): the #AttClosientAssignment list shown
 */
GListModel *
att_closient_product_group_get_assignments (AttClosientProductGroup *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PRODUCT_GROUP (self), NULL);

  return G_LIST_MODEL (self->assignments);
}

/**
 * att_closient_product_group_get_status_text:
 *
 * Returns: (transfer none): what the group says below its rows: that the
 *   product is not on Closient, that there is no account, no certification,
 *   or why they could not be read; empty if nothing
 */
const char *
att_closient_product_group_get_status_text (AttClosientProductGroup *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PRODUCT_GROUP (self), NULL);

  return gtk_label_get_label (self->status_label);
}
