/* att-status-pill.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-status-pill.h"

/* The colour says it at a glance, the word says it to everyone: to people
 * who do not tell green from red, and to screen readers.  The style
 * classes are libadwaita's own (success, warning, error), so the colours
 * follow the dark style and high contrast. */
static const char *const status_classes[] = { "dim-label", "success", "warning", "error" };

/**
 * att_status_pill_new:
 *
 * Returns: (transfer floating): a #GtkLabel styled as a pill, showing no
 *   status until att_status_pill_set_status()
 */
GtkWidget *
att_status_pill_new (void)
{
  GtkWidget *pill = gtk_label_new (NULL);

  gtk_widget_add_css_class (pill, "status-pill");
  gtk_widget_set_halign (pill, GTK_ALIGN_START);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  return pill;
}

/**
 * att_status_pill_set:
 * @text: (nullable): the word the pill says
 * @css_class: (nullable): one of "success", "warning", "error", or
 *   "dim-label" for a neutral pill
 *
 * Shows any status in the pill's shape, for statuses other than a
 * certificate's (a Closient verification, whether a certification is
 * active).
 */
void
att_status_pill_set (GtkWidget  *pill,
                     const char *text,
                     const char *css_class)
{
  g_return_if_fail (GTK_IS_LABEL (pill));

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    if (g_strcmp0 (status_classes[i], css_class) != 0)
      gtk_widget_remove_css_class (pill, status_classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (pill, css_class);
  gtk_label_set_label (GTK_LABEL (pill), text);
}

void
att_status_pill_set_status (GtkWidget           *pill,
                            AttCertificateStatus status)
{
  g_return_if_fail (GTK_IS_LABEL (pill));
  g_return_if_fail (status < G_N_ELEMENTS (status_classes));

  att_status_pill_set (pill, att_certificate_status_get_label (status), status_classes[status]);
}

/**
 * att_status_pill_show:
 * @certificate: (nullable): the certificate whose status to show now
 * @lead_days: how many days before expiry it counts as expiring
 */
void
att_status_pill_show (GtkWidget      *pill,
                      AttCertificate *certificate,
                      guint           lead_days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_if_fail (GTK_IS_LABEL (pill));

  if (certificate == NULL)
    {
      gtk_label_set_label (GTK_LABEL (pill), NULL);
      return;
    }
  att_status_pill_set_status (pill, att_certificate_get_status (certificate, now, lead_days));
}
