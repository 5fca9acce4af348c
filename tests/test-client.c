/* test-client.c: AttHttp and AttHiggClient against an in-process sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "att-catalog-item.h"
#include "att-country.h"
#include "att-error.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-material-use.h"
#include "att-page.h"
#include "att-product.h"
#include "att-purchase-order.h"
#include "att-sandbox.h"
#include "att-test-utils.h"

/* --- A log writer that can capture everything ------------------------- */

/* While set, every field of every log message is appended here, so a test
 * can check what the debug log would have shown. */
static GString *captured_log;
static char    *saved_messages_debug;

static GLogWriterOutput
test_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (captured_log != NULL)
    {
      for (gsize i = 0; i < n_fields; i++)
        {
          if (fields[i].length < 0)
            g_string_append (captured_log, fields[i].value);
          else
            g_string_append_len (captured_log, fields[i].value, fields[i].length);
          g_string_append_c (captured_log, ' ');
        }
      g_string_append_c (captured_log, '\n');

      /* Keep the test output readable: debug lines are only captured. */
      if ((log_level & G_LOG_LEVEL_DEBUG) != 0)
        return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
start_capturing_log (void)
{
  g_assert_null (captured_log);
  captured_log = g_string_new (NULL);
  saved_messages_debug = g_strdup (g_getenv ("G_MESSAGES_DEBUG"));
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
}

static char *
stop_capturing_log (void)
{
  if (saved_messages_debug != NULL)
    g_setenv ("G_MESSAGES_DEBUG", saved_messages_debug, TRUE);
  else
    g_unsetenv ("G_MESSAGES_DEBUG");
  g_clear_pointer (&saved_messages_debug, g_free);
  return g_string_free (g_steal_pointer (&captured_log), FALSE);
}

/* --- Fixture ---------------------------------------------------------- */

typedef struct
{
  AttSandbox    *sandbox;
  AttHttp       *http;
  AttHiggClient *client;
} Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  /* Known secrets, which check-secret-leaks.sh looks for in the output. */
  att_test_sandbox_use_test_secrets (fixture->sandbox);
  att_sandbox_seed_demo (fixture->sandbox, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (fixture->sandbox, &fixture->http, &fixture->client, NULL);
  /* Keep retries fast: the policy is what is tested, not the default delay. */
  att_http_set_retry_policy (fixture->http, 2, 10);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  att_test_sandbox_disconnect (&fixture->sandbox, &fixture->http, &fixture->client);
}

static char *
unique_name (const char *prefix)
{
  static guint counter;

  return g_strdup_printf ("%s %u %08x", prefix, ++counter, g_random_int ());
}

static JsonObject *
make_create_body (const char *name)
{
  g_autofree char *json = g_strdup_printf (
    "{"
    "  \"name\": \"%s\","
    "  \"materials\": ["
    "    {\"materialId\": \"MatTX0001\", \"netUse\": 80, \"composition\": 60},"
    "    {\"materialId\": \"MatTX0002\", \"netUse\": 75, \"composition\": 40}"
    "  ],"
    "  \"weight\": 350,"
    "  \"weightMeasureUnit\": \"grams\","
    "  \"weightIsPrimaryData\": true,"
    "  \"categoryExpansionId\": \"ApparelAccessories-SleepwearLoungewear-PajamaBottoms\","
    "  \"size\": \"Adult\","
    "  \"packaging\": [{\"packagingId\": \"Pkg0001\", \"amount\": 1}],"
    "  \"components\": [{\"componentId\": \"Cmp0001\", \"unit\": 2}],"
    "  \"identifier\": \"SKU-%08x\","
    "  \"identifierType\": \"SKU\","
    "  \"tags\": [\"client-test\"],"
    "  \"purchaseOrder\": ["
    "    {\"purchaseOrderId\": \"PO-A\", \"purchaseDate\": \"2024-03-01\", \"amountPurchase\": 100},"
    "    {\"purchaseOrderId\": \"PO-B\", \"purchaseDate\": \"2024-04-15\", \"amountPurchase\": 250}"
    "  ],"
    "  \"frenchLabelCountry\": {\"code\": \"FR\", \"name\": \"France\"},"
    "  \"frenchLabelDyeingCountry\": {\"code\": \"TR\", \"name\": \"Turkey\"},"
    "  \"frenchLabelFabricCountry\": {\"code\": \"IN\", \"name\": \"India\"}"
    "}",
    name, g_random_int ());

  return att_test_parse_object (json);
}

static AttProduct *
update_product (Fixture    *fixture,
                const char *id,
                const char *command_json,
                GError    **error)
{
  g_autoptr(JsonObject) command = att_test_parse_object (command_json);

  return att_test_update_product (fixture->client, id, command, error);
}

static AttPage *
search_products (Fixture    *fixture,
                 const char *text,
                 guint       from,
                 guint       size,
                 GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_higg_client_search_products_async (fixture->client, text, NULL, from, size, NULL,
                                         att_test_store_result, &result);
  return att_higg_client_search_products_finish (fixture->client, att_test_await_result (&result), error);
}

static AttPurchaseOrder *
find_purchase_order (AttProduct *product,
                     const char *purchase_order_id)
{
  GListModel *orders = att_product_get_purchase_orders (product);

  for (guint i = 0; i < g_list_model_get_n_items (orders); i++)
    {
      g_autoptr(AttPurchaseOrder) order = g_list_model_get_item (orders, i);

      if (g_strcmp0 (att_purchase_order_get_purchase_order_id (order), purchase_order_id) == 0)
        return order; /* the product keeps it alive */
    }

  return NULL;
}

/* --- Products --------------------------------------------------------- */

static void
test_create_and_get (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autofree char *name = unique_name ("Client Test Tee");
  g_autoptr(JsonObject) body = make_create_body (name);
  g_autoptr(AttProduct) created = NULL;
  g_autoptr(AttProduct) fetched = NULL;
  g_autoptr(AttMaterialUse) material = NULL;
  g_autoptr(GError) error = NULL;

  created = att_test_create_product (fixture->client, body, &error);
  g_assert_no_error (error);
  g_assert_nonnull (att_product_get_id (created));
  g_assert_cmpstr (att_product_get_name (created), ==, name);
  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_materials (created)), ==, 2);

  /* What the server stored, read back through a search by id. */
  fetched = att_test_get_product (fixture->client, att_product_get_id (created), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_product_get_id (fetched), ==, att_product_get_id (created));
  g_assert_cmpstr (att_product_get_name (fetched), ==, name);
  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_materials (fetched)), ==, 2);
  material = g_list_model_get_item (att_product_get_materials (fetched), 0);
  g_assert_cmpstr (att_material_use_get_material_id (material), ==, "MatTX0001");
  g_assert_cmpfloat (att_material_use_get_net_use (material), ==, 80);
  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_purchase_orders (fetched)), ==, 2);
  g_assert_nonnull (find_purchase_order (fetched, "PO-A"));

  /* An id nobody has. */
  g_clear_object (&fetched);
  fetched = att_test_get_product (fixture->client, "no-such-product-id", &error);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND);
  g_assert_null (fetched);
}

