/* att-format.h: how values are shown to people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

char *att_format_category (const char *category_id);
char *att_format_eco_score_short (AttEcoScore *score);
char *att_format_number (double value,
                         int    max_decimals);
char *att_format_percent (double value);
char *att_format_country (AttCountry *country);
char *att_format_date_ms (gint64 unix_ms);
char *att_format_date (GDateTime *date);
char *att_format_date_short (GDateTime *date);

G_END_DECLS
