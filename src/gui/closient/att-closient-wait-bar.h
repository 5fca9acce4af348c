/* att-closient-wait-bar.h: "Waiting 42 s for Closient's rate limit…", with
 * Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CLOSIENT_WAIT_BAR (att_closient_wait_bar_get_type ())

G_DECLARE_FINAL_TYPE (AttClosientWaitBar, att_closient_wait_bar, ATT, CLOSIENT_WAIT_BAR, GtkWidget)

GtkWidget  *att_closient_wait_bar_new (void);
void        att_closient_wait_bar_watch (AttClosientWaitBar *self,
                                         AttHttp            *http,
                                         const char         *base_url);
gboolean    att_closient_wait_bar_get_waiting (AttClosientWaitBar *self);
guint       att_closient_wait_bar_get_seconds_left (AttClosientWaitBar *self);
const char *att_closient_wait_bar_get_text (AttClosientWaitBar *self);

G_END_DECLS
