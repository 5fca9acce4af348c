/* test-closient-models.c: Closient's objects read tolerantly, and edits
 * turned into minimal PATCH bodies, checked and kept as drafts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-closient-assignment.h"
#include "att-closient-body.h"
#include "att-closient-certification.h"
#include "att-closient-patch.h"
#include "att-closient-product.h"
#include "att-iso-country.h"
#include "att-test-utils.h"

/* The PATCH page's example row (api-closient.md §4.1), with a member this
 * client does not know. */
static const char assignment_json[] =
  "{\"id\": \"CXc85b4rqinB7s5J52TRYb\", \"label\": \"USDA Organic\", \"is_active\": true,"
  " \"metadata\": {\"batch\": \"A1\", \"line\": \"dairy\"}, \"code\": \"USDA_ORGANIC\","
  " \"description\": \"\", \"url\": \"https://example.org/usda\", \"logo_url\": null,"
  " \"valid_from\": \"2024-01-01\", \"expiration_date\": \"2026-12-31\","
  " \"certificate_number\": \"NOP-12345\", \"issuing_body\": \"Oregon Tilth\","
  " \"expiry_date\": \"2026-12-31\", \"verification_url\": \"\", \"verification_status\": \"verified\","
  " \"scope\": \"All organic dairy lines\", \"certification_value\": \"100% Organic\","
  " \"audit_date\": null, \"initial_certification_date\": \"2019-05-02\","
  " \"certificate_countries\": [\"US\", \"CA\"], \"future_member\": {\"kept\": 1}}";

static AttClosientAssignment *
read_assignment (const char *json)
{
  g_autoptr(JsonNode) node = att_test_parse_value (json);
  g_autoptr(GError) error = NULL;
  AttClosientAssignment *assignment = att_closient_assignment_new_from_json (node, &error);

  g_assert_no_error (error);
  return assignment;
}

static void
test_assignment_read (void)
{
  g_autoptr(AttClosientAssignment) assignment = read_assignment (assignment_json);
  const char *const *countries = att_closient_assignment_get_certificate_countries (assignment);

  g_assert_cmpstr (att_closient_assignment_get_id (assignment), ==, "CXc85b4rqinB7s5J52TRYb");
  g_assert_cmpstr (att_closient_assignment_get_label (assignment), ==, "USDA Organic");
  g_assert_true (att_closient_assignment_get_is_active (assignment));
  g_assert_cmpint (att_closient_assignment_get_verification_status (assignment), ==, ATT_CLOSIENT_VERIFIED);
  g_assert_cmpstr (g_hash_table_lookup (att_closient_assignment_get_metadata (assignment), "batch"), ==, "A1");
  g_assert_null (att_closient_assignment_get_logo_url (assignment));
  g_assert_null (att_closient_assignment_get_audit_date (assignment));
  g_assert_cmpstr (att_closient_assignment_get_valid_from (assignment), ==, "2024-01-01");
  g_assert_cmpstr (att_closient_assignment_get_expiry_date (assignment), ==, "2026-12-31");
  g_assert_cmpstr (att_closient_assignment_get_description (assignment), ==, "");
  g_assert_cmpstr (att_closient_assignment_get_certification_value (assignment), ==, "100% Organic");
  g_assert_cmpuint (g_strv_length ((char **) countries), ==, 2);
  g_assert_cmpstr (countries[1], ==, "CA");
}

static void
test_assignment_round_trip (void)
{
  g_autoptr(AttClosientAssignment) assignment = read_assignment (assignment_json);
  g_autoptr(JsonNode) written = att_closient_assignment_to_json (assignment);
  g_autoptr(JsonNode) original = att_test_parse_value (assignment_json);
  g_autoptr(AttClosientAssignment) again = NULL;
  g_autoptr(JsonNode) rewritten = NULL;

  /* Unknown members are written back; the whole comes back equal. */
  g_assert_true (json_node_equal (written, original));
  again = att_closient_assignment_new_from_json (written, NULL);
  rewritten = att_closient_assignment_to_json (again);
  g_assert_true (json_node_equal (rewritten, original));
}

