/* att-account-editor.c: the dialog that adds or edits one account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "att-account.h"
#include "att-account-editor.h"
#include "att-account-store.h"
#include "att-closient-key.h"
#include "att-connection-test.h"
#include "att-context.h"
#include "att-higg-token.h"
#include "att-secret-store.h"

/* A public key file is a few hundred bytes; anything much larger is the
 * wrong file, and is not loaded into a text view. */
#define MAX_PUBLIC_KEY_FILE_SIZE (16 * 1024)

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
struct _AttAccountEditor
{
  AdwWindow             parent_instance;

  AttContext           *context;
  AttService            service;
  AttAccount           *account;          /* the original; NULL when adding */
  AttAccount           *draft;
  GtkStringList        *servers;
  guint                 n_presets;

  GCancellable         *cancellable;      /* saving, reading a key file */
  GCancellable         *test_cancellable; /* the running connection test */
  GtkFileChooserNative *chooser;
  guint                 secret_step;      /* the next key to store while saving */
  GtkWidget            *focus_before_saving;  /* weak */

  gboolean              valid;
  gboolean              can_test;
  gboolean              saving;
  gboolean              loading_file;
  gboolean              closed;           /* no more answers wanted */
  gboolean              name_touched;
  gboolean              address_touched;
  gboolean              api_key_touched;
  gboolean              integration_key_touched;
  gboolean              public_key_touched;

  /* template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  GtkSpinner           *save_spinner;
  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *error_group;
  GtkLabel             *error_label;
  AdwEntryRow          *name_row;
  AdwComboRow          *server_row;
  AdwEntryRow          *address_row;
  GtkLabel             *name_message;
  GtkLabel             *address_message;
  AdwPreferencesGroup  *keys_group;
  AdwEntryRow          *api_key_row;
  AdwEntryRow          *integration_key_row;
  GtkLabel             *api_key_message;
  GtkLabel             *integration_key_message;
  AdwPreferencesGroup  *public_key_group;
  GtkTextView          *public_key_view;
  GtkLabel             *public_key_message;
  AdwPreferencesGroup  *test_group;
  GtkSpinner           *test_spinner;
  GtkButton            *test_button;
  GtkWidget            *test_result_box;
  GtkImage             *test_result_icon;
  GtkLabel             *test_result_label;
};

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

typedef struct
{
  const char *label;
  const char *url;
} Preset;

/* Translators: the servers offered for an account: the live service, and
 * Closient's test environment ("Test"). */
static const Preset higg_presets[] = {
  { N_("Production"), "https://api-v2.production.higg.org" },
};

static const Preset closient_presets[] = {
  { N_("Production"), "https://www.closient.com" },
  { N_("Test"), "https://www.closient.dev" },
};

/* A copy of a key, wiped before it is freed. */
typedef char *SecretText;

static void
secret_text_free (char *text)
{
  if (text == NULL)
    return;
  explicit_bzero (text, strlen (text));
  g_free (text);
}

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (SecretText, secret_text_free, NULL)

static const Preset *
get_presets (AttService  service,
             guint      *n_presets)
{
  if (service == ATT_SERVICE_HIGG)
    {
      *n_presets = G_N_ELEMENTS (higg_presets);
      return higg_presets;
    }

  *n_presets = G_N_ELEMENTS (closient_presets);
  return closient_presets;
}

static AttSecretStore *
get_secret_store (AttAccountEditor *self)
{
  AttSecretStore *secrets = att_context_get_secret_store (self->context);
  AttAccountStore *store;

  if (secrets != NULL)
    return secrets;

  store = att_context_get_account_store (self->context);
  return store != NULL ? att_account_store_get_secret_store (store) : NULL;
}

static gboolean
is_editing (AttAccountEditor *self)
{
  return self->account != NULL;
}

/* The address without surrounding blanks or trailing slashes: the API
 * paths are appended to it. */
static char *
normalize_url (const char *text)
{
  char *url = g_strstrip (g_strdup (text != NULL ? text : ""));
  gsize len = strlen (url);

  while (len > 0 && url[len - 1] == '/')
    url[--len] = '\0';
  return url;
}

static gboolean
is_custom_server (AttAccountEditor *self)
{
  return adw_combo_row_get_selected (self->server_row) >= self->n_presets;
}

static char *
get_base_url (AttAccountEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->server_row);
  guint n_presets;
  const Preset *presets = get_presets (self->service, &n_presets);

