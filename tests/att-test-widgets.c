/* att-test-widgets.c: finding widgets on screen, for the tests of views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-test-widgets.h"

GtkWidget *
att_test_find_widget (GtkWidget         *root,
                      AttTestWidgetMatch match,
                      gconstpointer      data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = att_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget    *widget,
            gconstpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

GtkWidget *
att_test_find_of_type (GtkWidget *root,
                       GType      type)
{
  return att_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}
