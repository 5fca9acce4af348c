/* test-closient-metadata.c: Closient's metadata merge rules, the minimal
 * diff, and a table of before/after maps sent to the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-closient-client.h"
#include "att-closient-metadata.h"
#include "att-test-utils.h"

/* The sandbox's demo product with sixty certifications. */
#define GTIN "09506000134352"

/* Each row: the metadata before, what it should be after, and the PATCH
 * member that does it, the smallest there is (JSON objects). */
static const struct
{
  const char *before;
  const char *after;
  const char *diff;
} table[] = {
  { "{}", "{}", NULL },
  { "{\"a\": \"1\"}", "{\"a\": \"1\"}", NULL },
  { "{}", "{\"a\": \"1\"}", "{\"a\": \"1\"}" },
  { "{\"a\": \"1\"}", "{\"a\": \"2\"}", "{\"a\": \"2\"}" },
  { "{\"a\": \"1\", \"b\": \"2\"}", "{\"a\": \"1\"}", "{\"b\": \"\"}" },
  /* Every key removed: deletions, not {} (Clear All is the user's call). */
  { "{\"a\": \"1\", \"b\": \"2\"}", "{}", "{\"a\": \"\", \"b\": \"\"}" },
  { "{\"a\": \"1\", \"b\": \"2\", \"c\": \"3\"}", "{\"a\": \"1\", \"b\": \"20\", \"d\": \"4\"}",
    "{\"b\": \"20\", \"c\": \"\", \"d\": \"4\"}" },
  { "{\"clé\": \"été\"}", "{\"clé\": \"hiver\", \"日本\": \"語\"}", "{\"clé\": \"hiver\", \"日本\": \"語\"}" },
  /* A value with spaces, quotes, JSON in it: stored as it is. */
  { "{\"json\": \"{}\"}", "{\"json\": \"{\\\"x\\\": [1, 2]}\", \"sp\": \"  a  b \"}",
    "{\"json\": \"{\\\"x\\\": [1, 2]}\", \"sp\": \"  a  b \"}" },
  /* Keys that differ only in case are two keys. */
  { "{\"Key\": \"1\"}", "{\"key\": \"1\"}", "{\"key\": \"1\", \"Key\": \"\"}" },
};

static GHashTable *
map_from_json (const char *json)
{
  g_autoptr(JsonNode) node = att_test_parse_value (json);
  GHashTable *map = att_closient_metadata_new ();

  /* {} would clear; an empty map needs no merge. */
  if (json_object_get_size (json_node_get_object (node)) > 0)
    g_assert_true (att_closient_metadata_merge (map, node, NULL));
  return map;
}

static void
assert_json_equal (JsonNode   *node,
                   const char *expected)
{
  g_autoptr(JsonNode) want = att_test_parse_value (expected);

  if (!json_node_equal (node, want))
    {
      g_autofree char *text = json_to_string (node, FALSE);

      g_error ("%s, expected %s", text, expected);
    }
}

/* --- Without a server -------------------------------------------------- */

static void
test_diff_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr(GHashTable) before = map_from_json (table[i].before);
      g_autoptr(GHashTable) after = map_from_json (table[i].after);
      g_autoptr(JsonObject) diff = att_closient_metadata_diff (before, after);
      g_autoptr(JsonNode) diff_node = json_node_init_object (json_node_alloc (), diff);
      g_autoptr(GHashTable) merged = att_closient_metadata_copy (before);

      assert_json_equal (diff_node, table[i].diff != NULL ? table[i].diff : "{}");

      /* Merged by the rules, the diff gives "after". */
      if (table[i].diff != NULL)
        g_assert_true (att_closient_metadata_merge (merged, diff_node, NULL));
      g_assert_true (att_closient_metadata_equal (merged, after));
    }
}

/* A value of "" in "after" is a key Closient cannot hold: removed. */
static void
test_diff_empty_values (void)
{
  g_autoptr(GHashTable) before = map_from_json ("{\"a\": \"1\"}");
  g_autoptr(GHashTable) after = att_closient_metadata_new ();
  g_autoptr(JsonObject) diff = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_hash_table_insert (after, g_strdup ("a"), g_strdup (""));
  g_hash_table_insert (after, g_strdup ("b"), g_strdup (""));
  diff = att_closient_metadata_diff (before, after);
  node = json_node_init_object (json_node_alloc (), diff);
  assert_json_equal (node, "{\"a\": \"\"}");
}

