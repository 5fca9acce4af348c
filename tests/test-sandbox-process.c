/* test-sandbox-process.c: attest-sandbox as a child process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "att-sandbox-process.h"
#include "att-test-utils.h"

#define PARENT_MODE "--as-parent"

typedef struct
{
  AttSandboxProcess *process;
  GError            *error;
  gboolean           done;
} Start;

static void
started_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Start *start = user_data;

  start->process = att_sandbox_process_new_finish (result, &start->error);
  start->done = TRUE;
}

static AttSandboxProcess *
start_program (const char        *program,
               const char *const *extra_args,
               GCancellable      *cancellable,
               GError           **error)
{
  Start start = { 0 };

  att_sandbox_process_new_async (program, extra_args, cancellable, started_cb, &start);
  while (!start.done)
    g_main_context_iteration (NULL, TRUE);

  if (start.error != NULL)
    g_propagate_error (error, start.error);
  return start.process;
}

static AttSandboxProcess *
start_sandbox (const char *const *extra_args,
               GCancellable      *cancellable,
               GError           **error)
{
  return start_program (NULL, extra_args, cancellable, error);
}

typedef struct
{
  GBytes  *body;
  guint    status;
  GError  *error;
  gboolean done;
} Fetch;

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *fetch = user_data;

  fetch->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &fetch->error);
  fetch->status = soup_message_get_status (soup_session_get_async_result_message (SOUP_SESSION (object), result));
  fetch->done = TRUE;
}

/* GETs or POSTs (with @json) @path and returns the parsed answer.  With
 * @authenticate, the request carries the sandbox's demo credentials, read
 * from its /_sandbox/demo-account as the app does. */
static JsonNode *
fetch_json_full (const char *base_url,
                 const char *path,
                 const char *json,
                 gboolean    authenticate,
                 guint      *out_status,
                 GError    **error)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (json != NULL ? "POST" : "GET", url);
  g_autoptr(JsonParser) parser = json_parser_new ();
  Fetch     fetch = { 0 };
  JsonNode *root;

  if (authenticate)
    {
      g_autoptr(AttHiggAuth) auth = att_test_fetch_demo_auth (base_url, error);

      if (auth == NULL || !att_higg_auth_apply (auth, soup_message_get_request_headers (msg),
                                                FALSE, error))
        return NULL;
    }

  if (json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, fetched_cb, &fetch);
  while (!fetch.done)
    g_main_context_iteration (NULL, TRUE);

  if (fetch.error != NULL)
    {
      g_propagate_error (error, fetch.error);
      return NULL;
    }

  *out_status = fetch.status;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (fetch.body, NULL),
                                   (gssize) g_bytes_get_size (fetch.body), error))
    {
      g_bytes_unref (fetch.body);
      return NULL;
    }
  g_bytes_unref (fetch.body);

  root = json_parser_get_root (parser);
  return root != NULL ? json_node_ref (root) : NULL;
}

static JsonNode *
fetch_json (const char *base_url,
            const char *path,
            const char *json,
            guint      *out_status,
            GError    **error)
{
  return fetch_json_full (base_url, path, json, g_str_has_prefix (path, "/pic-api/"),
                          out_status, error);
}

static gboolean
process_exists (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL;
  const char      *state;

  if (kill (pid, 0) != 0 && errno == ESRCH)
    return FALSE;

  /* A zombie has exited; it only waits to be reaped. */
  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return FALSE;
  state = strrchr (stat, ')');
  return state == NULL || state[2] != 'Z';
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @pid is gone or @seconds pass. */
static gboolean
wait_until_gone (GPid  pid,
                 guint seconds)
{
  gboolean expired = FALSE;
  guint    timeout_id = g_timeout_add_seconds (seconds, timeout_cb, &expired);

  while (!expired && process_exists (pid))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }

  if (!expired)
    g_source_remove (timeout_id);
  return !process_exists (pid);
}

/* Tests ----------------------------------------------------------------------- */

static void
test_find_program (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("ATTEST_SANDBOX"));
  g_autofree char *from_env = NULL;
  g_autofree char *found = NULL;
  g_autofree char *basename = NULL;

  g_setenv ("ATTEST_SANDBOX", "/opt/elsewhere/attest-sandbox", TRUE);
  from_env = att_sandbox_process_find_program ();
  g_assert_cmpstr (from_env, ==, "/opt/elsewhere/attest-sandbox");

  /* Without the variable, the build tree's program is found next to the
   * tests. */
  g_unsetenv ("ATTEST_SANDBOX");
  found = att_sandbox_process_find_program ();
  basename = g_path_get_basename (found);
  g_assert_cmpstr (basename, ==, "attest-sandbox");
  g_assert_true (g_file_test (found, G_FILE_TEST_IS_EXECUTABLE));

  if (saved != NULL)
    g_setenv ("ATTEST_SANDBOX", saved, TRUE);
}

