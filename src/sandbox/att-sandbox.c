/* att-sandbox.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "att-error.h"

#include "att-sandbox.h"
#include "att-sandbox-api.h"
#include "att-sandbox-auth.h"
#include "att-sandbox-catalogue.h"
#include "att-sandbox-json.h"
#include "att-sandbox-request.h"
#include "att-sandbox-seed.h"
#include "att-sandbox-store.h"
#include "att-sandbox-util.h"

/*
 * AttSandbox serves the documented PIC endpoints over HTTP on 127.0.0.1.  It
 * runs on the thread-default main context of whoever creates it, so a test
 * can run client and server on one main loop: nothing here blocks waiting
 * for a client.  Added latency pauses the message and answers from a
 * timeout; storage is SQLite on the same thread (fast enough that a request
 * never stalls the loop noticeably).
 *
 * Every error, whatever its status, has one body:
 *   {"statusCode": 400, "error": "Bad Request", "message": "...",
 *    "details": [{"path": "materials[0].netUse", "message": "..."}]}
 * and a 401 also says which credential was refused:
 *   "reason": "api-key" | "token" | "token-expired"
 *
 * Every request under /pic-api/v1 is authenticated (att-sandbox-auth.c);
 * the control endpoints under /_sandbox/ are not, as the server only
 * listens on loopback.
 */

#define API_PREFIX "/pic-api/v1"
#define CONTROL_PREFIX "/_sandbox/"

/* Bodies above this size are refused with 413. */
#define MAX_BODY_SIZE (10 * 1024 * 1024)

#define TOO_LARGE_KEY "att-sandbox-too-large"
#define RECEIVED_KEY "att-sandbox-received"

typedef enum
{
  ROUTE_PRODUCTS_CREATE,
  ROUTE_PRODUCTS_UPDATE,
  ROUTE_PRODUCTS_SEARCH,
  ROUTE_MATERIALS_SEARCH,
  ROUTE_COMPONENTS_SEARCH,
  ROUTE_PACKAGING_SEARCH,
  ROUTE_COUNTRIES,
  ROUTE_FAULTS,
  ROUTE_DEMO_ACCOUNT,
} RouteId;

typedef struct
{
  RouteId     id;
  const char *method;
  const char *path;
  gboolean    is_prefix;
} Route;

static const Route routes[] = {
  { ROUTE_PRODUCTS_CREATE, "POST", API_PREFIX "/products/create", FALSE },
  { ROUTE_PRODUCTS_UPDATE, "POST", API_PREFIX "/products/update/", TRUE },
  { ROUTE_PRODUCTS_SEARCH, "POST", API_PREFIX "/products/search", FALSE },
  { ROUTE_MATERIALS_SEARCH, "POST", API_PREFIX "/materials/search", FALSE },
  { ROUTE_COMPONENTS_SEARCH, "POST", API_PREFIX "/components/search", FALSE },
  { ROUTE_PACKAGING_SEARCH, "POST", API_PREFIX "/packaging/search", FALSE },
  { ROUTE_COUNTRIES, "GET", API_PREFIX "/french-label-manufacturing-countries", FALSE },
  { ROUTE_FAULTS, "POST", CONTROL_PREFIX "faults", FALSE },
  { ROUTE_DEMO_ACCOUNT, "GET", CONTROL_PREFIX "demo-account", FALSE },
};

typedef struct
{
  AttSandbox        *self;
  SoupServerMessage *msg;
  char              *path;
  gint64             started;
  guint              timeout_id;
  gulong             disconnected_id;
} Pending;

struct _AttSandbox
{
  GObject              parent_instance;

  char                *db_path;
  char                *data_dir;
  AttSandboxAuth      *auth;
  AttSandboxStore     *store;
  AttSandboxCatalogue *catalogue;
  SoupServer          *server;
  char                *base_url;

  guint                latency_ms;
  guint                score_delay_ms;
  guint                fail_status;
  guint                fail_count;

  GPtrArray           *pending;
};

