/* test-report-thumbnails.c: the certificates' pictures in a PDF report,
 * from a sandbox's demo scans and from files made here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "att-report-build.h"
#include "att-report-pdf-layout.h"
#include "att-report-thumbnails.h"
#include "att-sandbox-closient-seed.h"
#include "att-sandbox-seed.h"
#include "att-test-report.h"
#include "att-test-utils.h"

#define SIZE_PX 96

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

typedef struct
{
  AttSandbox        *sandbox;
  AttHttp           *http;
  AttHiggClient     *higg;
  AttClosientClient *closient;
  char              *dir;
  guint64            last_done;
  guint              n_progress;
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
  fixture->closient = att_test_closient_client_new (fixture->http, fixture->sandbox);
  fixture->dir = g_dir_make_tmp ("test-report-thumbnails-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  att_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->closient);
  att_test_sandbox_disconnect (&fixture->sandbox, &fixture->http, &fixture->higg);
}

/* The demo's report: Higg, and Closient on two GTINs. */
static AttReport *
build_demo (Fixture *fixture)
{
  const char *gtins[] = { ATT_SANDBOX_CLOSIENT_GTIN8, ATT_SANDBOX_CLOSIENT_GTIN12, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AttReport *report;

  att_report_build_async (fixture->higg, fixture->closient, gtins, NULL, NULL, ATT_CERTIFICATE_DEFAULT_LEAD_DAYS,
                          NULL, NULL, NULL, att_test_store_result, &result);
  report = att_report_build_finish (att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static gboolean
have_pdfimages (void)
{
  g_autofree char *program = g_find_program_in_path ("pdfimages");

  if (program == NULL)
    g_test_skip ("no pdfimages (poppler-utils)");
  return program != NULL;
}

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Fixture *fixture = user_data;

  g_assert_cmpuint (done, >, fixture->last_done);
  g_assert_cmpuint (done, <=, total);
  fixture->last_done = done;
  fixture->n_progress++;
}

static void
load_all (AttReportThumbnails *thumbnails,
          AttReport           *report,
          Fixture             *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  att_report_thumbnails_load_async (thumbnails, report, on_progress, fixture, NULL, att_test_store_result, &result);
  g_assert_true (att_report_thumbnails_load_finish (thumbnails, att_test_await_result (&result), &error));
  g_assert_no_error (error);
}

/* Each Higg certificate's picture: the same surface on all its rows,
 * another for each certificate; none on Closient's rows. */
static guint
assert_pictures_shared (AttReportThumbnails *thumbnails,
                        AttReport           *report)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) surfaces = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < att_report_get_n_rows (report); i++)
    {
      AttReportRow    *row = att_report_get_row (report, i);
      cairo_surface_t *picture = att_report_thumbnails_get (thumbnails, row);
      const char      *id = att_report_row_get_certificate_id (row);

      if (att_report_row_get_source (row) == ATT_REPORT_SOURCE_CLOSIENT)
        {
          g_assert_null (picture);
          continue;
        }
      g_assert_nonnull (picture);
      g_assert_cmpint (MAX (cairo_image_surface_get_width (picture), cairo_image_surface_get_height (picture)), ==,
                       SIZE_PX);
      if (g_hash_table_contains (by_id, id))
        g_assert_true (g_hash_table_lookup (by_id, id) == picture);
      else
        g_assert_false (g_hash_table_contains (surfaces, picture));
      g_hash_table_insert (by_id, (gpointer) id, picture);
      g_hash_table_add (surfaces, picture);
    }
  return g_hash_table_size (by_id);
}

static void
test_demo_load (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr(AttReport) report = build_demo (fixture);
  g_autoptr(AttReportThumbnails) thumbnails = att_report_thumbnails_new (SIZE_PX);
  guint n_rows = att_report_get_n_rows (report);
  guint n_certificates;

  g_assert_cmpuint (att_test_count_source (report, ATT_REPORT_SOURCE_CLOSIENT), >, 0);
  /* Nothing is decoded before it is loaded. */
  for (guint i = 0; i < n_rows; i++)
    g_assert_null (att_report_thumbnails_get (thumbnails, att_report_get_row (report, i)));
  load_all (thumbnails, report, fixture);
  g_assert_cmpuint (fixture->last_done, ==, n_rows);
  g_assert_cmpuint (fixture->n_progress, >, 0);
  n_certificates = assert_pictures_shared (thumbnails, report);
  g_assert_cmpuint (n_certificates, >, 1);
  g_assert_cmpuint (att_test_count_source (report, ATT_REPORT_SOURCE_HIGG), >, n_certificates);
}

