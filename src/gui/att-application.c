/* att-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <libsecret/secret.h>

#include "att-accessible.h"
#include "att-account.h"
#include "att-account-store.h"
#include "att-application.h"
#include "att-closient-connect.h"
#include "att-context.h"
#include "att-error.h"
#include "att-expiry-alerts.h"
#include "att-expiry-notifier.h"
#include "att-higg-auth.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-preferences-window.h"
#include "att-renderer.h"
#include "att-sandbox-connection.h"
#include "att-secret-store.h"
#include "att-settings.h"
#include "att-window.h"

/* The application owns the services: one HTTP pipeline, the accounts and
 * the keyring, the API clients (through an AttContext handed to every
 * window) and the connection to the demo (whose server it runs as a child
 * process) or to a sandbox. Connecting (to an account, the demo or a
 * sandbox) builds a new context; the windows rebuild their views from it.
 * The sandbox connection signs in again by itself when its server is
 * restarted; the application only shows what happened. */
struct _AttApplication
{
  AdwApplication        parent_instance;

  AttHttp              *http;
  AttSecretStore       *secrets;
  AttAccountStore      *accounts;
  AttContext           *context;
  GSettings            *settings;
  AttSandboxConnection *sandbox;
  GCancellable         *connect_cancellable;
  GCancellable         *closient_cancellable;
  AttExpiryNotifier    *expiry_notifier;

  char                 *sandbox_url;
  gboolean              start_demo;

  /* What was tried last (an account, the demo or the sandbox), which is
   * what Try Again tries again. */
  void (*last_connect) (AttApplication *self);
};

G_DEFINE_FINAL_TYPE (AttApplication, att_application, ADW_TYPE_APPLICATION)

/* How long the first window may wait for its first products before it
 * shows "Connecting…" instead: about what a quick answer takes, and short
 * enough not to be noticed. */
#define FIRST_FRAME_WAIT_MS 200

static void connect_active_account (AttApplication *self);
static void connect_closient_account (AttApplication *self);

static AttWindow *
get_window (AttApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!ATT_IS_WINDOW (window))
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

      window = NULL;
      for (GList *l = windows; l != NULL && window == NULL; l = l->next)
        if (ATT_IS_WINDOW (l->data))
          window = l->data;
    }

  if (window == NULL)
    {
      window = GTK_WINDOW (att_window_new (GTK_APPLICATION (self)));
      if (self->context != NULL)
        att_window_set_context (ATT_WINDOW (window), self->context);
    }
  return ATT_WINDOW (window);
}

static void
set_context (AttApplication *self,
             AttContext     *context)
{
  GList *windows;

  /* A Closient key still on its way belongs to the context replaced. */
  g_cancellable_cancel (self->closient_cancellable);
  g_set_object (&self->context, context);
  if (self->settings != NULL)
    g_settings_bind (self->settings, "expiry-lead-days", context, "expiry-lead-days",
                     G_SETTINGS_BIND_DEFAULT);
  if (self->expiry_notifier != NULL)
    att_expiry_notifier_set_context (self->expiry_notifier, context);

  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  for (GList *l = windows; l != NULL; l = l->next)
    if (ATT_IS_WINDOW (l->data))
      att_window_set_context (ATT_WINDOW (l->data), context);
}

/* A context with no Higg client: the Closient view if there is a Closient
 * account, else the welcome page, with Preferences. */
static void
disconnect (AttApplication *self)
{
  g_autoptr(AttContext) context = att_context_new_full (self->http, self->accounts, NULL);

  set_context (self, context);
  connect_closient_account (self);
}

static void
connect_client (AttApplication *self,
                AttHiggClient  *client,
                const char     *account_id,
                gboolean        is_demo)
{
  g_autoptr(AttContext) context = NULL;

  g_debug ("Connecting to the Higg API at %s", att_higg_client_get_base_url (client));

  context = att_context_new_full (self->http, self->accounts, client);
  att_context_set_is_demo (context, is_demo);
  att_context_set_account_id (context, account_id);
  set_context (self, context);
}

/* An account's Closient client comes a moment after its Higg one: its key
 * is read from the keyring.  Until then (and without a Closient account)
 * the context has none, and the Closient view says so. */
static void
closient_connected_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AttApplication) self = user_data;
  g_autoptr(AttClosientClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = att_closient_connect_account_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_warning ("Could not read the Closient key: %s", error->message);
  att_context_set_closient_client (self->context, client);
}

