/* att-pm-match.h: which Product Module products a PIC product is, by
 * identifier (GTIN/UPC barcode, then style number)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

char    *att_pm_match_barcode_key (const char *barcode);
gboolean att_pm_match_barcode (const char *a,
                               const char *b);
gboolean att_pm_match_style_number (const char *a,
                                    const char *b);
GStrv    att_pm_match_barcode_spellings (const char *const *barcodes);

GStrv    att_pm_match_product_barcodes (AttProduct *product);
char    *att_pm_match_product_style_number (AttProduct *product);

G_END_DECLS
