/* att-secret-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "att-secret-store.h"

/* ISO C does not allow a function pointer as a gpointer directly. */
#define SOURCE_TAG(f) ((gpointer) (guintptr) (f))

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

/* One schema for the whole application.  The schema name is also stored
 * by the Secret Service as the "xdg:schema" attribute, which keeps our
 * items apart from other applications' items with an "account" attribute. */
static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    .name = "io.github.attestapp.Attest.ApiKey",
    .flags = SECRET_SCHEMA_NONE,
    .attributes = {
      { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

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

static gboolean
kind_is_valid (AttSecretKind kind)
{
  return kind == ATT_SECRET_HIGG_API_KEY ||
         kind == ATT_SECRET_HIGG_INTEGRATION_KEY ||
         kind == ATT_SECRET_CLOSIENT_API_KEY;
}

/* The label is what a user sees in Passwords and Keys (Seahorse). */
static char *
make_label (const char    *account_id,
            AttSecretKind  kind)
{
  switch (kind)
    {
    case ATT_SECRET_HIGG_API_KEY:
      return g_strdup_printf (_("Attest: Higg API key (account %s)"), account_id);
    case ATT_SECRET_HIGG_INTEGRATION_KEY:
      return g_strdup_printf (_("Attest: Higg integration key (account %s)"), account_id);
    case ATT_SECRET_CLOSIENT_API_KEY:
      return g_strdup_printf (_("Attest: Closient API key (account %s)"), account_id);
    default:
      break;
    }

  g_return_val_if_reached (NULL);
}

/* --- Errors --------------------------------------------------------------- */

static gboolean
error_means_unavailable (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;

  /* No session bus at all (no address, cannot autolaunch) comes as a
   * G_IO_ERROR from g_bus_get(); a bus without the service as one of
   * these D-Bus errors. */
  if (error->domain == G_IO_ERROR)
    return TRUE;

  if (error->domain == G_DBUS_ERROR)
    {
      switch (error->code)
        {
        case G_DBUS_ERROR_SERVICE_UNKNOWN:
        case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
        case G_DBUS_ERROR_NO_SERVER:
        case G_DBUS_ERROR_DISCONNECTED:
        case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
        case G_DBUS_ERROR_SPAWN_FORK_FAILED:
        case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
        case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
        case G_DBUS_ERROR_SPAWN_FAILED:
        case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_PERMISSIONS_INVALID:
        case G_DBUS_ERROR_SPAWN_FILE_INVALID:
        case G_DBUS_ERROR_SPAWN_NO_MEMORY:
        case G_DBUS_ERROR_UNKNOWN_METHOD:
        case G_DBUS_ERROR_UNKNOWN_OBJECT:
        case G_DBUS_ERROR_UNKNOWN_INTERFACE:
          return TRUE;
        default:
          break;
        }
    }

  return FALSE;
}

/* Turns what libsecret or D-Bus said into a message for the user, with
 * stable codes callers can match:
 *   - no Secret Service: G_DBUS_ERROR_SERVICE_UNKNOWN;
 *   - locked keyring: SECRET_ERROR_IS_LOCKED;
 *   - no default keyring: SECRET_ERROR_NO_SUCH_OBJECT;
 *   - cancelled (also a dismissed prompt): G_IO_ERROR_CANCELLED, untouched.
 * libsecret never puts a secret into its errors, and neither does this:
 * @what only names the operation. */
static GError *
translate_error (const GError *error,
                 const char   *what)
{
  g_autofree char *detail = NULL;

  g_assert (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error_means_unavailable (error))
    return g_error_new (G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN,
                        "%s: %s", what, _("No keyring service is running"));

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return g_error_new (SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                        "%s: %s", what, _("The keyring is locked"));

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT))
    return g_error_new (SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT,
                        "%s: %s", what, _("There is no default keyring"));

  /* Anything else keeps its code and the service's own words, without
   * the D-Bus error name in front. */
  detail = g_strdup (error->message);
  if (error->domain == G_DBUS_ERROR)
    {
      GError *stripped = g_error_copy (error);

      g_dbus_error_strip_remote_error (stripped);
      g_free (detail);
      detail = g_strdup (stripped->message);
      g_error_free (stripped);
    }

  return g_error_new (error->domain, error->code, "%s: %s", what, detail);
}

/* --- Session-only memory ---------------------------------------------------- */

