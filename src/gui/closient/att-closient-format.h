/* att-closient-format.h: how Closient's values are shown: verification
 * and activity as pills, dates and validity windows in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "att-closient-assignment.h"

G_BEGIN_DECLS

void  att_closient_pill_show_verification (GtkWidget              *pill,
                                           AttClosientVerification status,
                                           gboolean                in_column);
void  att_closient_pill_show_active (GtkWidget *pill,
                                     gboolean   active);
char *att_closient_format_date (const char *date);
char *att_closient_format_validity (const char *valid_from,
                                    const char *valid_until);
char *att_closient_format_details (AttClosientAssignment *assignment);

G_END_DECLS
