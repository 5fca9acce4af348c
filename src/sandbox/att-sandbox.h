/* att-sandbox.h: a local stand-in for the Higg PIC API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-closient-key.h"
#include "att-types.h"

G_BEGIN_DECLS

/*
 * AttSandbox serves, on 127.0.0.1, the Higg PIC endpoints the app uses
 * (base path /pic-api/v1: products/create, products/update/{id},
 * products/search, products/recalculate, french-label/image and
 * french-label/publish, materials|components|packaging/search,
 * french-label-manufacturing-countries, and, where Higg documents no path,
 * categories and categories/{categoryExpansionId}/sizes: see
 * docs/api-higg-sandbox.md), stores products in SQLite, applies
 * the documented validation (att-validation.h) and answers every error as
 * {statusCode, error, message, details[{path, message}]}.  Tests and the
 * out-of-process server can also POST /_sandbox/faults
 * {"latencyMs": N, "status": S, "count": C, "fromAtLeast": F,
 * "path": P, "malformedRow": R, "maxRequestBytes": B}: F limits the
 * failures to requests whose body has a `from` of at least F; P to requests
 * whose path starts with P (e.g. "/pic-api/v1/products/update/"); R (-1 for
 * none) spoils row R of every product search answer; B (0 for none) refuses
 * API request bodies over B bytes with 413.
 *
 * It also serves the certification API (GET
 * /certification-api/assertion-authority and assertion-standard, POST
 * /certification-api/create and update/{id}) and Product Module search
 * (POST /pm-api/v1/product/search), with the shapes docs/api-higg-sandbox.md
 * describes: demo PM products matching the demo products, and demo
 * certificates with images.
 *
 * Every /pic-api/v1 request must be authenticated as Higg documents it: an
 * x-api-key header equal to the sandbox's API key and an
 * x-developer-request-token that decrypts with the sandbox's private key
 * (RSA PKCS#1 v1.5) to "<integration key>&<UTC ISO-8601 time>", younger than
 * 12 hours (and so must every request under /certification-api/ and
 * /pm-api/v1/).  Otherwise the answer is 401 with a "reason" field: "api-key",
 * "token" or "token-expired".  The key pair is made on first use and kept in
 * the data directory (or only in memory); the API key and the integration key
 * are random per instance and never written anywhere.
 * GET /_sandbox/demo-account (no auth) answers
 * {"apiKey", "integrationKey", "publicKey", "closientApiKey",
 * "closientUserKey", "closientPublishableKey"} for the app's demo account.
 *
 * It also serves Closient's certification API at its root
 * (/certifications/api/v1/... and /products/api/v1/...: product
 * certifications by GTIN, PATCH and DELETE, the catalogue and bodies), with
 * X-API-Key, rate limits and the error shapes described in
 * docs/api-closient-sandbox.md, POST /_sandbox/closient-limits to change
 * its limits, and the catalogue's logos at
 * GET /_sandbox/closient-logos/{key}.png.
 */

#define ATT_TYPE_SANDBOX (att_sandbox_get_type ())

G_DECLARE_FINAL_TYPE (AttSandbox, att_sandbox, ATT, SANDBOX, GObject)

AttSandbox *att_sandbox_new (const char *db_path,
                             GError    **error);
AttSandbox *att_sandbox_new_full (const char *db_path,
                                  const char *data_dir,
                                  GError    **error);
const char *att_sandbox_get_api_key (AttSandbox *self);
const char *att_sandbox_get_integration_key (AttSandbox *self);
const char *att_sandbox_get_public_key_pem (AttSandbox *self);
void        att_sandbox_set_credentials (AttSandbox *self,
                                         const char *api_key,
                                         const char *integration_key);
gboolean    att_sandbox_seed_demo (AttSandbox *self,
                                   GError    **error);
gboolean    att_sandbox_add_generated_products (AttSandbox *self,
                                                guint       n,
                                                guint32     seed,
                                                GError    **error);
gboolean    att_sandbox_listen (AttSandbox *self,
                                guint       port,
                                GError    **error);
const char *att_sandbox_get_base_url (AttSandbox *self);
void        att_sandbox_set_latency (AttSandbox *self,
                                     guint       ms);
guint       att_sandbox_get_latency (AttSandbox *self);
void        att_sandbox_inject_failure (AttSandbox *self,
                                        guint       http_status,
                                        guint       count);
void        att_sandbox_inject_failure_from (AttSandbox *self,
                                             guint       http_status,
                                             guint       count,
                                             guint       min_from);
void        att_sandbox_inject_failure_path (AttSandbox *self,
                                             guint       http_status,
                                             guint       count,
                                             const char *path_prefix);
void        att_sandbox_set_malformed_row (AttSandbox *self,
                                           int         row);
void        att_sandbox_set_max_request_size (AttSandbox *self,
                                              gsize       bytes);
void        att_sandbox_set_score_delay (AttSandbox *self,
                                         guint       ms);
guint       att_sandbox_get_score_delay (AttSandbox *self);
guint       att_sandbox_get_request_count (AttSandbox *self,
                                           const char *path);
guint       att_sandbox_get_peak_delayed (AttSandbox *self);

const char *att_sandbox_get_closient_api_key (AttSandbox        *self,
                                              AttClosientKeyKind kind);
void        att_sandbox_set_closient_api_key (AttSandbox *self,
                                              const char *key);
gboolean    att_sandbox_configure_closient (AttSandbox *self,
                                            const char *settings_json,
                                            GError    **error);

G_END_DECLS
