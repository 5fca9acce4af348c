/* att-certificate-thumbnail.c: small pictures of certificate images,
 * decoded off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-certificate-thumbnail.h"
#include "att-types.h"

/* A scan can be tens of megabytes: it is decoded in a worker thread,
 * straight to the thumbnail's size (GdkPixbuf lets the JPEG decoder scale
 * as it decodes, so a large photo never exists in memory at full size),
 * turned as its EXIF orientation says, and handed over as a texture,
 * which is immutable and so safe to make in any thread. */

typedef struct
{
  AttCertificateFile *file;
  int                 size;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_object_unref (data->file);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) turned = NULL;
  GError *error = NULL;

  stream = att_certificate_file_open (data->file, cancellable, &error);
  if (stream != NULL)
    pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, data->size, data->size, TRUE, cancellable, &error);
  if (pixbuf == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  turned = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  g_task_return_pointer (task, gdk_texture_new_for_pixbuf (turned != NULL ? turned : pixbuf),
                         g_object_unref);
}

/**
 * att_certificate_thumbnail_load_async:
 * @size: the largest width and height, in pixels
 *
 * Decodes @file's image at most @size pixels wide and high, keeping its
 * proportions, in a worker thread.
 */
void
att_certificate_thumbnail_load_async (AttCertificateFile *file,
                                      int                 size,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (ATT_IS_CERTIFICATE_FILE (file));
  g_return_if_fail (size > 0);

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->size = size;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_certificate_thumbnail_load_async));
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * att_certificate_thumbnail_load_finish:
 *
 * Returns: (transfer full) (nullable): the thumbnail, or %NULL with an
 *   error for an image no decoder here reads (WebP without its GdkPixbuf
 *   loader, for one)
 */
GdkTexture *
att_certificate_thumbnail_load_finish (GAsyncResult *result,
                                       GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
