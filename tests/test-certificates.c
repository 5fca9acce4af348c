/* test-certificates.c: certificates read tolerantly, their status, and the
 * certification calls and the certificate list of AttHiggClient against
 * the sandbox over loopback HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "att-assertion-item.h"
#include "att-certificate-file.h"
#include "att-certificate-list.h"
#include "att-certificate-records.h"
#include "att-certificate-request.h"
#include "att-certificate.h"
#include "att-error.h"
#include "att-json.h"
#include "att-page.h"
#include "att-pm-product.h"
#include "att-sandbox.h"
#include "att-test-files.h"
#include "att-test-peer.h"
#include "att-test-utils.h"

/* The dates of the fixtures: 2023-03-01 and 2026-02-28, midnight UTC. */
#define FIXTURE_ISSUED  G_GINT64_CONSTANT (1677628800)
#define FIXTURE_EXPIRES G_GINT64_CONSTANT (1772236800)

/* --- Parsing (no server) ----------------------------------------------- */

static JsonObject *
load_fixture (const char *name)
{
  g_autofree char *filename = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (filename, &contents, &length, &error);
  g_assert_no_error (error);
  return att_test_parse_object (contents);
}

static AttCertificate *
load_certificate (const char *name)
{
  g_autoptr(JsonObject) object = load_fixture (name);
  g_autoptr(GError) error = NULL;
  AttCertificate *certificate = att_certificate_new_from_json (object, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (certificate);
  return certificate;
}

static void
assert_date (GDateTime *date,
             gint64     unix_seconds)
{
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_time_to_unix (date), ==, unix_seconds);
  g_assert_cmpint (g_date_time_get_utc_offset (date), ==, 0);
}

static void
test_parse_seconds_and_milliseconds (void)
{
  g_autoptr(AttCertificate) seconds = load_certificate ("certificate-seconds.json");
  g_autoptr(AttCertificate) milliseconds = load_certificate ("certificate-milliseconds.json");

  assert_date (att_certificate_get_date_issued (seconds), FIXTURE_ISSUED);
  assert_date (att_certificate_get_date_expires (seconds), FIXTURE_EXPIRES);
  assert_date (att_certificate_get_date_issued (milliseconds), FIXTURE_ISSUED);
  assert_date (att_certificate_get_date_expires (milliseconds), FIXTURE_EXPIRES);

  g_assert_cmpstr (att_certificate_get_id (seconds), ==, "64f1c0a2b3d4e5f601234567");
  g_assert_cmpstr (att_certificate_get_authority_name (seconds), ==, "Textile Exchange");
  g_assert_cmpstr (att_certificate_get_standard_id (seconds), ==, "std-grs");
  g_assert_cmpstr (att_certificate_get_assertion_id (seconds), ==, "CU-GRS-123456");
  g_assert_cmpstr (att_certificate_get_proof_body (seconds), ==, "Control Union Certifications");
  g_assert_cmpuint (att_certificate_get_n_products (seconds), ==, 2);
  g_assert_cmpstr (att_certificate_get_product_ids (seconds)[1], ==, "pm-2");
}

/* The rule at its edge: below 10^11 seconds, from there milliseconds. */
static void
test_parse_magnitude_rule (void)
{
  g_autoptr(GDateTime) last_seconds = att_json_date_time_from_number (99999999999.0);
  g_autoptr(GDateTime) first_ms = att_json_date_time_from_number (1e11);
  g_autoptr(GDateTime) fraction = att_json_date_time_from_number (1677628800123.0);
  g_autoptr(GDateTime) digits = att_json_date_time_from_string ("1677628800000");
  g_autoptr(GDateTime) nan = att_json_date_time_from_number (NAN);
  g_autoptr(GDateTime) huge = att_json_date_time_from_number (1e300);
  g_autoptr(GDateTime) garbage = att_json_date_time_from_string ("next spring");

  g_assert_cmpint (g_date_time_get_year (last_seconds), ==, 5138);
  g_assert_cmpint (g_date_time_get_year (first_ms), ==, 1973);
  g_assert_cmpint (g_date_time_get_month (first_ms), ==, 3);
  g_assert_cmpint (g_date_time_get_microsecond (fraction), ==, 123000);
  assert_date (digits, FIXTURE_ISSUED);
  g_assert_null (nan);
  g_assert_null (huge);
  g_assert_null (garbage);
}

static void
test_parse_iso_dates (void)
{
  g_autoptr(AttCertificate) certificate = load_certificate ("certificate-iso-dates.json");

  /* 01:00 at +01:00 is midnight UTC; a plain date is its midnight, UTC. */
  assert_date (att_certificate_get_date_issued (certificate), FIXTURE_ISSUED);
  assert_date (att_certificate_get_date_expires (certificate), FIXTURE_EXPIRES);
}

