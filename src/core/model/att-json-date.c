/* att-json-date.c: calendar dates in the API's two spellings, Unix
 * milliseconds and `YYYY-MM-DD`, and points in time in the certification
 * API's unsettled ones (seconds or milliseconds, ISO 8601 strings)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

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

/**
 * att_json_date_time_to_unix_ms:
 *
 * Returns: @date_time as Unix milliseconds, the API's spelling of a time
 */
gint64
att_json_date_time_to_unix_ms (GDateTime *date_time)
{
  g_return_val_if_fail (date_time != NULL, 0);

  return g_date_time_to_unix (date_time) * 1000 + g_date_time_get_microsecond (date_time) / 1000;
}

/* Below this magnitude a Unix time is taken as seconds, at or above it as
 * milliseconds: 10^11 seconds is the year 5138, and 10^11 milliseconds is
 * March 1973, so every date a certificate carries (issued after 1973,
 * expiring before 5138) is read right in either unit. */
#define SECONDS_MAGNITUDE_LIMIT 1e11

/**
 * att_json_date_time_from_number:
 * @value: a Unix time in seconds or in milliseconds
 *
 * Reads a Unix time whose unit is not known.  A value whose magnitude is
 * below 10^11 is taken as seconds, any other as milliseconds (10^11 seconds
 * is the year 5138, 10^11 milliseconds March 1973).
 *
 * Returns: (transfer full) (nullable): the time in UTC, or %NULL if @value
 *   is not finite or out of #GDateTime's range
 */
GDateTime *
att_json_date_time_from_number (double value)
{
  g_autoptr(GDateTime) epoch = NULL;
  GTimeSpan span;

  /* GDateTime covers the years 1 to 9999: about 2.6e14 ms either side. */
  if (!isfinite (value) || fabs (value) > 1e15)
    return NULL;

  /* Whole milliseconds are counted exactly, as integers. */
  if (fabs (value) < SECONDS_MAGNITUDE_LIMIT)
    span = (GTimeSpan) llround (value * G_TIME_SPAN_SECOND);
  else
    span = (GTimeSpan) llround (value) * G_TIME_SPAN_MILLISECOND;

  epoch = g_date_time_new_from_unix_utc (0);
  return g_date_time_add (epoch, span);
}

/**
 * att_json_date_time_from_string:
 * @text: an ISO 8601 date-time, a `YYYY-MM-DD` date, or a Unix time
 *   written out in digits
 *
 * A date-time without an offset and a plain date are taken in UTC (a plain
 * date as its midnight); digits are read as att_json_date_time_from_number()
 * reads a number.
 *
 * Returns: (transfer full) (nullable): the time in UTC, or %NULL if @text is
 *   none of these
 */
GDateTime *
att_json_date_time_from_string (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) date_time = NULL;
  g_autofree char *date = NULL;
  char            *end = NULL;
  double           value;

  g_return_val_if_fail (text != NULL, NULL);

  value = g_ascii_strtod (text, &end);
  if (end != text && *end == '\0' && g_ascii_isdigit (text[strspn (text, "+-")]))
    return att_json_date_time_from_number (value);

  utc = g_time_zone_new_utc ();
  date_time = g_date_time_new_from_iso8601 (text, utc);
  if (date_time != NULL)
    return g_date_time_to_utc (date_time);

  /* A plain calendar date: its midnight, in UTC. */
  date = att_json_normalize_date (text);
  if (date == NULL)
    return NULL;

  {
    g_autofree char *midnight = g_strconcat (date, "T00:00:00Z", NULL);

    return g_date_time_new_from_iso8601 (midnight, NULL);
  }
}

/**
 * att_json_get_date_time:
 *
 * Reads a point in time whose spelling is not settled: the certification
 * API documents Unix times without their unit, so a number is read as
 * seconds or milliseconds by its magnitude (att_json_date_time_from_number()),
 * and a string as an ISO 8601 date-time, a `YYYY-MM-DD` date or digits
 * (att_json_date_time_from_string()).  An unreadable string or number, or
 * an object (some schemas type dates as objects), means "unknown": one odd
 * date should not make a whole certificate unreadable.  Booleans and arrays
 * are errors.
 *
 * Returns: (transfer full) (nullable): the time in UTC, or %NULL if absent,
 *   unknown or on error
 */
GDateTime *
att_json_get_date_time (JsonObject *object,
                        const char *key,
                        const char *path,
                        GError    **error)
{
  JsonNode  *node;
  GDateTime *date_time = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  node = json_object_get_member (object, key);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) &&
      (json_node_get_value_type (node) == G_TYPE_INT64 ||
       json_node_get_value_type (node) == G_TYPE_DOUBLE))
    date_time = att_json_date_time_from_number (json_node_get_double (node));
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    date_time = att_json_date_time_from_string (json_node_get_string (node));
  else
    {
      g_autofree char *member_path = att_json_path_member (path, key);

      att_json_set_error (error, member_path, _ ("expected a date"));
      return NULL;
    }

  if (date_time == NULL)
    g_debug ("Ignoring unreadable date in %s.%s", path ? path : "", key);
  return date_time;
}
