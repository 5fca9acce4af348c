/* att-base64-stream.h: base64 of a stream, encoded as it is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "att-progress.h"

G_BEGIN_DECLS

gboolean att_base64_append_stream (GInputStream   *stream,
                                   guint64         total,
                                   GString        *out,
                                   AttProgressFunc progress,
                                   gpointer        user_data,
                                   GCancellable   *cancellable,
                                   GError        **error);

G_END_DECLS
