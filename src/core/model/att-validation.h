/* att-validation.h: the documented PIC product rules, shared by the
 * sandbox and the app's forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"
#include "att-error.h"

G_BEGIN_DECLS

GPtrArray *att_validate_product_create (JsonObject *body);
GPtrArray *att_validate_product_update (JsonObject *body,
                                        gboolean    stored_is_material_weight);

GPtrArray *att_validate_product_eco_score (JsonObject *state);

gboolean   att_validate_date_string (const char *date,
                                     gint64     *out_unix_ms);

gboolean   att_validate_text_member (JsonObject  *object,
                                     const char  *key,
                                     gboolean     required,
                                     const char **out_value,
                                     GPtrArray   *errors);
gboolean   att_validate_number_member (JsonObject *object,
                                       const char *key,
                                       gboolean    required,
                                       double     *out_value,
                                       GPtrArray  *errors);

G_END_DECLS
