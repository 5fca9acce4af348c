/* att-report-pdf-heading.h: the heading on a PDF report's first page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "att-report.h"

G_BEGIN_DECLS

double att_report_pdf_heading_draw (AttReport *report,
                                    cairo_t   *cr,
                                    double     x,
                                    double     y,
                                    double     width,
                                    gboolean   draw);

G_END_DECLS
