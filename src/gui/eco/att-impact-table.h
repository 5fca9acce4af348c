/* att-impact-table.h: an eco-score's indicators in a sortable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_IMPACT_TABLE (att_impact_table_get_type ())

G_DECLARE_FINAL_TYPE (AttImpactTable, att_impact_table, ATT, IMPACT_TABLE, GtkWidget)

GtkWidget     *att_impact_table_new (void);
void           att_impact_table_set_score (AttImpactTable *self,
                                           AttEcoScore    *score);
GtkColumnView *att_impact_table_get_column_view (AttImpactTable *self);
GListModel    *att_impact_table_get_model (AttImpactTable *self);
char          *att_impact_table_format_label (gpointer impact);
char          *att_impact_table_format_value (gpointer impact);
char          *att_impact_table_format_share (gpointer impact);

G_END_DECLS
