/* att-pdf-pages.c: a PDF's pages as PNG images
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include <cairo.h>
#include <poppler.h>

#include "att-file-error.h"
#include "att-file-type.h"
#include "att-pdf-pages.h"
#include "att-png.h"

/* The certification API takes images only, so a certificate that came as
 * a PDF is sent as one PNG per page, drawn by poppler on white (a PDF
 * page is transparent where nothing is drawn, and a PNG with an alpha
 * channel would show it black or checkered in some viewers). */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

/* A page too large for @dpi (a poster, a drawing in A0) is drawn at a
 * lower resolution rather than as an image of hundreds of megabytes:
 * at 25 million pixels (100 MB while it is drawn) an A1 page still gets
 * 150 dpi and an A0 page 127. */
#define MAX_PIXELS 25e6
#define MAX_SIDE   16000.0

static gboolean
set_error_from_poppler (GError    **error,
                        GError     *poppler_error,
                        const char *name)
{
  /* A file that is not there or cannot be read: the system's reason. */
  if (poppler_error->domain != POPPLER_ERROR)
    {
      if (!g_error_matches (poppler_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&poppler_error, "“%s”: ", name);
      g_propagate_error (error, poppler_error);
      return FALSE;
    }
  if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    g_set_error (error, ATT_FILE_ERROR, ATT_FILE_ERROR_PDF,
                 _ ("“%s” is protected by a password. Open it, print it to a new PDF without "
                    "a password, and add that one instead."),
                 name);
  else
    g_set_error (error, ATT_FILE_ERROR, ATT_FILE_ERROR_PDF,
                 _ ("“%s” cannot be read as a PDF: it may be damaged or incomplete."), name);
  g_debug ("PDF: %s: %s", name, poppler_error->message);
  g_error_free (poppler_error);
  return FALSE;
}

static gboolean
check_page_count (int         n_pages,
                  const char *name,
                  GError    **error)
{
  if (n_pages <= 0)
    {
      g_set_error (error, ATT_FILE_ERROR, ATT_FILE_ERROR_PDF,
                   _ ("“%s” is a PDF without pages."), name);
      return FALSE;
    }
  /* Each page becomes one of a certificate's images: a PDF with more
   * pages than a certificate takes is refused before any is drawn. */
  if (n_pages > ATT_CERTIFICATE_MAX_FILES)
    {
      g_set_error (error, ATT_FILE_ERROR, ATT_FILE_ERROR_PDF,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” has %d page; a certificate takes at most %d images. "
                                "Save the pages that matter as a new PDF and add that one.",
                                "“%s” has %d pages; a certificate takes at most %d images. "
                                "Save the pages that matter as a new PDF and add that one.",
                                n_pages),
                   name, n_pages, ATT_CERTIFICATE_MAX_FILES);
      return FALSE;
    }
  return TRUE;
}

static PopplerDocument *
open_document (GFile        *pdf,
               GCancellable *cancellable,
               GError      **error)
{
  g_autofree char *name = NULL;
  PopplerDocument *document;
  GError          *poppler_error = NULL;

  document = poppler_document_new_from_gfile (pdf, NULL, cancellable, &poppler_error);
  if (document != NULL)
    return document;

  name = att_file_error_display_name (pdf, cancellable);
  set_error_from_poppler (error, poppler_error, name);
  return NULL;
}

/* Pixels per point (a point is 1/72 inch) for a page of @width x @height
 * points at @dpi, lowered for a page too large to draw at @dpi. */
static double
page_scale (double width,
            double height,
            double dpi)
{
  double scale = dpi / 72.0;

  if (width * height * scale * scale > MAX_PIXELS)
    scale = sqrt (MAX_PIXELS / (width * height));
  if (MAX (width, height) * scale > MAX_SIDE)
    scale = MAX_SIDE / MAX (width, height);
  return scale;
}

static GBytes *
render_page (PopplerDocument *document,
             int              index,
             double           dpi,
             GError         **error)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  double width = 0, height = 0, scale;

  if (page == NULL)
    {
      g_set_error (error, ATT_FILE_ERROR, ATT_FILE_ERROR_PDF, "no page %d", index + 1);
      return NULL;
    }
  poppler_page_get_size (page, &width, &height);
  width = MAX (width, 1.0);
  height = MAX (height, 1.0);
  scale = page_scale (width, height, dpi);
  /* RGB without alpha: the page is opaque once on white. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) MAX (round (width * scale), 1),
                                        (int) MAX (round (height * scale), 1));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  g_clear_pointer (&cr, cairo_destroy);

  return att_png_encode (surface, error);
}

/**
 * att_pdf_pages_render:
 * @pdf: a PDF file
 * @dpi: the resolution to draw the pages at (%ATT_PDF_PAGES_DEFAULT_DPI);
 *   a page too large for it is drawn at a lower one
 * @progress: (nullable) (scope call): called after each page, on this
 *   thread, with the pages done and their number
 * @cancellable: (nullable): checked before each page
 *
 * Draws each page of @pdf on white and encodes it as a PNG.  Blocks: for
 * worker threads.  A file poppler cannot open, a PDF protected by a
 * password, one without pages and one with more pages than a
 * certificate takes are refused with %ATT_FILE_ERROR_PDF and a message
 * naming the file.
 *
 * Returns: (transfer full) (element-type GBytes): the PNG of each page,
 *   in order, or %NULL on error
 */
GPtrArray *
att_pdf_pages_render (GFile          *pdf,
                      double          dpi,
                      AttProgressFunc progress,
                      gpointer        user_data,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *name = NULL;
  int              n_pages;

  g_return_val_if_fail (G_IS_FILE (pdf), NULL);
  g_return_val_if_fail (dpi > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = open_document (pdf, cancellable, error);
  if (document == NULL)
    return NULL;
  n_pages = poppler_document_get_n_pages (document);
  name = att_file_error_display_name (pdf, cancellable);
  if (!check_page_count (n_pages, name, error))
    return NULL;

  pages = g_ptr_array_new_full ((guint) n_pages, (GDestroyNotify) g_bytes_unref);
  for (int i = 0; i < n_pages; i++)
    {
      GBytes *png;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          (png = render_page (document, i, dpi, error)) == NULL)
        return NULL;
      g_ptr_array_add (pages, png);
      if (progress != NULL)
        progress ((guint64) i + 1, (guint64) n_pages, user_data);
    }
  return g_steal_pointer (&pages);
}