static void att_sandbox_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AttSandbox, att_sandbox, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      att_sandbox_initable_iface_init))

enum {
  PROP_0,
  PROP_DB_PATH,
  PROP_DATA_DIR,
  PROP_BASE_URL,
  PROP_LATENCY,
  PROP_SCORE_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pending_free (Pending *pending)
{
  g_clear_handle_id (&pending->timeout_id, g_source_remove);
  g_clear_signal_handler (&pending->disconnected_id, pending->msg);
  g_clear_object (&pending->msg);
  g_free (pending->path);
  g_free (pending);
}

/* Responses ------------------------------------------------------------------- */

static void
log_request (SoupServerMessage *msg,
             const char        *path,
             guint              status,
             gint64             started)
{
  /* Method, path, status and time only: header values (API keys, tokens)
   * are never logged. */
  g_debug ("%s %s -> %u (%.1f ms)",
           soup_server_message_get_method (msg), path, status,
           (g_get_monotonic_time () - started) / 1000.0);
}

static void
respond_node (SoupServerMessage *msg,
              guint              status,
              JsonNode          *node)
{
  char *data = att_sandbox_json_to_string (node);

  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    data, strlen (data));
}

static void
respond_error_full (SoupServerMessage *msg,
                    guint              status,
                    const char        *message,
                    GPtrArray         *details,
                    const char        *reason)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *body = json_object_new ();
  JsonArray *array = json_array_new ();

  for (guint i = 0; details != NULL && i < details->len; i++)
    {
      const AttFieldError *field_error = g_ptr_array_index (details, i);
      JsonObject *detail = json_object_new ();

      json_object_set_string_member (detail, "path", field_error->path);
      json_object_set_string_member (detail, "message", field_error->message);
      json_array_add_object_element (array, detail);
    }

  json_object_set_int_member (body, "statusCode", status);
  json_object_set_string_member (body, "error", soup_status_get_phrase (status));
  json_object_set_string_member (body, "message", message);
  json_object_set_array_member (body, "details", array);
  if (reason != NULL)
    json_object_set_string_member (body, "reason", reason);

  node = att_sandbox_json_node_take_object (body);
  respond_node (msg, status, node);
}

static void
respond_error (SoupServerMessage *msg,
               guint              status,
               const char        *message,
               GPtrArray         *details)
{
  respond_error_full (msg, status, message, details,
                      status == SOUP_STATUS_UNAUTHORIZED ? "token" : NULL);
}

/* Answers 401 and returns FALSE unless @msg carries valid credentials. */
static gboolean
check_auth (AttSandbox        *self,
            SoupServerMessage *msg)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *message = NULL;
  AttSandboxAuthResult result;

  result = att_sandbox_auth_check (self->auth, soup_server_message_get_request_headers (msg),
                                   now, &message);
  if (result == ATT_SANDBOX_AUTH_OK)
    return TRUE;

  respond_error_full (msg, SOUP_STATUS_UNAUTHORIZED, message, NULL,
                      att_sandbox_auth_result_to_reason (result));
  return FALSE;
}

static void
handle_demo_account (AttSandbox        *self,
                     SoupServerMessage *msg)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *reply = json_object_new ();

  json_object_set_string_member (reply, "apiKey", att_sandbox_auth_get_api_key (self->auth));
  json_object_set_string_member (reply, "integrationKey",
                                 att_sandbox_auth_get_integration_key (self->auth));
  json_object_set_string_member (reply, "publicKey", att_sandbox_auth_get_public_key_pem (self->auth));
  node = att_sandbox_json_node_take_object (reply);
  respond_node (msg, SOUP_STATUS_OK, node);
}

/* Requests -------------------------------------------------------------------- */

static gboolean
is_json_content_type (SoupServerMessage *msg)
{
  const char *type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg),
                                                            NULL);

  return type != NULL && g_ascii_strcasecmp (type, "application/json") == 0;
}