static void
test_update (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autofree char *name = unique_name ("Client Test Hoodie");
  g_autofree char *new_name = unique_name ("Client Test Renamed");
  g_autofree char *command = NULL;
  g_autoptr(JsonObject) body = make_create_body (name);
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(AttProduct) updated = NULL;
  g_autoptr(AttProduct) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char  *id = NULL;
  g_autofree char  *po_a = NULL;
  g_autofree char  *po_b = NULL;
  g_autofree char  *po_c = NULL;
  AttPurchaseOrder *order;

  product = att_test_create_product (fixture->client, body, &error);
  g_assert_no_error (error);
  id = g_strdup (att_product_get_id (product));
  po_a = g_strdup (att_purchase_order_get_id (find_purchase_order (product, "PO-A")));
  po_b = g_strdup (att_purchase_order_get_id (find_purchase_order (product, "PO-B")));
  g_assert_nonnull (po_a);
  g_assert_nonnull (po_b);

  /* Omitted fields stay; the name changes. */
  command = g_strdup_printf ("{\"name\": \"%s\"}", new_name);
  updated = update_product (fixture, id, command, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_product_get_name (updated), ==, new_name);
  g_clear_object (&updated);

  /* Purchase orders in separate calls: add, update, remove. */
  updated = update_product (fixture, id,
                            "{\"addPurchaseOrder\": [{\"purchaseOrderId\": \"PO-C\","
                            " \"purchaseDate\": \"2024-05-20\", \"amountPurchase\": 30}]}",
                            &error);
  g_assert_no_error (error);
  g_clear_object (&updated);

  g_free (command);
  command = g_strdup_printf ("{\"updatePurchaseOrder\": [{\"_id\": \"%s\", \"purchaseOrderId\": \"PO-A\","
                             " \"purchaseDate\": \"2024-03-01\", \"amountPurchase\": 111}]}",
                             po_a);
  updated = update_product (fixture, id, command, &error);
  g_assert_no_error (error);
  g_clear_object (&updated);

  g_free (command);
  command = g_strdup_printf ("{\"removePurchaseOrder\": [\"%s\"]}", po_b);
  updated = update_product (fixture, id, command, &error);
  g_assert_no_error (error);
  g_clear_object (&updated);

  stored = att_test_get_product (fixture->client, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_product_get_name (stored), ==, new_name);
  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_materials (stored)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_purchase_orders (stored)), ==, 2);
  order = find_purchase_order (stored, "PO-A");
  g_assert_nonnull (order);
  g_assert_cmpfloat (att_purchase_order_get_amount_purchase (order), ==, 111);
  g_assert_null (find_purchase_order (stored, "PO-B"));
  order = find_purchase_order (stored, "PO-C");
  g_assert_nonnull (order);
  po_c = g_strdup (att_purchase_order_get_id (order));
  g_clear_object (&stored);

  /* All three in one command. */
  g_free (command);
  command = g_strdup_printf ("{\"addPurchaseOrder\": [{\"purchaseOrderId\": \"PO-D\","
                             "   \"purchaseDate\": \"2024-06-01\", \"amountPurchase\": 40}],"
                             " \"updatePurchaseOrder\": [{\"_id\": \"%s\", \"purchaseOrderId\": \"PO-C\","
                             "   \"purchaseDate\": \"2024-05-20\", \"amountPurchase\": 33}],"
                             " \"removePurchaseOrder\": [\"%s\"]}",
                             po_c, po_a);
  updated = update_product (fixture, id, command, &error);
  g_assert_no_error (error);
  g_clear_object (&updated);

  stored = att_test_get_product (fixture->client, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_purchase_orders (stored)), ==, 2);
  g_assert_null (find_purchase_order (stored, "PO-A"));
  order = find_purchase_order (stored, "PO-C");
  g_assert_nonnull (order);
  g_assert_cmpfloat (att_purchase_order_get_amount_purchase (order), ==, 33);
  g_assert_nonnull (find_purchase_order (stored, "PO-D"));

  /* Updating a product that does not exist is a real 404. */
  updated = update_product (fixture, "no-such-product-id", "{\"name\": \"x\"}", &error);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND);
  g_assert_cmpuint (att_api_error_get_http_status (error), ==, 404);
  g_assert_null (updated);
}

