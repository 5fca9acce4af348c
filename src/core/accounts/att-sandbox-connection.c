/* att-sandbox-connection.c: the demo or a sandbox, signed in and kept so
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-higg-auth.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-sandbox-account.h"
#include "att-sandbox-connection-private.h"
#include "att-sandbox-process.h"

/**
 * AttSandboxConnection:
 *
 * How Attest signs in to a sandbox, and signs in again when it has to.  A
 * sandbox has no account of its own: it hands out a demo account, whose
 * keys are new every time it starts.  This object fetches that account and
 * makes an #AttHiggClient that uses it; the client comes back to it when a
 * call fails in a way a sandbox explains (att-sandbox-connection-recover.c):
 *
 * - a 401: the sandbox was started again (on the same address, with new
 *   keys), so the demo account is fetched again;
 * - for the demo, whose sandbox is our child process, a failure to connect
 *   because the child died: it is started again once, on a new port with
 *   new keys, and #AttSandboxConnection::restarted is emitted.  If it dies
 *   again, #AttSandboxConnection::failed says so.
 *
 * The client then sends the call again, once.
 */

G_DEFINE_FINAL_TYPE (AttSandboxConnection, att_sandbox_connection, G_TYPE_OBJECT)

guint att_sandbox_connection_signals[N_SIGNALS];

static void
att_sandbox_connection_dispose (GObject *object)
{
  AttSandboxConnection *self = (AttSandboxConnection *) object;

  att_sandbox_connection_stop (self);
  g_clear_object (&self->auth);
  g_clear_object (&self->http);

  G_OBJECT_CLASS (att_sandbox_connection_parent_class)->dispose (object);
}

static void
att_sandbox_connection_finalize (GObject *object)
{
  AttSandboxConnection *self = (AttSandboxConnection *) object;

  g_clear_object (&self->cancellable);
  g_free (self->base_url);
  g_free (self->closient_key);
  g_free (self->program);
  g_strfreev (self->args);

  G_OBJECT_CLASS (att_sandbox_connection_parent_class)->finalize (object);
}

