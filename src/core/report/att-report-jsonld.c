/* att-report-jsonld.c: a report as GS1 Web Vocabulary JSON-LD
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "att-report-columns.h"
#include "att-report-writer.h"

/*
 * The mapping of api-closient.md §10.1: one gs1:Product per product, with
 * its gs1:gtin (and the GS1 Digital Link URI as its @id) when known, and a
 * gs1:certification (gs1:CertificationDetails) per certificate on it.  A
 * certificate on no product is a gs1:CertificationDetails of its own in
 * the graph.  The @context is inline, so that no remote context is
 * needed.  Empty values are left out, never written as "".
 *
 * The text terms are rdf:langString in the vocabulary, so they carry a
 * language tag: "und" (undetermined, BCP 47), as names typed by users come
 * in any language.  The status is gs1:CertificationStatus-INACTIVE for a
 * certificate expired, not yet valid, or whose Closient verification has
 * expired, and -ACTIVE otherwise.
 */

#define GS1_VOCABULARY    "https://ref.gs1.org/voc/"
#define XSD               "http://www.w3.org/2001/XMLSchema#"
#define DIGITAL_LINK_GTIN "https://id.gs1.org/01/"
#define TEXT_LANGUAGE     "und"
#define PROGRESS_STEPS    100

static void
set_text (JsonObject *object,
          const char *term,
          const char *text)
{
  JsonObject *value;

  if (text == NULL || *text == '\0')
    return;
  value = json_object_new ();
  json_object_set_string_member (value, "@value", text);
  json_object_set_string_member (value, "@language", TEXT_LANGUAGE);
  json_object_set_object_member (object, term, value);
}

static void
set_typed (JsonObject *object,
           const char *term,
           const char *text,
           const char *type)
{
  JsonObject *value;

  if (text == NULL || *text == '\0')
    return;
  value = json_object_new ();
  json_object_set_string_member (value, "@value", text);
  json_object_set_string_member (value, "@type", type);
  json_object_set_object_member (object, term, value);
}

static void
set_date (JsonObject *object,
          const char *term,
          GDateTime  *date)
{
  g_autofree char *text = att_report_format_date (date);

  set_typed (object, term, text, "xsd:date");
}

static gboolean
is_active (AttReportRow *row,
           GDateTime    *now)
{
  GDateTime *issued = att_report_row_get_date_issued (row);

  return att_report_row_get_status (row) != ATT_CERTIFICATE_STATUS_EXPIRED &&
         att_report_row_get_verification (row) != ATT_CLOSIENT_VERIFICATION_EXPIRED &&
         (issued == NULL || g_date_time_compare (issued, now) <= 0);
}

static JsonObject *
certification_new (AttReportRow *row,
                   GDateTime    *now)
{
  JsonObject *details = json_object_new ();
  JsonObject *status = json_object_new ();
  const char *number = att_report_row_get_certificate_number (row);

  json_object_set_string_member (details, "@type", "gs1:CertificationDetails");
  set_text (details, "gs1:certificationStandard", att_report_row_get_standard (row));
  set_text (details, "gs1:certificationAgency", att_report_row_get_authority (row));
  set_text (details, "gs1:certificationValue", att_report_row_get_certification_value (row));
  set_text (details, "gs1:certificationStatement", att_report_row_get_scope (row));
  if (*number != '\0')
    json_object_set_string_member (details, "gs1:certificationIdentification", number);
  set_date (details, "gs1:certificationStartDate", att_report_row_get_date_issued (row));
  set_date (details, "gs1:certificationEndDate", att_report_row_get_date_expires (row));
  set_typed (details, "gs1:certificationURI", att_report_row_get_verification_url (row), "xsd:anyURI");
  json_object_set_string_member (status, "@id",
                                 is_active (row, now) ? "gs1:CertificationStatus-ACTIVE"
                                                      : "gs1:CertificationStatus-INACTIVE");
  json_object_set_object_member (details, "gs1:certificationStatus", status);
  return details;
}

static gboolean
is_gtin14 (const char *gtin)
{
  if (strlen (gtin) != 14)
    return FALSE;
  for (const char *p = gtin; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static JsonObject *
product_new (AttReportRow *row)
{
  JsonObject *product = json_object_new ();
  const char *gtin = att_report_row_get_gtin (row);

  if (is_gtin14 (gtin))
    {
      g_autofree char *id = g_strconcat (DIGITAL_LINK_GTIN, gtin, NULL);

      json_object_set_string_member (product, "@id", id);
    }
  json_object_set_string_member (product, "@type", "gs1:Product");
  if (is_gtin14 (gtin))
    json_object_set_string_member (product, "gs1:gtin", gtin);
  set_text (product, "gs1:productName", att_report_row_get_product_name (row));
  json_object_set_array_member (product, "gs1:certification", json_array_new ());
  return product;
}

/* The product a row is on, by source and identifier; NULL for none. */
static char *
dup_product_key (AttReportRow *row)
{
  const char *gtin = att_report_row_get_gtin (row);
  const char *id = att_report_row_get_product_id (row);
  const char *name = att_report_row_get_product_name (row);

  if (*gtin == '\0' && *id == '\0' && *name == '\0')
    return NULL;
  return g_strdup_printf ("%d\x1f%s\x1f%s\x1f%s", att_report_row_get_source (row), gtin, id, name);
}

static void
add_row (JsonArray    *graph,
         GHashTable   *products,
         AttReportRow *row,
         GDateTime    *now)
{
  g_autofree char *key = dup_product_key (row);
  JsonObject      *product;

  if (key == NULL)
    {
      json_array_add_object_element (graph, certification_new (row, now));
      return;
    }

  product = g_hash_table_lookup (products, key);
  if (product == NULL)
    {
      product = product_new (row);
      json_array_add_object_element (graph, product);
      g_hash_table_insert (products, g_steal_pointer (&key), product);
    }
  json_array_add_object_element (json_object_get_array_member (product, "gs1:certification"),
                                 certification_new (row, now));
}

static JsonObject *
context_new (void)
{
  JsonObject *context = json_object_new ();

  json_object_set_string_member (context, "gs1", GS1_VOCABULARY);
  json_object_set_string_member (context, "xsd", XSD);
  return context;
}

/**
 * att_report_write_jsonld:
 *
 * Writes @report as a JSON-LD document: an inline @context and an @graph
 * of gs1:Product nodes (see above).
 *
 * Returns: whether it was written
 */
gboolean
att_report_write_jsonld (AttReport      *report,
                         GOutputStream  *stream,
                         AttProgressFunc progress,
                         gpointer        progress_data,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GHashTable) products = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GString) text = NULL;
  JsonObject *document = json_object_new ();
  JsonArray  *graph = json_array_new ();
  guint       n = att_report_get_n_rows (report);
  guint       step = MAX (n / PROGRESS_STEPS, 1);

  json_node_take_object (root, document);
  json_object_set_object_member (document, "@context", context_new ());
  json_object_set_array_member (document, "@graph", graph);
  for (guint i = 0; i < n; i++)
    {
      add_row (graph, products, att_report_get_row (report, i), att_report_get_now (report));
      if ((i + 1) % step != 0)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (progress != NULL)
        progress (i + 1, n, progress_data);
    }

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  /* Not json_generator_to_stream(): it makes a single write, which a
   * buffered stream takes only in part. */
  text = json_generator_to_gstring (generator, g_string_new (NULL));
  return g_output_stream_write_all (stream, text->str, text->len, NULL, cancellable, error);
}