/* A wrong type empties its field, not the row; only the id and the label
 * are needed. */
static void
test_assignment_tolerant (void)
{
  g_autoptr(AttClosientAssignment) odd = read_assignment (
    "{\"id\": \"3b1f8b40-222c-4a6e-b77e-779d5a94e21c\", \"label\": \"GOTS\", \"is_active\": \"yes\","
    " \"metadata\": [1, 2], \"code\": 42, \"valid_from\": \"not a date\", \"expiration_date\": 20261231,"
    " \"verification_status\": \"pending-review\", \"certificate_countries\": [\"FR\", 3, null],"
    " \"logo_url\": \"\", \"scope\": null}");
  static const char *const bad[] = {
    "[]",
    "{\"label\": \"GOTS\"}",
    "{\"id\": \"CXc85b4rqinB7s5J52TRYb\"}",
    "{\"id\": \"CXc85b4rqinB7s5J52TRYb\", \"label\": \"\"}",
    "{\"id\": \"oZEq7ovRbLq6UnGMPwc8B6\", \"label\": \"GOTS\"}",
    "{\"id\": 12, \"label\": \"GOTS\"}",
  };
  g_autoptr(JsonNode) written = att_closient_assignment_to_json (odd);

  /* A UUID id is taken in its short form. */
  g_assert_cmpstr (att_closient_assignment_get_id (odd), ==, "CXc85b4rqinB7s5J52TRYb");
  g_assert_false (att_closient_assignment_get_is_active (odd));
  g_assert_cmpuint (g_hash_table_size (att_closient_assignment_get_metadata (odd)), ==, 0);
  g_assert_cmpstr (att_closient_assignment_get_code (odd), ==, "");
  g_assert_cmpstr (att_closient_assignment_get_scope (odd), ==, "");
  g_assert_null (att_closient_assignment_get_valid_from (odd));
  g_assert_null (att_closient_assignment_get_expiration_date (odd));
  g_assert_null (att_closient_assignment_get_logo_url (odd));
  g_assert_cmpint (att_closient_assignment_get_verification_status (odd), ==,
                   ATT_CLOSIENT_VERIFICATION_UNKNOWN);
  g_assert_cmpstr (att_closient_assignment_get_certificate_countries (odd)[0], ==, "FR");
  g_assert_null (att_closient_assignment_get_certificate_countries (odd)[1]);
  /* An unknown status stays as the server spelled it. */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (written), "verification_status"),
                   ==, "pending-review");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = att_test_parse_value (bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(AttClosientAssignment) none = att_closient_assignment_new_from_json (node, &error);

      g_assert_null (none);
      g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
    }
}

static void
test_catalogue_models (void)
{
  g_autoptr(JsonNode) certification_node = att_test_parse_value (
    "{\"id\": \"MLpZDiEXM4VsUryR9oE8uc\", \"label\": \"GOTS\", \"code\": \"GOTS\", \"logo_url\": null,"
    " \"certification_body_name\": \"Control Union\", \"standard\": \"GOTS 7.0\", \"extra\": true}");
  g_autoptr(JsonNode) body_node = att_test_parse_value (
    "{\"id\": \"MLpZDiEXM4VsUryR9oE8uc\", \"name\": \"Control Union\", \"website\": \"https://cu.example\"}");
  g_autoptr(JsonNode) product_node = att_test_parse_value (
    "{\"gtin\": \"00036000291452\", \"product_name\": \"Shirt\", \"brand\": 7, \"image_url\": null,"
    " \"is_claimed\": true}");
  g_autoptr(AttClosientCertification) certification = NULL;
  g_autoptr(AttClosientBody) body = NULL;
  g_autoptr(AttClosientProduct) product = NULL;
  g_autoptr(JsonNode) written = NULL;

  certification = att_closient_certification_new_from_json (certification_node, NULL);
  g_assert_cmpstr (att_closient_certification_get_certification_body_name (certification), ==, "Control Union");
  g_assert_cmpstr (att_closient_certification_get_program (certification), ==, "");
  g_assert_null (att_closient_certification_get_logo_url (certification));
  written = att_closient_certification_to_json (certification);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (written), "extra"));

  body = att_closient_body_new_from_json (body_node, NULL);
  g_assert_cmpstr (att_closient_body_get_name (body), ==, "Control Union");
  g_assert_cmpstr (att_closient_body_get_website (body), ==, "https://cu.example");

  product = att_closient_product_new_from_json (product_node, NULL);
  g_assert_cmpstr (att_closient_product_get_gtin (product), ==, "00036000291452");
  g_assert_cmpstr (att_closient_product_get_brand (product), ==, "");
  g_assert_true (att_closient_product_get_is_claimed (product));
}

