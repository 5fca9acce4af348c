/* test-json.c: the strict but tolerant JSON codecs of the core models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "att-catalog-item.h"
#include "att-catalog-use.h"
#include "att-component-use.h"
#include "att-country.h"
#include "att-eco-score.h"
#include "att-error.h"
#include "att-impacts.h"
#include "att-json.h"
#include "att-material-use.h"
#include "att-packaging-use.h"
#include "att-product.h"
#include "att-purchase-order.h"

/* Helpers */

static JsonNode *
load_fixture (const char *name)
{
  g_autofree char *filename = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize     length;
  JsonNode *root;

  filename = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_file_get_contents (filename, &contents, &length, &error);
  g_assert_no_error (error);

  root = att_json_parse (contents, (gssize) length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);

  return root;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = att_json_parse (text, -1, &error);

  g_assert_no_error (error);
  return node;
}

/* Walks "a.b[1].c" from @root and returns the object found there; "" is
 * @root itself. */
static JsonObject *
resolve_object (JsonObject *root,
                const char *path)
{
  g_auto(GStrv) segments = NULL;
  JsonObject *object = root;

  if (path == NULL || path[0] == '\0')
    return root;

  segments = g_strsplit (path, ".", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (segments[i], "[", -1);
      JsonNode *node = json_object_get_member (object, parts[0]);

      g_assert_nonnull (node);
      for (guint j = 1; parts[j] != NULL; j++)
        {
          guint64 index = g_ascii_strtoull (parts[j], NULL, 10);

          g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
          node = json_array_get_element (json_node_get_array (node), (guint) index);
        }

      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      object = json_node_get_object (node);
    }

  return object;
}

/* Sets @parent.@key to the JSON @value, or removes it when @value is NULL. */
static void
mutate (JsonObject *root,
        const char *parent,
        const char *key,
        const char *value)
{
  JsonObject *object = resolve_object (root, parent);

  if (value == NULL)
    json_object_remove_member (object, key);
  else
    json_object_set_member (object, key, parse_json (value));
}

static AttProduct *
parse_product (JsonNode   *root,
               const char *path,
               GError    **error)
{
  JsonObject *object = att_json_node_get_object (root, path, error);

  if (object == NULL)
    return NULL;

  return att_product_new_from_json (object, path, error);
}

static gpointer
parse_material_use (JsonObject *object,
                    const char *path,
                    GError    **error)
{
  return att_material_use_new_from_json (object, path, error);
}

static gpointer
parse_packaging_use (JsonObject *object,
                     const char *path,
                     GError    **error)
{
  return att_packaging_use_new_from_json (object, path, error);
}

static gpointer
parse_component_use (JsonObject *object,
                     const char *path,
                     GError    **error)
{
  return att_component_use_new_from_json (object, path, error);
}

static gpointer
parse_purchase_order (JsonObject *object,
                      const char *path,
                      GError    **error)
{
  return att_purchase_order_new_from_json (object, path, error);
}

static gpointer
parse_catalog_item (JsonObject *object,
                    const char *path,
                    GError    **error)
{
  return att_catalog_item_new_from_json (object, path, error);
}

/* Reads every readable property, as a bound view would. */
static void
read_all_properties (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint                   n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
    }
}

static JsonObject *
node_object (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

/* The seed examples */

static void
check_seed_response (const char *fixture)
{
  g_autoptr(JsonNode) root = load_fixture (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(AttMaterialUse) material = NULL;
  g_autoptr(AttPackagingUse) packaging = NULL;
  g_autoptr(AttComponentUse) component = NULL;
  g_autoptr(AttPurchaseOrder) order = NULL;
  AttEcoScore         *score;
  const char *const   *messages;
  guint                n_impacts;
  const AttImpactInfo *impacts = att_impacts_get_all (&n_impacts);

  product = parse_product (root, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (product);
  g_assert_false (att_product_is_placeholder (product));

  g_assert_cmpstr (att_product_get_id (product), ==, "<string>");
  g_assert_cmpstr (att_product_get_name (product), ==, "<string>");
  /* No categoryExpansionId in the response: the deprecated field is used. */
  g_assert_cmpstr (att_product_get_category (product), ==, "<string>");
  g_assert_cmpfloat (att_product_get_weight (product), ==, 123);
  g_assert_cmpstr (att_product_get_weight_unit (product), ==, "kilograms");
  g_assert_cmpfloat (att_product_get_weight_kg (product), ==, 123);
  g_assert_true (att_product_get_weight_is_primary_data (product));
  /* `createdOn: {}` is the schema's rendering of an unknown date. */
  g_assert_cmpint (att_product_get_created_on (product), ==, 0);
  g_assert_cmpint (att_product_get_modified_on (product), ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_materials (product)), ==, 1);
  material = g_list_model_get_item (att_product_get_materials (product), 0);
  g_assert_cmpstr (att_material_use_get_material_id (material), ==, "<string>");
  g_assert_cmpfloat (att_material_use_get_composition (material), ==, 123);
  g_assert_cmpfloat (att_material_use_get_net_use (material), ==, 123);
  g_assert_cmpfloat (att_catalog_use_get_weight_kg (ATT_CATALOG_USE (material)), ==, 123);

  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_packaging (product)), ==, 1);
  packaging = g_list_model_get_item (att_product_get_packaging (product), 0);
  g_assert_cmpfloat (att_packaging_use_get_amount (packaging), ==, 123);

  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_components (product)), ==, 1);
  component = g_list_model_get_item (att_product_get_components (product), 0);
  g_assert_cmpfloat (att_component_use_get_unit (component), ==, 123);

  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_purchase_orders (product)), ==, 1);
  order = g_list_model_get_item (att_product_get_purchase_orders (product), 0);
  /* 123 ms after the epoch. */
  g_assert_cmpstr (att_purchase_order_get_purchase_date (order), ==, "1970-01-01");
  g_assert_cmpstr (att_purchase_order_get_assessment_status (order), ==, "NS");

  g_assert_nonnull (att_product_get_manufacturing_country (product));
  g_assert_nonnull (att_product_get_fabric_country (product));
  g_assert_nonnull (att_product_get_dyeing_country (product));

  g_assert_true (att_product_get_eligible (product));
  messages = att_product_get_eligibility_messages (product);
  g_assert_cmpuint (g_strv_length ((GStrv) messages), ==, 1);

  score = att_product_get_eco_score (product);
  g_assert_nonnull (score);
  g_assert_cmpstr (att_eco_score_get_status (score), ==, "Pending");
  g_assert_cmpfloat (att_eco_score_get_score (score), ==, 123);
  for (guint i = 0; i < n_impacts; i++)
    {
      g_assert_cmpfloat (att_eco_score_get_impact (score, impacts[i].key), ==, 123);
      g_assert_cmpfloat (att_eco_score_get_contribution (score, impacts[i].key), ==, 123);
    }

  read_all_properties (G_OBJECT (product));
  read_all_properties (G_OBJECT (score));
  read_all_properties (G_OBJECT (order));
}

static void
test_seed_create_response (void)
{
  check_seed_response ("seed001-create-response.json");
}

static void
test_seed_update_response (void)
{
  check_seed_response ("seed002-update-response.json");
}

/* Parses request.@key with @parser and checks that each item's
 * to_request_json() gives back exactly what the example sent. */
static void
check_request_list (JsonObject         *request,
                    const char         *key,
                    GType               type,
                    AttJsonObjectParser parser,
                    guint               expected_n_items)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) store = NULL;
  JsonArray *array;

  store = att_json_get_object_list (request, key, NULL, type, parser, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, expected_n_items);

  array = json_object_get_array_member (request, key);
  for (guint i = 0; i < expected_n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autoptr(JsonNode) sent = NULL;
      JsonNode *example = json_array_get_element (array, i);

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (item, type));
      sent = att_catalog_use_to_request_json (ATT_CATALOG_USE (item));

      g_assert_true (json_node_equal (sent, example));
    }
}

/* The examples' dates are placeholders ("<string>", "YYYY-mm-dd"): they
 * parse, read as "no date", and everything else goes back unchanged. */
