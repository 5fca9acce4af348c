/* att-higg-client-call.c: sending one Higg API call and reading its answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What every call of #AttHiggClient goes through: the credentials on each
 * request, one more try with a new token after a 401, one more after its
 * sandbox connection signed in again, and the checks an answer must pass (a
 * page, one item of a page, an object or a list) before it is believed. */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "att-error.h"
#include "att-higg-client-private.h"
#include "att-http.h"
#include "att-page.h"
#include "att-product.h"
#include "att-sandbox-connection.h"

/* Where the PIC calls live; the certification and PM calls say where
 * theirs do (att_higg_client_call_set_api()). */
#define PIC_API_PREFIX "/pic-api/v1"

/* How to send one call, again after a 401, and how to read its answer. */
struct _Call
{
  AnswerKind      kind;
  GType           item_type;
  ItemParser      parse;
  guint           from;
  guint           size;
  char           *id;
  const char     *unreadable; /* what to tell a user about a row that fails */

  const char     *api;               /* the path prefix, e.g. "/pic-api/v1" */
  gboolean        skip_long_strings; /* in the answer, read as "" */
  gboolean        read_error_body;   /* a 400's body may be the answer */
  AttProgressFunc progress;          /* hears the body go out, if set */
  gpointer        progress_data;

  char           *method;
  char           *path;
  GBytes         *body;
  gboolean        idempotent;
  AttHiggAuth    *auth;        /* as it was when the call started */
  gboolean        renewed;     /* the token was remade after a 401 */
  gboolean        recovered;   /* the sandbox connection signed in again */
  gboolean        lost_server; /* ... after the demo's server died */
  guint           generation;  /* of the sandbox connection, when sent */
};

void
att_higg_client_call_free (Call *call)
{
  g_free (call->id);
  g_free (call->method);
  g_free (call->path);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_clear_object (&call->auth);
  g_free (call);
}

Call *
att_higg_client_call_new (AnswerKind  kind,
                          GType       item_type,
                          ItemParser  parse,
                          guint       from,
                          guint       size,
                          const char *id)
{
  Call *call = g_new0 (Call, 1);

  call->kind = kind;
  call->item_type = item_type;
  call->parse = parse;
  call->from = from;
  call->size = size;
  call->id = g_strdup (id);
  call->api = PIC_API_PREFIX;
  return call;
}

/**
 * att_higg_client_call_set_api:
 * @api: a static path prefix, such as "/certification-api" or
 *   "/pm-api/v1"; the default is "/pic-api/v1"
 *
 * Which of the Higg APIs the call's path is under.
 */
void
att_higg_client_call_set_api (Call       *call,
                              const char *api)
{
  call->api = api;
}

/**
 * att_higg_client_call_set_skip_long_strings:
 *
 * Reads the answer's strings longer than 64 KiB as empty strings, dropped
 * as the answer arrives: for answers that echo a large upload.
 */
void
att_higg_client_call_set_skip_long_strings (Call    *call,
                                            gboolean skip)
{
  call->skip_long_strings = skip;
}

/**
 * att_higg_client_call_set_read_error_body:
 *
 * Reads the JSON body of a 400 answer as the answer when it reads as one,
 * for an endpoint that reports per-item failures with 400
 * (french-label/publish, §3.10); any other 400 stays an error.
 */
void
att_higg_client_call_set_read_error_body (Call    *call,
                                          gboolean read)
{
  call->read_error_body = read;
}

/**
 * att_higg_client_call_set_progress:
 * @progress: (nullable): hears how much of the body each attempt has sent,
 *   on the call's main context
 * @progress_data: for @progress; must stay valid until the call completes
 */
void
att_higg_client_call_set_progress (Call           *call,
                                   AttProgressFunc progress,
                                   gpointer        progress_data)
{
  call->progress = progress;
  call->progress_data = progress_data;
}

/**
 * att_higg_client_call_set_unreadable:
 * @message: (not nullable): a translated sentence for a user, such as "The
 *   server sent a product Attest cannot read"; a static string
 *
 * What a page answer says about a row it cannot read.
 */
void
att_higg_client_call_set_unreadable (Call       *call,
                                     const char *message)
{
  call->unreadable = message;
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
    return bad_response (path, _ ("could not be read"));

  if (path != NULL && !g_str_has_prefix (error->message, path))
    g_prefix_error (&error, "%s.", path);

  return error;
}

