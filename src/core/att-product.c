/* att-product.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "att-component-use.h"
#include "att-country.h"
#include "att-eco-score.h"
#include "att-json.h"
#include "att-material-use.h"
#include "att-packaging-use.h"
#include "att-product.h"
#include "att-purchase-order.h"

/* A PIC product as create, update and search return it.  The server echoes
 * some request fields under other names (weight in `weightInformation`, the
 * manufacturing country as `frenchLabelManufacturingCountry`), so both
 * spellings are read, the response one first.  The original object is kept
 * so that nothing this code does not model is lost.
 *
 * A product made with g_object_new() and no JSON is a placeholder: a list
 * row whose page has not been fetched yet.  Every getter works on it. */
struct _AttProduct
{
  GObject      parent_instance;

  JsonObject  *json;
  JsonObject  *optional_fields;

  char        *id;
  char        *name;
  char        *category_expansion_id;
  char        *product_category;
  char        *product_type;
  char        *size;
  char        *identifier;
  char        *identifier_type;
  char        *taxonomy_id;
  char        *weight_unit;
  char       **tags;
  char       **eligibility_messages;

  GListStore  *materials;
  GListStore  *packaging;
  GListStore  *components;
  GListStore  *purchase_orders;
  AttEcoScore *eco_score;
  AttCountry  *manufacturing_country;
  AttCountry  *fabric_country;
  AttCountry  *dyeing_country;

  double       weight;
  double       weight_kg;
  gint64       created_on;
  gint64       modified_on;
  gboolean     weight_is_primary_data;
  gboolean     is_material_weight;
  gboolean     eligible;
};

G_DEFINE_FINAL_TYPE (AttProduct, att_product, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_PRODUCT_TYPE,
  PROP_SIZE,
  PROP_IDENTIFIER,
  PROP_IDENTIFIER_TYPE,
  PROP_WEIGHT,
  PROP_WEIGHT_UNIT,
  PROP_WEIGHT_KG,
  PROP_WEIGHT_IS_PRIMARY_DATA,
  PROP_IS_MATERIAL_WEIGHT,
  PROP_TAGS,
  PROP_MATERIALS,
  PROP_PACKAGING,
  PROP_COMPONENTS,
  PROP_PURCHASE_ORDERS,
  PROP_ECO_SCORE,
  PROP_MANUFACTURING_COUNTRY,
  PROP_FABRIC_COUNTRY,
  PROP_DYEING_COUNTRY,
  PROP_ELIGIBLE,
  PROP_ELIGIBILITY_MESSAGES,
  PROP_CREATED_ON,
  PROP_MODIFIED_ON,
  PROP_PLACEHOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The units of `weightMeasureUnit`.  The API's own spelling comes first;
 * the plural and singular variants its prose pages use, and the symbols,
 * are accepted too. */
static const struct
{
  const char *unit;
  const char *symbol;
  double      kg;
} weight_units[] = {
  { "kilograms",  "kg", 1.0 },
  { "grams",      "g",  1e-3 },
  { "milligram",  "mg", 1e-6 },
  { "pound",      "lb", 0.45359237 },
  { "ounce",      "oz", 0.028349523125 },
  { "kilogram",   "kg", 1.0 },
  { "gram",       "g",  1e-3 },
  { "milligrams", "mg", 1e-6 },
  { "pounds",     "lb", 0.45359237 },
  { "ounces",     "oz", 0.028349523125 },
  { "kg",         "kg", 1.0 },
  { "g",          "g",  1e-3 },
  { "mg",         "mg", 1e-6 },
  { "lb",         "lb", 0.45359237 },
  { "oz",         "oz", 0.028349523125 },
};

/* The server assumes grams when a weight comes without a unit. */
#define DEFAULT_WEIGHT_UNIT "grams"

static void
att_product_dispose (GObject *object)
{
  AttProduct *self = (AttProduct *) object;

  g_clear_object (&self->materials);
  g_clear_object (&self->packaging);
  g_clear_object (&self->components);
  g_clear_object (&self->purchase_orders);
  g_clear_object (&self->eco_score);
  g_clear_object (&self->manufacturing_country);
  g_clear_object (&self->fabric_country);
  g_clear_object (&self->dyeing_country);

  G_OBJECT_CLASS (att_product_parent_class)->dispose (object);
}

static void
att_product_finalize (GObject *object)
{
  AttProduct *self = (AttProduct *) object;

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->optional_fields, json_object_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->category_expansion_id, g_free);
  g_clear_pointer (&self->product_category, g_free);
  g_clear_pointer (&self->product_type, g_free);
  g_clear_pointer (&self->size, g_free);
  g_clear_pointer (&self->identifier, g_free);
  g_clear_pointer (&self->identifier_type, g_free);
  g_clear_pointer (&self->taxonomy_id, g_free);
  g_clear_pointer (&self->weight_unit, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->eligibility_messages, g_strfreev);

  G_OBJECT_CLASS (att_product_parent_class)->finalize (object);
}