static void
session_value_free (gpointer data)
{
  SecretValue *value = data;
  gsize length = 0;
  char *bytes;

  /* We hold the only reference: wipe the key before libsecret's secure
   * memory takes the block back. */
  bytes = (char *) secret_value_get (value, &length);
  if (bytes != NULL && length > 0)
    memset (bytes, 0, length);

  secret_value_unref (value);
}

static char *
session_key (const char    *account_id,
             AttSecretKind  kind)
{
  return g_strconcat (att_secret_kind_to_string (kind), ":", account_id, NULL);
}

static void
session_wipe (AttSecretStore *self)
{
  g_hash_table_remove_all (self->session_secrets);
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

/* --- Checking for a usable keyring -------------------------------------- */

static void
check_return (GTask                 *task,
              AttSecretAvailability  availability)
{
  g_debug ("Secret store: the keyring is %s",
           availability == ATT_SECRET_AVAILABLE ? "available" :
           availability == ATT_SECRET_LOCKED ? "locked" : "unavailable");
  g_task_return_int (task, availability);
}

/* After a failed prompt: our own cancellation is reported as such,
 * anything else (no prompter without a display, a dismissed prompt)
 * means the keyring stayed locked. */
static void
check_return_locked (GTask        *task,
                     const GError *error)
{
  if (g_task_return_error_if_cancelled (task))
    return;

  if (error != NULL)
    g_debug ("Secret store: could not unlock the keyring: %s", error->message);

  check_return (task, ATT_SECRET_LOCKED);
}

typedef struct
{
  SecretService    *service;
  SecretCollection *collection;
} CheckData;

static void
check_data_free (gpointer data)
{
  CheckData *check = data;

  g_clear_object (&check->service);
  g_clear_object (&check->collection);
  g_free (check);
}

static void
check_unlock_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  CheckData *check = g_task_get_task_data (task);
  const char *path = g_dbus_proxy_get_object_path (G_DBUS_PROXY (check->collection));
  GList *unlocked = NULL;
  gboolean ok = FALSE;

  secret_service_unlock_finish (SECRET_SERVICE (object), result, &unlocked, &error);

  /* The collection's "Locked" property may not have caught up yet, so
   * trust the list of what the service says it unlocked. */
  for (GList *l = unlocked; l != NULL; l = l->next)
    {
      if (G_IS_DBUS_PROXY (l->data) &&
          g_strcmp0 (g_dbus_proxy_get_object_path (l->data), path) == 0)
        ok = TRUE;
    }
  g_list_free_full (unlocked, g_object_unref);

  if (ok)
    check_return (task, ATT_SECRET_AVAILABLE);
  else
    check_return_locked (task, error);
}

static void
check_create_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretCollection) collection = NULL;

  collection = secret_collection_create_finish (result, &error);

  if (collection != NULL && !secret_collection_get_locked (collection))
    check_return (task, ATT_SECRET_AVAILABLE);
  else
    check_return_locked (task, error);
}

static void
check_alias_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) objects = NULL;
  CheckData *check = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  check->collection = secret_collection_for_alias_finish (result, &error);

  if (error != NULL)
    {
      if (error_means_unavailable (error))
        {
          g_debug ("Secret store: cannot read the default collection: %s", error->message);
          check_return (task, ATT_SECRET_UNAVAILABLE);
        }
      else
        {
          g_task_return_error (task, translate_error (error, _("Could not open the keyring")));
        }
      return;
    }

  /* No default keyring yet: creating one is what storing a key would do
   * anyway, and the Secret Service asks the user for its password. */
  if (check->collection == NULL)
    {
      g_debug ("Secret store: no default collection, asking to create one");
      secret_collection_create (check->service,
                                _("Default keyring"),
                                SECRET_COLLECTION_DEFAULT,
                                SECRET_COLLECTION_CREATE_NONE,
                                cancellable,
                                check_create_cb,
                                g_steal_pointer (&task));
      return;
    }

  if (!secret_collection_get_locked (check->collection))
    {
      check_return (task, ATT_SECRET_AVAILABLE);
      return;
    }

  /* Locked: the Secret Service may show an unlock prompt. */
  objects = g_list_append (NULL, check->collection);
  secret_service_unlock (check->service, objects, cancellable, check_unlock_cb,
                         g_steal_pointer (&task));
}

