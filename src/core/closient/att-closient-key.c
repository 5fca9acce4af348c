/* att-closient-key.c: the format and checksum of Closient API keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <zlib.h>

#include "att-closient-key.h"
#include "att-error.h"

/*
 * A Closient API key is `<prefix>_<body>_<checksum>` (api-closient.md §2):
 * the prefix says what kind of key it is, the body is 32 random
 * alphanumerics and the checksum is the CRC-32 of the body in 8 lowercase
 * hex digits.  Checking it before saving catches a key that was cut short or
 * mistyped while pasting, without asking the server.
 *
 * The messages never quote the key, nor any part of it: they end up in
 * dialogs, logs and bug reports.
 */

static const struct
{
  const char        *prefix;
  AttClosientKeyKind kind;
} prefixes[] = {
  { "csb", ATT_CLOSIENT_KEY_BUSINESS },
  { "csu", ATT_CLOSIENT_KEY_USER },
  { "cpk", ATT_CLOSIENT_KEY_PUBLISHABLE },
};

static gboolean
key_error (GError    **error,
           const char *message)
{
  GError *local_error = g_error_new_literal (ATT_API_ERROR, ATT_API_ERROR_VALIDATION, message);

  att_api_error_set_details (local_error, 0, NULL, -1);
  g_propagate_error (error, local_error);
  return FALSE;
}

static gboolean
is_lower_hex (char c)
{
  return g_ascii_isdigit (c) || (c >= 'a' && c <= 'f');
}

/**
 * att_closient_key_check:
 * @key: (nullable): a Closient API key, e.g. as pasted by the user
 * @kind: (out) (optional): the kind of key, from its prefix
 * @error: return location for an error
 *
 * Checks the form of @key: one of the prefixes `csb`, `csu` or `cpk`, an
 * underscore, 32 ASCII letters and digits, an underscore, and the CRC-32 of
 * those 32 characters as 8 lowercase hexadecimal digits.  Each kind of
 * problem has its own message, which never quotes the key.
 *
 * Returns: %TRUE if @key is well formed; %FALSE with @error set in the
 *   %ATT_API_ERROR domain (%ATT_API_ERROR_VALIDATION) otherwise
 */
gboolean
att_closient_key_check (const char         *key,
                        AttClosientKeyKind *kind,
                        GError            **error)
{
  const char        *body;
  const char        *checksum;
  const char        *second;
  gsize              body_length;
  gboolean           found = FALSE;
  AttClosientKeyKind key_kind = ATT_CLOSIENT_KEY_BUSINESS;
  char               expected[ATT_CLOSIENT_KEY_CHECKSUM_LENGTH + 1];
  uLong              crc;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (key == NULL || *key == '\0')
    return key_error (error, _ ("The Closient API key is empty"));

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      if (strncmp (key, prefixes[i].prefix, 3) == 0 && key[3] == '_')
        {
          key_kind = prefixes[i].kind;
          found = TRUE;
          break;
        }
    }
  if (!found)
    return key_error (error, _ ("A Closient API key starts with “csb_”, “csu_” or “cpk_”"));

  body = key + 4;
  second = strchr (body, '_');
  if (second == NULL)
    return key_error (error, _ ("The Closient API key is incomplete: it needs a key part "
                                "and a checksum, separated by “_”"));

  checksum = second + 1;
  if (strchr (checksum, '_') != NULL)
    return key_error (error, _ ("The Closient API key has too many parts: it is "
                                "“prefix_key_checksum”"));

  body_length = (gsize) (second - body);
  if (body_length != ATT_CLOSIENT_KEY_BODY_LENGTH)
    return key_error (error, _ ("The key part of a Closient API key is 32 characters long"));

  if (strlen (checksum) != ATT_CLOSIENT_KEY_CHECKSUM_LENGTH)
    return key_error (error, _ ("The checksum of a Closient API key is 8 characters long"));

  for (gsize i = 0; i < body_length; i++)
    {
      if (!g_ascii_isalnum (body[i]))
        return key_error (error, _ ("The key part of a Closient API key has only letters "
                                    "and digits"));
    }

  for (gsize i = 0; i < ATT_CLOSIENT_KEY_CHECKSUM_LENGTH; i++)
    {
      if (!is_lower_hex (checksum[i]))
        return key_error (error, _ ("The checksum of a Closient API key has only digits and "
                                    "the lowercase letters a to f"));
    }

  crc = crc32 (0L, Z_NULL, 0);
  crc = crc32 (crc, (const Bytef *) body, (uInt) body_length);
  g_snprintf (expected, sizeof expected, "%08lx", crc & 0xffffffffUL);

  if (memcmp (expected, checksum, ATT_CLOSIENT_KEY_CHECKSUM_LENGTH) != 0)
    return key_error (error, _ ("The Closient API key is mistyped or incomplete: its "
                                "checksum does not match"));

  if (kind != NULL)
    *kind = key_kind;

  return TRUE;
}

/**
 * att_closient_key_kind_warning:
 * @kind: a kind of key
 *
 * Returns: (nullable): a translated warning to show with a key of @kind, or
 *   %NULL if there is nothing to say
 */
const char *
att_closient_key_kind_warning (AttClosientKeyKind kind)
{
  switch (kind)
    {
    case ATT_CLOSIENT_KEY_PUBLISHABLE:
      return _ ("Publishable keys are meant for web widgets and may not be allowed to "
                "change data.");

    case ATT_CLOSIENT_KEY_BUSINESS:
    case ATT_CLOSIENT_KEY_USER:
      return NULL;

    default:
      g_return_val_if_reached (NULL);
    }
}
