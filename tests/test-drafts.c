/* test-drafts.c: the draft store (issue 7: "Edits are never lost"):
 * round trips, permissions, damaged files moved aside, the debounced
 * writer, and a writer killed with SIGKILL while it writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "att-draft-store.h"
#include "att-draft-writer.h"
#include "att-test-utils.h"

#define KIND_PRODUCT    "higg-product"
#define KIND_ASSIGNMENT "closient-assignment"

/* The crash simulation's child: a change every TICK_MS, written with a
 * debounce of CRASH_INTERVAL_MS. */
#define TICK_MS           2
#define CRASH_INTERVAL_MS 50

static char      *self_exe;

/* --- warnings --------------------------------------------------------- */

/* g_test_expect_message() does not see structured messages on GLib 2.74,
 * and the store warns from a worker thread: warnings of the "Attest"
 * domain are collected here while a test expects them, and are fatal as
 * usual otherwise. */
static GMutex     warnings_lock;
static GPtrArray *warnings;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;
  gboolean    captured = FALSE;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  g_mutex_lock (&warnings_lock);
  if (warnings != NULL && (level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Attest") == 0)
    {
      g_ptr_array_add (warnings, g_strdup (message));
      captured = TRUE;
    }
  g_mutex_unlock (&warnings_lock);

  return captured ? G_LOG_WRITER_HANDLED : g_log_writer_default (level, fields, n_fields, user_data);
}

static void
expect_warnings (void)
{
  g_mutex_lock (&warnings_lock);
  g_assert_null (warnings);
  warnings = g_ptr_array_new_with_free_func (g_free);
  g_mutex_unlock (&warnings_lock);
}

/* Every warning since expect_warnings() matches @pattern, never quotes a
 * draft's contents, and there are @expected of them. */
static void
assert_warnings (guint       expected,
                 const char *pattern)
{
  g_autoptr(GPtrArray) seen = NULL;

  g_mutex_lock (&warnings_lock);
  seen = g_steal_pointer (&warnings);
  g_mutex_unlock (&warnings_lock);

  for (guint i = 0; i < seen->len; i++)
    {
      const char *message = g_ptr_array_index (seen, i);

      g_test_message ("warned: %s", message);
      g_assert_true (g_pattern_match_simple (pattern, message));
      g_assert_null (strstr (message, "SECRET-CONTENT"));
    }
  g_assert_cmpuint (seen->len, ==, expected);
}

/* --- helpers ---------------------------------------------------------- */

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static void
save_sync (AttDraftStore *store,
           AttDraft      *draft)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  att_draft_store_save_async (store, draft, NULL, store_result, &result);
  g_assert_true (att_draft_store_save_finish (store, wait_for (&result), &error));
  g_assert_no_error (error);
}

static AttDraft *
load_sync (AttDraftStore *store,
           const char    *kind,
           const char    *account_id,
           const char    *object_id,
           GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_draft_store_load_async (store, kind, account_id, object_id, NULL, store_result, &result);
  return att_draft_store_load_finish (store, wait_for (&result), error);
}

static GPtrArray *
list_sync (AttDraftStore *store,
           const char    *account_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts;

  att_draft_store_list_async (store, account_id, NULL, store_result, &result);
  drafts = att_draft_store_list_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (drafts);

  return drafts;
}

static void
delete_sync (AttDraftStore *store,
             const char    *kind,
             const char    *account_id,
             const char    *object_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  att_draft_store_delete_async (store, kind, account_id, object_id, NULL, store_result, &result);
  g_assert_true (att_draft_store_delete_finish (store, wait_for (&result), &error));
  g_assert_no_error (error);
}

static JsonNode *
payload_new (gint64      seq,
             const char *text)
{
  g_autoptr(JsonObject) object = json_object_new ();

  json_object_set_int_member (object, "seq", seq);
  json_object_set_string_member (object, "text", text);

  return json_node_init_object (json_node_alloc (), object);
}

static gint64
payload_seq (AttDraft *draft)
{
  JsonNode *payload = att_draft_get_payload (draft);

  g_assert_nonnull (payload);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (payload));

  return json_object_get_int_member_with_default (json_node_get_object (payload), "seq", -1);
}

