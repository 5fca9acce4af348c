/* att-draft-store-private.h: the draft store's blocking file operations,
 * run in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-draft-store.h"

G_BEGIN_DECLS

/* Temporary files of a save in progress: `.draft-XXXXXX.tmp`.  A save
 * killed half-way leaves one behind; listing removes those older than
 * this, which no live save can still be writing. */
#define ATT_DRAFT_TEMP_PREFIX   ".draft-"
#define ATT_DRAFT_TEMP_SUFFIX   ".tmp"
#define ATT_DRAFT_FILE_PREFIX   "draft-"
#define ATT_DRAFT_FILE_SUFFIX   ".json"
#define ATT_DRAFT_CORRUPT       ".corrupt"
#define ATT_DRAFT_STALE_TEMP_US ((gint64) G_USEC_PER_SEC * 60 * 60)

char      *att_draft_file_name (const char *kind,
                                const char *account_id,
                                const char *object_id);

gboolean   att_draft_io_write (const char   *dir,
                               const char   *name,
                               GBytes       *bytes,
                               GCancellable *cancellable,
                               GError      **error);
AttDraft  *att_draft_io_read (const char *dir,
                              const char *name,
                              GError    **error);
GPtrArray *att_draft_io_list (const char   *dir,
                              const char   *account_id,
                              GCancellable *cancellable,
                              GError      **error);
gboolean   att_draft_io_delete (const char *dir,
                                const char *name,
                                GError    **error);

G_END_DECLS
