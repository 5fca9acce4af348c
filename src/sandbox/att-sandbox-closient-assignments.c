/* att-sandbox-closient-assignments.c: a product's certification
 * assignments (the bare-array list and the paginated one) and the product
 * look-up, with what the Closient routes share: GTINs and ids in paths,
 * pages and their envelope, logo URLs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "att-gtin.h"
#include "att-shortuuid.h"

#include "att-sandbox-closient-private.h"
#include "att-sandbox-json.h"

#define DEFAULT_PAGE_SIZE 25
#define MAX_PAGE_SIZE     100

/* Path parameters ----------------------------------------------------------- */

static gboolean
is_digits (const char *text,
           gsize       min,
           gsize       max)
{
  gsize length = strlen (text);

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return length >= min && length <= max;
}

/**
 * _att_sandbox_closient_read_gtin:
 * @separators: whether spaces and hyphens are allowed (the products app's
 *   paths), or only `^\d{8,14}$` (the certifications app's)
 * @out_gtin14: (out) (transfer full): the GTIN padded to 14 digits
 *
 * Reads the GTIN of the path (the request's first argument): 8, 12, 13 or
 * 14 digits with a correct check digit.
 *
 * Returns: %FALSE with @reply set to a 422 on "gtin" if it is not one
 */
gboolean
_att_sandbox_closient_read_gtin (AttSandboxClosientRequest *request,
                                 gboolean                   separators,
                                 char                     **out_gtin14,
                                 AttSandboxClosientReply   *reply)
{
  g_autofree char *digits = separators ? att_gtin_clean_input (request->args[0]) : g_strdup (request->args[0]);
  g_autoptr(GError) error = NULL;

  if (!is_digits (digits, 8, 14))
    {
      _att_sandbox_closient_reply_invalid (reply, "gtin", _ ("GTIN must be 8, 12, 13, or 14 digits."));
      return FALSE;
    }
  if (!att_gtin_normalize (digits, out_gtin14, &error))
    {
      _att_sandbox_closient_reply_invalid (reply, "gtin", error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * _att_sandbox_closient_read_id:
 * @text: an id from a path or a query: the 22-character shortuuid or the
 *   canonical UUID form
 * @field: the field an error names
 * @out_id: (out) (transfer full): the 22-character form
 *
 * Returns: %FALSE with @reply set to a 422 on @field if @text is not an id
 */
gboolean
_att_sandbox_closient_read_id (const char              *text,
                               const char              *field,
                               char                   **out_id,
                               AttSandboxClosientReply *reply)
{
  g_autoptr(GError) error = NULL;

  *out_id = att_shortuuid_normalize (text, &error);
  if (*out_id == NULL)
    {
      _att_sandbox_closient_reply_invalid (reply, field, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Query parameters and pages -------------------------------------------------- */

/* A whole number in [@min, @max] from the query's @name, or @fallback. */
static gboolean
read_number (AttSandboxClosientRequest *request,
             const char                *name,
             guint                      min,
             guint                      max,
             guint                      fallback,
             guint                     *out_value,
             AttSandboxClosientReply   *reply)
{
  const char *text = g_hash_table_lookup (request->query, name);
  guint64     value = fallback;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    {
      /* Translators: %u and %u are the smallest and largest values. */
      g_autofree char *message = g_strdup_printf (_ ("Expected a whole number from %u to %u"), min, max);

      _att_sandbox_closient_reply_invalid (reply, name, message);
      return FALSE;
    }
  *out_value = (guint) value;
  return TRUE;
}

/**
 * _att_sandbox_closient_read_page:
 *
 * Reads `page` (from 1, default 1) and `page_size` (1-100, default 25).
 *
 * Returns: %FALSE with @reply set to a 422 if either is not valid
 */
gboolean
_att_sandbox_closient_read_page (AttSandboxClosientRequest *request,
                                 AttSandboxClosientPage    *out_page,
                                 AttSandboxClosientReply   *reply)
{
  guint page = 1, size = DEFAULT_PAGE_SIZE;

  if (!read_number (request, "page", 1, G_MAXINT32, 1, &page, reply) ||
      !read_number (request, "page_size", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, &size, reply))
    return FALSE;

  out_page->offset = (guint) MIN ((guint64) (page - 1) * size, G_MAXUINT32);
  out_page->limit = size;
  return TRUE;
}

/**
 * _att_sandbox_closient_envelope:
 * @data: (transfer full): the page's rows
 * @total: how many rows there are in all
 *
 * Returns: (transfer full): `{data, pagination}` (api-closient.md §3.2);
 *   an empty result has one (empty) page, as Django's paginator says
 */
JsonNode *
_att_sandbox_closient_envelope (JsonArray                    *data,
                                const AttSandboxClosientPage *page,
                                gint64                        total)
{
  JsonObject *envelope = json_object_new ();
  JsonObject *pagination = json_object_new ();
  gint64      number = page->offset / page->limit + 1;
  gint64      pages = MAX (1, (total + page->limit - 1) / page->limit);

  json_object_set_int_member (pagination, "page", number);
  json_object_set_int_member (pagination, "page_size", page->limit);
  json_object_set_int_member (pagination, "total_count", total);
  json_object_set_int_member (pagination, "total_pages", pages);
  json_object_set_boolean_member (pagination, "has_next", number < pages);
  json_object_set_boolean_member (pagination, "has_previous", number > 1);
  json_object_set_array_member (envelope, "data", data);
  json_object_set_object_member (envelope, "pagination", pagination);
  return att_sandbox_json_node_take_object (envelope);
}

/**
 * _att_sandbox_closient_logo_url:
 * @record: a catalogue record with its `logo` key
 *
 * Returns: (transfer full) (nullable): the absolute URL of @record's logo
 *   on the sandbox's own origin, or %NULL if it has none
 */
char *
_att_sandbox_closient_logo_url (AttSandboxClosientRequest *request,
                                JsonObject                *record)
{
  const char      *key = att_sandbox_json_string (record, "logo");
  g_autofree char *escaped = NULL;

  if (key == NULL)
    return NULL;
  escaped = g_uri_escape_string (key, NULL, FALSE);
  return g_strconcat (request->base_url, "/_sandbox/closient-logos/", escaped, ".png", NULL);
}

static void
set_nullable_string (JsonObject *object,
                     const char *key,
                     const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, key, value);
  else
    json_object_set_null_member (object, key);
}

/* Assignments ------------------------------------------------------------------ */

/* The assignment's own members, in the documented order, with what each
 * is when absent. */
static const struct
{
  const char  *name;
  JsonNodeType type;
} state_members[] = {
  { "valid_from", JSON_NODE_NULL },
  { "expiration_date", JSON_NODE_NULL },
  { "certificate_number", JSON_NODE_VALUE },
  { "issuing_body", JSON_NODE_VALUE },
  { "expiry_date", JSON_NODE_NULL },
  { "verification_url", JSON_NODE_VALUE },
  { "verification_status", JSON_NODE_VALUE },
  { "scope", JSON_NODE_VALUE },
  { "certification_value", JSON_NODE_VALUE },
  { "audit_date", JSON_NODE_NULL },
  { "initial_certification_date", JSON_NODE_NULL },
  { "certificate_countries", JSON_NODE_ARRAY },
};

static JsonNode *
state_member (JsonObject  *state,
              const char  *name,
              JsonNodeType type)
{
  JsonNode *node = state != NULL ? json_object_get_member (state, name) : NULL;

  if (node != NULL)
    return json_node_copy (node);
  if (type == JSON_NODE_ARRAY)
    return att_sandbox_json_node_take_array (json_array_new ());
  if (type == JSON_NODE_NULL)
    return json_node_new (JSON_NODE_NULL);
  return json_node_init_string (json_node_alloc (),
                                g_str_equal (name, "verification_status") ? "unverified" : "");
}

/* Whether an assignment is active @today: its window, either bound open
 * when null (api-closient.md §3.1). */
static gboolean
is_active (JsonObject *state,
           const char *today)
{
  const char *from = att_sandbox_json_string (state, "valid_from");
  const char *until = att_sandbox_json_string (state, "expiration_date");

  return (from == NULL || strcmp (from, today) <= 0) && (until == NULL || strcmp (until, today) >= 0);
}

/**
 * _att_sandbox_closient_render_assignment:
 *
 * Returns: (transfer full): @assignment as CertificationAssignmentOut
 *   (api-closient.md §4.1), `is_active` as of the request's day
 */
JsonObject *
_att_sandbox_closient_render_assignment (AttSandboxClosientRequest          *request,
                                         const AttSandboxClosientAssignment *assignment)
{
  JsonObject      *certification = assignment->certification;
  JsonObject      *state = assignment->state;
  JsonObject      *metadata = state != NULL ? att_sandbox_json_object (state, "metadata") : NULL;
  JsonObject      *out = json_object_new ();
  g_autofree char *logo_url = _att_sandbox_closient_logo_url (request, certification);

  json_object_set_string_member (out, "id", att_sandbox_json_string (certification, "id"));
  json_object_set_string_member (out, "label", att_sandbox_json_string (certification, "label"));
  json_object_set_boolean_member (out, "is_active", is_active (state, request->today));
  json_object_set_object_member (out, "metadata",
                                 metadata != NULL ? json_object_ref (metadata) : json_object_new ());
  json_object_set_string_member (out, "code", att_sandbox_json_string (certification, "code"));
  json_object_set_string_member (out, "description", att_sandbox_json_string (certification, "description"));
  json_object_set_string_member (out, "url", att_sandbox_json_string (certification, "url"));
  set_nullable_string (out, "logo_url", logo_url);
  for (guint i = 0; i < G_N_ELEMENTS (state_members); i++)
    json_object_set_member (out, state_members[i].name,
                            state_member (state, state_members[i].name, state_members[i].type));
  return out;
}

/* The product of the path's GTIN: 422 if it is not a GTIN, 404 if no
 * product has it. */
static JsonObject *
find_product (AttSandboxClosientRequest *request,
              gboolean                   separators,
              char                     **out_gtin14,
              AttSandboxClosientReply   *reply)
{
  g_autoptr(GError) error = NULL;
  JsonObject *product;

  if (!_att_sandbox_closient_read_gtin (request, separators, out_gtin14, reply))
    return NULL;

  product = att_sandbox_store_get_closient_product (request->self->store, *out_gtin14, &error);
  if (product == NULL && error != NULL)
    _att_sandbox_closient_reply_store_error (reply, error);
  else if (product == NULL)
    _att_sandbox_closient_reply_error (reply, SOUP_STATUS_NOT_FOUND, _ ("No product matches this GTIN"));
  return product;
}

/* Reads the list filters of api-closient.md §3.1 into @query. */
static gboolean
read_filters (AttSandboxClosientRequest         *request,
              AttSandboxClosientAssignmentQuery *query,
              AttSandboxClosientReply           *reply)
{
  static const char *const statuses[] = { "unverified", "verified", "expired", NULL };
  static const char *const orderings[] = { "expiry_date", "-expiry_date", "label", "-label", NULL };
  const char              *status = g_hash_table_lookup (request->query, "verification_status");
  const char              *active = g_hash_table_lookup (request->query, "is_active");
  const char              *ordering = g_hash_table_lookup (request->query, "ordering");

  query->today = request->today;
  query->is_active = -1;

  if (status != NULL && !g_strv_contains (statuses, status))
    {
      _att_sandbox_closient_reply_invalid (reply, "verification_status",
                                           _ ("Expected unverified, verified or expired"));
      return FALSE;
    }
  query->verification_status = status;

  if (active != NULL)
    {
      if (g_ascii_strcasecmp (active, "true") == 0 || g_str_equal (active, "1"))
        query->is_active = 1;
      else if (g_ascii_strcasecmp (active, "false") == 0 || g_str_equal (active, "0"))
        query->is_active = 0;
      else
        {
          _att_sandbox_closient_reply_invalid (reply, "is_active", _ ("Expected true or false"));
          return FALSE;
        }
    }

  if (ordering != NULL && !g_strv_contains (orderings, ordering))
    {
      _att_sandbox_closient_reply_invalid (reply, "ordering",
                                           _ ("Expected expiry_date, -expiry_date, label or -label"));
      return FALSE;
    }
  query->ordering = ordering;
  return TRUE;
}

/* The assignments of the path's product that the query selects, rendered;
 * %NULL with @reply set on an error. */
static JsonArray *
list (AttSandboxClosientRequest         *request,
      gboolean                           separators,
      AttSandboxClosientAssignmentQuery *query,
      gint64                            *out_total,
      AttSandboxClosientReply           *reply)
{
  g_autoptr(JsonObject) product = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gtin = NULL;
  JsonArray       *array;

  product = find_product (request, separators, &gtin, reply);
  if (product == NULL || !read_filters (request, query, reply))
    return NULL;

  query->gtin = gtin;
  if (!att_sandbox_store_search_closient_assignments (request->self->store, query, out_total, &rows, &error))
    {
      _att_sandbox_closient_reply_store_error (reply, error);
      return NULL;
    }

  array = json_array_new ();
  for (guint i = 0; i < rows->len; i++)
    json_array_add_object_element (array, _att_sandbox_closient_render_assignment (request, g_ptr_array_index (rows, i)));
  return array;
}

/* GET /certifications/api/v1/products/{gtin}/certifications: every
 * matching assignment, as a bare array. */
void
_att_sandbox_closient_list_bare (AttSandboxClosientRequest *request,
                                 AttSandboxClosientReply   *reply)
{
  AttSandboxClosientAssignmentQuery query = { 0 };
  JsonArray                        *array;
  gint64                            total;

  query.page.limit = G_MAXUINT;
  array = list (request, FALSE, &query, &total, reply);
  if (array != NULL)
    _att_sandbox_closient_reply_json (reply, att_sandbox_json_node_take_array (array));
}

/* GET /products/api/v1/products/{gtin}/certifications: the same, a page
 * at a time. */
void
_att_sandbox_closient_list_paged (AttSandboxClosientRequest *request,
                                  AttSandboxClosientReply   *reply)
{
  AttSandboxClosientAssignmentQuery query = { 0 };
  JsonArray                        *array;
  gint64                            total;

  if (!_att_sandbox_closient_read_page (request, &query.page, reply))
    return;
  array = list (request, TRUE, &query, &total, reply);
  if (array != NULL)
    _att_sandbox_closient_reply_json (reply, _att_sandbox_closient_envelope (array, &query.page, total));
}

/* GET /products/api/v1/products/{gtin}: the product's record. */
void
_att_sandbox_closient_get_product (AttSandboxClosientRequest *request,
                                   AttSandboxClosientReply   *reply)
{
  g_autofree char *gtin = NULL;
  JsonObject      *product = find_product (request, TRUE, &gtin, reply);

  if (product != NULL)
    _att_sandbox_closient_reply_json (reply, att_sandbox_json_node_take_object (product));
}