static void
connect_closient_account (AttApplication *self)
{
  g_cancellable_cancel (self->closient_cancellable);
  g_clear_object (&self->closient_cancellable);
  self->closient_cancellable = g_cancellable_new ();
  att_closient_connect_account_async (self->http, self->accounts, self->closient_cancellable,
                                      closient_connected_cb, g_object_ref (self));
}

static void
connect_with_auth (AttApplication *self,
                   AttAccount     *account,
                   AttHiggAuth    *auth)
{
  g_autoptr(AttHiggClient) client = att_higg_client_new (self->http, att_account_get_base_url (account));

  att_higg_client_set_auth (client, auth);
  connect_client (self, client, att_account_get_id (account), FALSE);
  connect_closient_account (self);
}

static void
begin_connecting (AttApplication *self,
                  const char     *message)
{
  g_cancellable_cancel (self->connect_cancellable);
  g_clear_object (&self->connect_cancellable);
  self->connect_cancellable = g_cancellable_new ();
  att_window_show_starting (get_window (self), message);
}

/* A cancelled attempt was replaced or abandoned by whoever cancelled it, so
 * it must not touch the state any more. */
static void
connect_failed (AttApplication *self,
                GError         *error,
                const char     *title)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->connect_cancellable);
  g_warning ("%s: %s", title, error->message);
  att_window_show_failure (get_window (self), title, error->message);
}

/* The demo and any sandbox: the server hands out its demo account, whose
 * keys are kept in memory for this session only. */

/* The demo's and a sandbox's Closient key comes with their demo account,
 * and changes when the server is started again. */
static void
attach_sandbox_closient (AttApplication       *self,
                         AttSandboxConnection *sandbox)
{
  g_autoptr(AttClosientClient) client = att_closient_connect_sandbox (self->http, sandbox);

  att_context_set_closient_client (self->context, client);
}

/* Whether the context is the one of the demo or the sandbox, not of an
 * account chosen since. */
static gboolean
context_uses_sandbox (AttApplication *self)
{
  const char *account_id = self->context != NULL ? att_context_get_account_id (self->context) : NULL;

  return g_strcmp0 (account_id, "demo") == 0 || g_strcmp0 (account_id, "sandbox") == 0;
}

/* New keys (a sandbox started again, the demo restarted): the Closient
 * client is made again with the new key. */
static void
on_sandbox_signed_in (AttApplication       *self,
                      AttSandboxConnection *sandbox)
{
  if (context_uses_sandbox (self))
    attach_sandbox_closient (self, sandbox);
}

static void
on_sandbox_restarted (AttApplication       *self,
                      AttSandboxConnection *sandbox)
{
  if (!att_context_get_is_demo (self->context))
    return;

  att_window_add_toast (get_window (self),
                        adw_toast_new (_ ("The demo server stopped and was started again. "
                                          "Changes made in the demo were lost.")));
}

static void
on_sandbox_failed (AttApplication       *self,
                   const GError         *error,
                   AttSandboxConnection *sandbox)
{
  if (!att_context_get_is_demo (self->context))
    return;

  /* Its Try Again starts a new demo server. */
  att_window_show_failure (get_window (self), _ ("The Demo Stopped"), error->message);
}

/* The demo's connection, or the one to the sandbox given on the command
 * line: the same one for as long as it is used, so that the demo keeps
 * its data. */
static AttSandboxConnection *
get_sandbox (AttApplication *self,
             gboolean        demo)
{
  static const char *const demo_args[] = { "--seed", "demo", NULL };

  if (self->sandbox != NULL && att_sandbox_connection_get_is_demo (self->sandbox) == demo)
    return self->sandbox;

  if (self->sandbox != NULL)
    att_sandbox_connection_stop (self->sandbox);
  g_clear_object (&self->sandbox);
  self->sandbox = demo ? att_sandbox_connection_new_demo (self->http, NULL, demo_args)
                       : att_sandbox_connection_new (self->http, self->sandbox_url);
  g_signal_connect_object (self->sandbox, "restarted",
                           G_CALLBACK (on_sandbox_restarted), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sandbox, "signed-in",
                           G_CALLBACK (on_sandbox_signed_in), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sandbox, "failed",
                           G_CALLBACK (on_sandbox_failed), self, G_CONNECT_SWAPPED);
  return self->sandbox;
}

