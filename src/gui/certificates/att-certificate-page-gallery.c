/* att-certificate-page-gallery.c: a certificate's images as thumbnails,
 * and its files that are links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-certificate-image-window.h"
#include "att-certificate-image.h"
#include "att-certificate-page-private.h"

/* Each image file gets a button in the gallery with a spinner until its
 * thumbnail is decoded (att-certificate-image.c, in a worker thread); a
 * file given as a URL (api-higg.md §4.1 leaves open which one PM search
 * answers with) is a link row below, opened in the browser. */

typedef struct
{
  AttCertificatePage *page;
  GtkWidget          *stack; /* the thumbnail's place: "loading", "image" or "broken" */
} Thumbnail;

static void
thumbnail_free (Thumbnail *thumbnail)
{
  g_object_unref (thumbnail->page);
  g_object_unref (thumbnail->stack);
  g_free (thumbnail);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Thumbnail, thumbnail_free)

static void
thumbnail_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Thumbnail) thumbnail = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = att_certificate_image_load_finish (result, NULL, &error);
  GtkStack *stack = GTK_STACK (thumbnail->stack);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (GTK_SPINNER (gtk_stack_get_child_by_name (stack, "loading")));
  if (texture == NULL)
    {
      GtkWidget *broken = gtk_stack_get_child_by_name (stack, "broken");

      gtk_widget_set_tooltip_text (broken, error->message);
      gtk_stack_set_visible_child (stack, broken);
      return;
    }
  gtk_picture_set_paintable (GTK_PICTURE (gtk_stack_get_child_by_name (stack, "image")),
                             GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (stack, "image");
  thumbnail->page->n_thumbnails++;
}

static GtkWidget *
create_thumbnail_stack (void)
{
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *broken = gtk_image_new_from_icon_name ("image-missing-symbolic");

  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_image_set_pixel_size (GTK_IMAGE (broken), 48);
  gtk_widget_add_css_class (broken, "dim-label");
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_size_request (stack, ATT_CERTIFICATE_THUMBNAIL_SIZE * 3 / 4,
                               ATT_CERTIFICATE_THUMBNAIL_SIZE * 3 / 4);
  gtk_stack_add_named (GTK_STACK (stack), spinner, "loading");
  gtk_stack_add_named (GTK_STACK (stack), picture, "image");
  gtk_stack_add_named (GTK_STACK (stack), broken, "broken");
  return stack;
}

static void
open_image (AttCertificatePage *self,
            GtkWidget          *button)
{
  guint      index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "file-index"));
  GtkWidget *window;

  if (self->certificate == NULL)
    return;
  window = att_certificate_image_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                             self->certificate, index);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_thumbnail_clicked (GtkButton          *button,
                      AttCertificatePage *self)
{
  open_image (self, GTK_WIDGET (button));
}

/* From the keyboard, the gallery's children take the focus (the buttons
 * in them do not, so that Tab stops once per image), and Enter opens. */
static void
on_child_activated (GtkFlowBox         *gallery,
                    GtkFlowBoxChild    *child,
                    AttCertificatePage *self)
{
  open_image (self, gtk_flow_box_child_get_child (child));
}

static void
add_thumbnail (AttCertificatePage *self,
               guint               index,
               guint               n_images)
{
  GtkWidget       *button = gtk_button_new ();
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget       *stack = create_thumbnail_stack ();
  g_autofree char *caption = g_strdup_printf (_ ("Image %u"), index + 1);
  /* Translators: a button's name for screen readers; %u of %u are numbers */
  g_autofree char *spoken = g_strdup_printf (_ ("Open image %u of %u"), index + 1, n_images);
  Thumbnail       *thumbnail = g_new0 (Thumbnail, 1);

  gtk_box_append (GTK_BOX (box), stack);
  gtk_box_append (GTK_BOX (box), gtk_label_new (caption));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "certificate-gallery-item");
  gtk_widget_set_focusable (button, FALSE);
  gtk_widget_set_tooltip_text (button, spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  g_object_set_data (G_OBJECT (button), "file-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_thumbnail_clicked), self, 0);
  gtk_flow_box_append (self->gallery, button);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (button)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken, -1);

  thumbnail->page = g_object_ref (self);
  thumbnail->stack = g_object_ref (stack);
  att_certificate_image_load_async (self->certificate, index, ATT_CERTIFICATE_THUMBNAIL_SIZE,
                                    self->gallery_cancellable, thumbnail_loaded, thumbnail);
}

static void
on_link_activated (AdwActionRow       *row,
                   AttCertificatePage *self)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                adw_action_row_get_subtitle (row), GDK_CURRENT_TIME);
}

static void
add_link (AttCertificatePage *self,
          guint               index)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (_ ("File %u, on the web"), index + 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), att_certificate_get_file (self->certificate, index));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("adw-external-link-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _ ("Open in the web browser"));
  g_signal_connect_object (row, "activated", G_CALLBACK (on_link_activated), self, 0);
  gtk_list_box_append (self->links_list, row);
}

/**
 * att_certificate_page_fill_gallery:
 *
 * Starts decoding the thumbnails of the certificate's images and lists its
 * links.
 */
void
att_certificate_page_setup_gallery (AttCertificatePage *self)
{
  g_signal_connect_object (self->gallery, "child-activated", G_CALLBACK (on_child_activated), self, 0);
}

void
att_certificate_page_fill_gallery (AttCertificatePage *self)
{
  guint n_files = att_certificate_get_n_files (self->certificate);
  guint n_images = 0, n_links = 0;

  self->gallery_cancellable = g_cancellable_new ();
  for (guint i = 0; i < n_files; i++)
    if (!att_certificate_file_is_url (self->certificate, i))
      n_images++;

  for (guint i = 0; i < n_files; i++)
    {
      if (att_certificate_file_is_url (self->certificate, i))
        {
          add_link (self, i);
          n_links++;
        }
      else
        add_thumbnail (self, i, n_images);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->gallery), n_images > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->links_list), n_links > 0);
  adw_preferences_group_set_description (self->images_group,
                                         n_files == 0 ? _ ("The certificate has no files.") : NULL);
}

void
att_certificate_page_clear_gallery (AttCertificatePage *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->gallery_cancellable);
  g_clear_object (&self->gallery_cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->gallery))) != NULL)
    gtk_flow_box_remove (self->gallery, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_list))) != NULL)
    gtk_list_box_remove (self->links_list, child);
  self->n_thumbnails = 0;
}