static void
check_request_orders (JsonObject *request,
                      const char *key,
                      guint       expected_n_items,
                      gboolean    with_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) store = NULL;

  store = att_json_get_object_list (request, key, NULL, ATT_TYPE_PURCHASE_ORDER,
                                    parse_purchase_order, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, expected_n_items);

  for (guint i = 0; i < expected_n_items; i++)
    {
      g_autoptr(AttPurchaseOrder) order = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autoptr(JsonNode) sent = att_purchase_order_to_request_json (order);
      JsonObject *sent_object = node_object (sent);

      g_assert_null (att_purchase_order_get_purchase_date (order));
      g_assert_false (json_object_has_member (sent_object, "purchaseDate"));
      g_assert_nonnull (att_purchase_order_get_purchase_order_id (order));
      g_assert_cmpfloat (att_purchase_order_get_amount_purchase (order), >, 0);
      g_assert_cmpfloat (json_object_get_double_member (sent_object, "amountPurchase"), ==,
                         att_purchase_order_get_amount_purchase (order));
      g_assert_nonnull (att_purchase_order_get_fem_id (order));
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (sent_object, "assembly"),
                                                      "femId"),
                       ==, att_purchase_order_get_fem_id (order));
      g_assert_cmpint (json_object_has_member (sent_object, "_id"), ==, with_id);
    }
}

static void
check_request_countries (JsonObject *request)
{
  const char *keys[] = { "frenchLabelCountry", "frenchLabelDyeingCountry", "frenchLabelFabricCountry" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AttCountry) country = NULL;
      g_autoptr(JsonNode) sent = NULL;
      JsonObject *object = json_object_get_object_member (request, keys[i]);

      country = att_country_new_from_json (object, keys[i], &error);
      g_assert_no_error (error);
      sent = att_country_to_request_json (country);
      g_assert_true (json_node_equal (sent, json_object_get_member (request, keys[i])));
    }
}

static void
test_seed_create_request (void)
{
  g_autoptr(JsonNode) root = load_fixture ("seed001-create-request.json");
  JsonObject *request = node_object (root);

  check_request_list (request, "materials", ATT_TYPE_MATERIAL_USE, parse_material_use, 1);
  check_request_list (request, "packaging", ATT_TYPE_PACKAGING_USE, parse_packaging_use, 1);
  check_request_list (request, "components", ATT_TYPE_COMPONENT_USE, parse_component_use, 1);
  check_request_orders (request, "purchaseOrder", 1, FALSE);
}

static void
test_seed_walkthrough_request (void)
{
  g_autoptr(JsonNode) root = load_fixture ("seed001-walkthrough-request.json");
  JsonObject *request = node_object (root);
  g_autoptr(GError) error = NULL;
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *body_object;

  check_request_list (request, "materials", ATT_TYPE_MATERIAL_USE, parse_material_use, 1);
  check_request_list (request, "packaging", ATT_TYPE_PACKAGING_USE, parse_packaging_use, 1);
  check_request_list (request, "components", ATT_TYPE_COMPONENT_USE, parse_component_use, 1);
  check_request_orders (request, "purchaseOrder", 1, FALSE);
  check_request_countries (request);

  /* With an id, the request reads as a product (request spellings), and
   * makes the same create request again. */
  json_object_set_string_member (request, "_id", "p-1");
  product = att_product_new_from_json (request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_country_get_code (att_product_get_manufacturing_country (product)), ==, "FR");
  g_assert_cmpfloat (att_product_get_weight_kg (product), ==, 1);

  body = att_product_to_create_request (product);
  body_object = node_object (body);
  json_object_remove_member (request, "_id");
  /* The example's date is a placeholder, which is not sent back. */
  json_object_remove_member (json_array_get_object_element (json_object_get_array_member (request, "purchaseOrder"), 0),
                             "purchaseDate");
  /* The client always says whether the weight is the materials' sum. */
  g_assert_true (json_object_has_member (body_object, "isMaterialWeight"));
  g_assert_false (json_object_get_boolean_member (body_object, "isMaterialWeight"));
  json_object_remove_member (body_object, "isMaterialWeight");

  g_assert_true (json_node_equal (body, root));
}

static void
test_seed_update_request (void)
{
  g_autoptr(JsonNode) root = load_fixture ("seed002-update-request.json");
  JsonObject *request = node_object (root);

  check_request_list (request, "materials", ATT_TYPE_MATERIAL_USE, parse_material_use, 1);
  check_request_list (request, "packaging", ATT_TYPE_PACKAGING_USE, parse_packaging_use, 1);
  check_request_list (request, "components", ATT_TYPE_COMPONENT_USE, parse_component_use, 1);
  check_request_orders (request, "addPurchaseOrder", 1, FALSE);
  check_request_orders (request, "updatePurchaseOrder", 1, TRUE);
}

/* A complete product */