/* The demo as a PDF: one image per certificate, none without the option. */
static void
test_demo_pdf (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr(AttReport) report = build_demo (fixture);
  g_autoptr(AttReportThumbnails) thumbnails = att_report_thumbnails_new (SIZE_PX);
  g_autofree char *plain = NULL;
  g_autofree char *pictured = NULL;
  g_autofree char *letter = NULL;
  guint            n_certificates;
  guint            n_uses = 0;

  if (!have_pdfimages ())
    return;
  load_all (thumbnails, report, fixture);
  n_certificates = assert_pictures_shared (thumbnails, report);

  g_assert_false (att_report_get_thumbnails (report));
  plain = att_test_write_report_ok (report, "pdf", fixture->dir, "plain.pdf");
  g_assert_cmpuint (att_test_count_pdf_images (plain, &n_uses), ==, 0);
  g_assert_cmpuint (n_uses, ==, 0);
  att_report_set_thumbnails (report, TRUE);
  g_assert_true (att_report_get_thumbnails (report));
  /* Each certificate's picture embedded once, drawn on each of its rows. */
  pictured = att_test_write_report_ok (report, "pdf", fixture->dir, "pictured.pdf");
  g_assert_cmpuint (att_test_count_pdf_images (pictured, &n_uses), ==, n_certificates);
  g_assert_cmpuint (n_uses, ==, att_test_count_source (report, ATT_REPORT_SOURCE_HIGG));
  letter = att_test_write_report_ok (report, "pdf-letter", fixture->dir, "letter.pdf");
  g_assert_cmpuint (att_test_count_pdf_images (letter, &n_uses), ==, n_certificates);
}

static void
test_demo_cancel (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr(AttReport) report = build_demo (fixture);
  g_autoptr(AttReportThumbnails) thumbnails = att_report_thumbnails_new (SIZE_PX);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  att_report_thumbnails_load_async (thumbnails, report, NULL, NULL, cancellable, att_test_store_result, &result);
  g_assert_false (att_report_thumbnails_load_finish (thumbnails, att_test_await_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  for (guint i = 0; i < att_report_get_n_rows (report); i++)
    g_assert_null (att_report_thumbnails_get (thumbnails, att_report_get_row (report, i)));
}

/* --- Files made here --------------------------------------------------- */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A landscape scan, @width x @height, blue on white: as PNG. */
static char *
png_base64 (int width,
            int height)
{
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_autoptr(cairo_t) cr = cairo_create (surface);
  g_autoptr(GByteArray) png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.2, 0.3, 0.8);
  cairo_paint (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, png), ==, CAIRO_STATUS_SUCCESS);
  return g_base64_encode (png->data, png->len);
}

/* A one-page PDF of 200 x 100 points, as a `data:` URL. */
static char *
pdf_data_url (void)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, 200, 100);
  g_autoptr(cairo_t) cr = cairo_create (surface);
  g_autofree char *base64 = NULL;

  cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
  cairo_rectangle (cr, 10, 10, 100, 50);
  cairo_fill (cr);
  cairo_show_page (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  base64 = g_base64_encode (pdf->data, pdf->len);
  return g_strconcat ("data:application/pdf;base64,", base64, NULL);
}

/* A 200 x 100 JPEG whose EXIF orientation (6) says to turn it a quarter
 * clockwise: an APP1 segment put after the JPEG's SOI marker. */
static char *
jpeg_turned_base64 (void)
{
  static const guint8 app1[] = {
    0xff,
    0xe1,
    0x00,
    0x22,
    'E',
    'x',
    'i',
    'f',
    0,
    0, /* APP1, 34 bytes */
    'M',
    'M',
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, /* TIFF, big-endian */
    0x00,
    0x01, /* one entry */
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    0x06, /* Orientation = 6 */
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
  };
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 200, 100);
  g_autoptr(GError) error = NULL;
  g_autofree char *jpeg = NULL;
  g_autoptr(GByteArray) turned = g_byte_array_new ();
  gsize length = 0;

  gdk_pixbuf_fill (pixbuf, 0x20a040ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &length, "jpeg", &error, NULL));
  g_assert_no_error (error);
  g_byte_array_append (turned, (const guint8 *) jpeg, 2);
  g_byte_array_append (turned, app1, sizeof app1);
  g_byte_array_append (turned, (const guint8 *) jpeg + 2, length - 2);
  return g_base64_encode (turned->data, turned->len);
}

