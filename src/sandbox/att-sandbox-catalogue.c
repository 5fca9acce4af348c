/* att-sandbox-catalogue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "att-sandbox-catalogue.h"
#include "att-sandbox-json.h"
#include "att-sandbox-request.h"
#include "att-sandbox-util.h"

#define RESOURCE_PREFIX "/io/github/attestapp/Attest/sandbox/"

/* The documented cap of the catalogue searches (V15). */
#define CATALOGUE_PAGE_SIZE 50

struct _AttSandboxCatalogue
{
  GObject           parent_instance;

  JsonArray        *items[3];
  GHashTable       *by_id[3];
  JsonArray        *countries;
  GHashTable       *countries_by_code;
  JsonArray        *categories;
  GHashTable       *categories_by_id;
  JsonArray        *impact_rows;
  AttSandboxImpact *impacts;
  guint             n_impacts;
};

G_DEFINE_FINAL_TYPE (AttSandboxCatalogue, att_sandbox_catalogue, G_TYPE_OBJECT)

static const char *const kind_files[] = {
  "materials.json",
  "components.json",
  "packaging.json",
};

static void
att_sandbox_catalogue_finalize (GObject *object)
{
  AttSandboxCatalogue *self = (AttSandboxCatalogue *) object;

  for (guint i = 0; i < G_N_ELEMENTS (self->items); i++)
    {
      g_clear_pointer (&self->items[i], json_array_unref);
      g_clear_pointer (&self->by_id[i], g_hash_table_unref);
    }
  g_clear_pointer (&self->countries, json_array_unref);
  g_clear_pointer (&self->countries_by_code, g_hash_table_unref);
  g_clear_pointer (&self->categories, json_array_unref);
  g_clear_pointer (&self->categories_by_id, g_hash_table_unref);
  g_clear_pointer (&self->impact_rows, json_array_unref);
  g_clear_pointer (&self->impacts, g_free);

  G_OBJECT_CLASS (att_sandbox_catalogue_parent_class)->finalize (object);
}

static void
att_sandbox_catalogue_class_init (AttSandboxCatalogueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_sandbox_catalogue_finalize;
}

static void
att_sandbox_catalogue_init (AttSandboxCatalogue *self)
{
}

static JsonArray *
load_array (const char *name,
            GError    **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode   *root;
  gsize       size;
  const char *data;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, (gssize) size, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The catalogue file %s is not a JSON array", name);
      return NULL;
    }

  return json_array_ref (json_node_get_array (root));
}

/* Indexes the objects of @array by their string member @key.  Rows that are
 * not objects or lack the key are skipped rather than trusted. */
static GHashTable *
index_array (JsonArray  *array,
             const char *key)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode   *node = json_array_get_element (array, i);
      JsonObject *object;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      id = json_object_get_string_member_with_default (object, key, NULL);
      if (id != NULL)
        g_hash_table_insert (table, (gpointer) id, object);
    }

  return table;
}

static double
nullable_double (JsonObject *object,
                 const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NAN;
  return json_node_get_double (node);
}

static gboolean
load_impacts (AttSandboxCatalogue *self,
              GError             **error)
{
  guint n;

  self->impact_rows = load_array ("impacts.json", error);
  if (self->impact_rows == NULL)
    return FALSE;

  n = json_array_get_length (self->impact_rows);
  self->impacts = g_new0 (AttSandboxImpact, n);

  for (guint i = 0; i < n; i++)
    {
      JsonNode         *node = json_array_get_element (self->impact_rows, i);
      JsonObject       *row;
      AttSandboxImpact *impact;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      row = json_node_get_object (node);
      if (json_object_get_string_member_with_default (row, "key", NULL) == NULL)
        continue;

      impact = &self->impacts[self->n_impacts++];
      impact->key = json_object_get_string_member (row, "key");
      impact->aggregate = json_object_get_boolean_member_with_default (row, "aggregate", FALSE);
      impact->normalization = nullable_double (row, "normalization");
      impact->pef_weight = nullable_double (row, "pefWeight");
      impact->ecs_weight = nullable_double (row, "ecsWeight");
    }

  return TRUE;
}

/**
 * att_sandbox_catalogue_new:
 *
 * Loads the catalogue compiled into the sandbox library.
 *
 * Returns: (transfer full): a new catalogue, or %NULL on error
 */
