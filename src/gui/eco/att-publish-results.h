/* att-publish-results.h: the outcomes of a publish to the French portal
 * in words, as plain text and as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "att-publish-outcome.h"

G_BEGIN_DECLS

const char *att_publish_outcome_kind_to_words (AttPublishOutcomeKind kind);
const char *att_publish_outcome_kind_icon_name (AttPublishOutcomeKind kind);
char       *att_publish_outcome_describe (AttPublishOutcome *outcome);

char       *att_publish_results_summary (GPtrArray *outcomes);
char       *att_publish_results_to_text (GPtrArray  *outcomes,
                                         GHashTable *names);
char       *att_publish_results_to_csv (GPtrArray  *outcomes,
                                        GHashTable *names);

void        att_publish_results_write_csv_async (GPtrArray          *outcomes,
                                                 GHashTable         *names,
                                                 GFile              *file,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
gboolean    att_publish_results_write_csv_finish (GAsyncResult *result,
                                                  GError      **error);

G_END_DECLS
