/* att-sandbox-product-render.c: the product object the API returns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-sandbox-eco-score.h"
#include "att-sandbox-json.h"
#include "att-sandbox-product.h"
#include "att-sandbox-util.h"

/*
 * Builds the reply of create, update and search (the shape of seeds/001)
 * from a stored state.  The life-cycle carbon figures (kg CO₂e) are the
 * sandbox's own deterministic stand-ins: masses and factors derived from the
 * catalogue ids (see att_sandbox_catalogue_unit_mass_kg()), so the same
 * product always shows the same numbers, and they grow with its weight.
 */

typedef struct
{
  double material;
  double tier1;
  double packaging;
  double upstream;
  double transport;
  double distribution;
  double retail;
  double care;
  double end_of_use;
  double component;
} Stages;

static double
stages_total (const Stages *stages)
{
  return stages->material + stages->tier1 + stages->packaging + stages->upstream +
         stages->transport + stages->distribution + stages->retail + stages->care +
         stages->end_of_use + stages->component;
}

static void
set_rounded (JsonObject *object,
             const char *key,
             double      value)
{
  json_object_set_double_member (object, key, att_sandbox_round (value, 4));
}

static void
set_string_or_null (JsonObject *object,
                    const char *key,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, key, value);
  else
    json_object_set_null_member (object, key);
}

static void
set_number_or_null (JsonObject *object,
                    const char *key,
                    double      value,
                    int         decimals)
{
  if (isnan (value))
    json_object_set_null_member (object, key);
  else
    json_object_set_double_member (object, key, att_sandbox_round (value, decimals));
}

static JsonObject *
stages_object (const Stages *stages,
               double        factor)
{
  JsonObject *object = json_object_new ();

  set_rounded (object, "materialImpact", stages->material * factor);
  set_rounded (object, "tier1Impact", stages->tier1 * factor);
  set_rounded (object, "packagingImpact", stages->packaging * factor);
  set_rounded (object, "logisticsImpactsUpstreamTD", stages->upstream * factor);
  set_rounded (object, "logisticsImpactsDTImpact", stages->transport * factor);
  set_rounded (object, "logisticsImpactsDCImpact", stages->distribution * factor);
  set_rounded (object, "logisticsImpactsRetailImpact", stages->retail * factor);
  set_rounded (object, "productCareImpacts", stages->care * factor);
  set_rounded (object, "endOfUseImpact", stages->end_of_use * factor);
  set_rounded (object, "totalProductImpacts", stages_total (stages) * factor);
  set_rounded (object, "componentImpact", stages->component * factor);

  return object;
}

static JsonObject *
item_impacts (double total)
{
  JsonObject *impacts = json_object_new ();
  JsonObject *uncertainty = json_object_new ();

  set_rounded (impacts, "tier4Impact", total * 0.55);
  set_rounded (impacts, "tier2and3Impact", total * 0.45);
  set_rounded (impacts, "totalMaterialLibrary", total);
  set_rounded (impacts, "totalTierImpact", total);
  set_rounded (uncertainty, "lower", total * 0.8);
  set_rounded (uncertainty, "upper", total * 1.25);
  json_object_set_object_member (impacts, "uncertainty", uncertainty);

  return impacts;
}

static JsonObject *
user_object (void)
{
  JsonObject *user = json_object_new ();

  json_object_set_string_member (user, "_id", "5f0c1a2b3c4d5e6f70819203");
  json_object_set_string_member (user, "email", "demo@sandbox.invalid");
  json_object_set_string_member (user, "firstname", "Sandbox");
  json_object_set_string_member (user, "lastname", "User");
  return user;
}

static JsonObject *
account_object (void)
{
  JsonObject *account = json_object_new ();
  JsonObject *violations = json_object_new ();

  json_object_set_string_member (account, "_id", "5f0c1a2b3c4d5e6f70819200");
  json_object_set_string_member (account, "name", "Attest Sandbox");
  json_object_set_string_member (account, "country", "FR");
  json_object_set_int_member (account, "sacId", 100001);
  json_object_set_null_member (account, "oar_id");
  json_object_set_boolean_member (account, "demoaccount", TRUE);
  json_object_set_string_member (account, "vbType", "None");
  json_object_set_null_member (account, "socialCreditId");
  json_object_set_null_member (account, "taxId");
  json_object_set_null_member (account, "bluesignId");
  json_object_set_null_member (account, "zdhcId");
  json_object_set_int_member (violations, "totalViolations", 0);
  json_object_set_object_member (account, "ipeViolation", violations);
  json_object_set_int_member (account, "ffcId", 0);
  json_object_set_string_member (account, "approvalStatus", "Approved");
  return account;
}