static void
test_search_paging (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autofree char *token = g_strdup_printf ("Qzx%08x", g_random_int ());
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(AttPage) page = NULL;
  g_autoptr(GError) error = NULL;
  guint total;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s Parka %u", token, i);
      g_autoptr(JsonObject) body = make_create_body (name);
      g_autoptr(AttProduct) product = att_test_create_product (fixture->client, body, &error);

      g_assert_no_error (error);
    }

  /* All products, paged. */
  page = search_products (fixture, NULL, 0, 10, &error);
  g_assert_no_error (error);
  total = att_page_get_total (page);
  g_assert_cmpuint (total, >=, 63);
  g_assert_cmpuint (att_page_get_from (page), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (att_page_get_items (page)), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (att_page_get_items (page), i);

      g_hash_table_add (seen, g_strdup (att_product_get_id (product)));
    }
  g_clear_object (&page);

  page = search_products (fixture, NULL, 10, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (att_page_get_from (page), ==, 10);
  g_assert_cmpuint (att_page_get_total (page), ==, total);
  g_assert_cmpuint (g_list_model_get_n_items (att_page_get_items (page)), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (att_page_get_items (page), i);

      /* The second page does not repeat the first. */
      g_assert_false (g_hash_table_contains (seen, att_product_get_id (product)));
    }
  g_clear_object (&page);

  page = search_products (fixture, NULL, total - 3, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (att_page_get_items (page)), ==, 3);
  g_clear_object (&page);

  /* Text search, paged. */
  page = search_products (fixture, token, 0, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (att_page_get_total (page), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (att_page_get_items (page)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (att_page_get_items (page), i);

      g_assert_true (g_str_has_prefix (att_product_get_name (product), token));
    }
  g_clear_object (&page);

  page = search_products (fixture, token, 2, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (att_page_get_total (page), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (att_page_get_items (page)), ==, 1);
  g_clear_object (&page);

  /* By ids; an empty id list matches nothing. */
  {
    g_autoptr(AttPage) all = search_products (fixture, token, 0, 3, &error);
    g_autoptr(AttProduct) a = g_list_model_get_item (att_page_get_items (all), 0);
    g_autoptr(AttProduct) b = g_list_model_get_item (att_page_get_items (all), 2);
    const char *ids[] = { att_product_get_id (a), att_product_get_id (b), NULL };
    const char *no_ids[] = { NULL };
    g_autoptr(GAsyncResult) result = NULL;

    att_higg_client_search_products_async (fixture->client, NULL, ids, 0, 10, NULL,
                                           att_test_store_result, &result);
    page = att_higg_client_search_products_finish (fixture->client, att_test_await_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (att_page_get_total (page), ==, 2);
    g_clear_object (&page);
    g_clear_object (&result);

    att_higg_client_search_products_async (fixture->client, NULL, no_ids, 0, 10, NULL,
                                           att_test_store_result, &result);
    page = att_higg_client_search_products_finish (fixture->client, att_test_await_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (att_page_get_total (page), ==, 0);
  }
}

/* --- Catalogues and countries ----------------------------------------- */

typedef void (*CatalogSearch) (AttHiggClient *, const char *, guint, guint,
                               GCancellable *, GAsyncReadyCallback, gpointer);
typedef AttPage *(*CatalogFinish) (AttHiggClient *, GAsyncResult *, GError **);

static AttPage *
search_catalog (Fixture      *fixture,
                CatalogSearch search,
                CatalogFinish finish,
                const char   *text,
                guint         from,
                guint         size)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AttPage *page;

  search (fixture->client, text, from, size, NULL, att_test_store_result, &result);
  page = finish (fixture->client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  return page;
}

static void
check_catalog (Fixture      *fixture,
               CatalogSearch search,
               CatalogFinish finish,
               guint         expected_total)
{
  g_autoptr(AttPage) first = search_catalog (fixture, search, finish, NULL, 0, 5);
  g_autoptr(AttPage) second = NULL;
  g_autoptr(AttPage) big = NULL;
  g_autoptr(AttPage) by_name = NULL;
  g_autoptr(AttCatalogItem) item = NULL;
  g_autoptr(AttCatalogItem) next = NULL;
  GListModel *items;
  gboolean    found = FALSE;

  g_assert_cmpuint (att_page_get_total (first), ==, expected_total);
  g_assert_cmpuint (g_list_model_get_n_items (att_page_get_items (first)), ==, 5);
  item = g_list_model_get_item (att_page_get_items (first), 0);
  g_assert_nonnull (att_catalog_item_get_id (item));
  g_assert_nonnull (att_catalog_item_get_name (item));

  second = search_catalog (fixture, search, finish, NULL, 5, 5);
  g_assert_cmpuint (att_page_get_from (second), ==, 5);
  next = g_list_model_get_item (att_page_get_items (second), 0);
  g_assert_cmpstr (att_catalog_item_get_id (next), !=, att_catalog_item_get_id (item));

  /* The documented maximum page size is 50. */
  big = search_catalog (fixture, search, finish, NULL, 0, 500);
  g_assert_cmpuint (g_list_model_get_n_items (att_page_get_items (big)), <=, 50);

  by_name = search_catalog (fixture, search, finish, att_catalog_item_get_name (item), 0, 50);
  items = att_page_get_items (by_name);
  g_assert_cmpuint (att_page_get_total (by_name), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AttCatalogItem) hit = g_list_model_get_item (items, i);

      if (g_strcmp0 (att_catalog_item_get_id (hit), att_catalog_item_get_id (item)) == 0)
        found = TRUE;
    }
  g_assert_true (found);
}

static guint
count_catalogue_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("ATTEST_SOURCE_DIR"), "data", "catalogue",
                                            name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_array_get_length (json_node_get_array (json_parser_get_root (parser)));
}

static void
test_catalogs (Fixture      *fixture,
               gconstpointer user_data)
{
  check_catalog (fixture,
                 att_higg_client_search_materials_async,
                 att_higg_client_search_materials_finish,
                 count_catalogue_file ("materials.json"));
  check_catalog (fixture,
                 att_higg_client_search_components_async,
                 att_higg_client_search_components_finish,
                 count_catalogue_file ("components.json"));
  check_catalog (fixture,
                 att_higg_client_search_packaging_async,
                 att_higg_client_search_packaging_finish,
                 count_catalogue_file ("packaging.json"));
}

static void
test_countries (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) countries = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found_france = FALSE;

  att_higg_client_list_countries_async (fixture->client, NULL, att_test_store_result, &result);
  countries = att_higg_client_list_countries_finish (fixture->client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (countries), ==, count_catalogue_file ("countries.json"));
  g_assert_true (g_list_model_get_item_type (countries) == ATT_TYPE_COUNTRY);

  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(AttCountry) country = g_list_model_get_item (countries, i);

      g_assert_nonnull (att_country_get_code (country));
      g_assert_nonnull (att_country_get_name (country));
      if (g_strcmp0 (att_country_get_code (country), "FR") == 0)
        {
          g_assert_cmpstr (att_country_get_name (country), ==, "France");
          found_france = TRUE;
        }
    }
  g_assert_true (found_france);
}

/* --- Error mapping ---------------------------------------------------- */

static void
test_error_validation (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autofree char *name = unique_name ("Client Test Invalid");
  g_autoptr(JsonObject) body = make_create_body (name);
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(AttPage) page = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *material;
  GPtrArray  *field_errors;
  gboolean    found = FALSE;

  /* netUse must be 1-100 (api-higg.md V4). */
  material = json_array_get_object_element (json_object_get_array_member (body, "materials"), 0);
  json_object_set_int_member (material, "netUse", 500);
  json_object_remove_member (body, "name");

  product = att_test_create_product (fixture->client, body, &error);
  g_assert_null (product);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  g_assert_cmpuint (att_api_error_get_http_status (error), ==, 400);
  g_test_message ("validation error: %s", error->message);

  /* The user sees the failing field in the message... */
  g_assert_nonnull (strstr (error->message, "materials[0].netUse"));
  g_assert_null (strstr (error->message, "{"));

  /* ...and a form can mark each field. */
  field_errors = att_api_error_get_field_errors (error);
  g_assert_nonnull (field_errors);
  g_assert_cmpuint (field_errors->len, >=, 2);
  for (guint i = 0; i < field_errors->len; i++)
    {
      AttFieldError *field_error = g_ptr_array_index (field_errors, i);

      g_assert_nonnull (field_error->message);
      if (g_strcmp0 (field_error->path, "materials[0].netUse") == 0)
        found = TRUE;
    }
  g_assert_true (found);

  /* Nothing was stored. */
  page = search_products (fixture, name, 0, 10, &error);
  g_assert_cmpuint (att_page_get_total (page), ==, 0);
}

static void
check_injected (Fixture    *fixture,
                guint       status,
                AttApiError code)
{
  g_autoptr(AttPage) page = NULL;
  g_autoptr(GError) error = NULL;

  /* The client answers a 401 with a new token and one more try: it takes
   * two to see the error. */
  att_sandbox_inject_failure (fixture->sandbox, status, status == SOUP_STATUS_UNAUTHORIZED ? 2 : 1);
  page = search_products (fixture, NULL, 0, 1, &error);
  g_assert_null (page);
  g_assert_error (error, ATT_API_ERROR, (gint) code);
  g_assert_cmpuint (att_api_error_get_http_status (error), ==, status);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("HTTP %u: %s", status, error->message);
  g_clear_error (&error);

  /* The failure was used up by one request: the next one works. */
  page = search_products (fixture, NULL, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
}

static void
test_error_injected (Fixture      *fixture,
                     gconstpointer user_data)
{
  check_injected (fixture, 401, ATT_API_ERROR_UNAUTHORIZED);
  check_injected (fixture, 403, ATT_API_ERROR_FORBIDDEN);
  check_injected (fixture, 404, ATT_API_ERROR_NOT_FOUND);
  check_injected (fixture, 409, ATT_API_ERROR_CONFLICT);
  check_injected (fixture, 500, ATT_API_ERROR_SERVER);

  /* Retryable failures, with retries off, show their own codes. */
  att_http_set_retry_policy (fixture->http, 0, 10);
  check_injected (fixture, 429, ATT_API_ERROR_RATE_LIMITED);
  check_injected (fixture, 503, ATT_API_ERROR_SERVER);
}

static void
test_error_timeout (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr(AttPage) page = NULL;
  g_autoptr(GError) error = NULL;

  att_http_set_retry_policy (fixture->http, 0, 10);
  att_http_set_timeout (fixture->http, 1);
  att_sandbox_set_latency (fixture->sandbox, 3000);

  page = search_products (fixture, NULL, 0, 1, &error);
  g_assert_null (page);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_TIMEOUT);
  g_test_message ("timeout: %s", error->message);
}

static void
test_error_network (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(AttHiggClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AttPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  guint16          port;

  /* A port that was free a moment ago: nothing listens there. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  att_http_set_retry_policy (fixture->http, 1, 10);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  client = att_higg_client_new (fixture->http, url);
  att_higg_client_search_products_async (client, NULL, NULL, 0, 1, NULL, att_test_store_result, &result);
  page = att_higg_client_search_products_finish (client, att_test_await_result (&result), &error);
  g_assert_null (page);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_NETWORK);
}

/* A server certificate that nobody trusts: self-signed, for 127.0.0.1. */
static GTlsCertificate *
make_self_signed_certificate (void)
{
  gnutls_x509_privkey_t key = NULL;
  gnutls_x509_crt_t     crt = NULL;
  gnutls_datum_t        key_pem = { NULL, 0 };
  gnutls_datum_t        crt_pem = { NULL, 0 };
  const unsigned char   serial[] = { 0x01 };
  const unsigned char   loopback[] = { 127, 0, 0, 1 };
  time_t                now = time (NULL);
  g_autofree char      *pem = NULL;
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate;

  g_assert_cmpint (gnutls_x509_privkey_init (&key), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_generate (key, GNUTLS_PK_RSA, 2048, 0), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_init (&crt), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_version (crt, 3), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_activation_time (crt, now - 3600), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_expiration_time (crt, now + 3600), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0,
                                                  "127.0.0.1", 9),
                   ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS, loopback,
                                                         sizeof loopback, GNUTLS_FSAN_SET),
                   ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_key (crt, key), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_sign2 (crt, crt, key, GNUTLS_DIG_SHA256, 0), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &crt_pem), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_export2 (key, GNUTLS_X509_FMT_PEM, &key_pem), ==, 0);

  pem = g_strdup_printf ("%.*s%.*s", (int) crt_pem.size, crt_pem.data,
                         (int) key_pem.size, key_pem.data);
  certificate = g_tls_certificate_new_from_pem (pem, -1, &error);
  g_assert_no_error (error);

  gnutls_free (crt_pem.data);
  gnutls_free (key_pem.data);
  gnutls_x509_crt_deinit (crt);
  gnutls_x509_privkey_deinit (key);
  return certificate;
}

