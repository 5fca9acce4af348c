/* att-field-message.h: the message under a form's field, in a row of its
 * own in the same list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkLabel *att_field_message_add (GtkWidget *row);
void      att_field_message_show (GtkWidget  *row,
                                  GtkLabel   *message,
                                  const char *problem,
                                  const char *note);

G_END_DECLS