/* A certificate @id with @files, on two products. */
static AttCertificate *
certificate_new (const char        *id,
                 const char *const *files)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  AttCertificate *certificate;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "_id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "assertionId");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "certificationFiles");
  json_builder_begin_array (builder);
  for (guint i = 0; files[i] != NULL; i++)
    json_builder_add_string_value (builder, files[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "productModuleIds");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "pm-1");
  json_builder_add_string_value (builder, "pm-2");
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  certificate = att_certificate_new_from_json (json_node_get_object (node), NULL, &error);
  g_assert_no_error (error);
  return certificate;
}

typedef struct
{
  const char *id;
  int         width; /* the picture's, 0 for none */
  int         height;
} Expected;

static const Expected expected[] = {
  { "png", SIZE_PX, SIZE_PX / 2 },
  { "small-png", 40, 20 },
  { "pdf", SIZE_PX, SIZE_PX / 2 },
  { "jpeg-turned", SIZE_PX / 2, SIZE_PX },
  { "link-then-png", SIZE_PX, SIZE_PX / 2 },
  { "corrupt-base64", 0, 0 },
  { "not-an-image", 0, 0 },
  { "link-only", 0, 0 },
  { "empty-echo", 0, 0 },
};

/* A report of a certificate of each kind of file, each on two products. */
static AttReport *
files_report_new (void)
{
  g_autofree char  *png = png_base64 (400, 200);
  g_autofree char  *small = png_base64 (40, 20);
  g_autofree char  *pdf = pdf_data_url ();
  g_autofree char  *jpeg = jpeg_turned_base64 ();
  g_autofree char  *text = g_base64_encode ((const guchar *) "Not an image at all", 19);
  const char       *link = "https://files.example.com/certificate.png";
  const char *const files[][3] = {
    { png, NULL },
    { small, NULL },
    { pdf, NULL },
    { jpeg, NULL },
    { link, png, NULL },
    { "!!not base64 at all**", NULL },
    { text, NULL },
    { link, NULL },
    { "", NULL },
  };
  g_autoptr(GListStore) certificates = g_list_store_new (ATT_TYPE_CERTIFICATE);
  AttReport *report = att_report_new (NULL, NULL, ATT_CERTIFICATE_DEFAULT_LEAD_DAYS);

  G_STATIC_ASSERT (G_N_ELEMENTS (files) == G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AttCertificate) certificate = certificate_new (expected[i].id, files[i]);

      g_list_store_append (certificates, certificate);
    }
  att_report_add_higg_certificates (report, G_LIST_MODEL (certificates));
  g_assert_cmpuint (att_report_get_n_rows (report), ==, 2 * G_N_ELEMENTS (expected));
  return report;
}

static const Expected *
find_expected (AttReportRow *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (g_str_equal (expected[i].id, att_report_row_get_certificate_id (row)))
      return &expected[i];
  g_assert_not_reached ();
}

static void
test_files (void)
{
  g_autoptr(AttReport) report = files_report_new ();
  g_autoptr(AttReportThumbnails) thumbnails = att_report_thumbnails_new (SIZE_PX);

  att_report_thumbnails_load_rows (thumbnails, report, 0, att_report_get_n_rows (report), NULL);
  for (guint i = 0; i < att_report_get_n_rows (report); i++)
    {
      AttReportRow    *row = att_report_get_row (report, i);
      const Expected  *want = find_expected (row);
      cairo_surface_t *picture = att_report_thumbnails_get (thumbnails, row);

      g_test_message ("%s", want->id);
      if (want->width == 0)
        {
          g_assert_null (picture);
          continue;
        }
      g_assert_nonnull (picture);
      g_assert_cmpint (cairo_image_surface_get_width (picture), ==, want->width);
      g_assert_cmpint (cairo_image_surface_get_height (picture), ==, want->height);
    }
}

/* Files that do not decode still make a PDF, with empty cells. */
static void
test_files_pdf (void)
{
  g_autoptr(AttReport) report = files_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-report-thumbnails-XXXXXX", &error);
  g_autofree char *path = NULL;
  guint            n_uses = 0;

  g_assert_no_error (error);
  if (!have_pdfimages ())
    return;
  att_report_set_thumbnails (report, TRUE);
  path = att_test_write_report_ok (report, "pdf", dir, "files.pdf");
  /* png, small-png, pdf, jpeg-turned and link-then-png, two rows each. */
  g_assert_cmpuint (att_test_count_pdf_images (path, &n_uses), ==, 5);
  g_assert_cmpuint (n_uses, ==, 10);
  att_test_remove_dir (dir);
}