/* Answers every connection in plain text at once, as an HTTP server on the
 * wrong port would, whatever the client sent. */
static gboolean
on_plain_incoming (GSocketService    *service,
                   GSocketConnection *connection,
                   GObject           *source_object,
                   gpointer           user_data)
{
  static const char reply[] = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
  GOutputStream    *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  g_output_stream_write_all (out, reply, sizeof reply - 1, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static GError *
search_at (Fixture    *fixture,
           const char *base_url)
{
  g_autoptr(AttHiggClient) client = att_higg_client_new (fixture->http, base_url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AttPage) page = NULL;
  GError *error = NULL;

  att_higg_client_search_products_async (client, NULL, NULL, 0, 1, NULL, att_test_store_result, &result);
  page = att_higg_client_search_products_finish (client, att_test_await_result (&result), &error);
  g_assert_null (page);
  return error;
}

/* TLS failures are told apart from other network failures: the user fixes
 * them differently (a certificate, a proxy that intercepts, a wrong port). */
static void
test_error_tls (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr(GSocketService) plain = g_socket_service_new ();
  g_autofree char *https_to_http = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) local = NULL;
  g_autofree char *self_signed_url = NULL;
  g_autoptr(GError) error = NULL;
  GSList *listeners;
  guint16 plain_port;

  att_http_set_retry_policy (fixture->http, 0, 10);

  /* A server that does not speak TLS. */
  {
    g_autoptr(GSocketAddress) effective = NULL;

    g_socket_listener_add_address (G_SOCKET_LISTENER (plain), address, G_SOCKET_TYPE_STREAM,
                                   G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
    g_assert_no_error (error);
    plain_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  }
  g_signal_connect (plain, "incoming", G_CALLBACK (on_plain_incoming), NULL);
  g_socket_service_start (plain);
  https_to_http = g_strdup_printf ("https://127.0.0.1:%u", plain_port);
  error = search_at (fixture, https_to_http);
  g_test_message ("plain HTTP server: %s", error->message);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_TLS);
  g_clear_error (&error);

  /* A certificate that is not trusted. */
  certificate = make_self_signed_certificate ();
  server = soup_server_new ("tls-certificate", certificate, NULL);
  g_assert_true (soup_server_listen (server, address, SOUP_SERVER_LISTEN_HTTPS, &error));
  g_assert_no_error (error);
  listeners = soup_server_get_listeners (server);
  local = g_socket_get_local_address (listeners->data, &error);
  g_slist_free (listeners);
  g_assert_no_error (error);
  self_signed_url = g_strdup_printf ("https://127.0.0.1:%u",
                                     g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local)));

  error = search_at (fixture, self_signed_url);
  g_test_message ("self-signed certificate: %s", error->message);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_TLS);

  soup_server_disconnect (server);
  g_socket_service_stop (plain);
  g_socket_listener_close (G_SOCKET_LISTENER (plain));
}

/* --- Retries ---------------------------------------------------------- */

static void
test_retry_idempotent (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr(AttPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;

  att_sandbox_inject_failure (fixture->sandbox, 503, 1);

  start_capturing_log ();
  page = search_products (fixture, NULL, 0, 5, &error);
  log = stop_capturing_log ();

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (att_page_get_items (page)), ==, 5);

  /* The first attempt met the 503; the second one succeeded. */
  g_assert_nonnull (strstr (log, "HTTP 503"));
  g_assert_nonnull (strstr (log, "(attempt 2)"));
}

static void
test_retry_not_idempotent (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autofree char *name = unique_name ("Client Test Retry");
  g_autoptr(JsonObject) body = make_create_body (name);
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(AttPage) page = NULL;
  g_autoptr(GError) error = NULL;

  att_sandbox_inject_failure (fixture->sandbox, 503, 1);

  product = att_test_create_product (fixture->client, body, &error);
  g_assert_null (product);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_SERVER);
  g_assert_cmpuint (att_api_error_get_http_status (error), ==, 503);
  g_clear_error (&error);

  /* The server state is unchanged: the create was sent once, and failed. */
  page = search_products (fixture, name, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (att_page_get_total (page), ==, 0);
  g_clear_object (&page);

  /* Sent again by the user, it is stored once. */
  product = att_test_create_product (fixture->client, body, &error);
  g_assert_no_error (error);
  page = search_products (fixture, name, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (att_page_get_total (page), ==, 1);
}

/* --- Cancellation ----------------------------------------------------- */

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AttPage) page = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  gint64 elapsed_ms;

  att_sandbox_set_latency (fixture->sandbox, 3000);

  start = g_get_monotonic_time ();
  att_higg_client_search_products_async (fixture->client, NULL, NULL, 0, 1, cancellable,
                                         att_test_store_result, &result);
  g_timeout_add (100, cancel_cb, cancellable);
  page = att_higg_client_search_products_finish (fixture->client, att_test_await_result (&result), &error);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;

  g_assert_null (page);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Not an ordering of wall-clock speed: the answer would only come after
   * 3 s, so an earlier result proves the request was abandoned. */
  g_assert_cmpint (elapsed_ms, <, 2500);
  g_test_message ("cancelled after %" G_GINT64_FORMAT " ms", elapsed_ms);

  /* Cancelled while waiting to retry: the wait ends at once. */
  g_clear_object (&result);
  g_clear_error (&error);
  g_clear_object (&cancellable);
  cancellable = g_cancellable_new ();
  att_sandbox_set_latency (fixture->sandbox, 0);
  att_sandbox_inject_failure (fixture->sandbox, 503, 3);
  att_http_set_retry_policy (fixture->http, 2, 5000);
  start = g_get_monotonic_time ();
  att_higg_client_search_products_async (fixture->client, NULL, NULL, 0, 1, cancellable,
                                         att_test_store_result, &result);
  g_timeout_add (300, cancel_cb, cancellable);
  page = att_higg_client_search_products_finish (fixture->client, att_test_await_result (&result), &error);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_assert_null (page);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* The first retry would only start after 5 s. */
  g_assert_cmpint (elapsed_ms, <, 4000);

  /* An already-cancelled cancellable fails at once, without a request. */
  g_clear_object (&result);
  g_clear_error (&error);
  att_higg_client_list_countries_async (fixture->client, cancellable, att_test_store_result, &result);
  g_assert_null (att_higg_client_list_countries_finish (fixture->client, att_test_await_result (&result),
                                                        &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* --- Security --------------------------------------------------------- */

static void
on_request_queued (SoupSession *session,
                   SoupMessage *message,
                   gpointer     user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_insecure (Fixture      *fixture,
               gconstpointer user_data)
{
  const char *refused[] = {
    "http://example.com/pic-api/v1/products/search",
    "http://10.0.0.1/pic-api/v1/products/search",
    "http://[2001:db8::1]:8080/x",
    "http://localhost.example.com/x",
    "http://127.0.0.1.nip.io/x",
    "ftp://127.0.0.1/x",
  };
  guint  queued = 0;
  gulong handler;

  handler = g_signal_connect (att_http_get_session (fixture->http), "request-queued",
                              G_CALLBACK (on_request_queued), &queued);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;

      att_http_send_json_async (fixture->http, SOUP_METHOD_POST, refused[i], NULL, NULL, TRUE,
                                NULL, att_test_store_result, &result);
      node = att_http_send_json_finish (fixture->http, att_test_await_result (&result), &error);
      g_assert_null (node);
      g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_INSECURE);
    }

  /* Through the client too. */
  {
    g_autoptr(AttHiggClient) client = att_higg_client_new (fixture->http, "http://example.com/");
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(AttPage) page = NULL;
    g_autoptr(GError) error = NULL;

    att_higg_client_search_products_async (client, NULL, NULL, 0, 1, NULL, att_test_store_result, &result);
    page = att_higg_client_search_products_finish (client, att_test_await_result (&result), &error);
    g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_INSECURE);
  }

  /* Refused before any traffic: the session never saw a request. */
  g_assert_cmpuint (queued, ==, 0);

  /* Loopback by name is allowed. */
  {
    g_autofree char *url = NULL;
    g_autoptr(GUri) base = g_uri_parse (att_sandbox_get_base_url (fixture->sandbox),
                                         G_URI_FLAGS_NONE, NULL);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(JsonNode) node = NULL;
    g_autoptr(GError) error = NULL;

    url = g_strdup_printf ("http://localhost:%d/pic-api/v1/french-label-manufacturing-countries",
                           g_uri_get_port (base));
    att_http_send_json_async (fixture->http, SOUP_METHOD_GET, url, NULL, NULL, TRUE,
                              NULL, att_test_store_result, &result);
    node = att_http_send_json_finish (fixture->http, att_test_await_result (&result), &error);
    /* localhost may resolve to ::1 first, where nothing listens; either way
     * it was not refused as insecure. */
    if (error != NULL)
      g_assert_false (g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_INSECURE));
    g_assert_cmpuint (queued, >=, 1);
  }

  g_signal_handler_disconnect (att_http_get_session (fixture->http), handler);
}

