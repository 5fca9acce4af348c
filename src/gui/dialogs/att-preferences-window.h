/* att-preferences-window.h: Preferences, with the Accounts page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"
#include "att-account.h"

G_BEGIN_DECLS

#define ATT_TYPE_PREFERENCES_WINDOW (att_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AttPreferencesWindow, att_preferences_window, ATT, PREFERENCES_WINDOW, AdwPreferencesWindow)

AttPreferencesWindow *att_preferences_window_new (AttContext *context);
AttContext           *att_preferences_window_get_context (AttPreferencesWindow *self);
GtkWindow            *att_preferences_window_add_account (AttPreferencesWindow *self,
                                                          AttService            service);
GtkWindow            *att_preferences_window_edit_account (AttPreferencesWindow *self,
                                                           AttAccount           *account);

G_END_DECLS
