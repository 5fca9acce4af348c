/* att-account-store-file.c: loading and saving the accounts key file,
 * keeping what this version does not understand, moving an unreadable
 * file aside, and serializing saves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "att-account-store-private.h"

/* The accounts a user connected Attest to, as a sorted GListModel, kept
 * in a key file under the XDG config dir:
 *
 *   [Account 0f7c…]
 *   Service=higg
 *   DisplayName=Production
 *   BaseUrl=https://api-v2.production.higg.org
 *   PublicKey=-----BEGIN PUBLIC KEY-----\nMIIB…
 *
 *   [Active]
 *   Higg=0f7c…
 *   Closient=…
 *
 * The file never holds a secret: API keys go to the AttSecretStore, keyed
 * by the account id.  Groups and keys this version does not understand
 * (a newer Attest, a hand edit) are kept as they are when saving, and a
 * file that cannot be read is moved aside rather than overwritten, so
 * nothing the user had is lost. */

#define ACCOUNT_GROUP_PREFIX "Account "
#define ACTIVE_GROUP         "Active"
#define KEY_SERVICE          "Service"
#define KEY_DISPLAY_NAME     "DisplayName"
#define KEY_BASE_URL         "BaseUrl"
#define KEY_PUBLIC_KEY       "PublicKey"

/* --- Loading ---------------------------------------------------------------- */

/* Reads one "Account <id>" group; NULL (and a debug message) when it
 * does not describe an account this version understands.  Such a group
 * is still kept in the file. */
static AttAccount *
account_from_group (GKeyFile   *keyfile,
                    const char *group)
{
  const char      *id = group + strlen (ACCOUNT_GROUP_PREFIX);
  g_autofree char *service_str = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *public_key = NULL;
  AttService       service;

  if (*id == '\0')
    return NULL;

  service_str = g_key_file_get_string (keyfile, group, KEY_SERVICE, NULL);
  if (!att_service_from_string (service_str, &service))
    {
      g_debug ("Accounts: skipping [%s]: unknown service", group);
      return NULL;
    }

  display_name = g_key_file_get_string (keyfile, group, KEY_DISPLAY_NAME, NULL);
  base_url = g_key_file_get_string (keyfile, group, KEY_BASE_URL, NULL);
  public_key = g_key_file_get_string (keyfile, group, KEY_PUBLIC_KEY, NULL);

  if (base_url != NULL && *base_url == '\0')
    g_clear_pointer (&base_url, g_free);

  return g_object_new (ATT_TYPE_ACCOUNT,
                       "id", id,
                       "service", service,
                       "display-name", display_name,
                       "base-url", base_url,
                       "public-key-pem", public_key,
                       NULL);
}

/**
 * att_account_store_load:
 * @self: an #AttAccountStore
 * @error: return location for a #GError
 *
 * Reads the accounts file, replacing the accounts in the store.  A
 * missing file is an empty list.  A file that cannot be read or parsed
 * gives an error with a message for the user, leaves the store as it
 * was, and is never overwritten: the next save moves it aside first
 * (to `accounts.ini.broken-<time>`), so the user can still recover it.
 *
 * Returns: %TRUE if the file was read (or did not exist)
 */
