/* att-product-json.c: an AttProduct from a create, update or search
 * response, and back to JSON: the object as parsed, and the body of a
 * `products/create` request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-component-use.h"
#include "att-country.h"
#include "att-eco-score.h"
#include "att-json.h"
#include "att-material-use.h"
#include "att-packaging-use.h"
#include "att-product-private.h"
#include "att-purchase-order.h"

/* Trampolines, so that the list parser calls each model's constructor
 * through a function pointer of its own type. */
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

static gboolean
read_list (JsonObject         *object,
           const char         *key,
           const char         *path,
           GType               item_type,
           AttJsonObjectParser parser,
           GListStore        **inout_store,
           GError            **error)
{
  GListStore *store;

  store = att_json_get_object_list (object, key, path, item_type, parser, error);
  if (store == NULL)
    return FALSE;

  g_clear_object (inout_store);
  *inout_store = store;
  return TRUE;
}

/* Reads a sub-object that an empty `{}` may stand for "not set": the
 * documented schema renders unset objects that way. */
static gboolean
read_optional_object (JsonObject  *object,
                      const char  *key,
                      const char  *path,
                      JsonObject **out_value,
                      GError     **error)
{
  JsonObject *value = NULL;

  if (!att_json_read_object (object, key, path, FALSE, &value, error))
    return FALSE;

  if (value != NULL && json_object_get_size (value) == 0)
    value = NULL;

  *out_value = value;
  return TRUE;
}

static gboolean
read_country (JsonObject  *object,
              const char  *key,
              const char  *path,
              AttCountry **out_country,
              GError     **error)
{
  g_autofree char *country_path = NULL;
  JsonObject      *country = NULL;

  if (!read_optional_object (object, key, path, &country, error))
    return FALSE;

  if (country == NULL)
    return TRUE;

  country_path = att_json_path_member (path, key);
  *out_country = att_country_new_from_json (country, country_path, error);

  return *out_country != NULL;
}

static gboolean
read_weight (AttProduct *self,
             JsonObject *object,
             const char *path,
             GError    **error)
{
  g_autofree char *info_path = NULL;
  g_autofree char *info_unit = NULL;
  JsonObject      *info = NULL;
  double           info_weight = NAN;

  /* The request spelling first, then what the response says in
   * `weightInformation`, which wins where it has a value. */
  if (!att_json_read_double (object, "weight", path, FALSE, &self->weight, error) ||
      !att_json_read_string (object, "weightMeasureUnit", path, FALSE, &self->weight_unit, error) ||
      !att_json_read_boolean (object, "weightIsPrimaryData", path, FALSE, &self->weight_is_primary_data, error) ||
      !att_json_read_boolean (object, "isMaterialWeight", path, FALSE, &self->is_material_weight, error) ||
      !att_json_read_object (object, "weightInformation", path, FALSE, &info, error))
    return FALSE;

  if (info != NULL)
    {
      info_path = att_json_path_member (path, "weightInformation");

      if (!att_json_read_double (info, "weight", info_path, FALSE, &info_weight, error) ||
          !att_json_read_string (info, "unit", info_path, FALSE, &info_unit, error) ||
          !att_json_read_double (info, "convertedToKg", info_path, FALSE, &self->weight_kg, error))
        return FALSE;

      if (att_json_has_member (info, "isPrimaryData") &&
          !att_json_read_boolean (info, "isPrimaryData", info_path, FALSE,
                                  &self->weight_is_primary_data, error))
        return FALSE;

      if (!isnan (info_weight))
        self->weight = info_weight;

      if (info_unit != NULL)
        {
          g_free (self->weight_unit);
          self->weight_unit = g_steal_pointer (&info_unit);
        }
    }

  if (isnan (self->weight_kg) && !isnan (self->weight))
    self->weight_kg = att_weight_unit_to_kg (self->weight,
                                             self->weight_unit != NULL ? self->weight_unit
                                                                       : DEFAULT_WEIGHT_UNIT);

  return TRUE;
}

