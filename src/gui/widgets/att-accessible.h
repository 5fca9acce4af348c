/* att-accessible.h: fixes for what GTK 4.8 tells screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void att_accessible_fix_mnemonics (GtkWidget *root);
void att_accessible_label_drop_down (GtkDropDown *drop_down,
                                     const char  *label);

G_END_DECLS