static GObject *
parse_item (Call       *call,
            JsonNode   *node,
            const char *path,
            GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  GObject *item;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_propagate_error (error, bad_response (path != NULL ? path : _ ("answer"),
                                              _ ("expected an object")));
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
get_count (JsonObject *object,
           const char *member,
           gboolean    required,
           guint       fallback,
           guint      *out,
           GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  double    value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          g_propagate_error (error, bad_response (member, _ ("missing")));
          return FALSE;
        }
      *out = fallback;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    {
      g_propagate_error (error, bad_response (member, _ ("expected a number")));
      return FALSE;
    }

  value = json_node_get_double (node);
  if (!isfinite (value) || value < 0 || value > G_MAXUINT)
    {
      g_propagate_error (error, bad_response (member, _ ("out of range")));
      return FALSE;
    }

  *out = (guint) value;
  return TRUE;
}

/* Rows that were read have no error. */
static void
free_row_error (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

/* A row that does not parse: the user is told in words of the item's kind,
 * and the failing field stays in the details for whoever reports it. */
static GError *
row_error_new (Call       *call,
               GError     *parse_error,
               const char *path)
{
  g_autoptr(GPtrArray) details = att_field_error_array_new ();
  GError *error;

  g_ptr_array_add (details, att_field_error_new (path, parse_error->message));
  error = g_error_new_literal (ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE,
                               call->unreadable != NULL
                                 ? call->unreadable
                                 : _ ("The server sent an item Attest cannot read"));
  att_api_error_set_details (error, 0, details, -1);
  return error;
}

/* Reads every row of a page.  A row that fails keeps its place as a
 * placeholder with an error, so that the page still holds as many rows as
 * the server sent and the others are shown. */
static GListModel *
read_rows (Call       *call,
           const char *member,
           JsonArray  *array,
           GPtrArray **out_row_errors)
{
  g_autoptr(GListStore) store = g_list_store_new (call->item_type);
  g_autoptr(GPtrArray) row_errors = NULL;
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) item = parse_item (call, json_array_get_element (array, i), path, &error);

      if (item == NULL)
        {
          if (row_errors == NULL)
            {
              row_errors = g_ptr_array_new_full (n, free_row_error);
              g_ptr_array_set_size (row_errors, n);
            }
          g_ptr_array_index (row_errors, i) = row_error_new (call, error, path);
          item = g_object_new (call->item_type, NULL);
        }
      g_list_store_append (store, item);
    }

  *out_row_errors = g_steal_pointer (&row_errors);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static AttPage *
read_page (Call     *call,
           JsonNode *root,
           GError  **error)
{
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  JsonObject *object;
  JsonNode   *results;
  const char *member;
  guint       from, size, total, n;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_propagate_error (error, bad_response (NULL, _ ("The server’s answer is not a JSON object")));
      return NULL;
    }

  /* PIC answers a page in `results`, PM search in `hits` (§3.3, §4.1). */
  object = json_node_get_object (root);
  member = json_object_has_member (object, "results") || !json_object_has_member (object, "hits")
             ? "results"
             : "hits";
  results = json_object_get_member (object, member);
  if (results == NULL || !JSON_NODE_HOLDS_ARRAY (results))
    {
      g_propagate_error (error, bad_response (member, _ ("expected an array")));
      return NULL;
    }

  if (!get_count (object, "total", TRUE, 0, &total, error) ||
      !get_count (object, "from", FALSE, call->from, &from, error) ||
      !get_count (object, "size", FALSE, call->size, &size, error))
    return NULL;

  items = read_rows (call, member, json_node_get_array (results), &row_errors);
  n = g_list_model_get_n_items (items);

  /* A total smaller than what this page holds would hide rows. */
  if ((guint64) from + n > total)
    total = (guint) MIN ((guint64) from + n, G_MAXUINT);

  return att_page_new_full (from, size, total, items, row_errors);
}

static GObject *
read_one_of (Call     *call,
             JsonNode *root,
             GError  **error)
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

  /* The product may be the row that could not be read. */
  if (att_page_get_n_row_errors (page) > 0)
    {
      g_propagate_error (error, g_error_copy (att_page_get_first_row_error (page)));
      return NULL;
    }

  {
    GError *not_found = g_error_new_literal (ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND,
                                             _ ("The product was not found on the server"));

    att_api_error_set_details (not_found, 0, NULL, -1);
    g_propagate_error (error, not_found);
  }
  return NULL;
}

