/* att-account-needed-page.c: a view that needs an account of a service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-account-needed-page.h"

/**
 * AttAccountNeededPage:
 *
 * What a view shows in place of its content when the account it works on
 * is missing (a Closient account and no Higg one, say): its header bar,
 * what it needs, and a button that adds such an account.
 */
struct _AttAccountNeededPage
{
  GtkBox        parent_instance;

  AdwHeaderBar *header;
  gboolean      folded;
};

G_DEFINE_FINAL_TYPE (AttAccountNeededPage, att_account_needed_page, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_account_needed_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AttAccountNeededPage *self = ATT_ACCOUNT_NEEDED_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_account_needed_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AttAccountNeededPage *self = ATT_ACCOUNT_NEEDED_PAGE (object);

  switch (prop_id)
    {
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
att_account_needed_page_class_init (AttAccountNeededPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = att_account_needed_page_get_property;
  object_class->set_property = att_account_needed_page_set_property;

  /* Whether the window's sidebar is folded away. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_account_needed_page_init (AttAccountNeededPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->header = ADW_HEADER_BAR (adw_header_bar_new ());
  adw_header_bar_set_show_start_title_buttons (self->header, FALSE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->header));
}

static GtkWidget *
add_account_button (AttService service)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (service == ATT_SERVICE_HIGG ? _ ("_Add a Higg Account…")
                                                                                : _ ("_Add a Closient Account…"));

  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.add-account");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", att_service_to_string (service));
  return button;
}

/**
 * att_account_needed_page_new:
 * @view_title: the title of the view it stands in for, translated
 * @service: the service whose account the view needs
 */
GtkWidget *
att_account_needed_page_new (const char *view_title,
                             AttService  service)
{
  AttAccountNeededPage *self = g_object_new (ATT_TYPE_ACCOUNT_NEEDED_PAGE, NULL);
  GtkWidget            *status = adw_status_page_new ();

  adw_header_bar_set_title_widget (self->header, adw_window_title_new (view_title, NULL));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-password-symbolic");
  if (service == ATT_SERVICE_HIGG)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _ ("No Higg Account"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _ ("Add a Higg account with its API and integration keys to "
                                          "work on products, materials, purchase orders and certificates."));
    }
  else
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _ ("No Closient Account"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _ ("Add a Closient account with its API key to review products’ "
                                          "certifications by GTIN."));
    }
  adw_status_page_set_child (ADW_STATUS_PAGE (status), add_account_button (service));
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (self), status);
  return GTK_WIDGET (self);
}