static void
test_product_values (void)
{
  g_autoptr(JsonNode) root = load_fixture ("product-complete.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(AttMaterialUse) cotton = NULL;
  g_autoptr(AttMaterialUse) elastane = NULL;
  g_autoptr(AttPurchaseOrder) order = NULL;
  g_autofree char   *weight = NULL;
  g_autofree char   *expected_weight = NULL;
  const char *const *tags;
  AttEcoScore       *score;

  product = parse_product (root, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (att_product_get_id (product), ==, "6650f1c2a9e4b1d2c3e4f5a6");
  g_assert_cmpstr (att_product_get_category (product), ==, "Apparel-Tops-TShirts");
  g_assert_cmpstr (att_product_get_product_type (product), ==, "Apparel");
  g_assert_cmpstr (att_product_get_identifier (product), ==, "03760123456789");
  g_assert_cmpstr (att_product_get_identifier_type (product), ==, "GTIN");
  g_assert_cmpfloat (att_product_get_weight (product), ==, 350);
  g_assert_cmpstr (att_product_get_weight_unit (product), ==, "grams");
  g_assert_cmpfloat_with_epsilon (att_product_get_weight_kg (product), 0.35, 1e-12);
  g_assert_cmpint (att_product_get_created_on (product), ==, G_GINT64_CONSTANT (1717000000000));
  g_assert_cmpint (att_product_get_modified_on (product), ==, 0);

  weight = att_product_format_weight (product);
  expected_weight = g_strdup_printf ("%g g", 350.0);
  g_assert_cmpstr (weight, ==, expected_weight);

  tags = att_product_get_tags (product);
  g_assert_cmpuint (g_strv_length ((GStrv) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "summer-2025");
  g_assert_cmpstr (tags[1], ==, "organic");

  cotton = g_list_model_get_item (att_product_get_materials (product), 0);
  elastane = g_list_model_get_item (att_product_get_materials (product), 1);
  g_assert_cmpstr (att_catalog_use_get_name (ATT_CATALOG_USE (cotton)), ==, "Cotton, organic");
  g_assert_cmpstr (att_catalog_use_get_code (ATT_CATALOG_USE (cotton)), ==, "ei-coton-organic");
  g_assert_cmpstr (att_catalog_use_get_data_source (ATT_CATALOG_USE (cotton)), ==, "Ecobalyse");
  g_assert_cmpfloat (att_catalog_use_get_weight_kg (ATT_CATALOG_USE (cotton)), ==, 0.3325);
  g_assert_cmpfloat (att_material_use_get_net_use (elastane), ==, 80.5);
  g_assert_true (isnan (att_catalog_use_get_weight_kg (ATT_CATALOG_USE (elastane))));
  g_assert_null (att_catalog_use_get_description (ATT_CATALOG_USE (elastane)));

  order = g_list_model_get_item (att_product_get_purchase_orders (product), 0);
  g_assert_cmpstr (att_purchase_order_get_id (order), ==, "po-1");
  g_assert_cmpstr (att_purchase_order_get_purchase_date (order), ==, "2024-06-15");
  g_assert_cmpfloat (att_purchase_order_get_amount_purchase (order), ==, 1200);
  g_assert_cmpstr (att_purchase_order_get_fem_id (order), ==, "FEM-123");
  g_assert_cmpstr (att_purchase_order_get_facility_name (order), ==, "Dhaka Garments Ltd");
  g_assert_cmpstr (att_purchase_order_get_country (order), ==, "BD");
  g_assert_cmpstr (att_purchase_order_get_assessment_status (order), ==, "ASC");
  g_assert_cmpfloat (att_purchase_order_get_impact_per_unit (order), ==, 4.2);
  g_assert_cmpfloat (att_purchase_order_get_total_impact_per_unit (order), ==, 5040);

  g_assert_cmpstr (att_country_get_name (att_product_get_manufacturing_country (product)), ==, "Bangladesh");
  g_assert_cmpstr (att_country_get_code (att_product_get_fabric_country (product)), ==, "IN");
  g_assert_cmpstr (att_country_get_code (att_product_get_dyeing_country (product)), ==, "CN");
  g_assert_true (att_product_get_eligible (product));
  g_assert_cmpuint (g_strv_length ((GStrv) att_product_get_eligibility_messages (product)), ==, 0);

  score = att_product_get_eco_score (product);
  g_assert_cmpfloat (att_eco_score_get_score (score), ==, 812);
  g_assert_cmpstr (att_eco_score_get_status (score), ==, "Complete");
  g_assert_null (att_eco_score_get_api_response_error (score));
  g_assert_cmpstr (att_eco_score_get_api_version (score), ==, "7.0.0");
  g_assert_cmpint (att_eco_score_get_created_at (score), ==, G_GINT64_CONSTANT (1717000500000));
  g_assert_cmpint (att_eco_score_get_updated_at (score), ==, G_GINT64_CONSTANT (1717003600000));
  g_assert_cmpfloat (att_eco_score_get_impact (score, "cch"), ==, 4.55);
  g_assert_cmpfloat (att_eco_score_get_ecs (score), ==, 812.44);
  g_assert_cmpfloat (att_eco_score_get_pef (score), ==, 597.3);
  g_assert_cmpfloat (att_eco_score_get_contribution (score, "etfC"), ==, 18.25);
  g_assert_true (isnan (att_eco_score_get_contribution (score, "acd")));
  g_assert_true (isnan (att_eco_score_get_impact (score, "bvi")));

  read_all_properties (G_OBJECT (product));
  read_all_properties (G_OBJECT (cotton));
  read_all_properties (G_OBJECT (order));
  read_all_properties (G_OBJECT (score));
  read_all_properties (G_OBJECT (att_product_get_fabric_country (product)));
}

/* Errors */

typedef struct
{
  const char *parent;  /* the object to edit, "" for the root */
  const char *key;     /* the member to set */
  const char *value;   /* its new JSON value, NULL to remove it */
  const char *message; /* the exact error message */
} ErrorCase;

static const ErrorCase error_cases[] = {
  /* wrong types, at every depth */
  { "", "name", "42", "name: expected a string" },
  { "", "_id", "{}", "_id: expected a string" },
  { "", "tags", "[\"a\", 3]", "tags[1]: expected a string" },
  { "", "createdOn", "true", "createdOn: expected a timestamp" },
  { "", "materials", "{}", "materials: expected an array" },
  { "", "materials", "[\"x\"]", "materials[0]: expected an object" },
  { "", "frenchLabelFabricCountry", "\"IN\"", "frenchLabelFabricCountry: expected an object" },
  { "", "frenchLabelEcoScore", "[]", "frenchLabelEcoScore: expected an object" },
  { "weightInformation", "weight", "true", "weightInformation.weight: expected a number" },
  { "weightInformation", "isPrimaryData", "\"yes\"", "weightInformation.isPrimaryData: expected a boolean" },
  { "materials[1]", "composition", "\"5\"", "materials[1].composition: expected a number" },
  { "materials[0].weightInformation", "convertedToKg", "[1]", "materials[0].weightInformation.convertedToKg: expected a number" },
  { "packaging[0]", "amount", "\"one\"", "packaging[0].amount: expected a number" },
  { "components[0]", "unit", "null", NULL },
  { "components[0]", "name", "false", "components[0].name: expected a string" },
  { "purchaseOrder[0]", "purchaseDate", "{}", "purchaseOrder[0].purchaseDate: expected a date" },
  { "purchaseOrder[0].assembly", "femId", "7", "purchaseOrder[0].assembly.femId: expected a string" },
  { "frenchLabelEcoScore.impacts", "cch", "\"high\"", "frenchLabelEcoScore.impacts.cch: expected a number" },
  { "frenchLabelEcoScore.impactsPercentageContribution", "etfC", "[]", "frenchLabelEcoScore.impactsPercentageContribution.etfC: expected a number" },
  { "frenchLabelEcoScore", "createdAt", "[]", "frenchLabelEcoScore.createdAt: expected a timestamp" },
  { "frenchLabelEligibility", "eligible", "\"yes\"", "frenchLabelEligibility.eligible: expected a boolean" },
  { "frenchLabelEligibility", "reasons", "[{\"message\": 5}]", "frenchLabelEligibility.reasons[0].message: expected a string" },
  { "frenchLabelEligibility", "reasons", "[1]", "frenchLabelEligibility.reasons[0]: expected an object" },
  { "frenchLabelOptionalFields.countrySpinning", "code", "1", "frenchLabelOptionalFields.countrySpinning.code: expected a string" },
  { "frenchLabelOptionalFields", "upcycled", "0", "frenchLabelOptionalFields.upcycled: expected a boolean" },
  /* missing required fields */
  { "", "_id", NULL, "_id: required field is missing" },
  { "", "_id", "null", "_id: required field is missing" },
  { "", "_id", "\"\"", "_id: must not be empty" },
  { "", "name", NULL, "name: required field is missing" },
  { "materials[1]", "materialId", NULL, "materials[1].materialId: required field is missing" },
  { "packaging[0]", "packagingId", NULL, "packaging[0].packagingId: required field is missing" },
  { "components[0]", "componentId", NULL, "components[0].componentId: required field is missing" },
  { "frenchLabelDyeingCountry", "code", NULL, "frenchLabelDyeingCountry.code: required field is missing" },
  { "frenchLabelManufacturingCountry", "name", NULL, "frenchLabelManufacturingCountry.name: required field is missing" },
};

static void
test_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      g_autoptr(JsonNode) root = load_fixture ("product-complete.json");
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) nested_error = NULL;
      g_autoptr(AttProduct) product = NULL;
      g_autoptr(AttProduct) nested = NULL;

      g_test_message ("%s.%s = %s", c->parent, c->key, c->value ? c->value : "(removed)");
      mutate (node_object (root), c->parent, c->key, c->value);

      product = parse_product (root, NULL, &error);
      if (c->message == NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (product);
          continue;
        }

      g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
      g_assert_cmpstr (error->message, ==, c->message);
      g_assert_null (product);

      /* The same object inside a search answer names the full path. */
      nested = att_product_new_from_json (node_object (root), "results[3]", &nested_error);
      g_assert_null (nested);
      g_assert_error (nested_error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
      g_assert_true (g_str_has_prefix (nested_error->message, "results[3]."));
      g_assert_cmpstr (nested_error->message + strlen ("results[3]."), ==, c->message);
    }
}

static void
test_garbage (void)
{
  const struct
  {
    const char *text;
    const char *message_prefix;
  } cases[] = {
    { "[]", "expected an object" },
    { "\"x\"", "expected an object" },
    { "42", "expected an object" },
    { "null", "expected an object" },
    { "", "not valid JSON" },
    { "   ", "not valid JSON" },
    { "{\"_id\": \"a\", \"name\": ", "not valid JSON" },
    { "{\"_id\": \"a\"} trailing", "not valid JSON" },
    { "<html>502 Bad Gateway</html>", "not valid JSON" },
  };
  g_autofree char *filename = NULL;
  g_autofree char *contents = NULL;
  gsize            length;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) object = NULL;

      g_test_message ("garbage: '%s'", cases[i].text);
      object = att_json_parse_object (cases[i].text, -1, &error);
      g_assert_null (object);
      g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message_prefix));
    }

  /* A response cut off anywhere is an error, never a half product. */
  filename = g_test_build_filename (G_TEST_DIST, "fixtures", "product-complete.json", NULL);
  g_file_get_contents (filename, &contents, &length, NULL);
  g_assert_nonnull (contents);
  for (gsize cut = 0; cut < length - 2; cut += 97)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) object = att_json_parse_object (contents, (gssize) cut, &error);

      g_assert_null (object);
      g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
    }

  /* A product nested in something else than an object, at a path. */
  {
    g_autoptr(JsonNode) root = parse_json ("{\"results\": [\"x\"]}");
    g_autoptr(GError) error = NULL;
    g_autoptr(GListStore) store = NULL;

    store = att_json_get_object_list (node_object (root), "results", NULL, ATT_TYPE_CATALOG_ITEM,
                                      parse_catalog_item, &error);
    g_assert_null (store);
    g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
    g_assert_cmpstr (error->message, ==, "results[0]: expected an object");
  }
}

