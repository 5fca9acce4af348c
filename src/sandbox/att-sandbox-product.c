/* att-sandbox-product.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "att-validation.h"

#include "att-sandbox-eco-score.h"
#include "att-sandbox-json.h"
#include "att-sandbox-product.h"
#include "att-sandbox-request.h"
#include "att-sandbox-util.h"

/*
 * A product is stored as its *state*: the request fields in a normalised
 * form (only the documented keys, countries with their catalogue names,
 * purchase dates as Unix ms, purchase orders with their `_id`s, and a
 * revision number).  Everything else the API returns (catalogue names,
 * weights, life-cycle figures, eligibility and eco-score) is derived from the
 * state and the catalogue each time a product is read, so it can never go
 * stale and a stored row stays small (100,000 of them fit in memory).
 */

static const char *const scalar_keys[] = {
  "name",
  "weight",
  "weightMeasureUnit",
  "weightIsPrimaryData",
  "isMaterialWeight",
  "categoryExpansionId",
  "productCategory",
  "size",
  "taxonomyId",
  "identifier",
  "identifierType",
};

static const char *const country_keys[] = {
  "frenchLabelCountry",
  "frenchLabelFabricCountry",
  "frenchLabelDyeingCountry",
};

static const char *const optional_keys[] = {
  "business",
  "countrySpinning",
  "numberOfReferences",
  "price",
  "upcycled",
};

/* Normalisation ------------------------------------------------------------- */

static JsonObject *
canonical_country (AttSandboxCatalogue *catalogue,
                   JsonObject          *country)
{
  const char *code = att_sandbox_json_string (country, "code");
  JsonObject *known = att_sandbox_catalogue_lookup_country (catalogue, code);
  JsonObject *result = json_object_new ();

  json_object_set_string_member (result, "code", code != NULL ? code : "");
  json_object_set_string_member (result, "name",
                                 known != NULL ? att_sandbox_json_string (known, "name") : att_sandbox_json_string (country, "name"));
  return result;
}

static JsonArray *
normalize_list (JsonArray  *list,
                const char *id_key,
                const char *amount_key,
                const char *optional_key)
{
  JsonArray *result = json_array_new ();

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *item = att_sandbox_json_element_object (list, i);
      JsonObject *copy;

      if (item == NULL || att_sandbox_json_string (item, id_key) == NULL)
        continue;

      copy = json_object_new ();
      json_object_set_string_member (copy, id_key, att_sandbox_json_string (item, id_key));
      att_sandbox_json_set_number (copy, amount_key, att_sandbox_json_number (item, amount_key, 0));
      if (optional_key != NULL && att_sandbox_json_is_set (item, optional_key))
        json_object_set_int_member (copy, optional_key,
                                    (gint64) att_sandbox_json_number (item, optional_key, 0));
      json_array_add_object_element (result, copy);
    }

  return result;
}

/* A stored purchase order from a request one (@po), on top of @base when it
 * is an update of an existing order. */
static JsonObject *
normalize_purchase_order (JsonObject *po,
                          JsonObject *base,
                          const char *id)
{
  JsonObject *result = json_object_new ();
  const char *date = att_sandbox_json_string (po, "purchaseDate");
  const char *po_id = att_sandbox_json_string (po, "purchaseOrderId");
  gint64      date_ms = 0;

  json_object_set_string_member (result, "_id", id);

  if (po_id == NULL)
    po_id = att_sandbox_json_string (base, "purchaseOrderId");
  json_object_set_string_member (result, "purchaseOrderId", po_id != NULL ? po_id : "");

  if (date != NULL && att_validate_date_string (date, &date_ms))
    json_object_set_int_member (result, "purchaseDate", date_ms);
  else
    json_object_set_int_member (result, "purchaseDate",
                                (gint64) att_sandbox_json_number (base, "purchaseDate", 0));

  att_sandbox_json_set_number (result, "amountPurchase",
                               att_sandbox_json_number (po, "amountPurchase",
                                                        att_sandbox_json_number (base, "amountPurchase", 0)));

  if (att_sandbox_json_is_set (po, "assembly"))
    {
      JsonObject *assembly = json_object_new ();

      json_object_set_string_member (assembly, "femId",
                                     att_sandbox_json_string (att_sandbox_json_object (po, "assembly"), "femId"));
      json_object_set_object_member (result, "assembly", assembly);
    }
  else if (!json_object_has_member (po, "assembly") && att_sandbox_json_object (base, "assembly") != NULL)
    {
      json_object_set_object_member (result, "assembly",
                                     json_object_ref (att_sandbox_json_object (base, "assembly")));
    }

  return result;
}

