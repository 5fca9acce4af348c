/* test-reports-page.c: the Reports view against the sandbox's demo data,
 * under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "att-closient-client.h"
#include "att-context.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-product-cache.h"
#include "att-product.h"
#include "att-report-build.h"
#include "att-report-columns.h"
#include "att-report-writer.h"
#include "att-reports-page.h"
#include "att-sandbox-closient-seed.h"
#include "att-sandbox-seed.h"
#include "att-sandbox.h"
#include "att-test-report.h"
#include "att-test-utils.h"
#include "att-test-widgets.h"

typedef struct
{
  AttSandbox     *sandbox;
  AttHttp        *http;
  AttHiggClient  *client;
  AttContext     *context;
  GtkWindow      *window;
  AttReportsPage *page;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (f->sandbox, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (f->sandbox, &f->http, &f->client, &f->context);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->page = ATT_REPORTS_PAGE (att_reports_page_new (f->context));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->context);
  att_test_sandbox_disconnect (&f->sandbox, &f->http, &f->client);
}

/* A report other than @data, and no build under way. */
static gboolean
report_built (Fixture      *f,
              gconstpointer data)
{
  AttReport *report = att_reports_page_get_report (f->page);

  return report != NULL && report != data && !att_reports_page_get_building (f->page);
}

/* Waits for the report built after the last change of the filters. */
static AttReport *
wait_for_report (Fixture   *f,
                 AttReport *previous)
{
  att_test_wait_until (ATT_TEST_PREDICATE (report_built), f, previous, "the report");
  return att_reports_page_get_report (f->page);
}

static GListModel *
preview (Fixture *f)
{
  return G_LIST_MODEL (gtk_column_view_get_model (att_reports_page_get_column_view (f->page)));
}

/* The same report, built apart from the view with the same filter. */
static AttReport *
build_apart (Fixture   *f,
             AttReport *shown)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AttReport *report;

  att_report_build_async (f->client, NULL, NULL, att_report_get_filter (shown), att_report_get_now (shown),
                          att_report_get_lead_days (shown), NULL, NULL, NULL, att_test_store_result, &result);
  report = att_report_build_finish (att_test_await_result (&result), &error);
  g_assert_no_error (error);
  return report;
}

static guint
count_rows_of (AttReport           *report,
               AttCertificateStatus status)
{
  guint n = 0;

  for (guint i = 0; i < att_report_get_n_rows (report); i++)
    n += att_report_row_get_status (att_report_get_row (report, i)) == status;
  return n;
}

static gboolean
is_label_with (GtkWidget    *widget,
               gconstpointer text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static void
test_preview (Fixture      *f,
              gconstpointer data)
{
  AttReport *report = wait_for_report (f, NULL);
  g_autoptr(AttReport) apart = build_apart (f, report);
  g_autofree char *expired = NULL;

  g_assert_cmpuint (att_report_get_n_rows (report), >, 0);
  g_assert_cmpuint (att_report_get_n_rows (report), ==, att_report_get_n_rows (apart));
  g_assert_cmpuint (g_list_model_get_n_items (preview (f)), ==,
                    MIN (att_report_get_n_rows (report), ATT_REPORTS_PAGE_PREVIEW_ROWS));

  /* The counts said are the rows' statuses, and the demo has some of
   * each. */
  g_assert_cmpuint (count_rows_of (report, ATT_CERTIFICATE_STATUS_EXPIRED), >, 0);
  g_assert_cmpuint (count_rows_of (report, ATT_CERTIFICATE_STATUS_EXPIRING), >, 0);
  for (AttCertificateStatus s = ATT_CERTIFICATE_STATUS_UNKNOWN; s <= ATT_CERTIFICATE_STATUS_EXPIRED; s++)
    g_assert_cmpuint (att_report_count_status (report, s), ==, count_rows_of (apart, s));
  expired = g_strdup_printf ("%u expired", count_rows_of (report, ATT_CERTIFICATE_STATUS_EXPIRED));
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->page), is_label_with, expired));

  /* The first row is drawn, with its product's name. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->page), is_label_with,
                                          att_report_row_get_product_name (att_report_get_row (report, 0))));
}

static void
test_filters (Fixture      *f,
              gconstpointer data)
{
  AttReport       *all = g_object_ref (wait_for_report (f, NULL));
  AttReport       *report;
  g_autofree char *name = g_strdup (att_report_row_get_product_name (att_report_get_row (all, 0)));
  guint            n_all = att_report_get_n_rows (all);

  att_reports_page_set_search_text (f->page, name);
  report = wait_for_report (f, all);
  g_assert_cmpuint (att_report_get_n_rows (report), >, 0);
  g_assert_cmpuint (att_report_get_n_rows (report), <, n_all);
  g_assert_cmpuint (g_list_model_get_n_items (preview (f)), ==, att_report_get_n_rows (report));
  for (guint i = 0; i < att_report_get_n_rows (report); i++)
    g_assert_nonnull (strstr (att_report_row_get_product_name (att_report_get_row (report, i)), name));

  /* Expired rows left out, with every product again. */
  att_reports_page_set_search_text (f->page, NULL);
  att_reports_page_set_status_shown (f->page, ATT_CERTIFICATE_STATUS_EXPIRED, FALSE);
  report = wait_for_report (f, report);
  g_assert_cmpuint (att_report_get_n_rows (report), ==, n_all - count_rows_of (all, ATT_CERTIFICATE_STATUS_EXPIRED));
  g_assert_cmpuint (count_rows_of (report, ATT_CERTIFICATE_STATUS_EXPIRED), ==, 0);
  g_object_unref (all);
}

