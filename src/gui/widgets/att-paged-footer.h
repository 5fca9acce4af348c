/* att-paged-footer.h: what went wrong in a paged list, below the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_PAGED_FOOTER (att_paged_footer_get_type ())

G_DECLARE_FINAL_TYPE (AttPagedFooter, att_paged_footer, ATT, PAGED_FOOTER, GtkWidget)

GtkWidget     *att_paged_footer_new (void);
AttPagedModel *att_paged_footer_get_model (AttPagedFooter *self);
void           att_paged_footer_set_model (AttPagedFooter *self,
                                           AttPagedModel  *model);

G_END_DECLS