static void
test_parse_file_urls (void)
{
  g_autoptr(AttCertificate) certificate = load_certificate ("certificate-file-urls.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) from_data_url = NULL;
  g_autoptr(GBytes) from_base64 = NULL;
  g_autoptr(GBytes) from_link = NULL;

  g_assert_cmpuint (att_certificate_get_n_files (certificate), ==, 4);
  g_assert_true (att_certificate_file_is_url (certificate, 0));
  g_assert_true (att_certificate_file_is_url (certificate, 1));
  g_assert_false (att_certificate_file_is_url (certificate, 2));
  g_assert_false (att_certificate_file_is_url (certificate, 3));
  g_assert_cmpstr (att_certificate_get_file (certificate, 0), ==,
                   "https://files.example.com/certificates/CU-GRS-123456-page1.png");

  from_link = att_certificate_decode_file (certificate, 0, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_null (from_link);
  g_clear_error (&error);

  from_data_url = att_certificate_decode_file (certificate, 2, &error);
  g_assert_no_error (error);
  from_base64 = att_certificate_decode_file (certificate, 3, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (from_data_url, from_base64));
  g_assert_cmpint (att_file_type_sniff (g_bytes_get_data (from_base64, NULL),
                                        g_bytes_get_size (from_base64)),
                   ==, ATT_FILE_TYPE_PNG);
}

static void
test_parse_sparse (void)
{
  g_autoptr(AttCertificate) certificate = load_certificate ("certificate-sparse.json");
  g_autoptr(JsonNode) node = att_certificate_to_json (certificate);
  JsonObject *written = json_node_get_object (node);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_null (att_certificate_get_certificate_name (certificate));
  g_assert_null (att_certificate_get_standard_name (certificate));
  g_assert_null (att_certificate_get_date_expires (certificate));
  g_assert_null (att_certificate_get_date_issued (certificate)); /* an object: unknown */
  g_assert_cmpuint (att_certificate_get_n_files (certificate), ==, 0);
  g_assert_cmpuint (att_certificate_get_n_products (certificate), ==, 0);
  g_assert_cmpint (att_certificate_get_status (certificate, now, 60), ==,
                   ATT_CERTIFICATE_STATUS_UNKNOWN);

  /* Unknown members are kept, in the parsed object and when written back. */
  g_assert_true (json_object_has_member (att_certificate_get_json (certificate), "scopeCertificate"));
  g_assert_cmpint (json_object_get_int_member (written, "claimLevel"), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (
                     json_object_get_array_member (json_object_get_object_member (written, "scopeCertificate"),
                                                   "facilities"),
                     1),
                   ==, "Mill B");
}

static void
test_parse_wrong_type (void)
{
  g_autoptr(JsonObject) page = load_fixture ("pm-search-wrong-type.json");
  JsonArray *hits = json_object_get_array_member (page, "hits");
  g_autoptr(AttPmProduct) first = NULL;
  g_autoptr(AttPmProduct) second = NULL;
  g_autoptr(AttCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;

  first = att_pm_product_new_from_json (json_array_get_object_element (hits, 0), "hits[0]", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_pm_product_get_model_number (first), ==, "ATT-1001-AP");
  g_assert_cmpstr (att_pm_product_get_barcodes (first)[0], ==, "00012345678905");
  g_assert_cmpuint (g_list_model_get_n_items (att_pm_product_get_certificates (first)), ==, 1);
  certificate = g_list_model_get_item (att_pm_product_get_certificates (first), 0);
  g_assert_cmpstr (att_certificate_get_product_ids (certificate)[0], ==, "pm-1");
  g_assert_true (json_object_has_member (att_pm_product_get_json (first), "scores"));

  second = att_pm_product_new_from_json (json_array_get_object_element (hits, 1), "hits[1]", &error);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (error->message, ==, "hits[1].certifications[1].dateExpires: expected a date");
  g_assert_null (second);
}

/* The list entries' field names are not documented: `id` and `title` are
 * read where `_id` and `name` are missing. */
static void
test_parse_assertion_items (void)
{
  g_autoptr(JsonObject) documented = att_test_parse_object (
    "{\"_id\": \"s1\", \"name\": \"Global Recycled Standard (GRS)\", "
    "\"assertionAuthorityId\": \"a1\", \"assertionAuthorityName\": \"Textile Exchange\", \"level\": 2}");
  g_autoptr(JsonObject) other = att_test_parse_object ("{\"id\": \"a2\", \"title\": \"Lenzing\"}");
  g_autoptr(JsonObject) bare = att_test_parse_object ("{\"id\": \"a3\"}");
  g_autoptr(JsonObject) nameless = att_test_parse_object ("{\"name\": \"No id\"}");
  g_autoptr(AttAssertionItem) standard = NULL;
  g_autoptr(AttAssertionItem) authority = NULL;
  g_autoptr(AttAssertionItem) unnamed = NULL;
  g_autoptr(AttAssertionItem) none = NULL;
  g_autoptr(GError) error = NULL;

  standard = att_assertion_item_new_from_json (documented, "[0]", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_assertion_item_get_id (standard), ==, "s1");
  g_assert_cmpstr (att_assertion_item_get_authority_id (standard), ==, "a1");
  g_assert_cmpstr (att_assertion_item_get_authority_name (standard), ==, "Textile Exchange");
  g_assert_true (json_object_has_member (att_assertion_item_get_json (standard), "level"));

  authority = att_assertion_item_new_from_json (other, "[1]", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_assertion_item_get_id (authority), ==, "a2");
  g_assert_cmpstr (att_assertion_item_get_name (authority), ==, "Lenzing");
  g_assert_null (att_assertion_item_get_authority_id (authority));

  unnamed = att_assertion_item_new_from_json (bare, "[2]", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_assertion_item_get_name (unnamed), ==, "a3");

  none = att_assertion_item_new_from_json (nameless, "[3]", &error);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (error->message, ==, "[3]._id: required field is missing");
  g_assert_null (none);
}

/* A certificate that expires @offset after @now. */
static AttCertificate *
certificate_expiring (GDateTime *now,
                      GTimeSpan  offset)
{
  g_autoptr(GDateTime) expires = g_date_time_add (now, offset);
  g_autofree char *json = g_strdup_printf ("{\"_id\": \"c\", \"dateExpires\": %" G_GINT64_FORMAT "}",
                                           att_json_date_time_to_unix_ms (expires));
  g_autoptr(JsonObject) object = att_test_parse_object (json);
  g_autoptr(GError) error = NULL;
  AttCertificate *certificate = att_certificate_new_from_json (object, NULL, &error);

  g_assert_no_error (error);
  return certificate;
}

static AttCertificateStatus
status_at (GDateTime *now,
           GTimeSpan  offset,
           guint      lead_days)
{
  g_autoptr(AttCertificate) certificate = certificate_expiring (now, offset);

  return att_certificate_get_status (certificate, now, lead_days);
}

static void
test_status_edges (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 6, 15, 12, 0, 0);

  g_assert_cmpint (status_at (now, -G_TIME_SPAN_DAY, 60), ==, ATT_CERTIFICATE_STATUS_EXPIRED);
  g_assert_cmpint (status_at (now, 0, 60), ==, ATT_CERTIFICATE_STATUS_EXPIRED);
  g_assert_cmpint (status_at (now, G_TIME_SPAN_SECOND, 60), ==, ATT_CERTIFICATE_STATUS_EXPIRING);
  g_assert_cmpint (status_at (now, 60 * G_TIME_SPAN_DAY, 60), ==, ATT_CERTIFICATE_STATUS_EXPIRING);
  g_assert_cmpint (status_at (now, 60 * G_TIME_SPAN_DAY + G_TIME_SPAN_SECOND, 60), ==,
                   ATT_CERTIFICATE_STATUS_VALID);
  g_assert_cmpint (status_at (now, 10 * G_TIME_SPAN_DAY, 0), ==, ATT_CERTIFICATE_STATUS_VALID);
  g_assert_cmpint (status_at (now, 10 * G_TIME_SPAN_DAY, 30), ==, ATT_CERTIFICATE_STATUS_EXPIRING);

  for (AttCertificateStatus a = ATT_CERTIFICATE_STATUS_UNKNOWN; a <= ATT_CERTIFICATE_STATUS_EXPIRED; a++)
    for (AttCertificateStatus b = a + 1; b <= ATT_CERTIFICATE_STATUS_EXPIRED; b++)
      g_assert_cmpstr (att_certificate_status_get_label (a), !=, att_certificate_status_get_label (b));
}

static void
test_sort_by_expiry (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 6, 15, 12, 0, 0);
  g_autoptr(GListStore) store = g_list_store_new (ATT_TYPE_CERTIFICATE);
  g_autoptr(AttCertificate) late = certificate_expiring (now, 90 * G_TIME_SPAN_DAY);
  g_autoptr(AttCertificate) past = certificate_expiring (now, -G_TIME_SPAN_DAY);
  g_autoptr(AttCertificate) none = load_certificate ("certificate-sparse.json");
  g_autoptr(AttCertificate) soon = certificate_expiring (now, G_TIME_SPAN_DAY);
  AttCertificate *expected[] = { past, soon, late, none };

  g_list_store_append (store, late);
  g_list_store_append (store, none);
  g_list_store_append (store, soon);
  g_list_store_append (store, past);
  g_list_store_sort (store, att_certificate_compare_expiry, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AttCertificate) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_assert_true (item == expected[i]);
    }
}

static void
test_request_json (void)
{
  g_autoptr(AttCertificateRequest) request = att_certificate_request_new ();
  g_autoptr(GDateTime) expires = g_date_time_new_from_unix_utc (FIXTURE_EXPIRES);
  g_autoptr(JsonObject) object = NULL;
  const char *add[] = { "pm-1", "pm-2", "pm-1", NULL };
  const char *remove[] = { "pm-3", NULL };
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  g_assert_true (att_certificate_request_is_empty (request));
  att_certificate_request_set_certificate_name (request, "GRS \"scope\" certificate");
  att_certificate_request_set_date_expires (request, expires);
  att_certificate_request_add_products (request, add);
  att_certificate_request_remove_products (request, remove);
  g_assert_false (att_certificate_request_is_empty (request));

  object = att_certificate_request_to_json (request);
  node = json_node_init_object (json_node_alloc (), object);
  text = json_to_string (node, FALSE);
  g_assert_cmpstr (text, ==,
                   "{\"certificateName\":\"GRS \\\"scope\\\" certificate\","
                   "\"dateExpires\":1772236800000,"
                   "\"addNewProducts\":[\"pm-1\",\"pm-2\"],"
                   "\"removeProducts\":[\"pm-3\"]}");
}

/* --- Long strings skipped as an answer is read --------------------------- */