/* The names in @dir, sorted. */
static GPtrArray *
dir_names (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray  *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  return names;
}

/* Every entry of the store's directory is a draft: no temporary file
 * left by a save, nothing else. */
static void
assert_only_drafts (AttDraftStore *store,
                    guint          expected)
{
  g_autoptr(GPtrArray) names = dir_names (att_draft_store_get_path (store));

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      g_assert_true (g_str_has_prefix (name, "draft-"));
      g_assert_true (g_str_has_suffix (name, ".json"));
    }
  g_assert_cmpuint (names->len, ==, expected);
}

/* Each test has a store in a new temporary directory (`<root>/drafts`,
 * not made yet), removed afterwards. */
typedef struct
{
  char          *root;
  AttDraftStore *store;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->root = g_dir_make_tmp ("test-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->root, "drafts", NULL);
  fixture->store = att_draft_store_new_for_path (path);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->store);
  att_test_remove_dir (fixture->root);
  g_free (fixture->root);
}

/* In the data dir, never the cache: a cache purge must not lose edits. */
static void
test_default_path (void)
{
  g_autoptr(AttDraftStore) store = att_draft_store_new ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "attest", "drafts", NULL);

  g_assert_cmpstr (att_draft_store_get_path (store), ==, expected);
}

/* --- round trip ------------------------------------------------------- */

static const struct
{
  const char *kind;
  const char *account_id;
  const char *object_id;
} round_trip_cases[] = {
  { KIND_PRODUCT, "acct-a", "P-100" },
  { KIND_PRODUCT, "acct-a", "" },
  { KIND_PRODUCT, "acct-b", "P-100" },
  { KIND_ASSIGNMENT, "acct-a", "P-100" },
  { KIND_PRODUCT, "acct-a", "../../../escape" },
  { KIND_PRODUCT, "acct-a", "a/b/c" },
  { KIND_PRODUCT, "acct-a", ".." },
  { KIND_PRODUCT, "acct-a", "." },
  { KIND_PRODUCT, "acct-a", ".hidden.json" },
  { KIND_PRODUCT, "acct-a", "ünïcødé ✓ 产品" },
  { KIND_ASSIGNMENT, "../acct", "/etc/passwd" },
  { "../kind", "acct-a", "P-100" },
};

#define N_CASES G_N_ELEMENTS (round_trip_cases)

static AttDraft *
case_draft (guint       i,
            const char *text)
{
  g_autoptr(JsonNode) payload = payload_new (i, text);

  return att_draft_new (round_trip_cases[i].kind, round_trip_cases[i].account_id,
                        round_trip_cases[i].object_id, payload);
}

static void
assert_case (AttDraft *draft,
             guint     i,
             gint64    seq)
{
  g_assert_nonnull (draft);
  g_assert_cmpstr (att_draft_get_kind (draft), ==, round_trip_cases[i].kind);
  g_assert_cmpstr (att_draft_get_account_id (draft), ==, round_trip_cases[i].account_id);
  g_assert_cmpstr (att_draft_get_object_id (draft), ==, round_trip_cases[i].object_id);
  g_assert_cmpint (payload_seq (draft), ==, seq);
  g_assert_cmpint (att_draft_get_saved_at (draft), >, 0);
}

static void
save_all_cases (AttDraftStore *store)
{
  for (guint i = 0; i < N_CASES; i++)
    {
      g_autoptr(AttDraft) draft = case_draft (i, round_trip_cases[i].object_id);

      if (i == 2)
        att_draft_set_save_error (draft, "The server refused the product: 409 Conflict");
      save_sync (store, draft);
    }
}

static void
check_loads (AttDraftStore *store)
{
  for (guint i = 0; i < N_CASES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AttDraft) draft = load_sync (store, round_trip_cases[i].kind,
                                              round_trip_cases[i].account_id,
                                              round_trip_cases[i].object_id, &error);
      g_autofree char *path = NULL;
      g_autofree char *parent = NULL;
      JsonObject      *payload;

      g_assert_no_error (error);
      assert_case (draft, i, i);
      payload = json_node_get_object (att_draft_get_payload (draft));
      g_assert_cmpstr (json_object_get_string_member (payload, "text"), ==, round_trip_cases[i].object_id);
      g_assert_cmpstr (att_draft_get_save_error (draft), ==,
                       i == 2 ? "The server refused the product: 409 Conflict" : NULL);

      /* Whatever the id says, the file is a direct child of the store. */
      path = att_draft_store_get_file_path (store, round_trip_cases[i].kind,
                                            round_trip_cases[i].account_id,
                                            round_trip_cases[i].object_id);
      parent = g_path_get_dirname (path);
      g_assert_cmpstr (parent, ==, att_draft_store_get_path (store));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
}

