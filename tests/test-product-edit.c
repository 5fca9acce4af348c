/* test-product-edit.c: AttProductEdit: the request each edit makes, undo
 * and redo, drafts, duplicates and what changed on the server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "att-error.h"
#include "att-json.h"
#include "att-product-edit.h"
#include "att-product.h"
#include "att-test-utils.h"

/* A product as the server returns it: response spellings, catalogue names,
 * purchase orders with `_id`s and dates in Unix ms. */
static const char product_json[] =
  "{"
  "  \"_id\": \"p1\","
  "  \"name\": \"Shirt\","
  "  \"categoryExpansionId\": \"ApparelAccessories-TopsBlouses-TShirts\","
  "  \"size\": \"Adult\","
  "  \"identifier\": \"4006381333931\","
  "  \"identifierType\": \"GTIN\","
  "  \"tags\": [\"summer\"],"
  "  \"weightInformation\": {\"weight\": 200, \"unit\": \"grams\", \"convertedToKg\": 0.2, \"isPrimaryData\": true},"
  "  \"isMaterialWeight\": false,"
  "  \"materials\": ["
  "    {\"materialId\": \"M1\", \"name\": \"Cotton\", \"netUse\": 75, \"composition\": 60, \"isMsiMaterial\": false,"
  "     \"impacts\": {\"tier4Impact\": 1.5}},"
  "    {\"materialId\": \"M2\", \"name\": \"Polyester\", \"netUse\": 80, \"composition\": 40}"
  "  ],"
  "  \"packaging\": [{\"packagingId\": \"K1\", \"name\": \"Box\", \"amount\": 1}],"
  "  \"components\": [{\"componentId\": \"C1\", \"name\": \"Button\", \"unit\": 4},"
  "                   {\"componentId\": \"C2\", \"name\": \"Zip\", \"unit\": 1}],"
  "  \"purchaseOrder\": ["
  "    {\"_id\": \"po1\", \"purchaseOrderId\": \"A\", \"purchaseDate\": 1710460800000, \"amountPurchase\": 10,"
  "     \"assembly\": {\"femId\": \"f1\", \"facilityName\": \"Mill\"}, \"impactPerUnit\": 3},"
  "    {\"_id\": \"po2\", \"purchaseOrderId\": \"B\", \"purchaseDate\": 1714521600000, \"amountPurchase\": 5}"
  "  ],"
  "  \"frenchLabelManufacturingCountry\": {\"code\": \"FR\", \"name\": \"France\"},"
  "  \"frenchLabelDyeingCountry\": {\"code\": \"CN\", \"name\": \"China\"},"
  "  \"frenchLabelFabricCountry\": {\"code\": \"IN\", \"name\": \"India\"},"
  "  \"frenchLabelOptionalFields\": {\"business\": \"small-business\", \"price\": 20, \"upcycled\": false}"
  "}";

static AttProduct *
make_product (const char *json)
{
  g_autoptr(JsonObject) object = att_test_parse_object (json);
  g_autoptr(GError) error = NULL;
  AttProduct *product = att_product_new_from_json (object, NULL, &error);

  g_assert_no_error (error);
  return product;
}

static AttProductEdit *
make_edit (void)
{
  g_autoptr(AttProduct) product = make_product (product_json);

  return att_product_edit_new_for_product (product);
}

/* Canonical JSON: members sorted at every depth, numbers written one way,
 * so that two objects compare as strings and a failure shows both. */
static void canonical_append (GString  *out,
                              JsonNode *node);

static void
canonical_object (GString    *out,
                  JsonObject *object)
{
  g_autoptr(GList) members = g_list_sort (json_object_get_members (object), (GCompareFunc) g_strcmp0);

  g_string_append_c (out, '{');
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_string_append_printf (out, "%s\"%s\":", l == members ? "" : ",", (const char *) l->data);
      canonical_append (out, json_object_get_member (object, l->data));
    }
  g_string_append_c (out, '}');
}

