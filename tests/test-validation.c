/* test-validation.c: the product rules (api-higg.md §6, V1-V13) and bad
 * input, at their boundaries, and the sandbox enforcing the same rules as
 * the app's own checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "att-error.h"
#include "att-gtin.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-json.h"
#include "att-product-edit.h"
#include "att-product.h"
#include "att-sandbox.h"
#include "att-test-utils.h"
#include "att-validation.h"

/* A create body that passes every rule and names entries of the sandbox's
 * catalogue, with every eco-score prerequisite. */
static const char valid_create[] =
  "{"
  "  \"name\": \"Validation Tee\","
  "  \"weight\": 250,"
  "  \"weightMeasureUnit\": \"grams\","
  "  \"weightIsPrimaryData\": true,"
  "  \"isMaterialWeight\": false,"
  "  \"categoryExpansionId\": \"ApparelAccessories-TopsBlouses-TShirts\","
  "  \"size\": \"Adult\","
  "  \"identifier\": \"4006381333931\","
  "  \"identifierType\": \"GTIN\","
  "  \"tags\": [\"validation\"],"
  "  \"materials\": ["
  "    {\"materialId\": \"MatTX0053\", \"netUse\": 80, \"composition\": 95},"
  "    {\"materialId\": \"MatTX0016\", \"netUse\": 90, \"composition\": 5}"
  "  ],"
  "  \"packaging\": [{\"packagingId\": \"Pkg0002\", \"amount\": 1},"
  "                  {\"packagingId\": \"Pkg0001\", \"amount\": 2}],"
  "  \"components\": [{\"componentId\": \"Cmp0032\", \"unit\": 1},"
  "                   {\"componentId\": \"Cmp0001\", \"unit\": 4}],"
  "  \"purchaseOrder\": ["
  "    {\"purchaseOrderId\": \"PO-1\", \"purchaseDate\": \"2024-03-15\", \"amountPurchase\": 500,"
  "     \"assembly\": {\"femId\": \"fem-123\"}},"
  "    {\"purchaseOrderId\": \"PO-2\", \"purchaseDate\": \"2024-05-01\", \"amountPurchase\": 1200}"
  "  ],"
  "  \"frenchLabelCountry\": {\"code\": \"FR\", \"name\": \"France\"},"
  "  \"frenchLabelDyeingCountry\": {\"code\": \"CN\", \"name\": \"China\"},"
  "  \"frenchLabelFabricCountry\": {\"code\": \"IN\", \"name\": \"India\"},"
  "  \"frenchLabelOptionalFields\": {\"business\": \"small-business\", \"price\": 20,"
  "    \"numberOfReferences\": 100, \"upcycled\": false}"
  "}";

/* The container of the last step of @path (`materials[1].composition`),
 * and that step: a member name, or an index into an array. */
static JsonNode *
walk (JsonNode   *root,
      const char *path,
      char      **out_member,
      gint       *out_index)
{
  g_auto(GStrv) steps = g_regex_split_simple ("[.\\[\\]]+", path, 0, 0);
  JsonNode *node = root;
  guint     n = g_strv_length (steps);

  /* A trailing "]" leaves an empty last step. */
  while (n > 0 && *steps[n - 1] == '\0')
    n--;

  for (guint i = 0; i + 1 < n; i++)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        node = json_array_get_element (json_node_get_array (node), (guint) atoi (steps[i]));
      else
        node = json_object_get_member (json_node_get_object (node), steps[i]);
      g_assert_nonnull (node);
    }

  *out_member = g_strdup (steps[n - 1]);
  *out_index = JSON_NODE_HOLDS_ARRAY (node) ? atoi (steps[n - 1]) : -1;
  return node;
}

/* Sets the member at @path to the JSON @value, or removes it (a member, or
 * an element of an array) when @value is %NULL. */
static void
set_path (JsonObject *root,
          const char *path,
          const char *value)
{
  g_autoptr(JsonNode) root_node = json_node_init_object (json_node_alloc (), root);
  g_autofree char *member = NULL;
  gint             index;
  JsonNode        *parent = walk (root_node, path, &member, &index);

  if (JSON_NODE_HOLDS_ARRAY (parent))
    {
      JsonArray *array = json_node_get_array (parent);

      g_assert_cmpint (index, >=, 0);
      if (value == NULL)
        json_array_remove_element (array, (guint) index);
      else if ((guint) index == json_array_get_length (array))
        json_array_add_element (array, att_test_parse_value (value));
      else
        g_error ("Replacing an array element is not needed by these tests: %s", path);
    }
  else if (value == NULL)
    json_object_remove_member (json_node_get_object (parent), member);
  else
    json_object_set_member (json_node_get_object (parent), member, att_test_parse_value (value));
}

