/* att-shortuuid.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "att-shortuuid.h"

/*
 * Closient's ids are UUIDs written as shortuuid writes them
 * (api-closient.md §9): the UUID's 128-bit number in base 57, most
 * significant digit first, left-padded with the alphabet's first symbol to
 * 22 digits.  57^22 is above 2^128, so some strings of the right length and
 * alphabet are not ids at all: they are refused, as Python's shortuuid
 * refuses them.
 *
 * The number is an `unsigned __int128` where the compiler has one, and two
 * 64-bit halves elsewhere (ATT_SHORTUUID_NO_INT128 forces the halves, so
 * that the tests run both).
 */

#define BASE          57
#define UUID_HEX_LEN  32
#define UUID_TEXT_LEN 36

G_DEFINE_QUARK (att - shortuuid - error - quark, att_shortuuid_error)

#if defined(__SIZEOF_INT128__) && !defined(ATT_SHORTUUID_NO_INT128)

/* __extension__: -Wpedantic knows no 128-bit type in ISO C. */
__extension__ typedef unsigned __int128 U128;

/* n = n * BASE + digit; FALSE if the result is 2^128 or more. */
static gboolean
u128_mul_add (U128 *n,
              guint digit)
{
  U128 max = ~(U128) 0;

  if (*n > (max - digit) / BASE)
    return FALSE;
  *n = *n * BASE + digit;
  return TRUE;
}

/* n = n / BASE; returns n % BASE. */
static guint
u128_divmod (U128 *n)
{
  guint rest = (guint) (*n % BASE);

  *n /= BASE;
  return rest;
}

static void
u128_from_halves (U128   *n,
                  guint64 high,
                  guint64 low)
{
  *n = ((U128) high << 64) | low;
}

static void
u128_to_halves (const U128 *n,
                guint64    *high,
                guint64    *low)
{
  *high = (guint64) (*n >> 64);
  *low = (guint64) *n;
}

#else

/* The number as four 32-bit limbs, most significant first, so that every
 * step fits a 64-bit product. */
typedef struct
{
  guint32 limb[4];
} U128;

static gboolean
u128_mul_add (U128 *n,
              guint digit)
{
  guint64 carry = digit;

  for (int i = 3; i >= 0; i--)
    {
      guint64 v = (guint64) n->limb[i] * BASE + carry;

      n->limb[i] = (guint32) v;
      carry = v >> 32;
    }

  return carry == 0;
}

static guint
u128_divmod (U128 *n)
{
  guint64 rest = 0;

  for (int i = 0; i < 4; i++)
    {
      guint64 v = (rest << 32) | n->limb[i];

      n->limb[i] = (guint32) (v / BASE);
      rest = v % BASE;
    }

  return (guint) rest;
}

static void
u128_from_halves (U128   *n,
                  guint64 high,
                  guint64 low)
{
  n->limb[0] = (guint32) (high >> 32);
  n->limb[1] = (guint32) high;
  n->limb[2] = (guint32) (low >> 32);
  n->limb[3] = (guint32) low;
}

static void
u128_to_halves (const U128 *n,
                guint64    *high,
                guint64    *low)
{
  *high = ((guint64) n->limb[0] << 32) | n->limb[1];
  *low = ((guint64) n->limb[2] << 32) | n->limb[3];
}

#endif

static int
alphabet_index (char c)
{
  const char *found = c != '\0' ? strchr (ATT_SHORTUUID_ALPHABET, c) : NULL;

  return found != NULL ? (int) (found - ATT_SHORTUUID_ALPHABET) : -1;
}

/* Reads a 22-character id into its number. */
static gboolean
decode (const char *text,
        U128       *n,
        GError    **error)
{
  if (strlen (text) != ATT_SHORTUUID_LENGTH)
    {
      /* Translators: %d is 22, the length of a Closient id. */
      g_set_error (error, ATT_SHORTUUID_ERROR, ATT_SHORTUUID_ERROR_LENGTH,
                   _ ("A Closient id has %d characters"), ATT_SHORTUUID_LENGTH);
      return FALSE;
    }

  u128_from_halves (n, 0, 0);
  for (const char *p = text; *p != '\0'; p++)
    {
      int digit = alphabet_index (*p);

      if (digit < 0)
        {
          g_set_error (error, ATT_SHORTUUID_ERROR, ATT_SHORTUUID_ERROR_ALPHABET,
                       _ ("A Closient id has no “%c”: it uses digits 2 to 9 and letters "
                          "other than I, O and l"),
                       g_ascii_isprint (*p) ? *p : '?');
          return FALSE;
        }
      if (!u128_mul_add (n, (guint) digit))
        {
          g_set_error_literal (error, ATT_SHORTUUID_ERROR, ATT_SHORTUUID_ERROR_RANGE,
                               _ ("This is not a Closient id: it is past the largest one"));
          return FALSE;
        }
    }

  return TRUE;
}