gboolean
att_account_store_load (AttAccountStore *self,
                        GError         **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  char *active[N_SERVICES] = { NULL };
  guint old_len;

  g_return_val_if_fail (ATT_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_key_file_load_from_file (keyfile, self->path, G_KEY_FILE_KEEP_COMMENTS, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_debug ("Accounts: no file at %s yet", self->path);
          g_clear_error (&local_error);
        }
      else
        {
          g_autofree char *display = g_filename_display_name (self->path);

          self->load_failed = TRUE;
          g_set_error (error, local_error->domain, local_error->code,
                       _ ("Could not read the accounts file “%s”: %s"),
                       display, local_error->message);
          return FALSE;
        }
    }

  loaded = g_ptr_array_new_with_free_func (g_object_unref);
  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      AttAccount *account;

      if (!g_str_has_prefix (groups[i], ACCOUNT_GROUP_PREFIX))
        continue;

      account = account_from_group (keyfile, groups[i]);
      if (account != NULL)
        g_ptr_array_add (loaded, account);
    }

  for (guint s = 0; s < N_SERVICES; s++)
    {
      const char      *key = s == ATT_SERVICE_HIGG ? "Higg" : "Closient";
      g_autofree char *id = g_key_file_get_string (keyfile, ACTIVE_GROUP, key, NULL);

      /* Only an account of the right service can be active. */
      for (guint i = 0; id != NULL && i < loaded->len; i++)
        {
          AttAccount *account = g_ptr_array_index (loaded, i);

          if (g_str_equal (att_account_get_id (account), id) &&
              att_account_get_service (account) == (AttService) s)
            active[s] = g_strdup (id);
        }
    }

  /* Everything was read: now replace the store's state at once. */
  g_key_file_unref (self->keyfile);
  self->keyfile = g_steal_pointer (&keyfile);
  self->load_failed = FALSE;

  g_hash_table_remove_all (self->known_ids);
  old_len = self->accounts->len;
  g_ptr_array_set_size (self->accounts, 0);
  for (guint i = 0; i < loaded->len; i++)
    {
      AttAccount *account = g_ptr_array_index (loaded, i);

      if (att_account_store_find_index (self, att_account_get_id (account)) != G_MAXUINT)
        continue;

      att_account_store_insert_sorted (self, account);
      g_hash_table_add (self->known_ids, g_strdup (att_account_get_id (account)));
    }

  g_debug ("Accounts: loaded %u from %s", self->accounts->len, self->path);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->accounts->len);

  for (guint s = 0; s < N_SERVICES; s++)
    att_account_store_set_active_id (self, s, active[s]);

  for (guint s = 0; s < N_SERVICES; s++)
    g_free (active[s]);

  return TRUE;
}

/* --- Saving ---------------------------------------------------------------- */

static void
update_keyfile (AttAccountStore *self)
{
  GKeyFile *keyfile = self->keyfile;
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);
  g_autofree char *comment = g_key_file_get_comment (keyfile, NULL, NULL, NULL);

  if (comment == NULL || *comment == '\0')
    g_key_file_set_comment (keyfile, NULL, NULL,
                            " Attest accounts. API keys are kept in the keyring, never here.",
                            NULL);

  /* Removed accounts lose their group; groups we did not understand stay. */
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *id;

      if (!g_str_has_prefix (groups[i], ACCOUNT_GROUP_PREFIX))
        continue;

      id = groups[i] + strlen (ACCOUNT_GROUP_PREFIX);
      if (g_hash_table_contains (self->known_ids, id) && att_account_store_find_index (self, id) == G_MAXUINT)
        g_key_file_remove_group (keyfile, groups[i], NULL);
    }

  g_hash_table_remove_all (self->known_ids);
  for (guint i = 0; i < self->accounts->len; i++)
    {
      AttAccount      *account = g_ptr_array_index (self->accounts, i);
      const char      *public_key = att_account_get_public_key_pem (account);
      g_autofree char *group = g_strconcat (ACCOUNT_GROUP_PREFIX, att_account_get_id (account), NULL);

      g_key_file_set_string (keyfile, group, KEY_SERVICE,
                             att_service_to_string (att_account_get_service (account)));
      g_key_file_set_string (keyfile, group, KEY_DISPLAY_NAME,
                             att_account_get_display_name (account));
      g_key_file_set_string (keyfile, group, KEY_BASE_URL,
                             att_account_get_base_url (account));
      if (public_key != NULL)
        g_key_file_set_string (keyfile, group, KEY_PUBLIC_KEY, public_key);
      else
        g_key_file_remove_key (keyfile, group, KEY_PUBLIC_KEY, NULL);

      g_hash_table_add (self->known_ids, g_strdup (att_account_get_id (account)));
    }

  for (guint s = 0; s < N_SERVICES; s++)
    {
      const char *key = s == ATT_SERVICE_HIGG ? "Higg" : "Closient";

      if (self->active[s] != NULL)
        g_key_file_set_string (keyfile, ACTIVE_GROUP, key, self->active[s]);
      else
        g_key_file_remove_key (keyfile, ACTIVE_GROUP, key, NULL);
    }
}

