/* att-png.h: a cairo image as PNG bytes, written fast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *att_png_encode (cairo_surface_t *surface,
                        GError         **error);

G_END_DECLS
