/* att-account-needed-page.h: a view that needs an account of a service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-account.h"

G_BEGIN_DECLS

#define ATT_TYPE_ACCOUNT_NEEDED_PAGE (att_account_needed_page_get_type ())

G_DECLARE_FINAL_TYPE (AttAccountNeededPage, att_account_needed_page, ATT, ACCOUNT_NEEDED_PAGE, GtkBox)

GtkWidget *att_account_needed_page_new (const char *view_title,
                                        AttService  service);

G_END_DECLS
