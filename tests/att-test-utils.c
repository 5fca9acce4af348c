/* att-test-utils.c: helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>

#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "att-json.h"
#include "att-product.h"
#include "att-certificate-records.h"
#include "att-test-utils.h"

static char *shared_data_dir;

static void
remove_shared_data_dir (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (shared_data_dir == NULL)
    return;

  dir = g_dir_open (shared_data_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (shared_data_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (shared_data_dir);
  g_clear_pointer (&shared_data_dir, g_free);
}

/**
 * att_test_sandbox_new:
 * @db_path: (nullable): as for att_sandbox_new()
 *
 * Making an RSA key pair takes from a few to a few hundred milliseconds;
 * tests that start dozens of sandboxes share one, kept in a temporary
 * directory for the life of the test program.
 *
 * Returns: (transfer full): a new sandbox, not listening yet
 */
AttSandbox *
att_test_sandbox_new (const char *db_path,
                      GError    **error)
{
  if (shared_data_dir == NULL)
    {
      shared_data_dir = g_dir_make_tmp ("attest-test-keys-XXXXXX", error);
      if (shared_data_dir == NULL)
        return NULL;
      atexit (remove_shared_data_dir);
    }

  return att_sandbox_new_full (db_path, shared_data_dir, error);
}

#define DEFAULT_TEST_API_KEY         "leakcheck-api-key-7f3a9"
#define DEFAULT_TEST_INTEGRATION_KEY "leakcheck-integration-key-c41e2"

static const char *
env_or (const char *name,
        const char *fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? value : fallback;
}

const char *
att_test_secret_api_key (void)
{
  return env_or ("ATTEST_TEST_API_KEY", DEFAULT_TEST_API_KEY);
}

const char *
att_test_secret_integration_key (void)
{
  return env_or ("ATTEST_TEST_INTEGRATION_KEY", DEFAULT_TEST_INTEGRATION_KEY);
}

/**
 * att_test_sandbox_use_test_secrets:
 *
 * Makes @sandbox accept the test secrets instead of its random ones.
 */
void
att_test_sandbox_use_test_secrets (AttSandbox *sandbox)
{
  att_sandbox_set_credentials (sandbox, att_test_secret_api_key (),
                               att_test_secret_integration_key ());
}

/**
 * att_test_higg_auth_new:
 *
 * Returns: (transfer full): the sandbox's own credentials
 */
AttHiggAuth *
att_test_higg_auth_new (AttSandbox *sandbox)
{
  g_assert_true (ATT_IS_SANDBOX (sandbox));

  return att_higg_auth_new (att_sandbox_get_api_key (sandbox),
                            att_sandbox_get_integration_key (sandbox),
                            att_sandbox_get_public_key_pem (sandbox));
}

/**
 * att_test_higg_client_new:
 *
 * Returns: (transfer full): a client of @sandbox, with its credentials
 */
AttHiggClient *
att_test_higg_client_new (AttHttp    *http,
                          AttSandbox *sandbox)
{
  g_autoptr(AttHiggAuth) auth = att_test_higg_auth_new (sandbox);
  AttHiggClient *client;

  g_assert_nonnull (att_sandbox_get_base_url (sandbox));

  client = att_higg_client_new (http, att_sandbox_get_base_url (sandbox));
  att_higg_client_set_auth (client, auth);
  return client;
}

/**
 * att_test_auth_headers_new:
 *
 * Returns: (transfer full): `x-api-key` and a fresh
 *   `x-developer-request-token` for @sandbox, e.g. for att_http_send_json_async()
 */
SoupMessageHeaders *
att_test_auth_headers_new (AttSandbox *sandbox)
{
  g_autoptr(AttHiggAuth) auth = att_test_higg_auth_new (sandbox);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);

  att_higg_auth_apply (auth, headers, FALSE, &error);
  g_assert_no_error (error);
  return headers;
}

static void
copy_header (const char *name,
             const char *value,
             gpointer    user_data)
{
  soup_message_headers_replace (user_data, name, value);
}

