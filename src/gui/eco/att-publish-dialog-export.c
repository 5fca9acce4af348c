/* att-publish-dialog-export.c: Copy puts the outcomes on the clipboard as
 * text, Export… saves them as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-publish-dialog-private.h"
#include "att-publish-results.h"

static void
toast (AttPublishDialog *self,
       const char       *title)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (title));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttPublishDialog *self = ATT_PUBLISH_DIALOG (widget);
  g_autofree char  *text = att_publish_dialog_to_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  toast (self, _ ("Outcomes copied"));
}

static void
on_csv_written (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AttPublishDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (att_publish_results_write_csv_finish (result, &error))
    {
      if (!self->disposed)
        toast (self, _ ("Outcomes saved"));
      return;
    }
  if (self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Translators: %s says why the file could not be written. */
  message = g_strdup_printf (_ ("Could not save the outcomes: %s"), error->message);
  toast (self, message);
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     AttPublishDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  att_publish_results_write_csv_async (self->outcomes, self->names, file, self->cancellable,
                                       on_csv_written, g_object_ref (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttPublishDialog *self = ATT_PUBLISH_DIALOG (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_ ("Export the Outcomes"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: the file name offered for the CSV export. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _ ("french-portal-outcomes.csv"));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
att_publish_dialog_install_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "publish.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "publish.export", NULL, export_action);
}

void
att_publish_dialog_export_dispose (AttPublishDialog *self)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
}
