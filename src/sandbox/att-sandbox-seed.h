/* att-sandbox-seed.h: the sandbox's demo and generated products
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-sandbox-catalogue.h"
#include "att-sandbox-store.h"

G_BEGIN_DECLS

gboolean att_sandbox_seed_demo_products (AttSandboxStore     *store,
                                         AttSandboxCatalogue *catalogue,
                                         GError             **error);
gboolean att_sandbox_seed_generated_products (AttSandboxStore     *store,
                                              AttSandboxCatalogue *catalogue,
                                              guint                n,
                                              guint32              seed,
                                              GError             **error);
char    *att_sandbox_seed_gtin13 (guint64 number);

G_END_DECLS
