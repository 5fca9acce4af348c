/* test-report.c: the report model, filled from a sandbox's Higg and
 * Closient, and from certificates in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-report-build.h"
#include "att-report-snapshot.h"
#include "att-report.h"
#include "att-sandbox-closient-seed.h"
#include "att-sandbox-seed.h"
#include "att-test-report.h"
#include "att-test-utils.h"

/* The demo seeds 13 PM certificates on 33 products, with expiry dates
 * relative to the day it is seeded (att-sandbox-certificate-seed.c). */
#define DEMO_ROWS 33

typedef struct
{
  AttSandbox        *sandbox;
  AttHttp           *http;
  AttHiggClient     *higg;
  AttClosientClient *closient;
  GPtrArray         *progress; /* of "done/total" */
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
  att_http_set_retry_policy (fixture->http, 1, 10);
  fixture->closient = att_test_closient_client_new (fixture->http, fixture->sandbox);
  fixture->progress = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_clear_object (&fixture->closient);
  g_ptr_array_unref (fixture->progress);
  att_test_sandbox_disconnect (&fixture->sandbox, &fixture->http, &fixture->higg);
}

/* Midnight UTC today, plus @days: the sandbox's dates are relative to
 * today's midnight. */
static GDateTime *
today_plus (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) midnight = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                                                        g_date_time_get_day_of_month (now), 12, 0, 0);

  return g_date_time_add_days (midnight, days);
}

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Fixture *fixture = user_data;

  g_assert_cmpuint (done, <=, total);
  g_ptr_array_add (fixture->progress, g_strdup_printf ("%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT, done, total));
}

static AttReport *
build (Fixture               *fixture,
       AttHiggClient         *higg,
       AttClosientClient     *closient,
       const char *const     *gtins,
       const AttReportFilter *filter,
       int                    days,
       GCancellable          *cancellable,
       GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDateTime) now = today_plus (days);

  att_report_build_async (higg, closient, gtins, filter, now, ATT_CERTIFICATE_DEFAULT_LEAD_DAYS, on_progress,
                          fixture, cancellable, att_test_store_result, &result);
  return att_report_build_finish (att_test_await_result (&result), error);
}

/* What the services say, read once: for how many GTINs Closient is asked. */
static AttReportSnapshot *
fetch_ok (AttHiggClient     *higg,
          AttClosientClient *closient,
          const char *const *gtins)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AttReportSnapshot *snapshot;

  att_report_snapshot_fetch_async (higg, closient, gtins, NULL, ATT_REPORT_FETCH_PM_GTINS, NULL, NULL, NULL,
                                   att_test_store_result, &result);
  snapshot = att_report_snapshot_fetch_finish (att_test_await_result (&result), &error);
  g_assert_no_error (error);
  return snapshot;
}

