/* att-secret-store-check.c: finding out whether the Secret Service runs
 * and whether its default collection is, or can be, unlocked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "att-secret-store-private.h"

/* --- Checking for a usable keyring -------------------------------------- */

static void
check_return (GTask                *task,
              AttSecretAvailability availability)
{
  g_debug ("Secret store: the keyring is %s",
           availability == ATT_SECRET_AVAILABLE ? "available" : availability == ATT_SECRET_LOCKED ? "locked"
                                                                                                  : "unavailable");
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
  CheckData  *check = g_task_get_task_data (task);
  const char *path = g_dbus_proxy_get_object_path (G_DBUS_PROXY (check->collection));
  GList      *unlocked = NULL;
  gboolean    ok = FALSE;

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
  CheckData    *check = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  check->collection = secret_collection_for_alias_finish (result, &error);

  if (error != NULL)
    {
      if (att_secret_store_error_means_unavailable (error))
        {
          g_debug ("Secret store: cannot read the default collection: %s", error->message);
          check_return (task, ATT_SECRET_UNAVAILABLE);
        }
      else
        {
          g_task_return_error (task, att_secret_store_translate_error (error,
                                                                       _ ("Could not open the keyring")));
        }
      return;
    }

  /* No default keyring yet: creating one is what storing a key would do
   * anyway, and the Secret Service asks the user for its password. */
  if (check->collection == NULL)
    {
      g_debug ("Secret store: no default collection, asking to create one");
      secret_collection_create (check->service,
                                _ ("Default keyring"),
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
  CheckData    *check = g_task_get_task_data (task);
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
att_secret_store_check_async (AttSecretStore     *self,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_SECRET_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_secret_store_check_async));

  if (att_secret_store_get_session_only (self))
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
att_secret_store_check_finish (AttSecretStore *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  gssize ret;

  g_return_val_if_fail (ATT_IS_SECRET_STORE (self), ATT_SECRET_UNAVAILABLE);
  g_return_val_if_fail (g_task_is_valid (result, self), ATT_SECRET_UNAVAILABLE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_secret_store_check_async),
                        ATT_SECRET_UNAVAILABLE);

  ret = g_task_propagate_int (G_TASK (result), error);
  if (ret < 0)
    return ATT_SECRET_UNAVAILABLE;

  return (AttSecretAvailability) ret;
}
