/* att-report-file.c: a file written whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>

#include "att-report-file.h"

/*
 * A report is written to a temporary file beside its target (a hidden
 * name in the same folder, so that the rename stays on one file system),
 * which is renamed over the target once it is complete and closed.  A
 * write that fails or is cancelled deletes the temporary file, so that it
 * leaves neither a half-written report nor a stray file, and an existing
 * target stays as it was.  g_file_replace() alone would not do: it writes
 * a new target in place.
 */

/* How many random names to try before giving up. */
#define TEMP_ATTEMPTS 16
/* Big enough that a 10,000-row report is a few hundred writes. */
#define BUFFER_SIZE (64 * 1024)

static GFileOutputStream *
create_temp (GFile   *target,
             GFile  **out_temp,
             GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (target);
  g_autofree char *basename = g_file_get_basename (target);

  if (parent == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _ ("A report cannot replace a folder"));
      return NULL;
    }
  for (guint i = 0;; i++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());
      g_autoptr(GFile) temp = g_file_get_child (parent, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream = g_file_create (temp, G_FILE_CREATE_NONE, NULL, &local_error);

      if (stream != NULL)
        {
          *out_temp = g_steal_pointer (&temp);
          return stream;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || i + 1 == TEMP_ATTEMPTS)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

static gboolean
write_temp (GFile              *temp,
            GFileOutputStream  *file_stream,
            AttReportStreamFunc func,
            gpointer            user_data,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr(GOutputStream) stream = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_stream),
                                                                         BUFFER_SIZE);

  if (!func (stream, user_data, cancellable, error))
    {
      /* Closed without the cancellable, so that it is closed at all. */
      g_output_stream_close (stream, NULL, NULL);
      return FALSE;
    }
  return g_output_stream_close (stream, cancellable, error);
}

/* Why a file could not be written, in the system's words, without the
 * temporary file's name that GIO's message holds. */
static const char *
describe_cause (const GError *cause)
{
  static const struct
  {
    GIOErrorEnum code;
    int          errnum;
  } reasons[] = {
    { G_IO_ERROR_PERMISSION_DENIED, EACCES },
    { G_IO_ERROR_NOT_FOUND, ENOENT },
    { G_IO_ERROR_NOT_DIRECTORY, ENOTDIR },
    { G_IO_ERROR_NO_SPACE, ENOSPC },
    { G_IO_ERROR_READ_ONLY, EROFS },
    { G_IO_ERROR_IS_DIRECTORY, EISDIR },
  };

  for (guint i = 0; cause->domain == G_IO_ERROR && i < G_N_ELEMENTS (reasons); i++)
    if (cause->code == (int) reasons[i].code)
      return g_strerror (reasons[i].errnum);
  return cause->message;
}

/* Says which file could not be written, rather than the temporary one. */
static void
set_write_error (GError **error,
                 GFile   *target,
                 GError  *cause)
{
  g_autofree char *name = g_file_get_parse_name (target);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, cause);
      return;
    }
  /* Translators: the first %s is a file's path, the second why it could
   * not be written */
  g_set_error (error, cause->domain, cause->code, _ ("Could not write “%s”: %s"), name, describe_cause (cause));
  g_error_free (cause);
}

/**
 * att_report_file_write:
 * @target: the file to write, which is replaced if it exists
 * @func: (scope call): writes the content
 *
 * Writes @target whole or not at all: the content goes to a temporary
 * file in @target's folder, renamed over @target once complete.  A
 * failure or cancellation leaves @target as it was and no temporary file.
 * It blocks: call it in a worker thread.
 *
 * Returns: whether @target was written
 */
gboolean
att_report_file_write (GFile              *target,
                       AttReportStreamFunc func,
                       gpointer            user_data,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFile) temp = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stream = create_temp (target, &temp, &local_error);
  if (stream != NULL && write_temp (temp, stream, func, user_data, cancellable, &local_error) &&
      g_file_move (temp, target, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE, NULL, NULL, NULL,
                   &local_error))
    return TRUE;

  if (temp != NULL)
    g_file_delete (temp, NULL, NULL);
  set_write_error (error, target, local_error);
  return FALSE;
}
