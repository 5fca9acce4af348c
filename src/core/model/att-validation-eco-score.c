/* att-validation-eco-score.c: what a French eco-score needs of a product
 * beyond what it can be saved with (V10-V12): warnings, not errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-validation-private.h"

/* A true boolean: absent, null and anything else are false. */
static gboolean
is_true (JsonObject *object,
         const char *key)
{
  return att_json_get_boolean (object, key, NULL, FALSE, FALSE, NULL);
}

/* V11 and V12: a material the catalogue marks as an MSI custom one, and a
 * material without its composition. */
static void
check_eco_score_material (GPtrArray  *warnings,
                          JsonObject *material,
                          const char *path)
{
  if (is_true (material, "isCustomMaterial") || is_true (material, "isMsiMaterial"))
    att_check_report (warnings, path,
                      _ ("Products with MSI custom materials cannot have an eco-score"));
  if (!att_json_has_member (material, "composition"))
    att_check_report_member (warnings, path, "composition",
                             _ ("An eco-score needs the composition of every material"));
}

static void
check_eco_score_materials (GPtrArray  *warnings,
                           JsonObject *state)
{
  JsonNode  *node = json_object_get_member (state, "materials");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode        *element = json_array_get_element (array, i);
      g_autofree char *path = att_json_path_index ("materials", i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        check_eco_score_material (warnings, json_node_get_object (element), path);
    }
}

/* The members an eco-score needs (V10), each with another member that
 * stands for it, if any: the deprecated productCategory still names a
 * category. */
static void
check_eco_score_members (GPtrArray  *warnings,
                         JsonObject *state)
{
  static const struct
  {
    const char *member;
    const char *alias;
    const char *message;
  } needs[] = {
    { "categoryExpansionId", "productCategory", N_ ("An eco-score needs the product category") },
    { "size", NULL, N_ ("An eco-score needs the product size") },
    { "weight", NULL, N_ ("An eco-score needs the product weight") },
    { "weightMeasureUnit", NULL, N_ ("An eco-score needs the unit of the weight") },
    { "frenchLabelCountry", NULL, N_ ("An eco-score needs the country of manufacture") },
    { "frenchLabelDyeingCountry", NULL, N_ ("An eco-score needs the dyeing country") },
    { "frenchLabelFabricCountry", NULL, N_ ("An eco-score needs the fabric country") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    {
      if (att_json_has_member (state, needs[i].member) ||
          (needs[i].alias != NULL && att_json_has_member (state, needs[i].alias)))
        continue;
      att_check_report (warnings, needs[i].member, _ (needs[i].message));
    }
}

/**
 * att_validate_product_eco_score:
 * @state: a product in the shape of a create body; list items may carry
 *   the catalogue's `isCustomMaterial` or `isMsiMaterial`
 *
 * What a French eco-score needs that a product can be saved without
 * (V10-V12): the weight with its unit as primary data, the three
 * locations, a category and size, and materials that are not MSI custom
 * ones, each with its composition.  None of these block a save; the server
 * does not check them.
 *
 * Returns: (transfer full) (element-type AttFieldError): the warnings
 */
GPtrArray *
att_validate_product_eco_score (JsonObject *state)
{
  g_autoptr(GPtrArray) warnings = att_field_error_array_new ();

  g_return_val_if_fail (state != NULL, NULL);

  check_eco_score_members (warnings, state);
  if (!is_true (state, "weightIsPrimaryData"))
    att_check_report (warnings, "weightIsPrimaryData",
                      _ ("An eco-score needs the weight to be primary data (the real weight of the product)"));

  check_eco_score_materials (warnings, state);

  return g_steal_pointer (&warnings);
}