/* The rules at their boundaries ---------------------------------------------- */

/* 255 characters, each of two bytes in UTF-8: the limit counts characters. */
#define LONG_255 "Ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé"

typedef struct
{
  const char *name;
  /* Up to three changes to the valid body: a path and its new JSON value,
   * NULL to remove. */
  const char *changes[3][2];
  /* The paths the errors name, sorted, space-separated; "" if valid. */
  const char *expected;
  /* For an accepted update: the field the server computes anew, so its
   * copy differs there from what was sent (or NULL). */
  const char *recomputed;
} Case;

static const Case create_cases[] = {
  { "valid", { { NULL } }, "" },
  /* V1 */
  { "V1 name required", { { "name", NULL } }, "name" },
  { "V1 name not blank", { { "name", "\"  \"" } }, "name" },
  { "V1 materials required", { { "materials", NULL } }, "materials" },
  { "V1 materials not empty", { { "materials", "[]" } }, "materials" },
  /* V2 */
  { "V2 materialId", { { "materials[0].materialId", NULL } }, "materials[0].materialId" },
  { "V2 netUse", { { "materials[0].netUse", NULL } }, "materials[0].netUse" },
  { "V2 packagingId", { { "packaging[0].packagingId", NULL } }, "packaging[0].packagingId" },
  { "V2 amount", { { "packaging[1].amount", NULL } }, "packaging[1].amount" },
  { "V2 amount 0", { { "packaging[1].amount", "0" } }, "packaging[1].amount" },
  { "V2 componentId", { { "components[1].componentId", NULL } }, "components[1].componentId" },
  { "V2 unit", { { "components[0].unit", NULL } }, "components[0].unit" },
  { "V2 unit negative", { { "components[0].unit", "-1" } }, "components[0].unit" },
  /* V3: each composition 1-100, whole, and their sum exactly 100 */
  { "V3 composition 0", { { "materials[0].composition", "0" }, { "materials[1].composition", "100" } }, "materials[0].composition" },
  { "V3 composition 1", { { "materials[0].composition", "1" }, { "materials[1].composition", "99" } }, "" },
  { "V3 composition 100", { { "materials[1]", NULL }, { "materials[0].composition", "100" } }, "" },
  { "V3 composition 101", { { "materials[1]", NULL }, { "materials[0].composition", "101" } }, "materials[0].composition" },
  { "V3 composition whole", { { "materials[0].composition", "94.5" }, { "materials[1].composition", "5.5" } }, "materials[0].composition materials[1].composition" },
  { "V3 sum 99", { { "materials[0].composition", "94" } }, "materials" },
  { "V3 sum 100", { { "materials[0].composition", "95" } }, "" },
  { "V3 sum 101", { { "materials[0].composition", "96" } }, "materials" },
  { "V3 all or none", { { "materials[1].composition", NULL } }, "materials[1].composition" },
  { "V3 none", { { "materials[0].composition", NULL }, { "materials[1].composition", NULL } }, "" },
  /* V4 */
  { "V4 netUse 0", { { "materials[0].netUse", "0" } }, "materials[0].netUse" },
  { "V4 netUse 1", { { "materials[0].netUse", "1" } }, "" },
  { "V4 netUse 100", { { "materials[0].netUse", "100" } }, "" },
  { "V4 netUse 101", { { "materials[0].netUse", "101" } }, "materials[0].netUse" },
  /* V5 */
  { "V5 weight required", { { "weight", NULL } }, "weight" },
  { "V5 weight from materials", { { "weight", NULL }, { "isMaterialWeight", "true" } }, "" },
  { "V5 weight null", { { "weight", "null" } }, "weight" },
  { "V5 weight 0", { { "weight", "0" } }, "weight" },
  { "V5 weight negative", { { "weight", "-250" } }, "weight" },
  { "V5 weight small", { { "weight", "0.01" } }, "" },
  /* V6 */
  { "V6 unit enum", { { "weightMeasureUnit", "\"stone\"" } }, "weightMeasureUnit" },
  { "V6 unit kilograms", { { "weightMeasureUnit", "\"kilograms\"" } }, "" },
  { "V6 unit omitted", { { "weightMeasureUnit", NULL } }, "" },
  /* V7 */
  { "V7 femId required", { { "purchaseOrder[0].assembly.femId", NULL } }, "purchaseOrder[0].assembly.femId" },
  { "V7 femId not blank", { { "purchaseOrder[0].assembly.femId", "\"\"" } }, "purchaseOrder[0].assembly.femId" },
  { "V7 no assembly", { { "purchaseOrder[0].assembly", NULL } }, "" },
  { "V7 purchaseOrderId", { { "purchaseOrder[1].purchaseOrderId", NULL } }, "purchaseOrder[1].purchaseOrderId" },
  { "V7 date shape", { { "purchaseOrder[1].purchaseDate", "\"01/05/2024\"" } }, "purchaseOrder[1].purchaseDate" },
  { "V7 date real", { { "purchaseOrder[1].purchaseDate", "\"2023-02-29\"" } }, "purchaseOrder[1].purchaseDate" },
  { "V7 date leap", { { "purchaseOrder[1].purchaseDate", "\"2024-02-29\"" } }, "" },
  { "V7 amount 0", { { "purchaseOrder[1].amountPurchase", "0" } }, "" },
  { "V7 amount negative", { { "purchaseOrder[1].amountPurchase", "-1" } }, "purchaseOrder[1].amountPurchase" },
  /* V10-V12 are warnings: a create without them is valid */
  { "V10 no countries", { { "frenchLabelCountry", NULL }, { "frenchLabelDyeingCountry", NULL }, { "frenchLabelFabricCountry", NULL } }, "" },
  { "V10 not primary data", { { "weightIsPrimaryData", "false" } }, "" },
  { "V12 no category or size", { { "categoryExpansionId", NULL }, { "size", NULL } }, "" },
  /* V13 */
  { "V13 references 0", { { "frenchLabelOptionalFields.numberOfReferences", "0" } }, "frenchLabelOptionalFields.numberOfReferences" },
  { "V13 references 1", { { "frenchLabelOptionalFields.numberOfReferences", "1" } }, "" },
  { "V13 references 999999", { { "frenchLabelOptionalFields.numberOfReferences", "999999" } }, "" },
  { "V13 references 1000000", { { "frenchLabelOptionalFields.numberOfReferences", "1000000" } }, "frenchLabelOptionalFields.numberOfReferences" },
  { "V13 references whole", { { "frenchLabelOptionalFields.numberOfReferences", "10.5" } }, "frenchLabelOptionalFields.numberOfReferences" },
  { "V13 price 0", { { "frenchLabelOptionalFields.price", "0" } }, "frenchLabelOptionalFields.price" },
  { "V13 price 1", { { "frenchLabelOptionalFields.price", "1" } }, "" },
  { "V13 price 1000", { { "frenchLabelOptionalFields.price", "1000" } }, "" },
  { "V13 price 1001", { { "frenchLabelOptionalFields.price", "1001" } }, "frenchLabelOptionalFields.price" },
  { "V13 null clears", { { "frenchLabelOptionalFields.price", "null" }, { "frenchLabelOptionalFields.business", "null" } }, "" },
  { "V13 business enum", { { "frenchLabelOptionalFields.business", "\"huge\"" } }, "frenchLabelOptionalFields.business" },
  /* Bad input */
  { "tab in name", { { "name", "\"Tee\\tshirt\"" } }, "name" },
  { "line break in name", { { "name", "\"Tee\\nshirt\"" } }, "name" },
  { "escape in name", { { "name", "\"Tee\\u001b[31m\"" } }, "name" },
  { "C1 control in tag", { { "tags", "[\"ok\", \"bad\\u0085\"]" } }, "tags[1]" },
  { "control in PO id", { { "purchaseOrder[0].purchaseOrderId", "\"PO\\u0001\"" } }, "purchaseOrder[0].purchaseOrderId" },
  { "name 255 characters", { { "name", "\"" LONG_255 "\"" } }, "" },
  { "name 256 characters", { { "name", "\"" LONG_255 "x\"" } }, "name" },
  { "duplicate material", { { "materials[1].materialId", "\"MatTX0053\"" } }, "materials[1].materialId" },
  { "duplicate packaging", { { "packaging[1].packagingId", "\"Pkg0002\"" } }, "packaging[1].packagingId" },
  { "duplicate component", { { "components[0].componentId", "\"Cmp0001\"" } }, "components[1].componentId" },
  /* GTIN */
  { "GTIN-13 check digit", { { "identifier", "\"4006381333932\"" } }, "identifier" },
  { "GTIN-8", { { "identifier", "\"96385074\"" } }, "" },
  { "GTIN-12", { { "identifier", "\"036000291452\"" } }, "" },
  { "GTIN-14", { { "identifier", "\"00012345678905\"" } }, "" },
  { "GTIN length", { { "identifier", "\"400638133393\"" } }, "identifier" },
  { "GTIN letters", { { "identifier", "\"40063813339A1\"" } }, "identifier" },
  { "SKU is free text", { { "identifier", "\"4006381333932\"" }, { "identifierType", "\"SKU\"" } }, "" },
};