static void
sandbox_connected_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AttApplication) self = user_data;
  AttSandboxConnection *sandbox = ATT_SANDBOX_CONNECTION (object);
  gboolean              demo = att_sandbox_connection_get_is_demo (sandbox);
  g_autoptr(AttHiggClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = att_sandbox_connection_connect_finish (sandbox, result, &error);
  if (client == NULL)
    {
      connect_failed (self, error, demo ? _ ("Could Not Start the Demo") : _ ("Could Not Connect to the Sandbox"));
      return;
    }

  g_clear_object (&self->connect_cancellable);
  /* The sandbox named by --sandbox-url is one account of its own. */
  connect_client (self, client, demo ? "demo" : "sandbox", demo);
  attach_sandbox_closient (self, sandbox);
}

static void
connect_sandbox (AttApplication *self)
{
  self->last_connect = connect_sandbox;
  begin_connecting (self, _ ("Connecting to the sandbox…"));
  att_sandbox_connection_connect_async (get_sandbox (self, FALSE), self->connect_cancellable,
                                        sandbox_connected_cb, g_object_ref (self));
}

static void
start_demo (AttApplication *self)
{
  self->last_connect = start_demo;
  begin_connecting (self, _ ("Starting the demo…"));
  att_sandbox_connection_connect_async (get_sandbox (self, TRUE), self->connect_cancellable,
                                        sandbox_connected_cb, g_object_ref (self));
}

/* An account: its keys come from the keyring. */

typedef struct
{
  AttApplication *self;
  AttAccount     *account;
  char           *api_key;
} ConnectData;

static void
connect_data_free (ConnectData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->account);
  g_clear_pointer (&data->api_key, secret_password_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConnectData, connect_data_free)

static void open_preferences (AttApplication *self,
                              AttAccount     *edit_account);

static void
session_only_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  AttApplication *self = ATT_APPLICATION (user_data);
  AttAccount     *account = g_object_get_data (G_OBJECT (dialog), "account");

  if (g_strcmp0 (response, "session") != 0)
    return;

  /* Keys entered from now on live in memory only, until Attest quits. */
  att_secret_store_set_session_only (self->secrets, TRUE);
  open_preferences (self, account);
}

static void
offer_session_only (AttApplication *self,
                    AttAccount     *account,
                    const GError   *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (get_window (self)),
                                                       _ ("Keyring Not Available"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _ ("Attest keeps API keys only in the system keyring, and it "
                                     "cannot be used: %s\n\nYou can enter the keys again and keep "
                                     "them for this session only. They will be forgotten when "
                                     "Attest quits, and never written to disk."),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _ ("_Cancel"),
                                    "session", _ ("_Keep Keys for This Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "session", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "session");
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (account != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (session_only_response_cb), self, 0);
  att_accessible_fix_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
keys_missing (AttApplication *self,
              AttAccount     *account,
              const GError   *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->connect_cancellable);

  if (error != NULL)
    {
      att_window_show_welcome (get_window (self));
      offer_session_only (self, account, error);
      return;
    }

  message = g_strdup_printf (_ ("The keys of “%s” are not in the keyring. Enter them again in "
                                "Preferences."),
                             att_account_get_display_name (account));
  att_window_show_failure (get_window (self), _ ("Keys Missing"), message);
}

static void
integration_key_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ConnectData) data = user_data;
  AttApplication *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttHiggAuth) auth = NULL;
  char *integration_key;

  integration_key = att_secret_store_lookup_finish (ATT_SECRET_STORE (object), result, &error);
  if (integration_key == NULL)
    {
      keys_missing (self, data->account, error);
      return;
    }

  g_clear_object (&self->connect_cancellable);
  auth = att_higg_auth_new (data->api_key, integration_key,
                            att_account_get_public_key_pem (data->account));
  secret_password_free (integration_key);

  connect_with_auth (self, data->account, auth);
}

static void
api_key_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ConnectData) data = user_data;
  g_autoptr(GError) error = NULL;

  data->api_key = att_secret_store_lookup_finish (ATT_SECRET_STORE (object), result, &error);
  if (data->api_key == NULL)
    {
      keys_missing (data->self, data->account, error);
      return;
    }

  att_secret_store_lookup_async (data->self->secrets, att_account_get_id (data->account),
                                 ATT_SECRET_HIGG_INTEGRATION_KEY,
                                 data->self->connect_cancellable,
                                 integration_key_cb, g_steal_pointer (&data));
}

