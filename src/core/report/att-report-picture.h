/* att-report-picture.h: a certificate's file as a small picture, for the
 * thumbnails of a PDF report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

cairo_surface_t *att_report_picture_decode (GBytes *bytes,
                                            int     size_px);

G_END_DECLS