static JsonObject *
case_body (const Case *c)
{
  JsonObject *body = att_test_parse_object (valid_create);

  for (guint i = 0; i < G_N_ELEMENTS (c->changes) && c->changes[i][0] != NULL; i++)
    set_path (body, c->changes[i][0], c->changes[i][1]);

  return body;
}

static void
test_create_rules (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (create_cases); i++)
    {
      const Case *c = &create_cases[i];
      g_autoptr(JsonObject) body = case_body (c);
      g_autoptr(GPtrArray) errors = att_validate_product_create (body);
      g_autofree char *paths = att_test_field_error_paths (errors);

      g_test_message ("%s", c->name);
      g_assert_cmpstr (paths, ==, c->expected);
      for (guint j = 0; j < errors->len; j++)
        g_assert_cmpstr (((AttFieldError *) g_ptr_array_index (errors, j))->message, !=, "");
    }
}

static void
test_long_name (void)
{
  g_autoptr(JsonObject) body = att_test_parse_object (valid_create);
  g_autofree char *name = g_strnfill (10000, 'a');
  g_autoptr(GPtrArray) errors = NULL;
  AttFieldError *error;

  json_object_set_string_member (body, "name", name);
  errors = att_validate_product_create (body);
  g_assert_cmpuint (errors->len, ==, 1);
  error = g_ptr_array_index (errors, 0);
  g_assert_cmpstr (error->path, ==, "name");
  /* The message says how long a name may be and how long this one is. */
  g_assert_nonnull (strstr (error->message, "255"));
  g_assert_nonnull (strstr (error->message, "10000"));
}