static gboolean
all_have_composition (JsonArray *materials)
{
  for (guint i = 0; i < json_array_get_length (materials); i++)
    if (!att_sandbox_json_is_set (att_sandbox_json_element_object (materials, i), "composition"))
      return FALSE;
  return TRUE;
}

static JsonArray *
render_materials (AttSandboxCatalogue *catalogue,
                  JsonObject          *state,
                  double               mass_kg,
                  const char          *unit,
                  Stages              *stages)
{
  JsonArray *materials = att_sandbox_json_array (state, "materials");
  JsonArray *result = json_array_new ();
  double     unit_kg = att_sandbox_unit_to_kg (unit);
  gboolean   with_composition;
  guint      n;

  if (materials == NULL)
    return result;

  n = json_array_get_length (materials);
  with_composition = all_have_composition (materials);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *material = att_sandbox_json_element_object (materials, i);
      const char *id = att_sandbox_json_string (material, "materialId");
      JsonObject *item = att_sandbox_catalogue_lookup (catalogue, ATT_SANDBOX_KIND_MATERIAL, id);
      double      net_use = att_sandbox_json_number (material, "netUse", 100);
      double      share = with_composition ? att_sandbox_json_number (material, "composition", 0) / 100.0 : 1.0 / n;
      double      net = mass_kg * share;
      double      gross = net / (MAX (net_use, 1) / 100.0);
      double      carbon = isnan (gross) ? 0 : gross * att_sandbox_catalogue_carbon_per_kg (catalogue, ATT_SANDBOX_KIND_MATERIAL, id);
      JsonObject *reply = json_object_new ();
      JsonObject *weight = json_object_new ();

      if (material == NULL)
        {
          json_object_unref (reply);
          json_object_unref (weight);
          continue;
        }

      set_string_or_null (reply, "name", item != NULL ? att_sandbox_json_string (item, "name") : id);
      att_sandbox_json_set_number (reply, "netUse", net_use);
      set_string_or_null (reply, "materialId", id);
      if (att_sandbox_json_is_set (material, "composition"))
        json_object_set_int_member (reply, "composition",
                                    (gint64) att_sandbox_json_number (material, "composition", 0));
      else
        json_object_set_null_member (reply, "composition");

      set_number_or_null (weight, "convertedToKg", gross, 6);
      set_number_or_null (weight, "weight", gross / unit_kg, 6);
      json_object_set_string_member (weight, "unit", unit);
      set_number_or_null (weight, "netWeight", net / unit_kg, 6);
      json_object_set_object_member (reply, "weightInformation", weight);

      json_object_set_boolean_member (reply, "isMsiMaterial", FALSE);
      json_object_set_boolean_member (reply, "isPicMaterialLibrary", TRUE);
      set_string_or_null (reply, "code", att_sandbox_json_string (item, "code"));
      set_string_or_null (reply, "dataSource", att_sandbox_json_string (item, "dataSource"));
      json_object_set_boolean_member (reply, "isOutdated", FALSE);
      set_string_or_null (reply, "description", att_sandbox_json_string (item, "description"));
      json_object_set_object_member (reply, "impacts", item_impacts (carbon));
      json_array_add_object_element (result, reply);

      stages->material += carbon;
    }

  return result;
}

