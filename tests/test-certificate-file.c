/* test-certificate-file.c: certificate files are checked by their
 * content, and a PDF becomes its pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-certificate-file.h"
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

  fixture->dir = g_dir_make_tmp ("attest-test-certificate-file-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  att_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* --- files made by hand -------------------------------------------------- */

/* The smallest baseline JPEG: one 8 x 8 grey block, every table with a
 * single one-bit code, the scan's DC and EOB codes padded with ones. */
static const guint8 jpeg[] = {
  0xff, 0xd8,                   /* SOI */
  0xff, 0xdb, 0x00, 0x43, 0x00, /* DQT: 64 ones follow */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00,          /* SOF0 */
  0xff, 0xc4, 0x00, 0x14, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, /* DHT DC */
  0xff, 0xc4, 0x00, 0x14, 0x10, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, /* DHT AC */
  0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00,                            /* SOS */
  0x3f,                                                                                  /* the scan */
  0xff, 0xd9,                                                                            /* EOI */
};

/* The smallest lossless WebP, 1 x 1: RIFF size 26, a 13-byte VP8L chunk
 * and its padding byte. */
static const guint8 webp[] = {
  'R', 'I', 'F', 'F', 0x1a, 0x00, 0x00, 0x00, 'W', 'E', 'B', 'P',
  'V', 'P', '8', 'L', 0x0d, 0x00, 0x00, 0x00,
  0x2f, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00
};

static void
append_le (GByteArray *out,
           guint32     value,
           guint       n_bytes)
{
  for (guint i = 0; i < n_bytes; i++)
    {
      guint8 byte = (guint8) (value >> (8 * i));

      g_byte_array_append (out, &byte, 1);
    }
}

/* A 1 x 1 grey TIFF: header, one IFD of 8 entries, the pixel. */
static GBytes *
tiff_new (void)
{
  static const guint16 tags[][3] = {
    /* tag, type (3 SHORT, 4 LONG), value */
    { 256, 3, 1 },
    { 257, 3, 1 },
    { 258, 3, 8 },
    { 259, 3, 1 },
    { 262, 3, 1 },
    { 273, 4, 110 },
    { 278, 3, 1 },
    { 279, 4, 1 },
  };
  GByteArray *out = g_byte_array_new ();

  g_byte_array_append (out, (const guint8 *) "II*\0", 4);
  append_le (out, 8, 4);
  append_le (out, G_N_ELEMENTS (tags), 2);
  for (gsize i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      append_le (out, tags[i][0], 2);
      append_le (out, tags[i][1], 2);
      append_le (out, 1, 4);
      append_le (out, tags[i][2], 4);
    }
  append_le (out, 0, 4);
  g_assert_cmpuint (out->len, ==, 110);
  append_le (out, 0x80, 1);
  return g_byte_array_free_to_bytes (out);
}

static GBytes *
bytes_with (const void *data,
            gsize       length,
            const void *suffix,
            gsize       suffix_length)
{
  GByteArray *out = g_byte_array_new ();

  g_byte_array_append (out, data, (guint) length);
  if (suffix != NULL)
    g_byte_array_append (out, suffix, (guint) suffix_length);
  return g_byte_array_free_to_bytes (out);
}

/* --- loading ------------------------------------------------------------- */

static GPtrArray *
load (GFile   *file,
      GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_certificate_file_load_async (file, NULL, att_test_store_result, &result);
  return att_certificate_file_load_finish (att_test_await_result (&result), error);
}

static GFile *
write_bytes (Fixture    *fixture,
             const char *name,
             GBytes     *bytes)
{
  return att_test_write_file (fixture->dir, name, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Everything read from @stream equals @expected. */
static void
assert_stream_holds (GInputStream *stream,
                     GBytes       *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) read = g_input_stream_read_bytes (stream, g_bytes_get_size (expected) + 1, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, expected));
}

/* A file on disk is kept by reference, not read: its stream is the file. */
static void
assert_accepted (Fixture    *fixture,
                 const char *name,
                 GBytes     *bytes,
                 AttFileType type)
{
  g_autoptr(GFile) file = write_bytes (fixture, name, bytes);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = load (file, &error);
  g_autoptr(GInputStream) stream = NULL;
  AttCertificateFile *loaded;

  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  loaded = files->pdata[0];
  g_assert_cmpstr (att_certificate_file_get_display_name (loaded), ==, name);
  g_assert_cmpint (att_certificate_file_get_file_type (loaded), ==, type);
  g_assert_cmpuint (att_certificate_file_get_size (loaded), ==, g_bytes_get_size (bytes));
  g_assert_true (g_file_equal (att_certificate_file_get_source (loaded), file));
  g_assert_null (att_certificate_file_get_bytes (loaded));

  stream = att_certificate_file_open (loaded, NULL, &error);
  g_assert_no_error (error);
  assert_stream_holds (stream, bytes);
}

