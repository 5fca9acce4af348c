/* att-product-private.h: the instance struct of AttProduct, shared by
 * att-product.c (the GObject and its getters), att-product-json.c (reading
 * and writing JSON, which fills and reads nearly every field) and
 * att-product-weight.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-product.h"

G_BEGIN_DECLS

/* A PIC product as create, update and search return it.  The server echoes
 * some request fields under other names (weight in `weightInformation`, the
 * manufacturing country as `frenchLabelManufacturingCountry`), so both
 * spellings are read, the response one first.  The original object is kept
 * so that nothing this code does not model is lost.
 *
 * A product made with g_object_new() and no JSON is a placeholder: a list
 * row whose page has not been fetched yet.  Every getter works on it. */
struct _AttProduct
{
  GObject      parent_instance;

  JsonObject  *json;
  JsonObject  *optional_fields;

  char        *id;
  char        *name;
  char        *category_expansion_id;
  char        *product_category;
  char        *product_type;
  char        *size;
  char        *identifier;
  char        *identifier_type;
  char        *taxonomy_id;
  char        *weight_unit;
  char       **tags;
  char       **eligibility_messages;

  GListStore  *materials;
  GListStore  *packaging;
  GListStore  *components;
  GListStore  *purchase_orders;
  AttEcoScore *eco_score;
  AttCountry  *manufacturing_country;
  AttCountry  *fabric_country;
  AttCountry  *dyeing_country;

  double       weight;
  double       weight_kg;
  gint64       created_on;
  gint64       modified_on;
  gboolean     weight_is_primary_data;
  gboolean     is_material_weight;
  gboolean     eligible;
};

/* The server assumes grams when a weight comes without a unit. */
#define DEFAULT_WEIGHT_UNIT "grams"

G_END_DECLS
