/* att-account-row.h: one account in the Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_ACCOUNT_ROW (att_account_row_get_type ())

G_DECLARE_FINAL_TYPE (AttAccountRow, att_account_row, ATT, ACCOUNT_ROW, AdwActionRow)

GtkWidget  *att_account_row_new (AttAccount *account);
AttAccount *att_account_row_get_account (AttAccountRow *self);
gboolean    att_account_row_get_active (AttAccountRow *self);
void        att_account_row_set_active (AttAccountRow *self,
                                        gboolean       active);
void        att_account_row_set_group (AttAccountRow  *self,
                                       GtkCheckButton *group);

G_END_DECLS
