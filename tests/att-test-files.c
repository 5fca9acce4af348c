/* att-test-files.c: certificate files for the tests, made on the spot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include "att-test-files.h"

static void
draw_page (cairo_t *cr,
           double   width,
           double   height,
           guint    page,
           guint    n_lines)
{
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 18);
  cairo_move_to (cr, 40, 60);
  cairo_show_text (cr, "Certificate of compliance");
  cairo_set_line_width (cr, 2);
  cairo_rectangle (cr, 30, 30, width - 60, height - 60);
  cairo_stroke (cr);

  cairo_select_font_face (cr, "serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 9);
  for (guint i = 0; i < n_lines && 90 + 11.0 * i < height - 40; i++)
    {
      g_autofree char *line = g_strdup_printf ("Page %u, line %u: the products listed are made of "
                                               "certified recycled fibre, checked on site.",
                                               page + 1, i + 1);

      cairo_move_to (cr, 40, 90 + 11.0 * i);
      cairo_show_text (cr, line);
    }
}

void
att_test_write_pdf (const char   *path,
                    guint         n_pages,
                    const double *sizes,
                    guint         n_lines)
{
  cairo_surface_t *surface;
  cairo_t         *cr;

  surface = cairo_pdf_surface_create (path, ATT_TEST_A4_WIDTH, ATT_TEST_A4_HEIGHT);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      double width = sizes != NULL ? sizes[2 * i] : ATT_TEST_A4_WIDTH;
      double height = sizes != NULL ? sizes[2 * i + 1] : ATT_TEST_A4_HEIGHT;

      cairo_pdf_surface_set_size (surface, width, height);
      draw_page (cr, width, height, i, n_lines);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
att_test_png_new (int width,
                  int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t         *cr = cairo_create (surface);
  GByteArray      *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.2, 0.5, 0.3);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png, png), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

typedef struct
{
  const guint8 *data;
  gsize         length;
} Reader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  Reader *reader = closure;

  if (length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->length -= length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
att_test_png_decode (GBytes *png)
{
  Reader reader;

  reader.data = g_bytes_get_data (png, &reader.length);
  return cairo_image_surface_create_from_png_stream (read_png, &reader);
}

gboolean
att_test_surface_is_blank (cairo_surface_t *surface)
{
  const guint8 *data;
  int           stride, width, height;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + (gsize) y * (gsize) stride);

      for (int x = 0; x < width; x++)
        if ((row[x] & 0x00ffffff) != 0x00ffffff)
          return FALSE;
    }
  return TRUE;
}

GFile *
att_test_write_file (const char *dir,
                     const char *name,
                     const void *data,
                     gsize       length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}
