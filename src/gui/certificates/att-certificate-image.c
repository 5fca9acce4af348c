/* att-certificate-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-certificate-image.h"

/* A certificate's files come as base64 text inside its JSON, up to 64 MiB
 * each: decoding the text and then the image is work for a worker thread,
 * never for the main loop.  A thumbnail is decoded straight to its size
 * (GdkPixbufLoader scales while it reads), so a gallery of large scans
 * keeps small textures only. */

typedef struct
{
  AttCertificate *certificate;
  guint           index;
  int             max_size;
  GBytes         *bytes;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->certificate);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

/**
 * att_certificate_image_fit:
 * @max_size: the longest side allowed, or 0 for any
 *
 * The size of a @width × @height image scaled down, never up, to fit in a
 * @max_size square, keeping its proportions (at least 1 × 1).
 */
void
att_certificate_image_fit (int  width,
                           int  height,
                           int  max_size,
                           int *out_width,
                           int *out_height)
{
  double scale = 1.0;

  if (max_size > 0 && MAX (width, height) > max_size)
    scale = (double) max_size / MAX (width, height);
  *out_width = MAX (1, (int) (width * scale + 0.5));
  *out_height = MAX (1, (int) (height * scale + 0.5));
}

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  int max_size = GPOINTER_TO_INT (user_data);
  int fit_width, fit_height;

  att_certificate_image_fit (width, height, max_size, &fit_width, &fit_height);
  if (fit_width != width || fit_height != height)
    gdk_pixbuf_loader_set_size (loader, fit_width, fit_height);
}

static GdkTexture *
decode_image (GBytes  *bytes,
              int      max_size,
              GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GdkPixbuf) turned = NULL;
  GdkPixbuf *pixbuf;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), GINT_TO_POINTER (max_size));
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, error) || !gdk_pixbuf_loader_close (loader, error))
    {
      /* Closed all the same, so that it does not warn when finalized. */
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                           _ ("The image could not be read"));
      return NULL;
    }
  /* A photo of a certificate is shown the way up the camera said. */
  turned = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  return gdk_texture_new_for_pixbuf (turned != NULL ? turned : pixbuf);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  data->bytes = att_certificate_decode_file (data->certificate, data->index, &error);
  if (data->bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  texture = decode_image (data->bytes, data->max_size, &error);
  if (texture == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

/**
 * att_certificate_image_load_async:
 * @index: which of @certificate's files
 * @max_size: the longest side of the texture, or 0 for the image's size
 *
 * Decodes the file (base64, then the image) in a worker thread.
 */
void
att_certificate_image_load_async (AttCertificate     *certificate,
                                  guint               index,
                                  int                 max_size,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (ATT_IS_CERTIFICATE (certificate));
  g_return_if_fail (max_size >= 0);

  data = g_new0 (LoadData, 1);
  data->certificate = g_object_ref (certificate);
  data->index = index;
  data->max_size = max_size;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_certificate_image_load_async));
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * att_certificate_image_load_finish:
 * @out_bytes: (out) (optional) (transfer full): the file's bytes, as they
 *   would be saved
 *
 * Returns: (transfer full) (nullable): the texture, or %NULL with @error set
 */
GdkTexture *
att_certificate_image_load_finish (GAsyncResult *result,
                                   GBytes      **out_bytes,
                                   GError      **error)
{
  GdkTexture *texture;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  texture = g_task_propagate_pointer (G_TASK (result), error);
  if (texture != NULL && out_bytes != NULL)
    {
      LoadData *data = g_task_get_task_data (G_TASK (result));

      *out_bytes = g_bytes_ref (data->bytes);
    }
  return texture;
}
