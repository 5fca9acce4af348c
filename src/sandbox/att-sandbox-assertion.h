/* att-sandbox-assertion.h: the assertion authorities and standards the
 * sandbox knows (api-higg.md §2.5), for the certification API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

typedef struct
{
  const char *id;
  const char *name;
  double      colour[3]; /* of its certificate images, RGB in [0, 1] */
} AttSandboxAuthority;

typedef struct
{
  const char                *id;
  const char                *name;
  const char                *short_name; /* for certificate numbers: "GRS" */
  const AttSandboxAuthority *authority;
} AttSandboxStandard;

const AttSandboxAuthority *att_sandbox_assertion_find_authority (const char *id);
const AttSandboxStandard  *att_sandbox_assertion_find_standard (const char *id);
const AttSandboxStandard  *att_sandbox_assertion_find_standard_by_short_name (const char *short_name);
JsonNode                  *att_sandbox_assertion_authorities_reply (void);
JsonNode                  *att_sandbox_assertion_standards_reply (void);

G_END_DECLS