static JsonObject *
find_purchase_order (JsonArray  *orders,
                     const char *id,
                     guint      *out_index)
{
  for (guint i = 0; id != NULL && orders != NULL && i < json_array_get_length (orders); i++)
    {
      JsonObject *po = att_sandbox_json_element_object (orders, i);

      if (g_strcmp0 (att_sandbox_json_string (po, "_id"), id) == 0)
        {
          if (out_index != NULL)
            *out_index = i;
          return po;
        }
    }
  return NULL;
}

/* A new purchase order `_id`, unlike any of @orders: the client tells
 * orders apart by it for update and remove, so it must never repeat within
 * a product (a random 64-bit part makes a repeat unlikely; this makes it
 * impossible). */
static char *
new_purchase_order_id (JsonArray *orders)
{
  char *id = att_sandbox_new_object_id ();

  while (find_purchase_order (orders, id, NULL) != NULL)
    {
      g_free (id);
      id = att_sandbox_new_object_id ();
    }
  return id;
}

static void
append_new_purchase_orders (JsonArray *orders,
                            JsonArray *requested)
{
  for (guint i = 0; requested != NULL && i < json_array_get_length (requested); i++)
    {
      JsonObject      *po = att_sandbox_json_element_object (requested, i);
      g_autofree char *id = NULL;

      if (po == NULL)
        continue;
      id = new_purchase_order_id (orders);
      json_array_add_object_element (orders, normalize_purchase_order (po, NULL, id));
    }
}

/* Applies the fields both create and update carry.  A member that is absent
 * leaves the state alone; null clears it. */
