/* att-purchase-order-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-purchase-order-row.h"

/* The fields a list of purchase orders across products shows, copied out
 * of the cache: plain strings, so that rows made in a reading thread can be
 * handed to the main thread whole.  The amount is NAN when unknown. */
struct _AttPurchaseOrderRow
{
  GObject parent_instance;

  char   *product_id;
  char   *product_name;
  char   *id;
  char   *purchase_order_id;
  char   *purchase_date;
  double  amount_purchase;
  char   *fem_id;
};

G_DEFINE_FINAL_TYPE (AttPurchaseOrderRow, att_purchase_order_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PRODUCT_ID,
  PROP_PRODUCT_NAME,
  PROP_ID,
  PROP_PURCHASE_ORDER_ID,
  PROP_PURCHASE_DATE,
  PROP_AMOUNT_PURCHASE,
  PROP_FEM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_purchase_order_row_finalize (GObject *object)
{
  AttPurchaseOrderRow *self = (AttPurchaseOrderRow *) object;

  g_free (self->product_id);
  g_free (self->product_name);
  g_free (self->id);
  g_free (self->purchase_order_id);
  g_free (self->purchase_date);
  g_free (self->fem_id);

  G_OBJECT_CLASS (att_purchase_order_row_parent_class)->finalize (object);
}

static void
att_purchase_order_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AttPurchaseOrderRow *self = ATT_PURCHASE_ORDER_ROW (object);

  switch (prop_id)
    {
    case PROP_PRODUCT_ID:
      g_value_set_string (value, self->product_id);
      break;

    case PROP_PRODUCT_NAME:
      g_value_set_string (value, self->product_name);
      break;

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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
att_purchase_order_row_class_init (AttPurchaseOrderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_purchase_order_row_finalize;
  object_class->get_property = att_purchase_order_row_get_property;

  properties[PROP_PRODUCT_ID] = string_property ("product-id");
  properties[PROP_PRODUCT_NAME] = string_property ("product-name");
  properties[PROP_ID] = string_property ("id");
  properties[PROP_PURCHASE_ORDER_ID] = string_property ("purchase-order-id");
  properties[PROP_PURCHASE_DATE] = string_property ("purchase-date");
  properties[PROP_FEM_ID] = string_property ("fem-id");
  /* Unknown amounts read as NAN; the pspec default cannot be NAN. */
  properties[PROP_AMOUNT_PURCHASE] =
    g_param_spec_double ("amount-purchase", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_purchase_order_row_init (AttPurchaseOrderRow *self)
{
  self->amount_purchase = NAN;
}

/**
 * att_purchase_order_row_new:
 * @product_id: the `_id` of the product the order belongs to
 * @product_name: (nullable): the product's name
 * @id: (nullable): the order's own `_id`, which updates and removals name
 * @purchase_order_id: (nullable): the brand's order number
 * @purchase_date: (nullable): `YYYY-MM-DD`
 * @amount_purchase: how many were bought; NAN when unknown
 * @fem_id: (nullable): the FEM id of the facility
 *
 * Returns: (transfer full): a new row
 */
AttPurchaseOrderRow *
att_purchase_order_row_new (const char *product_id,
                            const char *product_name,
                            const char *id,
                            const char *purchase_order_id,
                            const char *purchase_date,
                            double      amount_purchase,
                            const char *fem_id)
{
  AttPurchaseOrderRow *self;

  g_return_val_if_fail (product_id != NULL, NULL);

  self = g_object_new (ATT_TYPE_PURCHASE_ORDER_ROW, NULL);
  self->product_id = g_strdup (product_id);
  self->product_name = g_strdup (product_name);
  self->id = g_strdup (id);
  self->purchase_order_id = g_strdup (purchase_order_id);
  self->purchase_date = g_strdup (purchase_date);
  self->amount_purchase = amount_purchase;
  self->fem_id = g_strdup (fem_id);
  return self;
}

const char *
att_purchase_order_row_get_product_id (AttPurchaseOrderRow *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER_ROW (self), NULL);

  return self->product_id;
}

const char *
att_purchase_order_row_get_product_name (AttPurchaseOrderRow *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER_ROW (self), NULL);

  return self->product_name;
}

const char *
att_purchase_order_row_get_id (AttPurchaseOrderRow *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER_ROW (self), NULL);

  return self->id;
}

const char *
att_purchase_order_row_get_purchase_order_id (AttPurchaseOrderRow *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER_ROW (self), NULL);

  return self->purchase_order_id;
}

const char *
att_purchase_order_row_get_purchase_date (AttPurchaseOrderRow *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER_ROW (self), NULL);

  return self->purchase_date;
}

double
att_purchase_order_row_get_amount_purchase (AttPurchaseOrderRow *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER_ROW (self), NAN);

  return self->amount_purchase;
}

const char *
att_purchase_order_row_get_fem_id (AttPurchaseOrderRow *self)
{
  g_return_val_if_fail (ATT_IS_PURCHASE_ORDER_ROW (self), NULL);

  return self->fem_id;
}
