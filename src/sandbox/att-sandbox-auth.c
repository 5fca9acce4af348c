/* att-sandbox-auth.c: the sandbox's Higg credentials and their check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/x509.h>

#include "att-sandbox-auth.h"

/*
 * The sandbox checks Higg credentials the way the Worldly authentication
 * guide describes them: `x-api-key` is the developer account's API key, and
 * `x-developer-request-token` is base64 of "<integration key>&<UTC ISO-8601
 * time>" encrypted with the developer public key (RSA PKCS#1 v1.5), valid
 * for 12 hours.  The sandbox plays Higg's part: it holds the private key
 * that goes with the public key it hands out.
 *
 * The key pair is made on first use and kept in the data directory, so a
 * public key configured in the app stays valid across restarts; the API key
 * and the integration key are random for every instance and live in memory
 * only, because the demo account is configured from them on each start.
 */

#define RSA_BITS               2048
#define TOKEN_LIFETIME_SECONDS (12 * 60 * 60)
#define CLOCK_SKEW_SECONDS     (5 * 60)
#define RANDOM_KEY_BYTES       16

/* Longer than any token for a 4096-bit key; anything longer is refused
 * before it is decoded. */
#define MAX_TOKEN_LENGTH 1024

struct _AttSandboxAuth
{
  GObject          parent_instance;

  gnutls_privkey_t private_key;
  char            *public_key_pem;
  char            *api_key;
  char            *integration_key;
};

G_DEFINE_FINAL_TYPE (AttSandboxAuth, att_sandbox_auth, G_TYPE_OBJECT)

typedef struct gnutls_x509_privkey_int AttX509Privkey;
typedef struct gnutls_privkey_st       AttPrivkey;
typedef struct gnutls_pubkey_st        AttPubkey;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttX509Privkey, gnutls_x509_privkey_deinit)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttPrivkey, gnutls_privkey_deinit)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttPubkey, gnutls_pubkey_deinit)

/* Key material ------------------------------------------------------------ */

static void
wipe_string (char **string)
{
  if (*string != NULL)
    {
      gnutls_memset (*string, 0, strlen (*string));
      g_clear_pointer (string, g_free);
    }
}

static gboolean
set_gnutls_error (GError    **error,
                  int         ret,
                  const char *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", what, gnutls_strerror (ret));
  return FALSE;
}

static char *
random_key (const char *prefix)
{
  guint8   bytes[RANDOM_KEY_BYTES];
  GString *key = g_string_new (prefix);

  if (gnutls_rnd (GNUTLS_RND_KEY, bytes, sizeof bytes) < 0)
    {
      /* Only for a sandbox: a weaker source is better than no key. */
      for (gsize i = 0; i < sizeof bytes; i++)
        bytes[i] = (guint8) g_random_int_range (0, 256);
    }

  for (gsize i = 0; i < sizeof bytes; i++)
    g_string_append_printf (key, "%02x", bytes[i]);
  gnutls_memset (bytes, 0, sizeof bytes);

  return g_string_free (key, FALSE);
}

static char *
datum_to_string (gnutls_datum_t *datum)
{
  char *string = g_strndup ((const char *) datum->data, datum->size);

  gnutls_memset (datum->data, 0, datum->size);
  gnutls_free (datum->data);
  datum->data = NULL;
  datum->size = 0;
  return string;
}

static AttX509Privkey *
generate_private_key (GError **error)
{
  g_autoptr(AttX509Privkey) key = NULL;
  int ret;

  if ((ret = gnutls_x509_privkey_init (&key)) < 0 ||
      (ret = gnutls_x509_privkey_generate (key, GNUTLS_PK_RSA, RSA_BITS, 0)) < 0)
    {
      set_gnutls_error (error, ret, "Could not make the sandbox's key pair");
      return NULL;
    }

  return g_steal_pointer (&key);
}

static AttX509Privkey *
import_private_key (const char *pem,
                    gsize       length,
                    const char *path,
                    GError    **error)
{
  g_autoptr(AttX509Privkey) key = NULL;
  gnutls_datum_t datum = { (unsigned char *) pem, (unsigned int) length };
  int            ret;

  if ((ret = gnutls_x509_privkey_init (&key)) < 0 ||
      (ret = gnutls_x509_privkey_import2 (key, &datum, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN)) < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s is not a PEM private key (%s); remove it to make a new key pair",
                   path, gnutls_strerror (ret));
      return NULL;
    }

  if (gnutls_x509_privkey_get_pk_algorithm (key) != GNUTLS_PK_RSA)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s is not an RSA key; remove it to make a new key pair", path);
      return NULL;
    }

  return g_steal_pointer (&key);
}