/* Reads the JSON object of a POST body, or answers 400 and returns NULL. */
static JsonObject *
read_body (SoupServerMessage *msg)
{
  SoupMessageBody *request_body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;
  JsonNode *root;

  if (!is_json_content_type (msg))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, _("The Content-Type must be application/json"), NULL);
      return NULL;
    }

  bytes = soup_message_body_flatten (request_body);
  data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, _("The request body is empty"), NULL);
      return NULL;
    }

  if (!g_utf8_validate (data, (gssize) size, NULL))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, _("The request body is not valid UTF-8"), NULL);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, &error))
    {
      /* Translators: %s is the JSON parser's explanation. */
      g_autofree char *message = g_strdup_printf (_("The request body is not valid JSON: %s"),
                                                  error->message);

      respond_error (msg, SOUP_STATUS_BAD_REQUEST, message, NULL);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, _("The request body must be a JSON object"), NULL);
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

static void
handle_faults (AttSandbox        *self,
               SoupServerMessage *msg,
               JsonObject        *body)
{
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();
  g_autoptr(JsonNode) node = NULL;
  JsonObject *reply;
  double latency = att_sandbox_json_number (body, "latencyMs", -1);
  double status = att_sandbox_json_number (body, "status", -1);
  double count = att_sandbox_json_number (body, "count", 1);

  if (att_sandbox_json_is_set (body, "latencyMs") && !(latency >= 0 && latency <= 600000))
    att_sandbox_add_error (errors, "latencyMs", _("Expected a number of milliseconds between 0 and 600,000"));
  if (att_sandbox_json_is_set (body, "status") && !(status >= 100 && status <= 599))
    att_sandbox_add_error (errors, "status", _("Expected an HTTP status between 100 and 599"));
  if (att_sandbox_json_is_set (body, "count") && !(count >= 0 && count <= G_MAXINT32))
    att_sandbox_add_error (errors, "count", _("Expected a count, 0 or more"));

  if (errors->len > 0)
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, _("Validation failed"), errors);
      return;
    }

  if (latency >= 0)
    att_sandbox_set_latency (self, (guint) latency);
  if (status >= 0)
    att_sandbox_inject_failure (self, (guint) status, (guint) count);
  else if (att_sandbox_json_is_set (body, "count") && count == 0)
    att_sandbox_inject_failure (self, 0, 0);

  reply = json_object_new ();
  json_object_set_int_member (reply, "latencyMs", self->latency_ms);
  json_object_set_int_member (reply, "status", self->fail_status);
  json_object_set_int_member (reply, "count", self->fail_count);
  node = att_sandbox_json_node_take_object (reply);
  respond_node (msg, SOUP_STATUS_OK, node);
}

/* Finds the route of @path.  Returns NULL for an unknown path; sets
 * @out_method_ok to whether @method is the route's. */
static const Route *
find_route (const char  *method,
            const char  *path,
            const char **out_argument,
            gboolean    *out_method_ok)
{
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      const Route *route = &routes[i];
      gboolean matches;

      if (route->is_prefix)
        {
          const char *rest = g_str_has_prefix (path, route->path) ? path + strlen (route->path) : NULL;

          matches = rest != NULL && *rest != '\0' && strchr (rest, '/') == NULL;
          *out_argument = rest;
        }
      else
        {
          matches = g_str_equal (path, route->path);
          *out_argument = NULL;
        }

      if (!matches)
        continue;

      *out_method_ok = g_str_equal (method, route->method) ||
                       (g_str_equal (route->method, "GET") && g_str_equal (method, "HEAD"));
      return route;
    }

  return NULL;
}

