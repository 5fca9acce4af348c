/* att-test-peer.h: a peer that hangs up in the middle of a request body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A loopback TCP peer that reads each request's headers and @body_bytes of
 * its body, then closes the connection with the rest unread, as a proxy
 * or a server that dies mid-upload would: the client sees the connection
 * reset while it sends.  Only a raw socket can do this; SoupServer always
 * reads a body whole. */
typedef struct _AttTestResetPeer AttTestResetPeer;

AttTestResetPeer                *att_test_reset_peer_new (gsize body_bytes);
const char                      *att_test_reset_peer_get_base_url (AttTestResetPeer *peer);
guint                            att_test_reset_peer_get_n_resets (AttTestResetPeer *peer);
void                             att_test_reset_peer_free (AttTestResetPeer *peer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttTestResetPeer, att_test_reset_peer_free)

G_END_DECLS
