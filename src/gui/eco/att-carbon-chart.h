/* att-carbon-chart.h: a product's life-cycle carbon as one stacked bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "att-life-cycle.h"

G_BEGIN_DECLS

#define ATT_TYPE_CARBON_CHART (att_carbon_chart_get_type ())

G_DECLARE_FINAL_TYPE (AttCarbonChart, att_carbon_chart, ATT, CARBON_CHART, GtkWidget)

GtkWidget  *att_carbon_chart_new (void);
void        att_carbon_chart_set_life_cycle (AttCarbonChart *self,
                                             AttLifeCycle   *life_cycle);
const char *att_carbon_chart_get_text_alternative (AttCarbonChart *self);
guint       att_carbon_chart_get_n_drawn (AttCarbonChart *self);

G_END_DECLS