static void
check_lists (AttDraftStore *store)
{
  g_autoptr(GPtrArray) all = list_sync (store, NULL);
  g_autoptr(GPtrArray) acct_b = list_sync (store, "acct-b");
  g_autoptr(GPtrArray) nobody = list_sync (store, "nobody");

  g_assert_cmpuint (all->len, ==, N_CASES);
  /* Newest first: the last one saved leads. */
  assert_case (g_ptr_array_index (all, 0), N_CASES - 1, N_CASES - 1);
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpint (att_draft_get_saved_at (g_ptr_array_index (all, i - 1)), >=,
                     att_draft_get_saved_at (g_ptr_array_index (all, i)));

  g_assert_cmpuint (acct_b->len, ==, 1);
  assert_case (g_ptr_array_index (acct_b, 0), 2, 2);
  g_assert_cmpuint (nobody->len, ==, 0);
}

static void
test_round_trip (Fixture      *fixture,
                 gconstpointer data)
{
  AttDraftStore *store = fixture->store;
  g_autoptr(GPtrArray) empty = list_sync (store, NULL);
  g_autoptr(GPtrArray) data_dir = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(AttDraft) changed = case_draft (0, "changed");
  g_autoptr(AttDraft) reloaded = NULL;
  g_autoptr(AttDraft) gone = NULL;
  g_autoptr(GError) error = NULL;

  /* No directory yet is no drafts. */
  g_assert_cmpuint (empty->len, ==, 0);

  save_all_cases (store);
  check_loads (store);
  check_lists (store);
  assert_only_drafts (store, N_CASES);

  /* Nothing escaped into the directory above either. */
  data_dir = dir_names (fixture->root);
  g_assert_cmpuint (data_dir->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (data_dir, 0), ==, "drafts");

  /* Saving again replaces the draft, which is now the newest. */
  save_sync (store, changed);
  reloaded = load_sync (store, KIND_PRODUCT, "acct-a", "P-100", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (att_draft_get_payload (reloaded)), "text"), ==, "changed");
  after = list_sync (store, NULL);
  g_assert_cmpuint (after->len, ==, N_CASES);
  assert_case (g_ptr_array_index (after, 0), 0, 0);

  delete_sync (store, KIND_PRODUCT, "acct-a", "P-100");
  gone = load_sync (store, KIND_PRODUCT, "acct-a", "P-100", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (gone);
  /* Deleting what is not there is not an error. */
  delete_sync (store, KIND_PRODUCT, "acct-a", "P-100");
  assert_only_drafts (store, N_CASES - 1);
}

/* --- permissions ------------------------------------------------------ */

static guint
mode_of (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 07777;
}

static void
test_permissions (Fixture      *fixture,
                  gconstpointer data)
{
  AttDraftStore *store = fixture->store;
  g_autoptr(AttDraft) first = case_draft (0, "first");
  g_autoptr(AttDraft) second = case_draft (1, "second");
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;
  mode_t           old_umask = umask (022);

  save_sync (store, first);
  first_path = att_draft_store_get_file_path (store, round_trip_cases[0].kind,
                                              round_trip_cases[0].account_id,
                                              round_trip_cases[0].object_id);
  g_assert_cmpuint (mode_of (att_draft_store_get_path (store)), ==, 0700);
  g_assert_cmpuint (mode_of (first_path), ==, 0600);

  /* A directory someone opened up is closed again on the next save. */
  g_assert_cmpint (g_chmod (att_draft_store_get_path (store), 0755), ==, 0);
  save_sync (store, second);
  second_path = att_draft_store_get_file_path (store, round_trip_cases[1].kind,
                                               round_trip_cases[1].account_id,
                                               round_trip_cases[1].object_id);
  g_assert_cmpuint (mode_of (att_draft_store_get_path (store)), ==, 0700);
  g_assert_cmpuint (mode_of (second_path), ==, 0600);

  umask (old_umask);
}

