/* att-higg-client.c: the Higg (Worldly) PIC API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "att-catalog-item.h"
#include "att-country.h"
#include "att-error.h"
#include "att-higg-auth.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-page.h"
#include "att-paged-model.h"
#include "att-product.h"

/**
 * AttHiggClient:
 *
 * The calls of the Higg Product Impact Calculator API (api-higg.md §3) that
 * Attest uses, on top of #AttHttp. Every answer is checked before it is
 * believed: a page must have a `results` array of objects and a numeric
 * `total`, and each result must parse, or the call fails with
 * %ATT_API_ERROR_BAD_RESPONSE naming the field, e.g.
 * `results[7].materials[0].composition: expected a number`.
 *
 * Searches are idempotent and may be retried by #AttHttp; create and update
 * are not, because a repeated create would store the product twice.
 *
 * With an #AttHiggAuth set, every request carries `x-api-key` and
 * `x-developer-request-token`.  A 401 is answered by making a new token and
 * sending the request once more; that is safe for create and update too,
 * because a server that refuses the credentials has done nothing.  A second
 * 401 is reported as %ATT_API_ERROR_UNAUTHORIZED with a message saying which
 * key to check.
 */

#define API_PREFIX "/pic-api/v1"

/* The documented maximum page size of the catalogue searches (§3.5). */
#define MAX_CATALOG_PAGE_SIZE 50

/* -Wpedantic forbids turning a function pointer straight into a gpointer. */
#define SOURCE_TAG(f) ((gpointer) (guintptr) (f))

struct _AttHiggClient
{
  GObject      parent_instance;

  AttHttp     *http;
  char        *base_url;
  AttHiggAuth *auth;
};

G_DEFINE_FINAL_TYPE (AttHiggClient, att_higg_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HTTP,
  PROP_BASE_URL,
  PROP_AUTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef GObject *(*ItemParser) (JsonObject  *object,
                                const char  *path,
                                GError     **error);

typedef enum {
  ANSWER_PAGE,      /* {from, size, total, results[]} -> AttPage */
  ANSWER_ONE_OF,    /* a page, from which the item with `id` is taken */
  ANSWER_OBJECT,    /* one object -> the item */
  ANSWER_LIST,      /* an array -> GListModel */
} AnswerKind;

/* How to send one call, again after a 401, and how to read its answer. */
typedef struct
{
  AnswerKind   kind;
  GType        item_type;
  ItemParser   parse;
  guint        from;
  guint        size;
  char        *id;

  char        *method;
  char        *path;
  char        *url;
  JsonNode    *body;
  gboolean     idempotent;
  AttHiggAuth *auth;          /* as it was when the call started */
  gboolean     renewed;       /* the token was remade after a 401 */
} Call;

static void
call_free (Call *call)
{
  g_free (call->id);
  g_free (call->method);
  g_free (call->path);
  g_free (call->url);
  g_clear_pointer (&call->body, json_node_unref);
  g_clear_object (&call->auth);
  g_free (call);
}

static Call *
call_new (AnswerKind  kind,
          GType       item_type,
          ItemParser  parse)
{
  Call *call = g_new0 (Call, 1);

  call->kind = kind;
  call->item_type = item_type;
  call->parse = parse;
  return call;
}

static GObject *
parse_product (JsonObject  *object,
               const char  *path,
               GError     **error)
{
  return (GObject *) att_product_new_from_json (object, path, error);
}

static GObject *
parse_catalog_item (JsonObject  *object,
                    const char  *path,
                    GError     **error)
{
  return (GObject *) att_catalog_item_new_from_json (object, path, error);
}

static GObject *
parse_country (JsonObject  *object,
               const char  *path,
               GError     **error)
{
  return (GObject *) att_country_new_from_json (object, path, error);
}

/* --- Reading answers --------------------------------------------------- */

static GError *
bad_response (const char *path,
              const char *problem)
{
  GError *error;

  if (path != NULL)
    error = g_error_new (ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE, "%s: %s", path, problem);
  else
    error = g_error_new_literal (ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE, problem);
  att_api_error_set_details (error, 0, NULL, -1);
  return error;
}

/* The model parsers name the failing field relative to the path they are
 * given; make sure the message names it from the root of the answer. */
static GError *
item_error (GError     *error,
            const char *path)
{
  if (error == NULL)
    return bad_response (path, _("could not be read"));

  if (path != NULL && !g_str_has_prefix (error->message, path))
    g_prefix_error (&error, "%s.", path);

  return error;
}

static GObject *
parse_item (Call        *call,
            JsonNode    *node,
            const char  *path,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GObject *item;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_propagate_error (error, bad_response (path != NULL ? path : _("answer"),
                                              _("expected an object")));
      return NULL;
    }

  item = call->parse (json_node_get_object (node), path, &local_error);
  if (item == NULL)
    {
      g_propagate_error (error, item_error (g_steal_pointer (&local_error), path));
      return NULL;
    }

  return item;
}

