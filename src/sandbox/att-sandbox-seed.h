/* att-sandbox-seed.h: the sandbox's demo and generated products
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-sandbox-catalogue.h"
#include "att-sandbox-store.h"

G_BEGIN_DECLS

gboolean    att_sandbox_seed_demo_products (AttSandboxStore     *store,
                                            AttSandboxCatalogue *catalogue,
                                            GError             **error);
gboolean    att_sandbox_seed_generated_products (AttSandboxStore     *store,
                                                 AttSandboxCatalogue *catalogue,
                                                 guint                n,
                                                 guint32              seed,
                                                 GError             **error);
char       *att_sandbox_seed_gtin13 (guint64 number);

guint       att_sandbox_seed_demo_count (void);
const char *att_sandbox_seed_demo_name (guint index);
const char *att_sandbox_seed_demo_category (guint index);
char       *att_sandbox_seed_demo_gtin (guint index);
char       *att_sandbox_seed_demo_style_number (guint index);

/* att-sandbox-certificate-seed.c */
gboolean    att_sandbox_seed_demo_certificates (AttSandboxStore *store,
                                                gint64           now_ms,
                                                GError         **error);

/* att-sandbox-closient-seed.c */
gboolean    att_sandbox_seed_closient_demo (AttSandboxStore *store,
                                            gint64           now_ms,
                                            GError         **error);

G_END_DECLS