AttSandboxCatalogue *
att_sandbox_catalogue_new (GError **error)
{
  g_autoptr(AttSandboxCatalogue) self = g_object_new (ATT_TYPE_SANDBOX_CATALOGUE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kind_files); i++)
    {
      self->items[i] = load_array (kind_files[i], error);
      if (self->items[i] == NULL)
        return NULL;
      self->by_id[i] = index_array (self->items[i], "_id");
    }

  self->countries = load_array ("countries.json", error);
  if (self->countries == NULL)
    return NULL;
  self->countries_by_code = index_array (self->countries, "code");

  self->categories = load_array ("categories.json", error);
  if (self->categories == NULL)
    return NULL;
  self->categories_by_id = index_array (self->categories, "categoryExpansionId");

  if (!load_impacts (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonObject *
att_sandbox_catalogue_lookup (AttSandboxCatalogue *self,
                              AttSandboxKind       kind,
                              const char          *id)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_CATALOGUE (self), NULL);
  g_return_val_if_fail (kind <= ATT_SANDBOX_KIND_PACKAGING, NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_id[kind], id);
}

JsonArray *
att_sandbox_catalogue_get_items (AttSandboxCatalogue *self,
                                 AttSandboxKind       kind)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_CATALOGUE (self), NULL);
  g_return_val_if_fail (kind <= ATT_SANDBOX_KIND_PACKAGING, NULL);

  return self->items[kind];
}

JsonObject *
att_sandbox_catalogue_lookup_country (AttSandboxCatalogue *self,
                                      const char          *code)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_CATALOGUE (self), NULL);

  if (code == NULL)
    return NULL;
  return g_hash_table_lookup (self->countries_by_code, code);
}

JsonArray *
att_sandbox_catalogue_get_countries (AttSandboxCatalogue *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_CATALOGUE (self), NULL);

  return self->countries;
}

JsonObject *
att_sandbox_catalogue_lookup_category (AttSandboxCatalogue *self,
                                       const char          *category_id)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_CATALOGUE (self), NULL);

  if (category_id == NULL)
    return NULL;
  return g_hash_table_lookup (self->categories_by_id, category_id);
}

JsonArray *
att_sandbox_catalogue_get_categories (AttSandboxCatalogue *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_CATALOGUE (self), NULL);

  return self->categories;
}

const AttSandboxImpact *
att_sandbox_catalogue_get_impacts (AttSandboxCatalogue *self,
                                   guint               *n_impacts)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_CATALOGUE (self), NULL);
  g_return_val_if_fail (n_impacts != NULL, NULL);

  *n_impacts = self->n_impacts;
  return self->impacts;
}

static const char *
item_string (JsonObject *item,
             const char *key)
{
  return json_object_get_string_member_with_default (item, key, "");
}

/* The catalogue has no masses or carbon figures (see data/catalogue/README.md),
 * so the sandbox derives stable, plausible ones from each item's id and
 * group: every run, and every machine, computes the same numbers. */
double
att_sandbox_catalogue_unit_mass_kg (AttSandboxCatalogue *self,
                                    AttSandboxKind       kind,
                                    const char          *id)
{
  JsonObject *item = att_sandbox_catalogue_lookup (self, kind, id);
  double      unit = att_sandbox_hash_unit ("mass", id);
  const char *group;

  if (item == NULL || kind == ATT_SANDBOX_KIND_MATERIAL)
    return 0.0;

  if (json_object_has_member (item, "massKg"))
    return json_object_get_double_member_with_default (item, "massKg", 0.01);

  if (kind == ATT_SANDBOX_KIND_COMPONENT)
    {
      group = item_string (item, "group");
      if (g_str_equal (group, "footwear"))
        return 0.02 + unit * 0.18;
      if (g_str_equal (group, "label"))
        return 0.001 + unit * 0.003;
      if (g_str_equal (group, "trim"))
        return 0.003 + unit * 0.03;
      return 0.001 + unit * 0.015;
    }

  group = item_string (item, "packagingType");
  if (g_str_equal (group, "box"))
    return 0.08 + unit * 0.35;
  if (g_str_equal (group, "mailer") || g_str_equal (group, "hanger"))
    return 0.02 + unit * 0.04;
  if (g_str_equal (group, "bag") || g_str_equal (group, "wrap") || g_str_equal (group, "insert"))
    return 0.005 + unit * 0.025;
  return 0.0005 + unit * 0.004;
}

