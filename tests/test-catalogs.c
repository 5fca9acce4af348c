/* test-catalogs.c: categories, sizes, "Used by" searches, and what the
 * sandbox keeps through updates and restarts, through AttHiggClient over
 * loopback HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "att-catalog-item.h"
#include "att-catalog-use.h"
#include "att-category.h"
#include "att-eco-score.h"
#include "att-error.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-material-use.h"
#include "att-page.h"
#include "att-paged-model.h"
#include "att-product.h"
#include "att-purchase-order.h"
#include "att-sandbox.h"
#include "att-test-utils.h"

typedef struct
{
  AttSandbox    *sandbox;
  AttHttp       *http;
  AttHiggClient *client;
} Fixture;

/* A sandbox with the demo products on @db_path (NULL: in memory), and a
 * client signed in to it. */
static void
fixture_open (Fixture    *fixture,
              const char *db_path)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = att_test_sandbox_new (db_path, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (fixture->sandbox, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (fixture->sandbox, &fixture->http, &fixture->client, NULL);
  att_http_set_retry_policy (fixture->http, 2, 10);
}

static void
fixture_close (Fixture *fixture)
{
  att_test_sandbox_disconnect (&fixture->sandbox, &fixture->http, &fixture->client);
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  fixture_open (fixture, NULL);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  fixture_close (fixture);
}

/* --- Calls ------------------------------------------------------------- */

static GListModel *
list_categories (Fixture *fixture,
                 GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_higg_client_list_categories_async (fixture->client, NULL, att_test_store_result, &result);
  return att_higg_client_list_categories_finish (fixture->client, att_test_await_result (&result), error);
}

static GStrv
list_sizes (Fixture    *fixture,
            const char *category_id,
            GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_higg_client_list_sizes_async (fixture->client, category_id, NULL, att_test_store_result, &result);
  return att_higg_client_list_sizes_finish (fixture->client, att_test_await_result (&result), error);
}

static AttPage *
search_filtered (Fixture           *fixture,
                 const char        *text,
                 const char        *filter,
                 const char *const *ids,
                 guint              from,
                 guint              size)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AttPage *page;

  att_higg_client_search_products_filtered_async (fixture->client, text, filter, ids, from, size,
                                                  NULL, att_test_store_result, &result);
  page = att_higg_client_search_products_filtered_finish (fixture->client,
                                                          att_test_await_result (&result), &error);
  g_assert_no_error (error);
  return page;
}

static AttProduct *
create_product (Fixture    *fixture,
                const char *json)
{
  g_autoptr(JsonObject) body = att_test_parse_object (json);
  g_autoptr(GError) error = NULL;
  AttProduct *product = att_test_create_product (fixture->client, body, &error);

  g_assert_no_error (error);
  return product;
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

static AttProduct *
get_product (Fixture    *fixture,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  AttProduct *product = att_test_get_product (fixture->client, id, &error);

  g_assert_no_error (error);
  return product;
}

/* Every product the sandbox stores, read page by page. */
static GPtrArray *
all_products (Fixture *fixture)
{
  GPtrArray *products = g_ptr_array_new_with_free_func (g_object_unref);
  guint      total = 1;

  for (guint from = 0; from < total; from += 100)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AttPage) page = NULL;
      GListModel *items;

      att_higg_client_search_products_async (fixture->client, NULL, NULL, from, 100, NULL,
                                             att_test_store_result, &result);
      page = att_higg_client_search_products_finish (fixture->client, att_test_await_result (&result), &error);
      g_assert_no_error (error);
      total = att_page_get_total (page);
      items = att_page_get_items (page);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        g_ptr_array_add (products, g_list_model_get_item (items, i));
    }

  return products;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The sorted ids of the products on @page. */
static GStrv
page_ids (AttPage *page)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *items = att_page_get_items (page);
  GStrv       ids;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (items, i);

      g_strv_builder_add (builder, att_product_get_id (product));
    }
  ids = g_strv_builder_end (builder);
  qsort (ids, g_strv_length (ids), sizeof (char *), compare_strings);
  return ids;
}

static gboolean
uses_any (GListModel        *uses,
          const char *const *ids)
{
  for (guint i = 0; i < g_list_model_get_n_items (uses); i++)
    {
      g_autoptr(AttCatalogUse) use = g_list_model_get_item (uses, i);

      if (g_strv_contains (ids, att_catalog_use_get_catalog_id (use)))
        return TRUE;
    }
  return FALSE;
}

static GListModel *
product_uses (AttProduct *product,
              const char *filter)
{
  if (g_str_equal (filter, "material"))
    return att_product_get_materials (product);
  if (g_str_equal (filter, "component"))
    return att_product_get_components (product);
  return att_product_get_packaging (product);
}