/* Tolerance */

static void
test_null_is_absent (void)
{
  g_autoptr(JsonNode) root = load_fixture ("product-complete.json");
  JsonObject *object = node_object (root);
  g_autoptr(GError) error = NULL;
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(AttMaterialUse) material = NULL;

  mutate (object, "", "tags", "null");
  mutate (object, "", "weightInformation", "null");
  mutate (object, "", "frenchLabelEcoScore", "null");
  mutate (object, "", "frenchLabelFabricCountry", "null");
  mutate (object, "", "frenchLabelDyeingCountry", "{}");
  mutate (object, "", "packaging", "null");
  mutate (object, "", "categoryExpansionId", "null");
  mutate (object, "", "productType", "null");
  mutate (object, "", "materials", "[null, {\"materialId\": \"MatTX0001\", \"netUse\": null, \"composition\": 100}]");

  product = att_product_new_from_json (object, NULL, &error);
  g_assert_no_error (error);

  g_assert_nonnull (att_product_get_tags (product));
  g_assert_null (att_product_get_tags (product)[0]);
  g_assert_true (isnan (att_product_get_weight (product)));
  g_assert_true (isnan (att_product_get_weight_kg (product)));
  g_assert_null (att_product_get_weight_unit (product));
  g_assert_null (att_product_format_weight (product));
  g_assert_null (att_product_get_eco_score (product));
  g_assert_null (att_product_get_fabric_country (product));
  g_assert_null (att_product_get_dyeing_country (product));
  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_packaging (product)), ==, 0);
  g_assert_null (att_product_get_category (product));
  /* `type` stands in for a missing `productType`. */
  g_assert_cmpstr (att_product_get_product_type (product), ==, "Apparel");

  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_materials (product)), ==, 1);
  material = g_list_model_get_item (att_product_get_materials (product), 0);
  g_assert_true (isnan (att_material_use_get_net_use (material)));
  g_assert_cmpfloat (att_material_use_get_composition (material), ==, 100);
}

static void
test_unknown_fields_round_trip (void)
{
  g_autoptr(JsonNode) root = load_fixture ("product-complete.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(AttMaterialUse) material = NULL;
  g_autoptr(JsonNode) serialized = NULL;
  g_autoptr(JsonNode) material_json = NULL;
  g_autoptr(JsonNode) reparsed = NULL;
  g_autoptr(AttProduct) again = NULL;
  g_autofree char *text = NULL;
  JsonObject      *future;

  product = parse_product (root, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (att_product_get_json (product) == node_object (root));

  serialized = att_product_to_json (product);
  g_assert_true (json_node_equal (serialized, root));

  text = json_to_string (serialized, FALSE);
  reparsed = parse_json (text);
  g_assert_true (json_node_equal (reparsed, root));
  future = json_object_get_object_member (node_object (reparsed), "futureTopLevelField");
  g_assert_nonnull (future);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (future, "nested")), ==, 5);

  material = g_list_model_get_item (att_product_get_materials (product), 0);
  material_json = att_catalog_use_to_json (ATT_CATALOG_USE (material));
  g_assert_cmpstr (json_object_get_string_member (node_object (material_json), "materialFutureField"),
                   ==, "kept");

  /* The serialization is a copy: editing it leaves the model alone. */
  json_object_set_string_member (node_object (serialized), "name", "Edited");
  json_array_remove_element (json_object_get_array_member (node_object (serialized), "materials"), 0);
  g_assert_cmpstr (att_product_get_name (product), ==, "Organic cotton T-shirt");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (node_object (root), "materials")),
                    ==, 2);

  /* And what was serialized parses into the same product. */
  again = parse_product (reparsed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_product_get_id (again), ==, att_product_get_id (product));
  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_materials (again)), ==, 2);
}