static gboolean
read_eligibility (AttProduct *self,
                  JsonObject *object,
                  const char *path,
                  GError    **error)
{
  g_autoptr(GStrvBuilder) messages = NULL;
  g_autofree char *eligibility_path = NULL;
  g_autofree char *reasons_path = NULL;
  JsonObject      *eligibility = NULL;
  JsonArray       *reasons = NULL;
  GError          *local_error = NULL;
  guint            n;

  if (!att_json_read_object (object, "frenchLabelEligibility", path, FALSE, &eligibility, error))
    return FALSE;

  if (eligibility == NULL)
    return TRUE;

  eligibility_path = att_json_path_member (path, "frenchLabelEligibility");
  if (!att_json_read_boolean (eligibility, "eligible", eligibility_path, FALSE,
                              &self->eligible, error))
    return FALSE;

  reasons = att_json_get_array (eligibility, "reasons", eligibility_path, FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (reasons == NULL)
    return TRUE;

  reasons_path = att_json_path_member (eligibility_path, "reasons");
  messages = g_strv_builder_new ();
  n = json_array_get_length (reasons);

  for (guint i = 0; i < n; i++)
    {
      JsonNode        *element = json_array_get_element (reasons, i);
      g_autofree char *reason_path = NULL;
      g_autofree char *category = NULL;
      g_autofree char *message = NULL;
      JsonObject      *reason;

      if (JSON_NODE_HOLDS_NULL (element))
        continue;

      reason_path = att_json_path_index (reasons_path, i);
      reason = att_json_node_get_object (element, reason_path, error);
      if (reason == NULL ||
          !att_json_read_string (reason, "category", reason_path, FALSE, &category, error) ||
          !att_json_read_string (reason, "message", reason_path, FALSE, &message, error))
        return FALSE;

      /* A reason without a message still tells the user something. */
      if (message != NULL)
        g_strv_builder_add (messages, message);
      else if (category != NULL)
        g_strv_builder_add (messages, category);
    }

  g_strfreev (self->eligibility_messages);
  self->eligibility_messages = g_strv_builder_end (messages);

  return TRUE;
}

/* Only checks the types of the optional eco-score inputs: they are sent
 * back as they are in a create request. */
static gboolean
read_optional_fields (AttProduct *self,
                      JsonObject *object,
                      const char *path,
                      GError    **error)
{
  g_autofree char *fields_path = NULL;
  g_autofree char *business = NULL;
  g_autoptr(AttCountry) spinning = NULL;
  JsonObject *fields = NULL;
  gboolean    upcycled;
  double      number;

  if (!att_json_read_object (object, "frenchLabelOptionalFields", path, FALSE, &fields, error))
    return FALSE;

  if (fields == NULL)
    return TRUE;

  fields_path = att_json_path_member (path, "frenchLabelOptionalFields");
  if (!att_json_read_string (fields, "business", fields_path, FALSE, &business, error) ||
      !read_country (fields, "countrySpinning", fields_path, &spinning, error) ||
      !att_json_read_double (fields, "numberOfReferences", fields_path, FALSE, &number, error) ||
      !att_json_read_double (fields, "price", fields_path, FALSE, &number, error) ||
      !att_json_read_boolean (fields, "upcycled", fields_path, FALSE, &upcycled, error))
    return FALSE;

  self->optional_fields = json_object_ref (fields);
  return TRUE;
}

static gboolean
read_eco_score (AttProduct *self,
                JsonObject *object,
                const char *path,
                GError    **error)
{
  g_autofree char *score_path = NULL;
  JsonObject      *score = NULL;

  if (!read_optional_object (object, "frenchLabelEcoScore", path, &score, error))
    return FALSE;

  if (score == NULL)
    return TRUE;

  score_path = att_json_path_member (path, "frenchLabelEcoScore");
  self->eco_score = att_eco_score_new_from_json (score, score_path, error);

  return self->eco_score != NULL;
}

/**
 * att_product_new_from_json:
 * @object: a product as create, update or search return it
 * @path: (nullable): where @object sits, e.g. `results[3]`
 *
 * `_id` and `name` are required.  Members of the wrong type, at any depth,
 * are errors that name their path; unknown members are kept (see
 * att_product_get_json()).
 *
 * Returns: (transfer full) (nullable): a new #AttProduct, or %NULL on error
 */
AttProduct *
att_product_new_from_json (JsonObject *object,
                           const char *path,
                           GError    **error)
{
  g_autoptr(AttProduct) self = NULL;
  g_auto(GStrv) tags = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_PRODUCT, NULL);
  self->json = json_object_ref (object);

  if (!att_json_read_string (object, "_id", path, TRUE, &self->id, error) ||
      !att_json_read_string (object, "name", path, TRUE, &self->name, error) ||
      !att_json_read_string (object, "categoryExpansionId", path, FALSE, &self->category_expansion_id, error) ||
      !att_json_read_string (object, "productCategory", path, FALSE, &self->product_category, error) ||
      !att_json_read_string (object, "productType", path, FALSE, &self->product_type, error) ||
      !att_json_read_string (object, "size", path, FALSE, &self->size, error) ||
      !att_json_read_string (object, "identifier", path, FALSE, &self->identifier, error) ||
      !att_json_read_string (object, "identifierType", path, FALSE, &self->identifier_type, error) ||
      !att_json_read_string (object, "taxonomyId", path, FALSE, &self->taxonomy_id, error) ||
      !att_json_read_strv (object, "tags", path, &tags, error) ||
      !att_json_read_timestamp (object, "createdOn", path, &self->created_on, error) ||
      !att_json_read_timestamp (object, "modifiedOn", path, &self->modified_on, error) ||
      !read_weight (self, object, path, error) ||
      !read_list (object, "materials", path, ATT_TYPE_MATERIAL_USE,
                  parse_material_use, &self->materials, error) ||
      !read_list (object, "packaging", path, ATT_TYPE_PACKAGING_USE,
                  parse_packaging_use, &self->packaging, error) ||
      !read_list (object, "components", path, ATT_TYPE_COMPONENT_USE,
                  parse_component_use, &self->components, error) ||
      !read_list (object, "purchaseOrder", path, ATT_TYPE_PURCHASE_ORDER,
                  parse_purchase_order, &self->purchase_orders, error) ||
      !read_country (object, "frenchLabelManufacturingCountry", path,
                     &self->manufacturing_country, error) ||
      !read_country (object, "frenchLabelFabricCountry", path, &self->fabric_country, error) ||
      !read_country (object, "frenchLabelDyeingCountry", path, &self->dyeing_country, error) ||
      !read_optional_fields (self, object, path, error) ||
      !read_eligibility (self, object, path, error) ||
      !read_eco_score (self, object, path, error))
    return NULL;

  /* Requests call the manufacturing country `frenchLabelCountry`; accept
   * it too, so that a product rebuilt from a request or a draft reads. */
  if (self->manufacturing_country == NULL &&
      !read_country (object, "frenchLabelCountry", path, &self->manufacturing_country, error))
    return NULL;

  /* `productType` is the documented field; `type` is what older answers
   * carry instead. */
  if (self->product_type == NULL &&
      !att_json_read_string (object, "type", path, FALSE, &self->product_type, error))
    return NULL;

  if (tags != NULL)
    {
      g_strfreev (self->tags);
      self->tags = g_steal_pointer (&tags);
    }

  return g_steal_pointer (&self);
}

