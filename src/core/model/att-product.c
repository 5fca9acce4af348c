/* att-product.c: the AttProduct GObject, its properties and getters
 *
 * Reading a product from JSON and building a create request live in
 * att-product-json.c, weights and their units in att-product-weight.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-component-use.h"
#include "att-country.h"
#include "att-eco-score.h"
#include "att-material-use.h"
#include "att-packaging-use.h"
#include "att-product-private.h"
#include "att-purchase-order.h"

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
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

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
const char *const *
att_product_get_tags (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return (const char *const *) self->tags;
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
const char *const *
att_product_get_eligibility_messages (AttProduct *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT (self), NULL);

  return (const char *const *) self->eligibility_messages;
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