static void
test_purchase_date (void)
{
  const struct
  {
    const char *value;
    const char *expected;
  } cases[] = {
    { "1718409600000", "2024-06-15" },
    { "1718409600000.0", "2024-06-15" },
    { "1718495999999", "2024-06-15" },
    { "\"2024-06-15\"", "2024-06-15" },
    { "\"2024-6-5\"", "2024-06-05" },
    { "\"2024-06-14T23:30:00-02:00\"", "2024-06-15" },
    { "\"2024-06-15T00:30:00+02:00\"", "2024-06-14" },
    { "0", "1970-01-01" },
    { "-1", "1969-12-31" },
    { "\"2024-02-29\"", "2024-02-29" },
    { "\"2023-02-29\"", NULL },
    { "\"2024-13-01\"", NULL },
    { "\"YYYY-mm-dd\"", NULL },
    { "\"15/06/2024\"", NULL },
    { "\"\"", NULL },
    { "null", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AttPurchaseOrder) order = NULL;
      g_autoptr(JsonNode) request = NULL;
      g_autoptr(JsonNode) response = NULL;
      JsonObject *request_object;

      text = g_strdup_printf ("{\"_id\": \"po-9\", \"purchaseOrderId\": \"PO-9\", \"purchaseDate\": %s,"
                              " \"amountPurchase\": 10, \"assembly\": {\"femId\": \"F-1\", \"x\": 1}}",
                              cases[i].value);
      node = parse_json (text);
      order = att_purchase_order_new_from_json (node_object (node), "purchaseOrder[0]", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (att_purchase_order_get_purchase_date (order), ==, cases[i].expected);

      request = att_purchase_order_to_request_json (order);
      request_object = node_object (request);
      g_assert_cmpstr (json_object_get_string_member_with_default (request_object, "purchaseDate", NULL),
                       ==, cases[i].expected);
      g_assert_cmpstr (json_object_get_string_member (request_object, "_id"), ==, "po-9");
      g_assert_cmpstr (json_object_get_string_member (request_object, "purchaseOrderId"), ==, "PO-9");
      /* An integral amount goes out as a JSON integer, not 10.0. */
      g_assert_true (json_node_get_value_type (json_object_get_member (request_object, "amountPurchase")) == G_TYPE_INT64);
      g_assert_cmpint (json_object_get_int_member (request_object, "amountPurchase"), ==, 10);
      g_assert_cmpuint (json_object_get_size (json_object_get_object_member (request_object, "assembly")), ==, 1);

      /* The response shape keeps the date as it came. */
      response = att_purchase_order_to_json (order);
      g_assert_true (json_node_equal (response, node));
    }

  /* A new PO (no _id yet) has no _id in its request, and no assembly
   * without a femId. */
  {
    g_autoptr(JsonNode) node = parse_json ("{\"purchaseOrderId\": \"PO-1\", \"purchaseDate\": \"2025-01-31\","
                                            " \"amountPurchase\": 2.5}");
    g_autoptr(GError) error = NULL;
    g_autoptr(AttPurchaseOrder) order = att_purchase_order_new_from_json (node_object (node), NULL, &error);
    g_autoptr(JsonNode) request = NULL;
    JsonObject *request_object;

    g_assert_no_error (error);
    request = att_purchase_order_to_request_json (order);
    request_object = node_object (request);
    g_assert_false (json_object_has_member (request_object, "_id"));
    g_assert_false (json_object_has_member (request_object, "assembly"));
    g_assert_cmpfloat (json_object_get_double_member (request_object, "amountPurchase"), ==, 2.5);
    g_assert_cmpstr (json_object_get_string_member (request_object, "purchaseDate"), ==, "2025-01-31");
  }
}

static void
test_created_on (void)
{
  const struct
  {
    const char *value;
    gint64      expected;
  } cases[] = {
    { "1717000000000", G_GINT64_CONSTANT (1717000000000) },
    { "1717000000000.0", G_GINT64_CONSTANT (1717000000000) },
    { "{}", 0 },
    { "{\"$date\": 1717000000000}", 0 },
    { "null", 0 },
    { "\"2024-05-29T16:26:40Z\"", G_GINT64_CONSTANT (1717000000000) },
    { "\"2024-05-29T16:26:40.5Z\"", G_GINT64_CONSTANT (1717000000500) },
    { "\"yesterday\"", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AttProduct) product = NULL;

      text = g_strdup_printf ("{\"_id\": \"p\", \"name\": \"n\", \"createdOn\": %s, \"modifiedOn\": %s}",
                              cases[i].value, cases[i].value);
      node = parse_json (text);
      product = parse_product (node, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (att_product_get_created_on (product), ==, cases[i].expected);
      g_assert_cmpint (att_product_get_modified_on (product), ==, cases[i].expected);
    }
}

static void
test_create_request (void)
{
  g_autoptr(JsonNode) root = load_fixture ("product-complete.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) expected_materials = NULL;
  g_autoptr(JsonNode) expected_orders = NULL;
  g_autoptr(JsonNode) expected_country = NULL;
  JsonObject *request;

  product = parse_product (root, NULL, &error);
  g_assert_no_error (error);

  body = att_product_to_create_request (product);
  request = node_object (body);

  /* Request spellings, not response ones. */
  g_assert_false (json_object_has_member (request, "frenchLabelManufacturingCountry"));
  g_assert_false (json_object_has_member (request, "weightInformation"));
  g_assert_false (json_object_has_member (request, "_id"));
  g_assert_false (json_object_has_member (request, "frenchLabelEcoScore"));
  g_assert_false (json_object_has_member (request, "frenchLabelEligibility"));
  g_assert_false (json_object_has_member (request, "futureTopLevelField"));
  g_assert_false (json_object_has_member (request, "materialImpact"));
  g_assert_false (json_object_has_member (request, "createdOn"));

  g_assert_cmpstr (json_object_get_string_member (request, "name"), ==, "Organic cotton T-shirt");
  g_assert_cmpint (json_object_get_int_member (request, "weight"), ==, 350);
  g_assert_cmpstr (json_object_get_string_member (request, "weightMeasureUnit"), ==, "grams");
  g_assert_true (json_object_get_boolean_member (request, "weightIsPrimaryData"));
  g_assert_cmpstr (json_object_get_string_member (request, "categoryExpansionId"), ==, "Apparel-Tops-TShirts");
  g_assert_false (json_object_has_member (request, "productCategory"));
  g_assert_cmpstr (json_object_get_string_member (request, "size"), ==, "Adult");
  g_assert_cmpstr (json_object_get_string_member (request, "identifier"), ==, "03760123456789");
  g_assert_cmpstr (json_object_get_string_member (request, "identifierType"), ==, "GTIN");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (request, "tags")), ==, 2);

  expected_materials = parse_json ("[{\"materialId\": \"MatTX0002\", \"netUse\": 75, \"composition\": 95},"
                                   " {\"materialId\": \"MatTX0031\", \"netUse\": 80.5, \"composition\": 5}]");
  g_assert_true (json_node_equal (json_object_get_member (request, "materials"), expected_materials));

  expected_orders = parse_json ("[{\"_id\": \"po-1\", \"purchaseOrderId\": \"PO-2025-0042\","
                                " \"purchaseDate\": \"2024-06-15\", \"amountPurchase\": 1200,"
                                " \"assembly\": {\"femId\": \"FEM-123\"}}]");
  g_assert_true (json_node_equal (json_object_get_member (request, "purchaseOrder"), expected_orders));

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (request, "packaging")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (request, "components")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (request, "components"), 0),
                                               "unit"),
                   ==, 3);

  expected_country = parse_json ("{\"code\": \"BD\", \"name\": \"Bangladesh\"}");
  g_assert_true (json_node_equal (json_object_get_member (request, "frenchLabelCountry"), expected_country));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (request, "frenchLabelFabricCountry"), "code"),
                   ==, "IN");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (request, "frenchLabelDyeingCountry"), "code"),
                   ==, "CN");
  g_assert_true (json_node_equal (json_object_get_member (request, "frenchLabelOptionalFields"),
                                  json_object_get_member (node_object (root), "frenchLabelOptionalFields")));
}

static void
test_weight (void)
{
  const struct
  {
    const char *members;
    double      expected_kg;
    double      expected_number;
    const char *expected_symbol;
  } cases[] = {
    { "\"weight\": 1.2, \"weightMeasureUnit\": \"kilograms\"", 1.2, 1.2, "kg" },
    { "\"weight\": 350", 0.35, 350, "g" },
    { "\"weight\": 500, \"weightMeasureUnit\": \"milligram\"", 0.0005, 500, "mg" },
    { "\"weight\": 2, \"weightMeasureUnit\": \"pound\"", 0.90718474, 2, "lb" },
    { "\"weight\": 8, \"weightMeasureUnit\": \"ounce\"", 0.226796185, 8, "oz" },
    { "\"weight\": 8, \"weightMeasureUnit\": \"ounces\"", 0.226796185, 8, "oz" },
    { "\"weight\": 3, \"weightMeasureUnit\": \"stone\"", NAN, 3, "stone" },
    { "\"weightInformation\": {\"convertedToKg\": 0.25}", 0.25, 0.25, "kg" },
    { "\"weight\": 1, \"weightMeasureUnit\": \"kilograms\","
      " \"weightInformation\": {\"weight\": 900, \"unit\": \"grams\", \"convertedToKg\": 0.9}",
      0.9, 900, "g" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *formatted = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AttProduct) product = NULL;

      text = g_strdup_printf ("{\"_id\": \"p\", \"name\": \"n\", %s}", cases[i].members);
      node = parse_json (text);
      product = parse_product (node, NULL, &error);
      g_assert_no_error (error);

      if (isnan (cases[i].expected_kg))
        g_assert_true (isnan (att_product_get_weight_kg (product)));
      else
        g_assert_cmpfloat_with_epsilon (att_product_get_weight_kg (product), cases[i].expected_kg, 1e-9);

      formatted = att_product_format_weight (product);
      /* %g follows the locale, as the formatter does. */
      expected = g_strdup_printf ("%g %s", cases[i].expected_number, cases[i].expected_symbol);
      g_assert_cmpstr (formatted, ==, expected);
    }

  g_assert_cmpstr (att_weight_unit_to_symbol ("kilograms"), ==, "kg");
  g_assert_cmpstr (att_weight_unit_to_symbol ("grams"), ==, "g");
  g_assert_cmpstr (att_weight_unit_to_symbol ("milligram"), ==, "mg");
  g_assert_cmpstr (att_weight_unit_to_symbol ("pound"), ==, "lb");
  g_assert_cmpstr (att_weight_unit_to_symbol ("ounce"), ==, "oz");
  g_assert_cmpstr (att_weight_unit_to_symbol ("furlong"), ==, "furlong");
  g_assert_null (att_weight_unit_to_symbol (NULL));
}

