/* test-report-writers.c: the CSV and JSON-LD writers, read back by
 * Python's csv and json modules, and files written whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include <sys/resource.h>

#include "att-report-columns.h"
#include "att-report-writer.h"
#include "att-test-report.h"
#include "att-test-utils.h"

/* Product names a spreadsheet or a careless parser would get wrong. */
static const char *const tricky_names[] = {
  "Plain Tee",
  "Quote \"inside\", and a comma",
  "Line\nbreak and\r\nCRLF",
  "Emoji 🧵👕 and accents: Œuvre, Straße, שלום",
  "=SUM(A1:A2)",
  "+1 Jacket",
  "-2 Socks",
  "@cmd|' /C calc'!A0",
  "\tTabbed",
  "\rCarriage",
};

#define N_TRICKY         G_N_ELEMENTS (tricky_names)
#define LONG_NAME_LENGTH 5000

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("attest-report-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_chmod (fixture->dir, 0700);
  att_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* --- The fixture report ------------------------------------------------ */

static AttClosientAssignment *
assignment_new (guint       index,
                const char *label,
                const char *number,
                const char *expires,
                const char *verification)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char       *id = g_strdup_printf ("123e4567-e89b-12d3-a456-%012u", index);
  AttClosientAssignment *assignment;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, label);
  json_builder_set_member_name (builder, "certificate_number");
  json_builder_add_string_value (builder, number);
  json_builder_set_member_name (builder, "issuing_body");
  json_builder_add_string_value (builder, "Oregon Tilth");
  json_builder_set_member_name (builder, "valid_from");
  json_builder_add_string_value (builder, "2024-01-01");
  json_builder_set_member_name (builder, "expiration_date");
  json_builder_add_string_value (builder, expires);
  json_builder_set_member_name (builder, "verification_status");
  json_builder_add_string_value (builder, verification);
  json_builder_set_member_name (builder, "verification_url");
  json_builder_add_string_value (builder, "https://example.org/registry?id=1&b=2");
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  assignment = att_closient_assignment_new_from_json (node, &error);
  g_assert_no_error (error);
  return assignment;
}

static void
add_product (AttReport  *report,
             const char *gtin,
             const char *name,
             guint       index,
             const char *number,
             const char *expires)
{
  g_autoptr(GListStore) list = g_list_store_new (ATT_TYPE_CLOSIENT_ASSIGNMENT);
  g_autoptr(AttClosientAssignment) assignment = assignment_new (index, "USDA Organic", number, expires,
                                                                 index % 2 ? "verified" : "unverified");

  g_list_store_append (list, assignment);
  att_report_add_closient_assignments (report, gtin, name, G_LIST_MODEL (list));
}

/* Each tricky name on its own product (GTIN "T<index>"), a 5,000-char
 * name, a certificate number that is a formula, GS1's example GTIN-12,
 * and a Higg certificate on no product with no dates. */
static AttReport *
fixture_report_new (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 6, 1, 0, 0, 0);
  g_autoptr(AttReportFilter) filter = att_report_filter_new ();
  g_autoptr(AttReport) report = NULL;
  g_autofree char *long_name = g_strnfill (LONG_NAME_LENGTH, 'L');
  g_autoptr(GListStore) certificates = g_list_store_new (ATT_TYPE_CERTIFICATE);
  g_autoptr(JsonObject) object = att_test_parse_object (
    "{\"_id\":\"h1\",\"assertionId\":\"H-1\",\"assertionStandardName\":\"GRS\",\"proofBody\":\"Control Union\"}");
  g_autoptr(AttCertificate) unattached = att_certificate_new_from_json (object, NULL, NULL);

  filter->account = g_strdup ("=Demo, \"account\"");
  report = att_report_new (filter, now, 60);
  for (guint i = 0; i < N_TRICKY; i++)
    {
      g_autofree char *gtin = g_strdup_printf ("T%u", i);

      add_product (report, gtin, tricky_names[i], i, "NOP-1", "2026-12-31");
    }
  add_product (report, "LONG", long_name, 20, "=HYPERLINK(\"http://x\")", "2026-06-15");
  add_product (report, "012345678905", "GS1 Example", 21, "NOP-12345", "2026-01-31");
  g_list_store_append (certificates, unattached);
  att_report_add_higg_certificates (report, G_LIST_MODEL (certificates));
  return g_steal_pointer (&report);
}

/* --- Writing ----------------------------------------------------------- */

/* --- CSV --------------------------------------------------------------- */