/**
 * att_test_add_auth_headers:
 *
 * Adds valid credentials for @sandbox to a raw request.
 */
void
att_test_add_auth_headers (SoupMessage *msg,
                           AttSandbox  *sandbox)
{
  g_autoptr(SoupMessageHeaders) headers = att_test_auth_headers_new (sandbox);

  soup_message_headers_foreach (headers, copy_header, soup_message_get_request_headers (msg));
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * att_test_fetch_demo_auth:
 * @base_url: `http://127.0.0.1:PORT` of a running sandbox
 *
 * Returns: (transfer full): the sandbox's demo credentials, or %NULL with
 *   @error set
 */
AttHiggAuth *
att_test_fetch_demo_auth (const char *base_url,
                          GError    **error)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (base_url, "/_sandbox/demo-account", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gconstpointer    data;
  gsize            length = 0;
  const char      *api_key, *integration_key, *public_key;
  JsonObject      *object;

  bytes = soup_session_send_and_read (session, msg, NULL, error);
  if (bytes == NULL)
    return NULL;

  if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "demo-account: HTTP %u",
                   soup_message_get_status (msg));
      return NULL;
    }

  /* The body is not NUL-terminated. */
  data = g_bytes_get_data (bytes, &length);
  text = g_strndup (data, length);
  root = json_from_string (text, error);
  if (root == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "demo-account: empty body");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "demo-account: not an object");
      return NULL;
    }

  object = json_node_get_object (root);
  api_key = get_string (object, "apiKey");
  integration_key = get_string (object, "integrationKey");
  public_key = get_string (object, "publicKey");
  if (api_key == NULL || integration_key == NULL || public_key == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "demo-account: a key is missing");
      return NULL;
    }

  return att_higg_auth_new (api_key, integration_key, public_key);
}

/* Sandboxes started without --data-dir keep their key pair in
 * $XDG_DATA_HOME/attest-sandbox: point it at a temporary directory, for
 * this process and its children, rather than at the user's. */