  if (selected < n_presets)
    return g_strdup (presets[selected].url);

  return normalize_url (gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
}

static char *
get_name (AttAccountEditor *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

/* Returns: (transfer full): the key typed in @row, or %NULL if it is empty */
static char *
dup_key (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  SecretText key;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return NULL;

  key = g_strdup (text);
  g_strchomp (key);
  return key;
}

static gboolean
row_is_empty (AdwEntryRow *row)
{
  g_auto(SecretText) key = dup_key (row);

  return key == NULL;
}

static char *
get_public_key (AttAccountEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->public_key_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* State */

static void
update_actions (AttAccountEditor *self)
{
  gboolean testing = self->test_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 self->valid && !self->saving && !self->loading_file);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.test-connection",
                                 testing || (self->can_test && !self->saving && !self->loading_file));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.choose-public-key",
                                 !self->saving && !self->loading_file);
}

static void
notify_busy (AttAccountEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Marks @row (and shows @message under its group) if @message is set and
 * the user has had a chance to fill the field in. */
static void
show_field_message (GtkWidget  *row,
                    GtkLabel   *label,
                    const char *message,
                    const char *style)
{
  gboolean is_error = message != NULL && g_strcmp0 (style, "error") == 0;

  if (row != NULL)
    {
      if (is_error)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
    }

  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  if (message == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }

  gtk_widget_add_css_class (GTK_WIDGET (label), style);
  gtk_label_set_label (GTK_LABEL (label), message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

/* A key field: empty means "required" when adding and "keep the stored
 * key" when editing. */
static gboolean
validate_required_key (AttAccountEditor *self,
                       AdwEntryRow      *row,
                       GtkLabel         *label,
                       gboolean          touched,
                       const char       *required_message)
{
  if (!row_is_empty (row) || is_editing (self))
    {
      show_field_message (GTK_WIDGET (row), label, NULL, NULL);
      return TRUE;
    }

  show_field_message (GTK_WIDGET (row), label, touched ? required_message : NULL, "error");
  return FALSE;
}

static gboolean
validate_closient_key (AttAccountEditor *self)
{
  g_auto(SecretText) key = dup_key (self->api_key_row);
  g_autoptr(GError) error = NULL;
  AttClosientKeyKind kind;

  if (key == NULL)
    return validate_required_key (self, self->api_key_row, self->api_key_message,
                                  self->api_key_touched, _("Enter the API key"));

  if (!att_closient_key_check (key, &kind, &error))
    {
      show_field_message (GTK_WIDGET (self->api_key_row), self->api_key_message,
                          error->message, "error");
      return FALSE;
    }

  /* A publishable key passes, with a warning that it may be read-only. */
  show_field_message (GTK_WIDGET (self->api_key_row), self->api_key_message,
                      att_closient_key_kind_warning (kind), "warning");
  return TRUE;
}

static gboolean
validate_public_key (AttAccountEditor *self)
{
  g_autofree char *pem = get_public_key (self);
  g_autoptr(GError) error = NULL;

  if (*pem == '\0')
    {
      if (self->public_key_touched)
        show_field_message (GTK_WIDGET (self->public_key_view), self->public_key_message,
                            _("Choose the public.pem file or paste its text"), "error");
      else
        show_field_message (GTK_WIDGET (self->public_key_view), self->public_key_message,
                            _("Choose the public.pem file or paste its text"), "dim-label");
      return FALSE;
    }

  if (!att_higg_public_key_check (pem, &error))
    {
      show_field_message (GTK_WIDGET (self->public_key_view), self->public_key_message,
                          error->message, "error");
      return FALSE;
    }

  show_field_message (GTK_WIDGET (self->public_key_view), self->public_key_message,
                      _("A valid RSA public key"), "dim-label");
  return TRUE;
}

static void
validate (AttAccountEditor *self)
{
  g_autofree char *name = get_name (self);
  g_autofree char *url = get_base_url (self);
  g_autoptr(GError) url_error = NULL;
  gboolean name_ok, url_ok, api_key_ok, integration_key_ok = TRUE, public_key_ok = TRUE;

  name_ok = *name != '\0';
  show_field_message (GTK_WIDGET (self->name_row), self->name_message,
                      !name_ok && self->name_touched
                      ? _("Enter a name, for example the brand or “Test”") : NULL,
                      "error");

  url_ok = att_account_check_base_url (url, &url_error);
  if (url_ok)
    show_field_message (GTK_WIDGET (self->address_row), self->address_message, NULL, NULL);
  else if (*url == '\0')
    show_field_message (GTK_WIDGET (self->address_row), self->address_message,
                        self->address_touched ? _("Enter the address of the server") : NULL,
                        "error");
  else
    show_field_message (GTK_WIDGET (self->address_row), self->address_message,
                        url_error->message, "error");

  if (self->service == ATT_SERVICE_CLOSIENT)
    api_key_ok = validate_closient_key (self);
  else
    {
      api_key_ok = validate_required_key (self, self->api_key_row, self->api_key_message,
                                          self->api_key_touched, _("Enter the API key"));
      integration_key_ok = validate_required_key (self, self->integration_key_row,
                                                  self->integration_key_message,
                                                  self->integration_key_touched,
                                                  _("Enter the integration key"));
      public_key_ok = validate_public_key (self);
    }

  self->can_test = url_ok && api_key_ok && integration_key_ok && public_key_ok;
  self->valid = name_ok && self->can_test;
  update_actions (self);
}

static void
show_error (AttAccountEditor *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), message != NULL);
  /* The message is at the top of the form: focusing it brings it into
   * view, and a screen reader reads it. */
  if (message != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->error_label));
}

