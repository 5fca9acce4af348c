/* att-closient-client-lists.c: the reading calls of AttClosientClient
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A product's certifications, as the certifications app's bare array and
 * as the products app's pages (api-closient.md §3, §3.1, §3.2); the
 * catalogue of certifications and of certification bodies, paged; and
 * the lookups of one product, certification or body. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "att-closient-body.h"
#include "att-closient-certification.h"
#include "att-closient-client-private.h"
#include "att-closient-product.h"
#include "att-page.h"
#include "att-paged-model.h"
#include "att-shortuuid.h"

static GObject *
parse_assignment (JsonNode *node,
                  GError  **error)
{
  return (GObject *) att_closient_assignment_new_from_json (node, error);
}

static GObject *
parse_certification (JsonNode *node,
                     GError  **error)
{
  return (GObject *) att_closient_certification_new_from_json (node, error);
}

static GObject *
parse_body (JsonNode *node,
            GError  **error)
{
  return (GObject *) att_closient_body_new_from_json (node, error);
}

static GObject *
parse_product (JsonNode *node,
               GError  **error)
{
  return (GObject *) att_closient_product_new_from_json (node, error);
}

/* --- Queries ----------------------------------------------------------- */

static void
add_param (GString    *query,
           const char *name,
           const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_printf (query, "%s%s=%s", query->len > 0 ? "&" : "", name, escaped);
}

static gboolean
is_ordering (const char *ordering)
{
  static const char *const orderings[] = { "expiry_date", "-expiry_date", "label", "-label", NULL };

  return ordering == NULL || g_strv_contains (orderings, ordering);
}

/* The list parameters of a product's certifications (§3.1). */
static char *
filter_query (const AttClosientFilter *filter)
{
  GString *query = g_string_new (NULL);

  if (filter == NULL)
    return g_string_free (query, FALSE);

  if (filter->status != ATT_CLOSIENT_VERIFICATION_UNKNOWN)
    add_param (query, "verification_status", att_closient_verification_to_string (filter->status));
  if (filter->is_active >= 0)
    add_param (query, "is_active", filter->is_active ? "true" : "false");
  if (filter->ordering != NULL)
    add_param (query, "ordering", filter->ordering);
  return g_string_free (query, FALSE);
}

static char *
join_query (const char *path,
            const char *query)
{
  return query != NULL && *query != '\0' ? g_strconcat (path, "?", query, NULL) : g_strdup (path);
}

/* --- A product's certifications, whole --------------------------------- */

/**
 * att_closient_client_list_certifications_async:
 * @gtin14: the product's GTIN (8, 12, 13 or 14 digits; sent padded to 14)
 * @filter: (nullable): what to list, in which order
 *
 * Lists a product's certifications through the certifications app, whose
 * answer is the whole list in one array.  A GTIN that is not one fails
 * with an %ATT_GTIN_ERROR without a request; one Closient does not know,
 * with %ATT_API_ERROR_NOT_FOUND.
 */
void
att_closient_client_list_certifications_async (AttClosientClient       *self,
                                               const char              *gtin14,
                                               const AttClosientFilter *filter,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data)
{
  gpointer         tag = ATT_SOURCE_TAG (att_closient_client_list_certifications_async);
  g_autofree char *path = NULL;
  g_autofree char *query = NULL;
  g_autofree char *url = NULL;
  GError          *error = NULL;

  g_return_if_fail (ATT_IS_CLOSIENT_CLIENT (self));
  g_return_if_fail (gtin14 != NULL);
  g_return_if_fail (filter == NULL || is_ordering (filter->ordering));

  path = att_closient_client_gtin_path (ATT_CLOSIENT_CERTIFICATIONS_API, gtin14, "/certifications", &error);
  if (path == NULL)
    {
      att_closient_client_fail (self, error, callback, user_data, tag);
      return;
    }

  query = filter_query (filter);
  url = join_query (path, query);
  att_closient_client_send (self, SOUP_METHOD_GET, url, NULL,
                            att_closient_call_new (ATT_CLOSIENT_ANSWER_ARRAY, ATT_TYPE_CLOSIENT_ASSIGNMENT,
                                                   parse_assignment, NULL),
                            cancellable, callback, user_data, tag);
}

/**
 * att_closient_client_list_certifications_finish:
 *
 * Returns: (transfer full): a list of #AttClosientAssignment, or %NULL
 *   with @error set
 */
GListModel *
att_closient_client_list_certifications_finish (AttClosientClient *self,
                                                GAsyncResult      *result,
                                                GError           **error)
{
  return att_closient_client_finish (self, result,
                                     ATT_SOURCE_TAG (att_closient_client_list_certifications_async), error);
}

/* --- Paged lists ------------------------------------------------------- */

/* What a paged model asks for: the path (NULL if it could not be made,
 * with why in `error`) and its query, without the page. */
typedef struct
{
  AttClosientClient *client;
  char              *path;
  char              *query;
  GError            *error;
  GType              item_type;
  AttClosientParser  parse;
  const char        *unreadable;
} ModelData;