static void
dispatch (AttSandbox        *self,
          SoupServerMessage *msg,
          const char        *path)
{
  const char *method = soup_server_message_get_method (msg);
  const char *argument = NULL;
  gboolean method_ok = FALSE;
  const Route *route = find_route (method, path, &argument, &method_ok);
  g_autoptr(JsonObject) body = NULL;
  AttSandboxApiContext context = {
    self->store, self->catalogue, self->score_delay_ms, att_sandbox_now_ms (),
  };
  AttSandboxReply reply = { 0 };

  /* Credentials come first, as on a real server: an unauthenticated client
   * learns nothing, not even which endpoints exist. */
  if (g_str_has_prefix (path, API_PREFIX "/") && !check_auth (self, msg))
    return;

  if (route == NULL)
    {
      respond_error (msg, SOUP_STATUS_NOT_FOUND, _("There is no such endpoint"), NULL);
      return;
    }

  if (!method_ok)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", route->method);
      respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED,
                     _("This endpoint does not accept this method"), NULL);
      return;
    }

  if (g_object_get_data (G_OBJECT (msg), TOO_LARGE_KEY) != NULL)
    {
      respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                     _("The request body is larger than 10 MiB"), NULL);
      return;
    }

  if (g_str_equal (route->method, "POST"))
    {
      body = read_body (msg);
      if (body == NULL)
        return;
    }

  switch (route->id)
    {
    case ROUTE_PRODUCTS_CREATE:
      att_sandbox_api_products_create (&context, body, &reply);
      break;
    case ROUTE_PRODUCTS_UPDATE:
      {
        g_autofree char *product_id = g_uri_unescape_string (argument, NULL);

        if (product_id == NULL)
          {
            respond_error (msg, SOUP_STATUS_NOT_FOUND, _("There is no such endpoint"), NULL);
            return;
          }
        att_sandbox_api_products_update (&context, product_id, body, &reply);
      }
      break;
    case ROUTE_PRODUCTS_SEARCH:
      att_sandbox_api_products_search (&context, body, &reply);
      break;
    case ROUTE_MATERIALS_SEARCH:
      att_sandbox_api_catalogue_search (&context, ATT_SANDBOX_KIND_MATERIAL, body, &reply);
      break;
    case ROUTE_COMPONENTS_SEARCH:
      att_sandbox_api_catalogue_search (&context, ATT_SANDBOX_KIND_COMPONENT, body, &reply);
      break;
    case ROUTE_PACKAGING_SEARCH:
      att_sandbox_api_catalogue_search (&context, ATT_SANDBOX_KIND_PACKAGING, body, &reply);
      break;
    case ROUTE_COUNTRIES:
      att_sandbox_api_countries (&context, &reply);
      break;
    case ROUTE_FAULTS:
      handle_faults (self, msg, body);
      return;
    case ROUTE_DEMO_ACCOUNT:
      handle_demo_account (self, msg);
      return;
    default:
      g_assert_not_reached ();
    }

  if (reply.json != NULL)
    respond_node (msg, reply.status, reply.json);
  else
    respond_error (msg, reply.status, reply.message, reply.details);
  att_sandbox_reply_clear (&reply);
}

static void
process (AttSandbox        *self,
         SoupServerMessage *msg,
         const char        *path,
         gint64             started)
{
  gboolean is_control = g_str_has_prefix (path, CONTROL_PREFIX);

  if (!is_control && self->fail_count > 0)
    {
      guint status = self->fail_status;

      self->fail_count--;
      if (status == 429 || status == SOUP_STATUS_SERVICE_UNAVAILABLE)
        soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                      "Retry-After", "1");
      respond_error (msg, status, _("The sandbox was told to fail this request"), NULL);
    }
  else
    {
      dispatch (self, msg, path);
    }

  log_request (msg, path, soup_server_message_get_status (msg), started);
}

static gboolean
pending_timeout_cb (gpointer user_data)
{
  Pending *pending = user_data;
  AttSandbox *self = pending->self;

  pending->timeout_id = 0;
  process (self, pending->msg, pending->path, pending->started);
  soup_server_message_unpause (pending->msg);
  g_ptr_array_remove_fast (self->pending, pending);

  return G_SOURCE_REMOVE;
}

