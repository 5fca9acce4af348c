/* test-report-files.c: the XLSX and PDF writers, read back by openpyxl
 * and poppler's pdftotext, pdfinfo and pdffonts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "att-report-columns.h"
#include "att-report-pdf-layout.h"
#include "att-report-writer.h"
#include "att-test-report.h"
#include "att-test-utils.h"

#define ACCENTED "Crème brûlée Œuvre Straße"
#define RTL_NAME "חולצה כחולה"
/* RTL_NAME in logical order, without its space. */
#define RTL_SQUEEZED "חולצהכחולה"
#define FORMULA      "=SUM(A1:A2)"
#define MISSING      "Closient: the service could not be reached"
#define LONG_LENGTH  5000

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("attest-report-files-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_chmod (fixture->dir, 0700);
  /* ATT_TEST_KEEP=1 keeps the files written, to look at them. */
  if (g_getenv ("ATT_TEST_KEEP") == NULL)
    att_test_remove_dir (fixture->dir);
  else
    g_printerr ("# kept %s\n", fixture->dir);
  g_free (fixture->dir);
}

/* --- Reports ----------------------------------------------------------- */

static AttClosientAssignment *
assignment_new (guint       index,
                const char *standard,
                const char *number,
                const char *expires)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"123e4567-e89b-12d3-a456-%012u\",\"label\":\"%s\",\"certificate_number\":\"%s\","
    "\"issuing_body\":\"Oregon Tilth\",\"valid_from\":\"2024-01-02\",\"expiration_date\":\"%s\","
    "\"verification_status\":\"verified\"}",
    index, standard, number, expires);
  g_autoptr(JsonNode) node = att_test_parse_value (json);
  g_autoptr(GError) error = NULL;
  AttClosientAssignment *assignment = att_closient_assignment_new_from_json (node, &error);

  g_assert_no_error (error);
  return assignment;
}

static void
add_product (AttReport  *report,
             guint       index,
             const char *name,
             const char *standard,
             const char *number,
             const char *expires)
{
  g_autoptr(GListStore) list = g_list_store_new (ATT_TYPE_CLOSIENT_ASSIGNMENT);
  g_autoptr(AttClosientAssignment) assignment = assignment_new (index, standard, number, expires);
  g_autofree char *gtin = g_strdup_printf ("%013u", 4000000 + index);

  g_list_store_append (list, assignment);
  att_report_add_closient_assignments (report, gtin, name, G_LIST_MODEL (list));
}

static AttReport *
report_new (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 6, 1, 0, 0, 0);
  g_autoptr(AttReportFilter) filter = att_report_filter_new ();

  filter->account = g_strdup ("Demo");
  return att_report_new (filter, now, 60);
}

/* Accented, right-to-left, formula-like and 5,000-character names, two
 * standards, one row of each status, a certificate on no product with no
 * dates, and a missing part. */
static AttReport *
fixture_report_new (void)
{
  g_autoptr(AttReport) report = report_new ();
  g_autofree char *long_name = g_strnfill (LONG_LENGTH, 'L');
  g_autoptr(GListStore) certificates = g_list_store_new (ATT_TYPE_CERTIFICATE);
  g_autoptr(JsonObject) object = att_test_parse_object (
    "{\"_id\":\"h1\",\"assertionId\":\"H-1\",\"assertionStandardName\":\"GRS\",\"proofBody\":\"Control Union\"}");
  g_autoptr(AttCertificate) unattached = att_certificate_new_from_json (object, NULL, NULL);

  add_product (report, 1, ACCENTED, "USDA Organic", "NOP-1", "2027-12-31");
  add_product (report, 2, RTL_NAME, "USDA Organic", "NOP-2", "2026-06-20");
  add_product (report, 3, FORMULA, "GOTS", "=HYPERLINK(A1)", "2026-01-31");
  add_product (report, 4, long_name, "GOTS", "NOP-4", "2027-03-01");
  g_list_store_append (certificates, unattached);
  att_report_add_higg_certificates (report, G_LIST_MODEL (certificates));
  att_report_add_missing_part (report, MISSING);
  return g_steal_pointer (&report);
}