static void
set_saving (AttAccountEditor *self,
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
  update_actions (self);
  notify_busy (self);

  if (!saving && self->focus_before_saving != NULL)
    gtk_widget_grab_focus (self->focus_before_saving);
  if (!saving)
    g_clear_weak_pointer (&self->focus_before_saving);
}

/* Connection test */

static void
hide_test_result (AttAccountEditor *self)
{
  gtk_widget_set_visible (self->test_result_box, FALSE);
  gtk_label_set_label (self->test_result_label, "");
}

static void
set_testing (AttAccountEditor *self,
             GCancellable     *cancellable)
{
  gboolean testing = cancellable != NULL;

  g_set_object (&self->test_cancellable, cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), testing);
  gtk_spinner_set_spinning (self->test_spinner, testing);
  gtk_button_set_label (self->test_button, testing ? _("_Cancel") : _("_Test"));
  update_actions (self);
  notify_busy (self);
}

static void
cancel_test (AttAccountEditor *self)
{
  if (self->test_cancellable == NULL)
    return;

  g_cancellable_cancel (self->test_cancellable);
  set_testing (self, NULL);
}

static void
show_test_result (AttAccountEditor    *self,
                  AttConnectionStatus  status,
                  const char          *message)
{
  const char *icon_name;
  const char *style;

  switch (status)
    {
    case ATT_CONNECTION_OK:
      icon_name = "emblem-ok-symbolic";
      style = "success";
      break;

    case ATT_CONNECTION_UNAUTHORIZED:
      icon_name = "dialog-password-symbolic";
      style = "error";
      break;

    case ATT_CONNECTION_UNREACHABLE:
      icon_name = "network-offline-symbolic";
      style = "error";
      break;

    case ATT_CONNECTION_TLS_ERROR:
      icon_name = "channel-insecure-symbolic";
      style = "error";
      break;

    case ATT_CONNECTION_NOT_A_SERVER:
      icon_name = "dialog-warning-symbolic";
      style = "warning";
      break;

    case ATT_CONNECTION_FAILED:
    default:
      icon_name = "dialog-error-symbolic";
      style = "error";
      break;
    }

  gtk_image_set_from_icon_name (self->test_result_icon, icon_name);
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_result_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_result_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_result_icon), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->test_result_icon), style);
  gtk_label_set_label (self->test_result_label, message);
  gtk_widget_set_visible (self->test_result_box, TRUE);
}

