/* att-cli-util.c: messages, option parsing, waiting and progress for the
 * commands of attest-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "att-cli.h"

/* Whether a progress line is on stderr now, to be cleared. */
static gboolean progress_shown;

/* The options every command takes, read into @sandbox_url and @account. */
static GOptionGroup *
make_group (char **sandbox_url,
            char **account)
{
  const GOptionEntry entries[] = {
    { "sandbox-url", 0, 0, G_OPTION_ARG_STRING, sandbox_url, N_ ("Sign in to the sandbox at URL with its demo account"),
      N_ ("URL") },
    { "account", 0, 0, G_OPTION_ARG_STRING, account,
      N_ ("Use the account of this name or id instead of the active one"), N_ ("NAME") },
    G_OPTION_ENTRY_NULL
  };
  GOptionGroup *group;

  group = g_option_group_new ("connection", _ ("Connection Options:"), _ ("Show the connection options"), NULL,
                              NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, entries);
  return group;
}

/* Keeps @value (if any) in @field, in place of the one given before. */
static void
replace_option (char **field,
                char  *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = value;
}

static void
clear_progress (void)
{
  if (!progress_shown)
    return;
  fputs ("\r\033[K", stderr);
  progress_shown = FALSE;
}

/**
 * att_cli_fail_message:
 *
 * Prints one line on stderr, "attest-cli: " and the message.
 *
 * Returns: %ATT_CLI_EXIT_FAILURE
 */
int
att_cli_fail_message (const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  clear_progress ();
  g_strdelimit (message, "\r\n", ' ');
  fprintf (stderr, "attest-cli: %s\n", message);
  return ATT_CLI_EXIT_FAILURE;
}

/**
 * att_cli_fail:
 *
 * Returns: %ATT_CLI_EXIT_FAILURE, having said @error on stderr
 */
int
att_cli_fail (const GError *error)
{
  g_return_val_if_fail (error != NULL, ATT_CLI_EXIT_FAILURE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return att_cli_fail_message ("%s", _ ("Cancelled"));
  return att_cli_fail_message ("%s", error->message);
}

/**
 * att_cli_usage_error:
 * @usage: the command's usage, after "attest-cli "
 *
 * Returns: %ATT_CLI_EXIT_USAGE, having said @message and the usage line
 *   on stderr
 */
int
att_cli_usage_error (const char *usage,
                     const char *message)
{
  fprintf (stderr, "attest-cli: %s\n", message);
  /* Translators: %s is a command and its options, such as "products list [OPTION…]" */
  fprintf (stderr, _ ("Usage: attest-cli %s"), usage);
  fputc ('\n', stderr);
  return ATT_CLI_EXIT_USAGE;
}

/**
 * att_cli_parse:
 * @options: where the common options go
 *
 * Parses a command's options, with the common ones added: those may be
 * given before the command and after it, and the last one given wins.
 *
 * Returns: %ATT_CLI_EXIT_OK, or %ATT_CLI_EXIT_USAGE having said why
 */
int
att_cli_parse (GOptionContext *context,
               const char     *usage,
               AttCliOptions  *options,
               int            *argc,
               char         ***argv)
{
  g_autoptr(GError) error = NULL;
  char *sandbox_url = NULL;
  char *account = NULL;

  /* Without options of its own (attest-cli before its command), they are
   * the context's main ones, which --help shows. */
  if (g_option_context_get_main_group (context) == NULL)
    g_option_context_set_main_group (context, make_group (&sandbox_url, &account));
  else
    g_option_context_add_group (context, make_group (&sandbox_url, &account));
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_free (sandbox_url);
      g_free (account);
      return att_cli_usage_error (usage, error->message);
    }
  replace_option (&options->sandbox_url, sandbox_url);
  replace_option (&options->account, account);
  return ATT_CLI_EXIT_OK;
}

/**
 * att_cli_store_result:
 *
 * A #GAsyncReadyCallback that keeps the result in the #GAsyncResult
 * pointer @user_data, for att_cli_await_result().
 */
void
att_cli_store_result (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert (*slot == NULL);
  *slot = g_object_ref (result);
}

/**
 * att_cli_await_result:
 *
 * Runs the main context until an async call stores its result in @slot.
 * A command line tool has no window to keep drawing: waiting here keeps
 * each command a readable sequence of steps.
 *
 * Returns: (transfer none): the result
 */
GAsyncResult *
att_cli_await_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/**
 * att_cli_progress:
 * @user_data: what is being done, as a translated string
 *
 * An #AttProgressFunc that shows how far a step has come on stderr, only
 * when stderr is a terminal, so that logs and pipes stay clean.
 */
void
att_cli_progress (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  const char *what = user_data;

  if (!isatty (STDERR_FILENO))
    return;
  if (total > 0)
    fprintf (stderr, "\r\033[K%s %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT, what, done, total);
  else
    fprintf (stderr, "\r\033[K%s", what);
  progress_shown = TRUE;
}

/**
 * att_cli_progress_end:
 *
 * Clears the progress line, if one is shown.
 */
void
att_cli_progress_end (void)
{
  clear_progress ();
}