static AttReport *
large_report_new (guint n_rows)
{
  AttReport *report = report_new ();

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *name = g_strdup_printf ("Organic Tee n°%u, “Édition”", i);

      add_product (report, i, name, i % 3 ? "GOTS" : "USDA Organic", "NOP-1", "2027-01-01");
    }
  return report;
}

/* --- Writing ----------------------------------------------------------- */

/* --- XLSX -------------------------------------------------------------- */

/* Reads the workbook named on stdin with openpyxl and prints what the
 * test checks, as JSON. */
static const char xlsx_script[] =
  "import json, sys, datetime\n"
  "try:\n"
  "    import openpyxl\n"
  "except ImportError:\n"
  "    sys.stderr.write('python3-openpyxl is not installed')\n"
  "    sys.exit(77)\n"
  "book = openpyxl.load_workbook(sys.stdin.read())\n"
  "sheet, summary = book.worksheets\n"
  "rows = list(sheet.iter_rows())\n"
  "def cell(c):\n"
  "    v = c.value\n"
  "    if isinstance(v, datetime.datetime): return {'date': v.strftime('%Y-%m-%d'), 'format': c.number_format}\n"
  "    return {'value': v, 'type': c.data_type}\n"
  "print(json.dumps({'sheets': book.sheetnames,\n"
  "  'header': [c.value for c in rows[0]], 'bold': all(c.font.b for c in rows[0]),\n"
  "  'freeze': sheet.freeze_panes, 'filter': sheet.auto_filter.ref,\n"
  "  'widths': [sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width\n"
  "             for i in range(len(rows[0]))],\n"
  "  'rows': [[cell(c) for c in r] for r in rows[1:]],\n"
  "  'summary': [[c.value for c in r] for r in summary.iter_rows()]}))\n";

static JsonArray *
find_row (JsonArray  *rows,
          const char *name)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonArray  *row = json_array_get_array_element (rows, i);
      JsonObject *product = json_array_get_object_element (row, ATT_REPORT_COLUMN_PRODUCT_NAME);

      if (g_strcmp0 (json_object_get_string_member_with_default (product, "value", NULL), name) == 0)
        return row;
    }
  g_assert_not_reached ();
}

static gboolean
summary_has (JsonArray  *summary,
             const char *label,
             gint64      count)
{
  for (guint i = 0; i < json_array_get_length (summary); i++)
    {
      JsonArray *line = json_array_get_array_element (summary, i);

      if (json_array_get_length (line) >= 2 &&
          g_strcmp0 (json_array_get_string_element (line, 0), label) == 0 &&
          JSON_NODE_HOLDS_VALUE (json_array_get_element (line, 1)) &&
          json_array_get_int_element (line, 1) == count)
        return TRUE;
    }
  return FALSE;
}