/* The sorted ids of the @products that use any of @ids. */
static GStrv
expected_users (GPtrArray         *products,
                const char        *filter,
                const char *const *ids)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();

  for (guint i = 0; i < products->len; i++)
    {
      AttProduct *product = g_ptr_array_index (products, i);

      if (uses_any (product_uses (product, filter), ids))
        g_ptr_array_add (matches, (gpointer) att_product_get_id (product));
    }
  g_ptr_array_sort (matches, compare_strings);
  g_ptr_array_add (matches, NULL);
  return g_strdupv ((char **) matches->pdata);
}

/* --- The demo catalogue's categories, as data/catalogue has them ------- */

static JsonArray *
catalogue_categories (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ATTEST_SOURCE_DIR"), "data", "catalogue",
                                            "categories.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

static GStrv
json_strings (JsonArray *array)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  return g_strv_builder_end (builder);
}

/* --- Tests: categories and sizes --------------------------------------- */

static void
test_categories (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr(JsonArray) expected = catalogue_categories ();
  g_autoptr(GListModel) categories = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  categories = list_categories (fixture, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (categories);
  g_assert_cmpuint (n, ==, json_array_get_length (expected));
  g_assert_cmpuint (n, >, 10);
  g_assert_true (g_list_model_get_item_type (categories) == ATT_TYPE_CATEGORY);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttCategory) category = g_list_model_get_item (categories, i);
      JsonObject *row = json_array_get_object_element (expected, i);
      g_auto(GStrv) sizes = json_strings (json_object_get_array_member (row, "sizes"));

      g_assert_cmpstr (att_category_get_id (category), ==,
                       json_object_get_string_member (row, "categoryExpansionId"));
      g_assert_cmpstr (att_category_get_name (category), ==, json_object_get_string_member (row, "name"));
      g_assert_cmpstr (att_category_get_product_type (category), ==,
                       json_object_get_string_member (row, "productType"));
      g_assert_true (g_strv_equal (att_category_get_sizes (category), (const char *const *) sizes));
      /* The catalogue's bookkeeping stays in the sandbox. */
      g_assert_false (json_object_has_member (att_category_get_json (category), "dataSource"));
    }
}

static void
test_sizes (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autoptr(JsonArray) expected = catalogue_categories ();

  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      JsonObject *row = json_array_get_object_element (expected, i);
      g_auto(GStrv) want = json_strings (json_object_get_array_member (row, "sizes"));
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) sizes = list_sizes (fixture, json_object_get_string_member (row, "categoryExpansionId"), &error);

      g_assert_no_error (error);
      g_assert_true (g_strv_equal ((const char *const *) sizes, (const char *const *) want));
      g_assert_cmpuint (g_strv_length (sizes), >, 0);
    }
}

static void
test_sizes_unknown_category (Fixture      *fixture,
                             gconstpointer user_data)
{
  /* A plain unknown id, one with characters that must be escaped in a
   * path, and one with a slash (which must not reach another route). */
  const char *const ids[] = { "No-Such-Category", "Tops & Tees?", "ApparelAccessories/x", "%00" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) sizes = list_sizes (fixture, ids[i], &error);

      g_assert_null (sizes);
      g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND);
      g_assert_cmpuint (att_api_error_get_http_status (error), ==, 404);
    }
}

static void
test_paths_settable (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) categories = NULL;
  g_auto(GStrv) sizes = NULL;

  g_assert_cmpstr (att_higg_client_get_categories_path (fixture->client), ==, "/categories");
  g_assert_cmpstr (att_higg_client_get_sizes_path (fixture->client), ==,
                   "/categories/{categoryExpansionId}/sizes");

  /* Pointed elsewhere, the calls go elsewhere (the sandbox has nothing
   * there). */
  g_object_set (fixture->client, "categories-path", "/product-categories",
                "sizes-path", "/available-sizes", NULL);
  categories = list_categories (fixture, &error);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND);
  g_assert_null (categories);
  g_clear_error (&error);
  sizes = list_sizes (fixture, "ApparelAccessories-TopsBlouses-TShirts", &error);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND);
  g_assert_null (sizes);
  g_clear_error (&error);

  /* %NULL goes back to the sandbox's choice. */
  att_higg_client_set_categories_path (fixture->client, NULL);
  att_higg_client_set_sizes_path (fixture->client, NULL);
  categories = list_categories (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (categories), >, 0);
  sizes = list_sizes (fixture, "ApparelAccessories-TopsBlouses-TShirts", &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char *const *) sizes, "Adult"));
}

