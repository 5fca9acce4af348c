/* att-sandbox-request.h: readers for the sandbox's search requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"
#include "att-error.h"

G_BEGIN_DECLS

void   att_sandbox_request_paging (JsonObject *request,
                                   guint       default_size,
                                   guint       max_size,
                                   guint      *out_from,
                                   guint      *out_size,
                                   GPtrArray  *errors);
char **att_sandbox_request_strings (JsonObject *request,
                                    const char *key,
                                    gboolean    split_words,
                                    GPtrArray  *errors);
void   att_sandbox_add_error (GPtrArray  *errors,
                              const char *path,
                              const char *message);

G_END_DECLS
