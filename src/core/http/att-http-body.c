/* att-http-body.c: reads an answer's body, within a size limit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A server (or anything between it and us) can send an answer of any size,
 * and a body read whole before it is looked at once took the app to 12 GB.
 * So a body is refused at once when its Content-Length is past the limit,
 * and otherwise read into a buffer that never grows past the limit (plus
 * the one read that shows the body goes on), whether or not the server said
 * how long it is: chunked bodies, and compressed ones (the session decodes
 * them), are counted as they come. */

#include "config.h"

#include "att-http-private.h"

/* What is kept of a string when long strings are skipped: JSON strings
 * longer than this (in their JSON text) become "". */
#define MAX_KEPT_STRING_LENGTH (64 * 1024)

/* The first buffer when the server does not say how long the body is: a
 * typical small answer fits, a large one doubles it a few times. */
#define INITIAL_BUFFER_SIZE (16 * 1024)

/* The least room offered to a read: libsoup reads the trailer lines of a
 * chunked body into the caller's buffer, and fails on one of a byte or two. */
#define MIN_READ_SIZE 256

/* Where a JSON text being read stands, for skipping its long strings. */
typedef struct
{
  gboolean in_string;
  gboolean escaped;  /* the last byte was a backslash in a string */
  gboolean skipping; /* the string is too long: its bytes are dropped */
  gsize    start;    /* where its text starts in the kept body */
  gsize    length;   /* of its text so far */
} Skipper;

typedef struct
{
  GInputStream *stream;
  guint         status;
  gsize         max_size;
  guint8       *data;
  gsize         length;
  gsize         allocated;
  gboolean      skip_long_strings;
  Skipper       skipper;
} BodyReader;

static void
body_reader_free (BodyReader *reader)
{
  g_clear_object (&reader->stream);
  g_free (reader->data);
  g_free (reader);
}

static gboolean
content_length_is_too_large (SoupMessage *message,
                             gsize        max_size)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);

  return soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
         soup_message_headers_get_content_length (headers) > (goffset) max_size;
}

/* Makes room for a read, and never for more than the limit plus one read
 * that shows the body goes past it. */
static void
ensure_room (BodyReader *reader)
{
  gsize wanted = MAX (reader->allocated * 2, INITIAL_BUFFER_SIZE);

  if (reader->allocated - reader->length >= MIN_READ_SIZE)
    return;

  reader->allocated = MIN (wanted, reader->max_size + MIN_READ_SIZE);
  reader->data = g_realloc (reader->data, reader->allocated);
}

static void
return_too_large (GTask *task)
{
  BodyReader *reader = g_task_get_task_data (task);

  /* Closing the stream before its end drops the connection instead of
   * reading (and throwing away) the rest of the body. */
  g_input_stream_close (reader->stream, NULL, NULL);
  g_task_return_error (task, att_http_too_large_error_new (reader->status, reader->max_size));
}

static void
return_body (GTask *task)
{
  BodyReader *reader = g_task_get_task_data (task);
  gsize       length = reader->length;
  gpointer    data = g_realloc (g_steal_pointer (&reader->data), length);

  g_task_return_pointer (task, g_bytes_new_take (data, length), (GDestroyNotify) g_bytes_unref);
}

/* Keeps @n bytes just read at @reader->data + @reader->length, but for
 * the text of strings longer than %MAX_KEPT_STRING_LENGTH, which becomes
 * empty: the kept bytes are moved down over the dropped ones, in place,
 * since what is kept is never ahead of what was read.  Returns how many
 * bytes were kept. */
static gsize
skip_long_strings (BodyReader *reader,
                   gsize       n)
{
  Skipper *skipper = &reader->skipper;
  guint8  *data = reader->data;
  gsize    in = reader->length;
  gsize    out = reader->length;
  gsize    end = reader->length + n;

  for (; in < end; in++)
    {
      guint8 c = data[in];

      if (!skipper->in_string)
        {
          data[out++] = c;
          if (c == '"')
            *skipper = (Skipper){ .in_string = TRUE, .start = out };
          continue;
        }

      if (c == '"' && !skipper->escaped)
        {
          data[out++] = c;
          skipper->in_string = FALSE;
          continue;
        }

      skipper->escaped = !skipper->escaped && c == '\\';
      skipper->length++;
      if (skipper->skipping)
        continue;
      data[out++] = c;
      if (skipper->length > MAX_KEPT_STRING_LENGTH)
        {
          skipper->skipping = TRUE;
          out = skipper->start;
        }
    }

  return out - reader->length;
}

static void read_more (GTask *task);

static void
on_read (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BodyReader *reader = g_task_get_task_data (task);
  GError     *error = NULL;
  gssize      n_read;

  n_read = g_input_stream_read_finish (G_INPUT_STREAM (source_object), result, &error);
  if (n_read <= 0)
    {
      if (n_read < 0)
        g_task_return_error (task, error);
      else
        return_body (task);
      return;
    }

  if (reader->skip_long_strings)
    n_read = (gssize) skip_long_strings (reader, (gsize) n_read);
  reader->length += (gsize) n_read;
  if (reader->length > reader->max_size)
    return_too_large (task);
  else
    read_more (g_steal_pointer (&task));
}

static void
read_more (GTask *task)
{
  BodyReader *reader = g_task_get_task_data (task);

  ensure_room (reader);

  g_input_stream_read_async (reader->stream,
                             reader->data + reader->length,
                             reader->allocated - reader->length,
                             g_task_get_priority (task),
                             g_task_get_cancellable (task),
                             on_read,
                             task);
}

/**
 * att_http_read_body_async:
 * @message: the message whose answer @stream carries
 * @stream: the body, from soup_session_send_async()
 * @max_size: the largest body accepted, in bytes; at most %G_MAXSSIZE
 * @skip_long_strings: whether the body is JSON whose strings longer than
 *   64 KiB are to be read as empty strings, as they come; @max_size then
 *   counts what is kept
 *
 * Reads the whole body, or fails with %ATT_API_ERROR_BAD_RESPONSE as soon
 * as it is known to be longer than @max_size.
 */
void
att_http_read_body_async (SoupMessage        *message,
                          GInputStream       *stream,
                          gsize               max_size,
                          gboolean            skip_long_strings,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (stream, cancellable, callback, user_data);
  BodyReader *reader = g_new0 (BodyReader, 1);

  g_assert (max_size <= G_MAXSSIZE);

  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_http_read_body_async));
  reader->stream = g_object_ref (stream);
  reader->status = soup_message_get_status (message);
  reader->max_size = max_size;
  reader->skip_long_strings = skip_long_strings;
  g_task_set_task_data (task, reader, (GDestroyNotify) body_reader_free);

  /* A body whose long strings are dropped may be larger than what is kept. */
  if (!skip_long_strings && content_length_is_too_large (message, max_size))
    return_too_large (task);
  else
    read_more (g_steal_pointer (&task));
}

/**
 * att_http_read_body_finish:
 *
 * Returns: (transfer full): the body, or %NULL with @error set
 */
GBytes *
att_http_read_body_finish (GAsyncResult *result,
                           GError      **error)
{
  g_assert (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_http_read_body_async));

  return g_task_propagate_pointer (G_TASK (result), error);
}