static void
test_start_and_stop (void)
{
  const char *const args[] = { "--seed", "demo", NULL };
  g_autoptr(AttSandboxProcess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) countries = NULL;
  g_autoptr(JsonNode) products = NULL;
  g_autofree char *base_url = NULL;
  guint            status = 0;
  GPid             pid;

  process = start_sandbox (args, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (process);
  base_url = g_strdup (att_sandbox_process_get_base_url (process));
  g_assert_true (g_str_has_prefix (base_url, "http://127.0.0.1:"));
  pid = att_sandbox_process_get_pid (process);
  g_assert_cmpint (pid, >, 0);
  g_assert_true (process_exists (pid));

  countries = fetch_json (base_url, "/pic-api/v1/french-label-manufacturing-countries", NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (countries));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (countries)), ==, 19);

  products = fetch_json (base_url, "/pic-api/v1/products/search", "{\"size\": 1}", &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (products), "total"), >=, 60);

  att_sandbox_process_stop (process);
  g_assert_cmpint (att_sandbox_process_get_pid (process), ==, 0);
  g_assert_true (wait_until_gone (pid, 10));

  /* Nobody answers there any more. */
  {
    g_autoptr(JsonNode) none = fetch_json (base_url, "/pic-api/v1/french-label-manufacturing-countries",
                                            NULL, &status, &error);

    g_assert_null (none);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  }
}

static char *
read_public_key (const char *base_url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) account = NULL;
  guint status = 0;

  account = fetch_json (base_url, "/_sandbox/demo-account", NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  return g_strdup (json_object_get_string_member (json_node_get_object (account), "publicKey"));
}

