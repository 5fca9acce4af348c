/* att-component-use.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-component-use.h"

/* A component of a product (button, zipper, trim...): besides what every
 * catalogue use has, how many units of it. */
struct _AttComponentUse
{
  AttCatalogUse parent_instance;
};

G_DEFINE_FINAL_TYPE (AttComponentUse, att_component_use, ATT_TYPE_CATALOG_USE)

enum {
  NUMBER_UNIT,
  N_NUMBERS
};

/* A ComponentData request is `{componentId, unit}`. */
static const AttCatalogUseNumber numbers[N_NUMBERS] = {
  [NUMBER_UNIT] = { "unit", "unit" },
};

static void
att_component_use_class_init (AttComponentUseClass *klass)
{
  att_catalog_use_class_set_members (ATT_CATALOG_USE_CLASS (klass), "componentId",
                                     numbers, N_NUMBERS);
}

static void
att_component_use_init (AttComponentUse *self)
{
}

/**
 * att_component_use_new_from_json:
 * @object: a component of a product (response shape) or of a request
 * @path: (nullable): where @object sits, e.g. `components[0]`
 *
 * `componentId` is required; everything else is optional.
 *
 * Returns: (transfer full) (nullable): a new #AttComponentUse, or %NULL on
 *   error
 */
AttComponentUse *
att_component_use_new_from_json (JsonObject *object,
                                 const char *path,
                                 GError    **error)
{
  return (AttComponentUse *) att_catalog_use_new_from_json (ATT_TYPE_COMPONENT_USE, object, path, error);
}

/**
 * att_component_use_get_component_id:
 *
 * Returns: (nullable): the catalogue id, as att_catalog_use_get_catalog_id()
 */
const char *
att_component_use_get_component_id (AttComponentUse *self)
{
  g_return_val_if_fail (ATT_IS_COMPONENT_USE (self), NULL);

  return att_catalog_use_get_catalog_id (ATT_CATALOG_USE (self));
}

/**
 * att_component_use_get_unit:
 *
 * Returns: how many units of this component, or %NAN if unknown
 */
double
att_component_use_get_unit (AttComponentUse *self)
{
  g_return_val_if_fail (ATT_IS_COMPONENT_USE (self), NAN);

  return att_catalog_use_get_number (ATT_CATALOG_USE (self), NUMBER_UNIT);
}