static void
att_sandbox_connection_class_init (AttSandboxConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = att_sandbox_connection_dispose;
  object_class->finalize = att_sandbox_connection_finalize;

  /**
   * AttSandboxConnection::restarted:
   *
   * The demo's server died and was started again: what was changed in the
   * demo is lost.
   */
  att_sandbox_connection_signals[SIGNAL_RESTARTED] =
    g_signal_new ("restarted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AttSandboxConnection::failed:
   * @error: what happened, to show
   *
   * The demo's server died again and was not restarted.
   */
  att_sandbox_connection_signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * AttSandboxConnection::signed-in:
   *
   * The sandbox handed out its demo account, with new keys: at the first
   * connection, after a 401 (a sandbox started again on the same address)
   * and after the demo's server was restarted.  A Closient client made
   * with the old key must be made again.
   */
  att_sandbox_connection_signals[SIGNAL_SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
att_sandbox_connection_init (AttSandboxConnection *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * att_sandbox_connection_new:
 * @base_url: a sandbox that runs on its own, e.g. `http://127.0.0.1:8080`
 *
 * Returns: (transfer full): a connection to that sandbox, not connected yet
 */
AttSandboxConnection *
att_sandbox_connection_new (AttHttp    *http,
                            const char *base_url)
{
  AttSandboxConnection *self;

  g_return_val_if_fail (ATT_IS_HTTP (http), NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  self = g_object_new (ATT_TYPE_SANDBOX_CONNECTION, NULL);
  self->http = g_object_ref (http);
  self->base_url = g_strdup (base_url);
  return self;
}

/**
 * att_sandbox_connection_new_demo:
 * @program: (nullable): as for att_sandbox_process_new_async()
 * @extra_args: (nullable) (array zero-terminated=1): as for
 *   att_sandbox_process_new_async()
 *
 * Returns: (transfer full): a connection to a sandbox run as a child
 *   process, started when connecting
 */
AttSandboxConnection *
att_sandbox_connection_new_demo (AttHttp           *http,
                                 const char        *program,
                                 const char *const *extra_args)
{
  AttSandboxConnection *self;

  g_return_val_if_fail (ATT_IS_HTTP (http), NULL);

  self = g_object_new (ATT_TYPE_SANDBOX_CONNECTION, NULL);
  self->http = g_object_ref (http);
  self->is_demo = TRUE;
  self->program = g_strdup (program);
  self->args = g_strdupv ((char **) extra_args);
  return self;
}

void
att_sandbox_connection_start_child (AttSandboxConnection *self,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  att_sandbox_process_new_async (self->program, (const char *const *) self->args,
                                 cancellable, callback, user_data);
}

void
att_sandbox_connection_set_process (AttSandboxConnection *self,
                                    AttSandboxProcess    *process)
{
  g_set_object (&self->process, process);
  g_free (self->base_url);
  self->base_url = g_strdup (att_sandbox_process_get_base_url (process));
}

void
att_sandbox_connection_set_account (AttSandboxConnection *self,
                                    AttHiggAuth          *auth,
                                    const char           *closient_key)
{
  g_set_object (&self->auth, auth);
  g_free (self->closient_key);
  self->closient_key = g_strdup (closient_key);
  self->generation++;
  g_signal_emit (self, att_sandbox_connection_signals[SIGNAL_SIGNED_IN], 0);
}

/* Points @client at the sandbox as it is now. */
void
att_sandbox_connection_apply (AttSandboxConnection *self,
                              AttHiggClient        *client)
{
  att_higg_client_set_base_url (client, self->base_url);
  att_higg_client_set_auth (client, self->auth);
}

/* Connecting -------------------------------------------------------------------- */

static void
connect_account_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AttSandboxConnection *self = g_task_get_source_object (task);
  g_autoptr(AttHiggAuth) auth = NULL;
  g_autofree char *closient_key = NULL;
  AttHiggClient   *client;
  GError          *error = NULL;

  auth = att_sandbox_account_fetch_finish (result, &closient_key, &error);
  if (auth == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  att_sandbox_connection_set_account (self, auth, closient_key);
  client = att_higg_client_new (self->http, self->base_url);
  att_sandbox_connection_apply (self, client);
  att_higg_client_set_sandbox_connection (client, self);
  g_task_return_pointer (task, client, g_object_unref);
}

static void
fetch_account (GTask *task)
{
  AttSandboxConnection *self = g_task_get_source_object (task);

  att_sandbox_account_fetch_async (self->http, self->base_url, g_task_get_cancellable (task),
                                   connect_account_cb, task);
}

static void
connect_started_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(AttSandboxProcess) process = NULL;
  GError *error = NULL;

  process = att_sandbox_process_new_finish (result, &error);
  if (process == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  att_sandbox_connection_set_process (g_task_get_source_object (task), process);
  fetch_account (g_steal_pointer (&task));
}

/**
 * att_sandbox_connection_connect_async:
 *
 * Starts the demo's server if it is not running (a start asked for, which
 * may again be followed by one restart), then signs in to the sandbox.
 */
void
att_sandbox_connection_connect_async (AttSandboxConnection *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_SANDBOX_CONNECTION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_sandbox_connection_connect_async));

  if (self->is_demo && self->process == NULL)
    {
      self->restarts = 0;
      att_sandbox_connection_start_child (self, cancellable, connect_started_cb,
                                          g_steal_pointer (&task));
      return;
    }

  fetch_account (g_steal_pointer (&task));
}

/**
 * att_sandbox_connection_connect_finish:
 *
 * Returns: (transfer full): a client signed in to the sandbox, which comes
 *   back to this connection to recover from failures
 */
AttHiggClient *
att_sandbox_connection_connect_finish (AttSandboxConnection *self,
                                       GAsyncResult         *result,
                                       GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_sandbox_connection_connect_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Accessors --------------------------------------------------------------------- */

/**
 * att_sandbox_connection_get_generation:
 *
 * Returns: a number that changes whenever the address or the keys do
 */
guint
att_sandbox_connection_get_generation (AttSandboxConnection *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_CONNECTION (self), 0);

  return self->generation;
}

gboolean
att_sandbox_connection_get_is_demo (AttSandboxConnection *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_CONNECTION (self), FALSE);

  return self->is_demo;
}

/**
 * att_sandbox_connection_get_base_url:
 *
 * Returns: (nullable): the sandbox's address; for the demo, %NULL until
 *   its server has started
 */
const char *
att_sandbox_connection_get_base_url (AttSandboxConnection *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_CONNECTION (self), NULL);

  return self->base_url;
}

/**
 * att_sandbox_connection_get_closient_key:
 *
 * The sandbox makes a new Closient key each time it starts: read it again
 * after #AttSandboxConnection::restarted.
 *
 * Returns: (nullable): the Closient key the sandbox handed out with its
 *   demo account, or %NULL if it offered none
 */
const char *
att_sandbox_connection_get_closient_key (AttSandboxConnection *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_CONNECTION (self), NULL);

  return self->closient_key;
}

/**
 * att_sandbox_connection_get_process:
 *
 * Returns: (transfer none) (nullable): the demo's server, if running
 */
AttSandboxProcess *
att_sandbox_connection_get_process (AttSandboxConnection *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_CONNECTION (self), NULL);

  return self->process;
}

/**
 * att_sandbox_connection_stop:
 *
 * Stops the demo's server and ends any recovery in progress.  Connecting
 * again starts a new server.
 */
void
att_sandbox_connection_stop (AttSandboxConnection *self)
{
  g_return_if_fail (ATT_IS_SANDBOX_CONNECTION (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  att_sandbox_connection_cancel_recover (self);

  if (self->process != NULL)
    att_sandbox_process_stop (self->process);
  g_clear_object (&self->process);
}