/* Numbers JSON cannot carry, as a form might hold them. */
static void
test_not_finite (void)
{
  const double values[] = { NAN, INFINITY, -INFINITY };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(JsonObject) body = att_test_parse_object (valid_create);
      JsonObject *material = json_array_get_object_element (json_object_get_array_member (body, "materials"), 1);
      JsonObject *po = json_array_get_object_element (json_object_get_array_member (body, "purchaseOrder"), 0);
      g_autoptr(GPtrArray) errors = NULL;
      g_autofree char *paths = NULL;

      json_object_set_double_member (body, "weight", values[i]);
      json_object_set_double_member (material, "netUse", values[i]);
      json_object_set_double_member (po, "amountPurchase", values[i]);
      errors = att_validate_product_create (body);
      paths = att_test_field_error_paths (errors);
      g_assert_cmpstr (paths, ==, "materials[1].netUse purchaseOrder[0].amountPurchase weight");
    }
}

typedef struct
{
  const char *name;
  const char *body;
  gboolean    stored_is_material_weight;
  const char *expected;
} UpdateCase;

static const UpdateCase update_cases[] = {
  { "empty", "{}", FALSE, "" },
  /* V5 on update: only when the weight is changed */
  { "V5 weight kept", "{\"name\": \"x\"}", FALSE, "" },
  { "V5 weight cleared", "{\"weight\": null}", FALSE, "weight" },
  { "V5 weight cleared, from materials", "{\"weight\": null}", TRUE, "" },
  { "V5 weight cleared, flag turned off", "{\"weight\": null, \"isMaterialWeight\": false}", TRUE, "weight" },
  /* V8 */
  { "V8 update needs _id", "{\"updatePurchaseOrder\": [{\"amountPurchase\": 3}]}", FALSE, "updatePurchaseOrder[0]._id" },
  { "V8 update with _id", "{\"updatePurchaseOrder\": [{\"_id\": \"a\", \"amountPurchase\": 3}]}", FALSE, "" },
  { "V8 update twice", "{\"updatePurchaseOrder\": [{\"_id\": \"a\"}, {\"_id\": \"a\"}]}", FALSE, "updatePurchaseOrder[1]._id" },
  { "V8 remove ids", "{\"removePurchaseOrder\": [\"a\", \"\", 3, \"a\"]}", FALSE, "removePurchaseOrder[1] removePurchaseOrder[2] removePurchaseOrder[3]" },
  { "V8 add is a full PO", "{\"addPurchaseOrder\": [{\"purchaseDate\": \"2024-01-01\", \"amountPurchase\": 1}]}", FALSE, "addPurchaseOrder[0].purchaseOrderId" },
  { "V8 no purchaseOrder", "{\"purchaseOrder\": []}", FALSE, "purchaseOrder" },
  /* V9: a list sent replaces, so it must be valid whole */
  { "V9 materials emptied", "{\"materials\": []}", FALSE, "materials" },
  { "V9 materials null", "{\"materials\": null}", FALSE, "materials" },
  { "V9 packaging emptied", "{\"packaging\": []}", FALSE, "" },
  { "V9 materials sum", "{\"materials\": [{\"materialId\": \"M\", \"netUse\": 1, \"composition\": 99}]}", FALSE, "materials" },
  /* the GTIN rule needs the type in the body */
  { "GTIN with type", "{\"identifier\": \"4006381333932\", \"identifierType\": \"GTIN\"}", FALSE, "identifier" },
  { "name too long", "{\"name\": \"" LONG_255 "é\"}", FALSE, "name" },
};

