/* att-settings.h: Attest's GSettings, when its schema is installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *att_settings_new (void);

G_END_DECLS
