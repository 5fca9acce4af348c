/* att-closient-metadata.h: an assignment's metadata, its limits, its
 * minimal diff and Closient's merge rules (api-closient.md §5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

/* The documented limits, in Unicode characters. */
#define ATT_CLOSIENT_METADATA_MAX_KEYS        50
#define ATT_CLOSIENT_METADATA_MAX_KEY_CHARS   40
#define ATT_CLOSIENT_METADATA_MAX_VALUE_CHARS 500

GHashTable *att_closient_metadata_new (void);
GHashTable *att_closient_metadata_copy (GHashTable *metadata);
gboolean    att_closient_metadata_equal (GHashTable *a,
                                         GHashTable *b);
JsonNode   *att_closient_metadata_to_json (GHashTable *metadata);

JsonObject *att_closient_metadata_diff (GHashTable *before,
                                        GHashTable *after);
gboolean    att_closient_metadata_merge (GHashTable *current,
                                         JsonNode   *metadata_member,
                                         GPtrArray  *field_errors);
gboolean    att_closient_metadata_check (GHashTable *metadata,
                                         GPtrArray  *field_errors);
gboolean    att_closient_metadata_check_entry (const char *key,
                                               const char *value,
                                               GPtrArray  *field_errors);

G_END_DECLS
