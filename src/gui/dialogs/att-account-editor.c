/* att-account-editor.c: the dialog that adds or edits one account: the
 * GObject, the state shared by its parts, building the form and reacting
 * to edits.  The fields are read and validated in
 * att-account-editor-fields.c (with the public key file), the connection
 * test is in att-account-editor-test.c and saving in
 * att-account-editor-save.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-account.h"
#include "att-account-editor-private.h"
#include "att-account-store.h"
#include "att-context.h"
#include "att-secret-store.h"

/**
 * AttAccountEditor:
 *
 * Adds an account, or edits one, without touching the account store until
 * Save: the form works on a draft (a copy with the same id, so that a Save
 * that failed half-way can simply be repeated).  Save stores the keys in
 * the keyring first, then adds or replaces the account and writes the
 * accounts file; a failure is shown here and nothing typed is lost.
 *
 * Keys are read from the password rows only when they are used, copied
 * just for the call that takes them, and wiped right after.
 */

G_DEFINE_FINAL_TYPE (AttAccountEditor, att_account_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SERVICE,
  PROP_ACCOUNT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
AttSecretStore *
_att_account_editor_get_secret_store (AttAccountEditor *self)
{
  AttSecretStore  *secrets = att_context_get_secret_store (self->context);
  AttAccountStore *store;

  if (secrets != NULL)
    return secrets;

  store = att_context_get_account_store (self->context);
  return store != NULL ? att_account_store_get_secret_store (store) : NULL;
}

gboolean
_att_account_editor_is_editing (AttAccountEditor *self)
{
  return self->account != NULL;
}

/* State */

void
_att_account_editor_update_actions (AttAccountEditor *self)
{
  gboolean testing = self->test_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 self->valid && !self->saving && !self->loading_file);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.test-connection",
                                 testing || (self->can_test && !self->saving && !self->loading_file));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.choose-public-key",
                                 !self->saving && !self->loading_file);
}

void
_att_account_editor_notify_busy (AttAccountEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_att_account_editor_show_error (AttAccountEditor *self,
                                const char       *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), message != NULL);
  /* The message is at the top of the form: focusing it brings it into
   * view, and a screen reader reads it. */
  if (message != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->error_label));
}

void
_att_account_editor_set_saving (AttAccountEditor *self,
                                gboolean          saving)
{
  /* The form turns insensitive while saving.  Take the focus away first,
   * so that the entry that has it knows (GTK does not tell it when its
   * parent turns insensitive), and give it back afterwards. */
  if (saving)
    {
      g_set_weak_pointer (&self->focus_before_saving, gtk_root_get_focus (GTK_ROOT (self)));
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
    }

  self->saving = saving;
  gtk_widget_set_visible (GTK_WIDGET (self->save_spinner), saving);
  gtk_spinner_set_spinning (self->save_spinner, saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page), !saving);
  _att_account_editor_update_actions (self);
  _att_account_editor_notify_busy (self);

  if (!saving && self->focus_before_saving != NULL)
    gtk_widget_grab_focus (self->focus_before_saving);
  if (!saving)
    g_clear_weak_pointer (&self->focus_before_saving);
}

/* Form */

static void
on_field_changed (AttAccountEditor *self,
                  GtkEditable      *editable)
{
  GtkWidget *widget = GTK_WIDGET (editable);

  if (widget == GTK_WIDGET (self->name_row))
    self->name_touched = TRUE;
  else if (widget == GTK_WIDGET (self->address_row))
    self->address_touched = TRUE;
  else if (widget == GTK_WIDGET (self->api_key_row))
    self->api_key_touched = TRUE;
  else if (widget == GTK_WIDGET (self->integration_key_row))
    self->integration_key_touched = TRUE;

  /* A result, or a test still running, is about the old values. */
  _att_account_editor_cancel_test (self);
  _att_account_editor_hide_test_result (self);
  _att_account_editor_validate (self);
}

static void
on_public_key_changed (AttAccountEditor *self,
                       GtkTextBuffer    *buffer)
{
  self->public_key_touched = TRUE;
  _att_account_editor_cancel_test (self);
  _att_account_editor_hide_test_result (self);
  _att_account_editor_validate (self);
}