static void
test_category_json (void)
{
  const struct
  {
    const char *json;
    const char *message; /* NULL when it parses */
  } cases[] = {
    { "{\"categoryExpansionId\": \"A-B\", \"name\": \"B\", \"productType\": \"Apparel\","
      " \"sizes\": [\"Adult\"], \"extra\": {\"kept\": true}}",
      NULL },
    { "{\"categoryExpansionId\": \"A-B\"}", NULL },
    { "{\"categoryExpansionId\": \"A-B\", \"name\": null, \"sizes\": null}", NULL },
    { "{\"name\": \"B\"}", "categories[3].categoryExpansionId" },
    { "{\"categoryExpansionId\": 7}", "categories[4].categoryExpansionId" },
    { "{\"categoryExpansionId\": \"A-B\", \"sizes\": \"Adult\"}", "categories[5].sizes" },
    { "{\"categoryExpansionId\": \"A-B\", \"sizes\": [\"Adult\", 3]}", "categories[6].sizes[1]" },
    { "{\"categoryExpansionId\": \"A-B\", \"productType\": []}", "categories[7].productType" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = att_test_parse_object (cases[i].json);
      g_autofree char *path = g_strdup_printf ("categories[%u]", i);
      g_autoptr(GError) error = NULL;
      g_autoptr(AttCategory) category = att_category_new_from_json (object, path, &error);

      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (att_category_get_id (category), ==, "A-B");
          g_assert_nonnull (att_category_get_sizes (category));
          continue;
        }

      g_assert_null (category);
      g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }

  {
    g_autoptr(JsonObject) object = att_test_parse_object (cases[0].json);
    g_autoptr(AttCategory) category = att_category_new_from_json (object, NULL, NULL);
    g_autoptr(JsonNode) back = att_category_to_json (category);
    JsonObject *out = json_node_get_object (back);

    g_assert_cmpstr (att_category_get_name (category), ==, "B");
    g_assert_true (json_object_get_boolean_member (json_object_get_object_member (out, "extra"), "kept"));
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (out, "sizes"), 0), ==,
                     "Adult");
  }

  {
    g_autoptr(JsonObject) object = att_test_parse_object (cases[1].json);
    g_autoptr(AttCategory) category = att_category_new_from_json (object, NULL, NULL);

    /* No name: the id is what can be shown. */
    g_assert_cmpstr (att_category_get_name (category), ==, "A-B");
    g_assert_null (att_category_get_product_type (category));
    g_assert_cmpuint (g_strv_length ((char **) att_category_get_sizes (category)), ==, 0);
  }
}

/* --- Tests: "Used by" --------------------------------------------------- */

/* The catalogue id of @filter's kind that the most @products use, short of
 * all of them, so a wrong filter (none, or ignored) shows. */
static char *
commonly_used (GPtrArray  *products,
               const char *filter,
               const char *other_than)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer       key, value;
  char          *best = NULL;
  guint          best_count = 0;

  for (guint i = 0; i < products->len; i++)
    {
      GListModel *uses = product_uses (g_ptr_array_index (products, i), filter);

      for (guint j = 0; j < g_list_model_get_n_items (uses); j++)
        {
          g_autoptr(AttCatalogUse) use = g_list_model_get_item (uses, j);
          const char *id = att_catalog_use_get_catalog_id (use);
          guint       count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id));

          g_hash_table_replace (counts, g_strdup (id), GUINT_TO_POINTER (count + 1));
        }
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint count = GPOINTER_TO_UINT (value);

      if (count < products->len && g_strcmp0 (key, other_than) != 0 &&
          (count > best_count || (count == best_count && g_strcmp0 (key, best) < 0)))
        {
          best = key;
          best_count = count;
        }
    }

  g_assert_nonnull (best);
  return g_strdup (best);
}

static void
check_filter (Fixture           *fixture,
              GPtrArray         *products,
              const char        *filter,
              const char *const *ids)
{
  g_auto(GStrv) want = expected_users (products, filter, ids);
  g_autoptr(AttPage) page = search_filtered (fixture, NULL, filter, ids, 0, 100);
  g_auto(GStrv) got = page_ids (page);

  g_test_message ("%s %s: %u products", filter, ids[0], g_strv_length (want));
  g_assert_cmpuint (g_strv_length (want), >, 0);
  g_assert_cmpuint (g_strv_length (want), <, products->len);
  g_assert_cmpuint (att_page_get_total (page), ==, g_strv_length (want));
  g_assert_true (g_strv_equal ((const char *const *) got, (const char *const *) want));
}

static void
test_used_by (Fixture      *fixture,
              gconstpointer user_data)
{
  const char *const filters[] = { "material", "component", "packaging" };
  g_autoptr(GPtrArray) products = all_products (fixture);

  g_assert_cmpuint (products->len, >, 5);

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autofree char  *first = commonly_used (products, filters[i], NULL);
      g_autofree char  *second = commonly_used (products, filters[i], first);
      const char *const one[] = { first, NULL };
      const char *const either[] = { first, second, NULL };

      check_filter (fixture, products, filters[i], one);
      /* Any of the ids. */
      check_filter (fixture, products, filters[i], either);
    }
}