static void
test_update_rules (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (update_cases); i++)
    {
      const UpdateCase *c = &update_cases[i];
      g_autoptr(JsonObject) body = att_test_parse_object (c->body);
      g_autoptr(GPtrArray) errors = att_validate_product_update (body, c->stored_is_material_weight);
      g_autofree char *paths = att_test_field_error_paths (errors);

      g_test_message ("%s", c->name);
      g_assert_cmpstr (paths, ==, c->expected);
    }
}

/* V10-V12: what an eco-score needs only warns. */
static void
test_eco_score_warnings (void)
{
  static const struct
  {
    const char *change;
    const char *value;
    const char *expected;
  } cases[] = {
    { NULL, NULL, "" },
    { "weight", NULL, "weight" },
    { "weightMeasureUnit", NULL, "weightMeasureUnit" },
    { "weightIsPrimaryData", "false", "weightIsPrimaryData" },
    { "weightIsPrimaryData", NULL, "weightIsPrimaryData" },
    { "frenchLabelCountry", NULL, "frenchLabelCountry" },
    { "frenchLabelDyeingCountry", NULL, "frenchLabelDyeingCountry" },
    { "frenchLabelFabricCountry", NULL, "frenchLabelFabricCountry" },
    { "categoryExpansionId", NULL, "categoryExpansionId" },
    { "size", NULL, "size" },
    { "materials[0].isCustomMaterial", "true", "materials[0]" },
    { "materials[1].isMsiMaterial", "true", "materials[1]" },
    { "materials[1].isMsiMaterial", "false", "" },
    { "materials[0].composition", NULL, "materials[0].composition" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) body = att_test_parse_object (valid_create);
      g_autoptr(GPtrArray) warnings = NULL;
      g_autofree char *paths = NULL;

      if (cases[i].change != NULL)
        set_path (body, cases[i].change, cases[i].value);
      warnings = att_validate_product_eco_score (body);
      paths = att_test_field_error_paths (warnings);
      g_assert_cmpstr (paths, ==, cases[i].expected);
    }
}

/* GTIN ------------------------------------------------------------------------ */

