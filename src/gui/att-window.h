/* att-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_WINDOW (att_window_get_type ())

G_DECLARE_FINAL_TYPE (AttWindow, att_window, ATT, WINDOW, AdwApplicationWindow)

AttWindow  *att_window_new (GtkApplication *application);
void        att_window_present_when_ready (AttWindow *self,
                                           guint      max_wait_ms);
void        att_window_set_context (AttWindow  *self,
                                    AttContext *context);
AttContext *att_window_get_context (AttWindow *self);
void        att_window_show_welcome (AttWindow *self);
void        att_window_show_starting (AttWindow  *self,
                                      const char *message);
void        att_window_show_failure (AttWindow  *self,
                                     const char *title,
                                     const char *message);
void        att_window_add_toast (AttWindow *self,
                                  AdwToast  *toast);
GtkWidget  *att_window_get_view (AttWindow  *self,
                                 const char *name);

G_END_DECLS