/* Each rule of api-closient.md §5, and what a merge refuses. */
static void
test_merge_rules (void)
{
  static const struct
  {
    const char *member; /* NULL: the body has no metadata */
    const char *result; /* NULL: refused */
    const char *paths;
  } rules[] = {
    { NULL, "{\"a\": \"1\", \"b\": \"2\"}", "" },
    { "{\"c\": \"3\"}", "{\"a\": \"1\", \"b\": \"2\", \"c\": \"3\"}", "" },
    { "{\"a\": \"9\"}", "{\"a\": \"9\", \"b\": \"2\"}", "" },
    { "{\"a\": \"\"}", "{\"b\": \"2\"}", "" },
    { "{\"a\": null}", "{\"b\": \"2\"}", "" },
    { "{\"missing\": \"\"}", "{\"a\": \"1\", \"b\": \"2\"}", "" },
    { "{}", "{}", "" },
    { "null", "{}", "" },
    { "{\"a\": 1}", NULL, "metadata.a" },
    { "{\"a\": true, \"b\": {}}", NULL, "metadata.a metadata.b" },
    { "[\"a\"]", NULL, "metadata" },
    { "\"a=1\"", NULL, "metadata" },
    { "{\"\": \"x\"}", NULL, "metadata." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GHashTable) current = map_from_json ("{\"a\": \"1\", \"b\": \"2\"}");
      g_autoptr(GHashTable) unchanged = att_closient_metadata_copy (current);
      g_autoptr(JsonNode) member = rules[i].member != NULL ? att_test_parse_value (rules[i].member) : NULL;
      g_autoptr(GPtrArray) errors = att_field_error_array_new ();
      g_autofree char *paths = NULL;
      gboolean         merged = att_closient_metadata_merge (current, member, errors);

      paths = att_test_field_error_paths (errors);
      g_assert_cmpstr (paths, ==, rules[i].paths);
      g_assert_cmpint (merged, ==, rules[i].result != NULL);
      if (rules[i].result != NULL)
        {
          g_autoptr(GHashTable) expected = map_from_json (rules[i].result);

          g_assert_true (att_closient_metadata_equal (current, expected));
        }
      else
        g_assert_true (att_closient_metadata_equal (current, unchanged));
    }
}

static GHashTable *
map_of_size (guint n)
{
  GHashTable *map = att_closient_metadata_new ();

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (map, g_strdup_printf ("key%02u", i), g_strdup ("v"));
  return map;
}

static JsonNode *
member_of (const char *key,
           const char *value)
{
  g_autoptr(JsonObject) object = json_object_new ();

  json_object_set_string_member (object, key, value);
  return json_node_init_object (json_node_alloc (), object);
}

/* The limits hold for the map after the merge, in characters. */
static void
test_merge_limits (void)
{
  g_autoptr(GHashTable) full = map_of_size (ATT_CLOSIENT_METADATA_MAX_KEYS);
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();
  g_autoptr(JsonNode) one_more = member_of ("extra", "v");
  g_autoptr(JsonNode) swap = att_test_parse_value ("{\"key00\": \"\", \"extra\": \"v\"}");
  g_autofree char *expected_paths = NULL;
  g_autofree char *key41 = g_strnfill (41, 'k');
  g_autofree char *value501 = g_strnfill (501, 'v');
  g_autoptr(GString) wide_key = g_string_new (NULL);
  g_autoptr(GString) wide_value = g_string_new (NULL);
  g_autofree char *paths = NULL;

  /* 50 and one more: refused on "metadata", unchanged. */
  g_assert_false (att_closient_metadata_merge (full, one_more, errors));
  paths = att_test_field_error_paths (errors);
  g_assert_cmpstr (paths, ==, "metadata");
  g_assert_cmpuint (g_hash_table_size (full), ==, ATT_CLOSIENT_METADATA_MAX_KEYS);

  /* One out and one in: still 50, taken. */
  g_assert_true (att_closient_metadata_merge (full, swap, NULL));
  g_assert_nonnull (g_hash_table_lookup (full, "extra"));

  /* 40 characters of two bytes each, and 500 of them as a value. */
  for (guint i = 0; i < 40; i++)
    g_string_append (wide_key, "é");
  for (guint i = 0; i < 500; i++)
    g_string_append (wide_value, "ü");
  {
    g_autoptr(GHashTable) map = att_closient_metadata_new ();
    g_autoptr(JsonNode) wide = member_of (wide_key->str, wide_value->str);
    g_autoptr(JsonNode) long_key = member_of (key41, "v");
    g_autoptr(JsonNode) long_value = member_of ("k", value501);

    g_assert_true (att_closient_metadata_merge (map, wide, NULL));
    g_ptr_array_set_size (errors, 0);
    g_assert_false (att_closient_metadata_merge (map, long_key, errors));
    g_assert_false (att_closient_metadata_merge (map, long_value, errors));
    g_clear_pointer (&paths, g_free);
    paths = att_test_field_error_paths (errors);
    expected_paths = g_strconcat ("metadata.k metadata.", key41, NULL);
    g_assert_cmpstr (paths, ==, expected_paths);
    g_assert_true (att_closient_metadata_check_entry (wide_key->str, wide_value->str, NULL));
  }
}