/* Higg failing after its first page: the view says what is missing. */
static void
test_missing_parts (Fixture      *f,
                    gconstpointer data)
{
  AttReport *report;
  GtkWidget *label;

  att_sandbox_inject_failure_from (f->sandbox, 500, 10, ATT_REPORT_BUILD_PAGE_SIZE);
  report = wait_for_report (f, NULL);
  g_assert_cmpuint (g_strv_length ((char **) att_report_get_missing_parts (report)), ==, 1);
  label = att_test_find_widget (GTK_WIDGET (f->page), is_label_with, att_report_get_missing_parts (report)[0]);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpuint (g_list_model_get_n_items (preview (f)), ==, att_report_get_n_rows (report));
}

/* With a Closient client, the GTINs of the PM products are looked up
 * there too. */
static void
test_closient_rows (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(AttClosientClient) closient = att_test_closient_client_new (f->http, f->sandbox);
  AttReport *report;
  guint      n_closient = 0;

  att_context_set_closient_client (f->context, closient);
  report = wait_for_report (f, NULL);
  n_closient = att_test_count_source (report, ATT_REPORT_SOURCE_CLOSIENT);
  g_assert_cmpuint (n_closient, >, 0);
  g_assert_cmpuint (n_closient, <, att_report_get_n_rows (report));
}

static gboolean
export_done (Fixture      *f,
             gconstpointer data)
{
  return !att_reports_page_get_exporting (f->page);
}

static void
test_export_csv (Fixture      *f,
                 gconstpointer data)
{
  AttReport       *report = wait_for_report (f, NULL);
  g_autofree char *dir = g_dir_make_tmp ("att-reports-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  AttReportRow *first = att_report_get_row (report, 0);
  g_auto(GStrv) lines = NULL;

  att_reports_page_export (f->page, file, att_report_format_lookup ("csv"));
  g_assert_true (att_reports_page_get_exporting (f->page));
  att_test_wait_until (ATT_TEST_PREDICATE (export_done), f, NULL, "the export");

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, att_report_column_get_title (ATT_REPORT_COLUMN_SOURCE)));
  g_assert_nonnull (att_report_row_get_certificate_number (first));
  g_assert_nonnull (strstr (contents, att_report_row_get_certificate_number (first)));
  /* A header and a line at least per row. */
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, att_report_get_n_rows (report));
  g_unlink (path);
  g_rmdir (dir);
}

/* The services are read once: filters changed quickly make one report, of
 * the last filters, without asking Higg again; Refresh reads them again,
 * and a refresh under way is given up for the next. */
static void
test_debounce (Fixture      *f,
               gconstpointer data)
{
  const char *search_path = "/pm-api/v1/product/search";
  AttReport  *all = g_object_ref (wait_for_report (f, NULL));
  guint       pages = att_sandbox_get_request_count (f->sandbox, search_path);
  AttReport  *report;

  g_assert_cmpuint (pages, ==, (att_sandbox_seed_demo_count () + ATT_REPORT_BUILD_PAGE_SIZE - 1) / ATT_REPORT_BUILD_PAGE_SIZE);
  att_reports_page_set_search_text (f->page, "a");
  att_test_run_for (50);
  att_reports_page_set_search_text (f->page, "ab");
  att_test_run_for (50);
  att_reports_page_set_expiring_within (f->page, 30);
  att_reports_page_set_search_text (f->page, "");
  report = wait_for_report (f, all);
  g_assert_cmpuint (att_sandbox_get_request_count (f->sandbox, search_path), ==, pages);
  g_assert_null (att_report_get_filter (report)->search);
  g_assert_cmpint (att_report_get_filter (report)->expiring_within_days, ==, 30);

  /* Refresh, twice while the first is under way (slowed down). */
  att_sandbox_set_latency (f->sandbox, 200);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "reports.refresh", NULL);
  att_test_run_for (100);
  g_assert_true (att_reports_page_get_building (f->page));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "reports.refresh", NULL);
  report = wait_for_report (f, report);
  g_assert_cmpint (att_report_get_filter (report)->expiring_within_days, ==, 30);
  g_assert_cmpuint (att_sandbox_get_request_count (f->sandbox, search_path), >=, 2 * pages);
  g_assert_cmpuint (att_sandbox_get_request_count (f->sandbox, search_path), <=, 2 * pages + 1);
  g_object_unref (all);
}

