/* att-field-rows.h: the members of a server's JSON object as rows of a
 * preferences group, known or not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char      *att_field_rows_humanize_key (const char *key);
char      *att_field_rows_format_value (JsonNode *node);
GtkWidget *att_field_rows_add_text (AdwPreferencesGroup *group,
                                    GPtrArray           *rows,
                                    const char          *title,
                                    const char          *value);
void       att_field_rows_add_member (AdwPreferencesGroup *group,
                                      GPtrArray           *rows,
                                      const char          *title,
                                      JsonNode            *node);
void       att_field_rows_clear (AdwPreferencesGroup *group,
                                 GPtrArray           *rows);

G_END_DECLS
