/* att-test-widgets.h: finding widgets on screen, for the tests of views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*AttTestWidgetMatch) (GtkWidget    *widget,
                                        gconstpointer data);

/* The first widget, depth first from @root itself, that @match accepts. */
GtkWidget *att_test_find_widget (GtkWidget         *root,
                                 AttTestWidgetMatch match,
                                 gconstpointer      data);

/* The first widget of @type (or a subtype) under @root. */
GtkWidget *att_test_find_of_type (GtkWidget *root,
                                  GType      type);

G_END_DECLS
