/* attest-sandbox.c: serve the sandbox on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "att-sandbox.h"

/*
 * Prints exactly one line on stdout, the base URL, once the server
 * listens; then serves until SIGINT or SIGTERM.  With --address-fd N the
 * line goes to file descriptor N instead, which is then closed: a parent
 * reading stdout could not tell it from the debug messages GLib writes
 * there when G_MESSAGES_DEBUG is set.  With --exit-with-parent it
 * also exits when stdin reaches end-of-file: the parent holds the write end
 * of a pipe, and the kernel closes it however the parent dies.
 *
 * The demo credentials are never printed: clients read them from
 * GET /_sandbox/demo-account.
 */

typedef struct
{
  GMainLoop    *loop;
  GInputStream *stdin_stream;
  GCancellable *cancellable;
  char          buffer[256];
} Server;

static gboolean
quit_cb (gpointer user_data)
{
  Server *server = user_data;

  g_main_loop_quit (server->loop);
  return G_SOURCE_CONTINUE;
}

static void watch_stdin (Server *server);

/* The one line a parent waits for. */
static gboolean
announce_base_url (const char *base_url,
                   int         fd,
                   GError    **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  g_autofree char *line = g_strconcat (base_url, "\n", NULL);

  if (fd < 0)
    {
      fputs (line, stdout);
      fflush (stdout);
      return TRUE;
    }

  stream = g_unix_output_stream_new (fd, TRUE);
  return g_output_stream_write_all (stream, line, strlen (line), NULL, NULL, error) &&
         g_output_stream_close (stream, NULL, error);
}

static void
stdin_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Server *server = user_data;
  g_autoptr(GError) error = NULL;
  gssize n_read;

  n_read = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (n_read <= 0)
    {
      g_debug ("stdin closed, the parent is gone: exiting");
      g_main_loop_quit (server->loop);
      return;
    }

  /* Whatever the parent writes is ignored; only the end matters. */
  watch_stdin (server);
}

static void
watch_stdin (Server *server)
{
  g_input_stream_read_async (server->stdin_stream, server->buffer, sizeof server->buffer,
                             G_PRIORITY_DEFAULT, server->cancellable, stdin_read_cb, server);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AttSandbox) sandbox = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char   *db_path = NULL;
  g_autofree char   *data_dir = NULL;
  g_autofree char   *seed = NULL;
  int                port = 0;
  int                products = 0;
  int                product_seed = 1;
  int                score_delay = 2000;
  int                latency = 0;
  int                address_fd = -1;
  gboolean           exit_with_parent = FALSE;
  gboolean           verbose = FALSE;
  int                status = 0;
  Server             server = { 0 };
  const GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_INT, &port, N_ ("TCP port on 127.0.0.1 (0: any free port)"), N_ ("PORT") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_ ("SQLite database file (default: in memory)"), N_ ("FILE") },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, N_ ("Where to keep the RSA key pair (default: ~/.local/share/attest-sandbox)"), N_ ("DIR") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed, N_ ("Add the demo products"), "demo" },
    { "products", 0, 0, G_OPTION_ARG_INT, &products, N_ ("Add N generated products"), "N" },
    { "products-seed", 0, 0, G_OPTION_ARG_INT, &product_seed, N_ ("Seed of the generated products (default: 1)"), N_ ("SEED") },
    { "score-delay-ms", 0, 0, G_OPTION_ARG_INT, &score_delay, N_ ("How long eco-scores stay Pending (default: 2000)"), N_ ("MS") },
    { "latency-ms", 0, 0, G_OPTION_ARG_INT, &latency, N_ ("Delay every answer (default: 0)"), N_ ("MS") },
    { "address-fd", 0, 0, G_OPTION_ARG_INT, &address_fd, N_ ("Write the base URL to file descriptor FD instead of stdout"), N_ ("FD") },
    { "exit-with-parent", 0, 0, G_OPTION_ARG_NONE, &exit_with_parent, N_ ("Exit when stdin closes or the parent dies"), NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_ ("Log every request"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _ ("A local stand-in for the Higg PIC API, for Attest’s demo mode and tests."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (port < 0 || port > 65535 || products < 0 || score_delay < 0 || latency < 0 ||
      address_fd < -1 || address_fd == STDIN_FILENO ||
      (seed != NULL && g_strcmp0 (seed, "demo") != 0))
    {
      g_printerr ("%s\n", _ ("Invalid option value; see --help"));
      return 2;
    }

  /* Handlers first: a SIGTERM (from PR_SET_PDEATHSIG, or a parent that
   * stops us as soon as it has read the address) must end the loop, not
   * kill the process midway.  One that arrives while the products are
   * being loaded is handled as soon as the loop runs. */
  server.loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, &server);
  g_unix_signal_add (SIGTERM, quit_cb, &server);

  if (exit_with_parent)
    {
      /* A second line of defence behind the stdin pipe: the kernel sends
       * SIGTERM when the parent dies. */
      pid_t parent = getppid ();

      prctl (PR_SET_PDEATHSIG, SIGTERM);
      if (getppid () != parent)
        goto out;
    }

  if (verbose)
    g_log_set_debug_enabled (TRUE);

  /* The key pair lasts, so that a public key the app configured stays
   * valid; the API and integration keys are new on every start. */
  if (data_dir == NULL)
    data_dir = g_build_filename (g_get_user_data_dir (), "attest-sandbox", NULL);

  sandbox = att_sandbox_new_full (db_path, data_dir, &error);
  if (sandbox == NULL ||
      (seed != NULL && !att_sandbox_seed_demo (sandbox, &error)) ||
      (products > 0 && !att_sandbox_add_generated_products (sandbox, (guint) products,
                                                            (guint32) product_seed, &error)))
    {
      g_printerr ("attest-sandbox: %s\n", error->message);
      status = 1;
      goto out;
    }

  att_sandbox_set_score_delay (sandbox, (guint) score_delay);
  att_sandbox_set_latency (sandbox, (guint) latency);

  if (!att_sandbox_listen (sandbox, (guint) port, &error))
    {
      g_printerr ("attest-sandbox: %s\n", error->message);
      status = 1;
      goto out;
    }

  if (!announce_base_url (att_sandbox_get_base_url (sandbox), address_fd, &error))
    {
      g_printerr ("attest-sandbox: %s\n", error->message);
      status = 1;
      goto out;
    }

  if (exit_with_parent)
    {
      server.cancellable = g_cancellable_new ();
      server.stdin_stream = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      watch_stdin (&server);
    }

  g_main_loop_run (server.loop);

out:
  /* The signal handlers stay installed to the end: removing them restores
   * the default action, and a SIGTERM still on its way (the parent-death
   * signal usually follows the end of stdin) would then kill the process
   * in the middle of its clean exit. */
  if (server.cancellable != NULL)
    {
      /* Let the cancelled read finish, so nothing is left pending. */
      g_cancellable_cancel (server.cancellable);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_clear_object (&server.stdin_stream);
  g_clear_object (&server.cancellable);
  g_clear_pointer (&server.loop, g_main_loop_unref);

  return status;
}