static void
test_gtin (void)
{
  static const struct
  {
    const char *text;
    const char *gtin14;
  } valid[] = {
    { "96385074", "00000096385074" },       /* GTIN-8 */
    { "036000291452", "00036000291452" },   /* GTIN-12 (UPC-A) */
    { "4006381333931", "04006381333931" },  /* GTIN-13 */
    { "3760123450010", "03760123450010" },  /* GTIN-13, check digit 0 */
    { "00012345678905", "00012345678905" }, /* GTIN-14 */
    { "10012345678902", "10012345678902" }, /* GTIN-14, indicator digit 1 */
  };
  static const struct
  {
    const char *text;
    int         code;
    const char *says;
  } invalid[] = {
    { "4006381333932", ATT_GTIN_ERROR_CHECK_DIGIT, "expected 1" },
    { "96385075", ATT_GTIN_ERROR_CHECK_DIGIT, "expected 4" },
    { "036000291450", ATT_GTIN_ERROR_CHECK_DIGIT, "expected 2" },
    { "10012345678901", ATT_GTIN_ERROR_CHECK_DIGIT, "expected 2" },
    { "3760123450017", ATT_GTIN_ERROR_CHECK_DIGIT, "expected 0" },
    { "1234567", ATT_GTIN_ERROR_LENGTH, "7" },
    { "123456789", ATT_GTIN_ERROR_LENGTH, "9" },
    { "123456789012345", ATT_GTIN_ERROR_LENGTH, "15" },
    { "", ATT_GTIN_ERROR_LENGTH, "0" },
    { "4006381 333931", ATT_GTIN_ERROR_NOT_DIGITS, "digits" },
    { "-4006381333931", ATT_GTIN_ERROR_NOT_DIGITS, "digits" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *gtin14 = NULL;

      g_assert_true (att_gtin_normalize (valid[i].text, &gtin14, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (gtin14, ==, valid[i].gtin14);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *gtin14 = NULL;

      g_assert_false (att_gtin_normalize (invalid[i].text, &gtin14, &error));
      g_assert_error (error, ATT_GTIN_ERROR, invalid[i].code);
      g_assert_null (gtin14);
      g_assert_nonnull (strstr (error->message, invalid[i].says));
    }
}

/* The sandbox agrees --------------------------------------------------------- */

typedef struct
{
  AttSandbox    *sandbox;
  AttHttp       *http;
  AttHiggClient *client;
} Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (fixture->sandbox, &fixture->http, &fixture->client, NULL);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  att_test_sandbox_disconnect (&fixture->sandbox, &fixture->http, &fixture->client);
}

/* The server's field paths, in the state's terms for an update. */
static char *
server_paths (GError         *error,
              AttProductEdit *edit)
{
  GPtrArray *fields;
  g_autoptr(GPtrArray) mapped = att_field_error_array_new ();

  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION);
  g_assert_cmpuint (att_api_error_get_http_status (error), ==, 400);
  fields = att_api_error_get_field_errors (error);
  g_assert_nonnull (fields);

  for (guint i = 0; i < fields->len; i++)
    {
      AttFieldError   *field = g_ptr_array_index (fields, i);
      g_autofree char *path = att_product_edit_map_request_path (edit, field->path);

      g_ptr_array_add (mapped, att_field_error_new (path, field->message));
    }

  return att_test_field_error_paths (mapped);
}

/* Copies every member of @body into a new product's edit, as a form would
 * set them one by one. */
static AttProductEdit *
edit_from_body (JsonObject *body)
{
  AttProductEdit *edit = att_product_edit_new ();
  JsonObjectIter  iter;
  const char     *member;
  JsonNode       *value;

  json_object_iter_init (&iter, body);
  while (json_object_iter_next (&iter, &member, &value))
    att_product_edit_set (edit, member, value);

  return edit;
}

/* Each create case, through an AttProductEdit, to products/create: what
 * the edit refuses, the server refuses with the same paths; what it
 * accepts, the server stores. */
static void
test_agree_create (Fixture      *fixture,
                   gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (create_cases); i++)
    {
      const Case *c = &create_cases[i];
      g_autoptr(JsonObject) body = case_body (c);
      g_autoptr(AttProductEdit) edit = edit_from_body (body);
      g_autoptr(GPtrArray) errors = att_product_edit_validate (edit, NULL);
      g_autofree char *client = att_test_field_error_paths (errors);
      g_autoptr(JsonObject) request = att_product_edit_build_request (edit);
      g_autoptr(GError) error = NULL;
      g_autoptr(AttProduct) product = NULL;

      g_test_message ("%s", c->name);
      g_assert_cmpstr (client, ==, c->expected);
      g_assert_nonnull (request);

      product = att_test_create_product (fixture->client, request, &error);
      if (*c->expected == '\0')
        {
          g_assert_no_error (error);
          g_assert_nonnull (product);
        }
      else
        {
          g_autofree char *server = server_paths (error, edit);

          g_assert_null (product);
          g_assert_cmpstr (server, ==, client);
        }
    }
}

