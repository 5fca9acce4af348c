/* att-status-pill.h: a certificate's status in a coloured pill, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "att-certificate.h"

G_BEGIN_DECLS

GtkWidget *att_status_pill_new (void);
void       att_status_pill_set (GtkWidget  *pill,
                                const char *text,
                                const char *css_class);
void       att_status_pill_set_status (GtkWidget           *pill,
                                       AttCertificateStatus status);
void       att_status_pill_show (GtkWidget      *pill,
                                 AttCertificate *certificate,
                                 guint           lead_days);

G_END_DECLS