static AttReport *
build_ok (Fixture               *fixture,
          AttHiggClient         *higg,
          AttClosientClient     *closient,
          const char *const     *gtins,
          const AttReportFilter *filter,
          int                    days)
{
  g_autoptr(GError) error = NULL;
  AttReport *report = build (fixture, higg, closient, gtins, filter, days, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static AttReportRow *
find_row (AttReport  *report,
          const char *certificate_number,
          const char *product_name)
{
  for (guint i = 0; i < att_report_get_n_rows (report); i++)
    {
      AttReportRow *row = att_report_get_row (report, i);

      if (g_strcmp0 (att_report_row_get_certificate_number (row), certificate_number) == 0 &&
          g_strcmp0 (att_report_row_get_product_name (row), product_name) == 0)
        return row;
    }
  return NULL;
}

static void
assert_sorted (AttReport *report)
{
  for (guint i = 1; i < att_report_get_n_rows (report); i++)
    {
      GDateTime *before = att_report_row_get_date_expires (att_report_get_row (report, i - 1));
      GDateTime *after = att_report_row_get_date_expires (att_report_get_row (report, i));

      /* Rows with no expiry date come last. */
      g_assert_true (after == NULL || (before != NULL && g_date_time_compare (before, after) <= 0));
    }
}

static guint
count_rows_of (AttReport  *report,
               const char *certificate_number)
{
  guint n = 0;

  for (guint i = 0; i < att_report_get_n_rows (report); i++)
    n += g_strcmp0 (att_report_row_get_certificate_number (att_report_get_row (report, i)),
                    certificate_number) == 0;
  return n;
}

static void
assert_progress_complete (Fixture *fixture,
                          guint    steps)
{
  g_autofree char *expected = g_strdup_printf ("%u/%u", steps, steps);

  g_assert_cmpuint (fixture->progress->len, >, 0);
  g_assert_cmpstr (g_ptr_array_index (fixture->progress, fixture->progress->len - 1), ==, expected);
}

/* --- Higg -------------------------------------------------------------- */

/* Every certificate on every product it covers, with the product's name
 * and identifiers, judged today with the default lead time. */
static void
test_higg_rows (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr(AttReport) report = build_ok (fixture, fixture->higg, NULL, NULL, NULL, 0);
  AttReportRow *row;

  g_assert_cmpuint (att_report_get_n_rows (report), ==, DEMO_ROWS);
  assert_sorted (report);
  g_assert_cmpuint (count_rows_of (report, "CU-GRS-1184213"), ==, 6);
  g_assert_cmpuint (att_report_count_status (report, ATT_CERTIFICATE_STATUS_VALID), ==, 18);
  g_assert_cmpuint (att_report_count_status (report, ATT_CERTIFICATE_STATUS_EXPIRING), ==, 8);
  g_assert_cmpuint (att_report_count_status (report, ATT_CERTIFICATE_STATUS_EXPIRED), ==, 7);
  g_assert_cmpuint (att_report_count_status (report, ATT_CERTIFICATE_STATUS_UNKNOWN), ==, 0);
  g_assert_null (att_report_get_missing_parts (report)[0]);

  row = find_row (report, "ECO-OCS-2407719", "Organic Cotton Crew Tee");
  g_assert_nonnull (row);
  g_assert_cmpint (att_report_row_get_source (row), ==, ATT_REPORT_SOURCE_HIGG);
  g_assert_cmpint (att_report_row_get_status (row), ==, ATT_CERTIFICATE_STATUS_EXPIRING);
  g_assert_cmpstr (att_report_row_get_authority (row), ==, "Ecocert Greenlife");
  g_assert_cmpstr (att_report_row_get_certificate_name (row), ==, "Organic cotton jersey garments");
  g_assert_cmpstr (att_report_row_get_product_id (row), !=, "");
  g_assert_cmpstr (att_report_row_get_standard (row), !=, "");
  g_assert_cmpuint (strlen (att_report_row_get_gtin (row)), ==, 14);
  g_assert_nonnull (att_report_row_get_date_issued (row));
  g_assert_cmpuint (att_report_count_standard (report, att_report_row_get_standard (row)), ==, 5);

  /* The progress ends with every step (each PM page) done. */
  assert_progress_complete (fixture, (att_sandbox_seed_demo_count () + 4 + ATT_REPORT_BUILD_PAGE_SIZE - 1) /
                                       ATT_REPORT_BUILD_PAGE_SIZE);
}

/* Thirty days on, the same certificates have other statuses. */
static void
test_higg_fixed_today (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr(AttReport) report = build_ok (fixture, fixture->higg, NULL, NULL, NULL, 30);

  g_assert_cmpuint (att_report_get_n_rows (report), ==, DEMO_ROWS);
  g_assert_cmpuint (att_report_count_status (report, ATT_CERTIFICATE_STATUS_VALID), ==, 18);
  g_assert_cmpuint (att_report_count_status (report, ATT_CERTIFICATE_STATUS_EXPIRING), ==, 1);
  g_assert_cmpuint (att_report_count_status (report, ATT_CERTIFICATE_STATUS_EXPIRED), ==, 14);
  g_assert_cmpint (att_report_row_get_status (find_row (report, "CU-RAS-1201187", "Alpaca Blend Cardigan")), ==,
                   ATT_CERTIFICATE_STATUS_EXPIRING);
  g_assert_cmpint (att_report_row_get_status (find_row (report, "ICS-CCS-55120", "Organic Denim Slim Jeans")), ==,
                   ATT_CERTIFICATE_STATUS_VALID);
}

/* --- Filters ----------------------------------------------------------- */

static void
assert_all_status (AttReport           *report,
                   AttCertificateStatus status)
{
  for (guint i = 0; i < att_report_get_n_rows (report); i++)
    g_assert_cmpint (att_report_row_get_status (att_report_get_row (report, i)), ==, status);
}

static void
test_filters (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr(AttReportFilter) filter = att_report_filter_new ();
  g_autoptr(AttReport) expired = NULL;
  g_autoptr(AttReport) merino = NULL;
  g_autoptr(AttReport) soon = NULL;
  g_autoptr(AttReport) wool = NULL;
  g_autofree char *standard = NULL;

  filter->statuses = ATT_REPORT_STATUS_BIT (ATT_CERTIFICATE_STATUS_EXPIRED);
  filter->account = g_strdup ("Demo account");
  expired = build_ok (fixture, fixture->higg, NULL, NULL, filter, 0);
  g_assert_cmpuint (att_report_get_n_rows (expired), ==, 7);
  assert_all_status (expired, ATT_CERTIFICATE_STATUS_EXPIRED);
  g_assert_cmpstr (att_report_row_get_account (att_report_get_row (expired, 0)), ==, "Demo account");
  g_assert_cmpuint (att_report_get_filter (expired)->statuses, ==, filter->statuses);

  /* The product search ignores case. */
  filter->statuses = 0;
  filter->search = g_strdup ("MERINO");
  merino = build_ok (fixture, fixture->higg, NULL, NULL, filter, 0);
  g_assert_cmpuint (att_report_get_n_rows (merino), ==, 4);
  g_assert_cmpuint (count_rows_of (merino, "CU-RWS-1190032"), ==, 4);
  standard = g_utf8_strup (att_report_row_get_standard (att_report_get_row (merino, 0)), -1);

  /* Expired, and expiring within 30 days: OCS in 25 days, TENCEL in 12. */
  g_clear_pointer (&filter->search, g_free);
  filter->expiring_within_days = 30;
  soon = build_ok (fixture, fixture->higg, NULL, NULL, filter, 0);
  g_assert_cmpuint (att_report_get_n_rows (soon), ==, 7 + 5 + 2);

  /* The standards, ignoring case. */
  filter->expiring_within_days = -1;
  filter->standards = g_strsplit (standard, "|", -1);
  wool = build_ok (fixture, fixture->higg, NULL, NULL, filter, 0);
  g_assert_cmpuint (att_report_get_n_rows (wool), ==, 4);
  g_assert_cmpuint (count_rows_of (wool, "CU-RWS-1190032"), ==, 4);
}

/* A report of Closient only does not ask Higg at all. */
static void
test_filter_source (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr(AttReportFilter) filter = att_report_filter_new ();
  g_autoptr(AttReport) report = NULL;
  guint searches = att_sandbox_get_request_count (fixture->sandbox, "/pm-api/v1/product/search");

  filter->sources = ATT_REPORT_SOURCE_CLOSIENT;
  report = build_ok (fixture, fixture->higg, fixture->closient, NULL, filter, 0);
  g_assert_cmpuint (att_report_get_n_rows (report), ==, 0);
  g_assert_cmpuint (att_sandbox_get_request_count (fixture->sandbox, "/pm-api/v1/product/search"), ==, searches);
}

/* --- Closient ---------------------------------------------------------- */

static GListModel *
list_closient (Fixture    *fixture,
               const char *gtin)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;

  att_closient_client_list_certifications_async (fixture->closient, gtin, NULL, NULL, att_test_store_result,
                                                 &result);
  list = att_closient_client_list_certifications_finish (fixture->closient, att_test_await_result (&result),
                                                         &error);
  g_assert_no_error (error);
  return list;
}

/* Each GTIN's certifications, as the client lists them; a GTIN Closient
 * does not know has none, and is not a missing part. */
static void
test_closient_rows (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autofree char *unknown = att_sandbox_seed_demo_gtin (6);
  const char      *gtins[] = { ATT_SANDBOX_CLOSIENT_GTIN8, ATT_SANDBOX_CLOSIENT_GTIN12, unknown, NULL };
  g_autoptr(GListModel) eight = list_closient (fixture, ATT_SANDBOX_CLOSIENT_GTIN8);
  g_autoptr(GListModel) twelve = list_closient (fixture, ATT_SANDBOX_CLOSIENT_GTIN12);
  g_autoptr(AttReport) report = build_ok (fixture, NULL, fixture->closient, gtins, NULL, 0);
  g_autoptr(AttClosientAssignment) first = g_list_model_get_item (eight, 0);
  guint n_eight = 0;

  g_assert_cmpuint (g_list_model_get_n_items (eight), >, 0);
  g_assert_cmpuint (att_report_get_n_rows (report), ==,
                    g_list_model_get_n_items (eight) + g_list_model_get_n_items (twelve));
  g_assert_null (att_report_get_missing_parts (report)[0]);
  assert_sorted (report);
  assert_progress_complete (fixture, 3);

  for (guint i = 0; i < att_report_get_n_rows (report); i++)
    {
      AttReportRow *row = att_report_get_row (report, i);

      g_assert_cmpint (att_report_row_get_source (row), ==, ATT_REPORT_SOURCE_CLOSIENT);
      if (g_strcmp0 (att_report_row_get_gtin (row), ATT_SANDBOX_CLOSIENT_GTIN8) != 0)
        continue;
      n_eight++;
      if (g_strcmp0 (att_report_row_get_certificate_id (row), att_closient_assignment_get_id (first)) != 0)
        continue;
      g_assert_cmpstr (att_report_row_get_standard (row), ==, att_closient_assignment_get_label (first));
      g_assert_cmpint (att_report_row_get_verification (row), ==,
                       att_closient_assignment_get_verification_status (first));
    }
  g_assert_cmpuint (n_eight, ==, g_list_model_get_n_items (eight));
}

/* Closient refusing the key: the Higg rows are all there, and the report
 * says which part is missing. */
static void
test_closient_failure (Fixture      *fixture,
                       gconstpointer user_data)
{
  const char *gtins[] = { ATT_SANDBOX_CLOSIENT_GTIN8, ATT_SANDBOX_CLOSIENT_GTIN12, NULL };
  /* A made-up key of the right shape, which the sandbox has never issued. */
  g_autoptr(AttClosientClient) stranger = att_closient_client_new (
    fixture->http, att_sandbox_get_base_url (fixture->sandbox), "csb_AbCdEfGhIjKlMnOpQrStUvWxYz012345_45ffccd2");
  g_autoptr(AttReport) report = build_ok (fixture, fixture->higg, stranger, gtins, NULL, 0);
  const char *const *missing = att_report_get_missing_parts (report);

  g_assert_cmpuint (att_report_get_n_rows (report), ==, DEMO_ROWS);
  g_assert_cmpuint (g_strv_length ((char **) missing), ==, 1);
  g_assert_true (g_str_has_prefix (missing[0], "Closient: "));
  /* GTINs given: Closient is asked about those only. */
  g_assert_nonnull (strstr (missing[0], "2 products"));
}

/* Higg failing half-way: the first page's rows stay, and the report says
 * the rest is missing. */
static void
test_higg_failure (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr(AttReport) report = NULL;
  const char *const *missing;

  att_sandbox_inject_failure_from (fixture->sandbox, 500, 10, ATT_REPORT_BUILD_PAGE_SIZE);
  report = build_ok (fixture, fixture->higg, NULL, NULL, NULL, 0);
  missing = att_report_get_missing_parts (report);
  g_assert_cmpuint (g_strv_length ((char **) missing), ==, 1);
  g_assert_true (g_str_has_prefix (missing[0], "Higg: "));
  g_assert_cmpuint (att_report_get_n_rows (report), <, DEMO_ROWS);
}

/* Higg down from the start: the Closient rows are all there. */
static void
test_higg_down (Fixture      *fixture,
                gconstpointer user_data)
{
  const char *gtins[] = { ATT_SANDBOX_CLOSIENT_GTIN8, NULL };
  g_autoptr(GListModel) eight = list_closient (fixture, ATT_SANDBOX_CLOSIENT_GTIN8);
  g_autoptr(AttReport) report = NULL;
  const char *const *missing;

  att_sandbox_inject_failure_path (fixture->sandbox, 500, 100, "/pm-api/");
  report = build_ok (fixture, fixture->higg, fixture->closient, gtins, NULL, 0);
  missing = att_report_get_missing_parts (report);
  g_assert_cmpuint (g_strv_length ((char **) missing), ==, 1);
  g_assert_true (g_str_has_prefix (missing[0], "Higg: "));
  g_assert_true (g_str_has_suffix (missing[0], "No certificates could be read."));
  g_assert_cmpuint (att_report_get_n_rows (report), ==, g_list_model_get_n_items (eight));
}

/* --- Cancellation ------------------------------------------------------ */

static void
cancel_on_progress (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture      *fixture,
             gconstpointer user_data)
{
  const char *gtins[] = { ATT_SANDBOX_CLOSIENT_GTIN8, ATT_SANDBOX_CLOSIENT_GTIN12, NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttReport) report = NULL;

  att_report_build_async (fixture->higg, fixture->closient, gtins, NULL, NULL, 60, cancel_on_progress,
                          cancellable, cancellable, att_test_store_result, &result);
  report = att_report_build_finish (att_test_await_result (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
}

/* --- In memory --------------------------------------------------------- */

static AttCertificate *
certificate_new (const char *json)
{
  g_autoptr(JsonObject) object = att_test_parse_object (json);
  g_autoptr(GError) error = NULL;
  AttCertificate *certificate = att_certificate_new_from_json (object, NULL, &error);

  g_assert_no_error (error);
  return certificate;
}

/* One row per product, one with no product for a certificate covering
 * none; no expiry date sorts last, with an unknown status. */
static void
test_in_memory (void)
{
  g_autoptr(GListStore) certificates = g_list_store_new (ATT_TYPE_CERTIFICATE);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autoptr(AttReport) report = att_report_new (NULL, now, 60);
  g_autoptr(AttCertificate) two = certificate_new (
    "{\"_id\":\"a\",\"assertionId\":\"A-1\",\"assertionStandardName\":\"GRS\","
    "\"dateExpires\":1769904000000,\"productModuleIds\":[\"p1\",\"p2\"]}");
  g_autoptr(AttCertificate) none = certificate_new (
    "{\"_id\":\"b\",\"assertionId\":\"B-1\",\"assertionStandardName\":\"OCS\",\"dateExpires\":1735689600000}");
  g_autoptr(AttCertificate) undated = certificate_new (
    "{\"_id\":\"c\",\"assertionId\":\"C-1\",\"assertionStandardName\":\"GRS\",\"productModuleIds\":[\"p3\"]}");
  AttReportRow *row;

  g_list_store_append (certificates, undated);
  g_list_store_append (certificates, two);
  g_list_store_append (certificates, none);
  att_report_add_higg_certificates (report, G_LIST_MODEL (certificates));

  g_assert_cmpuint (att_report_get_n_rows (report), ==, 4);
  row = att_report_get_row (report, 0);
  g_assert_cmpstr (att_report_row_get_certificate_number (row), ==, "B-1");
  g_assert_cmpstr (att_report_row_get_product_id (row), ==, "");
  g_assert_cmpint (att_report_row_get_status (row), ==, ATT_CERTIFICATE_STATUS_EXPIRED);
  row = att_report_get_row (report, 1);
  g_assert_cmpstr (att_report_row_get_product_id (row), ==, "p1");
  g_assert_cmpint (att_report_row_get_status (row), ==, ATT_CERTIFICATE_STATUS_EXPIRING);
  g_assert_cmpstr (att_report_row_get_product_id (att_report_get_row (report, 2)), ==, "p2");
  row = att_report_get_row (report, 3);
  g_assert_cmpstr (att_report_row_get_certificate_number (row), ==, "C-1");
  g_assert_null (att_report_row_get_date_expires (row));
  g_assert_cmpint (att_report_row_get_status (row), ==, ATT_CERTIFICATE_STATUS_UNKNOWN);
  g_assert_cmpuint (att_report_count_standard (report, "GRS"), ==, 3);
  g_assert_cmpuint (att_report_count_standard (report, "OCS"), ==, 1);
  g_assert_cmpuint (att_report_count_status (report, ATT_CERTIFICATE_STATUS_UNKNOWN), ==, 1);
}

/* The filter in words: nothing for a filter that keeps all, one part per
 * thing that leaves rows out. */
static void
test_describe (void)
{
  g_autoptr(AttReportFilter) filter = att_report_filter_new ();
  g_auto(GStrv) none = att_report_filter_describe (filter);
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;

  g_assert_cmpuint (g_strv_length (none), ==, 0);

  filter->account = g_strdup ("Demo");
  filter->sources = ATT_REPORT_SOURCE_CLOSIENT;
  filter->standards = g_strsplit ("GRS,OCS", ",", -1);
  filter->statuses = ATT_REPORT_STATUS_BIT (ATT_CERTIFICATE_STATUS_EXPIRING) |
                     ATT_REPORT_STATUS_BIT (ATT_CERTIFICATE_STATUS_EXPIRED);
  filter->expiring_within_days = 30;
  filter->search = g_strdup ("merino");
  parts = att_report_filter_describe (filter);
  joined = g_strjoinv ("|", parts);
  g_assert_cmpstr (joined, ==,
                   "Account: Demo|Source: Closient|Standards: GRS, OCS|Statuses: Expiring soon, Expired|"
                   "Expiring within 30 days|Products matching “merino”");
}

static AttReport *
make_ok (AttReportSnapshot     *snapshot,
         const AttReportFilter *filter)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AttReport *report;

  att_report_snapshot_make_async (snapshot, filter, NULL, ATT_CERTIFICATE_DEFAULT_LEAD_DAYS, NULL,
                                  att_test_store_result, &result);
  report = att_report_snapshot_make_finish (snapshot, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  return report;
}

/* Read once, a snapshot makes the report of any filter without asking the
 * services again; Closient is asked about the PM products' GTINs. */
static void
test_snapshot (Fixture      *fixture,
               gconstpointer user_data)
{
  const char *search_path = "/pm-api/v1/product/search";
  guint       before = att_sandbox_get_request_count (fixture->sandbox, search_path);
  g_autoptr(AttReportSnapshot) snapshot = fetch_ok (fixture->higg, fixture->closient, NULL);
  guint searches = att_sandbox_get_request_count (fixture->sandbox, search_path) - before;
  g_autoptr(AttReportFilter) expired = att_report_filter_new ();
  g_autoptr(AttReport) all = make_ok (snapshot, NULL);
  g_autoptr(AttReport) only_expired = NULL;
  g_autoptr(AttReport) built = NULL;

  g_assert_cmpuint (searches, >, 0);
  g_assert_cmpuint (att_report_snapshot_get_n_gtins (snapshot), >, 0);
  g_assert_cmpuint (att_test_count_source (all, ATT_REPORT_SOURCE_HIGG), ==, DEMO_ROWS);
  g_assert_cmpuint (att_test_count_source (all, ATT_REPORT_SOURCE_CLOSIENT), >, 0);

  expired->statuses = ATT_REPORT_STATUS_BIT (ATT_CERTIFICATE_STATUS_EXPIRED);
  only_expired = make_ok (snapshot, expired);
  g_assert_cmpuint (att_report_get_n_rows (only_expired), ==,
                    att_report_count_status (all, ATT_CERTIFICATE_STATUS_EXPIRED));
  g_assert_cmpuint (att_report_get_n_rows (only_expired), <, att_report_get_n_rows (all));
  g_assert_cmpuint (att_sandbox_get_request_count (fixture->sandbox, search_path), ==, before + searches);

  /* A build reads the services again, and makes the same report. */
  built = build_ok (fixture, fixture->higg, fixture->closient, NULL, NULL, 0);
  g_assert_cmpuint (att_report_get_n_rows (built), ==, att_report_get_n_rows (all));
  g_assert_cmpuint (att_sandbox_get_request_count (fixture->sandbox, search_path), ==, before + 2 * searches);
}

#define ADD_TEST(path, func) \
  g_test_add ("/report/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/in-memory", test_in_memory);
  g_test_add_func ("/report/describe", test_describe);
  ADD_TEST ("higg-rows", test_higg_rows);
  ADD_TEST ("higg-fixed-today", test_higg_fixed_today);
  ADD_TEST ("filters", test_filters);
  ADD_TEST ("filter-source", test_filter_source);
  ADD_TEST ("closient-rows", test_closient_rows);
  ADD_TEST ("closient-failure", test_closient_failure);
  ADD_TEST ("higg-failure", test_higg_failure);
  ADD_TEST ("higg-down", test_higg_down);
  ADD_TEST ("cancel", test_cancel);
  ADD_TEST ("snapshot", test_snapshot);

  return g_test_run ();
}
