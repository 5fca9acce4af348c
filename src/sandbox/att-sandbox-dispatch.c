/* att-sandbox-dispatch.c: serving one request: the added latency, the
 * injected failures, the credentials check, and the route to the endpoint
 * (att-sandbox-api.c), to Closient's (att-sandbox-closient-routes.c) or to
 * the control endpoints under /_sandbox/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>
#include <sys/socket.h>

#include "att-error.h"

#include "att-sandbox-api.h"
#include "att-sandbox-json.h"
#include "att-sandbox-private.h"
#include "att-sandbox-request.h"
#include "att-sandbox-util.h"

#define API_PREFIX           "/pic-api/v1"
#define CERTIFICATION_PREFIX "/certification-api"
#define PM_PREFIX            "/pm-api/v1"

typedef enum {
  ROUTE_PRODUCTS_CREATE,
  ROUTE_PRODUCTS_UPDATE,
  ROUTE_PRODUCTS_SEARCH,
  ROUTE_PRODUCTS_RECALCULATE,
  ROUTE_FRENCH_LABEL_IMAGE,
  ROUTE_FRENCH_LABEL_PUBLISH,
  ROUTE_MATERIALS_SEARCH,
  ROUTE_COMPONENTS_SEARCH,
  ROUTE_PACKAGING_SEARCH,
  ROUTE_COUNTRIES,
  ROUTE_CATEGORIES,
  ROUTE_SIZES,
  ROUTE_ASSERTION_AUTHORITIES,
  ROUTE_ASSERTION_STANDARDS,
  ROUTE_CERTIFICATES_CREATE,
  ROUTE_CERTIFICATES_UPDATE,
  ROUTE_PM_SEARCH,
  ROUTE_FAULTS,
  ROUTE_DEMO_ACCOUNT,
  ROUTE_CLOSIENT_LIMITS,
  ROUTE_CLOSIENT_LOGO,
} RouteId;

/* A route is an exact path, or a prefix and a suffix with one path
 * segment (the argument, e.g. a product id) between them. */
typedef struct
{
  RouteId     id;
  const char *method;
  const char *path;
  gboolean    is_prefix;
  const char *suffix;
} Route;

static const Route routes[] = {
  { ROUTE_PRODUCTS_CREATE, "POST", API_PREFIX "/products/create", FALSE, NULL },
  { ROUTE_PRODUCTS_UPDATE, "POST", API_PREFIX "/products/update/", TRUE, "" },
  { ROUTE_PRODUCTS_SEARCH, "POST", API_PREFIX "/products/search", FALSE, NULL },
  { ROUTE_PRODUCTS_RECALCULATE, "POST", API_PREFIX "/products/recalculate", FALSE, NULL },
  { ROUTE_FRENCH_LABEL_IMAGE, "POST", API_PREFIX "/french-label/image", FALSE, NULL },
  { ROUTE_FRENCH_LABEL_PUBLISH, "POST", API_PREFIX "/french-label/publish", FALSE, NULL },
  { ROUTE_MATERIALS_SEARCH, "POST", API_PREFIX "/materials/search", FALSE, NULL },
  { ROUTE_COMPONENTS_SEARCH, "POST", API_PREFIX "/components/search", FALSE, NULL },
  { ROUTE_PACKAGING_SEARCH, "POST", API_PREFIX "/packaging/search", FALSE, NULL },
  { ROUTE_COUNTRIES, "GET", API_PREFIX "/french-label-manufacturing-countries", FALSE, NULL },
  /* Undocumented in Higg's API: the sandbox's choice (docs/api-higg-sandbox.md). */
  { ROUTE_CATEGORIES, "GET", API_PREFIX "/categories", FALSE, NULL },
  { ROUTE_SIZES, "GET", API_PREFIX "/categories/", TRUE, "/sizes" },
  { ROUTE_ASSERTION_AUTHORITIES, "GET", CERTIFICATION_PREFIX "/assertion-authority", FALSE, NULL },
  { ROUTE_ASSERTION_STANDARDS, "GET", CERTIFICATION_PREFIX "/assertion-standard", FALSE, NULL },
  { ROUTE_CERTIFICATES_CREATE, "POST", CERTIFICATION_PREFIX "/create", FALSE, NULL },
  { ROUTE_CERTIFICATES_UPDATE, "POST", CERTIFICATION_PREFIX "/update/", TRUE, "" },
  { ROUTE_PM_SEARCH, "POST", PM_PREFIX "/product/search", FALSE, NULL },
  { ROUTE_FAULTS, "POST", CONTROL_PREFIX "faults", FALSE, NULL },
  { ROUTE_DEMO_ACCOUNT, "GET", CONTROL_PREFIX "demo-account", FALSE, NULL },
  { ROUTE_CLOSIENT_LIMITS, "POST", CONTROL_PREFIX "closient-limits", FALSE, NULL },
  { ROUTE_CLOSIENT_LOGO, "GET", CONTROL_PREFIX "closient-logos/", TRUE, "" },
};

