/* att-publish-dialog-private.h: the instance struct of AttPublishDialog,
 * shared by att-publish-dialog.c (the publish), att-publish-dialog-view.c
 * (its widgets and rows) and att-publish-dialog-export.c (Copy, Export…)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-publish-dialog.h"
#include "att-publish-outcome.h"

G_BEGIN_DECLS

struct _AttPublishDialog
{
  AdwWindow             parent_instance;

  AttContext           *context;
  GStrv                 ids;
  GHashTable           *names;    /* (nullable): product id -> name */
  GHashTable           *answered; /* product ids with an outcome */
  GPtrArray            *outcomes; /* (element-type AttPublishOutcome) */
  GCancellable         *cancellable;
  gboolean              running;
  gboolean              disposed;
  GtkFileChooserNative *chooser;

  AdwToastOverlay      *toasts;
  GtkLabel             *status_label;
  GtkProgressBar       *progress_bar;
  GtkButton            *cancel_button;
  GtkButton            *retry_button;
  GtkListBox           *list;
};

/* att-publish-dialog-view.c */
void       att_publish_dialog_build (AttPublishDialog *self);
GtkWidget *att_publish_dialog_row_new (AttPublishOutcome *outcome,
                                       const char        *name);

/* att-publish-dialog-export.c */
void       att_publish_dialog_install_export_actions (GtkWidgetClass *widget_class);
void       att_publish_dialog_export_dispose (AttPublishDialog *self);

G_END_DECLS
