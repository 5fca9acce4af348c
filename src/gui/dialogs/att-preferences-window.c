/* att-preferences-window.c: Preferences, with the Accounts page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-account.h"
#include "att-account-editor.h"
#include "att-account-row.h"
#include "att-account-store.h"
#include "att-context.h"
#include "att-preferences-window.h"

/* The Accounts page lists the account store in two groups, one per service,
 * each a filter over the same store: the store stays the only truth, and a
 * row is rebuilt whenever its account is replaced there.  Rows and dialogs
 * act through the "prefs.*" actions below. */
struct _AttPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AttContext          *context;
  AttAccountStore     *store; /* from the context; NULL if it has none */
  GtkFilterListModel  *higg_model;
  GtkFilterListModel  *closient_model;
  /* Never shown: the radio group of each service's rows, so that even a
   * single row has a radio button. */
  GtkCheckButton      *higg_group_button;
  GtkCheckButton      *closient_group_button;
  GCancellable        *cancellable;
  GtkWindow           *editor; /* weak */
  gboolean             closed; /* no more answers wanted */

  /* template widgets */
  GtkListBox          *higg_list;
  GtkListBox          *closient_list;
  GtkAdjustment       *lead_days_adjustment;
};

G_DEFINE_FINAL_TYPE (AttPreferencesWindow, att_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkListBox *
list_for_service (AttPreferencesWindow *self,
                  AttService            service)
{
  return service == ATT_SERVICE_HIGG ? self->higg_list : self->closient_list;
}

static void
add_toast (AttPreferencesWindow *self,
           const char           *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 5);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* A toast's title is markup: a name or an error message is not. */
static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static void
sync_active (AttPreferencesWindow *self,
             AttService            service)
{
  GtkListBox *list = list_for_service (self, service);
  AttAccount *active = NULL;

  if (self->store != NULL)
    active = att_account_store_get_active (self->store, service);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AttAccountRow *row;

      if (!ATT_IS_ACCOUNT_ROW (child))
        continue;

      row = ATT_ACCOUNT_ROW (child);
      att_account_row_set_active (row,
                                  active != NULL &&
                                    g_strcmp0 (att_account_get_id (att_account_row_get_account (row)),
                                               att_account_get_id (active)) == 0);
    }
}

static void
on_active_changed (AttPreferencesWindow *self,
                   AttService            service,
                   AttAccountStore      *store)
{
  sync_active (self, service);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AttPreferencesWindow *self = ATT_PREFERENCES_WINDOW (user_data);
  AttAccount           *account = ATT_ACCOUNT (item);
  AttService            service = att_account_get_service (account);
  GtkWidget            *row = att_account_row_new (account);
  AttAccount           *active = att_account_store_get_active (self->store, service);

  att_account_row_set_group (ATT_ACCOUNT_ROW (row),
                             service == ATT_SERVICE_HIGG
                               ? self->higg_group_button
                               : self->closient_group_button);
  att_account_row_set_active (ATT_ACCOUNT_ROW (row),
                              active != NULL &&
                                g_strcmp0 (att_account_get_id (active),
                                           att_account_get_id (account)) == 0);
  return row;
}

static gboolean
filter_higg (gpointer item,
             gpointer user_data)
{
  return att_account_get_service (ATT_ACCOUNT (item)) == ATT_SERVICE_HIGG;
}

static gboolean
filter_closient (gpointer item,
                 gpointer user_data)
{
  return att_account_get_service (ATT_ACCOUNT (item)) == ATT_SERVICE_CLOSIENT;
}

static GtkFilterListModel *
filter_store (AttAccountStore    *store,
              GtkCustomFilterFunc func)
{
  GtkCustomFilter *filter = gtk_custom_filter_new (func, NULL, NULL);

  return gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (store)), GTK_FILTER (filter));
}

static void
bind_store (AttPreferencesWindow *self)
{
  gboolean have_store;

  if (self->context != NULL)
    g_set_object (&self->store, att_context_get_account_store (self->context));

  have_store = self->store != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.add-account", have_store);
  if (!have_store)
    {
      g_warning ("The context has no account store: accounts cannot be edited");
      return;
    }

  self->higg_model = filter_store (self->store, filter_higg);
  self->closient_model = filter_store (self->store, filter_closient);
  gtk_list_box_bind_model (self->higg_list, G_LIST_MODEL (self->higg_model),
                           create_row, self, NULL);
  gtk_list_box_bind_model (self->closient_list, G_LIST_MODEL (self->closient_model),
                           create_row, self, NULL);

  g_signal_connect_object (self->store, "active-changed",
                           G_CALLBACK (on_active_changed), self, G_CONNECT_SWAPPED);
}

/* Editor */

static void
on_editor_saved (AttPreferencesWindow *self,
                 AttAccount           *account,
                 AttAccountEditor     *editor)
{
  g_autofree char *name = escape (att_account_get_display_name (account));
  g_autofree char *title = g_strdup_printf (_ ("“%s” saved"), name);

  add_toast (self, title);
}