static void
canonical_append (GString  *out,
                  JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    canonical_object (out, json_node_get_object (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      g_string_append_c (out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          canonical_append (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ']');
    }
  else if (JSON_NODE_HOLDS_NULL (node))
    g_string_append (out, "null");
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    g_string_append_printf (out, "\"%s\"", json_node_get_string (node));
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else
    g_string_append_printf (out, "%.17g", json_node_get_double (node));
}

static char *
canonical (JsonObject *object)
{
  GString *out = g_string_new (NULL);

  if (object == NULL)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  canonical_object (out, object);
  return g_string_free (out, FALSE);
}

static void
assert_request (AttProductEdit *edit,
                const char     *expected_json)
{
  g_autoptr(JsonObject) request = att_product_edit_build_request (edit);
  g_autoptr(JsonObject) expected = expected_json != NULL ? att_test_parse_object (expected_json) : NULL;
  g_autofree char *got = canonical (request);
  g_autofree char *want = canonical (expected);

  g_assert_cmpstr (got, ==, want);
}

static void
set_json (AttProductEdit *edit,
          const char     *member,
          const char     *json)
{
  g_autoptr(JsonNode) value = json != NULL ? att_test_parse_value (json) : NULL;

  att_product_edit_set (edit, member, value);
}

static void
set_item_json (AttProductEdit *edit,
               const char     *list,
               guint           index,
               const char     *member,
               const char     *json)
{
  g_autoptr(JsonNode) value = json != NULL ? att_test_parse_value (json) : NULL;

  att_product_edit_set_item_member (edit, list, index, member, value);
}

static void
append_json (AttProductEdit *edit,
             const char     *list,
             const char     *json)
{
  g_autoptr(JsonObject) item = att_test_parse_object (json);

  att_product_edit_append_item (edit, list, item);
}

/* The table of edits ----------------------------------------------------------- */

static void
edit_nothing (AttProductEdit *edit)
{
}

static void
edit_rename (AttProductEdit *edit)
{
  att_product_edit_set_string (edit, "name", "Shirt 2");
}

static void
edit_same_name (AttProductEdit *edit)
{
  att_product_edit_set_string (edit, "name", "Shirt");
}

static void
edit_rename_and_back (AttProductEdit *edit)
{
  att_product_edit_set_string (edit, "name", "Other");
  att_product_edit_set_string (edit, "name", "Shirt");
}

static void
edit_composition (AttProductEdit *edit)
{
  set_item_json (edit, ATT_PRODUCT_EDIT_MATERIALS, 0, "composition", "70");
  set_item_json (edit, ATT_PRODUCT_EDIT_MATERIALS, 1, "composition", "30");
}

static void
edit_material_display_name (AttProductEdit *edit)
{
  set_item_json (edit, ATT_PRODUCT_EDIT_MATERIALS, 0, "name", "\"Organic cotton\"");
}

static void
edit_same_number_as_double (AttProductEdit *edit)
{
  att_product_edit_set_double (edit, "weight", 200.0);
}

static void
edit_append_material (AttProductEdit *edit)
{
  set_item_json (edit, ATT_PRODUCT_EDIT_MATERIALS, 1, "composition", "30");
  append_json (edit, ATT_PRODUCT_EDIT_MATERIALS,
               "{\"materialId\": \"M3\", \"name\": \"Linen\", \"isCustomMaterial\": false, \"netUse\": 75, \"composition\": 10}");
}

static void
edit_remove_packaging (AttProductEdit *edit)
{
  att_product_edit_remove_item (edit, ATT_PRODUCT_EDIT_PACKAGING, 0);
}

static void
edit_move_component (AttProductEdit *edit)
{
  att_product_edit_move_item (edit, ATT_PRODUCT_EDIT_COMPONENTS, 1, 0);
}

static void
edit_clear_components (AttProductEdit *edit)
{
  att_product_edit_set (edit, ATT_PRODUCT_EDIT_COMPONENTS, NULL);
}

static void
edit_clear_size (AttProductEdit *edit)
{
  att_product_edit_set (edit, "size", NULL);
}

static void
edit_weight (AttProductEdit *edit)
{
  att_product_edit_set_double (edit, "weight", 0.25);
  att_product_edit_set_string (edit, "weightMeasureUnit", "kilograms");
  att_product_edit_set_boolean (edit, "weightIsPrimaryData", FALSE);
}

static void
edit_country (AttProductEdit *edit)
{
  set_json (edit, "frenchLabelCountry", "{\"code\": \"PT\", \"name\": \"Portugal\"}");
}

static void
edit_tags (AttProductEdit *edit)
{
  set_json (edit, "tags", "[\"summer\", \"linen\"]");
}

static void
edit_identifier (AttProductEdit *edit)
{
  att_product_edit_set_string (edit, "identifier", "96385074");
}

static void
edit_optional_price (AttProductEdit *edit)
{
  set_json (edit, "frenchLabelOptionalFields",
            "{\"business\": \"small-business\", \"price\": 30, \"numberOfReferences\": 12}");
}

static void
edit_update_order (AttProductEdit *edit)
{
  set_item_json (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS, 0, "amountPurchase", "12");
}

static void
edit_order_fem (AttProductEdit *edit)
{
  set_item_json (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS, 1, "assembly", "{\"femId\": \"f2\"}");
}

static void
edit_remove_order (AttProductEdit *edit)
{
  att_product_edit_remove_item (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS, 1);
}

static void
edit_add_order (AttProductEdit *edit)
{
  append_json (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS,
               "{\"purchaseOrderId\": \"C\", \"purchaseDate\": \"2024-06-01\", \"amountPurchase\": 7}");
}

static void
edit_orders_all (AttProductEdit *edit)
{
  edit_add_order (edit);
  att_product_edit_move_item (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS, 2, 0);
  att_product_edit_remove_item (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS, 1);
  set_item_json (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS, 1, "purchaseDate", "\"2024-05-02\"");
}

static void
edit_reorder_orders (AttProductEdit *edit)
{
  att_product_edit_move_item (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS, 0, 1);
}

static const struct
{
  const char *name;
  void (*apply) (AttProductEdit *edit);
  const char *expected;
} edits[] = {
  { "nothing", edit_nothing, NULL },
  { "rename", edit_rename, "{\"name\": \"Shirt 2\"}" },
  { "same name", edit_same_name, NULL },
  { "rename and back", edit_rename_and_back, NULL },
  { "composition: the list whole, without names",
    edit_composition,
    "{\"materials\": [{\"materialId\": \"M1\", \"netUse\": 75, \"composition\": 70},"
    "                 {\"materialId\": \"M2\", \"netUse\": 80, \"composition\": 30}]}" },
  { "a display name is not a change", edit_material_display_name, NULL },
  { "200.0 is 200", edit_same_number_as_double, NULL },
  { "append a material",
    edit_append_material,
    "{\"materials\": [{\"materialId\": \"M1\", \"netUse\": 75, \"composition\": 60},"
    "                 {\"materialId\": \"M2\", \"netUse\": 80, \"composition\": 30},"
    "                 {\"materialId\": \"M3\", \"netUse\": 75, \"composition\": 10}]}" },
  { "remove the only packaging", edit_remove_packaging, "{\"packaging\": []}" },
  { "move a component",
    edit_move_component,
    "{\"components\": [{\"componentId\": \"C2\", \"unit\": 1}, {\"componentId\": \"C1\", \"unit\": 4}]}" },
  { "clear the components", edit_clear_components, "{\"components\": []}" },
  { "clear the size", edit_clear_size, "{\"size\": null}" },
  { "weight",
    edit_weight,
    "{\"weight\": 0.25, \"weightMeasureUnit\": \"kilograms\", \"weightIsPrimaryData\": false}" },
  { "country", edit_country, "{\"frenchLabelCountry\": {\"code\": \"PT\", \"name\": \"Portugal\"}}" },
  { "tags whole", edit_tags, "{\"tags\": [\"summer\", \"linen\"]}" },
  { "identifier with its type", edit_identifier, "{\"identifier\": \"96385074\", \"identifierType\": \"GTIN\"}" },
  { "optional fields: only those changed",
    edit_optional_price,
    "{\"frenchLabelOptionalFields\": {\"price\": 30, \"numberOfReferences\": 12, \"upcycled\": null}}" },
  { "update a purchase order",
    edit_update_order,
    "{\"updatePurchaseOrder\": [{\"_id\": \"po1\", \"purchaseOrderId\": \"A\", \"purchaseDate\": \"2024-03-15\","
    "                            \"amountPurchase\": 12, \"assembly\": {\"femId\": \"f1\"}}]}" },
  { "link a purchase order to a facility",
    edit_order_fem,
    "{\"updatePurchaseOrder\": [{\"_id\": \"po2\", \"purchaseOrderId\": \"B\", \"purchaseDate\": \"2024-05-01\","
    "                            \"amountPurchase\": 5, \"assembly\": {\"femId\": \"f2\"}}]}" },
  { "remove a purchase order", edit_remove_order, "{\"removePurchaseOrder\": [\"po2\"]}" },
  { "add a purchase order",
    edit_add_order,
    "{\"addPurchaseOrder\": [{\"purchaseOrderId\": \"C\", \"purchaseDate\": \"2024-06-01\", \"amountPurchase\": 7}]}" },
  { "add, update and remove at once",
    edit_orders_all,
    "{\"addPurchaseOrder\": [{\"purchaseOrderId\": \"C\", \"purchaseDate\": \"2024-06-01\", \"amountPurchase\": 7}],"
    " \"updatePurchaseOrder\": [{\"_id\": \"po2\", \"purchaseOrderId\": \"B\", \"purchaseDate\": \"2024-05-02\","
    "                            \"amountPurchase\": 5}],"
    " \"removePurchaseOrder\": [\"po1\"]}" },
  { "reordering purchase orders changes nothing", edit_reorder_orders, NULL },
};

static void
test_update_requests (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(AttProductEdit) edit = make_edit ();

      g_test_message ("%s", edits[i].name);
      edits[i].apply (edit);
      assert_request (edit, edits[i].expected);
      g_assert_true (att_product_edit_get_modified (edit) == (edits[i].expected != NULL));
    }
}

static void
test_loaded_state (void)
{
  g_autoptr(AttProductEdit) edit = make_edit ();
  JsonObject *material = att_product_edit_get_item (edit, ATT_PRODUCT_EDIT_MATERIALS, 0);
  JsonObject *order = att_product_edit_get_item (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS, 0);

  g_assert_cmpstr (att_product_edit_get_product_id (edit), ==, "p1");
  g_assert_false (att_product_edit_get_is_new (edit));
  g_assert_false (att_product_edit_get_modified (edit));
  g_assert_false (att_product_edit_get_can_undo (edit));
  g_assert_cmpstr (att_product_edit_get_string (edit, "name"), ==, "Shirt");
  /* Request spellings, from the response's. */
  g_assert_cmpint (json_node_get_int (att_product_edit_get (edit, "weight")), ==, 200);
  g_assert_cmpstr (att_product_edit_get_string (edit, "weightMeasureUnit"), ==, "grams");
  g_assert_nonnull (att_product_edit_get (edit, "frenchLabelCountry"));
  g_assert_null (att_product_edit_get (edit, "frenchLabelManufacturingCountry"));
  /* Names kept for display, ids kept for the diff, responses' extras not. */
  g_assert_cmpuint (att_product_edit_get_n_items (edit, ATT_PRODUCT_EDIT_MATERIALS), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (material, "name"), ==, "Cotton");
  g_assert_false (json_object_has_member (material, "impacts"));
  g_assert_cmpstr (json_object_get_string_member (order, "_id"), ==, "po1");
  g_assert_cmpstr (json_object_get_string_member (order, "purchaseDate"), ==, "2024-03-15");
  g_assert_false (json_object_has_member (order, "impactPerUnit"));
  g_assert_null (att_product_edit_get_item (edit, ATT_PRODUCT_EDIT_MATERIALS, 2));
  g_assert_cmpuint (att_product_edit_get_n_items (edit, "nothing"), ==, 0);
}

static void
test_create_request (void)
{
  g_autoptr(AttProductEdit) edit = att_product_edit_new ();

  g_assert_true (att_product_edit_get_is_new (edit));
  g_assert_null (att_product_edit_get_product_id (edit));
  assert_request (edit, NULL);

  att_product_edit_set_string (edit, "name", "New tee");
  append_json (edit, ATT_PRODUCT_EDIT_MATERIALS,
               "{\"materialId\": \"M1\", \"name\": \"Cotton\", \"isCustomMaterial\": true, \"netUse\": 75}");
  att_product_edit_set_double (edit, "weight", 150);
  append_json (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS,
               "{\"purchaseOrderId\": \"X\", \"purchaseDate\": \"2024-01-31\", \"amountPurchase\": 3}");

  /* The unit is said rather than left to the server's default (V6). */
  assert_request (edit,
                  "{\"name\": \"New tee\", \"weight\": 150, \"weightMeasureUnit\": \"grams\","
                  " \"materials\": [{\"materialId\": \"M1\", \"netUse\": 75}],"
                  " \"purchaseOrder\": [{\"purchaseOrderId\": \"X\", \"purchaseDate\": \"2024-01-31\","
                  "                      \"amountPurchase\": 3}]}");
  g_assert_true (att_product_edit_get_modified (edit));
}

static void
test_duplicate (void)
{
  g_autoptr(AttProduct) product = make_product (product_json);
  g_autoptr(AttProductEdit) edit = att_product_edit_new_duplicate (product);

  g_assert_true (att_product_edit_get_is_new (edit));
  g_assert_null (att_product_edit_get_product_id (edit));
  g_assert_true (att_product_edit_get_modified (edit));
  g_assert_cmpstr (att_product_edit_get_string (edit, "name"), ==, "Copy of Shirt");
  assert_request (edit,
                  "{\"name\": \"Copy of Shirt\","
                  " \"categoryExpansionId\": \"ApparelAccessories-TopsBlouses-TShirts\", \"size\": \"Adult\","
                  " \"identifier\": \"4006381333931\", \"identifierType\": \"GTIN\", \"tags\": [\"summer\"],"
                  " \"weight\": 200, \"weightMeasureUnit\": \"grams\", \"weightIsPrimaryData\": true,"
                  " \"isMaterialWeight\": false,"
                  " \"materials\": [{\"materialId\": \"M1\", \"netUse\": 75, \"composition\": 60},"
                  "                 {\"materialId\": \"M2\", \"netUse\": 80, \"composition\": 40}],"
                  " \"packaging\": [{\"packagingId\": \"K1\", \"amount\": 1}],"
                  " \"components\": [{\"componentId\": \"C1\", \"unit\": 4}, {\"componentId\": \"C2\", \"unit\": 1}],"
                  " \"purchaseOrder\": ["
                  "   {\"purchaseOrderId\": \"A\", \"purchaseDate\": \"2024-03-15\", \"amountPurchase\": 10,"
                  "    \"assembly\": {\"femId\": \"f1\"}},"
                  "   {\"purchaseOrderId\": \"B\", \"purchaseDate\": \"2024-05-01\", \"amountPurchase\": 5}],"
                  " \"frenchLabelCountry\": {\"code\": \"FR\", \"name\": \"France\"},"
                  " \"frenchLabelDyeingCountry\": {\"code\": \"CN\", \"name\": \"China\"},"
                  " \"frenchLabelFabricCountry\": {\"code\": \"IN\", \"name\": \"India\"},"
                  " \"frenchLabelOptionalFields\": {\"business\": \"small-business\", \"price\": 20, \"upcycled\": false}}");
}

/* Undo and redo ---------------------------------------------------------------- */

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
changed_cb (AttProductEdit *edit,
            const char     *member,
            gpointer        user_data)
{
  GPtrArray *members = user_data;

  g_ptr_array_add (members, g_strdup (member != NULL ? member : "(all)"));
}

static void
test_undo_redo (void)
{
  g_autoptr(AttProductEdit) edit = make_edit ();
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  guint can_undo_notes = 0;
  guint modified_notes = 0;

  att_product_edit_set_coalesce_interval (edit, 0);
  g_signal_connect (edit, "notify::can-undo", G_CALLBACK (count_cb), &can_undo_notes);
  g_signal_connect (edit, "notify::modified", G_CALLBACK (count_cb), &modified_notes);
  g_signal_connect (edit, "changed", G_CALLBACK (changed_cb), members);

  g_assert_false (att_product_edit_undo (edit));
  g_assert_false (att_product_edit_redo (edit));

  att_product_edit_set_string (edit, "name", "A");
  set_item_json (edit, ATT_PRODUCT_EDIT_MATERIALS, 0, "netUse", "70");
  att_product_edit_remove_item (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS, 0);
  g_assert_true (att_product_edit_get_can_undo (edit));
  g_assert_false (att_product_edit_get_can_redo (edit));
  g_assert_cmpuint (can_undo_notes, ==, 1);
  g_assert_cmpuint (modified_notes, ==, 1);

  g_assert_true (att_product_edit_undo (edit));
  g_assert_cmpuint (att_product_edit_get_n_items (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS), ==, 2);
  g_assert_true (att_product_edit_get_can_redo (edit));
  g_assert_true (att_product_edit_undo (edit));
  g_assert_true (att_product_edit_undo (edit));
  g_assert_false (att_product_edit_undo (edit));
  g_assert_cmpstr (att_product_edit_get_string (edit, "name"), ==, "Shirt");
  g_assert_false (att_product_edit_get_modified (edit));
  assert_request (edit, NULL);

  g_assert_true (att_product_edit_redo (edit));
  g_assert_cmpstr (att_product_edit_get_string (edit, "name"), ==, "A");
  assert_request (edit, "{\"name\": \"A\"}");

  /* A new change forgets what could be redone. */
  att_product_edit_set_string (edit, "size", "Kids");
  g_assert_false (att_product_edit_get_can_redo (edit));
  g_assert_false (att_product_edit_redo (edit));
  assert_request (edit, "{\"name\": \"A\", \"size\": \"Kids\"}");

  /* Every change said what changed; undo and redo replace everything. */
  g_assert_cmpuint (members->len, ==, 8);
  g_assert_cmpstr (g_ptr_array_index (members, 0), ==, "name");
  g_assert_cmpstr (g_ptr_array_index (members, 1), ==, "materials");
  g_assert_cmpstr (g_ptr_array_index (members, 2), ==, "purchaseOrder");
  for (guint i = 3; i < 7; i++)
    g_assert_cmpstr (g_ptr_array_index (members, i), ==, "(all)");
  g_assert_cmpstr (g_ptr_array_index (members, 7), ==, "size");
}

static void
detail_cb (AttProductEdit *edit,
           const char     *member,
           gpointer        user_data)
{
  (*(guint *) user_data)++;
}

static void
test_changed_detail (void)
{
  g_autoptr(AttProductEdit) edit = make_edit ();
  guint name_changes = 0;

  g_signal_connect (edit, "changed::name", G_CALLBACK (detail_cb), &name_changes);
  att_product_edit_set_string (edit, "size", "Kids");
  g_assert_cmpuint (name_changes, ==, 0);
  att_product_edit_set_string (edit, "name", "B");
  g_assert_cmpuint (name_changes, ==, 1);
  /* Setting what is there is no change. */
  att_product_edit_set_string (edit, "name", "B");
  g_assert_cmpuint (name_changes, ==, 1);
}

/* A form that walks the state may hand back the state's own member names;
 * removing the member must not use its name after freeing it (ASan sees
 * this). */
static void
test_remove_with_own_key (void)
{
  g_autoptr(AttProductEdit) edit = make_edit ();
  g_autoptr(GList) members = json_object_get_members (att_product_edit_get_state (edit));
  JsonObject *order = att_product_edit_get_item (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS, 0);
  g_autoptr(GList) order_members = json_object_get_members (order);
  guint changes = 0;

  g_signal_connect (edit, "changed::size", G_CALLBACK (detail_cb), &changes);
  for (GList *l = members; l != NULL; l = l->next)
    if (g_strcmp0 (l->data, "size") == 0)
      att_product_edit_set (edit, l->data, NULL);
  for (GList *l = order_members; l != NULL; l = l->next)
    if (g_strcmp0 (l->data, "assembly") == 0)
      att_product_edit_set_item_member (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS, 0, l->data, NULL);

  g_assert_cmpuint (changes, ==, 1);
  assert_request (edit,
                  "{\"size\": null,"
                  " \"updatePurchaseOrder\": [{\"_id\": \"po1\", \"purchaseOrderId\": \"A\","
                  "                            \"purchaseDate\": \"2024-03-15\", \"amountPurchase\": 10}]}");
}

/* Same-member changes coalesce into one step; other members, other rows
 * and rows added never do.  The interval is made endless here, so that
 * the test does not depend on how fast it runs. */
static void
test_coalescing (void)
{
  g_autoptr(AttProductEdit) edit = make_edit ();
  guint undos = 0;

  att_product_edit_set_coalesce_interval (edit, G_MAXINT64);
  att_product_edit_set_string (edit, "name", "S");
  att_product_edit_set_string (edit, "name", "Sh");
  att_product_edit_set_string (edit, "name", "Shi");
  set_item_json (edit, ATT_PRODUCT_EDIT_MATERIALS, 0, "composition", "6");
  set_item_json (edit, ATT_PRODUCT_EDIT_MATERIALS, 0, "composition", "65");
  set_item_json (edit, ATT_PRODUCT_EDIT_MATERIALS, 1, "composition", "35");
  append_json (edit, ATT_PRODUCT_EDIT_PACKAGING, "{\"packagingId\": \"K2\", \"amount\": 1}");
  append_json (edit, ATT_PRODUCT_EDIT_PACKAGING, "{\"packagingId\": \"K3\", \"amount\": 1}");
  att_product_edit_set_string (edit, "name", "Shirt!");

  while (att_product_edit_undo (edit))
    undos++;
  /* name, materials[0], materials[1], two appends, name again */
  g_assert_cmpuint (undos, ==, 6);
  g_assert_false (att_product_edit_get_modified (edit));

  /* After an undo, the next change is a step of its own. */
  att_product_edit_redo (edit);
  att_product_edit_set_string (edit, "name", "Shirt?");
  g_assert_true (att_product_edit_undo (edit));
  g_assert_cmpstr (att_product_edit_get_string (edit, "name"), ==, "Shi");
}

/* With the default interval, changes as quick as these coalesce. */
static void
test_coalescing_default (void)
{
  g_autoptr(AttProductEdit) edit = make_edit ();

  att_product_edit_set_string (edit, "name", "S");
  att_product_edit_set_string (edit, "name", "Sh");
  g_assert_true (att_product_edit_undo (edit));
  g_assert_cmpstr (att_product_edit_get_string (edit, "name"), ==, "Shirt");
  g_assert_false (att_product_edit_get_can_undo (edit));
}

static void
test_history_depth (void)
{
  g_autoptr(AttProductEdit) edit = make_edit ();
  guint undos = 0;

  att_product_edit_set_coalesce_interval (edit, 0);
  for (guint i = 0; i < 250; i++)
    att_product_edit_set_double (edit, "weight", i + 1);
  while (att_product_edit_undo (edit))
    undos++;

  /* The oldest steps are forgotten: the cap, not the start, is reached. */
  g_assert_cmpuint (undos, ==, 200);
  g_assert_cmpint (json_node_get_int (att_product_edit_get (edit, "weight")), ==, 50);
}

/* Drafts ------------------------------------------------------------------------ */

static AttProductEdit *
round_trip (AttProductEdit *edit)
{
  g_autoptr(JsonNode) draft = att_product_edit_to_draft (edit);
  g_autofree char *text = json_to_string (draft, FALSE);
  g_autoptr(JsonNode) read = att_test_parse_value (text);
  g_autoptr(GError) error = NULL;
  AttProductEdit *restored = att_product_edit_new_from_draft (read, &error);

  g_assert_no_error (error);
  g_assert_nonnull (restored);
  return restored;
}

static void
test_draft_round_trip (void)
{
  g_autoptr(AttProductEdit) edit = make_edit ();
  g_autoptr(AttProductEdit) restored = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(JsonObject) restored_request = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JsonObject      *payload;
  g_autoptr(JsonNode) draft = NULL;

  edit_orders_all (edit);
  edit_rename (edit);
  draft = att_product_edit_to_draft (edit);
  payload = json_node_get_object (draft);
  g_assert_cmpint (json_object_get_int_member (payload, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (payload, "productId"), ==, "p1");
  g_assert_true (json_object_has_member (payload, "original"));
  g_assert_true (json_object_has_member (payload, "state"));

  restored = round_trip (edit);
  g_assert_cmpstr (att_product_edit_get_product_id (restored), ==, "p1");
  g_assert_true (att_product_edit_get_modified (restored));
  g_assert_false (att_product_edit_get_can_undo (restored));
  request = att_product_edit_build_request (edit);
  restored_request = att_product_edit_build_request (restored);
  before = canonical (request);
  after = canonical (restored_request);
  g_assert_cmpstr (after, ==, before);
  /* Display names survive too. */
  g_assert_cmpstr (json_object_get_string_member (att_product_edit_get_item (restored, ATT_PRODUCT_EDIT_MATERIALS, 1), "name"),
                   ==, "Polyester");
}

static void
test_draft_new_product (void)
{
  g_autoptr(AttProduct) product = make_product (product_json);
  g_autoptr(AttProductEdit) edit = att_product_edit_new_duplicate (product);
  g_autoptr(AttProductEdit) restored = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autofree char *text = NULL;

  /* A number JSON cannot carry is written as null, and validation says so. */
  att_product_edit_set_double (edit, "weight", NAN);
  restored = round_trip (edit);
  g_assert_true (att_product_edit_get_is_new (restored));
  g_assert_true (att_product_edit_get_modified (restored));
  g_assert_true (JSON_NODE_HOLDS_NULL (att_product_edit_get (restored, "weight")));
  request = att_product_edit_build_request (restored);
  text = canonical (request);
  g_assert_nonnull (strstr (text, "\"name\":\"Copy of Shirt\""));
}

static void
test_draft_malformed (void)
{
  static const struct
  {
    const char *payload;
    const char *says;
  } cases[] = {
    { "[]", "not a product draft" },
    { "{\"productId\": \"p\", \"original\": {}, \"state\": {}}", "version" },
    { "{\"version\": \"1\", \"original\": {}, \"state\": {}}", "version" },
    { "{\"version\": 2, \"original\": {}, \"state\": {}}", "version" },
    { "{\"version\": 1, \"productId\": 5, \"original\": {}, \"state\": {}}", "productId" },
    { "{\"version\": 1, \"productId\": \"\", \"original\": {}, \"state\": {}}", "productId" },
    { "{\"version\": 1, \"original\": {}}", "state" },
    { "{\"version\": 1, \"original\": [], \"state\": {}}", "original" },
    { "{\"version\": 1, \"original\": {}, \"state\": {\"materials\": \"cotton\"}}", "state.materials" },
    { "{\"version\": 1, \"original\": {}, \"state\": {\"purchaseOrder\": [{}, 3]}}", "state.purchaseOrder[1]" },
    { "{\"version\": 1, \"original\": {\"packaging\": {}}, \"state\": {}}", "original.packaging" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) payload = att_test_parse_value (cases[i].payload);
      g_autoptr(GError) error = NULL;
      g_autoptr(AttProductEdit) edit = att_product_edit_new_from_draft (payload, &error);

      g_assert_null (edit);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

/* Validation ---------------------------------------------------------------------- */

static void
test_validate_new (void)
{
  g_autoptr(AttProductEdit) edit = att_product_edit_new ();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) errors = att_product_edit_validate (edit, &warnings);
  g_autofree char *error_paths = att_test_field_error_paths (errors);
  g_autofree char *warning_paths = att_test_field_error_paths (warnings);

  g_assert_cmpstr (error_paths, ==, "materials name weight");
  g_assert_cmpstr (warning_paths, ==,
                   "categoryExpansionId frenchLabelCountry frenchLabelDyeingCountry frenchLabelFabricCountry "
                   "size weight weightIsPrimaryData weightMeasureUnit");
}

static void
test_validate_loaded (void)
{
  g_autoptr(AttProductEdit) edit = make_edit ();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) errors = att_product_edit_validate (edit, &warnings);
  g_autofree char *paths = att_test_field_error_paths (errors);
  g_autofree char *warning_paths = att_test_field_error_paths (warnings);

  g_assert_cmpstr (paths, ==, "");
  g_assert_cmpstr (warning_paths, ==, "");

  /* Each problem on its field, with the state's paths. */
  set_item_json (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS, 1, "purchaseDate", "\"2024-02-30\"");
  set_item_json (edit, ATT_PRODUCT_EDIT_MATERIALS, 0, "composition", "61");
  append_json (edit, ATT_PRODUCT_EDIT_COMPONENTS, "{\"componentId\": \"C1\", \"unit\": 1}");
  att_product_edit_set_string (edit, "name", "Tab\there");
  att_product_edit_set_double (edit, "weight", -1);
  set_item_json (edit, ATT_PRODUCT_EDIT_MATERIALS, 1, "isMsiMaterial", "true");
  g_clear_pointer (&errors, g_ptr_array_unref);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_clear_pointer (&paths, g_free);
  g_clear_pointer (&warning_paths, g_free);
  errors = att_product_edit_validate (edit, &warnings);
  paths = att_test_field_error_paths (errors);
  warning_paths = att_test_field_error_paths (warnings);
  g_assert_cmpstr (paths, ==, "components[2].componentId materials name purchaseOrder[1].purchaseDate weight");
  g_assert_cmpstr (warning_paths, ==, "materials[1]");

  /* The server's paths for the update map back to the state's. */
  {
    g_autofree char *update = att_product_edit_map_request_path (edit, "updatePurchaseOrder[0].purchaseDate");
    g_autofree char *removed = att_product_edit_map_request_path (edit, "removePurchaseOrder[0]");
    g_autofree char *other = att_product_edit_map_request_path (edit, "materials[1].netUse");
    g_autofree char *unknown = att_product_edit_map_request_path (edit, "addPurchaseOrder[4].amountPurchase");

    g_assert_cmpstr (update, ==, "purchaseOrder[1].purchaseDate");
    g_assert_cmpstr (removed, ==, "purchaseOrder");
    g_assert_cmpstr (other, ==, "materials[1].netUse");
    g_assert_cmpstr (unknown, ==, "purchaseOrder");
  }
}

/* A stored product that breaks a rule in a part the edit does not touch
 * can still be saved: the server checks only what is sent.  The problem
 * warns; once that part changes, it blocks. */
static void
test_validate_untouched (void)
{
  g_autoptr(AttProduct) product = NULL;
  g_autoptr(JsonObject) json = att_test_parse_object (product_json);
  g_autoptr(AttProductEdit) edit = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *paths = NULL;
  g_autofree char *warning_paths = NULL;

  json_object_remove_member (json, "weightInformation");
  json_object_set_int_member (json_array_get_object_element (json_object_get_array_member (json, "materials"), 0),
                              "composition", 50);
  product = att_product_new_from_json (json, NULL, &error);
  g_assert_no_error (error);
  edit = att_product_edit_new_for_product (product);
  att_product_edit_set_string (edit, "name", "Renamed");

  errors = att_product_edit_validate (edit, &warnings);
  paths = att_test_field_error_paths (errors);
  warning_paths = att_test_field_error_paths (warnings);
  g_assert_cmpstr (paths, ==, "");
  g_assert_cmpstr (warning_paths, ==, "materials weight weight weightIsPrimaryData weightMeasureUnit");

  set_item_json (edit, ATT_PRODUCT_EDIT_MATERIALS, 1, "netUse", "81");
  g_clear_pointer (&errors, g_ptr_array_unref);
  g_clear_pointer (&paths, g_free);
  errors = att_product_edit_validate (edit, NULL);
  paths = att_test_field_error_paths (errors);
  g_assert_cmpstr (paths, ==, "materials");
}

/* What changed on the server --------------------------------------------------------- */

static void
test_compare_remote (void)
{
  g_autoptr(AttProductEdit) edit = make_edit ();
  g_autoptr(AttProduct) same = make_product (product_json);
  g_autoptr(JsonObject) json = att_test_parse_object (product_json);
  g_autoptr(AttProduct) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  JsonObject      *material;

  /* The user's own edits are not differences with the server. */
  att_product_edit_set_string (edit, "name", "Mine");
  none = att_product_edit_compare_remote (edit, same);
  g_assert_null (none);

  json_object_set_string_member (json, "name", "Theirs");
  json_object_remove_member (json, "size");
  json_object_set_boolean_member (json, "isMaterialWeight", TRUE);
  material = json_array_get_object_element (json_object_get_array_member (json, "materials"), 1);
  json_object_set_int_member (material, "netUse", 90);
  /* Only a name the server shows changed: not a difference. */
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (json, "packaging"), 0),
                                 "name", "Carton");
  json_array_remove_element (json_object_get_array_member (json, "purchaseOrder"), 0);
  changed = att_product_new_from_json (json, NULL, &error);
  g_assert_no_error (error);

  lines = att_product_edit_compare_remote (edit, changed);
  g_assert_nonnull (lines);
  text = g_strjoinv ("\n", lines);
  g_assert_cmpstr (text, ==,
                   "Name: “Theirs” on the server\n"
                   "Size: none on the server\n"
                   "Weight from materials: yes on the server\n"
                   "Materials: changed on the server\n"
                   "Purchase orders: changed on the server");
}