/* The program enforces auth, and keeps its key pair in --data-dir. */
static void
test_auth_and_data_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char  *dir = g_dir_make_tmp ("attest-test-process-XXXXXX", &error);
  g_autofree char  *private_path = g_build_filename (dir, "higg-developer-private.pem", NULL);
  g_autofree char  *public_path = g_build_filename (dir, "higg-developer-public.pem", NULL);
  const char *const args[] = { "--data-dir", dir, NULL };
  g_autoptr(AttSandboxProcess) process = NULL;
  g_autoptr(AttSandboxProcess) again = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autofree char *first_key = NULL;
  g_autofree char *second_key = NULL;
  GStatBuf         st;
  guint            status = 0;

  g_assert_no_error (error);
  process = start_sandbox (args, NULL, &error);
  g_assert_no_error (error);

  refused = fetch_json_full (att_sandbox_process_get_base_url (process),
                             "/pic-api/v1/french-label-manufacturing-countries", NULL, FALSE,
                             &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 401);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (refused), "reason"), ==,
                   "api-key");

  first_key = read_public_key (att_sandbox_process_get_base_url (process));
  g_assert_cmpint (g_stat (private_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  att_sandbox_process_stop (process);

  /* Restarted on the same directory: the same developer public key. */
  again = start_sandbox (args, NULL, &error);
  g_assert_no_error (error);
  second_key = read_public_key (att_sandbox_process_get_base_url (again));
  g_assert_cmpstr (second_key, ==, first_key);
  att_sandbox_process_stop (again);

  g_assert_cmpint (g_unlink (private_path), ==, 0);
  g_assert_cmpint (g_unlink (public_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Writes a script in @dir that runs the sandbox with G_MESSAGES_DEBUG=all,
 * as a user who debugs Attest would. */
static char *
write_debug_wrapper (const char *dir)
{
  g_autofree char *program = att_sandbox_process_find_program ();
  g_autofree char *quoted = g_shell_quote (program);
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\nG_MESSAGES_DEBUG=all exec %s \"$@\"\n",
                                             quoted);
  char            *path = g_build_filename (dir, "attest-sandbox-debug", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, script, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);
  return path;
}

/* GLib writes debug messages on stdout when G_MESSAGES_DEBUG is set (a new
 * data dir makes the child log the making of its key pair before it
 * listens): the address must still reach the parent, and the child answer. */
static void
test_debug_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char  *dir = g_dir_make_tmp ("attest-test-debug-XXXXXX", &error);
  g_autofree char  *wrapper = NULL;
  const char *const args[] = { "--data-dir", dir, NULL };
  g_autoptr(AttSandboxProcess) process = NULL;
  g_autoptr(JsonNode) countries = NULL;
  guint status = 0;
  GPid  pid;

  g_assert_no_error (error);
  wrapper = write_debug_wrapper (dir);
  process = start_program (wrapper, args, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (att_sandbox_process_get_base_url (process), "http://127.0.0.1:"));

  countries = fetch_json (att_sandbox_process_get_base_url (process),
                          "/pic-api/v1/french-label-manufacturing-countries", NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (countries));

  pid = att_sandbox_process_get_pid (process);
  att_sandbox_process_stop (process);
  g_assert_true (wait_until_gone (pid, 10));
  att_test_remove_dir (dir);
}

static void
test_unref_stops (void)
{
  g_autoptr(GError) error = NULL;
  AttSandboxProcess *process = start_sandbox (NULL, NULL, &error);
  GPid               pid;

  g_assert_no_error (error);
  pid = att_sandbox_process_get_pid (process);
  g_assert_cmpint (pid, >, 0);

  /* Dropping the last reference stops the child too. */
  g_object_unref (process);
  g_assert_true (wait_until_gone (pid, 10));
}

static void
test_start_fails (void)
{
  const char *const bad_args[] = { "--seed", "bogus", NULL };
  g_autoptr(AttSandboxProcess) process = NULL;
  g_autoptr(GError) error = NULL;
  Start start = { 0 };

  /* The child exits before printing its address: the error says why. */
  process = start_sandbox (bad_args, NULL, &error);
  g_assert_null (process);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "see --help"));
  g_clear_error (&error);

  /* A program that is not there. */
  att_sandbox_process_new_async ("/nonexistent/attest-sandbox", NULL, NULL, started_cb, &start);
  while (!start.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (start.process);
  g_assert_error (start.error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&start.error);
}

static void
test_start_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Start start = { 0 };

  att_sandbox_process_new_async (NULL, NULL, cancellable, started_cb, &start);
  g_cancellable_cancel (cancellable);
  while (!start.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_null (start.process);
  g_assert_error (start.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&start.error);
}

/* Another process starts the sandbox and is then killed with SIGKILL, with
 * no chance to clean up: the sandbox must exit by itself. */
static void
test_no_orphan (void)
{
  const char      *argv[] = { NULL, PARENT_MODE, NULL };
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GSubprocess) parent = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) countries = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) fields = NULL;
  guint  status = 0;
  GPid   pid;
  int    wait_status = 0;
  pid_t  reaped = 0;
  gint64 deadline;

  /* Orphans are re-parented to this process, so that it can see how the
   * sandbox ended (and no zombie is left for a container's init). */
  g_assert_cmpint (prctl (PR_SET_CHILD_SUBREAPER, 1), ==, 0);

  argv[0] = self_exe;
  parent = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (parent));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  fields = g_strsplit (line, " ", 2);
  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  pid = (GPid) g_ascii_strtoll (fields[0], NULL, 10);
  g_assert_cmpint (pid, >, 0);

  countries = fetch_json (fields[1], "/pic-api/v1/french-label-manufacturing-countries", NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);

  g_subprocess_force_exit (parent);
  g_subprocess_wait (parent, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (parent));

  /* The sandbox notices (stdin closed, and PR_SET_PDEATHSIG) and exits
   * cleanly. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      reaped = waitpid (pid, &wait_status, WNOHANG);
      if (reaped != 0)
        break;
      g_usleep (20 * 1000);
    }

  g_assert_cmpint (reaped, ==, pid);
  if (WIFSIGNALED (wait_status))
    g_error ("The sandbox was killed by signal %d", WTERMSIG (wait_status));
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
  g_assert_false (process_exists (pid));
}

/* The "parent" of test_no_orphan: starts the sandbox, reports it, waits to
 * be killed. */
static int
parent_main (void)
{
  g_autoptr(AttSandboxProcess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;

  process = start_sandbox (NULL, NULL, &error);
  if (process == NULL)
    {
      g_printerr ("parent: %s\n", error->message);
      return 1;
    }

  printf ("%d %s\n", att_sandbox_process_get_pid (process), att_sandbox_process_get_base_url (process));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int              status;

  if (argc == 2 && g_str_equal (argv[1], PARENT_MODE))
    return parent_main ();

  g_test_init (&argc, &argv, NULL);
  data_home = att_test_isolate_data_home ();

  g_test_add_func ("/sandbox-process/find-program", test_find_program);
  g_test_add_func ("/sandbox-process/start-and-stop", test_start_and_stop);
  g_test_add_func ("/sandbox-process/unref-stops", test_unref_stops);
  g_test_add_func ("/sandbox-process/start-fails", test_start_fails);
  g_test_add_func ("/sandbox-process/start-cancelled", test_start_cancelled);
  g_test_add_func ("/sandbox-process/no-orphan", test_no_orphan);
  g_test_add_func ("/sandbox-process/auth-and-data-dir", test_auth_and_data_dir);
  g_test_add_func ("/sandbox-process/debug-messages", test_debug_messages);

  status = g_test_run ();
  att_test_remove_data_home (data_home);
  return status;
}
