/* att-gtin.h: GS1 trade item numbers (GTIN-8, -12, -13 and -14)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_GTIN_ERROR (att_gtin_error_quark ())

typedef enum {
  ATT_GTIN_ERROR_NOT_DIGITS,
  ATT_GTIN_ERROR_LENGTH,
  ATT_GTIN_ERROR_CHECK_DIGIT,
} AttGtinError;

GQuark   att_gtin_error_quark (void);

int      att_gtin_check_digit (const char *digits,
                               gsize       length);
gboolean att_gtin_normalize (const char *text,
                             char      **out_gtin14,
                             GError    **error);
char    *att_gtin_clean_input (const char *typed);

G_END_DECLS
