/* att-sandbox-closient-routes.c: serving one Closient request: the key,
 * the rate limit, the route, the body, the permission, then the endpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "att-sandbox-closient-private.h"
#include "att-sandbox-private.h"

#define CERTIFICATIONS_API "/certifications/api/v1"
#define PRODUCTS_API       "/products/api/v1"

typedef void (*Handler) (AttSandboxClosientRequest *request,
                         AttSandboxClosientReply   *reply);

/* A route: a method and a path template whose "*" segments are its
 * variables (a GTIN, an id).  @shape is the documented error shape of the
 * route (api-closient.md §7). */
typedef struct
{
  const char *method;
  const char *path;
  Handler     handler;
  char        shape;
} Route;

static const Route routes[] = {
  { "GET", CERTIFICATIONS_API "/products/*/certifications", _att_sandbox_closient_list_bare, 'A' },
  { "PATCH", CERTIFICATIONS_API "/products/*/certifications/*", _att_sandbox_closient_patch, 'A' },
  { "DELETE", CERTIFICATIONS_API "/products/*/certifications/*", _att_sandbox_closient_delete, 'B' },
  { "GET", CERTIFICATIONS_API "/certifications", _att_sandbox_closient_list_certifications, 'A' },
  { "GET", CERTIFICATIONS_API "/certifications/*", _att_sandbox_closient_get_certification, 'A' },
  { "GET", CERTIFICATIONS_API "/certification-bodies", _att_sandbox_closient_list_bodies, 'A' },
  { "GET", CERTIFICATIONS_API "/certification-bodies/*", _att_sandbox_closient_get_body, 'A' },
  { "GET", PRODUCTS_API "/products/*/certifications", _att_sandbox_closient_list_paged, 'A' },
  { "GET", PRODUCTS_API "/products/*", _att_sandbox_closient_get_product, 'A' },
};

/**
 * att_sandbox_closient_is_path:
 *
 * Returns: whether @path is under one of Closient's API bases, whose every
 *   request, known or not, needs a key and answers in Closient's shapes
 */
gboolean
att_sandbox_closient_is_path (const char *path)
{
  return g_str_has_prefix (path, CERTIFICATIONS_API "/") || g_str_has_prefix (path, PRODUCTS_API "/");
}

/* Whether @path fits @route's template; its variable segments, unescaped,
 * go to @args.  A segment that does not unescape (`%00`) fits nothing. */
static gboolean
match (const Route *route,
       const char  *path,
       char       **args)
{
  g_auto(GStrv) want = g_strsplit (route->path, "/", -1);
  g_auto(GStrv) have = g_strsplit (path, "/", -1);
  guint n_args = 0;

  if (g_strv_length (want) != g_strv_length (have))
    return FALSE;

  for (guint i = 0; want[i] != NULL; i++)
    {
      if (!g_str_equal (want[i], "*"))
        {
          if (!g_str_equal (want[i], have[i]))
            return FALSE;
          continue;
        }
      g_clear_pointer (&args[n_args], g_free);
      args[n_args] = g_uri_unescape_string (have[i], NULL);
      if (args[n_args] == NULL || *args[n_args] == '\0')
        return FALSE;
      n_args++;
    }
  return TRUE;
}

/* The route of @method and @path; when only the method differs, NULL
 * with the allowed methods in @allowed. */
static const Route *
find_route (const char *method,
            const char *path,
            char      **args,
            GString    *allowed)
{
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (!match (&routes[i], path, args))
        continue;
      if (g_str_equal (method, routes[i].method) ||
          (g_str_equal (method, "HEAD") && g_str_equal (routes[i].method, "GET")))
        return &routes[i];
      g_string_append_printf (allowed, "%s%s", allowed->len > 0 ? ", " : "", routes[i].method);
    }
  return NULL;
}

/* The error shape of an answer on @route (NULL: unknown path). */
static char
shape_of (AttSandboxClosient *self,
          const Route        *route)
{
  if (self->error_shape != 0)
    return self->error_shape;
  return route != NULL ? route->shape : 'A';
}

/* Reads the JSON object of a PATCH body; otherwise answers 400. */
static gboolean
read_body (AttSandboxClosientRequest *request,
           AttSandboxClosientReply   *reply)
{
  g_autofree char *message = NULL;

  if (g_object_get_data (G_OBJECT (request->msg), TOO_LARGE_KEY) != NULL)
    {
      _att_sandbox_closient_reply_error (reply, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                         _ ("The request body is too large"));
      return FALSE;
    }

  request->body = _att_sandbox_take_body (request->msg, &message);
  if (request->body == NULL)
    {
      _att_sandbox_closient_reply_error (reply, SOUP_STATUS_BAD_REQUEST, message);
      return FALSE;
    }
  return TRUE;
}