static void
pending_disconnected_cb (SoupServerMessage *msg,
                         Pending           *pending)
{
  /* The client went away while the answer was being delayed: there is no
   * one to answer, and unpausing a dead message is not allowed. */
  g_ptr_array_remove_fast (pending->self->pending, pending);
}

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  AttSandbox *self = user_data;
  gint64 started = g_get_monotonic_time ();
  Pending *pending;

  if (self->latency_ms == 0 || g_str_has_prefix (path, CONTROL_PREFIX))
    {
      process (self, msg, path, started);
      return;
    }

  /* Latency without blocking the loop: pause, answer from a timeout. */
  pending = g_new0 (Pending, 1);
  pending->self = self;
  pending->msg = g_object_ref (msg);
  pending->path = g_strdup (path);
  pending->started = started;
  pending->timeout_id = g_timeout_add (self->latency_ms, pending_timeout_cb, pending);
  pending->disconnected_id = g_signal_connect (msg, "disconnected",
                                               G_CALLBACK (pending_disconnected_cb), pending);
  g_ptr_array_add (self->pending, pending);
  soup_server_message_pause (msg);
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  gsize received = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (msg), RECEIVED_KEY));

  received += g_bytes_get_size (chunk);
  g_object_set_data (G_OBJECT (msg), RECEIVED_KEY, GSIZE_TO_POINTER (received));

  if (received > MAX_BODY_SIZE && g_object_get_data (G_OBJECT (msg), TOO_LARGE_KEY) == NULL)
    {
      /* Keep reading (so the client gets its 413 rather than a broken
       * connection) but stop keeping what arrives. */
      g_object_set_data (G_OBJECT (msg), TOO_LARGE_KEY, GINT_TO_POINTER (TRUE));
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
    }
}

static void
early_callback (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  goffset length = soup_message_headers_get_content_length (soup_server_message_get_request_headers (msg));

  if (length > MAX_BODY_SIZE)
    {
      g_object_set_data (G_OBJECT (msg), TOO_LARGE_KEY, GINT_TO_POINTER (TRUE));
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
    }
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), NULL);
}

/* GObject ----------------------------------------------------------------- */

static gboolean
att_sandbox_initable_init (GInitable     *initable,
                           GCancellable  *cancellable,
                           GError       **error)
{
  AttSandbox *self = ATT_SANDBOX (initable);

  self->auth = att_sandbox_auth_new (self->data_dir, error);
  if (self->auth == NULL)
    return FALSE;

  self->catalogue = att_sandbox_catalogue_new (error);
  if (self->catalogue == NULL)
    return FALSE;

  self->store = att_sandbox_store_new (self->db_path, error);
  if (self->store == NULL)
    return FALSE;

  return TRUE;
}

static void
att_sandbox_initable_iface_init (GInitableIface *iface)
{
  iface->init = att_sandbox_initable_init;
}

static void
att_sandbox_dispose (GObject *object)
{
  AttSandbox *self = (AttSandbox *) object;

  /* Delayed answers are dropped before the server closes their
   * connections. */
  if (self->pending != NULL)
    g_ptr_array_set_size (self->pending, 0);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->store);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->auth);

  G_OBJECT_CLASS (att_sandbox_parent_class)->dispose (object);
}

static void
att_sandbox_finalize (GObject *object)
{
  AttSandbox *self = (AttSandbox *) object;

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->base_url, g_free);

  G_OBJECT_CLASS (att_sandbox_parent_class)->finalize (object);
}

