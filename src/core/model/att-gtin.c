/* att-gtin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "att-gtin.h"

/*
 * A GTIN is 8, 12, 13 or 14 digits, the last of which is a check digit
 * (GS1 General Specifications, 7.9.1): from the right, leaving the check
 * digit out, the digits are weighted 3, 1, 3, 1...; the check digit takes
 * the sum up to the next multiple of ten.  Padding with zeros on the left
 * does not change that sum, so every GTIN reads as the 14 digits that
 * product databases (and the editor) show.
 */

G_DEFINE_QUARK (att - gtin - error - quark, att_gtin_error)

/**
 * att_gtin_check_digit:
 * @digits: ASCII digits, without the check digit
 * @length: how many of them
 *
 * Returns: the check digit, 0-9
 */
int
att_gtin_check_digit (const char *digits,
                      gsize       length)
{
  int sum = 0;

  g_return_val_if_fail (digits != NULL, 0);

  for (gsize i = 0; i < length; i++)
    {
      int digit = digits[length - 1 - i] - '0';

      sum += i % 2 == 0 ? 3 * digit : digit;
    }

  return (10 - sum % 10) % 10;
}

static gboolean
is_gtin_length (gsize length)
{
  return length == 8 || length == 12 || length == 13 || length == 14;
}

/**
 * att_gtin_normalize:
 * @text: a GTIN as typed: digits only
 * @out_gtin14: (out) (optional) (transfer full): the GTIN zero-padded to
 *   14 digits
 *
 * Checks the length (8, 12, 13 or 14 digits) and the check digit.
 *
 * Returns: %TRUE if @text is a GTIN; otherwise %FALSE with an
 *   %ATT_GTIN_ERROR that says what is wrong (for a check digit, which one
 *   was expected)
 */
gboolean
att_gtin_normalize (const char *text,
                    char      **out_gtin14,
                    GError    **error)
{
  gsize length;
  int   expected;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  length = strlen (text);
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      {
        g_set_error_literal (error, ATT_GTIN_ERROR, ATT_GTIN_ERROR_NOT_DIGITS,
                             _ ("A GTIN is made of digits only"));
        return FALSE;
      }

  if (!is_gtin_length (length))
    {
      /* Translators: %u is how many digits were typed. */
      g_set_error (error, ATT_GTIN_ERROR, ATT_GTIN_ERROR_LENGTH,
                   _ ("A GTIN has 8, 12, 13 or 14 digits, not %u"), (guint) length);
      return FALSE;
    }

  expected = att_gtin_check_digit (text, length - 1);
  if (text[length - 1] - '0' != expected)
    {
      /* Translators: the check digit is the last digit of a GTIN; %d is
       * the digit it should be, %c the one that was typed. */
      g_set_error (error, ATT_GTIN_ERROR, ATT_GTIN_ERROR_CHECK_DIGIT,
                   _ ("Wrong check digit: expected %d, not %c"), expected, text[length - 1]);
      return FALSE;
    }

  if (out_gtin14 != NULL)
    *out_gtin14 = g_strdup_printf ("%014" G_GINT64_MODIFIER "u",
                                   g_ascii_strtoull (text, NULL, 10));

  return TRUE;
}

/**
 * att_gtin_clean_input:
 * @typed: (nullable): a GTIN as typed, pasted or scanned
 *
 * Drops the spaces and hyphens that printed barcodes and spreadsheets put
 * between groups of digits (and a scanner's line end); everything else is
 * kept for att_gtin_normalize() to judge.
 *
 * Returns: (transfer full) (nullable): @typed without spaces and hyphens,
 *   or %NULL for %NULL
 */
char *
att_gtin_clean_input (const char *typed)
{
  GString *clean;

  if (typed == NULL)
    return NULL;

  clean = g_string_sized_new (strlen (typed));
  for (const char *p = typed; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != '-')
      g_string_append_c (clean, *p);

  return g_string_free (clean, FALSE);
}
