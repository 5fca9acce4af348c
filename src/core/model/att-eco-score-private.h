/* att-eco-score-private.h: helpers shared by the eco-score's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

double      _att_eco_score_map_number (JsonObject *map,
                                       const char *key);
GListModel *_att_eco_score_build_impacts (JsonObject *impacts,
                                          JsonObject *contributions);

G_END_DECLS
