/* test-keyring.c: account secrets in a real Secret Service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run through run-with-keyring.sh, which gives this process its own D-Bus
 * session and its own unlocked gnome-keyring-daemon.  The environment
 * variable ATT_TEST_KEYRING_MODE picks what to test:
 *   - unset or "keyring": the round trips against the unlocked keyring;
 *   - "no-service": run under `run-with-keyring.sh --no-secret-service`,
 *     only checks that a missing Secret Service is reported, fast;
 *   - "locked": locks the keyring first, then checks that this is
 *     reported and that no secret leaks into the errors.
 *
 * Secrets are never printed, also when a check fails: comparisons of
 * secrets use g_assert_true() with a message naming only the account.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "att-account.h"
#include "att-account-store.h"
#include "att-secret-store.h"

#define HIGG_API_KEY         "hk_live_KEYRING_7d3f0a9e1c5b8d2f4a6c0e9b3d7f1a5c"
#define HIGG_INTEGRATION_KEY "ik_KEYRING_2c6e0a4d8f1b5e9c3a7d1f5b9e3c7a1d"
#define CLOSIENT_API_KEY     "csb_KEYRINGa1b2c3d4e5f6g7h8i9j0k1l2m3"
#define REPLACED_KEY         "hk_live_KEYRING_replaced_0000000000000000"
#define OTHER_ACCOUNT_KEY    "hk_live_KEYRING_other_account_111111111111"
#define SESSION_KEY          "hk_live_KEYRING_session_only_22222222222222"

static const char *const all_secrets[] = {
  HIGG_API_KEY,
  HIGG_INTEGRATION_KEY,
  CLOSIENT_API_KEY,
  REPLACED_KEY,
  OTHER_ACCOUNT_KEY,
  SESSION_KEY,
};

/* Everything logged while the tests run, at every level, also debug. */
static GMutex   log_lock;
static GString *log_text;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_mutex_lock (&log_lock);
  for (gsize i = 0; log_text != NULL && i < n_fields; i++)
    {
      if (fields[i].length < 0)
        g_string_append (log_text, fields[i].value);
      else
        g_string_append_len (log_text, fields[i].value, fields[i].length);
      g_string_append_c (log_text, '\n');
    }
  g_mutex_unlock (&log_lock);

  /* Debug output would only clutter the TAP stream. */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* An attribute-only schema: it matches items of any schema, so a search
 * finds whatever the keyring holds for an account, not only what our
 * own schema would find. */
