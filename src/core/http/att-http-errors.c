/* att-http-errors.c: how AttHttp reports failures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Everything that turns a failure into an %ATT_API_ERROR a user can read:
 * the refusal of plain http:// off loopback, the server's error answers
 * (its message, its per-field problems, Retry-After and the rate-limit
 * headers), transport failures (DNS, TLS, timeouts) and answers past the
 * size limit.  A server's text is cut short and put on one line before it
 * reaches a message. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-http-private.h"

#define MAX_FIELD_ERRORS_IN_MESSAGE 3

const char *
att_http_error_code_name (int code)
{
  switch ((AttApiError) code)
    {
    case ATT_API_ERROR_NETWORK: return "network";
    case ATT_API_ERROR_TIMEOUT: return "timeout";
    case ATT_API_ERROR_UNAUTHORIZED: return "unauthorized";
    case ATT_API_ERROR_FORBIDDEN: return "forbidden";
    case ATT_API_ERROR_NOT_FOUND: return "not-found";
    case ATT_API_ERROR_CONFLICT: return "conflict";
    case ATT_API_ERROR_VALIDATION: return "validation";
    case ATT_API_ERROR_RATE_LIMITED: return "rate-limited";
    case ATT_API_ERROR_SERVER: return "server";
    case ATT_API_ERROR_BAD_RESPONSE: return "bad-response";
    case ATT_API_ERROR_INSECURE: return "insecure";
    case ATT_API_ERROR_TLS: return "tls";
    default: return "unknown";
    }
}

GError *
att_http_api_error_new (AttApiError code,
                        guint       http_status,
                        GPtrArray  *field_errors,
                        gint64      retry_after,
                        const char *message)
{
  GError *error = g_error_new_literal (ATT_API_ERROR, code, message);

  att_api_error_set_details (error, http_status, field_errors, retry_after);
  return error;
}

/* Plain http:// would expose API keys and product data on the network, so
 * it is allowed only to a loopback address, where the sandbox lives. */
gboolean
att_http_check_uri_is_allowed (GUri    *uri,
                               GError **error)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL || *host == '\0')
    {
      g_propagate_error (error,
                         att_http_api_error_new (ATT_API_ERROR_NETWORK, 0, NULL, -1,
                                                 _ ("The server address has no host name")));
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_ ("Addresses starting with “%s:” are not supported"), scheme);

      g_propagate_error (error,
                         att_http_api_error_new (ATT_API_ERROR_INSECURE, 0, NULL, -1,
                                                 message));
      return FALSE;
    }

  if (g_ascii_strcasecmp (host, "localhost") == 0 ||
      g_ascii_strcasecmp (host, "localhost.") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  if (address != NULL && g_inet_address_get_is_loopback (address))
    return TRUE;

  g_propagate_error (error,
                     att_http_api_error_new (ATT_API_ERROR_INSECURE, 0, NULL, -1,
                                             _ ("Refusing to send data over an unencrypted "
                                                "connection: use an https:// address")));
  return FALSE;
}

/* Returns seconds from now, or -1 if unknown. */
gint64
att_http_parse_delay_header (const char *value,
                             gboolean    allow_http_date,
                             gboolean    allow_epoch)
{
  gint64      now = g_get_real_time () / G_USEC_PER_SEC;
  guint64     number;
  const char *end = NULL;

  if (value == NULL)
    return -1;

  while (g_ascii_isspace (*value))
    value++;

  if (g_ascii_isdigit (*value))
    {
      number = g_ascii_strtoull (value, (char **) &end, 10);
      while (end != NULL && g_ascii_isspace (*end))
        end++;
      if (end == NULL || *end != '\0' || number > G_MAXINT32 * (guint64) 2)
        return -1;

      /* Some servers send the reset time as a Unix timestamp rather than
       * as a number of seconds; no real delay is anywhere near 10^9 s. */
      if (allow_epoch && number > 1000000000)
        return MAX ((gint64) number - now, 0);

      return MIN ((gint64) number, G_MAXINT32);
    }

  if (allow_http_date)
    {
      g_autoptr(GDateTime) date = soup_date_time_new_from_http_string (value);

      if (date != NULL)
        return MAX (g_date_time_to_unix (date) - now, 0);
    }

  return -1;
}

/* The delay before trying again: Retry-After, else what the body said
 * (@body_seconds, -1 if nothing), else when the rate-limit window resets. */
static gint64
parse_retry_after (SoupMessageHeaders *headers,
                   gint64              body_seconds)
{
  gint64 seconds;

  seconds = att_http_parse_delay_header (soup_message_headers_get_one (headers, "Retry-After"), TRUE, FALSE);
  if (seconds < 0)
    seconds = body_seconds;
  if (seconds < 0)
    seconds = att_http_parse_delay_header (soup_message_headers_get_one (headers, "RateLimit-Reset"), FALSE, TRUE);
  if (seconds < 0)
    seconds = att_http_parse_delay_header (soup_message_headers_get_one (headers, "X-RateLimit-Reset"), FALSE, TRUE);

  return seconds;
}

