/* att-higg-client.h: the Higg (Worldly) PIC API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"
#include "att-higg-auth.h"

G_BEGIN_DECLS

#define ATT_TYPE_HIGG_CLIENT (att_higg_client_get_type ())

G_DECLARE_FINAL_TYPE (AttHiggClient, att_higg_client, ATT, HIGG_CLIENT, GObject)

AttHiggClient *att_higg_client_new (AttHttp    *http,
                                    const char *base_url);
const char    *att_higg_client_get_base_url (AttHiggClient *self);
void           att_higg_client_set_base_url (AttHiggClient *self,
                                             const char    *base_url);
AttHttp       *att_higg_client_get_http (AttHiggClient *self);
void           att_higg_client_set_auth (AttHiggClient *self,
                                         AttHiggAuth   *auth);
AttHiggAuth   *att_higg_client_get_auth (AttHiggClient *self);
void           att_higg_client_set_sandbox_connection (AttHiggClient        *self,
                                                       AttSandboxConnection *connection);
AttSandboxConnection                *
att_higg_client_get_sandbox_connection (AttHiggClient *self);

void           att_higg_client_search_products_async (AttHiggClient      *self,
                                                      const char         *text,
                                                      const char *const  *ids,
                                                      guint               from,
                                                      guint               size,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
AttPage       *att_higg_client_search_products_finish (AttHiggClient *self,
                                                       GAsyncResult  *result,
                                                       GError       **error);

void           att_higg_client_get_product_async (AttHiggClient      *self,
                                                  const char         *id,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
AttProduct    *att_higg_client_get_product_finish (AttHiggClient *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

void           att_higg_client_create_product_async (AttHiggClient      *self,
                                                     JsonObject         *body,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
AttProduct    *att_higg_client_create_product_finish (AttHiggClient *self,
                                                      GAsyncResult  *result,
                                                      GError       **error);

void           att_higg_client_update_product_async (AttHiggClient      *self,
                                                     const char         *id,
                                                     JsonObject         *command,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
AttProduct    *att_higg_client_update_product_finish (AttHiggClient *self,
                                                      GAsyncResult  *result,
                                                      GError       **error);

void           att_higg_client_search_materials_async (AttHiggClient      *self,
                                                       const char         *text,
                                                       guint               from,
                                                       guint               size,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
AttPage       *att_higg_client_search_materials_finish (AttHiggClient *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

void           att_higg_client_search_components_async (AttHiggClient      *self,
                                                        const char         *text,
                                                        guint               from,
                                                        guint               size,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
AttPage       *att_higg_client_search_components_finish (AttHiggClient *self,
                                                         GAsyncResult  *result,
                                                         GError       **error);

void           att_higg_client_search_packaging_async (AttHiggClient      *self,
                                                       const char         *text,
                                                       guint               from,
                                                       guint               size,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
AttPage       *att_higg_client_search_packaging_finish (AttHiggClient *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

void           att_higg_client_list_countries_async (AttHiggClient      *self,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
GListModel    *att_higg_client_list_countries_finish (AttHiggClient *self,
                                                      GAsyncResult  *result,
                                                      GError       **error);

AttPagedModel *att_higg_client_create_product_model (AttHiggClient *self,
                                                     const char    *text,
                                                     guint          page_size);

G_END_DECLS