static const SecretSchema any_schema = {
  .name = "io.github.attestapp.Attest.Test",
  .flags = SECRET_SCHEMA_DONT_MATCH_NAME,
  .attributes = {
    { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

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

static AttSecretAvailability
check_sync (AttSecretStore *secrets)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AttSecretAvailability availability;

  att_secret_store_check_async (secrets, NULL, result_cb, &result);
  availability = att_secret_store_check_finish (secrets, wait_for (&result), &error);
  g_assert_no_error (error);

  return availability;
}

static gboolean
store_secret_sync (AttSecretStore *secrets,
                   const char     *account_id,
                   AttSecretKind   kind,
                   const char     *secret,
                   GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_secret_store_store_async (secrets, account_id, kind, secret, NULL, result_cb, &result);
  return att_secret_store_store_finish (secrets, wait_for (&result), error);
}

static char *
lookup_secret_sync (AttSecretStore *secrets,
                    const char     *account_id,
                    AttSecretKind   kind,
                    GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_secret_store_lookup_async (secrets, account_id, kind, NULL, result_cb, &result);
  return att_secret_store_lookup_finish (secrets, wait_for (&result), error);
}

static void
store_ok (AttSecretStore *secrets,
          const char     *account_id,
          AttSecretKind   kind,
          const char     *secret)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (store_secret_sync (secrets, account_id, kind, secret, &error));
  g_assert_no_error (error);
}

/* Checks the stored secret without ever printing it. */
static void
assert_secret (AttSecretStore *secrets,
               const char     *account_id,
               AttSecretKind   kind,
               const char     *expected)
{
  g_autoptr(GError) error = NULL;
  char    *secret = lookup_secret_sync (secrets, account_id, kind, &error);
  gboolean same = g_strcmp0 (secret, expected) == 0;

  g_assert_no_error (error);
  if (!same)
    g_test_message ("Account %s, %s: %s", account_id, att_secret_kind_to_string (kind),
                    secret == NULL ? "no secret stored, one expected" : expected == NULL ? "a secret stored, none expected"
                                                                                         : "not the secret stored by the test");
  /* Freed as the API says: libsecret's secure memory. */
  secret_password_free (secret);
  g_assert_true (same);
}

/* How many items the keyring has for @account_id (and @kind if not NULL),
 * locked or not, in any collection, under any schema.  (Asynchronous on
 * purpose: secret_password_search_sync() runs a private main context
 * that leaves GDBusProxy initializations, and their memory, behind.) */
static GList *
search_items (const char *account_id,
              const char *kind)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GList *items;

  if (kind != NULL)
    secret_password_search (&any_schema, SECRET_SEARCH_ALL, NULL, result_cb, &result,
                            "account", account_id, "kind", kind, NULL);
  else
    secret_password_search (&any_schema, SECRET_SEARCH_ALL, NULL, result_cb, &result,
                            "account", account_id, NULL);
  items = secret_password_search_finish (wait_for (&result), &error);
  g_assert_no_error (error);

  return items;
}

static guint
count_items (const char *account_id,
             const char *kind)
{
  GList *items = search_items (account_id, kind);
  guint  n = g_list_length (items);

  g_list_free_full (items, g_object_unref);

  return n;
}

static void
assert_no_secret_in (const char *what,
                     const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_secrets); i++)
    {
      if (text != NULL && strstr (text, all_secrets[i]) != NULL)
        {
          g_test_message ("A secret appeared in %s", what);
          g_test_fail ();
        }
    }
}

/* --- Against the unlocked keyring ------------------------------------------ */

static void
test_check_available (void)
{
  g_autoptr(AttSecretStore) secrets = att_secret_store_new ();

  g_assert_cmpint (check_sync (secrets), ==, ATT_SECRET_AVAILABLE);
}

