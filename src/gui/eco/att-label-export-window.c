/* att-label-export-window.c: the small window that saves the labels of a
 * selection, with its progress, Cancel and what happened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-context.h"
#include "att-label-export-window.h"

/* How often the bar moves while the labels are fetched: the client tells
 * nothing until they have all arrived. */
#define PULSE_MS 150

struct _AttLabelExportWindow
{
  AdwWindow parent_instance;

  AttLabelExport *export;
  GCancellable      *cancellable;
  gboolean           running;
  guint              pulse_id;

  GtkLabel          *status_label;
  GtkScrolledWindow *status_scroll;
  GtkProgressBar    *progress_bar;
  GtkButton         *cancel_button;
  GtkButton         *open_button;
  GtkButton         *close_button;
};

G_DEFINE_FINAL_TYPE (AttLabelExportWindow, att_label_export_window, ADW_TYPE_WINDOW)

static void
set_status (AttLabelExportWindow *self,
            const char           *text)
{
  gtk_label_set_label (self->status_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static gboolean
pulse (gpointer user_data)
{
  AttLabelExportWindow *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
stop_pulse (AttLabelExportWindow *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
}

static void
on_n_saved (AttLabelExport *export,
            GParamSpec           *pspec,
            AttLabelExportWindow *self)
{
  guint            n = att_label_export_get_n_saved (export);
  guint            total = att_label_export_get_n_to_save (export);
  g_autofree char *text = NULL;

  stop_pulse (self);
  text = g_strdup_printf (_ ("Saving labels: %u of %u"), n, total);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) n / total : 1.0);
  set_status (self, text);
}

static void
show_end (AttLabelExportWindow *self,
          const char           *text)
{
  self->running = FALSE;
  stop_pulse (self);
  set_status (self, text);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), att_label_export_get_n_saved (self->export) > 0);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->close_button));
  /* The window was sized for one line: a list of reasons gets room, and
   * scrolls beyond it. */
  if (att_label_export_get_missing (self->export)->len > 0)
    gtk_scrolled_window_set_min_content_height (self->status_scroll, 160);
}

static void
on_run (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(AttLabelExportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;

  att_label_export_run_finish (ATT_LABEL_EXPORT (object), result, &error);
  if (self->export == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  summary = att_label_export_get_summary (self->export);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Translators: %s is e.g. "12 labels saved". */
    text = g_strdup_printf (_ ("Cancelled; no further labels saved. %s."), summary);
  else if (error != NULL)
    text = g_strdup_printf ("%s\n%s.", error->message, summary);
  else
    text = g_strdup_printf ("%s.", summary);
  gtk_progress_bar_set_fraction (self->progress_bar, error == NULL ? 1.0 : gtk_progress_bar_get_fraction (self->progress_bar));
  show_end (self, text);
}

/**
 * att_label_export_window_start:
 *
 * Fetches the labels and saves them; the window shows the progress, then
 * what happened.
 */
void
att_label_export_window_start (AttLabelExportWindow *self)
{
  g_return_if_fail (ATT_IS_LABEL_EXPORT_WINDOW (self));
  g_return_if_fail (!self->running && self->cancellable == NULL);

  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  set_status (self, _ ("Fetching the labels…"));
  self->pulse_id = g_timeout_add (PULSE_MS, pulse, self);
  g_signal_connect_object (self->export, "notify::n-saved", G_CALLBACK (on_n_saved), self, 0);
  att_label_export_run_async (self->export, self->cancellable, on_run, g_object_ref (self));
}

gboolean
att_label_export_window_get_running (AttLabelExportWindow *self)
{
  g_return_val_if_fail (ATT_IS_LABEL_EXPORT_WINDOW (self), FALSE);

  return self->running;
}

AttLabelExport *
att_label_export_window_get_export (AttLabelExportWindow *self)
{
  g_return_val_if_fail (ATT_IS_LABEL_EXPORT_WINDOW (self), NULL);

  return self->export;
}

const char *
att_label_export_window_get_status (AttLabelExportWindow *self)
{
  g_return_val_if_fail (ATT_IS_LABEL_EXPORT_WINDOW (self), NULL);

  return gtk_label_get_label (self->status_label);
}

/* Actions */

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AttLabelExportWindow *self = ATT_LABEL_EXPORT_WINDOW (widget);

  g_cancellable_cancel (self->cancellable);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AttLabelExportWindow *self = ATT_LABEL_EXPORT_WINDOW (widget);
  g_autofree char      *uri = g_file_get_uri (att_label_export_get_folder (self->export));

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* Widgets */

static GtkButton *
button_new (const char *label,
            const char *action_name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  return GTK_BUTTON (button);
}

static GtkWidget *
buttons_new (AttLabelExportWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  self->cancel_button = button_new (_ ("_Cancel"), "labels.cancel");
  self->open_button = button_new (_ ("_Open Folder"), "labels.open-folder");
  self->close_button = button_new (_ ("_Close"), "window.close");
  gtk_widget_add_css_class (GTK_WIDGET (self->open_button), "suggested-action");
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->cancel_button));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->close_button));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->open_button));
  return box;
}

static GtkWidget *
status_new (AttLabelExportWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->status_scroll = GTK_SCROLLED_WINDOW (scrolled);

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_selectable (self->status_label, TRUE);
  gtk_label_set_xalign (self->status_label, 0);
  gtk_label_set_yalign (self->status_label, 0);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->status_label));
  return scrolled;
}

static void
build (AttLabelExportWindow *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Progress of saving the labels"), -1);
  gtk_box_append (GTK_BOX (box), status_new (self));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_bar));
  gtk_box_append (GTK_BOX (box), buttons_new (self));
  gtk_box_append (GTK_BOX (outer), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (outer), box);
  adw_window_set_content (ADW_WINDOW (self), outer);
}

/* The object */

AttLabelExportWindow *
att_label_export_window_new (GtkWindow         *parent,
                             AttContext        *context,
                             const char *const *product_ids,
                             GHashTable        *names,
                             GFile             *folder)
{
  AttLabelExportWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATT_IS_CONTEXT (context), NULL);

  self = g_object_new (ATT_TYPE_LABEL_EXPORT_WINDOW,
                       "transient-for", parent,
                       "modal", FALSE,
                       "title", _ ("Save Labels"),
                       "default-width", 420,
                       NULL);
  self->export = att_label_export_new (att_context_get_higg_client (context), product_ids, names, folder);
  return self;
}

static void
att_label_export_window_dispose (GObject *object)
{
  AttLabelExportWindow *self = ATT_LABEL_EXPORT_WINDOW (object);

  /* Closing the window stops the saving: no file is written after it. */
  g_cancellable_cancel (self->cancellable);
  stop_pulse (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export);

  G_OBJECT_CLASS (att_label_export_window_parent_class)->dispose (object);
}

static void
att_label_export_window_class_init (AttLabelExportWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_label_export_window_dispose;
  gtk_widget_class_install_action (widget_class, "labels.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "labels.open-folder", NULL, open_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
att_label_export_window_init (AttLabelExportWindow *self)
{
  build (self);
}
