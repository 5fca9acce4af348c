/* att-account-row.c: one account in the Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-account.h"
#include "att-account-row.h"

/* A row shows the account's name and address, a radio button for "in use"
 * and buttons to edit and remove it.  The buttons only activate the
 * "prefs.*" actions of the Preferences window with the account's id: the
 * row itself changes nothing. */
struct _AttAccountRow
{
  AdwActionRow    parent_instance;

  AttAccount     *account;
  gboolean        active;
  gboolean        syncing; /* set_active() is moving the radio button */

  /* template widgets */
  GtkCheckButton *use_button;
  GtkButton      *edit_button;
  GtkButton      *remove_button;
};

G_DEFINE_FINAL_TYPE (AttAccountRow, att_account_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible_labels (AttAccountRow *self)
{
  const char      *name = att_account_get_display_name (self->account);
  g_autofree char *use_label = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *remove_label = NULL;

  if (name == NULL || *name == '\0')
    name = _ ("Unnamed account");

  /* Translators: accessible labels of the buttons of one account's row;
   * %s is the name of the account. */
  use_label = g_strdup_printf (_ ("Use “%s”"), name);
  edit_label = g_strdup_printf (_ ("Edit “%s”"), name);
  remove_label = g_strdup_printf (_ ("Remove “%s”"), name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->use_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, use_label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
}

static void
on_account_notify (AttAccountRow *self)
{
  const char *name = att_account_get_display_name (self->account);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 name != NULL && *name != '\0' ? name : _ ("Unnamed account"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), att_account_get_base_url (self->account));
  update_accessible_labels (self);
}

static void
on_use_toggled (AttAccountRow  *self,
                GtkCheckButton *button)
{
  if (self->syncing || !gtk_check_button_get_active (button))
    return;

  /* Only the store says which account is in use: the Preferences window
   * makes it so, then calls set_active() on every row. */
  gtk_widget_activate_action (GTK_WIDGET (self), "prefs.use-account", "s",
                              att_account_get_id (self->account));
  if (!self->active)
    {
      self->syncing = TRUE;
      gtk_check_button_set_active (button, FALSE);
      self->syncing = FALSE;
    }
}

static void
att_account_row_constructed (GObject *object)
{
  AttAccountRow *self = (AttAccountRow *) object;
  const char    *id;

  G_OBJECT_CLASS (att_account_row_parent_class)->constructed (object);

  g_assert (ATT_IS_ACCOUNT (self->account));

  id = att_account_get_id (self->account);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "s", id);

  g_signal_connect_object (self->account, "notify::display-name",
                           G_CALLBACK (on_account_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account, "notify::base-url",
                           G_CALLBACK (on_account_notify), self, G_CONNECT_SWAPPED);
  on_account_notify (self);
}

static void
att_account_row_dispose (GObject *object)
{
  AttAccountRow *self = (AttAccountRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_ACCOUNT_ROW);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (att_account_row_parent_class)->dispose (object);
}

static void
att_account_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AttAccountRow *self = ATT_ACCOUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_account_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AttAccountRow *self = ATT_ACCOUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;

    case PROP_ACTIVE:
      att_account_row_set_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_account_row_class_init (AttAccountRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = att_account_row_constructed;
  object_class->dispose = att_account_row_dispose;
  object_class->get_property = att_account_row_get_property;
  object_class->set_property = att_account_row_set_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         ATT_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-account-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AttAccountRow, use_button);
  gtk_widget_class_bind_template_child (widget_class, AttAccountRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, AttAccountRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_use_toggled);
}

static void
att_account_row_init (AttAccountRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
}

GtkWidget *
att_account_row_new (AttAccount *account)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT (account), NULL);

  return g_object_new (ATT_TYPE_ACCOUNT_ROW,
                       "account", account,
                       NULL);
}

/**
 * att_account_row_get_account:
 *
 * Returns: (transfer none): the account shown
 */
AttAccount *
att_account_row_get_account (AttAccountRow *self)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT_ROW (self), NULL);

  return self->account;
}

gboolean
att_account_row_get_active (AttAccountRow *self)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT_ROW (self), FALSE);

  return self->active;
}

/**
 * att_account_row_set_active:
 *
 * Shows whether this is the account in use for its service.  Only the
 * Preferences window calls this, following the account store.
 */
void
att_account_row_set_active (AttAccountRow *self,
                            gboolean       active)
{
  g_return_if_fail (ATT_IS_ACCOUNT_ROW (self));

  active = !!active;
  self->syncing = TRUE;
  gtk_check_button_set_active (self->use_button, active);
  self->syncing = FALSE;

  if (self->active == active)
    return;

  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/**
 * att_account_row_set_group:
 * @group: (nullable): a check button of the group, e.g. an unshown one that
 *   stands for "no account in use"
 *
 * Joins the "in use" button of this row to @group, so that the rows of one
 * service look and behave as radio buttons.
 */
void
att_account_row_set_group (AttAccountRow  *self,
                           GtkCheckButton *group)
{
  g_return_if_fail (ATT_IS_ACCOUNT_ROW (self));
  g_return_if_fail (group == NULL || GTK_IS_CHECK_BUTTON (group));

  self->syncing = TRUE;
  gtk_check_button_set_group (self->use_button, group);
  gtk_check_button_set_active (self->use_button, self->active);
  self->syncing = FALSE;
}
