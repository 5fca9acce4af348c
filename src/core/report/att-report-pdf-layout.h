/* att-report-pdf-layout.h: a report laid out on pages, drawn onto any
 * cairo context (a PDF surface, or a GtkPrintContext's)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "att-report-thumbnails.h"
#include "att-report.h"

G_BEGIN_DECLS

/* Page sizes in points, landscape: the table has eight columns. */
#define ATT_REPORT_PAGE_A4_WIDTH      841.89
#define ATT_REPORT_PAGE_A4_HEIGHT     595.28
#define ATT_REPORT_PAGE_LETTER_WIDTH  792.0
#define ATT_REPORT_PAGE_LETTER_HEIGHT 612.0

/*
 * Printing (the Reports view): with gtk_print_operation_set_use_full_page()
 * TRUE and gtk_print_operation_set_unit() GTK_UNIT_POINTS, make the layout
 * with the page setup's paper width and height in points, give
 * att_report_layout_get_n_pages() the print context's cairo_t in
 * "begin-print", or lay it out in steps with att_report_layout_paginate()
 * in "paginate" and then gtk_print_operation_set_n_pages(), and call
 * att_report_layout_draw_page() in "draw-page".  The layout keeps its own
 * 36 pt margins.  With att_report_get_thumbnails(), make an
 * #AttReportThumbnails of about 96 px, give it to the layout with
 * att_report_layout_set_thumbnails() before laying it out, and load every
 * row's picture with att_report_thumbnails_load_async() before printing,
 * so that "draw-page" never decodes.
 */

#define ATT_TYPE_REPORT_LAYOUT (att_report_layout_get_type ())

G_DECLARE_FINAL_TYPE (AttReportLayout, att_report_layout, ATT, REPORT_LAYOUT, GObject)

AttReportLayout *att_report_layout_new (AttReport *report,
                                        double     page_width_pt,
                                        double     page_height_pt);
gboolean         att_report_layout_paginate (AttReportLayout *self,
                                             cairo_t         *measure_cr,
                                             guint            max_rows);
void             att_report_layout_set_thumbnails (AttReportLayout     *self,
                                                   AttReportThumbnails *thumbnails);
guint            att_report_layout_get_n_pages (AttReportLayout *self,
                                                cairo_t         *measure_cr);
guint            att_report_layout_get_page_end (AttReportLayout *self,
                                                 guint            page);
void             att_report_layout_draw_page (AttReportLayout *self,
                                              cairo_t         *cr,
                                              guint            page);

G_END_DECLS
