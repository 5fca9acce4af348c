/* att-renderer.h: the renderer for where OpenGL is drawn in software
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean att_renderer_is_software_gl (const char *gl_renderer);
void     att_renderer_choose (GdkDisplay *display);

G_END_DECLS
