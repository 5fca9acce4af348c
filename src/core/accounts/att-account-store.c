/* att-account-store.c: the GObject, adding, updating and removing
 * accounts, looking them up, and the active account of each service
 *
 * The list model and its sorting are in att-account-store-list.c, the key
 * file in att-account-store-file.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-account-store-private.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (AttAccountStore, att_account_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      att_account_store_list_model_init))

enum {
  PROP_0,
  PROP_PATH,
  PROP_SECRET_STORE,
  N_PROPS
};

enum {
  ACTIVE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* --- Active accounts -------------------------------------------------------- */

static gboolean
service_is_valid (AttService service)
{
  return service == ATT_SERVICE_HIGG || service == ATT_SERVICE_CLOSIENT;
}

/* Changes the active id of @service without checks; emits the signal. */
void
att_account_store_set_active_id (AttAccountStore *self,
                                 AttService       service,
                                 const char      *id)
{
  if (g_strcmp0 (self->active[service], id) == 0)
    return;

  g_free (self->active[service]);
  self->active[service] = g_strdup (id);

  g_debug ("Accounts: the active %s account is now %s",
           att_service_to_string (service), id != NULL ? id : "(none)");
  g_signal_emit (self, signals[ACTIVE_CHANGED], 0, service);
}

/* --- GObject ---------------------------------------------------------------- */

static void
att_account_store_constructed (GObject *object)
{
  AttAccountStore *self = ATT_ACCOUNT_STORE (object);

  G_OBJECT_CLASS (att_account_store_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = g_build_filename (g_get_user_config_dir (), "attest", "accounts.ini", NULL);

  if (self->secrets == NULL)
    self->secrets = att_secret_store_new ();
}

static void
att_account_store_dispose (GObject *object)
{
  AttAccountStore *self = ATT_ACCOUNT_STORE (object);

  /* Pending saves hold a reference on the store, so none is left here. */
  g_assert (self->save_waiting == NULL || self->save_waiting->len == 0);

  if (self->accounts != NULL)
    g_ptr_array_set_size (self->accounts, 0);

  G_OBJECT_CLASS (att_account_store_parent_class)->dispose (object);
}

static void
att_account_store_finalize (GObject *object)
{
  AttAccountStore *self = ATT_ACCOUNT_STORE (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->secrets);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  for (guint i = 0; i < N_SERVICES; i++)
    g_clear_pointer (&self->active[i], g_free);
  g_clear_pointer (&self->keyfile, g_key_file_unref);
  g_clear_pointer (&self->known_ids, g_hash_table_unref);
  g_clear_pointer (&self->save_waiting, g_ptr_array_unref);

  G_OBJECT_CLASS (att_account_store_parent_class)->finalize (object);
}

static void
att_account_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AttAccountStore *self = ATT_ACCOUNT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_SECRET_STORE:
      g_value_set_object (value, self->secrets);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_account_store_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AttAccountStore *self = ATT_ACCOUNT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_SECRET_STORE:
      self->secrets = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_account_store_class_init (AttAccountStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = att_account_store_constructed;
  object_class->dispose = att_account_store_dispose;
  object_class->finalize = att_account_store_finalize;
  object_class->get_property = att_account_store_get_property;
  object_class->set_property = att_account_store_set_property;

  /**
   * AttAccountStore:path:
   *
   * The key file the accounts are kept in.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SECRET_STORE] =
    g_param_spec_object ("secret-store", NULL, NULL,
                         ATT_TYPE_SECRET_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AttAccountStore::active-changed:
   * @self: the store
   * @service: the #AttService whose active account changed
   *
   * The active account of @service was set, unset, removed or edited:
   * whatever talks to that service should reload.
   */
  signals[ACTIVE_CHANGED] =
    g_signal_new ("active-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ATT_TYPE_SERVICE);
}

static void
att_account_store_init (AttAccountStore *self)
{
  self->accounts = g_ptr_array_new_with_free_func (att_account_store_account_unref);
  self->keyfile = g_key_file_new ();
  self->known_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->save_waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * att_account_store_new:
 * @path: (nullable): the key file; %NULL for `attest/accounts.ini` in the
 *   user's config dir
 * @secrets: (nullable): where the accounts' secrets live; %NULL for a new
 *   #AttSecretStore
 *
 * Creates an empty store; call att_account_store_load() to read the file.
 *
 * Returns: (transfer full): a new #AttAccountStore
 */
AttAccountStore *
att_account_store_new (const char     *path,
                       AttSecretStore *secrets)
{
  g_return_val_if_fail (secrets == NULL || ATT_IS_SECRET_STORE (secrets), NULL);

  return g_object_new (ATT_TYPE_ACCOUNT_STORE,
                       "path", path,
                       "secret-store", secrets,
                       NULL);
}

/**
 * att_account_store_get_path:
 * @self: an #AttAccountStore
 *
 * Returns: the path of the accounts file
 */
const char *
att_account_store_get_path (AttAccountStore *self)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT_STORE (self), NULL);

  return self->path;
}

/**
 * att_account_store_get_secret_store:
 * @self: an #AttAccountStore
 *
 * Returns: (transfer none): where the accounts' secrets live
 */
AttSecretStore *
att_account_store_get_secret_store (AttAccountStore *self)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT_STORE (self), NULL);

  return self->secrets;
}

