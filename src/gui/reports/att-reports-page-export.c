/* att-reports-page-export.c: the Reports view's report, written to a file
 * in a worker thread, with progress and Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-reports-page-private.h"

/* --- Progress, from the writing thread --------------------------------- */

static gboolean
show_export_progress (gpointer user_data)
{
  AttReportsPage *self = user_data;

  g_atomic_int_set (&self->export_idle, 0);
  /* The write was given up (the page is being destroyed). */
  if (self->export_cancellable == NULL)
    return G_SOURCE_REMOVE;
  gtk_progress_bar_set_fraction (self->export_progress, g_atomic_int_get (&self->export_permille) / 1000.0);
  return G_SOURCE_REMOVE;
}

static void
on_write_progress (guint64  done,
                   guint64  total,
                   gpointer user_data)
{
  AttReportsPage *self = user_data;

  if (total == 0)
    return;
  g_atomic_int_set (&self->export_permille, (gint) (done * 1000 / total));
  /* One update waiting at a time; it holds the page. */
  if (g_atomic_int_compare_and_exchange (&self->export_idle, 0, 1))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_export_progress, g_object_ref (self), g_object_unref);
}

/* --- The end of the write ---------------------------------------------- */

/**
 * _att_reports_page_show_busy:
 * @text: (nullable): what is under way (the bar with its progress and
 *   Cancel), or %NULL when it is done
 *
 * The bar under the preview, for a report being written or certificate
 * images read for printing; Export and Print wait meanwhile.
 */
void
_att_reports_page_show_busy (AttReportsPage *self,
                             const char     *text)
{
  gtk_label_set_label (self->export_label, text != NULL ? text : "");
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  gtk_revealer_set_reveal_child (self->export_revealer, text != NULL);
  _att_reports_page_update_actions (self);
}

static void
set_exporting (AttReportsPage *self,
               GFile          *file)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *text = NULL;

  if (name != NULL)
    /* Translators: %s is the name of the file the report is written to */
    text = g_strdup_printf (_ ("Saving “%s”…"), name);
  _att_reports_page_show_busy (self, text);
}

static void
toast_saved (AttReportsPage *self,
             GFile          *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast        *toast = adw_toast_new (_ ("Report saved"));

  adw_toast_set_button_label (toast, _ ("_Open"));
  adw_toast_set_action_name (toast, "reports.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
toast_failed (AttReportsPage *self,
              const GError   *error)
{
  g_autofree char *text = NULL;
  AdwToast        *toast;

  /* Translators: %s says why the report could not be written */
  text = g_strdup_printf (_ ("The report could not be saved: %s"), error->message);
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_written (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AttReportsPage) self = user_data;
  g_autoptr(GFile) file = g_object_steal_data (G_OBJECT (self), "att-export-file");
  g_autoptr(GError) error = NULL;

  att_report_write_finish (ATT_REPORT (source_object), result, &error);
  if (self->export_cancellable == NULL)
    return;
  g_clear_object (&self->export_cancellable);
  set_exporting (self, NULL);
  if (error == NULL)
    toast_saved (self, file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast_failed (self, error);
}

/**
 * att_reports_page_export:
 * @file: where the report goes
 * @format: the format it is written in
 *
 * Writes the report shown to @file in a worker thread, with a progress
 * bar and Cancel; a toast says when it is saved, or why not.  What the
 * file chooser of Export… calls, and tests directly.
 */
void
att_reports_page_export (AttReportsPage        *self,
                         GFile                 *file,
                         const AttReportFormat *format)
{
  g_return_if_fail (ATT_IS_REPORTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (format != NULL);
  g_return_if_fail (self->report != NULL);
  g_return_if_fail (self->export_cancellable == NULL);

  self->export_cancellable = g_cancellable_new ();
  set_exporting (self, file);
  /* The file, for the toast, waits on the page until the write ends. */
  g_object_set_data_full (G_OBJECT (self), "att-export-file", g_object_ref (file), g_object_unref);
  att_report_write_async (self->report, format, file, on_write_progress, self, self->export_cancellable, on_written,
                          g_object_ref (self));
}

/* Cancel in the bar: the report being written, or the certificate
 * images being read for printing. */
void
_att_reports_page_cancel_export (AttReportsPage *self)
{
  g_cancellable_cancel (self->export_cancellable);
  g_cancellable_cancel (self->print_cancellable);
}

/* --- The file chooser -------------------------------------------------- */

static void
add_format_filters (GtkFileChooser *chooser)
{
  const AttReportFormat *const *formats = att_report_format_get_all ();

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *upper = g_ascii_strup (formats[i]->extension, -1);
      g_autofree char *pattern = g_strdup_printf ("*.%s", formats[i]->extension);
      g_autofree char *name = NULL;

      /* Translators: a file chooser's filter; %s is a format, as "CSV" */
      name = g_strdup_printf (_ ("%s files"), upper);
      gtk_file_filter_set_name (filter, name);
      gtk_file_filter_add_mime_type (filter, formats[i]->mime_type);
      gtk_file_filter_add_pattern (filter, pattern);
      g_object_set_data (G_OBJECT (filter), "att-format", (gpointer) formats[i]);
      gtk_file_chooser_add_filter (chooser, filter);
    }
}

/* The format the file's extension says, else the chosen filter's, and the
 * file with that extension added when it had none. */
static const AttReportFormat *
choose_format (GtkFileChooser *chooser,
               GFile         **file)
{
  const AttReportFormat *format = att_report_format_for_file (*file);
  GtkFileFilter         *filter = gtk_file_chooser_get_filter (chooser);
  g_autofree char       *name = NULL;
  g_autofree char       *with_extension = NULL;
  GFile                 *parent;

  if (format != NULL)
    return format;
  format = filter != NULL ? g_object_get_data (G_OBJECT (filter), "att-format") : NULL;
  if (format == NULL)
    format = att_report_format_get_all ()[0];
  name = g_file_get_basename (*file);
  with_extension = g_strdup_printf ("%s.%s", name, format->extension);
  parent = g_file_get_parent (*file);
  g_object_unref (*file);
  *file = g_file_get_child (parent, with_extension);
  g_object_unref (parent);
  return format;
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  AttReportsPage *self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->report != NULL && self->export_cancellable == NULL)
    {
      const AttReportFormat *format;

      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      format = choose_format (GTK_FILE_CHOOSER (dialog), &file);
      att_reports_page_export (self, file, format);
    }
  g_object_unref (dialog);
}

void
_att_reports_page_choose_file (AttReportsPage *self)
{
  GtkRoot              *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_ ("Export Report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _ ("certificates.csv"));
  add_format_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- Opening the file saved -------------------------------------------- */

void
_att_reports_page_open_file (AttReportsPage *self,
                             const char     *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* The bar under the preview while the report is written. */
GtkWidget *
_att_reports_page_build_export_bar (AttReportsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));

  self->export_label = GTK_LABEL (gtk_label_new (NULL));
  self->export_progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->export_progress), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->export_progress), GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "reports.cancel-export");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->export_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->export_progress));
  gtk_box_append (GTK_BOX (box), cancel);
  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 6, "margin-bottom", 6, NULL);
  self->export_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->export_revealer, box);
  return GTK_WIDGET (self->export_revealer);
}