static void
att_product_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AttProduct *self = ATT_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, att_product_get_category (self));
      break;

    case PROP_PRODUCT_TYPE:
      g_value_set_string (value, self->product_type);
      break;

    case PROP_SIZE:
      g_value_set_string (value, self->size);
      break;

    case PROP_IDENTIFIER:
      g_value_set_string (value, self->identifier);
      break;

    case PROP_IDENTIFIER_TYPE:
      g_value_set_string (value, self->identifier_type);
      break;

    case PROP_WEIGHT:
      g_value_set_double (value, self->weight);
      break;

    case PROP_WEIGHT_UNIT:
      g_value_set_string (value, self->weight_unit);
      break;

    case PROP_WEIGHT_KG:
      g_value_set_double (value, self->weight_kg);
      break;

    case PROP_WEIGHT_IS_PRIMARY_DATA:
      g_value_set_boolean (value, self->weight_is_primary_data);
      break;

    case PROP_IS_MATERIAL_WEIGHT:
      g_value_set_boolean (value, self->is_material_weight);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_MATERIALS:
      g_value_set_object (value, self->materials);
      break;

    case PROP_PACKAGING:
      g_value_set_object (value, self->packaging);
      break;

    case PROP_COMPONENTS:
      g_value_set_object (value, self->components);
      break;

    case PROP_PURCHASE_ORDERS:
      g_value_set_object (value, self->purchase_orders);
      break;

    case PROP_ECO_SCORE:
      g_value_set_object (value, self->eco_score);
      break;

    case PROP_MANUFACTURING_COUNTRY:
      g_value_set_object (value, self->manufacturing_country);
      break;

    case PROP_FABRIC_COUNTRY:
      g_value_set_object (value, self->fabric_country);
      break;

    case PROP_DYEING_COUNTRY:
      g_value_set_object (value, self->dyeing_country);
      break;

    case PROP_ELIGIBLE:
      g_value_set_boolean (value, self->eligible);
      break;

    case PROP_ELIGIBILITY_MESSAGES:
      g_value_set_boxed (value, self->eligibility_messages);
      break;

    case PROP_CREATED_ON:
      g_value_set_int64 (value, self->created_on);
      break;

    case PROP_MODIFIED_ON:
      g_value_set_int64 (value, self->modified_on);
      break;

    case PROP_PLACEHOLDER:
      g_value_set_boolean (value, att_product_is_placeholder (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_product_class_init (AttProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = att_product_dispose;
  object_class->finalize = att_product_finalize;
  object_class->get_property = att_product_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);

  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL, flags);

  properties[PROP_PRODUCT_TYPE] =
    g_param_spec_string ("product-type", NULL, NULL, NULL, flags);

  properties[PROP_SIZE] =
    g_param_spec_string ("size", NULL, NULL, NULL, flags);

  properties[PROP_IDENTIFIER] =
    g_param_spec_string ("identifier", NULL, NULL, NULL, flags);

  properties[PROP_IDENTIFIER_TYPE] =
    g_param_spec_string ("identifier-type", NULL, NULL, NULL, flags);

  /* Absent numbers read as NAN; the pspec default cannot be NAN. */
  properties[PROP_WEIGHT] =
    g_param_spec_double ("weight", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  properties[PROP_WEIGHT_UNIT] =
    g_param_spec_string ("weight-unit", NULL, NULL, NULL, flags);

  properties[PROP_WEIGHT_KG] =
    g_param_spec_double ("weight-kg", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  properties[PROP_WEIGHT_IS_PRIMARY_DATA] =
    g_param_spec_boolean ("weight-is-primary-data", NULL, NULL, FALSE, flags);

  properties[PROP_IS_MATERIAL_WEIGHT] =
    g_param_spec_boolean ("is-material-weight", NULL, NULL, FALSE, flags);

  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);

  properties[PROP_MATERIALS] =
    g_param_spec_object ("materials", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  properties[PROP_PACKAGING] =
    g_param_spec_object ("packaging", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  properties[PROP_COMPONENTS] =
    g_param_spec_object ("components", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  properties[PROP_PURCHASE_ORDERS] =
    g_param_spec_object ("purchase-orders", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  properties[PROP_ECO_SCORE] =
    g_param_spec_object ("eco-score", NULL, NULL, ATT_TYPE_ECO_SCORE, flags);

  properties[PROP_MANUFACTURING_COUNTRY] =
    g_param_spec_object ("manufacturing-country", NULL, NULL, ATT_TYPE_COUNTRY, flags);

  properties[PROP_FABRIC_COUNTRY] =
    g_param_spec_object ("fabric-country", NULL, NULL, ATT_TYPE_COUNTRY, flags);

  properties[PROP_DYEING_COUNTRY] =
    g_param_spec_object ("dyeing-country", NULL, NULL, ATT_TYPE_COUNTRY, flags);

  properties[PROP_ELIGIBLE] =
    g_param_spec_boolean ("eligible", NULL, NULL, FALSE, flags);

  properties[PROP_ELIGIBILITY_MESSAGES] =
    g_param_spec_boxed ("eligibility-messages", NULL, NULL, G_TYPE_STRV, flags);

  /* Unix milliseconds, 0 when unknown. */
  properties[PROP_CREATED_ON] =
    g_param_spec_int64 ("created-on", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0, flags);

  properties[PROP_MODIFIED_ON] =
    g_param_spec_int64 ("modified-on", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0, flags);

  properties[PROP_PLACEHOLDER] =
    g_param_spec_boolean ("placeholder", NULL, NULL, TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_product_init (AttProduct *self)
{
  /* Lists and string arrays are never NULL, so that a view can bind to a
   * placeholder as to any other product. */
  self->materials = g_list_store_new (ATT_TYPE_MATERIAL_USE);
  self->packaging = g_list_store_new (ATT_TYPE_PACKAGING_USE);
  self->components = g_list_store_new (ATT_TYPE_COMPONENT_USE);
  self->purchase_orders = g_list_store_new (ATT_TYPE_PURCHASE_ORDER);
  self->tags = g_new0 (char *, 1);
  self->eligibility_messages = g_new0 (char *, 1);

  self->weight = NAN;
  self->weight_kg = NAN;
}

/* Trampolines, so that the list parser calls each model's constructor
 * through a function pointer of its own type. */
static gpointer
parse_material_use (JsonObject  *object,
                    const char  *path,
                    GError     **error)
{
  return att_material_use_new_from_json (object, path, error);
}

static gpointer
parse_packaging_use (JsonObject  *object,
                     const char  *path,
                     GError     **error)
{
  return att_packaging_use_new_from_json (object, path, error);
}

static gpointer
parse_component_use (JsonObject  *object,
                     const char  *path,
                     GError     **error)
{
  return att_component_use_new_from_json (object, path, error);
}

static gpointer
parse_purchase_order (JsonObject  *object,
                      const char  *path,
                      GError     **error)
{
  return att_purchase_order_new_from_json (object, path, error);
}

static gboolean
read_list (JsonObject           *object,
           const char           *key,
           const char           *path,
           GType                 item_type,
           AttJsonObjectParser   parser,
           GListStore          **inout_store,
           GError              **error)
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
  JsonObject *country = NULL;

  if (!read_optional_object (object, key, path, &country, error))
    return FALSE;

  if (country == NULL)
    return TRUE;

  country_path = att_json_path_member (path, key);
  *out_country = att_country_new_from_json (country, country_path, error);

  return *out_country != NULL;
}

static gboolean
read_weight (AttProduct  *self,
             JsonObject  *object,
             const char  *path,
             GError     **error)
{
  g_autofree char *info_path = NULL;
  g_autofree char *info_unit = NULL;
  JsonObject *info = NULL;
  double info_weight = NAN;

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
read_eligibility (AttProduct  *self,
                  JsonObject  *object,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GStrvBuilder) messages = NULL;
  g_autofree char *eligibility_path = NULL;
  g_autofree char *reasons_path = NULL;
  JsonObject *eligibility = NULL;
  JsonArray *reasons = NULL;
  GError *local_error = NULL;
  guint n;

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
      JsonNode *element = json_array_get_element (reasons, i);
      g_autofree char *reason_path = NULL;
      g_autofree char *category = NULL;
      g_autofree char *message = NULL;
      JsonObject *reason;

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
read_optional_fields (AttProduct  *self,
                      JsonObject  *object,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *fields_path = NULL;
  g_autofree char *business = NULL;
  g_autoptr(AttCountry) spinning = NULL;
  JsonObject *fields = NULL;
  gboolean upcycled;
  double number;

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
read_eco_score (AttProduct  *self,
                JsonObject  *object,
                const char  *path,
                GError     **error)
{
  g_autofree char *score_path = NULL;
  JsonObject *score = NULL;

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
att_product_new_from_json (JsonObject  *object,
                           const char  *path,
                           GError     **error)
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
  g_autoptr(JsonObject) object = NULL;

  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  object = self->json != NULL ? att_json_object_copy (self->json) : json_object_new ();

  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
item_to_request_json (gpointer item)
{
  if (ATT_IS_MATERIAL_USE (item))
    return att_material_use_to_request_json (item);
  if (ATT_IS_PACKAGING_USE (item))
    return att_packaging_use_to_request_json (item);
  if (ATT_IS_COMPONENT_USE (item))
    return att_component_use_to_request_json (item);
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

/**
 * att_product_is_placeholder:
 *
 * Returns: %TRUE for a product made without JSON: a list row whose page is
 *   not loaded yet
 */
gboolean
att_product_is_placeholder (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), TRUE);

  return self->json == NULL;
}

const char *
att_product_get_id (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return self->id;
}

const char *
att_product_get_name (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return self->name;
}

/**
 * att_product_get_category:
 *
 * Returns: (nullable): `categoryExpansionId`, else the deprecated
 *   `productCategory`
 */
const char *
att_product_get_category (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return self->category_expansion_id != NULL ? self->category_expansion_id
                                             : self->product_category;
}

/**
 * att_product_get_product_type:
 *
 * Returns: (nullable): `productType`, else `type`
 */
const char *
att_product_get_product_type (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return self->product_type;
}

const char *
att_product_get_size (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return self->size;
}

/**
 * att_product_get_identifier:
 *
 * Returns: (nullable): the external identifier (GTIN, SKU...)
 */
const char *
att_product_get_identifier (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return self->identifier;
}

/**
 * att_product_get_identifier_type:
 *
 * Returns: (nullable): `GTIN`, `SKU`, `UPC` or `OTHER`
 */
const char *
att_product_get_identifier_type (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return self->identifier_type;
}

/**
 * att_product_get_weight:
 *
 * Returns: `weightInformation.weight`, else `weight`, or %NAN if unknown;
 *   in att_product_get_weight_unit()
 */
double
att_product_get_weight (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NAN);

  return self->weight;
}

/**
 * att_product_get_weight_unit:
 *
 * Returns: (nullable): `weightInformation.unit`, else `weightMeasureUnit`
 *   (`kilograms`, `grams`, `milligram`, `pound` or `ounce`)
 */
const char *
att_product_get_weight_unit (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return self->weight_unit;
}

/**
 * att_product_get_weight_kg:
 *
 * Returns: `weightInformation.convertedToKg`, else the weight converted
 *   from its unit, or %NAN if unknown
 */
double
att_product_get_weight_kg (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NAN);

  return self->weight_kg;
}

/**
 * att_product_get_weight_is_primary_data:
 *
 * Returns: whether the weight is the product's real, measured weight (a
 *   prerequisite of the French eco-score)
 */
gboolean
att_product_get_weight_is_primary_data (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), FALSE);

  return self->weight_is_primary_data;
}

/**
 * att_product_get_is_material_weight:
 *
 * Returns: whether the weight is the sum of the materials' weights
 */
gboolean
att_product_get_is_material_weight (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), FALSE);

  return self->is_material_weight;
}

/**
 * att_product_get_tags:
 *
 * Returns: (transfer none) (array zero-terminated=1): the tags, possibly
 *   empty, never %NULL
 */
const char * const *
att_product_get_tags (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return (const char * const *) self->tags;
}

/**
 * att_product_get_materials:
 *
 * Returns: (transfer none): a list of #AttMaterialUse, possibly empty
 */
GListModel *
att_product_get_materials (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return G_LIST_MODEL (self->materials);
}

/**
 * att_product_get_packaging:
 *
 * Returns: (transfer none): a list of #AttPackagingUse, possibly empty
 */
GListModel *
att_product_get_packaging (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return G_LIST_MODEL (self->packaging);
}

/**
 * att_product_get_components:
 *
 * Returns: (transfer none): a list of #AttComponentUse, possibly empty
 */
GListModel *
att_product_get_components (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return G_LIST_MODEL (self->components);
}

/**
 * att_product_get_purchase_orders:
 *
 * Returns: (transfer none): a list of #AttPurchaseOrder, possibly empty
 */
GListModel *
att_product_get_purchase_orders (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return G_LIST_MODEL (self->purchase_orders);
}

/**
 * att_product_get_eco_score:
 *
 * Returns: (transfer none) (nullable): the French eco-score, if any
 */
AttEcoScore *
att_product_get_eco_score (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return self->eco_score;
}

/**
 * att_product_get_manufacturing_country:
 *
 * Returns: (transfer none) (nullable): the final assembly location
 */
AttCountry *
att_product_get_manufacturing_country (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return self->manufacturing_country;
}

/**
 * att_product_get_fabric_country:
 *
 * Returns: (transfer none) (nullable): the textile formation (weaving,
 *   knitting) location
 */
AttCountry *
att_product_get_fabric_country (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return self->fabric_country;
}

/**
 * att_product_get_dyeing_country:
 *
 * Returns: (transfer none) (nullable): the dyeing and finishing location
 */
AttCountry *
att_product_get_dyeing_country (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return self->dyeing_country;
}

/**
 * att_product_get_eligible:
 *
 * Returns: `frenchLabelEligibility.eligible`; %FALSE when unknown
 */
gboolean
att_product_get_eligible (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), FALSE);

  return self->eligible;
}

