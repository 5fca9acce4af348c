/* att-test-peer.c: a peer that hangs up in the middle of a request body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-test-peer.h"

#define CHUNK_SIZE 1024

struct _AttTestResetPeer
{
  GSocketService *service;
  GCancellable   *cancellable;
  char           *base_url;
  gsize           body_bytes;
  guint           n_resets;
};

/* One connection being read.  Its callbacks touch the peer only when not
 * cancelled: the peer cancels everything before it goes. */
typedef struct
{
  AttTestResetPeer  *peer;
  GSocketConnection *connection;
  GByteArray        *received;
  gssize             header_end; /* where the body starts, or -1 */
  guint8             buffer[CHUNK_SIZE];
} Reader;

static void read_more (Reader *reader);

static void
reader_free (Reader *reader)
{
  g_object_unref (reader->connection);
  g_byte_array_unref (reader->received);
  g_free (reader);
}

/* The body's length as the headers announce it, or 0. */
static guint64
content_length (Reader *reader)
{
  g_autofree char *headers = g_ascii_strdown ((const char *) reader->received->data, reader->header_end);
  const char      *field = strstr (headers, "\r\ncontent-length:");

  if (field == NULL)
    return 0;
  return g_ascii_strtoull (field + strlen ("\r\ncontent-length:"), NULL, 10);
}

static void
find_header_end (Reader *reader)
{
  const guint8 *data = reader->received->data;

  for (guint i = 3; reader->header_end < 0 && i < reader->received->len; i++)
    if (memcmp (data + i - 3, "\r\n\r\n", 4) == 0)
      reader->header_end = i + 1;
}

/* Closed with the rest of the body unread, the kernel answers the client
 * with a reset. */
static void
hang_up (Reader *reader)
{
  if (content_length (reader) > reader->peer->body_bytes)
    reader->peer->n_resets++;
  g_io_stream_close (G_IO_STREAM (reader->connection), NULL, NULL);
  reader_free (reader);
}

static void
on_read (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Reader *reader = user_data;
  gssize  n = g_input_stream_read_finish (G_INPUT_STREAM (source_object), result, NULL);

  if (n <= 0)
    {
      reader_free (reader);
      return;
    }
  g_byte_array_append (reader->received, reader->buffer, (guint) n);
  find_header_end (reader);
  if (reader->header_end >= 0 &&
      reader->received->len - (gsize) reader->header_end >= reader->peer->body_bytes)
    hang_up (reader);
  else
    read_more (reader);
}

/* Reads no further into the body than @body_bytes, so that the rest stays
 * unread. */
static void
read_more (Reader *reader)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (reader->connection));
  gsize         size = CHUNK_SIZE;

  if (reader->header_end >= 0)
    size = MIN (size, reader->peer->body_bytes - (reader->received->len - (gsize) reader->header_end));
  g_input_stream_read_async (in, reader->buffer, size, G_PRIORITY_DEFAULT, reader->peer->cancellable,
                             on_read, reader);
}

static gboolean
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source_object,
             gpointer           user_data)
{
  Reader *reader = g_new0 (Reader, 1);

  reader->peer = user_data;
  reader->connection = g_object_ref (connection);
  reader->received = g_byte_array_new ();
  reader->header_end = -1;
  read_more (reader);
  return TRUE;
}

/**
 * att_test_reset_peer_new:
 * @body_bytes: how much of each body to read before hanging up (at least 1)
 *
 * Returns: (transfer full): a peer listening on 127.0.0.1
 */
AttTestResetPeer *
att_test_reset_peer_new (gsize body_bytes)
{
  AttTestResetPeer *peer = g_new0 (AttTestResetPeer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (body_bytes > 0);
  peer->body_bytes = body_bytes;
  peer->cancellable = g_cancellable_new ();
  peer->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (peer->service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  g_signal_connect (peer->service, "incoming", G_CALLBACK (on_incoming), peer);
  peer->base_url = g_strdup_printf ("http://127.0.0.1:%u",
                                    g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  return peer;
}

const char *
att_test_reset_peer_get_base_url (AttTestResetPeer *peer)
{
  return peer->base_url;
}

/**
 * att_test_reset_peer_get_n_resets:
 *
 * Returns: how many requests the peer hung up on with part of their body
 *   unread
 */
guint
att_test_reset_peer_get_n_resets (AttTestResetPeer *peer)
{
  return peer->n_resets;
}

/* The readers still waiting see the cancellation and free themselves. */
void
att_test_reset_peer_free (AttTestResetPeer *peer)
{
  g_cancellable_cancel (peer->cancellable);
  g_socket_service_stop (peer->service);
  g_socket_listener_close (G_SOCKET_LISTENER (peer->service));
  g_object_unref (peer->service);
  g_object_unref (peer->cancellable);
  g_free (peer->base_url);
  g_free (peer);
}