static void
connect_active_account (AttApplication *self)
{
  AttAccount      *account = att_account_store_get_active (self->accounts, ATT_SERVICE_HIGG);
  g_autofree char *message = NULL;
  ConnectData     *data;

  self->last_connect = connect_active_account;
  if (account == NULL)
    {
      g_cancellable_cancel (self->connect_cancellable);
      g_clear_object (&self->connect_cancellable);
      disconnect (self);
      return;
    }

  message = g_strdup_printf (_ ("Connecting to %s…"), att_account_get_display_name (account));
  begin_connecting (self, message);

  data = g_new0 (ConnectData, 1);
  data->self = g_object_ref (self);
  data->account = g_object_ref (account);
  att_secret_store_lookup_async (self->secrets, att_account_get_id (account),
                                 ATT_SECRET_HIGG_API_KEY, self->connect_cancellable,
                                 api_key_cb, data);
}

static void
on_active_changed (AttApplication  *self,
                   AttService       service,
                   AttAccountStore *store)
{
  /* Choosing an account leaves the demo; a sandbox given on the command
   * line stays connected, since that is what was asked for. */
  if (self->sandbox_url != NULL)
    return;

  /* A Closient account added, chosen or removed is used at once, with a
   * Higg account or without; the demo keeps its own. */
  if (service == ATT_SERVICE_CLOSIENT)
    {
      if (!att_context_get_is_demo (self->context))
        connect_closient_account (self);
      return;
    }

  connect_active_account (self);
}

/* Actions */

static void
open_preferences (AttApplication *self,
                  AttAccount     *edit_account)
{
  GtkWindow            *window = GTK_WINDOW (get_window (self));
  AttPreferencesWindow *preferences;

  preferences = att_preferences_window_new (self->context);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
  if (edit_account != NULL)
    att_preferences_window_edit_account (preferences, edit_account);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  open_preferences (ATT_APPLICATION (user_data), NULL);
}

static void
add_account_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AttApplication       *self = ATT_APPLICATION (user_data);
  AttPreferencesWindow *preferences;
  AttService            service;

  if (!att_service_from_string (g_variant_get_string (parameter, NULL), &service))
    return;

  preferences = att_preferences_window_new (self->context);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (get_window (self)));
  gtk_window_present (GTK_WINDOW (preferences));
  att_preferences_window_add_account (preferences, service);
}

static void
demo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  start_demo (ATT_APPLICATION (user_data));
}

static void
retry_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  AttApplication *self = ATT_APPLICATION (user_data);

  if (self->last_connect != NULL)
    self->last_connect (self);
  else if (self->sandbox_url != NULL)
    connect_sandbox (self);
  else
    connect_active_account (self);
}

static void
cancel_connect_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AttApplication *self = ATT_APPLICATION (user_data);

  g_cancellable_cancel (self->connect_cancellable);
  g_clear_object (&self->connect_cancellable);
  att_window_show_welcome (get_window (self));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  AttApplication *self = ATT_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Close the windows properly so that they save their state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  AttApplication    *self = ATT_APPLICATION (user_data);
  static const char *developers[] = { "Attest developers", NULL };
  GtkWidget         *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APP_ID,
                        "application-name", _ ("Attest"),
                        "developer-name", _ ("Attest developers"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/attestapp/attest",
                        "issue-url", "https://github.com/attestapp/attest/issues",
                        "copyright", "© 2026 Attest developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _ ("translator-credits"),
                        "comments", _ ("Product data, eco-scores and certificates for "
                                       "sustainability teams, on Higg and Closient."),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "demo", demo_action, NULL, NULL, NULL, { 0 } },
  { "retry", retry_action, NULL, NULL, NULL, { 0 } },
  { "cancel-connect", cancel_connect_action, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_action, NULL, NULL, NULL, { 0 } },
  { "add-account", add_account_action, "s", NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
};

/* GApplication */

static int
att_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  AttApplication *self = ATT_APPLICATION (application);
  const char     *url = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "sandbox-url", "&s", &url))
    {
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

      if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
                          g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
        {
          g_printerr (_ ("Not a web address: %s\n"), url);
          return 1;
        }
      self->sandbox_url = g_strdup (url);
    }

  self->start_demo = g_variant_dict_contains (options, "demo");

  return -1;
}