double
att_sandbox_catalogue_carbon_per_kg (AttSandboxCatalogue *self,
                                     AttSandboxKind       kind,
                                     const char          *id)
{
  JsonObject *item = att_sandbox_catalogue_lookup (self, kind, id);
  double      unit = att_sandbox_hash_unit ("carbon", id);
  const char *type;

  if (item == NULL)
    return 0.0;

  switch (kind)
    {
    case ATT_SANDBOX_KIND_MATERIAL:
      type = item_string (item, "type");
      if (g_str_has_prefix (type, "Leather"))
        return 14.0 + unit * 22.0;
      if (g_str_equal (type, "Rubber and Foams") || g_str_equal (type, "Synthetic Leather"))
        return 3.0 + unit * 6.0;
      return 4.0 + unit * 18.0;

    case ATT_SANDBOX_KIND_COMPONENT:
      return 2.0 + unit * 8.0;

    case ATT_SANDBOX_KIND_PACKAGING:
    default:
      return 0.8 + unit * 3.2;
    }
}

/* Search ------------------------------------------------------------------ */

typedef struct
{
  const char *field;
  gboolean    descending;
} SortSpec;

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  JsonObject     *left = *(JsonObject *const *) a;
  JsonObject     *right = *(JsonObject *const *) b;
  const SortSpec *sort = user_data;
  int             result = 0;

  if (sort->field != NULL)
    {
      g_autofree char *l = g_utf8_casefold (item_string (left, sort->field), -1);
      g_autofree char *r = g_utf8_casefold (item_string (right, sort->field), -1);

      result = g_strcmp0 (l, r);
    }
  if (result == 0)
    result = g_strcmp0 (item_string (left, "_id"), item_string (right, "_id"));

  return sort->descending ? -result : result;
}

static gboolean
sort_field_allowed (AttSandboxKind kind,
                    const char    *field)
{
  static const char *const material_fields[] = { "_id", "name", "type", "code", "dataSource", NULL };
  static const char *const component_fields[] = { "_id", "name", NULL };
  static const char *const packaging_fields[] = { "_id", "name", "packagingType", NULL };
  const char *const       *fields = kind == ATT_SANDBOX_KIND_MATERIAL ? material_fields : kind == ATT_SANDBOX_KIND_COMPONENT ? component_fields
                                                                                                                             : packaging_fields;

  return g_strv_contains (fields, field);
}

static void
read_sort (JsonObject    *request,
           AttSandboxKind kind,
           SortSpec      *sort,
           GPtrArray     *errors)
{
  JsonNode   *node = json_object_get_member (request, "sort");
  JsonObject *object;
  const char *order;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      att_sandbox_add_error (errors, "sort", _ ("Expected an object with a field and an order"));
      return;
    }

  object = json_node_get_object (node);
  node = json_object_get_member (object, "field");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        att_sandbox_add_error (errors, "sort.field", _ ("Expected text"));
      else if (!sort_field_allowed (kind, json_node_get_string (node)))
        att_sandbox_add_error (errors, "sort.field", _ ("This field cannot be sorted on"));
      else
        sort->field = json_node_get_string (node);
    }

  node = json_object_get_member (object, "order");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      order = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
      if (g_strcmp0 (order, "asc") == 0)
        sort->descending = FALSE;
      else if (g_strcmp0 (order, "desc") == 0)
        sort->descending = TRUE;
      else
        att_sandbox_add_error (errors, "sort.order", _ ("Must be one of: asc, desc"));
    }
}