/* Packaging and components share a shape: an id, a count, a name. */
static JsonArray *
render_parts (AttSandboxCatalogue *catalogue,
              JsonObject          *state,
              AttSandboxKind       kind,
              double              *out_mass_kg,
              double              *out_carbon)
{
  gboolean    is_packaging = kind == ATT_SANDBOX_KIND_PACKAGING;
  const char *list_key = is_packaging ? "packaging" : "components";
  const char *id_key = is_packaging ? "packagingId" : "componentId";
  const char *count_key = is_packaging ? "amount" : "unit";
  JsonArray  *list = att_sandbox_json_array (state, list_key);
  JsonArray  *result = json_array_new ();

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *part = att_sandbox_json_element_object (list, i);
      const char *id = att_sandbox_json_string (part, id_key);
      JsonObject *item = att_sandbox_catalogue_lookup (catalogue, kind, id);
      double      count = att_sandbox_json_number (part, count_key, 0);
      double      mass = count * att_sandbox_catalogue_unit_mass_kg (catalogue, kind, id);
      double      carbon = mass * att_sandbox_catalogue_carbon_per_kg (catalogue, kind, id);
      JsonObject *reply;
      JsonObject *weight;

      if (part == NULL)
        continue;

      reply = json_object_new ();
      weight = json_object_new ();
      set_string_or_null (reply, "name", item != NULL ? att_sandbox_json_string (item, "name") : id);
      set_string_or_null (reply, id_key, id);
      att_sandbox_json_set_number (reply, count_key, count);
      set_rounded (weight, "convertedToKg", mass);
      json_object_set_double_member (weight, "weight", att_sandbox_round (mass * 1000, 3));
      json_object_set_string_member (weight, "unit", "grams");
      json_object_set_boolean_member (weight, "isPrimaryData", FALSE);
      json_object_set_object_member (reply, "weightInformation", weight);
      json_object_set_boolean_member (reply, is_packaging ? "isMsiPackaging" : "isMsiComponent", FALSE);
      json_object_set_boolean_member (reply, "isOutdated", FALSE);
      if (is_packaging)
        set_string_or_null (reply, "code", id);
      set_string_or_null (reply, "dataSource", att_sandbox_json_string (item, "dataSource"));
      set_string_or_null (reply, "description",
                          att_sandbox_json_string (item, is_packaging ? "packagingType" : "group"));
      json_object_set_object_member (reply, "impacts", item_impacts (carbon));
      json_array_add_object_element (result, reply);

      *out_mass_kg += mass;
      *out_carbon += carbon;
    }

  return result;
}

static void
render_purchase_orders (JsonObject   *state,
                        JsonObject   *product,
                        const Stages *stages)
{
  JsonArray  *orders = att_sandbox_json_array (state, "purchaseOrder");
  JsonArray  *result = json_array_new ();
  JsonObject *manufacturing = att_sandbox_json_object (state, "frenchLabelCountry");
  Stages      total_stages = { 0 };
  double      total_units = 0;
  gboolean    have_default = FALSE;

  for (guint i = 0; orders != NULL && i < json_array_get_length (orders); i++)
    {
      JsonObject *po = att_sandbox_json_element_object (orders, i);
      JsonObject *assembly = att_sandbox_json_object (po, "assembly");
      double      amount = att_sandbox_json_number (po, "amountPurchase", 0);
      gint64      date = (gint64) att_sandbox_json_number (po, "purchaseDate", 0);
      JsonObject *reply;

      if (po == NULL)
        continue;

      reply = json_object_new ();
      set_string_or_null (reply, "_id", att_sandbox_json_string (po, "_id"));

      if (assembly != NULL)
        {
          const char *fem_id = att_sandbox_json_string (assembly, "femId");
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (date / 1000);
          g_autofree char *facility = g_strdup_printf ("Facility %s", fem_id != NULL ? fem_id : "");
          JsonObject      *reply_assembly = json_object_new ();
          JsonArray       *types = json_array_new ();

          json_object_set_boolean_member (reply_assembly, "isDefault", !have_default);
          have_default = TRUE;
          set_string_or_null (reply_assembly, "femId", fem_id);
          json_object_set_string_member (reply_assembly, "facilityName", facility);
          json_object_set_null_member (reply_assembly, "finalAssemblyRawText");
          json_object_set_string_member (reply_assembly, "surveyVersion", "FEM 2023");
          json_array_add_string_element (types, "Final Product Assembly");
          json_object_set_array_member (reply_assembly, "sipfacilitytype", types);
          set_string_or_null (reply_assembly, "country", att_sandbox_json_string (manufacturing, "name"));
          json_object_set_int_member (reply_assembly, "year",
                                      when != NULL ? g_date_time_get_year (when) : 1970);
          json_object_set_string_member (reply_assembly, "assessmentStatus", "ASC");
          json_object_set_object_member (reply, "assembly", reply_assembly);
        }

      set_string_or_null (reply, "purchaseOrderId", att_sandbox_json_string (po, "purchaseOrderId"));
      json_object_set_int_member (reply, "purchaseDate", date);
      set_rounded (reply, "impactPerUnit", stages_total (stages));
      set_rounded (reply, "totalImpactPerUnit", stages_total (stages));
      json_object_set_null_member (reply, "pmVersion");
      json_object_set_string_member (reply, "msiVersion", "3.7");
      json_object_set_string_member (reply, "version", "1.0");
      att_sandbox_json_set_number (reply, "amountPurchase", amount);
      json_object_set_boolean_member (reply, "isOutdated", FALSE);
      json_object_set_object_member (reply, "impactsPerUnit", stages_object (stages, 1));
      json_object_set_object_member (reply, "totalImpacts", stages_object (stages, amount));
      json_object_set_object_member (reply, "impactsPerUnitMultiPack", stages_object (stages, 1));
      json_object_set_object_member (reply, "totalImpactsMultiPack", stages_object (stages, amount));
      json_array_add_object_element (result, reply);

      total_units += amount;
    }

  json_object_set_array_member (product, "purchaseOrder", result);
  total_stages = *stages;
  json_object_set_object_member (product, "purchaseOrderImpactsTotal",
                                 stages_object (&total_stages, total_units));
}

