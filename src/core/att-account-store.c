/* att-account-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "att-account-store.h"

/* ISO C does not allow a function pointer as a gpointer directly. */
#define SOURCE_TAG(f) ((gpointer) (guintptr) (f))

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

#define N_SERVICES 2

struct _AttAccountStore
{
  GObject         parent_instance;

  char           *path;
  AttSecretStore *secrets;

  /* AttAccount, sorted by service, then display name. */
  GPtrArray      *accounts;
  char           *active[N_SERVICES];

  /* The file as last read or written, to keep what we do not know. */
  GKeyFile       *keyfile;
  /* Ids of the account groups in @keyfile that this store wrote or
   * understood; only those are removed when their account goes. */
  GHashTable     *known_ids;
  /* The file on disk could not be read: move it aside before writing. */
  gboolean        load_failed;

  /* Saves are serialized, so that an older snapshot never lands after a
   * newer one: one batch of tasks is being written, others wait. */
  gboolean        save_in_flight;
  GPtrArray      *save_waiting;
};

static void att_account_store_list_model_init (GListModelInterface *iface);

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
static guint signals[N_SIGNALS];

/* --- GListModel ------------------------------------------------------------- */

static GType
att_account_store_get_item_type (GListModel *model)
{
  return ATT_TYPE_ACCOUNT;
}

static guint
att_account_store_get_n_items (GListModel *model)
{
  return ATT_ACCOUNT_STORE (model)->accounts->len;
}

static gpointer
att_account_store_get_item (GListModel *model,
                            guint       position)
{
  AttAccountStore *self = ATT_ACCOUNT_STORE (model);

  if (position >= self->accounts->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->accounts, position));
}

static void
att_account_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = att_account_store_get_item_type;
  iface->get_n_items = att_account_store_get_n_items;
  iface->get_item = att_account_store_get_item;
}

/* --- Keeping the list sorted ---------------------------------------------- */

static int
compare_accounts (AttAccount *a,
                  AttAccount *b)
{
  AttService service_a = att_account_get_service (a);
  AttService service_b = att_account_get_service (b);
  g_autofree char *folded_a = NULL;
  g_autofree char *folded_b = NULL;
  int cmp;

  if (service_a != service_b)
    return service_a < service_b ? -1 : 1;

  /* Case does not matter to the user, whatever the locale says. */
  folded_a = g_utf8_casefold (att_account_get_display_name (a), -1);
  folded_b = g_utf8_casefold (att_account_get_display_name (b), -1);
  cmp = g_utf8_collate (folded_a, folded_b);
  if (cmp == 0)
    cmp = g_utf8_collate (att_account_get_display_name (a),
                          att_account_get_display_name (b));
  if (cmp != 0)
    return cmp;

  /* Equal names still get a stable order. */
  return strcmp (att_account_get_id (a), att_account_get_id (b));
}

static guint
find_index (AttAccountStore *self,
            const char      *id)
{
  for (guint i = 0; i < self->accounts->len; i++)
    {
      AttAccount *account = g_ptr_array_index (self->accounts, i);

      if (g_strcmp0 (att_account_get_id (account), id) == 0)
        return i;
    }

  return G_MAXUINT;
}

static guint
sorted_position (AttAccountStore *self,
                 AttAccount      *account)
{
  guint i;

  for (i = 0; i < self->accounts->len; i++)
    {
      if (compare_accounts (account, g_ptr_array_index (self->accounts, i)) < 0)
        break;
    }

  return i;
}

static void
on_display_name_changed (AttAccount      *account,
                         GParamSpec      *pspec,
                         AttAccountStore *self)
{
  guint old_position = find_index (self, att_account_get_id (account));
  guint new_position;

  g_assert (old_position != G_MAXUINT);

  /* A renamed account moves to its new place in the sorted list; the
   * array's reference moves with it. */
  g_ptr_array_steal_index (self->accounts, old_position);
  new_position = sorted_position (self, account);
  g_ptr_array_insert (self->accounts, new_position, account);

  if (new_position != old_position)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
    }
}

static void
account_unref (gpointer data)
{
  g_signal_handlers_disconnect_matched (data, G_SIGNAL_MATCH_FUNC,
                                        0, 0, NULL,
                                        (gpointer) (guintptr) on_display_name_changed, NULL);
  g_object_unref (data);
}

/* Takes a reference; does not emit items-changed. */
static guint
insert_sorted (AttAccountStore *self,
               AttAccount      *account)
{
  guint position = sorted_position (self, account);

  g_ptr_array_insert (self->accounts, position, g_object_ref (account));
  g_signal_connect_object (account, "notify::display-name",
                           G_CALLBACK (on_display_name_changed), self, 0);

  return position;
}

/* --- Active accounts -------------------------------------------------------- */

static gboolean
service_is_valid (AttService service)
{
  return service == ATT_SERVICE_HIGG || service == ATT_SERVICE_CLOSIENT;
}