static void
model_data_free (ModelData *data)
{
  g_clear_object (&data->client);
  g_free (data->path);
  g_free (data->query);
  g_clear_error (&data->error);
  g_free (data);
}

static void
model_fetch (guint               from,
             guint               size,
             GCancellable       *cancellable,
             GAsyncReadyCallback callback,
             gpointer            callback_data,
             gpointer            user_data)
{
  ModelData *data = user_data;
  g_autoptr(GString) query = g_string_new (data->query);
  g_autofree char *url = NULL;

  if (data->error != NULL)
    {
      att_closient_client_fail (data->client, g_error_copy (data->error), callback, callback_data,
                                ATT_SOURCE_TAG (model_fetch));
      return;
    }

  /* The model asks for pages on multiples of its page size. */
  g_string_append_printf (query, "%spage=%u&page_size=%u", query->len > 0 ? "&" : "",
                          from / size + 1, size);
  url = join_query (data->path, query->str);
  att_closient_client_send (data->client, SOUP_METHOD_GET, url, NULL,
                            att_closient_call_new (ATT_CLOSIENT_ANSWER_PAGE, data->item_type,
                                                   data->parse, data->unreadable),
                            cancellable, callback, callback_data, ATT_SOURCE_TAG (model_fetch));
}

static AttPage *
model_finish (GAsyncResult *result,
              GError      **error,
              gpointer      user_data)
{
  ModelData *data = user_data;

  return att_closient_client_finish (data->client, result, ATT_SOURCE_TAG (model_fetch), error);
}

static AttPagedModel *
model_new (AttClosientClient *self,
           ModelData         *data)
{
  data->client = g_object_ref (self);
  return att_paged_model_new (data->item_type, att_closient_client_get_page_size (self),
                              model_fetch, model_finish,
                              data, (GDestroyNotify) model_data_free);
}

/**
 * att_closient_client_create_certification_model:
 * @gtin14: the product's GTIN (8, 12, 13 or 14 digits; sent padded to 14)
 * @filter: (nullable): what to list, in which order
 *
 * A product's certifications through the products app's paginated route,
 * fetched a page at a time as they are shown (the page size is the
 * client's #AttClosientClient:page-size).  A GTIN that is not one makes
 * every page fail with its %ATT_GTIN_ERROR, without a request.
 *
 * Returns: (transfer full): a list of #AttClosientAssignment
 */
AttPagedModel *
att_closient_client_create_certification_model (AttClosientClient       *self,
                                                const char              *gtin14,
                                                const AttClosientFilter *filter)
{
  ModelData *data;

  g_return_val_if_fail (ATT_IS_CLOSIENT_CLIENT (self), NULL);
  g_return_val_if_fail (gtin14 != NULL, NULL);
  g_return_val_if_fail (filter == NULL || is_ordering (filter->ordering), NULL);

  data = g_new0 (ModelData, 1);
  data->path = att_closient_client_gtin_path (ATT_CLOSIENT_PRODUCTS_API, gtin14, "/certifications",
                                              &data->error);
  data->query = filter_query (filter);
  data->item_type = ATT_TYPE_CLOSIENT_ASSIGNMENT;
  data->parse = parse_assignment;
  data->unreadable = _ ("Closient sent a certification Attest cannot read");
  return model_new (self, data);
}

/**
 * att_closient_client_create_catalogue_model:
 * @label_search: (nullable): a part of the label, in any case; %NULL or
 *   "" for the whole catalogue
 *
 * Returns: (transfer full): the catalogue, a list of
 *   #AttClosientCertification sorted by label
 */
AttPagedModel *
att_closient_client_create_catalogue_model (AttClosientClient *self,
                                            const char        *label_search)
{
  g_autoptr(GString) query = g_string_new (NULL);
  ModelData *data;

  g_return_val_if_fail (ATT_IS_CLOSIENT_CLIENT (self), NULL);

  if (label_search != NULL && *label_search != '\0')
    add_param (query, "label", label_search);
  add_param (query, "ordering", "label");

  data = g_new0 (ModelData, 1);
  data->path = g_strdup (ATT_CLOSIENT_CERTIFICATIONS_API "/certifications");
  data->query = g_strdup (query->str);
  data->item_type = ATT_TYPE_CLOSIENT_CERTIFICATION;
  data->parse = parse_certification;
  data->unreadable = _ ("Closient sent a certification Attest cannot read");
  return model_new (self, data);
}

/**
 * att_closient_client_create_body_model:
 * @search: (nullable): a part of the name, in any case; %NULL or "" for
 *   every body
 *
 * Returns: (transfer full): the certification bodies, a list of
 *   #AttClosientBody
 */
AttPagedModel *
att_closient_client_create_body_model (AttClosientClient *self,
                                       const char        *search)
{
  g_autoptr(GString) query = g_string_new (NULL);
  ModelData *data;

  g_return_val_if_fail (ATT_IS_CLOSIENT_CLIENT (self), NULL);

  /* The parameter is not documented: `search` is the sandbox's
   * (issue9.md, "Wire decisions"). */
  if (search != NULL && *search != '\0')
    add_param (query, "search", search);

  data = g_new0 (ModelData, 1);
  data->path = g_strdup (ATT_CLOSIENT_CERTIFICATIONS_API "/certification-bodies");
  data->query = g_strdup (query->str);
  data->item_type = ATT_TYPE_CLOSIENT_BODY;
  data->parse = parse_body;
  data->unreadable = _ ("Closient sent a certification body Attest cannot read");
  return model_new (self, data);
}