static void
test_placeholder (void)
{
  g_autoptr(AttProduct) product = g_object_new (ATT_TYPE_PRODUCT, NULL);
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) request = NULL;
  gboolean placeholder = FALSE;

  g_assert_true (att_product_is_placeholder (product));
  g_object_get (product, "placeholder", &placeholder, NULL);
  g_assert_true (placeholder);

  g_assert_null (att_product_get_json (product));
  g_assert_null (att_product_get_id (product));
  g_assert_null (att_product_get_name (product));
  g_assert_null (att_product_get_category (product));
  g_assert_true (isnan (att_product_get_weight (product)));
  g_assert_true (isnan (att_product_get_weight_kg (product)));
  g_assert_null (att_product_format_weight (product));
  g_assert_nonnull (att_product_get_tags (product));
  g_assert_null (att_product_get_tags (product)[0]);
  g_assert_nonnull (att_product_get_eligibility_messages (product));
  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_materials (product)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_packaging (product)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_components (product)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (att_product_get_purchase_orders (product)), ==, 0);
  g_assert_true (g_list_model_get_item_type (att_product_get_materials (product)) == ATT_TYPE_MATERIAL_USE);
  g_assert_null (att_product_get_eco_score (product));
  g_assert_null (att_product_get_manufacturing_country (product));
  g_assert_false (att_product_get_eligible (product));
  g_assert_cmpint (att_product_get_created_on (product), ==, 0);
  read_all_properties (G_OBJECT (product));

  json = att_product_to_json (product);
  g_assert_cmpuint (json_object_get_size (node_object (json)), ==, 0);

  request = att_product_to_create_request (product);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (node_object (request), "materials")), ==, 0);

  /* A parsed product is not a placeholder. */
  {
    g_autoptr(JsonNode) node = parse_json ("{\"_id\": \"p\", \"name\": \"n\"}");
    g_autoptr(GError) error = NULL;
    g_autoptr(AttProduct) loaded = parse_product (node, NULL, &error);

    g_assert_no_error (error);
    g_assert_false (att_product_is_placeholder (loaded));
  }
}

/* Catalogue uses: the three kinds share AttCatalogUse, and each must still
 * read, keep and send exactly its own members. */

typedef struct
{
  AttJsonObjectParser parser;
  const char         *path;
  const char         *json;    /* a use as the server sends it */
  const char         *request; /* what to_request_json() must send */
  const char         *id;
  const char         *number; /* one of the kind's own numbers... */
  double              value;  /* ...and its value */
} UseCase;

static const UseCase use_cases[] = {
  { parse_material_use, "materials[0]",
    "{\"materialId\": \"MatTX0002\", \"name\": \"Cotton\", \"composition\": 95, \"netUse\": 75.5,"
    " \"code\": \"ei-coton\", \"description\": \"d\", \"dataSource\": \"Ecobalyse\","
    " \"weightInformation\": {\"convertedToKg\": 0.3, \"netWeight\": 0.25},"
    " \"isOutdated\": false, \"impacts\": {\"cch\": [1, null, {\"x\": \"y\"}]}}",
    "{\"materialId\":\"MatTX0002\",\"netUse\":75.5,\"composition\":95}",
    "MatTX0002", "net-use", 75.5 },
  { parse_packaging_use, "packaging[0]",
    "{\"packagingId\": \"PKG-1\", \"name\": \"Box\", \"amount\": 2, \"code\": \"box\","
    " \"weightInformation\": {\"convertedToKg\": 0.05}, \"packagingType\": \"box\","
    " \"vendor\": {\"name\": \"v\"}}",
    "{\"packagingId\":\"PKG-1\",\"amount\":2}",
    "PKG-1", "amount", 2 },
  { parse_component_use, "components[0]",
    "{\"componentId\": \"CMP-7\", \"name\": \"Button\", \"unit\": 4.5, \"dataSource\": \"Higg\","
    " \"futureField\": [null, {\"a\": 1}]}",
    "{\"componentId\":\"CMP-7\",\"unit\":4.5}",
    "CMP-7", "unit", 4.5 },
};

static AttCatalogUse *
parse_use (const UseCase *c,
           JsonNode      *node)
{
  g_autoptr(GError) error = NULL;
  AttCatalogUse *use = c->parser (node_object (node), c->path, &error);

  g_assert_no_error (error);
  g_assert_true (ATT_IS_CATALOG_USE (use));
  return use;
}

static void
test_catalog_use_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (use_cases); i++)
    {
      const UseCase *c = &use_cases[i];
      g_autoptr(JsonNode) node = parse_json (c->json);
      g_autoptr(AttCatalogUse) use = parse_use (c, node);
      g_autoptr(AttCatalogUse) again = NULL;
      g_autoptr(JsonNode) json = att_catalog_use_to_json (use);
      g_autoptr(JsonNode) reparsed = NULL;
      g_autoptr(JsonNode) request = att_catalog_use_to_request_json (use);
      g_autofree char *json_text = json_to_string (json, FALSE);
      g_autofree char *request_text = json_to_string (request, FALSE);
      g_autofree char *catalog_id = NULL;
      double           value = NAN;

      g_test_message ("%s", c->path);
      /* Unknown members, nested ones included, go back as they came, in a
       * copy that the model does not share. */
      g_assert_true (json_node_equal (json, node));
      g_assert_true (node_object (json) != att_catalog_use_get_json (use));

      /* The request has the kind's own spelling and order, nothing else. */
      g_assert_cmpstr (request_text, ==, c->request);

      g_object_get (use, "catalog-id", &catalog_id, c->number, &value, NULL);
      g_assert_cmpstr (catalog_id, ==, c->id);
      g_assert_cmpfloat (value, ==, c->value);
      read_all_properties (G_OBJECT (use));

      /* What was written reads back into the same use. */
      reparsed = parse_json (json_text);
      again = parse_use (c, reparsed);
      g_clear_pointer (&request, json_node_unref);
      request = att_catalog_use_to_request_json (again);
      g_clear_pointer (&request_text, g_free);
      request_text = json_to_string (request, FALSE);
      g_assert_cmpstr (request_text, ==, c->request);
    }
}

static void
test_catalog_use_getters (void)
{
  g_autoptr(JsonNode) material_node = parse_json (use_cases[0].json);
  g_autoptr(JsonNode) packaging_node = parse_json (use_cases[1].json);
  g_autoptr(JsonNode) component_node = parse_json (use_cases[2].json);
  g_autoptr(AttCatalogUse) material = parse_use (&use_cases[0], material_node);
  g_autoptr(AttCatalogUse) packaging = parse_use (&use_cases[1], packaging_node);
  g_autoptr(AttCatalogUse) component = parse_use (&use_cases[2], component_node);

  g_assert_cmpstr (att_material_use_get_material_id (ATT_MATERIAL_USE (material)), ==, "MatTX0002");
  g_assert_cmpfloat (att_material_use_get_composition (ATT_MATERIAL_USE (material)), ==, 95);
  g_assert_cmpfloat (att_material_use_get_net_use (ATT_MATERIAL_USE (material)), ==, 75.5);
  g_assert_cmpstr (att_catalog_use_get_code (material), ==, "ei-coton");
  g_assert_cmpstr (att_catalog_use_get_description (material), ==, "d");
  g_assert_cmpfloat (att_catalog_use_get_weight_kg (material), ==, 0.3);

  g_assert_cmpstr (att_packaging_use_get_packaging_id (ATT_PACKAGING_USE (packaging)), ==, "PKG-1");
  g_assert_cmpfloat (att_packaging_use_get_amount (ATT_PACKAGING_USE (packaging)), ==, 2);
  g_assert_cmpstr (att_catalog_use_get_name (packaging), ==, "Box");
  g_assert_cmpfloat (att_catalog_use_get_weight_kg (packaging), ==, 0.05);

  g_assert_cmpstr (att_component_use_get_component_id (ATT_COMPONENT_USE (component)), ==, "CMP-7");
  g_assert_cmpfloat (att_component_use_get_unit (ATT_COMPONENT_USE (component)), ==, 4.5);
  g_assert_cmpstr (att_catalog_use_get_data_source (component), ==, "Higg");
  g_assert_null (att_catalog_use_get_code (component));
  g_assert_true (isnan (att_catalog_use_get_weight_kg (component)));
}

/* Each kind has the shared properties and its own numbers, typed, and none
 * of another kind's. */
