/* att-assertion-item.h: an assertion authority or an assertion standard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_ASSERTION_ITEM (att_assertion_item_get_type ())

G_DECLARE_FINAL_TYPE (AttAssertionItem, att_assertion_item, ATT, ASSERTION_ITEM, GObject)

AttAssertionItem *att_assertion_item_new_from_json (JsonObject *object,
                                                    const char *path,
                                                    GError    **error);
JsonObject       *att_assertion_item_get_json (AttAssertionItem *self);
JsonNode         *att_assertion_item_to_json (AttAssertionItem *self);

const char       *att_assertion_item_get_id (AttAssertionItem *self);
const char       *att_assertion_item_get_name (AttAssertionItem *self);
const char       *att_assertion_item_get_authority_id (AttAssertionItem *self);
const char       *att_assertion_item_get_authority_name (AttAssertionItem *self);

G_END_DECLS