static void
copy_string_member (JsonObject *product,
                    JsonObject *state,
                    const char *key)
{
  set_string_or_null (product, key, att_sandbox_json_string (state, key));
}

static void
render_french_label (AttSandboxCatalogue *catalogue,
                     JsonObject          *state,
                     JsonObject          *product)
{
  static const struct
  {
    const char *state_key;
    const char *reply_key;
  } countries[] = {
    { "frenchLabelCountry", "frenchLabelManufacturingCountry" },
    { "frenchLabelFabricCountry", "frenchLabelFabricCountry" },
    { "frenchLabelDyeingCountry", "frenchLabelDyeingCountry" },
  };
  JsonObject *optional = att_sandbox_json_object (state, "frenchLabelOptionalFields");

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      JsonObject *country = att_sandbox_json_object (state, countries[i].state_key);

      if (country != NULL)
        json_object_set_object_member (product, countries[i].reply_key, json_object_ref (country));
    }

  if (optional != NULL)
    json_object_set_object_member (product, "frenchLabelOptionalFields", json_object_ref (optional));
}

/**
 * att_sandbox_product_render:
 * @row: the stored columns (id, times)
 * @state: the stored state
 * @now: the current time in Unix ms, which decides the eco-score status
 *
 * Returns: (transfer full): the product object of the API
 */
