/* att-closient-key.h: the format and checksum of Closient API keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-error.h"
#include "att-types.h"

G_BEGIN_DECLS

/**
 * AttClosientKeyKind:
 * @ATT_CLOSIENT_KEY_BUSINESS: `csb_`, organisation-scoped, full permissions
 * @ATT_CLOSIENT_KEY_USER: `csu_`, follows the user's memberships
 * @ATT_CLOSIENT_KEY_PUBLISHABLE: `cpk_`, meant for front-end widgets
 */
typedef enum {
  ATT_CLOSIENT_KEY_BUSINESS,
  ATT_CLOSIENT_KEY_USER,
  ATT_CLOSIENT_KEY_PUBLISHABLE,
} AttClosientKeyKind;

/* "<prefix>_<32 alphanumerics>_<8 lowercase hex digits of CRC-32(body)>" */
#define ATT_CLOSIENT_KEY_BODY_LENGTH     32
#define ATT_CLOSIENT_KEY_CHECKSUM_LENGTH 8

gboolean    att_closient_key_check (const char         *key,
                                    AttClosientKeyKind *kind,
                                    GError            **error);
const char *att_closient_key_kind_warning (AttClosientKeyKind kind);

G_END_DECLS
