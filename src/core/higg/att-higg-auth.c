/* att-higg-auth.c: the credentials of one Higg account, applied to requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gnutls/gnutls.h>

#include "att-higg-auth.h"
#include "att-higg-token.h"

/**
 * AttHiggAuth:
 *
 * The API key, the integration key and the developer public key of a Higg
 * account, and the request token made from them.  Every Higg request carries
 * `x-api-key` and `x-developer-request-token`; making a token costs an RSA
 * encryption, so one token is reused until a quarter of an hour before its
 * 12 hours are up (%ATT_HIGG_TOKEN_REUSE_SECONDS), and remade earlier only
 * when asked to, after the server refused it.
 *
 * The secrets are held in memory only, for as long as the object lives, and
 * wiped before they are freed.  Neither they nor the token are ever logged.
 */

struct _AttHiggAuth
{
  GObject            parent_instance;

  char              *api_key;
  char              *integration_key;
  char              *public_key_pem;

  char              *token;
  GDateTime         *token_time; /* the timestamp inside the token */
  guint              tokens_made;

  AttHiggAuthNowFunc now_func;
  gpointer           now_data;
};

G_DEFINE_FINAL_TYPE (AttHiggAuth, att_higg_auth, G_TYPE_OBJECT)

/* Overwrites a secret before it goes back to the allocator, where it could
 * otherwise linger and end up in a core dump.  gnutls_memset() is not
 * optimised away, unlike a memset() right before free(). */
static void
wipe_string (char **string)
{
  if (*string != NULL)
    {
      gnutls_memset (*string, 0, strlen (*string));
      g_clear_pointer (string, g_free);
    }
}

static GDateTime *
get_now (AttHiggAuth *self)
{
  GDateTime *now = NULL;

  if (self->now_func != NULL)
    now = self->now_func (self->now_data);
  if (now == NULL)
    now = g_date_time_new_now_utc ();

  return now;
}

static gboolean
token_is_fresh (AttHiggAuth *self,
                GDateTime   *now)
{
  GTimeSpan age;

  if (self->token == NULL || self->token_time == NULL)
    return FALSE;

  age = g_date_time_difference (now, self->token_time);

  /* A clock that moved backwards makes the token look as if it came from
   * the future, which a server may refuse: make a new one. */
  if (age < 0)
    return FALSE;

  return age < (GTimeSpan) ATT_HIGG_TOKEN_REUSE_SECONDS * G_TIME_SPAN_SECOND;
}

static void
att_higg_auth_finalize (GObject *object)
{
  AttHiggAuth *self = (AttHiggAuth *) object;

  wipe_string (&self->api_key);
  wipe_string (&self->integration_key);
  wipe_string (&self->token);
  g_clear_pointer (&self->public_key_pem, g_free);
  g_clear_pointer (&self->token_time, g_date_time_unref);

  G_OBJECT_CLASS (att_higg_auth_parent_class)->finalize (object);
}

static void
att_higg_auth_class_init (AttHiggAuthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_higg_auth_finalize;
}

static void
att_higg_auth_init (AttHiggAuth *self)
{
}

/**
 * att_higg_auth_new:
 * @api_key: the Developer Account API key (`x-api-key`)
 * @integration_key: the Integration Account API key, the key part of the
 *   request token
 * @public_key_pem: the Developer Public Key, as in `public.pem`
 *
 * Copies the credentials; the caller may wipe its own copies at once.  A
 * public key that is not valid is only reported when a request is made (see
 * att_higg_public_key_check() to check it earlier).
 *
 * Returns: (transfer full): the credentials of one account
 */
AttHiggAuth *
att_higg_auth_new (const char *api_key,
                   const char *integration_key,
                   const char *public_key_pem)
{
  AttHiggAuth *self;

  g_return_val_if_fail (api_key != NULL, NULL);
  g_return_val_if_fail (integration_key != NULL, NULL);
  g_return_val_if_fail (public_key_pem != NULL, NULL);

  self = g_object_new (ATT_TYPE_HIGG_AUTH, NULL);
  self->api_key = g_strdup (api_key);
  self->integration_key = g_strdup (integration_key);
  self->public_key_pem = g_strdup (public_key_pem);

  return self;
}

/**
 * att_higg_auth_apply:
 * @headers: the request headers to add the credentials to
 * @renew: %TRUE to make a new token even if the current one is still fresh,
 *   e.g. after the server answered 401
 * @error: return location for an error
 *
 * Sets `x-api-key` and `x-developer-request-token` on @headers, making a
 * token first if there is none yet, if the current one is older than
 * %ATT_HIGG_TOKEN_REUSE_SECONDS, or if @renew is set.
 *
 * Returns: %TRUE on success; %FALSE with @error set if no token could be
 *   made (say, the public key is not valid), in which case @headers is left
 *   as it was
 */
gboolean
att_higg_auth_apply (AttHiggAuth        *self,
                     SoupMessageHeaders *headers,
                     gboolean            renew,
                     GError            **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (ATT_IS_HIGG_AUTH (self), FALSE);
  g_return_val_if_fail (headers != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  now = get_now (self);

  if (renew || !token_is_fresh (self, now))
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
      char *token;

      token = att_higg_token_make (self->integration_key, self->public_key_pem, utc, error);
      if (token == NULL)
        return FALSE;

      wipe_string (&self->token);
      self->token = token;

      /* The token holds whole seconds: remember the time it says, not the
       * time it was made, so that its age is measured as the server does. */
      g_clear_pointer (&self->token_time, g_date_time_unref);
      self->token_time = g_date_time_new_utc (g_date_time_get_year (utc),
                                              g_date_time_get_month (utc),
                                              g_date_time_get_day_of_month (utc),
                                              g_date_time_get_hour (utc),
                                              g_date_time_get_minute (utc),
                                              g_date_time_get_second (utc));
      self->tokens_made++;
      g_debug ("Made a new Higg request token (%u so far%s)",
               self->tokens_made, renew ? ", renewed on request" : "");
    }

  soup_message_headers_replace (headers, "x-api-key", self->api_key);
  soup_message_headers_replace (headers, "x-developer-request-token", self->token);

  return TRUE;
}

/**
 * att_higg_auth_set_now_func:
 * @now: (nullable): returns the current time (transfer full), or %NULL for
 *   the system clock
 * @data: passed to @now
 *
 * Replaces the clock, for tests.
 */
void
att_higg_auth_set_now_func (AttHiggAuth *self,
                            GDateTime *(*now) (gpointer),
                            gpointer data)
{
  g_return_if_fail (ATT_IS_HIGG_AUTH (self));

  self->now_func = now;
  self->now_data = data;
}

/**
 * att_higg_auth_get_tokens_made:
 *
 * Returns: how many tokens this object has made, for tests
 */
guint
att_higg_auth_get_tokens_made (AttHiggAuth *self)
{
  g_return_val_if_fail (ATT_IS_HIGG_AUTH (self), 0);

  return self->tokens_made;
}
