/* test-token.c: Higg request tokens, AttHiggAuth, and the client's auth
 * against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/x509.h>

#include "att-error.h"
#include "att-higg-auth.h"
#include "att-higg-client.h"
#include "att-higg-token.h"
#include "att-http.h"
#include "att-page.h"
#include "att-product.h"
#include "att-sandbox.h"
#include "att-test-utils.h"

#define TIMESTAMP_PATTERN "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"

/* --- A test key pair ---------------------------------------------------- */

/* Made once per run with GnuTLS: the tests decrypt what Attest encrypts,
 * as the Higg server would. */
typedef struct
{
  gnutls_privkey_t private_key;
  char            *public_pem;
  char            *private_pem;
} KeyPair;

static KeyPair test_keys;

static char *
datum_free_to_string (gnutls_datum_t *datum)
{
  char *string = g_strndup ((const char *) datum->data, datum->size);

  gnutls_free (datum->data);
  return string;
}

static void
make_key_pair (KeyPair              *pair,
               gnutls_pk_algorithm_t algorithm,
               unsigned int          bits)
{
  gnutls_x509_privkey_t x509 = NULL;
  gnutls_pubkey_t       public_key = NULL;
  gnutls_datum_t        datum = { NULL, 0 };

  g_assert_cmpint (gnutls_x509_privkey_init (&x509), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_generate (x509, algorithm, bits, 0), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_export2_pkcs8 (x509, GNUTLS_X509_FMT_PEM, NULL,
                                                      GNUTLS_PKCS_PLAIN, &datum),
                   ==, 0);
  pair->private_pem = datum_free_to_string (&datum);

  g_assert_cmpint (gnutls_privkey_init (&pair->private_key), ==, 0);
  g_assert_cmpint (gnutls_privkey_import_x509 (pair->private_key, x509,
                                               GNUTLS_PRIVKEY_IMPORT_COPY),
                   ==, 0);
  g_assert_cmpint (gnutls_pubkey_init (&public_key), ==, 0);
  g_assert_cmpint (gnutls_pubkey_import_privkey (public_key, pair->private_key, 0, 0), ==, 0);
  g_assert_cmpint (gnutls_pubkey_export2 (public_key, GNUTLS_X509_FMT_PEM, &datum), ==, 0);
  pair->public_pem = datum_free_to_string (&datum);

  gnutls_pubkey_deinit (public_key);
  gnutls_x509_privkey_deinit (x509);
}

static void
clear_key_pair (KeyPair *pair)
{
  g_clear_pointer (&pair->private_key, gnutls_privkey_deinit);
  g_clear_pointer (&pair->public_pem, g_free);
  g_clear_pointer (&pair->private_pem, g_free);
}

/* Undoes a token: base64, then RSA PKCS#1 v1.5 with the private key. */
static char *
decrypt_token (const char *token)
{
  g_autofree guchar *encrypted = NULL;
  gnutls_datum_t     cipher;
  gnutls_datum_t     plain = { NULL, 0 };
  gsize              length = 0;

  encrypted = g_base64_decode (token, &length);
  g_assert_cmpuint (length, ==, 256); /* one RSA-2048 block */
  cipher.data = encrypted;
  cipher.size = (unsigned int) length;
  g_assert_cmpint (gnutls_privkey_decrypt_data (test_keys.private_key, 0, &cipher, &plain), ==, 0);

  return datum_free_to_string (&plain);
}

/* Splits "<key>&<timestamp>" at the last "&". */
static void
split_plain (const char *plain,
             char      **key,
             char      **timestamp)
{
  const char *amp = strrchr (plain, '&');

  g_assert_nonnull (amp);
  *key = g_strndup (plain, (gsize) (amp - plain));
  *timestamp = g_strdup (amp + 1);
}

/* --- att_higg_token_make() --------------------------------------------- */

