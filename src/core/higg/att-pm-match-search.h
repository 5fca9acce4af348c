/* att-pm-match-search.h: the PIC product a Product Module product is, and
 * the PM products a PIC product is, found on the server by identifier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-pm-product.h"
#include "att-types.h"

G_BEGIN_DECLS

/**
 * AttPmMatchKind:
 * @ATT_PM_MATCH_NONE: nothing matched
 * @ATT_PM_MATCH_BARCODE: matched by GTIN/UPC barcode
 * @ATT_PM_MATCH_STYLE_NUMBER: matched by style number, no barcode matching
 */
typedef enum {
  ATT_PM_MATCH_NONE,
  ATT_PM_MATCH_BARCODE,
  ATT_PM_MATCH_STYLE_NUMBER,
} AttPmMatchKind;

void        att_pm_match_find_pic_product_async (AttHiggClient      *client,
                                                 AttPmProduct       *product,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
AttProduct *att_pm_match_find_pic_product_finish (GAsyncResult   *result,
                                                  AttPmMatchKind *out_kind,
                                                  GError        **error);

void        att_pm_match_find_pm_products_async (AttHiggClient      *client,
                                                 AttProduct         *product,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
GListModel *att_pm_match_find_pm_products_finish (GAsyncResult   *result,
                                                  AttPmMatchKind *out_kind,
                                                  GError        **error);

G_END_DECLS
