/* att-closient-metadata-row.h: one metadata key and its value, edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATT_TYPE_CLOSIENT_METADATA_ROW (att_closient_metadata_row_get_type ())

G_DECLARE_FINAL_TYPE (AttClosientMetadataRow, att_closient_metadata_row, ATT, CLOSIENT_METADATA_ROW, AdwPreferencesRow)

GtkWidget  *att_closient_metadata_row_new (const char *key,
                                           const char *value);
char       *att_closient_metadata_row_get_key (AttClosientMetadataRow *self);
const char *att_closient_metadata_row_get_value (AttClosientMetadataRow *self);
gboolean    att_closient_metadata_row_is_blank (AttClosientMetadataRow *self);
void        att_closient_metadata_row_set_message (AttClosientMetadataRow *self,
                                                   const char             *message);
const char *att_closient_metadata_row_get_message (AttClosientMetadataRow *self);
void        att_closient_metadata_row_focus_key (AttClosientMetadataRow *self);

G_END_DECLS