static void
on_server_selected (AttAccountEditor *self)
{
  guint         n_presets;
  const Preset *presets = _att_account_editor_get_presets (self->service, &n_presets);
  guint         selected = adw_combo_row_get_selected (self->server_row);
  gboolean      custom = _att_account_editor_is_custom_server (self);

  /* The combo row is built in constructed(): nothing to do before. */
  if (self->servers == NULL)
    return;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->server_row),
                               custom ? _ ("Another address, such as a local test server")
                                      : presets[selected].url);
  gtk_widget_set_visible (GTK_WIDGET (self->address_row), custom);
  if (custom && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->address_row));

  _att_account_editor_cancel_test (self);
  _att_account_editor_hide_test_result (self);
  _att_account_editor_validate (self);
}

static void
setup_form (AttAccountEditor *self)
{
  guint         n_presets;
  const Preset *presets = _att_account_editor_get_presets (self->service, &n_presets);
  guint         selected = n_presets; /* Custom */
  const char   *base_url = NULL;
  gboolean      higg = self->service == ATT_SERVICE_HIGG;

  self->n_presets = n_presets;
  self->servers = gtk_string_list_new (NULL);
  for (guint i = 0; i < n_presets; i++)
    gtk_string_list_append (self->servers, _ (presets[i].label));
  gtk_string_list_append (self->servers, _ ("Custom"));

  if (_att_account_editor_is_editing (self))
    {
      base_url = att_account_get_base_url (self->account);
      adw_window_title_set_title (self->window_title, _ ("Edit Account"));
      adw_window_title_set_subtitle (self->window_title,
                                     att_account_get_display_name (self->account));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                             att_account_get_display_name (self->account));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->api_key_row), _ ("New API Key"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->integration_key_row),
                                     _ ("New Integration Key"));
      adw_preferences_group_set_description (self->keys_group,
                                             higg
                                               ? _ ("The keys are kept in the keyring of this "
                                                    "computer. Leave a field empty to keep the "
                                                    "key stored now.")
                                               : _ ("The key is kept in the keyring of this "
                                                    "computer. Leave the field empty to keep the "
                                                    "key stored now."));
      if (higg && att_account_get_public_key_pem (self->account) != NULL)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->public_key_view),
                                  att_account_get_public_key_pem (self->account), -1);
    }
  else
    {
      base_url = att_service_get_default_base_url (self->service);
      adw_window_title_set_title (self->window_title,
                                  higg ? _ ("Add Higg Account") : _ ("Add Closient Account"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), higg ? _ ("Higg") : _ ("Closient"));
      adw_preferences_group_set_description (self->keys_group,
                                             higg
                                               ? _ ("From the Integrations page of your Higg "
                                                    "account settings. They are kept in the "
                                                    "keyring of this computer, never in a file.")
                                               : _ ("An API key of your Closient organisation: a "
                                                    "user (csu_) or business (csb_) key. It is "
                                                    "kept in the keyring of this computer, never "
                                                    "in a file."));
    }

  if (base_url != NULL)
    {
      g_autofree char *normalized = _att_account_editor_normalize_url (base_url);

      for (guint i = 0; i < n_presets; i++)
        if (g_ascii_strcasecmp (normalized, presets[i].url) == 0)
          selected = i;
      if (selected == n_presets)
        gtk_editable_set_text (GTK_EDITABLE (self->address_row), normalized);
    }

  adw_combo_row_set_model (self->server_row, G_LIST_MODEL (self->servers));
  adw_combo_row_set_selected (self->server_row, selected);

  gtk_widget_set_visible (GTK_WIDGET (self->integration_key_row), higg);
  gtk_widget_set_visible (GTK_WIDGET (self->public_key_group), higg);

  /* Filling the form in is not touching it: no "required" messages yet. */
  self->name_touched = FALSE;
  self->address_touched = FALSE;
  self->public_key_touched = FALSE;

  g_signal_connect_object (gtk_text_view_get_buffer (self->public_key_view), "changed",
                           G_CALLBACK (on_public_key_changed), self, G_CONNECT_SWAPPED);
  on_server_selected (self);

  /* Typing starts in the first field, not on Cancel. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

/* GObject */

static void
att_account_editor_constructed (GObject *object)
{
  AttAccountEditor *self = (AttAccountEditor *) object;

  G_OBJECT_CLASS (att_account_editor_parent_class)->constructed (object);

  g_assert (ATT_IS_CONTEXT (self->context));
  g_assert (self->account == NULL || att_account_get_service (self->account) == self->service);

  if (self->account != NULL)
    self->draft = att_account_copy (self->account);
  else
    self->draft = att_account_new (self->service, "", "");

  setup_form (self);
}

static void
stop_work (AttAccountEditor *self)
{
  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->test_cancellable != NULL)
    g_cancellable_cancel (self->test_cancellable);
}

