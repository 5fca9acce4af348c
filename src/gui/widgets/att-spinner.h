/* att-spinner.h: spinners that only spin when a wait is noticeable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Long enough that a quick answer shows no spinner at all, short enough
 * that a slow one is acknowledged before it feels stuck. */
#define ATT_SPINNER_DELAY_MS 400

void att_spinner_start_delayed (GtkSpinner *spinner,
                                guint       delay_ms);
void att_spinner_stop (GtkSpinner *spinner);

G_END_DECLS
