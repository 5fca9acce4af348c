/* test-sandbox-connection.c: the demo and a sandbox, signed in again after
 * their server died or was restarted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "att-context.h"
#include "att-error.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-page.h"
#include "att-product.h"
#include "att-sandbox-connection.h"
#include "att-sandbox-process.h"
#include "att-test-utils.h"

/* What the user sees after the demo's server died twice: no "Connection
 * refused". */
#define GAVE_UP_MESSAGE                                                                        \
  "The demo server stopped unexpectedly again, so it was not restarted. Start the demo again " \
  "to continue."

typedef struct
{
  AttHttp              *http;
  AttSandboxConnection *connection;
  AttContext           *context;
  guint                 restarted;
  guint                 failed;
  guint                 signed_in;
} Fixture;

static void
on_signed_in (AttSandboxConnection *connection,
              Fixture              *fixture)
{
  fixture->signed_in++;
}

static void
on_restarted (AttSandboxConnection *connection,
              Fixture              *fixture)
{
  fixture->restarted++;
}

static void
on_failed (AttSandboxConnection *connection,
           const GError         *error,
           Fixture              *fixture)
{
  g_assert_cmpstr (error->message, ==, GAVE_UP_MESSAGE);
  fixture->failed++;
}

/* Signs in as the app does, and keeps the client in a context. */
static void
fixture_connect (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AttHiggClient) client = NULL;
  g_autoptr(GError) error = NULL;

  att_sandbox_connection_connect_async (fixture->connection, NULL, att_test_store_result, &result);
  client = att_sandbox_connection_connect_finish (fixture->connection, att_test_await_result (&result),
                                                  &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->context);
  fixture->context = att_context_new_full (fixture->http, NULL, client);
}

static void
fixture_connect_to (Fixture              *fixture,
                    AttSandboxConnection *connection)
{
  fixture->connection = connection;
  g_signal_connect (connection, "restarted", G_CALLBACK (on_restarted), fixture);
  g_signal_connect (connection, "failed", G_CALLBACK (on_failed), fixture);
  g_signal_connect (connection, "signed-in", G_CALLBACK (on_signed_in), fixture);
  fixture_connect (fixture);
  g_assert_cmpuint (fixture->signed_in, ==, 1);
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  fixture->http = att_http_new ();
  /* Keep retries fast: the recovery is what is tested, not the backoff. */
  att_http_set_retry_policy (fixture->http, 2, 10);
}

static void
fixture_setup_demo (Fixture      *fixture,
                    gconstpointer user_data)
{
  const char *const args[] = { "--seed", "demo", NULL };

  fixture_setup (fixture, user_data);
  fixture_connect_to (fixture, att_sandbox_connection_new_demo (fixture->http, NULL, args));
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->connection);
  g_clear_object (&fixture->http);

  /* Let stopped children be reaped and closed connections finish up. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static AttHiggClient *
get_client (Fixture *fixture)
{
  return att_context_get_higg_client (fixture->context);
}

static void
search_async (Fixture       *fixture,
              GAsyncResult **result)
{
  att_higg_client_search_products_async (get_client (fixture), NULL, NULL, 0, 5, NULL,
                                         att_test_store_result, result);
}

static AttPage *
search_finish (Fixture       *fixture,
               GAsyncResult **result,
               GError       **error)
{
  return att_higg_client_search_products_finish (get_client (fixture), att_test_await_result (result),
                                                 error);
}

/* A products search through the fixture's context, as the Products page
 * makes it. */
static AttPage *
search (Fixture *fixture,
        GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  search_async (fixture, &result);
  return search_finish (fixture, &result, error);
}

