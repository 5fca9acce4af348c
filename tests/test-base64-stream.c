/* test-base64-stream.c: the streaming base64 encoder matches GLib's
 * one-shot encoder, reports its progress and leaves nothing behind when
 * cancelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-base64-stream.h"

/* What a request body holds before the first file's encoding. */
#define PREFIX "{\"certificationFiles\":[\""

static GBytes *
random_bytes (gsize length)
{
  guint8 *data = g_malloc (MAX (length, 1));

  for (gsize i = 0; i < length; i++)
    data[i] = (guint8) g_test_rand_int_range (0, 256);
  return g_bytes_new_take (data, length);
}

typedef struct
{
  guint64       last_done;
  guint64       last_total;
  guint         calls;
  gboolean      monotonic;
  guint64       cancel_at; /* 0: never */
  GCancellable *cancellable;
} Progress;

static void
record_progress (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  Progress *p = user_data;

  if (done < p->last_done)
    p->monotonic = FALSE;
  p->last_done = done;
  p->last_total = total;
  p->calls++;
  if (p->cancel_at != 0 && done >= p->cancel_at)
    g_cancellable_cancel (p->cancellable);
}

static void
check_encoding (gsize    length,
                gboolean total_known)
{
  g_autoptr(GBytes) bytes = random_bytes (length);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GString) out = g_string_new (PREFIX);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  Progress         p = { .monotonic = TRUE };

  expected = g_base64_encode (g_bytes_get_data (bytes, NULL), length);
  g_assert_true (att_base64_append_stream (stream, total_known ? length : 0, out,
                                           record_progress, &p, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_str_has_prefix (out->str, PREFIX));
  g_assert_cmpuint (out->len, ==, strlen (PREFIX) + strlen (expected));
  g_assert_true (strcmp (out->str + strlen (PREFIX), expected) == 0);

  g_assert_true (p.monotonic);
  g_assert_cmpuint (p.calls, >=, 1);
  g_assert_cmpuint (p.last_done, ==, length);
  g_assert_cmpuint (p.last_total, ==, total_known ? length : 0);
}

static void
test_equal (gconstpointer data)
{
  gsize length = GPOINTER_TO_SIZE (data);

  check_encoding (length, TRUE);
  check_encoding (length, FALSE);
}

/* Cancelled after the first megabyte: the body is as it was, and the
 * error says it was a cancellation, not a failure. */
static void
test_cancel_midway (void)
{
  g_autoptr(GBytes) bytes = random_bytes (4 * 1024 * 1024 + 1);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) out = g_string_new (PREFIX);
  g_autoptr(GError) error = NULL;
  Progress p = { .monotonic = TRUE, .cancel_at = 1024 * 1024, .cancellable = cancellable };

  g_assert_false (att_base64_append_stream (stream, g_bytes_get_size (bytes), out,
                                            record_progress, &p, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (out->len, ==, strlen (PREFIX));
  g_assert_cmpstr (out->str, ==, PREFIX);
  /* It stopped at the next chunk, not at the end of the stream. */
  g_assert_cmpuint (p.last_done, >=, 1024 * 1024);
  g_assert_cmpuint (p.last_done, <, g_bytes_get_size (bytes));
}

static void
test_cancel_before (void)
{
  g_autoptr(GBytes) bytes = random_bytes (1000);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) out = g_string_new (PREFIX);
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (att_base64_append_stream (stream, 1000, out, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (out->str, ==, PREFIX);
}

/* A stream that cannot be read fails with its own error, and the body is
 * left as it was too. */
static void
test_read_error (void)
{
  g_autoptr(GBytes) bytes = random_bytes (1000);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GString) out = g_string_new (PREFIX);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_input_stream_close (stream, NULL, NULL));
  g_assert_false (att_base64_append_stream (stream, 1000, out, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_assert_cmpstr (out->str, ==, PREFIX);
}

int
main (int   argc,
      char *argv[])
{
  static const gsize lengths[] = { 0, 1, 2, 3, 57, 4095, 4 * 1024 * 1024 + 1 };

  g_test_init (&argc, &argv, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autofree char *path = g_strdup_printf ("/base64-stream/equal/%" G_GSIZE_FORMAT, lengths[i]);

      g_test_add_data_func (path, GSIZE_TO_POINTER (lengths[i]), test_equal);
    }
  g_test_add_func ("/base64-stream/cancel-midway", test_cancel_midway);
  g_test_add_func ("/base64-stream/cancel-before", test_cancel_before);
  g_test_add_func ("/base64-stream/read-error", test_read_error);
  return g_test_run ();
}