/* --- Against the sandbox ----------------------------------------------- */

typedef struct
{
  AttSandbox        *sandbox;
  AttHttp           *http;
  AttHiggClient     *higg;
  AttClosientClient *client;
} Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (fixture->sandbox, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (fixture->sandbox, &fixture->http, &fixture->higg, NULL);
  fixture->client = att_test_closient_client_new (fixture->http, fixture->sandbox);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_clear_object (&fixture->client);
  att_test_sandbox_disconnect (&fixture->sandbox, &fixture->http, &fixture->higg);
}

static AttClosientAssignment *
send_patch (Fixture          *fixture,
            AttClosientPatch *patch)
{
  AttClosientAssignment *before = att_closient_patch_get_before (patch);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AttClosientAssignment *answer;

  att_closient_client_update_assignment_async (fixture->client, GTIN, att_closient_assignment_get_id (before),
                                               patch, NULL, att_test_store_result, &result);
  answer = att_closient_client_update_assignment_finish (fixture->client, att_test_await_result (&result),
                                                         &error);
  g_assert_no_error (error);
  return answer;
}

/* Makes the assignment's metadata @metadata, by Clear All and then the
 * keys, and returns it as stored. */
static AttClosientAssignment *
set_metadata (Fixture               *fixture,
              AttClosientAssignment *assignment,
              GHashTable            *metadata)
{
  g_autoptr(AttClosientPatch) clear = att_closient_patch_new (assignment);
  g_autoptr(AttClosientAssignment) cleared = NULL;
  g_autoptr(AttClosientPatch) fill = NULL;

  att_closient_patch_clear_metadata (clear);
  cleared = send_patch (fixture, clear);
  g_assert_cmpuint (g_hash_table_size (att_closient_assignment_get_metadata (cleared)), ==, 0);
  if (g_hash_table_size (metadata) == 0)
    return g_steal_pointer (&cleared);

  fill = att_closient_patch_new (cleared);
  att_closient_patch_set_metadata (fill, metadata);
  return send_patch (fixture, fill);
}

static AttClosientAssignment *
first_assignment (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  att_closient_client_list_certifications_async (fixture->client, GTIN, NULL, NULL, att_test_store_result,
                                                 &result);
  list = att_closient_client_list_certifications_finish (fixture->client, att_test_await_result (&result),
                                                         &error);
  g_assert_no_error (error);
  return g_list_model_get_item (list, 0);
}

/* Each row: the body sent is the row's diff and nothing else, and the
 * sandbox's result is "after". */
static void
test_table_on_sandbox (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr(AttClosientAssignment) current = first_assignment (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr(GHashTable) before = map_from_json (table[i].before);
      g_autoptr(GHashTable) after = map_from_json (table[i].after);
      g_autoptr(AttClosientAssignment) stored = set_metadata (fixture, current, before);
      g_autoptr(AttClosientPatch) patch = att_closient_patch_new (stored);
      g_autoptr(JsonNode) body = NULL;
      g_autoptr(AttClosientAssignment) answer = NULL;
      g_autofree char *expected = NULL;

      g_assert_true (att_closient_metadata_equal (att_closient_assignment_get_metadata (stored), before));
      att_closient_patch_set_metadata (patch, after);
      body = att_closient_patch_to_json (patch);
      if (table[i].diff == NULL)
        {
          assert_json_equal (body, "{}");
          g_set_object (&current, stored);
          continue;
        }

      expected = g_strdup_printf ("{\"metadata\": %s}", table[i].diff);
      assert_json_equal (body, expected);
      answer = send_patch (fixture, patch);
      g_assert_true (att_closient_metadata_equal (att_closient_assignment_get_metadata (answer), after));
      g_set_object (&current, answer);
    }
}

