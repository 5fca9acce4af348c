/* att-eco-score-page.h: a product's eco-score explained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_ECO_SCORE_PAGE (att_eco_score_page_get_type ())

G_DECLARE_FINAL_TYPE (AttEcoScorePage, att_eco_score_page, ATT, ECO_SCORE_PAGE, GtkWidget)

GtkWidget  *att_eco_score_page_new (AttContext *context);
AttProduct *att_eco_score_page_get_product (AttEcoScorePage *self);
void        att_eco_score_page_set_product (AttEcoScorePage *self,
                                            AttProduct      *product);
void        att_eco_score_page_set_label_svg (AttEcoScorePage *self,
                                              const char      *svg,
                                              const char      *error);
void        att_eco_score_page_set_refresh_interval (AttEcoScorePage *self,
                                                     guint            ms);
void        att_eco_score_page_set_show_charts (AttEcoScorePage *self,
                                                gboolean         show_charts);
const char *att_eco_score_page_get_status_text (AttEcoScorePage *self);

G_END_DECLS