static char *
format_field_errors (GPtrArray *field_errors)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = MIN (field_errors->len, MAX_FIELD_ERRORS_IN_MESSAGE);

  for (guint i = 0; i < shown; i++)
    {
      const AttFieldError *field_error = g_ptr_array_index (field_errors, i);

      if (i > 0)
        g_string_append (text, "; ");
      if (field_error->path != NULL && *field_error->path != '\0')
        g_string_append_printf (text, "%s: %s", field_error->path, field_error->message);
      else
        g_string_append (text, field_error->message);
    }

  if (field_errors->len > shown)
    {
      guint more = field_errors->len - shown;

      g_string_append (text, " ");
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "(and %u more problem)",
                                           "(and %u more problems)",
                                           more),
                              more);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The code a server's own name for an error maps to, or -1 (Closient's
 * names, api-closient.md §7; compared in uppercase). */
static int
code_for_server_code (const char *server_code)
{
  static const struct
  {
    const char *name;
    AttApiError code;
  } codes[] = {
    { "BAD_REQUEST", ATT_API_ERROR_VALIDATION },
    { "VALIDATION_ERROR", ATT_API_ERROR_VALIDATION },
    { "UNAUTHORIZED", ATT_API_ERROR_UNAUTHORIZED },
    { "FORBIDDEN", ATT_API_ERROR_FORBIDDEN },
    { "NOT_FOUND", ATT_API_ERROR_NOT_FOUND },
    { "CONFLICT", ATT_API_ERROR_CONFLICT },
    { "RATE_LIMITED", ATT_API_ERROR_RATE_LIMITED },
    { "INTERNAL_ERROR", ATT_API_ERROR_SERVER },
  };

  for (guint i = 0; server_code != NULL && i < G_N_ELEMENTS (codes); i++)
    if (g_str_equal (server_code, codes[i].name))
      return codes[i].code;
  return -1;
}

/* The HTTP status decides; the server's code only refines a 4xx that has
 * no status of its own (a 400 that says NOT_FOUND, say). */
static AttApiError
code_for_status (guint       status,
                 const char *server_code)
{
  int refined = code_for_server_code (server_code);

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED: return ATT_API_ERROR_UNAUTHORIZED;
    case SOUP_STATUS_FORBIDDEN: return ATT_API_ERROR_FORBIDDEN;
    case SOUP_STATUS_NOT_FOUND:
    case SOUP_STATUS_GONE: return ATT_API_ERROR_NOT_FOUND;
    case SOUP_STATUS_CONFLICT: return ATT_API_ERROR_CONFLICT;
    case SOUP_STATUS_REQUEST_TIMEOUT: return ATT_API_ERROR_TIMEOUT;
    case HTTP_TOO_MANY_REQUESTS: return ATT_API_ERROR_RATE_LIMITED;
    default: break;
    }

  if (status >= 500 && status < 600)
    return ATT_API_ERROR_SERVER;
  if (status >= 400 && status < 500)
    return refined >= 0 && refined != ATT_API_ERROR_SERVER ? (AttApiError) refined : ATT_API_ERROR_VALIDATION;
  return ATT_API_ERROR_BAD_RESPONSE;
}

static char *
rate_limited_summary (gint64 retry_after)
{
  if (retry_after < 0)
    return g_strdup (_ ("Too many requests: try again later"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Too many requests: try again in %d second",
                                       "Too many requests: try again in %d seconds",
                                       (gulong) retry_after),
                          (int) retry_after);
}

/* A request refused, or not sent, because of a rate limit: try again in
 * @retry_after seconds (-1 if unknown). */
GError *
att_http_rate_limited_error_new (guint  http_status,
                                 gint64 retry_after)
{
  g_autofree char *text = rate_limited_summary (retry_after);

  return att_http_api_error_new (ATT_API_ERROR_RATE_LIMITED, http_status, NULL, retry_after, text);
}

/* A rejected request says what the server rejected; the per-field
 * problems say more than the server's summary, which it takes. */
static char *
rejected_summary (guint             status,
                  AttHttpErrorBody *body)
{
  g_autofree char *server_message = g_steal_pointer (&body->message);

  if (body->field_errors->len > 0)
    {
      g_autofree char *fields = format_field_errors (body->field_errors);

      return g_strdup_printf (_ ("The server rejected the request: %s"), fields);
    }
  if (server_message != NULL)
    return g_strdup_printf (_ ("The server rejected the request: %s"), server_message);
  return g_strdup_printf (_ ("The server rejected the request (HTTP %u)"), status);
}