static GListModel *
read_list (Call     *call,
           JsonNode *root,
           GError  **error)
{
  static const char *const page_members[] = { "results", "hits" };
  g_autoptr(GListStore) store = g_list_store_new (call->item_type);
  JsonArray *array;
  guint      n;

  /* Tolerate a list wrapped in a page, as some endpoints answer. */
  for (guint i = 0; i < G_N_ELEMENTS (page_members) && JSON_NODE_HOLDS_OBJECT (root); i++)
    {
      JsonNode *results = json_object_get_member (json_node_get_object (root), page_members[i]);

      if (results != NULL && JSON_NODE_HOLDS_ARRAY (results))
        root = results;
    }

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_propagate_error (error, bad_response (NULL, _ ("The server’s answer is not a JSON array")));
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

#define STRINGS_KEY "att-higg-strings"

GStrv
att_higg_client_take_strings (GObject *answer)
{
  g_autoptr(GObject) carrier = answer;

  g_return_val_if_fail (G_IS_OBJECT (answer), NULL);

  return g_object_steal_data (carrier, STRINGS_KEY);
}

/* The array of strings in @root: the array itself, or the `sizes` or
 * `results` member of an object wrapping it, as an undocumented list
 * endpoint may answer either way. */
static JsonArray *
strings_array (JsonNode *root)
{
  static const char *const wrappers[] = { "sizes", "results" };

  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_node_get_array (root);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (wrappers); i++)
    {
      JsonNode *member = json_object_get_member (json_node_get_object (root), wrappers[i]);

      if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
        return json_node_get_array (member);
    }
  return NULL;
}

static GObject *
read_strings (JsonNode *root,
              GError  **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array = strings_array (root);
  GObject   *carrier;

  if (array == NULL)
    {
      g_propagate_error (error, bad_response (NULL, _ ("The server’s answer is not a JSON array")));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_autofree char *path = g_strdup_printf ("[%u]", i);

          g_propagate_error (error, bad_response (path, _ ("expected a string")));
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  carrier = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data_full (carrier, STRINGS_KEY, g_strv_builder_end (builder),
                          (GDestroyNotify) g_strfreev);
  return carrier;
}

/* --- Authentication ---------------------------------------------------- */

/* The sandbox says which credential it refused in a `reason` member; the
 * real Higg error body is not documented, so its absence is normal. */
static const char *
unauthorized_reason (JsonNode *error_body)
{
  JsonObject *object;
  JsonNode   *node;

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
  GError     *error;

  if (g_strcmp0 (reason, "api-key") == 0)
    message = _ ("The Higg server did not accept the API key. Check the API key of the account.");
  else if (g_strcmp0 (reason, "token") == 0)
    message = _ ("The Higg server did not accept the request token. Check the integration key "
                 "and the developer public key of the account.");
  else if (g_strcmp0 (reason, "token-expired") == 0)
    message = _ ("The Higg server found the request token too old or dated in the future. "
                 "Check this computer’s clock.");
  else
    message = _ ("The Higg server did not accept the credentials. Check the API key, the "
                 "integration key and the developer public key of the account.");

  error = g_error_new_literal (ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED, message);
  att_api_error_set_details (error, SOUP_STATUS_UNAUTHORIZED, NULL, -1);
  return error;
}

static void on_answer (GObject      *source_object,
                       GAsyncResult *result,
                       gpointer      user_data);

/* Runs where the answer was parsed, in a worker thread for a large one:
 * only @call, which nothing changes while a request is out, is read. */
static GObject *
read_answer (JsonNode *root,
             gpointer  user_data,
             GError  **error)
{
  Call *call = user_data;

  switch (call->kind)
    {
    case ANSWER_PAGE:
      return G_OBJECT (read_page (call, root, error));

    case ANSWER_ONE_OF:
      return read_one_of (call, root, error);

    case ANSWER_OBJECT:
      return parse_item (call, root, NULL, error);

    case ANSWER_LIST:
      return G_OBJECT (read_list (call, root, error));

    case ANSWER_STRINGS:
      return read_strings (root, error);

    default:
      g_assert_not_reached ();
    }
}

/* Sends (or sends again) the request of @task, with fresh credentials. */
static void
send_attempt (GTask *task)
{
  AttHiggClient        *self = g_task_get_source_object (task);
  Call                 *call = g_task_get_task_data (task);
  AttSandboxConnection *connection = att_higg_client_get_sandbox_connection (self);
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autofree char *url = NULL;

  if (connection != NULL)
    call->generation = att_sandbox_connection_get_generation (connection);

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

  /* The base URL is read each time: a restarted demo server has a new one.
   * The task holds @call until on_answer(), after any reading thread. */
  url = g_strconcat (att_higg_client_get_base_url (self), call->api, call->path, NULL);
  att_http_send_bytes_read_async (att_higg_client_get_http (self),
                                  call->method, url, call->body, headers,
                                  (call->idempotent ? ATT_HTTP_SEND_IDEMPOTENT : 0) |
                                    (call->skip_long_strings ? ATT_HTTP_SEND_SKIP_LONG_STRINGS : 0),
                                  read_answer, call,
                                  call->progress, call->progress_data,
                                  g_task_get_cancellable (task),
                                  on_answer, g_object_ref (task));
}

static gboolean
should_renew (Call         *call,
              const GError *error)
{
  return g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED) &&
         call->auth != NULL && !call->renewed;
}

