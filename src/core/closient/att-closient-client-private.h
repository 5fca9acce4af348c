/* att-closient-client-private.h: what the parts of AttClosientClient
 * share: att-closient-client.c (the object), att-closient-client-call.c
 * (sending a call and reading its answer), att-closient-client-lists.c
 * (the lists, the catalogue and lookups) and
 * att-closient-client-assignments.c (PATCH and DELETE)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-closient-client.h"

G_BEGIN_DECLS

/* Where the two apps' APIs live (api-closient.md §1). */
#define ATT_CLOSIENT_CERTIFICATIONS_API "/certifications/api/v1"
#define ATT_CLOSIENT_PRODUCTS_API       "/products/api/v1"

/* Turns one JSON object into a model object, or fails with
 * %ATT_API_ERROR_BAD_RESPONSE. */
typedef GObject *(*AttClosientParser) (JsonNode *node,
                                       GError  **error);

/**
 * AttClosientAnswer:
 * @ATT_CLOSIENT_ANSWER_OBJECT: one object
 * @ATT_CLOSIENT_ANSWER_ARRAY: a bare array of objects (a #GListModel)
 * @ATT_CLOSIENT_ANSWER_PAGE: the `{data, pagination}` envelope (an #AttPage)
 * @ATT_CLOSIENT_ANSWER_NONE: nothing to read (204)
 */
typedef enum {
  ATT_CLOSIENT_ANSWER_OBJECT,
  ATT_CLOSIENT_ANSWER_ARRAY,
  ATT_CLOSIENT_ANSWER_PAGE,
  ATT_CLOSIENT_ANSWER_NONE,
} AttClosientAnswer;

typedef struct _AttClosientCall AttClosientCall;

AttClosientCall                *att_closient_call_new (AttClosientAnswer kind,
                                                       GType             item_type,
                                                       AttClosientParser parse,
                                                       const char       *unreadable);
void                            att_closient_call_free (AttClosientCall *call);
GObject                        *att_closient_call_read (JsonNode *root,
                                                        gpointer  call,
                                                        GError  **error);

void                            att_closient_client_send (AttClosientClient  *self,
                                                          const char         *method,
                                                          const char         *path,
                                                          JsonNode           *body,
                                                          AttClosientCall    *call,
                                                          GCancellable       *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer            user_data,
                                                          gpointer            source_tag);
void                            att_closient_client_fail (AttClosientClient  *self,
                                                          GError             *error,
                                                          GAsyncReadyCallback callback,
                                                          gpointer            user_data,
                                                          gpointer            source_tag);
gpointer                        att_closient_client_finish (AttClosientClient *self,
                                                            GAsyncResult      *result,
                                                            gpointer           source_tag,
                                                            GError           **error);

const char                     *att_closient_client_get_api_key (AttClosientClient *self);
char                           *att_closient_client_gtin_path (const char *api,
                                                               const char *gtin,
                                                               const char *rest,
                                                               GError    **error);

G_END_DECLS