/* Edits of a stored product.  Each applies its changes to the loaded state
 * (a path and a JSON value, NULL to remove); "purchaseOrder[2]" appends a
 * new purchase order. */
static const Case update_edits[] = {
  { "rename", { { "name", "\"Renamed\"" } }, "" },
  { "name blank", { { "name", "\"\"" } }, "name" },
  { "name control", { { "name", "\"a\\u0007b\"" } }, "name" },
  { "name 256", { { "name", "\"" LONG_255 "é\"" } }, "name" },
  { "composition sum", { { "materials[0].composition", "90" } }, "materials" },
  { "composition 0", { { "materials[0].composition", "0" }, { "materials[1].composition", "100" } }, "materials[0].composition" },
  { "composition 1", { { "materials[0].composition", "1" }, { "materials[1].composition", "99" } }, "" },
  { "netUse 101", { { "materials[1].netUse", "101" } }, "materials[1].netUse" },
  { "netUse 100", { { "materials[1].netUse", "100" } }, "" },
  { "duplicate material", { { "materials[1].materialId", "\"MatTX0053\"" } }, "materials[1].materialId" },
  { "weight removed", { { "weight", NULL } }, "weight" },
  { "weight from materials", { { "weight", NULL }, { "isMaterialWeight", "true" } }, "" },
  { "weight 0", { { "weight", "0" } }, "weight" },
  { "price 1001", { { "frenchLabelOptionalFields.price", "1001" } }, "frenchLabelOptionalFields.price" },
  { "price 1000", { { "frenchLabelOptionalFields.price", "1000" } }, "" },
  { "references 1000000", { { "frenchLabelOptionalFields.numberOfReferences", "1000000" } }, "frenchLabelOptionalFields.numberOfReferences" },
  { "references 999999", { { "frenchLabelOptionalFields.numberOfReferences", "999999" } }, "" },
  { "PO date", { { "purchaseOrder[1].purchaseDate", "\"2024-02-30\"" } }, "purchaseOrder[1].purchaseDate" },
  { "PO femId", { { "purchaseOrder[0].assembly.femId", "\"\"" } }, "purchaseOrder[0].assembly.femId" },
  { "PO amount", { { "purchaseOrder[0].amountPurchase", "-5" } }, "purchaseOrder[0].amountPurchase" },
  { "PO added, bad date", { { "purchaseOrder[2]", "{\"purchaseOrderId\": \"PO-3\", \"purchaseDate\": \"2024-13-01\", \"amountPurchase\": 1}" } }, "purchaseOrder[2].purchaseDate" },
  { "PO added", { { "purchaseOrder[2]", "{\"purchaseOrderId\": \"PO-3\", \"purchaseDate\": \"2024-12-01\", \"amountPurchase\": 1}" } }, "", "Purchase orders" },
  { "PO removed", { { "purchaseOrder[0]", NULL } }, "" },
  { "PO removed, other changed", { { "purchaseOrder[0]", NULL }, { "purchaseOrder[0].purchaseDate", "\"2024-06-31\"" } }, "purchaseOrder[0].purchaseDate" },
  { "GTIN check digit", { { "identifier", "\"4006381333932\"" } }, "identifier" },
  { "GTIN changed", { { "identifier", "\"96385074\"" } }, "" },
  { "GTIN to SKU", { { "identifier", "\"4006381333932\"" }, { "identifierType", "\"SKU\"" } }, "" },
};

/* Applies @c to a copy of the edit's state, then sets each top-level
 * member that differs, as a form would. */