/* Writes the private key (0600) and the public key into @data_dir. */
static gboolean
save_key_pair (AttX509Privkey *key,
               const char     *public_key_pem,
               const char     *data_dir,
               GError        **error)
{
  g_autofree char *private_path = g_build_filename (data_dir, ATT_SANDBOX_AUTH_PRIVATE_KEY_FILE, NULL);
  g_autofree char *public_path = g_build_filename (data_dir, ATT_SANDBOX_AUTH_PUBLIC_KEY_FILE, NULL);
  g_autofree char *private_pem = NULL;
  gnutls_datum_t   datum = { NULL, 0 };
  gboolean         ok;
  int              ret;

  ret = gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN, &datum);
  if (ret < 0)
    return set_gnutls_error (error, ret, "Could not export the sandbox's private key");
  private_pem = datum_to_string (&datum);

  /* Written whole and renamed into place, so that a sandbox started at the
   * same moment never reads half a key. */
  ok = g_file_set_contents_full (private_path, private_pem, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error) &&
       g_file_set_contents_full (public_path, public_key_pem, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
  gnutls_memset (private_pem, 0, strlen (private_pem));

  return ok;
}

static gboolean
load_key_pair (AttSandboxAuth *self,
               const char     *data_dir,
               GError        **error)
{
  g_autoptr(AttX509Privkey) x509_key = NULL;
  g_autoptr(AttPrivkey) private_key = NULL;
  g_autoptr(AttPubkey) public_key = NULL;
  g_autofree char *path = NULL;
  gnutls_datum_t   datum = { NULL, 0 };
  gboolean         created = FALSE;
  int              ret;

  if (data_dir != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *pem = NULL;
      gsize            length = 0;

      if (g_mkdir_with_parents (data_dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "Could not create %s: %s", data_dir, g_strerror (saved_errno));
          return FALSE;
        }

      path = g_build_filename (data_dir, ATT_SANDBOX_AUTH_PRIVATE_KEY_FILE, NULL);
      if (g_file_get_contents (path, &pem, &length, &local_error))
        {
          x509_key = import_private_key (pem, length, path, error);
          gnutls_memset (pem, 0, length);
          if (x509_key == NULL)
            return FALSE;
        }
      else if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (x509_key == NULL)
    {
      gint64 start = g_get_monotonic_time ();

      x509_key = generate_private_key (error);
      if (x509_key == NULL)
        return FALSE;
      created = TRUE;
      g_debug ("Made an RSA-%d key pair in %.1f ms", RSA_BITS,
               (g_get_monotonic_time () - start) / 1000.0);
    }

  if ((ret = gnutls_privkey_init (&private_key)) < 0 ||
      (ret = gnutls_privkey_import_x509 (private_key, x509_key, GNUTLS_PRIVKEY_IMPORT_COPY)) < 0 ||
      (ret = gnutls_pubkey_init (&public_key)) < 0 ||
      (ret = gnutls_pubkey_import_privkey (public_key, private_key, 0, 0)) < 0 ||
      (ret = gnutls_pubkey_export2 (public_key, GNUTLS_X509_FMT_PEM, &datum)) < 0)
    return set_gnutls_error (error, ret, "Could not read the sandbox's key pair");

  self->public_key_pem = datum_to_string (&datum);

  if (created && data_dir != NULL &&
      !save_key_pair (x509_key, self->public_key_pem, data_dir, error))
    return FALSE;

  self->private_key = g_steal_pointer (&private_key);
  return TRUE;
}

/* Checking requests ------------------------------------------------------- */

/* Compares without stopping at the first difference, so that the time
 * taken says nothing about how much of a guess was right. */
static gboolean
secret_equal (const char *a,
              const char *b)
{
  gsize  length_a = strlen (a);
  gsize  length_b = strlen (b);
  guint8 difference = length_a != length_b;

  for (gsize i = 0; i < length_a; i++)
    difference |= (guint8) a[i] ^ (guint8) b[i % MAX (length_b, 1)];

  return difference == 0;
}

/* Decrypts @token; returns the plain text or %NULL. */
static char *
decrypt_token (AttSandboxAuth *self,
               const char     *token)
{
  g_autofree guchar *encrypted = NULL;
  gnutls_datum_t     cipher;
  gnutls_datum_t     plain = { NULL, 0 };
  gsize              length = 0;
  char              *text;

  if (strlen (token) > MAX_TOKEN_LENGTH)
    return NULL;

  /* g_base64_decode() skips what is not base64; a token with anything but
   * the alphabet is invalid, as it would be for a strict server. */
  for (const char *p = token; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
        return NULL;
    }

  encrypted = g_base64_decode (token, &length);
  if (length == 0)
    return NULL;

  cipher.data = encrypted;
  cipher.size = (unsigned int) length;
  if (gnutls_privkey_decrypt_data (self->private_key, 0, &cipher, &plain) < 0)
    return NULL;

  text = g_strndup ((const char *) plain.data, plain.size);
  gnutls_memset (plain.data, 0, plain.size);
  gnutls_free (plain.data);

  /* A NUL inside the plain text would hide what follows it. */
  if (strlen (text) != plain.size || !g_utf8_validate (text, -1, NULL))
    {
      wipe_string (&text);
      return NULL;
    }

  return text;
}

static AttSandboxAuthResult
refuse (AttSandboxAuthResult result,
        char               **out_message,
        const char          *message)
{
  if (out_message != NULL)
    *out_message = g_strdup (message);
  return result;
}

/**
 * att_sandbox_auth_check:
 * @headers: the request headers
 * @now: the server's time
 * @out_message: (out) (optional): on refusal, what the 401 body says
 *
 * Returns: %ATT_SANDBOX_AUTH_OK, or which credential is wrong
 */
AttSandboxAuthResult
att_sandbox_auth_check (AttSandboxAuth     *self,
                        SoupMessageHeaders *headers,
                        GDateTime          *now,
                        char              **out_message)
{
  const char      *api_key;
  const char      *token;
  g_autofree char *plain = NULL;
  g_autoptr(GDateTime) issued = NULL;
  const char *separator;
  GTimeSpan   age;
  gboolean    key_ok;

  g_return_val_if_fail (ATT_IS_SANDBOX_AUTH (self), ATT_SANDBOX_AUTH_API_KEY);
  g_return_val_if_fail (headers != NULL, ATT_SANDBOX_AUTH_API_KEY);
  g_return_val_if_fail (now != NULL, ATT_SANDBOX_AUTH_API_KEY);

  api_key = soup_message_headers_get_one (headers, "x-api-key");
  if (api_key == NULL || *api_key == '\0')
    return refuse (ATT_SANDBOX_AUTH_API_KEY, out_message,
                   _ ("Unauthorized: the x-api-key header is missing. Send the API key of your "
                      "developer account (Profile › Account Settings › Integrations)."));
  if (!secret_equal (api_key, self->api_key))
    return refuse (ATT_SANDBOX_AUTH_API_KEY, out_message,
                   _ ("Unauthorized: the API key in x-api-key is not valid."));

  token = soup_message_headers_get_one (headers, "x-developer-request-token");
  if (token == NULL || *token == '\0')
    return refuse (ATT_SANDBOX_AUTH_TOKEN, out_message,
                   _ ("Unauthorized: the x-developer-request-token header is missing. Generate a "
                      "request token from your integration key and the developer public key."));

  plain = decrypt_token (self, token);
  if (plain == NULL)
    return refuse (ATT_SANDBOX_AUTH_TOKEN, out_message,
                   _ ("Unauthorized: the request token is invalid: it does not decrypt with the "
                      "developer key pair. Regenerate it with the developer public key."));

  /* The key part may itself hold "&": the timestamp follows the last one. */
  separator = strrchr (plain, '&');
  if (separator == NULL)
    {
      wipe_string (&plain);
      return refuse (ATT_SANDBOX_AUTH_TOKEN, out_message,
                     _ ("Unauthorized: the request token is invalid: it must be the integration "
                        "key, “&” and a UTC timestamp. Regenerate it."));
    }

  plain[separator - plain] = '\0';
  key_ok = secret_equal (plain, self->integration_key);
  issued = g_date_time_new_from_iso8601 (separator + 1, NULL);
  wipe_string (&plain);

  if (!key_ok)
    return refuse (ATT_SANDBOX_AUTH_TOKEN, out_message,
                   _ ("Unauthorized: the request token is invalid: it was not made with the "
                      "integration key of this account. Regenerate it."));

  if (issued == NULL)
    return refuse (ATT_SANDBOX_AUTH_TOKEN, out_message,
                   _ ("Unauthorized: the request token is invalid: its timestamp is not a UTC "
                      "ISO-8601 time such as 2025-10-09T22:14:00Z. Regenerate it."));

  age = g_date_time_difference (now, issued);
  if (age >= (GTimeSpan) TOKEN_LIFETIME_SECONDS * G_TIME_SPAN_SECOND)
    return refuse (ATT_SANDBOX_AUTH_TOKEN_EXPIRED, out_message,
                   _ ("Unauthorized: the request token has expired. Tokens expire every 12 hours: "
                      "regenerate it with a fresh timestamp."));
  if (age < -(GTimeSpan) CLOCK_SKEW_SECONDS * G_TIME_SPAN_SECOND)
    return refuse (ATT_SANDBOX_AUTH_TOKEN_EXPIRED, out_message,
                   _ ("Unauthorized: the request token is dated in the future. Check the clock "
                      "and regenerate it with the current UTC time."));

  return ATT_SANDBOX_AUTH_OK;
}

/**
 * att_sandbox_auth_result_to_reason:
 *
 * Returns: (nullable): the `reason` of a 401 body for @result
 */
const char *
att_sandbox_auth_result_to_reason (AttSandboxAuthResult result)
{
  switch (result)
    {
    case ATT_SANDBOX_AUTH_OK:
      return NULL;
    case ATT_SANDBOX_AUTH_API_KEY:
      return "api-key";
    case ATT_SANDBOX_AUTH_TOKEN:
      return "token";
    case ATT_SANDBOX_AUTH_TOKEN_EXPIRED:
      return "token-expired";
    default:
      g_return_val_if_reached ("token");
    }
}

/* GObject ----------------------------------------------------------------- */

static void
att_sandbox_auth_finalize (GObject *object)
{
  AttSandboxAuth *self = (AttSandboxAuth *) object;

  g_clear_pointer (&self->private_key, gnutls_privkey_deinit);
  g_clear_pointer (&self->public_key_pem, g_free);
  wipe_string (&self->api_key);
  wipe_string (&self->integration_key);

  G_OBJECT_CLASS (att_sandbox_auth_parent_class)->finalize (object);
}

static void
att_sandbox_auth_class_init (AttSandboxAuthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_sandbox_auth_finalize;
}

static void
att_sandbox_auth_init (AttSandboxAuth *self)
{
  self->api_key = random_key ("sandbox-api-key-");
  self->integration_key = random_key ("sandbox-integration-key-");
}

/**
 * att_sandbox_auth_new:
 * @data_dir: (nullable): where the key pair is kept (made on first use), or
 *   %NULL for a key pair in memory only
 *
 * Returns: (transfer full): the sandbox's credentials, with a random API
 *   key and integration key, or %NULL on error
 */
AttSandboxAuth *
att_sandbox_auth_new (const char *data_dir,
                      GError    **error)
{
  g_autoptr(AttSandboxAuth) self = g_object_new (ATT_TYPE_SANDBOX_AUTH, NULL);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_key_pair (self, data_dir, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
att_sandbox_auth_get_api_key (AttSandboxAuth *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_AUTH (self), NULL);

  return self->api_key;
}

const char *
att_sandbox_auth_get_integration_key (AttSandboxAuth *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_AUTH (self), NULL);

  return self->integration_key;
}

const char *
att_sandbox_auth_get_public_key_pem (AttSandboxAuth *self)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_AUTH (self), NULL);

  return self->public_key_pem;
}

/**
 * att_sandbox_auth_set_credentials:
 * @api_key: the API key to accept
 * @integration_key: the integration key the tokens must hold
 *
 * Replaces the random credentials, for tests that need known values.
 */
void
att_sandbox_auth_set_credentials (AttSandboxAuth *self,
                                  const char     *api_key,
                                  const char     *integration_key)
{
  char *new_api_key;
  char *new_integration_key;

  g_return_if_fail (ATT_IS_SANDBOX_AUTH (self));
  g_return_if_fail (api_key != NULL && *api_key != '\0');
  g_return_if_fail (integration_key != NULL && *integration_key != '\0');

  /* Copied before the old values are wiped: the caller may pass them. */
  new_api_key = g_strdup (api_key);
  new_integration_key = g_strdup (integration_key);
  wipe_string (&self->api_key);
  wipe_string (&self->integration_key);
  self->api_key = new_api_key;
  self->integration_key = new_integration_key;
}
