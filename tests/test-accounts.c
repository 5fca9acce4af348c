/* test-accounts.c: accounts, their key file, and session-only secrets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * None of this needs a Secret Service: every secret store here is in
 * session-only mode, which must never touch D-Bus.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "att-account.h"
#include "att-account-store.h"
#include "att-error.h"
#include "att-secret-store.h"

/* Made-up keys that look like real ones; none may ever reach a file. */
#define HIGG_API_KEY         "hk_live_TEST_4f1d9a7c2b8e6f3a0d5c9b1e7a2f4c8d"
#define HIGG_INTEGRATION_KEY "ik_TEST_9b3e7d1f5a2c8e4b6d0f3a9c7e1b5d2a"
#define CLOSIENT_API_KEY     "csb_TESTz8y7x6w5v4u3t2s1r0q9p8o7n6m5"

/* --- Helpers ---------------------------------------------------------------- */

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_remove (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      rm_rf (child);
    }
  g_rmdir (path);
}

typedef struct
{
  char           *dir;
  char           *path;
  AttSecretStore *secrets;
} Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("attest-accounts-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet: the store must create it. */
  fixture->path = g_build_filename (fixture->dir, "config", "attest", "accounts.ini", NULL);
  fixture->secrets = att_secret_store_new ();
  att_secret_store_set_session_only (fixture->secrets, TRUE);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  g_clear_object (&fixture->secrets);
  rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static AttAccountStore *
new_store (Fixture *fixture)
{
  return att_account_store_new (fixture->path, fixture->secrets);
}

static void
save_sync (AttAccountStore *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  att_account_store_save_async (store, NULL, result_cb, &result);
  att_account_store_save_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
}

static void
store_secret_sync (AttSecretStore *secrets,
                   const char     *account_id,
                   AttSecretKind   kind,
                   const char     *secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  att_secret_store_store_async (secrets, account_id, kind, secret, NULL, result_cb, &result);
  g_assert_true (att_secret_store_store_finish (secrets, wait_for (&result), &error));
  g_assert_no_error (error);
}

/* Returns the secret, or NULL; free with secret_password_free(). */
static char *
lookup_secret_sync (AttSecretStore *secrets,
                    const char     *account_id,
                    AttSecretKind   kind)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  att_secret_store_lookup_async (secrets, account_id, kind, NULL, result_cb, &result);
  secret = att_secret_store_lookup_finish (secrets, wait_for (&result), &error);
  g_assert_no_error (error);

  return secret;
}

static void
assert_secret (AttSecretStore *secrets,
               const char     *account_id,
               AttSecretKind   kind,
               const char     *expected)
{
  char    *secret = lookup_secret_sync (secrets, account_id, kind);
  gboolean same = g_strcmp0 (secret, expected) == 0;

  /* Compared without g_assert_cmpstr(), which would print the secret. */
  if (!same)
    g_test_message ("Account %s, %s: not the expected secret",
                    account_id, att_secret_kind_to_string (kind));
  secret_password_free (secret);
  g_assert_true (same);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Fails if any file under @path contains @needle. */
static void
assert_not_in_tree (const char *path,
                    const char *needle)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *contents = read_file (path);

      if (strstr (contents, needle) != NULL)
        g_error ("A secret was written to %s", path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      assert_not_in_tree (child, needle);
    }
}

static AttAccount *
get_item (AttAccountStore *store,
          guint            position)
{
  /* The store keeps its own reference; this one is for the test. */
  return g_list_model_get_item (G_LIST_MODEL (store), position);
}

/* --- Services and base URLs ---------------------------------------------- */

static void
test_service_strings (void)
{
  AttService service = ATT_SERVICE_CLOSIENT;

  g_assert_cmpstr (att_service_to_string (ATT_SERVICE_HIGG), ==, "higg");
  g_assert_cmpstr (att_service_to_string (ATT_SERVICE_CLOSIENT), ==, "closient");

  g_assert_true (att_service_from_string ("higg", &service));
  g_assert_cmpint (service, ==, ATT_SERVICE_HIGG);
  g_assert_true (att_service_from_string ("Closient", &service));
  g_assert_cmpint (service, ==, ATT_SERVICE_CLOSIENT);
  g_assert_false (att_service_from_string ("postman", &service));
  g_assert_false (att_service_from_string ("", &service));
  g_assert_false (att_service_from_string (NULL, &service));
  g_assert_cmpint (service, ==, ATT_SERVICE_CLOSIENT);

  g_assert_cmpstr (att_service_get_default_base_url (ATT_SERVICE_HIGG), ==,
                   "https://api-v2.production.higg.org");
  g_assert_cmpstr (att_service_get_default_base_url (ATT_SERVICE_CLOSIENT), ==,
                   "https://www.closient.com");
}

