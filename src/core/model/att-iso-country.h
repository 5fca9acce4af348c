/* att-iso-country.h: the ISO 3166-1 alpha-2 country codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

gboolean att_iso_country_is_code (const char *code);

G_END_DECLS
