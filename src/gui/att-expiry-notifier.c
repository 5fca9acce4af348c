/* att-expiry-notifier.c: one notification for the certificates entering
 * their expiry lead time, at start-up and once a day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-certificate-list.h"
#include "att-certificates-page.h"
#include "att-context.h"
#include "att-expiry-alerts.h"
#include "att-expiry-notifier.h"
#include "att-window.h"

/**
 * AttExpiryNotifier:
 *
 * Reads the account's certificates (an #AttCertificateList, as the
 * Certificates view does) a few seconds after start-up and then once a
 * day, asks #AttExpiryAlerts which reached a stage not notified yet, and
 * sends one GNotification summarising them.  Its default action opens the
 * Certificates view filtered to their status.  The demo's certificates
 * are not the user's, and raise no alert.
 */

#define NOTIFICATION_ID     "expiry-alerts"
#define FIRST_CHECK_MS      5000
#define CHECK_EVERY_SECONDS (24 * 60 * 60)

struct _AttExpiryNotifier
{
  GObject             parent_instance;

  GtkApplication     *application; /* weak: it owns us */
  AttExpiryAlerts    *alerts;
  AttContext         *context;
  AttCertificateList *list;
  guint               check_timeout;
  guint               first_check_ms;
  /* The notification's action, waiting for the window's views. */
  GVariant           *pending;
};

G_DEFINE_FINAL_TYPE (AttExpiryNotifier, att_expiry_notifier, G_TYPE_OBJECT)

enum {
  CHECKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
send_notice (AttExpiryNotifier *self,
             AttExpiryNotice   *notice)
{
  g_autoptr(GNotification) notification = g_notification_new (_ ("Certificates Expiring"));
  g_autofree char     *body = att_expiry_notice_dup_text (notice);
  AttCertificateStatus status = notice->n_expiring > 0 ? ATT_CERTIFICATE_STATUS_EXPIRING : ATT_CERTIFICATE_STATUS_EXPIRED;

  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app." ATT_EXPIRY_NOTIFIER_ACTION, "(is)",
                                                (gint32) status, notice->certificate_ids[0]);
  g_application_send_notification (G_APPLICATION (self->application), NOTIFICATION_ID, notification);
}

static void
on_loading (AttExpiryNotifier *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(AttExpiryNotice) notice = NULL;
  g_autoptr(GError) error = NULL;

  if (att_certificate_list_get_loading (self->list))
    return;
  now = g_date_time_new_now_utc ();
  notice = att_expiry_alerts_check (self->alerts, G_LIST_MODEL (self->list), now,
                                    att_context_get_expiry_lead_days (self->context));
  if (notice != NULL)
    {
      send_notice (self, notice);
      /* A few bytes: written at once rather than in a thread. */
      if (!att_expiry_alerts_save (self->alerts, &error))
        g_warning ("The expiry alerts shown could not be remembered: %s", error->message);
    }
  g_signal_emit (self, signals[CHECKED], 0, notice);
}

static gboolean
check (gpointer user_data)
{
  AttExpiryNotifier *self = user_data;

  self->check_timeout = g_timeout_add_seconds (CHECK_EVERY_SECONDS, check, self);
  if (self->list != NULL && !att_certificate_list_get_loading (self->list))
    att_certificate_list_refresh (self->list);
  return G_SOURCE_REMOVE;
}

static void
drop_list (AttExpiryNotifier *self)
{
  g_clear_handle_id (&self->check_timeout, g_source_remove);
  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list, self);
      att_certificate_list_cancel (self->list);
    }
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->list);
  g_clear_object (&self->context);
}

/* The notification's action */

static AttWindow *
find_window (GtkApplication *application)
{
  GtkWindow *active = gtk_application_get_active_window (application);

  if (ATT_IS_WINDOW (active))
    return ATT_WINDOW (active);
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (ATT_IS_WINDOW (l->data))
      return ATT_WINDOW (l->data);
  return NULL;
}

/* Opens the Certificates view filtered to the certificates notified;
 * FALSE while the window has no such view yet (it is still connecting). */
