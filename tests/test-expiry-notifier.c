/* test-expiry-notifier.c: the expiry alerts of an application connected to
 * the sandbox, received by a stand-in notification server on the session
 * bus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "att-certificates-page.h"
#include "att-context.h"
#include "att-expiry-alerts.h"
#include "att-expiry-notifier.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-sandbox-seed.h"
#include "att-sandbox.h"
#include "att-test-utils.h"
#include "att-window.h"

static const char server_xml[] = "<node>"
                                 "  <interface name='org.gtk.Notifications'>"
                                 "    <method name='AddNotification'>"
                                 "      <arg type='s' direction='in'/>"
                                 "      <arg type='s' direction='in'/>"
                                 "      <arg type='a{sv}' direction='in'/>"
                                 "    </method>"
                                 "    <method name='RemoveNotification'>"
                                 "      <arg type='s' direction='in'/>"
                                 "      <arg type='s' direction='in'/>"
                                 "    </method>"
                                 "  </interface>"
                                 "</node>";

typedef struct
{
  AttSandbox        *sandbox;
  AttHttp           *http;
  AttHiggClient     *client;
  AttContext        *context;
  GtkApplication    *application;
  AttExpiryNotifier *notifier;
  char              *dir;
  char              *state_path;
  guint              owner_id;
  guint              object_id;
  GPtrArray         *bodies;  /* the notifications received */
  GPtrArray         *actions; /* their default actions */
  guint              n_checks;
  guint              n_notices;
} Fixture;

static void
on_server_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  Fixture *f = user_data;

  if (g_str_equal (method_name, "AddNotification"))
    {
      g_autoptr(GVariant) notification = g_variant_get_child_value (parameters, 2);
      g_autofree char *body = NULL;
      g_autofree char *action = NULL;

      g_variant_lookup (notification, "body", "s", &body);
      g_variant_lookup (notification, "default-action", "s", &action);
      g_ptr_array_add (f->bodies, g_steal_pointer (&body));
      g_ptr_array_add (f->actions, g_steal_pointer (&action));
    }
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
own_notification_server (Fixture *f)
{
  static const GDBusInterfaceVTable vtable = { on_server_call, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (server_xml, NULL);
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (f->application));

  g_assert_nonnull (bus);
  f->object_id = g_dbus_connection_register_object (bus, "/org/gtk/Notifications", info->interfaces[0], &vtable, f,
                                                    NULL, &error);
  g_assert_no_error (error);
  f->owner_id = g_bus_own_name_on_connection (bus, "org.gtk.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE, NULL, NULL,
                                              NULL, NULL);
}

static void
on_checked (Fixture         *f,
            AttExpiryNotice *notice)
{
  f->n_checks++;
  f->n_notices += notice != NULL;
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  static guint n_applications;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("io.github.attestapp.AttestNotifierTest%u", n_applications++);

  f->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (f->sandbox, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (f->sandbox, &f->http, &f->client, &f->context);

  f->application = gtk_application_new (id, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (f->application), NULL, &error);
  g_assert_no_error (error);
  f->bodies = g_ptr_array_new_with_free_func (g_free);
  f->actions = g_ptr_array_new_with_free_func (g_free);
  own_notification_server (f);

  f->dir = g_dir_make_tmp ("att-notifier-XXXXXX", NULL);
  f->state_path = g_build_filename (f->dir, "expiry-alerts.ini", NULL);
  f->notifier = att_expiry_notifier_new (f->application, f->state_path);
  att_expiry_notifier_set_first_check_delay (f->notifier, 10);
  g_signal_connect_swapped (f->notifier, "checked", G_CALLBACK (on_checked), f);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (f->application));

  g_clear_object (&f->notifier);
  g_dbus_connection_unregister_object (bus, f->object_id);
  g_bus_unown_name (f->owner_id);
  g_clear_object (&f->application);
  g_ptr_array_unref (f->bodies);
  g_ptr_array_unref (f->actions);
  att_test_remove_dir (f->dir);
  g_free (f->state_path);
  g_free (f->dir);
  g_clear_object (&f->context);
  att_test_sandbox_disconnect (&f->sandbox, &f->http, &f->client);
}

static gboolean
checked_times (Fixture      *f,
               gconstpointer data)
{
  return f->n_checks >= GPOINTER_TO_UINT (data);
}

static gboolean
received (Fixture      *f,
          gconstpointer data)
{
  return f->bodies->len >= GPOINTER_TO_UINT (data);
}

