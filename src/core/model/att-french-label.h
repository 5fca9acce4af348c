/* att-french-label.h: one product's official French label (SVG), as
 * french-label/image answers it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_FRENCH_LABEL (att_french_label_get_type ())

G_DECLARE_FINAL_TYPE (AttFrenchLabel, att_french_label, ATT, FRENCH_LABEL, GObject)

AttFrenchLabel *att_french_label_new_from_json (JsonObject *object,
                                                const char *path,
                                                GError    **error);
AttFrenchLabel *att_french_label_new_error (const char *product_id,
                                            const char *error);

const char     *att_french_label_get_product_id (AttFrenchLabel *self);
const char     *att_french_label_get_svg (AttFrenchLabel *self);
double          att_french_label_get_code (AttFrenchLabel *self);
const char     *att_french_label_get_error (AttFrenchLabel *self);

G_END_DECLS