static void
test_token_make (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *key = NULL;
  g_autofree char *timestamp = NULL;
  g_autoptr(GDateTime) stamped = NULL;
  g_autoptr(GDateTime) now = NULL;
  GTimeSpan age;

  token = att_higg_token_make ("integration&key-4711", test_keys.public_pem, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);

  /* Base64 without line breaks, as the guide's `base64 | tr -d '\n'`. */
  g_assert_null (strchr (token, '\n'));
  g_assert_true (g_regex_match_simple ("^[A-Za-z0-9+/]+=*$", token, 0, 0));

  plain = decrypt_token (token);
  split_plain (plain, &key, &timestamp);
  g_assert_cmpstr (key, ==, "integration&key-4711");
  g_assert_true (g_regex_match_simple (TIMESTAMP_PATTERN, timestamp, 0, 0));

  /* Fresh: the time in the token is now, in UTC. */
  stamped = g_date_time_new_from_iso8601 (timestamp, NULL);
  g_assert_nonnull (stamped);
  now = g_date_time_new_now_utc ();
  age = g_date_time_difference (now, stamped);
  g_test_message ("token timestamp %s, %.3f s old", timestamp, age / (double) G_TIME_SPAN_SECOND);
  g_assert_cmpint (age, >=, 0);
  g_assert_cmpint (age, <, 5 * G_TIME_SPAN_SECOND);
}

static void
test_token_given_time (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) paris_summer = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) local = g_date_time_new (paris_summer, 2025, 10, 10, 0, 14, 7.75);
  g_autofree char *token = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *again = NULL;
  g_autofree char *again_plain = NULL;

  /* A time in another zone is written in UTC, whole seconds. */
  token = att_higg_token_make ("k", test_keys.public_pem, local, &error);
  g_assert_no_error (error);
  plain = decrypt_token (token);
  g_assert_cmpstr (plain, ==, "k&2025-10-09T22:14:07Z");

  /* PKCS#1 v1.5 is randomised: the same input gives another token, which
   * decrypts to the same text. */
  again = att_higg_token_make ("k", test_keys.public_pem, local, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, !=, token);
  again_plain = decrypt_token (again);
  g_assert_cmpstr (again_plain, ==, plain);
}

static void
assert_bad_key (const char *pem)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autofree char *token = att_higg_token_make ("secret-integration-key", pem, NULL, &error);

  g_assert_null (token);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==, "The developer public key is not a valid RSA public key (PEM)");
  g_assert_null (strstr (error->message, "secret-integration-key"));

  g_assert_false (att_higg_public_key_check (pem, &check_error));
  g_assert_error (check_error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
}

static void
test_token_bad_keys (void)
{
  KeyPair ec = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *truncated = g_strndup (test_keys.public_pem, strlen (test_keys.public_pem) / 2);

  g_assert_true (att_higg_public_key_check (test_keys.public_pem, &error));
  g_assert_no_error (error);

  assert_bad_key ("");
  assert_bad_key ("not a key at all");
  assert_bad_key (truncated);
  /* A private key pasted by mistake is refused, not used. */
  assert_bad_key (test_keys.private_pem);

  /* An EC key cannot encrypt a token. */
  make_key_pair (&ec, GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1));
  assert_bad_key (ec.public_pem);
  clear_key_pair (&ec);
}

static void
test_token_bad_integration_key (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_key = g_string_new ("very-long-integration-key-");
  g_autofree char *token = NULL;

  token = att_higg_token_make ("", test_keys.public_pem, NULL, &error);
  g_assert_null (token);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  g_clear_error (&error);

  /* PKCS#1 v1.5 with a 2048-bit key holds at most 245 bytes. */
  while (long_key->len < 300)
    g_string_append_c (long_key, 'x');
  token = att_higg_token_make (long_key->str, test_keys.public_pem, NULL, &error);
  g_assert_null (token);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  g_assert_null (strstr (error->message, "very-long"));
  g_test_message ("too long: %s", error->message);
}

/* The Worldly guide's own recipe, `openssl pkeyutl -decrypt`, reads what
 * Attest makes. */