static void
test_once (Fixture      *f,
           gconstpointer data)
{
  att_expiry_notifier_set_context (f->notifier, f->context);
  att_test_wait_until (ATT_TEST_PREDICATE (checked_times), f, GUINT_TO_POINTER (1), "the first check");
  g_assert_cmpuint (f->n_notices, ==, 1);
  att_test_wait_until (ATT_TEST_PREDICATE (received), f, GUINT_TO_POINTER (1), "the notification");

  /* One notification, summarising the demo's expiring and expired
   * certificates, opening the Certificates view. */
  g_assert_cmpuint (f->bodies->len, ==, 1);
  g_assert_true (g_regex_match_simple ("^[0-9]+ certificates? expires? within 60 days, [0-9]+ ha(s|ve) expired$",
                                       g_ptr_array_index (f->bodies, 0), 0, 0));
  g_assert_cmpstr (g_ptr_array_index (f->actions, 0), ==, "app." ATT_EXPIRY_NOTIFIER_ACTION);

  /* Remembered on disk: connecting again (or a new start) alerts no
   * more. */
  g_assert_true (g_file_test (f->state_path, G_FILE_TEST_EXISTS));
  att_expiry_notifier_set_context (f->notifier, f->context);
  att_test_wait_until (ATT_TEST_PREDICATE (checked_times), f, GUINT_TO_POINTER (2), "the second check");
  g_assert_cmpuint (f->n_notices, ==, 1);
  att_test_run_for (200);
  g_assert_cmpuint (f->bodies->len, ==, 1);

  /* A longer lead time: the certificates now within it are alerted, with
   * the list read already. */
  att_context_set_expiry_lead_days (f->context, ATT_CONTEXT_MAX_EXPIRY_LEAD_DAYS);
  g_assert_cmpuint (f->n_checks, ==, 3);
  g_assert_cmpuint (f->n_notices, ==, 2);
  att_test_wait_until (ATT_TEST_PREDICATE (received), f, GUINT_TO_POINTER (2), "the second notification");
  g_assert_true (g_regex_match_simple ("^[0-9]+ certificates? expires? within 365 days$", g_ptr_array_index (f->bodies, 1),
                                       0, 0));
}

/* The demo's certificates are not the user's. */
static void
test_demo_silent (Fixture      *f,
                  gconstpointer data)
{
  att_context_set_is_demo (f->context, TRUE);
  att_expiry_notifier_set_context (f->notifier, f->context);
  att_test_run_for (1000);
  g_assert_cmpuint (f->n_checks, ==, 0);
  g_assert_false (g_file_test (f->state_path, G_FILE_TEST_EXISTS));
}

/* Every certificate the view shows has @data's status (and there are
 * some). */
static gboolean
certificates_filtered (GtkWidget    *page,
                       gconstpointer data)
{
  GListModel *model = att_certificates_page_get_model (ATT_CERTIFICATES_PAGE (page));
  guint       n = g_list_model_get_n_items (model);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttCertificate) certificate = g_list_model_get_item (model, i);

      if (att_certificate_get_status (certificate, now, ATT_CERTIFICATE_DEFAULT_LEAD_DAYS) != (AttCertificateStatus) GPOINTER_TO_INT (data))
        return FALSE;
    }
  return n > 0;
}

static gboolean
has_certificates_view (AttWindow    *window,
                       gconstpointer data)
{
  return ATT_IS_CERTIFICATES_PAGE (att_window_get_view (window, "certificates"));
}

/* The notification clicked while the app is still connecting (or starts
 * it): the Certificates view opens filtered once the window has it. */
static void
test_action_before_views (Fixture      *f,
                          gconstpointer data)
{
  AttWindow *window = att_window_new (f->application);
  GtkWidget *page;

  g_signal_connect_swapped (f->application, "activate", G_CALLBACK (gtk_window_present), window);
  g_action_group_activate_action (G_ACTION_GROUP (f->application), ATT_EXPIRY_NOTIFIER_ACTION,
                                  g_variant_new ("(is)", ATT_CERTIFICATE_STATUS_EXPIRED, ""));
  g_assert_null (att_window_get_view (window, "certificates"));

  att_expiry_notifier_set_context (f->notifier, f->context);
  att_window_set_context (window, f->context);
  att_test_wait_until (ATT_TEST_PREDICATE (has_certificates_view), window, NULL, "the views");
  page = att_window_get_view (window, "certificates");
  att_test_wait_until (ATT_TEST_PREDICATE (certificates_filtered), page,
                       GINT_TO_POINTER (ATT_CERTIFICATE_STATUS_EXPIRED), "the expired certificates");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* Notifications go to org.gtk.Notifications, which the test owns. */
  g_setenv ("GNOTIFICATION_BACKEND", "gtk", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/expiry-notifier/once", Fixture, NULL, fixture_setup, test_once, fixture_teardown);
  g_test_add ("/expiry-notifier/demo-silent", Fixture, NULL, fixture_setup, test_demo_silent, fixture_teardown);
  g_test_add ("/expiry-notifier/action-before-views", Fixture, NULL, fixture_setup, test_action_before_views,
              fixture_teardown);

  return g_test_run ();
}
