/* att-report-picture.c: a certificate's file as a small picture, for the
 * thumbnails of a PDF report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <poppler.h>

#include "att-file-type.h"
#include "att-report-picture.h"

/*
 * A certificate's file is base64 (or a `data:` URL) of a PNG, JPEG, WebP
 * or TIFF scan, or of a PDF.  An image is decoded by GdkPixbuf straight to
 * the picture's size where its loader can (JPEG scales as it decodes), is
 * never made larger, and is turned as its EXIF orientation says; a PDF's first page is drawn by
 * poppler at that size.  The picture is opaque, on white, so that the PDF
 * embeds one image per certificate and no soft mask.  GdkPixbuf is not
 * GTK: attest-cli stays without a display.
 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* The largest image decoded: 64 million pixels (an A4 page scanned at
 * 900 dpi), 256 MB while a PNG is decoded whole. */
#define MAX_PIXELS 64e6

/* The bytes of base64 or of a `data:...;base64,` URL.  Text that is not
 * base64 decodes to bytes no decoder takes, and so to no picture. */
static guint32
over_white (const guint8 *pixel,
            gboolean      alpha)
{
  guint   a = alpha ? pixel[3] : 255;
  guint32 argb = 0xff000000;

  for (guint i = 0; i < 3; i++)
    argb |= (guint32) ((pixel[i] * a + 255 * (255 - a) + 127) / 255) << (16 - 8 * i);
  return argb;
}

/* @pixbuf (8-bit RGB or RGBA) as an opaque cairo image, on white. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int              width = gdk_pixbuf_get_width (pixbuf);
  int              height = gdk_pixbuf_get_height (pixbuf);
  int              channels = gdk_pixbuf_get_n_channels (pixbuf);
  int              stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8    *pixels = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  guint8          *data = cairo_image_surface_get_data (surface);
  int              surface_stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    {
      guint32 *line = (guint32 *) (gpointer) (data + y * surface_stride);

      for (int x = 0; x < width; x++)
        line[x] = over_white (pixels + y * stride + x * channels, channels == 4);
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* Scales the image down to fit the picture as it is decoded (JPEG
 * decodes at that scale), and stops at an image so large that decoding it
 * whole, as PNG is, would take hundreds of megabytes. */
static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  int    size_px = GPOINTER_TO_INT (user_data);
  double scale = MIN ((double) size_px / MAX (width, 1), (double) size_px / MAX (height, 1));

  if ((double) width * height > MAX_PIXELS)
    gdk_pixbuf_loader_set_size (loader, 0, 0);
  else if (scale < 1.0)
    gdk_pixbuf_loader_set_size (loader, MAX ((int) round (width * scale), 1), MAX ((int) round (height * scale), 1));
}

static cairo_surface_t *
decode_image (GBytes *bytes,
              int     size_px)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GdkPixbuf) turned = NULL;
  g_autoptr(GError) error = NULL;
  gboolean   written;
  GdkPixbuf *pixbuf;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), GINT_TO_POINTER (size_px));
  written = gdk_pixbuf_loader_write_bytes (loader, bytes, &error);
  /* Closed even after an error, as GdkPixbufLoader wants. */
  if (!gdk_pixbuf_loader_close (loader, written ? &error : NULL) || !written ||
      (pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      g_debug ("Report picture: %s", error != NULL ? error->message : "no image");
      return NULL;
    }
  turned = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  if (turned == NULL || gdk_pixbuf_get_bits_per_sample (turned) != 8)
    return NULL;
  return surface_from_pixbuf (turned);
}

static cairo_surface_t *
render_pdf (GBytes *bytes,
            int     size_px)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_autoptr(PopplerPage) page = NULL;
  cairo_surface_t *surface;
  cairo_t         *cr;
  double           width = 0, height = 0, scale;

  if (document == NULL || (page = poppler_document_get_page (document, 0)) == NULL)
    {
      g_debug ("Report picture: %s", error != NULL ? error->message : "a PDF without pages");
      return NULL;
    }
  poppler_page_get_size (page, &width, &height);
  width = MAX (width, 1.0);
  height = MAX (height, 1.0);
  scale = size_px / MAX (width, height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) MAX (round (width * scale), 1),
                                        (int) MAX (round (height * scale), 1));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  return surface;
}

/**
 * att_report_picture_decode:
 * @bytes: a certificate's file, decoded from its base64
 * @size_px: the largest width and height of the picture, in pixels
 *
 * Decodes @file to a picture at most @size_px wide and high, its
 * proportions kept.  Blocks: for worker threads.
 *
 * Returns: (transfer full) (nullable): an opaque image surface, or %NULL
 *   when @bytes are not an image or a PDF any decoder here reads
 */
cairo_surface_t *
att_report_picture_decode (GBytes *bytes,
                           int     size_px)
{
  const guint8 *data;
  gsize         length;
  AttFileType   type;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (size_px > 0, NULL);

  data = g_bytes_get_data (bytes, &length);
  type = att_file_type_sniff (data, length);
  if (type == ATT_FILE_TYPE_PDF)
    return render_pdf (bytes, size_px);
  if (type != ATT_FILE_TYPE_UNKNOWN)
    return decode_image (bytes, size_px);
  return NULL;
}
