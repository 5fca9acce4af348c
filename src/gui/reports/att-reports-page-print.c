/* att-reports-page-print.c: the Reports view's report, printed with the
 * PDF's page layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-report-pdf-layout.h"
#include "att-report-thumbnails.h"
#include "att-reports-page-private.h"

/*
 * The pages are AttReportLayout's, as in the PDF: GTK hands a cairo
 * context in points on the whole sheet (use-full-page, GTK_UNIT_POINTS),
 * the layout keeps its own margins.  The report is laid out in steps in
 * "paginate" (ROWS_PER_STEP rows an idle), so that a long report never
 * holds the main loop, and GTK's progress window offers Cancel while the
 * pages are laid out and sent.  When the report shows certificate images,
 * they are read first in a worker thread (the bar under the preview, with
 * Cancel), so that drawing a page only paints pictures already decoded.
 */

#define ROWS_PER_STEP 400

/* The pictures' size in pixels: twice the 40 points they are drawn at. */
#define PICTURE_SIZE 96

/* The report as it was when Print was chosen, whatever the filters do
 * while the dialog is open. */
static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  AttReport           *report = g_object_get_data (G_OBJECT (operation), "att-report");
  AttReportLayout     *layout = att_report_layout_new (report, gtk_print_context_get_width (context),
                                                       gtk_print_context_get_height (context));
  AttReportThumbnails *thumbnails = g_object_get_data (G_OBJECT (operation), "att-thumbnails");

  if (thumbnails != NULL)
    att_report_layout_set_thumbnails (layout, thumbnails);
  g_object_set_data_full (G_OBJECT (operation), "att-layout", layout, g_object_unref);
}

static gboolean
on_paginate (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             gpointer           user_data)
{
  AttReportLayout *layout = g_object_get_data (G_OBJECT (operation), "att-layout");
  cairo_t         *cr = gtk_print_context_get_cairo_context (context);

  if (!att_report_layout_paginate (layout, cr, ROWS_PER_STEP))
    return FALSE;
  gtk_print_operation_set_n_pages (operation, att_report_layout_get_n_pages (layout, cr));
  return TRUE;
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           user_data)
{
  AttReportLayout *layout = g_object_get_data (G_OBJECT (operation), "att-layout");

  att_report_layout_draw_page (layout, gtk_print_context_get_cairo_context (context), page);
}

static void
toast_print_error (AttReportsPage    *self,
                   GtkPrintOperation *operation)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwToast        *toast;

  gtk_print_operation_get_error (operation, &error);
  /* Translators: %s says why the report could not be printed */
  text = g_strdup_printf (_ ("The report could not be printed: %s"), error != NULL ? error->message : "");
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_done (GtkPrintOperation      *operation,
         GtkPrintOperationResult result,
         AttReportsPage         *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast_print_error (self, operation);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
  if (self->print_operation == operation)
    g_clear_object (&self->print_operation);
  _att_reports_page_update_actions (self);
  g_object_notify (G_OBJECT (self), "printing");
}

/* Landscape, as the PDF: the table has eight columns. */
static GtkPageSetup *
page_setup_new (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  return setup;
}

static GtkPrintOperation *
print_operation_new (AttReportsPage *self,
                     AttReport      *report)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = page_setup_new ();

  gtk_print_operation_set_job_name (operation, C_ ("report", "Certificate report"));
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  g_object_set_data_full (G_OBJECT (operation), "att-report", g_object_ref (report), g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), NULL);
  g_signal_connect (operation, "paginate", G_CALLBACK (on_paginate), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), NULL);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_done), self, 0);
  return operation;
}

static void
run_print (AttReportsPage      *self,
           AttReport           *report,
           AttReportThumbnails *thumbnails,
           GFile               *export_file)
{
  GtkRoot                *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char        *path = export_file != NULL ? g_file_get_path (export_file) : NULL;
  GtkPrintOperationResult result;
  g_autoptr(GError) error = NULL;

  self->print_operation = print_operation_new (self, report);
  if (thumbnails != NULL)
    g_object_set_data_full (G_OBJECT (self->print_operation), "att-thumbnails", g_object_ref (thumbnails),
                            g_object_unref);
  if (path != NULL)
    gtk_print_operation_set_export_filename (self->print_operation, path);
  _att_reports_page_update_actions (self);
  g_object_notify (G_OBJECT (self), "printing");
  result = gtk_print_operation_run (self->print_operation,
                                    path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                 : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->print_operation != NULL)
    on_done (self->print_operation, result, self);
}

/* --- Certificate images, read first ------------------------------------ */

static void
on_images_progress (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  AttReportsPage *self = user_data;

  /* A report from a load the page gave up (it is being destroyed). */
  if (self->print_cancellable != NULL && total > 0)
    gtk_progress_bar_set_fraction (self->export_progress, (double) done / total);
}

static void
on_images_loaded (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AttReportsPage) self = user_data;
  g_autoptr(GFile) file = g_object_steal_data (G_OBJECT (self), "att-print-file");
  g_autoptr(AttReport) report = g_object_steal_data (G_OBJECT (self), "att-print-report");
  AttReportThumbnails *thumbnails = ATT_REPORT_THUMBNAILS (source_object);
  gboolean             loaded = att_report_thumbnails_load_finish (thumbnails, result, NULL);

  if (self->print_cancellable == NULL)
    return;
  g_clear_object (&self->print_cancellable);
  _att_reports_page_show_busy (self, NULL);
  if (loaded)
    run_print (self, report, thumbnails, file);
  else
    g_object_notify (G_OBJECT (self), "printing");
}

static void
load_images (AttReportsPage *self,
             GFile          *export_file)
{
  g_autoptr(AttReportThumbnails) thumbnails = att_report_thumbnails_new (PICTURE_SIZE);

  self->print_cancellable = g_cancellable_new ();
  if (export_file != NULL)
    g_object_set_data_full (G_OBJECT (self), "att-print-file", g_object_ref (export_file), g_object_unref);
  /* The report printed is the one shown now, whatever the filters do. */
  g_object_set_data_full (G_OBJECT (self), "att-print-report", g_object_ref (self->report), g_object_unref);
  _att_reports_page_show_busy (self, _ ("Reading the certificate images…"));
  g_object_notify (G_OBJECT (self), "printing");
  att_report_thumbnails_load_async (thumbnails, self->report, on_images_progress, self, self->print_cancellable,
                                    on_images_loaded, g_object_ref (self));
}

/**
 * att_reports_page_print:
 * @export_file: (nullable): a PDF file to print to without asking, or
 *   %NULL for the print dialog
 *
 * Prints the report shown with the PDF's layout, through the print dialog
 * (or straight to @export_file, what tests use), its certificate images
 * read first when it shows them; the page's "printing" property is %TRUE
 * until it is done.
 */
void
att_reports_page_print (AttReportsPage *self,
                        GFile          *export_file)
{
  g_return_if_fail (ATT_IS_REPORTS_PAGE (self));
  g_return_if_fail (self->report != NULL);

  if (att_reports_page_get_printing (self) || self->export_cancellable != NULL)
    return;
  if (att_report_get_thumbnails (self->report))
    load_images (self, export_file);
  else
    run_print (self, self->report, NULL, export_file);
}

void
_att_reports_page_cancel_print (AttReportsPage *self)
{
  g_cancellable_cancel (self->print_cancellable);
  g_clear_object (&self->print_cancellable);
  if (self->print_operation != NULL)
    gtk_print_operation_cancel (self->print_operation);
}
