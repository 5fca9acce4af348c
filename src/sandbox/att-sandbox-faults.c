/* att-sandbox-faults.c: the faults tests ask for through POST
 * /_sandbox/faults: failed requests (all of them, those of one route, or
 * only later pages of a search), a product search row that a client
 * cannot read, and a lower limit on request bodies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "att-error.h"

#include "att-sandbox-json.h"
#include "att-sandbox-private.h"
#include "att-sandbox-request.h"

/* The `from` of a JSON request body, or -1 if it has none. */
static double
request_from (SoupServerMessage *msg)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize       size = 0;
  const char *data = _att_sandbox_peek_body (msg, &size);
  JsonNode   *root;

  if (data == NULL || size == 0 || size > G_MAXSSIZE ||
      !json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return -1;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return -1;
  return att_sandbox_json_number (json_node_get_object (root), "from", -1);
}

/* Whether an injected failure is for @msg: with a `path`, only requests
 * to that route are failed, so a test can fail saves and not searches;
 * with a `fromAtLeast`, only a later page of a search is failed, so a test
 * can fail page 3 and not 1. */
gboolean
_att_sandbox_fault_applies (AttSandbox        *self,
                            SoupServerMessage *msg,
                            const char        *path)
{
  if (self->fail_path != NULL && !g_str_has_prefix (path, self->fail_path))
    return FALSE;

  if (self->fail_min_from == 0)
    return TRUE;

  return request_from (msg) >= self->fail_min_from;
}

/* Spoils one row of a product search answer as a broken server might: its
 * `name` becomes a number. */
void
_att_sandbox_spoil_row (AttSandbox *self,
                        JsonNode   *reply)
{
  JsonArray  *results;
  JsonObject *row;

  if (self->malformed_row < 0 || reply == NULL || !JSON_NODE_HOLDS_OBJECT (reply))
    return;

  results = json_object_get_array_member (json_node_get_object (reply), "results");
  if (results == NULL || (guint) self->malformed_row >= json_array_get_length (results))
    return;

  row = att_sandbox_json_element_object (results, (guint) self->malformed_row);
  if (row != NULL)
    json_object_set_int_member (row, "name", 42);
}

/* The `path` of a faults body, "" when it is not text. */
static const char *
fault_path (JsonObject *body)
{
  const char *path = att_sandbox_json_string (body, "path");

  return path != NULL ? path : "";
}

static void
check_faults (JsonObject *body,
              GPtrArray  *errors)
{
  double latency = att_sandbox_json_number (body, "latencyMs", -1);
  double status = att_sandbox_json_number (body, "status", -1);
  double count = att_sandbox_json_number (body, "count", 1);
  double from = att_sandbox_json_number (body, "fromAtLeast", 0);
  double row = att_sandbox_json_number (body, "malformedRow", -1);
  double max_bytes = att_sandbox_json_number (body, "maxRequestBytes", 0);

  if (att_sandbox_json_is_set (body, "maxRequestBytes") && !(max_bytes >= 0 && max_bytes <= G_MAXINT32))
    att_sandbox_add_error (errors, "maxRequestBytes", _ ("Expected a number of bytes, or 0 for the usual limits"));
  if (att_sandbox_json_is_set (body, "latencyMs") && !(latency >= 0 && latency <= 600000))
    att_sandbox_add_error (errors, "latencyMs", _ ("Expected a number of milliseconds between 0 and 600,000"));
  if (att_sandbox_json_is_set (body, "status") && !(status >= 100 && status <= 599))
    att_sandbox_add_error (errors, "status", _ ("Expected an HTTP status between 100 and 599"));
  if (att_sandbox_json_is_set (body, "count") && !(count >= 0 && count <= G_MAXINT32))
    att_sandbox_add_error (errors, "count", _ ("Expected a count, 0 or more"));
  if (att_sandbox_json_is_set (body, "fromAtLeast") && !(from >= 0 && from <= G_MAXINT32))
    att_sandbox_add_error (errors, "fromAtLeast", _ ("Expected an offset, 0 or more"));
  if (att_sandbox_json_is_set (body, "path") && !g_str_has_prefix (fault_path (body), "/"))
    att_sandbox_add_error (errors, "path", _ ("Expected a path starting with “/”"));
  if (att_sandbox_json_is_set (body, "malformedRow") && !(row >= -1 && row <= G_MAXINT32))
    att_sandbox_add_error (errors, "malformedRow", _ ("Expected a row index, or -1 for none"));
}

static void
apply_faults (AttSandbox *self,
              JsonObject *body)
{
  double latency = att_sandbox_json_number (body, "latencyMs", -1);
  double status = att_sandbox_json_number (body, "status", -1);
  double count = att_sandbox_json_number (body, "count", 1);
  double from = att_sandbox_json_number (body, "fromAtLeast", 0);

  if (latency >= 0)
    att_sandbox_set_latency (self, (guint) latency);
  if (status >= 0)
    {
      att_sandbox_inject_failure_from (self, (guint) status, (guint) count, (guint) from);
      if (count > 0 && att_sandbox_json_is_set (body, "path"))
        self->fail_path = g_strdup (fault_path (body));
    }
  else if (att_sandbox_json_is_set (body, "count") && count == 0)
    att_sandbox_inject_failure (self, 0, 0);
  if (att_sandbox_json_is_set (body, "malformedRow"))
    att_sandbox_set_malformed_row (self, (int) att_sandbox_json_number (body, "malformedRow", -1));
  if (att_sandbox_json_is_set (body, "maxRequestBytes"))
    att_sandbox_set_max_request_size (self, (gsize) att_sandbox_json_number (body, "maxRequestBytes", 0));
}

void
_att_sandbox_handle_faults (AttSandbox        *self,
                            SoupServerMessage *msg,
                            JsonObject        *body)
{
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();
  g_autoptr(JsonNode) node = NULL;
  JsonObject *reply;

  check_faults (body, errors);
  if (errors->len > 0)
    {
      _att_sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, _ ("Validation failed"), errors);
      return;
    }

  apply_faults (self, body);

  reply = json_object_new ();
  json_object_set_int_member (reply, "latencyMs", self->latency_ms);
  json_object_set_int_member (reply, "status", self->fail_status);
  json_object_set_int_member (reply, "count", self->fail_count);
  json_object_set_int_member (reply, "fromAtLeast", self->fail_min_from);
  if (self->fail_path != NULL)
    json_object_set_string_member (reply, "path", self->fail_path);
  else
    json_object_set_null_member (reply, "path");
  json_object_set_int_member (reply, "malformedRow", self->malformed_row);
  json_object_set_int_member (reply, "maxRequestBytes", (gint64) self->max_request_bytes);
  node = att_sandbox_json_node_take_object (reply);
  _att_sandbox_respond_node (msg, SOUP_STATUS_OK, node);
}