static void
test_verification_strings (void)
{
  for (int status = ATT_CLOSIENT_UNVERIFIED; status < ATT_CLOSIENT_VERIFICATION_UNKNOWN; status++)
    g_assert_cmpint (att_closient_verification_from_string (att_closient_verification_to_string (status)),
                     ==, status);
  g_assert_cmpstr (att_closient_verification_to_string (ATT_CLOSIENT_VERIFICATION_EXPIRED), ==, "expired");
  g_assert_null (att_closient_verification_to_string (ATT_CLOSIENT_VERIFICATION_UNKNOWN));
  g_assert_cmpint (att_closient_verification_from_string ("Verified"), ==, ATT_CLOSIENT_VERIFICATION_UNKNOWN);
}

static void
test_country_codes (void)
{
  g_assert_true (att_iso_country_is_code ("FR"));
  g_assert_true (att_iso_country_is_code ("AD"));
  g_assert_true (att_iso_country_is_code ("ZW"));
  g_assert_false (att_iso_country_is_code ("fr"));
  g_assert_false (att_iso_country_is_code ("UK"));
  g_assert_false (att_iso_country_is_code ("FRA"));
  g_assert_false (att_iso_country_is_code (""));
  g_assert_false (att_iso_country_is_code (NULL));
}

/* --- Patches ----------------------------------------------------------- */

static void
assert_body (AttClosientPatch *patch,
             const char       *expected)
{
  g_autoptr(JsonNode) body = att_closient_patch_to_json (patch);
  g_autoptr(JsonNode) want = att_test_parse_value (expected);

  if (!json_node_equal (body, want))
    {
      g_autofree char *text = json_to_string (body, FALSE);

      g_error ("PATCH body %s, expected %s", text, expected);
    }
}