static gboolean
get_count (JsonObject  *object,
           const char  *member,
           gboolean     required,
           guint        fallback,
           guint       *out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  double value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          g_propagate_error (error, bad_response (member, _("missing")));
          return FALSE;
        }
      *out = fallback;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    {
      g_propagate_error (error, bad_response (member, _("expected a number")));
      return FALSE;
    }

  value = json_node_get_double (node);
  if (!isfinite (value) || value < 0 || value > G_MAXUINT)
    {
      g_propagate_error (error, bad_response (member, _("out of range")));
      return FALSE;
    }

  *out = (guint) value;
  return TRUE;
}

static AttPage *
read_page (Call      *call,
           JsonNode  *root,
           GError   **error)
{
  g_autoptr(GListStore) store = g_list_store_new (call->item_type);
  JsonObject *object;
  JsonNode *results;
  JsonArray *array;
  guint from, size, total, n;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_propagate_error (error, bad_response (NULL, _("The server’s answer is not a JSON object")));
      return NULL;
    }

  object = json_node_get_object (root);
  results = json_object_get_member (object, "results");
  if (results == NULL || !JSON_NODE_HOLDS_ARRAY (results))
    {
      g_propagate_error (error, bad_response ("results", _("expected an array")));
      return NULL;
    }

  if (!get_count (object, "total", TRUE, 0, &total, error) ||
      !get_count (object, "from", FALSE, call->from, &from, error) ||
      !get_count (object, "size", FALSE, call->size, &size, error))
    return NULL;

  array = json_node_get_array (results);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("results[%u]", i);
      g_autoptr(GObject) item = parse_item (call, json_array_get_element (array, i), path, error);

      if (item == NULL)
        return NULL;
      g_list_store_append (store, item);
    }

  /* A total smaller than what this page holds would hide rows. */
  if ((guint64) from + n > total)
    total = (guint) MIN ((guint64) from + n, G_MAXUINT);

  return att_page_new (from, size, total, G_LIST_MODEL (store));
}

static GObject *
read_one_of (Call      *call,
             JsonNode  *root,
             GError   **error)
{
  g_autoptr(AttPage) page = read_page (call, root, error);
  GListModel *items;

  if (page == NULL)
    return NULL;

  /* Trust the id filter only as far as we can check it. */
  items = att_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (items, i);

      if (g_strcmp0 (att_product_get_id (product), call->id) == 0)
        return G_OBJECT (g_steal_pointer (&product));
    }

  {
    GError *not_found = g_error_new_literal (ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND,
                                             _("The product was not found on the server"));

    att_api_error_set_details (not_found, 0, NULL, -1);
    g_propagate_error (error, not_found);
  }
  return NULL;
}

static GListModel *
read_list (Call      *call,
           JsonNode  *root,
           GError   **error)
{
  g_autoptr(GListStore) store = g_list_store_new (call->item_type);
  JsonArray *array;
  guint n;

  /* Tolerate a list wrapped in a page, as some endpoints answer. */
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *results = json_object_get_member (json_node_get_object (root), "results");

      if (results != NULL && JSON_NODE_HOLDS_ARRAY (results))
        root = results;
    }

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_propagate_error (error, bad_response (NULL, _("The server’s answer is not a JSON array")));
      return NULL;
    }

  array = json_node_get_array (root);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("[%u]", i);
      g_autoptr(GObject) item = parse_item (call, json_array_get_element (array, i), path, error);

      if (item == NULL)
        return NULL;
      g_list_store_append (store, item);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* --- Authentication ---------------------------------------------------- */