static void
assert_search_works (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = search (fixture, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (att_page_get_total (page), >, 0);
}

static GPid
kill_child (Fixture *fixture)
{
  AttSandboxProcess *process = att_sandbox_connection_get_process (fixture->connection);
  GPid               pid;

  g_assert_nonnull (process);
  pid = att_sandbox_process_get_pid (process);
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  return pid;
}

/* The demo's server is killed: the next searches, two at once (as the
 * pages of a list would be), start it again once, sign in to it (new port,
 * new keys) and succeed, through the same context and client.  Killed
 * again, it is not restarted, and the search says so. */
static void
test_demo_restart (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autofree char *first_url = NULL;
  g_autoptr(GAsyncResult) result_a = NULL;
  g_autoptr(GAsyncResult) result_b = NULL;
  g_autoptr(AttPage) page_a = NULL;
  g_autoptr(AttPage) page_b = NULL;
  g_autoptr(AttPage) none = NULL;
  g_autoptr(GError) error = NULL;
  GPid first_pid;

  assert_search_works (fixture);
  first_url = g_strdup (att_higg_client_get_base_url (get_client (fixture)));
  first_pid = kill_child (fixture);

  search_async (fixture, &result_a);
  search_async (fixture, &result_b);
  page_a = search_finish (fixture, &result_a, &error);
  g_assert_no_error (error);
  page_b = search_finish (fixture, &result_b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (att_page_get_total (page_a), >, 0);
  g_assert_cmpuint (att_page_get_total (page_b), ==, att_page_get_total (page_a));
  g_assert_cmpuint (fixture->restarted, ==, 1);
  g_assert_cmpuint (fixture->signed_in, ==, 2);
  g_assert_cmpint (att_sandbox_process_get_pid (att_sandbox_connection_get_process (fixture->connection)),
                   !=, first_pid);
  g_assert_cmpstr (att_higg_client_get_base_url (get_client (fixture)), !=, first_url);
  assert_search_works (fixture);

  kill_child (fixture);
  none = search (fixture, &error);
  g_assert_null (none);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_NETWORK);
  g_assert_cmpstr (error->message, ==, GAVE_UP_MESSAGE);
  g_assert_cmpuint (fixture->restarted, ==, 1);
  g_assert_cmpuint (fixture->failed, ==, 1);
  g_assert_null (att_sandbox_connection_get_process (fixture->connection));
  g_clear_error (&error);

  /* Starting the demo again, as the user may, gives a new server. */
  fixture_connect (fixture);
  assert_search_works (fixture);
}

static JsonObject *
make_create_body (void)
{
  g_autoptr(JsonNode) node = json_from_string (
    "{"
    "  \"name\": \"Made after a restart\","
    "  \"materials\": [{\"materialId\": \"MatTX0001\", \"netUse\": 80, \"composition\": 100}],"
    "  \"weight\": 350,"
    "  \"weightMeasureUnit\": \"grams\","
    "  \"weightIsPrimaryData\": true,"
    "  \"categoryExpansionId\": \"ApparelAccessories-SleepwearLoungewear-PajamaBottoms\","
    "  \"size\": \"Adult\""
    "}",
    NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

static AttProduct *
create_product (Fixture *fixture,
                GError **error)
{
  g_autoptr(JsonObject) body = make_create_body ();

  return att_test_create_product (get_client (fixture), body, error);
}

/* A change cannot be sent again by itself to a restarted demo server,
 * whose data is back to the start: the user is told, and their retry
 * works. */
static void
test_demo_change_after_restart (Fixture      *fixture,
                                gconstpointer user_data)
{
  g_autoptr(AttProduct) refused = NULL;
  g_autoptr(AttProduct) created = NULL;
  g_autoptr(GError) error = NULL;

  kill_child (fixture);
  refused = create_product (fixture, &error);
  g_assert_null (refused);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "The change was not saved"));
  g_assert_cmpuint (fixture->restarted, ==, 1);
  g_clear_error (&error);

  created = create_product (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_product_get_name (created), ==, "Made after a restart");
}

/* The connection of an account-less sandbox never starts one: a sandbox
 * that is not there is reported as it is. */
static void
test_sandbox_url_down (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttSandbox) sandbox = att_test_sandbox_new (NULL, &error);
  g_autoptr(AttPage) none = NULL;

  g_assert_no_error (error);
  att_sandbox_listen (sandbox, 0, &error);
  g_assert_no_error (error);
  fixture_connect_to (fixture, att_sandbox_connection_new (fixture->http,
                                                           att_sandbox_get_base_url (sandbox)));
  g_clear_object (&sandbox);

  none = search (fixture, &error);
  g_assert_null (none);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_NETWORK);
  g_assert_cmpuint (fixture->restarted, ==, 0);
}