char *
att_test_isolate_data_home (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("attest-test-data-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  return dir;
}

void
att_test_remove_data_home (const char *dir)
{
  g_autofree char *sandbox_dir = g_build_filename (dir, "attest-sandbox", NULL);
  g_autoptr(GDir) listing = g_dir_open (sandbox_dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (sandbox_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (sandbox_dir);
  g_rmdir (dir);
}

/* Removes a directory and everything in it.  A file may go on its own
 * meanwhile: SQLite removes its -wal and -shm files when a connection that
 * a worker thread is closing goes away. */
void
att_test_remove_dir (const char *path)
{
  g_autoptr(GDir) listing = g_dir_open (path, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      if (g_file_test (file, G_FILE_TEST_IS_DIR))
        att_test_remove_dir (file);
      else if (g_unlink (file) != 0)
        g_assert_cmpint (errno, ==, ENOENT);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

/**
 * att_test_sandbox_connect:
 * @sandbox: a sandbox, not listening yet
 * @http: (out): a new AttHttp
 * @client: (out): a new client of @sandbox, with its credentials
 * @context: (out) (optional): a new context over @client
 */
void
att_test_sandbox_connect (AttSandbox     *sandbox,
                          AttHttp       **http,
                          AttHiggClient **client,
                          AttContext    **context)
{
  g_autoptr(GError) error = NULL;

  att_sandbox_listen (sandbox, 0, &error);
  g_assert_no_error (error);

  *http = att_http_new ();
  *client = att_test_higg_client_new (*http, sandbox);
  if (context != NULL)
    {
      g_autoptr(AttCertificateRecords) records = att_certificate_records_new_for_path (NULL);

      /* What a test creates is kept in memory, not in the user's files. */
      *context = att_context_new (*client);
      att_context_set_certificate_records (*context, records);
    }
}

AttClosientClient *
att_test_closient_client_new (AttHttp    *http,
                              AttSandbox *sandbox)
{
  return att_closient_client_new (http, att_sandbox_get_base_url (sandbox),
                                  att_sandbox_get_closient_api_key (sandbox, ATT_CLOSIENT_KEY_BUSINESS));
}

void
att_test_store_result (GObject      *source_object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

GAsyncResult *
att_test_await_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

void
att_test_sandbox_disconnect (AttSandbox    **sandbox,
                             AttHttp       **http,
                             AttHiggClient **client)
{
  g_clear_object (client);
  g_clear_object (http);
  g_clear_object (sandbox);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

JsonObject *
att_test_parse_object (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonObject *object = att_json_parse_object (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (object);
  return object;
}

JsonNode *
att_test_parse_value (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

char *
att_test_field_error_paths (GPtrArray *errors)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();

  for (guint i = 0; i < errors->len; i++)
    g_ptr_array_add (paths, ((AttFieldError *) g_ptr_array_index (errors, i))->path);
  g_ptr_array_sort (paths, compare_strings);
  g_ptr_array_add (paths, NULL);

  return g_strjoinv (" ", (char **) paths->pdata);
}

AttProduct *
att_test_create_product (AttHiggClient *client,
                         JsonObject    *body,
                         GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_higg_client_create_product_async (client, body, NULL, att_test_store_result, &result);
  return att_higg_client_create_product_finish (client, att_test_await_result (&result), error);
}

AttProduct *
att_test_get_product (AttHiggClient *client,
                      const char    *id,
                      GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_higg_client_get_product_async (client, id, NULL, att_test_store_result, &result);
  return att_higg_client_get_product_finish (client, att_test_await_result (&result), error);
}

AttProduct *
att_test_update_product (AttHiggClient *client,
                         const char    *id,
                         JsonObject    *command,
                         GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_higg_client_update_product_async (client, id, command, NULL, att_test_store_result, &result);
  return att_higg_client_update_product_finish (client, att_test_await_result (&result), error);
}

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * att_test_wait_until:
 *
 * The one wait of the tests that watch something asynchronous happen: a
 * page load, a dialog closing, a store being written.
 */
void
att_test_wait_until (AttTestPredicate predicate,
                     gpointer         fixture,
                     gconstpointer    data,
                     const char      *what)
{
  gboolean timed_out = FALSE;
  guint    id = g_timeout_add_seconds (ATT_TEST_WAIT_SECONDS, set_true, &timed_out);

  while (!predicate (fixture, data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
}

void
att_test_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_true, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The exit status a script uses to say it cannot run here. */
#define PYTHON_SKIP_STATUS 77

char *
att_test_run_python (const char *script,
                     const char *input,
                     GError    **error)
{
  const char *python = g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE)
                         ? "/usr/bin/python3"
                         : "python3";
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              error, python, "-c", script, NULL);
  if (process == NULL ||
      !g_subprocess_communicate_utf8 (process, input, NULL, &out, &err, error))
    return NULL;

  if (g_subprocess_get_if_exited (process) &&
      g_subprocess_get_exit_status (process) == PYTHON_SKIP_STATUS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", err != NULL ? err : "");
      return NULL;
    }
  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "python3 failed: %s", err != NULL ? err : "");
      return NULL;
    }

  return g_steal_pointer (&out);
}

/* The credentials go to curl in a file only this user can read, never on
 * its command line, where any process could see them: the request
 * headers @auth makes, and a JSON content type.  Returns the file's path
 * in @dir. */
static void
write_header (const char *name,
              const char *value,
              gpointer    user_data)
{
  g_string_append_printf (user_data, "%s: %s\n", name, value);
}

char *
att_test_write_curl_headers (AttHiggAuth *auth,
                             const char  *dir)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "headers", NULL);
  int   fd;

  att_higg_auth_apply (auth, headers, FALSE, &error);
  g_assert_no_error (error);
  soup_message_headers_foreach (headers, write_header, text);
  g_string_append (text, "Content-Type: application/json\n");
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_true (write (fd, text->str, text->len) == (gssize) text->len);
  close (fd);
  return path;
}