static guint
count_pages (AttReport           *report,
             AttReportThumbnails *thumbnails)
{
  g_autoptr(AttReportLayout) layout = att_report_layout_new (report, ATT_REPORT_PAGE_A4_WIDTH,
                                                              ATT_REPORT_PAGE_A4_HEIGHT);
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  g_autoptr(cairo_t) cr = cairo_create (surface);

  if (thumbnails != NULL)
    att_report_layout_set_thumbnails (layout, thumbnails);
  return att_report_layout_get_n_pages (layout, cr);
}

/* Rows with a picture file are as high as a picture, laid out without
 * decoding it; rows without one keep their height. */
/* @n certificates of @files, each on two products: the rows of the first
 * product come first, then those of the second. */
static AttReport *
same_files_report_new (guint              n,
                       const char *const *files)
{
  g_autoptr(GListStore) certificates = g_list_store_new (ATT_TYPE_CERTIFICATE);
  AttReport *report = att_report_new (NULL, NULL, ATT_CERTIFICATE_DEFAULT_LEAD_DAYS);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("certificate-%03u", i);
      g_autoptr(AttCertificate) certificate = certificate_new (id, files);

      g_list_store_append (certificates, certificate);
    }
  att_report_add_higg_certificates (report, G_LIST_MODEL (certificates));
  return report;
}

static void
test_layout (void)
{
  g_autofree char  *png = png_base64 (40, 20);
  const char *const pictured[] = { png, NULL };
  const char *const linked[] = { "https://files.example.com/certificate.png", NULL };
  g_autoptr(AttReport) with_files = same_files_report_new (100, pictured);
  g_autoptr(AttReport) with_links = same_files_report_new (100, linked);
  g_autoptr(AttReportThumbnails) thumbnails = att_report_thumbnails_new (SIZE_PX);

  g_assert_cmpuint (count_pages (with_files, thumbnails), >, count_pages (with_files, NULL));
  g_assert_cmpuint (count_pages (with_links, thumbnails), ==, count_pages (with_links, NULL));
  /* Laid out, not decoded. */
  g_assert_null (att_report_thumbnails_get (thumbnails, att_report_get_row (with_files, 0)));
}

/* The PDF writer's loop, with a layout and pictures of our own. */
static void
write_pdf (AttReportLayout     *layout,
           AttReportThumbnails *thumbnails,
           AttReport           *report,
           const char          *path)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, ATT_REPORT_PAGE_A4_WIDTH,
                                                                  ATT_REPORT_PAGE_A4_HEIGHT);
  g_autoptr(cairo_t) cr = cairo_create (surface);
  guint start = 0;

  for (guint page = 0; page < att_report_layout_get_n_pages (layout, cr); page++)
    {
      guint end = att_report_layout_get_page_end (layout, page);

      att_report_thumbnails_load_rows (thumbnails, report, start, end, NULL);
      att_report_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
      start = end;
    }
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_file_set_contents (path, (const char *) pdf->data, pdf->len, &error);
  g_assert_no_error (error);
}

/* Large pictures: 64 kept at most.  A certificate's picture let go and
 * decoded again is still embedded once. */
static void
test_bounded (void)
{
  g_autofree char  *png = png_base64 (600, 300);
  const char *const files[] = { png, NULL };
  g_autoptr(AttReport) report = same_files_report_new (70, files);
  /* 64 MB holds 64 pictures of 512 x 512. */
  g_autoptr(AttReportThumbnails) thumbnails = att_report_thumbnails_new (512);
  g_autoptr(AttReportLayout) layout = att_report_layout_new (report, ATT_REPORT_PAGE_A4_WIDTH,
                                                              ATT_REPORT_PAGE_A4_HEIGHT);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-report-thumbnails-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bounded.pdf", NULL);
  guint            n_uses = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (att_report_row_get_certificate_id (att_report_get_row (report, 0)), ==, "certificate-000");
  g_assert_cmpstr (att_report_row_get_certificate_id (att_report_get_row (report, 70)), ==, "certificate-000");
  att_report_layout_set_thumbnails (layout, thumbnails);
  write_pdf (layout, thumbnails, report, path);
  /* The first 6 certificates were let go for the last 64. */
  g_assert_null (att_report_thumbnails_get (thumbnails, att_report_get_row (report, 0)));
  g_assert_null (att_report_thumbnails_get (thumbnails, att_report_get_row (report, 75)));
  g_assert_nonnull (att_report_thumbnails_get (thumbnails, att_report_get_row (report, 76)));
  g_assert_nonnull (att_report_thumbnails_get (thumbnails, att_report_get_row (report, 139)));
  if (have_pdfimages ())
    {
      g_assert_cmpuint (att_test_count_pdf_images (path, &n_uses), ==, 70);
      g_assert_cmpuint (n_uses, ==, 140);
    }
  att_test_remove_dir (dir);
}

