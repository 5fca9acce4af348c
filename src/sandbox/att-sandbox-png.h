/* att-sandbox-png.h: a small, fast PNG writer for the sandbox's drawn
 * certificate images
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The colours a picture is drawn in, on white: every pixel is white or a
 * tint of one of them (as antialiasing makes). */
typedef struct
{
  double rgb[3];
} AttSandboxPngInk;

GBytes *att_sandbox_png_encode (cairo_surface_t        *surface,
                                const AttSandboxPngInk *inks,
                                guint                   n_inks);

G_END_DECLS