/* One run of the connection test: the values of the form, completed with
 * the stored keys for fields left empty while editing. */
typedef struct
{
  AttAccountEditor *self;
  GCancellable     *cancellable;
  char             *base_url;
  char             *public_key;
  char             *api_key;                  /* wiped; from the keyring if ... */
  char             *integration_key;
  gboolean          api_key_stored;           /* ... this says so */
  gboolean          integration_key_stored;
} TestRun;

static void
free_key (char     *key,
          gboolean  from_keyring)
{
  if (from_keyring)
    secret_password_free (key);
  else
    secret_text_free (key);
}

static void
test_run_free (TestRun *run)
{
  free_key (run->api_key, run->api_key_stored);
  free_key (run->integration_key, run->integration_key_stored);
  g_free (run->base_url);
  g_free (run->public_key);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->self);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestRun, test_run_free)

/* Whether @run's answer still matters: the editor is open and this is the
 * test it is waiting for. */
static gboolean
test_run_is_current (TestRun *run)
{
  return !run->self->closed && run->cancellable == run->self->test_cancellable;
}

static void
test_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TestRun) run = user_data;
  AttAccountEditor *self = run->self;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  AttConnectionStatus status;

  status = att_connection_test_finish (result, &message, &error);
  if (!test_run_is_current (run))
    return;

  set_testing (self, NULL);
  if (error != NULL)
    {
      /* Cancelled: the result would be about values no longer there. */
      hide_test_result (self);
      return;
    }

  show_test_result (self, status, message);
}

static void start_test_run (TestRun *run);

static void
lookup_key_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TestRun) run = user_data;
  g_autoptr(GError) error = NULL;
  char *key;

  key = att_secret_store_lookup_finish (ATT_SECRET_STORE (object), result, &error);
  if (!test_run_is_current (run))
    {
      secret_password_free (key);
      return;
    }

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the stored keys: %s"),
                                                  error->message);

      set_testing (run->self, NULL);
      show_test_result (run->self, ATT_CONNECTION_FAILED, message);
      return;
    }

  if (key == NULL)
    {
      set_testing (run->self, NULL);
      show_test_result (run->self, ATT_CONNECTION_FAILED,
                        _("No key is stored for this account: enter the keys above"));
      return;
    }

  if (run->api_key == NULL)
    {
      run->api_key = key;
      run->api_key_stored = TRUE;
    }
  else
    {
      run->integration_key = key;
      run->integration_key_stored = TRUE;
    }

  start_test_run (g_steal_pointer (&run));
}

/* Fetches the missing keys one by one, then runs the test. */
static void
start_test_run (TestRun *run)
{
  AttAccountEditor *self = run->self;
  AttSecretStore *secrets = get_secret_store (self);
  const char *id = att_account_get_id (self->draft);

  if (run->api_key == NULL || (self->service == ATT_SERVICE_HIGG && run->integration_key == NULL))
    {
      AttSecretKind kind;

      g_assert (is_editing (self));

      if (run->api_key == NULL)
        kind = self->service == ATT_SERVICE_HIGG
               ? ATT_SECRET_HIGG_API_KEY : ATT_SECRET_CLOSIENT_API_KEY;
      else
        kind = ATT_SECRET_HIGG_INTEGRATION_KEY;

      att_secret_store_lookup_async (secrets, id, kind, run->cancellable, lookup_key_cb, run);
      return;
    }

  /* The test copies what it needs: the keys are wiped when @run is freed,
   * once the answer is in. */
  att_connection_test_async (att_context_get_http (self->context), self->service,
                             run->base_url, run->api_key, run->integration_key,
                             run->public_key, run->cancellable, test_done_cb, run);
}

