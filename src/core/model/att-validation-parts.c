/* att-validation-parts.c: the rules of the catalogue entries a product is
 * made of: its materials, packaging and components
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-validation-private.h"

/* What the compositions of a product's materials add up to. */
typedef struct
{
  guint  given; /* materials with a composition */
  guint  valid; /* of those, the ones in range */
  gint64 sum;   /* of the valid ones */
} Compositions;

/* The materials to check, %NULL when there are none to check.  On update an
 * absent list stays as it is; but a product without materials is none. */
static JsonArray *
materials_of (GPtrArray  *errors,
              JsonObject *body,
              gboolean    required)
{
  JsonNode  *node = json_object_get_member (body, "materials");
  JsonArray *array;

  if (!required && node == NULL)
    return NULL;

  if (!required && att_check_is_null (node))
    {
      att_check_report (errors, "materials", _ ("A product needs at least one material"));
      return NULL;
    }

  array = att_check_array (errors, body, "materials", NULL, TRUE);
  if (array != NULL && json_array_get_length (array) == 0)
    {
      att_check_report (errors, "materials", _ ("A product needs at least one material"));
      return NULL;
    }

  return array;
}

/* One material: materialId, netUse 1-100 (V2) and a composition that is a
 * whole number from 1 to 100 (V4), counted in @compositions. */
static void
check_material (GPtrArray    *errors,
                JsonNode     *element,
                const char   *path,
                Compositions *compositions)
{
  static const AttCheckRange net_use = { .min = 1, .max = 100 };
  static const AttCheckRange composition = { .min = 1, .max = 100, .integer = TRUE };
  JsonObject                *material = att_check_object (errors, element, path);
  double                     value;

  if (material == NULL)
    return;

  att_check_string (errors, material, "materialId", path, TRUE, FALSE);
  att_check_number_in (errors, material, "netUse", path, TRUE, &net_use,
                       _ ("Net use must be between 1 and 100"), NULL);

  if (!att_json_has_member (material, "composition"))
    return;

  compositions->given++;
  if (att_check_number_in (errors, material, "composition", path, FALSE, &composition,
                           _ ("Composition must be a whole number between 1 and 100"), &value))
    {
      compositions->valid++;
      compositions->sum += (gint64) value;
    }
}

static void
report_missing_compositions (GPtrArray *errors,
                             JsonArray *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode        *element = json_array_get_element (array, i);
      g_autofree char *path = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          att_json_has_member (json_node_get_object (element), "composition"))
        continue;

      path = att_json_path_index ("materials", i);
      att_check_report_member (errors, path, "composition",
                               _ ("Give a composition for every material, or for none"));
    }
}

/* Compositions are given for every material or for none, and add up to
 * exactly 100 (V3). */
static void
check_compositions (GPtrArray          *errors,
                    JsonArray          *array,
                    const Compositions *compositions)
{
  guint n = json_array_get_length (array);

  if (compositions->given > 0 && compositions->given < n)
    report_missing_compositions (errors, array);
  else if (compositions->given == n && compositions->valid == n && compositions->sum != 100)
    {
      /* Translators: %d is the sum of the material compositions. */
      g_autofree char *message = g_strdup_printf (_ ("Compositions must add up to 100 %% (they add up to %d %%)"),
                                                  (int) compositions->sum);

      att_check_report (errors, "materials", message);
    }
}

/* Materials: materialId + netUse (1-100), composition integers 1-100 that
 * add up to exactly 100 when any is given (V2, V3, V4). */
void
att_check_materials (GPtrArray  *errors,
                     JsonObject *body,
                     gboolean    required)
{
  JsonArray   *array = materials_of (errors, body, required);
  Compositions compositions = { 0 };

  if (array == NULL)
    return;

  att_check_duplicates (errors, array, "materials", "materialId");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = att_json_path_index ("materials", i);

      check_material (errors, json_array_get_element (array, i), path, &compositions);
    }

  check_compositions (errors, array, &compositions);
}

/* A list of catalogue entries that each name their entry and a quantity
 * greater than 0. */
typedef struct
{
  const char *list;
  const char *id;
  const char *quantity;
  const char *message; /* untranslated: for a quantity of 0 or less */
} CatalogueList;

static void
check_catalogue_list (GPtrArray           *errors,
                      JsonObject          *body,
                      const CatalogueList *shape)
{
  static const AttCheckRange positive = ATT_CHECK_POSITIVE;
  JsonArray                 *array = att_check_array (errors, body, shape->list, NULL, FALSE);

  if (array == NULL)
    return;

  att_check_duplicates (errors, array, shape->list, shape->id);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = att_json_path_index (shape->list, i);
      JsonObject      *item = att_check_object (errors, json_array_get_element (array, i), path);

      if (item == NULL)
        continue;

      att_check_string (errors, item, shape->id, path, TRUE, FALSE);
      att_check_number_in (errors, item, shape->quantity, path, TRUE, &positive,
                           _ (shape->message), NULL);
    }
}

void
att_check_packaging (GPtrArray  *errors,
                     JsonObject *body)
{
  static const CatalogueList packaging = {
    "packaging", "packagingId", "amount", N_ ("Amount must be greater than 0")
  };

  check_catalogue_list (errors, body, &packaging);
}

void
att_check_components (GPtrArray  *errors,
                      JsonObject *body)
{
  static const CatalogueList components = {
    "components", "componentId", "unit", N_ ("Units must be greater than 0")
  };

  check_catalogue_list (errors, body, &components);
}