static AttSandbox *
start_sandbox_on (const char *data_dir,
                  guint       port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttSandbox) sandbox = att_sandbox_new_full (NULL, data_dir, &error);

  g_assert_no_error (error);
  att_sandbox_seed_demo (sandbox, &error);
  g_assert_no_error (error);
  att_sandbox_listen (sandbox, port, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&sandbox);
}

static guint
get_port (const char *base_url)
{
  g_autoptr(GUri) uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);

  g_assert_nonnull (uri);
  return (guint) g_uri_get_port (uri);
}

/* `attest --sandbox-url`: the sandbox is restarted on the same port with
 * another data dir, so with a new key pair and new keys.  A client holding
 * the old keys is refused; the connection's client fetches the demo account
 * again and its next call succeeds; its Closient key is the new one, and
 * "signed-in" says so (the app makes its Closient client again). */
static void
test_sandbox_url_new_keys (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-test-keys-XXXXXX", &error);
  g_autoptr(AttSandbox) sandbox = att_test_sandbox_new (NULL, &error);
  g_autoptr(AttHiggClient) stale = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AttPage) refused = NULL;
  g_autofree char *old_closient_key = NULL;
  guint            port;

  g_assert_no_error (error);
  att_sandbox_seed_demo (sandbox, &error);
  g_assert_no_error (error);
  att_sandbox_listen (sandbox, 0, &error);
  g_assert_no_error (error);
  port = get_port (att_sandbox_get_base_url (sandbox));
  fixture_connect_to (fixture, att_sandbox_connection_new (fixture->http,
                                                           att_sandbox_get_base_url (sandbox)));
  assert_search_works (fixture);
  stale = att_test_higg_client_new (fixture->http, sandbox);
  old_closient_key = g_strdup (att_sandbox_connection_get_closient_key (fixture->connection));
  g_assert_nonnull (old_closient_key);

  g_clear_object (&sandbox);
  sandbox = start_sandbox_on (dir, port);

  att_higg_client_search_products_async (stale, NULL, NULL, 0, 5, NULL, att_test_store_result, &result);
  refused = att_higg_client_search_products_finish (stale, att_test_await_result (&result), &error);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  assert_search_works (fixture);
  g_assert_cmpuint (fixture->restarted, ==, 0);
  g_assert_cmpuint (fixture->signed_in, ==, 2);
  g_assert_nonnull (att_sandbox_connection_get_closient_key (fixture->connection));
  g_assert_cmpstr (att_sandbox_connection_get_closient_key (fixture->connection), !=, old_closient_key);

  g_clear_object (&sandbox);
  att_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int              status;

  g_test_init (&argc, &argv, NULL);
  data_home = att_test_isolate_data_home ();

  g_test_add ("/sandbox-connection/demo/restart", Fixture, NULL,
              fixture_setup_demo, test_demo_restart, fixture_teardown);
  g_test_add ("/sandbox-connection/demo/change-after-restart", Fixture, NULL,
              fixture_setup_demo, test_demo_change_after_restart, fixture_teardown);
  g_test_add ("/sandbox-connection/sandbox-url/down", Fixture, NULL,
              fixture_setup, test_sandbox_url_down, fixture_teardown);
  g_test_add ("/sandbox-connection/sandbox-url/new-keys", Fixture, NULL,
              fixture_setup, test_sandbox_url_new_keys, fixture_teardown);

  status = g_test_run ();
  att_test_remove_data_home (data_home);
  return status;
}