static void
test_accept (void)
{
  g_autoptr(AttProductEdit) edit = att_product_edit_new ();
  g_autoptr(AttProduct) saved = make_product (product_json);
  guint notes = 0;

  att_product_edit_set_string (edit, "name", "Shirt");
  g_signal_connect (edit, "notify::modified", G_CALLBACK (count_cb), &notes);
  att_product_edit_accept (edit, saved);

  g_assert_cmpuint (notes, ==, 1);
  g_assert_false (att_product_edit_get_modified (edit));
  g_assert_false (att_product_edit_get_is_new (edit));
  g_assert_cmpstr (att_product_edit_get_product_id (edit), ==, "p1");
  g_assert_false (att_product_edit_get_can_undo (edit));
  assert_request (edit, NULL);
  g_assert_cmpuint (att_product_edit_get_n_items (edit, ATT_PRODUCT_EDIT_PURCHASE_ORDERS), ==, 2);

  edit_remove_order (edit);
  assert_request (edit, "{\"removePurchaseOrder\": [\"po2\"]}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/product-edit/loaded-state", test_loaded_state);
  g_test_add_func ("/product-edit/update-requests", test_update_requests);
  g_test_add_func ("/product-edit/create-request", test_create_request);
  g_test_add_func ("/product-edit/duplicate", test_duplicate);
  g_test_add_func ("/product-edit/undo-redo", test_undo_redo);
  g_test_add_func ("/product-edit/changed-detail", test_changed_detail);
  g_test_add_func ("/product-edit/remove-with-own-key", test_remove_with_own_key);
  g_test_add_func ("/product-edit/coalescing", test_coalescing);
  g_test_add_func ("/product-edit/coalescing-default", test_coalescing_default);
  g_test_add_func ("/product-edit/history-depth", test_history_depth);
  g_test_add_func ("/product-edit/draft/round-trip", test_draft_round_trip);
  g_test_add_func ("/product-edit/draft/new-product", test_draft_new_product);
  g_test_add_func ("/product-edit/draft/malformed", test_draft_malformed);
  g_test_add_func ("/product-edit/validate/new", test_validate_new);
  g_test_add_func ("/product-edit/validate/loaded", test_validate_loaded);
  g_test_add_func ("/product-edit/validate/untouched", test_validate_untouched);
  g_test_add_func ("/product-edit/compare-remote", test_compare_remote);
  g_test_add_func ("/product-edit/accept", test_accept);

  return g_test_run ();
}