/* The sandbox says which credential it refused in a `reason` member; the
 * real Higg error body is not documented, so its absence is normal. */
static const char *
unauthorized_reason (JsonNode *error_body)
{
  JsonObject *object;
  JsonNode *node;

  if (error_body == NULL || !JSON_NODE_HOLDS_OBJECT (error_body))
    return NULL;

  object = json_node_get_object (error_body);
  node = json_object_get_member (object, "reason");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* The server refused the credentials twice in a row: tell the user which
 * key to look at.  The message names keys, never their values. */
static GError *
unauthorized_error_new (JsonNode *error_body)
{
  const char *reason = unauthorized_reason (error_body);
  const char *message;
  GError *error;

  if (g_strcmp0 (reason, "api-key") == 0)
    message = _("The Higg server did not accept the API key. Check the API key of the account.");
  else if (g_strcmp0 (reason, "token") == 0)
    message = _("The Higg server did not accept the request token. Check the integration key "
                "and the developer public key of the account.");
  else if (g_strcmp0 (reason, "token-expired") == 0)
    message = _("The Higg server found the request token too old or dated in the future. "
                "Check this computer’s clock.");
  else
    message = _("The Higg server did not accept the credentials. Check the API key, the "
                "integration key and the developer public key of the account.");

  error = g_error_new_literal (ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED, message);
  att_api_error_set_details (error, SOUP_STATUS_UNAUTHORIZED, NULL, -1);
  return error;
}

static void on_answer (GObject      *source_object,
                       GAsyncResult *result,
                       gpointer      user_data);

/* Sends (or sends again) the request of @task, with fresh credentials. */
static void
send_attempt (GTask *task)
{
  AttHiggClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(SoupMessageHeaders) headers = NULL;

  if (call->auth != NULL)
    {
      g_autoptr(GError) error = NULL;

      headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
      if (!att_higg_auth_apply (call->auth, headers, call->renewed, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  att_http_send_json_async (self->http, call->method, call->url, call->body, headers,
                            call->idempotent, g_task_get_cancellable (task),
                            on_answer, g_object_ref (task));
}

static void
on_answer (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) error_body = NULL;
  g_autoptr(GError) error = NULL;
  gpointer answer = NULL;

  root = att_http_send_json_finish_full (ATT_HTTP (source_object), result, &error_body, &error);
  if (root == NULL)
    {
      if (g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED))
        {
          /* A token can be refused before its time (say, the server's
           * clock differs): one new token, one more try. */
          if (call->auth != NULL && !call->renewed)
            {
              g_debug ("%s %s%s: unauthorized, sending again with a new request token",
                       call->method, API_PREFIX, call->path);
              call->renewed = TRUE;
              send_attempt (task);
              return;
            }

          g_clear_error (&error);
          error = unauthorized_error_new (error_body);
        }

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  switch (call->kind)
    {
    case ANSWER_PAGE:
      answer = read_page (call, root, &error);
      break;

    case ANSWER_ONE_OF:
      answer = read_one_of (call, root, &error);
      break;

    case ANSWER_OBJECT:
      answer = parse_item (call, root, NULL, &error);
      break;

    case ANSWER_LIST:
      answer = read_list (call, root, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (answer == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, answer, g_object_unref);
}

/* A request may be sent twice (after a 401): it keeps its own copy of the
 * body, so that the caller changing its objects meanwhile cannot make the
 * second request differ from the first. */
static JsonNode *
copy_body (JsonNode *body)
{
  g_autofree char *text = json_to_string (body, FALSE);
  JsonNode *copy = json_from_string (text, NULL);

  /* Only a body json-glib cannot read back (say, with a NaN in it) gets
   * here; it is sent as it is, and the server will refuse it. */
  if (copy == NULL)
    return json_node_ref (body);

  json_node_seal (copy);
  return copy;
}

/* Sends one API call; @call (transfer full) says how to read the answer. */
static void
send_call (AttHiggClient       *self,
           const char          *method,
           const char          *path,
           JsonNode            *body,
           gboolean             idempotent,
           Call                *call,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data,
           gpointer             source_tag)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  call->method = g_strdup (method);
  call->path = g_strdup (path);
  call->url = g_strconcat (self->base_url, API_PREFIX, path, NULL);
  call->body = body != NULL ? copy_body (body) : NULL;
  call->idempotent = idempotent;
  call->auth = self->auth != NULL ? g_object_ref (self->auth) : NULL;

  send_attempt (task);
}

static gpointer
finish_call (AttHiggClient  *self,
             GAsyncResult   *result,
             gpointer        source_tag,
             GError        **error)
{
  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static JsonNode *
build_product_search (const char         *text,
                      const char * const *ids,
                      guint               from,
                      guint               size)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_int_value (builder, from);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, size);

  if (text != NULL && *text != '\0')
    {
      json_builder_set_member_name (builder, "textSearch");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, text);
      json_builder_end_array (builder);
    }

  if (ids != NULL)
    {
      json_builder_set_member_name (builder, "id");
      json_builder_begin_array (builder);
      for (guint i = 0; ids[i] != NULL; i++)
        json_builder_add_string_value (builder, ids[i]);
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* --- Products ---------------------------------------------------------- */

/**
 * att_higg_client_search_products_async:
 * @text: (nullable): words to look for; %NULL or empty for all products
 * @ids: (nullable) (array zero-terminated=1): only these product ids; an
 *   empty array matches nothing
 * @from: the offset of the first result
 * @size: the page size
 *
 * Searches products (`POST /products/search`). Idempotent: may be retried.
 */
void
att_higg_client_search_products_async (AttHiggClient       *self,
                                       const char          *text,
                                       const char * const  *ids,
                                       guint                from,
                                       guint                size,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  Call *call;

  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* An empty id list matches nothing; a server might read `"id": []` as
   * no filter at all, so it is not asked. */
  if (ids != NULL && ids[0] == NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
      g_autoptr(GListStore) none = g_list_store_new (ATT_TYPE_PRODUCT);

      g_task_set_source_tag (task, SOURCE_TAG (att_higg_client_search_products_async));
      g_task_return_pointer (task, att_page_new (from, size, 0, G_LIST_MODEL (none)),
                             g_object_unref);
      return;
    }

  body = build_product_search (text, ids, from, size);
  call = call_new (ANSWER_PAGE, ATT_TYPE_PRODUCT, parse_product);
  call->from = from;
  call->size = size;
  send_call (self, SOUP_METHOD_POST, "/products/search", body, TRUE, call,
             cancellable, callback, user_data, SOURCE_TAG (att_higg_client_search_products_async));
}

/**
 * att_higg_client_search_products_finish:
 *
 * Returns: (transfer full): a page of #AttProduct, or %NULL with @error set
 */
AttPage *
att_higg_client_search_products_finish (AttHiggClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return finish_call (self, result, SOURCE_TAG (att_higg_client_search_products_async), error);
}

/**
 * att_higg_client_get_product_async:
 * @id: a product `_id`
 *
 * Reads one product. The API has no read-by-id call, so this searches by id;
 * no match fails with %ATT_API_ERROR_NOT_FOUND.
 */
void
att_higg_client_get_product_async (AttHiggClient       *self,
                                   const char          *id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  const char *ids[] = { id, NULL };
  g_autoptr(JsonNode) body = NULL;
  Call *call;

  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  body = build_product_search (NULL, ids, 0, 1);
  call = call_new (ANSWER_ONE_OF, ATT_TYPE_PRODUCT, parse_product);
  call->size = 1;
  call->id = g_strdup (id);
  send_call (self, SOUP_METHOD_POST, "/products/search", body, TRUE, call,
             cancellable, callback, user_data, SOURCE_TAG (att_higg_client_get_product_async));
}

/**
 * att_higg_client_get_product_finish:
 *
 * Returns: (transfer full): the product, or %NULL with @error set
 */
AttProduct *
att_higg_client_get_product_finish (AttHiggClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return finish_call (self, result, SOURCE_TAG (att_higg_client_get_product_async), error);
}

static JsonNode *
node_for_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return node;
}

/**
 * att_higg_client_create_product_async:
 * @body: the create request (api-higg.md §3.1)
 *
 * Creates a product. Never retried: the server may have stored it even if
 * the answer was lost.
 */
void
att_higg_client_create_product_async (AttHiggClient       *self,
                                      JsonObject          *body,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (body != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  node = node_for_object (body);
  send_call (self, SOUP_METHOD_POST, "/products/create", node, FALSE,
             call_new (ANSWER_OBJECT, ATT_TYPE_PRODUCT, parse_product),
             cancellable, callback, user_data, SOURCE_TAG (att_higg_client_create_product_async));
}

/**
 * att_higg_client_create_product_finish:
 *
 * Returns: (transfer full): the product as stored, or %NULL with @error set
 */
AttProduct *
att_higg_client_create_product_finish (AttHiggClient  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  return finish_call (self, result, SOURCE_TAG (att_higg_client_create_product_async), error);
}

/**
 * att_higg_client_update_product_async:
 * @id: the product `_id`
 * @command: the update command (api-higg.md §3.2): omitted fields stay,
 *   lists replace, purchase orders are added, updated and removed by
 *   `addPurchaseOrder`, `updatePurchaseOrder` and `removePurchaseOrder`
 *
 * Updates a product. Never retried: adding a purchase order twice would
 * store it twice.
 */
void
att_higg_client_update_product_async (AttHiggClient       *self,
                                      const char          *id,
                                      JsonObject          *command,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (id != NULL && *id != '\0');
  g_return_if_fail (command != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  node = node_for_object (command);
  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strconcat ("/products/update/", escaped, NULL);
  send_call (self, SOUP_METHOD_POST, path, node, FALSE,
             call_new (ANSWER_OBJECT, ATT_TYPE_PRODUCT, parse_product),
             cancellable, callback, user_data, SOURCE_TAG (att_higg_client_update_product_async));
}

/**
 * att_higg_client_update_product_finish:
 *
 * Returns: (transfer full): the product as stored, or %NULL with @error set
 */
AttProduct *
att_higg_client_update_product_finish (AttHiggClient  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  return finish_call (self, result, SOURCE_TAG (att_higg_client_update_product_async), error);
}

/* --- Catalogues -------------------------------------------------------- */

static void
search_catalog (AttHiggClient       *self,
                const char          *path,
                const char          *text,
                guint                from,
                guint                size,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data,
                gpointer             source_tag)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  Call *call;

  size = MIN (size, MAX_CATALOG_PAGE_SIZE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_int_value (builder, from);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, size);
  if (text != NULL && *text != '\0')
    {
      json_builder_set_member_name (builder, "textSearch");
      json_builder_add_string_value (builder, text);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  call = call_new (ANSWER_PAGE, ATT_TYPE_CATALOG_ITEM, parse_catalog_item);
  call->from = from;
  call->size = size;
  send_call (self, SOUP_METHOD_POST, path, body, TRUE, call,
             cancellable, callback, user_data, source_tag);
}

/**
 * att_higg_client_search_materials_async:
 * @text: (nullable): words to look for in the name
 * @size: the page size, at most 50 (larger values are reduced)
 *
 * Searches the material catalogue. Idempotent.
 */
void
att_higg_client_search_materials_async (AttHiggClient       *self,
                                        const char          *text,
                                        guint                from,
                                        guint                size,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  search_catalog (self, "/materials/search", text, from, size, cancellable, callback,
                  user_data, SOURCE_TAG (att_higg_client_search_materials_async));
}

/**
 * att_higg_client_search_materials_finish:
 *
 * Returns: (transfer full): a page of #AttCatalogItem, or %NULL with @error set
 */
AttPage *
att_higg_client_search_materials_finish (AttHiggClient  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  return finish_call (self, result, SOURCE_TAG (att_higg_client_search_materials_async), error);
}

/**
 * att_higg_client_search_components_async:
 * @text: (nullable): words to look for in the name
 * @size: the page size, at most 50 (larger values are reduced)
 *
 * Searches the component catalogue (buttons, zips, trims...). Idempotent.
 */
void
att_higg_client_search_components_async (AttHiggClient       *self,
                                         const char          *text,
                                         guint                from,
                                         guint                size,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  search_catalog (self, "/components/search", text, from, size, cancellable, callback,
                  user_data, SOURCE_TAG (att_higg_client_search_components_async));
}

/**
 * att_higg_client_search_components_finish:
 *
 * Returns: (transfer full): a page of #AttCatalogItem, or %NULL with @error set
 */
AttPage *
att_higg_client_search_components_finish (AttHiggClient  *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  return finish_call (self, result, SOURCE_TAG (att_higg_client_search_components_async), error);
}

/**
 * att_higg_client_search_packaging_async:
 * @text: (nullable): words to look for in the name
 * @size: the page size, at most 50 (larger values are reduced)
 *
 * Searches the packaging catalogue. Idempotent.
 */
void
att_higg_client_search_packaging_async (AttHiggClient       *self,
                                        const char          *text,
                                        guint                from,
                                        guint                size,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  search_catalog (self, "/packaging/search", text, from, size, cancellable, callback,
                  user_data, SOURCE_TAG (att_higg_client_search_packaging_async));
}

/**
 * att_higg_client_search_packaging_finish:
 *
 * Returns: (transfer full): a page of #AttCatalogItem, or %NULL with @error set
 */
AttPage *
att_higg_client_search_packaging_finish (AttHiggClient  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  return finish_call (self, result, SOURCE_TAG (att_higg_client_search_packaging_async), error);
}

/**
 * att_higg_client_list_countries_async:
 *
 * Lists the locations accepted for the French eco-score
 * (`GET /french-label-manufacturing-countries`). Idempotent.
 */
void
att_higg_client_list_countries_async (AttHiggClient       *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  send_call (self, SOUP_METHOD_GET, "/french-label-manufacturing-countries", NULL, TRUE,
             call_new (ANSWER_LIST, ATT_TYPE_COUNTRY, parse_country),
             cancellable, callback, user_data, SOURCE_TAG (att_higg_client_list_countries_async));
}

/**
 * att_higg_client_list_countries_finish:
 *
 * Returns: (transfer full): a list of #AttCountry, or %NULL with @error set
 */
GListModel *
att_higg_client_list_countries_finish (AttHiggClient  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  return finish_call (self, result, SOURCE_TAG (att_higg_client_list_countries_async), error);
}

/* --- The product list -------------------------------------------------- */

typedef struct
{
  AttHiggClient *client;
  char          *text;
} ProductModelData;

static void
product_model_data_free (ProductModelData *data)
{
  g_clear_object (&data->client);
  g_free (data->text);
  g_free (data);
}

static void
product_model_fetch (guint                from,
                     guint                size,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             callback_data,
                     gpointer             user_data)
{
  ProductModelData *data = user_data;

  att_higg_client_search_products_async (data->client, data->text, NULL, from, size,
                                         cancellable, callback, callback_data);
}

static AttPage *
product_model_finish (GAsyncResult  *result,
                      GError       **error,
                      gpointer       user_data)
{
  ProductModelData *data = user_data;

  return att_higg_client_search_products_finish (data->client, result, error);
}

/**
 * att_higg_client_create_product_model:
 * @text: (nullable): words to look for; %NULL or empty for all products
 * @page_size: how many products to fetch at a time
 *
 * Returns: (transfer full): a list of #AttProduct that fetches pages as they
 *   are shown
 */
AttPagedModel *
att_higg_client_create_product_model (AttHiggClient *self,
                                      const char    *text,
                                      guint          page_size)
{
  ProductModelData *data;

  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (self), NULL);
  g_return_val_if_fail (page_size > 0, NULL);

  data = g_new0 (ProductModelData, 1);
  data->client = g_object_ref (self);
  data->text = g_strdup (text);

  return att_paged_model_new (ATT_TYPE_PRODUCT, page_size,
                              product_model_fetch, product_model_finish,
                              data, (GDestroyNotify) product_model_data_free);
}

/* --- GObject ----------------------------------------------------------- */

static void
att_higg_client_dispose (GObject *object)
{
  AttHiggClient *self = (AttHiggClient *) object;

  g_clear_object (&self->http);
  g_clear_object (&self->auth);

  G_OBJECT_CLASS (att_higg_client_parent_class)->dispose (object);
}

static void
att_higg_client_finalize (GObject *object)
{
  AttHiggClient *self = (AttHiggClient *) object;

  g_clear_pointer (&self->base_url, g_free);

  G_OBJECT_CLASS (att_higg_client_parent_class)->finalize (object);
}

static void
att_higg_client_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AttHiggClient *self = ATT_HIGG_CLIENT (object);

  switch (prop_id)
    {
    case PROP_HTTP:
      g_value_set_object (value, self->http);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_AUTH:
      g_value_set_object (value, self->auth);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_higg_client_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AttHiggClient *self = ATT_HIGG_CLIENT (object);

  switch (prop_id)
    {
    case PROP_HTTP:
      self->http = g_value_dup_object (value);
      break;

    case PROP_BASE_URL:
      {
        const char *url = g_value_get_string (value);
        gsize len = url != NULL ? strlen (url) : 0;

        /* Paths are appended with their leading slash. */
        while (len > 0 && url[len - 1] == '/')
          len--;
        g_free (self->base_url);
        self->base_url = g_strndup (url != NULL ? url : "", len);
      }
      break;

    case PROP_AUTH:
      att_higg_client_set_auth (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_higg_client_constructed (GObject *object)
{
  AttHiggClient *self = (AttHiggClient *) object;

  G_OBJECT_CLASS (att_higg_client_parent_class)->constructed (object);

  if (self->http == NULL)
    self->http = att_http_new ();
  if (self->base_url == NULL)
    self->base_url = g_strdup ("");
}

static void
att_higg_client_class_init (AttHiggClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = att_higg_client_constructed;
  object_class->dispose = att_higg_client_dispose;
  object_class->finalize = att_higg_client_finalize;
  object_class->get_property = att_higg_client_get_property;
  object_class->set_property = att_higg_client_set_property;

  properties[PROP_HTTP] =
    g_param_spec_object ("http", NULL, NULL,
                         ATT_TYPE_HTTP,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AttHiggClient:base-url:
   *
   * The server, e.g. `https://api-v2.production.higg.org`, without the
   * `/pic-api/v1` path.
   */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AttHiggClient:auth:
   *
   * The credentials sent with every request, or %NULL to send none (the
   * server then answers 401).  A change applies to calls started after it.
   */
  properties[PROP_AUTH] =
    g_param_spec_object ("auth", NULL, NULL,
                         ATT_TYPE_HIGG_AUTH,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_higg_client_init (AttHiggClient *self)
{
}

/**
 * att_higg_client_new:
 * @http: the shared pipeline
 * @base_url: the server, e.g. `https://api-v2.production.higg.org`
 *
 * Returns: (transfer full): a new client
 */
AttHiggClient *
att_higg_client_new (AttHttp    *http,
                     const char *base_url)
{
  g_return_val_if_fail (ATT_IS_HTTP (http), NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (ATT_TYPE_HIGG_CLIENT,
                       "http", http,
                       "base-url", base_url,
                       NULL);
}

/**
 * att_higg_client_get_base_url:
 *
 * Returns: (transfer none): the server address, without a trailing slash
 */
const char *
att_higg_client_get_base_url (AttHiggClient *self)
{
  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (self), NULL);

  return self->base_url;
}

/**
 * att_higg_client_get_http:
 *
 * Returns: (transfer none): the pipeline the client sends through
 */
AttHttp *
att_higg_client_get_http (AttHiggClient *self)
{
  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (self), NULL);

  return self->http;
}

/**
 * att_higg_client_set_auth:
 * @auth: (nullable): the account's credentials, or %NULL for none
 *
 * Sets the credentials sent with every request started from now on.
 */
void
att_higg_client_set_auth (AttHiggClient *self,
                          AttHiggAuth   *auth)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (auth == NULL || ATT_IS_HIGG_AUTH (auth));

  if (g_set_object (&self->auth, auth))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTH]);
}

/**
 * att_higg_client_get_auth:
 *
 * Returns: (transfer none) (nullable): the credentials sent with requests
 */
AttHiggAuth *
att_higg_client_get_auth (AttHiggClient *self)
{
  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (self), NULL);

  return self->auth;
}
