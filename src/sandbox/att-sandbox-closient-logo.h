/* att-sandbox-closient-logo.h: the demo catalogue's logos, drawn with
 * cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes  *att_sandbox_closient_logo_draw (const char   *text,
                                         const double *rgb);
gboolean att_sandbox_closient_logo_parse_colour (const char *text,
                                                 double     *rgb);

G_END_DECLS
