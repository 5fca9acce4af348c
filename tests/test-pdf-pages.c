/* test-pdf-pages.c: a PDF's pages become PNG images of the right size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "att-file-error.h"
#include "att-file-type.h"
#include "att-pdf-pages.h"
#include "att-test-files.h"
#include "att-test-utils.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("attest-test-pdf-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  att_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static GFile *
write_pdf (Fixture      *fixture,
           const char   *name,
           guint         n_pages,
           const double *sizes)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  att_test_write_pdf (path, n_pages, sizes, 30);
  return g_file_new_for_path (path);
}

static void
assert_page (GBytes *png,
             double  width_pt,
             double  height_pt,
             double  dpi)
{
  cairo_surface_t *surface;
  gsize            length;
  const guint8    *data = g_bytes_get_data (png, &length);

  g_assert_cmpint (att_file_type_sniff (data, length), ==, ATT_FILE_TYPE_PNG);
  surface = att_test_png_decode (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) round (width_pt * dpi / 72));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) round (height_pt * dpi / 72));
  g_assert_false (att_test_surface_is_blank (surface));
  cairo_surface_destroy (surface);
}

typedef struct
{
  guint64       done[8];
  guint64       total;
  guint         calls;
  GCancellable *cancel_after_first;
} Progress;

static void
record_progress (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  Progress *p = user_data;

  if (p->calls < G_N_ELEMENTS (p->done))
    p->done[p->calls] = done;
  p->total = total;
  p->calls++;
  if (p->cancel_after_first != NULL)
    g_cancellable_cancel (p->cancel_after_first);
}

/* An A4 page and an A5 page become two PNGs of their own sizes at the
 * resolution asked for, with something drawn on them. */
static void
test_two_pages (Fixture      *fixture,
                gconstpointer data)
{
  const double sizes[] = { ATT_TEST_A4_WIDTH, ATT_TEST_A4_HEIGHT, ATT_TEST_A5_WIDTH, ATT_TEST_A5_HEIGHT };
  g_autoptr(GFile) pdf = write_pdf (fixture, "scan.pdf", 2, sizes);
  const double dpis[] = { ATT_PDF_PAGES_DEFAULT_DPI, 72 };

  for (guint i = 0; i < G_N_ELEMENTS (dpis); i++)
    {
      g_autoptr(GPtrArray) pages = NULL;
      g_autoptr(GError) error = NULL;
      Progress p = { { 0 } };

      pages = att_pdf_pages_render (pdf, dpis[i], record_progress, &p, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (pages->len, ==, 2);
      assert_page (pages->pdata[0], ATT_TEST_A4_WIDTH, ATT_TEST_A4_HEIGHT, dpis[i]);
      assert_page (pages->pdata[1], ATT_TEST_A5_WIDTH, ATT_TEST_A5_HEIGHT, dpis[i]);
      g_assert_cmpuint (p.calls, ==, 2);
      g_assert_cmpuint (p.done[0], ==, 1);
      g_assert_cmpuint (p.done[1], ==, 2);
      g_assert_cmpuint (p.total, ==, 2);
    }
}

/* At the default resolution an A4 page of text stays a small image. */
static void
test_default_size (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(GFile) pdf = write_pdf (fixture, "a4.pdf", 1, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = att_pdf_pages_render (pdf, ATT_PDF_PAGES_DEFAULT_DPI, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_test_message ("A4 page of text at %.0f dpi: %" G_GSIZE_FORMAT " bytes",
                  ATT_PDF_PAGES_DEFAULT_DPI, g_bytes_get_size (pages->pdata[0]));
  g_assert_cmpuint (g_bytes_get_size (pages->pdata[0]), <, 1024 * 1024);
}

/* A poster is drawn at a lower resolution than asked, not as an image of
 * hundreds of megabytes. */
static void
test_huge_page (Fixture      *fixture,
                gconstpointer data)
{
  const double sizes[] = { 14400, 14400 }; /* 200 x 200 inches, PDF's largest page */
  g_autoptr(GFile) pdf = write_pdf (fixture, "poster.pdf", 1, sizes);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = att_pdf_pages_render (pdf, ATT_PDF_PAGES_DEFAULT_DPI, NULL, NULL, NULL, &error);
  cairo_surface_t *surface;
  double           pixels;

  g_assert_no_error (error);
  surface = att_test_png_decode (pages->pdata[0]);
  pixels = (double) cairo_image_surface_get_width (surface) * cairo_image_surface_get_height (surface);
  g_assert_cmpfloat (pixels, <=, 25e6);
  g_assert_cmpfloat (pixels, >, 20e6);
  cairo_surface_destroy (surface);
}

static void
assert_refused (GFile      *file,
                const char *name,
                const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = att_pdf_pages_render (file, ATT_PDF_PAGES_DEFAULT_DPI, NULL, NULL, NULL, &error);

  g_assert_null (pages);
  g_assert_error (error, ATT_FILE_ERROR, ATT_FILE_ERROR_PDF);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, says));
}

static void
test_garbage (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr(GFile) file = att_test_write_file (fixture->dir, "garbage.pdf", "%PDF-1.4\nthis is not a PDF\n", 26);

  assert_refused (file, "“garbage.pdf”", "damaged");
}

/* A file that is not there is named in the system's error. */
static void
test_missing (Fixture      *fixture,
              gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "gone.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = att_pdf_pages_render (file, ATT_PDF_PAGES_DEFAULT_DPI, NULL, NULL, NULL, &error);

  g_assert_null (pages);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“gone.pdf”"));
}

/* The smallest PDF with a catalogue and an empty page tree, offsets
 * computed as they are written. */
static GFile *
write_raw_pdf (Fixture    *fixture,
               const char *name,
               const char *objects[],
               const char *trailer)
{
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize xref;
  guint n = 0;

  for (; objects[n] != NULL; n++)
    {
      g_array_append_val (offsets, pdf->len);
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", n + 1, objects[n]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", n + 1);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R %s >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          n + 1, trailer, xref);
  return att_test_write_file (fixture->dir, name, pdf->str, pdf->len);
}