/* Each field alone; values equal to before's are not sent. */
static void
test_patch_minimal (void)
{
  g_autoptr(AttClosientAssignment) before = read_assignment (assignment_json);
  g_autoptr(AttClosientPatch) patch = att_closient_patch_new (before);
  const char *const same_countries[] = { "CA", "US", NULL };
  const char *const new_countries[] = { "FR", NULL };
  const char *const none[] = { NULL };

  g_assert_true (att_closient_patch_is_empty (patch));
  assert_body (patch, "{}");

  att_closient_patch_set_string (patch, "certificate_number", "NOP-12345");
  att_closient_patch_set_date (patch, "valid_from", "2024-01-01");
  att_closient_patch_set_date (patch, "audit_date", NULL);
  att_closient_patch_set_verification_status (patch, ATT_CLOSIENT_VERIFIED);
  att_closient_patch_set_countries (patch, same_countries);
  att_closient_patch_set_metadata (patch, att_closient_assignment_get_metadata (before));
  g_assert_true (att_closient_patch_is_empty (patch));

  att_closient_patch_set_string (patch, "scope", "");
  assert_body (patch, "{\"scope\": \"\"}");
  att_closient_patch_set_date (patch, "expiration_date", NULL);
  assert_body (patch, "{\"scope\": \"\", \"expiration_date\": null}");
  att_closient_patch_set_verification_status (patch, ATT_CLOSIENT_VERIFICATION_EXPIRED);
  att_closient_patch_set_countries (patch, new_countries);
  assert_body (patch, "{\"scope\": \"\", \"expiration_date\": null, \"verification_status\": \"expired\","
                      " \"certificate_countries\": [\"FR\"]}");
  att_closient_patch_set_countries (patch, none);
  att_closient_patch_set_string (patch, "scope", "All organic dairy lines");
  assert_body (patch, "{\"expiration_date\": null, \"verification_status\": \"expired\","
                      " \"certificate_countries\": []}");

  /* The values after the edit. */
  g_assert_null (att_closient_patch_get_date (patch, "expiration_date"));
  g_assert_cmpstr (att_closient_patch_get_date (patch, "valid_from"), ==, "2024-01-01");
  g_assert_cmpstr (att_closient_patch_get_string (patch, "issuing_body"), ==, "Oregon Tilth");
  g_assert_cmpint (att_closient_patch_get_verification_status (patch), ==, ATT_CLOSIENT_VERIFICATION_EXPIRED);
  g_assert_null (att_closient_patch_get_countries (patch)[0]);
}

static void
test_patch_metadata (void)
{
  g_autoptr(AttClosientAssignment) before = read_assignment (assignment_json);
  g_autoptr(AttClosientPatch) patch = att_closient_patch_new (before);
  g_autoptr(GHashTable) after = att_closient_metadata_copy (att_closient_assignment_get_metadata (before));

  g_hash_table_insert (after, g_strdup ("line"), g_strdup ("cheese"));
  g_hash_table_remove (after, "batch");
  g_hash_table_insert (after, g_strdup ("new"), g_strdup ("ü"));
  att_closient_patch_set_metadata (patch, after);
  assert_body (patch, "{\"metadata\": {\"line\": \"cheese\", \"new\": \"ü\", \"batch\": \"\"}}");

  /* Removing every key one by one is not Clear All... */
  g_hash_table_remove_all (after);
  att_closient_patch_set_metadata (patch, after);
  assert_body (patch, "{\"metadata\": {\"batch\": \"\", \"line\": \"\"}}");

  /* ...which sends {} only when asked for, and a diff once keys are set
   * again. */
  att_closient_patch_clear_metadata (patch);
  assert_body (patch, "{\"metadata\": {}}");
  g_assert_true (att_closient_patch_get_metadata_cleared (patch));
  g_hash_table_insert (after, g_strdup ("only"), g_strdup ("one"));
  att_closient_patch_set_metadata (patch, after);
  assert_body (patch, "{\"metadata\": {\"only\": \"one\", \"batch\": \"\", \"line\": \"\"}}");
}

static char *
check_paths (AttClosientPatch *patch)
{
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();

  att_closient_patch_check (patch, errors);
  return att_test_field_error_paths (errors);
}

