/* att-closient-wait-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-closient-wait-bar.h"
#include "att-http.h"

/**
 * AttClosientWaitBar:
 *
 * When Closient's rate limit holds requests back, #AttHttp waits for the
 * limit's window to pass instead of sending them, and says so with its
 * `rate-limit-wait` signal.  This bar tells the user, with the seconds
 * left counting down and a bar that empties, and offers Cancel, which
 * emits #AttClosientWaitBar::cancel for the view to cancel its requests.
 * It is hidden while nothing waits.  (libadwaita 1.2 has no AdwBanner.)
 */
struct _AttClosientWaitBar
{
  GtkWidget       parent_instance;

  AttHttp        *http;
  char           *host;
  gint64          until;   /* wall-clock µs, 0 when not waiting */
  gint64          started; /* when the wait began, for the bar */
  guint           tick;
  char           *text;

  GtkRevealer    *revealer;
  GtkLabel       *label;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (AttClosientWaitBar, att_closient_wait_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WAITING,
  N_PROPS
};

enum {
  SIGNAL_CANCEL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void        schedule_tick (AttClosientWaitBar *self);

static guint
seconds_left (AttClosientWaitBar *self)
{
  gint64 left = self->until - g_get_real_time ();

  /* Rounded up: "0 s" would be shown while it still waits. */
  return self->until > 0 && left > 0 ? (guint) ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC) : 0;
}

static void
update (AttClosientWaitBar *self)
{
  guint  left = seconds_left (self);
  double total = (double) (self->until - self->started);

  g_free (self->text);
  self->text = NULL;
  if (self->until > 0)
    /* Translators: %u is a number of seconds; Closient is a service */
    self->text = g_strdup_printf (_ ("Waiting %u s for Closient’s rate limit…"), left);
  gtk_label_set_label (self->label, self->text != NULL ? self->text : "");
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 total > 0 ? CLAMP ((self->until - g_get_real_time ()) / total, 0.0, 1.0) : 0.0);
}

static gboolean
tick_cb (gpointer user_data)
{
  AttClosientWaitBar *self = user_data;

  self->tick = 0;
  update (self);
  /* The server's window may end before AttHttp says so: the bar stays, at
   * 0 s, until the requests are sent. */
  if (seconds_left (self) > 0)
    schedule_tick (self);
  return G_SOURCE_REMOVE;
}

/* At the next whole second of the countdown, so that it reads 42, 41, 40
 * in step. */
static void
schedule_tick (AttClosientWaitBar *self)
{
  gint64 left = self->until - g_get_real_time ();
  guint  delay_ms = left > 0 ? (guint) ((left % G_USEC_PER_SEC) / 1000) + 1 : 1000;

  g_clear_handle_id (&self->tick, g_source_remove);
  self->tick = g_timeout_add (MIN (delay_ms, 1000), tick_cb, self);
}

static void
set_until (AttClosientWaitBar *self,
           gint64              until)
{
  gboolean was_waiting = self->until > 0;

  if (until > 0 && self->until <= 0)
    self->started = g_get_real_time ();
  self->until = until > 0 ? until : 0;
  update (self);
  gtk_revealer_set_reveal_child (self->revealer, self->until > 0);
  if (self->until > 0)
    schedule_tick (self);
  else
    g_clear_handle_id (&self->tick, g_source_remove);
  if (was_waiting != (self->until > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING]);
}

static void
on_rate_limit_wait (AttClosientWaitBar *self,
                    const char         *host,
                    gint64              until,
                    AttHttp            *http)
{
  if (self->host != NULL && g_ascii_strcasecmp (host, self->host) == 0)
    set_until (self, until);
}

static void
on_cancel_clicked (AttClosientWaitBar *self)
{
  g_signal_emit (self, signals[SIGNAL_CANCEL], 0);
}

static void
att_closient_wait_bar_dispose (GObject *object)
{
  AttClosientWaitBar *self = (AttClosientWaitBar *) object;

  g_clear_handle_id (&self->tick, g_source_remove);
  if (self->http != NULL)
    g_signal_handlers_disconnect_by_data (self->http, self);
  g_clear_object (&self->http);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_CLOSIENT_WAIT_BAR);

  G_OBJECT_CLASS (att_closient_wait_bar_parent_class)->dispose (object);
}

static void
att_closient_wait_bar_finalize (GObject *object)
{
  AttClosientWaitBar *self = (AttClosientWaitBar *) object;

  g_free (self->host);
  g_free (self->text);

  G_OBJECT_CLASS (att_closient_wait_bar_parent_class)->finalize (object);
}

static void
att_closient_wait_bar_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AttClosientWaitBar *self = ATT_CLOSIENT_WAIT_BAR (object);

  switch (prop_id)
    {
    case PROP_WAITING:
      g_value_set_boolean (value, att_closient_wait_bar_get_waiting (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_closient_wait_bar_class_init (AttClosientWaitBarClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_closient_wait_bar_dispose;
  object_class->finalize = att_closient_wait_bar_finalize;
  object_class->get_property = att_closient_wait_bar_get_property;

  /* Whether requests to Closient wait for its rate limit. */
  properties[PROP_WAITING] =
    g_param_spec_boolean ("waiting", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AttClosientWaitBar::cancel:
   *
   * The user asked to stop waiting.
   */
  signals[SIGNAL_CANCEL] =
    g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-closient-wait-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AttClosientWaitBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, AttClosientWaitBar, label);
  gtk_widget_class_bind_template_child (widget_class, AttClosientWaitBar, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_set_css_name (widget_class, "closientwaitbar");
}

static void
att_closient_wait_bar_init (AttClosientWaitBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
}

GtkWidget *
att_closient_wait_bar_new (void)
{
  return g_object_new (ATT_TYPE_CLOSIENT_WAIT_BAR, NULL);
}

/**
 * att_closient_wait_bar_watch:
 * @http: (nullable): the pipeline whose waits to show, or %NULL for none
 * @base_url: (nullable): Closient's address: its host is the one watched
 *
 * Shows the waits for @base_url's host, starting with one under way.
 */
void
att_closient_wait_bar_watch (AttClosientWaitBar *self,
                             AttHttp            *http,
                             const char         *base_url)
{
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (ATT_IS_CLOSIENT_WAIT_BAR (self));
  g_return_if_fail (http == NULL || ATT_IS_HTTP (http));

  if (self->http != NULL)
    g_signal_handlers_disconnect_by_data (self->http, self);
  g_set_object (&self->http, http);
  g_clear_pointer (&self->host, g_free);
  if (base_url != NULL && (uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL)) != NULL)
    self->host = g_strdup (g_uri_get_host (uri));

  if (http != NULL && self->host != NULL)
    {
      g_signal_connect_object (http, "rate-limit-wait", G_CALLBACK (on_rate_limit_wait), self, G_CONNECT_SWAPPED);
      set_until (self, att_http_get_rate_limit_wait (http, self->host));
    }
  else
    set_until (self, 0);
}

gboolean
att_closient_wait_bar_get_waiting (AttClosientWaitBar *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_WAIT_BAR (self), FALSE);

  return self->until > 0;
}

guint
att_closient_wait_bar_get_seconds_left (AttClosientWaitBar *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_WAIT_BAR (self), 0);

  return seconds_left (self);
}

/**
 * att_closient_wait_bar_get_text:
 *
 * Returns: (nullable): what the bar says, %NULL while nothing waits
 */
const char *
att_closient_wait_bar_get_text (AttClosientWaitBar *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_WAIT_BAR (self), NULL);

  return self->text;
}
