/* att-purchase-order.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-json.h"
#include "att-purchase-order.h"

/* A purchase order: the brand's own PO number, when and how many were
 * bought, and the FEM-assessed facility (`assembly`) that made them.  The
 * date is kept normalized to "YYYY-MM-DD": requests send that string, but
 * responses return Unix milliseconds. */
struct _AttPurchaseOrder
{
  GObject     parent_instance;

  JsonObject *json;
  char       *id;
  char       *purchase_order_id;
  char       *purchase_date;
  char       *fem_id;
  char       *facility_name;
  char       *country;
  char       *assessment_status;
  double      amount_purchase;
  double      impact_per_unit;
  double      total_impact_per_unit;
};

G_DEFINE_FINAL_TYPE (AttPurchaseOrder, att_purchase_order, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PURCHASE_ORDER_ID,
  PROP_PURCHASE_DATE,
  PROP_AMOUNT_PURCHASE,
  PROP_FEM_ID,
  PROP_FACILITY_NAME,
  PROP_COUNTRY,
  PROP_ASSESSMENT_STATUS,
  PROP_IMPACT_PER_UNIT,
  PROP_TOTAL_IMPACT_PER_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_purchase_order_finalize (GObject *object)
{
  AttPurchaseOrder *self = (AttPurchaseOrder *) object;

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->purchase_order_id, g_free);
  g_clear_pointer (&self->purchase_date, g_free);
  g_clear_pointer (&self->fem_id, g_free);
  g_clear_pointer (&self->facility_name, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->assessment_status, g_free);

  G_OBJECT_CLASS (att_purchase_order_parent_class)->finalize (object);
}

static void
att_purchase_order_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AttPurchaseOrder *self = ATT_PURCHASE_ORDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_PURCHASE_ORDER_ID:
      g_value_set_string (value, self->purchase_order_id);
      break;

    case PROP_PURCHASE_DATE:
      g_value_set_string (value, self->purchase_date);
      break;

    case PROP_AMOUNT_PURCHASE:
      g_value_set_double (value, self->amount_purchase);
      break;

    case PROP_FEM_ID:
      g_value_set_string (value, self->fem_id);
      break;

    case PROP_FACILITY_NAME:
      g_value_set_string (value, self->facility_name);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_ASSESSMENT_STATUS:
      g_value_set_string (value, self->assessment_status);
      break;

    case PROP_IMPACT_PER_UNIT:
      g_value_set_double (value, self->impact_per_unit);
      break;

    case PROP_TOTAL_IMPACT_PER_UNIT:
      g_value_set_double (value, self->total_impact_per_unit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_purchase_order_class_init (AttPurchaseOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = att_purchase_order_finalize;
  object_class->get_property = att_purchase_order_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);

  properties[PROP_PURCHASE_ORDER_ID] =
    g_param_spec_string ("purchase-order-id", NULL, NULL, NULL, flags);

  properties[PROP_PURCHASE_DATE] =
    g_param_spec_string ("purchase-date", NULL, NULL, NULL, flags);

  /* Absent numbers read as NAN; the pspec default cannot be NAN. */
  properties[PROP_AMOUNT_PURCHASE] =
    g_param_spec_double ("amount-purchase", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  properties[PROP_FEM_ID] =
    g_param_spec_string ("fem-id", NULL, NULL, NULL, flags);

  properties[PROP_FACILITY_NAME] =
    g_param_spec_string ("facility-name", NULL, NULL, NULL, flags);

  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL, flags);

  properties[PROP_ASSESSMENT_STATUS] =
    g_param_spec_string ("assessment-status", NULL, NULL, NULL, flags);

  properties[PROP_IMPACT_PER_UNIT] =
    g_param_spec_double ("impact-per-unit", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  properties[PROP_TOTAL_IMPACT_PER_UNIT] =
    g_param_spec_double ("total-impact-per-unit", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_purchase_order_init (AttPurchaseOrder *self)
{
  self->amount_purchase = NAN;
  self->impact_per_unit = NAN;
  self->total_impact_per_unit = NAN;
}

/**
 * att_purchase_order_new_from_json:
 * @object: a purchase order of a product (response shape) or of a request
 * @path: (nullable): where @object sits, e.g. `purchaseOrder[0]`
 *
 * No member is required: a new PO has no `_id` yet, and the API documents
 * none of the others as mandatory.  `purchaseDate` may be Unix milliseconds
 * or a `YYYY-MM-DD` string.
 *
 * Returns: (transfer full) (nullable): a new #AttPurchaseOrder, or %NULL on
 *   error
 */
AttPurchaseOrder *
att_purchase_order_new_from_json (JsonObject *object,
                                  const char *path,
                                  GError    **error)
{
  g_autoptr(AttPurchaseOrder) self = NULL;
  g_autofree char *assembly_path = NULL;
  JsonObject      *assembly = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_PURCHASE_ORDER, NULL);
  self->json = json_object_ref (object);

  if (!att_json_read_string (object, "_id", path, FALSE, &self->id, error) ||
      !att_json_read_string (object, "purchaseOrderId", path, FALSE, &self->purchase_order_id, error) ||
      !att_json_read_date (object, "purchaseDate", path, &self->purchase_date, error) ||
      !att_json_read_double (object, "amountPurchase", path, FALSE, &self->amount_purchase, error) ||
      !att_json_read_double (object, "impactPerUnit", path, FALSE, &self->impact_per_unit, error) ||
      !att_json_read_double (object, "totalImpactPerUnit", path, FALSE, &self->total_impact_per_unit, error) ||
      !att_json_read_object (object, "assembly", path, FALSE, &assembly, error))
    return NULL;

  assembly_path = att_json_path_member (path, "assembly");
  if (assembly != NULL &&
      (!att_json_read_string (assembly, "femId", assembly_path, FALSE, &self->fem_id, error) ||
       !att_json_read_string (assembly, "facilityName", assembly_path, FALSE, &self->facility_name, error) ||
       !att_json_read_string (assembly, "country", assembly_path, FALSE, &self->country, error) ||
       !att_json_read_string (assembly, "assessmentStatus", assembly_path, FALSE, &self->assessment_status, error)))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * att_purchase_order_get_json:
 *
 * Returns: (transfer none) (nullable): the parsed object, unknown members
 *   included
 */
JsonObject *
att_purchase_order_get_json (AttPurchaseOrder *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER (self), NULL);

  return self->json;
}

/**
 * att_purchase_order_to_json:
 *
 * Returns: (transfer full): a copy of the parsed object, unknown members
 *   kept (`purchaseDate` as it came)
 */
JsonNode *
att_purchase_order_to_json (AttPurchaseOrder *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER (self), NULL);

  return att_json_object_to_node (self->json);
}

/**
 * att_purchase_order_to_request_json:
 *
 * The POData of create requests and of `addPurchaseOrder`; with its `_id`,
 * the element of `updatePurchaseOrder`.  The date is always sent as the
 * "YYYY-MM-DD" string the API takes.
 *
 * Returns: (transfer full): `{_id?, purchaseOrderId, purchaseDate,
 *   amountPurchase, assembly?: {femId}}`
 */
JsonNode *
att_purchase_order_to_request_json (AttPurchaseOrder *self)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER (self), NULL);

  object = json_object_new ();
  att_json_object_set_string (object, "_id", self->id);
  att_json_object_set_string (object, "purchaseOrderId", self->purchase_order_id);
  att_json_object_set_string (object, "purchaseDate", self->purchase_date);
  att_json_object_set_number (object, "amountPurchase", self->amount_purchase);

  if (self->fem_id != NULL)
    {
      g_autoptr(JsonObject) assembly = json_object_new ();

      json_object_set_string_member (assembly, "femId", self->fem_id);
      json_object_set_object_member (object, "assembly", g_steal_pointer (&assembly));
    }

  return json_node_init_object (json_node_alloc (), object);
}

