/* test-application.c: what the application sets up for every window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-application.h"
#include "att-renderer.h"

/* The welcome page and the About window show the app icon by name. It must
 * be found however Attest is started, installed or not: from the GResource,
 * not from an icon theme folder that may not hold it. */
static void
test_app_icon (void)
{
  g_autoptr(AttApplication) app = att_application_new ();
  g_autoptr(GError) error = NULL;
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autofree char *symbolic = g_strconcat (APP_ID, "-symbolic", NULL);

  g_assert_false (gtk_icon_theme_has_icon (theme, APP_ID));

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, symbolic));
  icon = gtk_icon_theme_lookup_icon (theme, APP_ID, NULL, 128, 1, GTK_TEXT_DIR_NONE, 0);
  g_assert_true (g_str_has_prefix (gtk_icon_paintable_get_icon_name (icon), APP_ID));
}

/* Mesa's software rasterizers are told from hardware drivers. */
static void
test_software_gl (void)
{
  g_assert_true (att_renderer_is_software_gl ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (att_renderer_is_software_gl ("softpipe"));
  g_assert_true (att_renderer_is_software_gl ("Mesa DRI Intel(R) Software Rasterizer"));
  g_assert_false (att_renderer_is_software_gl ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  g_assert_false (att_renderer_is_software_gl ("AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49)"));
  g_assert_false (att_renderer_is_software_gl (NULL));
}

/* A renderer the user chose is theirs. */
static void
test_renderer_kept (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("GSK_RENDERER"));

  g_setenv ("GSK_RENDERER", "ngl", TRUE);
  att_renderer_choose (gdk_display_get_default ());
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "ngl");
  if (saved != NULL)
    g_setenv ("GSK_RENDERER", saved, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
}

int
main (int   argc,
      char *argv[])
{
  /* Only the default icon folders: none of them holds an uninstalled
   * Attest's icon. */
  g_unsetenv ("XDG_DATA_DIRS");
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/application/app-icon", test_app_icon);
  g_test_add_func ("/application/software-gl", test_software_gl);
  g_test_add_func ("/application/renderer-kept", test_renderer_kept);

  return g_test_run ();
}
