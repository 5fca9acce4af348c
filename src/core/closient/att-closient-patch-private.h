/* att-closient-patch-private.h: what the parts of AttClosientPatch share:
 * att-closient-patch.c (the edit and its body), att-closient-patch-check.c
 * (the local checks) and att-closient-patch-state.c (drafts)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-closient-patch.h"

G_BEGIN_DECLS

struct _AttClosientPatch
{
  GObject                parent_instance;

  AttClosientAssignment *before;

  /* The string and date fields set, by name: a string, or null for a
   * cleared date.  Fields equal to before's are set too, and left out of
   * the body. */
  JsonObject            *values;

  int                    status;           /* an AttClosientVerification, or -1 if not set */
  GStrv                  countries;        /* NULL if not set */
  GHashTable            *metadata;         /* the metadata after the edit; NULL if not set */
  gboolean               metadata_cleared; /* Clear All was asked for */
};

gboolean att_closient_patch_is_string_field (const char *field);
gboolean att_closient_patch_is_date_field (const char *field);
gboolean att_closient_patch_countries_differ (AttClosientPatch *self);
void     att_closient_patch_apply_metadata_diff (GHashTable *metadata,
                                                 JsonObject *diff);

G_END_DECLS