static void
test_log_redaction (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autofree char *auth = g_strdup_printf ("Bearer fake-%08x", g_random_int ());
  g_autofree char *url = g_strconcat (att_sandbox_get_base_url (fixture->sandbox),
                                      "/pic-api/v1/products/search", NULL);
  /* Real credentials, so that the sandbox answers the first two. */
  g_autoptr(SoupMessageHeaders) headers = att_test_auth_headers_new (fixture->sandbox);
  g_autofree char *api_key = g_strdup (soup_message_headers_get_one (headers, "x-api-key"));
  g_autofree char *token = g_strdup (soup_message_headers_get_one (headers, "x-developer-request-token"));
  g_autoptr(JsonNode) body = json_from_string ("{\"from\": 0, \"size\": 2}", NULL);
  g_autofree char *log = NULL;

  g_assert_nonnull (api_key);
  g_assert_nonnull (token);
  soup_message_headers_append (headers, "Authorization", auth);

  start_capturing_log ();

  /* A success, a failure that is retried, and a failure that is not. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;

      if (i == 1)
        att_sandbox_inject_failure (fixture->sandbox, 503, 1);
      else if (i == 2)
        att_sandbox_inject_failure (fixture->sandbox, 401, 1);

      att_http_send_json_async (fixture->http, SOUP_METHOD_POST, url, body, headers, TRUE,
                                NULL, att_test_store_result, &result);
      node = att_http_send_json_finish (fixture->http, att_test_await_result (&result), &error);
      if (i < 2)
        g_assert_no_error (error);
      else
        g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED);
    }

  log = stop_capturing_log ();

  /* The log did record the requests... */
  g_assert_nonnull (strstr (log, "POST /pic-api/v1/products/search"));
  g_assert_nonnull (strstr (log, "HTTP 401"));
  /* ...and never a secret. */
  g_assert_null (strstr (log, api_key));
  g_assert_null (strstr (log, token));
  g_assert_null (strstr (log, auth));
  g_assert_null (strstr (log, "fake-"));
  g_assert_null (strstr (log, att_sandbox_get_integration_key (fixture->sandbox)));
}

/* --- How long does reading a 100-product page take? -------------------- */

static void
test_measure_page_parse (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *url = g_strconcat (att_sandbox_get_base_url (fixture->sandbox),
                                      "/pic-api/v1/products/search", NULL);
  g_autoptr(JsonNode) body = json_from_string ("{\"from\": 0, \"size\": 100}", NULL);
  g_autofree char *text = NULL;
  gsize            length = 0;
  g_autoptr(SoupMessageHeaders) headers = att_test_auth_headers_new (fixture->sandbox);
  gint64 best = G_MAXINT64;
  gint64 best_parse = G_MAXINT64;
  guint  n_results;

  att_sandbox_add_generated_products (fixture->sandbox, 100, 7, &error);
  g_assert_no_error (error);

  att_http_send_json_async (fixture->http, SOUP_METHOD_POST, url, body, headers, TRUE,
                            NULL, att_test_store_result, &result);
  node = att_http_send_json_finish (fixture->http, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  n_results = json_array_get_length (json_object_get_array_member (json_node_get_object (node),
                                                                   "results"));
  g_assert_cmpuint (n_results, ==, 100);

  /* What reading a page costs: parsing the text, then building the models.
   * Reported, not asserted. */
  for (guint rep = 0; rep < 10; rep++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      gint64     start = g_get_monotonic_time ();
      JsonArray *results;

      json_parser_load_from_data (parser, text, (gssize) length, &error);
      g_assert_no_error (error);
      best_parse = MIN (best_parse, g_get_monotonic_time () - start);
      results = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                              "results");
      for (guint i = 0; i < json_array_get_length (results); i++)
        {
          g_autoptr(AttProduct) product =
                       att_product_new_from_json (json_array_get_object_element (results, i), NULL, &error);

          g_assert_no_error (error);
        }
      best = MIN (best, g_get_monotonic_time () - start);
    }

  /* AttHttp parses bodies of 64 KiB or more in a worker thread; only the
   * models are built on the main thread. */
  g_test_message ("a 100-product page: %" G_GSIZE_FORMAT " bytes; JSON parsing %.2f ms "
                  "(worker thread), building the models %.2f ms (main thread); best of 10",
                  length, best_parse / 1000.0, (best - best_parse) / 1000.0);
}

/* --- A hostile peer ---------------------------------------------------- */

/* The sandbox never sends a malformed answer, so these tests put a small
 * HTTP server on loopback that sends exactly what it is told: a real
 * sandbox page with one field broken, a redirect, odd error shapes. It
 * stands for a misbehaving or compromised server, not for the sandbox. */
typedef struct
{
  SoupServer *server;
  char       *base_url;
  guint       status;
  char       *content_type;
  char       *body;
  char       *header_name;
  char       *header_value;
  guint       hits;
} Peer;

static void
peer_handler (SoupServer        *server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Peer *peer = user_data;

  peer->hits++;
  soup_server_message_set_status (message, peer->status, NULL);
  if (peer->header_name != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                  peer->header_name, peer->header_value);
  if (peer->body != NULL)
    soup_server_message_set_response (message, peer->content_type, SOUP_MEMORY_COPY,
                                      peer->body, strlen (peer->body));
}

