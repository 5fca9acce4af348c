/* att-sandbox-connection-recover.c: signing in again after a failed call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-error.h"
#include "att-higg-auth.h"
#include "att-higg-client.h"
#include "att-sandbox-account.h"
#include "att-sandbox-connection-private.h"
#include "att-sandbox-process.h"

/* A failed call asks for a recovery.  Several calls fail together when the
 * sandbox goes away (the pages of a list, say), so they share one: each
 * waits for the recovery in progress, and a call that failed before the
 * last recovery (its generation is older) is only pointed at the sandbox
 * as it is now.  Otherwise one dead child would count as two deaths. */

/* How long a child that stopped answering may take to be seen exiting: a
 * connection refused by a dead child is reported before the child is
 * reaped.  One that is still there after this was not what failed. */
#define EXIT_GRACE_SECONDS 3

/* A child that keeps dying is not started again and again. */
#define MAX_RESTARTS 1

typedef struct
{
  AttHiggClient *client;
  GError        *failure;
} Waiter;

static void
waiter_free (Waiter *waiter)
{
  g_clear_object (&waiter->client);
  g_clear_error (&waiter->failure);
  g_free (waiter);
}

/* Ends the recovery: every waiting call may be sent again. */
static void
finish_recovered (AttSandboxConnection *self)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->waiters);

  self->restarting = FALSE;
  for (guint i = 0; i < waiters->len; i++)
    {
      Waiter *waiter = g_task_get_task_data (waiters->pdata[i]);

      att_sandbox_connection_apply (self, waiter->client);
      g_task_return_boolean (waiters->pdata[i], TRUE);
    }
}

/* Ends the recovery with @error, or with each call's own failure if
 * %NULL. */
static void
finish_failed (AttSandboxConnection *self,
               const GError         *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->waiters);

  self->restarting = FALSE;
  for (guint i = 0; i < waiters->len; i++)
    {
      Waiter *waiter = g_task_get_task_data (waiters->pdata[i]);

      g_task_return_error (waiters->pdata[i],
                           g_error_copy (error != NULL ? error : waiter->failure));
    }
}

static void
account_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AttSandboxConnection) self = user_data;
  g_autoptr(AttHiggAuth) auth = NULL;
  g_autofree char *closient_key = NULL;
  g_autoptr(GError) error = NULL;
  gboolean restarted = self->restarting;

  auth = att_sandbox_account_fetch_finish (result, &closient_key, &error);
  if (auth == NULL)
    {
      finish_failed (self, error);
      return;
    }

  g_debug ("Signed in to the sandbox again");
  att_sandbox_connection_set_account (self, auth, closient_key);
  finish_recovered (self);
  if (restarted)
    g_signal_emit (self, att_sandbox_connection_signals[SIGNAL_RESTARTED], 0);
}

static void
fetch_account (AttSandboxConnection *self)
{
  att_sandbox_account_fetch_async (self->http, self->base_url, self->cancellable,
                                   account_cb, g_object_ref (self));
}

static void
restarted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AttSandboxConnection) self = user_data;
  g_autoptr(AttSandboxProcess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = att_sandbox_process_new_finish (result, &error);
  if (process == NULL)
    {
      finish_failed (self, error);
      return;
    }

  att_sandbox_connection_set_process (self, process);
  fetch_account (self);
}

static void
give_up (AttSandboxConnection *self)
{
  g_autoptr(GError) error = NULL;
  gboolean was_running = self->process != NULL;

  error = g_error_new_literal (ATT_API_ERROR, ATT_API_ERROR_NETWORK,
                               _ ("The demo server stopped unexpectedly again, so it was not "
                                  "restarted. Start the demo again to continue."));
  g_clear_object (&self->process);
  finish_failed (self, error);
  if (was_running)
    g_signal_emit (self, att_sandbox_connection_signals[SIGNAL_FAILED], 0, error);
}

static void
child_exited (AttSandboxConnection *self)
{
  if (self->restarts >= MAX_RESTARTS)
    {
      give_up (self);
      return;
    }

  g_debug ("The demo server stopped: starting it again");
  self->restarts++;
  self->restarting = TRUE;
  g_clear_object (&self->process);
  att_sandbox_connection_start_child (self, self->cancellable, restarted_cb, g_object_ref (self));
}