static void
test_patch_check (void)
{
  g_autoptr(AttClosientAssignment) before = read_assignment (assignment_json);
  g_autoptr(AttClosientPatch) patch = att_closient_patch_new (before);
  const char *const countries[] = { "FR", "fr", "UK", "DE", NULL };
  g_autofree char  *long_number = g_strnfill (101, 'x');
  g_autofree char  *long_body = g_strnfill (256, 'x');
  g_autoptr(GString) accented = g_string_new (NULL);
  g_autofree char *paths = NULL;

  /* 100 two-byte characters are 100 characters. */
  for (guint i = 0; i < 100; i++)
    g_string_append (accented, "é");
  att_closient_patch_set_string (patch, "certificate_number", accented->str);
  att_closient_patch_set_string (patch, "issuing_body", long_body);
  att_closient_patch_set_string (patch, "certification_value", "ok");
  att_closient_patch_set_date (patch, "audit_date", "2024-02-30");
  att_closient_patch_set_date (patch, "initial_certification_date", "2024-1-5");
  att_closient_patch_set_date (patch, "valid_from", "2027-01-01");
  att_closient_patch_set_countries (patch, countries);
  paths = check_paths (patch);
  g_assert_cmpstr (paths, ==, "audit_date certificate_countries expiration_date "
                              "initial_certification_date issuing_body");

  g_clear_pointer (&paths, g_free);
  att_closient_patch_set_string (patch, "certificate_number", long_number);
  att_closient_patch_set_date (patch, "valid_from", "2026-12-31");
  att_closient_patch_set_date (patch, "audit_date", NULL);
  att_closient_patch_set_date (patch, "initial_certification_date", NULL);
  att_closient_patch_set_string (patch, "issuing_body", "Oregon Tilth");
  paths = check_paths (patch);
  g_assert_cmpstr (paths, ==, "certificate_countries certificate_number");

  /* The window is checked whether the edit sets its dates or not, and a
   * verification page is a web address. */
  g_clear_pointer (&paths, g_free);
  g_clear_object (&patch);
  g_clear_object (&before);
  before = read_assignment ("{\"id\": \"CXc85b4rqinB7s5J52TRYb\", \"label\": \"GOTS\","
                            " \"valid_from\": \"2025-01-01\", \"expiration_date\": \"2024-12-31\"}");
  patch = att_closient_patch_new (before);
  att_closient_patch_set_string (patch, "verification_url", "registry.example/1");
  paths = check_paths (patch);
  g_assert_cmpstr (paths, ==, "expiration_date verification_url");
}

/* The metadata limits hold after the merge: the keys kept count. */
static void
test_patch_check_metadata (void)
{
  g_autoptr(AttClosientAssignment) before = read_assignment (assignment_json);
  g_autoptr(AttClosientPatch) patch = att_closient_patch_new (before);
  g_autoptr(GHashTable) after = att_closient_metadata_copy (att_closient_assignment_get_metadata (before));
  g_autofree char *long_key = g_strnfill (41, 'k');
  g_autofree char *long_value = g_strnfill (501, 'v');
  g_autofree char *paths = NULL;

  for (guint i = 0; i < 48; i++)
    g_hash_table_insert (after, g_strdup_printf ("k%02u", i), g_strdup ("v"));
  att_closient_patch_set_metadata (patch, after);
  paths = check_paths (patch);
  g_assert_cmpstr (paths, ==, "");

  g_clear_pointer (&paths, g_free);
  g_hash_table_insert (after, g_strdup ("one-more"), g_strdup ("v"));
  att_closient_patch_set_metadata (patch, after);
  paths = check_paths (patch);
  g_assert_cmpstr (paths, ==, "metadata");

  /* One removed, one added: 50 again. */
  g_clear_pointer (&paths, g_free);
  g_hash_table_remove (after, "batch");
  g_hash_table_insert (after, g_strdup (long_key), g_strdup ("v"));
  g_hash_table_remove (after, "k00");
  g_hash_table_insert (after, g_strdup ("k01"), g_strdup (long_value));
  att_closient_patch_set_metadata (patch, after);
  paths = check_paths (patch);
  g_assert_cmpstr (paths, ==, "metadata.k01 metadata.kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk");
}

