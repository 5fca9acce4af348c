/* att-json-date.c: calendar dates in the API's two spellings, Unix
 * milliseconds and `YYYY-MM-DD`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-json.h"

/**
 * att_json_date_from_unix_ms:
 *
 * Returns: (transfer full) (nullable): the UTC calendar date of @unix_ms as
 *   "YYYY-MM-DD", or %NULL if it is out of range
 */
char *
att_json_date_from_unix_ms (gint64 unix_ms)
{
  g_autoptr(GDateTime) date_time = NULL;
  gint64 seconds = unix_ms / 1000;
  int    year, month, day;

  /* Round towards minus infinity so that -1 ms is still 1969-12-31. */
  if (unix_ms % 1000 < 0)
    seconds -= 1;

  date_time = g_date_time_new_from_unix_utc (seconds);
  if (date_time == NULL)
    return NULL;

  g_date_time_get_ymd (date_time, &year, &month, &day);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static gboolean
parse_digits (const char **text,
              guint        min_digits,
              guint        max_digits,
              int         *value)
{
  guint n = 0;

  *value = 0;
  while (n < max_digits && g_ascii_isdigit ((*text)[0]))
    {
      *value = *value * 10 + ((*text)[0] - '0');
      (*text)++;
      n++;
    }

  return n >= min_digits;
}

/**
 * att_json_normalize_date:
 * @text: a `YYYY-MM-DD` date or an ISO 8601 date-time
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD" (a date-time is taken in
 *   UTC, or in its own offset converted to UTC), or %NULL if @text is
 *   neither
 */
char *
att_json_normalize_date (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) date_time = NULL;
  g_autoptr(GDateTime) date_time_utc = NULL;
  const char *p = text;
  int         year, month, day;

  g_return_val_if_fail (text != NULL, NULL);

  if (parse_digits (&p, 4, 4, &year) && *p++ == '-' &&
      parse_digits (&p, 1, 2, &month) && *p++ == '-' &&
      parse_digits (&p, 1, 2, &day) && *p == '\0')
    {
      if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31 ||
          !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        return NULL;

      return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
    }

  utc = g_time_zone_new_utc ();
  date_time = g_date_time_new_from_iso8601 (text, utc);
  if (date_time == NULL)
    return NULL;

  date_time_utc = g_date_time_to_utc (date_time);
  g_date_time_get_ymd (date_time_utc, &year, &month, &day);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}