static void
long_strings_handler (SoupServer        *server,
                      SoupServerMessage *message,
                      const char        *path,
                      GHashTable        *query,
                      gpointer           user_data)
{
  GString *body = g_string_new ("{\"files\": [\"");

  /* Escaped quotes and backslashes, in and around a string long enough
   * to be skipped, which arrives over many reads. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (body, i % 1000 == 0 ? "\\\"\\\\" : "QUJD");
  g_string_append (body, "\", \"short \\\"quoted\\\" \\\\\"], \"after\": 42}");
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, body->str, body->len);
  g_string_free (body, TRUE);
}

static GObject *
keep_answer (JsonNode *root,
             gpointer  user_data,
             GError  **error)
{
  GObject *carrier = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data_full (carrier, "answer", json_to_string (root, FALSE), g_free);
  return carrier;
}

static char *
read_long_strings (AttHttp         *http,
                   const char      *url,
                   AttHttpSendFlags flags)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GObject) carrier = NULL;
  g_autoptr(GError) error = NULL;

  att_http_send_bytes_read_async (http, SOUP_METHOD_GET, url, NULL, NULL, flags, keep_answer, NULL,
                                  NULL, NULL, NULL, att_test_store_result, &result);
  carrier = att_http_send_bytes_read_finish (http, att_test_await_result (&result), NULL, &error);
  g_assert_no_error (error);
  return g_strdup (g_object_get_data (carrier, "answer"));
}

static void
test_skip_long_strings (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(AttHttp) http = att_http_new ();
  g_autoptr(GError) error = NULL;
  g_autoslist (GUri) uris = NULL;
  g_autofree char *url = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *whole = NULL;

  soup_server_add_handler (server, NULL, long_strings_handler, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);

  skipped = read_long_strings (http, url, ATT_HTTP_SEND_SKIP_LONG_STRINGS);
  g_assert_cmpstr (skipped, ==, "{\"files\":[\"\",\"short \\\"quoted\\\" \\\\\"],\"after\":42}");

  /* Unasked, the string is read whole. */
  whole = read_long_strings (http, url, ATT_HTTP_SEND_NONE);
  g_assert_cmpuint (strlen (whole), >, 400000);
  g_assert_nonnull (strstr (whole, "\"after\":42"));
}

/* --- Against the sandbox ----------------------------------------------- */

