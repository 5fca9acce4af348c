/* att-cli-connection.h: the Higg and Closient clients of attest-cli's
 * account, or of a sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-cli.h"
#include "att-types.h"

G_BEGIN_DECLS

/**
 * AttCliConnection:
 * @http: the HTTP pipeline both clients use
 * @sandbox: (nullable): the sandbox signed in to, with --sandbox-url
 * @higg: (nullable): the Higg client, if there is a Higg account
 * @closient: (nullable): the Closient client, if there is a Closient key
 * @account_name: the name of the account the data is of
 */
typedef struct
{
  AttHttp              *http;
  AttSandboxConnection *sandbox;
  AttHiggClient        *higg;
  AttClosientClient    *closient;
  char                 *account_name;
} AttCliConnection;

AttCliConnection *att_cli_connection_open (const AttCliOptions *options,
                                           GError             **error);
void              att_cli_connection_free (AttCliConnection *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttCliConnection, att_cli_connection_free)

G_END_DECLS
