/* att-impact-chart.h: each indicator's share of the eco-score, as bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_IMPACT_CHART (att_impact_chart_get_type ())

G_DECLARE_FINAL_TYPE (AttImpactChart, att_impact_chart, ATT, IMPACT_CHART, GtkWidget)

GtkWidget  *att_impact_chart_new (void);
void        att_impact_chart_set_score (AttImpactChart *self,
                                        AttEcoScore    *score);
const char *att_impact_chart_get_text_alternative (AttImpactChart *self);
guint       att_impact_chart_get_n_drawn (AttImpactChart *self);

G_END_DECLS
