/* att-sandbox-auth.h: the sandbox's Higg credentials and their check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_SANDBOX_AUTH (att_sandbox_auth_get_type ())

G_DECLARE_FINAL_TYPE (AttSandboxAuth, att_sandbox_auth, ATT, SANDBOX_AUTH, GObject)

/* What a request's credentials are worth; the names of the refusals are the
 * `reason` of the 401 body. */
typedef enum {
  ATT_SANDBOX_AUTH_OK,
  ATT_SANDBOX_AUTH_API_KEY,       /* "api-key" */
  ATT_SANDBOX_AUTH_TOKEN,         /* "token" */
  ATT_SANDBOX_AUTH_TOKEN_EXPIRED, /* "token-expired" */
} AttSandboxAuthResult;

/* The private key file in the data directory (PEM, mode 0600), and its
 * public key beside it, for anyone who wants to make tokens by hand. */
#define ATT_SANDBOX_AUTH_PRIVATE_KEY_FILE "higg-developer-private.pem"
#define ATT_SANDBOX_AUTH_PUBLIC_KEY_FILE  "higg-developer-public.pem"

AttSandboxAuth      *att_sandbox_auth_new (const char *data_dir,
                                           GError    **error);
const char          *att_sandbox_auth_get_api_key (AttSandboxAuth *self);
const char          *att_sandbox_auth_get_integration_key (AttSandboxAuth *self);
const char          *att_sandbox_auth_get_public_key_pem (AttSandboxAuth *self);
void                 att_sandbox_auth_set_credentials (AttSandboxAuth *self,
                                                       const char     *api_key,
                                                       const char     *integration_key);
AttSandboxAuthResult att_sandbox_auth_check (AttSandboxAuth     *self,
                                             SoupMessageHeaders *headers,
                                             GDateTime          *now,
                                             char              **out_message);
const char          *att_sandbox_auth_result_to_reason (AttSandboxAuthResult result);

G_END_DECLS