static void
test_catalog_use_properties (void)
{
  const struct
  {
    GType (*get_type) (void);
    const char *own;
    const char *foreign;
  } cases[] = {
    { att_material_use_get_type, "net-use composition", "amount unit" },
    { att_packaging_use_get_type, "amount", "net-use composition unit" },
    { att_component_use_get_type, "unit", "net-use composition amount" },
  };
  const char *shared[] = { "catalog-id", "name", "code", "description", "data-source", "weight-kg" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GType type = cases[i].get_type ();
      g_autoptr(GObject) fresh = g_object_new (type, NULL);
      GObjectClass *klass = G_OBJECT_GET_CLASS (fresh);
      g_auto(GStrv) own = g_strsplit (cases[i].own, " ", -1);
      g_auto(GStrv) foreign = g_strsplit (cases[i].foreign, " ", -1);
      g_autofree GParamSpec **pspecs = NULL;
      g_autoptr(JsonNode) request = NULL;
      guint n_pspecs;

      g_test_message ("%s", g_type_name (type));
      pspecs = g_object_class_list_properties (klass, &n_pspecs);
      g_assert_cmpuint (n_pspecs, ==, G_N_ELEMENTS (shared) + g_strv_length (own));
      for (guint j = 0; j < G_N_ELEMENTS (shared); j++)
        g_assert_nonnull (g_object_class_find_property (klass, shared[j]));
      for (guint j = 0; own[j] != NULL; j++)
        {
          GParamSpec *pspec = g_object_class_find_property (klass, own[j]);

          g_assert_nonnull (pspec);
          g_assert_true (pspec->value_type == G_TYPE_DOUBLE);
          g_assert_true (pspec->flags & G_PARAM_READABLE);
        }
      for (guint j = 0; foreign[j] != NULL; j++)
        g_assert_null (g_object_class_find_property (klass, foreign[j]));

      /* A row made without JSON (as an editor would) knows nothing yet, and
       * sends nothing it does not know. */
      for (guint j = 0; own[j] != NULL; j++)
        {
          double value = 0;

          g_object_get (fresh, own[j], &value, NULL);
          g_assert_true (isnan (value));
        }
      g_assert_null (att_catalog_use_get_json (ATT_CATALOG_USE (fresh)));
      request = att_catalog_use_to_request_json (ATT_CATALOG_USE (fresh));
      g_assert_cmpuint (json_object_get_size (node_object (request)), ==, 0);
      read_all_properties (fresh);
    }
}