static void
test_connection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AttAccountEditor *self = ATT_ACCOUNT_EDITOR (widget);
  g_autoptr(GCancellable) cancellable = NULL;
  TestRun *run;

  /* The button is "Cancel" while a test runs. */
  if (self->test_cancellable != NULL)
    {
      cancel_test (self);
      hide_test_result (self);
      return;
    }

  if (!self->can_test || self->saving)
    return;

  cancellable = g_cancellable_new ();
  set_testing (self, cancellable);
  hide_test_result (self);

  run = g_new0 (TestRun, 1);
  run->self = g_object_ref (self);
  run->cancellable = g_object_ref (cancellable);
  run->base_url = get_base_url (self);
  run->api_key = dup_key (self->api_key_row);
  if (self->service == ATT_SERVICE_HIGG)
    {
      run->integration_key = dup_key (self->integration_key_row);
      run->public_key = get_public_key (self);
    }

  start_test_run (run);
}

/* Saving */

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AttAccountEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  AttAccount *saved;

  if (!att_account_store_save_finish (ATT_ACCOUNT_STORE (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (self->closed)
        return;

      message = g_strdup_printf (_("The keys are in the keyring, but the account could not "
                                   "be saved: %s"), error->message);
      g_warning ("Could not save the accounts: %s", error->message);
      set_saving (self, FALSE);
      show_error (self, message);
      return;
    }

  if (self->closed)
    return;

  set_saving (self, FALSE);
  saved = att_account_store_lookup (ATT_ACCOUNT_STORE (object), att_account_get_id (self->draft));
  g_signal_emit (self, signals[SAVED], 0, saved != NULL ? saved : self->draft);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
apply_form (AttAccountEditor *self)
{
  g_autofree char *name = get_name (self);
  g_autofree char *url = get_base_url (self);

  att_account_set_display_name (self->draft, name);
  att_account_set_base_url (self->draft, url);
  if (self->service == ATT_SERVICE_HIGG)
    {
      g_autofree char *pem = get_public_key (self);
      g_autofree char *file_text = NULL;

      /* Kept as a PEM file is written: ending with a line break. */
      file_text = g_strconcat (pem, "\n", NULL);
      att_account_set_public_key_pem (self->draft, file_text);
    }
}

/* The keys are in the keyring: now the account itself. */
static void
commit_account (AttAccountEditor *self)
{
  AttAccountStore *store = att_context_get_account_store (self->context);
  const char *id = att_account_get_id (self->draft);
  g_autoptr(AttAccount) account = NULL;

  apply_form (self);

  /* The store keeps the object it is given: give it a copy, so that a
   * repeated Save never edits the store's account behind its back. */
  account = att_account_copy (self->draft);
  if (att_account_store_lookup (store, id) != NULL)
    att_account_store_update (store, account);
  else
    att_account_store_add (store, account);

  /* The first account of a service is the one to use. */
  if (att_account_store_get_active (store, self->service) == NULL)
    att_account_store_set_active (store, self->service, id);

  att_account_store_save_async (store, self->cancellable, save_done_cb, g_object_ref (self));
}

static void store_next_key (AttAccountEditor *self);

static void
session_only_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  AttAccountEditor *self = ATT_ACCOUNT_EDITOR (user_data);

  if (g_strcmp0 (response, "session") != 0 || self->closed)
    return;

  /* Keep the keys in memory only, until Attest quits; never on disk. */
  att_secret_store_set_session_only (get_secret_store (self), TRUE);
  show_error (self, NULL);
  set_saving (self, TRUE);
  self->secret_step = 0;
  store_next_key (self);
}

/* No Secret Service, or a locked one that stayed locked: say so plainly
 * and offer to keep the keys for this session only. */
static void
offer_session_only (AttAccountEditor *self,
                    const GError     *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Keyring Not Available"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("Attest keeps API keys only in the system keyring, and it "
                                    "cannot be used: %s\n\nYou can keep the keys for this "
                                    "session only. They will be forgotten when Attest quits, and "
                                    "never written to disk."),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "session", _("_Keep Keys for This Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "session", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "session");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (session_only_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
store_key_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AttAccountEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!att_secret_store_store_finish (ATT_SECRET_STORE (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (self->closed)
        return;

      message = g_strdup_printf (_("Could not store the keys in the keyring: %s"),
                                 error->message);
      set_saving (self, FALSE);
      show_error (self, message);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !att_secret_store_get_session_only (ATT_SECRET_STORE (object)))
        offer_session_only (self, error);
      return;
    }

  if (self->closed)
    return;

  store_next_key (self);
}

static void
store_next_key (AttAccountEditor *self)
{
  AttSecretStore *secrets = get_secret_store (self);

  while (self->secret_step < 2)
    {
      guint step = self->secret_step++;
      g_auto(SecretText) key = NULL;
      AttSecretKind kind;
      AdwEntryRow *row;

      if (step == 0)
        {
          row = self->api_key_row;
          kind = self->service == ATT_SERVICE_HIGG
                 ? ATT_SECRET_HIGG_API_KEY : ATT_SECRET_CLOSIENT_API_KEY;
        }
      else if (self->service == ATT_SERVICE_HIGG)
        {
          row = self->integration_key_row;
          kind = ATT_SECRET_HIGG_INTEGRATION_KEY;
        }
      else
        continue;

      /* Empty while editing: keep the stored key. */
      key = dup_key (row);
      if (key == NULL)
        continue;

      att_secret_store_store_async (secrets, att_account_get_id (self->draft), kind, key,
                                    self->cancellable, store_key_cb, g_object_ref (self));
      return;
    }

  commit_account (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttAccountEditor *self = ATT_ACCOUNT_EDITOR (widget);

  validate (self);
  if (!self->valid || self->saving)
    return;

  if (get_secret_store (self) == NULL ||
      att_context_get_account_store (self->context) == NULL)
    {
      show_error (self, _("Accounts cannot be saved: Attest has no account store"));
      return;
    }

  cancel_test (self);
  show_error (self, NULL);
  set_saving (self, TRUE);
  self->secret_step = 0;
  store_next_key (self);
}

/* The public key file */

static void
load_public_key_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AttAccountEditor) self = user_data;
  GFile *file = G_FILE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (file, result, &contents, &length, NULL, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->closed)
    return;

  self->loading_file = FALSE;
  update_actions (self);
  notify_busy (self);

  name = g_file_get_parse_name (file);
  if (error != NULL)
    message = g_strdup_printf (_("Could not read “%s”: %s"), name, error->message);
  else if (length > MAX_PUBLIC_KEY_FILE_SIZE)
    message = g_strdup_printf (_("“%s” is too large to be a public key"), name);
  else if (!g_utf8_validate (contents, (gssize) length, NULL) || memchr (contents, 0, length) != NULL)
    message = g_strdup_printf (_("“%s” is not a text file: choose the public.pem file"), name);

  if (message != NULL)
    {
      show_field_message (GTK_WIDGET (self->public_key_view), self->public_key_message,
                          message, "error");
      return;
    }

  self->public_key_touched = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->public_key_view),
                            contents, (int) length);
}

