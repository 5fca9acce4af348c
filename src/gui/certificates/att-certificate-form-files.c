/* att-certificate-form-files.c: the form's files: dropped on the window,
 * chosen, or, when updating, the certificate's own images
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-certificate-drop.h"
#include "att-certificate-form-private.h"

static void
on_drop (GtkWidget  *widget,
         GListModel *files,
         GdkTexture *texture,
         gpointer    user_data)
{
  AttCertificateForm *self = user_data;

  if (files != NULL)
    att_certificate_form_add_files (self, files);
  else
    att_certificate_form_add_texture (self, texture);
}

void
att_certificate_form_files_init (AttCertificateForm *self)
{
  /* The whole window is the drop zone: people let go wherever they are. */
  att_certificate_drop_install (GTK_WIDGET (self->drop_overlay), _ ("Drop to add these files to the certificate"),
                                on_drop, self);
}

/* --- The certificate's images, when updating ------------------------------- */

/* One of the certificate's images as read back: an image, or why not. */
typedef struct
{
  AttCertificateFile *file;
  char               *name;
  char               *message;
} ExistingImage;

static void
existing_image_free (ExistingImage *image)
{
  g_clear_object (&image->file);
  g_free (image->name);
  g_free (image->message);
  g_free (image);
}

static ExistingImage *
read_image (AttCertificate *certificate,
            guint           index)
{
  ExistingImage *image = g_new0 (ExistingImage, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  image->name = g_strdup_printf (_ ("Image %u"), index + 1);
  if (att_certificate_file_is_url (certificate, index))
    {
      image->message = g_strdup_printf (_ ("A link (%s), not an image Attest can show or send back: "
                                           "changing the images leaves it out."),
                                        att_certificate_get_file (certificate, index));
      return image;
    }
  bytes = att_certificate_decode_file (certificate, index, &error);
  if (bytes != NULL)
    image->file = att_certificate_file_new_for_bytes (bytes, image->name, &error);
  if (image->file == NULL)
    image->message = g_strdup_printf (_ ("%s Changing the images leaves it out."), error->message);
  return image;
}

/* Decoding twenty images' base64 takes long enough to stall the window:
 * it happens in a worker thread.  The certificate is not changed while the
 * form holds it. */
static void
read_images_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  AttCertificate *certificate = task_data;
  guint           n = att_certificate_get_n_files (certificate);
  GPtrArray      *images = g_ptr_array_new_full (n, (GDestroyNotify) existing_image_free);

  for (guint i = 0; i < n && !g_cancellable_is_cancelled (cancellable); i++)
    g_ptr_array_add (images, read_image (certificate, i));
  g_task_return_pointer (task, images, (GDestroyNotify) g_ptr_array_unref);
}

static void
images_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AttCertificateForm *self = user_data;
  g_autoptr(GPtrArray) images = NULL;
  guint readable = 0;

  images = g_task_propagate_pointer (G_TASK (result), NULL);
  if (images == NULL)
    return; /* cancelled: the form is gone */

  for (guint i = 0; i < images->len; i++)
    {
      ExistingImage *image = g_ptr_array_index (images, i);

      /* The images that can be sent back are numbered among themselves:
       * the files are unchanged while they are all there, in order. */
      if (image->file != NULL)
        att_certificate_file_list_add_existing (self->file_list, image->file, readable++);
      else
        att_certificate_file_list_add_refused (self->file_list, image->name, image->message);
    }
}

void
att_certificate_form_files_load (AttCertificateForm *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, images_read_cb, self);

  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_certificate_form_files_load));
  g_task_set_task_data (task, g_object_ref (self->certificate), g_object_unref);
  g_task_run_in_thread (task, read_images_thread);
}