/* --- Editing ---------------------------------------------------------------- */

/**
 * att_account_store_add:
 * @self: an #AttAccountStore
 * @account: a new account (its id must not be in the store yet)
 *
 * Adds @account at its sorted place.  Does not save, and does not make
 * it active.
 */
void
att_account_store_add (AttAccountStore *self,
                       AttAccount      *account)
{
  guint position;

  g_return_if_fail (ATT_IS_ACCOUNT_STORE (self));
  g_return_if_fail (ATT_IS_ACCOUNT (account));
  g_return_if_fail (att_account_store_find_index (self, att_account_get_id (account)) == G_MAXUINT);

  position = att_account_store_insert_sorted (self, account);
  g_debug ("Accounts: added %s account %s",
           att_service_to_string (att_account_get_service (account)),
           att_account_get_id (account));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/**
 * att_account_store_update:
 * @self: an #AttAccountStore
 * @account: an edited account, usually from att_account_copy()
 *
 * Replaces the account with the same id by @account.  If it is an
 * active account, "active-changed" is emitted, since its address or
 * keys may have changed.  Does not save.
 */
void
att_account_store_update (AttAccountStore *self,
                          AttAccount      *account)
{
  g_autoptr(AttAccount) old = NULL;
  const char *id;
  guint       old_position;
  guint       new_position;
  AttService  old_service;
  AttService  new_service;

  g_return_if_fail (ATT_IS_ACCOUNT_STORE (self));
  g_return_if_fail (ATT_IS_ACCOUNT (account));

  id = att_account_get_id (account);
  old_position = att_account_store_find_index (self, id);
  g_return_if_fail (old_position != G_MAXUINT);

  old = g_object_ref (g_ptr_array_index (self->accounts, old_position));
  if (old == account)
    return;

  g_ptr_array_remove_index (self->accounts, old_position);
  new_position = att_account_store_insert_sorted (self, account);

  if (old_position == new_position)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 1);
    }
  else
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
    }

  old_service = att_account_get_service (old);
  new_service = att_account_get_service (account);

  if (g_strcmp0 (self->active[old_service], id) == 0)
    {
      if (old_service != new_service)
        att_account_store_set_active_id (self, old_service, NULL);
      else
        g_signal_emit (self, signals[ACTIVE_CHANGED], 0, old_service);
    }
}

typedef struct
{
  char *id;
} RemoveData;

static void
remove_data_free (gpointer data)
{
  RemoveData *remove = data;

  g_free (remove->id);
  g_free (remove);
}

