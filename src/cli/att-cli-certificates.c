/* att-cli-certificates.c: attest-cli certificates list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "att-cli-build.h"
#include "att-report-columns.h"

#define USAGE "certificates list [--json]"

/* The JSON members of a row, by column: names that stay the same in every
 * language, for scripts. */
static const char *const json_names[ATT_REPORT_N_COLUMNS] = {
  [ATT_REPORT_COLUMN_SOURCE] = "source",
  [ATT_REPORT_COLUMN_ACCOUNT] = "account",
  [ATT_REPORT_COLUMN_PRODUCT_NAME] = "productName",
  [ATT_REPORT_COLUMN_PRODUCT_ID] = "productId",
  [ATT_REPORT_COLUMN_GTIN] = "gtin",
  [ATT_REPORT_COLUMN_STYLE_NUMBER] = "styleNumber",
  [ATT_REPORT_COLUMN_STANDARD] = "standard",
  [ATT_REPORT_COLUMN_AUTHORITY] = "authority",
  [ATT_REPORT_COLUMN_CERTIFICATE_NUMBER] = "certificateNumber",
  [ATT_REPORT_COLUMN_CERTIFICATE_NAME] = "certificateName",
  [ATT_REPORT_COLUMN_DATE_ISSUED] = "dateIssued",
  [ATT_REPORT_COLUMN_DATE_EXPIRES] = "dateExpires",
  [ATT_REPORT_COLUMN_STATUS] = "status",
  [ATT_REPORT_COLUMN_VERIFICATION] = "verification",
};

/* The status and the source as their untranslated names. */
static void
set_codes (JsonObject   *object,
           AttReportRow *row)
{
  GEnumClass *statuses = g_type_class_ref (ATT_TYPE_CERTIFICATE_STATUS);
  GEnumValue *status = g_enum_get_value (statuses, att_report_row_get_status (row));

  json_object_set_string_member (object, "status", status != NULL ? status->value_nick : "unknown");
  json_object_set_string_member (object, "source",
                                 att_report_row_get_source (row) == ATT_REPORT_SOURCE_HIGG ? "higg" : "closient");
  json_object_set_string_member (object, "certificateId", att_report_row_get_certificate_id (row));
  g_type_class_unref (statuses);
}

static JsonNode *
row_to_json (AttReportRow *row)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint column = 0; column < ATT_REPORT_N_COLUMNS; column++)
    {
      g_autofree char *text = att_report_row_dup_text (row, column);

      if (text[0] != '\0')
        json_object_set_string_member (object, json_names[column], text);
      else
        json_object_set_null_member (object, json_names[column]);
    }
  set_codes (object, row);
  json_node_set_object (node, object);
  return node;
}

static void
print_json (AttReport *report)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  for (guint i = 0; i < att_report_get_n_rows (report); i++)
    json_array_add_element (array, row_to_json (att_report_get_row (report, i)));
  json_node_set_array (root, array);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
print_lines (AttReport *report)
{
  static const AttReportColumn columns[] = {
    ATT_REPORT_COLUMN_DATE_EXPIRES,
    ATT_REPORT_COLUMN_STATUS,
    ATT_REPORT_COLUMN_STANDARD,
    ATT_REPORT_COLUMN_CERTIFICATE_NUMBER,
    ATT_REPORT_COLUMN_SOURCE,
    ATT_REPORT_COLUMN_PRODUCT_NAME,
  };

  for (guint i = 0; i < att_report_get_n_rows (report); i++)
    for (gsize c = 0; c < G_N_ELEMENTS (columns); c++)
      {
        g_autofree char *text = att_report_row_dup_text (att_report_get_row (report, i), columns[c]);

        g_strdelimit (text, "\t\r\n", ' ');
        printf ("%s%c", text, c + 1 < G_N_ELEMENTS (columns) ? '\t' : '\n');
      }
}

/**
 * att_cli_certificates:
 *
 * Lists every certificate of the account on every product it covers,
 * Higg's and Closient's, sorted by expiry: a line each (expiry date,
 * status, standard, number, source, product), or a JSON array with
 * --json.
 *
 * Returns: the exit status
 */
int
att_cli_certificates (int            argc,
                      char         **argv,
                      AttCliOptions *options)
{
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON array of the certificates"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(AttCliConnection) connection = NULL;
  g_autoptr(AttReportFilter) filter = att_report_filter_new ();
  g_autoptr(AttReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, _ ("Lists the certificates of the account on the products they cover, "
                                            "sorted by expiry date, a line each: expiry date, status, standard, "
                                            "certificate number, source and product, separated by tabs."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* "attest-cli certificates list" in --help's usage line. */
  g_set_prgname ("attest-cli certificates list");
  if (att_cli_parse (context, USAGE, options, &argc, &argv) != ATT_CLI_EXIT_OK)
    return ATT_CLI_EXIT_USAGE;
  if (argc > 1)
    return att_cli_usage_error (USAGE, _ ("Too many arguments"));

  if ((connection = att_cli_connection_open (options, &error)) == NULL)
    return att_cli_fail (error);
  filter->account = g_strdup (connection->account_name);
  report = att_cli_build_report (connection, NULL, filter, ATT_CERTIFICATE_DEFAULT_LEAD_DAYS, options->cancellable,
                                 &error);
  if (report == NULL)
    return att_cli_fail (error);
  if (json)
    print_json (report);
  else
    print_lines (report);
  return att_cli_fail_incomplete (report);
}