/**
 * att_product_get_eligibility_messages:
 *
 * Returns: (transfer none) (array zero-terminated=1): why no eco-score can
 *   be computed, as the server put it; possibly empty, never %NULL
 */
const char * const *
att_product_get_eligibility_messages (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return (const char * const *) self->eligibility_messages;
}

/**
 * att_product_get_created_on:
 *
 * Returns: Unix milliseconds, or 0 if unknown
 */
gint64
att_product_get_created_on (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), 0);

  return self->created_on;
}

/**
 * att_product_get_modified_on:
 *
 * Returns: Unix milliseconds, or 0 if unknown
 */
gint64
att_product_get_modified_on (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), 0);

  return self->modified_on;
}

/**
 * att_product_format_weight:
 *
 * Formats the weight for display in its own unit, e.g. "350 g" or
 * "1.2 kg" (with the locale's decimal separator).
 *
 * Returns: (transfer full) (nullable): the weight, or %NULL if unknown
 */
char *
att_product_format_weight (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  if (!isnan (self->weight))
    {
      const char *unit = self->weight_unit != NULL ? self->weight_unit : DEFAULT_WEIGHT_UNIT;

      return g_strdup_printf ("%g %s", self->weight, att_weight_unit_to_symbol (unit));
    }

  if (!isnan (self->weight_kg))
    return g_strdup_printf ("%g %s", self->weight_kg, "kg");

  return NULL;
}

/**
 * att_weight_unit_to_symbol:
 * @unit: (nullable): a `weightMeasureUnit` value such as `grams`
 *
 * Returns: (nullable): its symbol (`kilograms` → `kg`, `grams` → `g`,
 *   `milligram` → `mg`, `pound` → `lb`, `ounce` → `oz`), else @unit itself
 */
const char *
att_weight_unit_to_symbol (const char *unit)
{
  if (unit == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (weight_units); i++)
    {
      if (g_str_equal (weight_units[i].unit, unit))
        return weight_units[i].symbol;
    }

  return unit;
}

/**
 * att_weight_unit_to_kg:
 * @weight: a weight in @unit
 * @unit: a `weightMeasureUnit` value such as `grams`
 *
 * Returns: @weight in kilograms, or %NAN if @unit is unknown
 */
double
att_weight_unit_to_kg (double      weight,
                       const char *unit)
{
  g_return_val_if_fail (unit != NULL, NAN);

  for (guint i = 0; i < G_N_ELEMENTS (weight_units); i++)
    {
      if (g_str_equal (weight_units[i].unit, unit))
        return weight * weight_units[i].kg;
    }

  return NAN;
}