static void
test_token_openssl (void)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr(GError) error = NULL;
  g_autofree char   *dir = NULL;
  g_autofree char   *key_path = NULL;
  g_autofree char   *in_path = NULL;
  g_autofree char   *token = NULL;
  g_autofree guchar *encrypted = NULL;
  g_autofree char   *out = NULL;
  g_autofree char   *err = NULL;
  g_autofree char   *key = NULL;
  g_autofree char   *timestamp = NULL;
  gsize              length = 0;
  int                status = 0;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed");
      return;
    }

  dir = g_dir_make_tmp ("attest-test-token-XXXXXX", &error);
  g_assert_no_error (error);
  key_path = g_build_filename (dir, "private.pem", NULL);
  in_path = g_build_filename (dir, "token.bin", NULL);

  token = att_higg_token_make ("openssl-integration-key", test_keys.public_pem, NULL, &error);
  g_assert_no_error (error);
  encrypted = g_base64_decode (token, &length);
  g_assert_true (g_file_set_contents_full (key_path, test_keys.private_pem, -1,
                                           G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_true (g_file_set_contents (in_path, (const char *) encrypted, (gssize) length, &error));

  {
    const char *argv[] = { openssl, "pkeyutl", "-decrypt", "-inkey", key_path, "-in", in_path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  g_test_message ("openssl: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  split_plain (out, &key, &timestamp);
  g_assert_cmpstr (key, ==, "openssl-integration-key");
  g_assert_true (g_regex_match_simple (TIMESTAMP_PATTERN, timestamp, 0, 0));

  g_unlink (key_path);
  g_unlink (in_path);
  g_rmdir (dir);
}

/* --- AttHiggAuth and its clock ------------------------------------------ */

typedef struct
{
  GDateTime *now;
} FakeClock;

static GDateTime *
fake_now (gpointer data)
{
  FakeClock *clock = data;

  return g_date_time_ref (clock->now);
}

static void
clock_advance (FakeClock *clock,
               GTimeSpan  span)
{
  GDateTime *later = g_date_time_add (clock->now, span);

  g_date_time_unref (clock->now);
  clock->now = later;
}

static char *
apply_token (AttHiggAuth *auth,
             gboolean     renew)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GError) error = NULL;

  g_assert_true (att_higg_auth_apply (auth, headers, renew, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "x-api-key"), ==, "auth-api-key");
  return g_strdup (soup_message_headers_get_one (headers, "x-developer-request-token"));
}

static void
test_auth_reuse_and_renew (void)
{
  g_autoptr(AttHiggAuth) auth = att_higg_auth_new ("auth-api-key", "auth-integration-key",
                                                    test_keys.public_pem);
  FakeClock        clock = { g_date_time_new_utc (2025, 10, 9, 22, 14, 0) };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *late = NULL;
  g_autofree char *renewed = NULL;
  g_autofree char *renewed_plain = NULL;
  g_autofree char *renewed_again = NULL;
  g_autofree char *backwards = NULL;
  g_autofree char *backwards_plain = NULL;
  g_autofree char *plain = NULL;

  att_higg_auth_set_now_func (auth, fake_now, &clock);
  g_assert_cmpuint (att_higg_auth_get_tokens_made (auth), ==, 0);

  first = apply_token (auth, FALSE);
  plain = decrypt_token (first);
  g_assert_cmpstr (plain, ==, "auth-integration-key&2025-10-09T22:14:00Z");

  /* Reused, not remade. */
  second = apply_token (auth, FALSE);
  g_assert_cmpstr (second, ==, first);
  g_assert_cmpuint (att_higg_auth_get_tokens_made (auth), ==, 1);

  /* Still reused at 11 h 44 min 59 s... */
  clock_advance (&clock, 11 * G_TIME_SPAN_HOUR + 44 * G_TIME_SPAN_MINUTE + 59 * G_TIME_SPAN_SECOND);
  g_clear_pointer (&second, g_free);
  second = apply_token (auth, FALSE);
  g_assert_cmpstr (second, ==, first);
  g_assert_cmpuint (att_higg_auth_get_tokens_made (auth), ==, 1);

  /* ...and remade at 11 h 45 min, well before the 12-hour limit. */
  clock_advance (&clock, G_TIME_SPAN_SECOND);
  late = apply_token (auth, FALSE);
  g_assert_cmpstr (late, !=, first);
  g_assert_cmpuint (att_higg_auth_get_tokens_made (auth), ==, 2);

  /* Asked to renew (after a 401), it makes a new one at once. */
  renewed = apply_token (auth, TRUE);
  g_assert_cmpstr (renewed, !=, late);
  g_assert_cmpuint (att_higg_auth_get_tokens_made (auth), ==, 3);
  renewed_plain = decrypt_token (renewed);
  g_assert_cmpstr (renewed_plain, ==, "auth-integration-key&2025-10-10T09:59:00Z");
  renewed_again = apply_token (auth, FALSE);
  g_assert_cmpstr (renewed_again, ==, renewed);

  /* A clock set back makes a token dated now, not in its future. */
  clock_advance (&clock, -2 * G_TIME_SPAN_HOUR);
  backwards = apply_token (auth, FALSE);
  g_assert_cmpuint (att_higg_auth_get_tokens_made (auth), ==, 4);
  backwards_plain = decrypt_token (backwards);
  g_assert_cmpstr (backwards_plain, ==, "auth-integration-key&2025-10-10T07:59:00Z");

  g_date_time_unref (clock.now);
}

static void
test_auth_bad_public_key (void)
{
  g_autoptr(AttHiggAuth) auth = att_higg_auth_new ("auth-api-key", "auth-integration-key", "nope");
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GError) error = NULL;

  g_assert_false (att_higg_auth_apply (auth, headers, FALSE, &error));
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  /* Nothing half-set. */
  g_assert_null (soup_message_headers_get_one (headers, "x-api-key"));
  g_assert_null (soup_message_headers_get_one (headers, "x-developer-request-token"));
  g_assert_cmpuint (att_higg_auth_get_tokens_made (auth), ==, 0);
}

/* --- The client against the sandbox ------------------------------------- */

typedef struct
{
  AttSandbox    *sandbox;
  AttHttp       *http;
  AttHiggClient *client;
  AttHiggAuth   *auth;
  guint          requests;
  gulong         queued_id;
} Fixture;

static void
on_request_queued (SoupSession *session,
                   SoupMessage *message,
                   gpointer     user_data)
{
  Fixture *fixture = user_data;

  fixture->requests++;
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  /* Known secrets, which check-secret-leaks.sh looks for in the output. */
  att_test_sandbox_use_test_secrets (fixture->sandbox);
  att_sandbox_add_generated_products (fixture->sandbox, 20, 3, &error);
  g_assert_no_error (error);
  att_sandbox_listen (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  fixture->http = att_http_new ();
  att_http_set_retry_policy (fixture->http, 2, 10);
  fixture->queued_id = g_signal_connect (att_http_get_session (fixture->http), "request-queued",
                                         G_CALLBACK (on_request_queued), fixture);
  fixture->client = att_test_higg_client_new (fixture->http, fixture->sandbox);
  fixture->auth = g_object_ref (att_higg_client_get_auth (fixture->client));
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_clear_signal_handler (&fixture->queued_id, att_http_get_session (fixture->http));
  g_clear_object (&fixture->auth);
  att_test_sandbox_disconnect (&fixture->sandbox, &fixture->http, &fixture->client);
}

static AttPage *
search (Fixture *fixture,
        GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_higg_client_search_products_async (fixture->client, NULL, NULL, 0, 5, NULL,
                                         att_test_store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return att_higg_client_search_products_finish (fixture->client, result, error);
}

/* Sets credentials on the client, keeping the fixture's view of them. */
static void
use_auth (Fixture     *fixture,
          AttHiggAuth *auth)
{
  g_set_object (&fixture->auth, auth);
  att_higg_client_set_auth (fixture->client, auth);
}

static void
assert_no_secret (const char *text)
{
  g_assert_null (strstr (text, att_test_secret_api_key ()));
  g_assert_null (strstr (text, att_test_secret_integration_key ()));
}

static void
test_client_valid (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) first = search (fixture, &error);
  g_autoptr(AttPage) second = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (att_page_get_total (first), ==, 20);

  /* One token serves both requests. */
  second = search (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->requests, ==, 2);
  g_assert_cmpuint (att_higg_auth_get_tokens_made (fixture->auth), ==, 1);
}

static void
test_client_renews_once (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;

  att_sandbox_inject_failure (fixture->sandbox, 401, 1);
  page = search (fixture, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  g_assert_cmpuint (fixture->requests, ==, 2);
  g_assert_cmpuint (att_higg_auth_get_tokens_made (fixture->auth), ==, 2);
}

/* A create refused with 401 was not stored: sending it again after renewing
 * the token stores it exactly once. */
static void
test_client_renews_create (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(AttPage) page = NULL;
  g_autoptr(JsonNode) body = json_from_string (
    "{\"name\": \"Token Test Tee\","
    " \"materials\": [{\"materialId\": \"MatTX0001\", \"netUse\": 90, \"composition\": 100}],"
    " \"weight\": 150, \"weightMeasureUnit\": \"grams\","
    " \"categoryExpansionId\": \"ApparelAccessories-SleepwearLoungewear-PajamaBottoms\"}",
    &error);

  g_assert_no_error (error);
  att_sandbox_inject_failure (fixture->sandbox, 401, 1);
  att_higg_client_create_product_async (fixture->client, json_node_get_object (body), NULL,
                                        att_test_store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  product = att_higg_client_create_product_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (product);
  g_assert_cmpuint (fixture->requests, ==, 2);

  page = search (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (att_page_get_total (page), ==, 21);
}

static GError *
search_error (Fixture *fixture)
{
  g_autoptr(AttPage) page = NULL;
  GError *error = NULL;

  page = search (fixture, &error);
  g_assert_null (page);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  assert_no_secret (error->message);
  return error;
}

static void
test_client_wrong_integration_key (Fixture      *fixture,
                                   gconstpointer user_data)
{
  g_autoptr(AttHiggAuth) auth = att_higg_auth_new (att_sandbox_get_api_key (fixture->sandbox),
                                                    "not-the-integration-key",
                                                    att_sandbox_get_public_key_pem (fixture->sandbox));
  g_autoptr(GError) error = NULL;

  use_auth (fixture, auth);
  error = search_error (fixture);

  /* Renewed once, then given up: exactly two requests. */
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (att_api_error_get_http_status (error), ==, 401);
  g_assert_cmpuint (fixture->requests, ==, 2);
  g_assert_cmpuint (att_higg_auth_get_tokens_made (auth), ==, 2);
  g_assert_nonnull (strstr (error->message, "integration key"));
  g_assert_nonnull (strstr (error->message, "developer public key"));
  g_assert_null (strstr (error->message, "not-the-integration-key"));
}

static void
test_client_wrong_public_key (Fixture      *fixture,
                              gconstpointer user_data)
{
  /* A valid RSA key, but not the sandbox's. */
  g_autoptr(AttHiggAuth) auth = att_higg_auth_new (att_sandbox_get_api_key (fixture->sandbox),
                                                    att_sandbox_get_integration_key (fixture->sandbox),
                                                    test_keys.public_pem);
  g_autoptr(GError) error = NULL;

  use_auth (fixture, auth);
  error = search_error (fixture);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (fixture->requests, ==, 2);
  g_assert_nonnull (strstr (error->message, "developer public key"));
}

static void
test_client_wrong_api_key (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autoptr(AttHiggAuth) auth = att_higg_auth_new ("not-the-api-key",
                                                    att_sandbox_get_integration_key (fixture->sandbox),
                                                    att_sandbox_get_public_key_pem (fixture->sandbox));
  g_autoptr(GError) error = NULL;

  use_auth (fixture, auth);
  error = search_error (fixture);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (fixture->requests, ==, 2);
  g_assert_nonnull (strstr (error->message, "API key"));
  g_assert_null (strstr (error->message, "integration key"));
  g_assert_null (strstr (error->message, "not-the-api-key"));
}

static void
test_client_clock (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  FakeClock clock = { g_date_time_add (now, -13 * G_TIME_SPAN_HOUR) };
  g_autoptr(GError) error = NULL;

  /* A computer whose clock is 13 hours behind makes expired tokens, and a
   * new one does not help. */
  att_higg_auth_set_now_func (fixture->auth, fake_now, &clock);
  error = search_error (fixture);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (fixture->requests, ==, 2);
  g_assert_nonnull (strstr (error->message, "clock"));
  g_clear_error (&error);

  /* Once the clock is right, the next request works. */
  g_date_time_unref (clock.now);
  clock.now = g_date_time_new_now_utc ();
  {
    g_autoptr(AttPage) page = search (fixture, &error);

    g_assert_no_error (error);
  }

  att_higg_auth_set_now_func (fixture->auth, NULL, NULL);
  g_date_time_unref (clock.now);
}

static void
test_client_no_auth (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  /* No credentials at all: nothing to renew, one request.  The sandbox
   * names the API key; it is what is missing first. */
  use_auth (fixture, NULL);
  error = search_error (fixture);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (fixture->requests, ==, 1);
  g_assert_nonnull (strstr (error->message, "API key"));
}

/* A server that says nothing about why (the real Higg error body is not
 * documented): the message names all three keys. */
static void
unauthorized_handler (SoupServer        *server,
                      SoupServerMessage *msg,
                      const char        *path,
                      GHashTable        *query,
                      gpointer           user_data)
{
  guint *hits = user_data;

  (*hits)++;
  soup_server_message_set_status (msg, SOUP_STATUS_UNAUTHORIZED, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    "{\"message\": \"Unauthorized\"}", 26);
}

static void
test_client_unknown_reason (Fixture      *fixture,
                            gconstpointer user_data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(AttHiggClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AttPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autofree char *url = NULL;
  GSList          *listeners;
  guint            hits = 0;

  soup_server_add_handler (server, NULL, unauthorized_handler, &hits, NULL);
  g_assert_true (soup_server_listen (server, address, 0, &error));
  listeners = soup_server_get_listeners (server);
  local = g_socket_get_local_address (listeners->data, &error);
  g_slist_free (listeners);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local)));

  client = att_higg_client_new (fixture->http, url);
  att_higg_client_set_auth (client, fixture->auth);
  att_higg_client_search_products_async (client, NULL, NULL, 0, 5, NULL, att_test_store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  page = att_higg_client_search_products_finish (client, result, &error);

  g_assert_null (page);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (hits, ==, 2);
  g_assert_nonnull (strstr (error->message, "API key"));
  g_assert_nonnull (strstr (error->message, "integration key"));
  g_assert_nonnull (strstr (error->message, "developer public key"));
  assert_no_secret (error->message);

  soup_server_disconnect (server);
}

static void
test_client_bad_public_key (Fixture      *fixture,
                            gconstpointer user_data)
{
  g_autoptr(AttHiggAuth) auth = att_higg_auth_new ("k", "i", "-----BEGIN PUBLIC KEY-----\nAAAA\n");
  g_autoptr(GError) error = NULL;

  /* Reported at once, without bothering the server. */
  use_auth (fixture, auth);
  error = search_error (fixture);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  g_assert_cmpuint (fixture->requests, ==, 0);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_client_auth_property (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autoptr(AttHiggAuth) other = att_higg_auth_new ("a", "b", test_keys.public_pem);
  g_autoptr(AttHiggAuth) read_back = NULL;
  guint notified = 0;

  g_signal_connect (fixture->client, "notify::auth", G_CALLBACK (on_notify), &notified);

  att_higg_client_set_auth (fixture->client, fixture->auth);
  g_assert_cmpuint (notified, ==, 0);

  g_object_set (fixture->client, "auth", other, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (att_higg_client_get_auth (fixture->client) == other);
  g_object_get (fixture->client, "auth", &read_back, NULL);
  g_assert_true (read_back == other);

  att_higg_client_set_auth (fixture->client, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (att_higg_client_get_auth (fixture->client));
}

/* A token made by the guide's shell recipe is what the sandbox accepts:
 * the format is checked from both ends. */
static void
test_sandbox_accepts_openssl (Fixture      *fixture,
                              gconstpointer user_data)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pem_path = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *encrypted = NULL;
  g_autofree char *token = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(JsonNode) body = json_from_string ("{\"size\": 1}", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) answer = NULL;
  gsize length = 0;
  int   status = 0;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed");
      return;
    }

  dir = g_dir_make_tmp ("attest-test-token-XXXXXX", &error);
  g_assert_no_error (error);
  pem_path = g_build_filename (dir, "public.pem", NULL);
  plain_path = g_build_filename (dir, "plain.txt", NULL);
  out_path = g_build_filename (dir, "token.bin", NULL);
  stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  plain = g_strconcat (att_sandbox_get_integration_key (fixture->sandbox), "&", stamp, NULL);
  g_assert_true (g_file_set_contents (pem_path, att_sandbox_get_public_key_pem (fixture->sandbox),
                                      -1, &error));
  g_assert_true (g_file_set_contents_full (plain_path, plain, -1, G_FILE_SET_CONTENTS_NONE,
                                           0600, &error));

  {
    const char *argv[] = { openssl, "pkeyutl", "-encrypt", "-pubin", "-inkey", pem_path,
                           "-in", plain_path, "-out", out_path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (out_path, &encrypted, &length, &error));
  g_assert_cmpuint (length, ==, 256);
  token = g_base64_encode ((const guchar *) encrypted, length);
  soup_message_headers_replace (headers, "x-api-key", att_sandbox_get_api_key (fixture->sandbox));
  soup_message_headers_replace (headers, "x-developer-request-token", token);

  url = g_strconcat (att_sandbox_get_base_url (fixture->sandbox), "/pic-api/v1/products/search", NULL);
  att_http_send_json_async (fixture->http, SOUP_METHOD_POST, url, body, headers, TRUE,
                            NULL, att_test_store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  answer = att_http_send_json_finish (fixture->http, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (answer);

  g_unlink (pem_path);
  g_unlink (plain_path);
  g_unlink (out_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  make_key_pair (&test_keys, GNUTLS_PK_RSA, 2048);

  g_test_add_func ("/token/make", test_token_make);
  g_test_add_func ("/token/given-time", test_token_given_time);
  g_test_add_func ("/token/bad-keys", test_token_bad_keys);
  g_test_add_func ("/token/bad-integration-key", test_token_bad_integration_key);
  g_test_add_func ("/token/openssl-decrypts", test_token_openssl);
  g_test_add_func ("/auth/reuse-and-renew", test_auth_reuse_and_renew);
  g_test_add_func ("/auth/bad-public-key", test_auth_bad_public_key);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/client-auth/valid", test_client_valid);
  ADD ("/client-auth/renews-once", test_client_renews_once);
  ADD ("/client-auth/renews-create", test_client_renews_create);
  ADD ("/client-auth/wrong-integration-key", test_client_wrong_integration_key);
  ADD ("/client-auth/wrong-public-key", test_client_wrong_public_key);
  ADD ("/client-auth/wrong-api-key", test_client_wrong_api_key);
  ADD ("/client-auth/clock", test_client_clock);
  ADD ("/client-auth/no-auth", test_client_no_auth);
  ADD ("/client-auth/unknown-reason", test_client_unknown_reason);
  ADD ("/client-auth/bad-public-key", test_client_bad_public_key);
  ADD ("/client-auth/property", test_client_auth_property);
  ADD ("/client-auth/openssl-token-accepted", test_sandbox_accepts_openssl);

#undef ADD

  status = g_test_run ();
  clear_key_pair (&test_keys);
  return status;
}