static GtkWindow *
open_editor (AttPreferencesWindow *self,
             AttService            service,
             AttAccount           *account)
{
  GtkWidget *editor;

  g_return_val_if_fail (self->store != NULL, NULL);

  /* One editor at a time: it is modal, so another one can only be asked
   * for by the application (say, from the welcome page). */
  if (self->editor != NULL)
    gtk_window_destroy (self->editor);

  editor = att_account_editor_new (GTK_WINDOW (self), self->context, service, account);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->editor, GTK_WINDOW (editor));
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WINDOW (editor);
}

/* Removing */

typedef struct
{
  AttPreferencesWindow *self;
  char                 *name;
} RemoveData;

static void
remove_data_free (RemoveData *data)
{
  g_clear_object (&data->self);
  g_free (data->name);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RemoveData, remove_data_free)

static void
remove_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RemoveData) data = user_data;
  AttPreferencesWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = escape (data->name);
  g_autofree char *title = NULL;

  if (!att_account_store_remove_finish (ATT_ACCOUNT_STORE (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->closed)
        return;

      g_warning ("Could not remove an account: %s", error->message);
      message = escape (error->message);
      title = g_strdup_printf (_ ("Could not remove “%s”: %s"), name, message);
      add_toast (self, title);
      return;
    }

  if (self->closed)
    return;

  /* No Undo: the keys are gone from the keyring, and Attest never had a
   * copy to put back. */
  title = g_strdup_printf (_ ("“%s” removed"), name);
  add_toast (self, title);
}

static void
on_remove_response (AdwMessageDialog     *dialog,
                    const char           *response,
                    AttPreferencesWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "account-id");
  AttAccount *account;
  RemoveData *data;

  if (g_strcmp0 (response, "remove") != 0 || self->store == NULL)
    return;

  account = att_account_store_lookup (self->store, id);
  if (account == NULL)
    return;

  data = g_new0 (RemoveData, 1);
  data->self = g_object_ref (self);
  data->name = g_strdup (att_account_get_display_name (account));
  att_account_store_remove_async (self->store, id, self->cancellable, remove_cb, data);
}

static void
confirm_remove (AttPreferencesWindow *self,
                AttAccount           *account)
{
  AdwMessageDialog *dialog;
  const char       *body;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_format_heading (dialog, _ ("Remove “%s”?"),
                                     att_account_get_display_name (account));
  if (att_account_get_service (account) == ATT_SERVICE_HIGG)
    body = _ ("Attest will forget this account and remove its API key and integration key "
              "from the keyring of this computer. This cannot be undone: to use the account "
              "again, you will need to enter its keys again.");
  else
    body = _ ("Attest will forget this account and remove its API key from the keyring of "
              "this computer. This cannot be undone: to use the account again, you will need "
              "to enter its key again.");
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _ ("_Cancel"),
                                    "remove", _ ("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "account-id",
                          g_strdup (att_account_get_id (account)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  att_accessible_fix_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Using */

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AttPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *title = NULL;

  if (att_account_store_save_finish (ATT_ACCOUNT_STORE (object), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->closed)
    return;

  g_warning ("Could not save the accounts: %s", error->message);
  message = escape (error->message);
  title = g_strdup_printf (_ ("Could not save the choice of account: %s"), message);
  add_toast (self, title);
}

/* Actions */

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AttPreferencesWindow *self = ATT_PREFERENCES_WINDOW (widget);
  AttService            service;

  if (!att_service_from_string (g_variant_get_string (parameter, NULL), &service))
    {
      g_warning ("Unknown service “%s”", g_variant_get_string (parameter, NULL));
      return;
    }

  att_preferences_window_add_account (self, service);
}

static AttAccount *
lookup_parameter (AttPreferencesWindow *self,
                  GVariant             *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);
  AttAccount *account = NULL;

  if (self->store != NULL)
    account = att_account_store_lookup (self->store, id);
  if (account == NULL)
    g_debug ("No account with id %s", id);
  return account;
}

static void
edit_account_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AttPreferencesWindow *self = ATT_PREFERENCES_WINDOW (widget);
  AttAccount           *account = lookup_parameter (self, parameter);

  if (account != NULL)
    att_preferences_window_edit_account (self, account);
}

static void
remove_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AttPreferencesWindow *self = ATT_PREFERENCES_WINDOW (widget);
  AttAccount           *account = lookup_parameter (self, parameter);

  if (account != NULL)
    confirm_remove (self, account);
}

