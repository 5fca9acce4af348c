/* att-eco-score-page-private.h: the eco-score page's parts, shared by its
 * files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-carbon-chart.h"
#include "att-eco-label-view.h"
#include "att-eco-score-page.h"
#include "att-impact-chart.h"
#include "att-impact-table.h"

G_BEGIN_DECLS

struct _AttEcoScorePage
{
  GtkWidget            parent_instance;

  AttContext          *context;
  AttProduct          *product;
  GCancellable        *cancellable;
  GPtrArray           *reason_rows; /* (element-type GtkWidget) */
  guint                refresh_interval;
  guint                refresh_source;
  gboolean             show_charts;
  char                *label_key; /* the product id and score time the label was asked for */

  GtkLabel            *title_label;
  GtkLabel            *score_label;
  GtkSpinner          *spinner;
  GtkLabel            *status_label;
  GtkLabel            *detail_label;
  GtkLabel            *error_label;
  AdwPreferencesGroup *eligibility_group;
  GtkWidget           *charts_box;
  AttImpactChart      *impact_chart;
  AttCarbonChart      *carbon_chart;
  GtkWidget           *table_box;
  AttImpactTable      *table;
  AttEcoLabelView     *label_view;
};

enum {
  ATT_ECO_SCORE_PAGE_SIGNAL_REFRESH_NEEDED,
  ATT_ECO_SCORE_PAGE_SIGNAL_LABEL_NEEDED,
  ATT_ECO_SCORE_PAGE_N_SIGNALS
};

extern guint att_eco_score_page_signals[ATT_ECO_SCORE_PAGE_N_SIGNALS];

void         _att_eco_score_page_build (AttEcoScorePage *self);
void         _att_eco_score_page_schedule_refresh (AttEcoScorePage *self);
void         _att_eco_score_page_stop_refresh (AttEcoScorePage *self);
void         _att_eco_score_page_fetch_label (AttEcoScorePage *self);
void         _att_eco_score_page_refresh_now (AttEcoScorePage *self);
void         _att_eco_score_page_set_status (AttEcoScorePage *self,
                                             const char      *text,
                                             gboolean         busy);
void         _att_eco_score_page_recalculate (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter);

G_END_DECLS