/* --- damaged files ---------------------------------------------------- */

#define DRAFT_TEMPLATE                                                                \
  "{\"format\":\"attest-draft\",\"version\":%s,\"kind\":%s,\"accountId\":\"acct-a\"," \
  "\"objectId\":\"x\",\"savedAtUsec\":1,\"payload\":{\"text\":\"SECRET-CONTENT\"}}"

static char *
write_raw (AttDraftStore *store,
           const char    *object_id,
           const char    *contents,
           gssize         length)
{
  g_autoptr(GError) error = NULL;
  char *path = att_draft_store_get_file_path (store, KIND_PRODUCT, "acct-a", object_id);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static void
assert_moved_aside (const char *path,
                    const char *suffix,
                    const char *contents,
                    gsize       length)
{
  g_autofree char *aside = g_strconcat (path, suffix, NULL);
  g_autofree char *kept = NULL;
  gsize            kept_length = 0;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (aside, &kept, &kept_length, NULL));
  g_assert_cmpmem (kept, kept_length, contents, length);
}

static void
test_corrupt (Fixture      *fixture,
              gconstpointer data)
{
  AttDraftStore *store = fixture->store;
  g_autoptr(AttDraft) good = case_draft (0, "good");
  g_autofree char *good_text = NULL;
  g_autofree char *good_path = NULL;
  gsize            good_length;
  struct
  {
    const char *id;
    char       *text;
    gsize       length;
    char       *path;
  } bad[] = {
    { "truncated", NULL, 0, NULL },
    { "empty", g_strdup (""), 0, NULL },
    { "version-0", g_strdup_printf (DRAFT_TEMPLATE, "0", "\"higg-product\""), 0, NULL },
    { "version-string", g_strdup_printf (DRAFT_TEMPLATE, "\"1\"", "\"higg-product\""), 0, NULL },
    { "kind-number", g_strdup_printf (DRAFT_TEMPLATE, "1", "5"), 0, NULL },
    { "array", g_strdup ("[1, 2, 3]"), 0, NULL },
    { "not-utf8", g_strdup ("{\"format\": \"\xff\xfe\"}"), 0, NULL },
  };
  g_autofree char *newer = g_strdup_printf (DRAFT_TEMPLATE, "99", "\"higg-product\"");
  g_autofree char *newer_path = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) again = NULL;

  save_sync (store, good);
  good_path = att_draft_store_get_file_path (store, KIND_PRODUCT, "acct-a", "P-100");
  g_assert_true (g_file_get_contents (good_path, &good_text, &good_length, NULL));

  bad[0].text = g_strndup (good_text, good_length / 2);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      bad[i].length = strlen (bad[i].text);
      bad[i].path = write_raw (store, bad[i].id, bad[i].text, (gssize) bad[i].length);
    }
  /* A draft from a newer Attest is not damaged: it stays for that one. */
  newer_path = write_raw (store, "newer", newer, -1);

  expect_warnings ();
  drafts = list_sync (store, NULL);
  assert_warnings (G_N_ELEMENTS (bad), "Drafts: *draft-*.json is unreadable (*); moved it aside to *draft-*.json.corrupt");
  g_assert_cmpuint (drafts->len, ==, 1);
  assert_case (g_ptr_array_index (drafts, 0), 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_moved_aside (bad[i].path, ".corrupt", bad[i].text, bad[i].length);
  g_assert_true (g_file_test (newer_path, G_FILE_TEST_IS_REGULAR));

  /* Moved aside once, not read again; a second damaged file of the same
   * draft, found by a load, does not overwrite the first. */
  again = list_sync (store, NULL);
  g_assert_cmpuint (again->len, ==, 1);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AttDraft) draft = NULL;

    g_free (write_raw (store, "truncated", "{\"format\":", -1));
    expect_warnings ();
    draft = load_sync (store, KIND_PRODUCT, "acct-a", "truncated", &error);
    assert_warnings (1, "Drafts: *draft-*.json is unreadable (*); moved it aside to *draft-*.json.1.corrupt");
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_null (draft);
    g_assert_null (strstr (error->message, "SECRET-CONTENT"));
    assert_moved_aside (bad[0].path, ".1.corrupt", "{\"format\":", 10);
    assert_moved_aside (bad[0].path, ".corrupt", bad[0].text, bad[0].length);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_free (bad[i].text);
      g_free (bad[i].path);
    }
}