/* Cancelled at once: no toast, and the file is not there or, if the
 * write had ended before the cancel, whole. */
static void
test_export_cancel (Fixture      *f,
                    gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("att-reports-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.jsonld", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = json_parser_new ();

  wait_for_report (f, NULL);
  att_reports_page_export (f->page, file, att_report_format_lookup ("jsonld"));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "reports.cancel-export", NULL);
  att_test_wait_until (ATT_TEST_PREDICATE (export_done), f, NULL, "the export");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_null (att_test_find_widget (GTK_WIDGET (f->page), is_label_with, "could not be saved"));
  g_assert_null (att_test_find_widget (GTK_WIDGET (f->page), is_label_with, "Report saved"));
  if (g_file_query_exists (file, NULL))
    {
      g_autoptr(GError) error = NULL;

      json_parser_load_from_file (parser, path, &error);
      g_assert_no_error (error);
      g_unlink (path);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A folder that is not there: the export fails, and a toast says why. */
static void
test_export_error (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-attest-folder/report.csv");

  wait_for_report (f, NULL);
  att_reports_page_export (f->page, file, att_report_format_lookup ("csv"));
  att_test_wait_until (ATT_TEST_PREDICATE (export_done), f, NULL, "the export");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->page), is_label_with, "could not be saved"));
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->page), is_label_with, "nonexistent-attest-folder"));
  g_assert_false (g_file_query_exists (file, NULL));
}

static void
on_cache_changed (gboolean *changed)
{
  *changed = TRUE;
}

/* A product of the local copy whose GTIN only Closient knows (no PM
 * product has it): Refresh asks Closient about it, and its
 * certifications are in the report, under its name. */
static void
test_cached_gtins (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("att-reports-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "products.sqlite", NULL);
  g_autoptr(AttProductCache) cache = att_product_cache_new_for_path (f->client, path);
  g_autoptr(JsonNode) json = json_from_string ("{\"_id\": \"local-only\", \"name\": \"Kept Locally\", "
                                                "\"identifierType\": \"GTIN\", \"identifier\": \"012345678905\"}",
                                                NULL);
  g_autoptr(AttProduct) product = att_product_new_from_json (json_node_get_object (json), NULL, NULL);
  g_autoptr(AttClosientClient) closient = att_test_closient_client_new (f->http, f->sandbox);
  AttReport *report;
  gboolean   changed = FALSE;
  guint      n_local = 0;

  /* A Closient client that comes after the first report: read again. */
  report = wait_for_report (f, NULL);
  att_context_set_closient_client (f->context, closient);
  report = wait_for_report (f, report);
  for (guint i = 0; i < att_report_get_n_rows (report); i++)
    g_assert_cmpstr (att_report_row_get_gtin (att_report_get_row (report, i)), !=, ATT_SANDBOX_CLOSIENT_GTIN12);

  g_signal_connect_swapped (cache, "changed", G_CALLBACK (on_cache_changed), &changed);
  att_product_cache_put_product (cache, product);
  while (!changed)
    g_main_context_iteration (NULL, TRUE);
  att_context_set_product_cache (f->context, cache);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "reports.refresh", NULL);
  report = wait_for_report (f, report);
  for (guint i = 0; i < att_report_get_n_rows (report); i++)
    {
      AttReportRow *row = att_report_get_row (report, i);

      if (g_strcmp0 (att_report_row_get_gtin (row), ATT_SANDBOX_CLOSIENT_GTIN12) != 0)
        continue;
      /* Named after the local product: no PM product has its GTIN. */
      g_assert_cmpstr (att_report_row_get_product_name (row), ==, "Kept Locally");
      n_local++;
    }
  g_assert_cmpuint (n_local, >, 0);
  att_context_set_product_cache (f->context, NULL);
  g_clear_object (&cache);
  att_test_remove_dir (dir);
}

