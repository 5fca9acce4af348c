/* att-sandbox-eco-score.h: the sandbox's deterministic French eco-score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-sandbox-catalogue.h"
#include "att-sandbox-store.h"

G_BEGIN_DECLS

JsonArray  *att_sandbox_eco_score_reasons (JsonObject *state);
JsonObject *att_sandbox_eco_score_compute (AttSandboxCatalogue *catalogue,
                                           JsonObject          *state,
                                           double               mass_kg);
void        att_sandbox_eco_score_render (AttSandboxCatalogue *catalogue,
                                          JsonObject          *state,
                                          double               mass_kg,
                                          const AttSandboxRow *row,
                                          gint64               now,
                                          JsonObject          *product);

G_END_DECLS