void
_att_sandbox_pending_free (Pending *pending)
{
  g_clear_handle_id (&pending->timeout_id, g_source_remove);
  g_clear_signal_handler (&pending->disconnected_id, pending->msg);
  g_clear_object (&pending->msg);
  g_free (pending->path);
  g_free (pending);
}

/* Whether @path is under one of the API's path families (api-higg.md §1),
 * whose every request, known or not, needs credentials. */
static gboolean
is_api_path (const char *path)
{
  static const char *const prefixes[] = {
    API_PREFIX "/",
    CERTIFICATION_PREFIX "/",
    PM_PREFIX "/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (path, prefixes[i]))
      return TRUE;
  return FALSE;
}

/* Answers 401 and returns FALSE unless @msg carries valid credentials. */
static gboolean
check_auth (AttSandbox        *self,
            SoupServerMessage *msg)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char     *message = NULL;
  AttSandboxAuthResult result;

  result = att_sandbox_auth_check (self->auth, soup_server_message_get_request_headers (msg),
                                   now, &message);
  if (result == ATT_SANDBOX_AUTH_OK)
    return TRUE;

  _att_sandbox_respond_error_full (msg, SOUP_STATUS_UNAUTHORIZED, message, NULL,
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
  json_object_set_string_member (reply, "closientApiKey",
                                 att_sandbox_closient_get_key (self->closient, ATT_CLOSIENT_KEY_BUSINESS));
  json_object_set_string_member (reply, "closientUserKey",
                                 att_sandbox_closient_get_key (self->closient, ATT_CLOSIENT_KEY_USER));
  json_object_set_string_member (reply, "closientPublishableKey",
                                 att_sandbox_closient_get_key (self->closient, ATT_CLOSIENT_KEY_PUBLISHABLE));
  node = att_sandbox_json_node_take_object (reply);
  _att_sandbox_respond_node (msg, SOUP_STATUS_OK, node);
}

/* POST /_sandbox/closient-limits: Closient's rate limits and test
 * settings; 400 with the failing fields, in the control endpoints' shape. */
static void
handle_closient_limits (AttSandbox        *self,
                        SoupServerMessage *msg,
                        JsonObject        *body)
{
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();
  g_autoptr(JsonNode) node = NULL;

  if (!att_sandbox_closient_configure (self->closient, body, errors))
    {
      _att_sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, _ ("Validation failed"), errors);
      return;
    }
  node = att_sandbox_json_node_take_object (att_sandbox_closient_get_settings (self->closient));
  _att_sandbox_respond_node (msg, SOUP_STATUS_OK, node);
}

/* The argument of a prefix route in @path: the one segment between the
 * route's prefix and suffix, still escaped; NULL when @path is not one. */
static char *
route_argument (const Route *route,
                const char  *path)
{
  const char *rest;
  gsize       length;

  if (!g_str_has_prefix (path, route->path))
    return NULL;
  rest = path + strlen (route->path);
  if (!g_str_has_suffix (rest, route->suffix))
    return NULL;
  length = strlen (rest) - strlen (route->suffix);
  if (length == 0 || memchr (rest, '/', length) != NULL)
    return NULL;

  return g_strndup (rest, length);
}

