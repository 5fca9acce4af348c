/* att-test-utils.h: helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "att-closient-client.h"
#include "att-context.h"
#include "att-error.h"
#include "att-higg-auth.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-sandbox.h"

G_BEGIN_DECLS

/* A sandbox whose RSA key pair is made once per test program and shared
 * through a temporary data directory, removed at exit. */
AttSandbox         *att_test_sandbox_new (const char *db_path,
                                          GError    **error);

/* Fixed, distinctive secrets for tests whose output check-secret-leaks.sh
 * searches: $ATTEST_TEST_API_KEY and $ATTEST_TEST_INTEGRATION_KEY if set,
 * else built-in values. */
const char         *att_test_secret_api_key (void);
const char         *att_test_secret_integration_key (void);
void                att_test_sandbox_use_test_secrets (AttSandbox *sandbox);

/* Credentials that @sandbox accepts. */
AttHiggAuth        *att_test_higg_auth_new (AttSandbox *sandbox);
AttHiggClient      *att_test_higg_client_new (AttHttp    *http,
                                              AttSandbox *sandbox);
SoupMessageHeaders *att_test_auth_headers_new (AttSandbox *sandbox);
void                att_test_add_auth_headers (SoupMessage *msg,
                                               AttSandbox  *sandbox);

/* A Closient client of @sandbox (listening) with its business key. */
AttClosientClient  *att_test_closient_client_new (AttHttp    *http,
                                                  AttSandbox *sandbox);

/* Credentials of a sandbox in another process, read from its
 * GET /_sandbox/demo-account (blocking: for test set-up only). */
AttHiggAuth        *att_test_fetch_demo_auth (const char *base_url,
                                              GError    **error);

/* Points $XDG_DATA_HOME, for this process and its children, at a new
 * temporary directory, so that sandboxes started without --data-dir keep
 * their key pair there rather than in the user's; and removes it. */
char               *att_test_isolate_data_home (void);
void                att_test_remove_data_home (const char *dir);
void                att_test_remove_dir (const char *path);

/* Starts @sandbox (set up as the test wants it) on a free loopback port,
 * and makes an AttHttp and an AttHiggClient of it with its credentials,
 * and an AttContext over that client if @context is not %NULL. */
void                att_test_sandbox_connect (AttSandbox     *sandbox,
                                              AttHttp       **http,
                                              AttHiggClient **client,
                                              AttContext    **context);

/* Drops the client, the AttHttp and the sandbox, and lets cancelled calls
 * and closed connections finish up. */
void                att_test_sandbox_disconnect (AttSandbox    **sandbox,
                                                 AttHttp       **http,
                                                 AttHiggClient **client);

/* A GAsyncReadyCallback that keeps the result in the GAsyncResult * its
 * user data points to (which must be NULL), and a wait for it. */
void                att_test_store_result (GObject      *source_object,
                                           GAsyncResult *result,
                                           gpointer      user_data);
GAsyncResult       *att_test_await_result (GAsyncResult **slot);

/* @json, which must be a JSON object, or any JSON value. */
JsonObject         *att_test_parse_object (const char *json);
JsonNode           *att_test_parse_value (const char *json);

/* The paths of @errors (of #AttFieldError), sorted and joined by spaces, so
 * that two sets of problems compare as one string and a failure shows
 * both. */
char               *att_test_field_error_paths (GPtrArray *errors);

/* The client's product calls, waited for. */
AttProduct         *att_test_create_product (AttHiggClient *client,
                                             JsonObject    *body,
                                             GError       **error);
AttProduct         *att_test_get_product (AttHiggClient *client,
                                          const char    *id,
                                          GError       **error);
AttProduct         *att_test_update_product (AttHiggClient *client,
                                             const char    *id,
                                             JsonObject    *command,
                                             GError       **error);

/* How long att_test_wait_until() waits before it fails the test. */
#define ATT_TEST_WAIT_SECONDS 60

/* A condition on a test's fixture (or any object) and some data. Tests
 * write theirs with their own Fixture type and pass them through
 * ATT_TEST_PREDICATE(), since a pointer argument of any type is passed the
 * same way. */
typedef gboolean (*AttTestPredicate) (gpointer      fixture,
                                      gconstpointer data);
#define ATT_TEST_PREDICATE(func) ((AttTestPredicate) (func))

/* Spins the default main context until @predicate holds, failing the test
 * with @what after ATT_TEST_WAIT_SECONDS. */
void  att_test_wait_until (AttTestPredicate predicate,
                           gpointer         fixture,
                           gconstpointer    data,
                           const char      *what);

/* Spins the default main context for @ms milliseconds. */
void  att_test_run_for (guint ms);

/* Runs @script with Debian's python3 (/usr/bin/python3, else python3 on
 * PATH), @input on its standard input, and returns its standard output.
 * A script that exits with 77 (a module it needs is missing) fails with
 * G_IO_ERROR_NOT_FOUND, so the test can skip; any other failure, with
 * G_IO_ERROR_FAILED and what it printed on standard error. */
char *att_test_run_python (const char *script,
                           const char *input,
                           GError    **error);

/* A curl header file (for -H @FILE) with @auth's request headers. */
char *att_test_write_curl_headers (AttHiggAuth *auth,
                                   const char  *dir);

G_END_DECLS