static void
test_png (Fixture      *fixture,
          gconstpointer data)
{
  g_autoptr(GBytes) png = att_test_png_new (40, 30);

  assert_accepted (fixture, "certificat-été.png", png, ATT_FILE_TYPE_PNG);
}

static void
test_jpeg (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr(GBytes) plain = g_bytes_new_static (jpeg, sizeof jpeg);
  g_autoptr(GBytes) padded = bytes_with (jpeg, sizeof jpeg, "\0\0\0\0\0\0\0", 7);
  /* Some phones append data of their own after the picture. */
  g_autoptr(GBytes) trailer = bytes_with (jpeg, sizeof jpeg, "SEFHtrailer", 11);

  assert_accepted (fixture, "scan.jpg", plain, ATT_FILE_TYPE_JPEG);
  assert_accepted (fixture, "padded.jpg", padded, ATT_FILE_TYPE_JPEG);
  assert_accepted (fixture, "phone.jpg", trailer, ATT_FILE_TYPE_JPEG);
}

static void
test_webp (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (webp, sizeof webp);

  assert_accepted (fixture, "scan.webp", bytes, ATT_FILE_TYPE_WEBP);
}

static void
test_tiff (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr(GBytes) bytes = tiff_new ();

  assert_accepted (fixture, "scan.tiff", bytes, ATT_FILE_TYPE_TIFF);
}

/* The file is refused with @code, and the message names it and says
 * @says. */
static void
assert_refused (GFile      *file,
                int         code,
                const char *name,
                const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = load (file, &error);
  g_autofree char *quoted = g_strdup_printf ("“%s”", name);

  g_assert_null (files);
  g_assert_error (error, ATT_FILE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, quoted));
  g_assert_nonnull (strstr (error->message, says));
}

static void
test_text_renamed (Fixture      *fixture,
                   gconstpointer data)
{
  const char *text = "Dear auditor,\nplease find the certificate attached.\n";
  g_autoptr(GFile) file = att_test_write_file (fixture->dir, "certificate.png", text, strlen (text));

  assert_refused (file, ATT_FILE_ERROR_NOT_SUPPORTED, "certificate.png", "looks like text");
}

static void
test_unknown_binary (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(GFile) file = att_test_write_file (fixture->dir, "logo.png", "GIF89a\x01\0\x01\0\x80\0\0", 13);

  assert_refused (file, ATT_FILE_ERROR_NOT_SUPPORTED, "logo.png", "not PNG, JPEG, WebP or TIFF");
}

static void
test_truncated_jpeg (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(GFile) file = att_test_write_file (fixture->dir, "photo.jpg", jpeg, sizeof jpeg - 2);

  assert_refused (file, ATT_FILE_ERROR_TRUNCATED, "photo.jpg", "cut short");
}

static void
test_truncated_png (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr(GBytes) png = att_test_png_new (40, 30);
  g_autoptr(GFile) file = att_test_write_file (fixture->dir, "scan.png", g_bytes_get_data (png, NULL),
                                                g_bytes_get_size (png) - 12);

  assert_refused (file, ATT_FILE_ERROR_TRUNCATED, "scan.png", "cut short");
}

static void
test_truncated_webp (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(GFile) file = att_test_write_file (fixture->dir, "scan.webp", webp, sizeof webp - 4);

  assert_refused (file, ATT_FILE_ERROR_TRUNCATED, "scan.webp", "cut short");
}

static void
test_empty (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr(GFile) file = att_test_write_file (fixture->dir, "empty.png", "", 0);

  assert_refused (file, ATT_FILE_ERROR_EMPTY, "empty.png", "is empty");
}

/* A 1 GB file that takes no disk: a sparse file of zeros.  Refused as too
 * large, not as "not an image", which proves the size is checked before
 * any byte is read. */
static void
test_too_large (Fixture      *fixture,
                gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_seekable_truncate (G_SEEKABLE (stream), 1000 * 1000 * 1000, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error));
  g_assert_no_error (error);

  assert_refused (file, ATT_FILE_ERROR_TOO_LARGE, "huge.png", /* g_format_size() puts a no-break space before the unit. */
                  "is 1.0\u00a0GB; Higg takes images up to");
}

static void
test_folder (Fixture      *fixture,
             gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "scans", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_make_directory (file, NULL, NULL));
  assert_refused (file, ATT_FILE_ERROR_NOT_SUPPORTED, "scans", "folder");
}

static void
test_missing (Fixture      *fixture,
              gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "gone.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = load (file, &error);

  g_assert_null (files);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "gone.png"));
}