static gboolean
on_terminate_signal (gpointer user_data)
{
  /* Quit as if the user had asked, so the demo server is stopped and the
   * window state saved; a second signal while shutting down finds the
   * application no longer registered, and nothing more to do. */
  if (g_application_get_is_registered (G_APPLICATION (user_data)))
    g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

/* Alerts for the certificates entering the lead time, with what was
 * alerted kept in the user's data dir. */
static AttExpiryNotifier *
new_expiry_notifier (AttApplication *self)
{
  g_autofree char *alerts_path = att_expiry_alerts_dup_default_path ();

  return att_expiry_notifier_new (GTK_APPLICATION (self), alerts_path);
}

static void
att_application_startup (GApplication *application)
{
  AttApplication    *self = ATT_APPLICATION (application);
  static const char *quit_accels[] = { "<Ctrl>q", NULL };
  static const char *preferences_accels[] = { "<Ctrl>comma", NULL };
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (att_application_parent_class)->startup (application);
  att_renderer_choose (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);

  g_unix_signal_add (SIGTERM, on_terminate_signal, application);
  g_unix_signal_add (SIGINT, on_terminate_signal, application);

  self->secrets = att_secret_store_new ();
  self->accounts = att_account_store_new (NULL, self->secrets);
  if (!att_account_store_load (self->accounts, &error))
    g_warning ("Could not read the accounts: %s", error->message);
  g_signal_connect_object (self->accounts, "active-changed",
                           G_CALLBACK (on_active_changed), self, G_CONNECT_SWAPPED);

  self->settings = att_settings_new ();
  self->expiry_notifier = new_expiry_notifier (self);
  disconnect (self);
}

static void
att_application_activate (GApplication *application)
{
  AttApplication *self = ATT_APPLICATION (application);
  AttWindow      *window = get_window (self);
  gboolean        connected = att_context_get_higg_client (self->context) != NULL ||
                       att_context_get_closient_client (self->context) != NULL;

  if (connected || self->connect_cancellable != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (self->sandbox_url != NULL)
    connect_sandbox (self);
  else if (self->start_demo)
    start_demo (self);
  else if (att_account_store_get_active (self->accounts, ATT_SERVICE_HIGG) != NULL)
    connect_active_account (self);
  else if (att_closient_connect_find_account (self->accounts) != NULL)
    connect_closient_account (self);
  else
    att_window_show_welcome (window);

  att_window_present_when_ready (window, FIRST_FRAME_WAIT_MS);
}

static void
att_application_shutdown (GApplication *application)
{
  AttApplication *self = ATT_APPLICATION (application);

  g_cancellable_cancel (self->connect_cancellable);
  g_cancellable_cancel (self->closient_cancellable);
  /* Stop the demo server now rather than rely on it noticing we are gone. */
  if (self->sandbox != NULL)
    att_sandbox_connection_stop (self->sandbox);

  G_APPLICATION_CLASS (att_application_parent_class)->shutdown (application);
}

static void
att_application_dispose (GObject *object)
{
  AttApplication *self = (AttApplication *) object;

  g_clear_object (&self->connect_cancellable);
  g_clear_object (&self->closient_cancellable);
  g_clear_object (&self->expiry_notifier);
  g_clear_object (&self->context);
  g_clear_object (&self->accounts);
  g_clear_object (&self->settings);
  g_clear_object (&self->secrets);
  g_clear_object (&self->sandbox);
  g_clear_object (&self->http);

  G_OBJECT_CLASS (att_application_parent_class)->dispose (object);
}

static void
att_application_finalize (GObject *object)
{
  AttApplication *self = (AttApplication *) object;

  g_free (self->sandbox_url);

  G_OBJECT_CLASS (att_application_parent_class)->finalize (object);
}

static void
att_application_class_init (AttApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = att_application_dispose;
  object_class->finalize = att_application_finalize;
  app_class->handle_local_options = att_application_handle_local_options;
  app_class->startup = att_application_startup;
  app_class->activate = att_application_activate;
  app_class->shutdown = att_application_shutdown;
}

static void
att_application_init (AttApplication *self)
{
  static const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_ ("Explore the demo: start a local sandbox server with demo data"), NULL },
    { "sandbox-url", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_ ("Connect to a running sandbox server at URL, with its demo account"), N_ ("URL") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_ ("Show the version and exit"), NULL },
    { NULL }
  };

  self->http = att_http_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

AttApplication *
att_application_new (void)
{
  return g_object_new (ATT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/attestapp/Attest",
                       NULL);
}

/**
 * att_application_get_context:
 *
 * Returns: (transfer none) (nullable): the services of the connected account
 */
AttContext *
att_application_get_context (AttApplication *self)
{
  g_return_val_if_fail (ATT_IS_APPLICATION (self), NULL);

  return self->context;
}
