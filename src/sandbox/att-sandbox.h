/* att-sandbox.h: a local stand-in for the Higg PIC API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

/*
 * AttSandbox serves, on 127.0.0.1, the Higg PIC endpoints the app uses
 * (base path /pic-api/v1: products/create, products/update/{id},
 * products/search, materials|components|packaging/search,
 * french-label-manufacturing-countries), stores products in SQLite, applies
 * the documented validation (att-validation.h) and answers every error as
 * {statusCode, error, message, details[{path, message}]}.  Tests and the
 * out-of-process server can also POST /_sandbox/faults
 * {"latencyMs": N, "status": S, "count": C}.
 */

#define ATT_TYPE_SANDBOX (att_sandbox_get_type ())

G_DECLARE_FINAL_TYPE (AttSandbox, att_sandbox, ATT, SANDBOX, GObject)

AttSandbox *att_sandbox_new                    (const char  *db_path,
                                                GError     **error);
gboolean    att_sandbox_seed_demo              (AttSandbox  *self,
                                                GError     **error);
gboolean    att_sandbox_add_generated_products (AttSandbox  *self,
                                                guint        n,
                                                guint32      seed,
                                                GError     **error);
gboolean    att_sandbox_listen                 (AttSandbox  *self,
                                                guint        port,
                                                GError     **error);
const char *att_sandbox_get_base_url           (AttSandbox  *self);
void        att_sandbox_set_latency            (AttSandbox  *self,
                                                guint        ms);
guint       att_sandbox_get_latency            (AttSandbox  *self);
void        att_sandbox_inject_failure         (AttSandbox  *self,
                                                guint        http_status,
                                                guint        count);
void        att_sandbox_set_score_delay        (AttSandbox  *self,
                                                guint        ms);
guint       att_sandbox_get_score_delay        (AttSandbox  *self);

G_END_DECLS
