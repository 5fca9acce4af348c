/* att-base64-stream.h: base64 of a stream, encoded as it is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How far a long operation has come: @done of @total (0 if unknown).
 * Called on the thread doing the work, which may not be the main one. */
typedef void (*AttProgressFunc) (guint64  done,
                                 guint64  total,
                                 gpointer user_data);

gboolean att_base64_append_stream (GInputStream   *stream,
                                   guint64         total,
                                   GString        *out,
                                   AttProgressFunc progress,
                                   gpointer        user_data,
                                   GCancellable   *cancellable,
                                   GError        **error);

G_END_DECLS