/* --- the writer ------------------------------------------------------- */

typedef struct
{
  guint  n_written;
  gint64 last_seq;
} WriterLog;

static void
on_written (AttDraftWriter *writer,
            AttDraft       *draft,
            const GError   *error,
            gpointer        user_data)
{
  WriterLog *log = user_data;

  /* A write that a discard cancelled. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_assert_no_error (error);
  log->n_written++;
  log->last_seq = payload_seq (draft);
}

static gint64
stored_seq (AttDraftStore *store,
            const char    *object_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttDraft) draft = load_sync (store, KIND_PRODUCT, "acct-a", object_id, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return -1;
  g_assert_no_error (error);

  return payload_seq (draft);
}

static void
flush_sync (AttDraftWriter *writer)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  att_draft_writer_flush_async (writer, NULL, store_result, &result);
  g_assert_true (att_draft_writer_flush_finish (writer, wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
discard_sync (AttDraftWriter *writer)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  att_draft_writer_discard_async (writer, NULL, store_result, &result);
  g_assert_true (att_draft_writer_discard_finish (writer, wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
test_writer_coalesces (Fixture      *fixture,
                       gconstpointer data)
{
  AttDraftStore *store = fixture->store;
  g_autoptr(AttDraftWriter) writer = att_draft_writer_new (store, KIND_PRODUCT, "acct-a", "P-1");
  WriterLog log = { 0, -1 };

  g_assert_cmpuint (att_draft_writer_get_interval (writer), ==, 500);
  att_draft_writer_set_interval (writer, 50);
  g_signal_connect (writer, "written", G_CALLBACK (on_written), &log);

  /* 100 changes, the main loop turning between them as it would while
   * the user types. */
  for (gint64 i = 0; i < 100; i++)
    {
      g_autoptr(JsonNode) payload = payload_new (i, "typing");

      att_draft_writer_update (writer, payload);
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_cmpuint (log.n_written, ==, 0);
  while (log.n_written == 0)
    g_main_context_iteration (NULL, TRUE);
  att_test_run_for (200);

  g_assert_cmpuint (log.n_written, >=, 1);
  g_assert_cmpuint (log.n_written, <=, 3);
  g_assert_cmpint (log.last_seq, ==, 99);
  g_assert_cmpint (stored_seq (store, "P-1"), ==, 99);
  assert_only_drafts (store, 1);
}

static void
test_writer_flush_discard (Fixture      *fixture,
                           gconstpointer data)
{
  AttDraftStore *store = fixture->store;
  g_autoptr(AttDraftWriter) writer = att_draft_writer_new (store, KIND_PRODUCT, "acct-a", "P-2");
  g_autoptr(JsonNode) first = payload_new (1, "first");
  g_autoptr(JsonNode) second = payload_new (2, "second");
  g_autoptr(JsonNode) third = payload_new (3, "third");
  WriterLog log = { 0, -1 };

  /* A timer that would never run out within the test: only the flush
   * can write. */
  att_draft_writer_set_interval (writer, 600 * 1000);
  g_signal_connect (writer, "written", G_CALLBACK (on_written), &log);

  flush_sync (writer);
  g_assert_cmpuint (log.n_written, ==, 0);
  g_assert_cmpint (stored_seq (store, "P-2"), ==, -1);

  att_draft_writer_update (writer, first);
  flush_sync (writer);
  g_assert_cmpuint (log.n_written, ==, 1);
  g_assert_cmpint (stored_seq (store, "P-2"), ==, 1);

  /* The save error goes to disk with the draft, for a Retry later. */
  att_draft_writer_set_save_error (writer, "Network unreachable");
  flush_sync (writer);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AttDraft) draft = load_sync (store, KIND_PRODUCT, "acct-a", "P-2", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (att_draft_get_save_error (draft), ==, "Network unreachable");
    g_assert_cmpint (payload_seq (draft), ==, 1);
  }

  /* Discard drops the pending change and the file. */
  att_draft_writer_update (writer, second);
  discard_sync (writer);
  g_assert_cmpint (stored_seq (store, "P-2"), ==, -1);
  g_assert_cmpuint (log.n_written, ==, 2);

  /* Discard during a write: the write cannot bring the file back. */
  att_draft_writer_update (writer, third);
  {
    g_autoptr(GAsyncResult) flushed = NULL;

    att_draft_writer_flush_async (writer, NULL, store_result, &flushed);
    discard_sync (writer);
    wait_for (&flushed);
  }
  att_test_run_for (100);
  g_assert_cmpint (stored_seq (store, "P-2"), ==, -1);
  assert_only_drafts (store, 0);
}

