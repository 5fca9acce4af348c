/* att-eco-label-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "att-eco-label-view.h"
#include "att-types.h"

/* The label is an SVG from the server.  It is rasterised by gdk-pixbuf's
 * SVG loader (librsvg) at the size it is shown times the scale factor, so it
 * stays crisp on high-resolution screens, and again when the scale factor
 * changes.  Copy offers both the picture and the SVG itself. */
#define DISPLAY_WIDTH 280

struct _AttEcoLabelView
{
  GtkWidget     parent_instance;

  GtkPicture   *picture;
  GtkLabel     *message;
  GBytes       *svg;
  GdkTexture   *texture;
  GCancellable *cancellable;
  int           display_height;
};

G_DEFINE_FINAL_TYPE (AttEcoLabelView, att_eco_label_view, GTK_TYPE_WIDGET)

static void
show_message (AttEcoLabelView *self,
              const char      *text)
{
  gtk_label_set_label (self->message, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  AttEcoLabelView *self = user_data;
  int              scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (width <= 0 || height <= 0)
    return;

  self->display_height = MAX (1, height * DISPLAY_WIDTH / width);
  gdk_pixbuf_loader_set_size (loader, DISPLAY_WIDTH * scale, self->display_height * scale);
}

static GdkTexture *
rasterise (AttEcoLabelView *self,
           GBytes          *svg,
           GError         **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_mime_type ("image/svg+xml", error);
  GdkPixbuf *pixbuf;

  if (loader == NULL)
    return NULL;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), self);
  if (!gdk_pixbuf_loader_write_bytes (loader, svg, error))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  if (!gdk_pixbuf_loader_close (loader, error))
    return NULL;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE, _ ("No image in the file"));
      return NULL;
    }
  return gdk_texture_new_for_pixbuf (pixbuf);
}

static void
render (AttEcoLabelView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->texture);
  if (self->svg != NULL)
    self->texture = rasterise (self, self->svg, &error);

  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (self->texture));
  gtk_widget_set_visible (GTK_WIDGET (self->picture), self->texture != NULL);
  if (self->texture != NULL)
    gtk_widget_set_size_request (GTK_WIDGET (self->picture), DISPLAY_WIDTH, self->display_height);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "label.copy", self->texture != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "label.save-as", self->texture != NULL);

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_ ("The label could not be read: %s"), error->message);

      show_message (self, text);
    }
  else if (self->texture != NULL)
    show_message (self, NULL);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttEcoLabelView    *self = ATT_ECO_LABEL_VIEW (widget);
  GdkContentProvider *providers[3];
  g_autoptr(GdkContentProvider) both = NULL;

  if (self->texture == NULL || self->svg == NULL)
    return;

  providers[0] = gdk_content_provider_new_typed (GDK_TYPE_TEXTURE, self->texture);
  providers[1] = gdk_content_provider_new_for_bytes ("image/svg+xml", self->svg);
  /* The SVG as text too, for pasting into an editor or a web page's code. */
  providers[2] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", self->svg);
  both = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), both);
  show_message (self, _ ("Label copied"));
}

static void
replace_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * att_eco_label_view_save_async:
 * @file: where to write the label's SVG
 *
 * Writes the SVG as the server sent it; fails with %G_IO_ERROR_NOT_FOUND
 * when there is no label.
 */
void
att_eco_label_view_save_async (AttEcoLabelView    *self,
                               GFile              *file,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_ECO_LABEL_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_eco_label_view_save_async));

  if (self->svg == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _ ("There is no label to save"));
      return;
    }

  g_file_replace_contents_bytes_async (file, self->svg, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                                       replace_done_cb, g_steal_pointer (&task));
}

gboolean
att_eco_label_view_save_finish (AttEcoLabelView *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AttEcoLabelView *self = ATT_ECO_LABEL_VIEW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *text = NULL;

  if (!att_eco_label_view_save_finish (self, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_ ("Could not save the label: %s"), error->message);
    }
  else
    text = g_strdup_printf (_ ("Label saved as %s"), name);

  show_message (self, text);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(AttEcoLabelView) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->cancellable != NULL)
    {
      GFile *file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      att_eco_label_view_save_async (self, file, self->cancellable, save_done_cb, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkRoot              *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_ ("Save Label"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "eco-score-label.svg");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
scale_factor_cb (AttEcoLabelView *self)
{
  if (self->svg != NULL)
    render (self);
}

static void
att_eco_label_view_dispose (GObject *object)
{
  AttEcoLabelView *self = (AttEcoLabelView *) object;
  GtkWidget       *child;

  g_cancellable_cancel (self->cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->svg, g_bytes_unref);

  G_OBJECT_CLASS (att_eco_label_view_parent_class)->dispose (object);
}

static void
att_eco_label_view_class_init (AttEcoLabelViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_eco_label_view_dispose;

  gtk_widget_class_install_action (widget_class, "label.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "label.save-as", NULL, save_as_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "label.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "label.save-as",
                                       NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ecolabelview");
}

static GtkWidget *
new_button (const char *label,
            const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
att_eco_label_view_init (AttEcoLabelView *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
  self->cancellable = g_cancellable_new ();

  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->picture, TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->picture), GTK_ALIGN_START);
  gtk_widget_set_visible (GTK_WIDGET (self->picture), FALSE);
  gtk_picture_set_alternative_text (self->picture, _ ("Official environmental cost label"));
  gtk_widget_set_parent (GTK_WIDGET (self->picture), GTK_WIDGET (self));

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_set_parent (GTK_WIDGET (self->message), GTK_WIDGET (self));

  gtk_box_append (GTK_BOX (buttons), new_button (_ ("_Copy"), "label.copy"));
  gtk_box_append (GTK_BOX (buttons), new_button (_ ("Save _As…"), "label.save-as"));
  gtk_widget_set_parent (buttons, GTK_WIDGET (self));

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_cb), NULL);
  att_eco_label_view_set_svg (self, NULL, NULL);
}

GtkWidget *
att_eco_label_view_new (void)
{
  return g_object_new (ATT_TYPE_ECO_LABEL_VIEW, NULL);
}

/**
 * att_eco_label_view_set_svg:
 * @svg: (nullable): the label's SVG document
 * @error: (nullable): why the label could not be fetched
 *
 * With neither, the view says the label is not fetched yet.
 */
void
att_eco_label_view_set_svg (AttEcoLabelView *self,
                            const char      *svg,
                            const char      *error)
{
  g_return_if_fail (ATT_IS_ECO_LABEL_VIEW (self));

  g_clear_pointer (&self->svg, g_bytes_unref);
  if (svg != NULL && error == NULL)
    self->svg = g_bytes_new (svg, strlen (svg));
  render (self);

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_ ("The label could not be fetched: %s"), error);

      show_message (self, text);
    }
  else if (svg == NULL)
    show_message (self, _ ("The official label has not been fetched yet."));
}

/**
 * att_eco_label_view_get_texture:
 *
 * Returns: (transfer none) (nullable): the label as drawn
 */
GdkTexture *
att_eco_label_view_get_texture (AttEcoLabelView *self)
{
  g_return_val_if_fail (ATT_IS_ECO_LABEL_VIEW (self), NULL);

  return self->texture;
}

/**
 * att_eco_label_view_get_message:
 *
 * Returns: the message shown under the label ("" when none)
 */
const char *
att_eco_label_view_get_message (AttEcoLabelView *self)
{
  g_return_val_if_fail (ATT_IS_ECO_LABEL_VIEW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->message)) ? gtk_label_get_label (self->message) : "";
}