static void
assert_url_ok (const char *url)
{
  g_autoptr(GError) error = NULL;

  if (!att_account_check_base_url (url, &error))
    g_error ("“%s” was refused: %s", url, error->message);
  g_assert_no_error (error);
}

static void
assert_url_refused (const char *url,
                    GQuark      domain,
                    int         code)
{
  g_autoptr(GError) error = NULL;

  if (att_account_check_base_url (url, &error))
    g_error ("“%s” was accepted", url ? url : "(null)");
  g_assert_error (error, domain, code);
  /* The user reads this message: it must say something. */
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_base_url (void)
{
  assert_url_ok ("https://api-v2.production.higg.org");
  assert_url_ok ("https://www.closient.dev/");
  assert_url_ok ("https://example.com:8443/api/v1");
  assert_url_ok ("HTTPS://EXAMPLE.COM");
  assert_url_ok ("http://127.0.0.1:8080");
  assert_url_ok ("http://127.3.4.5/");
  assert_url_ok ("http://[::1]:8080/");
  assert_url_ok ("http://localhost:1234");

  assert_url_refused ("http://example.com", ATT_API_ERROR, ATT_API_ERROR_INSECURE);
  assert_url_refused ("http://api-v2.production.higg.org/", ATT_API_ERROR, ATT_API_ERROR_INSECURE);
  assert_url_refused ("http://10.0.0.1:8080", ATT_API_ERROR, ATT_API_ERROR_INSECURE);
  assert_url_refused ("http://[::2]/", ATT_API_ERROR, ATT_API_ERROR_INSECURE);
  /* A name that merely starts like a loopback address is not one. */
  assert_url_refused ("http://127.0.0.1.example.com/", ATT_API_ERROR, ATT_API_ERROR_INSECURE);
  assert_url_refused ("http://localhost.example.com/", ATT_API_ERROR, ATT_API_ERROR_INSECURE);

  assert_url_refused ("not a url", G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  assert_url_refused ("api.example.com", G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  assert_url_refused ("", G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  assert_url_refused (NULL, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  assert_url_refused ("ftp://example.com", G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  assert_url_refused ("file:///etc/passwd", G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  assert_url_refused ("https://", G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  assert_url_refused ("https://user:password@example.com/", G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* --- AttAccount ------------------------------------------------------------- */

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_account (void)
{
  g_autoptr(AttAccount) account = NULL;
  g_autoptr(AttAccount) other = NULL;
  g_autoptr(AttAccount) copy = NULL;
  guint notified = 0;

  account = att_account_new (ATT_SERVICE_HIGG, "Production", NULL);
  other = att_account_new (ATT_SERVICE_HIGG, "Production", NULL);

  g_assert_true (g_uuid_string_is_valid (att_account_get_id (account)));
  g_assert_cmpstr (att_account_get_id (account), !=, att_account_get_id (other));
  g_assert_cmpint (att_account_get_service (account), ==, ATT_SERVICE_HIGG);
  g_assert_cmpstr (att_account_get_display_name (account), ==, "Production");
  g_assert_cmpstr (att_account_get_base_url (account), ==, "https://api-v2.production.higg.org");
  g_assert_null (att_account_get_public_key_pem (account));

  g_signal_connect (account, "notify::display-name", G_CALLBACK (count_notify), &notified);
  att_account_set_display_name (account, "Staging");
  att_account_set_display_name (account, "Staging");
  g_assert_cmpuint (notified, ==, 1);

  att_account_set_base_url (account, "http://127.0.0.1:9000");
  att_account_set_public_key_pem (account, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");

  copy = att_account_copy (account);
  g_assert_true (copy != account);
  g_assert_cmpstr (att_account_get_id (copy), ==, att_account_get_id (account));
  g_assert_cmpint (att_account_get_service (copy), ==, ATT_SERVICE_HIGG);
  g_assert_cmpstr (att_account_get_display_name (copy), ==, "Staging");
  g_assert_cmpstr (att_account_get_base_url (copy), ==, "http://127.0.0.1:9000");
  g_assert_cmpstr (att_account_get_public_key_pem (copy), ==,
                   "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");

  /* Editing the draft leaves the original alone. */
  att_account_set_display_name (copy, "Draft");
  g_assert_cmpstr (att_account_get_display_name (account), ==, "Staging");

  /* Closient gets its own default address. */
  g_clear_object (&other);
  other = att_account_new (ATT_SERVICE_CLOSIENT, NULL, NULL);
  g_assert_cmpstr (att_account_get_base_url (other), ==, "https://www.closient.com");
  g_assert_cmpstr (att_account_get_display_name (other), ==, "");
}

/* --- Session-only secret store ---------------------------------------------- */

static void
test_session_secrets (void)
{
  g_autoptr(AttSecretStore) secrets = att_secret_store_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AttSecretAvailability availability;

  g_assert_false (att_secret_store_get_session_only (secrets));
  att_secret_store_set_session_only (secrets, TRUE);
  g_assert_true (att_secret_store_get_session_only (secrets));

  /* Session-only is always available, without asking D-Bus. */
  att_secret_store_check_async (secrets, NULL, result_cb, &result);
  availability = att_secret_store_check_finish (secrets, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (availability, ==, ATT_SECRET_AVAILABLE);

  assert_secret (secrets, "a", ATT_SECRET_HIGG_API_KEY, NULL);
  store_secret_sync (secrets, "a", ATT_SECRET_HIGG_API_KEY, HIGG_API_KEY);
  store_secret_sync (secrets, "a", ATT_SECRET_HIGG_INTEGRATION_KEY, HIGG_INTEGRATION_KEY);
  store_secret_sync (secrets, "b", ATT_SECRET_HIGG_API_KEY, "other");
  assert_secret (secrets, "a", ATT_SECRET_HIGG_API_KEY, HIGG_API_KEY);
  assert_secret (secrets, "a", ATT_SECRET_HIGG_INTEGRATION_KEY, HIGG_INTEGRATION_KEY);
  assert_secret (secrets, "a", ATT_SECRET_CLOSIENT_API_KEY, NULL);
  assert_secret (secrets, "b", ATT_SECRET_HIGG_API_KEY, "other");

  /* Replace, then an empty key clears. */
  store_secret_sync (secrets, "a", ATT_SECRET_HIGG_API_KEY, "replaced");
  assert_secret (secrets, "a", ATT_SECRET_HIGG_API_KEY, "replaced");
  store_secret_sync (secrets, "a", ATT_SECRET_HIGG_API_KEY, "");
  assert_secret (secrets, "a", ATT_SECRET_HIGG_API_KEY, NULL);

  /* Clear one kind. */
  g_clear_object (&result);
  att_secret_store_clear_async (secrets, "a", ATT_SECRET_HIGG_INTEGRATION_KEY, NULL, result_cb, &result);
  g_assert_true (att_secret_store_clear_finish (secrets, wait_for (&result), &error));
  g_assert_no_error (error);
  assert_secret (secrets, "a", ATT_SECRET_HIGG_INTEGRATION_KEY, NULL);
  assert_secret (secrets, "b", ATT_SECRET_HIGG_API_KEY, "other");

  /* Clearing what is not there is fine. */
  g_clear_object (&result);
  att_secret_store_clear_async (secrets, "nobody", ATT_SECRET_CLOSIENT_API_KEY, NULL, result_cb, &result);
  g_assert_true (att_secret_store_clear_finish (secrets, wait_for (&result), &error));
  g_assert_no_error (error);

  /* Clear a whole account; an id that is a suffix of another stays. */
  store_secret_sync (secrets, "xb", ATT_SECRET_CLOSIENT_API_KEY, "suffix");
  store_secret_sync (secrets, "b", ATT_SECRET_CLOSIENT_API_KEY, CLOSIENT_API_KEY);
  g_clear_object (&result);
  att_secret_store_clear_account_async (secrets, "b", NULL, result_cb, &result);
  g_assert_true (att_secret_store_clear_account_finish (secrets, wait_for (&result), &error));
  g_assert_no_error (error);
  assert_secret (secrets, "b", ATT_SECRET_HIGG_API_KEY, NULL);
  assert_secret (secrets, "b", ATT_SECRET_CLOSIENT_API_KEY, NULL);
  assert_secret (secrets, "xb", ATT_SECRET_CLOSIENT_API_KEY, "suffix");

  /* Leaving session-only mode forgets the keys held in memory. */
  att_secret_store_set_session_only (secrets, FALSE);
  att_secret_store_set_session_only (secrets, TRUE);
  assert_secret (secrets, "xb", ATT_SECRET_CLOSIENT_API_KEY, NULL);
}

static void
test_session_cancelled (void)
{
  g_autoptr(AttSecretStore) secrets = att_secret_store_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  att_secret_store_set_session_only (secrets, TRUE);
  g_cancellable_cancel (cancellable);

  att_secret_store_store_async (secrets, "a", ATT_SECRET_HIGG_API_KEY, HIGG_API_KEY,
                                cancellable, result_cb, &result);
  g_assert_false (att_secret_store_store_finish (secrets, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_secret (secrets, "a", ATT_SECRET_HIGG_API_KEY, NULL);
}

/* --- The account store ------------------------------------------------------ */

#define PEM "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----\n"

static void
test_store_missing_file (Fixture      *fixture,
                         gconstpointer data)
{
  g_autoptr(AttAccountStore) store = new_store (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (att_account_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_null (att_account_store_get_active (store, ATT_SERVICE_HIGG));
  g_assert_null (att_account_store_get_active (store, ATT_SERVICE_CLOSIENT));
  g_assert_true (att_account_store_get_secret_store (store) == fixture->secrets);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_store_round_trip (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr(AttAccountStore) store = new_store (fixture);
  g_autoptr(AttAccountStore) reloaded = NULL;
  g_autoptr(AttAccount) production = NULL;
  g_autoptr(AttAccount) test_env = NULL;
  g_autoptr(AttAccount) closient = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  GStatBuf         buf;
  AttAccount      *account;

  production = att_account_new (ATT_SERVICE_HIGG, "Production", NULL);
  att_account_set_public_key_pem (production, PEM);
  test_env = att_account_new (ATT_SERVICE_HIGG, "Test environment = “ü” [x]", "http://127.0.0.1:8080");
  closient = att_account_new (ATT_SERVICE_CLOSIENT, "Brand B", "https://www.closient.dev");

  att_account_store_add (store, test_env);
  att_account_store_add (store, closient);
  att_account_store_add (store, production);
  att_account_store_set_active (store, ATT_SERVICE_HIGG, att_account_get_id (test_env));
  att_account_store_set_active (store, ATT_SERVICE_CLOSIENT, att_account_get_id (closient));
  save_sync (store);

  /* Private: the folder 0700, the file 0600. */
  dir = g_path_get_dirname (fixture->path);
  g_assert_cmpint (g_stat (dir, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (fixture->path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  reloaded = new_store (fixture);
  g_assert_true (att_account_store_load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 3);

  account = att_account_store_lookup (reloaded, att_account_get_id (production));
  g_assert_nonnull (account);
  g_assert_true (account != production);
  g_assert_cmpint (att_account_get_service (account), ==, ATT_SERVICE_HIGG);
  g_assert_cmpstr (att_account_get_display_name (account), ==, "Production");
  g_assert_cmpstr (att_account_get_base_url (account), ==, "https://api-v2.production.higg.org");
  g_assert_cmpstr (att_account_get_public_key_pem (account), ==, PEM);

  account = att_account_store_lookup (reloaded, att_account_get_id (test_env));
  g_assert_nonnull (account);
  g_assert_cmpstr (att_account_get_display_name (account), ==, "Test environment = “ü” [x]");
  g_assert_cmpstr (att_account_get_base_url (account), ==, "http://127.0.0.1:8080");
  g_assert_null (att_account_get_public_key_pem (account));

  account = att_account_store_lookup (reloaded, att_account_get_id (closient));
  g_assert_nonnull (account);
  g_assert_cmpint (att_account_get_service (account), ==, ATT_SERVICE_CLOSIENT);
  g_assert_cmpstr (att_account_get_base_url (account), ==, "https://www.closient.dev");

  account = att_account_store_get_active (reloaded, ATT_SERVICE_HIGG);
  g_assert_nonnull (account);
  g_assert_cmpstr (att_account_get_id (account), ==, att_account_get_id (test_env));
  account = att_account_store_get_active (reloaded, ATT_SERVICE_CLOSIENT);
  g_assert_nonnull (account);
  g_assert_cmpstr (att_account_get_id (account), ==, att_account_get_id (closient));

  g_assert_null (att_account_store_lookup (reloaded, "no-such-id"));
  g_assert_null (att_account_store_lookup (reloaded, NULL));
}

static void
test_store_sorted (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(AttAccountStore) store = new_store (fixture);
  const char *names[][2] = {
    { "closient", "Zeta" },
    { "higg", "beta" },
    { "closient", "Alpha" },
    { "higg", "Alpha" },
    { "higg", "Gamma" },
  };
  const char *expected[] = { "Alpha", "beta", "Gamma", "Alpha", "Zeta" };
  g_autoptr(AttAccount) item = NULL;
  AttAccount *gamma = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AttAccount) account = NULL;
      AttService service;

      g_assert_true (att_service_from_string (names[i][0], &service));
      account = att_account_new (service, names[i][1], NULL);
      att_account_store_add (store, account);
      if (g_str_equal (names[i][1], "Gamma"))
        gamma = account;
    }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 5);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == ATT_TYPE_ACCOUNT);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 5));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AttAccount) account = get_item (store, i);

      g_assert_cmpstr (att_account_get_display_name (account), ==, expected[i]);
      g_assert_cmpint (att_account_get_service (account), ==, i < 3 ? ATT_SERVICE_HIGG : ATT_SERVICE_CLOSIENT);
    }

  /* Renaming an account in place moves it. */
  att_account_set_display_name (gamma, "Aardvark");
  item = get_item (store, 0);
  g_assert_true (item == gamma);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->count++;
}

static void
test_store_update (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(AttAccountStore) store = new_store (fixture);
  g_autoptr(AttAccountStore) reloaded = NULL;
  g_autoptr(AttAccount) a = att_account_new (ATT_SERVICE_HIGG, "A", NULL);
  g_autoptr(AttAccount) b = att_account_new (ATT_SERVICE_HIGG, "B", NULL);
  g_autoptr(AttAccount) draft = NULL;
  g_autoptr(AttAccount) item = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0 };

  att_account_store_add (store, a);
  att_account_store_add (store, b);
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &changed);

  /* A draft is edited, then replaces the original by id. */
  draft = att_account_copy (a);
  att_account_set_display_name (draft, "C");
  att_account_set_base_url (draft, "https://higg.example.com");
  g_assert_cmpuint (changed.count, ==, 0);
  g_assert_cmpstr (att_account_get_display_name (a), ==, "A");

  att_account_store_update (store, draft);
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_true (att_account_store_lookup (store, att_account_get_id (a)) == draft);
  item = get_item (store, 1);
  g_assert_true (item == draft);

  save_sync (store);
  reloaded = new_store (fixture);
  g_assert_true (att_account_store_load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 2);
  g_assert_cmpstr (att_account_get_base_url (att_account_store_lookup (reloaded, att_account_get_id (a))),
                   ==, "https://higg.example.com");
  g_assert_cmpstr (att_account_get_display_name (att_account_store_lookup (reloaded, att_account_get_id (a))),
                   ==, "C");
}

typedef struct
{
  guint      count;
  AttService last;
} ActiveChanged;

static void
on_active_changed (AttAccountStore *store,
                   AttService       service,
                   ActiveChanged   *changed)
{
  changed->count++;
  changed->last = service;
}

static void
test_store_active (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(AttAccountStore) store = new_store (fixture);
  g_autoptr(AttAccountStore) reloaded = NULL;
  g_autoptr(AttAccount) higg1 = att_account_new (ATT_SERVICE_HIGG, "Higg 1", NULL);
  g_autoptr(AttAccount) higg2 = att_account_new (ATT_SERVICE_HIGG, "Higg 2", NULL);
  g_autoptr(AttAccount) closient = att_account_new (ATT_SERVICE_CLOSIENT, "Closient", NULL);
  g_autoptr(AttAccount) draft = NULL;
  g_autoptr(GError) error = NULL;
  ActiveChanged changed = { 0 };
  ActiveChanged reloaded_changed = { 0 };

  att_account_store_add (store, higg1);
  att_account_store_add (store, higg2);
  att_account_store_add (store, closient);
  g_signal_connect (store, "active-changed", G_CALLBACK (on_active_changed), &changed);

  /* Adding does not activate. */
  g_assert_null (att_account_store_get_active (store, ATT_SERVICE_HIGG));

  att_account_store_set_active (store, ATT_SERVICE_HIGG, att_account_get_id (higg1));
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpint (changed.last, ==, ATT_SERVICE_HIGG);
  g_assert_true (att_account_store_get_active (store, ATT_SERVICE_HIGG) == higg1);

  /* Setting the same again changes nothing. */
  att_account_store_set_active (store, ATT_SERVICE_HIGG, att_account_get_id (higg1));
  g_assert_cmpuint (changed.count, ==, 1);

  att_account_store_set_active (store, ATT_SERVICE_CLOSIENT, att_account_get_id (closient));
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_cmpint (changed.last, ==, ATT_SERVICE_CLOSIENT);
  /* One active account per service: Higg is unaffected. */
  g_assert_true (att_account_store_get_active (store, ATT_SERVICE_HIGG) == higg1);

  att_account_store_set_active (store, ATT_SERVICE_HIGG, att_account_get_id (higg2));
  g_assert_cmpuint (changed.count, ==, 3);
  g_assert_cmpint (changed.last, ==, ATT_SERVICE_HIGG);
  g_assert_true (att_account_store_get_active (store, ATT_SERVICE_HIGG) == higg2);

  /* Editing the active account tells its users to reload. */
  draft = att_account_copy (higg2);
  att_account_set_base_url (draft, "https://higg.example.com");
  att_account_store_update (store, draft);
  g_assert_cmpuint (changed.count, ==, 4);
  g_assert_cmpint (changed.last, ==, ATT_SERVICE_HIGG);
  g_assert_true (att_account_store_get_active (store, ATT_SERVICE_HIGG) == draft);

  /* Editing an inactive one does not. */
  g_clear_object (&draft);
  draft = att_account_copy (higg1);
  att_account_set_display_name (draft, "Higg one");
  att_account_store_update (store, draft);
  g_assert_cmpuint (changed.count, ==, 4);

  save_sync (store);

  /* Loading emits active-changed for what became active. */
  reloaded = new_store (fixture);
  g_signal_connect (reloaded, "active-changed", G_CALLBACK (on_active_changed), &reloaded_changed);
  g_assert_true (att_account_store_load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reloaded_changed.count, ==, 2);
  g_assert_cmpstr (att_account_get_id (att_account_store_get_active (reloaded, ATT_SERVICE_HIGG)), ==,
                   att_account_get_id (higg2));
  g_assert_cmpstr (att_account_get_id (att_account_store_get_active (reloaded, ATT_SERVICE_CLOSIENT)), ==,
                   att_account_get_id (closient));

  /* Unsetting. */
  att_account_store_set_active (store, ATT_SERVICE_CLOSIENT, NULL);
  g_assert_cmpuint (changed.count, ==, 5);
  g_assert_cmpint (changed.last, ==, ATT_SERVICE_CLOSIENT);
  g_assert_null (att_account_store_get_active (store, ATT_SERVICE_CLOSIENT));
}

static void
test_store_active_invalid (Fixture      *fixture,
                           gconstpointer data)
{
  g_autoptr(AttAccountStore) store = new_store (fixture);
  g_autoptr(GError) error = NULL;

  /* An [Active] entry that names a missing account, or one of the wrong
   * service, activates nothing. */
  write_file (fixture->path,
              "[Account h1]\nService=higg\nDisplayName=H\nBaseUrl=https://h.example.com\n\n"
              "[Active]\nHiggs=h1\nHigg=missing\nClosient=h1\n");
  g_assert_true (att_account_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_null (att_account_store_get_active (store, ATT_SERVICE_HIGG));
  g_assert_null (att_account_store_get_active (store, ATT_SERVICE_CLOSIENT));

  if (g_test_undefined ())
    {
      g_test_expect_message ("Attest", G_LOG_LEVEL_CRITICAL, "*service*");
      att_account_store_set_active (store, ATT_SERVICE_CLOSIENT, "h1");
      g_test_assert_expected_messages ();
      g_assert_null (att_account_store_get_active (store, ATT_SERVICE_CLOSIENT));
    }
}

static void
test_store_corrupt (Fixture      *fixture,
                    gconstpointer data)
{
  const char *corrupt = "[Account 1]\nService=higg\nthis line is not a key file\n\x01\x02";
  g_autoptr(AttAccountStore) store = new_store (fixture);
  g_autoptr(AttAccountStore) reloaded = NULL;
  g_autoptr(AttAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint       backups = 0;

  write_file (fixture->path, corrupt);

  g_assert_false (att_account_store_load (store, &error));
  g_assert_nonnull (error);
  /* The message names the file, for the user to find it. */
  g_assert_nonnull (strstr (error->message, "accounts.ini"));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  /* Loading did not touch the file. */
  contents = read_file (fixture->path);
  g_assert_cmpstr (contents, ==, corrupt);
  g_clear_pointer (&contents, g_free);

  /* Saving afterwards keeps the broken file under another name. */
  account = att_account_new (ATT_SERVICE_CLOSIENT, "New", NULL);
  att_account_store_add (store, account);
  save_sync (store);

  dir = g_path_get_dirname (fixture->path);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      if (g_str_has_prefix (name, "accounts.ini.broken-"))
        {
          g_autofree char *backup = g_build_filename (dir, name, NULL);

          contents = read_file (backup);
          g_assert_cmpstr (contents, ==, corrupt);
          g_clear_pointer (&contents, g_free);
          backups++;
        }
    }
  g_assert_cmpuint (backups, ==, 1);

  reloaded = new_store (fixture);
  g_assert_true (att_account_store_load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);

  /* A failed load keeps what the store had. */
  write_file (fixture->path, corrupt);
  g_assert_false (att_account_store_load (reloaded, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
}

static void
test_store_keeps_unknown (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr(AttAccountStore) store = new_store (fixture);
  g_autoptr(AttAccount) account = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  /* A newer Attest's settings and an account of a service this version
   * does not know must survive a save by this version. */
  write_file (fixture->path,
              "# my notes\n"
              "[Account h1]\nService=higg\nDisplayName=H\nBaseUrl=https://h.example.com\nFutureSetting=42\n\n"
              "[Account x1]\nService=someday\nDisplayName=X\n\n"
              "[Window]\nWidth=800\n");
  g_assert_true (att_account_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  account = att_account_new (ATT_SERVICE_CLOSIENT, "C", NULL);
  att_account_store_add (store, account);
  save_sync (store);

  g_key_file_load_from_file (keyfile, fixture->path, G_KEY_FILE_KEEP_COMMENTS, &error);
  g_assert_no_error (error);
  value = g_key_file_get_string (keyfile, "Account h1", "FutureSetting", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "42");
  g_clear_pointer (&value, g_free);
  value = g_key_file_get_string (keyfile, "Account x1", "Service", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "someday");
  g_clear_pointer (&value, g_free);
  value = g_key_file_get_string (keyfile, "Window", "Width", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "800");
  g_clear_pointer (&value, g_free);
  value = g_key_file_get_comment (keyfile, NULL, NULL, NULL);
  g_assert_nonnull (strstr (value, "my notes"));
}

static void
test_store_no_secret_in_file (Fixture      *fixture,
                              gconstpointer data)
{
  g_autoptr(AttAccountStore) store = new_store (fixture);
  g_autoptr(AttAccount) higg = att_account_new (ATT_SERVICE_HIGG, "Higg", NULL);
  g_autoptr(AttAccount) closient = att_account_new (ATT_SERVICE_CLOSIENT, "Closient", NULL);
  g_autofree char *contents = NULL;

  att_account_set_public_key_pem (higg, PEM);
  att_account_store_add (store, higg);
  att_account_store_add (store, closient);
  att_account_store_set_active (store, ATT_SERVICE_HIGG, att_account_get_id (higg));

  store_secret_sync (fixture->secrets, att_account_get_id (higg), ATT_SECRET_HIGG_API_KEY, HIGG_API_KEY);
  store_secret_sync (fixture->secrets, att_account_get_id (higg), ATT_SECRET_HIGG_INTEGRATION_KEY,
                     HIGG_INTEGRATION_KEY);
  store_secret_sync (fixture->secrets, att_account_get_id (closient), ATT_SECRET_CLOSIENT_API_KEY,
                     CLOSIENT_API_KEY);
  save_sync (store);

  /* The file was written and holds the public key, but no secret. */
  contents = read_file (fixture->path);
  g_assert_nonnull (strstr (contents, att_account_get_id (higg)));
  g_assert_nonnull (strstr (contents, "BEGIN PUBLIC KEY"));
  assert_not_in_tree (fixture->dir, HIGG_API_KEY);
  assert_not_in_tree (fixture->dir, HIGG_INTEGRATION_KEY);
  assert_not_in_tree (fixture->dir, CLOSIENT_API_KEY);

  /* The secrets are still there, in memory. */
  assert_secret (fixture->secrets, att_account_get_id (higg), ATT_SECRET_HIGG_API_KEY, HIGG_API_KEY);
}

static void
test_store_remove (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(AttAccountStore) store = new_store (fixture);
  g_autoptr(AttAccountStore) reloaded = NULL;
  g_autoptr(AttAccount) doomed = att_account_new (ATT_SERVICE_HIGG, "Doomed", NULL);
  g_autoptr(AttAccount) kept = att_account_new (ATT_SERVICE_HIGG, "Kept", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *doomed_id = g_strdup (att_account_get_id (doomed));
  ActiveChanged    changed = { 0 };
  ItemsChanged     items = { 0 };

  att_account_store_add (store, doomed);
  att_account_store_add (store, kept);
  att_account_store_set_active (store, ATT_SERVICE_HIGG, doomed_id);
  save_sync (store);

  store_secret_sync (fixture->secrets, doomed_id, ATT_SECRET_HIGG_API_KEY, HIGG_API_KEY);
  store_secret_sync (fixture->secrets, doomed_id, ATT_SECRET_HIGG_INTEGRATION_KEY, HIGG_INTEGRATION_KEY);
  store_secret_sync (fixture->secrets, att_account_get_id (kept), ATT_SECRET_HIGG_API_KEY, "kept-key");

  g_signal_connect (store, "active-changed", G_CALLBACK (on_active_changed), &changed);
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &items);
  g_clear_object (&doomed);

  att_account_store_remove_async (store, doomed_id, NULL, result_cb, &result);
  g_assert_true (att_account_store_remove_finish (store, wait_for (&result), &error));
  g_assert_no_error (error);

  g_assert_null (att_account_store_lookup (store, doomed_id));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_cmpuint (items.count, ==, 1);
  g_assert_cmpuint (items.position, ==, 0);
  g_assert_cmpuint (items.removed, ==, 1);
  g_assert_cmpuint (items.added, ==, 0);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpint (changed.last, ==, ATT_SERVICE_HIGG);
  g_assert_null (att_account_store_get_active (store, ATT_SERVICE_HIGG));

  /* Every secret of the removed account is gone; the other's stays. */
  assert_secret (fixture->secrets, doomed_id, ATT_SECRET_HIGG_API_KEY, NULL);
  assert_secret (fixture->secrets, doomed_id, ATT_SECRET_HIGG_INTEGRATION_KEY, NULL);
  assert_secret (fixture->secrets, att_account_get_id (kept), ATT_SECRET_HIGG_API_KEY, "kept-key");

  /* And it was saved. */
  contents = read_file (fixture->path);
  g_assert_null (strstr (contents, doomed_id));
  reloaded = new_store (fixture);
  g_assert_true (att_account_store_load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  g_assert_nonnull (att_account_store_lookup (reloaded, att_account_get_id (kept)));

  /* Removing it again is an error a user can read. */
  g_clear_object (&result);
  att_account_store_remove_async (store, doomed_id, NULL, result_cb, &result);
  g_assert_false (att_account_store_remove_finish (store, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_store_queued_saves (Fixture      *fixture,
                         gconstpointer data)
{
  g_autoptr(AttAccountStore) store = new_store (fixture);
  g_autoptr(AttAccountStore) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *results[4] = { NULL };

  /* Saves started back to back, with edits in between, end with the
   * last state on disk, whatever order the writes take. */
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autofree char *name = g_strdup_printf ("Account %u", i);
      g_autoptr(AttAccount) account = att_account_new (ATT_SERVICE_HIGG, name, NULL);

      att_account_store_add (store, account);
      att_account_store_save_async (store, NULL, result_cb, &results[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_assert_true (att_account_store_save_finish (store, wait_for (&results[i]), &error));
      g_assert_no_error (error);
      g_clear_object (&results[i]);
    }

  reloaded = new_store (fixture);
  g_assert_true (att_account_store_load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, G_N_ELEMENTS (results));
}

static void
test_store_save_error (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr(AttAccountStore) store = NULL;
  g_autoptr(AttAccount) account = att_account_new (ATT_SERVICE_HIGG, "H", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (fixture->dir, "blocker", NULL);
  g_autofree char *path = g_build_filename (blocker, "accounts.ini", NULL);

  /* The folder cannot be created: a file is in the way. */
  write_file (blocker, "not a folder");
  store = att_account_store_new (path, fixture->secrets);
  att_account_store_add (store, account);

  att_account_store_save_async (store, NULL, result_cb, &result);
  g_assert_false (att_account_store_save_finish (store, wait_for (&result), &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "blocker"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/accounts/service-strings", test_service_strings);
  g_test_add_func ("/accounts/base-url", test_base_url);
  g_test_add_func ("/accounts/account", test_account);
  g_test_add_func ("/accounts/secrets/session-only", test_session_secrets);
  g_test_add_func ("/accounts/secrets/session-cancelled", test_session_cancelled);

#define ADD(path, func) \
  g_test_add ("/accounts/store/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("missing-file", test_store_missing_file);
  ADD ("round-trip", test_store_round_trip);
  ADD ("sorted", test_store_sorted);
  ADD ("update", test_store_update);
  ADD ("active", test_store_active);
  ADD ("active-invalid", test_store_active_invalid);
  ADD ("corrupt", test_store_corrupt);
  ADD ("keeps-unknown", test_store_keeps_unknown);
  ADD ("no-secret-in-file", test_store_no_secret_in_file);
  ADD ("remove-clears-secrets", test_store_remove);
  ADD ("queued-saves", test_store_queued_saves);
  ADD ("save-error", test_store_save_error);

#undef ADD

  return g_test_run ();
}