/* An editor that drops its writer without a flush still gets its last
 * change written: the pending timer keeps the writer alive. */
static void
test_writer_outlives_editor (Fixture      *fixture,
                             gconstpointer data)
{
  AttDraftStore  *store = fixture->store;
  AttDraftWriter *writer = att_draft_writer_new (store, KIND_PRODUCT, "acct-a", "P-3");
  g_autoptr(JsonNode) payload = payload_new (7, "last words");

  att_draft_writer_set_interval (writer, 20);
  att_draft_writer_update (writer, payload);
  g_object_add_weak_pointer (G_OBJECT (writer), (gpointer *) &writer);
  g_object_unref (writer);
  g_assert_nonnull (writer);

  while (writer != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (stored_seq (store, "P-3"), ==, 7);
}

/* --- crash simulation ------------------------------------------------- */

/* The child: changes the draft every TICK_MS through a writer and tells
 * the parent, on stdout, each change ("p <seq> <time> .") and each
 * completed write ("w <seq> <write began> <write ended> ."). */
typedef struct
{
  AttDraftWriter *writer;
  gint64          seq;
  char           *filler;
} CrashChild;

static void
child_on_written (AttDraftWriter *writer,
                  AttDraft       *draft,
                  const GError   *error,
                  gpointer        user_data)
{
  if (error != NULL)
    return;

  printf ("w %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " .\n",
          payload_seq (draft), att_draft_get_saved_at (draft), g_get_real_time ());
  fflush (stdout);
}

static gboolean
child_tick (gpointer user_data)
{
  CrashChild *child = user_data;
  g_autoptr(JsonNode) payload = payload_new (++child->seq, child->filler);
  gint64 now = g_get_real_time ();

  json_object_set_int_member (json_node_get_object (payload), "producedAtUsec", now);
  att_draft_writer_update (child->writer, payload);
  printf ("p %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " .\n", child->seq, now);
  fflush (stdout);

  return G_SOURCE_CONTINUE;
}

static int
crash_child (const char *dir)
{
  g_autoptr(AttDraftStore) store = att_draft_store_new_for_path (dir);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  CrashChild child = { 0 };

  /* Some weight, so that the kill lands in the middle of writes too. */
  child.filler = g_strnfill (64 * 1024, 'x');
  child.writer = att_draft_writer_new (store, KIND_PRODUCT, "acct-crash", "P-1");
  att_draft_writer_set_interval (child.writer, CRASH_INTERVAL_MS);
  g_signal_connect (child.writer, "written", G_CALLBACK (child_on_written), NULL);
  g_timeout_add (TICK_MS, child_tick, &child);
  g_main_loop_run (loop);

  return 1;
}

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *output;
  guint             kill_after_writes;
  guint             kill_delay_ms;
  gboolean          eof;
  gboolean          kill_scheduled;
  guint             n_written;
  gint64            last_seq;
  gint64            last_seq_time;
  gint64            last_written_seq;
  gint64            longest_write;
} CrashRun;

static gboolean
kill_child (gpointer user_data)
{
  CrashRun *run = user_data;

  g_subprocess_send_signal (run->process, SIGKILL);
  return G_SOURCE_REMOVE;
}

/* A line cut short by the kill has no final " ." and is ignored. */
static void
parse_child_line (CrashRun   *run,
                  const char *line)
{
  gint64 a, b, c;

  if (!g_str_has_suffix (line, " ."))
    return;

  if (sscanf (line, "p %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &a, &b) == 2)
    {
      run->last_seq = a;
      run->last_seq_time = b;
    }
  else if (sscanf (line, "w %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &a, &b, &c) == 3)
    {
      run->n_written++;
      run->last_written_seq = a;
      run->longest_write = MAX (run->longest_write, c - b);
    }
  else
    g_assert_not_reached ();
}

static void
read_child_line (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CrashRun *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (run->output, result, NULL, &error);

  g_assert_no_error (error);
  if (line == NULL)
    {
      run->eof = TRUE;
      return;
    }

  parse_child_line (run, line);
  if (!run->kill_scheduled && run->n_written >= run->kill_after_writes)
    {
      run->kill_scheduled = TRUE;
      g_timeout_add (run->kill_delay_ms, kill_child, run);
    }
  g_data_input_stream_read_line_async (run->output, G_PRIORITY_DEFAULT, NULL, read_child_line, run);
}

static void
crash_once (const char *root,
            guint       kill_delay_ms)
{
  g_autofree char *dir = g_build_filename (root, "crash", NULL);
  g_autoptr(AttDraftStore) store = att_draft_store_new_for_path (dir);
  g_autofree char *path = att_draft_store_get_file_path (store, KIND_PRODUCT, "acct-crash", "P-1");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AttDraft) draft = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  CrashRun run = { .kill_after_writes = 6, .kill_delay_ms = kill_delay_ms, .last_seq = -1 };
  gint64   lost, bound;

  run.process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                  self_exe, "--crash-child", dir, NULL);
  g_assert_no_error (error);
  run.output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (run.process));
  g_data_input_stream_read_line_async (run.output, G_PRIORITY_DEFAULT, NULL, read_child_line, &run);
  while (!run.eof)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_wait (run.process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (run.process));
  g_assert_cmpint (g_subprocess_get_term_sig (run.process), ==, SIGKILL);

  /* Whole, valid, and never half-written: it reads as a draft. */
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  draft = att_draft_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_draft_get_account_id (draft), ==, "acct-crash");

  /* One the child made, no older than its last completed write... */
  g_assert_cmpint (payload_seq (draft), <=, run.last_seq);
  g_assert_cmpint (payload_seq (draft), >=, run.last_written_seq);

  /* ...and no more changes lost than the child makes in one interval,
   * plus a write and the next write in flight, plus one tick.  Counted in
   * changes, not microseconds: the child makes a change every tick of its
   * own main loop, so a loaded machine (sanitizers, parallel builds) that
   * delays its timers delays its changes just as much, while a writer that
   * skipped a write would lose a whole interval more. */
  lost = run.last_seq - payload_seq (draft);
  bound = (CRASH_INTERVAL_MS * 1000 + 2 * run.longest_write) / (TICK_MS * 1000) + 2;
  g_test_message ("killed %u ms after write %u: lost %" G_GINT64_FORMAT " changes, %" G_GINT64_FORMAT
                  " us (bound %" G_GINT64_FORMAT " changes; longest write %" G_GINT64_FORMAT " us)",
                  kill_delay_ms, run.n_written, lost,
                  run.last_seq_time - json_object_get_int_member (json_node_get_object (att_draft_get_payload (draft)), "producedAtUsec"),
                  bound, run.longest_write);
  g_assert_cmpint (lost, <=, bound);

  /* The store lists it without a warning; a temporary file the kill
   * left is not a draft. */
  listed = list_sync (store, NULL);
  g_assert_cmpuint (listed->len, ==, 1);

  g_object_unref (run.output);
  g_object_unref (run.process);
}

static void
test_crash (Fixture      *fixture,
            gconstpointer data)
{
  /* Killed at different points of the write cycle, each time with a
   * new directory. */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *root = g_strdup_printf ("%s/%u", fixture->root, i);

      g_assert_cmpint (g_mkdir (root, 0700), ==, 0);
      crash_once (root, i * (CRASH_INTERVAL_MS / 3 + 2));
    }
}