static void
apply_edits (AttProductEdit *edit,
             const Case     *c)
{
  g_autoptr(JsonObject) state = att_json_object_copy (att_product_edit_get_state (edit));
  JsonObjectIter iter;
  const char    *member;
  JsonNode      *value;

  for (guint i = 0; i < G_N_ELEMENTS (c->changes) && c->changes[i][0] != NULL; i++)
    set_path (state, c->changes[i][0], c->changes[i][1]);

  json_object_iter_init (&iter, state);
  while (json_object_iter_next (&iter, &member, &value))
    att_product_edit_set (edit, member, value);
  json_object_iter_init (&iter, att_product_edit_get_state (edit));
  while (json_object_iter_next (&iter, &member, &value))
    if (!json_object_has_member (state, member))
      {
        att_product_edit_set (edit, member, NULL);
        /* The iterator is over the edit's state, which just changed. */
        json_object_iter_init (&iter, att_product_edit_get_state (edit));
      }
}

/* What the server stored is what was edited: an edit whose "loaded"
 * product is the edited state finds no difference with the server's copy,
 * except in @recomputed (a field the server derives, or the purchase
 * orders, which the server gives new ids). */
static void
assert_stored (AttProductEdit *edit,
               AttProduct     *stored,
               const char     *recomputed)
{
  g_autoptr(JsonObject) json = att_json_object_copy (att_product_edit_get_state (edit));
  g_autoptr(GError) error = NULL;
  g_autoptr(AttProduct) expected = NULL;
  g_autoptr(AttProductEdit) expected_edit = NULL;
  g_auto(GStrv) differences = NULL;

  json_object_set_string_member (json, "_id", att_product_get_id (stored));
  expected = att_product_new_from_json (json, NULL, &error);
  g_assert_no_error (error);
  expected_edit = att_product_edit_new_for_product (expected);
  differences = att_product_edit_compare_remote (expected_edit, stored);

  if (recomputed == NULL)
    {
      g_autofree char *text = differences != NULL ? g_strjoinv ("; ", differences) : NULL;

      g_assert_cmpstr (text, ==, NULL);
      return;
    }

  g_assert_nonnull (differences);
  g_assert_cmpuint (g_strv_length (differences), ==, 1);
  g_assert_true (g_str_has_prefix (differences[0], recomputed));
}

static void
test_agree_update (Fixture      *fixture,
                   gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (update_edits); i++)
    {
      const Case *c = &update_edits[i];
      g_autoptr(JsonObject) body = att_test_parse_object (valid_create);
      g_autoptr(GError) error = NULL;
      g_autoptr(AttProduct) stored = att_test_create_product (fixture->client, body, &error);
      g_autoptr(AttProductEdit) edit = NULL;
      g_autoptr(GPtrArray) errors = NULL;
      g_autoptr(JsonObject) request = NULL;
      g_autoptr(AttProduct) updated = NULL;
      g_autofree char *client = NULL;

      g_test_message ("%s", c->name);
      g_assert_no_error (error);
      edit = att_product_edit_new_for_product (stored);
      apply_edits (edit, c);
      errors = att_product_edit_validate (edit, NULL);
      client = att_test_field_error_paths (errors);
      g_assert_cmpstr (client, ==, c->expected);

      request = att_product_edit_build_request (edit);
      g_assert_nonnull (request);
      updated = att_test_update_product (fixture->client, att_product_get_id (stored), request, &error);
      if (*c->expected == '\0')
        {
          g_assert_no_error (error);
          g_assert_nonnull (updated);
          assert_stored (edit, updated, c->recomputed);
        }
      else
        {
          g_autofree char *server = server_paths (error, edit);

          g_assert_null (updated);
          g_assert_cmpstr (server, ==, client);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validation/create", test_create_rules);
  g_test_add_func ("/validation/long-name", test_long_name);
  g_test_add_func ("/validation/not-finite", test_not_finite);
  g_test_add_func ("/validation/update", test_update_rules);
  g_test_add_func ("/validation/eco-score-warnings", test_eco_score_warnings);
  g_test_add_func ("/validation/gtin", test_gtin);
  g_test_add ("/validation/agree/create", Fixture, NULL, fixture_setup, test_agree_create, fixture_teardown);
  g_test_add ("/validation/agree/update", Fixture, NULL, fixture_setup, test_agree_update, fixture_teardown);

  return g_test_run ();
}