static void
test_used_by_edges (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr(GPtrArray) products = all_products (fixture);
  g_autofree char  *material = commonly_used (products, "material", NULL);
  const char *const one[] = { material, NULL };
  const char *const none[] = { NULL };
  const char *const unknown[] = { "MatTX9999", NULL };
  g_autoptr(AttPage) all = search_filtered (fixture, NULL, "material", one, 0, 100);
  g_autoptr(AttPage) first = search_filtered (fixture, NULL, "material", one, 0, 1);
  g_autoptr(AttPage) rest = search_filtered (fixture, NULL, "material", one, 1, 100);
  g_autoptr(AttPage) empty = search_filtered (fixture, NULL, "material", none, 0, 100);
  g_autoptr(AttPage) nobody = search_filtered (fixture, NULL, "material", unknown, 0, 100);
  g_autoptr(AttProduct) some = g_list_model_get_item (att_page_get_items (all), 0);
  g_autoptr(AttPage) named = search_filtered (fixture, att_product_get_name (some), "material", one, 0, 100);
  g_autoptr(AttPage) other_text = search_filtered (fixture, "no product is called this", "material", one, 0, 100);

  /* Paged like any search. */
  g_assert_cmpuint (att_page_get_total (first), ==, att_page_get_total (all));
  g_assert_cmpuint (g_list_model_get_n_items (att_page_get_items (first)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (att_page_get_items (rest)), ==, att_page_get_total (all) - 1);

  /* An empty list asks nothing and finds nothing; an unknown id nothing. */
  g_assert_cmpuint (att_page_get_total (empty), ==, 0);
  g_assert_cmpuint (att_page_get_total (nobody), ==, 0);

  /* Text and filter together: both must match. */
  g_assert_cmpuint (att_page_get_total (named), >=, 1);
  g_assert_cmpuint (att_page_get_total (named), <=, att_page_get_total (all));
  g_assert_cmpuint (att_page_get_total (other_text), ==, 0);
}

static void
test_used_by_model (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr(GPtrArray) products = all_products (fixture);
  g_autofree char  *material = commonly_used (products, "material", NULL);
  const char *const one[] = { material, NULL };
  g_auto(GStrv) want = expected_users (products, "material", one);
  g_autoptr(AttPagedModel) model = att_higg_client_create_filtered_product_model (fixture->client, NULL,
                                                                                   "material", one, 2);
  g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func (g_free);
  guint n;

  /* Reading the rows makes the model fetch their pages, two at a time. */
  while (g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
    g_main_context_iteration (NULL, TRUE);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, g_strv_length (want));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (G_LIST_MODEL (model), i);

      while (att_product_is_placeholder (product))
        {
          g_main_context_iteration (NULL, TRUE);
          g_clear_object (&product);
          product = g_list_model_get_item (G_LIST_MODEL (model), i);
        }
      g_ptr_array_add (got, g_strdup (att_product_get_id (product)));
    }

  g_ptr_array_sort (got, compare_strings);
  g_ptr_array_add (got, NULL);
  g_assert_true (g_strv_equal ((const char *const *) got->pdata, (const char *const *) want));
}

/* --- Tests: updates ----------------------------------------------------- */

static const char scored_product[] =
  "{"
  "  \"name\": \"Catalogs Score Tee\","
  "  \"weight\": 200, \"weightMeasureUnit\": \"grams\", \"weightIsPrimaryData\": true,"
  "  \"categoryExpansionId\": \"ApparelAccessories-TopsBlouses-TShirts\", \"size\": \"Adult\","
  "  \"materials\": [{\"materialId\": \"MatTX0053\", \"netUse\": 80, \"composition\": 100}],"
  "  \"frenchLabelCountry\": {\"code\": \"FR\", \"name\": \"France\"},"
  "  \"frenchLabelDyeingCountry\": {\"code\": \"CN\", \"name\": \"China\"},"
  "  \"frenchLabelFabricCountry\": {\"code\": \"IN\", \"name\": \"India\"}"
  "}";

typedef struct
{
  double score;
  double ecs;
  double material_impact;
  double total_impacts;
} Figures;

/* The life-cycle stages of a product's impacts (api-higg.md §3.14). */
static const char *const stage_keys[] = {
  "materialImpact",
  "tier1Impact",
  "packagingImpact",
  "logisticsImpactsUpstreamTD",
  "logisticsImpactsDTImpact",
  "logisticsImpactsDCImpact",
  "logisticsImpactsRetailImpact",
  "productCareImpacts",
  "endOfUseImpact",
  "componentImpact",
};

static Figures
figures_of (AttProduct *product)
{
  AttEcoScore *score = att_product_get_eco_score (product);
  JsonObject  *json = att_product_get_json (product);
  Figures      figures;

  g_assert_nonnull (score);
  g_assert_cmpstr (att_eco_score_get_status (score), ==, "Complete");
  figures.score = att_eco_score_get_score (score);
  figures.ecs = att_eco_score_get_ecs (score);
  figures.material_impact = json_object_get_double_member (json, "materialImpact");
  figures.total_impacts = 0;
  for (guint i = 0; i < G_N_ELEMENTS (stage_keys); i++)
    figures.total_impacts += json_object_get_double_member (json, stage_keys[i]);
  g_assert_cmpfloat (figures.score, >, 0);
  g_assert_cmpfloat (figures.total_impacts, >, 0);
  return figures;
}

