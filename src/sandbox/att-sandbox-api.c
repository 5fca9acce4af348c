/* att-sandbox-api.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "att-validation.h"

#include "att-sandbox-api.h"
#include "att-sandbox-json.h"
#include "att-sandbox-product.h"
#include "att-sandbox-request.h"
#include "att-sandbox-util.h"

/* Product search: `size` defaults to 10 and is capped at 100.  The
 * documentation states neither (api-higg.md §3.3); 10 is a common default,
 * and 100 full product objects (a few hundred kB) keep one reply small
 * enough for a paged list. */
#define PRODUCT_PAGE_SIZE 10
#define PRODUCT_PAGE_MAX  100

void
att_sandbox_reply_clear (AttSandboxReply *reply)
{
  g_clear_pointer (&reply->json, json_node_unref);
  g_clear_pointer (&reply->message, g_free);
  g_clear_pointer (&reply->details, g_ptr_array_unref);
  reply->status = 0;
}

/**
 * att_sandbox_reply_set_error:
 * @details: (transfer none) (nullable): field errors
 */
void
att_sandbox_reply_set_error (AttSandboxReply *reply,
                             guint            status,
                             const char      *message,
                             GPtrArray       *details)
{
  att_sandbox_reply_clear (reply);
  reply->status = status;
  reply->message = g_strdup (message);
  if (details != NULL)
    reply->details = g_ptr_array_ref (details);
}

/**
 * att_sandbox_reply_set_json:
 * @json: (transfer full): the body of a 200 reply
 */
void
att_sandbox_reply_set_json (AttSandboxReply *reply,
                            JsonNode        *json)
{
  att_sandbox_reply_clear (reply);
  reply->status = SOUP_STATUS_OK;
  reply->json = json;
}

static void
set_validation_error (AttSandboxReply *reply,
                      GPtrArray       *errors)
{
  att_sandbox_reply_set_error (reply, SOUP_STATUS_BAD_REQUEST, _ ("Validation failed"), errors);
}

static void
set_storage_error (AttSandboxReply *reply,
                   const GError    *error)
{
  g_warning ("Sandbox storage failed: %s", error->message);
  att_sandbox_reply_set_error (reply, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                               _ ("The sandbox could not store the product"), NULL);
}

static JsonNode *
render_node (const AttSandboxApiContext *context,
             const AttSandboxRow        *row,
             JsonObject                 *state)
{
  JsonObject *product = att_sandbox_product_render (context->catalogue, row, state, context->now);

  return att_sandbox_json_node_take_object (product);
}

/* Stores @row under a new id.  The store leaves an existing product with
 * the same id alone, so an id that happens to be taken is drawn again
 * rather than answered as if stored. */
static gboolean
insert_new (AttSandboxStore *store,
            AttSandboxRow   *row,
            GError         **error)
{
  gboolean inserted = FALSE;

  while (!inserted)
    {
      g_free (row->id);
      row->id = att_sandbox_new_object_id ();
      if (!att_sandbox_store_insert (store, row, &inserted, error))
        return FALSE;
    }
  return TRUE;
}

void
att_sandbox_api_products_create (const AttSandboxApiContext *context,
                                 JsonObject                 *body,
                                 AttSandboxReply            *reply)
{
  g_autoptr(GPtrArray) errors = att_validate_product_create (body);
  g_autoptr(JsonObject) state = NULL;
  g_autoptr(GError) error = NULL;
  AttSandboxRow row = { 0 };

  att_sandbox_product_check_references (context->catalogue, body, errors);
  if (errors->len > 0)
    {
      set_validation_error (reply, errors);
      return;
    }

  state = att_sandbox_product_state_new (context->catalogue, body);
  row.created_on = context->now;
  row.modified_on = context->now;
  row.score_ready_at = context->now + context->score_delay_ms;
  att_sandbox_product_fill_row (context->catalogue, state, &row);

  if (!insert_new (context->store, &row, &error))
    set_storage_error (reply, error);
  else
    att_sandbox_reply_set_json (reply, render_node (context, &row, state));

  g_free (row.id);
  g_free (row.name);
  g_free (row.identifier);
  g_free (row.search_text);
  g_free (row.state);
  g_free (row.uses);
}

void
att_sandbox_api_products_update (const AttSandboxApiContext *context,
                                 const char                 *product_id,
                                 JsonObject                 *body,
                                 AttSandboxReply            *reply)
{
  g_autoptr(AttSandboxRow) row = NULL;
  g_autoptr(JsonObject) state = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;

  row = att_sandbox_store_get (context->store, product_id, &error);
  if (error != NULL)
    {
      set_storage_error (reply, error);
      return;
    }
  if (row == NULL)
    {
      /* Translators: %s is a product id sent by a client. */
      g_autofree char *message = g_strdup_printf (_ ("There is no product with the id “%s”"), product_id);

      att_sandbox_reply_set_error (reply, SOUP_STATUS_NOT_FOUND, message, NULL);
      return;
    }

  state = att_sandbox_json_parse_object (row->state, &error);
  if (state == NULL)
    {
      set_storage_error (reply, error);
      return;
    }

  errors = att_validate_product_update (body, att_sandbox_json_boolean (state, "isMaterialWeight", FALSE));
  att_sandbox_product_check_references (context->catalogue, body, errors);
  att_sandbox_product_check_purchase_orders (state, body, errors);
  if (errors->len > 0)
    {
      set_validation_error (reply, errors);
      return;
    }

  att_sandbox_product_apply_update (context->catalogue, state, body);
  row->modified_on = MAX (context->now, row->modified_on);
  row->score_ready_at = context->now + context->score_delay_ms;
  att_sandbox_product_fill_row (context->catalogue, state, row);

  if (!att_sandbox_store_update (context->store, row, &error))
    set_storage_error (reply, error);
  else
    att_sandbox_reply_set_json (reply, render_node (context, row, state));
}

