/* att-sandbox-api.h: the sandbox's endpoint implementations, independent
 * of HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-sandbox-catalogue.h"
#include "att-sandbox-store.h"

G_BEGIN_DECLS

/* What an endpoint answers: a JSON body and 200, or an error status with a
 * message and, for 400, the failing fields. */
typedef struct
{
  guint      status;
  JsonNode  *json;
  char      *message;
  GPtrArray *details;
} AttSandboxReply;

typedef struct
{
  AttSandboxStore     *store;
  AttSandboxCatalogue *catalogue;
  guint                score_delay_ms;
  gint64               now;
} AttSandboxApiContext;

void att_sandbox_reply_clear (AttSandboxReply *reply);
void att_sandbox_reply_set_error (AttSandboxReply *reply,
                                  guint            status,
                                  const char      *message,
                                  GPtrArray       *details);
void att_sandbox_reply_set_json (AttSandboxReply *reply,
                                 JsonNode        *json);

void att_sandbox_api_products_create (const AttSandboxApiContext *context,
                                      JsonObject                 *body,
                                      AttSandboxReply            *reply);
void att_sandbox_api_products_update (const AttSandboxApiContext *context,
                                      const char                 *product_id,
                                      JsonObject                 *body,
                                      AttSandboxReply            *reply);
void att_sandbox_api_products_search (const AttSandboxApiContext *context,
                                      JsonObject                 *body,
                                      AttSandboxReply            *reply);
void att_sandbox_api_catalogue_search (const AttSandboxApiContext *context,
                                       AttSandboxKind              kind,
                                       JsonObject                 *body,
                                       AttSandboxReply            *reply);
void att_sandbox_api_countries (const AttSandboxApiContext *context,
                                AttSandboxReply            *reply);
void att_sandbox_api_categories (const AttSandboxApiContext *context,
                                 AttSandboxReply            *reply);
void att_sandbox_api_sizes (const AttSandboxApiContext *context,
                            const char                 *category_id,
                            AttSandboxReply            *reply);

/* att-sandbox-certificate.c */
void att_sandbox_api_assertion_authorities (const AttSandboxApiContext *context,
                                            AttSandboxReply            *reply);
void att_sandbox_api_assertion_standards (const AttSandboxApiContext *context,
                                          AttSandboxReply            *reply);
void att_sandbox_api_certificates_create (const AttSandboxApiContext *context,
                                          JsonObject                 *body,
                                          AttSandboxReply            *reply);
void att_sandbox_api_certificates_update (const AttSandboxApiContext *context,
                                          const char                 *certificate_id,
                                          JsonObject                 *body,
                                          AttSandboxReply            *reply);

/* att-sandbox-recalculate.c, att-sandbox-french-label.c and
 * att-sandbox-publish.c */
void att_sandbox_api_products_recalculate (const AttSandboxApiContext *context,
                                           JsonObject                 *body,
                                           AttSandboxReply            *reply);
void att_sandbox_api_french_label_image (const AttSandboxApiContext *context,
                                         JsonObject                 *body,
                                         AttSandboxReply            *reply);
void att_sandbox_api_french_label_publish (const AttSandboxApiContext *context,
                                           JsonObject                 *body,
                                           AttSandboxReply            *reply);

/* att-sandbox-pm.c */
void att_sandbox_api_pm_search (const AttSandboxApiContext *context,
                                JsonObject                 *body,
                                AttSandboxReply            *reply);

G_END_DECLS
