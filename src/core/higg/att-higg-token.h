/* att-higg-token.h: the Higg x-developer-request-token
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-error.h"
#include "att-types.h"

G_BEGIN_DECLS

/*
 * A Higg request token is the integration key, "&", and the current UTC time
 * as "YYYY-MM-DDTHH:MM:SSZ", encrypted with the developer's RSA public key
 * (PKCS#1 v1.5, as `openssl pkeyutl -encrypt -pubin` does) and encoded in
 * base64 without line breaks.  Higg accepts it for 12 hours.
 */

/* How long Higg accepts a token, and how long Attest reuses one: a token is
 * renewed a quarter of an hour early so that it never expires in flight. */
#define ATT_HIGG_TOKEN_LIFETIME_SECONDS (12 * 60 * 60)
#define ATT_HIGG_TOKEN_REUSE_SECONDS    (11 * 60 * 60 + 45 * 60)

char    *att_higg_token_make (const char *integration_key,
                              const char *public_key_pem,
                              GDateTime  *now,
                              GError    **error);
gboolean att_higg_public_key_check (const char *public_key_pem,
                                    GError    **error);

G_END_DECLS