static void
exit_wait_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AttSandboxConnection) self = user_data;
  gboolean exited;

  exited = att_sandbox_process_wait_finish (ATT_SANDBOX_PROCESS (object), result, NULL);
  g_clear_handle_id (&self->exit_wait_id, g_source_remove);
  g_clear_object (&self->exit_wait);

  /* A child still running did not cause the failure: report it as it is. */
  if (exited)
    child_exited (self);
  else
    finish_failed (self, NULL);
}

static gboolean
exit_wait_timeout_cb (gpointer user_data)
{
  AttSandboxConnection *self = user_data;

  self->exit_wait_id = 0;
  g_cancellable_cancel (self->exit_wait);
  return G_SOURCE_REMOVE;
}

static void
wait_for_exit (AttSandboxConnection *self)
{
  if (self->process == NULL)
    {
      child_exited (self);
      return;
    }

  self->exit_wait = g_cancellable_new ();
  self->exit_wait_id = g_timeout_add_seconds (EXIT_GRACE_SECONDS, exit_wait_timeout_cb, self);
  att_sandbox_process_wait_async (self->process, self->exit_wait, exit_wait_cb,
                                  g_object_ref (self));
}

void
att_sandbox_connection_cancel_recover (AttSandboxConnection *self)
{
  if (self->exit_wait != NULL)
    g_cancellable_cancel (self->exit_wait);
}

static GTask *
waiter_task_new (AttSandboxConnection *self,
                 AttHiggClient        *client,
                 const GError         *failure,
                 GCancellable         *cancellable,
                 GAsyncReadyCallback   callback,
                 gpointer              user_data)
{
  GTask  *task = g_task_new (self, cancellable, callback, user_data);
  Waiter *waiter = g_new0 (Waiter, 1);

  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_sandbox_connection_recover_async));
  waiter->client = g_object_ref (client);
  waiter->failure = g_error_copy (failure);
  g_task_set_task_data (task, waiter, (GDestroyNotify) waiter_free);
  return task;
}

static void
start_recovery (AttSandboxConnection *self,
                GTask                *task,
                const GError         *failure)
{
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->waiters, task);
  if (g_error_matches (failure, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED))
    fetch_account (self);
  else
    wait_for_exit (self);
}

static gboolean
can_recover (AttSandboxConnection *self,
             const GError         *failure)
{
  if (g_error_matches (failure, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED))
    return self->base_url != NULL;

  return self->is_demo && g_error_matches (failure, ATT_API_ERROR, ATT_API_ERROR_NETWORK);
}

/**
 * att_sandbox_connection_recover_async:
 * @client: the client whose call failed
 * @failure: how it failed
 * @generation: att_sandbox_connection_get_generation() when the call was
 *   sent
 *
 * After a 401, fetches the demo account again; for the demo, after a
 * failure to connect, starts its server again if it died (once).  On
 * success @client points at the sandbox as it is now, with its keys.
 */
void
att_sandbox_connection_recover_async (AttSandboxConnection *self,
                                      AttHiggClient        *client,
                                      const GError         *failure,
                                      guint                 generation,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_SANDBOX_CONNECTION (self));
  g_return_if_fail (ATT_IS_HIGG_CLIENT (client));
  g_return_if_fail (failure != NULL);

  task = waiter_task_new (self, client, failure, cancellable, callback, user_data);
  if (generation != self->generation)
    {
      att_sandbox_connection_apply (self, client);
      g_task_return_boolean (task, TRUE);
    }
  else if (self->waiters != NULL)
    g_ptr_array_add (self->waiters, g_steal_pointer (&task));
  else if (!can_recover (self, failure))
    g_task_return_error (task, g_error_copy (failure));
  else
    start_recovery (self, g_steal_pointer (&task), failure);
}

/**
 * att_sandbox_connection_recover_finish:
 *
 * Returns: %TRUE if the call may be sent again; %FALSE with @error set to
 *   the failure, or to a better explanation of it
 */
gboolean
att_sandbox_connection_recover_finish (AttSandboxConnection *self,
                                       GAsyncResult         *result,
                                       GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_sandbox_connection_recover_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