static gboolean
matches_words (JsonObject        *item,
               const char *const *words)
{
  g_autofree char *name = NULL;

  if (words == NULL || words[0] == NULL)
    return TRUE;

  name = g_utf8_casefold (item_string (item, "name"), -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (name, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
set_impacts (JsonObject *object,
             double      total)
{
  JsonObject *impacts = json_object_new ();
  JsonObject *uncertainty = json_object_new ();

  json_object_set_double_member (impacts, "tier4Impact", att_sandbox_round (total * 0.55, 4));
  json_object_set_double_member (impacts, "tier2and3Impact", att_sandbox_round (total * 0.45, 4));
  json_object_set_double_member (impacts, "totalMaterialLibrary", att_sandbox_round (total, 4));
  json_object_set_double_member (impacts, "totalTierImpact", att_sandbox_round (total, 4));
  json_object_set_double_member (uncertainty, "lower", att_sandbox_round (total * 0.8, 4));
  json_object_set_double_member (uncertainty, "upper", att_sandbox_round (total * 1.25, 4));
  json_object_set_object_member (impacts, "uncertainty", uncertainty);
  json_object_set_object_member (object, "impacts", impacts);
}

static JsonNode *
item_reply (AttSandboxCatalogue *self,
            AttSandboxKind       kind,
            JsonObject          *item)
{
  JsonObject *result = json_object_new ();
  const char *id = item_string (item, "_id");

  json_object_set_string_member (result, "_id", id);
  json_object_set_string_member (result, "name", item_string (item, "name"));

  if (kind == ATT_SANDBOX_KIND_MATERIAL)
    {
      json_object_set_string_member (result, "type", item_string (item, "type"));
      json_object_set_string_member (result, "version", "1.0");
      json_object_set_string_member (result, "description", item_string (item, "description"));
      json_object_set_string_member (result, "dataSource", item_string (item, "dataSource"));
      json_object_set_boolean_member (result, "isCustomMaterial", FALSE);
      json_object_set_boolean_member (result, "imported", FALSE);
      json_object_set_null_member (result, "materialMsiId");
      json_object_set_boolean_member (result, "isSelected", FALSE);
      json_object_set_string_member (result, "code", item_string (item, "code"));
    }
  else if (kind == ATT_SANDBOX_KIND_PACKAGING)
    {
      double      mass = att_sandbox_catalogue_unit_mass_kg (self, kind, id);
      JsonObject *weight = json_object_new ();

      json_object_set_string_member (result, "type", "packaging");
      json_object_set_string_member (result, "code", id);
      json_object_set_string_member (result, "packagingType", item_string (item, "packagingType"));
      json_object_set_string_member (result, "description", item_string (item, "name"));
      json_object_set_string_member (result, "dataSource", item_string (item, "dataSource"));
      json_object_set_null_member (result, "packagingMsiId");
      json_object_set_null_member (result, "vendor");
      json_object_set_null_member (result, "productNumber");
      json_object_set_string_member (result, "version", "1.0");
      json_object_set_double_member (result, "defectRate", 0);
      json_object_set_boolean_member (result, "deleted", FALSE);
      json_object_set_double_member (weight, "convertedToKg", att_sandbox_round (mass, 6));
      json_object_set_double_member (weight, "weight", att_sandbox_round (mass * 1000, 3));
      json_object_set_string_member (weight, "unit", "grams");
      json_object_set_boolean_member (weight, "isPrimaryData", FALSE);
      json_object_set_object_member (result, "weightInformation", weight);
      set_impacts (result, mass * att_sandbox_catalogue_carbon_per_kg (self, kind, id));
    }

  return att_sandbox_json_node_take_object (result);
}

/**
 * att_sandbox_catalogue_search:
 * @request: `{textSearch, ids, from, size, sort{field, order}}`
 * @errors: where problems with @request are added
 *
 * Answers `materials/search`, `components/search` and `packaging/search`.
 * `textSearch` matches every word in the name, case-insensitively; the
 * default order is the catalogue's; `size` defaults to 50 and is capped at
 * 50, as documented.
 *
 * Returns: (transfer full) (nullable): `{from, size, total, results}`, or
 *   %NULL when @request has problems
 */
JsonNode *
att_sandbox_catalogue_search (AttSandboxCatalogue *self,
                              AttSandboxKind       kind,
                              JsonObject          *request,
                              GPtrArray           *errors)
{
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) ids = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  SortSpec    sort = { NULL, FALSE };
  JsonObject *reply;
  JsonArray  *results;
  JsonArray  *items;
  guint       from, size;
  guint       errors_before;

  g_return_val_if_fail (ATT_IS_SANDBOX_CATALOGUE (self), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (errors != NULL, NULL);

  errors_before = errors->len;
  att_sandbox_request_paging (request, CATALOGUE_PAGE_SIZE, CATALOGUE_PAGE_SIZE,
                              &from, &size, errors);
  words = att_sandbox_request_strings (request, "textSearch", TRUE, errors);
  ids = att_sandbox_request_strings (request, "ids", FALSE, errors);
  read_sort (request, kind, &sort, errors);
  if (errors->len > errors_before)
    return NULL;

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      char *folded = g_utf8_casefold (words[i], -1);

      g_free (words[i]);
      words[i] = folded;
    }

  matches = g_ptr_array_new ();
  items = self->items[kind];
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode   *node = json_array_get_element (items, i);
      JsonObject *item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      item = json_node_get_object (node);
      if (ids != NULL && ids[0] != NULL && !g_strv_contains ((const char *const *) ids, item_string (item, "_id")))
        continue;
      if (!matches_words (item, (const char *const *) words))
        continue;
      g_ptr_array_add (matches, item);
    }

  if (sort.field != NULL || sort.descending)
    g_ptr_array_sort_with_data (matches, compare_items, &sort);

  results = json_array_new ();
  for (guint i = from; i < matches->len && i - from < size; i++)
    json_array_add_element (results, item_reply (self, kind, g_ptr_array_index (matches, i)));

  reply = json_object_new ();
  json_object_set_int_member (reply, "from", from);
  json_object_set_int_member (reply, "size", size);
  json_object_set_int_member (reply, "total", matches->len);
  json_object_set_array_member (reply, "results", results);

  return att_sandbox_json_node_take_object (reply);
}

/**
 * att_sandbox_catalogue_countries_reply:
 *
 * Returns: (transfer full): the `[{code, name}]` array of
 *   `french-label-manufacturing-countries`
 */
JsonNode *
att_sandbox_catalogue_countries_reply (AttSandboxCatalogue *self)
{
  JsonArray *array = json_array_new ();

  g_return_val_if_fail (ATT_IS_SANDBOX_CATALOGUE (self), NULL);

  for (guint i = 0; i < json_array_get_length (self->countries); i++)
    {
      JsonNode   *node = json_array_get_element (self->countries, i);
      JsonObject *country;
      JsonObject *item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      country = json_node_get_object (node);
      item = json_object_new ();
      json_object_set_string_member (item, "code", item_string (country, "code"));
      json_object_set_string_member (item, "name", item_string (country, "name"));
      json_array_add_object_element (array, item);
    }

  return att_sandbox_json_node_take_array (array);
}

static JsonArray *
sizes_copy (JsonObject *category)
{
  JsonArray *sizes = json_array_new ();
  JsonNode  *node = json_object_get_member (category, "sizes");
  JsonArray *stored = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; stored != NULL && i < json_array_get_length (stored); i++)
    {
      JsonNode *size = json_array_get_element (stored, i);

      if (JSON_NODE_HOLDS_VALUE (size) && json_node_get_value_type (size) == G_TYPE_STRING)
        json_array_add_string_element (sizes, json_node_get_string (size));
    }
  return sizes;
}

