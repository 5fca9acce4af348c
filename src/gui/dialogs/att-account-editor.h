/* att-account-editor.h: the dialog that adds or edits one account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"
#include "att-account.h"

G_BEGIN_DECLS

#define ATT_TYPE_ACCOUNT_EDITOR (att_account_editor_get_type ())

G_DECLARE_FINAL_TYPE (AttAccountEditor, att_account_editor, ATT, ACCOUNT_EDITOR, AdwWindow)

GtkWidget  *att_account_editor_new (GtkWindow  *parent,
                                    AttContext *context,
                                    AttService  service,
                                    AttAccount *account);
AttService  att_account_editor_get_service (AttAccountEditor *self);
AttAccount *att_account_editor_get_account (AttAccountEditor *self);
gboolean    att_account_editor_get_busy (AttAccountEditor *self);

G_END_DECLS
