/* att-renderer.c: the renderer for where OpenGL is drawn in software
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <epoxy/gl.h>

#include "att-renderer.h"

/* GTK 4.8 draws with OpenGL wherever there is some, even when the driver
 * draws it on the processor (Mesa's llvmpipe: virtual machines, remote
 * sessions, Xvfb).  There, a frame of the product editor (some 1500
 * widgets) took 25-35 ms of processor time per key typed, against 8 ms
 * with GTK's cairo renderer (tests/bench-editor-open.c): so in software,
 * Attest asks for cairo.  GSK_RENDERER set by the user is left alone. */

/**
 * att_renderer_is_software_gl:
 * @gl_renderer: (nullable): what GL_RENDERER says
 *
 * Returns: whether it names one of Mesa's software rasterizers
 */
gboolean
att_renderer_is_software_gl (const char *gl_renderer)
{
  static const char *const software[] = { "llvmpipe", "softpipe", "swrast", "Software Rasterizer" };

  if (gl_renderer == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (gl_renderer, software[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* What GL_RENDERER says of @display's OpenGL, or %NULL without one. */
static char *
query_gl_renderer (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = gdk_display_create_gl_context (display, NULL);
  char *name;

  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return NULL;
  gdk_gl_context_make_current (context);
  name = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  return name;
}

/**
 * att_renderer_choose:
 * @display: the display the windows will be on
 *
 * Asks GTK for its cairo renderer if @display's OpenGL is drawn in
 * software.  GTK reads the choice when it makes its first renderer: call
 * this before any window is realized.
 */
void
att_renderer_choose (GdkDisplay *display)
{
  g_autofree char *gl_renderer = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  gl_renderer = query_gl_renderer (display);
  g_debug ("OpenGL renderer: %s", gl_renderer != NULL ? gl_renderer : "none");
  if (att_renderer_is_software_gl (gl_renderer))
    g_setenv ("GSK_RENDERER", "cairo", FALSE);
}