static void
check_service_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  CheckData *check = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  check->service = secret_service_get_finish (result, &error);
  if (check->service == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      g_debug ("Secret store: no Secret Service: %s", error->message);
      check_return (task, ATT_SECRET_UNAVAILABLE);
      return;
    }

  secret_collection_for_alias (check->service,
                               SECRET_COLLECTION_DEFAULT,
                               SECRET_COLLECTION_NONE,
                               cancellable,
                               check_alias_cb,
                               g_steal_pointer (&task));
}

/**
 * att_secret_store_check_async:
 * @self: an #AttSecretStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the check is done
 * @user_data: data for @callback
 *
 * Finds out whether keys can be kept in the Secret Service: whether it
 * runs, and whether its default collection is unlocked or can be
 * unlocked.  Unlocking (or creating a missing default collection) may
 * show a prompt of the Secret Service.  In session-only mode the answer
 * is always %ATT_SECRET_AVAILABLE without a D-Bus call.
 */
void
att_secret_store_check_async (AttSecretStore      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_SECRET_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, SOURCE_TAG (att_secret_store_check_async));

  if (self->session_only)
    {
      g_task_return_int (task, ATT_SECRET_AVAILABLE);
      return;
    }

  g_task_set_task_data (task, g_new0 (CheckData, 1), check_data_free);
  secret_service_get (SECRET_SERVICE_OPEN_SESSION,
                      cancellable,
                      check_service_cb,
                      g_steal_pointer (&task));
}

/**
 * att_secret_store_check_finish:
 * @self: an #AttSecretStore
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether the keyring can be used.  On error (cancellation, or
 *   an unexpected answer of the Secret Service), %ATT_SECRET_UNAVAILABLE
 *   and @error is set.
 */
AttSecretAvailability
att_secret_store_check_finish (AttSecretStore  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  gssize ret;

  g_return_val_if_fail (ATT_IS_SECRET_STORE (self), ATT_SECRET_UNAVAILABLE);
  g_return_val_if_fail (g_task_is_valid (result, self), ATT_SECRET_UNAVAILABLE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == SOURCE_TAG (att_secret_store_check_async),
                        ATT_SECRET_UNAVAILABLE);

  ret = g_task_propagate_int (G_TASK (result), error);
  if (ret < 0)
    return ATT_SECRET_UNAVAILABLE;

  return (AttSecretAvailability) ret;
}

/* --- Store, lookup, clear ----------------------------------------------- */

/* What an operation on the Secret Service works on: the attributes of
 * the items, and how to introduce an error message. */
typedef struct
{
  GHashTable *attributes;
  const char *what;
} OpData;

static void
op_data_free (gpointer data)
{
  OpData *op = data;

  g_clear_pointer (&op->attributes, g_hash_table_unref);
  g_free (op);
}

/* @kind < 0: every kind, for clearing a whole account. */
static OpData *
op_data_new (const char *account_id,
             int         kind,
             const char *what)
{
  OpData *op = g_new0 (OpData, 1);

  op->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (op->attributes, g_strdup ("account"), g_strdup (account_id));
  if (kind >= 0)
    g_hash_table_insert (op->attributes, g_strdup ("kind"),
                         g_strdup (att_secret_kind_to_string (kind)));
  op->what = what;

  return op;
}

/* Whether any of @items (SecretItem) is locked. */
static gboolean
any_locked (GList *items)
{
  for (GList *l = items; l != NULL; l = l->next)
    {
      if (secret_item_get_locked (l->data))
        return TRUE;
    }

  return FALSE;
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpData *op = g_task_get_task_data (task);

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, translate_error (error, op->what));
  else
    g_task_return_boolean (task, TRUE);
}

static void start_clear (GTask *task);

/**
 * att_secret_store_store_async:
 * @self: an #AttSecretStore
 * @account_id: the id of the account the key belongs to
 * @kind: which key it is
 * @secret: the key; an empty string clears it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the key is stored
 * @user_data: data for @callback
 *
 * Stores @secret for @account_id, replacing an older key of the same
 * kind.  @secret is copied at once; the caller may wipe its copy.
 * Writing to a locked keyring may show an unlock prompt; if it stays
 * locked, the error is %SECRET_ERROR_IS_LOCKED.
 */
