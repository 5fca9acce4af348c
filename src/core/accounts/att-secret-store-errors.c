/* att-secret-store-errors.c: turning what libsecret or D-Bus said into
 * errors with stable codes and a message for the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "att-secret-store-private.h"

gboolean
att_secret_store_error_means_unavailable (const GError *error)
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
GError *
att_secret_store_translate_error (const GError *error,
                                  const char   *what)
{
  g_autofree char *detail = NULL;

  g_assert (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (att_secret_store_error_means_unavailable (error))
    return g_error_new (G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN,
                        "%s: %s", what, _ ("No keyring service is running"));

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return g_error_new (SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                        "%s: %s", what, _ ("The keyring is locked"));

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT))
    return g_error_new (SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT,
                        "%s: %s", what, _ ("There is no default keyring"));

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
