/* att-sandbox-closient-catalogue.c: Closient's certification catalogue and
 * certification bodies, listed and one at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-sandbox-closient-private.h"
#include "att-sandbox-json.h"

/* CertificationOut (api-closient.md §4.3), from a stored record. */
static JsonObject *
render_certification (AttSandboxClosientRequest *request,
                      JsonObject                *record)
{
  static const char *const strings[] = { "id", "label", "code", "description", "url" };
  static const char *const more[] = { "certification_body_name", "program", "standard" };
  JsonObject              *out = json_object_new ();
  g_autofree char         *logo_url = _att_sandbox_closient_logo_url (request, record);
  const char              *value;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      value = att_sandbox_json_string (record, strings[i]);
      json_object_set_string_member (out, strings[i], value != NULL ? value : "");
    }
  if (logo_url != NULL)
    json_object_set_string_member (out, "logo_url", logo_url);
  else
    json_object_set_null_member (out, "logo_url");
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      value = att_sandbox_json_string (record, more[i]);
      json_object_set_string_member (out, more[i], value != NULL ? value : "");
    }
  return out;
}

/* CertificationBodyOut (api-closient.md §4.3), from a stored record. */
static JsonObject *
render_body (AttSandboxClosientRequest *request,
             JsonObject                *record)
{
  static const char *const strings[] = { "id", "name", "website", "description" };
  JsonObject              *out = json_object_new ();
  g_autofree char         *logo_url = _att_sandbox_closient_logo_url (request, record);
  const char              *value;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      value = att_sandbox_json_string (record, strings[i]);
      json_object_set_string_member (out, strings[i], value != NULL ? value : "");
    }
  if (logo_url != NULL)
    json_object_set_string_member (out, "logo_url", logo_url);
  else
    json_object_set_null_member (out, "logo_url");
  return out;
}

typedef JsonObject *(*Render) (AttSandboxClosientRequest *request,
                               JsonObject                *record);

/* Answers one page of @rows, rendered with @render. */
static void
reply_page (AttSandboxClosientRequest    *request,
            GPtrArray                    *rows,
            Render                        render,
            const AttSandboxClosientPage *page,
            gint64                        total,
            AttSandboxClosientReply      *reply)
{
  JsonArray *data = json_array_new ();

  for (guint i = 0; i < rows->len; i++)
    json_array_add_object_element (data, render (request, g_ptr_array_index (rows, i)));
  _att_sandbox_closient_reply_json (reply, _att_sandbox_closient_envelope (data, page, total));
}

/* An empty query parameter filters nothing, as Django's filters do. */
static const char *
query_text (AttSandboxClosientRequest *request,
            const char                *name)
{
  const char *value = g_hash_table_lookup (request->query, name);

  return value != NULL && *value != '\0' ? value : NULL;
}

/* GET /certifications/api/v1/certifications?label=&code=
 * &certification_body=&ordering=&page=&page_size= */
void
_att_sandbox_closient_list_certifications (AttSandboxClosientRequest *request,
                                           AttSandboxClosientReply   *reply)
{
  static const char *const         orderings[] = { "label", "-label", "code", "-code", NULL };
  AttSandboxClosientCatalogueQuery query = { 0 };
  const char                      *label = query_text (request, "label");
  const char                      *body = query_text (request, "certification_body");
  g_autofree char                 *label_folded = label != NULL ? g_utf8_casefold (label, -1) : NULL;
  g_autofree char                 *body_id = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total;

  query.ordering = query_text (request, "ordering");
  if (query.ordering != NULL && !g_strv_contains (orderings, query.ordering))
    {
      _att_sandbox_closient_reply_invalid (reply, "ordering", _ ("Expected label, -label, code or -code"));
      return;
    }
  if (!_att_sandbox_closient_read_page (request, &query.page, reply) ||
      (body != NULL && !_att_sandbox_closient_read_id (body, "certification_body", &body_id, reply)))
    return;

  query.label_folded = label_folded;
  query.code = query_text (request, "code");
  query.body_id = body_id;
  if (!att_sandbox_store_search_closient_certifications (request->self->store, &query, &total, &rows, &error))
    _att_sandbox_closient_reply_store_error (reply, error);
  else
    reply_page (request, rows, render_certification, &query.page, total, reply);
}

/* GET /certifications/api/v1/certification-bodies?search=&page=&page_size=
 * (parameters undocumented: docs/api-closient-sandbox.md) */
void
_att_sandbox_closient_list_bodies (AttSandboxClosientRequest *request,
                                   AttSandboxClosientReply   *reply)
{
  const char            *search = query_text (request, "search");
  g_autofree char       *folded = search != NULL ? g_utf8_casefold (search, -1) : NULL;
  AttSandboxClosientPage page;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total;

  if (!_att_sandbox_closient_read_page (request, &page, reply))
    return;
  if (!att_sandbox_store_search_closient_bodies (request->self->store, folded, &page, &total, &rows, &error))
    _att_sandbox_closient_reply_store_error (reply, error);
  else
    reply_page (request, rows, render_body, &page, total, reply);
}

typedef JsonObject *(*Lookup) (AttSandboxStore *store,
                               const char      *id,
                               GError         **error);

/* Answers the record of the path's id, or 422 (not an id) or 404. */
static void
reply_one (AttSandboxClosientRequest *request,
           const char                *field,
           Lookup                     lookup,
           Render                     render,
           AttSandboxClosientReply   *reply)
{
  g_autofree char *id = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) error = NULL;

  if (!_att_sandbox_closient_read_id (request->args[0], field, &id, reply))
    return;

  record = lookup (request->self->store, id, &error);
  if (record == NULL && error != NULL)
    _att_sandbox_closient_reply_store_error (reply, error);
  else if (record == NULL)
    _att_sandbox_closient_reply_error (reply, SOUP_STATUS_NOT_FOUND, _ ("There is no record with this id"));
  else
    _att_sandbox_closient_reply_json (reply, att_sandbox_json_node_take_object (render (request, record)));
}

/* GET /certifications/api/v1/certifications/{certification_id} */
void
_att_sandbox_closient_get_certification (AttSandboxClosientRequest *request,
                                         AttSandboxClosientReply   *reply)
{
  reply_one (request, "certification_id", att_sandbox_store_get_closient_certification,
             render_certification, reply);
}

/* GET /certifications/api/v1/certification-bodies/{certification_body_id} */
void
_att_sandbox_closient_get_body (AttSandboxClosientRequest *request,
                                AttSandboxClosientReply   *reply)
{
  reply_one (request, "certification_body_id", att_sandbox_store_get_closient_body, render_body, reply);
}
