/* att-report-pdf.c: a report as a PDF document, A4 or US Letter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "att-report-pdf-layout.h"
#include "att-report-writer.h"

/*
 * The pages of att-report-pdf-layout.c on a cairo PDF surface that writes
 * to the stream: cairo embeds the fonts (subsets) and keeps the text as
 * text, so that it can be selected and searched.  Laid out first, to know
 * the number of pages for "Page N of M", then drawn page by page, checking
 * for cancellation between pages.  With thumbnails, each page's pictures
 * are decoded just before it is drawn (a report's certificates repeat, so
 * most are decoded for an earlier page already), at twice their size on
 * the page, for print.
 */

#define THUMBNAIL_SIZE_PX 96

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
draw_pages (AttReportLayout     *layout,
            AttReportThumbnails *thumbnails,
            AttReport           *report,
            cairo_t             *cr,
            AttProgressFunc      progress,
            gpointer             progress_data,
            GCancellable        *cancellable,
            GError             **error)
{
  guint n_pages = att_report_layout_get_n_pages (layout, cr);
  guint start = 0;

  for (guint page = 0; page < n_pages; page++)
    {
      guint end = att_report_layout_get_page_end (layout, page);

      if (thumbnails != NULL)
        att_report_thumbnails_load_rows (thumbnails, report, start, end, cancellable);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      att_report_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
      if (progress != NULL)
        progress (end, att_report_get_n_rows (report), progress_data);
      start = end;
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
finish (cairo_surface_t *surface,
        Sink            *sink,
        GError         **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "PDF: %s", cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_pdf (AttReport      *report,
           GOutputStream  *stream,
           double          width,
           double          height,
           AttProgressFunc progress,
           gpointer        progress_data,
           GCancellable   *cancellable,
           GError        **error)
{
  Sink             sink = { stream, cancellable, NULL };
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, width, height);
  cairo_t         *cr = cairo_create (surface);
  g_autoptr(AttReportLayout) layout = att_report_layout_new (report, width, height);
  g_autoptr(AttReportThumbnails) thumbnails = NULL;
  gboolean drawn;

  if (att_report_get_thumbnails (report))
    {
      thumbnails = att_report_thumbnails_new (THUMBNAIL_SIZE_PX);
      att_report_layout_set_thumbnails (layout, thumbnails);
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, C_ ("report", "Certificate report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Attest");
  drawn = draw_pages (layout, thumbnails, report, cr, progress, progress_data, cancellable, error);
  cairo_destroy (cr);
  /* Finished even when cancelled, so that cairo lets go of the stream. */
  if (!drawn)
    sink.error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "");
  drawn = finish (surface, &sink, drawn ? error : NULL) && drawn;
  g_clear_error (&sink.error);
  cairo_surface_destroy (surface);
  return drawn;
}

/**
 * att_report_write_pdf:
 *
 * Writes @report as a PDF document on A4 pages (landscape).
 *
 * Returns: whether it was written
 */
gboolean
att_report_write_pdf (AttReport      *report,
                      GOutputStream  *stream,
                      AttProgressFunc progress,
                      gpointer        progress_data,
                      GCancellable   *cancellable,
                      GError        **error)
{
  return write_pdf (report, stream, ATT_REPORT_PAGE_A4_WIDTH, ATT_REPORT_PAGE_A4_HEIGHT, progress, progress_data,
                    cancellable, error);
}

/**
 * att_report_write_pdf_letter:
 *
 * Writes @report as a PDF document on US Letter pages (landscape).
 *
 * Returns: whether it was written
 */
gboolean
att_report_write_pdf_letter (AttReport      *report,
                             GOutputStream  *stream,
                             AttProgressFunc progress,
                             gpointer        progress_data,
                             GCancellable   *cancellable,
                             GError        **error)
{
  return write_pdf (report, stream, ATT_REPORT_PAGE_LETTER_WIDTH, ATT_REPORT_PAGE_LETTER_HEIGHT, progress,
                    progress_data, cancellable, error);
}
