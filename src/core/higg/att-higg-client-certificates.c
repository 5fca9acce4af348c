/* att-higg-client-certificates.c: the certification lists and PM search of
 * AttHiggClient
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The assertion authorities and standards a certificate is of
 * (api-higg.md §2.1, §2.2), and PM product search (§4.1), which is how
 * certificates and the products they cover are read back.  Creating and
 * updating certificates is in att-higg-client-upload.c. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "att-assertion-item.h"
#include "att-higg-client-private.h"
#include "att-page.h"
#include "att-paged-model.h"
#include "att-pm-product.h"

static GObject *
parse_assertion_item (JsonObject *object,
                      const char *path,
                      GError    **error)
{
  return (GObject *) att_assertion_item_new_from_json (object, path, error);
}

static GObject *
parse_pm_product (JsonObject *object,
                  const char *path,
                  GError    **error)
{
  return (GObject *) att_pm_product_new_from_json (object, path, error);
}

static void
list_assertion_items (AttHiggClient      *self,
                      const char         *path,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data,
                      gpointer            source_tag)
{
  Call *call = att_higg_client_call_new (ANSWER_LIST, ATT_TYPE_ASSERTION_ITEM,
                                         parse_assertion_item, 0, 0, NULL);

  att_higg_client_call_set_api (call, ATT_HIGG_CERTIFICATION_API);
  att_higg_client_send_call (self, SOUP_METHOD_GET, path, NULL, TRUE, call,
                             cancellable, callback, user_data, source_tag);
}

/**
 * att_higg_client_list_assertion_authorities_async:
 *
 * Lists the assertion authorities, the owners of the standards
 * (`GET /certification-api/assertion-authority`). Idempotent.
 */
void
att_higg_client_list_assertion_authorities_async (AttHiggClient      *self,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_assertion_items (self, "/assertion-authority", cancellable, callback, user_data,
                        ATT_SOURCE_TAG (att_higg_client_list_assertion_authorities_async));
}

/**
 * att_higg_client_list_assertion_authorities_finish:
 *
 * Returns: (transfer full): a list of #AttAssertionItem, or %NULL with
 *   @error set
 */
GListModel *
att_higg_client_list_assertion_authorities_finish (AttHiggClient *self,
                                                   GAsyncResult  *result,
                                                   GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_list_assertion_authorities_async),
                                      error);
}

/**
 * att_higg_client_list_assertion_standards_async:
 *
 * Lists the assertion standards, each with its authority
 * (`GET /certification-api/assertion-standard`). Idempotent.
 */
void
att_higg_client_list_assertion_standards_async (AttHiggClient      *self,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_assertion_items (self, "/assertion-standard", cancellable, callback, user_data,
                        ATT_SOURCE_TAG (att_higg_client_list_assertion_standards_async));
}

/**
 * att_higg_client_list_assertion_standards_finish:
 *
 * Returns: (transfer full): a list of #AttAssertionItem, or %NULL with
 *   @error set
 */
GListModel *
att_higg_client_list_assertion_standards_finish (AttHiggClient *self,
                                                 GAsyncResult  *result,
                                                 GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_list_assertion_standards_async),
                                      error);
}

/* --- PM search --------------------------------------------------------- */

static void
add_strings_member (JsonBuilder       *builder,
                    const char        *member,
                    const char *const *strings)
{
  if (strings == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *member,
                   const char  *value)
{
  if (value == NULL || *value == '\0')
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static JsonNode *
build_pm_search (const AttPmSearchFilter *filter,
                 guint                    from,
                 guint                    size)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  if (filter != NULL)
    {
      add_string_member (builder, "name", filter->name);
      add_string_member (builder, "productStyleNumber", filter->style_number);
      add_strings_member (builder, "ids", filter->ids);
      add_strings_member (builder, "barcodes", filter->barcodes);
      add_strings_member (builder, "certifications", filter->certifications);
    }
  json_builder_set_member_name (builder, "from");
  json_builder_add_int_value (builder, from);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, size);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
strv_is_empty (const char *const *strv)
{
  return strv != NULL && strv[0] == NULL;
}

/* An empty list matches nothing, but the sandbox (and maybe Higg) reads
 * `[]` as no filter at all, so it is not asked. */
static gboolean
filter_matches_nothing (const AttPmSearchFilter *filter)
{
  return filter != NULL && (strv_is_empty (filter->ids) || strv_is_empty (filter->barcodes) ||
                            strv_is_empty (filter->certifications));
}

static void
search_pm_products (AttHiggClient           *self,
                    const AttPmSearchFilter *filter,
                    guint                    from,
                    guint                    size,
                    GCancellable            *cancellable,
                    GAsyncReadyCallback      callback,
                    gpointer                 user_data,
                    gpointer                 source_tag)
{
  g_autoptr(JsonNode) body = NULL;
  Call *call;

  size = MIN (size, ATT_PM_SEARCH_MAX_PAGE_SIZE);
  if (filter_matches_nothing (filter))
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
      g_autoptr(GListStore) none = g_list_store_new (ATT_TYPE_PM_PRODUCT);

      g_task_set_source_tag (task, source_tag);
      g_task_return_pointer (task, att_page_new (from, size, 0, G_LIST_MODEL (none)),
                             g_object_unref);
      return;
    }

  body = build_pm_search (filter, from, size);
  call = att_higg_client_call_new (ANSWER_PAGE, ATT_TYPE_PM_PRODUCT, parse_pm_product,
                                   from, size, NULL);
  att_higg_client_call_set_api (call, ATT_HIGG_PM_API);
  att_higg_client_call_set_unreadable (call, _ ("The server sent a PM product Attest cannot read"));
  att_higg_client_send_call (self, SOUP_METHOD_POST, "/product/search", body, TRUE, call,
                             cancellable, callback, user_data, source_tag);
}

