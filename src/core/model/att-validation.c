/* att-validation.c: the documented rules of a product's create and update
 * bodies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-gtin.h"
#include "att-validation-private.h"

/*
 * The rules here are the ones the Higg PIC documentation states for product
 * create and update (api-higg.md §6, V1-V10 and V13).  They are shared by the
 * sandbox, which answers 400 with these problems, and by the app's forms,
 * which mark each failing field before anything is sent.  Every problem is
 * collected, never only the first one, so that a user can fix a whole form in
 * one go.  Paths use the same spelling as the request body, e.g.
 * `materials[2].composition` or `purchaseOrder[0].assembly.femId`.
 *
 * Besides the documented rules (V1-V9, V13), bad input is refused the same
 * way: text with control characters or longer than ATT_TEXT_MAX_CHARS,
 * numbers that are not finite, the same catalogue entry twice in a list, a
 * purchase order named twice in one command, and a GTIN whose length or
 * check digit is wrong.
 */

static const char *const weight_units[] = {
  "kilograms", "grams", "milligram", "pound", "ounce", NULL
};

static const char *const identifier_types[] = {
  "GTIN", "SKU", "UPC", "OTHER", NULL
};

static const char *const business_types[] = {
  "small-business",
  "large-business-with-services",
  "large-business-without-services",
  NULL
};

/* frenchLabelOptionalFields (V13): every sub-field is nullable, null clears. */
static void
check_optional_fields (GPtrArray  *errors,
                       JsonObject *body)
{
  static const AttCheckRange references = { .min = 1, .max = 999999, .integer = TRUE };
  static const AttCheckRange price = { .min = 1, .max = 1000 };
  const char                *key = "frenchLabelOptionalFields";
  JsonNode                  *node = json_object_get_member (body, key);
  JsonObject                *fields;

  if (node == NULL || att_check_is_null (node))
    return;

  fields = att_check_object (errors, node, key);
  if (fields == NULL)
    return;

  att_check_enum (errors, fields, "business", key, business_types);
  att_check_country (errors, fields, "countrySpinning", key);
  att_check_boolean (errors, fields, "upcycled", key);
  att_check_number_in (errors, fields, "numberOfReferences", key, FALSE, &references,
                       _ ("The number of references must be a whole number between 1 and 999,999"), NULL);
  att_check_number_in (errors, fields, "price", key, FALSE, &price,
                       _ ("The price must be between 1 and 1,000 euros"), NULL);
}

/* Whether the weight is computed from the materials: as the body says, or
 * else as the stored product does (never on create). */
static gboolean
computes_weight (JsonObject *body,
                 gboolean    is_create,
                 gboolean    stored_is_material_weight)
{
  JsonNode *node = json_object_get_member (body, "isMaterialWeight");

  if (node != NULL && att_check_is_boolean (node))
    return json_node_get_boolean (node);
  if (node != NULL && att_check_is_null (node))
    return FALSE;
  return is_create ? FALSE : stored_is_material_weight;
}

/* The weight rule (V5): a weight is required unless isMaterialWeight is true,
 * and a weight that is given must be a positive number. */
static void
check_weight (GPtrArray  *errors,
              JsonObject *body,
              gboolean    is_create,
              gboolean    stored_is_material_weight)
{
  static const AttCheckRange positive = ATT_CHECK_POSITIVE;
  JsonNode                  *weight = json_object_get_member (body, "weight");

  /* On update the rule only applies when the weight itself is changed. */
  if (!is_create && weight == NULL)
    return;

  if (weight == NULL || att_check_is_null (weight))
    {
      if (!computes_weight (body, is_create, stored_is_material_weight))
        att_check_report (errors, "weight",
                          _ ("Enter the product weight, or compute it from the materials"));
      return;
    }

  att_check_number_in (errors, body, "weight", NULL, FALSE, &positive,
                       _ ("The weight must be greater than 0"), NULL);
}

/* A GTIN must have a GTIN's length and check digit; other identifier types
 * (SKU, UPC, OTHER) are free text.  On update this applies when the body
 * says the type: the stored type is not known here. */