static void
load_public_key_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AttAccountEditor *self = ATT_ACCOUNT_EDITOR (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  if (self->loading_file || self->saving)
    return;

  self->loading_file = TRUE;
  update_actions (self);
  notify_busy (self);
  g_file_load_contents_async (file, self->cancellable, load_public_key_cb, g_object_ref (self));
}

static void
on_chooser_response (AttAccountEditor     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    return;

  uri = g_file_get_uri (file);
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.load-public-key", "s", uri);
}

static void
choose_public_key_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AttAccountEditor *self = ATT_ACCOUNT_EDITOR (widget);

  if (self->chooser == NULL)
    {
      g_autoptr(GtkFileFilter) pem_filter = gtk_file_filter_new ();

      self->chooser = gtk_file_chooser_native_new (_("Choose the Developer Public Key"),
                                                   GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_OPEN,
                                                   _("_Open"),
                                                   _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
      gtk_file_filter_set_name (pem_filter, _("PEM Files"));
      gtk_file_filter_add_suffix (pem_filter, "pem");
      gtk_file_filter_add_mime_type (pem_filter, "application/x-pem-file");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pem_filter);
      g_signal_connect_object (self->chooser, "response",
                               G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
    }

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
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
  cancel_test (self);
  hide_test_result (self);
  validate (self);
}