/* gtk_window_destroy() only drops GTK's own reference: an answer on its way
 * holds another one, so dispose() may come much later.  Once the window is
 * gone from the screen, its work is cancelled. */
static void
att_account_editor_unrealize (GtkWidget *widget)
{
  stop_work (ATT_ACCOUNT_EDITOR (widget));

  GTK_WIDGET_CLASS (att_account_editor_parent_class)->unrealize (widget);
}

static void
att_account_editor_dispose (GObject *object)
{
  AttAccountEditor *self = (AttAccountEditor *) object;

  stop_work (self);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  g_clear_weak_pointer (&self->focus_before_saving);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_ACCOUNT_EDITOR);

  g_clear_object (&self->test_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->servers);
  g_clear_object (&self->draft);
  g_clear_object (&self->account);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (att_account_editor_parent_class)->dispose (object);
}

static void
att_account_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AttAccountEditor *self = ATT_ACCOUNT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_SERVICE:
      g_value_set_enum (value, self->service);
      break;

    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, att_account_editor_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_account_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AttAccountEditor *self = ATT_ACCOUNT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_SERVICE:
      self->service = g_value_get_enum (value);
      break;

    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_account_editor_class_init (AttAccountEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = att_account_editor_constructed;
  object_class->dispose = att_account_editor_dispose;
  object_class->get_property = att_account_editor_get_property;
  object_class->set_property = att_account_editor_set_property;
  widget_class->unrealize = att_account_editor_unrealize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         ATT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SERVICE] =
    g_param_spec_enum ("service", NULL, NULL,
                       ATT_TYPE_SERVICE, ATT_SERVICE_HIGG,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * AttAccountEditor:account:
   *
   * The account edited, or %NULL to add one.
   */
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         ATT_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * AttAccountEditor:busy:
   *
   * Whether the editor is saving, testing the connection or reading a file.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AttAccountEditor::saved:
   * @account: the account as it is now in the store
   *
   * The keys are in the keyring and the account is saved; the editor
   * closes right after.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ATT_TYPE_ACCOUNT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-account-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, save_spinner);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, page);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, error_group);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, server_row);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, name_message);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, address_message);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, keys_group);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, api_key_row);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, integration_key_row);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, api_key_message);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, integration_key_message);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, public_key_group);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, public_key_view);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, public_key_message);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, test_group);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, test_button);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, test_result_box);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, test_result_icon);
  gtk_widget_class_bind_template_child (widget_class, AttAccountEditor, test_result_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_server_selected);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL,
                                   _att_account_editor_save_action);
  gtk_widget_class_install_action (widget_class, "editor.test-connection", NULL,
                                   _att_account_editor_test_connection_action);
  gtk_widget_class_install_action (widget_class, "editor.choose-public-key", NULL,
                                   _att_account_editor_choose_public_key_action);
  gtk_widget_class_install_action (widget_class, "editor.load-public-key", "s",
                                   _att_account_editor_load_public_key_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
att_account_editor_init (AttAccountEditor *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
}

/**
 * att_account_editor_new:
 * @parent: (nullable): the window the editor is modal for
 * @context: the services: account store, keyring and HTTP pipeline
 * @service: the account's service
 * @account: (nullable): the account to edit, or %NULL to add one
 *
 * Returns: (transfer none): a new editor, not yet shown (a toplevel: GTK
 *   owns it until it is destroyed)
 */
GtkWidget *
att_account_editor_new (GtkWindow  *parent,
                        AttContext *context,
                        AttService  service,
                        AttAccount *account)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (account == NULL || ATT_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (account == NULL || att_account_get_service (account) == service, NULL);

  return g_object_new (ATT_TYPE_ACCOUNT_EDITOR,
                       "transient-for", parent,
                       "context", context,
                       "service", service,
                       "account", account,
                       NULL);
}

AttService
att_account_editor_get_service (AttAccountEditor *self)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT_EDITOR (self), ATT_SERVICE_HIGG);

  return self->service;
}

/**
 * att_account_editor_get_account:
 *
 * Returns: (transfer none) (nullable): the account edited, %NULL when adding
 */
AttAccount *
att_account_editor_get_account (AttAccountEditor *self)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT_EDITOR (self), NULL);

  return self->account;
}

gboolean
att_account_editor_get_busy (AttAccountEditor *self)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT_EDITOR (self), FALSE);

  return self->saving || self->loading_file || self->test_cancellable != NULL;
}