/* --- figures (-m perf) ------------------------------------------------ */

/* A product as an editor would hold it: 200 purchase orders, ~100 KB. */
static JsonNode *
product_payload_new (void)
{
  g_autoptr(JsonObject) product = json_object_new ();
  g_autoptr(JsonArray) orders = json_array_new ();

  json_object_set_string_member (product, "productId", "0f7c2a1e-5d3b-4c8e-9a6f-1b2c3d4e5f60");
  json_object_set_string_member (product, "name", "Organic cotton crew-neck T-shirt");
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(JsonObject) order = json_object_new ();
      g_autofree char *number = g_strdup_printf ("PO-2024-%06u", i);

      json_object_set_string_member (order, "purchaseOrderNumber", number);
      json_object_set_string_member (order, "supplierName", "Coopérative textile du Nord — Usine 3");
      json_object_set_string_member (order, "supplierId", "7d3e9b2a-4f1c-4e8d-b5a6-0c9d8e7f6a5b");
      json_object_set_string_member (order, "countryOfOrigin", "PT");
      json_object_set_string_member (order, "orderDate", "2024-03-14");
      json_object_set_string_member (order, "deliveryDate", "2024-05-02");
      json_object_set_int_member (order, "quantity", 1200 + i);
      json_object_set_string_member (order, "unit", "pieces");
      json_object_set_double_member (order, "unitWeightKg", 0.185);
      json_object_set_string_member (order, "notes", "Second shipment; recycled polybags; cartons FSC-certified.");
      json_object_set_string_member (order, "facilityAddress", "Rua da Indústria 1234, Zona Industrial, 4760-000 Vila Nova de Famalicão, Portugal");
      json_object_set_string_member (order, "certificateId", "3c1f0e9d-8b7a-4c6d-9e5f-4a3b2c1d0e9f");
      json_array_add_object_element (orders, g_steal_pointer (&order));
    }
  json_object_set_array_member (product, "purchaseOrders", g_steal_pointer (&orders));

  return json_node_init_object (json_node_alloc (), g_steal_pointer (&product));
}