/* Finds the route of @path.  Returns NULL for an unknown path; sets
 * @out_method_ok to whether @method is the route's, and @out_argument to
 * the unescaped argument of a prefix route. */
static const Route *
find_route (const char *method,
            const char *path,
            char      **out_argument,
            gboolean   *out_method_ok)
{
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      const Route     *route = &routes[i];
      g_autofree char *argument = NULL;

      if (route->is_prefix)
        {
          argument = route_argument (route, path);
          if (argument == NULL)
            continue;
        }
      else if (!g_str_equal (path, route->path))
        continue;

      *out_argument = argument != NULL ? g_uri_unescape_string (argument, NULL) : NULL;
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
  const char      *method = soup_server_message_get_method (msg);
  g_autofree char *argument = NULL;
  gboolean         method_ok = FALSE;
  const Route     *route = find_route (method, path, &argument, &method_ok);
  g_autoptr(JsonObject) body = NULL;
  AttSandboxApiContext context = {
    self->store,
    self->catalogue,
    self->score_delay_ms,
    att_sandbox_now_ms (),
  };
  AttSandboxReply reply = { 0 };

  if (att_sandbox_closient_is_path (path))
    {
      att_sandbox_closient_serve (self->closient, msg, path, self->base_url);
      return;
    }

  /* Credentials come first, as on a real server: an unauthenticated client
   * learns nothing, not even which endpoints exist. */
  if (is_api_path (path) && !check_auth (self, msg))
    return;

  /* An argument that does not unescape (say, `%00`) names nothing. */
  if (route == NULL || (route->is_prefix && argument == NULL))
    {
      _att_sandbox_respond_error (msg, SOUP_STATUS_NOT_FOUND, _ ("There is no such endpoint"), NULL);
      return;
    }

  if (!method_ok)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", route->method);
      _att_sandbox_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED,
                                  _ ("This endpoint does not accept this method"), NULL);
      return;
    }

  if (g_object_get_data (G_OBJECT (msg), TOO_LARGE_KEY) != NULL)
    {
      g_autofree char *limit = g_format_size_full (_att_sandbox_body_limit (self, path), G_FORMAT_SIZE_IEC_UNITS);
      /* Translators: %s is the largest body accepted, e.g. "256.0 MiB". */
      g_autofree char *message = g_strdup_printf (_ ("The request body is larger than %s"), limit);

      _att_sandbox_respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, message, NULL);
      return;
    }

  if (g_str_equal (route->method, "POST"))
    {
      body = _att_sandbox_read_body (msg);
      if (body == NULL)
        return;
    }

  switch (route->id)
    {
    case ROUTE_PRODUCTS_CREATE:
      att_sandbox_api_products_create (&context, body, &reply);
      break;
    case ROUTE_PRODUCTS_UPDATE:
      att_sandbox_api_products_update (&context, argument, body, &reply);
      break;
    case ROUTE_PRODUCTS_SEARCH:
      att_sandbox_api_products_search (&context, body, &reply);
      _att_sandbox_spoil_row (self, reply.json);
      break;
    case ROUTE_PRODUCTS_RECALCULATE:
      att_sandbox_api_products_recalculate (&context, body, &reply);
      break;
    case ROUTE_FRENCH_LABEL_IMAGE:
      att_sandbox_api_french_label_image (&context, body, &reply);
      break;
    case ROUTE_FRENCH_LABEL_PUBLISH:
      att_sandbox_api_french_label_publish (&context, body, &reply);
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
    case ROUTE_CATEGORIES:
      att_sandbox_api_categories (&context, &reply);
      break;
    case ROUTE_SIZES:
      att_sandbox_api_sizes (&context, argument, &reply);
      break;
    case ROUTE_ASSERTION_AUTHORITIES:
      att_sandbox_api_assertion_authorities (&context, &reply);
      break;
    case ROUTE_ASSERTION_STANDARDS:
      att_sandbox_api_assertion_standards (&context, &reply);
      break;
    case ROUTE_CERTIFICATES_CREATE:
      att_sandbox_api_certificates_create (&context, body, &reply);
      break;
    case ROUTE_CERTIFICATES_UPDATE:
      att_sandbox_api_certificates_update (&context, argument, body, &reply);
      break;
    case ROUTE_PM_SEARCH:
      att_sandbox_api_pm_search (&context, body, &reply);
      break;
    case ROUTE_FAULTS:
      _att_sandbox_handle_faults (self, msg, body);
      return;
    case ROUTE_DEMO_ACCOUNT:
      handle_demo_account (self, msg);
      return;
    case ROUTE_CLOSIENT_LIMITS:
      handle_closient_limits (self, msg, body);
      return;
    case ROUTE_CLOSIENT_LOGO:
      att_sandbox_closient_serve_logo (self->closient, msg, argument);
      return;
    default:
      g_assert_not_reached ();
    }

  if (reply.json != NULL)
    _att_sandbox_respond_node (msg, reply.status, reply.json);
  else
    _att_sandbox_respond_error (msg, reply.status, reply.message, reply.details);
  att_sandbox_reply_clear (&reply);
}

