/* att-sandbox-closient-seed.h: the demo's Closient catalogue, products and
 * assignments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-sandbox-store.h"

G_BEGIN_DECLS

/* A demo product that only Closient knows, with sixty certifications, so
 * that the paginated list has pages. */
#define ATT_SANDBOX_CLOSIENT_LONG_GTIN   "09506000134352"
#define ATT_SANDBOX_CLOSIENT_LONG_LENGTH 60

/* Two more products only Closient knows, whose GTINs are a GTIN-8 and a
 * GTIN-12 (GS1's examples), padded. */
#define ATT_SANDBOX_CLOSIENT_GTIN8  "00000096385074"
#define ATT_SANDBOX_CLOSIENT_GTIN12 "00012345678905"

char    *att_sandbox_closient_seed_id (const char *name);
gboolean att_sandbox_closient_seed_has_product (guint demo_index);
gboolean att_sandbox_closient_seed_assignments (AttSandboxStore *store,
                                                gint64           now_ms,
                                                GError         **error);

G_END_DECLS
