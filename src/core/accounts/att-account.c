/* att-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-account.h"
#include "att-error.h"

/* An account is what a user connects Attest to: a service, a name they
 * chose, and where the service lives.  It deliberately holds nothing
 * secret: API keys belong to AttSecretStore, keyed by the account's id,
 * so an AttAccount can be copied, logged and written to disk freely.
 * The Higg developer public key is public by nature and lives here. */
struct _AttAccount
{
  GObject    parent_instance;

  char      *id;
  AttService service;
  char      *display_name;
  char      *base_url;
  char      *public_key_pem;
};

G_DEFINE_FINAL_TYPE (AttAccount, att_account, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (AttService, att_service,
                    G_DEFINE_ENUM_VALUE (ATT_SERVICE_HIGG, "higg"),
                    G_DEFINE_ENUM_VALUE (ATT_SERVICE_CLOSIENT, "closient"))

enum {
  PROP_0,
  PROP_ID,
  PROP_SERVICE,
  PROP_DISPLAY_NAME,
  PROP_BASE_URL,
  PROP_PUBLIC_KEY_PEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- AttService ---------------------------------------------------------- */

/**
 * att_service_to_string:
 * @service: an #AttService
 *
 * Returns: the stable, untranslated name of @service ("higg" or
 *   "closient"), as used in the accounts file
 */
const char *
att_service_to_string (AttService service)
{
  switch (service)
    {
    case ATT_SERVICE_HIGG:
      return "higg";
    case ATT_SERVICE_CLOSIENT:
      return "closient";
    default:
      break;
    }

  g_return_val_if_reached (NULL);
}

/**
 * att_service_from_string:
 * @str: (nullable): "higg" or "closient" (case does not matter)
 * @service: (out) (optional): where to store the result
 *
 * Returns: %TRUE if @str names a service
 */
gboolean
att_service_from_string (const char *str,
                         AttService *service)
{
  AttService result;

  if (str == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (str, "higg") == 0)
    result = ATT_SERVICE_HIGG;
  else if (g_ascii_strcasecmp (str, "closient") == 0)
    result = ATT_SERVICE_CLOSIENT;
  else
    return FALSE;

  if (service != NULL)
    *service = result;

  return TRUE;
}

/**
 * att_service_get_default_base_url:
 * @service: an #AttService
 *
 * Returns: the production address of @service
 */
const char *
att_service_get_default_base_url (AttService service)
{
  switch (service)
    {
    case ATT_SERVICE_HIGG:
      return "https://api-v2.production.higg.org";
    case ATT_SERVICE_CLOSIENT:
      return "https://www.closient.com";
    default:
      break;
    }

  g_return_val_if_reached (NULL);
}

/* --- Base URL checks ------------------------------------------------------ */

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0 ||
      g_ascii_strcasecmp (host, "localhost.") == 0)
    return TRUE;

  /* GUri hands out IPv6 literals without their brackets, so "::1" parses
   * here; 127.0.0.0/8 is loopback as a whole, not only 127.0.0.1. */
  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * att_account_check_base_url:
 * @url: (nullable): what the user typed as a service address
 * @error: return location for a #GError
 *
 * Checks that @url is an absolute `https://` URL with a host, or an
 * `http://` URL to a loopback address (127.0.0.0/8, ::1, localhost),
 * where the sandbox runs.  Plain `http://` anywhere else would send API
 * keys over the network unencrypted, so it is refused with
 * %ATT_API_ERROR_INSECURE.  A malformed address, another scheme, or one
 * with a user name or password in it gives %G_IO_ERROR_INVALID_ARGUMENT.
 * The messages are translated and meant for the user.
 *
 * Returns: %TRUE if Attest may use @url as a base URL
 */
gboolean
att_account_check_base_url (const char *url,
                            GError    **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (url == NULL || *url == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("Enter the address of the service"));
      return FALSE;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("This is not a valid address: it should look like "
                              "https://api.example.com"));
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  if (g_ascii_strcasecmp (scheme, "https") != 0 &&
      g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("Addresses starting with “%s:” are not supported: "
                      "use an https:// address"),
                   scheme);
      return FALSE;
    }

  if (host == NULL || *host == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("The address has no server name"));
      return FALSE;
    }

  /* Credentials belong in the keyring, never in an address that is
   * written to the accounts file and shown on screen. */
  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("The address must not contain a user name or password"));
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "http") == 0 && !host_is_loopback (host))
    {
      g_set_error_literal (error, ATT_API_ERROR, ATT_API_ERROR_INSECURE,
                           _ ("Plain http:// addresses would send your API keys "
                              "unencrypted: use an https:// address"));
      return FALSE;
    }

  return TRUE;
}

/* --- AttAccount ----------------------------------------------------------- */