/* Applies @command and checks that the answer and a later search both show
 * figures other than @before; returns the new ones. */
static Figures
update_changes_figures (Fixture    *fixture,
                        const char *id,
                        const char *command,
                        Figures     before,
                        gboolean    material_changes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttProduct) updated = update_product (fixture, id, command, &error);
  g_autoptr(AttProduct) read_back = NULL;
  Figures after, stored;

  g_assert_no_error (error);
  after = figures_of (updated);
  g_assert_cmpfloat (after.ecs, !=, before.ecs);
  g_assert_cmpfloat (after.total_impacts, !=, before.total_impacts);
  if (material_changes)
    g_assert_cmpfloat (after.material_impact, !=, before.material_impact);

  read_back = get_product (fixture, id);
  stored = figures_of (read_back);
  g_assert_cmpfloat (stored.ecs, ==, after.ecs);
  g_assert_cmpfloat (stored.score, ==, after.score);
  g_assert_cmpfloat (stored.total_impacts, ==, after.total_impacts);
  return after;
}

static void
test_update_recomputes (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr(AttProduct) product = create_product (fixture, scored_product);
  const char *id = att_product_get_id (product);
  Figures     figures = figures_of (product);
  Figures     heavier;

  /* A "Used by" search first, so that the sandbox keeps its index of uses
   * up to date through the update below. */
  {
    const char *const material[] = { "MatTX0053", NULL };
    g_autoptr(AttPage) users = search_filtered (fixture, NULL, "material", material, 0, 100);
    g_auto(GStrv) ids = page_ids (users);

    g_assert_true (g_strv_contains ((const char *const *) ids, id));
  }

  figures = update_changes_figures (fixture, id,
                                    "{\"materials\": [{\"materialId\": \"MatTX0016\", \"netUse\": 80,"
                                    " \"composition\": 100}]}",
                                    figures, TRUE);

  /* "Used by" follows the change. */
  {
    const char *const old_material[] = { "MatTX0053", NULL };
    const char *const new_material[] = { "MatTX0016", NULL };
    g_autoptr(AttPage) old_users = search_filtered (fixture, NULL, "material", old_material, 0, 100);
    g_autoptr(AttPage) new_users = search_filtered (fixture, NULL, "material", new_material, 0, 100);
    g_auto(GStrv) old_ids = page_ids (old_users);
    g_auto(GStrv) new_ids = page_ids (new_users);

    g_assert_false (g_strv_contains ((const char *const *) old_ids, id));
    g_assert_true (g_strv_contains ((const char *const *) new_ids, id));
  }

  /* Twice the weight, twice the eco-score (before rounding) and impacts. */
  heavier = update_changes_figures (fixture, id, "{\"weight\": 400}", figures, TRUE);
  g_assert_cmpfloat_with_epsilon (heavier.ecs, 2 * figures.ecs, 0.02 + 1e-3 * figures.ecs);
  g_assert_cmpfloat_with_epsilon (heavier.material_impact, 2 * figures.material_impact,
                                  1e-2 * figures.material_impact);

  update_changes_figures (fixture, id, "{\"frenchLabelCountry\": {\"code\": \"TN\", \"name\": \"Tunisia\"}}",
                          heavier, FALSE);
}

static void
test_update_pending_then_complete (Fixture      *fixture,
                                   gconstpointer user_data)
{
  g_autoptr(AttProduct) product = create_product (fixture, scored_product);
  g_autoptr(AttProduct) updated = NULL;
  g_autoptr(GError) error = NULL;

  /* While "computing", the new score has no figures yet: no stale ones. */
  att_sandbox_set_score_delay (fixture->sandbox, 600000);
  updated = update_product (fixture, att_product_get_id (product), "{\"weight\": 300}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_eco_score_get_status (att_product_get_eco_score (updated)), ==, "Pending");
  g_assert_true (isnan (att_eco_score_get_ecs (att_product_get_eco_score (updated))));
  att_sandbox_set_score_delay (fixture->sandbox, 0);
}

/* --- Tests: purchase order ids ----------------------------------------- */

static GStrv
purchase_order_ids (AttProduct *product)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *orders = att_product_get_purchase_orders (product);

  for (guint i = 0; i < g_list_model_get_n_items (orders); i++)
    {
      g_autoptr(AttPurchaseOrder) po = g_list_model_get_item (orders, i);

      g_strv_builder_add (builder, att_purchase_order_get_id (po));
    }
  return g_strv_builder_end (builder);
}

static void
assert_unique (const char *const *ids)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (ids[i]), ==, 24);
      for (guint j = i + 1; ids[j] != NULL; j++)
        g_assert_cmpstr (ids[i], !=, ids[j]);
    }
}