static gboolean
summary_has_text (JsonArray  *summary,
                  const char *text)
{
  for (guint i = 0; i < json_array_get_length (summary); i++)
    if (g_strcmp0 (json_array_get_string_element (json_array_get_array_element (summary, i), 0), text) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_cell_text (JsonArray      *row,
                  AttReportColumn column,
                  const char     *text)
{
  JsonObject *cell = json_array_get_object_element (row, column);

  g_assert_cmpstr (json_object_get_string_member (cell, "value"), ==, text);
  g_assert_cmpstr (json_object_get_string_member (cell, "type"), ==, "s");
}

static void
assert_cell_date (JsonArray      *row,
                  AttReportColumn column,
                  const char     *date)
{
  JsonObject *cell = json_array_get_object_element (row, column);

  g_assert_cmpstr (json_object_get_string_member (cell, "date"), ==, date);
  g_assert_cmpstr (json_object_get_string_member (cell, "format"), ==, "yyyy-mm-dd");
}

static void
assert_xlsx_table (JsonObject *parsed)
{
  JsonArray *header = json_object_get_array_member (parsed, "header");
  JsonArray *widths = json_object_get_array_member (parsed, "widths");

  g_assert_cmpuint (json_array_get_length (header), ==, ATT_REPORT_N_COLUMNS);
  for (guint column = 0; column < ATT_REPORT_N_COLUMNS; column++)
    g_assert_cmpstr (json_array_get_string_element (header, column), ==, att_report_column_get_title (column));
  g_assert_true (json_object_get_boolean_member (parsed, "bold"));
  g_assert_cmpstr (json_object_get_string_member (parsed, "freeze"), ==, "A2");
  g_assert_cmpstr (json_object_get_string_member (parsed, "filter"), ==, "A1:N6");
  /* The 5,000-character name's column is capped; the GTIN's fits it. */
  g_assert_cmpfloat (json_array_get_double_element (widths, ATT_REPORT_COLUMN_PRODUCT_NAME), <=, 70);
  g_assert_cmpfloat (json_array_get_double_element (widths, ATT_REPORT_COLUMN_PRODUCT_NAME), >=, 40);
  g_assert_cmpfloat (json_array_get_double_element (widths, ATT_REPORT_COLUMN_GTIN), >=, 13);
}

static void
test_xlsx (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr(AttReport) report = fixture_report_new ();
  g_autofree char *path = att_test_write_report_ok (report, "xlsx", fixture->dir, "report.xlsx");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = att_test_run_python (xlsx_script, path, &error);
  g_autoptr(JsonObject) parsed = NULL;
  g_autofree char *long_name = g_strnfill (LONG_LENGTH, 'L');
  JsonArray       *rows, *row, *summary;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_test_skip (error->message);
      return;
    }
  g_assert_no_error (error);
  parsed = att_test_parse_object (out);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (parsed, "sheets"), 0), ==,
                   "Certificates");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (parsed, "sheets"), 1), ==,
                   "Summary");
  assert_xlsx_table (parsed);

  rows = json_object_get_array_member (parsed, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, att_report_get_n_rows (report));
  row = find_row (rows, ACCENTED);
  assert_cell_date (row, ATT_REPORT_COLUMN_DATE_ISSUED, "2024-01-02");
  assert_cell_date (row, ATT_REPORT_COLUMN_DATE_EXPIRES, "2027-12-31");
  assert_cell_text (row, ATT_REPORT_COLUMN_GTIN, "0000004000001");
  /* Formula-like text stays text, as written. */
  row = find_row (rows, FORMULA);
  assert_cell_text (row, ATT_REPORT_COLUMN_CERTIFICATE_NUMBER, "=HYPERLINK(A1)");
  assert_cell_text (row, ATT_REPORT_COLUMN_STATUS, att_certificate_status_get_label (ATT_CERTIFICATE_STATUS_EXPIRED));
  find_row (rows, RTL_NAME);
  find_row (rows, long_name);

  summary = json_object_get_array_member (parsed, "summary");
  g_assert_true (summary_has (summary, att_certificate_status_get_label (ATT_CERTIFICATE_STATUS_VALID), 2));
  g_assert_true (summary_has (summary, att_certificate_status_get_label (ATT_CERTIFICATE_STATUS_EXPIRING), 1));
  g_assert_true (summary_has (summary, att_certificate_status_get_label (ATT_CERTIFICATE_STATUS_EXPIRED), 1));
  g_assert_true (summary_has (summary, att_certificate_status_get_label (ATT_CERTIFICATE_STATUS_UNKNOWN), 1));
  g_assert_true (summary_has (summary, "GOTS", 2));
  g_assert_true (summary_has (summary, "USDA Organic", 2));
  g_assert_true (summary_has (summary, "Rows", 5));
  g_assert_true (summary_has_text (summary, MISSING));
  g_assert_true (summary_has_text (summary, "Account: Demo"));
  g_assert_cmpuint (att_test_count_dir_entries (fixture->dir), ==, 1);
}

/* --- PDF --------------------------------------------------------------- */

static guint
count_occurrences (const char *text,
                   const char *word)
{
  guint n = 0;

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    n++;
  return n;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = att_test_run_poppler ("pdfinfo", path);
  const char      *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

/* Every font is embedded (pdffonts' "emb" column). */
static void
assert_fonts_embedded (const char *path)
{
  g_autofree char *fonts = att_test_run_poppler ("pdffonts", path);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n = 0;

  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      guint n_fields = g_strv_length (fields);

      if (lines[i][0] == '\0')
        continue;
      g_test_message ("%s", lines[i]);
      g_assert_nonnull (strstr (lines[i], " yes "));
      n += n_fields > 0;
    }
  g_assert_cmpuint (n, >, 0);
}