/* g_set_str() is GLib 2.76; this is the same for 2.74. */
static gboolean
set_str (char      **str_pointer,
         const char *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

static void
att_account_constructed (GObject *object)
{
  AttAccount *self = ATT_ACCOUNT (object);

  G_OBJECT_CLASS (att_account_parent_class)->constructed (object);

  /* A fresh account gets a random id; a loaded or copied one keeps its
   * own, because the keyring items are found by it. */
  if (self->id == NULL || *self->id == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }

  if (self->display_name == NULL)
    self->display_name = g_strdup ("");

  if (self->base_url == NULL)
    self->base_url = g_strdup (att_service_get_default_base_url (self->service));
}

static void
att_account_finalize (GObject *object)
{
  AttAccount *self = ATT_ACCOUNT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->public_key_pem, g_free);

  G_OBJECT_CLASS (att_account_parent_class)->finalize (object);
}

static void
att_account_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AttAccount *self = ATT_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_SERVICE:
      g_value_set_enum (value, self->service);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_PUBLIC_KEY_PEM:
      g_value_set_string (value, self->public_key_pem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_account_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AttAccount *self = ATT_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_SERVICE:
      self->service = g_value_get_enum (value);
      break;

    case PROP_DISPLAY_NAME:
      att_account_set_display_name (self, g_value_get_string (value));
      break;

    case PROP_BASE_URL:
      att_account_set_base_url (self, g_value_get_string (value));
      break;

    case PROP_PUBLIC_KEY_PEM:
      att_account_set_public_key_pem (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_account_class_init (AttAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = att_account_constructed;
  object_class->finalize = att_account_finalize;
  object_class->get_property = att_account_get_property;
  object_class->set_property = att_account_set_property;

  /**
   * AttAccount:id:
   *
   * A stable identifier (a UUID for new accounts), the key of the
   * account's secrets in the keyring.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SERVICE] =
    g_param_spec_enum ("service", NULL, NULL,
                       ATT_TYPE_SERVICE,
                       ATT_SERVICE_HIGG,
                       (G_PARAM_READWRITE |
                        G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * AttAccount:base-url:
   *
   * Where the service lives.  Not checked when set, so that an edited
   * value can be shown as typed; see att_account_check_base_url().
   */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * AttAccount:public-key-pem:
   *
   * The Higg developer public key, as PEM text.  Not a secret.
   */
  properties[PROP_PUBLIC_KEY_PEM] =
    g_param_spec_string ("public-key-pem", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_account_init (AttAccount *self)
{
}

/**
 * att_account_new:
 * @service: the service the account belongs to
 * @display_name: (nullable): the name the user gave it
 * @base_url: (nullable): where the service lives; %NULL for its default
 *
 * Returns: (transfer full): a new account with a fresh id
 */
AttAccount *
att_account_new (AttService  service,
                 const char *display_name,
                 const char *base_url)
{
  return g_object_new (ATT_TYPE_ACCOUNT,
                       "service", service,
                       "display-name", display_name,
                       "base-url", base_url,
                       NULL);
}

/**
 * att_account_copy:
 * @self: an #AttAccount
 *
 * Makes a draft for editing: a separate object with the same id, so that
 * att_account_store_update() can replace the original when the user
 * confirms, and nothing changes when they cancel.
 *
 * Returns: (transfer full): a copy of @self
 */
AttAccount *
att_account_copy (AttAccount *self)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT (self), NULL);

  return g_object_new (ATT_TYPE_ACCOUNT,
                       "id", self->id,
                       "service", self->service,
                       "display-name", self->display_name,
                       "base-url", self->base_url,
                       "public-key-pem", self->public_key_pem,
                       NULL);
}

const char *
att_account_get_id (AttAccount *self)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT (self), NULL);

  return self->id;
}

AttService
att_account_get_service (AttAccount *self)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT (self), ATT_SERVICE_HIGG);

  return self->service;
}

const char *
att_account_get_display_name (AttAccount *self)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT (self), NULL);

  return self->display_name;
}

const char *
att_account_get_base_url (AttAccount *self)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT (self), NULL);

  return self->base_url;
}

/**
 * att_account_get_public_key_pem:
 * @self: an #AttAccount
 *
 * Returns: (nullable): the Higg developer public key, or %NULL if none
 */
const char *
att_account_get_public_key_pem (AttAccount *self)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT (self), NULL);

  return self->public_key_pem;
}

void
att_account_set_display_name (AttAccount *self,
                              const char *display_name)
{
  g_return_if_fail (ATT_IS_ACCOUNT (self));

  if (display_name == NULL)
    display_name = "";

  if (set_str (&self->display_name, display_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

/**
 * att_account_set_base_url:
 * @self: an #AttAccount
 * @base_url: (nullable): the new address; %NULL for the service's default
 */
void
att_account_set_base_url (AttAccount *self,
                          const char *base_url)
{
  g_return_if_fail (ATT_IS_ACCOUNT (self));

  if (base_url == NULL)
    base_url = att_service_get_default_base_url (self->service);

  if (set_str (&self->base_url, base_url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
}

/**
 * att_account_set_public_key_pem:
 * @self: an #AttAccount
 * @public_key_pem: (nullable): PEM text, or %NULL (or "") for none
 */
void
att_account_set_public_key_pem (AttAccount *self,
                                const char *public_key_pem)
{
  g_return_if_fail (ATT_IS_ACCOUNT (self));

  if (public_key_pem != NULL && *public_key_pem == '\0')
    public_key_pem = NULL;

  if (set_str (&self->public_key_pem, public_key_pem))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLIC_KEY_PEM]);
}
