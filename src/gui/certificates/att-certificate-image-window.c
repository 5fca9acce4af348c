/* att-certificate-image-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-certificate-image-window.h"
#include "att-certificate-image.h"
#include "att-file-type.h"
#include "att-zoom-view.h"

/**
 * AttCertificateImageWindow:
 *
 * An image of a certificate at full size, decoded in a worker thread: fitted
 * to the window at first, zoomed in and out by steps (Ctrl+plus, Ctrl+minus,
 * Ctrl+1 for its own size, Ctrl+0 to fit again), and saved as a file with
 * the bytes the server holds, written asynchronously.
 */
struct _AttCertificateImageWindow
{
  AdwWindow             parent_instance;

  AttCertificate       *certificate;
  guint                 index;
  GBytes               *bytes;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkLabel             *zoom_label;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkScrolledWindow    *scrolled_window;
  AttZoomView          *zoom_view;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (AttCertificateImageWindow, att_certificate_image_window, ADW_TYPE_WINDOW)

/* Each step zooms by a quarter, as in GNOME's image viewers. */
#define ZOOM_STEP 1.25

/* Zoom */

static void
update_zoom (AttCertificateImageWindow *self)
{
  gboolean         fit = att_zoom_view_get_zoom (self->zoom_view) == 0;
  double           scale = att_zoom_view_get_scale (self->zoom_view);
  g_autofree char *percent = g_strdup_printf ("%.0f %%", scale * 100);

  /* Fitted, the view is the viewport's size and never scrolls. */
  gtk_scrolled_window_set_policy (self->scrolled_window,
                                  fit ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  fit ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
  gtk_label_set_label (self->zoom_label, percent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self->zoom_label))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, percent, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.zoom-in", scale < ATT_ZOOM_VIEW_MAX_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.zoom-out", scale > ATT_ZOOM_VIEW_MIN_ZOOM);
}

static void
zoom_by (AttCertificateImageWindow *self,
         double                     factor)
{
  /* From a fitted view, the steps start at the size it is drawn at. */
  att_zoom_view_set_zoom (self->zoom_view, att_zoom_view_get_scale (self->zoom_view) * factor);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AttCertificateImageWindow *self = ATT_CERTIFICATE_IMAGE_WINDOW (widget);

  if (att_zoom_view_get_texture (self->zoom_view) == NULL)
    return;
  if (g_str_equal (action_name, "image.zoom-in"))
    zoom_by (self, ZOOM_STEP);
  else if (g_str_equal (action_name, "image.zoom-out"))
    zoom_by (self, 1 / ZOOM_STEP);
  else if (g_str_equal (action_name, "image.zoom-original"))
    att_zoom_view_set_zoom (self->zoom_view, 1.0);
  else
    att_zoom_view_set_zoom (self->zoom_view, 0);
}

/* Loading */