static void
casefold_strv (char **strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      char *folded = g_utf8_casefold (strv[i], -1);

      g_free (strv[i]);
      strv[i] = folded;
    }
}

/* `textSearch` (a list, or one string) matches name, identifier, category
 * and tags, case-insensitively; every word must match.  `id`, `name` and
 * `identifier` are exact (name ignoring ASCII case).  `material`,
 * `component` and `packaging` are lists of catalogue ids: a product matches
 * when it uses any of them (an empty list is no filter, as for `id`); given
 * together, each must match.  The other documented filters (productSize,
 * tag, hasFrenchEcoScore...) are not implemented and are ignored. */
void
att_sandbox_api_products_search (const AttSandboxApiContext *context,
                                 JsonObject                 *body,
                                 AttSandboxReply            *reply)
{
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) identifiers = NULL;
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) materials = NULL;
  g_auto(GStrv) components = NULL;
  g_auto(GStrv) packaging = NULL;
  AttSandboxQuery query = { 0 };
  JsonObject     *result;
  JsonArray      *results;
  gint64          total = 0;

  att_sandbox_request_paging (body, PRODUCT_PAGE_SIZE, PRODUCT_PAGE_MAX, &query.from, &query.size, errors);
  ids = att_sandbox_request_strings (body, "id", FALSE, errors);
  names = att_sandbox_request_strings (body, "name", FALSE, errors);
  identifiers = att_sandbox_request_strings (body, "identifier", FALSE, errors);
  words = att_sandbox_request_strings (body, "textSearch", TRUE, errors);
  materials = att_sandbox_request_strings (body, "material", FALSE, errors);
  components = att_sandbox_request_strings (body, "component", FALSE, errors);
  packaging = att_sandbox_request_strings (body, "packaging", FALSE, errors);
  if (errors->len > 0)
    {
      set_validation_error (reply, errors);
      return;
    }

  casefold_strv (words);
  query.ids = (const char *const *) ids;
  query.names = (const char *const *) names;
  query.identifiers = (const char *const *) identifiers;
  query.words = (const char *const *) words;
  query.materials = (const char *const *) materials;
  query.components = (const char *const *) components;
  query.packaging = (const char *const *) packaging;

  if (!att_sandbox_store_search (context->store, &query, &total, &rows, &error))
    {
      set_storage_error (reply, error);
      return;
    }

  results = json_array_new ();
  for (guint i = 0; i < rows->len; i++)
    {
      AttSandboxRow *row = g_ptr_array_index (rows, i);
      g_autoptr(JsonObject) state = att_sandbox_json_parse_object (row->state, &error);

      if (state == NULL)
        {
          json_array_unref (results);
          set_storage_error (reply, error);
          return;
        }
      json_array_add_element (results, render_node (context, row, state));
    }

  result = json_object_new ();
  json_object_set_int_member (result, "from", query.from);
  json_object_set_int_member (result, "size", query.size);
  json_object_set_int_member (result, "total", total);
  json_object_set_array_member (result, "results", results);
  att_sandbox_reply_set_json (reply, att_sandbox_json_node_take_object (result));
}

void
att_sandbox_api_catalogue_search (const AttSandboxApiContext *context,
                                  AttSandboxKind              kind,
                                  JsonObject                 *body,
                                  AttSandboxReply            *reply)
{
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();
  JsonNode *result = att_sandbox_catalogue_search (context->catalogue, kind, body, errors);

  if (result == NULL)
    set_validation_error (reply, errors);
  else
    att_sandbox_reply_set_json (reply, result);
}

void
att_sandbox_api_countries (const AttSandboxApiContext *context,
                           AttSandboxReply            *reply)
{
  att_sandbox_reply_set_json (reply, att_sandbox_catalogue_countries_reply (context->catalogue));
}

void
att_sandbox_api_categories (const AttSandboxApiContext *context,
                            AttSandboxReply            *reply)
{
  att_sandbox_reply_set_json (reply, att_sandbox_catalogue_categories_reply (context->catalogue));
}

void
att_sandbox_api_sizes (const AttSandboxApiContext *context,
                       const char                 *category_id,
                       AttSandboxReply            *reply)
{
  JsonNode *sizes = att_sandbox_catalogue_sizes_reply (context->catalogue, category_id);

  if (sizes == NULL)
    {
      /* Translators: %s is a category id sent by a client. */
      g_autofree char *message = g_strdup_printf (_ ("There is no category with the id “%s”"), category_id);

      att_sandbox_reply_set_error (reply, SOUP_STATUS_NOT_FOUND, message, NULL);
      return;
    }

  att_sandbox_reply_set_json (reply, sizes);
}