/* --- One of a kind ----------------------------------------------------- */

/**
 * att_closient_client_get_product_async:
 * @gtin14: the product's GTIN (8, 12, 13 or 14 digits; sent padded to 14)
 *
 * Looks a product up by its GTIN in the products app.  An unknown GTIN
 * fails with %ATT_API_ERROR_NOT_FOUND ("not on Closient").
 */
void
att_closient_client_get_product_async (AttClosientClient  *self,
                                       const char         *gtin14,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data)
{
  gpointer         tag = ATT_SOURCE_TAG (att_closient_client_get_product_async);
  g_autofree char *path = NULL;
  GError          *error = NULL;

  g_return_if_fail (ATT_IS_CLOSIENT_CLIENT (self));
  g_return_if_fail (gtin14 != NULL);

  path = att_closient_client_gtin_path (ATT_CLOSIENT_PRODUCTS_API, gtin14, NULL, &error);
  if (path == NULL)
    {
      att_closient_client_fail (self, error, callback, user_data, tag);
      return;
    }

  att_closient_client_send (self, SOUP_METHOD_GET, path, NULL,
                            att_closient_call_new (ATT_CLOSIENT_ANSWER_OBJECT, ATT_TYPE_CLOSIENT_PRODUCT,
                                                   parse_product, NULL),
                            cancellable, callback, user_data, tag);
}

/**
 * att_closient_client_get_product_finish:
 *
 * Returns: (transfer full): the product, or %NULL with @error set
 */
AttClosientProduct *
att_closient_client_get_product_finish (AttClosientClient *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  return att_closient_client_finish (self, result,
                                     ATT_SOURCE_TAG (att_closient_client_get_product_async), error);
}

/* Gets one item of a catalogue by its id (a shortuuid or a UUID). */
static void
get_by_id (AttClosientClient  *self,
           const char         *collection,
           const char         *id,
           GType               item_type,
           AttClosientParser   parse,
           GCancellable       *cancellable,
           GAsyncReadyCallback callback,
           gpointer            user_data,
           gpointer            tag)
{
  g_autofree char *short_id = NULL;
  g_autofree char *path = NULL;
  GError          *error = NULL;

  short_id = att_shortuuid_normalize (id, &error);
  if (short_id == NULL)
    {
      att_closient_client_fail (self, error, callback, user_data, tag);
      return;
    }

  path = g_strconcat (ATT_CLOSIENT_CERTIFICATIONS_API, collection, "/", short_id, NULL);
  att_closient_client_send (self, SOUP_METHOD_GET, path, NULL,
                            att_closient_call_new (ATT_CLOSIENT_ANSWER_OBJECT, item_type, parse, NULL),
                            cancellable, callback, user_data, tag);
}

/**
 * att_closient_client_get_certification_async:
 * @id: the certification's id: 22 characters, or the UUID they encode
 *
 * Gets one certification of the catalogue.
 */
void
att_closient_client_get_certification_async (AttClosientClient  *self,
                                             const char         *id,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data)
{
  g_return_if_fail (ATT_IS_CLOSIENT_CLIENT (self));
  g_return_if_fail (id != NULL);

  get_by_id (self, "/certifications", id, ATT_TYPE_CLOSIENT_CERTIFICATION, parse_certification,
             cancellable, callback, user_data,
             ATT_SOURCE_TAG (att_closient_client_get_certification_async));
}

/**
 * att_closient_client_get_certification_finish:
 *
 * Returns: (transfer full): the certification, or %NULL with @error set
 */
AttClosientCertification *
att_closient_client_get_certification_finish (AttClosientClient *self,
                                              GAsyncResult      *result,
                                              GError           **error)
{
  return att_closient_client_finish (self, result,
                                     ATT_SOURCE_TAG (att_closient_client_get_certification_async), error);
}

/**
 * att_closient_client_get_body_async:
 * @id: the body's id: 22 characters, or the UUID they encode
 *
 * Gets one certification body.
 */
void
att_closient_client_get_body_async (AttClosientClient  *self,
                                    const char         *id,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data)
{
  g_return_if_fail (ATT_IS_CLOSIENT_CLIENT (self));
  g_return_if_fail (id != NULL);

  get_by_id (self, "/certification-bodies", id, ATT_TYPE_CLOSIENT_BODY, parse_body,
             cancellable, callback, user_data, ATT_SOURCE_TAG (att_closient_client_get_body_async));
}

/**
 * att_closient_client_get_body_finish:
 *
 * Returns: (transfer full): the body, or %NULL with @error set
 */
AttClosientBody *
att_closient_client_get_body_finish (AttClosientClient *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  return att_closient_client_finish (self, result,
                                     ATT_SOURCE_TAG (att_closient_client_get_body_async), error);
}