static const char product_with_orders[] =
  "{"
  "  \"name\": \"Catalogs PO Tee\","
  "  \"weight\": 200,"
  "  \"materials\": [{\"materialId\": \"MatTX0053\", \"netUse\": 80, \"composition\": 100}],"
  "  \"purchaseOrder\": ["
  "    {\"purchaseOrderId\": \"PO-A\", \"purchaseDate\": \"2024-01-10\", \"amountPurchase\": 10},"
  "    {\"purchaseOrderId\": \"PO-B\", \"purchaseDate\": \"2024-02-10\", \"amountPurchase\": 20},"
  "    {\"purchaseOrderId\": \"PO-B\", \"purchaseDate\": \"2024-02-10\", \"amountPurchase\": 20}"
  "  ]"
  "}";

static void
test_purchase_order_ids (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_autoptr(AttProduct) product = create_product (fixture, product_with_orders);
  const char *id = att_product_get_id (product);
  g_auto(GStrv) created = purchase_order_ids (product);
  g_autoptr(AttProduct) added = NULL;
  g_autoptr(AttProduct) changed = NULL;
  g_autoptr(AttProduct) removed = NULL;
  g_autoptr(AttProduct) read_back = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) after_add = NULL;
  g_auto(GStrv) after_update = NULL;
  g_auto(GStrv) after_remove = NULL;
  g_auto(GStrv) stored = NULL;
  g_autofree char *command = NULL;

  /* Even two identical orders get their own ids. */
  g_assert_cmpuint (g_strv_length (created), ==, 3);
  assert_unique ((const char *const *) created);

  added = update_product (fixture, id,
                          "{\"addPurchaseOrder\": ["
                          " {\"purchaseOrderId\": \"PO-C\", \"purchaseDate\": \"2024-03-10\", \"amountPurchase\": 30},"
                          " {\"purchaseOrderId\": \"PO-D\", \"purchaseDate\": \"2024-04-10\", \"amountPurchase\": 40}]}",
                          &error);
  g_assert_no_error (error);
  after_add = purchase_order_ids (added);
  g_assert_cmpuint (g_strv_length (after_add), ==, 5);
  assert_unique ((const char *const *) after_add);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (after_add[i], ==, created[i]);

  /* An update keeps the order's id; the others keep theirs. */
  command = g_strdup_printf ("{\"updatePurchaseOrder\": [{\"_id\": \"%s\", \"amountPurchase\": 99}]}", after_add[1]);
  changed = update_product (fixture, id, command, &error);
  g_assert_no_error (error);
  after_update = purchase_order_ids (changed);
  g_assert_true (g_strv_equal ((const char *const *) after_update, (const char *const *) after_add));
  {
    g_autoptr(AttPurchaseOrder) po = g_list_model_get_item (att_product_get_purchase_orders (changed), 1);

    g_assert_cmpfloat (att_purchase_order_get_amount_purchase (po), ==, 99);
  }

  /* A removal takes that one order out and leaves the others' ids; an add in
   * the same command gets an id none of them has. */
  g_free (command);
  command = g_strdup_printf ("{\"removePurchaseOrder\": [\"%s\"], \"addPurchaseOrder\": ["
                             " {\"purchaseOrderId\": \"PO-E\", \"purchaseDate\": \"2024-05-10\","
                             " \"amountPurchase\": 50}]}",
                             after_add[0]);
  removed = update_product (fixture, id, command, &error);
  g_assert_no_error (error);
  after_remove = purchase_order_ids (removed);
  g_assert_cmpuint (g_strv_length (after_remove), ==, 5);
  assert_unique ((const char *const *) after_remove);
  g_assert_false (g_strv_contains ((const char *const *) after_remove, after_add[0]));
  for (guint i = 1; i < 5; i++)
    g_assert_cmpstr (after_remove[i - 1], ==, after_add[i]);
  g_assert_false (g_strv_contains ((const char *const *) after_add, after_remove[4]));

  /* What a search reads is what the update answered. */
  read_back = get_product (fixture, id);
  stored = purchase_order_ids (read_back);
  g_assert_true (g_strv_equal ((const char *const *) stored, (const char *const *) after_remove));
}

/* --- Tests: ids across restarts ---------------------------------------- */

/* The ids a client sees first: catalogue items and the demo products. */
static GStrv
visible_ids (Fixture *fixture)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) products = all_products (fixture);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) materials = NULL;

  att_higg_client_search_materials_async (fixture->client, NULL, 0, 50, NULL, att_test_store_result, &result);
  materials = att_higg_client_search_materials_finish (fixture->client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (att_page_get_items (materials)); i++)
    {
      g_autoptr(AttCatalogItem) item = g_list_model_get_item (att_page_get_items (materials), i);

      g_strv_builder_add (builder, att_catalog_item_get_id (item));
    }

  for (guint i = 0; i < products->len; i++)
    {
      AttProduct *product = g_ptr_array_index (products, i);
      g_auto(GStrv) orders = purchase_order_ids (product);

      g_strv_builder_add (builder, att_product_get_id (product));
      g_strv_builder_addv (builder, (const char **) orders);
    }

  return g_strv_builder_end (builder);
}

