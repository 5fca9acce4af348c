/* att-closient-catalogue.h: Closient's certifications and certification
 * bodies, searchable paged lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_CLOSIENT_CATALOGUE (att_closient_catalogue_get_type ())

G_DECLARE_FINAL_TYPE (AttClosientCatalogue, att_closient_catalogue, ATT, CLOSIENT_CATALOGUE, GtkWidget)

GtkWidget  *att_closient_catalogue_new (AttContext *context);
const char *att_closient_catalogue_get_kind (AttClosientCatalogue *self);
void        att_closient_catalogue_set_kind (AttClosientCatalogue *self,
                                             const char           *kind);
void        att_closient_catalogue_focus_search (AttClosientCatalogue *self);
void        att_closient_catalogue_set_search_text (AttClosientCatalogue *self,
                                                    const char           *text);
GListModel *att_closient_catalogue_get_model (AttClosientCatalogue *self);

G_END_DECLS
