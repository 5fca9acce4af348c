/* att-http-error-body.c: what a server's error answer says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reads the JSON body of an HTTP error answer, whichever of the shapes the
 * APIs use: Higg's flat {message|detail|error, details|errors}, Closient's
 * envelope A {"error": {code, message, status, details,
 * retry_after_seconds}} and its flat shape B {type, title, status, detail,
 * error_code, retry_after, owner_action_required, details}
 * (api-closient.md §7).  Every member is looked for inside "error" first,
 * then at the top level.  A server's text is cut short and put on one line
 * before it reaches a message. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "att-http-private.h"

#define MAX_SERVER_MESSAGE_CHARS 200
#define MAX_FIELD_ERRORS         100
#define MAX_SERVER_CODE_CHARS    64

/* A server's text goes into a message a user reads: keep it short, on one
 * line, and never dump a whole body. */
static char *
sanitize_server_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *stripped = NULL;
  char            *p;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  for (p = valid; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        *p = ' ';
    }
  stripped = g_strdup (g_strstrip (valid));
  if (*stripped == '\0')
    return NULL;

  if (g_utf8_strlen (stripped, -1) > MAX_SERVER_MESSAGE_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (stripped, 0, MAX_SERVER_MESSAGE_CHARS);

      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&stripped);
}

/* A field path may be a string ("materials[0].netUse") or, as some
 * validation libraries send it, an array of keys and indexes. */
static char *
field_path_from_node (JsonNode *node)
{
  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return sanitize_server_text (json_node_get_string (node));

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) path = g_string_new (NULL);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *part = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (part))
            return NULL;

          if (json_node_get_value_type (part) == G_TYPE_INT64)
            g_string_append_printf (path, "[%" G_GINT64_FORMAT "]", json_node_get_int (part));
          else if (json_node_get_value_type (part) == G_TYPE_STRING)
            {
              if (path->len > 0)
                g_string_append_c (path, '.');
              g_string_append (path, json_node_get_string (part));
            }
          else
            return NULL;
        }

      return sanitize_server_text (path->str);
    }

  return NULL;
}

static const char *
object_get_string (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL &&
      JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

static void
add_field_error (GPtrArray  *field_errors,
                 const char *path,
                 const char *message)
{
  g_autofree char *clean_message = sanitize_server_text (message);

  if (field_errors->len >= MAX_FIELD_ERRORS)
    return;

  g_ptr_array_add (field_errors,
                   att_field_error_new (path != NULL ? path : "",
                                        clean_message != NULL ? clean_message : _ ("Invalid value")));
}

/* Reads `details` or `errors`: an array of {path|field, message} objects
 * (the sandbox and most JSON APIs), or an object mapping a field to a
 * message or to a list of messages. */
static void
collect_field_errors (JsonNode  *node,
                      GPtrArray *field_errors)
{
  if (node == NULL)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint      n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode        *element = json_array_get_element (array, i);
          JsonObject      *object;
          g_autofree char *path = NULL;
          const char      *message;

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING)
            {
              add_field_error (field_errors, NULL, json_node_get_string (element));
              continue;
            }

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;

          object = json_node_get_object (element);
          path = field_path_from_node (json_object_get_member (object, "path"));
          if (path == NULL)
            path = field_path_from_node (json_object_get_member (object, "field"));

          message = object_get_string (object, "message");
          if (message == NULL)
            message = object_get_string (object, "msg");

          add_field_error (field_errors, path, message);
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char    *member;
      JsonNode      *value;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &member, &value))
        {
          g_autofree char *path = sanitize_server_text (member);

          if (JSON_NODE_HOLDS_VALUE (value) &&
              json_node_get_value_type (value) == G_TYPE_STRING)
            add_field_error (field_errors, path, json_node_get_string (value));
          else if (JSON_NODE_HOLDS_ARRAY (value))
            {
              JsonArray *messages = json_node_get_array (value);

              for (guint i = 0; i < json_array_get_length (messages); i++)
                {
                  JsonNode *m = json_array_get_element (messages, i);

                  if (JSON_NODE_HOLDS_VALUE (m) && json_node_get_value_type (m) == G_TYPE_STRING)
                    add_field_error (field_errors, path, json_node_get_string (m));
                }
            }
        }
    }
}

