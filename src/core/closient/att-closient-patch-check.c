/* att-closient-patch-check.c: the checks of an edit before it is sent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "att-closient-patch-private.h"
#include "att-error.h"
#include "att-iso-country.h"
#include "att-json.h"

/* The rules the server checks a PATCH against (api-closient.md §4.2 and
 * §5, and what issue9.md pins down), on the body the patch would send, with
 * the field names the server's 422 uses, so that a form marks a local
 * problem and a server's the same way. */

static void
add_error (GPtrArray  *field_errors,
           const char *field,
           const char *message)
{
  g_ptr_array_add (field_errors, att_field_error_new (field, message));
}

static guint
max_chars (const char *field)
{
  if (g_str_equal (field, "certificate_number"))
    return ATT_CLOSIENT_MAX_CERTIFICATE_NUMBER_CHARS;
  if (g_str_equal (field, "issuing_body"))
    return ATT_CLOSIENT_MAX_ISSUING_BODY_CHARS;
  if (g_str_equal (field, "certification_value"))
    return ATT_CLOSIENT_MAX_CERTIFICATION_VALUE_CHARS;
  if (g_str_equal (field, "verification_url"))
    return ATT_CLOSIENT_MAX_VERIFICATION_URL_CHARS;
  return G_MAXUINT;
}

static void
check_string (const char *field,
              const char *value,
              GPtrArray  *field_errors)
{
  guint limit = max_chars (field);
  glong chars = g_utf8_strlen (value, -1);

  if (chars > (glong) limit)
    {
      g_autofree char *message =
        /* Translators: %u is the limit, %ld how many characters were typed. */
        g_strdup_printf (_ ("At most %u characters, not %ld"), limit, chars);

      add_error (field_errors, field, message);
      return;
    }

  /* A verification page is a web page (Django's URLField, as the sandbox
   * has it). */
  if (g_str_equal (field, "verification_url") && *value != '\0' &&
      !g_str_has_prefix (value, "https://") && !g_str_has_prefix (value, "http://"))
    add_error (field_errors, field, _ ("Expected an address starting with https:// or http://"));
}

/* Only "YYYY-MM-DD", a real date: what Closient takes. */
static gboolean
is_date (const char *text)
{
  g_autofree char *normal = att_json_normalize_date (text);

  return normal != NULL && strlen (text) == 10 && g_str_equal (normal, text);
}

static void
check_member (const char *field,
              JsonNode   *node,
              GPtrArray  *field_errors)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return;

  if (att_closient_patch_is_string_field (field))
    check_string (field, json_node_get_string (node), field_errors);
  else if (att_closient_patch_is_date_field (field) && !is_date (json_node_get_string (node)))
    add_error (field_errors, field, _ ("Expected a date as YYYY-MM-DD"));
}

/* On the dates after the edit, whether it sets them or not: the server
 * checks the assignment it would store. */
static void
check_date_order (AttClosientPatch *self,
                  GPtrArray        *field_errors)
{
  const char *from = att_closient_patch_get_date (self, "valid_from");
  const char *until = att_closient_patch_get_date (self, "expiration_date");

  /* Dates as YYYY-MM-DD sort as strings. */
  if (from != NULL && until != NULL && is_date (from) && is_date (until) &&
      strcmp (until, from) < 0)
    add_error (field_errors, "expiration_date",
               _ ("The expiration date is before the start of validity"));
}

/* One problem for the field, naming every code that is not one. */
static void
check_countries (JsonArray *codes,
                 GPtrArray *field_errors)
{
  g_autoptr(GString) bad = g_string_new (NULL);
  guint n_bad = 0;

  for (guint i = 0; i < json_array_get_length (codes); i++)
    {
      const char *code = json_array_get_string_element (codes, i);

      if (att_iso_country_is_code (code))
        continue;
      g_string_append_printf (bad, "%s“%s”", n_bad > 0 ? ", " : "", code);
      n_bad++;
    }

  if (n_bad > 0)
    {
      g_autofree char *message =
        /* Translators: %s is a list of what was given as country codes. */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Not an ISO 3166 country code: %s",
                                      "Not ISO 3166 country codes: %s", n_bad),
                         bad->str);

      add_error (field_errors, "certificate_countries", message);
    }
}

static void
check_metadata (AttClosientPatch *self,
                JsonNode         *diff,
                GPtrArray        *field_errors)
{
  g_autoptr(GHashTable) merged = NULL;

  merged = att_closient_metadata_copy (att_closient_assignment_get_metadata (self->before));
  att_closient_metadata_merge (merged, diff, field_errors);
}

/**
 * att_closient_patch_check:
 * @field_errors: (element-type AttFieldError): where to add each problem,
 *   on the field the server would name: string lengths (and a
 *   verification URL's scheme), dates (their form, and expiration_date not
 *   before valid_from, set or not by the edit), country codes, and the metadata
 *   limits (50 keys, keys of 40 and values of 500 characters) on the
 *   metadata as it would be after the merge
 *
 * Checks what att_closient_patch_to_json() would send.
 */
void
att_closient_patch_check (AttClosientPatch *self,
                          GPtrArray        *field_errors)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject    *body;
  JsonObjectIter iter;
  const char    *field;
  JsonNode      *node;

  g_return_if_fail (ATT_IS_CLOSIENT_PATCH (self));
  g_return_if_fail (field_errors != NULL);

  root = att_closient_patch_to_json (self);
  body = json_node_get_object (root);

  json_object_iter_init (&iter, body);
  while (json_object_iter_next (&iter, &field, &node))
    check_member (field, node, field_errors);
  check_date_order (self, field_errors);
  if (json_object_has_member (body, "certificate_countries"))
    check_countries (json_object_get_array_member (body, "certificate_countries"), field_errors);
  if (json_object_has_member (body, "metadata"))
    check_metadata (self, json_object_get_member (body, "metadata"), field_errors);
}
