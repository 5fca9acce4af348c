/* att-expiry-notifier.h: one notification for the certificates entering
 * their expiry lead time, at start-up and once a day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "att-types.h"

G_BEGIN_DECLS

/* The application action the notification opens the Certificates view
 * with: (status nick, certificate id). */
#define ATT_EXPIRY_NOTIFIER_ACTION "show-expiring-certificates"

#define ATT_TYPE_EXPIRY_NOTIFIER (att_expiry_notifier_get_type ())

G_DECLARE_FINAL_TYPE (AttExpiryNotifier, att_expiry_notifier, ATT, EXPIRY_NOTIFIER, GObject)

AttExpiryNotifier *att_expiry_notifier_new (GtkApplication *application,
                                            const char     *state_path);
void               att_expiry_notifier_set_context (AttExpiryNotifier *self,
                                                    AttContext        *context);
void               att_expiry_notifier_set_first_check_delay (AttExpiryNotifier *self,
                                                              guint              ms);

G_END_DECLS