static char *
encode (U128 n)
{
  char *text = g_malloc (ATT_SHORTUUID_LENGTH + 1);

  for (int i = ATT_SHORTUUID_LENGTH - 1; i >= 0; i--)
    text[i] = ATT_SHORTUUID_ALPHABET[u128_divmod (&n)];
  text[ATT_SHORTUUID_LENGTH] = '\0';
  return text;
}

/* Skips what Python's uuid.UUID() skips: "urn:uuid:", braces and hyphens;
 * the 32 hex digits left are copied to @hex. */
static gboolean
uuid_hex_digits (const char *text,
                 char        hex[UUID_HEX_LEN + 1])
{
  gsize n = 0;
  gsize length;

  if (g_ascii_strncasecmp (text, "urn:uuid:", 9) == 0)
    text += 9;
  length = strlen (text);
  if (length >= 2 && text[0] == '{' && text[length - 1] == '}')
    {
      text++;
      length -= 2;
    }

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '-')
        continue;
      if (!g_ascii_isxdigit (text[i]) || n == UUID_HEX_LEN)
        return FALSE;
      hex[n++] = g_ascii_tolower (text[i]);
    }
  hex[n] = '\0';
  return n == UUID_HEX_LEN;
}

static guint64
parse_hex64 (const char *hex16)
{
  char part[17];

  memcpy (part, hex16, 16);
  part[16] = '\0';
  return g_ascii_strtoull (part, NULL, 16);
}

/**
 * att_shortuuid_check:
 * @text: what should be a Closient id
 *
 * Checks the length (22), the alphabet and the range (below 2^128).
 *
 * Returns: %TRUE if @text is a Closient id, else %FALSE with an
 *   %ATT_SHORTUUID_ERROR saying why
 */
gboolean
att_shortuuid_check (const char *text,
                     GError    **error)
{
  U128 n;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return decode (text, &n, error);
}

/**
 * att_shortuuid_from_uuid:
 * @uuid_text: a UUID, with or without hyphens, braces or a `urn:uuid:`
 *   prefix, in any case
 *
 * Returns: (transfer full) (nullable): the 22-character id, or %NULL with
 *   @error set
 */
char *
att_shortuuid_from_uuid (const char *uuid_text,
                         GError    **error)
{
  char hex[UUID_HEX_LEN + 1];
  U128 n;

  g_return_val_if_fail (uuid_text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!uuid_hex_digits (uuid_text, hex))
    {
      g_set_error_literal (error, ATT_SHORTUUID_ERROR, ATT_SHORTUUID_ERROR_LENGTH,
                           _ ("A UUID has 32 hexadecimal digits"));
      return NULL;
    }

  u128_from_halves (&n, parse_hex64 (hex), parse_hex64 (hex + 16));
  return encode (n);
}

/**
 * att_shortuuid_to_uuid:
 * @shortuuid: a 22-character Closient id
 *
 * Returns: (transfer full) (nullable): the UUID it encodes, canonical
 *   (lowercase, hyphenated), or %NULL with @error set
 */
char *
att_shortuuid_to_uuid (const char *shortuuid,
                       GError    **error)
{
  U128    n;
  guint64 high, low;

  g_return_val_if_fail (shortuuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!decode (shortuuid, &n, error))
    return NULL;

  u128_to_halves (&n, &high, &low);
  return g_strdup_printf ("%08x-%04x-%04x-%04x-%012" G_GINT64_MODIFIER "x",
                          (guint) (high >> 32), (guint) (high >> 16) & 0xffff,
                          (guint) high & 0xffff, (guint) (low >> 48),
                          low & G_GUINT64_CONSTANT (0xffffffffffff));
}

/**
 * att_shortuuid_normalize:
 * @text: a Closient id, or the UUID it encodes (as pasted from elsewhere)
 *
 * Returns: (transfer full) (nullable): the 22-character id, or %NULL with
 *   @error set
 */
char *
att_shortuuid_normalize (const char *text,
                         GError    **error)
{
  char hex[UUID_HEX_LEN + 1];

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strlen (text) != ATT_SHORTUUID_LENGTH && uuid_hex_digits (text, hex))
    return att_shortuuid_from_uuid (text, error);

  if (!att_shortuuid_check (text, error))
    return NULL;
  return g_strdup (text);
}
