/* att-secret-store-keys.c: storing, looking up and clearing the keys of
 * an account in the Secret Service (or, in session-only mode, in memory
 * through att-secret-store.c), with the application's one schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "att-secret-store-private.h"

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

static gboolean
kind_is_valid (AttSecretKind kind)
{
  return kind == ATT_SECRET_HIGG_API_KEY ||
         kind == ATT_SECRET_HIGG_INTEGRATION_KEY ||
         kind == ATT_SECRET_CLOSIENT_API_KEY;
}

/* The label is what a user sees in Passwords and Keys (Seahorse). */
static char *
make_label (const char   *account_id,
            AttSecretKind kind)
{
  switch (kind)
    {
    case ATT_SECRET_HIGG_API_KEY:
      return g_strdup_printf (_ ("Attest: Higg API key (account %s)"), account_id);
    case ATT_SECRET_HIGG_INTEGRATION_KEY:
      return g_strdup_printf (_ ("Attest: Higg integration key (account %s)"), account_id);
    case ATT_SECRET_CLOSIENT_API_KEY:
      return g_strdup_printf (_ ("Attest: Closient API key (account %s)"), account_id);
    default:
      break;
    }

  g_return_val_if_reached (NULL);
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
    g_task_return_error (task, att_secret_store_translate_error (error, op->what));
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
att_secret_store_store_async (AttSecretStore     *self,
                              const char         *account_id,
                              AttSecretKind       kind,
                              const char         *secret,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;
  OpData          *op;

  g_return_if_fail (ATT_IS_SECRET_STORE (self));
  g_return_if_fail (account_id != NULL && *account_id != '\0');
  g_return_if_fail (kind_is_valid (kind));
  g_return_if_fail (secret != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_secret_store_store_async));

  g_debug ("Secret store: storing the %s of account %s%s",
           att_secret_kind_to_string (kind), account_id,
           att_secret_store_get_session_only (self) ? " (session only)" : "");

  if (att_secret_store_get_session_only (self))
    {
      if (g_task_return_error_if_cancelled (task))
        return;

      att_secret_store_session_store (self, account_id, kind, secret);
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* An empty key is no key: remove the item instead of keeping an
   * empty one that would look configured. */
  if (*secret == '\0')
    {
      op = op_data_new (account_id, kind, _ ("Could not remove the key from the keyring"));
      g_task_set_task_data (task, op, op_data_free);
      start_clear (g_steal_pointer (&task));
      return;
    }

  op = op_data_new (account_id, kind, _ ("Could not save the key in the keyring"));
  g_task_set_task_data (task, op, op_data_free);
  label = make_label (account_id, kind);
  secret_password_storev (get_schema (), op->attributes, SECRET_COLLECTION_DEFAULT, label, secret,
                          cancellable, store_cb, g_steal_pointer (&task));
}

gboolean
att_secret_store_store_finish (AttSecretStore *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (ATT_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_secret_store_store_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_search_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpData  *op = g_task_get_task_data (task);
  GList   *items;
  gboolean locked;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, att_secret_store_translate_error (error, op->what));
      return;
    }

  locked = any_locked (items);
  g_list_free_full (items, g_object_unref);

  if (locked)
    g_task_return_new_error (task, SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                             "%s: %s", op->what, _ ("The keyring is locked"));
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
  OpData       *op = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  char         *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, att_secret_store_translate_error (error, op->what));
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
att_secret_store_lookup_async (AttSecretStore     *self,
                               const char         *account_id,
                               AttSecretKind       kind,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  OpData *op;

  g_return_if_fail (ATT_IS_SECRET_STORE (self));
  g_return_if_fail (account_id != NULL && *account_id != '\0');
  g_return_if_fail (kind_is_valid (kind));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_secret_store_lookup_async));

  g_debug ("Secret store: looking up the %s of account %s%s",
           att_secret_kind_to_string (kind), account_id,
           att_secret_store_get_session_only (self) ? " (session only)" : "");

  if (att_secret_store_get_session_only (self))
    {
      char *secret;

      if (g_task_return_error_if_cancelled (task))
        return;

      secret = att_secret_store_session_lookup (self, account_id, kind);
      if (secret == NULL)
        g_task_return_pointer (task, NULL, NULL);
      else
        g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
      return;
    }

  op = op_data_new (account_id, kind, _ ("Could not read the key from the keyring"));
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
att_secret_store_lookup_finish (AttSecretStore *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (ATT_IS_SECRET_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_secret_store_lookup_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_search_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpData  *op = g_task_get_task_data (task);
  GList   *items;
  guint    remaining;
  gboolean locked;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, att_secret_store_translate_error (error, op->what));
      return;
    }

  remaining = g_list_length (items);
  locked = any_locked (items);
  g_list_free_full (items, g_object_unref);

  if (remaining == 0)
    g_task_return_boolean (task, TRUE);
  else if (locked)
    g_task_return_new_error (task, SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                             "%s: %s", op->what, _ ("The keyring is locked"));
  else
    g_task_return_new_error (task, SECRET_ERROR, SECRET_ERROR_PROTOCOL,
                             "%s: %s", op->what, _ ("The keyring did not remove every key"));
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpData       *op = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  /* FALSE without an error only means there was nothing to remove. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      g_task_return_error (task, att_secret_store_translate_error (error, op->what));
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
att_secret_store_clear_async (AttSecretStore     *self,
                              const char         *account_id,
                              AttSecretKind       kind,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_SECRET_STORE (self));
  g_return_if_fail (account_id != NULL && *account_id != '\0');
  g_return_if_fail (kind_is_valid (kind));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_secret_store_clear_async));

  g_debug ("Secret store: clearing the %s of account %s%s",
           att_secret_kind_to_string (kind), account_id,
           att_secret_store_get_session_only (self) ? " (session only)" : "");

  if (att_secret_store_get_session_only (self))
    {
      if (g_task_return_error_if_cancelled (task))
        return;

      att_secret_store_session_clear (self, account_id, kind);
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_task_set_task_data (task,
                        op_data_new (account_id, kind, _ ("Could not remove the key from the keyring")),
                        op_data_free);
  start_clear (g_steal_pointer (&task));
}

gboolean
att_secret_store_clear_finish (AttSecretStore *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (ATT_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_secret_store_clear_async), FALSE);

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
att_secret_store_clear_account_async (AttSecretStore     *self,
                                      const char         *account_id,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_SECRET_STORE (self));
  g_return_if_fail (account_id != NULL && *account_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_secret_store_clear_account_async));

  g_debug ("Secret store: clearing every key of account %s%s",
           account_id, att_secret_store_get_session_only (self) ? " (session only)" : "");

  if (att_secret_store_get_session_only (self))
    {
      if (g_task_return_error_if_cancelled (task))
        return;

      att_secret_store_session_clear_account (self, account_id);
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Matching on the account alone covers every kind. */
  g_task_set_task_data (task,
                        op_data_new (account_id, -1, _ ("Could not remove the account’s keys from the keyring")),
                        op_data_free);
  start_clear (g_steal_pointer (&task));
}

gboolean
att_secret_store_clear_account_finish (AttSecretStore *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  g_return_val_if_fail (ATT_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_secret_store_clear_account_async),
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