/* The envelope's "error" object, if the body has one. */
static JsonObject *
inner_error (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "error");

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonNode *
member_of_either (JsonObject *inner,
                  JsonObject *outer,
                  const char *name)
{
  JsonNode *node = inner != NULL ? json_object_get_member (inner, name) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    node = json_object_get_member (outer, name);
  return node;
}

static const char *
string_of_either (JsonObject *inner,
                  JsonObject *outer,
                  const char *name)
{
  const char *text = inner != NULL ? object_get_string (inner, name) : NULL;

  return text != NULL ? text : object_get_string (outer, name);
}

/* A delay in seconds, as a number or a string of digits; -1 if none. */
static gint64
seconds_of_either (JsonObject *inner,
                   JsonObject *outer,
                   const char *name)
{
  JsonNode *node = member_of_either (inner, outer, name);
  GType     type;
  double    seconds = -1;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return -1;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
    seconds = json_node_get_double (node);
  else if (type == G_TYPE_STRING && g_ascii_isdigit (*json_node_get_string (node)))
    seconds = g_ascii_strtod (json_node_get_string (node), NULL);

  if (!(seconds >= 0) || seconds > G_MAXINT32)
    return -1;
  return (gint64) (seconds + 0.999);
}

/* Only letters, digits and underscores, as codes are: a code is matched,
 * never shown as it is. */
static char *
sanitize_code (const char *code)
{
  if (code == NULL || *code == '\0' || strlen (code) > MAX_SERVER_CODE_CHARS)
    return NULL;
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return NULL;
  return g_ascii_strup (code, -1);
}

static void
read_object (JsonObject       *object,
             AttHttpErrorBody *body)
{
  JsonObject *inner = inner_error (object);
  const char *message;
  JsonNode   *owner;

  message = string_of_either (inner, object, "message");
  if (message == NULL)
    message = object_get_string (object, "detail");
  if (message == NULL)
    message = object_get_string (object, "error");
  if (message == NULL)
    message = object_get_string (object, "title");
  body->message = sanitize_server_text (message);

  body->code = sanitize_code (string_of_either (inner, object, "code"));
  if (body->code == NULL)
    body->code = sanitize_code (string_of_either (inner, object, "error_code"));

  body->retry_after = seconds_of_either (inner, object, "retry_after_seconds");
  if (body->retry_after < 0)
    body->retry_after = seconds_of_either (inner, object, "retry_after");

  owner = member_of_either (inner, object, "owner_action_required");
  body->owner_action_required = owner != NULL && JSON_NODE_HOLDS_VALUE (owner) &&
                                json_node_get_value_type (owner) == G_TYPE_BOOLEAN &&
                                json_node_get_boolean (owner);

  if (inner != NULL)
    collect_field_errors (json_object_get_member (inner, "details"), body->field_errors);
  if (body->field_errors->len == 0)
    collect_field_errors (json_object_get_member (object, "details"), body->field_errors);
  if (body->field_errors->len == 0)
    collect_field_errors (json_object_get_member (object, "errors"), body->field_errors);
}

/**
 * att_http_error_body_read:
 * @bytes: (nullable): the body of an error answer
 * @body: (out caller-allocates): what it says; clear it with
 *   att_http_error_body_clear()
 * @out_root: (out) (optional) (transfer full): the parsed body, if it is a
 *   JSON object
 */
void
att_http_error_body_read (GBytes           *bytes,
                          AttHttpErrorBody *body,
                          JsonNode        **out_root)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gconstpointer data;
  gsize         size = 0;
  JsonNode     *root;

  memset (body, 0, sizeof *body);
  body->field_errors = att_field_error_array_new ();
  body->retry_after = -1;

  if (bytes == NULL)
    return;

  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || size > G_MAXSSIZE ||
      !json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;

  if (out_root != NULL)
    *out_root = json_node_ref (root);
  read_object (json_node_get_object (root), body);
}

void
att_http_error_body_clear (AttHttpErrorBody *body)
{
  g_clear_pointer (&body->message, g_free);
  g_clear_pointer (&body->code, g_free);
  g_clear_pointer (&body->field_errors, g_ptr_array_unref);
}
