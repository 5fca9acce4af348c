/* att-sandbox-connection-private.h: what the parts of AttSandboxConnection
 * share: att-sandbox-connection.c (the object, signing in) and
 * att-sandbox-connection-recover.c (recovering after a failed call)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-sandbox-connection.h"

G_BEGIN_DECLS


struct _AttSandboxConnection
{
  GObject            parent_instance;

  AttHttp           *http;
  char              *base_url;
  AttHiggAuth       *auth;
  char              *closient_key; /* the sandbox's Closient key, if any */
  guint              generation;   /* counts the changes of base_url and auth */

  /* The demo only: how to start the child, the child, and how many times
   * it was started again after it died. */
  gboolean           is_demo;
  char              *program;
  char             **args;
  AttSandboxProcess *process;
  guint              restarts;

  /* The recovery in progress: the recover tasks waiting for it (NULL when
   * none), and whether it restarts the child. */
  GPtrArray         *waiters;
  gboolean           restarting;
  GCancellable      *exit_wait;
  guint              exit_wait_id;

  GCancellable      *cancellable; /* cancelled by stop and dispose */
};

enum {
  SIGNAL_RESTARTED,
  SIGNAL_FAILED,
  SIGNAL_SIGNED_IN,
  N_SIGNALS
};

extern guint att_sandbox_connection_signals[N_SIGNALS];

void         att_sandbox_connection_start_child (AttSandboxConnection *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
void         att_sandbox_connection_set_process (AttSandboxConnection *self,
                                                 AttSandboxProcess    *process);
void         att_sandbox_connection_set_account (AttSandboxConnection *self,
                                                 AttHiggAuth          *auth,
                                                 const char           *closient_key);
void         att_sandbox_connection_apply (AttSandboxConnection *self,
                                           AttHiggClient        *client);
void         att_sandbox_connection_cancel_recover (AttSandboxConnection *self);

G_END_DECLS
