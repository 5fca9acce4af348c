/* att-context.h: the services a widget needs, passed as one object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CONTEXT (att_context_get_type ())

#define ATT_CONTEXT_MAX_EXPIRY_LEAD_DAYS 365

G_DECLARE_FINAL_TYPE (AttContext, att_context, ATT, CONTEXT, GObject)

AttContext        *att_context_new (AttHiggClient *higg_client);
AttContext        *att_context_new_full (AttHttp         *http,
                                         AttAccountStore *accounts,
                                         AttHiggClient   *higg_client);
AttHttp           *att_context_get_http (AttContext *self);
AttAccountStore   *att_context_get_account_store (AttContext *self);
AttSecretStore    *att_context_get_secret_store (AttContext *self);
AttHiggClient     *att_context_get_higg_client (AttContext *self);
AttClosientClient *att_context_get_closient_client (AttContext *self);
void               att_context_set_closient_client (AttContext        *self,
                                                    AttClosientClient *client);
gboolean           att_context_get_is_demo (AttContext *self);
void               att_context_set_is_demo (AttContext *self,
                                            gboolean    is_demo);
const char        *att_context_get_account_id (AttContext *self);
void               att_context_set_account_id (AttContext *self,
                                               const char *account_id);
AttDraftStore     *att_context_get_draft_store (AttContext *self);
void               att_context_set_draft_store (AttContext    *self,
                                                AttDraftStore *drafts);
AttProductCache   *att_context_get_product_cache (AttContext *self);
void               att_context_set_product_cache (AttContext      *self,
                                                  AttProductCache *cache);
guint              att_context_get_expiry_lead_days (AttContext *self);
void               att_context_set_expiry_lead_days (AttContext *self,
                                                     guint       days);
void               att_context_product_saved (AttContext *self,
                                              AttProduct *product);

G_END_DECLS
