/* att-closient-metadata-rows.h: an assignment's metadata as key/value
 * rows: added, edited, removed, or all cleared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ATT_TYPE_CLOSIENT_METADATA_ROWS (att_closient_metadata_rows_get_type ())

G_DECLARE_FINAL_TYPE (AttClosientMetadataRows, att_closient_metadata_rows, ATT, CLOSIENT_METADATA_ROWS,
                      AdwPreferencesGroup)

GtkWidget  *att_closient_metadata_rows_new (void);
void        att_closient_metadata_rows_set_metadata (AttClosientMetadataRows *self,
                                                     GHashTable              *metadata);
GHashTable *att_closient_metadata_rows_get_metadata (AttClosientMetadataRows *self);
gboolean    att_closient_metadata_rows_get_cleared (AttClosientMetadataRows *self);
void        att_closient_metadata_rows_clear (AttClosientMetadataRows *self);
GtkWidget  *att_closient_metadata_rows_add_row (AttClosientMetadataRows *self,
                                                const char              *key,
                                                const char              *value);
guint       att_closient_metadata_rows_get_n_rows (AttClosientMetadataRows *self);
void        att_closient_metadata_rows_check (AttClosientMetadataRows *self,
                                              GPtrArray               *problems);
void        att_closient_metadata_rows_show_problems (AttClosientMetadataRows *self,
                                                      GPtrArray               *problems);
gboolean    att_closient_metadata_rows_focus (AttClosientMetadataRows *self,
                                              const char              *path);
JsonNode   *att_closient_metadata_rows_save_state (AttClosientMetadataRows *self);
void        att_closient_metadata_rows_restore_state (AttClosientMetadataRows *self,
                                                      JsonNode                *state);

G_END_DECLS
