/* att-paged-state.h: what a list over an AttPagedModel shows while it
 * loads, fails or finds nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"

G_BEGIN_DECLS

typedef enum {
  ATT_PAGED_STATE_LOADING,
  ATT_PAGED_STATE_ERROR,
  ATT_PAGED_STATE_EMPTY,
  ATT_PAGED_STATE_LIST,
} AttPagedState;

AttPagedState att_paged_state_show (AttPagedModel *model,
                                    GtkStack      *stack,
                                    GtkSpinner    *spinner,
                                    AdwStatusPage *error_page);

const char   *att_paged_state_placeholder_text (AttPagedModel *model,
                                                guint          position);

G_END_DECLS
