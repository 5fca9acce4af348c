/* att-sandbox-closient-auth.c: the sandbox's Closient API keys, and who
 * may read and write with them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <zlib.h>

#include "att-sandbox-closient-private.h"

/*
 * A request needs an X-API-Key header holding a well-formed key
 * (att_closient_key_check(): prefix, 32 alphanumerics, CRC-32) that is one
 * of the sandbox's three, one of each kind.  Any other is 401.  Writes
 * (PATCH, DELETE) are refused with 403 to the publishable key, which the
 * docs meant for front-end widgets, and to the user key while a test has
 * made user keys read-only (a member whose role does not allow it: the
 * answer says an organisation owner must act).
 *
 * No message quotes a key or a part of one.
 */

static const char alphanumerics[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * _att_sandbox_closient_make_key:
 * @prefix: `csb`, `csu` or `cpk`
 *
 * Returns: (transfer full): a new random key of that kind, with its
 *   checksum
 */
char *
_att_sandbox_closient_make_key (const char *prefix)
{
  char  body[ATT_CLOSIENT_KEY_BODY_LENGTH + 1];
  uLong crc;

  for (guint i = 0; i < ATT_CLOSIENT_KEY_BODY_LENGTH; i++)
    body[i] = alphanumerics[g_random_int_range (0, sizeof alphanumerics - 1)];
  body[ATT_CLOSIENT_KEY_BODY_LENGTH] = '\0';

  crc = crc32 (crc32 (0L, Z_NULL, 0), (const Bytef *) body, ATT_CLOSIENT_KEY_BODY_LENGTH);
  return g_strdup_printf ("%s_%s_%08lx", prefix, body, crc & 0xffffffffUL);
}

/**
 * _att_sandbox_closient_check_key:
 * @out_kind: (out): the kind of the request's key
 *
 * Returns: %TRUE if @msg carries one of the sandbox's keys; otherwise
 *   %FALSE with @reply set to a 401
 */
gboolean
_att_sandbox_closient_check_key (AttSandboxClosient      *self,
                                 SoupServerMessage       *msg,
                                 AttClosientKeyKind      *out_kind,
                                 AttSandboxClosientReply *reply)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char         *key = soup_message_headers_get_one (headers, "X-API-Key");
  g_autoptr(GError) error = NULL;
  AttClosientKeyKind kind;

  if (key == NULL)
    {
      _att_sandbox_closient_reply_error (reply, SOUP_STATUS_UNAUTHORIZED,
                                         _ ("An API key is required in the X-API-Key header"));
      return FALSE;
    }

  if (!att_closient_key_check (key, &kind, &error))
    {
      _att_sandbox_closient_reply_error (reply, SOUP_STATUS_UNAUTHORIZED, error->message);
      return FALSE;
    }

  if (g_strcmp0 (key, self->keys[kind]) != 0)
    {
      _att_sandbox_closient_reply_error (reply, SOUP_STATUS_UNAUTHORIZED,
                                         _ ("This API key is unknown, revoked or expired"));
      return FALSE;
    }

  *out_kind = kind;
  return TRUE;
}

/**
 * _att_sandbox_closient_check_write:
 *
 * Returns: %TRUE if a key of @kind may change assignments; otherwise
 *   %FALSE with @reply set to a 403
 */
gboolean
_att_sandbox_closient_check_write (AttSandboxClosient      *self,
                                   AttClosientKeyKind       kind,
                                   AttSandboxClosientReply *reply)
{
  if (kind == ATT_CLOSIENT_KEY_PUBLISHABLE)
    {
      _att_sandbox_closient_reply_error (reply, SOUP_STATUS_FORBIDDEN,
                                         _ ("A publishable key can only read"));
      return FALSE;
    }

  if (kind == ATT_CLOSIENT_KEY_USER && self->read_only_keys)
    {
      _att_sandbox_closient_reply_error (reply, SOUP_STATUS_FORBIDDEN,
                                         _ ("Your role in this organisation does not allow "
                                            "changing certifications"));
      reply->owner_action_required = TRUE;
      return FALSE;
    }

  return TRUE;
}
