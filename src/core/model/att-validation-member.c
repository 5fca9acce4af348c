/* att-validation-member.c: checks of one member of a body each, for the
 * product rules; every problem is added to a list under its path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "att-validation-private.h"

/* The longest text any member may hold, in characters.  The API documents
 * no limit for any text it takes; but a name or an identifier is shown in
 * lists, labels and reports, and a pasted 10,000-character name is a
 * mistake, not a name.  255 is the common limit of database text columns
 * and of GS1 and ERP product descriptions, long enough for any real name,
 * tag or id. */
#define ATT_TEXT_MAX_CHARS 255

void
att_check_report (GPtrArray  *errors,
                  const char *path,
                  const char *message)
{
  g_ptr_array_add (errors, att_field_error_new (path, message));
}

void
att_check_report_member (GPtrArray  *errors,
                         const char *parent,
                         const char *key,
                         const char *message)
{
  g_autofree char *path = att_json_path_member (parent, key);

  att_check_report (errors, path, message);
}

gboolean
att_check_is_null (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_NULL (node);
}

gboolean
att_check_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

gboolean
att_check_is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

gboolean
att_check_is_blank (const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_integer (JsonNode *node)
{
  double value;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return TRUE;
  value = json_node_get_double (node);
  return isfinite (value) && floor (value) == value;
}

static gboolean
has_control_characters (const char *value)
{
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Control characters (tabs, line breaks, escapes: Unicode category Cc) have
 * no place in any member: every one is a single-line name, id or label, and
 * a pasted tab or escape sequence would corrupt lists and reports. */
gboolean
att_check_text (GPtrArray  *errors,
                const char *path,
                const char *value)
{
  glong length;

  if (!g_utf8_validate (value, -1, NULL))
    {
      att_check_report (errors, path, _ ("This text is not valid UTF-8"));
      return FALSE;
    }

  if (has_control_characters (value))
    {
      att_check_report (errors, path,
                        _ ("Remove the control characters (such as tabs or line breaks) from this text"));
      return FALSE;
    }

  length = g_utf8_strlen (value, -1);
  if (length > ATT_TEXT_MAX_CHARS)
    {
      /* Translators: %d is the longest text accepted, %ld how long it is. */
      g_autofree char *message = g_strdup_printf (_ ("This text is too long: at most %d characters, not %ld"),
                                                  ATT_TEXT_MAX_CHARS, length);

      att_check_report (errors, path, message);
      return FALSE;
    }

  return TRUE;
}

/* Checks a string member.  Returns the string when it is present and of the
 * right type, %NULL otherwise (absent, null or an error already reported).
 * A required string must also not be blank; a null is accepted only for a
 * @nullable member that is not @required. */
const char *
att_check_string (GPtrArray  *errors,
                  JsonObject *object,
                  const char *key,
                  const char *parent,
                  gboolean    required,
                  gboolean    nullable)
{
  JsonNode        *node = json_object_get_member (object, key);
  g_autofree char *path = att_json_path_member (parent, key);
  const char      *value;

  if (node == NULL || att_check_is_null (node))
    {
      if (required || (node != NULL && !nullable))
        att_check_report (errors, path, _ ("This field is required"));
      return NULL;
    }

  if (!att_check_is_string (node))
    {
      att_check_report (errors, path, _ ("Expected text"));
      return NULL;
    }

  value = json_node_get_string (node);
  if (!att_check_text (errors, path, value))
    return NULL;

  if (required && att_check_is_blank (value))
    {
      att_check_report (errors, path, _ ("This field must not be empty"));
      return NULL;
    }

  return value;
}

static gboolean
string_in (const char        *value,
           const char *const *allowed)
{
  for (guint i = 0; allowed[i] != NULL; i++)
    if (g_strcmp0 (value, allowed[i]) == 0)
      return TRUE;
  return FALSE;
}

void
att_check_enum (GPtrArray         *errors,
                JsonObject        *object,
                const char        *key,
                const char        *parent,
                const char *const *allowed)
{
  const char *value = att_check_string (errors, object, key, parent, FALSE, TRUE);

  if (value != NULL && !string_in (value, allowed))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) allowed);
      /* Translators: %s is a comma-separated list of the accepted values. */
      g_autofree char *message = g_strdup_printf (_ ("Must be one of: %s"), list);

      att_check_report_member (errors, parent, key, message);
    }
}