static void
test_catalog_use_errors (void)
{
  const struct
  {
    AttJsonObjectParser parser;
    const char         *path;
    const char         *json;
    const char         *message; /* NULL: parses */
  } cases[] = {
    { parse_material_use, "materials[2]", "{\"materialId\": \"M\", \"composition\": \"95\"}",
      "materials[2].composition: expected a number" },
    { parse_material_use, "materials[2]", "{\"materialId\": \"M\", \"netUse\": true}",
      "materials[2].netUse: expected a number" },
    { parse_material_use, "materials[2]", "{\"materialId\": 7}",
      "materials[2].materialId: expected a string" },
    { parse_material_use, "materials[2]", "{\"packagingId\": \"P\"}",
      "materials[2].materialId: required field is missing" },
    { parse_material_use, NULL, "{\"materialId\": \"M\", \"composition\": []}",
      "composition: expected a number" },
    { parse_packaging_use, "packaging[1]", "{\"packagingId\": \"P\", \"amount\": \"one\"}",
      "packaging[1].amount: expected a number" },
    { parse_packaging_use, "packaging[1]", "{\"amount\": 1}",
      "packaging[1].packagingId: required field is missing" },
    { parse_packaging_use, "packaging[1]", "{\"packagingId\": \"P\", \"weightInformation\": {\"convertedToKg\": \"1\"}}",
      "packaging[1].weightInformation.convertedToKg: expected a number" },
    { parse_packaging_use, "packaging[1]", "{\"packagingId\": \"P\", \"dataSource\": 1}",
      "packaging[1].dataSource: expected a string" },
    { parse_component_use, "components[0]", "{\"componentId\": \"C\", \"unit\": [3]}",
      "components[0].unit: expected a number" },
    { parse_component_use, "components[0]", "{\"componentId\": \"C\", \"name\": {}}",
      "components[0].name: expected a string" },
    { parse_component_use, "components[0]", "{\"componentId\": \"C\", \"weightInformation\": 1}",
      "components[0].weightInformation: expected an object" },
    { parse_component_use, "components[0]", "{\"componentId\": \"\"}",
      "components[0].componentId: must not be empty" },
    /* Another kind's number is an unknown member here: kept, not read. */
    { parse_component_use, "components[0]", "{\"componentId\": \"C\", \"amount\": \"x\", \"netUse\": {}}",
      NULL },
    { parse_packaging_use, "packaging[0]", "{\"packagingId\": \"P\", \"unit\": \"x\", \"composition\": []}",
      NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse_json (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) use = NULL;

      g_test_message ("%s", cases[i].json);
      use = cases[i].parser (node_object (node), cases[i].path, &error);
      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (use);
          continue;
        }

      g_assert_null (use);
      g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* Smaller models */

static void
test_country (void)
{
  g_autoptr(AttCountry) made = att_country_new ("FR", "France");
  g_autoptr(JsonNode) made_json = att_country_to_json (made);
  g_autoptr(JsonNode) expected = parse_json ("{\"code\": \"FR\", \"name\": \"France\"}");
  g_autoptr(JsonNode) node = parse_json ("{\"code\": \"RAS\", \"name\": \"Asia\", \"isRegion\": true}");
  g_autoptr(GError) error = NULL;
  g_autoptr(AttCountry) parsed = NULL;
  g_autoptr(JsonNode) parsed_json = NULL;
  g_autoptr(JsonNode) parsed_request = NULL;
  g_autofree char *code = NULL;

  g_assert_null (att_country_get_json (made));
  g_assert_true (json_node_equal (made_json, expected));
  g_object_get (made, "code", &code, NULL);
  g_assert_cmpstr (code, ==, "FR");

  parsed = att_country_new_from_json (node_object (node), "frenchLabelCountry", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_country_get_code (parsed), ==, "RAS");
  g_assert_cmpstr (att_country_get_name (parsed), ==, "Asia");

  parsed_json = att_country_to_json (parsed);
  g_assert_true (json_node_equal (parsed_json, node));
  parsed_request = att_country_to_request_json (parsed);
  g_assert_cmpuint (json_object_get_size (node_object (parsed_request)), ==, 2);
}

static void
check_catalogue (const char *file,
                 const char *first_type,
                 guint      *out_n_items)
{
  g_autofree char *filename = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonObject) wrapper = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(AttCatalogItem) first = NULL;
  gsize length;

  filename = g_test_build_filename (G_TEST_DIST, "..", "data", "catalogue", file, NULL);
  g_file_get_contents (filename, &contents, &length, &error);
  g_assert_no_error (error);
  root = att_json_parse (contents, (gssize) length, &error);
  g_assert_no_error (error);

  /* As a search answer would carry them. */
  json_object_set_member (wrapper, "results", g_steal_pointer (&root));
  store = att_json_get_object_list (wrapper, "results", NULL, ATT_TYPE_CATALOG_ITEM,
                                    parse_catalog_item, &error);
  g_assert_no_error (error);

  *out_n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  first = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_nonnull (att_catalog_item_get_id (first));
  g_assert_nonnull (att_catalog_item_get_name (first));
  g_assert_cmpstr (att_catalog_item_get_item_type (first), ==, first_type);
  read_all_properties (G_OBJECT (first));
}

static void
test_catalog_item (void)
{
  g_autoptr(JsonNode) node = parse_json ("{\"_id\": \"MatTX0001\", \"name\": \"Cotton\", \"type\": \"Textiles\","
                                          " \"description\": \"d\", \"code\": \"ei-coton\","
                                          " \"dataSource\": \"Ecobalyse\", \"isCustomMaterial\": false}");
  g_autoptr(JsonNode) bad = parse_json ("{\"name\": \"No id\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(AttCatalogItem) item = NULL;
  g_autoptr(AttCatalogItem) missing = NULL;
  g_autoptr(JsonNode) item_json = NULL;
  guint n_items;

  item = att_catalog_item_new_from_json (node_object (node), "results[0]", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_catalog_item_get_id (item), ==, "MatTX0001");
  g_assert_cmpstr (att_catalog_item_get_name (item), ==, "Cotton");
  g_assert_cmpstr (att_catalog_item_get_item_type (item), ==, "Textiles");
  g_assert_cmpstr (att_catalog_item_get_description (item), ==, "d");
  g_assert_cmpstr (att_catalog_item_get_code (item), ==, "ei-coton");
  g_assert_cmpstr (att_catalog_item_get_data_source (item), ==, "Ecobalyse");
  item_json = att_catalog_item_to_json (item);
  g_assert_true (json_node_equal (item_json, node));

  missing = att_catalog_item_new_from_json (node_object (bad), "results[4]", &error);
  g_assert_null (missing);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (error->message, ==, "results[4]._id: required field is missing");

  /* The sandbox's catalogue parses whole. */
  check_catalogue ("materials.json", "Textiles", &n_items);
  g_assert_cmpuint (n_items, ==, 179);
  check_catalogue ("packaging.json", "bag", &n_items);
  g_assert_cmpuint (n_items, >, 0);
  check_catalogue ("components.json", "fastener", &n_items);
  g_assert_cmpuint (n_items, >, 0);
}

/* The impacts table */

static double
json_number_or_nan (JsonObject *object,
                    const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NAN;
  return json_node_get_double (node);
}

static void
assert_same_number (double a,
                    double b)
{
  if (isnan (b))
    g_assert_true (isnan (a));
  else
    g_assert_cmpfloat_with_epsilon (a, b, MAX (fabs (b) * 1e-12, 1e-300));
}

static void
test_impacts (void)
{
  g_autofree char *filename = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const AttImpactInfo *impacts;
  JsonArray           *reference;
  double               pef_sum = 0, ecs_sum = 0;
  guint                n_impacts = 0;
  gsize                length;

  impacts = att_impacts_get_all (&n_impacts);
  g_assert_cmpuint (n_impacts, ==, 21);

  /* The table says what data/catalogue/impacts.json says, in its order. */
  filename = g_test_build_filename (G_TEST_DIST, "..", "data", "catalogue", "impacts.json", NULL);
  g_file_get_contents (filename, &contents, &length, &error);
  g_assert_no_error (error);
  root = att_json_parse (contents, (gssize) length, &error);
  g_assert_no_error (error);
  reference = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (reference), ==, n_impacts);

  for (guint i = 0; i < n_impacts; i++)
    {
      JsonObject *row = json_array_get_object_element (reference, i);

      g_assert_cmpstr (impacts[i].key, ==, json_object_get_string_member (row, "key"));
      g_assert_cmpstr (impacts[i].label, ==, json_object_get_string_member (row, "labelEn"));
      g_assert_cmpstr (impacts[i].unit, ==, json_object_get_string_member (row, "unit"));
      g_assert_cmpint (impacts[i].aggregate, ==, json_object_get_boolean_member (row, "aggregate"));
      assert_same_number (impacts[i].normalization, json_number_or_nan (row, "normalization"));
      assert_same_number (impacts[i].pef_weight, json_number_or_nan (row, "pefWeight"));
      assert_same_number (impacts[i].ecs_weight, json_number_or_nan (row, "ecsWeight"));

      g_assert_true (att_impacts_lookup (impacts[i].key) == &impacts[i]);

      if (!isnan (impacts[i].pef_weight))
        pef_sum += impacts[i].pef_weight;
      if (!isnan (impacts[i].ecs_weight))
        ecs_sum += impacts[i].ecs_weight;
    }

  g_assert_cmpfloat_with_epsilon (pef_sum, 1.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (ecs_sum, 1.0, 1e-6);

  g_assert_cmpstr (att_impacts_lookup ("cch")->label, ==, "Climate change");
  g_assert_true (att_impacts_lookup ("ecs")->aggregate);
  g_assert_true (att_impacts_lookup ("pef")->aggregate);
  g_assert_true (isnan (att_impacts_lookup ("etf")->ecs_weight));
  g_assert_null (att_impacts_lookup ("bvi"));
  g_assert_null (att_impacts_lookup (""));
}

/* The readers themselves */

static void
test_readers (void)
{
  g_autoptr(JsonNode) node = parse_json ("{\"i\": 3, \"d\": 3.0, \"f\": 3.5, \"s\": \"x\", \"b\": true,"
                                          " \"n\": null, \"big\": 1e300}");
  JsonObject *object = node_object (node);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) copy = NULL;
  g_autoptr(JsonNode) copy_node = NULL;
  g_autofree char *path = NULL;

  g_assert_cmpint (att_json_get_int (object, "i", NULL, TRUE, -1, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (att_json_get_int (object, "d", NULL, TRUE, -1, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (att_json_get_int (object, "n", NULL, FALSE, -1, &error), ==, -1);
  g_assert_no_error (error);
  g_assert_cmpint (att_json_get_int (object, "f", "x.y", TRUE, -1, &error), ==, -1);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (error->message, ==, "x.y.f: expected an integer");
  g_clear_error (&error);
  g_assert_cmpint (att_json_get_int (object, "big", NULL, TRUE, -1, &error), ==, -1);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE);
  g_clear_error (&error);

  g_assert_cmpfloat (att_json_get_double (object, "i", NULL, TRUE, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_true (isnan (att_json_get_double (object, "missing", NULL, FALSE, &error)));
  g_assert_no_error (error);
  g_assert_true (isnan (att_json_get_double (object, "s", NULL, FALSE, &error)));
  g_assert_cmpstr (error->message, ==, "s: expected a number");
  g_clear_error (&error);

  g_assert_true (att_json_get_boolean (object, "b", NULL, FALSE, FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (att_json_get_string (object, "n", NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (att_json_get_object (object, "i", NULL, FALSE, &error));
  g_assert_cmpstr (error->message, ==, "i: expected an object");
  g_clear_error (&error);
  g_assert_null (att_json_get_array (object, "missing", "a[1]", TRUE, &error));
  g_assert_cmpstr (error->message, ==, "a[1].missing: required field is missing");
  g_clear_error (&error);

  g_assert_true (att_json_has_member (object, "s"));
  g_assert_false (att_json_has_member (object, "n"));
  g_assert_false (att_json_has_member (object, "missing"));

  path = att_json_path_index ("materials", 2);
  g_assert_cmpstr (path, ==, "materials[2]");

  copy = att_json_object_copy (object);
  copy_node = json_node_init_object (json_node_alloc (), copy);
  g_assert_true (copy != object);
  g_assert_true (json_node_equal (copy_node, node));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/seed/create-response", test_seed_create_response);
  g_test_add_func ("/json/seed/update-response", test_seed_update_response);
  g_test_add_func ("/json/seed/create-request", test_seed_create_request);
  g_test_add_func ("/json/seed/walkthrough-request", test_seed_walkthrough_request);
  g_test_add_func ("/json/seed/update-request", test_seed_update_request);
  g_test_add_func ("/json/product/values", test_product_values);
  g_test_add_func ("/json/product/errors", test_errors);
  g_test_add_func ("/json/product/garbage", test_garbage);
  g_test_add_func ("/json/product/null-is-absent", test_null_is_absent);
  g_test_add_func ("/json/product/unknown-fields-round-trip", test_unknown_fields_round_trip);
  g_test_add_func ("/json/product/created-on", test_created_on);
  g_test_add_func ("/json/product/create-request", test_create_request);
  g_test_add_func ("/json/product/weight", test_weight);
  g_test_add_func ("/json/product/placeholder", test_placeholder);
  g_test_add_func ("/json/purchase-order/date", test_purchase_date);
  g_test_add_func ("/json/catalog-use/round-trip", test_catalog_use_round_trip);
  g_test_add_func ("/json/catalog-use/getters", test_catalog_use_getters);
  g_test_add_func ("/json/catalog-use/properties", test_catalog_use_properties);
  g_test_add_func ("/json/catalog-use/errors", test_catalog_use_errors);
  g_test_add_func ("/json/country", test_country);
  g_test_add_func ("/json/catalog-item", test_catalog_item);
  g_test_add_func ("/json/impacts", test_impacts);
  g_test_add_func ("/json/readers", test_readers);

  return g_test_run ();
}