static Peer *
peer_new (void)
{
  Peer *peer = g_new0 (Peer, 1);
  g_autoptr(GError) error = NULL;
  GSList          *uris;
  g_autofree char *uri = NULL;

  peer->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (peer->server, NULL, peer_handler, peer, NULL);
  soup_server_listen_local (peer->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (peer->server);
  uri = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  peer->base_url = g_strndup (uri, strlen (uri) - (g_str_has_suffix (uri, "/") ? 1 : 0));
  return peer;
}

static void
peer_answer (Peer       *peer,
             guint       status,
             const char *content_type,
             const char *body)
{
  peer->status = status;
  g_free (peer->content_type);
  peer->content_type = g_strdup (content_type);
  g_free (peer->body);
  peer->body = g_strdup (body);
  g_clear_pointer (&peer->header_name, g_free);
  g_clear_pointer (&peer->header_value, g_free);
  peer->hits = 0;
}

static void
peer_set_header (Peer       *peer,
                 const char *name,
                 const char *value)
{
  g_free (peer->header_name);
  peer->header_name = g_strdup (name);
  g_free (peer->header_value);
  peer->header_value = g_strdup (value);
}

static void
peer_free (Peer *peer)
{
  soup_server_disconnect (peer->server);
  g_object_unref (peer->server);
  g_free (peer->base_url);
  g_free (peer->content_type);
  g_free (peer->body);
  g_free (peer->header_name);
  g_free (peer->header_value);
  g_free (peer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Peer, peer_free)

static AttPage *
search_peer_page (Fixture *fixture,
                  Peer    *peer,
                  GError **error)
{
  g_autoptr(AttHiggClient) client = att_higg_client_new (fixture->http, peer->base_url);
  g_autoptr(GAsyncResult) result = NULL;
  AttPage *page;

  att_higg_client_search_products_async (client, NULL, NULL, 0, 10, NULL, att_test_store_result, &result);
  page = att_higg_client_search_products_finish (client, att_test_await_result (&result), error);
  g_assert_true ((page == NULL) == (error == NULL || *error != NULL));
  return page;
}

static GError *
search_peer (Fixture *fixture,
             Peer    *peer)
{
  g_autoptr(AttPage) page = NULL;
  GError *error = NULL;

  page = search_peer_page (fixture, peer, &error);
  return error;
}

/* A page with one unreadable row: the others are read, and the row keeps
 * its place with an error a user can read and the failing path as detail. */
static void
assert_one_bad_row (AttPage    *page,
                    guint       n_rows,
                    guint       bad_row,
                    const char *path_prefix)
{
  const GError        *row_error = att_page_get_row_error (page, bad_row);
  GPtrArray           *details;
  const AttFieldError *detail;

  g_assert_cmpuint (g_list_model_get_n_items (att_page_get_items (page)), ==, n_rows);
  g_assert_cmpuint (att_page_get_n_row_errors (page), ==, 1);
  g_assert_error ((GError *) row_error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (row_error->message, ==, "The server sent a product Attest cannot read");
  details = att_api_error_get_field_errors (row_error);
  g_assert_nonnull (details);
  g_assert_cmpuint (details->len, ==, 1);
  detail = g_ptr_array_index (details, 0);
  g_test_message ("bad row: %s", detail->message);
  g_assert_true (g_str_has_prefix (detail->message, path_prefix));
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(AttProduct) item = g_list_model_get_item (att_page_get_items (page), i);

      g_assert_true (att_product_is_placeholder (item) == (i == bad_row));
      g_assert_true ((att_page_get_row_error (page, i) != NULL) == (i == bad_row));
    }
}

static void
test_hostile_bad_result (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_autoptr(Peer) peer = peer_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (att_sandbox_get_base_url (fixture->sandbox),
                                      "/pic-api/v1/products/search", NULL);
  g_autoptr(JsonNode) body = json_from_string ("{\"from\": 0, \"size\": 10}", NULL);
  g_autoptr(SoupMessageHeaders) headers = att_test_auth_headers_new (fixture->sandbox);
  g_autofree char *broken = NULL;
  JsonArray       *results;
  JsonObject      *material;

  /* A real page from the sandbox... */
  att_http_send_json_async (fixture->http, SOUP_METHOD_POST, url, body, headers, TRUE,
                            NULL, att_test_store_result, &result);
  page = att_http_send_json_finish (fixture->http, att_test_await_result (&result), &error);
  g_assert_no_error (error);

  /* ...which parses as it is... */
  broken = json_to_string (page, FALSE);
  peer_answer (peer, 200, "application/json", broken);
  error = search_peer (fixture, peer);
  g_assert_no_error (error);

  /* ...but not with one number turned into a string (in a fresh tree:
   * answers come sealed). */
  json_node_unref (page);
  page = json_from_string (broken, &error);
  g_assert_no_error (error);
  results = json_object_get_array_member (json_node_get_object (page), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 10);
  material = json_array_get_object_element (
    json_object_get_array_member (json_array_get_object_element (results, 7), "materials"), 0);
  json_object_set_string_member (material, "composition", "sixty");
  g_free (broken);
  broken = json_to_string (page, FALSE);
  peer_answer (peer, 200, "application/json", broken);

  {
    g_autoptr(AttPage) bad = search_peer_page (fixture, peer, &error);

    g_assert_no_error (error);
    assert_one_bad_row (bad, 10, 7, "results[7].materials[0].composition");
  }
}

static void
test_hostile_shapes (Fixture      *fixture,
                     gconstpointer user_data)
{
  const struct
  {
    const char *content_type;
    const char *body;
    const char *expected;
  } cases[] = {
    { "application/json", "{\"from\": 0, \"size\": 10, \"results\": []}", "total" },
    { "application/json", "{\"total\": \"many\", \"results\": []}", "total" },
    { "application/json", "{\"total\": -1, \"results\": []}", "total" },
    { "application/json", "{\"total\": 1, \"results\": {}}", "results" },
    { "application/json", "[1, 2, 3]", NULL },
    { "application/json", "{\"total\": 1, \"results\": [", NULL },
    { "text/html", "<html><body>Please log in to the Wi-Fi</body></html>", NULL },
  };

  g_autoptr(Peer) peer = peer_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      peer_answer (peer, 200, cases[i].content_type, cases[i].body);
      error = search_peer (fixture, peer);
      g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
      g_test_message ("%s -> %s", cases[i].body, error->message);
      if (cases[i].expected != NULL)
        g_assert_true (g_str_has_prefix (error->message, cases[i].expected));
      /* A bad answer is not a reason to ask again. */
      g_assert_cmpuint (peer->hits, ==, 1);
    }

  /* Rows that are not products are unreadable rows of a page that is read. */
  {
    g_autoptr(AttPage) page = NULL;
    g_autoptr(GError) error = NULL;

    peer_answer (peer, 200, "application/json",
                 "{\"total\": 2, \"results\": [{\"_id\": \"a\", \"name\": \"A\"}, 7]}");
    page = search_peer_page (fixture, peer, &error);
    g_assert_no_error (error);
    assert_one_bad_row (page, 2, 1, "results[1]");
    g_clear_object (&page);

    peer_answer (peer, 200, "application/json",
                 "{\"total\": 1, \"results\": [{\"name\": \"no id\"}]}");
    page = search_peer_page (fixture, peer, &error);
    g_assert_no_error (error);
    assert_one_bad_row (page, 1, 0, "results[0]");
  }

  /* A short total is raised to what the page holds, so no row is hidden. */
  {
    g_autoptr(AttHiggClient) client = att_higg_client_new (fixture->http, peer->base_url);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(AttPage) page = NULL;
    g_autoptr(GError) error = NULL;

    peer_answer (peer, 200, "application/json",
                 "{\"total\": 0, \"results\": [{\"_id\": \"a\", \"name\": \"A\"}]}");
    att_higg_client_search_products_async (client, NULL, NULL, 5, 10, NULL, att_test_store_result, &result);
    page = att_higg_client_search_products_finish (client, att_test_await_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (att_page_get_from (page), ==, 5);
    g_assert_cmpuint (att_page_get_total (page), ==, 6);
  }
}

static void
test_hostile_errors (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr(Peer) peer = peer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_message = g_string_new ("{\"message\": \"");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 120);
  g_autofree char *http_date = g_date_time_format (later, "%a, %d %b %Y %H:%M:%S GMT");
  GPtrArray       *field_errors;
  AttFieldError   *field_error;
  gint64           retry_after;

  /* `errors` with `field`, as many APIs send it. */
  peer_answer (peer, 422, "application/json",
               "{\"errors\": [{\"field\": \"name\", \"message\": \"is required\"}]}");
  error = search_peer (fixture, peer);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  g_assert_cmpuint (att_api_error_get_http_status (error), ==, 422);
  field_errors = att_api_error_get_field_errors (error);
  g_assert_cmpuint (field_errors->len, ==, 1);
  field_error = g_ptr_array_index (field_errors, 0);
  g_assert_cmpstr (field_error->path, ==, "name");
  g_assert_cmpstr (field_error->message, ==, "is required");
  g_assert_cmpstr (error->message, ==, "The server rejected the request: name: is required");
  g_clear_error (&error);

  /* A path given as an array of keys and indexes. */
  peer_answer (peer, 400, "application/json",
               "{\"message\": \"Invalid\", \"details\": [{\"path\": [\"materials\", 0, \"netUse\"],"
               " \"message\": \"too big\"}]}");
  error = search_peer (fixture, peer);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  field_error = g_ptr_array_index (att_api_error_get_field_errors (error), 0);
  g_assert_cmpstr (field_error->path, ==, "materials[0].netUse");
  g_clear_error (&error);

  /* A server message is used, but never a whole body. */
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (long_message, 'x');
  g_string_append (long_message, "\"}");
  peer_answer (peer, 500, "application/json", long_message->str);
  error = search_peer (fixture, peer);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_SERVER);
  g_assert_cmpuint (strlen (error->message), <, 400);
  g_assert_nonnull (strstr (error->message, "xxxx"));
  g_clear_error (&error);

  /* An error body that is not JSON. */
  peer_answer (peer, 404, "text/html", "<html>Not here</html>");
  error = search_peer (fixture, peer);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND);
  g_assert_null (strstr (error->message, "<html>"));
  g_clear_error (&error);

  /* Retry-After as an HTTP date, too far away to wait for silently. */
  peer_answer (peer, 429, "application/json", "{\"message\": \"Slow down\"}");
  peer_set_header (peer, "Retry-After", http_date);
  error = search_peer (fixture, peer);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_RATE_LIMITED);
  retry_after = att_api_error_get_retry_after (error);
  g_assert_cmpint (retry_after, >=, 100);
  g_assert_cmpint (retry_after, <=, 121);
  g_assert_cmpuint (peer->hits, ==, 1);
  g_clear_error (&error);

  /* Retry-After: 0 is honoured: two retries, then the error. */
  peer_answer (peer, 429, "application/json", "{}");
  peer_set_header (peer, "Retry-After", "0");
  error = search_peer (fixture, peer);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_RATE_LIMITED);
  g_assert_cmpint (att_api_error_get_retry_after (error), ==, 0);
  g_assert_cmpuint (peer->hits, ==, 3);
  g_clear_error (&error);

  /* RateLimit-Reset when there is no Retry-After. */
  peer_answer (peer, 429, "application/json", "{}");
  peer_set_header (peer, "RateLimit-Reset", "90");
  error = search_peer (fixture, peer);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_RATE_LIMITED);
  g_assert_cmpint (att_api_error_get_retry_after (error), ==, 90);
  g_clear_error (&error);

  /* A redirect is not followed: it could carry the API key elsewhere. */
  peer_answer (peer, 302, "text/plain", "");
  peer_set_header (peer, "Location", "http://192.0.2.1/pic-api/v1/products/search");
  error = search_peer (fixture, peer);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
  g_assert_cmpuint (att_api_error_get_http_status (error), ==, 302);
  g_assert_cmpuint (peer->hits, ==, 1);
}