static void
on_public_key_changed (AttAccountEditor *self,
                       GtkTextBuffer    *buffer)
{
  self->public_key_touched = TRUE;
  cancel_test (self);
  hide_test_result (self);
  validate (self);
}

static void
on_server_selected (AttAccountEditor *self)
{
  guint n_presets;
  const Preset *presets = get_presets (self->service, &n_presets);
  guint selected = adw_combo_row_get_selected (self->server_row);
  gboolean custom = is_custom_server (self);

  /* The combo row is built in constructed(): nothing to do before. */
  if (self->servers == NULL)
    return;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->server_row),
                               custom ? _("Another address, such as a local test server")
                                      : presets[selected].url);
  gtk_widget_set_visible (GTK_WIDGET (self->address_row), custom);
  if (custom && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->address_row));

  cancel_test (self);
  hide_test_result (self);
  validate (self);
}

static void
setup_form (AttAccountEditor *self)
{
  guint n_presets;
  const Preset *presets = get_presets (self->service, &n_presets);
  guint selected = n_presets;   /* Custom */
  const char *base_url = NULL;
  gboolean higg = self->service == ATT_SERVICE_HIGG;

  self->n_presets = n_presets;
  self->servers = gtk_string_list_new (NULL);
  for (guint i = 0; i < n_presets; i++)
    gtk_string_list_append (self->servers, _(presets[i].label));
  gtk_string_list_append (self->servers, _("Custom"));

  if (is_editing (self))
    {
      base_url = att_account_get_base_url (self->account);
      adw_window_title_set_title (self->window_title, _("Edit Account"));
      adw_window_title_set_subtitle (self->window_title,
                                     att_account_get_display_name (self->account));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                             att_account_get_display_name (self->account));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->api_key_row), _("New API Key"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->integration_key_row),
                                     _("New Integration Key"));
      adw_preferences_group_set_description (self->keys_group,
                                             higg
                                             ? _("The keys are kept in the keyring of this "
                                                 "computer. Leave a field empty to keep the "
                                                 "key stored now.")
                                             : _("The key is kept in the keyring of this "
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
                                  higg ? _("Add Higg Account") : _("Add Closient Account"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), higg ? _("Higg") : _("Closient"));
      adw_preferences_group_set_description (self->keys_group,
                                             higg
                                             ? _("From the Integrations page of your Higg "
                                                 "account settings. They are kept in the "
                                                 "keyring of this computer, never in a file.")
                                             : _("An API key of your Closient organisation: a "
                                                 "user (csu_) or business (csb_) key. It is "
                                                 "kept in the keyring of this computer, never "
                                                 "in a file."));
    }

  if (base_url != NULL)
    {
      g_autofree char *normalized = normalize_url (base_url);

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
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
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

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.test-connection", NULL,
                                   test_connection_action);
  gtk_widget_class_install_action (widget_class, "editor.choose-public-key", NULL,
                                   choose_public_key_action);
  gtk_widget_class_install_action (widget_class, "editor.load-public-key", "s",
                                   load_public_key_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
att_account_editor_init (AttAccountEditor *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
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