typedef struct
{
  char          *dir;
  char          *db_path;
  AttSandbox    *sandbox;
  AttHttp       *http;
  AttHiggClient *client;
} Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("attest-certificates-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "sandbox.db", NULL);
  fixture->sandbox = att_test_sandbox_new (fixture->db_path, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (fixture->sandbox, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (fixture->sandbox, &fixture->http, &fixture->client, NULL);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  att_test_sandbox_disconnect (&fixture->sandbox, &fixture->http, &fixture->client);
  att_test_remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

/* What the sandbox stores, whether or not a product shows it. */
static int
count_stored_certificates (Fixture *fixture)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *statement = NULL;
  int           count;

  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT COUNT(*) FROM certificates", -1, &statement, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  count = sqlite3_column_int (statement, 0);
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return count;
}

static GListModel *
list_standards (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *standards;

  att_higg_client_list_assertion_standards_async (fixture->client, NULL, att_test_store_result, &result);
  standards = att_higg_client_list_assertion_standards_finish (fixture->client,
                                                               att_test_await_result (&result), &error);
  g_assert_no_error (error);
  return standards;
}

static GListModel *
list_authorities (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *authorities;

  att_higg_client_list_assertion_authorities_async (fixture->client, NULL, att_test_store_result, &result);
  authorities = att_higg_client_list_assertion_authorities_finish (fixture->client,
                                                                   att_test_await_result (&result), &error);
  g_assert_no_error (error);
  return authorities;
}

static AttPage *
search_pm (Fixture                 *fixture,
           const AttPmSearchFilter *filter,
           guint                    from,
           guint                    size)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AttPage *page;

  att_higg_client_search_pm_products_async (fixture->client, filter, from, size, NULL,
                                            att_test_store_result, &result);
  page = att_higg_client_search_pm_products_finish (fixture->client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  return page;
}

/* The ids of the first @n PM products, in the order of search. */
static GStrv
first_product_ids (Fixture *fixture,
                   guint    n)
{
  g_autoptr(AttPage) page = search_pm (fixture, NULL, 0, n);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *items = att_page_get_items (page);

  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (items, i);

      g_strv_builder_add (builder, att_pm_product_get_id (product));
    }
  return g_strv_builder_end (builder);
}

/* The products @certificate_id covers, read back through PM search. */
static AttPage *
products_of (Fixture    *fixture,
             const char *certificate_id)
{
  const char       *ids[] = { certificate_id, NULL };
  AttPmSearchFilter filter = { .certifications = ids };

  return search_pm (fixture, &filter, 0, ATT_PM_SEARCH_MAX_PAGE_SIZE);
}

/* @certificate_id as a product of @page carries it. */
static AttCertificate *
find_on_product (AttPage    *page,
                 guint       position,
                 const char *certificate_id)
{
  g_autoptr(AttPmProduct) product = g_list_model_get_item (att_page_get_items (page), position);
  GListModel *certificates = att_pm_product_get_certificates (product);

  for (guint i = 0; i < g_list_model_get_n_items (certificates); i++)
    {
      g_autoptr(AttCertificate) certificate = g_list_model_get_item (certificates, i);

      if (g_strcmp0 (att_certificate_get_id (certificate), certificate_id) == 0)
        return g_steal_pointer (&certificate);
    }
  g_assert_not_reached ();
}

static AttAssertionItem *
find_standard (Fixture    *fixture,
               const char *abbreviation)
{
  g_autoptr(GListModel) standards = list_standards (fixture);
  g_autofree char *needle = g_strdup_printf ("(%s)", abbreviation);

  for (guint i = 0; i < g_list_model_get_n_items (standards); i++)
    {
      g_autoptr(AttAssertionItem) standard = g_list_model_get_item (standards, i);

      if (strstr (att_assertion_item_get_name (standard), needle) != NULL)
        return g_steal_pointer (&standard);
    }
  g_assert_not_reached ();
}

static AttCertificateFile *
file_for_bytes (GBytes     *bytes,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  AttCertificateFile *file = att_certificate_file_new_for_bytes (bytes, name, &error);

  g_assert_no_error (error);
  return file;
}

/* A PNG of @size bytes that passes every check by content: its signature,
 * random bytes, and its end chunk. */
static GBytes *
big_png_new (gsize size)
{
  static const guint8 head[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 tail[] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82 };
  guint8             *data = g_malloc (size);

  for (gsize i = 0; i < size; i += 4)
    {
      guint32 value = g_random_int ();

      memcpy (data + i, &value, MIN (4, size - i));
    }
  memcpy (data, head, sizeof head);
  memcpy (data + size - sizeof tail, tail, sizeof tail);
  return g_bytes_new_take (data, size);
}

/* A complete create request for @standard, with @files (NULL for two
 * small PNGs), attached to @product_ids. */
static AttCertificateRequest *
request_new (AttAssertionItem  *standard,
             const char        *assertion_id,
             GPtrArray         *files,
             const char *const *product_ids)
{
  g_autoptr(AttCertificateRequest) request = att_certificate_request_new ();
  g_autoptr(GDateTime) issued = g_date_time_new_utc (2025, 1, 10, 0, 0, 0);
  g_autoptr(GDateTime) expires = g_date_time_new_utc (2027, 1, 9, 0, 0, 0);
  g_autoptr(GPtrArray) pngs = g_ptr_array_new_with_free_func (g_object_unref);

  if (files == NULL)
    {
      g_autoptr(GBytes) first = att_test_png_new (40, 30);
      g_autoptr(GBytes) second = att_test_png_new (30, 40);

      g_ptr_array_add (pngs, file_for_bytes (first, "page-1.png"));
      g_ptr_array_add (pngs, file_for_bytes (second, "page-2.png"));
      files = pngs;
    }

  att_certificate_request_set_authority_id (request, att_assertion_item_get_authority_id (standard));
  att_certificate_request_set_standard_id (request, att_assertion_item_get_id (standard));
  att_certificate_request_set_assertion_id (request, assertion_id);
  att_certificate_request_set_certificate_name (request, "Scope certificate");
  att_certificate_request_set_proof_body (request, "Control Union Certifications");
  att_certificate_request_set_date_issued (request, issued);
  att_certificate_request_set_date_expires (request, expires);
  att_certificate_request_set_files (request, files);
  att_certificate_request_set_product_ids (request, product_ids);
  return g_steal_pointer (&request);
}

static AttCertificate *
create (Fixture               *fixture,
        AttCertificateRequest *request,
        GCancellable          *cancellable,
        GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_higg_client_create_certificate_async (fixture->client, request, NULL, NULL, NULL,
                                            cancellable, att_test_store_result, &result);
  return att_higg_client_create_certificate_finish (fixture->client, att_test_await_result (&result),
                                                    error);
}

static AttCertificate *
update (Fixture               *fixture,
        const char            *id,
        AttCertificateRequest *request,
        GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_higg_client_update_certificate_async (fixture->client, id, request, NULL, NULL, NULL,
                                            NULL, att_test_store_result, &result);
  return att_higg_client_update_certificate_finish (fixture->client, att_test_await_result (&result),
                                                    error);
}

/* A GRS certificate numbered @assertion_id on the first @n_products
 * products, created. */
static AttCertificate *
create_grs (Fixture    *fixture,
            const char *assertion_id,
            guint       n_products)
{
  g_autoptr(AttAssertionItem) grs = find_standard (fixture, "GRS");
  g_auto(GStrv) product_ids = first_product_ids (fixture, n_products);
  g_autoptr(AttCertificateRequest) request = request_new (grs, assertion_id, NULL,
                                                           (const char *const *) product_ids);
  g_autoptr(GError) error = NULL;
  AttCertificate *certificate = create (fixture, request, NULL, &error);

  g_assert_no_error (error);
  return certificate;
}

static void
test_lists (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autoptr(GListModel) authorities = list_authorities (fixture);
  g_autoptr(GListModel) standards = list_standards (fixture);
  g_autoptr(GHashTable) authority_ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (g_list_model_get_n_items (authorities), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (standards), ==, 15);

  for (guint i = 0; i < g_list_model_get_n_items (authorities); i++)
    {
      g_autoptr(AttAssertionItem) authority = g_list_model_get_item (authorities, i);

      g_assert_null (att_assertion_item_get_authority_id (authority));
      g_hash_table_add (authority_ids, (gpointer) att_assertion_item_get_id (authority));
    }

  /* Every standard names an authority of the list. */
  for (guint i = 0; i < g_list_model_get_n_items (standards); i++)
    {
      g_autoptr(AttAssertionItem) standard = g_list_model_get_item (standards, i);

      g_assert_true (g_hash_table_contains (authority_ids, att_assertion_item_get_authority_id (standard)));
      g_assert_nonnull (att_assertion_item_get_authority_name (standard));
    }
}

static void
test_create_read_back (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr(AttAssertionItem) grs = find_standard (fixture, "GRS");
  g_auto(GStrv) product_ids = first_product_ids (fixture, 2);
  g_autoptr(GBytes) first = att_test_png_new (40, 30);
  g_autoptr(GBytes) second = att_test_png_new (300, 400);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AttCertificateRequest) request = NULL;
  g_autoptr(AttCertificate) created = NULL;
  g_autoptr(AttCertificate) read = NULL;
  g_autoptr(AttPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) decoded = NULL;
  int before = count_stored_certificates (fixture);

  g_ptr_array_add (files, file_for_bytes (first, "page-1.png"));
  g_ptr_array_add (files, file_for_bytes (second, "page-2.png"));
  request = request_new (grs, "CU-GRS-900001", files, (const char *const *) product_ids);
  created = create (fixture, request, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (count_stored_certificates (fixture), ==, before + 1);
  g_assert_nonnull (att_certificate_get_id (created));
  g_assert_cmpstr (att_certificate_get_standard_id (created), ==, att_assertion_item_get_id (grs));
  g_assert_cmpstr (att_certificate_get_standard_name (created), ==, att_assertion_item_get_name (grs));
  g_assert_cmpuint (att_certificate_get_n_products (created), ==, 2);
  g_assert_cmpuint (att_certificate_get_n_files (created), ==, 2);

  /* Read back through PM search: both products carry it, files and all. */
  page = products_of (fixture, att_certificate_get_id (created));
  g_assert_cmpuint (att_page_get_total (page), ==, 2);
  read = find_on_product (page, 1, att_certificate_get_id (created));
  g_assert_cmpstr (att_certificate_get_assertion_id (read), ==, "CU-GRS-900001");
  g_assert_cmpstr (att_certificate_get_proof_body (read), ==, "Control Union Certifications");
  g_assert_true (g_date_time_equal (att_certificate_get_date_expires (read),
                                    att_certificate_request_get_date_expires (request)));
  g_assert_true (g_date_time_equal (att_certificate_get_date_issued (read),
                                    att_certificate_request_get_date_issued (request)));
  g_assert_cmpuint (att_certificate_get_n_files (read), ==, 2);
  decoded = att_certificate_decode_file (read, 1, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (decoded, second));
}

static void
test_update_dates (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr(AttCertificate) created = create_grs (fixture, "CU-GRS-900002", 1);
  g_autoptr(AttCertificateRequest) request = att_certificate_request_new ();
  g_autoptr(GDateTime) issued = g_date_time_new_utc (2025, 2, 1, 0, 0, 0);
  g_autoptr(GDateTime) expires = g_date_time_new_utc (2028, 1, 31, 0, 0, 0);
  g_autoptr(AttCertificate) updated = NULL;
  g_autoptr(AttCertificate) read = NULL;
  g_autoptr(AttPage) page = NULL;
  g_autoptr(GError) error = NULL;

  att_certificate_request_set_date_issued (request, issued);
  att_certificate_request_set_date_expires (request, expires);
  updated = update (fixture, att_certificate_get_id (created), request, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (att_certificate_get_date_expires (updated), expires));

  /* What was not sent stays: the name, the files. */
  page = products_of (fixture, att_certificate_get_id (created));
  read = find_on_product (page, 0, att_certificate_get_id (created));
  g_assert_true (g_date_time_equal (att_certificate_get_date_issued (read), issued));
  g_assert_true (g_date_time_equal (att_certificate_get_date_expires (read), expires));
  g_assert_cmpstr (att_certificate_get_certificate_name (read), ==, "Scope certificate");
  g_assert_cmpuint (att_certificate_get_n_files (read), ==, 2);
}

static void
test_attach_detach (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr(AttCertificate) created = create_grs (fixture, "CU-GRS-900003", 1);
  g_auto(GStrv) ids = first_product_ids (fixture, 4);
  const char       *add[] = { ids[1], ids[2], ids[3], NULL };
  const char       *remove[] = { ids[0], ids[2], NULL };
  const char       *first[] = { ids[0], NULL };
  AttPmSearchFilter by_id = { .ids = first };
  g_autoptr(AttCertificateRequest) attach = att_certificate_request_new ();
  g_autoptr(AttCertificateRequest) detach = att_certificate_request_new ();
  g_autoptr(AttCertificate) attached = NULL;
  g_autoptr(AttCertificate) detached = NULL;
  g_autoptr(AttPage) page = NULL;
  g_autoptr(AttPage) product = NULL;
  g_autoptr(GError) error = NULL;
  int stored;

  att_certificate_request_add_products (attach, add);
  attached = update (fixture, att_certificate_get_id (created), attach, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (att_certificate_get_n_products (attached), ==, 4);
  page = products_of (fixture, att_certificate_get_id (created));
  g_assert_cmpuint (att_page_get_total (page), ==, 4);
  g_clear_object (&page);

  stored = count_stored_certificates (fixture);
  att_certificate_request_remove_products (detach, remove);
  detached = update (fixture, att_certificate_get_id (created), detach, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (att_certificate_get_n_products (detached), ==, 2);
  g_assert_false (g_strv_contains (att_certificate_get_product_ids (detached), ids[0]));
  page = products_of (fixture, att_certificate_get_id (created));
  g_assert_cmpuint (att_page_get_total (page), ==, 2);

  /* Neither the certificate nor the product is gone: only the link. */
  g_assert_cmpint (count_stored_certificates (fixture), ==, stored);
  product = search_pm (fixture, &by_id, 0, 10);
  g_assert_cmpuint (att_page_get_total (product), ==, 1);
}

static const AttFieldError *
the_field_error (const GError *error)
{
  GPtrArray *field_errors = att_api_error_get_field_errors (error);

  g_assert_nonnull (field_errors);
  g_assert_cmpuint (field_errors->len, ==, 1);
  return g_ptr_array_index (field_errors, 0);
}

static void
test_immutable_refused (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr(AttCertificate) created = create_grs (fixture, "CU-GRS-900004", 1);
  g_autoptr(AttCertificateRequest) renumber = att_certificate_request_new ();
  g_autoptr(AttCertificateRequest) same = att_certificate_request_new ();
  g_autoptr(AttCertificate) refused = NULL;
  g_autoptr(AttCertificate) accepted = NULL;
  g_autoptr(GError) error = NULL;

  att_certificate_request_set_assertion_id (renumber, "CU-GRS-999999");
  att_certificate_request_set_proof_body (renumber, "Another body");
  refused = update (fixture, att_certificate_get_id (created), renumber, &error);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  g_assert_null (refused);
  g_assert_cmpuint (att_api_error_get_http_status (error), ==, 400);
  g_assert_cmpstr (the_field_error (error)->path, ==, "assertionId");
  g_clear_error (&error);

  /* The same number is no change, and the rest goes through. */
  att_certificate_request_set_assertion_id (same, "CU-GRS-900004");
  att_certificate_request_set_proof_body (same, "Another body");
  accepted = update (fixture, att_certificate_get_id (created), same, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_certificate_get_proof_body (accepted), ==, "Another body");
  g_assert_cmpstr (att_certificate_get_assertion_id (accepted), ==, "CU-GRS-900004");
}

/* The client always sends valid base64, so a raw body tells whether the
 * sandbox would refuse what it should. */
static void
test_bad_base64_refused (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_autoptr(AttAssertionItem) grs = find_standard (fixture, "GRS");
  g_autoptr(AttCertificateRequest) request = request_new (grs, "CU-GRS-900005", NULL, NULL);
  g_autoptr(JsonObject) body = att_certificate_request_to_json (request);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(SoupMessageHeaders) headers = att_test_auth_headers_new (fixture->sandbox);
  g_autofree char *url = g_strconcat (att_sandbox_get_base_url (fixture->sandbox),
                                      "/certification-api/create", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *files = json_array_new ();
  int        before = count_stored_certificates (fixture);

  json_array_add_string_element (files, "iVBORw0KGgoAAAANSUhEUg==");
  json_array_add_string_element (files, "iVBORw0KGgo*AAANSUhEUg==");
  json_object_set_array_member (body, "certificationFiles", files);
  node = json_node_init_object (json_node_alloc (), body);

  att_http_send_json_async (fixture->http, SOUP_METHOD_POST, url, node, headers, FALSE, NULL,
                            att_test_store_result, &result);
  answer = att_http_send_json_finish (fixture->http, att_test_await_result (&result), &error);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  g_assert_null (answer);
  g_assert_cmpstr (the_field_error (error)->path, ==, "certificationFiles[1]");
  g_assert_cmpint (count_stored_certificates (fixture), ==, before);
}

static void
test_too_many_files (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr(AttAssertionItem) grs = find_standard (fixture, "GRS");
  g_autoptr(GBytes) png = att_test_png_new (10, 10);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AttCertificateRequest) request = NULL;
  g_autoptr(AttCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  int before = count_stored_certificates (fixture);

  for (guint i = 0; i < ATT_CERTIFICATE_MAX_FILES + 1; i++)
    g_ptr_array_add (files, file_for_bytes (png, "page.png"));
  request = request_new (grs, "CU-GRS-900006", files, NULL);

  certificate = create (fixture, request, NULL, &error);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  g_assert_null (certificate);
  g_assert_cmpuint (att_api_error_get_http_status (error), ==, 0);
  g_assert_cmpstr (the_field_error (error)->path, ==, "certificationFiles");
  g_assert_cmpint (count_stored_certificates (fixture), ==, before);
}

/* A file of @size bytes on disk that passes the checks by content, sparse:
 * it takes no room. */
static AttCertificateFile *
sparse_png_new (const char *dir,
                const char *name,
                goffset     size)
{
  static const guint8 head[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 tail[] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82 };
  g_autofree char    *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, head, sizeof head), ==, sizeof head);
  g_assert_cmpint (lseek (fd, size - (goffset) sizeof tail, SEEK_SET), ==, size - (goffset) sizeof tail);
  g_assert_cmpint (write (fd, tail, sizeof tail), ==, sizeof tail);
  close (fd);

  att_certificate_file_load_async (file, NULL, att_test_store_result, &result);
  loaded = att_certificate_file_load_finish (att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  return g_object_ref (g_ptr_array_index (loaded, 0));
}

static void
test_request_too_large (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr(AttAssertionItem) grs = find_standard (fixture, "GRS");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AttCertificateRequest) request = NULL;
  g_autoptr(AttCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;

  /* Four files of 50 MiB: under the limit each, 267 MiB once encoded. */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("scan-%u.png", i);

      g_ptr_array_add (files, sparse_png_new (fixture->dir, name, 50 * 1024 * 1024));
    }
  request = request_new (grs, "CU-GRS-900007", files, NULL);

  certificate = create (fixture, request, NULL, &error);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  g_assert_null (certificate);
  g_assert_cmpstr (the_field_error (error)->path, ==, "certificationFiles");
}

typedef struct
{
  GThread      *main_thread;
  GCancellable *cancel_on_encoding; /* cancelled at the first report */
  guint         n_encoding;
  guint         n_sending;
  guint64       last_encoded;
  guint64       encoding_total;
  guint64       last_sent;
  guint64       sending_total;
  gboolean      finished; /* the call's callback ran */
  gboolean      late;     /* a report came after it */
  gboolean      freed;
} Progress;

static void
on_progress (AttUploadPhase phase,
             guint64        done,
             guint64        total,
             gpointer       user_data)
{
  Progress *progress = user_data;

  g_assert_true (g_thread_self () == progress->main_thread);
  progress->late |= progress->finished;
  if (phase == ATT_UPLOAD_PHASE_ENCODING)
    {
      g_assert_cmpuint (done, >=, progress->last_encoded);
      g_assert_cmpuint (progress->n_sending, ==, 0);
      progress->n_encoding++;
      progress->last_encoded = done;
      progress->encoding_total = total;
      if (progress->cancel_on_encoding != NULL)
        g_cancellable_cancel (progress->cancel_on_encoding);
    }
  else
    {
      progress->n_sending++;
      progress->last_sent = done;
      progress->sending_total = total;
    }
}

static void
on_progress_freed (gpointer user_data)
{
  Progress *progress = user_data;

  progress->freed = TRUE;
}

static AttCertificate *
create_with_progress (Fixture               *fixture,
                      AttCertificateRequest *request,
                      Progress              *progress,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  AttCertificate *certificate;

  progress->main_thread = g_thread_self ();
  att_higg_client_create_certificate_async (fixture->client, request, on_progress, progress,
                                            on_progress_freed, cancellable,
                                            att_test_store_result, &result);
  certificate = att_higg_client_create_certificate_finish (fixture->client,
                                                           att_test_await_result (&result), error);
  progress->finished = TRUE;
  return certificate;
}

static GPtrArray *
one_big_file (gsize size)
{
  g_autoptr(GBytes) png = big_png_new (size);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (files, file_for_bytes (png, "scan.png"));
  return files;
}

static void
test_progress (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr(AttAssertionItem) grs = find_standard (fixture, "GRS");
  g_autoptr(GPtrArray) files = one_big_file (3 * 1024 * 1024);
  g_autoptr(AttCertificateRequest) request = request_new (grs, "CU-GRS-900008", files, NULL);
  g_autoptr(AttCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };

  certificate = create_with_progress (fixture, request, &progress, NULL, &error);
  g_assert_no_error (error);

  /* The answer's copy of a large file is not kept: the caller has it. */
  g_assert_cmpuint (att_certificate_get_n_files (certificate), ==, 1);
  g_assert_cmpstr (att_certificate_get_file (certificate, 0), ==, "");
  g_assert_null (att_certificate_decode_file (certificate, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (progress.n_encoding, >, 0);
  g_assert_cmpuint (progress.last_encoded, ==, 3 * 1024 * 1024);
  g_assert_cmpuint (progress.encoding_total, ==, 3 * 1024 * 1024);
  g_assert_cmpuint (progress.n_sending, >, 0);
  g_assert_cmpuint (progress.last_sent, ==, progress.sending_total);
  g_assert_cmpuint (progress.sending_total, >, 4 * 1024 * 1024);

  /* Nothing comes after the callback, and the data is let go. */
  att_test_run_for (50);
  g_assert_false (progress.late);
  g_assert_true (progress.freed);
}

static void
test_cancel_before_sending (Fixture      *fixture,
                            gconstpointer user_data)
{
  g_autoptr(AttAssertionItem) grs = find_standard (fixture, "GRS");
  g_auto(GStrv) product_ids = first_product_ids (fixture, 1);
  g_autoptr(GPtrArray) files = one_big_file (4 * 1024 * 1024);
  g_autoptr(AttCertificateRequest) request = request_new (grs, "CU-GRS-900009", files,
                                                           (const char *const *) product_ids);
  g_autoptr(GCancellable) before = g_cancellable_new ();
  g_autoptr(GCancellable) during = g_cancellable_new ();
  g_autoptr(AttCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { .cancel_on_encoding = during };
  int      stored = count_stored_certificates (fixture);

  /* Cancelled before the call. */
  g_cancellable_cancel (before);
  certificate = create (fixture, request, before, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (certificate);
  g_clear_error (&error);

  /* Cancelled while the file is being encoded. */
  certificate = create_with_progress (fixture, request, &progress, during, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (certificate);
  g_assert_cmpuint (progress.n_encoding, >, 0);
  g_assert_cmpuint (progress.last_encoded, <, 4 * 1024 * 1024);
  g_assert_cmpuint (progress.n_sending, ==, 0);

  /* The sandbox stores what it did before. */
  att_test_run_for (100);
  g_assert_cmpint (count_stored_certificates (fixture), ==, stored);
}

/* --- The certificate list ---------------------------------------------- */

static gboolean
list_is_idle (AttCertificateList *list,
              gconstpointer       data)
{
  return !att_certificate_list_get_loading (list);
}

static void
wait_for_list (AttCertificateList *list)
{
  att_test_wait_until (ATT_TEST_PREDICATE (list_is_idle), list, NULL, "the certificate list to load");
  g_assert_null (att_certificate_list_get_error (list));
}

/* Every PM product's id, in the order of search. */
static GPtrArray *
all_product_ids (Fixture *fixture)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  guint      total = 1;

  for (guint from = 0; from < total; from += ATT_PM_SEARCH_MAX_PAGE_SIZE)
    {
      g_autoptr(AttPage) page = search_pm (fixture, NULL, from, ATT_PM_SEARCH_MAX_PAGE_SIZE);
      GListModel *items = att_page_get_items (page);

      total = att_page_get_total (page);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(AttPmProduct) product = g_list_model_get_item (items, i);

          g_ptr_array_add (ids, g_strdup (att_pm_product_get_id (product)));
        }
    }
  return ids;
}

static guint
position_of (GPtrArray  *ids,
             const char *id)
{
  guint position = 0;

  g_assert_true (g_ptr_array_find_with_equal_func (ids, id, g_str_equal, &position));
  return position;
}

static void
test_list_model (Fixture      *fixture,
                 gconstpointer user_data)
{
  const guint page_size = 3;
  g_autoptr(GPtrArray) products = all_product_ids (fixture);
  g_autoptr(AttCertificateList) list = att_certificate_list_new (fixture->client, page_size);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n, n_across_pages = 0;

  wait_for_list (list);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >=, 13);
  g_assert_cmpuint (att_certificate_list_get_n_products (list), ==, products->len);
  g_assert_cmpuint (att_certificate_list_get_pages_total (list), ==, (products->len + page_size - 1) / page_size);
  g_assert_cmpuint (att_certificate_list_get_pages_done (list), ==, att_certificate_list_get_pages_total (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttCertificate) certificate = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *const *covered = att_certificate_get_product_ids (certificate);
      g_autoptr(AttPage) page = products_of (fixture, att_certificate_get_id (certificate));
      guint first_page = position_of (products, covered[0]) / page_size;

      /* Once per id, with as many products as PM search finds for it. */
      g_assert_true (g_hash_table_add (seen, (gpointer) att_certificate_get_id (certificate)));
      g_assert_cmpuint (att_certificate_get_n_products (certificate), ==, att_page_get_total (page));
      g_assert_true (att_certificate_list_find (list, att_certificate_get_id (certificate)) == certificate);

      for (guint j = 1; covered[j] != NULL; j++)
        if (position_of (products, covered[j]) / page_size != first_page)
          {
            n_across_pages++;
            break;
          }
    }

  /* The test proves something only if some certificate spans pages. */
  g_assert_cmpuint (n_across_pages, >, 0);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *n_signals = user_data;

  (*n_signals)++;
}

static void
test_list_refresh_and_cancel (Fixture      *fixture,
                              gconstpointer user_data)
{
  g_autoptr(AttCertificateList) list = att_certificate_list_new (fixture->client, 10);
  g_autoptr(AttCertificate) created = NULL;
  guint n_before, n_signals = 0;

  wait_for_list (list);
  n_before = g_list_model_get_n_items (G_LIST_MODEL (list));
  created = create_grs (fixture, "CU-GRS-900010", 3);
  g_assert_null (att_certificate_list_find (list, att_certificate_get_id (created)));

  /* A refresh keeps the list until it has read every page, then swaps once. */
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &n_signals);
  att_certificate_list_refresh (list);
  g_assert_true (att_certificate_list_get_loading (list));
  g_assert_cmpuint (att_certificate_list_get_pages_done (list), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_before);
  wait_for_list (list);
  g_assert_cmpuint (n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_before + 1);
  g_assert_cmpuint (att_certificate_get_n_products (att_certificate_list_find (list, att_certificate_get_id (created))),
                    ==, 3);

  /* Cancelled, it stops where it is, with no error, and keeps the list. */
  att_certificate_list_refresh (list);
  att_certificate_list_cancel (list);
  g_assert_false (att_certificate_list_get_loading (list));
  g_assert_null (att_certificate_list_get_error (list));
  att_test_run_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_before + 1);
  g_assert_cmpuint (n_signals, ==, 1);
}

static void
test_list_failure (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr(AttCertificateList) list = NULL;

  /* The second page fails for good; the first page's certificates stay. */
  att_http_set_retry_policy (fixture->http, 0, 0);
  att_sandbox_inject_failure_from (fixture->sandbox, 500, 100, 10);
  list = att_certificate_list_new (fixture->client, 10);
  att_test_wait_until (ATT_TEST_PREDICATE (list_is_idle), list, NULL, "the certificate list to fail");
  g_assert_error (att_certificate_list_get_error (list), ATT_API_ERROR, ATT_API_ERROR_SERVER);
  g_assert_cmpuint (att_certificate_list_get_pages_done (list), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
}

/* --- Faults during an upload ------------------------------------------- */

/* Issue 2's matrix, during a create or an update with images: the
 * connection reset mid-body, a server error, a body the server finds too
 * large, no answer in time.  Each is told apart by its code and says what
 * happened; nothing is stored, and the same request sent again once the
 * fault is gone goes through. */
typedef enum {
  FAULT_RESET,
  FAULT_SERVER,
  FAULT_TOO_LARGE,
  FAULT_TIMEOUT,
} Fault;

typedef struct
{
  Fault       fault;
  gboolean    update;
  AttApiError code;
  guint       http_status;
  const char *message; /* a part of the error's message */
} UploadFault;

static const UploadFault upload_faults[] = {
  { FAULT_RESET, FALSE, ATT_API_ERROR_NETWORK, 0, "The connection to the server was lost" },
  { FAULT_RESET, TRUE, ATT_API_ERROR_NETWORK, 0, "The connection to the server was lost" },
  { FAULT_SERVER, FALSE, ATT_API_ERROR_SERVER, 500, "The server had a problem (HTTP 500)" },
  { FAULT_SERVER, TRUE, ATT_API_ERROR_SERVER, 500, "The server had a problem (HTTP 500)" },
  { FAULT_TOO_LARGE, FALSE, ATT_API_ERROR_VALIDATION, 413, "The request is too large for the server" },
  { FAULT_TOO_LARGE, TRUE, ATT_API_ERROR_VALIDATION, 413, "The request is too large for the server" },
  { FAULT_TIMEOUT, FALSE, ATT_API_ERROR_TIMEOUT, 0, "The server did not answer in time" },
  { FAULT_TIMEOUT, TRUE, ATT_API_ERROR_TIMEOUT, 0, "The server did not answer in time" },
};

/* What a peer that hangs up reads of a body: a part of the first image. */
#define RESET_AFTER_BYTES 4096

static void
set_fault (Fixture          *fixture,
           Fault             fault,
           AttTestResetPeer *peer,
           gboolean          on)
{
  switch (fault)
    {
    case FAULT_RESET:
      att_higg_client_set_base_url (fixture->client, on ? att_test_reset_peer_get_base_url (peer)
                                                        : att_sandbox_get_base_url (fixture->sandbox));
      break;
    case FAULT_SERVER:
      att_sandbox_inject_failure_path (fixture->sandbox, 500, on ? 1 : 0, "/certification-api/");
      break;
    case FAULT_TOO_LARGE:
      att_sandbox_set_max_request_size (fixture->sandbox, on ? 16 * 1024 : 0);
      break;
    case FAULT_TIMEOUT:
      att_http_set_timeout (fixture->http, on ? 1 : 60);
      att_sandbox_set_latency (fixture->sandbox, on ? 3000 : 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Two images, each far larger than what the faults let through. */
static GPtrArray *
two_scans (void)
{
  g_autoptr(GBytes) front = big_png_new (48 * 1024);
  g_autoptr(GBytes) back = big_png_new (40 * 1024);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (files, file_for_bytes (front, "front.png"));
  g_ptr_array_add (files, file_for_bytes (back, "back.png"));
  return files;
}

static AttCertificateRequest *
fault_request (Fixture   *fixture,
               gboolean   update,
               GPtrArray *files)
{
  g_autoptr(AttAssertionItem) grs = NULL;
  g_auto(GStrv) product_ids = NULL;
  AttCertificateRequest *request;

  if (update)
    {
      request = att_certificate_request_new ();
      att_certificate_request_set_proof_body (request, "Intertek");
      att_certificate_request_set_files (request, files);
      return request;
    }
  grs = find_standard (fixture, "GRS");
  product_ids = first_product_ids (fixture, 1);
  return request_new (grs, "CU-GRS-910001", files, (const char *const *) product_ids);
}

static AttCertificate *
send_upload (Fixture               *fixture,
             AttCertificate        *existing,
             AttCertificateRequest *request,
             GError               **error)
{
  if (existing != NULL)
    return update (fixture, att_certificate_get_id (existing), request, error);
  return create (fixture, request, NULL, error);
}

/* The certificate @id on the server has @proof_body, and @files, or (if
 * %NULL) the two small images create_grs() gave it. */
static void
assert_server_files (Fixture    *fixture,
                     const char *id,
                     const char *proof_body,
                     GPtrArray  *files)
{
  g_autoptr(AttPage) page = products_of (fixture, id);
  g_autoptr(AttCertificate) read = find_on_product (page, 0, id);
  g_autoptr(GBytes) first = att_certificate_decode_file (read, 0, NULL);

  g_assert_nonnull (first);
  g_assert_cmpstr (att_certificate_get_proof_body (read), ==, proof_body);
  g_assert_cmpuint (att_certificate_get_n_files (read), ==, files != NULL ? files->len : 2);
  if (files == NULL)
    g_assert_cmpuint (g_bytes_get_size (first), <, 40 * 1024);
  else
    g_assert_true (g_bytes_equal (first, att_certificate_file_get_bytes (g_ptr_array_index (files, 0))));
}

static void
test_upload_fault (Fixture      *fixture,
                   gconstpointer user_data)
{
  const UploadFault *fault = user_data;
  g_autoptr(AttCertificate) existing = fault->update ? create_grs (fixture, "CU-GRS-910000", 1) : NULL;
  g_autoptr(GPtrArray) files = two_scans ();
  g_autoptr(AttCertificateRequest) request = fault_request (fixture, fault->update, files);
  g_autoptr(AttTestResetPeer) peer = att_test_reset_peer_new (RESET_AFTER_BYTES);
  g_autoptr(AttCertificate) refused = NULL;
  g_autoptr(AttCertificate) sent = NULL;
  g_autoptr(GError) error = NULL;
  int before = count_stored_certificates (fixture);

  att_http_set_retry_policy (fixture->http, 0, 0);
  set_fault (fixture, fault->fault, peer, TRUE);
  refused = send_upload (fixture, existing, request, &error);
  g_test_message ("%s", error != NULL ? error->message : "no error");
  g_assert_error (error, ATT_API_ERROR, (int) fault->code);
  g_assert_null (refused);
  g_assert_cmpuint (att_api_error_get_http_status (error), ==, fault->http_status);
  g_assert_nonnull (strstr (error->message, fault->message));
  if (fault->fault == FAULT_RESET)
    g_assert_cmpuint (att_test_reset_peer_get_n_resets (peer), ==, 1);
  g_clear_error (&error);

  /* Nothing changed on the server, even after the time it was told to
   * take. */
  set_fault (fixture, fault->fault, peer, FALSE);
  if (fault->fault == FAULT_TIMEOUT)
    att_test_run_for (2500);
  g_assert_cmpint (count_stored_certificates (fixture), ==, before);
  if (existing != NULL)
    assert_server_files (fixture, att_certificate_get_id (existing), "Control Union Certifications", NULL);

  sent = send_upload (fixture, existing, request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sent);
  g_assert_cmpint (count_stored_certificates (fixture), ==, before + (fault->update ? 0 : 1));
  assert_server_files (fixture, att_certificate_get_id (sent), fault->update ? "Intertek" : "Control Union Certifications",
                       files);
}

/* --- Certificates attached to no product --------------------------------- */

static void
flush_records (AttCertificateRecords *records)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  att_certificate_records_flush_async (records, NULL, att_test_store_result, &result);
  g_assert_true (att_certificate_records_flush_finish (records, att_test_await_result (&result), &error));
  g_assert_no_error (error);
}

/* How often the list shows @id, and the last it shows. */
static guint
count_in_list (AttCertificateList *list,
               const char         *id,
               AttCertificate    **out_certificate)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(AttCertificate) certificate = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (att_certificate_get_id (certificate), id) != 0)
        continue;
      n++;
      if (out_certificate != NULL)
        g_set_object (out_certificate, certificate);
    }
  return n;
}

/* A fresh list, over records freshly read from @path. */
static AttCertificateList *
fresh_list (Fixture    *fixture,
            const char *path)
{
  g_autoptr(AttCertificateRecords) records = att_certificate_records_new_for_path (path);
  AttCertificateList *list = att_certificate_list_new_with_records (fixture->client, records, 0);

  wait_for_list (list);
  return list;
}

/* A certificate created with no products is found by no search; the
 * records the app keeps list it, with no products.  Attached to a
 * product, it comes from the search, once. */
static void
test_list_records (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "records", "certificates.json", NULL);
  g_autoptr(AttCertificateRecords) records = att_certificate_records_new_for_path (path);
  g_autoptr(AttAssertionItem) grs = find_standard (fixture, "GRS");
  g_autoptr(AttCertificateRequest) request = request_new (grs, "CU-GRS-920001", NULL, NULL);
  g_autoptr(AttCertificateRequest) attach = att_certificate_request_new ();
  g_auto(GStrv) product_ids = first_product_ids (fixture, 1);
  g_autoptr(AttCertificate) created = NULL;
  g_autoptr(AttCertificate) attached = NULL;
  g_autoptr(AttCertificate) shown = NULL;
  g_autoptr(AttCertificateList) bare = NULL;
  g_autoptr(AttCertificateList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  created = create (fixture, request, NULL, &error);
  g_assert_no_error (error);
  att_certificate_records_put (records, created);
  flush_records (records);

  /* PM search alone does not find it. */
  bare = att_certificate_list_new (fixture->client, 0);
  wait_for_list (bare);
  g_assert_cmpuint (count_in_list (bare, att_certificate_get_id (created), NULL), ==, 0);

  list = fresh_list (fixture, path);
  g_assert_cmpuint (count_in_list (list, att_certificate_get_id (created), &shown), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (bare)) + 1);
  g_assert_cmpuint (att_certificate_get_n_products (shown), ==, 0);
  g_assert_cmpstr (att_certificate_get_assertion_id (shown), ==, "CU-GRS-920001");
  g_assert_cmpstr (att_certificate_get_standard_name (shown), ==, att_assertion_item_get_name (grs));
  g_clear_object (&list);
  g_clear_object (&shown);

  /* The file holds the certificate and nothing secret. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, att_certificate_get_id (created)));
  g_assert_null (strstr (contents, att_sandbox_get_api_key (fixture->sandbox)));
  g_assert_null (strstr (contents, att_sandbox_get_integration_key (fixture->sandbox)));

  att_certificate_request_add_products (attach, (const char *const *) product_ids);
  attached = update (fixture, att_certificate_get_id (created), attach, &error);
  g_assert_no_error (error);
  att_certificate_records_put (records, attached);
  flush_records (records);

  list = fresh_list (fixture, path);
  g_assert_cmpuint (count_in_list (list, att_certificate_get_id (created), &shown), ==, 1);
  g_assert_cmpuint (att_certificate_get_n_products (shown), ==, 1);
  g_assert_cmpstr (att_certificate_get_product_ids (shown)[0], ==, product_ids[0]);
}

/* Records are the account's and its server's; a put before the file is
 * read is kept with what the file had; the demo's stay in memory. */
static void
test_records_scope (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "certificates.json", NULL);
  g_autoptr(AttCertificateRecords) first = att_certificate_records_new_for_path (path);
  g_autoptr(AttCertificateRecords) second = att_certificate_records_new_for_path (path);
  g_autoptr(AttCertificateRecords) memory = att_certificate_records_new_for_path (NULL);
  g_autoptr(AttCertificateRecords) one = att_certificate_records_new ("one", "https://api.example");
  g_autoptr(AttCertificateRecords) other = att_certificate_records_new ("other", "https://api.example");
  g_autoptr(AttCertificateRecords) moved = att_certificate_records_new ("one", "https://other.example");
  g_autoptr(AttCertificate) a = load_certificate ("certificate-milliseconds.json");
  g_autoptr(JsonObject) object = att_json_object_copy (att_certificate_get_json (a));
  g_autoptr(AttCertificate) b = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) listed = NULL;

  g_assert_cmpstr (att_certificate_records_get_path (one), !=, att_certificate_records_get_path (other));
  g_assert_cmpstr (att_certificate_records_get_path (one), !=, att_certificate_records_get_path (moved));
  g_assert_true (g_str_has_prefix (att_certificate_records_get_path (one), g_get_user_data_dir ()));
  g_assert_null (att_certificate_records_get_path (memory));

  att_certificate_records_put (first, a);
  flush_records (first);
  json_object_set_string_member (object, "_id", "another-certificate");
  b = att_certificate_new_from_json (object, NULL, NULL);
  att_certificate_records_put (second, b);
  att_certificate_records_list_async (second, NULL, att_test_store_result, &result);
  listed = att_certificate_records_list_finish (second, att_test_await_result (&result), NULL);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (att_certificate_get_id (g_ptr_array_index (listed, 0)), ==, att_certificate_get_id (a));
  g_assert_cmpstr (att_certificate_get_id (g_ptr_array_index (listed, 1)), ==, "another-certificate");
  g_clear_object (&result);
  g_clear_pointer (&listed, g_ptr_array_unref);

  att_certificate_records_put (memory, a);
  flush_records (memory);
  att_certificate_records_list_async (memory, NULL, att_test_store_result, &result);
  listed = att_certificate_records_list_finish (memory, att_test_await_result (&result), NULL);
  g_assert_cmpuint (listed->len, ==, 1);
}