static void
use_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AttPreferencesWindow *self = ATT_PREFERENCES_WINDOW (widget);
  AttAccount           *account = lookup_parameter (self, parameter);
  AttService            service;
  AttAccount           *active;

  if (account == NULL)
    return;

  service = att_account_get_service (account);
  active = att_account_store_get_active (self->store, service);
  if (active == NULL ||
      g_strcmp0 (att_account_get_id (active), att_account_get_id (account)) != 0)
    {
      att_account_store_set_active (self->store, service, att_account_get_id (account));
      att_account_store_save_async (self->store, self->cancellable, save_cb, g_object_ref (self));
    }
  sync_active (self, service);
}

/* GObject */

static void
att_preferences_window_constructed (GObject *object)
{
  AttPreferencesWindow *self = (AttPreferencesWindow *) object;

  G_OBJECT_CLASS (att_preferences_window_parent_class)->constructed (object);

  bind_store (self);
  /* The context holds the lead time (the application keeps it in
   * GSettings): every view reads it from there. */
  g_object_bind_property (self->context, "expiry-lead-days", self->lead_days_adjustment, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

/* gtk_window_destroy() only drops GTK's own reference: an answer on its way
 * holds another one, so dispose() may come much later.  Once the window is
 * gone from the screen, its work is cancelled. */
static void
att_preferences_window_unrealize (GtkWidget *widget)
{
  AttPreferencesWindow *self = ATT_PREFERENCES_WINDOW (widget);

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);

  GTK_WIDGET_CLASS (att_preferences_window_parent_class)->unrealize (widget);
}

static void
att_preferences_window_dispose (GObject *object)
{
  AttPreferencesWindow *self = (AttPreferencesWindow *) object;

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);

  if (self->editor != NULL)
    gtk_window_destroy (self->editor);
  g_clear_weak_pointer (&self->editor);

  if (self->higg_list != NULL)
    gtk_list_box_bind_model (self->higg_list, NULL, NULL, NULL, NULL);
  if (self->closient_list != NULL)
    gtk_list_box_bind_model (self->closient_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->higg_model);
  g_clear_object (&self->closient_model);
  g_clear_object (&self->higg_group_button);
  g_clear_object (&self->closient_group_button);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (att_preferences_window_parent_class)->dispose (object);
}

static void
att_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AttPreferencesWindow *self = ATT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AttPreferencesWindow *self = ATT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_preferences_window_class_init (AttPreferencesWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = att_preferences_window_constructed;
  object_class->dispose = att_preferences_window_dispose;
  object_class->get_property = att_preferences_window_get_property;
  object_class->set_property = att_preferences_window_set_property;
  widget_class->unrealize = att_preferences_window_unrealize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AttPreferencesWindow, higg_list);
  gtk_widget_class_bind_template_child (widget_class, AttPreferencesWindow, closient_list);
  gtk_widget_class_bind_template_child (widget_class, AttPreferencesWindow, lead_days_adjustment);

  gtk_widget_class_install_action (widget_class, "prefs.add-account", "s", add_account_action);
  gtk_widget_class_install_action (widget_class, "prefs.edit-account", "s", edit_account_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-account", "s",
                                   remove_account_action);
  gtk_widget_class_install_action (widget_class, "prefs.use-account", "s", use_account_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
att_preferences_window_init (AttPreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->higg_group_button = g_object_ref_sink (GTK_CHECK_BUTTON (gtk_check_button_new ()));
  self->closient_group_button = g_object_ref_sink (GTK_CHECK_BUTTON (gtk_check_button_new ()));
  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
}

/**
 * att_preferences_window_new:
 * @context: the services; its account store is the one edited
 *
 * Returns: (transfer none): a new Preferences window (a toplevel: GTK owns
 *   it until it is destroyed)
 */
AttPreferencesWindow *
att_preferences_window_new (AttContext *context)
{
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);

  return g_object_new (ATT_TYPE_PREFERENCES_WINDOW,
                       "context", context,
                       NULL);
}

AttContext *
att_preferences_window_get_context (AttPreferencesWindow *self)
{
  g_return_val_if_fail (ATT_IS_PREFERENCES_WINDOW (self), NULL);

  return self->context;
}

/**
 * att_preferences_window_add_account:
 *
 * Opens the editor for a new account of @service, over this window.
 *
 * Returns: (transfer none) (nullable): the editor
 */
GtkWindow *
att_preferences_window_add_account (AttPreferencesWindow *self,
                                    AttService            service)
{
  g_return_val_if_fail (ATT_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (service == ATT_SERVICE_HIGG || service == ATT_SERVICE_CLOSIENT, NULL);

  return open_editor (self, service, NULL);
}

/**
 * att_preferences_window_edit_account:
 *
 * Opens the editor for @account, over this window.
 *
 * Returns: (transfer none) (nullable): the editor
 */
GtkWindow *
att_preferences_window_edit_account (AttPreferencesWindow *self,
                                     AttAccount           *account)
{
  g_return_val_if_fail (ATT_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (ATT_IS_ACCOUNT (account), NULL);

  return open_editor (self, att_account_get_service (account), account);
}