void
att_secret_store_store_async (AttSecretStore      *self,
                              const char          *account_id,
                              AttSecretKind        kind,
                              const char          *secret,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;
  OpData *op;

  g_return_if_fail (ATT_IS_SECRET_STORE (self));
  g_return_if_fail (account_id != NULL && *account_id != '\0');
  g_return_if_fail (kind_is_valid (kind));
  g_return_if_fail (secret != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, SOURCE_TAG (att_secret_store_store_async));

  g_debug ("Secret store: storing the %s of account %s%s",
           att_secret_kind_to_string (kind), account_id,
           self->session_only ? " (session only)" : "");

  if (self->session_only)
    {
      g_autofree char *key = session_key (account_id, kind);

      if (g_task_return_error_if_cancelled (task))
        return;

      if (*secret == '\0')
        g_hash_table_remove (self->session_secrets, key);
      else
        g_hash_table_replace (self->session_secrets,
                              g_steal_pointer (&key),
                              secret_value_new (secret, -1, "text/plain"));

      g_task_return_boolean (task, TRUE);
      return;
    }

  /* An empty key is no key: remove the item instead of keeping an
   * empty one that would look configured. */
  if (*secret == '\0')
    {
      op = op_data_new (account_id, kind, _("Could not remove the key from the keyring"));
      g_task_set_task_data (task, op, op_data_free);
      start_clear (g_steal_pointer (&task));
      return;
    }

  op = op_data_new (account_id, kind, _("Could not save the key in the keyring"));
  g_task_set_task_data (task, op, op_data_free);
  label = make_label (account_id, kind);
  secret_password_storev (get_schema (), op->attributes, SECRET_COLLECTION_DEFAULT, label, secret,
                          cancellable, store_cb, g_steal_pointer (&task));
}

gboolean
att_secret_store_store_finish (AttSecretStore  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (ATT_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == SOURCE_TAG (att_secret_store_store_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_search_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpData *op = g_task_get_task_data (task);
  GList *items;
  gboolean locked;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error, op->what));
      return;
    }

  locked = any_locked (items);
  g_list_free_full (items, g_object_unref);

  if (locked)
    g_task_return_new_error (task, SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                             "%s: %s", op->what, _("The keyring is locked"));
  else
    g_task_return_pointer (task, NULL, NULL);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpData *op = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  char *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error, op->what));
      return;
    }

  if (secret != NULL)
    {
      g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
      return;
    }

  /* libsecret answers "nothing" both when there is no key and when the
   * key sits in a keyring that stayed locked.  The user must hear about
   * the second: find out without unlocking (or reading) anything. */
  secret_password_searchv (get_schema (), op->attributes, SECRET_SEARCH_ALL,
                           cancellable, lookup_search_cb, g_steal_pointer (&task));
}

/**
 * att_secret_store_lookup_async:
 * @self: an #AttSecretStore
 * @account_id: the id of the account
 * @kind: which key to look up
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Looks up a key.  Reading a locked keyring may show an unlock prompt;
 * if the key is there but the keyring stays locked, the error is
 * %SECRET_ERROR_IS_LOCKED.
 */
void
att_secret_store_lookup_async (AttSecretStore      *self,
                               const char          *account_id,
                               AttSecretKind        kind,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpData *op;

  g_return_if_fail (ATT_IS_SECRET_STORE (self));
  g_return_if_fail (account_id != NULL && *account_id != '\0');
  g_return_if_fail (kind_is_valid (kind));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, SOURCE_TAG (att_secret_store_lookup_async));

  g_debug ("Secret store: looking up the %s of account %s%s",
           att_secret_kind_to_string (kind), account_id,
           self->session_only ? " (session only)" : "");

  if (self->session_only)
    {
      g_autofree char *key = session_key (account_id, kind);
      SecretValue *value;

      if (g_task_return_error_if_cancelled (task))
        return;

      /* secret_value_unref_to_password() copies into libsecret's secure
       * memory (our reference is not the last), so the caller frees the
       * result with secret_password_free() as in keyring mode. */
      value = g_hash_table_lookup (self->session_secrets, key);
      if (value == NULL)
        g_task_return_pointer (task, NULL, NULL);
      else
        g_task_return_pointer (task,
                               secret_value_unref_to_password (secret_value_ref (value), NULL),
                               (GDestroyNotify) secret_password_free);
      return;
    }

  op = op_data_new (account_id, kind, _("Could not read the key from the keyring"));
  g_task_set_task_data (task, op, op_data_free);
  secret_password_lookupv (get_schema (), op->attributes, cancellable,
                           lookup_cb, g_steal_pointer (&task));
}

/**
 * att_secret_store_lookup_finish:
 * @self: an #AttSecretStore
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the key, to be freed with
 *   secret_password_free(); %NULL without @error set when no key is stored
 */
