/* att-file-error.c: why a file cannot be a certificate's image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-file-error.h"

G_DEFINE_QUARK (att - file - error - quark, att_file_error)

/**
 * att_file_error_display_name:
 * @file: a file
 * @cancellable: (nullable): for the query, which may block
 *
 * The name a message about @file gives it: the one the file manager
 * shows (%G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME), or, for a file that
 * cannot be queried, its base name made valid UTF-8.
 *
 * Returns: (transfer full): the name
 */
char *
att_file_error_display_name (GFile        *file,
                             GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
    return g_strdup (g_file_info_get_display_name (info));

  basename = g_file_get_basename (file);
  return basename != NULL ? g_filename_display_name (basename) : g_file_get_parse_name (file);
}