static void
att_sandbox_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AttSandbox *self = ATT_SANDBOX (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_LATENCY:
      g_value_set_uint (value, self->latency_ms);
      break;
    case PROP_SCORE_DELAY:
      g_value_set_uint (value, self->score_delay_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_sandbox_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AttSandbox *self = ATT_SANDBOX (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      self->db_path = g_value_dup_string (value);
      break;
    case PROP_DATA_DIR:
      self->data_dir = g_value_dup_string (value);
      break;
    case PROP_LATENCY:
      att_sandbox_set_latency (self, g_value_get_uint (value));
      break;
    case PROP_SCORE_DELAY:
      att_sandbox_set_score_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_sandbox_class_init (AttSandboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = att_sandbox_dispose;
  object_class->finalize = att_sandbox_finalize;
  object_class->get_property = att_sandbox_get_property;
  object_class->set_property = att_sandbox_set_property;

  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * AttSandbox:data-dir:
   *
   * Where the sandbox keeps its RSA key pair, or %NULL to keep it in memory.
   */
  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_LATENCY] =
    g_param_spec_uint ("latency", NULL, NULL,
                       0, 600000, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_SCORE_DELAY] =
    g_param_spec_uint ("score-delay", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_sandbox_init (AttSandbox *self)
{
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
}

/* Public API -------------------------------------------------------------- */

/**
 * att_sandbox_new:
 * @db_path: (nullable): an SQLite database file, or %NULL to keep the
 *   products in memory
 *
 * Creates a sandbox with the catalogue and no products.  Call
 * att_sandbox_listen() to serve it.
 *
 * Returns: (transfer full): a new sandbox, or %NULL on error
 */
AttSandbox *
att_sandbox_new (const char  *db_path,
                 GError     **error)
{
  return att_sandbox_new_full (db_path, NULL, error);
}

/**
 * att_sandbox_new_full:
 * @db_path: (nullable): an SQLite database file, or %NULL to keep the
 *   products in memory
 * @data_dir: (nullable): the directory of the sandbox's RSA key pair (made
 *   there on first use, the private key readable by its owner only), or
 *   %NULL to make a key pair kept in memory only
 *
 * Like att_sandbox_new(), with a key pair that lasts: a developer public
 * key configured in the app stays valid after a restart.
 *
 * Returns: (transfer full): a new sandbox, or %NULL on error
 */
AttSandbox *
att_sandbox_new_full (const char  *db_path,
                      const char  *data_dir,
                      GError     **error)
{
  return g_initable_new (ATT_TYPE_SANDBOX, NULL, error,
                         "db-path", db_path,
                         "data-dir", data_dir,
                         NULL);
}

/**
 * att_sandbox_seed_demo:
 *
 * Adds the demo products (more than 60 apparel, footwear and home-textile
 * products).  Calling it again adds nothing.
 */
gboolean
att_sandbox_seed_demo (AttSandbox  *self,
                       GError     **error)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return att_sandbox_seed_demo_products (self->store, self->catalogue, error);
}

/**
 * att_sandbox_add_generated_products:
 * @n: how many products
 * @seed: the seed; the same seed gives the same products (and ids), so
 *   adding again with the same seed adds nothing new for the indexes
 *   already added
 *
 * Adds @n generated products in one transaction.
 */
gboolean
att_sandbox_add_generated_products (AttSandbox  *self,
                                    guint        n,
                                    guint32      seed,
                                    GError     **error)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return att_sandbox_seed_generated_products (self->store, self->catalogue, n, seed, error);
}

/**
 * att_sandbox_listen:
 * @port: the TCP port, or 0 for any free one
 *
 * Starts serving on 127.0.0.1 (never on other interfaces) on the
 * thread-default main context.
 */
gboolean
att_sandbox_listen (AttSandbox  *self,
                    guint        port,
                    GError     **error)
{
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  GSList *listeners;
  guint bound_port;

  g_return_val_if_fail (ATT_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->server != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "The sandbox is listening already");
      return FALSE;
    }

  server = soup_server_new ("server-header", "attest-sandbox", NULL);
  soup_server_add_early_handler (server, NULL, early_callback, self, NULL);
  soup_server_add_handler (server, NULL, server_callback, self, NULL);

  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  address = g_inet_socket_address_new (loopback, (guint16) port);
  if (!soup_server_listen (server, address, 0, error))
    return FALSE;

  /* The port comes from the listening socket itself: libsoup 3.2's
   * soup_server_get_uris() leaks an address per call. */
  listeners = soup_server_get_listeners (server);
  local = listeners != NULL ? g_socket_get_local_address (listeners->data, error) : NULL;
  g_slist_free (listeners);
  if (local == NULL || !G_IS_INET_SOCKET_ADDRESS (local))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The sandbox has no address");
      return FALSE;
    }
  bound_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));

  self->server = g_steal_pointer (&server);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%u", bound_port);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);

  return TRUE;
}