JsonObject *
att_sandbox_product_render (AttSandboxCatalogue *catalogue,
                            const AttSandboxRow *row,
                            JsonObject          *state,
                            gint64               now)
{
  JsonObject      *product = json_object_new ();
  JsonObject      *weight = json_object_new ();
  JsonObject      *packaging_weight = json_object_new ();
  JsonObject      *manufacturing = att_sandbox_json_object (state, "frenchLabelCountry");
  const char      *unit = att_sandbox_json_string (state, "weightMeasureUnit");
  const char      *category_id = att_sandbox_json_string (state, "categoryExpansionId");
  const char      *identifier_type = att_sandbox_json_string (state, "identifierType");
  const char      *identifier = att_sandbox_json_string (state, "identifier");
  JsonObject      *category = att_sandbox_catalogue_lookup_category (catalogue, category_id);
  JsonArray       *barcodes = json_array_new ();
  JsonArray       *tags = att_sandbox_json_array (state, "tags");
  double           mass_kg = att_sandbox_product_mass_kg (state);
  double           mass_or_zero = isnan (mass_kg) ? 0 : mass_kg;
  double           packaging_kg = 0, components_kg = 0;
  g_autofree char *rev = NULL;
  Stages           stages = { 0 };
  JsonArray       *materials, *packaging, *components;

  g_return_val_if_fail (ATT_IS_SANDBOX_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (row != NULL && state != NULL, NULL);

  if (unit == NULL)
    unit = "grams";

  json_object_set_string_member (product, "_id", row->id);
  copy_string_member (product, state, "name");

  set_number_or_null (weight, "convertedToKg", mass_kg, 6);
  if (att_sandbox_json_is_set (state, "weight"))
    att_sandbox_json_set_number (weight, "weight", att_sandbox_json_number (state, "weight", 0));
  else
    json_object_set_null_member (weight, "weight");
  json_object_set_string_member (weight, "unit", unit);
  json_object_set_boolean_member (weight, "isPrimaryData",
                                  att_sandbox_json_boolean (state, "weightIsPrimaryData", FALSE));
  json_object_set_object_member (product, "weightInformation", weight);
  json_object_set_boolean_member (product, "isMaterialWeight",
                                  att_sandbox_json_boolean (state, "isMaterialWeight", FALSE));

  json_object_set_string_member (product, "type", "PIC");
  json_object_set_int_member (product, "createdOn", row->created_on);
  json_object_set_int_member (product, "modifiedOn", row->modified_on);
  json_object_set_object_member (product, "user", user_object ());
  json_object_set_object_member (product, "modifiedBy", user_object ());
  json_object_set_object_member (product, "account", account_object ());

  materials = render_materials (catalogue, state, mass_kg, unit, &stages);
  packaging = render_parts (catalogue, state, ATT_SANDBOX_KIND_PACKAGING, &packaging_kg, &stages.packaging);
  components = render_parts (catalogue, state, ATT_SANDBOX_KIND_COMPONENT, &components_kg, &stages.component);

  stages.tier1 = mass_or_zero * (1.5 + 3.0 * att_sandbox_hash_unit ("tier1", att_sandbox_json_string (manufacturing, "code")));
  stages.upstream = (mass_or_zero + packaging_kg) * 0.6;
  stages.transport = (mass_or_zero + packaging_kg) * 0.15;
  stages.distribution = (mass_or_zero + packaging_kg) * 0.04;
  stages.retail = (mass_or_zero + packaging_kg) * 0.08;
  stages.care = mass_or_zero * 1.8;
  stages.end_of_use = (mass_or_zero + components_kg) * 0.25;

  json_object_set_array_member (product, "materials", materials);
  set_rounded (product, "materialImpact", stages.material);
  set_rounded (product, "tier1Impact", stages.tier1);
  set_rounded (product, "packagingImpact", stages.packaging);
  set_rounded (product, "logisticsImpactsUpstreamTD", stages.upstream);
  set_rounded (product, "logisticsImpactsDTImpact", stages.transport);
  set_rounded (product, "logisticsImpactsDCImpact", stages.distribution);
  set_rounded (product, "logisticsImpactsRetailImpact", stages.retail);
  set_rounded (product, "productCareImpacts", stages.care);
  set_rounded (product, "endOfUseImpact", stages.end_of_use);
  set_rounded (product, "componentImpact", stages.component);

  rev = g_strdup_printf ("%" G_GINT64_FORMAT "-%08x",
                         (gint64) att_sandbox_json_number (state, "rev", 1),
                         (guint32) att_sandbox_hash_string (row->id, row->modified_on));
  json_object_set_string_member (product, "_rev", rev);
  json_object_set_string_member (product, "version", "1.0");
  set_string_or_null (product, "productType", att_sandbox_json_string (category, "productType"));
  if (att_sandbox_json_string (state, "productCategory") != NULL)
    copy_string_member (product, state, "productCategory");
  else
    set_string_or_null (product, "productCategory", att_sandbox_json_string (category, "name"));
  copy_string_member (product, state, "categoryExpansionId");
  copy_string_member (product, state, "size");
  copy_string_member (product, state, "taxonomyId");
  copy_string_member (product, state, "identifier");
  copy_string_member (product, state, "identifierType");
  json_object_set_array_member (product, "tags", tags != NULL ? json_array_ref (tags) : json_array_new ());

  set_rounded (packaging_weight, "convertedToKg", packaging_kg);
  json_object_set_double_member (packaging_weight, "weight", att_sandbox_round (packaging_kg * 1000, 3));
  json_object_set_string_member (packaging_weight, "unit", "grams");
  json_object_set_boolean_member (packaging_weight, "isPrimaryData", FALSE);
  json_object_set_object_member (product, "packagingWeight", packaging_weight);

  json_object_set_null_member (product, "modelNumber");
  if (identifier != NULL && (g_strcmp0 (identifier_type, "GTIN") == 0 || g_strcmp0 (identifier_type, "UPC") == 0))
    json_array_add_string_element (barcodes, identifier);
  json_object_set_array_member (product, "barcodes", barcodes);
  json_object_set_string_member (product, "dataSource", "API");
  json_object_set_boolean_member (product, "deleted", FALSE);
  json_object_set_null_member (product, "notes");

  if (att_sandbox_json_string (state, "taxonomyId") != NULL)
    {
      JsonObject *default_product = json_object_new ();

      set_string_or_null (default_product, "defaultProductId",
                          att_sandbox_json_string (state, "taxonomyId"));
      set_string_or_null (default_product, "name", att_sandbox_json_string (category, "name"));
      json_object_set_object_member (product, "defaultProduct", default_product);
    }

  json_object_set_array_member (product, "components", components);
  json_object_set_array_member (product, "packaging", packaging);
  render_purchase_orders (state, product, &stages);

  json_object_set_double_member (product, "upstreamTransportation", 0);
  json_object_set_double_member (product, "downstreamTransportationRetail", 0);
  json_object_set_double_member (product, "downstreamTransportationConsumer", 0);
  json_object_set_double_member (product, "distributionCenterUnOwned", 0);
  json_object_set_double_member (product, "retailEnergyUnOwned", 0);

  render_french_label (catalogue, state, product);
  att_sandbox_eco_score_render (catalogue, state, mass_kg, row, now, product);

  return product;
}
