/* att-sandbox-closient-private.h: what the parts of AttSandboxClosient
 * share: att-sandbox-closient.c (the object and its settings),
 * -routes.c (serving one request), -auth.c (API keys), -limits.c (rate
 * limits), -errors.c (the two error shapes), -assignments.c (the lists and
 * the product), -patch.c (PATCH and DELETE) and -catalogue.c
 * (certifications and bodies)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-sandbox-closient.h"

G_BEGIN_DECLS

#define N_KEY_KINDS 3

struct _AttSandboxClosient
{
  GObject          parent_instance;

  AttSandboxStore *store;
  char            *keys[N_KEY_KINDS]; /* by AttClosientKeyKind */

  /* Settings of POST /_sandbox/closient-limits. */
  guint            per_minute;
  guint            per_day;
  guint            window_seconds;
  gboolean         retry_after_header;
  char             error_shape; /* 'A', 'B' or 0: the route's own */
  gboolean         read_only_keys;

  GHashTable      *usage; /* key -> Usage (att-sandbox-closient-limits.c) */
};

/* One request being served. */
typedef struct
{
  AttSandboxClosient *self;
  SoupServerMessage  *msg;
  const char         *base_url;
  GHashTable         *query;     /* name -> value, never NULL */
  char               *args[2];   /* the path's variable segments, unescaped */
  char                today[11]; /* YYYY-MM-DD, UTC */
  AttClosientKeyKind  kind;
  JsonObject         *body; /* PATCH only */
} AttSandboxClosientRequest;

/* What a request is answered: @status with @json (or no body for 204), or
 * an error with @message, field @details (AttFieldError: path is the
 * field), and, for 429, @retry_after seconds (0: none); on 403, whether
 * an organisation owner must act. */
typedef struct
{
  guint      status;
  JsonNode  *json;
  char      *message;
  GPtrArray *details;
  gint64     retry_after;
  gboolean   owner_action_required;
} AttSandboxClosientReply;

void        _att_sandbox_closient_reply_clear (AttSandboxClosientReply *reply);
void        _att_sandbox_closient_reply_error (AttSandboxClosientReply *reply,
                                               guint                    status,
                                               const char              *message);
void        _att_sandbox_closient_reply_invalid (AttSandboxClosientReply *reply,
                                                 const char              *field,
                                                 const char              *message);
void        _att_sandbox_closient_reply_details (AttSandboxClosientReply *reply,
                                                 GPtrArray               *details);
void        _att_sandbox_closient_reply_json (AttSandboxClosientReply *reply,
                                              JsonNode                *json);
void        _att_sandbox_closient_reply_store_error (AttSandboxClosientReply *reply,
                                                     GError                  *error);

/* att-sandbox-closient-errors.c */
void        _att_sandbox_closient_respond (SoupServerMessage             *msg,
                                           char                           shape,
                                           const AttSandboxClosientReply *reply);

/* att-sandbox-closient-auth.c */
char       *_att_sandbox_closient_make_key (const char *prefix);
gboolean    _att_sandbox_closient_check_key (AttSandboxClosient      *self,
                                             SoupServerMessage       *msg,
                                             AttClosientKeyKind      *out_kind,
                                             AttSandboxClosientReply *reply);
gboolean    _att_sandbox_closient_check_write (AttSandboxClosient      *self,
                                               AttClosientKeyKind       kind,
                                               AttSandboxClosientReply *reply);

/* att-sandbox-closient-limits.c */
void        _att_sandbox_closient_limits_reset (AttSandboxClosient *self);
gboolean    _att_sandbox_closient_limits_take (AttSandboxClosient      *self,
                                               const char              *key,
                                               AttClosientKeyKind       kind,
                                               SoupMessageHeaders      *headers,
                                               AttSandboxClosientReply *reply);

/* att-sandbox-closient-assignments.c */
gboolean    _att_sandbox_closient_read_gtin (AttSandboxClosientRequest *request,
                                             gboolean                   separators,
                                             char                     **out_gtin14,
                                             AttSandboxClosientReply   *reply);
gboolean    _att_sandbox_closient_read_id (const char              *text,
                                           const char              *field,
                                           char                   **out_id,
                                           AttSandboxClosientReply *reply);
gboolean    _att_sandbox_closient_read_page (AttSandboxClosientRequest *request,
                                             AttSandboxClosientPage    *out_page,
                                             AttSandboxClosientReply   *reply);
JsonNode   *_att_sandbox_closient_envelope (JsonArray                    *data,
                                            const AttSandboxClosientPage *page,
                                            gint64                        total);
char       *_att_sandbox_closient_logo_url (AttSandboxClosientRequest *request,
                                            JsonObject                *record);
JsonObject *_att_sandbox_closient_render_assignment (AttSandboxClosientRequest          *request,
                                                     const AttSandboxClosientAssignment *assignment);
void        _att_sandbox_closient_list_bare (AttSandboxClosientRequest *request,
                                             AttSandboxClosientReply   *reply);
void        _att_sandbox_closient_list_paged (AttSandboxClosientRequest *request,
                                              AttSandboxClosientReply   *reply);
void        _att_sandbox_closient_get_product (AttSandboxClosientRequest *request,
                                               AttSandboxClosientReply   *reply);

/* att-sandbox-closient-patch.c */
void        _att_sandbox_closient_patch (AttSandboxClosientRequest *request,
                                         AttSandboxClosientReply   *reply);
void        _att_sandbox_closient_delete (AttSandboxClosientRequest *request,
                                          AttSandboxClosientReply   *reply);

/* att-sandbox-closient-catalogue.c */
void        _att_sandbox_closient_list_certifications (AttSandboxClosientRequest *request,
                                                       AttSandboxClosientReply   *reply);
void        _att_sandbox_closient_get_certification (AttSandboxClosientRequest *request,
                                                     AttSandboxClosientReply   *reply);
void        _att_sandbox_closient_list_bodies (AttSandboxClosientRequest *request,
                                               AttSandboxClosientReply   *reply);
void        _att_sandbox_closient_get_body (AttSandboxClosientRequest *request,
                                            AttSandboxClosientReply   *reply);

G_END_DECLS