static gboolean
should_recover (AttHiggClient *self,
                Call          *call,
                const GError  *error)
{
  return att_higg_client_get_sandbox_connection (self) != NULL && !call->recovered &&
         (g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED) ||
          g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_NETWORK));
}

/* The demo's server died with its data: a change sent again would apply to
 * the demo data as it was at the start, not to what the user saw. */
static GError *
server_restarted_error_new (void)
{
  GError *error = g_error_new_literal (ATT_API_ERROR, ATT_API_ERROR_NETWORK,
                                       _ ("The demo server stopped and was started again, with "
                                          "its demo data as it was at the start. The change was "
                                          "not saved: make it again."));

  att_api_error_set_details (error, 0, NULL, -1);
  return error;
}

static void
on_recovered (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AttHiggClient *self = g_task_get_source_object (task);
  Call          *call = g_task_get_task_data (task);
  GError        *error = NULL;

  if (!att_sandbox_connection_recover_finish (ATT_SANDBOX_CONNECTION (source_object),
                                              result, &error))
    g_task_return_error (task, error);
  else if (call->lost_server && !call->idempotent)
    g_task_return_error (task, server_restarted_error_new ());
  else
    {
      g_debug ("%s %s%s: signed in to the sandbox again, sending again",
               call->method, call->api, call->path);
      g_set_object (&call->auth, att_higg_client_get_auth (self));
      send_attempt (task);
    }
}

/* Asks the sandbox connection to sign in again after @error. */
static void
recover (GTask        *task,
         const GError *error)
{
  AttHiggClient *self = g_task_get_source_object (task);
  Call          *call = g_task_get_task_data (task);

  call->recovered = TRUE;
  call->lost_server = g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_NETWORK);
  att_sandbox_connection_recover_async (att_higg_client_get_sandbox_connection (self),
                                        self, error, call->generation,
                                        g_task_get_cancellable (task),
                                        on_recovered, g_object_ref (task));
}

static void
on_answer (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(JsonNode) error_body = NULL;
  g_autoptr(GError) error = NULL;
  GObject *answer;

  answer = att_http_send_bytes_read_finish (ATT_HTTP (source_object), result, &error_body, &error);
  if (answer == NULL && call->read_error_body && error_body != NULL &&
      att_api_error_get_http_status (error) == SOUP_STATUS_BAD_REQUEST)
    answer = read_answer (error_body, call, NULL);
  if (answer != NULL)
    {
      g_task_return_pointer (task, answer, g_object_unref);
      return;
    }

  /* A token can be refused before its time (say, the server's clock
   * differs): one new token, one more try. */
  if (should_renew (call, error))
    {
      g_debug ("%s %s%s: unauthorized, sending again with a new request token",
               call->method, call->api, call->path);
      call->renewed = TRUE;
      send_attempt (task);
      return;
    }

  if (g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED))
    {
      g_clear_error (&error);
      error = unauthorized_error_new (error_body);
    }

  if (should_recover (g_task_get_source_object (task), call, error))
    recover (task, error);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Sends one API call; @call (transfer full) says how to read the answer. */
void
att_higg_client_send_call (AttHiggClient      *self,
                           const char         *method,
                           const char         *path,
                           JsonNode           *body,
                           gboolean            idempotent,
                           Call               *call,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data,
                           gpointer            source_tag)
{
  /* A request may be sent twice (after a 401): it is serialized once, so
   * that the caller changing its objects meanwhile cannot make the second
   * request differ from the first. */
  g_autoptr(GBytes) bytes = body != NULL ? att_http_json_to_bytes (body) : NULL;

  att_higg_client_send_call_bytes (self, method, path, bytes, idempotent, call,
                                   cancellable, callback, user_data, source_tag);
}

/* Sends one API call whose body is already serialized (not copied: it
 * must not change until the call completes). */
void
att_higg_client_send_call_bytes (AttHiggClient      *self,
                                 const char         *method,
                                 const char         *path,
                                 GBytes             *body,
                                 gboolean            idempotent,
                                 Call               *call,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data,
                                 gpointer            source_tag)
{
  g_autoptr(GTask) task = NULL;
  AttHiggAuth *auth;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) att_higg_client_call_free);

  call->method = g_strdup (method);
  call->path = g_strdup (path);
  call->body = body != NULL ? g_bytes_ref (body) : NULL;
  call->idempotent = idempotent;
  auth = att_higg_client_get_auth (self);
  call->auth = auth != NULL ? g_object_ref (auth) : NULL;

  send_attempt (task);
}

gpointer
att_higg_client_finish_call (AttHiggClient *self,
                             GAsyncResult  *result,
                             gpointer       source_tag,
                             GError       **error)
{
  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