/* An injected failure of a Higg route, in Higg's shape. */
static void
respond_fault (SoupServerMessage *msg,
               guint              status)
{
  if (status == 429 || status == SOUP_STATUS_SERVICE_UNAVAILABLE)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "Retry-After", "1");
  _att_sandbox_respond_error (msg, status, _ ("The sandbox was told to fail this request"), NULL);
}

static void
process (AttSandbox        *self,
         SoupServerMessage *msg,
         const char        *path,
         gint64             started)
{
  gboolean is_control = g_str_has_prefix (path, CONTROL_PREFIX);

  if (!is_control)
    _att_sandbox_count_request (self, path);

  if (!is_control && self->fail_count > 0 && _att_sandbox_fault_applies (self, msg, path))
    {
      guint status = self->fail_status;

      self->fail_count--;
      if (att_sandbox_closient_is_path (path))
        att_sandbox_closient_respond_fault (self->closient, msg, path, status);
      else
        respond_fault (msg, status);
    }
  else
    {
      dispatch (self, msg, path);
    }

  _att_sandbox_log_request (msg, path, soup_server_message_get_status (msg), started);
}

/* Whether the client hung up while its answer was delayed.  libsoup does
 * not read a paused message's connection, so it has not noticed: the
 * socket says so, readable with nothing to read.  (A libsoup client sends
 * nothing more on a connection until it has its answer.) */
static gboolean
client_gone (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  char     byte;
  gssize   n;

  if (socket == NULL || g_socket_condition_check (socket, G_IO_IN | G_IO_HUP | G_IO_ERR) == 0)
    return FALSE;
  n = recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

static gboolean
pending_timeout_cb (gpointer user_data)
{
  Pending    *pending = user_data;
  AttSandbox *self = pending->self;

  pending->timeout_id = 0;
  /* A client that gave up (its timeout was shorter than the latency)
   * has its request dropped, not carried out: a create it would retry
   * must not be stored twice. */
  if (client_gone (pending->msg))
    {
      _att_sandbox_respond_error (pending->msg, SOUP_STATUS_REQUEST_TIMEOUT,
                                  _ ("The client went away before the answer"), NULL);
      _att_sandbox_log_request (pending->msg, pending->path, SOUP_STATUS_REQUEST_TIMEOUT, pending->started);
    }
  else
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

void
_att_sandbox_server_callback (SoupServer        *server,
                              SoupServerMessage *msg,
                              const char        *path,
                              GHashTable        *query,
                              gpointer           user_data)
{
  AttSandbox *self = user_data;
  gint64      started = g_get_monotonic_time ();
  Pending    *pending;

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
  self->peak_delayed = MAX (self->peak_delayed, self->pending->len);
  soup_server_message_pause (msg);
}