void
att_check_boolean (GPtrArray  *errors,
                   JsonObject *object,
                   const char *key,
                   const char *parent)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node != NULL && !att_check_is_null (node) && !att_check_is_boolean (node))
    att_check_report_member (errors, parent, key, _ ("Expected true or false"));
}

/* Checks a number member.  Returns TRUE and sets @out_value when the member
 * is a number; reports a type error when it is something else. */
gboolean
att_check_number (GPtrArray  *errors,
                  JsonObject *object,
                  const char *key,
                  const char *parent,
                  gboolean    required,
                  double     *out_value)
{
  JsonNode        *node = json_object_get_member (object, key);
  g_autofree char *path = att_json_path_member (parent, key);

  if (node == NULL || att_check_is_null (node))
    {
      if (required)
        att_check_report (errors, path, _ ("This field is required"));
      return FALSE;
    }

  if (!is_number (node))
    {
      att_check_report (errors, path, _ ("Expected a number"));
      return FALSE;
    }

  /* JSON has no NaN or infinity, but a parser turns 1e999 into one, and a
   * form may hold one; no rule below could say anything sensible of it. */
  if (!isfinite (json_node_get_double (node)))
    {
      att_check_report (errors, path, _ ("Expected a finite number"));
      return FALSE;
    }

  *out_value = json_node_get_double (node);
  return TRUE;
}

static gboolean
range_holds (const AttCheckRange *range,
             JsonNode            *node,
             double               value)
{
  if (range->integer && !is_integer (node))
    return FALSE;
  if (range->above_min ? !(value > range->min) : !(value >= range->min))
    return FALSE;
  return value <= range->max;
}

/* Checks a number member as att_check_number() does, and then that it is
 * in @range, reporting @message when it is not.  Returns TRUE and sets
 * @out_value (if not %NULL) only for a number in range. */
gboolean
att_check_number_in (GPtrArray           *errors,
                     JsonObject          *object,
                     const char          *key,
                     const char          *parent,
                     gboolean             required,
                     const AttCheckRange *range,
                     const char          *message,
                     double              *out_value)
{
  double value;

  if (!att_check_number (errors, object, key, parent, required, &value))
    return FALSE;

  if (!range_holds (range, json_object_get_member (object, key), value))
    {
      att_check_report_member (errors, parent, key, message);
      return FALSE;
    }

  if (out_value != NULL)
    *out_value = value;
  return TRUE;
}

/**
 * att_validate_text_member:
 * @required: whether absent, null and blank are errors
 * @out_value: (out): the text, when it passes
 *
 * Checks the text member @key of @object by the rules of every product
 * text (type, no control characters, at most 255 characters, not blank if
 * required), for other bodies that hold names and ids, such as the
 * sandbox's certificates.  Errors are added to @errors under @key.
 *
 * Returns: whether there is a text to use
 */
gboolean
att_validate_text_member (JsonObject  *object,
                          const char  *key,
                          gboolean     required,
                          const char **out_value,
                          GPtrArray   *errors)
{
  g_return_val_if_fail (object != NULL && key != NULL && out_value != NULL && errors != NULL, FALSE);

  *out_value = att_check_string (errors, object, key, NULL, required, FALSE);
  return *out_value != NULL;
}

/**
 * att_validate_number_member:
 * @out_value: (out): the number, when it passes
 *
 * Checks that the member @key of @object is a finite number (absent and
 * null are errors only if @required).  Errors are added to @errors.
 *
 * Returns: whether there is a number to use
 */
gboolean
att_validate_number_member (JsonObject *object,
                            const char *key,
                            gboolean    required,
                            double     *out_value,
                            GPtrArray  *errors)
{
  g_return_val_if_fail (object != NULL && key != NULL && out_value != NULL && errors != NULL, FALSE);

  return att_check_number (errors, object, key, NULL, required, out_value);
}