static gboolean
show_expiring (AttExpiryNotifier *self,
               GVariant          *parameter)
{
  AttWindow  *window = find_window (self->application);
  GtkWidget  *page = window != NULL ? att_window_get_view (window, "certificates") : NULL;
  gint32      status;
  const char *id;

  if (!ATT_IS_CERTIFICATES_PAGE (page))
    return FALSE;
  g_variant_get (parameter, "(i&s)", &status, &id);
  /* Shows the view, with the first of the certificates selected (and the
   * filters cleared), then filters it to the certificates' status. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-certificate", "s", id);
  att_certificates_page_set_status_filter (ATT_CERTIFICATES_PAGE (page), status);
  return TRUE;
}

static gboolean
show_pending (gpointer user_data)
{
  AttExpiryNotifier *self = user_data;

  if (self->pending != NULL && show_expiring (self, self->pending))
    g_clear_pointer (&self->pending, g_variant_unref);
  return G_SOURCE_REMOVE;
}

/* A click on the notification that started the app, or came while it
 * connects, is kept until the window has its views. */
static void
show_expiring_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  AttExpiryNotifier *self = user_data;

  g_application_activate (G_APPLICATION (self->application));
  g_clear_pointer (&self->pending, g_variant_unref);
  if (!show_expiring (self, parameter))
    self->pending = g_variant_ref (parameter);
}

/**
 * att_expiry_notifier_set_context:
 * @context: (nullable): the services of the account connected
 *
 * Checks @context's certificates from now on: a few seconds from now, then
 * once a day.
 */
void
att_expiry_notifier_set_context (AttExpiryNotifier *self,
                                 AttContext        *context)
{
  AttHiggClient *client;

  g_return_if_fail (ATT_IS_EXPIRY_NOTIFIER (self));

  drop_list (self);
  /* The windows get @context after the notifier. */
  if (self->pending != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, show_pending, g_object_ref (self), g_object_unref);
  client = context != NULL ? att_context_get_higg_client (context) : NULL;
  if (client == NULL || att_context_get_is_demo (context))
    return;
  self->context = g_object_ref (context);
  self->list = att_certificate_list_new_with_records (client, att_context_get_certificate_records (context), 0);
  g_signal_connect_swapped (self->list, "notify::loading", G_CALLBACK (on_loading), self);
  /* A longer lead time brings more certificates into it: checked again
   * with the certificates read already. */
  g_signal_connect_swapped (context, "notify::expiry-lead-days", G_CALLBACK (on_loading), self);
  self->check_timeout = g_timeout_add (self->first_check_ms, check, self);
}

static void
att_expiry_notifier_dispose (GObject *object)
{
  AttExpiryNotifier *self = ATT_EXPIRY_NOTIFIER (object);

  drop_list (self);
  g_clear_object (&self->alerts);
  g_clear_pointer (&self->pending, g_variant_unref);

  G_OBJECT_CLASS (att_expiry_notifier_parent_class)->dispose (object);
}

static void
att_expiry_notifier_class_init (AttExpiryNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = att_expiry_notifier_dispose;

  /**
   * AttExpiryNotifier::checked:
   * @notice: (nullable): what was notified; %NULL when nothing new
   *
   * Emitted after each check of the certificates.
   */
  signals[CHECKED] = g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
att_expiry_notifier_init (AttExpiryNotifier *self)
{
  self->first_check_ms = FIRST_CHECK_MS;
}

/* How long after a context is set its certificates are read: a few
 * seconds in the app, to leave the start to the views; less in tests. */
void
att_expiry_notifier_set_first_check_delay (AttExpiryNotifier *self,
                                           guint              ms)
{
  g_return_if_fail (ATT_IS_EXPIRY_NOTIFIER (self));
  self->first_check_ms = ms;
}

/**
 * att_expiry_notifier_new:
 * @application: the application, which the notifier adds its action to
 * @state_path: the key file of the alerts already given
 *   (att_expiry_alerts_dup_default_path() in the app)
 */
AttExpiryNotifier *
att_expiry_notifier_new (GtkApplication *application,
                         const char     *state_path)
{
  const GActionEntry entries[] = {
    { ATT_EXPIRY_NOTIFIER_ACTION, show_expiring_action, "(is)", NULL, NULL, { 0 } },
  };
  AttExpiryNotifier *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (state_path != NULL, NULL);

  self = g_object_new (ATT_TYPE_EXPIRY_NOTIFIER, NULL);
  self->application = application;
  self->alerts = att_expiry_alerts_new (state_path);
  g_action_map_add_action_entries (G_ACTION_MAP (application), entries, G_N_ELEMENTS (entries), self);
  return self;
}
