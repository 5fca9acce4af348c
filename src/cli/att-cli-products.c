/* att-cli-products.c: attest-cli products list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "att-cli-connection.h"
#include "att-cli-product-scan.h"
#include "att-product.h"

#define USAGE "products list [--search TEXT] [--json]"

static void
add_json (gpointer data,
          gpointer user_data)
{
  json_array_add_object_element (user_data, json_object_ref (att_product_get_json (data)));
}

static void
print_line (gpointer data,
            gpointer user_data)
{
  AttProduct *product = data;
  const char *identifier = att_product_get_identifier (product);

  printf ("%s\t%s\t%s\n", att_product_get_id (product), identifier != NULL ? identifier : "",
          att_product_get_name (product) != NULL ? att_product_get_name (product) : "");
}

static gboolean
print_json (AttHiggClient *higg,
            const char    *search,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  if (!att_cli_for_each_product (higg, search, cancellable, add_json, array, error))
    return FALSE;
  json_node_set_array (root, array);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
  return TRUE;
}

/**
 * att_cli_products:
 *
 * Lists the products of the Higg account, one per line (id, identifier,
 * name, separated by tabs), or as a JSON array of Higg's product objects
 * with --json.
 *
 * Returns: the exit status
 */
int
att_cli_products (int            argc,
                  char         **argv,
                  AttCliOptions *options)
{
  g_autofree char   *search = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &search, N_ ("List only the products whose name or id contain TEXT"),
      N_ ("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON array of the products"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(AttCliConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_option_context_set_summary (context, _ ("Lists the products of the account, a line each: its id, its "
                                            "identifier (GTIN or SKU) and its name, separated by tabs."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* "attest-cli products list" in --help's usage line. */
  g_set_prgname ("attest-cli products list");
  if (att_cli_parse (context, USAGE, options, &argc, &argv) != ATT_CLI_EXIT_OK)
    return ATT_CLI_EXIT_USAGE;
  if (argc > 1)
    return att_cli_usage_error (USAGE, _ ("Too many arguments"));

  if ((connection = att_cli_connection_open (options, &error)) == NULL)
    return att_cli_fail (error);
  if (connection->higg == NULL)
    return att_cli_fail_message ("%s", _ ("Listing products needs a Higg account"));
  if (json)
    ok = print_json (connection->higg, search, options->cancellable, &error);
  else
    ok = att_cli_for_each_product (connection->higg, search, options->cancellable, print_line, NULL, &error);
  return ok ? ATT_CLI_EXIT_OK : att_cli_fail (error);
}