/**
 * att_purchase_order_get_id:
 *
 * Returns: (nullable): the server's `_id`, %NULL for a PO not saved yet
 */
const char *
att_purchase_order_get_id (AttPurchaseOrder *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER (self), NULL);

  return self->id;
}

/**
 * att_purchase_order_get_purchase_order_id:
 *
 * Returns: (nullable): the brand's own PO number
 */
const char *
att_purchase_order_get_purchase_order_id (AttPurchaseOrder *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER (self), NULL);

  return self->purchase_order_id;
}

/**
 * att_purchase_order_get_purchase_date:
 *
 * Returns: (nullable): the purchase date as "YYYY-MM-DD" (UTC), or %NULL
 */
const char *
att_purchase_order_get_purchase_date (AttPurchaseOrder *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER (self), NULL);

  return self->purchase_date;
}

/**
 * att_purchase_order_get_amount_purchase:
 *
 * Returns: the number of units bought, or %NAN if unknown
 */
double
att_purchase_order_get_amount_purchase (AttPurchaseOrder *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER (self), NAN);

  return self->amount_purchase;
}

/**
 * att_purchase_order_get_fem_id:
 *
 * Returns: (nullable): `assembly.femId`, the facility's FEM assessment id
 */
const char *
att_purchase_order_get_fem_id (AttPurchaseOrder *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER (self), NULL);

  return self->fem_id;
}

/**
 * att_purchase_order_get_facility_name:
 *
 * Returns: (nullable): `assembly.facilityName`
 */
const char *
att_purchase_order_get_facility_name (AttPurchaseOrder *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER (self), NULL);

  return self->facility_name;
}

/**
 * att_purchase_order_get_country:
 *
 * Returns: (nullable): `assembly.country`
 */
const char *
att_purchase_order_get_country (AttPurchaseOrder *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER (self), NULL);

  return self->country;
}

/**
 * att_purchase_order_get_assessment_status:
 *
 * Returns: (nullable): `assembly.assessmentStatus`, a FEM status code
 *   such as `ASC`
 */
const char *
att_purchase_order_get_assessment_status (AttPurchaseOrder *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER (self), NULL);

  return self->assessment_status;
}

/**
 * att_purchase_order_get_impact_per_unit:
 *
 * Returns: `impactPerUnit`, or %NAN if unknown
 */
double
att_purchase_order_get_impact_per_unit (AttPurchaseOrder *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER (self), NAN);

  return self->impact_per_unit;
}

/**
 * att_purchase_order_get_total_impact_per_unit:
 *
 * Returns: `totalImpactPerUnit`, or %NAN if unknown
 */
double
att_purchase_order_get_total_impact_per_unit (AttPurchaseOrder *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER (self), NAN);

  return self->total_impact_per_unit;
}
