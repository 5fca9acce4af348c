/* att-country.h: a `{code, name}` location for the French eco-score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_COUNTRY (att_country_get_type ())

G_DECLARE_FINAL_TYPE (AttCountry, att_country, ATT, COUNTRY, GObject)

AttCountry *att_country_new (const char *code,
                             const char *name);
AttCountry *att_country_new_from_json (JsonObject *object,
                                       const char *path,
                                       GError    **error);
JsonObject *att_country_get_json (AttCountry *self);
JsonNode   *att_country_to_json (AttCountry *self);
JsonNode   *att_country_to_request_json (AttCountry *self);

const char *att_country_get_code (AttCountry *self);
const char *att_country_get_name (AttCountry *self);

G_END_DECLS