static void
test_ids_stable_fresh (void)
{
  Fixture first = { 0 }, second = { 0 };
  g_auto(GStrv) first_ids = NULL;
  g_auto(GStrv) second_ids = NULL;

  fixture_open (&first, NULL);
  first_ids = visible_ids (&first);
  fixture_close (&first);

  fixture_open (&second, NULL);
  second_ids = visible_ids (&second);
  fixture_close (&second);

  g_assert_cmpuint (g_strv_length (first_ids), >, 60);
  g_assert_true (g_strv_equal ((const char *const *) first_ids, (const char *const *) second_ids));
}

static void
test_ids_stable_same_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-catalogs-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "sandbox.db", NULL);
  Fixture          first = { 0 }, second = { 0 };
  g_autoptr(AttProduct) created = NULL;
  g_autoptr(AttProduct) again = NULL;
  g_auto(GStrv) first_ids = NULL;
  g_auto(GStrv) second_ids = NULL;
  g_auto(GStrv) created_orders = NULL;
  g_auto(GStrv) again_orders = NULL;

  g_assert_no_error (error);

  fixture_open (&first, db);
  created = create_product (&first, product_with_orders);
  created_orders = purchase_order_ids (created);
  first_ids = visible_ids (&first);
  fixture_close (&first);

  /* The same file, seeded again (as `--seed demo` does on every start):
   * nothing is renumbered and nothing is added twice. */
  fixture_open (&second, db);
  second_ids = visible_ids (&second);
  again = get_product (&second, att_product_get_id (created));
  again_orders = purchase_order_ids (again);
  fixture_close (&second);

  g_assert_true (g_strv_equal ((const char *const *) first_ids, (const char *const *) second_ids));
  g_assert_true (g_strv_equal ((const char *const *) created_orders, (const char *const *) again_orders));
  g_assert_cmpstr (att_product_get_name (again), ==, "Catalogs PO Tee");

  att_test_remove_dir (dir);
}

static void
exec_sql (const char *db_path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char    *message = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static char *
uses_state_of (const char *db_path)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char         *version = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'uses'", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* A database whose index of what products use was never built (or is from
 * before it existed) gets it on the first "Used by" search, with the
 * products it already had. */
static void
test_used_by_after_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char  *dir = g_dir_make_tmp ("attest-catalogs-XXXXXX", &error);
  g_autofree char  *db = g_build_filename (dir, "sandbox.db", NULL);
  const char *const material[] = { "MatTX0053", NULL };
  const char *const component[] = { "Cmp0032", NULL };
  Fixture           first = { 0 }, second = { 0 };
  g_autoptr(AttPage) before = NULL;
  g_autoptr(AttPage) after = NULL;
  g_autoptr(AttPage) components = NULL;
  g_autoptr(AttProduct) created = NULL;
  g_auto(GStrv) before_ids = NULL;
  g_auto(GStrv) after_ids = NULL;
  g_autofree char *version = NULL;

  g_assert_no_error (error);

  fixture_open (&first, db);
  created = create_product (&first, product_with_orders);
  before = search_filtered (&first, NULL, "material", material, 0, 100);
  before_ids = page_ids (before);
  fixture_close (&first);
  g_assert_true (g_strv_contains ((const char *const *) before_ids, att_product_get_id (created)));

  exec_sql (db, "DROP TABLE product_uses; DELETE FROM meta WHERE key = 'uses';");

  fixture_open (&second, db);
  after = search_filtered (&second, NULL, "material", material, 0, 100);
  after_ids = page_ids (after);
  components = search_filtered (&second, NULL, "component", component, 0, 100);
  fixture_close (&second);

  g_assert_true (g_strv_equal ((const char *const *) after_ids, (const char *const *) before_ids));
  g_assert_cmpuint (att_page_get_total (components), >, 0);
  version = uses_state_of (db);
  g_assert_cmpstr (version, ==, "ready");

  att_test_remove_dir (dir);
}

/* --- Tests: a fault on one route --------------------------------------- */

typedef struct
{
  guint       status;
  JsonObject *reply;
} FaultsReply;

static FaultsReply
post_faults (Fixture    *fixture,
             const char *json)
{
  g_autofree char *url = g_strconcat (att_sandbox_get_base_url (fixture->sandbox), "/_sandbox/faults", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  SoupSession *session = att_http_get_session (fixture->http);
  FaultsReply  reply;

  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, att_test_store_result, &result);
  answer = soup_session_send_and_read_finish (session, att_test_await_result (&result), &error);
  g_assert_no_error (error);

  reply.status = soup_message_get_status (msg);
  reply.reply = att_test_parse_object (g_bytes_get_data (answer, NULL));
  return reply;
}

