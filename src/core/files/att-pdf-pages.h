/* att-pdf-pages.h: a PDF's pages as PNG images
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "att-progress.h"

G_BEGIN_DECLS

/* The resolution a certificate's PDF pages are rendered at: its small
 * print stays legible, and an A4 page is 1240 x 1754 pixels. */
#define ATT_PDF_PAGES_DEFAULT_DPI 150.0

GPtrArray *att_pdf_pages_render (GFile          *pdf,
                                 double          dpi,
                                 AttProgressFunc progress,
                                 gpointer        user_data,
                                 GCancellable   *cancellable,
                                 GError        **error);

G_END_DECLS
