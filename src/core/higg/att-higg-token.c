/* att-higg-token.c: the Higg x-developer-request-token
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>

#include "att-error.h"
#include "att-higg-token.h"

/*
 * The Worldly authentication guide makes the token with
 *
 *   echo -n "$INTEGRATION_KEY&$(date -u +%Y-%m-%dT%H:%M:%SZ)" |
 *     openssl pkeyutl -encrypt -pubin -inkey public.pem | base64 | tr -d '\n'
 *
 * `openssl pkeyutl -encrypt` pads with PKCS#1 v1.5 unless told otherwise,
 * which is what gnutls_pubkey_encrypt_data() does for an RSA key.
 *
 * Nothing here logs or reports the integration key: error messages name the
 * problem, never the value.
 */

/* gnutls_pubkey_t is a pointer typedef; g_autoptr() needs the struct. */
typedef struct gnutls_pubkey_st AttPubkey;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttPubkey, gnutls_pubkey_deinit)

static GError *
token_error_new (const char *message)
{
  GError *error = g_error_new_literal (ATT_API_ERROR, ATT_API_ERROR_VALIDATION, message);

  att_api_error_set_details (error, 0, NULL, -1);
  return error;
}

/* Reads @public_key_pem as an RSA public key, or returns NULL with @error
 * set.  The PEM text is public, but the message still does not quote it:
 * a user who pasted the wrong file might have pasted a private key. */
static gnutls_pubkey_t
import_public_key (const char *public_key_pem,
                   GError    **error)
{
  g_autoptr(AttPubkey) key = NULL;
  gnutls_datum_t datum;
  gsize          length;

  length = public_key_pem != NULL ? strlen (public_key_pem) : 0;
  if (length == 0 || length > G_MAXUINT ||
      gnutls_pubkey_init (&key) < 0)
    goto invalid;

  datum.data = (unsigned char *) public_key_pem;
  datum.size = (unsigned int) length;
  if (gnutls_pubkey_import (key, &datum, GNUTLS_X509_FMT_PEM) < 0)
    goto invalid;

  /* RSA-PSS keys can only sign; the token needs plain RSA encryption. */
  if (gnutls_pubkey_get_pk_algorithm (key, NULL) != GNUTLS_PK_RSA)
    goto invalid;

  return g_steal_pointer (&key);

invalid:
  g_propagate_error (error,
                     token_error_new (_ ("The developer public key is not a valid RSA public key (PEM)")));
  return NULL;
}

/**
 * att_higg_public_key_check:
 * @public_key_pem: the developer public key, as in `public.pem`
 *
 * Checks that @public_key_pem is an RSA public key in PEM form
 * (`-----BEGIN PUBLIC KEY-----`), so that a form can say so before the key
 * is saved.
 *
 * Returns: %TRUE if a token can be made with the key
 */
gboolean
att_higg_public_key_check (const char *public_key_pem,
                           GError    **error)
{
  g_autoptr(AttPubkey) key = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  key = import_public_key (public_key_pem, error);
  return key != NULL;
}

/**
 * att_higg_token_make:
 * @integration_key: the Integration Account API key
 * @public_key_pem: the Developer Public Key (PEM)
 * @now: (nullable): the time to put in the token; %NULL for the current time
 * @error: return location for an error
 *
 * Makes an `x-developer-request-token`: @integration_key + `&` + @now as
 * UTC `YYYY-MM-DDTHH:MM:SSZ`, encrypted with @public_key_pem using RSA
 * PKCS#1 v1.5, in base64 without line breaks.  The encryption is randomised,
 * so two tokens for the same second differ.
 *
 * Returns: (transfer full): the token, or %NULL with @error set in the
 *   %ATT_API_ERROR domain (%ATT_API_ERROR_VALIDATION)
 */
char *
att_higg_token_make (const char *integration_key,
                     const char *public_key_pem,
                     GDateTime  *now,
                     GError    **error)
{
  g_autoptr(AttPubkey) key = NULL;
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *timestamp = NULL;
  g_autofree char *plain = NULL;
  gnutls_datum_t   plain_datum;
  gnutls_datum_t   encrypted = { NULL, 0 };
  gsize            plain_length;
  char            *token;
  int              ret;

  g_return_val_if_fail (integration_key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*integration_key == '\0')
    {
      g_propagate_error (error, token_error_new (_ ("The integration key is empty")));
      return NULL;
    }

  key = import_public_key (public_key_pem, error);
  if (key == NULL)
    return NULL;

  if (now == NULL)
    now = current = g_date_time_new_now_utc ();
  utc = g_date_time_to_utc (now);
  timestamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  plain = g_strconcat (integration_key, "&", timestamp, NULL);
  plain_length = strlen (plain);
  plain_datum.data = (unsigned char *) plain;
  plain_datum.size = (unsigned int) MIN (plain_length, G_MAXUINT);

  ret = gnutls_pubkey_encrypt_data (key, 0, &plain_datum, &encrypted);

  /* The plain text holds the integration key. */
  gnutls_memset (plain, 0, plain_length);

  if (ret < 0)
    {
      /* The only likely cause: PKCS#1 v1.5 fits at most the key size minus
       * 11 bytes, 245 for a 2048-bit key. */
      g_debug ("Could not encrypt the request token: %s", gnutls_strerror (ret));
      g_propagate_error (error,
                         token_error_new (_ ("Could not encrypt the request token with the "
                                             "developer public key: the integration key may be "
                                             "too long for the key")));
      return NULL;
    }

  token = g_base64_encode (encrypted.data, encrypted.size);
  gnutls_free (encrypted.data);

  return token;
}
