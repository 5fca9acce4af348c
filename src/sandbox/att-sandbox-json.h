/* att-sandbox-json.h: type-checked JSON getters for the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

/* Each getter returns the fallback when the member is absent, null or of
 * another JSON type: the sandbox never trusts what it was sent, and its own
 * stored documents are read the same way. */
const char *att_sandbox_json_string (JsonObject *object,
                                     const char *key);
double      att_sandbox_json_number (JsonObject *object,
                                     const char *key,
                                     double      fallback);
gboolean    att_sandbox_json_boolean (JsonObject *object,
                                      const char *key,
                                      gboolean    fallback);
JsonObject *att_sandbox_json_object (JsonObject *object,
                                     const char *key);
JsonArray  *att_sandbox_json_array (JsonObject *object,
                                    const char *key);
gboolean    att_sandbox_json_is_set (JsonObject *object,
                                     const char *key);
JsonObject *att_sandbox_json_element_object (JsonArray *array,
                                             guint      index);
void        att_sandbox_json_set_number (JsonObject *object,
                                         const char *key,
                                         double      value);
char       *att_sandbox_json_to_string (JsonNode *node);
JsonNode   *att_sandbox_json_node_take_object (JsonObject *object);
JsonNode   *att_sandbox_json_node_take_array (JsonArray *array);
JsonObject *att_sandbox_json_parse_object (const char *text,
                                           GError    **error);

G_END_DECLS