/* A scan of an A4 page at 150 dpi, as PNG: text-like stripes, so that it
 * compresses as a scan does rather than as a flat colour. */
static char *
scan_base64 (guint seed)
{
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1240, 1754);
  g_autoptr(cairo_t) cr = cairo_create (surface);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.3);
  for (int y = 100; y < 1650; y += 24)
    for (int x = 100; x < 1140; x += g_rand_int_range (rand, 20, 80))
      cairo_rectangle (cr, x, y, g_rand_int_range (rand, 8, 60), 12);
  cairo_fill (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, png), ==, CAIRO_STATUS_SUCCESS);
  return g_base64_encode (png->data, png->len);
}

/* @n_rows rows: @n_certificates certificates with an A4 scan each, on
 * @n_rows / @n_certificates products each (at least two). */
static AttReport *
scans_report_new (guint n_rows,
                  guint n_certificates)
{
  g_autoptr(GListStore) certificates = g_list_store_new (ATT_TYPE_CERTIFICATE);
  AttReport *report = att_report_new (NULL, NULL, ATT_CERTIFICATE_DEFAULT_LEAD_DAYS);

  g_assert_cmpuint (n_rows / n_certificates, >=, 2);
  for (guint i = 0; i < n_certificates; i++)
    {
      g_autofree char  *id = g_strdup_printf ("scan-%03u", i);
      g_autofree char  *scan = scan_base64 (i);
      const char *const files[] = { scan, NULL };
      g_autoptr(AttCertificate) certificate = certificate_new (id, files);

      for (guint j = 2; j < n_rows / n_certificates; j++)
        {
          g_autofree char *product = g_strdup_printf ("pm-%u", j + 1);

          att_certificate_add_product_id (certificate, product);
        }
      g_list_store_append (certificates, certificate);
    }
  att_report_add_higg_certificates (report, G_LIST_MODEL (certificates));
  g_assert_cmpuint (att_report_get_n_rows (report), ==, n_rows);
  return report;
}

static double
time_pdf (AttReport  *report,
          const char *dir,
          gboolean    thumbnails)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *path = NULL;

  att_report_set_thumbnails (report, thumbnails);
  path = att_test_write_report_ok (report, "pdf", dir, thumbnails ? "pictured.pdf" : "plain.pdf");
  return g_timer_elapsed (timer, NULL);
}

/* Figures only (-m perf): PDFs with and without pictures. */
static void
test_perf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char   *dir = g_dir_make_tmp ("test-report-thumbnails-XXXXXX", &error);
  static const guint sizes[][2] = { { 500, 50 }, { 500, 250 }, { 10000, 50 } };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(AttReport) report = scans_report_new (sizes[i][0], sizes[i][1]);
      double plain = time_pdf (report, dir, FALSE);
      double pictured = time_pdf (report, dir, TRUE);

      g_test_message ("%u rows, %u certificates with an A4 scan: PDF in %.2f s, with pictures %.2f s", sizes[i][0],
                      sizes[i][1], plain, pictured);
    }
  att_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/report-thumbnails/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("demo-load", test_demo_load);
  ADD ("demo-pdf", test_demo_pdf);
  ADD ("demo-cancel", test_demo_cancel);
  g_test_add_func ("/report-thumbnails/files", test_files);
  g_test_add_func ("/report-thumbnails/files-pdf", test_files_pdf);
  g_test_add_func ("/report-thumbnails/layout", test_layout);
  g_test_add_func ("/report-thumbnails/bounded", test_bounded);
  if (g_test_perf ())
    g_test_add_func ("/report-thumbnails/perf", test_perf);

  return g_test_run ();
}
