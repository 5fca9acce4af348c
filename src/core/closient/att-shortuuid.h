/* att-shortuuid.h: Closient's 22-character ids and the UUIDs they encode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_SHORTUUID_ERROR (att_shortuuid_error_quark ())

/**
 * AttShortuuidError:
 * @ATT_SHORTUUID_ERROR_LENGTH: not 22 characters (or not 32 hex digits
 *   for a UUID)
 * @ATT_SHORTUUID_ERROR_ALPHABET: a character outside the alphabet (or a
 *   UUID that is not hexadecimal)
 * @ATT_SHORTUUID_ERROR_RANGE: 22 characters of the alphabet that encode
 *   a number of 2^128 or more, which no UUID is
 */
typedef enum {
  ATT_SHORTUUID_ERROR_LENGTH,
  ATT_SHORTUUID_ERROR_ALPHABET,
  ATT_SHORTUUID_ERROR_RANGE,
} AttShortuuidError;

/* shortuuid's default alphabet (57 symbols, no 0 1 I O l), and the length
 * of a 128-bit number written in it. */
#define ATT_SHORTUUID_ALPHABET "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
#define ATT_SHORTUUID_LENGTH   22

GQuark   att_shortuuid_error_quark (void);

gboolean att_shortuuid_check (const char *text,
                              GError    **error);
char    *att_shortuuid_from_uuid (const char *uuid_text,
                                  GError    **error);
char    *att_shortuuid_to_uuid (const char *shortuuid,
                                GError    **error);
char    *att_shortuuid_normalize (const char *text,
                                  GError    **error);

G_END_DECLS