/* Reads the file named on stdin back with the csv module: whether it
 * starts with a BOM, whether every record ends in CRLF, and the records. */
static const char csv_script[] =
  "import csv, json, sys\n"
  "path = sys.stdin.read()\n"
  "raw = open(path, 'rb').read()\n"
  "with open(path, newline='', encoding='utf-8-sig') as f:\n"
  "    rows = list(csv.reader(f, strict=True))\n"
  "print(json.dumps({'bom': raw.startswith(b'\\xef\\xbb\\xbf'),\n"
  "                  'crlf': raw.endswith(b'\\r\\n') and raw.count(b'\\r\\n') >= len(rows),\n"
  "                  'rows': rows}))\n";

static JsonObject *
read_csv (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = att_test_run_python (csv_script, path, &error);

  g_assert_no_error (error);
  return att_test_parse_object (out);
}

static JsonArray *
find_record (JsonArray  *records,
             const char *gtin)
{
  for (guint i = 1; i < json_array_get_length (records); i++)
    {
      JsonArray *record = json_array_get_array_element (records, i);

      if (g_strcmp0 (json_array_get_string_element (record, ATT_REPORT_COLUMN_GTIN), gtin) == 0)
        return record;
    }
  g_assert_not_reached ();
}

static const char *
cell (JsonArray      *record,
      AttReportColumn column)
{
  return json_array_get_string_element (record, column);
}

static void
test_csv (Fixture      *fixture,
          gconstpointer user_data)
{
  g_autoptr(AttReport) report = fixture_report_new ();
  g_autofree char *path = att_test_write_report_ok (report, "csv", fixture->dir, "report.csv");
  g_autoptr(JsonObject) parsed = read_csv (path);
  JsonArray       *records = json_object_get_array_member (parsed, "rows");
  JsonArray       *header = json_array_get_array_element (records, 0);
  JsonArray       *record;
  g_autofree char *long_name = g_strnfill (LONG_NAME_LENGTH, 'L');

  g_assert_true (json_object_get_boolean_member (parsed, "bom"));
  g_assert_true (json_object_get_boolean_member (parsed, "crlf"));
  g_assert_cmpuint (json_array_get_length (records), ==, att_report_get_n_rows (report) + 1);
  for (guint column = 0; column < ATT_REPORT_N_COLUMNS; column++)
    g_assert_cmpstr (json_array_get_string_element (header, column), ==, att_report_column_get_title (column));

  for (guint i = 0; i < N_TRICKY; i++)
    {
      g_autofree char *gtin = g_strdup_printf ("T%u", i);
      g_autofree char *expected = strchr ("=+-@\t\r", tricky_names[i][0]) != NULL
                                    ? g_strconcat ("'", tricky_names[i], NULL)
                                    : g_strdup (tricky_names[i]);

      record = find_record (records, gtin);
      g_assert_cmpuint (json_array_get_length (record), ==, ATT_REPORT_N_COLUMNS);
      g_assert_cmpstr (cell (record, ATT_REPORT_COLUMN_PRODUCT_NAME), ==, expected);
      g_assert_cmpstr (cell (record, ATT_REPORT_COLUMN_ACCOUNT), ==, "'=Demo, \"account\"");
      g_assert_cmpstr (cell (record, ATT_REPORT_COLUMN_DATE_ISSUED), ==, "2024-01-01");
      g_assert_cmpstr (cell (record, ATT_REPORT_COLUMN_DATE_EXPIRES), ==, "2026-12-31");
    }

  record = find_record (records, "LONG");
  g_assert_cmpstr (cell (record, ATT_REPORT_COLUMN_PRODUCT_NAME), ==, long_name);
  g_assert_cmpstr (cell (record, ATT_REPORT_COLUMN_CERTIFICATE_NUMBER), ==, "'=HYPERLINK(\"http://x\")");
  g_assert_cmpstr (cell (record, ATT_REPORT_COLUMN_STATUS), ==,
                   att_certificate_status_get_label (ATT_CERTIFICATE_STATUS_EXPIRING));

  /* The certificate on no product: an empty product, no dates. */
  record = json_array_get_array_element (records, json_array_get_length (records) - 1);
  g_assert_cmpstr (cell (record, ATT_REPORT_COLUMN_CERTIFICATE_NUMBER), ==, "H-1");
  g_assert_cmpstr (cell (record, ATT_REPORT_COLUMN_PRODUCT_NAME), ==, "");
  g_assert_cmpstr (cell (record, ATT_REPORT_COLUMN_DATE_EXPIRES), ==, "");
  g_assert_cmpstr (cell (record, ATT_REPORT_COLUMN_SOURCE), ==, "Higg");
  g_assert_cmpuint (att_test_count_dir_entries (fixture->dir), ==, 1);
}