static char *
summary_for (AttApiError       code,
             guint             status,
             gint64            retry_after,
             AttHttpErrorBody *body)
{
  switch (code)
    {
    case ATT_API_ERROR_UNAUTHORIZED:
      return g_strdup (_ ("The server did not accept the credentials"));
    case ATT_API_ERROR_FORBIDDEN:
      return g_strdup (_ ("The account is not allowed to do this"));
    case ATT_API_ERROR_NOT_FOUND:
      return g_strdup (_ ("The item was not found on the server"));
    case ATT_API_ERROR_CONFLICT:
      return g_strdup (_ ("The change conflicts with the data on the server"));
    case ATT_API_ERROR_TIMEOUT:
      return g_strdup (_ ("The server did not answer in time"));
    case ATT_API_ERROR_RATE_LIMITED:
      return rate_limited_summary (retry_after);
    case ATT_API_ERROR_SERVER:
      return g_strdup_printf (_ ("The server had a problem (HTTP %u)"), status);
    case ATT_API_ERROR_VALIDATION:
      return rejected_summary (status, body);
    default:
      break;
    }

  /* Redirects are not followed: they could move an API key to another host
   * or to plain http. */
  if (status >= 300 && status < 400)
    return g_strdup_printf (_ ("The server redirected the request elsewhere (HTTP %u)"), status);
  return g_strdup_printf (_ ("Unexpected answer from the server (HTTP %u)"), status);
}

/* An HTTP error answer as an %ATT_API_ERROR: its code from the status (and
 * the server's own code), its message, field problems, delay and
 * owner_action_required from the body, whichever shape it has
 * (att-http-error-body.c). */
GError *
att_http_status_error_new (SoupMessage *message,
                           GBytes      *bytes,
                           JsonNode   **out_body)
{
  guint status = soup_message_get_status (message);
  g_auto(AttHttpErrorBody) body = { 0 };
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;
  AttApiError      code;
  gint64           retry_after;
  GError          *error;

  att_http_error_body_read (bytes, &body, out_body);
  retry_after = parse_retry_after (soup_message_get_response_headers (message), body.retry_after);
  code = code_for_status (status, body.code);
  summary = summary_for (code, status, retry_after, &body);

  if (body.message != NULL)
    /* Translators: an error summary, then the server's own explanation. */
    text = g_strdup_printf (_ ("%s: %s"), summary, body.message);
  else
    text = g_steal_pointer (&summary);

  error = att_http_api_error_new (code, status, body.field_errors->len > 0 ? body.field_errors : NULL,
                                  retry_after, text);
  att_api_error_set_owner_action_required (error, body.owner_action_required);
  att_api_error_set_server_code (error, body.code);
  return error;
}

/* Whether the connection failed in the TLS layer: a certificate that is not
 * trusted (G_TLS_ERROR_BAD_CERTIFICATE), a failed handshake, or a peer that
 * does not speak TLS.  libsoup passes the errors of GTlsConnection on as
 * they are, so the domain tells them from plain network failures, which the
 * user fixes differently. */
static gboolean
is_tls_error (const GError *error)
{
  return error->domain == G_TLS_ERROR;
}

GError *
att_http_transport_error_new (const GError *error,
                              gboolean      timed_out)
{
  g_autofree char *text = NULL;
  AttApiError      code = ATT_API_ERROR_NETWORK;

  if (timed_out || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      code = ATT_API_ERROR_TIMEOUT;
      text = g_strdup (_ ("The server did not answer in time"));
    }
  else if (error->domain == G_RESOLVER_ERROR)
    text = g_strdup_printf (_ ("Could not find the server: %s"), error->message);
  else if (is_tls_error (error))
    {
      code = ATT_API_ERROR_TLS;
      text = g_strdup_printf (_ ("Could not establish a secure connection: %s"), error->message);
    }
  else if (error->domain == SOUP_SESSION_ERROR &&
           error->code != SOUP_SESSION_ERROR_MESSAGE_ALREADY_IN_QUEUE)
    {
      code = ATT_API_ERROR_BAD_RESPONSE;
      text = g_strdup_printf (_ ("The server sent an answer that could not be read: %s"),
                              error->message);
    }
  else
    text = g_strdup_printf (_ ("Could not connect to the server: %s"), error->message);

  return att_http_api_error_new (code, 0, NULL, -1, text);
}

GError *
att_http_too_large_error_new (guint   http_status,
                              guint64 max_size)
{
  g_autofree char *size = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);
  /* Translators: %s is a size, e.g. “64.0 MiB”. */
  g_autofree char *text = g_strdup_printf (_ ("The server’s answer is too large: over %s."), size);

  return att_http_api_error_new (ATT_API_ERROR_BAD_RESPONSE, http_status, NULL, -1, text);
}