/**
 * att_product_get_json:
 *
 * Returns: (transfer none) (nullable): the parsed object, unknown members
 *   included; %NULL for a placeholder
 */
JsonObject *
att_product_get_json (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return self->json;
}

/**
 * att_product_to_json:
 *
 * Returns: (transfer full): a copy of the parsed object in response shape,
 *   unknown members kept; an empty object for a placeholder
 */
JsonNode *
att_product_to_json (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return att_json_object_to_node (self->json);
}

static JsonNode *
item_to_request_json (gpointer item)
{
  if (ATT_IS_CATALOG_USE (item))
    return att_catalog_use_to_request_json (item);
  if (ATT_IS_PURCHASE_ORDER (item))
    return att_purchase_order_to_request_json (item);

  g_assert_not_reached ();
}

static void
set_request_list (JsonObject *object,
                  const char *key,
                  GListModel *model,
                  gboolean    always)
{
  g_autoptr(JsonArray) array = NULL;
  guint n = g_list_model_get_n_items (model);

  if (n == 0 && !always)
    return;

  array = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      json_array_add_element (array, item_to_request_json (item));
    }

  json_object_set_array_member (object, key, g_steal_pointer (&array));
}

static void
set_request_country (JsonObject *object,
                     const char *key,
                     AttCountry *country)
{
  if (country != NULL)
    json_object_set_member (object, key, att_country_to_request_json (country));
}