static void
test_patch_state (void)
{
  g_autoptr(AttClosientAssignment) before = read_assignment (assignment_json);
  g_autoptr(AttClosientAssignment) changed_since = NULL;
  g_autoptr(AttClosientPatch) patch = att_closient_patch_new (before);
  g_autoptr(AttClosientPatch) restored = NULL;
  g_autoptr(AttClosientPatch) cleared = NULL;
  g_autoptr(GHashTable) after = att_closient_metadata_copy (att_closient_assignment_get_metadata (before));
  const char *const countries[] = { "DE", NULL };
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) text_state = NULL;
  g_autofree char *text = NULL;

  att_closient_patch_set_string (patch, "scope", "Yoghurt only");
  att_closient_patch_set_date (patch, "valid_from", NULL);
  att_closient_patch_set_verification_status (patch, ATT_CLOSIENT_UNVERIFIED);
  att_closient_patch_set_countries (patch, countries);
  g_hash_table_remove (after, "batch");
  g_hash_table_insert (after, g_strdup ("line"), g_strdup ("yoghurt"));
  att_closient_patch_set_metadata (patch, after);

  /* Through text, as a draft is kept. */
  state = att_closient_patch_save_state (patch);
  text = json_to_string (state, FALSE);
  text_state = att_test_parse_value (text);
  restored = att_closient_patch_new_from_state (before, text_state, &error);
  g_assert_no_error (error);
  body = att_closient_patch_to_json (patch);
  {
    g_autoptr(JsonNode) restored_body = att_closient_patch_to_json (restored);

    g_assert_true (json_node_equal (body, restored_body));
  }

  /* Against the assignment as it is now: a key added by someone else
   * meanwhile survives. */
  changed_since = read_assignment (
    "{\"id\": \"CXc85b4rqinB7s5J52TRYb\", \"label\": \"USDA Organic\","
    " \"metadata\": {\"batch\": \"A1\", \"line\": \"dairy\", \"theirs\": \"kept\"}}");
  g_clear_object (&restored);
  restored = att_closient_patch_new_from_state (changed_since, state, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (att_closient_patch_get_metadata (restored), "theirs"), ==, "kept");
  g_assert_null (g_hash_table_lookup (att_closient_patch_get_metadata (restored), "batch"));

  /* Clear All is kept as such. */
  cleared = att_closient_patch_new (before);
  att_closient_patch_clear_metadata (cleared);
  g_clear_pointer (&state, json_node_unref);
  state = att_closient_patch_save_state (cleared);
  g_clear_object (&restored);
  restored = att_closient_patch_new_from_state (changed_since, state, &error);
  g_assert_no_error (error);
  assert_body (restored, "{\"metadata\": {}}");
}

static void
test_patch_state_bad (void)
{
  g_autoptr(AttClosientAssignment) before = read_assignment (assignment_json);
  static const char *const bad[] = {
    "[]",
    "{}",
    "{\"version\": 2}",
    "{\"version\": 1, \"values\": {\"label\": \"x\"}}",
    "{\"version\": 1, \"values\": {\"expiry_date\": \"2020-01-01\"}}",
    "{\"version\": 1, \"values\": {\"scope\": 3}}",
    "{\"version\": 1, \"verification_status\": \"maybe\"}",
    "{\"version\": 1, \"certificate_countries\": \"FR\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = att_test_parse_value (bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(AttClosientPatch) patch = att_closient_patch_new_from_state (before, node, &error);

      g_assert_null (patch);
      g_assert_nonnull (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/closient-models/assignment/read", test_assignment_read);
  g_test_add_func ("/closient-models/assignment/round-trip", test_assignment_round_trip);
  g_test_add_func ("/closient-models/assignment/tolerant", test_assignment_tolerant);
  g_test_add_func ("/closient-models/catalogue", test_catalogue_models);
  g_test_add_func ("/closient-models/verification", test_verification_strings);
  g_test_add_func ("/closient-models/country-codes", test_country_codes);
  g_test_add_func ("/closient-models/patch/minimal", test_patch_minimal);
  g_test_add_func ("/closient-models/patch/metadata", test_patch_metadata);
  g_test_add_func ("/closient-models/patch/check", test_patch_check);
  g_test_add_func ("/closient-models/patch/check-metadata", test_patch_check_metadata);
  g_test_add_func ("/closient-models/patch/state", test_patch_state);
  g_test_add_func ("/closient-models/patch/state-bad", test_patch_state_bad);

  return g_test_run ();
}
