/* att-sandbox-closient-limits.c: Closient's rate limits, per API key, and
 * the headers that tell a client about them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-sandbox-closient-private.h"

/*
 * Each key has two fixed windows (api-closient.md §6): a "minute"
 * (windowSeconds long, 60 unless a test shortens it) and a day.  A window
 * starts with the first request after the previous one ended; every
 * answered request counts in both.  A request over either limit is
 * answered 429 and does not count.
 *
 * Every answer to a known key carries RateLimit-Policy, RateLimit-Limit,
 * -Remaining and -Reset (relative seconds) and their legacy aliases
 * X-RateLimit-* (X-RateLimit-Reset in absolute Unix seconds).  Limit,
 * Remaining and Reset describe the most restrictive window: the one with
 * the fewest requests left, and on a tie the one that ends last (when
 * both are spent, that is the one the client must wait for).
 */

/* Publishable keys' documented default, per minute. */
#define PUBLISHABLE_PER_MINUTE 100
#define DAY_SECONDS            86400

typedef struct
{
  gint64 start; /* µs, real time */
  guint  count;
} Window;

typedef struct
{
  Window minute;
  Window day;
} Usage;

typedef struct
{
  guint  limit;
  guint  remaining;
  gint64 reset; /* µs, real time */
} WindowState;

void
_att_sandbox_closient_limits_reset (AttSandboxClosient *self)
{
  g_hash_table_remove_all (self->usage);
}

static guint
minute_limit (AttSandboxClosient *self,
              AttClosientKeyKind  kind)
{
  if (kind == ATT_CLOSIENT_KEY_PUBLISHABLE)
    return MIN (self->per_minute, PUBLISHABLE_PER_MINUTE);
  return self->per_minute;
}

/* Starts @window again if it has ended by @now. */
static void
roll (Window *window,
      gint64  length_us,
      gint64  now)
{
  if (window->count == 0 || now >= window->start + length_us)
    {
      window->start = now;
      window->count = 0;
    }
}

static WindowState
window_state (const Window *window,
              guint         limit,
              gint64        length_us)
{
  WindowState state = { limit, limit > window->count ? limit - window->count : 0,
                        window->start + length_us };

  return state;
}

/* Whole seconds from @now to @until, at least 1. */
static gint64
seconds_until (gint64 until,
               gint64 now)
{
  return MAX (1, (until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

static void
set_uint_header (SoupMessageHeaders *headers,
                 const char         *name,
                 gint64              value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  soup_message_headers_replace (headers, name, text);
}

static void
write_headers (SoupMessageHeaders *headers,
               const WindowState  *minute,
               const WindowState  *day,
               guint               window_seconds,
               gint64              now)
{
  const WindowState *tight = minute;
  g_autofree char   *policy = g_strdup_printf ("%u;w=%u, %u;w=%u", minute->limit, window_seconds,
                                               day->limit, DAY_SECONDS);

  if (day->remaining < minute->remaining ||
      (day->remaining == minute->remaining && day->reset > minute->reset))
    tight = day;

  soup_message_headers_replace (headers, "RateLimit-Policy", policy);
  set_uint_header (headers, "RateLimit-Limit", tight->limit);
  set_uint_header (headers, "RateLimit-Remaining", tight->remaining);
  set_uint_header (headers, "RateLimit-Reset", seconds_until (tight->reset, now));
  set_uint_header (headers, "X-RateLimit-Limit", tight->limit);
  set_uint_header (headers, "X-RateLimit-Remaining", tight->remaining);
  set_uint_header (headers, "X-RateLimit-Reset", now / G_USEC_PER_SEC + seconds_until (tight->reset, now));
}

/* The 429 of a request over a limit: wait until every spent window ends. */
static void
refuse (AttSandboxClosient      *self,
        SoupMessageHeaders      *headers,
        const WindowState       *minute,
        const WindowState       *day,
        gint64                   now,
        AttSandboxClosientReply *reply)
{
  gint64 until = minute->remaining == 0 ? minute->reset : now;

  if (day->remaining == 0)
    until = MAX (until, day->reset);

  _att_sandbox_closient_reply_error (reply, 429, _ ("Too many requests: the rate limit of this API key is reached"));
  reply->retry_after = seconds_until (until, now);
  if (self->retry_after_header)
    set_uint_header (headers, "Retry-After", reply->retry_after);
}

/**
 * _att_sandbox_closient_limits_take:
 * @key: the request's (valid) API key
 * @headers: the answer's headers, which get the rate-limit headers
 *
 * Counts a request of @key, unless it is over a limit.
 *
 * Returns: %TRUE if the request may be served; %FALSE with @reply set to
 *   a 429 otherwise
 */
gboolean
_att_sandbox_closient_limits_take (AttSandboxClosient      *self,
                                   const char              *key,
                                   AttClosientKeyKind       kind,
                                   SoupMessageHeaders      *headers,
                                   AttSandboxClosientReply *reply)
{
  gint64      now = g_get_real_time ();
  gint64      minute_us = (gint64) self->window_seconds * G_USEC_PER_SEC;
  gint64      day_us = (gint64) DAY_SECONDS * G_USEC_PER_SEC;
  Usage      *usage = g_hash_table_lookup (self->usage, key);
  WindowState minute, day;
  gboolean    allowed;

  if (usage == NULL)
    {
      usage = g_new0 (Usage, 1);
      g_hash_table_insert (self->usage, g_strdup (key), usage);
    }

  roll (&usage->minute, minute_us, now);
  roll (&usage->day, day_us, now);
  minute = window_state (&usage->minute, minute_limit (self, kind), minute_us);
  day = window_state (&usage->day, self->per_day, day_us);
  allowed = minute.remaining > 0 && day.remaining > 0;

  if (allowed)
    {
      usage->minute.count++;
      usage->day.count++;
      minute.remaining--;
      day.remaining--;
    }

  write_headers (headers, &minute, &day, self->window_seconds, now);
  if (!allowed)
    refuse (self, headers, &minute, &day, now, reply);
  return allowed;
}