/* --- JSON-LD ----------------------------------------------------------- */

/* Loads the JSON-LD document named on stdin with the json module and
 * checks what every node must have; prints the graph's nodes. */
static const char jsonld_script[] =
  "import json, sys\n"
  "doc = json.load(open(sys.stdin.read(), encoding='utf-8'))\n"
  "assert doc['@context']['gs1'] == 'https://ref.gs1.org/voc/', doc['@context']\n"
  "for node in doc['@graph']:\n"
  "    certs = node.get('gs1:certification', [node])\n"
  "    for c in certs:\n"
  "        assert c['@type'] == 'gs1:CertificationDetails'\n"
  "        assert c['gs1:certificationStatus']['@id'].startswith('gs1:CertificationStatus-')\n"
  "        assert '' not in [v for v in c.values() if isinstance(v, str)]\n"
  "print(json.dumps(doc['@graph']))\n";

static JsonObject *
find_node (JsonArray  *graph,
           const char *id)
{
  for (guint i = 0; i < json_array_get_length (graph); i++)
    {
      JsonObject *node = json_array_get_object_element (graph, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (node, "@id", NULL), id) == 0)
        return node;
    }
  g_assert_not_reached ();
}

static const char *
member_value (JsonObject *object,
              const char *term)
{
  return json_object_get_string_member (json_object_get_object_member (object, term), "@value");
}

static void
test_jsonld (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr(AttReport) report = fixture_report_new ();
  g_autofree char *path = att_test_write_report_ok (report, "jsonld", fixture->dir, "report.jsonld");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = att_test_run_python (jsonld_script, path, &error);
  g_autoptr(JsonNode) root = NULL;
  JsonArray  *graph;
  JsonObject *product, *details, *unattached;

  g_assert_no_error (error);
  root = att_test_parse_value (out);
  graph = json_node_get_array (root);
  /* One node per product, and the certificate on no product. */
  g_assert_cmpuint (json_array_get_length (graph), ==, N_TRICKY + 2 + 1);

  product = find_node (graph, "https://id.gs1.org/01/00012345678905");
  g_assert_cmpstr (json_object_get_string_member (product, "@type"), ==, "gs1:Product");
  g_assert_cmpstr (json_object_get_string_member (product, "gs1:gtin"), ==, "00012345678905");
  g_assert_cmpstr (member_value (product, "gs1:productName"), ==, "GS1 Example");
  details = json_array_get_object_element (json_object_get_array_member (product, "gs1:certification"), 0);
  g_assert_cmpstr (json_object_get_string_member (details, "gs1:certificationIdentification"), ==, "NOP-12345");
  g_assert_cmpstr (member_value (details, "gs1:certificationStandard"), ==, "USDA Organic");
  g_assert_cmpstr (member_value (details, "gs1:certificationAgency"), ==, "Oregon Tilth");
  g_assert_cmpstr (member_value (details, "gs1:certificationStartDate"), ==, "2024-01-01");
  g_assert_cmpstr (member_value (details, "gs1:certificationEndDate"), ==, "2026-01-31");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (details, "gs1:certificationEndDate"),
                                                  "@type"),
                   ==, "xsd:date");
  g_assert_cmpstr (member_value (details, "gs1:certificationURI"), ==, "https://example.org/registry?id=1&b=2");
  /* Expired on 31 January, before the report's 1 June. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (details, "gs1:certificationStatus"),
                                                  "@id"),
                   ==, "gs1:CertificationStatus-INACTIVE");
  /* Empty values are left out. */
  g_assert_false (json_object_has_member (details, "gs1:certificationValue"));

  unattached = json_array_get_object_element (graph, json_array_get_length (graph) - 1);
  g_assert_cmpstr (json_object_get_string_member (unattached, "@type"), ==, "gs1:CertificationDetails");
  g_assert_cmpstr (json_object_get_string_member (unattached, "gs1:certificationIdentification"), ==, "H-1");
  g_assert_false (json_object_has_member (unattached, "gs1:certificationEndDate"));
}

/* Expands the JSON-LD document named on stdin with pyld (no remote
 * context is needed) and prints, sorted, every property IRI, every @type
 * and every IRI value of the expanded graph. */