char *
att_secret_store_lookup_finish (AttSecretStore  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (ATT_IS_SECRET_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == SOURCE_TAG (att_secret_store_lookup_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_search_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpData *op = g_task_get_task_data (task);
  GList *items;
  guint remaining;
  gboolean locked;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error, op->what));
      return;
    }

  remaining = g_list_length (items);
  locked = any_locked (items);
  g_list_free_full (items, g_object_unref);

  if (remaining == 0)
    g_task_return_boolean (task, TRUE);
  else if (locked)
    g_task_return_new_error (task, SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                             "%s: %s", op->what, _("The keyring is locked"));
  else
    g_task_return_new_error (task, SECRET_ERROR, SECRET_ERROR_PROTOCOL,
                             "%s: %s", op->what, _("The keyring did not remove every key"));
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpData *op = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  /* FALSE without an error only means there was nothing to remove. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      g_task_return_error (task, translate_error (error, op->what));
      return;
    }

  /* libsecret only removes what is unlocked and says nothing about the
   * rest.  "Removed" must mean gone, so look for anything left. */
  secret_password_searchv (get_schema (), op->attributes, SECRET_SEARCH_ALL,
                           cancellable, clear_search_cb, g_steal_pointer (&task));
}

/* Takes the task, whose task data is an OpData. */
static void
start_clear (GTask *task)
{
  OpData *op = g_task_get_task_data (task);

  secret_password_clearv (get_schema (), op->attributes, g_task_get_cancellable (task),
                          clear_cb, task);
}

/**
 * att_secret_store_clear_async:
 * @self: an #AttSecretStore
 * @account_id: the id of the account
 * @kind: which key to remove
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Removes one key.  Removing a key that is not there is not an error; a
 * key left behind in a locked keyring is (%SECRET_ERROR_IS_LOCKED).
 */
void
att_secret_store_clear_async (AttSecretStore      *self,
                              const char          *account_id,
                              AttSecretKind        kind,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_SECRET_STORE (self));
  g_return_if_fail (account_id != NULL && *account_id != '\0');
  g_return_if_fail (kind_is_valid (kind));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, SOURCE_TAG (att_secret_store_clear_async));

  g_debug ("Secret store: clearing the %s of account %s%s",
           att_secret_kind_to_string (kind), account_id,
           self->session_only ? " (session only)" : "");

  if (self->session_only)
    {
      g_autofree char *key = session_key (account_id, kind);

      if (g_task_return_error_if_cancelled (task))
        return;

      g_hash_table_remove (self->session_secrets, key);
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_task_set_task_data (task,
                        op_data_new (account_id, kind, _("Could not remove the key from the keyring")),
                        op_data_free);
  start_clear (g_steal_pointer (&task));
}

gboolean
att_secret_store_clear_finish (AttSecretStore  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (ATT_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == SOURCE_TAG (att_secret_store_clear_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * att_secret_store_clear_account_async:
 * @self: an #AttSecretStore
 * @account_id: the id of the account
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Removes every key of @account_id, of every kind (also kinds a later
 * version of Attest may add).  If a key is left behind because the
 * keyring stayed locked, the error is %SECRET_ERROR_IS_LOCKED.
 *
 * In session-only mode this forgets the keys held in memory and does not
 * touch the Secret Service.
 */
void
att_secret_store_clear_account_async (AttSecretStore      *self,
                                      const char          *account_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_SECRET_STORE (self));
  g_return_if_fail (account_id != NULL && *account_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, SOURCE_TAG (att_secret_store_clear_account_async));

  g_debug ("Secret store: clearing every key of account %s%s",
           account_id, self->session_only ? " (session only)" : "");

  if (self->session_only)
    {
      GHashTableIter iter;
      const char *key;

      if (g_task_return_error_if_cancelled (task))
        return;

      g_hash_table_iter_init (&iter, self->session_secrets);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
        {
          const char *colon = strchr (key, ':');

          if (colon != NULL && g_str_equal (colon + 1, account_id))
            g_hash_table_iter_remove (&iter);
        }

      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Matching on the account alone covers every kind. */
  g_task_set_task_data (task,
                        op_data_new (account_id, -1, _("Could not remove the account’s keys from the keyring")),
                        op_data_free);
  start_clear (g_steal_pointer (&task));
}

gboolean
att_secret_store_clear_account_finish (AttSecretStore  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (ATT_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == SOURCE_TAG (att_secret_store_clear_account_async),
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