/* @text without spaces and bidi controls: pdftotext puts the glyphs of
 * right-to-left words between embedding marks, with spaces among them. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != ' ' && (c < 0x202A || c > 0x202E))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
test_pdf (Fixture      *fixture,
          gconstpointer user_data)
{
  g_autoptr(AttReport) report = fixture_report_new ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *squeezed = NULL;

  if (!att_test_have_poppler ())
    return;
  path = att_test_write_report_ok (report, "pdf", fixture->dir, "report.pdf");
  text = att_test_run_poppler ("pdftotext", path);
  squeezed = squeeze (text);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Certificate report"));
  g_assert_nonnull (strstr (text, ACCENTED));
  g_assert_nonnull (strstr (squeezed, RTL_SQUEEZED));
  g_assert_nonnull (strstr (text, "=HYPERLINK(A1)"));
  g_assert_nonnull (strstr (text, "Account: Demo"));
  g_assert_nonnull (strstr (text, "Missing from this report"));
  g_assert_nonnull (strstr (text, MISSING));
  g_assert_nonnull (strstr (text, "2027-12-31"));
  g_assert_nonnull (strstr (text, att_certificate_status_get_label (ATT_CERTIFICATE_STATUS_EXPIRED)));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
  /* The 5,000-character name is cut with an ellipsis, which keeps the
   * whole name as its text: the row is short, the report one page. */
  g_assert_cmpuint (count_occurrences (text, "L"), >=, LONG_LENGTH);
  assert_fonts_embedded (path);

  info = att_test_run_poppler ("pdfinfo", path);
  g_assert_true (g_regex_match_simple ("^Title: +Certificate report$", info, G_REGEX_MULTILINE, 0));
  g_assert_nonnull (strstr (info, "841.89 x 595.28 pts (A4)"));
  g_assert_cmpuint (att_test_count_dir_entries (fixture->dir), ==, 1);
}

static void
test_pdf_letter (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr(AttReport) report = fixture_report_new ();
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;

  if (!att_test_have_poppler ())
    return;
  path = att_test_write_report_ok (report, "pdf-letter", fixture->dir, "report.pdf");
  info = att_test_run_poppler ("pdfinfo", path);
  g_assert_nonnull (strstr (info, "792 x 612 pts (letter)"));
}

/* Writes @n_rows rows; checks the header and "Page N of M" are on every
 * page; returns the pages. */
static guint
assert_pages (Fixture *fixture,
              guint    n_rows)
{
  g_autoptr(AttReport) report = large_report_new (n_rows);
  g_autofree char *name = g_strdup_printf ("rows-%u.pdf", n_rows);
  g_autofree char *path = att_test_write_report_ok (report, "pdf", fixture->dir, name);
  g_autofree char *text = att_test_run_poppler ("pdftotext", path);
  g_autofree char *last = NULL;
  guint            pages = pdf_pages (path);

  last = g_strdup_printf ("Page %u of %u", pages, pages);
  g_test_message ("%u rows: %u pages", n_rows, pages);
  g_assert_cmpuint (count_occurrences (text, "GTIN"), ==, pages);
  g_assert_cmpuint (count_occurrences (text, "Organic Tee n°"), ==, n_rows);
  g_assert_nonnull (strstr (text, last));
  return pages;
}

static void
test_pdf_pages (Fixture      *fixture,
                gconstpointer user_data)
{
  guint ten, five_hundred, ten_thousand;

  if (!att_test_have_poppler ())
    return;
  ten = assert_pages (fixture, 10);
  five_hundred = assert_pages (fixture, 500);
  ten_thousand = assert_pages (fixture, 10000);
  g_assert_cmpuint (ten, ==, 1);
  /* About 30 one-line rows a page, the first page less. */
  g_assert_cmpuint (five_hundred, >=, 500 / 40);
  g_assert_cmpuint (five_hundred, <=, 500 / 20);
  g_assert_cmpuint (ten_thousand, >=, 19 * five_hundred);
  g_assert_cmpuint (ten_thousand, <=, 21 * five_hundred);
}

/* An empty report: one page with the heading and the table's header. */
static void
test_pdf_empty (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr(AttReport) report = report_new ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *xlsx = NULL;

  if (!att_test_have_poppler ())
    return;
  path = att_test_write_report_ok (report, "pdf", fixture->dir, "empty.pdf");
  text = att_test_run_poppler ("pdftotext", path);
  g_assert_cmpuint (pdf_pages (path), ==, 1);
  g_assert_cmpuint (count_occurrences (text, "GTIN"), ==, 1);
  g_assert_nonnull (strstr (text, "Rows: 0"));
  xlsx = att_test_write_report_ok (report, "xlsx", fixture->dir, "empty.xlsx");
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
}

