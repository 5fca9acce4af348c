/* att-sandbox-label-svg.h: the sandbox's stand-in for the official French
 * environmental cost label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *att_sandbox_label_svg (const char *product_name,
                             gint64      score);

G_END_DECLS