static void
apply_common (AttSandboxCatalogue *catalogue,
              JsonObject          *state,
              JsonObject          *body)
{
  for (guint i = 0; i < G_N_ELEMENTS (scalar_keys); i++)
    {
      const char *key = scalar_keys[i];

      if (!json_object_has_member (body, key))
        continue;
      if (att_sandbox_json_is_set (body, key))
        json_object_set_member (state, key, json_node_copy (json_object_get_member (body, key)));
      else if (json_object_has_member (state, key))
        json_object_remove_member (state, key);
    }

  if (json_object_has_member (body, "tags"))
    {
      JsonArray *tags = att_sandbox_json_array (body, "tags");
      JsonArray *copy = json_array_new ();

      for (guint i = 0; tags != NULL && i < json_array_get_length (tags); i++)
        {
          JsonNode *tag = json_array_get_element (tags, i);

          if (JSON_NODE_HOLDS_VALUE (tag) && json_node_get_value_type (tag) == G_TYPE_STRING)
            json_array_add_string_element (copy, json_node_get_string (tag));
        }
      json_object_set_array_member (state, "tags", copy);
    }

  /* Lists replace the stored list as a whole (V9). */
  if (att_sandbox_json_is_set (body, "materials"))
    json_object_set_array_member (state, "materials",
                                  normalize_list (att_sandbox_json_array (body, "materials"),
                                                  "materialId", "netUse", "composition"));
  if (json_object_has_member (body, "packaging"))
    json_object_set_array_member (state, "packaging",
                                  normalize_list (att_sandbox_json_array (body, "packaging"),
                                                  "packagingId", "amount", NULL));
  if (json_object_has_member (body, "components"))
    json_object_set_array_member (state, "components",
                                  normalize_list (att_sandbox_json_array (body, "components"),
                                                  "componentId", "unit", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (country_keys); i++)
    {
      const char *key = country_keys[i];

      if (!json_object_has_member (body, key))
        continue;
      if (att_sandbox_json_object (body, key) != NULL)
        json_object_set_object_member (state, key,
                                       canonical_country (catalogue, att_sandbox_json_object (body, key)));
      else if (json_object_has_member (state, key))
        json_object_remove_member (state, key);
    }

  /* Optional fields merge: each sub-field that is sent replaces (or, when
   * null, clears) the stored one; null for the whole object clears all. */
  if (json_object_has_member (body, "frenchLabelOptionalFields"))
    {
      JsonObject *requested = att_sandbox_json_object (body, "frenchLabelOptionalFields");
      JsonObject *stored = att_sandbox_json_object (state, "frenchLabelOptionalFields");
      JsonObject *merged = json_object_new ();

      for (guint i = 0; requested != NULL && i < G_N_ELEMENTS (optional_keys); i++)
        {
          const char *key = optional_keys[i];
          JsonObject *source = json_object_has_member (requested, key) ? requested : stored;

          if (!att_sandbox_json_is_set (source, key))
            continue;
          if (g_str_equal (key, "countrySpinning"))
            json_object_set_object_member (merged, key,
                                           canonical_country (catalogue, att_sandbox_json_object (source, key)));
          else
            json_object_set_member (merged, key, json_node_copy (json_object_get_member (source, key)));
        }

      if (json_object_get_size (merged) > 0)
        json_object_set_object_member (state, "frenchLabelOptionalFields", merged);
      else
        {
          json_object_unref (merged);
          if (json_object_has_member (state, "frenchLabelOptionalFields"))
            json_object_remove_member (state, "frenchLabelOptionalFields");
        }
    }
}

/**
 * att_sandbox_product_state_new:
 * @body: a `products/create` body that passed validation
 *
 * Returns: (transfer full): the state of the new product
 */
JsonObject *
att_sandbox_product_state_new (AttSandboxCatalogue *catalogue,
                               JsonObject          *body)
{
  JsonObject *state = json_object_new ();
  JsonArray  *orders = json_array_new ();

  g_return_val_if_fail (ATT_IS_SANDBOX_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (body != NULL, NULL);

  json_object_set_array_member (state, "materials", json_array_new ());
  json_object_set_array_member (state, "packaging", json_array_new ());
  json_object_set_array_member (state, "components", json_array_new ());
  json_object_set_array_member (state, "tags", json_array_new ());
  apply_common (catalogue, state, body);

  append_new_purchase_orders (orders, att_sandbox_json_array (body, "purchaseOrder"));
  json_object_set_array_member (state, "purchaseOrder", orders);
  json_object_set_int_member (state, "rev", 1);

  return state;
}

/* References ---------------------------------------------------------------- */

static char *
unknown_message (AttSandboxKind kind,
                 const char    *id)
{
  switch (kind)
    {
    case ATT_SANDBOX_KIND_MATERIAL:
      /* Translators: %s is an id sent by a client. */
      return g_strdup_printf (_ ("There is no material with the id “%s”"), id);
    case ATT_SANDBOX_KIND_COMPONENT:
      /* Translators: %s is an id sent by a client. */
      return g_strdup_printf (_ ("There is no component with the id “%s”"), id);
    case ATT_SANDBOX_KIND_PACKAGING:
    default:
      /* Translators: %s is an id sent by a client. */
      return g_strdup_printf (_ ("There is no packaging with the id “%s”"), id);
    }
}

static void
check_list_references (AttSandboxCatalogue *catalogue,
                       JsonObject          *body,
                       const char          *list_key,
                       const char          *id_key,
                       AttSandboxKind       kind,
                       GPtrArray           *errors)
{
  JsonArray *list = att_sandbox_json_array (body, list_key);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *item = att_sandbox_json_element_object (list, i);
      const char *id = att_sandbox_json_string (item, id_key);

      if (id != NULL && *id != '\0' && att_sandbox_catalogue_lookup (catalogue, kind, id) == NULL)
        {
          g_autofree char *path = g_strdup_printf ("%s[%u].%s", list_key, i, id_key);
          g_autofree char *message = unknown_message (kind, id);

          att_sandbox_add_error (errors, path, message);
        }
    }
}

static void
check_country_reference (AttSandboxCatalogue *catalogue,
                         JsonObject          *country,
                         const char          *path,
                         GPtrArray           *errors)
{
  const char *code = att_sandbox_json_string (country, "code");

  if (code != NULL && *code != '\0' &&
      att_sandbox_catalogue_lookup_country (catalogue, code) == NULL)
    {
      g_autofree char *code_path = g_strconcat (path, ".code", NULL);
      /* Translators: %s is a country code sent by a client. */
      g_autofree char *message = g_strdup_printf (_ ("“%s” is not in the list of countries for eco-scores"), code);

      att_sandbox_add_error (errors, code_path, message);
    }
}

/**
 * att_sandbox_product_check_references:
 * @body: a create or update body
 * @errors: where problems are added
 *
 * Checks that the catalogue ids, category and countries that @body names
 * exist.  Members of the wrong type are left to the validation.
 */
void
att_sandbox_product_check_references (AttSandboxCatalogue *catalogue,
                                      JsonObject          *body,
                                      GPtrArray           *errors)
{
  const char *category;

  g_return_if_fail (ATT_IS_SANDBOX_CATALOGUE (catalogue));
  g_return_if_fail (body != NULL && errors != NULL);

  check_list_references (catalogue, body, "materials", "materialId", ATT_SANDBOX_KIND_MATERIAL, errors);
  check_list_references (catalogue, body, "packaging", "packagingId", ATT_SANDBOX_KIND_PACKAGING, errors);
  check_list_references (catalogue, body, "components", "componentId", ATT_SANDBOX_KIND_COMPONENT, errors);

  for (guint i = 0; i < G_N_ELEMENTS (country_keys); i++)
    check_country_reference (catalogue, att_sandbox_json_object (body, country_keys[i]),
                             country_keys[i], errors);
  check_country_reference (catalogue,
                           att_sandbox_json_object (att_sandbox_json_object (body, "frenchLabelOptionalFields"),
                                                    "countrySpinning"),
                           "frenchLabelOptionalFields.countrySpinning", errors);

  category = att_sandbox_json_string (body, "categoryExpansionId");
  if (category != NULL && *category != '\0' &&
      att_sandbox_catalogue_lookup_category (catalogue, category) == NULL)
    {
      /* Translators: %s is a category id sent by a client. */
      g_autofree char *message = g_strdup_printf (_ ("There is no category with the id “%s”"), category);

      att_sandbox_add_error (errors, "categoryExpansionId", message);
    }
}

/**
 * att_sandbox_product_check_purchase_orders:
 * @state: the stored product
 * @body: an update body
 *
 * Checks that every `_id` in updatePurchaseOrder and removePurchaseOrder
 * names a purchase order of this product (V8).
 */
void
att_sandbox_product_check_purchase_orders (JsonObject *state,
                                           JsonObject *body,
                                           GPtrArray  *errors)
{
  JsonArray *orders = att_sandbox_json_array (state, "purchaseOrder");
  JsonArray *updates = att_sandbox_json_array (body, "updatePurchaseOrder");
  JsonArray *removals = att_sandbox_json_array (body, "removePurchaseOrder");

  g_return_if_fail (state != NULL && body != NULL && errors != NULL);

  for (guint i = 0; updates != NULL && i < json_array_get_length (updates); i++)
    {
      const char *id = att_sandbox_json_string (att_sandbox_json_element_object (updates, i), "_id");

      if (id != NULL && *id != '\0' && find_purchase_order (orders, id, NULL) == NULL)
        {
          g_autofree char *path = g_strdup_printf ("updatePurchaseOrder[%u]._id", i);
          /* Translators: %s is a purchase order id sent by a client. */
          g_autofree char *message = g_strdup_printf (_ ("This product has no purchase order with the id “%s”"), id);

          att_sandbox_add_error (errors, path, message);
        }
    }

  for (guint i = 0; removals != NULL && i < json_array_get_length (removals); i++)
    {
      JsonNode   *node = json_array_get_element (removals, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      id = json_node_get_string (node);
      if (*id != '\0' && find_purchase_order (orders, id, NULL) == NULL)
        {
          g_autofree char *path = g_strdup_printf ("removePurchaseOrder[%u]", i);
          /* Translators: %s is a purchase order id sent by a client. */
          g_autofree char *message = g_strdup_printf (_ ("This product has no purchase order with the id “%s”"), id);

          att_sandbox_add_error (errors, path, message);
        }
    }
}

/**
 * att_sandbox_product_apply_update:
 * @state: the stored product, changed in place
 * @body: an update body that passed validation and the reference checks
 *
 * Applies the command object: omitted fields stay, null clears, lists
 * replace, and the purchase-order commands run as update, remove, add.
 */
void
att_sandbox_product_apply_update (AttSandboxCatalogue *catalogue,
                                  JsonObject          *state,
                                  JsonObject          *body)
{
  JsonArray *stored = att_sandbox_json_array (state, "purchaseOrder");
  JsonArray *updates = att_sandbox_json_array (body, "updatePurchaseOrder");
  JsonArray *removals = att_sandbox_json_array (body, "removePurchaseOrder");
  JsonArray *orders = json_array_new ();

  g_return_if_fail (ATT_IS_SANDBOX_CATALOGUE (catalogue));
  g_return_if_fail (state != NULL && body != NULL);

  apply_common (catalogue, state, body);

  for (guint i = 0; stored != NULL && i < json_array_get_length (stored); i++)
    {
      JsonObject *po = att_sandbox_json_element_object (stored, i);
      const char *id = att_sandbox_json_string (po, "_id");
      gboolean    removed = FALSE;
      JsonObject *change = NULL;

      if (po == NULL)
        continue;

      for (guint j = 0; removals != NULL && j < json_array_get_length (removals); j++)
        {
          JsonNode *node = json_array_get_element (removals, j);

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
              g_strcmp0 (json_node_get_string (node), id) == 0)
            removed = TRUE;
        }
      if (removed)
        continue;

      change = find_purchase_order (updates, id, NULL);
      if (change != NULL)
        json_array_add_object_element (orders, normalize_purchase_order (change, po, id));
      else
        json_array_add_object_element (orders, json_object_ref (po));
    }

  append_new_purchase_orders (orders, att_sandbox_json_array (body, "addPurchaseOrder"));
  json_object_set_array_member (state, "purchaseOrder", orders);

  json_object_set_int_member (state, "rev",
                              (gint64) att_sandbox_json_number (state, "rev", 1) + 1);
}

/* Derived data -------------------------------------------------------------- */

/**
 * att_sandbox_product_search_text:
 *
 * Returns: (transfer full): the case-folded text that `textSearch` matches:
 *   name, identifier, category id and name, and tags
 */
char *
att_sandbox_product_search_text (AttSandboxCatalogue *catalogue,
                                 JsonObject          *state)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *category_id = att_sandbox_json_string (state, "categoryExpansionId");
  JsonObject *category = att_sandbox_catalogue_lookup_category (catalogue, category_id);
  JsonArray  *tags = att_sandbox_json_array (state, "tags");
  const char *parts[] = {
    att_sandbox_json_string (state, "name"),
    att_sandbox_json_string (state, "identifier"),
    category_id,
    att_sandbox_json_string (category, "name"),
    att_sandbox_json_string (state, "productCategory"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_string_append_printf (text, "%s\n", parts[i]);

  for (guint i = 0; tags != NULL && i < json_array_get_length (tags); i++)
    {
      JsonNode *tag = json_array_get_element (tags, i);

      if (JSON_NODE_HOLDS_VALUE (tag) && json_node_get_value_type (tag) == G_TYPE_STRING)
        g_string_append_printf (text, "%s\n", json_node_get_string (tag));
    }

  return g_utf8_casefold (text->str, (gssize) text->len);
}

/**
 * att_sandbox_product_mass_kg:
 *
 * Returns: the product's weight in kilograms, or NAN when it has none
 */
double
att_sandbox_product_mass_kg (JsonObject *state)
{
  double weight = att_sandbox_json_number (state, "weight", NAN);

  if (!(weight > 0))
    return NAN;
  return weight * att_sandbox_unit_to_kg (att_sandbox_json_string (state, "weightMeasureUnit"));
}

static void
add_uses (JsonObject *uses,
          JsonObject *state,
          const char *kind,
          const char *list_key,
          const char *id_key)
{
  JsonArray *list = att_sandbox_json_array (state, list_key);
  JsonArray *ids = json_array_new ();

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      const char *id = att_sandbox_json_string (att_sandbox_json_element_object (list, i), id_key);

      if (id != NULL)
        json_array_add_string_element (ids, id);
    }
  json_object_set_array_member (uses, kind, ids);
}

/* What the store indexes for "Used by" (AttSandboxRow.uses). */
static char *
uses_json (JsonObject *state)
{
  JsonObject *uses = json_object_new ();
  g_autoptr(JsonNode) node = NULL;

  add_uses (uses, state, "material", "materials", "materialId");
  add_uses (uses, state, "component", "components", "componentId");
  add_uses (uses, state, "packaging", "packaging", "packagingId");
  node = att_sandbox_json_node_take_object (uses);
  return att_sandbox_json_to_string (node);
}

/**
 * att_sandbox_product_fill_row:
 * @row: the row whose name, identifier, search text, state and uses are set
 *
 * Fills the stored columns that come from @state.
 */
void
att_sandbox_product_fill_row (AttSandboxCatalogue *catalogue,
                              JsonObject          *state,
                              AttSandboxRow       *row)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), state);

  g_return_if_fail (row != NULL);

  g_free (row->name);
  row->name = g_strdup (att_sandbox_json_string (state, "name"));
  g_free (row->identifier);
  row->identifier = g_strdup (att_sandbox_json_string (state, "identifier"));
  g_free (row->search_text);
  row->search_text = att_sandbox_product_search_text (catalogue, state);
  g_free (row->state);
  row->state = att_sandbox_json_to_string (node);
  g_free (row->uses);
  row->uses = uses_json (state);
}
