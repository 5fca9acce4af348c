/* att-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "att-context.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-sandbox-process.h"
#include "att-application.h"
#include "att-window.h"

/* The application owns the services: one HTTP pipeline, the API clients
 * (through an AttContext handed to every window) and, for the demo, the
 * sandbox server it started as a child process. */
struct _AttApplication
{
  AdwApplication     parent_instance;

  AttHttp           *http;
  AttContext        *context;
  AttSandboxProcess *sandbox;
  GCancellable      *connect_cancellable;

  char              *sandbox_url;
  gboolean           start_demo;
};

G_DEFINE_FINAL_TYPE (AttApplication, att_application, ADW_TYPE_APPLICATION)

static AttWindow *
get_window (AttApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

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

  g_set_object (&self->context, context);

  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  for (GList *l = windows; l != NULL; l = l->next)
    if (ATT_IS_WINDOW (l->data))
      att_window_set_context (ATT_WINDOW (l->data), context);
}

static void
connect_to (AttApplication *self,
            const char     *base_url,
            gboolean        is_demo)
{
  g_autoptr(AttHiggClient) client = NULL;
  g_autoptr(AttContext) context = NULL;

  g_debug ("Connecting to the Higg API at %s", base_url);

  client = att_higg_client_new (self->http, base_url);
  context = att_context_new (client);
  att_context_set_is_demo (context, is_demo);
  set_context (self, context);
}

static void
sandbox_started_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AttApplication) self = user_data;
  g_autoptr(AttSandboxProcess) sandbox = NULL;
  g_autoptr(GError) error = NULL;

  sandbox = att_sandbox_process_new_finish (result, &error);
  g_clear_object (&self->connect_cancellable);

  if (sandbox == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          att_window_show_welcome (get_window (self));
          return;
        }
      g_warning ("Could not start the demo server: %s", error->message);
      att_window_show_failure (get_window (self), error->message);
      return;
    }

  g_set_object (&self->sandbox, sandbox);
  connect_to (self, att_sandbox_process_get_base_url (sandbox), TRUE);
}

static void
start_demo (AttApplication *self)
{
  static const char * const args[] = { "--seed", "demo", NULL };

  if (self->connect_cancellable != NULL)
    return;

  if (self->sandbox != NULL)
    {
      connect_to (self, att_sandbox_process_get_base_url (self->sandbox), TRUE);
      return;
    }

  att_window_show_starting (get_window (self));
  self->connect_cancellable = g_cancellable_new ();
  att_sandbox_process_new_async (NULL, args, self->connect_cancellable,
                                 sandbox_started_cb, g_object_ref (self));
}

/* Actions */

static void
demo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  start_demo (ATT_APPLICATION (user_data));
}

static void
cancel_connect_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AttApplication *self = ATT_APPLICATION (user_data);

  g_cancellable_cancel (self->connect_cancellable);
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
  AttApplication *self = ATT_APPLICATION (user_data);
  static const char *developers[] = { "Attest developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APP_ID,
                        "application-name", _("Attest"),
                        "developer-name", _("Attest developers"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/attestapp/attest",
                        "issue-url", "https://github.com/attestapp/attest/issues",
                        "copyright", "© 2026 Attest developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Product data, eco-scores and certificates for "
                                      "sustainability teams, on Higg and Closient."),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "demo", demo_action, NULL, NULL, NULL, { 0 } },
  { "cancel-connect", cancel_connect_action, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
};

/* GApplication */

static int
att_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  AttApplication *self = ATT_APPLICATION (application);
  const char *url = NULL;

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
          g_printerr (_("Not a web address: %s\n"), url);
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
   * window state saved. */
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

static void
att_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Ctrl>q", NULL };

  G_APPLICATION_CLASS (att_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);

  g_unix_signal_add (SIGTERM, on_terminate_signal, application);
  g_unix_signal_add (SIGINT, on_terminate_signal, application);
}

static void
att_application_activate (GApplication *application)
{
  AttApplication *self = ATT_APPLICATION (application);
  AttWindow *window = get_window (self);

  if (self->context == NULL && self->connect_cancellable == NULL)
    {
      if (self->sandbox_url != NULL)
        connect_to (self, self->sandbox_url, FALSE);
      else if (self->start_demo)
        start_demo (self);
      else
        att_window_show_welcome (window);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
att_application_shutdown (GApplication *application)
{
  AttApplication *self = ATT_APPLICATION (application);

  g_cancellable_cancel (self->connect_cancellable);
  /* Stop the demo server now rather than rely on it noticing we are gone. */
  if (self->sandbox != NULL)
    att_sandbox_process_stop (self->sandbox);

  G_APPLICATION_CLASS (att_application_parent_class)->shutdown (application);
}

static void
att_application_dispose (GObject *object)
{
  AttApplication *self = (AttApplication *) object;

  g_clear_object (&self->connect_cancellable);
  g_clear_object (&self->context);
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
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
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
      N_("Explore the demo: start a local sandbox server with demo data"), NULL },
    { "sandbox-url", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Connect to a running sandbox server at URL, without an account"), N_("URL") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and exit"), NULL },
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
