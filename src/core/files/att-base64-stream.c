/* att-base64-stream.c: base64 of a stream, encoded as it is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <sys/mman.h>

#include "att-base64-stream.h"

/* A certificate image goes into the request body as base64, and the body
 * is the one copy of it the upload needs: the file is read in chunks and
 * each chunk is encoded straight into the body's buffer, so no whole-file
 * copy of the raw bytes or of their encoding ever exists besides it. */

/* Large enough that reads and calls cost nothing next to the encoding,
 * small enough to stay in the CPU's cache (see tests/bench-base64.c). */
#define CHUNK_SIZE (64 * 1024)

/* What g_base64_encode_step() may write for @length bytes without line
 * breaks, as its documentation states, plus the 4 that
 * g_base64_encode_close() may add. */
static gsize
encoded_bound (gsize length)
{
  return (length / 3 + 1) * 4 + 4 + 4;
}

/* The encoding of a large file is written to fresh memory, which the
 * kernel hands over one page fault at a time: in 2 MiB pages rather than
 * 4 KiB ones that is a few dozen faults instead of thousands, which took a
 * third of the time of encoding 50 MB on the machine of
 * tests/bench-base64.c.  Only a hint: where transparent huge pages are
 * off, nothing changes. */
#define HUGE_PAGE_SIZE ((uintptr_t) 2 * 1024 * 1024)

static void
advise_huge_pages (char *data,
                   gsize length)
{
#ifdef MADV_HUGEPAGE
  uintptr_t first = ((uintptr_t) data + HUGE_PAGE_SIZE - 1) & ~(HUGE_PAGE_SIZE - 1);
  uintptr_t last = ((uintptr_t) data + length) & ~(HUGE_PAGE_SIZE - 1);

  if (last > first)
    madvise ((void *) first, last - first, MADV_HUGEPAGE);
#endif
}

/* Grows @out's buffer once to hold the encoding of @total more bytes, so
 * that appending it never moves what is already there.  GString keeps
 * its buffer when it is truncated. */
static void
reserve (GString *out,
         guint64  total)
{
  gsize length = out->len;

  if (total == 0 || total > G_MAXSIZE / 2)
    return;
  g_string_set_size (out, length + encoded_bound ((gsize) total));
  g_string_truncate (out, length);
  advise_huge_pages (out->str + length, out->allocated_len - length);
}

/* Encodes @length bytes into @out's own buffer, past its end. */
static void
append_step (GString      *out,
             const guint8 *data,
             gsize         length,
             int          *state,
             int          *save)
{
  gsize start = out->len;
  gsize written;

  g_string_set_size (out, start + encoded_bound (length));
  written = g_base64_encode_step (data, length, FALSE, out->str + start, state, save);
  g_string_truncate (out, start + written);
}

static void
append_close (GString *out,
              int     *state,
              int     *save)
{
  gsize start = out->len;
  gsize written;

  g_string_set_size (out, start + encoded_bound (0));
  written = g_base64_encode_close (FALSE, out->str + start, state, save);
  g_string_truncate (out, start + written);
}

/* Reads the next chunk; 0 at the end, -1 on error or cancellation (which
 * a memory stream, for one, does not check by itself). */
static gssize
read_chunk (GInputStream *stream,
            guint8       *buffer,
            GCancellable *cancellable,
            GError      **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  return g_input_stream_read (stream, buffer, CHUNK_SIZE, cancellable, error);
}

/**
 * att_base64_append_stream:
 * @stream: what to encode, read to its end (not closed)
 * @total: how many bytes @stream holds, for @progress and to size @out
 *   once; 0 if unknown
 * @out: where the encoding is appended, without line breaks
 * @progress: (nullable) (scope call): called after each chunk read (every
 *   64 KiB), on this thread, with the bytes read so far and @total; and
 *   once at the end
 * @cancellable: (nullable): checked before each chunk
 *
 * Blocks: for worker threads.  On error or cancellation (%FALSE with
 * %G_IO_ERROR_CANCELLED), @out is truncated back to its length on entry,
 * so that a request body being built holds nothing of a file that was not
 * encoded whole.
 *
 * Returns: whether the whole stream was read and encoded
 */
gboolean
att_base64_append_stream (GInputStream   *stream,
                          guint64         total,
                          GString        *out,
                          AttProgressFunc progress,
                          gpointer        user_data,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autofree guint8 *buffer = NULL;
  gsize              entry_length;
  guint64            done = 0;
  int                state = 0;
  int                save = 0;
  gssize             n;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entry_length = out->len;
  reserve (out, total);
  buffer = g_malloc (CHUNK_SIZE);
  while ((n = read_chunk (stream, buffer, cancellable, error)) > 0)
    {
      append_step (out, buffer, (gsize) n, &state, &save);
      done += (guint64) n;
      if (progress != NULL)
        progress (done, total, user_data);
    }
  if (n < 0)
    {
      g_string_truncate (out, entry_length);
      return FALSE;
    }

  append_close (out, &state, &save);
  if (progress != NULL)
    progress (done, total, user_data);
  return TRUE;
}