static guint
count_inked_pixels (cairo_surface_t *surface)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int           stride = cairo_image_surface_get_stride (surface);
  guint         n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      n += ((const guint32 *) (data + y * stride))[x] != 0;
  return n;
}

/* The layout the Reports view will print with: measured and drawn on an
 * image surface, as GtkPrintOperation's context would be, on Letter. */
static void
test_layout (void)
{
  g_autoptr(AttReport) report = large_report_new (100);
  g_autoptr(AttReportLayout) layout = att_report_layout_new (report, ATT_REPORT_PAGE_LETTER_WIDTH,
                                                              ATT_REPORT_PAGE_LETTER_HEIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 792, 612);
  cairo_t         *cr = cairo_create (surface);
  guint            n_pages = att_report_layout_get_n_pages (layout, cr);
  guint            first_inked;

  g_assert_cmpuint (n_pages, >, 1);
  g_assert_cmpuint (att_report_layout_get_n_pages (layout, cr), ==, n_pages);
  g_assert_cmpuint (att_report_layout_get_page_end (layout, n_pages - 1), ==, 100);
  g_assert_cmpuint (att_report_layout_get_page_end (layout, 0), <, att_report_layout_get_page_end (layout, 1));
  att_report_layout_draw_page (layout, cr, 0);
  first_inked = count_inked_pixels (surface);
  g_assert_cmpuint (first_inked, >, 1000);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* --- Whole or not at all ----------------------------------------------- */

static void
cancel_on_progress (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  g_assert_cmpuint (done, <=, total);
  g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr(AttReport) report = large_report_new (300);
  const char *formats[] = { "xlsx", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("report.", formats[i], NULL);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;

      g_file_set_contents (path, "old", -1, &error);
      g_assert_no_error (error);
      g_assert_false (att_test_write_report (report, formats[i], path, cancel_on_progress, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "old");
      g_assert_cmpuint (att_test_count_dir_entries (fixture->dir), ==, i + 1);
    }
}

/* A folder that is a file: a clear error naming the target, nothing
 * written. */
static void
test_unwritable (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr(AttReport) report = fixture_report_new ();
  g_autofree char *file = g_build_filename (fixture->dir, "file", NULL);
  const char      *formats[] = { "xlsx", "pdf" };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (file, "not a folder", -1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("report.", formats[i], NULL);
      g_autofree char *path = g_build_filename (file, name, NULL);

      g_assert_false (att_test_write_report (report, formats[i], path, NULL, NULL, &error));
      g_assert_nonnull (strstr (error->message, name));
      g_clear_error (&error);
      g_assert_cmpuint (att_test_count_dir_entries (fixture->dir), ==, 1);
    }
}

static void
test_formats (void)
{
  g_autoptr(GFile) xlsx = g_file_new_for_path ("/tmp/Report.XLSX");
  g_autoptr(GFile) pdf = g_file_new_for_path ("/tmp/report.pdf");

  g_assert_true (att_report_format_for_file (xlsx) == att_report_format_lookup ("xlsx"));
  g_assert_true (att_report_format_for_file (pdf) == att_report_format_lookup ("pdf"));
  g_assert_true (att_report_format_lookup ("pdf-letter") != att_report_format_lookup ("pdf"));
  g_assert_cmpstr (att_report_format_lookup ("pdf-letter")->extension, ==, "pdf");
}

#define ADD_TEST(path, func) \
  g_test_add ("/report-files/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-files/formats", test_formats);
  ADD_TEST ("xlsx", test_xlsx);
  ADD_TEST ("pdf", test_pdf);
  ADD_TEST ("pdf-letter", test_pdf_letter);
  ADD_TEST ("pdf-pages", test_pdf_pages);
  ADD_TEST ("pdf-empty", test_pdf_empty);
  g_test_add_func ("/report-files/layout", test_layout);
  ADD_TEST ("cancel", test_cancel);
  ADD_TEST ("unwritable", test_unwritable);

  return g_test_run ();
}