/* A file we could not read may be the user's only copy of their account
 * list: keep it under a new name instead of writing over it. */
static gboolean
move_broken_file_aside (AttAccountStore *self,
                        GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *backup = NULL;
  int              saved_errno;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    return TRUE;

  for (guint n = 0; backup == NULL || g_file_test (backup, G_FILE_TEST_EXISTS); n++)
    {
      g_free (backup);
      if (n == 0)
        backup = g_strdup_printf ("%s.broken-%s", self->path, stamp);
      else
        backup = g_strdup_printf ("%s.broken-%s-%u", self->path, stamp, n);
    }

  if (g_rename (self->path, backup) == 0)
    {
      g_message ("Accounts: the unreadable accounts file was kept as %s", backup);
      return TRUE;
    }

  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _ ("Could not keep the unreadable accounts file: %s"),
               g_strerror (saved_errno));
  return FALSE;
}

static void start_save (AttAccountStore *self);

static void
finish_batch (AttAccountStore *self,
              GPtrArray       *batch,
              const GError    *error)
{
  for (guint i = 0; i < batch->len; i++)
    {
      GTask *task = g_ptr_array_index (batch, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }

  self->save_in_flight = FALSE;
  if (self->save_waiting->len > 0)
    start_save (self);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GPtrArray) batch = user_data;
  g_autoptr(AttAccountStore) self = g_object_ref (g_task_get_source_object (g_ptr_array_index (batch, 0)));
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          error = g_steal_pointer (&local_error);
        }
      else
        {
          g_autofree char *display = g_filename_display_name (self->path);

          error = g_error_new (local_error->domain, local_error->code,
                               _ ("Could not save the accounts file “%s”: %s"),
                               display, local_error->message);
        }
    }
  else
    {
      GStatBuf buf;

      /* G_FILE_CREATE_PRIVATE gives a new file 0600, but a replaced file
       * keeps the mode it had. */
      if (g_stat (self->path, &buf) == 0 && (buf.st_mode & 0077) != 0)
        g_chmod (self->path, 0600);

      g_debug ("Accounts: saved %u to %s", self->accounts->len, self->path);
    }

  finish_batch (self, batch, error);
}

/* Writes the current state for every waiting task. */
static void
start_save (AttAccountStore *self)
{
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = NULL;
  GCancellable    *cancellable = NULL;
  char            *data;
  gsize            length;

  g_assert (!self->save_in_flight);
  g_assert (self->save_waiting->len > 0);

  batch = g_steal_pointer (&self->save_waiting);
  self->save_waiting = g_ptr_array_new_with_free_func (g_object_unref);
  self->save_in_flight = TRUE;

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int              saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      error = g_error_new (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           _ ("Could not create the folder “%s”: %s"),
                           display, g_strerror (saved_errno));
      finish_batch (self, batch, error);
      return;
    }

  if (self->load_failed)
    {
      if (!move_broken_file_aside (self, &error))
        {
          finish_batch (self, batch, error);
          return;
        }
      self->load_failed = FALSE;
    }

  update_keyfile (self);
  data = g_key_file_to_data (self->keyfile, &length, NULL);
  bytes = g_bytes_new_take (data, length);
  file = g_file_new_for_path (self->path);

  /* A lone save can be cancelled; a batch serves several callers, and
   * one of them giving up must not stop the write for the others. */
  if (batch->len == 1)
    cancellable = g_task_get_cancellable (g_ptr_array_index (batch, 0));

  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE,
                                       cancellable,
                                       save_cb,
                                       g_steal_pointer (&batch));
}

/**
 * att_account_store_save_async:
 * @self: an #AttAccountStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the accounts file atomically (a temporary file renamed over the
 * old one), creating its folder with mode 0700; the file gets mode 0600.
 * Saves are queued: a save started while another is being written waits
 * and then writes the state of that moment.
 */
void
att_account_store_save_async (AttAccountStore    *self,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  GTask *task;

  g_return_if_fail (ATT_IS_ACCOUNT_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_account_store_save_async));
  g_ptr_array_add (self->save_waiting, task);

  if (!self->save_in_flight)
    start_save (self);
}

gboolean
att_account_store_save_finish (AttAccountStore *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_account_store_save_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