static void
test_round_trip (void)
{
  g_autoptr(AttSecretStore) secrets = att_secret_store_new ();
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  GList *items;

  assert_secret (secrets, id, ATT_SECRET_HIGG_API_KEY, NULL);
  g_assert_cmpuint (count_items (id, NULL), ==, 0);

  /* Store. */
  store_ok (secrets, id, ATT_SECRET_HIGG_API_KEY, HIGG_API_KEY);
  store_ok (secrets, id, ATT_SECRET_HIGG_INTEGRATION_KEY, HIGG_INTEGRATION_KEY);
  g_assert_cmpuint (count_items (id, NULL), ==, 2);
  g_assert_cmpuint (count_items (id, "higg-api-key"), ==, 1);
  g_assert_cmpuint (count_items (id, "higg-integration-key"), ==, 1);

  /* The item is labelled for people browsing their keyring. */
  items = search_items (id, "higg-api-key");
  g_assert_nonnull (items);
  {
    g_autofree char *label = secret_item_get_label (items->data);
    g_autoptr(GHashTable) attributes = secret_item_get_attributes (items->data);

    g_assert_nonnull (strstr (label, "Attest"));
    g_assert_nonnull (strstr (label, "Higg API key"));
    assert_no_secret_in ("an item label", label);
    g_assert_cmpstr (g_hash_table_lookup (attributes, "xdg:schema"), ==,
                     "io.github.attestapp.Attest.ApiKey");
  }
  g_list_free_full (items, g_object_unref);

  /* Look up. */
  assert_secret (secrets, id, ATT_SECRET_HIGG_API_KEY, HIGG_API_KEY);
  assert_secret (secrets, id, ATT_SECRET_HIGG_INTEGRATION_KEY, HIGG_INTEGRATION_KEY);
  assert_secret (secrets, id, ATT_SECRET_CLOSIENT_API_KEY, NULL);

  /* Replace: still one item of that kind, with the new secret. */
  store_ok (secrets, id, ATT_SECRET_HIGG_API_KEY, REPLACED_KEY);
  g_assert_cmpuint (count_items (id, "higg-api-key"), ==, 1);
  assert_secret (secrets, id, ATT_SECRET_HIGG_API_KEY, REPLACED_KEY);
  assert_secret (secrets, id, ATT_SECRET_HIGG_INTEGRATION_KEY, HIGG_INTEGRATION_KEY);

  /* A new store object (as after a restart) finds it too. */
  {
    g_autoptr(AttSecretStore) restarted = att_secret_store_new ();

    assert_secret (restarted, id, ATT_SECRET_HIGG_API_KEY, REPLACED_KEY);
  }

  /* Clear one kind. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    att_secret_store_clear_async (secrets, id, ATT_SECRET_HIGG_API_KEY, NULL, result_cb, &result);
    g_assert_true (att_secret_store_clear_finish (secrets, wait_for (&result), &error));
    g_assert_no_error (error);
  }
  assert_secret (secrets, id, ATT_SECRET_HIGG_API_KEY, NULL);
  assert_secret (secrets, id, ATT_SECRET_HIGG_INTEGRATION_KEY, HIGG_INTEGRATION_KEY);
  g_assert_cmpuint (count_items (id, NULL), ==, 1);

  /* Clearing again is not an error. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    att_secret_store_clear_async (secrets, id, ATT_SECRET_HIGG_API_KEY, NULL, result_cb, &result);
    g_assert_true (att_secret_store_clear_finish (secrets, wait_for (&result), &error));
    g_assert_no_error (error);
  }

  /* An empty secret clears too. */
  store_ok (secrets, id, ATT_SECRET_HIGG_INTEGRATION_KEY, "");
  assert_secret (secrets, id, ATT_SECRET_HIGG_INTEGRATION_KEY, NULL);
  g_assert_cmpuint (count_items (id, NULL), ==, 0);
}