static void
check_identifier (GPtrArray  *errors,
                  JsonObject *body)
{
  const char *identifier = att_check_string (errors, body, "identifier", NULL, FALSE, TRUE);
  JsonNode   *type = json_object_get_member (body, "identifierType");
  g_autoptr(GError) error = NULL;

  att_check_enum (errors, body, "identifierType", NULL, identifier_types);

  if (identifier == NULL || *identifier == '\0' || type == NULL || !att_check_is_string (type) ||
      g_strcmp0 (json_node_get_string (type), "GTIN") != 0)
    return;

  if (!att_gtin_normalize (identifier, NULL, &error))
    att_check_report (errors, "identifier", error->message);
}

static void
check_common (GPtrArray  *errors,
              JsonObject *body)
{
  att_check_boolean (errors, body, "isMaterialWeight", NULL);
  att_check_boolean (errors, body, "weightIsPrimaryData", NULL);
  att_check_enum (errors, body, "weightMeasureUnit", NULL, weight_units);
  check_identifier (errors, body);
  att_check_string (errors, body, "categoryExpansionId", NULL, FALSE, TRUE);
  att_check_string (errors, body, "productCategory", NULL, FALSE, TRUE);
  att_check_string (errors, body, "size", NULL, FALSE, TRUE);
  att_check_string (errors, body, "taxonomyId", NULL, FALSE, TRUE);
  att_check_string_list (errors, body, "tags", NULL);
  att_check_packaging (errors, body);
  att_check_components (errors, body);
  att_check_country (errors, body, "frenchLabelCountry", NULL);
  att_check_country (errors, body, "frenchLabelDyeingCountry", NULL);
  att_check_country (errors, body, "frenchLabelFabricCountry", NULL);
  check_optional_fields (errors, body);
}

/**
 * att_validate_product_create:
 * @body: the request body of `products/create`
 *
 * Checks @body against the documented rules.
 *
 * Returns: (transfer full) (element-type AttFieldError): every problem
 *   found, empty when @body is valid
 */
GPtrArray *
att_validate_product_create (JsonObject *body)
{
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();

  g_return_val_if_fail (body != NULL, NULL);

  att_check_string (errors, body, "name", NULL, TRUE, FALSE);
  att_check_materials (errors, body, TRUE);
  check_weight (errors, body, TRUE, FALSE);
  check_common (errors, body);
  att_check_purchase_order_list (errors, body, "purchaseOrder", FALSE);

  return g_steal_pointer (&errors);
}

/**
 * att_validate_product_update:
 * @body: the request body of `products/update/{id}` (a command object)
 * @stored_is_material_weight: whether the stored product computes its weight
 *   from its materials; used when @body changes the weight but not this flag
 *
 * Checks @body against the documented rules.  Omitted fields are not
 * checked: they stay as they are.
 *
 * Returns: (transfer full) (element-type AttFieldError): every problem
 *   found, empty when @body is valid
 */
GPtrArray *
att_validate_product_update (JsonObject *body,
                             gboolean    stored_is_material_weight)
{
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();

  g_return_val_if_fail (body != NULL, NULL);

  if (json_object_has_member (body, "name"))
    att_check_string (errors, body, "name", NULL, TRUE, FALSE);
  att_check_materials (errors, body, FALSE);
  check_weight (errors, body, FALSE, stored_is_material_weight);
  check_common (errors, body);
  att_check_purchase_order_list (errors, body, "addPurchaseOrder", FALSE);
  att_check_purchase_order_list (errors, body, "updatePurchaseOrder", TRUE);
  att_check_removed_purchase_orders (errors, body);

  /* The create-only list would be silently ignored by a command object, which
   * hides a mistake in the caller; say what to use instead. */
  if (json_object_has_member (body, "purchaseOrder"))
    att_check_report (errors, "purchaseOrder",
                      _ ("Use addPurchaseOrder, updatePurchaseOrder or removePurchaseOrder to change purchase orders"));

  return g_steal_pointer (&errors);
}