/**
 * att_higg_client_search_pm_products_async:
 * @filter: (nullable): what the products must match; %NULL for all
 * @from: the offset of the first product (0-based)
 * @size: the page size, 1 to %ATT_PM_SEARCH_MAX_PAGE_SIZE (larger values
 *   are reduced)
 *
 * Searches Product Module products (`POST /pm-api/v1/product/search`),
 * ordered by name; each comes with the certificates attached to it.
 * Idempotent: may be retried.
 */
void
att_higg_client_search_pm_products_async (AttHiggClient           *self,
                                          const AttPmSearchFilter *filter,
                                          guint                    from,
                                          guint                    size,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (size > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  search_pm_products (self, filter, from, size, cancellable, callback, user_data,
                      ATT_SOURCE_TAG (att_higg_client_search_pm_products_async));
}

/**
 * att_higg_client_search_pm_products_finish:
 *
 * Returns: (transfer full): a page of #AttPmProduct, or %NULL with @error
 *   set
 */
AttPage *
att_higg_client_search_pm_products_finish (AttHiggClient *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_search_pm_products_async),
                                      error);
}

/* --- The PM product list ----------------------------------------------- */

typedef struct
{
  AttHiggClient *client;
  char          *name;
  char          *style_number;
  GStrv          ids;
  GStrv          barcodes;
  GStrv          certifications;
} PmModelData;

static void
pm_model_data_free (PmModelData *data)
{
  g_clear_object (&data->client);
  g_free (data->name);
  g_free (data->style_number);
  g_strfreev (data->ids);
  g_strfreev (data->barcodes);
  g_strfreev (data->certifications);
  g_free (data);
}

static void
pm_model_fetch (guint               from,
                guint               size,
                GCancellable       *cancellable,
                GAsyncReadyCallback callback,
                gpointer            callback_data,
                gpointer            user_data)
{
  PmModelData      *data = user_data;
  AttPmSearchFilter filter = {
    data->name,
    data->style_number,
    (const char *const *) data->ids,
    (const char *const *) data->barcodes,
    (const char *const *) data->certifications,
  };

  search_pm_products (data->client, &filter, from, size, cancellable, callback, callback_data,
                      ATT_SOURCE_TAG (pm_model_fetch));
}

static AttPage *
pm_model_finish (GAsyncResult *result,
                 GError      **error,
                 gpointer      user_data)
{
  PmModelData *data = user_data;

  return att_higg_client_finish_call (data->client, result, ATT_SOURCE_TAG (pm_model_fetch), error);
}

/**
 * att_higg_client_create_pm_product_model:
 * @filter: (nullable): what the products must match (copied); %NULL for
 *   all
 * @page_size: how many products to fetch at a time, at most
 *   %ATT_PM_SEARCH_MAX_PAGE_SIZE
 *
 * The list a product picker shows, say to attach a certificate.
 *
 * Returns: (transfer full): a list of #AttPmProduct that fetches pages as
 *   they are shown
 */
AttPagedModel *
att_higg_client_create_pm_product_model (AttHiggClient           *self,
                                         const AttPmSearchFilter *filter,
                                         guint                    page_size)
{
  PmModelData *data;

  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (self), NULL);
  g_return_val_if_fail (page_size > 0 && page_size <= ATT_PM_SEARCH_MAX_PAGE_SIZE, NULL);

  data = g_new0 (PmModelData, 1);
  data->client = g_object_ref (self);
  if (filter != NULL)
    {
      data->name = g_strdup (filter->name);
      data->style_number = g_strdup (filter->style_number);
      data->ids = g_strdupv ((char **) filter->ids);
      data->barcodes = g_strdupv ((char **) filter->barcodes);
      data->certifications = g_strdupv ((char **) filter->certifications);
    }

  return att_paged_model_new (ATT_TYPE_PM_PRODUCT, page_size, pm_model_fetch, pm_model_finish,
                              data, (GDestroyNotify) pm_model_data_free);
}