static void
remove_save_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!att_account_store_save_finish (ATT_ACCOUNT_STORE (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
remove_clear_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  AttAccountStore *self = g_task_get_source_object (task);
  RemoveData      *remove = g_task_get_task_data (task);
  GCancellable    *cancellable = g_task_get_cancellable (task);
  guint            position;

  /* If the keys could not be removed, the account stays: dropping it
   * would leave its keys in the keyring with nothing pointing at them. */
  if (!att_secret_store_clear_account_finish (ATT_SECRET_STORE (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  position = att_account_store_find_index (self, remove->id);
  if (position != G_MAXUINT)
    {
      AttService service = att_account_get_service (g_ptr_array_index (self->accounts, position));

      g_ptr_array_remove_index (self->accounts, position);
      g_debug ("Accounts: removed account %s", remove->id);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);

      if (g_strcmp0 (self->active[service], remove->id) == 0)
        att_account_store_set_active_id (self, service, NULL);
    }

  att_account_store_save_async (self,
                                cancellable,
                                remove_save_cb,
                                g_steal_pointer (&task));
}

/**
 * att_account_store_remove_async:
 * @self: an #AttAccountStore
 * @id: the id of the account to remove
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Removes an account: first all its secrets through the secret store,
 * then the account itself (from the list and as the active account),
 * then saves.  If the secrets cannot be removed (say, the keyring is
 * locked), the account stays and the error says why.
 */
void
att_account_store_remove_async (AttAccountStore    *self,
                                const char         *id,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  RemoveData *remove;

  g_return_if_fail (ATT_IS_ACCOUNT_STORE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_account_store_remove_async));

  if (att_account_store_find_index (self, id) == G_MAXUINT)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "%s", _ ("This account does not exist any more"));
      return;
    }

  remove = g_new0 (RemoveData, 1);
  remove->id = g_strdup (id);
  g_task_set_task_data (task, remove, remove_data_free);

  att_secret_store_clear_account_async (self->secrets, id, cancellable,
                                        remove_clear_cb, g_steal_pointer (&task));
}

gboolean
att_account_store_remove_finish (AttAccountStore *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_account_store_remove_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- Looking up ----------------------------------------------------------- */

/**
 * att_account_store_lookup:
 * @self: an #AttAccountStore
 * @id: (nullable): an account id
 *
 * Returns: (transfer none) (nullable): the account with @id
 */
AttAccount *
att_account_store_lookup (AttAccountStore *self,
                          const char      *id)
{
  guint position;

  g_return_val_if_fail (ATT_IS_ACCOUNT_STORE (self), NULL);

  if (id == NULL)
    return NULL;

  position = att_account_store_find_index (self, id);
  if (position == G_MAXUINT)
    return NULL;

  return g_ptr_array_index (self->accounts, position);
}

/**
 * att_account_store_get_active:
 * @self: an #AttAccountStore
 * @service: a service
 *
 * Returns: (transfer none) (nullable): the active account of @service
 */
AttAccount *
att_account_store_get_active (AttAccountStore *self,
                              AttService       service)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT_STORE (self), NULL);
  g_return_val_if_fail (service_is_valid (service), NULL);

  return att_account_store_lookup (self, self->active[service]);
}

/**
 * att_account_store_set_active:
 * @self: an #AttAccountStore
 * @service: a service
 * @id: (nullable): the id of an account of @service in the store, or
 *   %NULL for none
 *
 * Makes an account the active one of its service and emits
 * "active-changed" if that changed anything.  Does not save.
 */
void
att_account_store_set_active (AttAccountStore *self,
                              AttService       service,
                              const char      *id)
{
  g_return_if_fail (ATT_IS_ACCOUNT_STORE (self));
  g_return_if_fail (service_is_valid (service));

  if (id != NULL)
    {
      AttAccount *account = att_account_store_lookup (self, id);

      g_return_if_fail (account != NULL);
      g_return_if_fail (att_account_get_service (account) == service);
    }

  att_account_store_set_active_id (self, service, id);
}