static gboolean
print_done (Fixture      *f,
            gconstpointer data)
{
  return !att_reports_page_get_printing (f->page);
}

/* The writer's format of the printout's paper, from pdfinfo's "Page size:
 * W x H pts". */
static const char *
format_of_paper (const char *info)
{
  const char *size = strstr (info, "Page size:");

  g_assert_nonnull (size);
  return g_ascii_strtod (size + strlen ("Page size:"), NULL) > 800 ? "pdf" : "pdf-letter";
}

/* Printed (to a PDF file, as the print dialog's "Print to File" does),
 * the report has the PDF writer's pages: the same count and the same
 * text on them. */
static void
test_print (Fixture      *f,
            gconstpointer data)
{
  AttReport       *report = wait_for_report (f, NULL);
  g_autofree char *dir = g_dir_make_tmp ("att-reports-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *info = NULL;
  g_autofree char *written = NULL;
  g_autofree char *printed_text = NULL;
  g_autofree char *written_text = NULL;

  if (!att_test_have_poppler ())
    return;
  att_reports_page_print (f->page, file);
  att_test_wait_until (ATT_TEST_PREDICATE (print_done), f, NULL, "the printout");

  info = att_test_run_poppler ("pdfinfo", path);
  written = att_test_write_report_ok (report, format_of_paper (info), dir, "written.pdf");
  printed_text = att_test_run_poppler ("pdftotext", path);
  written_text = att_test_run_poppler ("pdftotext", written);
  g_assert_nonnull (strstr (printed_text, att_report_row_get_certificate_number (att_report_get_row (report, 0))));
  g_assert_cmpstr (printed_text, ==, written_text);
  g_unlink (path);
  g_unlink (written);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* With "Certificate Images in PDF and Print" on, the images are read first (the bar says
 * so), then printed: one picture per Higg certificate with a scan. */
static void
test_print_images (Fixture      *f,
                   gconstpointer data)
{
  AttReport       *report = wait_for_report (f, NULL);
  g_autofree char *dir = g_dir_make_tmp ("att-reports-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint uses = 0;
  guint objects;

  if (!att_test_have_poppler ())
    return;
  g_assert_false (att_report_get_thumbnails (report));
  /* The menu's check item. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "reports.show-images", NULL);
  g_assert_true (att_report_get_thumbnails (report));

  att_reports_page_print (f->page, file);
  g_assert_true (att_reports_page_get_printing (f->page));
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->page), is_label_with, "certificate images"));
  att_test_wait_until (ATT_TEST_PREDICATE (print_done), f, NULL, "the printout");
  objects = att_test_count_pdf_images (path, &uses);
  g_assert_cmpuint (objects, >, 0);
  /* Drawn on each row of a certificate, embedded once. */
  g_assert_cmpuint (uses, >, objects);
  att_test_remove_dir (dir);
}

/* Ctrl+F puts the focus in the product search. */
static void
test_focus_search (Fixture      *f,
                   gconstpointer data)
{
  GtkWidget *focus;

  wait_for_report (f, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (att_reports_page_get_column_view (f->page)));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "reports.focus-search", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/reports-page/preview", Fixture, NULL, fixture_setup, test_preview, fixture_teardown);
  g_test_add ("/reports-page/filters", Fixture, NULL, fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/reports-page/missing-parts", Fixture, NULL, fixture_setup, test_missing_parts, fixture_teardown);
  g_test_add ("/reports-page/closient-rows", Fixture, NULL, fixture_setup, test_closient_rows, fixture_teardown);
  g_test_add ("/reports-page/export-error", Fixture, NULL, fixture_setup, test_export_error, fixture_teardown);
  g_test_add ("/reports-page/debounce", Fixture, NULL, fixture_setup, test_debounce, fixture_teardown);
  g_test_add ("/reports-page/export-cancel", Fixture, NULL, fixture_setup, test_export_cancel, fixture_teardown);
  g_test_add ("/reports-page/export-csv", Fixture, NULL, fixture_setup, test_export_csv, fixture_teardown);
  g_test_add ("/reports-page/cached-gtins", Fixture, NULL, fixture_setup, test_cached_gtins, fixture_teardown);
  g_test_add ("/reports-page/print", Fixture, NULL, fixture_setup, test_print, fixture_teardown);
  g_test_add ("/reports-page/print-images", Fixture, NULL, fixture_setup, test_print_images, fixture_teardown);
  g_test_add ("/reports-page/focus-search", Fixture, NULL, fixture_setup, test_focus_search, fixture_teardown);

  return g_test_run ();
}