/* --- A raw peer: answers no HTTP server would send ---------------------- */

/* SoupServer makes its framing right, so what a proxy or a broken server can
 * send (a Content-Length with no body behind it, a chunked body that never
 * ends) comes from this one: to every connection it writes @first, then
 * @forever over and over, if set, until the client hangs up.  It never
 * reads the request, and keeps connections open until it is freed. */
typedef struct
{
  GSocketService *service;
  char           *base_url;
  GBytes         *first;
  GBytes         *forever;
  GCancellable   *cancellable;
  GPtrArray      *connections;
} RawPeer;

/* One connection's answer being written.  It holds no pointer to the peer,
 * which may be gone when its last write completes. */
typedef struct
{
  GSocketConnection *connection;
  GBytes            *first;
  GBytes            *forever;
  GCancellable      *cancellable;
} RawWrite;

static void
raw_write_free (RawWrite *write)
{
  g_object_unref (write->connection);
  g_bytes_unref (write->first);
  g_clear_pointer (&write->forever, g_bytes_unref);
  g_object_unref (write->cancellable);
  g_free (write);
}

static void raw_write (RawWrite *write, GBytes *bytes);

static void
on_raw_written (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RawWrite *write = user_data;

  /* Done, or the client hung up (or the peer is going away). */
  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source_object), result, NULL, NULL) ||
      write->forever == NULL)
    {
      raw_write_free (write);
      return;
    }

  raw_write (write, write->forever);
}

static void
raw_write (RawWrite *write,
           GBytes   *bytes)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (write->connection));

  g_output_stream_write_all_async (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   G_PRIORITY_DEFAULT, write->cancellable, on_raw_written, write);
}

static gboolean
on_raw_incoming (GSocketService    *service,
                 GSocketConnection *connection,
                 GObject           *source_object,
                 gpointer           user_data)
{
  RawPeer  *peer = user_data;
  RawWrite *write = g_new0 (RawWrite, 1);

  g_ptr_array_add (peer->connections, g_object_ref (connection));
  write->connection = g_object_ref (connection);
  write->first = g_bytes_ref (peer->first);
  write->forever = peer->forever != NULL ? g_bytes_ref (peer->forever) : NULL;
  write->cancellable = g_object_ref (peer->cancellable);
  raw_write (write, write->first);
  return TRUE;
}