/* A PDF becomes its pages, in order, each a PNG held in memory. */
static void
test_pdf (Fixture      *fixture,
          gconstpointer data)
{
  const double     sizes[] = { ATT_TEST_A4_WIDTH, ATT_TEST_A4_HEIGHT, ATT_TEST_A5_WIDTH, ATT_TEST_A5_HEIGHT };
  g_autofree char *path = g_build_filename (fixture->dir, "scan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;

  att_test_write_pdf (path, 2, sizes, 10);
  files = load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      AttCertificateFile *page = files->pdata[i];
      g_autofree char    *name = g_strdup_printf ("scan.pdf, page %u", i + 1);
      g_autoptr(GInputStream) stream = NULL;
      GBytes *bytes = att_certificate_file_get_bytes (page);

      g_assert_cmpstr (att_certificate_file_get_display_name (page), ==, name);
      g_assert_cmpint (att_certificate_file_get_file_type (page), ==, ATT_FILE_TYPE_PNG);
      g_assert_null (att_certificate_file_get_source (page));
      g_assert_nonnull (bytes);
      g_assert_cmpuint (att_certificate_file_get_size (page), ==, g_bytes_get_size (bytes));
      stream = att_certificate_file_open (page, NULL, &error);
      g_assert_no_error (error);
      assert_stream_holds (stream, bytes);
    }
}

static void
test_pdf_damaged (Fixture      *fixture,
                  gconstpointer data)
{
  const char *text = "%PDF-1.7\nnothing else\n";
  g_autoptr(GFile) file = att_test_write_file (fixture->dir, "mail.pdf", text, strlen (text));

  assert_refused (file, ATT_FILE_ERROR_PDF, "mail.pdf", "cannot be read as a PDF");
}

static void
test_cancelled (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GBytes) png = att_test_png_new (4, 4);
  g_autoptr(GFile) file = write_bytes (fixture, "scan.png", png);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;

  g_cancellable_cancel (cancellable);
  att_certificate_file_load_async (file, cancellable, att_test_store_result, &result);
  files = att_certificate_file_load_finish (att_test_await_result (&result), &error);
  g_assert_null (files);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* --- from memory --------------------------------------------------------- */

static void
test_bytes (void)
{
  g_autoptr(GBytes) png = att_test_png_new (8, 8);
  g_autoptr(GError) error = NULL;
  g_autoptr(AttCertificateFile) file = att_certificate_file_new_for_bytes (png, "Dropped image", &error);
  g_autoptr(GInputStream) stream = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (att_certificate_file_get_display_name (file), ==, "Dropped image");
  g_assert_cmpint (att_certificate_file_get_file_type (file), ==, ATT_FILE_TYPE_PNG);
  g_assert_cmpuint (att_certificate_file_get_size (file), ==, g_bytes_get_size (png));
  g_assert_true (att_certificate_file_get_bytes (file) == png);
  stream = att_certificate_file_open (file, NULL, &error);
  g_assert_no_error (error);
  assert_stream_holds (stream, png);
}

static void
assert_bytes_refused (GBytes     *bytes,
                      int         code,
                      const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttCertificateFile) file = att_certificate_file_new_for_bytes (bytes, "Dropped", &error);

  g_assert_null (file);
  g_assert_error (error, ATT_FILE_ERROR, code);
  g_assert_nonnull (strstr (error->message, "“Dropped”"));
  g_assert_nonnull (strstr (error->message, says));
}

static void
test_bytes_refused (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) text = g_bytes_new_static ("plain words", 11);
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.7\n", 9);
  g_autoptr(GBytes) cut = g_bytes_new_static (jpeg, sizeof jpeg - 1);

  assert_bytes_refused (empty, ATT_FILE_ERROR_EMPTY, "empty");
  assert_bytes_refused (text, ATT_FILE_ERROR_NOT_SUPPORTED, "looks like text");
  assert_bytes_refused (pdf, ATT_FILE_ERROR_PDF, "is a PDF");
  assert_bytes_refused (cut, ATT_FILE_ERROR_TRUNCATED, "cut short");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/certificate-file/accepted/png", test_png);
  ADD ("/certificate-file/accepted/jpeg", test_jpeg);
  ADD ("/certificate-file/accepted/webp", test_webp);
  ADD ("/certificate-file/accepted/tiff", test_tiff);
  ADD ("/certificate-file/accepted/pdf", test_pdf);
  ADD ("/certificate-file/refused/text-renamed", test_text_renamed);
  ADD ("/certificate-file/refused/unknown-binary", test_unknown_binary);
  ADD ("/certificate-file/refused/truncated-jpeg", test_truncated_jpeg);
  ADD ("/certificate-file/refused/truncated-png", test_truncated_png);
  ADD ("/certificate-file/refused/truncated-webp", test_truncated_webp);
  ADD ("/certificate-file/refused/empty", test_empty);
  ADD ("/certificate-file/refused/too-large", test_too_large);
  ADD ("/certificate-file/refused/folder", test_folder);
  ADD ("/certificate-file/refused/missing", test_missing);
  ADD ("/certificate-file/refused/pdf-damaged", test_pdf_damaged);
  ADD ("/certificate-file/cancelled", test_cancelled);
#undef ADD
  g_test_add_func ("/certificate-file/bytes/accepted", test_bytes);
  g_test_add_func ("/certificate-file/bytes/refused", test_bytes_refused);
  return g_test_run ();
}
