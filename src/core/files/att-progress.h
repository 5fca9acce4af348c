/* att-progress.h: how far a long operation on a file has come
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @done of @total (0 if unknown): bytes encoded, pages rendered.  Called
 * on the thread doing the work, which may not be the main one. */
typedef void (*AttProgressFunc) (guint64  done,
                                 guint64  total,
                                 gpointer user_data);

G_END_DECLS