static RawPeer *
raw_peer_new (GBytes *first,
              GBytes *forever)
{
  RawPeer *peer = g_new0 (RawPeer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  peer->first = g_bytes_ref (first);
  peer->forever = forever != NULL ? g_bytes_ref (forever) : NULL;
  peer->cancellable = g_cancellable_new ();
  peer->connections = g_ptr_array_new_with_free_func (g_object_unref);
  peer->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (peer->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  g_signal_connect (peer->service, "incoming", G_CALLBACK (on_raw_incoming), peer);
  peer->base_url = g_strdup_printf ("http://127.0.0.1:%u",
                                    g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  return peer;
}

static void
raw_peer_free (RawPeer *peer)
{
  g_cancellable_cancel (peer->cancellable);
  g_socket_service_stop (peer->service);
  g_socket_listener_close (G_SOCKET_LISTENER (peer->service));
  g_object_unref (peer->service);
  g_ptr_array_unref (peer->connections);
  g_object_unref (peer->cancellable);
  g_clear_pointer (&peer->forever, g_bytes_unref);
  g_bytes_unref (peer->first);
  g_free (peer->base_url);
  g_free (peer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RawPeer, raw_peer_free)

/* --- The limit on the size of an answer --------------------------------- */

#define SMALL_LIMIT (64 * 1024)

#define CHUNKED_HEAD "HTTP/1.1 200 OK\r\n"                \
                     "Content-Type: application/json\r\n" \
                     "Transfer-Encoding: chunked\r\n\r\n"

/* A JSON object of exactly @size bytes: `{"size": N}` and spaces. */
static char *
json_of_size (gsize size)
{
  GString *json = g_string_new (NULL);

  g_string_printf (json, "{\"size\": %" G_GSIZE_FORMAT "}", size);
  g_assert_cmpuint (json->len, <=, size);
  while (json->len < size)
    g_string_append_c (json, ' ');
  return g_string_free (json, FALSE);
}

/* A whole chunked answer carrying @body, 4 KiB a chunk. */
static GBytes *
chunked_answer (const char *body)
{
  GString *answer = g_string_new (CHUNKED_HEAD);
  gsize    length = strlen (body);

  for (gsize done = 0; done < length; done += 4096)
    {
      gsize size = MIN (4096, length - done);

      g_string_append_printf (answer, "%" G_GSIZE_MODIFIER "x\r\n", size);
      g_string_append_len (answer, body + done, (gssize) size);
      g_string_append (answer, "\r\n");
    }
  g_string_append (answer, "0\r\n\r\n");
  return g_string_free_to_bytes (answer);
}

/* GETs @url (idempotent, so a retry would be allowed); returns the size
 * the answer says it has, or 0 with @error set. */
static gsize
get_sized_json (Fixture    *fixture,
                const char *url,
                GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;

  att_http_send_json_async (fixture->http, SOUP_METHOD_GET, url, NULL, NULL, TRUE,
                            NULL, att_test_store_result, &result);
  node = att_http_send_json_finish (fixture->http, att_test_await_result (&result), error);
  if (node == NULL)
    return 0;
  return (gsize) json_object_get_int_member (json_node_get_object (node), "size");
}

static void
assert_too_large (const GError *error,
                  const char   *expected_message)
{
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
  g_assert_cmpuint (att_api_error_get_http_status (error), ==, 200);
  g_assert_cmpstr (error->message, ==, expected_message);
}

static void
test_limit_content_length (Fixture      *fixture,
                           gconstpointer user_data)
{
  static const char lying[] = "HTTP/1.1 200 OK\r\n"
                              "Content-Type: application/json\r\n"
                              "Content-Length: 696000000\r\n\r\n"
                              "{\"results\": [";
  g_autoptr(GBytes) head = g_bytes_new_static (lying, sizeof lying - 1);
  g_autoptr(RawPeer) raw = raw_peer_new (head, NULL);
  g_autoptr(Peer) peer = peer_new ();
  g_autofree char *at_limit = json_of_size (SMALL_LIMIT);
  g_autofree char *past_limit = json_of_size (SMALL_LIMIT + 1);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (att_http_get_max_response_size (fixture->http), ==, 64 * 1024 * 1024);

  /* The length is refused before the body is read: the peer sends 13 bytes
   * of its 696 MB and stalls, so reading would only end at the deadline. */
  att_http_set_timeout (fixture->http, 10);
  get_sized_json (fixture, raw->base_url, &error);
  assert_too_large (error, "The server’s answer is too large: over 64.0\xc2\xa0"
                           "MiB.");
  g_assert_cmpuint (raw->connections->len, ==, 1);
  g_clear_error (&error);

  /* With a lower limit, a body of exactly the limit passes, one byte more
   * does not (and is not asked for again). */
  att_http_set_max_response_size (fixture->http, SMALL_LIMIT);
  peer_answer (peer, 200, "application/json", at_limit);
  g_assert_cmpuint (get_sized_json (fixture, peer->base_url, &error), ==, SMALL_LIMIT);
  g_assert_no_error (error);

  peer_answer (peer, 200, "application/json", past_limit);
  get_sized_json (fixture, peer->base_url, &error);
  assert_too_large (error, "The server’s answer is too large: over 64.0\xc2\xa0"
                           "KiB.");
  g_assert_cmpuint (peer->hits, ==, 1);
}

static void
test_limit_chunked (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autofree char *at_limit = json_of_size (SMALL_LIMIT);
  g_autofree char *past_limit = json_of_size (SMALL_LIMIT + 1);
  g_autoptr(GBytes) at_limit_answer = chunked_answer (at_limit);
  g_autoptr(GBytes) past_limit_answer = chunked_answer (past_limit);
  static const char opening[] = CHUNKED_HEAD "1\r\n[\r\n";
  g_autoptr(GBytes) head = g_bytes_new_static (opening, sizeof opening - 1);
  g_autoptr(GString) endless_chunk = g_string_new ("1000\r\n");
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(RawPeer) endless = NULL;
  g_autoptr(GError) error = NULL;

  att_http_set_max_response_size (fixture->http, SMALL_LIMIT);
  att_http_set_timeout (fixture->http, 10);

  /* A body with no length that never ends: without counting, it would be
   * read until memory or the deadline ran out. */
  for (guint i = 0; i < 4096 / 4; i++)
    g_string_append (endless_chunk, "[0],");
  g_string_append (endless_chunk, "\r\n");
  chunk = g_bytes_new (endless_chunk->str, endless_chunk->len);
  endless = raw_peer_new (head, chunk);
  get_sized_json (fixture, endless->base_url, &error);
  assert_too_large (error, "The server’s answer is too large: over 64.0\xc2\xa0"
                           "KiB.");
  g_assert_cmpuint (endless->connections->len, ==, 1);
  g_clear_error (&error);

  /* Chunked bodies of exactly the limit pass, one byte more does not. */
  {
    g_autoptr(RawPeer) raw = raw_peer_new (at_limit_answer, NULL);

    g_assert_cmpuint (get_sized_json (fixture, raw->base_url, &error), ==, SMALL_LIMIT);
    g_assert_no_error (error);
  }
  {
    g_autoptr(RawPeer) raw = raw_peer_new (past_limit_answer, NULL);

    get_sized_json (fixture, raw->base_url, &error);
    assert_too_large (error, "The server’s answer is too large: over 64.0\xc2\xa0"
                             "KiB.");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (test_log_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/client/products/create-and-get", test_create_and_get);
  ADD ("/client/products/update", test_update);
  ADD ("/client/products/search-paging", test_search_paging);
  ADD ("/client/catalogs", test_catalogs);
  ADD ("/client/countries", test_countries);
  ADD ("/client/errors/validation", test_error_validation);
  ADD ("/client/errors/injected", test_error_injected);
  ADD ("/client/errors/timeout", test_error_timeout);
  ADD ("/client/errors/network", test_error_network);
  ADD ("/client/errors/tls", test_error_tls);
  ADD ("/client/retry/idempotent", test_retry_idempotent);
  ADD ("/client/retry/not-idempotent", test_retry_not_idempotent);
  ADD ("/client/cancel", test_cancel);
  ADD ("/client/security/insecure", test_insecure);
  ADD ("/client/security/log-redaction", test_log_redaction);
  ADD ("/client/hostile/bad-result", test_hostile_bad_result);
  ADD ("/client/hostile/shapes", test_hostile_shapes);
  ADD ("/client/hostile/errors", test_hostile_errors);
  ADD ("/client/limit/content-length", test_limit_content_length);
  ADD ("/client/limit/chunked", test_limit_chunked);
  ADD ("/client/measure/page-parse", test_measure_page_parse);

#undef ADD

  return g_test_run ();
}
