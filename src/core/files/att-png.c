/* att-png.c: a cairo image as PNG bytes, written fast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <png.h>

#include "att-file-error.h"
#include "att-png.h"

/* cairo_surface_write_to_png_stream() leaves libpng at its defaults: zlib
 * level 6 and every row tried with each of the five PNG filters.  For the
 * pages of a PDF (text, lines, scans) that took 140 ms of CPU a page of
 * A4 at 150 dpi, nine tenths of the time to turn a PDF into images, for
 * files no smaller than zlib level 1 without filters gives in 35 ms
 * (tests/bench-pdf-pages.c; 20 pages of text: 7.9 MB against 8.1 MB). */
#define COMPRESSION_LEVEL 1

typedef struct
{
  png_structp png;
  png_infop   info;
  GByteArray *out;
  char       *message;
} Writer;

static void
on_error (png_structp     png,
          png_const_charp message)
{
  Writer *writer = png_get_error_ptr (png);

  g_free (writer->message);
  writer->message = g_strdup (message);
  png_longjmp (png, 1);
}

static void
on_warning (png_structp     png,
            png_const_charp message)
{
  g_debug ("PNG: %s", message);
}

static void
on_write (png_structp png,
          png_bytep   data,
          png_size_t  length)
{
  Writer *writer = png_get_io_ptr (png);

  g_byte_array_append (writer->out, data, (guint) length);
}

static void
on_flush (png_structp png)
{
}

/* libpng reports errors by longjmp() back here: nothing this function
 * changes after setjmp() is read after it returns %FALSE. */
static gboolean
write_image (Writer          *writer,
             cairo_surface_t *surface)
{
  int           width = cairo_image_surface_get_width (surface);
  int           height = cairo_image_surface_get_height (surface);
  int           stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);

  if (setjmp (png_jmpbuf (writer->png)))
    return FALSE;

  png_set_write_fn (writer->png, writer, on_write, on_flush);
  png_set_IHDR (writer->png, writer->info, (png_uint_32) width, (png_uint_32) height, 8,
                PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level (writer->png, COMPRESSION_LEVEL);
  png_set_filter (writer->png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info (writer->png, writer->info);
  /* A pixel of an RGB24 surface is a native-endian 32-bit 0x00RRGGBB:
   * libpng drops the unused byte and puts the others in RGB order. */
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  png_set_filler (writer->png, 0, PNG_FILLER_AFTER);
  png_set_bgr (writer->png);
#else
  png_set_filler (writer->png, 0, PNG_FILLER_BEFORE);
#endif
  for (int y = 0; y < height; y++)
    png_write_row (writer->png, data + (gsize) y * (gsize) stride);
  png_write_end (writer->png, writer->info);
  return TRUE;
}

/**
 * att_png_encode:
 * @surface: an image surface in %CAIRO_FORMAT_RGB24
 *
 * Returns: (transfer full) (nullable): @surface as an RGB PNG, or %NULL
 *   with an error of %ATT_FILE_ERROR if libpng failed (out of memory)
 */
GBytes *
att_png_encode (cairo_surface_t *surface,
                GError         **error)
{
  Writer   writer = { NULL };
  gboolean ok;

  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cairo_surface_flush (surface);
  writer.out = g_byte_array_new ();
  writer.png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &writer, on_error, on_warning);
  writer.info = writer.png != NULL ? png_create_info_struct (writer.png) : NULL;
  ok = writer.info != NULL && write_image (&writer, surface);
  png_destroy_write_struct (&writer.png, &writer.info);
  if (!ok)
    {
      g_set_error (error, ATT_FILE_ERROR, ATT_FILE_ERROR_PDF, "PNG: %s",
                   writer.message != NULL ? writer.message : "out of memory");
      g_free (writer.message);
      g_byte_array_unref (writer.out);
      return NULL;
    }
  return g_byte_array_free_to_bytes (writer.out);
}
