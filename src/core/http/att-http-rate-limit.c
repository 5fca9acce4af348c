/* att-http-rate-limit.c: what AttHttp knows of each host's rate limit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Closient (api-closient.md §6) says in every answer how many requests
 * are left in the current window and when it resets: RateLimit-Remaining
 * and RateLimit-Reset (relative seconds), or the X-RateLimit- aliases
 * (X-RateLimit-Reset absolute).  When nothing is left, later requests to
 * that host wait for the reset instead of being sent to be refused; a 429
 * makes its own request wait for Retry-After (att-http-request.c).  While
 * any request to a host waits, AttHttp::rate-limit-wait tells when the
 * wait ends (the latest of the waits), and tells 0 once none waits. */

#include "config.h"

#include "att-http-private.h"

/* Resets are given in whole seconds: waking a little after one is cheaper
 * than a refusal. */
#define RESET_MARGIN_US (100 * 1000)

typedef struct
{
  gint64 reset_us;     /* wall-clock time the spent quota comes back; 0 if not spent */
  guint  waiters;      /* requests waiting for this host */
  gint64 announced_us; /* what the signal last said, while any waits */
} HostLimit;

GHashTable *
att_http_rate_limits_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static HostLimit *
lookup (AttHttp    *self,
        const char *host,
        gboolean    create)
{
  GHashTable      *limits = att_http_get_rate_limits (self);
  g_autofree char *key = g_ascii_strdown (host, -1);
  HostLimit       *limit = g_hash_table_lookup (limits, key);

  /* Host names are case-insensitive. */
  if (limit == NULL && create)
    {
      limit = g_new0 (HostLimit, 1);
      g_hash_table_insert (limits, g_steal_pointer (&key), limit);
    }
  return limit;
}

/* A count of requests from a header, or -1 if none. */
static gint64
parse_count (const char *value)
{
  guint64 count;

  if (value == NULL ||
      !g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, &count, NULL))
    return -1;
  return (gint64) count;
}

/* Seconds until the window resets, or -1 if the answer does not say. */
static gint64
parse_reset (SoupMessageHeaders *headers)
{
  gint64 seconds;

  seconds = att_http_parse_delay_header (soup_message_headers_get_one (headers, "RateLimit-Reset"),
                                         FALSE, TRUE);
  if (seconds < 0)
    seconds = att_http_parse_delay_header (soup_message_headers_get_one (headers, "X-RateLimit-Reset"),
                                           FALSE, TRUE);
  return seconds;
}

/**
 * att_http_rate_limit_update:
 * @host: the host that answered
 * @headers: its answer's headers
 *
 * Notes from an answer whether @host's quota is spent, and until when.
 */
void
att_http_rate_limit_update (AttHttp            *self,
                            const char         *host,
                            SoupMessageHeaders *headers)
{
  gint64     remaining = parse_count (soup_message_headers_get_one (headers, "RateLimit-Remaining"));
  gint64     reset;
  HostLimit *limit;

  if (remaining < 0)
    remaining = parse_count (soup_message_headers_get_one (headers, "X-RateLimit-Remaining"));
  if (remaining < 0)
    return;

  limit = lookup (self, host, TRUE);
  if (remaining > 0)
    {
      limit->reset_us = 0;
      return;
    }

  /* Spent, with no reset given: try again in a second rather than never. */
  reset = parse_reset (headers);
  limit->reset_us = g_get_real_time () + MAX (reset, 1) * G_USEC_PER_SEC + RESET_MARGIN_US;
  g_debug ("Rate limit of %s spent for %" G_GINT64_FORMAT " s", host, MAX (reset, 1));
}

/**
 * att_http_get_rate_limit_wait:
 * @host: a host name, e.g. `www.closient.com`
 *
 * Returns: the wall-clock time (g_get_real_time()) until which requests to
 *   @host wait for its rate limit, or 0 if they are sent at once
 */
gint64
att_http_get_rate_limit_wait (AttHttp    *self,
                              const char *host)
{
  HostLimit *limit;
  gint64     until;

  g_return_val_if_fail (ATT_IS_HTTP (self), 0);
  g_return_val_if_fail (host != NULL, 0);

  limit = lookup (self, host, FALSE);
  if (limit == NULL)
    return 0;

  until = MAX (limit->reset_us, limit->waiters > 0 ? limit->announced_us : 0);
  return until > g_get_real_time () ? until : 0;
}

/**
 * att_http_rate_limit_begin_wait:
 * @not_before_us: the wall-clock time the request itself must wait for
 *   (a 429's Retry-After), or 0
 *
 * Registers a request that waits for @host until the returned time, and
 * tells of it if it waits longer than those already waiting.
 *
 * Returns: until when it waits, or 0 if it need not
 */
gint64
att_http_rate_limit_begin_wait (AttHttp    *self,
                                const char *host,
                                gint64      not_before_us)
{
  gint64     until = MAX (att_http_get_rate_limit_wait (self, host), not_before_us);
  HostLimit *limit;

  if (until <= g_get_real_time ())
    return 0;

  limit = lookup (self, host, TRUE);
  limit->waiters++;
  if (until > limit->announced_us)
    {
      limit->announced_us = until;
      att_http_emit_rate_limit_wait (self, host, until);
    }
  return until;
}

/* A request stopped waiting (its time came, or it was cancelled). */
void
att_http_rate_limit_end_wait (AttHttp    *self,
                              const char *host)
{
  HostLimit *limit = lookup (self, host, FALSE);

  g_return_if_fail (limit != NULL && limit->waiters > 0);

  if (--limit->waiters > 0)
    return;

  limit->announced_us = 0;
  att_http_emit_rate_limit_wait (self, host, 0);
}