static void
test_perf_serialize (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(JsonNode) payload = product_payload_new ();
  g_autoptr(AttDraft) draft = att_draft_new (KIND_PRODUCT, "acct-a", "P-1", payload);
  AttDraftStore *store = fixture->store;
  g_autoptr(AttDraftWriter) writer = att_draft_writer_new (store, KIND_PRODUCT, "acct-a", "P-1");
  g_autoptr(GBytes) bytes = att_draft_to_bytes (draft);
  g_autoptr(GTimer) timer = g_timer_new ();
  const guint rounds = 200;
  double      serialize_ms, update_us;

  g_timer_start (timer);
  for (guint i = 0; i < rounds; i++)
    g_bytes_unref (att_draft_to_bytes (draft));
  serialize_ms = g_timer_elapsed (timer, NULL) * 1000 / rounds;

  att_draft_writer_set_interval (writer, 600 * 1000);
  g_timer_start (timer);
  for (guint i = 0; i < rounds * 100; i++)
    att_draft_writer_update (writer, payload);
  update_us = g_timer_elapsed (timer, NULL) * 1e6 / (rounds * 100);

  g_test_minimized_result (serialize_ms, "draft of 200 purchase orders (%zu bytes): serialized on the calling thread in %.3f ms",
                           g_bytes_get_size (bytes), serialize_ms);
  g_test_minimized_result (update_us, "att_draft_writer_update: %.3f us", update_us);
  discard_sync (writer);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--crash-child"))
    return crash_child (argv[2]);

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_add_func ("/drafts/default-path", test_default_path);
  g_test_add ("/drafts/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/drafts/permissions", Fixture, NULL, fixture_set_up, test_permissions, fixture_tear_down);
  g_test_add ("/drafts/corrupt", Fixture, NULL, fixture_set_up, test_corrupt, fixture_tear_down);
  g_test_add ("/drafts/writer/coalesces", Fixture, NULL, fixture_set_up, test_writer_coalesces, fixture_tear_down);
  g_test_add ("/drafts/writer/flush-discard", Fixture, NULL, fixture_set_up, test_writer_flush_discard, fixture_tear_down);
  g_test_add ("/drafts/writer/outlives-editor", Fixture, NULL, fixture_set_up, test_writer_outlives_editor, fixture_tear_down);
  g_test_add ("/drafts/crash", Fixture, NULL, fixture_set_up, test_crash, fixture_tear_down);
  if (g_test_perf ())
    g_test_add ("/drafts/perf/serialize", Fixture, NULL, fixture_set_up, test_perf_serialize, fixture_tear_down);

  return g_test_run ();
}
