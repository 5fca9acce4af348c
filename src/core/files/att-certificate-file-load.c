/* att-certificate-file-load.c: a file from disk checked, in a worker
 * thread, and a PDF turned into images of its pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-certificate-file-private.h"
#include "att-pdf-pages.h"
#include "att-types.h"

/* The checks run in the order of their cost: the size first, from the
 * file's metadata, so that a 1 GB file is refused before a byte of it is
 * read; then the first bytes, for the type; then the last ones, for
 * completeness.  Only a PDF is read whole, by poppler. */

#define QUERY_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE

static char *
display_name (GFileInfo *info,
              GFile     *file)
{
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
    return g_strdup (g_file_info_get_display_name (info));
  return att_file_error_display_name (file, NULL);
}

/* Reads up to @length bytes from @offset, relative to @whence. */
static GBytes *
read_at (GFileInputStream *stream,
         goffset           offset,
         GSeekType         whence,
         gsize             length,
         GCancellable     *cancellable,
         GError          **error)
{
  g_autofree guint8 *data = g_malloc (length);
  gsize              n = 0;

  if (!g_seekable_seek (G_SEEKABLE (stream), offset, whence, cancellable, error) ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), data, length, &n, cancellable, error))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), n);
}

static gboolean
check_tail (GFileInputStream *stream,
            AttFileType       type,
            guint64           size,
            const char       *name,
            GCancellable     *cancellable,
            GError          **error)
{
  gsize tail_length = (gsize) MIN (size, ATT_CERTIFICATE_FILE_TAIL_LENGTH);
  g_autoptr(GBytes) tail = NULL;

  if (type != ATT_FILE_TYPE_JPEG && type != ATT_FILE_TYPE_PNG)
    return TRUE;
  tail = read_at (stream, -(goffset) tail_length, G_SEEK_END, tail_length, cancellable, error);
  if (tail == NULL)
    return FALSE;
  return att_certificate_file_check_tail (type, g_bytes_get_data (tail, NULL),
                                          g_bytes_get_size (tail), name, error);
}

/* Reads the file's first and last bytes; ATT_FILE_TYPE_UNKNOWN on error. */
static AttFileType
check_content (GFile        *file,
               guint64       size,
               const char   *name,
               GCancellable *cancellable,
               GError      **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GBytes) head = NULL;
  AttFileType type;

  if (stream == NULL)
    return ATT_FILE_TYPE_UNKNOWN;
  head = read_at (stream, 0, G_SEEK_SET, ATT_CERTIFICATE_FILE_HEAD_LENGTH, cancellable, error);
  if (head == NULL)
    return ATT_FILE_TYPE_UNKNOWN;
  type = att_certificate_file_check_head (g_bytes_get_data (head, NULL), g_bytes_get_size (head),
                                          size, name, error);
  if (type == ATT_FILE_TYPE_UNKNOWN ||
      !check_tail (stream, type, size, name, cancellable, error))
    return ATT_FILE_TYPE_UNKNOWN;
  return type;
}

/* One image per page, named after the PDF and the page. */
static GPtrArray *
load_pdf (GFile        *file,
          const char   *name,
          GCancellable *cancellable,
          GError      **error)
{
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) files = NULL;

  pages = att_pdf_pages_render (file, ATT_PDF_PAGES_DEFAULT_DPI, NULL, NULL, cancellable, error);
  if (pages == NULL)
    return NULL;

  files = g_ptr_array_new_full (pages->len, g_object_unref);
  for (guint i = 0; i < pages->len; i++)
    {
      /* Translators: a page of a PDF made an image: "scan.pdf, page 2". */
      g_autofree char    *page_name = g_strdup_printf (_ ("%s, page %u"), name, i + 1);
      AttCertificateFile *page = att_certificate_file_new_for_bytes (pages->pdata[i], page_name, error);

      if (page == NULL)
        return NULL;
      g_ptr_array_add (files, page);
    }
  return g_steal_pointer (&files);
}

static GPtrArray *
load_file (GFile        *file,
           GCancellable *cancellable,
           GError      **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) files = NULL;
  guint64     size;
  AttFileType type;

  info = g_file_query_info (file, QUERY_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  name = display_name (info, file);
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, ATT_FILE_ERROR, ATT_FILE_ERROR_NOT_SUPPORTED,
                   _ ("“%s” is a folder, not an image or a PDF."), name);
      return NULL;
    }
  size = (guint64) g_file_info_get_size (info);
  if (!att_certificate_file_check_size (size, name, error))
    return NULL;

  type = check_content (file, size, name, cancellable, error);
  if (type == ATT_FILE_TYPE_UNKNOWN)
    return NULL;
  if (type == ATT_FILE_TYPE_PDF)
    return load_pdf (file, name, cancellable, error);

  files = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (files, att_certificate_file_new_checked (file, NULL, type, size, name));
  return g_steal_pointer (&files);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError    *error = NULL;
  GPtrArray *files = load_file (task_data, cancellable, &error);

  if (files == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, files, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * att_certificate_file_load_async:
 * @file: a file the user chose or dropped
 * @cancellable: (nullable): cancels the checks and a PDF's rendering
 *
 * Checks @file by its content in a worker thread: not empty, not larger
 * than %ATT_CERTIFICATE_MAX_FILE_SIZE (told before anything is read), a
 * PNG, JPEG, WebP or TIFF image or a PDF whatever its name says, and a
 * JPEG or PNG not cut short.  An image is not read further: it is read
 * again when it is sent.  A PDF becomes one PNG per page, rendered at
 * %ATT_PDF_PAGES_DEFAULT_DPI.
 */
void
att_certificate_file_load_async (GFile              *file,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_certificate_file_load_async));
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * att_certificate_file_load_finish:
 *
 * Returns: (transfer full) (element-type AttCertificateFile) (nullable):
 *   the file as one image, or a PDF's pages in order; or %NULL with an
 *   error that names the file and says what to do (%ATT_FILE_ERROR, or
 *   %G_IO_ERROR for a file that cannot be read)
 */
GPtrArray *
att_certificate_file_load_finish (GAsyncResult *result,
                                  GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, ATT_SOURCE_TAG (att_certificate_file_load_async)), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
