/* att-test-files.h: certificate files for the tests, made on the spot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Page sizes in points (1/72 inch). */
#define ATT_TEST_A4_WIDTH  595.276
#define ATT_TEST_A4_HEIGHT 841.890
#define ATT_TEST_A5_WIDTH  419.528
#define ATT_TEST_A5_HEIGHT 595.276

/* Writes a PDF of @n_pages to @path, drawn with cairo: page i is
 * @sizes[2 i] x @sizes[2 i + 1] points (A4 for all if @sizes is %NULL),
 * with a title, a framed box and @n_lines lines of text. */
void             att_test_write_pdf (const char   *path,
                                     guint         n_pages,
                                     const double *sizes,
                                     guint         n_lines);

/* A real PNG of @width x @height, drawn with cairo. */
GBytes          *att_test_png_new (int width,
                                   int height);

/* @png decoded by cairo (a surface in error if it is not a PNG). */
cairo_surface_t *att_test_png_decode (GBytes *png);

/* Whether every pixel of @surface (RGB24 or ARGB32) is opaque white. */
gboolean         att_test_surface_is_blank (cairo_surface_t *surface);

/* Writes @length bytes of @data to @dir/@name; returns the file. */
GFile           *att_test_write_file (const char *dir,
                                      const char *name,
                                      const void *data,
                                      gsize       length);

G_END_DECLS
