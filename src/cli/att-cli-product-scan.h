/* att-cli-product-scan.h: every product of the Higg account, a page at a
 * time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-cli.h"
#include "att-types.h"

G_BEGIN_DECLS

gboolean    att_cli_for_each_product (AttHiggClient *higg,
                                      const char    *text,
                                      GCancellable  *cancellable,
                                      GFunc          func,
                                      gpointer       user_data,
                                      GError       **error);
GListModel *att_cli_dup_products (AttHiggClient *higg,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
