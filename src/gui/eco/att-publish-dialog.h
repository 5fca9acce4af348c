/* att-publish-dialog.h: publishing products to the French portal, batch
 * by batch, and what happened to each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_PUBLISH_DIALOG (att_publish_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AttPublishDialog, att_publish_dialog, ATT, PUBLISH_DIALOG, AdwWindow)

AttPublishDialog *att_publish_dialog_new (GtkWindow         *parent,
                                          AttContext        *context,
                                          const char *const *product_ids,
                                          GHashTable        *names);
void              att_publish_dialog_start (AttPublishDialog *self);
gboolean          att_publish_dialog_get_running (AttPublishDialog *self);
GPtrArray        *att_publish_dialog_get_outcomes (AttPublishDialog *self);
char             *att_publish_dialog_to_text (AttPublishDialog *self);

G_END_DECLS
