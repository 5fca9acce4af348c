/* att-secret-store.c: the GObject, its enum types, and the keys kept in
 * memory in session-only mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsecret/secret.h>

#include "att-secret-store-private.h"

/* The API keys of every account go through this object, and only through
 * libsecret's asynchronous API: a Secret Service call may show an unlock
 * prompt and must never block the main loop.
 *
 * When there is no Secret Service, or the user keeps the keyring locked,
 * the user may choose to keep the keys for this session only.  Then they
 * live in libsecret's non-pageable memory (SecretValue) inside this
 * process and are wiped when cleared or when the store goes away.  There
 * is deliberately no fallback to a file of any kind.
 *
 * Nothing here ever logs or formats a secret: debug messages name the
 * account id and the kind of key, nothing more. */
struct _AttSecretStore
{
  GObject     parent_instance;

  gboolean    session_only;

  /* "<kind>:<account id>" -> SecretValue, used in session-only mode. */
  GHashTable *session_secrets;
};

G_DEFINE_FINAL_TYPE (AttSecretStore, att_secret_store, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (AttSecretKind, att_secret_kind,
                    G_DEFINE_ENUM_VALUE (ATT_SECRET_HIGG_API_KEY, "higg-api-key"),
                    G_DEFINE_ENUM_VALUE (ATT_SECRET_HIGG_INTEGRATION_KEY, "higg-integration-key"),
                    G_DEFINE_ENUM_VALUE (ATT_SECRET_CLOSIENT_API_KEY, "closient-api-key"))

G_DEFINE_ENUM_TYPE (AttSecretAvailability, att_secret_availability,
                    G_DEFINE_ENUM_VALUE (ATT_SECRET_AVAILABLE, "available"),
                    G_DEFINE_ENUM_VALUE (ATT_SECRET_UNAVAILABLE, "unavailable"),
                    G_DEFINE_ENUM_VALUE (ATT_SECRET_LOCKED, "locked"))

enum {
  PROP_0,
  PROP_SESSION_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * att_secret_kind_to_string:
 * @kind: an #AttSecretKind
 *
 * Returns: the value of the "kind" attribute of the keyring item
 */
const char *
att_secret_kind_to_string (AttSecretKind kind)
{
  switch (kind)
    {
    case ATT_SECRET_HIGG_API_KEY:
      return "higg-api-key";
    case ATT_SECRET_HIGG_INTEGRATION_KEY:
      return "higg-integration-key";
    case ATT_SECRET_CLOSIENT_API_KEY:
      return "closient-api-key";
    default:
      break;
    }

  g_return_val_if_reached (NULL);
}

/* --- Session-only memory ---------------------------------------------------- */

static void
session_value_free (gpointer data)
{
  SecretValue *value = data;
  gsize        length = 0;
  char        *bytes;

  /* We hold the only reference: wipe the key before libsecret's secure
   * memory takes the block back. */
  bytes = (char *) secret_value_get (value, &length);
  if (bytes != NULL && length > 0)
    memset (bytes, 0, length);

  secret_value_unref (value);
}

static char *
session_key (const char   *account_id,
             AttSecretKind kind)
{
  return g_strconcat (att_secret_kind_to_string (kind), ":", account_id, NULL);
}

static void
session_wipe (AttSecretStore *self)
{
  g_hash_table_remove_all (self->session_secrets);
}

void
att_secret_store_session_store (AttSecretStore *self,
                                const char     *account_id,
                                AttSecretKind   kind,
                                const char     *secret)
{
  g_autofree char *key = session_key (account_id, kind);

  if (*secret == '\0')
    g_hash_table_remove (self->session_secrets, key);
  else
    g_hash_table_replace (self->session_secrets,
                          g_steal_pointer (&key),
                          secret_value_new (secret, -1, "text/plain"));
}

/* Returns a copy to be freed with secret_password_free(), or NULL when
 * no key is kept. */
char *
att_secret_store_session_lookup (AttSecretStore *self,
                                 const char     *account_id,
                                 AttSecretKind   kind)
{
  g_autofree char *key = session_key (account_id, kind);
  SecretValue     *value;

  /* secret_value_unref_to_password() copies into libsecret's secure
   * memory (our reference is not the last), so the caller frees the
   * result with secret_password_free() as in keyring mode. */
  value = g_hash_table_lookup (self->session_secrets, key);
  if (value == NULL)
    return NULL;

  return secret_value_unref_to_password (secret_value_ref (value), NULL);
}

void
att_secret_store_session_clear (AttSecretStore *self,
                                const char     *account_id,
                                AttSecretKind   kind)
{
  g_autofree char *key = session_key (account_id, kind);

  g_hash_table_remove (self->session_secrets, key);
}

void
att_secret_store_session_clear_account (AttSecretStore *self,
                                        const char     *account_id)
{
  GHashTableIter iter;
  const char    *key;

  g_hash_table_iter_init (&iter, self->session_secrets);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    {
      const char *colon = strchr (key, ':');

      if (colon != NULL && g_str_equal (colon + 1, account_id))
        g_hash_table_iter_remove (&iter);
    }
}

/* --- GObject ---------------------------------------------------------------- */

static void
att_secret_store_finalize (GObject *object)
{
  AttSecretStore *self = ATT_SECRET_STORE (object);

  g_clear_pointer (&self->session_secrets, g_hash_table_unref);

  G_OBJECT_CLASS (att_secret_store_parent_class)->finalize (object);
}

static void
att_secret_store_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AttSecretStore *self = ATT_SECRET_STORE (object);

  switch (prop_id)
    {
    case PROP_SESSION_ONLY:
      g_value_set_boolean (value, self->session_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_secret_store_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AttSecretStore *self = ATT_SECRET_STORE (object);

  switch (prop_id)
    {
    case PROP_SESSION_ONLY:
      att_secret_store_set_session_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_secret_store_class_init (AttSecretStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_secret_store_finalize;
  object_class->get_property = att_secret_store_get_property;
  object_class->set_property = att_secret_store_set_property;

  /**
   * AttSecretStore:session-only:
   *
   * Whether secrets are kept in this process's memory only, never in the
   * Secret Service.  Turning it off wipes the secrets kept so far.
   */
  properties[PROP_SESSION_ONLY] =
    g_param_spec_boolean ("session-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_secret_store_init (AttSecretStore *self)
{
  self->session_secrets = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                 g_free, session_value_free);
}

/**
 * att_secret_store_new:
 *
 * Returns: (transfer full): a store that uses the Secret Service
 */
AttSecretStore *
att_secret_store_new (void)
{
  return g_object_new (ATT_TYPE_SECRET_STORE, NULL);
}

/**
 * att_secret_store_set_session_only:
 * @self: an #AttSecretStore
 * @session_only: whether to keep secrets in memory only
 *
 * Session-only mode is for when the user accepts that their keys are
 * forgotten when Attest quits (no or a locked keyring), and for the demo.
 * It never touches the Secret Service.  Leaving it wipes the keys held
 * in memory: they were never meant to outlive the session.
 */
void
att_secret_store_set_session_only (AttSecretStore *self,
                                   gboolean        session_only)
{
  g_return_if_fail (ATT_IS_SECRET_STORE (self));

  session_only = !!session_only;
  if (self->session_only == session_only)
    return;

  self->session_only = session_only;
  if (!session_only)
    session_wipe (self);

  g_debug ("Secret store: session-only mode %s", session_only ? "on" : "off");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ONLY]);
}

gboolean
att_secret_store_get_session_only (AttSecretStore *self)
{
  g_return_val_if_fail (ATT_IS_SECRET_STORE (self), FALSE);

  return self->session_only;
}
