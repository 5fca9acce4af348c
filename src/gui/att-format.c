/* att-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "att-country.h"
#include "att-eco-score.h"
#include "att-format.h"

/**
 * att_format_category:
 *
 * Higg category ids read like `ApparelAccessories-TopsBlouses-ButtonFrontShirts`;
 * people want "Button Front Shirts". The last segment is split at its
 * capitals, which keeps the ids' own words without a lookup table.
 */
char *
att_format_category (const char *category_id)
{
  const char *last;
  GString    *str;

  if (category_id == NULL || *category_id == '\0')
    return NULL;

  last = strrchr (category_id, '-');
  last = last != NULL ? last + 1 : category_id;
  if (*last == '\0')
    return g_strdup (category_id);

  str = g_string_new (NULL);
  for (const char *p = last; *p != '\0'; p++)
    {
      if (p != last && g_ascii_isupper (*p) && !g_ascii_isupper (p[-1]))
        g_string_append_c (str, ' ');
      /* A lone capital before a word is a prefix: "TShirts" is "T-Shirts". */
      else if (p == last + 1 && g_ascii_isupper (*p) && g_ascii_islower (p[1]))
        g_string_append_c (str, '-');
      g_string_append_c (str, *p);
    }
  return g_string_free (str, FALSE);
}

char *
att_format_number (double value,
                   int    max_decimals)
{
  g_autofree char *text = NULL;
  char            *dot;

  if (isnan (value))
    return NULL;

  text = g_strdup_printf ("%.*f", max_decimals, value);
  /* Trim trailing zeros ("12.50" -> "12.5", "3.00" -> "3") whatever the
   * locale's decimal separator. */
  dot = strpbrk (text, ".,");
  if (dot != NULL)
    {
      char *end = text + strlen (text) - 1;

      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }
  return g_steal_pointer (&text);
}

char *
att_format_percent (double value)
{
  g_autofree char *number = att_format_number (value, 1);

  if (number == NULL)
    return NULL;
  /* Translators: a percentage, e.g. "60 %"; use your language's spacing */
  return g_strdup_printf (_ ("%s %%"), number);
}

char *
att_format_eco_score_short (AttEcoScore *score)
{
  const char *status;
  double      value;

  if (score == NULL)
    return g_strdup ("—");

  status = att_eco_score_get_status (score);
  value = att_eco_score_get_score (score);
  if (g_strcmp0 (status, "Pending") == 0)
    return g_strdup (_ ("Pending"));
  if (isnan (value))
    return g_strdup ("—");
  return g_strdup_printf ("%.0f", value);
}

char *
att_format_country (AttCountry *country)
{
  const char *name;
  const char *code;

  if (country == NULL)
    return NULL;

  name = att_country_get_name (country);
  code = att_country_get_code (country);
  if (name != NULL && code != NULL)
    return g_strdup_printf ("%s (%s)", name, code);
  return g_strdup (name != NULL ? name : code);
}

char *
att_format_date_ms (gint64 unix_ms)
{
  g_autoptr(GDateTime) dt = NULL;

  if (unix_ms <= 0)
    return NULL;

  dt = g_date_time_new_from_unix_utc (unix_ms / 1000);
  return att_format_date (dt);
}

/**
 * att_format_date:
 * @date: (nullable): a point in time
 *
 * Returns: (transfer full) (nullable): its day in UTC, in words: the day a
 *   certificate is issued or expires is the same day everywhere
 */
char *
att_format_date (GDateTime *date)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date == NULL)
    return NULL;
  utc = g_date_time_to_utc (date);
  /* Translators: a date, see strftime(3) */
  return utc != NULL ? g_date_time_format (utc, _ ("%-d %B %Y")) : NULL;
}

/**
 * att_format_date_short:
 * @date: (nullable): a point in time
 *
 * Returns: (transfer full) (nullable): its day in UTC, short, for a column
 */
char *
att_format_date_short (GDateTime *date)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date == NULL)
    return NULL;
  utc = g_date_time_to_utc (date);
  /* Translators: a date in a table column, see strftime(3) */
  return utc != NULL ? g_date_time_format (utc, _ ("%-d %b %Y")) : NULL;
}