#define ADD_SANDBOX_TEST(path, func) \
  g_test_add ("/certificates/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/certificates/parse/seconds-and-milliseconds", test_parse_seconds_and_milliseconds);
  g_test_add_func ("/certificates/parse/magnitude-rule", test_parse_magnitude_rule);
  g_test_add_func ("/certificates/parse/iso-dates", test_parse_iso_dates);
  g_test_add_func ("/certificates/parse/file-urls", test_parse_file_urls);
  g_test_add_func ("/certificates/parse/sparse", test_parse_sparse);
  g_test_add_func ("/certificates/parse/wrong-type", test_parse_wrong_type);
  g_test_add_func ("/certificates/parse/assertion-items", test_parse_assertion_items);
  g_test_add_func ("/certificates/status/edges", test_status_edges);
  g_test_add_func ("/certificates/status/sort-by-expiry", test_sort_by_expiry);
  g_test_add_func ("/certificates/request/json", test_request_json);
  g_test_add_func ("/certificates/http/skip-long-strings", test_skip_long_strings);

  ADD_SANDBOX_TEST ("lists", test_lists);
  ADD_SANDBOX_TEST ("create-read-back", test_create_read_back);
  ADD_SANDBOX_TEST ("update-dates", test_update_dates);
  ADD_SANDBOX_TEST ("attach-detach", test_attach_detach);
  ADD_SANDBOX_TEST ("immutable-refused", test_immutable_refused);
  ADD_SANDBOX_TEST ("bad-base64-refused", test_bad_base64_refused);
  ADD_SANDBOX_TEST ("too-many-files", test_too_many_files);
  ADD_SANDBOX_TEST ("request-too-large", test_request_too_large);
  ADD_SANDBOX_TEST ("progress", test_progress);
  ADD_SANDBOX_TEST ("cancel-before-sending", test_cancel_before_sending);
  ADD_SANDBOX_TEST ("list/dedup-and-products", test_list_model);
  ADD_SANDBOX_TEST ("list/refresh-and-cancel", test_list_refresh_and_cancel);
  ADD_SANDBOX_TEST ("list/failure", test_list_failure);
  ADD_SANDBOX_TEST ("list/records", test_list_records);
  ADD_SANDBOX_TEST ("records/scope", test_records_scope);

  for (guint i = 0; i < G_N_ELEMENTS (upload_faults); i++)
    {
      static const char *const names[] = { "reset-mid-body", "server-error", "too-large", "timeout" };
      g_autofree char         *path = g_strdup_printf ("/certificates/upload-fault/%s/%s",
                                               upload_faults[i].update ? "update" : "create",
                                                       names[upload_faults[i].fault]);

      g_test_add (path, Fixture, &upload_faults[i], fixture_setup, test_upload_fault, fixture_teardown);
    }

  return g_test_run ();
}