static void
test_isolated (void)
{
  g_autoptr(AttSecretStore) secrets = att_secret_store_new ();
  g_autofree char *a = g_uuid_string_random ();
  g_autofree char *b = g_uuid_string_random ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  store_ok (secrets, a, ATT_SECRET_HIGG_API_KEY, HIGG_API_KEY);
  store_ok (secrets, b, ATT_SECRET_HIGG_API_KEY, OTHER_ACCOUNT_KEY);
  store_ok (secrets, b, ATT_SECRET_CLOSIENT_API_KEY, CLOSIENT_API_KEY);

  assert_secret (secrets, a, ATT_SECRET_HIGG_API_KEY, HIGG_API_KEY);
  assert_secret (secrets, b, ATT_SECRET_HIGG_API_KEY, OTHER_ACCOUNT_KEY);
  assert_secret (secrets, a, ATT_SECRET_CLOSIENT_API_KEY, NULL);
  assert_secret (secrets, b, ATT_SECRET_CLOSIENT_API_KEY, CLOSIENT_API_KEY);

  /* Replacing one account's key leaves the other's alone. */
  store_ok (secrets, a, ATT_SECRET_HIGG_API_KEY, REPLACED_KEY);
  assert_secret (secrets, b, ATT_SECRET_HIGG_API_KEY, OTHER_ACCOUNT_KEY);

  /* So does clearing all of one account. */
  att_secret_store_clear_account_async (secrets, a, NULL, result_cb, &result);
  g_assert_true (att_secret_store_clear_account_finish (secrets, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_items (a, NULL), ==, 0);
  g_assert_cmpuint (count_items (b, NULL), ==, 2);
  assert_secret (secrets, b, ATT_SECRET_HIGG_API_KEY, OTHER_ACCOUNT_KEY);
  assert_secret (secrets, b, ATT_SECRET_CLOSIENT_API_KEY, CLOSIENT_API_KEY);

  g_clear_object (&result);
  att_secret_store_clear_account_async (secrets, b, NULL, result_cb, &result);
  g_assert_true (att_secret_store_clear_account_finish (secrets, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_items (b, NULL), ==, 0);
}

static void
test_remove_account (void)
{
  g_autoptr(AttSecretStore) secrets = att_secret_store_new ();
  g_autoptr(AttAccountStore) store = NULL;
  g_autoptr(AttAccount) doomed = att_account_new (ATT_SERVICE_HIGG, "Doomed", NULL);
  g_autoptr(AttAccount) kept = att_account_new (ATT_SERVICE_CLOSIENT, "Kept", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-keyring-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  const char      *doomed_id = att_account_get_id (doomed);
  const char      *kept_id = att_account_get_id (kept);

  g_assert_no_error (error);
  path = g_build_filename (dir, "accounts.ini", NULL);
  store = att_account_store_new (path, secrets);
  att_account_store_add (store, doomed);
  att_account_store_add (store, kept);
  att_account_store_set_active (store, ATT_SERVICE_HIGG, doomed_id);

  /* Every kind, even one that does not fit the service. */
  store_ok (secrets, doomed_id, ATT_SECRET_HIGG_API_KEY, HIGG_API_KEY);
  store_ok (secrets, doomed_id, ATT_SECRET_HIGG_INTEGRATION_KEY, HIGG_INTEGRATION_KEY);
  store_ok (secrets, doomed_id, ATT_SECRET_CLOSIENT_API_KEY, CLOSIENT_API_KEY);
  store_ok (secrets, kept_id, ATT_SECRET_CLOSIENT_API_KEY, OTHER_ACCOUNT_KEY);
  g_assert_cmpuint (count_items (doomed_id, NULL), ==, 3);

  att_account_store_remove_async (store, doomed_id, NULL, result_cb, &result);
  g_assert_true (att_account_store_remove_finish (store, wait_for (&result), &error));
  g_assert_no_error (error);

  g_assert_null (att_account_store_lookup (store, doomed_id));
  g_assert_null (att_account_store_get_active (store, ATT_SERVICE_HIGG));
  /* No secret is left behind, locked or not, under any schema. */
  g_assert_cmpuint (count_items (doomed_id, NULL), ==, 0);
  g_assert_cmpuint (count_items (kept_id, NULL), ==, 1);
  assert_secret (secrets, kept_id, ATT_SECRET_CLOSIENT_API_KEY, OTHER_ACCOUNT_KEY);

  /* The saved file knows neither the account nor any secret. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (contents, doomed_id));
  g_assert_nonnull (strstr (contents, kept_id));
  assert_no_secret_in ("the accounts file", contents);

  g_clear_object (&result);
  att_account_store_remove_async (store, kept_id, NULL, result_cb, &result);
  g_assert_true (att_account_store_remove_finish (store, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_items (kept_id, NULL), ==, 0);

  rm_rf (dir);
}

static void
test_session_only (void)
{
  g_autoptr(AttSecretStore) secrets = att_secret_store_new ();
  g_autoptr(AttSecretStore) keyring = att_secret_store_new ();
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  att_secret_store_set_session_only (secrets, TRUE);
  store_ok (secrets, id, ATT_SECRET_HIGG_API_KEY, SESSION_KEY);
  store_ok (secrets, id, ATT_SECRET_HIGG_INTEGRATION_KEY, HIGG_INTEGRATION_KEY);
  assert_secret (secrets, id, ATT_SECRET_HIGG_API_KEY, SESSION_KEY);

  /* The keyring never saw it. */
  g_assert_cmpuint (count_items (id, NULL), ==, 0);
  assert_secret (keyring, id, ATT_SECRET_HIGG_API_KEY, NULL);

  /* And removing it there does not reach the keyring either: a key
   * stored for the same account in the keyring stays. */
  store_ok (keyring, id, ATT_SECRET_CLOSIENT_API_KEY, CLOSIENT_API_KEY);
  att_secret_store_clear_account_async (secrets, id, NULL, result_cb, &result);
  g_assert_true (att_secret_store_clear_account_finish (secrets, wait_for (&result), &error));
  g_assert_no_error (error);
  assert_secret (secrets, id, ATT_SECRET_HIGG_API_KEY, NULL);
  g_assert_cmpuint (count_items (id, NULL), ==, 1);

  g_clear_object (&result);
  att_secret_store_clear_account_async (keyring, id, NULL, result_cb, &result);
  g_assert_true (att_secret_store_clear_account_finish (keyring, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_items (id, NULL), ==, 0);
}

static void
test_cancelled (void)
{
  g_autoptr(AttSecretStore) secrets = att_secret_store_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  att_secret_store_store_async (secrets, id, ATT_SECRET_HIGG_API_KEY, HIGG_API_KEY,
                                cancellable, result_cb, &result);
  g_assert_false (att_secret_store_store_finish (secrets, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_items (id, NULL), ==, 0);
}

/* Runs last: nothing logged so far, at any level, held a secret. */
static void
test_logs_clean (void)
{
  g_mutex_lock (&log_lock);
  g_test_message ("%" G_GSIZE_FORMAT " bytes of log captured", log_text->len);
  /* The store does log its work: an empty capture would prove nothing. */
  g_assert_nonnull (strstr (log_text->str, "Secret store:"));
  assert_no_secret_in ("the log", log_text->str);
  g_mutex_unlock (&log_lock);
}

/* --- Without a Secret Service ------------------------------------------------ */

static void
test_unavailable (void)
{
  g_autoptr(AttSecretStore) secrets = att_secret_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  char *secret;

  g_assert_cmpint (check_sync (secrets), ==, ATT_SECRET_UNAVAILABLE);

  g_assert_false (store_secret_sync (secrets, "a", ATT_SECRET_HIGG_API_KEY, HIGG_API_KEY, &error));
  g_assert_error (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN);
  g_test_message ("store: %s", error->message);
  g_assert_nonnull (strstr (error->message, "No keyring service is running"));
  assert_no_secret_in ("an error message", error->message);
  g_clear_error (&error);

  secret = lookup_secret_sync (secrets, "a", ATT_SECRET_HIGG_API_KEY, &error);
  g_assert_null (secret);
  g_assert_error (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN);
  g_clear_error (&error);

  /* The user can still go on, for this session. */
  att_secret_store_set_session_only (secrets, TRUE);
  g_assert_cmpint (check_sync (secrets), ==, ATT_SECRET_AVAILABLE);
  store_ok (secrets, "a", ATT_SECRET_HIGG_API_KEY, SESSION_KEY);
  assert_secret (secrets, "a", ATT_SECRET_HIGG_API_KEY, SESSION_KEY);

  /* Not a timing assertion, a record: this must fail fast, not hang. */
  g_test_message ("took %.3f s", g_timer_elapsed (timer, NULL));
}

/* --- With a locked keyring -------------------------------------------------- */

static void
lock_default_collection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  GList *objects;
  int    n;

  service = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);

  objects = g_list_append (NULL, collection);
  n = secret_service_lock_sync (service, objects, NULL, NULL, &error);
  g_list_free (objects);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
}

static void
test_locked (void)
{
  g_autoptr(AttSecretStore) secrets = att_secret_store_new ();
  g_autoptr(AttAccountStore) store = NULL;
  g_autoptr(AttAccount) account = att_account_new (ATT_SERVICE_HIGG, "Locked", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *dir = g_dir_make_tmp ("attest-keyring-XXXXXX", &error);
  g_autofree char *path = NULL;
  const char      *id = att_account_get_id (account);
  char            *secret;

  g_assert_no_error (error);
  path = g_build_filename (dir, "accounts.ini", NULL);
  store = att_account_store_new (path, secrets);
  att_account_store_add (store, account);

  /* A key stored while the keyring was open. */
  store_ok (secrets, id, ATT_SECRET_HIGG_API_KEY, HIGG_API_KEY);
  lock_default_collection ();

  /* Unlocking needs a prompt, which cannot appear without a display:
   * the keyring stays locked. */
  g_assert_cmpint (check_sync (secrets), ==, ATT_SECRET_LOCKED);

  /* Storing fails with a clear message, and never the secret. */
  g_assert_false (store_secret_sync (secrets, id, ATT_SECRET_HIGG_API_KEY, REPLACED_KEY, &error));
  g_test_message ("store: %s", error->message);
  g_assert_error (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED);
  g_assert_nonnull (strstr (error->message, "The keyring is locked"));
  assert_no_secret_in ("an error message", error->message);
  g_clear_error (&error);

  /* Looking up says the keyring is locked, not that there is no key. */
  secret = lookup_secret_sync (secrets, id, ATT_SECRET_HIGG_API_KEY, &error);
  g_assert_null (secret);
  g_assert_error (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED);
  g_test_message ("lookup: %s", error->message);
  g_clear_error (&error);

  /* A key that is not there at all is still just not there. */
  secret = lookup_secret_sync (secrets, id, ATT_SECRET_CLOSIENT_API_KEY, &error);
  g_assert_no_error (error);
  g_assert_null (secret);

  /* Removing the account cannot remove its key: it fails, and the
   * account stays, so nothing is orphaned in the keyring. */
  att_account_store_remove_async (store, id, NULL, result_cb, &result);
  g_assert_false (att_account_store_remove_finish (store, wait_for (&result), &error));
  g_test_message ("remove: %s", error->message);
  g_assert_error (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED);
  g_assert_true (att_account_store_lookup (store, id) == account);
  g_assert_cmpuint (count_items (id, NULL), ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_test_message ("took %.3f s", g_timer_elapsed (timer, NULL));
  rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *mode = g_getenv ("ATT_TEST_KEYRING_MODE");
  int         ret;

  log_text = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_init (&argc, &argv, NULL);

  if (mode == NULL || g_str_equal (mode, "keyring"))
    {
      g_test_add_func ("/keyring/check-available", test_check_available);
      g_test_add_func ("/keyring/round-trip", test_round_trip);
      g_test_add_func ("/keyring/isolated", test_isolated);
      g_test_add_func ("/keyring/remove-account", test_remove_account);
      g_test_add_func ("/keyring/session-only", test_session_only);
      g_test_add_func ("/keyring/cancelled", test_cancelled);
      g_test_add_func ("/keyring/logs-clean", test_logs_clean);
    }
  else if (g_str_equal (mode, "no-service"))
    {
      g_test_add_func ("/keyring/unavailable", test_unavailable);
      g_test_add_func ("/keyring/logs-clean", test_logs_clean);
    }
  else if (g_str_equal (mode, "locked"))
    {
      g_test_add_func ("/keyring/locked", test_locked);
      g_test_add_func ("/keyring/logs-clean", test_logs_clean);
    }
  else
    {
      g_printerr ("Unknown ATT_TEST_KEYRING_MODE “%s”\n", mode);
      return 2;
    }

  ret = g_test_run ();

  /* Drop libsecret's shared connection, so that leak checkers see a
   * clean exit. */
  secret_service_disconnect ();
  g_mutex_lock (&log_lock);
  g_string_free (g_steal_pointer (&log_text), TRUE);
  g_mutex_unlock (&log_lock);

  return ret;
}
