/* att-sandbox-catalogue.h: the sandbox's materials, components, packaging,
 * categories, countries and impact definitions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_SANDBOX_CATALOGUE (att_sandbox_catalogue_get_type ())

G_DECLARE_FINAL_TYPE (AttSandboxCatalogue, att_sandbox_catalogue, ATT, SANDBOX_CATALOGUE, GObject)

typedef enum {
  ATT_SANDBOX_KIND_MATERIAL,
  ATT_SANDBOX_KIND_COMPONENT,
  ATT_SANDBOX_KIND_PACKAGING,
} AttSandboxKind;

/* One row of impacts.json.  A weight is NAN when the impact has no part in
 * that aggregate. */
typedef struct
{
  const char *key;
  double      normalization;
  double      pef_weight;
  double      ecs_weight;
  gboolean    aggregate;
} AttSandboxImpact;

AttSandboxCatalogue    *att_sandbox_catalogue_new (GError **error);

JsonObject             *att_sandbox_catalogue_lookup (AttSandboxCatalogue *self,
                                                      AttSandboxKind       kind,
                                                      const char          *id);
JsonArray              *att_sandbox_catalogue_get_items (AttSandboxCatalogue *self,
                                                         AttSandboxKind       kind);
JsonObject             *att_sandbox_catalogue_lookup_country (AttSandboxCatalogue *self,
                                                              const char          *code);
JsonArray              *att_sandbox_catalogue_get_countries (AttSandboxCatalogue *self);
JsonObject             *att_sandbox_catalogue_lookup_category (AttSandboxCatalogue *self,
                                                               const char          *category_id);
JsonArray              *att_sandbox_catalogue_get_categories (AttSandboxCatalogue *self);
const AttSandboxImpact *att_sandbox_catalogue_get_impacts (AttSandboxCatalogue *self,
                                                           guint               *n_impacts);

double                  att_sandbox_catalogue_unit_mass_kg (AttSandboxCatalogue *self,
                                                            AttSandboxKind       kind,
                                                            const char          *id);
double                  att_sandbox_catalogue_carbon_per_kg (AttSandboxCatalogue *self,
                                                             AttSandboxKind       kind,
                                                             const char          *id);

JsonNode               *att_sandbox_catalogue_search (AttSandboxCatalogue *self,
                                                      AttSandboxKind       kind,
                                                      JsonObject          *request,
                                                      GPtrArray           *errors);
JsonNode               *att_sandbox_catalogue_countries_reply (AttSandboxCatalogue *self);
JsonNode               *att_sandbox_catalogue_categories_reply (AttSandboxCatalogue *self);
JsonNode               *att_sandbox_catalogue_sizes_reply (AttSandboxCatalogue *self,
                                                           const char          *category_id);

G_END_DECLS