/**
 * att_sandbox_get_base_url:
 *
 * Returns: (nullable): `http://127.0.0.1:PORT`, without a trailing slash,
 *   or %NULL before att_sandbox_listen()
 */
const char *
att_sandbox_get_base_url (AttSandbox *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), NULL);

  return self->base_url;
}

/**
 * att_sandbox_set_latency:
 * @ms: milliseconds to wait before answering each API request
 */
void
att_sandbox_set_latency (AttSandbox *self,
                         guint       ms)
{
  g_return_if_fail (ATT_IS_SANDBOX (self));

  ms = MIN (ms, 600000);
  if (self->latency_ms == ms)
    return;
  self->latency_ms = ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATENCY]);
}

guint
att_sandbox_get_latency (AttSandbox *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), 0);

  return self->latency_ms;
}

/**
 * att_sandbox_inject_failure:
 * @http_status: the status to answer, e.g. 500, 503 or 429
 * @count: how many of the next API requests fail; 0 stops failing
 *
 * The failing requests get the error body and, for 429 and 503, a
 * `Retry-After: 1` header; a 401 says `"reason": "token"`.  Requests to
 * `/_sandbox/` are never failed.
 */
void
att_sandbox_inject_failure (AttSandbox *self,
                            guint       http_status,
                            guint       count)
{
  g_return_if_fail (ATT_IS_SANDBOX (self));
  g_return_if_fail (count == 0 || (http_status >= 100 && http_status <= 599));

  self->fail_status = count > 0 ? http_status : 0;
  self->fail_count = count;
}

/**
 * att_sandbox_set_score_delay:
 * @ms: how long an eco-score stays `Pending` after a create or update
 *
 * The default is 0, so that tests see `Complete` at once.
 */
void
att_sandbox_set_score_delay (AttSandbox *self,
                             guint       ms)
{
  g_return_if_fail (ATT_IS_SANDBOX (self));

  if (self->score_delay_ms == ms)
    return;
  self->score_delay_ms = ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE_DELAY]);
}

guint
att_sandbox_get_score_delay (AttSandbox *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), 0);

  return self->score_delay_ms;
}

/* Credentials ------------------------------------------------------------- */

/**
 * att_sandbox_get_api_key:
 *
 * Returns: the API key the sandbox accepts in `x-api-key`; random for each
 *   sandbox unless set with att_sandbox_set_credentials()
 */
const char *
att_sandbox_get_api_key (AttSandbox *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), NULL);

  return att_sandbox_auth_get_api_key (self->auth);
}

/**
 * att_sandbox_get_integration_key:
 *
 * Returns: the integration key that request tokens must hold
 */
const char *
att_sandbox_get_integration_key (AttSandbox *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), NULL);

  return att_sandbox_auth_get_integration_key (self->auth);
}

/**
 * att_sandbox_get_public_key_pem:
 *
 * Returns: the developer public key (PEM, `-----BEGIN PUBLIC KEY-----`)
 *   that request tokens must be encrypted with
 */
const char *
att_sandbox_get_public_key_pem (AttSandbox *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX (self), NULL);

  return att_sandbox_auth_get_public_key_pem (self->auth);
}

/**
 * att_sandbox_set_credentials:
 * @api_key: the API key to accept
 * @integration_key: the integration key request tokens must hold
 *
 * Replaces the random credentials, for tests that need fixed values.
 */
void
att_sandbox_set_credentials (AttSandbox *self,
                             const char *api_key,
                             const char *integration_key)
{
  g_return_if_fail (ATT_IS_SANDBOX (self));
  g_return_if_fail (api_key != NULL && *api_key != '\0');
  g_return_if_fail (integration_key != NULL && *integration_key != '\0');

  att_sandbox_auth_set_credentials (self->auth, api_key, integration_key);
}