static const char expand_script[] =
  "import json, sys\n"
  "try:\n"
  "    from pyld import jsonld\n"
  "except ImportError:\n"
  "    sys.stderr.write('python3-pyld is not installed')\n"
  "    sys.exit(77)\n"
  "doc = json.load(open(sys.stdin.read(), encoding='utf-8'))\n"
  "seen = set()\n"
  "def walk(node):\n"
  "    if isinstance(node, list):\n"
  "        for item in node: walk(item)\n"
  "    elif isinstance(node, dict):\n"
  "        for key, value in node.items():\n"
  "            if key == '@type': seen.update(value if isinstance(value, list) else [value])\n"
  "            elif key == '@id': seen.add(value)\n"
  "            elif not key.startswith('@'): seen.add(key)\n"
  "            walk(value)\n"
  "walk(jsonld.expand(doc))\n"
  "print('\\n'.join(sorted(s for s in seen if s.startswith('http'))))\n";

static void
test_jsonld_expanded (Fixture      *fixture,
                      gconstpointer user_data)
{
  static const char *const expected[] = {
    "https://id.gs1.org/01/00012345678905",
    "https://ref.gs1.org/voc/CertificationDetails",
    "https://ref.gs1.org/voc/CertificationStatus-ACTIVE",
    "https://ref.gs1.org/voc/CertificationStatus-INACTIVE",
    "https://ref.gs1.org/voc/Product",
    "https://ref.gs1.org/voc/certification",
    "https://ref.gs1.org/voc/certificationAgency",
    "https://ref.gs1.org/voc/certificationEndDate",
    "https://ref.gs1.org/voc/certificationIdentification",
    "https://ref.gs1.org/voc/certificationStandard",
    "https://ref.gs1.org/voc/certificationStartDate",
    "https://ref.gs1.org/voc/certificationStatus",
    "https://ref.gs1.org/voc/certificationURI",
    "https://ref.gs1.org/voc/gtin",
    "https://ref.gs1.org/voc/productName",
    NULL,
  };
  g_autoptr(AttReport) report = fixture_report_new ();
  g_autofree char *path = att_test_write_report_ok (report, "jsonld", fixture->dir, "report.jsonld");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = att_test_run_python (expand_script, path, &error);
  g_auto(GStrv) iris = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_test_skip (error->message);
      return;
    }
  g_assert_no_error (error);
  iris = g_strsplit (g_strstrip (out), "\n", -1);
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char *const *) iris, expected[i]));
}

/* 3,000 rows: far more than one buffer's worth, every row read back. */
static const char count_script[] =
  "import csv, json, sys\n"
  "csv_path, jsonld_path = sys.stdin.read().split('\\n')\n"
  "with open(csv_path, newline='', encoding='utf-8-sig') as f:\n"
  "    records = len(list(csv.reader(f, strict=True)))\n"
  "graph = json.load(open(jsonld_path, encoding='utf-8'))['@graph']\n"
  "print(records, len(graph), sum(len(p['gs1:certification']) for p in graph))\n";

static void
test_large (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autoptr(AttReport) report = att_report_new (NULL, NULL, 60);
  g_autofree char *csv = NULL;
  g_autofree char *jsonld = NULL;
  g_autofree char *paths = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  for (guint product = 0; product < 300; product++)
    {
      g_autofree char *gtin = g_strdup_printf ("P%u", product);

      for (guint i = 0; i < 10; i++)
        add_product (report, gtin, "Organic Cotton Tee, \"Édition\"", product * 10 + i, "NOP-1", "2027-01-01");
    }
  csv = att_test_write_report_ok (report, "csv", fixture->dir, "large.csv");
  jsonld = att_test_write_report_ok (report, "jsonld", fixture->dir, "large.jsonld");
  paths = g_strconcat (csv, "\n", jsonld, NULL);
  out = att_test_run_python (count_script, paths, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "3001 300 3000\n");
}

/* --- Whole or not at all ----------------------------------------------- */