/**
 * att_sandbox_catalogue_categories_reply:
 *
 * Returns: (transfer full): the `[{categoryExpansionId, name, productType,
 *   sizes[]}]` array of `GET /categories`, in the catalogue's order; the
 *   catalogue's own bookkeeping (sources, Ecobalyse ids) is not sent
 */
JsonNode *
att_sandbox_catalogue_categories_reply (AttSandboxCatalogue *self)
{
  JsonArray *array = json_array_new ();

  g_return_val_if_fail (ATT_IS_SANDBOX_CATALOGUE (self), NULL);

  for (guint i = 0; i < json_array_get_length (self->categories); i++)
    {
      JsonNode   *node = json_array_get_element (self->categories, i);
      JsonObject *category;
      JsonObject *item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      category = json_node_get_object (node);
      if (json_object_get_string_member_with_default (category, "categoryExpansionId", NULL) == NULL)
        continue;
      item = json_object_new ();
      json_object_set_string_member (item, "categoryExpansionId",
                                     item_string (category, "categoryExpansionId"));
      json_object_set_string_member (item, "name", item_string (category, "name"));
      json_object_set_string_member (item, "productType", item_string (category, "productType"));
      json_object_set_array_member (item, "sizes", sizes_copy (category));
      json_array_add_object_element (array, item);
    }

  return att_sandbox_json_node_take_array (array);
}

/**
 * att_sandbox_catalogue_sizes_reply:
 * @category_id: a `categoryExpansionId`
 *
 * Returns: (transfer full) (nullable): the array of sizes of
 *   `GET /categories/{categoryExpansionId}/sizes`, or %NULL for an unknown
 *   category
 */
JsonNode *
att_sandbox_catalogue_sizes_reply (AttSandboxCatalogue *self,
                                   const char          *category_id)
{
  JsonObject *category;

  g_return_val_if_fail (ATT_IS_SANDBOX_CATALOGUE (self), NULL);

  category = att_sandbox_catalogue_lookup_category (self, category_id);
  if (category == NULL)
    return NULL;

  return att_sandbox_json_node_take_array (sizes_copy (category));
}
