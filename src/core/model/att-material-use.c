/* att-material-use.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-material-use.h"

/* A material in a product's recipe: besides what every catalogue use has,
 * the share of the product it makes up (composition, %) and the cutting
 * efficiency (netUse, %). */
struct _AttMaterialUse
{
  AttCatalogUse parent_instance;
};

G_DEFINE_FINAL_TYPE (AttMaterialUse, att_material_use, ATT_TYPE_CATALOG_USE)

enum {
  NUMBER_NET_USE,
  NUMBER_COMPOSITION,
  N_NUMBERS
};

/* In the order of a MaterialsData request: `{materialId, netUse, composition}`. */
static const AttCatalogUseNumber numbers[N_NUMBERS] = {
  [NUMBER_NET_USE] = { "net-use", "netUse" },
  [NUMBER_COMPOSITION] = { "composition", "composition" },
};

static void
att_material_use_class_init (AttMaterialUseClass *klass)
{
  att_catalog_use_class_set_members (ATT_CATALOG_USE_CLASS (klass), "materialId",
                                     numbers, N_NUMBERS);
}

static void
att_material_use_init (AttMaterialUse *self)
{
}

/**
 * att_material_use_new_from_json:
 * @object: a material of a product (response shape) or of a request
 * @path: (nullable): where @object sits, e.g. `materials[2]`
 *
 * `materialId` is required; everything else is optional.
 *
 * Returns: (transfer full) (nullable): a new #AttMaterialUse, or %NULL on
 *   error
 */
AttMaterialUse *
att_material_use_new_from_json (JsonObject *object,
                                const char *path,
                                GError    **error)
{
  return (AttMaterialUse *) att_catalog_use_new_from_json (ATT_TYPE_MATERIAL_USE, object, path, error);
}

/**
 * att_material_use_get_material_id:
 *
 * Returns: (nullable): the catalogue id, as att_catalog_use_get_catalog_id()
 */
const char *
att_material_use_get_material_id (AttMaterialUse *self)
{
  g_return_val_if_fail (ATT_IS_MATERIAL_USE (self), NULL);

  return att_catalog_use_get_catalog_id (ATT_CATALOG_USE (self));
}

/**
 * att_material_use_get_composition:
 *
 * Returns: the share of the product, in %, or %NAN if unknown
 */
double
att_material_use_get_composition (AttMaterialUse *self)
{
  g_return_val_if_fail (ATT_IS_MATERIAL_USE (self), NAN);

  return att_catalog_use_get_number (ATT_CATALOG_USE (self), NUMBER_COMPOSITION);
}

/**
 * att_material_use_get_net_use:
 *
 * Returns: the cutting efficiency, in %, or %NAN if unknown
 */
double
att_material_use_get_net_use (AttMaterialUse *self)
{
  g_return_val_if_fail (ATT_IS_MATERIAL_USE (self), NAN);

  return att_catalog_use_get_number (ATT_CATALOG_USE (self), NUMBER_NET_USE);
}
