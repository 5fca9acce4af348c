/* test-file-type.c: certificate files are told by their content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-file-type.h"

typedef struct
{
  const char *name;
  const char *bytes;
  gsize       length;
  AttFileType expected;
} Case;

/* The first bytes of real files of each kind, and of files that only
 * pretend to be one. */
static const Case cases[] = {
  { "png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, ATT_FILE_TYPE_PNG },
  { "jpeg-jfif", "\xff\xd8\xff\xe0\0\x10"
                 "JFIF\0",
    11, ATT_FILE_TYPE_JPEG },
  { "jpeg-exif", "\xff\xd8\xff\xe1\x12\x34"
                 "Exif",
    10, ATT_FILE_TYPE_JPEG },
  { "webp", "RIFF\x24\0\0\0"
            "WEBPVP8 ",
    16, ATT_FILE_TYPE_WEBP },
  { "tiff-le", "II*\0\x08\0\0\0", 8, ATT_FILE_TYPE_TIFF },
  { "tiff-be", "MM\0*\0\0\0\x08", 8, ATT_FILE_TYPE_TIFF },
  { "pdf", "%PDF-1.7\n%\xe2\xe3", 11, ATT_FILE_TYPE_PDF },
  { "text-named-png", "Hello, auditor\n", 15, ATT_FILE_TYPE_UNKNOWN },
  { "riff-not-webp", "RIFF\x24\0\0\0"
                     "WAVEfmt ",
    16, ATT_FILE_TYPE_UNKNOWN },
  { "png-cut-short", "\x89PNG\r\n", 6, ATT_FILE_TYPE_UNKNOWN },
  { "empty", "", 0, ATT_FILE_TYPE_UNKNOWN },
  { "gif", "GIF89a\x01\0\x01\0", 10, ATT_FILE_TYPE_UNKNOWN },
};

static void
test_sniff (gconstpointer data)
{
  const Case *c = data;

  g_assert_cmpint (att_file_type_sniff ((const guint8 *) c->bytes, c->length), ==, c->expected);
}

static void
test_images_only (void)
{
  g_assert_true (att_file_type_is_image (ATT_FILE_TYPE_PNG));
  g_assert_true (att_file_type_is_image (ATT_FILE_TYPE_JPEG));
  g_assert_true (att_file_type_is_image (ATT_FILE_TYPE_WEBP));
  g_assert_true (att_file_type_is_image (ATT_FILE_TYPE_TIFF));
  g_assert_false (att_file_type_is_image (ATT_FILE_TYPE_PDF));
  g_assert_false (att_file_type_is_image (ATT_FILE_TYPE_UNKNOWN));
}

static void
test_names (void)
{
  g_assert_cmpstr (att_file_type_get_mime_type (ATT_FILE_TYPE_WEBP), ==, "image/webp");
  g_assert_cmpstr (att_file_type_get_mime_type (ATT_FILE_TYPE_PDF), ==, "application/pdf");
  g_assert_cmpstr (att_file_type_get_label (ATT_FILE_TYPE_JPEG), ==, "JPEG image");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/file-type/sniff/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_sniff);
    }
  g_test_add_func ("/file-type/images-only", test_images_only);
  g_test_add_func ("/file-type/names", test_names);
  return g_test_run ();
}
