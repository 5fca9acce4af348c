/* att-packaging-use.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-packaging-use.h"

/* A packaging item of a product: besides what every catalogue use has, how
 * many of it the product ships with. */
struct _AttPackagingUse
{
  AttCatalogUse parent_instance;
};

G_DEFINE_FINAL_TYPE (AttPackagingUse, att_packaging_use, ATT_TYPE_CATALOG_USE)

enum {
  NUMBER_AMOUNT,
  N_NUMBERS
};

/* A PackagingData request is `{packagingId, amount}`. */
static const AttCatalogUseNumber numbers[N_NUMBERS] = {
  [NUMBER_AMOUNT] = { "amount", "amount" },
};

static void
att_packaging_use_class_init (AttPackagingUseClass *klass)
{
  att_catalog_use_class_set_members (ATT_CATALOG_USE_CLASS (klass), "packagingId",
                                     numbers, N_NUMBERS);
}

static void
att_packaging_use_init (AttPackagingUse *self)
{
}

/**
 * att_packaging_use_new_from_json:
 * @object: a packaging item of a product (response shape) or of a request
 * @path: (nullable): where @object sits, e.g. `packaging[0]`
 *
 * `packagingId` is required; everything else is optional.
 *
 * Returns: (transfer full) (nullable): a new #AttPackagingUse, or %NULL on
 *   error
 */
AttPackagingUse *
att_packaging_use_new_from_json (JsonObject *object,
                                 const char *path,
                                 GError    **error)
{
  return (AttPackagingUse *) att_catalog_use_new_from_json (ATT_TYPE_PACKAGING_USE, object, path, error);
}

/**
 * att_packaging_use_get_packaging_id:
 *
 * Returns: (nullable): the catalogue id, as att_catalog_use_get_catalog_id()
 */
const char *
att_packaging_use_get_packaging_id (AttPackagingUse *self)
{
  g_return_val_if_fail (ATT_IS_PACKAGING_USE (self), NULL);

  return att_catalog_use_get_catalog_id (ATT_CATALOG_USE (self));
}

/**
 * att_packaging_use_get_amount:
 *
 * Returns: how many of this packaging, or %NAN if unknown
 */
double
att_packaging_use_get_amount (AttPackagingUse *self)
{
  g_return_val_if_fail (ATT_IS_PACKAGING_USE (self), NAN);

  return att_catalog_use_get_number (ATT_CATALOG_USE (self), NUMBER_AMOUNT);
}