/**
 * att_product_to_create_request:
 *
 * Builds the body of `products/create` from this product, with the request
 * spellings: `weight` + `weightMeasureUnit` rather than
 * `weightInformation`, `frenchLabelCountry` rather than
 * `frenchLabelManufacturingCountry`, the lists as request objects and the
 * purchase orders as `purchaseOrder`.  Response-only members (`_id`,
 * impacts, `account`...) are left out; unknown numbers are not sent.
 *
 * Returns: (transfer full): the request body
 */
JsonNode *
att_product_to_create_request (AttProduct *self)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  object = json_object_new ();
  att_json_object_set_string (object, "name", self->name);

  /* `materials` is required by the API, so it is sent even when empty. */
  set_request_list (object, "materials", G_LIST_MODEL (self->materials), TRUE);

  if (!isnan (self->weight))
    {
      att_json_object_set_number (object, "weight", self->weight);
      /* The server would assume grams; say so rather than rely on it. */
      att_json_object_set_string (object, "weightMeasureUnit",
                                  self->weight_unit != NULL ? self->weight_unit
                                                            : DEFAULT_WEIGHT_UNIT);
    }
  json_object_set_boolean_member (object, "weightIsPrimaryData", self->weight_is_primary_data);
  json_object_set_boolean_member (object, "isMaterialWeight", self->is_material_weight);

  /* `productCategory` is deprecated: send it only when it is all we have. */
  if (self->category_expansion_id != NULL)
    att_json_object_set_string (object, "categoryExpansionId", self->category_expansion_id);
  else
    att_json_object_set_string (object, "productCategory", self->product_category);

  att_json_object_set_string (object, "size", self->size);
  att_json_object_set_string (object, "taxonomyId", self->taxonomy_id);
  att_json_object_set_string (object, "identifier", self->identifier);
  att_json_object_set_string (object, "identifierType", self->identifier_type);

  if (self->tags[0] != NULL)
    {
      g_autoptr(JsonArray) tags = json_array_new ();

      for (guint i = 0; self->tags[i] != NULL; i++)
        json_array_add_string_element (tags, self->tags[i]);
      json_object_set_array_member (object, "tags", g_steal_pointer (&tags));
    }

  set_request_list (object, "packaging", G_LIST_MODEL (self->packaging), FALSE);
  set_request_list (object, "components", G_LIST_MODEL (self->components), FALSE);
  set_request_list (object, "purchaseOrder", G_LIST_MODEL (self->purchase_orders), FALSE);

  set_request_country (object, "frenchLabelCountry", self->manufacturing_country);
  set_request_country (object, "frenchLabelDyeingCountry", self->dyeing_country);
  set_request_country (object, "frenchLabelFabricCountry", self->fabric_country);

  if (self->optional_fields != NULL)
    json_object_set_object_member (object, "frenchLabelOptionalFields",
                                   att_json_object_copy (self->optional_fields));

  return json_node_init_object (json_node_alloc (), object);
}