/* Clear All sends {}: the sandbox keeps nothing, not even keys it had that
 * the client never saw. */
static void
test_clear_all_on_sandbox (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autoptr(AttClosientAssignment) first = first_assignment (fixture);
  g_autoptr(GHashTable) metadata = map_from_json ("{\"a\": \"1\", \"b\": \"2\"}");
  g_autoptr(AttClosientAssignment) stored = set_metadata (fixture, first, metadata);
  g_autoptr(JsonNode) stale_node = att_closient_assignment_to_json (first);
  g_autoptr(AttClosientAssignment) stale = NULL;
  g_autoptr(AttClosientPatch) clear = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(AttClosientAssignment) answer = NULL;

  /* An edit of the assignment as read before "a" and "b" were added. */
  json_object_set_object_member (json_node_get_object (stale_node), "metadata", json_object_new ());
  stale = att_closient_assignment_new_from_json (stale_node, NULL);
  clear = att_closient_patch_new (stale);
  att_closient_patch_clear_metadata (clear);
  body = att_closient_patch_to_json (clear);
  assert_json_equal (body, "{\"metadata\": {}}");
  answer = send_patch (fixture, clear);
  g_assert_cmpuint (g_hash_table_size (att_closient_assignment_get_metadata (answer)), ==, 0);
}

/* The limits after the merge, as the client checks them and as the
 * sandbox does: 50 keys stored, a swap taken, one more refused. */
static void
test_limits_on_sandbox (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr(AttClosientAssignment) first = first_assignment (fixture);
  g_autoptr(GHashTable) full = map_of_size (ATT_CLOSIENT_METADATA_MAX_KEYS);
  g_autoptr(AttClosientAssignment) stored = set_metadata (fixture, first, full);
  g_autoptr(AttClosientPatch) swap = att_closient_patch_new (stored);
  g_autoptr(AttClosientAssignment) swapped = NULL;
  g_autoptr(AttClosientPatch) over = NULL;
  g_autoptr(GHashTable) after = att_closient_metadata_copy (full);
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();
  g_autofree char *paths = NULL;

  g_assert_cmpuint (g_hash_table_size (att_closient_assignment_get_metadata (stored)), ==, 50);
  g_hash_table_remove (after, "key00");
  g_hash_table_insert (after, g_strdup ("swapped"), g_strdup ("in"));
  att_closient_patch_set_metadata (swap, after);
  swapped = send_patch (fixture, swap);
  g_assert_true (att_closient_metadata_equal (att_closient_assignment_get_metadata (swapped), after));

  over = att_closient_patch_new (swapped);
  g_hash_table_insert (after, g_strdup ("one-more"), g_strdup ("v"));
  att_closient_patch_set_metadata (over, after);
  att_closient_patch_check (over, errors);
  paths = att_test_field_error_paths (errors);
  g_assert_cmpstr (paths, ==, "metadata");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/closient-metadata/diff-table", test_diff_table);
  g_test_add_func ("/closient-metadata/diff-empty-values", test_diff_empty_values);
  g_test_add_func ("/closient-metadata/merge-rules", test_merge_rules);
  g_test_add_func ("/closient-metadata/merge-limits", test_merge_limits);
  g_test_add ("/closient-metadata/sandbox/table", Fixture, NULL, fixture_setup, test_table_on_sandbox,
              fixture_teardown);
  g_test_add ("/closient-metadata/sandbox/clear-all", Fixture, NULL, fixture_setup,
              test_clear_all_on_sandbox, fixture_teardown);
  g_test_add ("/closient-metadata/sandbox/limits", Fixture, NULL, fixture_setup, test_limits_on_sandbox,
              fixture_teardown);

  return g_test_run ();
}