static void
test_fault_on_one_route (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_autoptr(AttProduct) product = create_product (fixture, scored_product);
  const char *id = att_product_get_id (product);
  FaultsReply faults;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttProduct) failed = NULL;
  g_autoptr(AttProduct) saved = NULL;
  g_autoptr(AttProduct) read_back = NULL;
  g_autoptr(GPtrArray) products = NULL;

  faults = post_faults (fixture, "{\"status\": 500, \"count\": 2, \"path\": \"/pic-api/v1/products/update/\"}");
  g_assert_cmpuint (faults.status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (faults.reply, "path"), ==, "/pic-api/v1/products/update/");
  g_clear_pointer (&faults.reply, json_object_unref);

  /* Searches and catalogue look-ups are answered, and do not use up the
   * failures. */
  products = all_products (fixture);
  g_assert_cmpuint (products->len, >, 0);
  read_back = get_product (fixture, id);
  g_clear_object (&read_back);

  /* The saves fail, twice, and change nothing. */
  for (guint i = 0; i < 2; i++)
    {
      failed = update_product (fixture, id, "{\"name\": \"Never Saved\"}", &error);
      g_assert_null (failed);
      g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_SERVER);
      g_assert_cmpuint (att_api_error_get_http_status (error), ==, 500);
      g_clear_error (&error);
    }
  read_back = get_product (fixture, id);
  g_assert_cmpstr (att_product_get_name (read_back), ==, "Catalogs Score Tee");
  g_clear_object (&read_back);

  /* Then the route works again. */
  saved = update_product (fixture, id, "{\"name\": \"Saved At Last\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_product_get_name (saved), ==, "Saved At Last");

  /* Without a path, a failure is for every route again. */
  faults = post_faults (fixture, "{\"status\": 503, \"count\": 1}");
  g_assert_true (json_object_get_null_member (faults.reply, "path"));
  g_clear_pointer (&faults.reply, json_object_unref);
  att_http_set_retry_policy (fixture->http, 0, 10);
  {
    read_back = att_test_get_product (fixture->client, id, &error);
    g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_SERVER);
    g_assert_cmpuint (att_api_error_get_http_status (error), ==, 503);
    g_clear_error (&error);
  }

  /* A path must be a path. */
  faults = post_faults (fixture, "{\"status\": 500, \"path\": \"products/update\"}");
  g_assert_cmpuint (faults.status, ==, 400);
  g_clear_pointer (&faults.reply, json_object_unref);
  faults = post_faults (fixture, "{\"status\": 500, \"path\": 7}");
  g_assert_cmpuint (faults.status, ==, 400);
  g_clear_pointer (&faults.reply, json_object_unref);
}

static void
test_fault_path_api (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr(GListModel) categories = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sizes = NULL;

  att_sandbox_inject_failure_path (fixture->sandbox, 502, 1, "/pic-api/v1/categories/");
  att_http_set_retry_policy (fixture->http, 0, 10);

  /* The list is not under the prefix; the sizes are. */
  categories = list_categories (fixture, &error);
  g_assert_no_error (error);
  sizes = list_sizes (fixture, "ApparelAccessories-TopsBlouses-TShirts", &error);
  g_assert_null (sizes);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_SERVER);
  g_clear_error (&error);
  sizes = list_sizes (fixture, "ApparelAccessories-TopsBlouses-TShirts", &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/catalogs/categories", Fixture, NULL, fixture_setup, test_categories, fixture_teardown);
  g_test_add ("/catalogs/sizes", Fixture, NULL, fixture_setup, test_sizes, fixture_teardown);
  g_test_add ("/catalogs/sizes-unknown-category", Fixture, NULL, fixture_setup,
              test_sizes_unknown_category, fixture_teardown);
  g_test_add ("/catalogs/paths-settable", Fixture, NULL, fixture_setup, test_paths_settable, fixture_teardown);
  g_test_add_func ("/catalogs/category-json", test_category_json);
  g_test_add ("/catalogs/used-by", Fixture, NULL, fixture_setup, test_used_by, fixture_teardown);
  g_test_add ("/catalogs/used-by-edges", Fixture, NULL, fixture_setup, test_used_by_edges, fixture_teardown);
  g_test_add ("/catalogs/used-by-model", Fixture, NULL, fixture_setup, test_used_by_model, fixture_teardown);
  g_test_add ("/catalogs/update-recomputes", Fixture, NULL, fixture_setup, test_update_recomputes,
              fixture_teardown);
  g_test_add ("/catalogs/update-pending", Fixture, NULL, fixture_setup, test_update_pending_then_complete,
              fixture_teardown);
  g_test_add ("/catalogs/purchase-order-ids", Fixture, NULL, fixture_setup, test_purchase_order_ids,
              fixture_teardown);
  g_test_add_func ("/catalogs/ids-stable/fresh", test_ids_stable_fresh);
  g_test_add_func ("/catalogs/ids-stable/same-db", test_ids_stable_same_db);
  g_test_add_func ("/catalogs/used-by-after-migration", test_used_by_after_migration);
  g_test_add ("/catalogs/fault-on-one-route", Fixture, NULL, fixture_setup, test_fault_on_one_route,
              fixture_teardown);
  g_test_add ("/catalogs/fault-path-api", Fixture, NULL, fixture_setup, test_fault_path_api, fixture_teardown);

  return g_test_run ();
}
