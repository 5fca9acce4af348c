/* att-accessible.h: fixes for what GTK 4.8 tells screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void att_accessible_fix_mnemonics (GtkWidget *root);

G_END_DECLS
