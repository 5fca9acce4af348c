/* att-higg-client.h: the Higg (Worldly) PIC API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"
#include "att-higg-auth.h"

G_BEGIN_DECLS

#define ATT_TYPE_HIGG_CLIENT (att_higg_client_get_type ())

/* The sandbox's paths for the undocumented category and size lists
 * (docs/api-higg-sandbox.md), after `/pic-api/v1`. */
#define ATT_HIGG_DEFAULT_CATEGORIES_PATH "/categories"
#define ATT_HIGG_DEFAULT_SIZES_PATH      "/categories/{categoryExpansionId}/sizes"
#define ATT_HIGG_SIZES_PATH_CATEGORY     "{categoryExpansionId}"

G_DECLARE_FINAL_TYPE (AttHiggClient, att_higg_client, ATT, HIGG_CLIENT, GObject)

/**
 * AttPmSearchFilter:
 * @name: (nullable): a part of the name, in any case
 * @style_number: (nullable): the style number (`productStyleNumber`,
 *   answered as `modelNumber`)
 * @ids: (nullable) (array zero-terminated=1): PM product ids
 * @barcodes: (nullable) (array zero-terminated=1): GTIN/UPC barcodes
 * @certifications: (nullable) (array zero-terminated=1): certificate
 *   `_id`s: the products any of them covers
 *
 * What PM search filters on (api-higg.md §4.1); filters given together must
 * all match, a product matches a list when it has any of its values, and an
 * empty list matches nothing (the server is not asked).
 */
typedef struct
{
  const char        *name;
  const char        *style_number;
  const char *const *ids;
  const char *const *barcodes;
  const char *const *certifications;
} AttPmSearchFilter;

/* The largest page PM search answers when a size is given. */
#define ATT_PM_SEARCH_MAX_PAGE_SIZE 100

/**
 * AttUploadPhase:
 * @ATT_UPLOAD_PHASE_ENCODING: the files are being read and encoded; the
 *   progress counts their bytes
 * @ATT_UPLOAD_PHASE_SENDING: the request is being sent; the progress
 *   counts the bytes of the body
 */
typedef enum {
  ATT_UPLOAD_PHASE_ENCODING,
  ATT_UPLOAD_PHASE_SENDING,
} AttUploadPhase;

/**
 * AttUploadProgressFunc:
 * @phase: what is being done
 * @done: how far it has come, in bytes
 * @total: of how many
 * @user_data: the data given with the function
 *
 * Hears how a certificate upload goes, on the main context the call was
 * made on, never after the call's callback.
 */
typedef void (*AttUploadProgressFunc) (AttUploadPhase phase,
                                       guint64        done,
                                       guint64        total,
                                       gpointer       user_data);

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
AttSandboxConnection                 *
att_higg_client_get_sandbox_connection (AttHiggClient *self);
const char     *att_higg_client_get_categories_path (AttHiggClient *self);
void            att_higg_client_set_categories_path (AttHiggClient *self,
                                                     const char    *path);
const char     *att_higg_client_get_sizes_path (AttHiggClient *self);
void            att_higg_client_set_sizes_path (AttHiggClient *self,
                                                const char    *path);