static void
test_no_pages (Fixture      *fixture,
               gconstpointer data)
{
  const char *objects[] = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>", NULL };
  g_autoptr(GFile) file = write_raw_pdf (fixture, "empty.pdf", objects, "");

  assert_refused (file, "“empty.pdf”", "without pages");
}

/* Encrypted with a user password that is not the empty one: the keys in
 * /O and /U match no password anyone knows, which is all poppler needs
 * to ask for one. */
static void
test_password (Fixture      *fixture,
               gconstpointer data)
{
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    "<< /Filter /Standard /V 1 /R 2 /P -4"
    " /O <1111111111111111111111111111111111111111111111111111111111111111>"
    " /U <2222222222222222222222222222222222222222222222222222222222222222> >>",
    NULL
  };
  g_autoptr(GFile) file = write_raw_pdf (fixture, "locked.pdf", objects,
                                          "/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> "
                                          "<00112233445566778899aabbccddeeff>]");

  assert_refused (file, "“locked.pdf”", "password");
}

static void
test_too_many_pages (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(GFile) pdf = write_pdf (fixture, "catalogue.pdf", ATT_CERTIFICATE_MAX_FILES + 1, NULL);
  g_autofree char *count = g_strdup_printf ("%d pages", ATT_CERTIFICATE_MAX_FILES + 1);

  assert_refused (pdf, "“catalogue.pdf”", count);
}

/* Cancelled after the first page: nothing is returned, and the error
 * says it was a cancellation. */
static void
test_cancel (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(GFile) pdf = write_pdf (fixture, "three.pdf", 3, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  Progress p = { .cancel_after_first = cancellable };

  pages = att_pdf_pages_render (pdf, ATT_PDF_PAGES_DEFAULT_DPI, record_progress, &p, cancellable, &error);
  g_assert_null (pages);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (p.done[0], ==, 1);
  g_assert_cmpuint (p.calls, <, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pdf-pages/two-pages", test_two_pages);
  ADD ("/pdf-pages/default-size", test_default_size);
  ADD ("/pdf-pages/huge-page", test_huge_page);
  ADD ("/pdf-pages/garbage", test_garbage);
  ADD ("/pdf-pages/missing", test_missing);
  ADD ("/pdf-pages/no-pages", test_no_pages);
  ADD ("/pdf-pages/password", test_password);
  ADD ("/pdf-pages/too-many-pages", test_too_many_pages);
  ADD ("/pdf-pages/cancel", test_cancel);
#undef ADD
  return g_test_run ();
}
