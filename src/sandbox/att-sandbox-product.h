/* att-sandbox-product.h: the sandbox's product documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-sandbox-catalogue.h"
#include "att-sandbox-store.h"

G_BEGIN_DECLS

JsonObject *att_sandbox_product_state_new (AttSandboxCatalogue *catalogue,
                                           JsonObject          *body);
void        att_sandbox_product_check_references (AttSandboxCatalogue *catalogue,
                                                  JsonObject          *body,
                                                  GPtrArray           *errors);
void        att_sandbox_product_check_purchase_orders (JsonObject *state,
                                                       JsonObject *body,
                                                       GPtrArray  *errors);
void        att_sandbox_product_apply_update (AttSandboxCatalogue *catalogue,
                                              JsonObject          *state,
                                              JsonObject          *body);
char       *att_sandbox_product_search_text (AttSandboxCatalogue *catalogue,
                                             JsonObject          *state);
JsonObject *att_sandbox_product_render (AttSandboxCatalogue *catalogue,
                                        const AttSandboxRow *row,
                                        JsonObject          *state,
                                        gint64               now);
double      att_sandbox_product_mass_kg (JsonObject *state);
void        att_sandbox_product_fill_row (AttSandboxCatalogue *catalogue,
                                          JsonObject          *state,
                                          AttSandboxRow       *row);

G_END_DECLS