static void
image_loaded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AttCertificateImageWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = att_certificate_image_load_finish (result, &self->bytes, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  if (texture == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  att_zoom_view_set_texture (self->zoom_view, texture);
  gtk_stack_set_visible_child_name (self->stack, "image");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.save-as", TRUE);
  update_zoom (self);
}

/* Save As */

static char *
suggest_name (AttCertificateImageWindow *self)
{
  const char      *number = att_certificate_get_assertion_id (self->certificate);
  AttFileType      type = att_file_type_sniff (g_bytes_get_data (self->bytes, NULL), g_bytes_get_size (self->bytes));
  const char      *mime = att_file_type_get_mime_type (type);
  const char      *extension = mime != NULL && g_str_has_prefix (mime, "image/") ? mime + strlen ("image/") : "img";
  g_autofree char *base = g_strdup (number != NULL ? number : att_certificate_get_id (self->certificate));

  /* A certificate number may hold slashes; a file name may not. */
  g_strdelimit (base, "/\\:", '-');
  return g_strdup_printf ("%s-%u.%s", base, self->index + 1, extension);
}

static void
saved (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(AttCertificateImageWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));

  if (!att_certificate_image_window_save_finish (self, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s is why the file could not be written */
      title = g_strdup_printf (_ ("Could not save the image: %s"), error->message);
    }
  else
    /* Translators: %s is a file name */
    title = g_strdup_printf (_ ("Saved as %s"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
on_chooser_response (GtkNativeDialog           *chooser,
                     int                        response,
                     AttCertificateImageWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    att_certificate_image_window_save_async (self, file, self->cancellable, saved, g_object_ref (self));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AttCertificateImageWindow *self = ATT_CERTIFICATE_IMAGE_WINDOW (widget);
  g_autofree char           *name = NULL;

  if (self->bytes == NULL || self->chooser != NULL)
    return;
  name = suggest_name (self);
  self->chooser = gtk_file_chooser_native_new (_ ("Save the Image"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject */

static void
att_certificate_image_window_dispose (GObject *object)
{
  AttCertificateImageWindow *self = (AttCertificateImageWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATT_TYPE_CERTIFICATE_IMAGE_WINDOW);
  g_clear_object (&self->certificate);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (att_certificate_image_window_parent_class)->dispose (object);
}

static void
add_shortcut (GtkWidgetClass *widget_class,
              guint           key,
              const char     *action)
{
  gtk_widget_class_add_binding_action (widget_class, key, GDK_CONTROL_MASK, action, NULL);
}

static void
att_certificate_image_window_class_init (AttCertificateImageWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = att_certificate_image_window_dispose;

  g_type_ensure (ATT_TYPE_ZOOM_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attestapp/Attest/att-certificate-image-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AttCertificateImageWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateImageWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateImageWindow, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateImageWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateImageWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateImageWindow, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateImageWindow, zoom_view);
  gtk_widget_class_bind_template_child (widget_class, AttCertificateImageWindow, error_page);

  gtk_widget_class_install_action (widget_class, "image.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "image.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "image.zoom-original", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "image.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "image.save-as", NULL, save_as_action);

  add_shortcut (widget_class, GDK_KEY_plus, "image.zoom-in");
  add_shortcut (widget_class, GDK_KEY_equal, "image.zoom-in");
  add_shortcut (widget_class, GDK_KEY_KP_Add, "image.zoom-in");
  add_shortcut (widget_class, GDK_KEY_minus, "image.zoom-out");
  add_shortcut (widget_class, GDK_KEY_KP_Subtract, "image.zoom-out");
  add_shortcut (widget_class, GDK_KEY_1, "image.zoom-original");
  add_shortcut (widget_class, GDK_KEY_0, "image.zoom-fit");
  add_shortcut (widget_class, GDK_KEY_s, "image.save-as");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  add_shortcut (widget_class, GDK_KEY_w, "window.close");
}

static void
att_certificate_image_window_init (AttCertificateImageWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  att_accessible_fix_mnemonics (GTK_WIDGET (self));
  /* The fitted scale follows the window's size. */
  g_signal_connect_object (self->zoom_view, "notify::scale", G_CALLBACK (update_zoom), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.save-as", FALSE);
}

/**
 * att_certificate_image_window_new:
 * @parent: (nullable): the window it belongs to
 * @index: which of @certificate's files, an image (not a link)
 *
 * Returns: (transfer none): a new window, to present; it decodes the image
 *   in the background
 */
GtkWidget *
att_certificate_image_window_new (GtkWindow      *parent,
                                  AttCertificate *certificate,
                                  guint           index)
{
  AttCertificateImageWindow *self;
  const char                *name;
  g_autofree char           *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATT_IS_CERTIFICATE (certificate), NULL);
  g_return_val_if_fail (index < att_certificate_get_n_files (certificate), NULL);

  self = g_object_new (ATT_TYPE_CERTIFICATE_IMAGE_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->certificate = g_object_ref (certificate);
  self->index = index;

  name = att_certificate_get_certificate_name (certificate);
  /* Translators: %u of %u are numbers, e.g. "Image 2 of 3" */
  subtitle = g_strdup_printf (_ ("Image %u of %u"), index + 1, att_certificate_get_n_files (certificate));
  adw_window_title_set_title (self->window_title, name != NULL ? name : att_certificate_get_id (certificate));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), name != NULL ? name : att_certificate_get_id (certificate));

  gtk_spinner_start (self->spinner);
  att_certificate_image_load_async (certificate, index, 0, self->cancellable, image_loaded,
                                    g_object_ref (self));
  return GTK_WIDGET (self);
}

/**
 * att_certificate_image_window_get_texture:
 *
 * Returns: (transfer none) (nullable): the image, once decoded
 */
GdkTexture *
att_certificate_image_window_get_texture (AttCertificateImageWindow *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_IMAGE_WINDOW (self), NULL);

  return att_zoom_view_get_texture (self->zoom_view);
}

/**
 * att_certificate_image_window_get_zoom:
 *
 * Returns: the factor the image is drawn at
 */
double
att_certificate_image_window_get_zoom (AttCertificateImageWindow *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_IMAGE_WINDOW (self), 1.0);

  return att_zoom_view_get_scale (self->zoom_view);
}

/**
 * att_certificate_image_window_save_async:
 * @file: where to write the image's bytes, replaced if it exists
 *
 * Writes the file as the server holds it (not the decoded pixels).
 */
void
att_certificate_image_window_save_async (AttCertificateImageWindow *self,
                                         GFile                     *file,
                                         GCancellable              *cancellable,
                                         GAsyncReadyCallback        callback,
                                         gpointer                   user_data)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_IMAGE_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->bytes != NULL);

  g_file_replace_contents_bytes_async (file, self->bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, callback, user_data);
}

gboolean
att_certificate_image_window_save_finish (AttCertificateImageWindow *self,
                                          GAsyncResult              *result,
                                          GError                   **error)
{
  g_autoptr(GObject) file = NULL;

  g_return_val_if_fail (ATT_IS_CERTIFICATE_IMAGE_WINDOW (self), FALSE);

  file = g_async_result_get_source_object (result);
  return g_file_replace_contents_finish (G_FILE (file), result, NULL, error);
}