void            att_higg_client_search_products_async (AttHiggClient      *self,
                                                       const char         *text,
                                                       const char *const  *ids,
                                                       guint               from,
                                                       guint               size,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
AttPage        *att_higg_client_search_products_finish (AttHiggClient *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

void            att_higg_client_get_product_async (AttHiggClient      *self,
                                                   const char         *id,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
AttProduct     *att_higg_client_get_product_finish (AttHiggClient *self,
                                                    GAsyncResult  *result,
                                                    GError       **error);

void            att_higg_client_create_product_async (AttHiggClient      *self,
                                                      JsonObject         *body,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
AttProduct     *att_higg_client_create_product_finish (AttHiggClient *self,
                                                       GAsyncResult  *result,
                                                       GError       **error);

void            att_higg_client_update_product_async (AttHiggClient      *self,
                                                      const char         *id,
                                                      JsonObject         *command,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
AttProduct     *att_higg_client_update_product_finish (AttHiggClient *self,
                                                       GAsyncResult  *result,
                                                       GError       **error);

void            att_higg_client_search_materials_async (AttHiggClient      *self,
                                                        const char         *text,
                                                        guint               from,
                                                        guint               size,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
AttPage        *att_higg_client_search_materials_finish (AttHiggClient *self,
                                                         GAsyncResult  *result,
                                                         GError       **error);

void            att_higg_client_search_components_async (AttHiggClient      *self,
                                                         const char         *text,
                                                         guint               from,
                                                         guint               size,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
AttPage        *att_higg_client_search_components_finish (AttHiggClient *self,
                                                          GAsyncResult  *result,
                                                          GError       **error);

void            att_higg_client_search_packaging_async (AttHiggClient      *self,
                                                        const char         *text,
                                                        guint               from,
                                                        guint               size,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
AttPage        *att_higg_client_search_packaging_finish (AttHiggClient *self,
                                                         GAsyncResult  *result,
                                                         GError       **error);

void            att_higg_client_list_countries_async (AttHiggClient      *self,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
GListModel     *att_higg_client_list_countries_finish (AttHiggClient *self,
                                                       GAsyncResult  *result,
                                                       GError       **error);

AttPagedModel  *att_higg_client_create_product_model (AttHiggClient *self,
                                                      const char    *text,
                                                      guint          page_size);

/* Products that use any of @ids in their materials, components or
 * packaging (@filter: "material", "component" or "packaging"), or whose
 * identifier is one of @ids (@filter: "identifier"). */
void            att_higg_client_search_products_filtered_async (AttHiggClient      *self,
                                                                const char         *text,
                                                                const char         *filter,
                                                                const char *const  *ids,
                                                                guint               from,
                                                                guint               size,
                                                                GCancellable       *cancellable,
                                                                GAsyncReadyCallback callback,
                                                                gpointer            user_data);
AttPage        *att_higg_client_search_products_filtered_finish (AttHiggClient *self,
                                                                 GAsyncResult  *result,
                                                                 GError       **error);
AttPagedModel  *att_higg_client_create_filtered_product_model (AttHiggClient     *self,
                                                               const char        *text,
                                                               const char        *filter,
                                                               const char *const *ids,
                                                               guint              page_size);

void            att_higg_client_list_categories_async (AttHiggClient      *self,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
GListModel     *att_higg_client_list_categories_finish (AttHiggClient *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

void            att_higg_client_list_sizes_async (AttHiggClient      *self,
                                                  const char         *category_id,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
GStrv           att_higg_client_list_sizes_finish (AttHiggClient *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

/* The certification API and PM search (att-higg-client-certificates.c). */
void            att_higg_client_list_assertion_authorities_async (AttHiggClient      *self,
                                                                  GCancellable       *cancellable,
                                                                  GAsyncReadyCallback callback,
                                                                  gpointer            user_data);
GListModel     *att_higg_client_list_assertion_authorities_finish (AttHiggClient *self,
                                                                   GAsyncResult  *result,
                                                                   GError       **error);
void            att_higg_client_list_assertion_standards_async (AttHiggClient      *self,
                                                                GCancellable       *cancellable,
                                                                GAsyncReadyCallback callback,
                                                                gpointer            user_data);
GListModel     *att_higg_client_list_assertion_standards_finish (AttHiggClient *self,
                                                                 GAsyncResult  *result,
                                                                 GError       **error);

void            att_higg_client_search_pm_products_async (AttHiggClient           *self,
                                                          const AttPmSearchFilter *filter,
                                                          guint                    from,
                                                          guint                    size,
                                                          GCancellable            *cancellable,
                                                          GAsyncReadyCallback      callback,
                                                          gpointer                 user_data);
AttPage        *att_higg_client_search_pm_products_finish (AttHiggClient *self,
                                                           GAsyncResult  *result,
                                                           GError       **error);
AttPagedModel  *att_higg_client_create_pm_product_model (AttHiggClient           *self,
                                                         const AttPmSearchFilter *filter,
                                                         guint                    page_size);

void            att_higg_client_create_certificate_async (AttHiggClient         *self,
                                                          AttCertificateRequest *request,
                                                          AttUploadProgressFunc  progress,
                                                          gpointer               progress_data,
                                                          GDestroyNotify         progress_destroy,
                                                          GCancellable          *cancellable,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
AttCertificate *att_higg_client_create_certificate_finish (AttHiggClient *self,
                                                           GAsyncResult  *result,
                                                           GError       **error);
void            att_higg_client_update_certificate_async (AttHiggClient         *self,
                                                          const char            *id,
                                                          AttCertificateRequest *request,
                                                          AttUploadProgressFunc  progress,
                                                          gpointer               progress_data,
                                                          GDestroyNotify         progress_destroy,
                                                          GCancellable          *cancellable,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
AttCertificate *att_higg_client_update_certificate_finish (AttHiggClient *self,
                                                           GAsyncResult  *result,
                                                           GError       **error);

/* Recalculation, French labels and publishing (att-higg-client-eco.c). */

/* The most ids one french-label/image or publish request takes (§3.9,
 * §3.10), and how many label requests are out at once. */
#define ATT_HIGG_LABEL_BATCH_SIZE    50
#define ATT_HIGG_LABEL_MAX_IN_FLIGHT 6

/**
 * AttPublishProgressFunc:
 * @outcomes: (element-type AttPublishOutcome): the outcomes of the batch
 *   just answered
 * @n_done: how many of the products have an outcome so far
 * @n_total: how many products are being published
 * @user_data: the progress data
 *
 * Hears each batch of a publish as it is answered, on the call's main
 * context, so that what was published is known even if a later batch
 * fails or the call is cancelled.
 */
typedef void (*AttPublishProgressFunc) (GPtrArray *outcomes,
                                        guint      n_done,
                                        guint      n_total,
                                        gpointer   user_data);

void       att_higg_client_recalculate_async (AttHiggClient      *self,
                                              const char *const  *product_ids,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
gboolean   att_higg_client_recalculate_finish (AttHiggClient *self,
                                               GAsyncResult  *result,
                                               GStrv         *out_success_ids,
                                               GStrv         *out_failure_ids,
                                               GError       **error);
void       att_higg_client_fetch_french_labels_async (AttHiggClient      *self,
                                                      const char *const  *product_ids,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
GPtrArray *att_higg_client_fetch_french_labels_finish (AttHiggClient *self,
                                                       GAsyncResult  *result,
                                                       GError       **error);
void       att_higg_client_publish_french_labels_async (AttHiggClient         *self,
                                                        const char *const     *product_ids,
                                                        AttPublishProgressFunc progress,
                                                        gpointer               progress_data,
                                                        GDestroyNotify         progress_destroy,
                                                        GCancellable          *cancellable,
                                                        GAsyncReadyCallback    callback,
                                                        gpointer               user_data);
GPtrArray *att_higg_client_publish_french_labels_finish (AttHiggClient *self,
                                                         GAsyncResult  *result,
                                                         GError       **error);

G_END_DECLS
