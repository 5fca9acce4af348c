/* att-cli.h: what the commands of attest-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "att-progress.h"

G_BEGIN_DECLS

/* The exit statuses scripts can rely on. */
#define ATT_CLI_EXIT_OK      0
#define ATT_CLI_EXIT_FAILURE 1
#define ATT_CLI_EXIT_USAGE   2

/**
 * AttCliOptions:
 * @sandbox_url: (nullable): --sandbox-url: sign in to that sandbox with
 *   its demo account instead of a saved account
 * @account: (nullable): --account: an account's display name or id
 * @cancellable: cancelled by Ctrl+C
 *
 * The options every command takes, before or after its name.
 */
typedef struct
{
  char         *sandbox_url;
  char         *account;
  GCancellable *cancellable;
} AttCliOptions;

int           att_cli_fail (const GError *error);
int           att_cli_fail_message (const char *format,
                                    ...) G_GNUC_PRINTF (1, 2);
int           att_cli_usage_error (const char *usage,
                                   const char *message);
int           att_cli_parse (GOptionContext *context,
                             const char     *usage,
                             AttCliOptions  *options,
                             int            *argc,
                             char         ***argv);

void          att_cli_store_result (GObject      *source_object,
                                    GAsyncResult *result,
                                    gpointer      user_data);
GAsyncResult *att_cli_await_result (GAsyncResult **slot);

void          att_cli_progress (guint64  done,
                                guint64  total,
                                gpointer user_data);
void          att_cli_progress_end (void);

int           att_cli_report (int            argc,
                              char         **argv,
                              AttCliOptions *options);
int           att_cli_products (int            argc,
                                char         **argv,
                                AttCliOptions *options);
int           att_cli_certificates (int            argc,
                                    char         **argv,
                                    AttCliOptions *options);

G_END_DECLS