/* Changes the active id of @service without checks; emits the signal. */
static void
set_active_id (AttAccountStore *self,
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
  self->accounts = g_ptr_array_new_with_free_func (account_unref);
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

/* --- Loading ---------------------------------------------------------------- */

/* Reads one "Account <id>" group; NULL (and a debug message) when it
 * does not describe an account this version understands.  Such a group
 * is still kept in the file. */
static AttAccount *
account_from_group (GKeyFile   *keyfile,
                    const char *group)
{
  const char *id = group + strlen (ACCOUNT_GROUP_PREFIX);
  g_autofree char *service_str = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *public_key = NULL;
  AttService service;

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
att_account_store_load (AttAccountStore  *self,
                        GError          **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  char *active[N_SERVICES] = { NULL, };
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
                       _("Could not read the accounts file “%s”: %s"),
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
      const char *key = s == ATT_SERVICE_HIGG ? "Higg" : "Closient";
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

      if (find_index (self, att_account_get_id (account)) != G_MAXUINT)
        continue;

      insert_sorted (self, account);
      g_hash_table_add (self->known_ids, g_strdup (att_account_get_id (account)));
    }

  g_debug ("Accounts: loaded %u from %s", self->accounts->len, self->path);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->accounts->len);

  for (guint s = 0; s < N_SERVICES; s++)
    set_active_id (self, s, active[s]);

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
      if (g_hash_table_contains (self->known_ids, id) && find_index (self, id) == G_MAXUINT)
        g_key_file_remove_group (keyfile, groups[i], NULL);
    }

  g_hash_table_remove_all (self->known_ids);
  for (guint i = 0; i < self->accounts->len; i++)
    {
      AttAccount *account = g_ptr_array_index (self->accounts, i);
      const char *public_key = att_account_get_public_key_pem (account);
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
move_broken_file_aside (AttAccountStore  *self,
                        GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *backup = NULL;
  int saved_errno;

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
               _("Could not keep the unreadable accounts file: %s"),
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
                               _("Could not save the accounts file “%s”: %s"),
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
  GCancellable *cancellable = NULL;
  char *data;
  gsize length;

  g_assert (!self->save_in_flight);
  g_assert (self->save_waiting->len > 0);

  batch = g_steal_pointer (&self->save_waiting);
  self->save_waiting = g_ptr_array_new_with_free_func (g_object_unref);
  self->save_in_flight = TRUE;

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      error = g_error_new (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           _("Could not create the folder “%s”: %s"),
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
att_account_store_save_async (AttAccountStore     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ATT_IS_ACCOUNT_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, SOURCE_TAG (att_account_store_save_async));
  g_ptr_array_add (self->save_waiting, task);

  if (!self->save_in_flight)
    start_save (self);
}

gboolean
att_account_store_save_finish (AttAccountStore  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == SOURCE_TAG (att_account_store_save_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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
  g_return_if_fail (find_index (self, att_account_get_id (account)) == G_MAXUINT);

  position = insert_sorted (self, account);
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
  guint old_position;
  guint new_position;
  AttService old_service;
  AttService new_service;

  g_return_if_fail (ATT_IS_ACCOUNT_STORE (self));
  g_return_if_fail (ATT_IS_ACCOUNT (account));

  id = att_account_get_id (account);
  old_position = find_index (self, id);
  g_return_if_fail (old_position != G_MAXUINT);

  old = g_object_ref (g_ptr_array_index (self->accounts, old_position));
  if (old == account)
    return;

  g_ptr_array_remove_index (self->accounts, old_position);
  new_position = insert_sorted (self, account);

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
        set_active_id (self, old_service, NULL);
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
  RemoveData *remove = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  guint position;

  /* If the keys could not be removed, the account stays: dropping it
   * would leave its keys in the keyring with nothing pointing at them. */
  if (!att_secret_store_clear_account_finish (ATT_SECRET_STORE (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  position = find_index (self, remove->id);
  if (position != G_MAXUINT)
    {
      AttService service = att_account_get_service (g_ptr_array_index (self->accounts, position));

      g_ptr_array_remove_index (self->accounts, position);
      g_debug ("Accounts: removed account %s", remove->id);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);

      if (g_strcmp0 (self->active[service], remove->id) == 0)
        set_active_id (self, service, NULL);
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
att_account_store_remove_async (AttAccountStore     *self,
                                const char          *id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RemoveData *remove;

  g_return_if_fail (ATT_IS_ACCOUNT_STORE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, SOURCE_TAG (att_account_store_remove_async));

  if (find_index (self, id) == G_MAXUINT)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "%s", _("This account does not exist any more"));
      return;
    }

  remove = g_new0 (RemoveData, 1);
  remove->id = g_strdup (id);
  g_task_set_task_data (task, remove, remove_data_free);

  att_secret_store_clear_account_async (self->secrets, id, cancellable,
                                        remove_clear_cb, g_steal_pointer (&task));
}

gboolean
att_account_store_remove_finish (AttAccountStore  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (ATT_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == SOURCE_TAG (att_account_store_remove_async), FALSE);

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

  position = find_index (self, id);
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

  set_active_id (self, service, id);
}
