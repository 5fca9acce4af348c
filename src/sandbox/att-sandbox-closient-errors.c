/* att-sandbox-closient-errors.c: Closient's answers, and its errors in the
 * two documented shapes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "att-error.h"

#include "att-sandbox-closient-private.h"
#include "att-sandbox-json.h"

/*
 * api-closient.md §7 documents two error bodies.  A, the envelope of the
 * errors page:
 *   {"error": {"code": "NOT_FOUND", "message": "...", "status": 404,
 *              "details": null}}
 * with details [{field, message}] on 422 and, on 429,
 * "retry_after_seconds" inside "error".  B, the flat object of the DELETE
 * route's example:
 *   {type, title, status, detail, error_code, timestamp, retryable,
 *    retry_after, owner_action_required, details}
 * whose code is lowercase (the metadata guide writes "validation_error")
 * and whose media type the sandbox makes application/problem+json.  Each
 * route answers in its documented shape, unless a test forces one.
 */

void
_att_sandbox_closient_reply_clear (AttSandboxClosientReply *reply)
{
  g_clear_pointer (&reply->json, json_node_unref);
  g_clear_pointer (&reply->message, g_free);
  g_clear_pointer (&reply->details, g_ptr_array_unref);
}

void
_att_sandbox_closient_reply_error (AttSandboxClosientReply *reply,
                                   guint                    status,
                                   const char              *message)
{
  reply->status = status;
  g_free (reply->message);
  reply->message = g_strdup (message);
}

/* A 422 with one field error. */
void
_att_sandbox_closient_reply_invalid (AttSandboxClosientReply *reply,
                                     const char              *field,
                                     const char              *message)
{
  g_autoptr(GPtrArray) details = att_field_error_array_new ();

  g_ptr_array_add (details, att_field_error_new (field, message));
  _att_sandbox_closient_reply_details (reply, details);
}

/* A 422 with the field errors @details. */
void
_att_sandbox_closient_reply_details (AttSandboxClosientReply *reply,
                                     GPtrArray               *details)
{
  _att_sandbox_closient_reply_error (reply, 422, _ ("The request is not valid"));
  g_clear_pointer (&reply->details, g_ptr_array_unref);
  reply->details = g_ptr_array_ref (details);
}

void
_att_sandbox_closient_reply_json (AttSandboxClosientReply *reply,
                                  JsonNode                *json)
{
  reply->status = SOUP_STATUS_OK;
  g_clear_pointer (&reply->json, json_node_unref);
  reply->json = json;
}

void
_att_sandbox_closient_reply_store_error (AttSandboxClosientReply *reply,
                                         GError                  *error)
{
  g_warning ("Closient store: %s", error != NULL ? error->message : "unknown error");
  _att_sandbox_closient_reply_error (reply, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                     _ ("The sandbox could not read or write its store"));
}

/* The documented code of @status (§7's table), in capitals. */
static const char *
error_code (guint status)
{
  switch (status)
    {
    case 400:
      return "BAD_REQUEST";
    case 401:
      return "UNAUTHORIZED";
    case 403:
      return "FORBIDDEN";
    case 404:
      return "NOT_FOUND";
    case 405:
      return "METHOD_NOT_ALLOWED";
    case 409:
      return "CONFLICT";
    case 413:
      return "PAYLOAD_TOO_LARGE";
    case 422:
      return "VALIDATION_ERROR";
    case 429:
      return "RATE_LIMITED";
    default:
      return status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
    }
}

static JsonNode *
details_node (GPtrArray *details)
{
  JsonArray *array;

  if (details == NULL)
    return json_node_new (JSON_NODE_NULL);

  array = json_array_new ();
  for (guint i = 0; i < details->len; i++)
    {
      const AttFieldError *field_error = g_ptr_array_index (details, i);
      JsonObject          *detail = json_object_new ();

      json_object_set_string_member (detail, "field", field_error->path);
      json_object_set_string_member (detail, "message", field_error->message);
      json_array_add_object_element (array, detail);
    }
  return att_sandbox_json_node_take_array (array);
}

static JsonNode *
shape_a (const AttSandboxClosientReply *reply)
{
  JsonObject *error = json_object_new ();
  JsonObject *body = json_object_new ();

  json_object_set_string_member (error, "code", error_code (reply->status));
  json_object_set_string_member (error, "message", reply->message);
  json_object_set_int_member (error, "status", reply->status);
  json_object_set_member (error, "details", details_node (reply->details));
  if (reply->retry_after > 0)
    json_object_set_int_member (error, "retry_after_seconds", reply->retry_after);
  if (reply->status == SOUP_STATUS_FORBIDDEN)
    json_object_set_boolean_member (error, "owner_action_required", reply->owner_action_required);
  json_object_set_object_member (body, "error", error);
  return att_sandbox_json_node_take_object (body);
}

static JsonNode *
shape_b (const AttSandboxClosientReply *reply)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *timestamp = g_date_time_format_iso8601 (now);
  g_autofree char *code = g_ascii_strdown (error_code (reply->status), -1);
  JsonObject      *body = json_object_new ();

  json_object_set_string_member (body, "type", "about:blank");
  json_object_set_string_member (body, "title", soup_status_get_phrase (reply->status));
  json_object_set_int_member (body, "status", reply->status);
  json_object_set_string_member (body, "detail", reply->message);
  json_object_set_string_member (body, "error_code", code);
  json_object_set_string_member (body, "timestamp", timestamp);
  json_object_set_boolean_member (body, "retryable", reply->status == 429 || reply->status >= 500);
  if (reply->retry_after > 0)
    json_object_set_int_member (body, "retry_after", reply->retry_after);
  else
    json_object_set_null_member (body, "retry_after");
  json_object_set_boolean_member (body, "owner_action_required", reply->owner_action_required);
  json_object_set_member (body, "details", details_node (reply->details));
  return att_sandbox_json_node_take_object (body);
}

/**
 * _att_sandbox_closient_respond:
 * @shape: 'B' for the flat error shape, anything else for the envelope
 *
 * Answers @reply: its JSON, no body for 204, or its error in @shape.
 */
void
_att_sandbox_closient_respond (SoupServerMessage             *msg,
                               char                           shape,
                               const AttSandboxClosientReply *reply)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autoptr(JsonNode) node = NULL;
  const char *type = "application/json";
  char       *data;

  soup_server_message_set_status (msg, reply->status, NULL);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  if (reply->status == SOUP_STATUS_NO_CONTENT)
    return;

  if (reply->status < 400 && reply->json != NULL)
    node = json_node_ref (reply->json);
  else if (shape == 'B')
    {
      node = shape_b (reply);
      type = "application/problem+json";
    }
  else
    node = shape_a (reply);

  data = att_sandbox_json_to_string (node);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_TAKE, data, strlen (data));
}
