/* att-page.h: one page of a paged search result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_PAGE (att_page_get_type ())

G_DECLARE_FINAL_TYPE (AttPage, att_page, ATT, PAGE, GObject)

AttPage      *att_page_new (guint       from,
                            guint       size,
                            guint       total,
                            GListModel *items);
AttPage      *att_page_new_full (guint       from,
                                 guint       size,
                                 guint       total,
                                 GListModel *items,
                                 GPtrArray  *row_errors);
guint         att_page_get_from (AttPage *self);
guint         att_page_get_size (AttPage *self);
guint         att_page_get_total (AttPage *self);
GListModel   *att_page_get_items (AttPage *self);

const GError *att_page_get_row_error (AttPage *self,
                                      guint    position);
guint         att_page_get_n_row_errors (AttPage *self);
const GError *att_page_get_first_row_error (AttPage *self);

G_END_DECLS
