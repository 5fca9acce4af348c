/* att-sandbox-pm.c: Product Module product search (api-higg.md §4.1), the
 * way certificates and the products they cover are read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "att-sandbox-api.h"
#include "att-sandbox-certificate.h"
#include "att-sandbox-json.h"
#include "att-sandbox-request.h"

/* `size` is capped at 100 when given; without it the answer has every
 * match, as Higg documents for `{}`. */
#define PM_PAGE_MAX 100

static JsonObject *
render_product (const AttSandboxPmProduct *product,
                JsonArray                 *certifications)
{
  JsonObject *object = json_object_new ();
  JsonArray  *barcodes = json_array_new ();

  for (guint i = 0; product->barcodes != NULL && product->barcodes[i] != NULL; i++)
    json_array_add_string_element (barcodes, product->barcodes[i]);

  json_object_set_string_member (object, "_id", product->id);
  json_object_set_string_member (object, "name", product->name);
  json_object_set_string_member (object, "modelNumber", product->model_number);
  json_object_set_string_member (object, "productType", product->product_type);
  json_object_set_array_member (object, "barcodes", barcodes);
  json_object_set_int_member (object, "sacId", product->sac_id);
  json_object_set_boolean_member (object, "draft", FALSE);
  json_object_set_array_member (object, "certifications", certifications);
  return object;
}

/* The `certifications` of each product of @products, by product id: each
 * certificate is read and rendered once, and shared by the hits it
 * covers. */
static GHashTable *
certifications_by_product (AttSandboxStore *store,
                           GPtrArray       *products,
                           GError         **error)
{
  g_autoptr(GHashTable) lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) json_array_unref);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) certificates = NULL;
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < products->len; i++)
    {
      const AttSandboxPmProduct *product = g_ptr_array_index (products, i);

      g_strv_builder_add (builder, product->id);
      g_hash_table_insert (lists, g_strdup (product->id), json_array_new ());
    }
  ids = g_strv_builder_end (builder);

  if (!att_sandbox_store_certificates_of (store, (const char *const *) ids, &certificates, error))
    return NULL;

  for (guint i = 0; i < certificates->len; i++)
    {
      const AttSandboxCertificate *certificate = g_ptr_array_index (certificates, i);
      g_autoptr(JsonObject) object = att_sandbox_certificate_render (certificate, FALSE);

      for (guint j = 0; j < certificate->product_ids->len; j++)
        {
          JsonArray *list = g_hash_table_lookup (lists, g_ptr_array_index (certificate->product_ids, j));

          if (list != NULL)
            json_array_add_object_element (list, json_object_ref (object));
        }
    }

  return g_steal_pointer (&lists);
}

/* `name` is one text. */
static char *
read_name (JsonObject *body,
           GPtrArray  *errors)
{
  if (!att_sandbox_json_is_set (body, "name"))
    return NULL;
  if (att_sandbox_json_string (body, "name") == NULL)
    {
      att_sandbox_add_error (errors, "name", _ ("Expected text"));
      return NULL;
    }
  return g_utf8_casefold (att_sandbox_json_string (body, "name"), -1);
}

static JsonNode *
render_hits (GPtrArray  *products,
             GHashTable *certifications,
             gint64      total)
{
  JsonObject *result = json_object_new ();
  JsonArray  *hits = json_array_new ();

  for (guint i = 0; i < products->len; i++)
    {
      const AttSandboxPmProduct *product = g_ptr_array_index (products, i);
      JsonArray                 *list = g_hash_table_lookup (certifications, product->id);

      json_array_add_object_element (hits, render_product (product, json_array_ref (list)));
    }

  json_object_set_int_member (result, "total", total);
  json_object_set_array_member (result, "hits", hits);
  return att_sandbox_json_node_take_object (result);
}

/* `ids`, `barcodes`, `productStyleNumber` and `certifications` (certificate
 * ids) are lists of exact values, any of which matches (also accepted as
 * one string); `name` is a case-insensitive part of the name.  Given
 * together, each must match.  Higg's other filters (accountId, claims,
 * dates, productType...) are not implemented and are ignored. */
void
att_sandbox_api_pm_search (const AttSandboxApiContext *context,
                           JsonObject                 *body,
                           AttSandboxReply            *reply)
{
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GHashTable) certifications = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = att_sandbox_request_strings (body, "ids", FALSE, errors);
  g_auto(GStrv) barcodes = att_sandbox_request_strings (body, "barcodes", FALSE, errors);
  g_auto(GStrv) styles = att_sandbox_request_strings (body, "productStyleNumber", FALSE, errors);
  g_auto(GStrv) certificates = att_sandbox_request_strings (body, "certifications", FALSE, errors);
  g_autofree char  *name = read_name (body, errors);
  AttSandboxPmQuery query = { 0 };
  gint64            total = 0;

  att_sandbox_request_paging (body, G_MAXUINT, att_sandbox_json_is_set (body, "size") ? PM_PAGE_MAX : G_MAXUINT,
                              &query.from, &query.size, errors);
  if (errors->len > 0)
    {
      att_sandbox_reply_set_error (reply, SOUP_STATUS_BAD_REQUEST, _ ("Validation failed"), errors);
      return;
    }

  query.ids = (const char *const *) ids;
  query.barcodes = (const char *const *) barcodes;
  query.style_numbers = (const char *const *) styles;
  query.certifications = (const char *const *) certificates;
  query.name_folded = name;

  if (!att_sandbox_store_search_pm (context->store, &query, &total, &products, &error) ||
      (certifications = certifications_by_product (context->store, products, &error)) == NULL)
    {
      g_warning ("Sandbox storage failed: %s", error->message);
      att_sandbox_reply_set_error (reply, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                   _ ("The sandbox could not read its products"), NULL);
      return;
    }

  att_sandbox_reply_set_json (reply, render_hits (products, certifications, total));
}