static void
assert_write_fails (AttReport  *report,
                    const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (path);

  g_assert_false (att_test_write_report (report, "csv", path, NULL, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, basename));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A read-only folder (or, for root, whom permissions do not stop, /proc),
 * and a folder that is a file: a clear error, and nothing written. */
static void
test_unwritable (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr(AttReport) report = fixture_report_new ();
  g_autofree char *readonly = g_build_filename (fixture->dir, "read-only", NULL);
  g_autofree char *probe = g_build_filename (readonly, "probe", NULL);
  g_autofree char *target = g_build_filename (readonly, "report.csv", NULL);
  g_autofree char *file = g_build_filename (fixture->dir, "file", NULL);
  g_autofree char *under_file = g_build_filename (file, "report.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (readonly, 0555), ==, 0);
  if (g_file_set_contents (probe, "", 0, NULL))
    {
      g_unlink (probe);
      g_clear_pointer (&target, g_free);
      target = g_strdup ("/proc/attest-report.csv");
    }
  assert_write_fails (report, target);
  g_assert_cmpuint (att_test_count_dir_entries (readonly), ==, 0);

  g_file_set_contents (file, "not a folder", -1, &error);
  g_assert_no_error (error);
  assert_write_fails (report, under_file);
}

static void
cancel_on_progress (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  g_assert_cmpuint (done, <=, total);
  g_cancellable_cancel (user_data);
}

/* Cancelled half-way: the old file stays as it was, and no temporary file
 * is left. */
static void
test_cancel (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr(AttReport) report = fixture_report_new ();
  const char *formats[] = { "csv", "jsonld" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("report.", formats[i], NULL);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;

      g_file_set_contents (path, "old", -1, &error);
      g_assert_no_error (error);
      g_assert_false (att_test_write_report (report, formats[i], path, cancel_on_progress, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "old");
      g_assert_cmpuint (att_test_count_dir_entries (fixture->dir), ==, i + 1);
    }
}

/* A second write replaces the first whole. */
static void
test_replace (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr(AttReport) report = fixture_report_new ();
  g_autoptr(AttReport) empty = att_report_new (NULL, NULL, 60);
  g_autofree char *path = att_test_write_report_ok (report, "csv", fixture->dir, "report.csv");
  g_autofree char *again = att_test_write_report_ok (empty, "csv", fixture->dir, "report.csv");
  g_autoptr(JsonObject) parsed = read_csv (again);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (parsed, "rows")), ==, 1);
  g_assert_cmpuint (att_test_count_dir_entries (fixture->dir), ==, 1);
}

/* The disk fills up half-way (a file size limit stands in for it; writes
 * past it fail with EFBIG): every format fails with a clear error naming
 * the file, the old file stays whole, and no temporary file is left. */
static void
test_disk_full (Fixture      *fixture,
                gconstpointer user_data)
{
  const AttReportFormat *const *formats = att_report_format_get_all ();
  g_autoptr(AttReport) report = att_report_new (NULL, NULL, 60);
  struct rlimit limit = { 4 * 1024, 4 * 1024 };

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  for (guint product = 0; product < 300; product++)
    {
      g_autofree char *gtin = g_strdup_printf ("P%u", product);

      for (guint i = 0; i < 10; i++)
        add_product (report, gtin, "Organic Cotton Tee, \"Édition\"", product * 10 + i, "NOP-1", "2027-01-01");
    }
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat ("report-", formats[i]->id, ".", formats[i]->extension, NULL);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;

      g_file_set_contents (path, "old", -1, &error);
      g_assert_no_error (error);
      g_assert_false (att_test_write_report (report, formats[i]->id, path, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("%s: %s", formats[i]->id, error->message);
      g_assert_nonnull (strstr (error->message, name));
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "old");
      g_assert_cmpuint (att_test_count_dir_entries (fixture->dir), ==, i + 1);
    }
}

static void
test_formats (void)
{
  g_autoptr(GFile) csv = g_file_new_for_path ("/tmp/Report.CSV");
  g_autoptr(GFile) jsonld = g_file_new_for_path ("/tmp/report.jsonld");
  g_autoptr(GFile) other = g_file_new_for_path ("/tmp/report.txt");

  g_assert_true (att_report_format_lookup ("CSV") == att_report_format_for_file (csv));
  g_assert_cmpstr (att_report_format_for_file (jsonld)->mime_type, ==, "application/ld+json");
  g_assert_null (att_report_format_for_file (other));
  g_assert_null (att_report_format_lookup ("xls"));
}

#define ADD_TEST(path, func) \
  g_test_add ("/report-writers/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-writers/formats", test_formats);
  ADD_TEST ("csv", test_csv);
  ADD_TEST ("jsonld", test_jsonld);
  ADD_TEST ("jsonld-expanded", test_jsonld_expanded);
  ADD_TEST ("large", test_large);
  ADD_TEST ("unwritable", test_unwritable);
  ADD_TEST ("cancel", test_cancel);
  ADD_TEST ("replace", test_replace);
  ADD_TEST ("disk-full", test_disk_full);

  return g_test_run ();
}
