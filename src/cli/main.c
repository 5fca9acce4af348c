/* main.c: attest-cli, Attest's reports and listings without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "att-cli.h"

typedef int (*AttCliCommandFunc) (int            argc,
                                  char         **argv,
                                  AttCliOptions *options);

/* A command, and the verb it needs after its name ("products list"). */
typedef struct
{
  const char       *name;
  const char       *verb;
  AttCliCommandFunc run;
} AttCliCommand;

static const AttCliCommand commands[] = {
  { "report", NULL, att_cli_report },
  { "products", "list", att_cli_products },
  { "certificates", "list", att_cli_certificates },
};

#define USAGE "[--sandbox-url URL] [--account NAME] report|products list|certificates list [OPTION…]"

static gboolean
on_interrupt (gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
  return G_SOURCE_CONTINUE;
}

static GOptionContext *
make_context (void)
{
  GOptionContext *context = g_option_context_new (_ ("COMMAND"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _ ("Commands:\n"
                                   "  report -o FILE          Write a report of the account’s certificates\n"
                                   "  products list           List the account’s products\n"
                                   "  certificates list       List the account’s certificates\n"
                                   "\n"
                                   "“attest-cli COMMAND --help” describes a command’s options."));
  g_option_context_set_description (context, _ ("Exit status: 0 when done, 1 on a failure (said in one line "
                                                "on standard error), 2 on a usage error."));
  /* Stop at the command's name: what follows is the command's. */
  g_option_context_set_strict_posix (context, TRUE);
  return context;
}

static int
run_command (int            argc,
             char         **argv,
             AttCliOptions *options)
{
  g_autofree char *message = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const AttCliCommand *command = &commands[i];

      if (g_strcmp0 (argv[1], command->name) != 0)
        continue;
      if (command->verb == NULL)
        return command->run (argc - 1, argv + 1, options);
      if (argc > 2 && g_strcmp0 (argv[2], command->verb) == 0)
        return command->run (argc - 2, argv + 2, options);
      /* Translators: the first %s is a command, the second what must follow it */
      message = g_strdup_printf (_ ("“%s” must be followed by “%s”"), command->name, command->verb);
      return att_cli_usage_error (USAGE, message);
    }
  return att_cli_usage_error (USAGE, argc > 1 ? _ ("Unknown command") : _ ("No command given"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AttCliOptions options = { NULL, NULL, cancellable };
  int           status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("attest-cli");

  context = make_context ();
  status = att_cli_parse (context, USAGE, &options, &argc, &argv);
  if (status == ATT_CLI_EXIT_OK)
    {
      g_unix_signal_add (SIGINT, on_interrupt, cancellable);
      g_unix_signal_add (SIGTERM, on_interrupt, cancellable);
      status = run_command (argc, argv, &options);
    }
  g_free (options.sandbox_url);
  g_free (options.account);
  return status;
}
