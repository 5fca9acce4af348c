/* att-date-row.h: a row to choose a day from a calendar, or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATT_TYPE_DATE_ROW (att_date_row_get_type ())

G_DECLARE_FINAL_TYPE (AttDateRow, att_date_row, ATT, DATE_ROW, AdwActionRow)

GtkWidget  *att_date_row_new (void);
const char *att_date_row_get_date (AttDateRow *self);
void        att_date_row_set_date (AttDateRow *self,
                                   const char *date);
char       *att_date_row_parse_typed (const char *text);
gboolean    att_date_row_parse (const char *date,
                                int        *year,
                                int        *month,
                                int        *day);

G_END_DECLS
