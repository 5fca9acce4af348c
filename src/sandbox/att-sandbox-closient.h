/* att-sandbox-closient.h: the sandbox's Closient API: product
 * certifications by GTIN, the certification catalogue and bodies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "att-closient-key.h"
#include "att-sandbox-store.h"

G_BEGIN_DECLS

/*
 * AttSandboxClosient serves, at the sandbox's root, the Closient paths of
 * api-closient.md §3 under /certifications/api/v1/ and /products/api/v1/,
 * as docs/api-closient-sandbox.md describes: X-API-Key checked (prefix,
 * length, CRC-32, and one of the sandbox's keys), per-key rate limits
 * with their headers, both documented error shapes, and the assignments,
 * catalogue and products kept in the sandbox's store.
 */

#define ATT_TYPE_SANDBOX_CLOSIENT (att_sandbox_closient_get_type ())

G_DECLARE_FINAL_TYPE (AttSandboxClosient, att_sandbox_closient, ATT, SANDBOX_CLOSIENT, GObject)

AttSandboxClosient *att_sandbox_closient_new (AttSandboxStore *store);
const char         *att_sandbox_closient_get_key (AttSandboxClosient *self,
                                                  AttClosientKeyKind  kind);
void                att_sandbox_closient_set_key (AttSandboxClosient *self,
                                                  const char         *key);
gboolean            att_sandbox_closient_configure (AttSandboxClosient *self,
                                                    JsonObject         *settings,
                                                    GPtrArray          *field_errors);
JsonObject         *att_sandbox_closient_get_settings (AttSandboxClosient *self);

gboolean            att_sandbox_closient_is_path (const char *path);
void                att_sandbox_closient_serve (AttSandboxClosient *self,
                                                SoupServerMessage  *msg,
                                                const char         *path,
                                                const char         *base_url);
void                att_sandbox_closient_respond_fault (AttSandboxClosient *self,
                                                        SoupServerMessage  *msg,
                                                        const char         *path,
                                                        guint               status);
void                att_sandbox_closient_serve_logo (AttSandboxClosient *self,
                                                     SoupServerMessage  *msg,
                                                     const char         *key);

G_END_DECLS
