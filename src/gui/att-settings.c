/* att-settings.c: Attest's GSettings, when its schema is installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-settings.h"

/**
 * att_settings_new:
 *
 * Running from the build tree without the schema installed must still
 * work: what the settings would remember (the window's size, the last
 * view, the expiry lead time) then simply keeps its default.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL when the
 *   schema is not installed
 */
GSettings *
att_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s not found; settings are not saved", BASE_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}