static void
request_init (AttSandboxClosientRequest *request,
              AttSandboxClosient        *self,
              SoupServerMessage         *msg,
              const char                *base_url)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  request->self = self;
  request->msg = msg;
  request->base_url = base_url;
  request->query = query != NULL ? soup_form_decode (query) : g_hash_table_new (g_str_hash, g_str_equal);
  g_strlcpy (request->today, today, sizeof request->today);
}

static void
request_clear (AttSandboxClosientRequest *request)
{
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_clear_pointer (&request->args[0], g_free);
  g_clear_pointer (&request->args[1], g_free);
  g_clear_pointer (&request->body, json_object_unref);
}

/* Everything before the endpoint itself: the checks in the order a real
 * server makes them, so that an unauthenticated client learns nothing,
 * not even which paths exist. */
static const Route *
admit (AttSandboxClosientRequest *request,
       const char                *path,
       AttSandboxClosientReply   *reply)
{
  AttSandboxClosient *self = request->self;
  SoupServerMessage  *msg = request->msg;
  const char         *method = soup_server_message_get_method (msg);
  const char         *key = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "X-API-Key");
  g_autoptr(GString) allowed = g_string_new (NULL);
  const Route *route;

  if (!_att_sandbox_closient_check_key (self, msg, &request->kind, reply) ||
      !_att_sandbox_closient_limits_take (self, key, request->kind,
                                          soup_server_message_get_response_headers (msg), reply))
    return NULL;

  route = find_route (method, path, request->args, allowed);
  if (route == NULL && allowed->len > 0)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allowed->str);
      _att_sandbox_closient_reply_error (reply, SOUP_STATUS_METHOD_NOT_ALLOWED,
                                         _ ("This endpoint does not accept this method"));
      return NULL;
    }
  if (route == NULL)
    {
      _att_sandbox_closient_reply_error (reply, SOUP_STATUS_NOT_FOUND, _ ("There is no such endpoint"));
      return NULL;
    }

  if (g_str_equal (method, "PATCH") && !read_body (request, reply))
    return NULL;
  if (!g_str_equal (route->method, "GET") &&
      !_att_sandbox_closient_check_write (self, request->kind, reply))
    return NULL;
  return route;
}

/**
 * att_sandbox_closient_serve:
 * @path: a path for which att_sandbox_closient_is_path() holds
 * @base_url: the sandbox's origin, for the logos' URLs
 *
 * Answers a Closient request.
 */
void
att_sandbox_closient_serve (AttSandboxClosient *self,
                            SoupServerMessage  *msg,
                            const char         *path,
                            const char         *base_url)
{
  AttSandboxClosientRequest request = { 0 };
  AttSandboxClosientReply   reply = { 0 };
  const Route              *route;

  g_return_if_fail (ATT_IS_SANDBOX_CLOSIENT (self));

  request_init (&request, self, msg, base_url);
  route = admit (&request, path, &reply);
  if (route != NULL)
    route->handler (&request, &reply);

  /* An unknown path answers in the shape its method would have. */
  if (route == NULL && g_str_equal (soup_server_message_get_method (msg), "DELETE"))
    _att_sandbox_closient_respond (msg, self->error_shape != 0 ? self->error_shape : 'B', &reply);
  else
    _att_sandbox_closient_respond (msg, shape_of (self, route), &reply);

  _att_sandbox_closient_reply_clear (&reply);
  request_clear (&request);
}

/**
 * att_sandbox_closient_respond_fault:
 * @status: the injected failure's status
 *
 * Answers a failure injected through /_sandbox/faults in Closient's shape
 * for @path (with Retry-After for 429 and 503, as for Higg's routes).
 */
void
att_sandbox_closient_respond_fault (AttSandboxClosient *self,
                                    SoupServerMessage  *msg,
                                    const char         *path,
                                    guint               status)
{
  AttSandboxClosientReply reply = { 0 };
  char                    shape = self->error_shape;

  g_return_if_fail (ATT_IS_SANDBOX_CLOSIENT (self));

  if (shape == 0)
    shape = g_str_equal (soup_server_message_get_method (msg), "DELETE") ? 'B' : 'A';

  _att_sandbox_closient_reply_error (&reply, status, _ ("The sandbox was told to fail this request"));
  if (status == 429 || status == SOUP_STATUS_SERVICE_UNAVAILABLE)
    {
      reply.retry_after = 1;
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "1");
    }
  _att_sandbox_closient_respond (msg, shape, &reply);
  _att_sandbox_closient_reply_clear (&reply);
}
