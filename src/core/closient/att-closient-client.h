/* att-closient-client.h: Closient's certifications and products APIs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-closient-assignment.h"
#include "att-closient-patch.h"
#include "att-types.h"

G_BEGIN_DECLS

#define ATT_CLOSIENT_PRODUCTION_URL "https://www.closient.com"

/* The documented default and largest page of the paginated lists. */
#define ATT_CLOSIENT_DEFAULT_PAGE_SIZE 25
#define ATT_CLOSIENT_MAX_PAGE_SIZE     100

/**
 * AttClosientFilter:
 * @status: the verification status wanted, or
 *   %ATT_CLOSIENT_VERIFICATION_UNKNOWN for any
 * @is_active: 1 for active now, 0 for not active now, -1 for either
 * @ordering: (nullable): `expiry_date`, `-expiry_date`, `label` or
 *   `-label`; %NULL for the server's order
 *
 * What a product's certifications are filtered and sorted by.  A %NULL
 * filter means all of them, in the server's order.
 */
typedef struct
{
  AttClosientVerification status;
  int                     is_active;
  const char             *ordering;
} AttClosientFilter;

#define ATT_TYPE_CLOSIENT_CLIENT (att_closient_client_get_type ())

G_DECLARE_FINAL_TYPE (AttClosientClient, att_closient_client, ATT, CLOSIENT_CLIENT, GObject)

AttClosientClient     *att_closient_client_new (AttHttp    *http,
                                                const char *base_url,
                                                const char *api_key);
const char            *att_closient_client_get_base_url (AttClosientClient *self);
AttHttp               *att_closient_client_get_http (AttClosientClient *self);
guint                  att_closient_client_get_page_size (AttClosientClient *self);
void                   att_closient_client_set_page_size (AttClosientClient *self,
                                                          guint              page_size);

void                   att_closient_client_list_certifications_async (AttClosientClient       *self,
                                                                      const char              *gtin14,
                                                                      const AttClosientFilter *filter,
                                                                      GCancellable            *cancellable,
                                                                      GAsyncReadyCallback      callback,
                                                                      gpointer                 user_data);
GListModel            *att_closient_client_list_certifications_finish (AttClosientClient *self,
                                                                       GAsyncResult      *result,
                                                                       GError           **error);
AttPagedModel         *att_closient_client_create_certification_model (AttClosientClient       *self,
                                                                       const char              *gtin14,
                                                                       const AttClosientFilter *filter);

void                   att_closient_client_get_product_async (AttClosientClient  *self,
                                                              const char         *gtin14,
                                                              GCancellable       *cancellable,
                                                              GAsyncReadyCallback callback,
                                                              gpointer            user_data);
AttClosientProduct    *att_closient_client_get_product_finish (AttClosientClient *self,
                                                               GAsyncResult      *result,
                                                               GError           **error);

void                   att_closient_client_update_assignment_async (AttClosientClient  *self,
                                                                    const char         *gtin14,
                                                                    const char         *certification_id,
                                                                    AttClosientPatch   *patch,
                                                                    GCancellable       *cancellable,
                                                                    GAsyncReadyCallback callback,
                                                                    gpointer            user_data);
AttClosientAssignment *att_closient_client_update_assignment_finish (AttClosientClient *self,
                                                                     GAsyncResult      *result,
                                                                     GError           **error);

void                   att_closient_client_remove_assignment_async (AttClosientClient  *self,
                                                                    const char         *gtin14,
                                                                    const char         *certification_id,
                                                                    GCancellable       *cancellable,
                                                                    GAsyncReadyCallback callback,
                                                                    gpointer            user_data);
gboolean               att_closient_client_remove_assignment_finish (AttClosientClient *self,
                                                                     GAsyncResult      *result,
                                                                     GError           **error);

AttPagedModel         *att_closient_client_create_catalogue_model (AttClosientClient *self,
                                                                   const char        *label_search);
AttPagedModel         *att_closient_client_create_body_model (AttClosientClient *self,
                                                              const char        *search);

void                   att_closient_client_get_certification_async (AttClosientClient  *self,
                                                                    const char         *id,
                                                                    GCancellable       *cancellable,
                                                                    GAsyncReadyCallback callback,
                                                                    gpointer            user_data);
AttClosientCertification                  *
att_closient_client_get_certification_finish (AttClosientClient *self,
                                                               GAsyncResult      *result,
                                                               GError           **error);
void             att_closient_client_get_body_async (AttClosientClient  *self,
                                                     const char         *id,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
AttClosientBody *att_closient_client_get_body_finish (AttClosientClient *self,
                                                      GAsyncResult      *result,
                                                      GError           **error);

G_END_DECLS
