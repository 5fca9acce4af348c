/* att-draft-store-io.c: the draft store's blocking file operations:
 * durable atomic writes, reads that move a damaged file aside, listing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "att-draft-store-private.h"

/* Everything here blocks and runs in a worker thread; nothing touches an
 * object the main thread holds, only paths and bytes. */

/* Ids come from servers and users: they never become path components.
 * The name is a digest of the three strings, each with its NUL, so no
 * two (kind, account, id) triples share a name. */
char *
att_draft_file_name (const char *kind,
                     const char *account_id,
                     const char *object_id)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *parts[] = { account_id, kind, object_id != NULL ? object_id : "" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_checksum_update (checksum, (const guchar *) parts[i], (gssize) strlen (parts[i]) + 1);

  return g_strconcat (ATT_DRAFT_FILE_PREFIX, g_checksum_get_string (checksum),
                      ATT_DRAFT_FILE_SUFFIX, NULL);
}

static gboolean
set_errno_error (GError    **error,
                 int         saved_errno,
                 const char *what,
                 const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s %s: %s", what, display, g_strerror (saved_errno));
  return FALSE;
}

/* The directory is the user's alone, whatever umask made it. */
static gboolean
ensure_dir (const char *dir,
            GError    **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_errno_error (error, errno, "Could not create", dir);
  if (g_chmod (dir, 0700) != 0)
    return set_errno_error (error, errno, "Could not protect", dir);

  return TRUE;
}

/* After a rename, the directory entry must reach the disk too, or a
 * power cut could bring back the old file. */
static void
sync_dir (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  if (fsync (fd) != 0)
    g_debug ("Drafts: could not sync %s: %s", dir, g_strerror (errno));
  close (fd);
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      data += written;
      length -= (gsize) written;
    }

  return TRUE;
}

static gboolean
write_temp (int     fd,
            GBytes *bytes)
{
  gsize         length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  return write_all (fd, data, length) && fsync (fd) == 0;
}

/**
 * att_draft_io_write:
 *
 * Writes @bytes to a temporary file beside the draft, syncs it and
 * renames it over the draft, so the draft file is always either the old
 * or the new one in full, whether the process is killed or the power
 * fails.  The file is 0600 from its creation.
 */
gboolean
att_draft_io_write (const char   *dir,
                    const char   *name,
                    GBytes       *bytes,
                    GCancellable *cancellable,
                    GError      **error)
{
  g_autofree char *temp = g_build_filename (dir, ATT_DRAFT_TEMP_PREFIX "XXXXXX" ATT_DRAFT_TEMP_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int              saved_errno;
  int              fd;
  gboolean         ok;

  if (!ensure_dir (dir, error))
    return FALSE;

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, errno, "Could not create", temp);

  ok = write_temp (fd, bytes);
  saved_errno = errno;
  ok = close (fd) == 0 && ok;
  if (!ok || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (temp);
      return ok ? FALSE : set_errno_error (error, saved_errno, "Could not write", temp);
    }

  if (g_rename (temp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      return set_errno_error (error, saved_errno, "Could not replace", path);
    }

  sync_dir (dir);
  return TRUE;
}

/* Keeps the damaged file for the user (it may hold edits worth typing
 * again) under a name no listing reads, never overwriting an earlier
 * one.  The warning names the file, never its contents. */
static void
move_aside (const char *path,
            const char *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *target = NULL;

      if (i == 0)
        target = g_strconcat (path, ATT_DRAFT_CORRUPT, NULL);
      else
        target = g_strdup_printf ("%s.%u" ATT_DRAFT_CORRUPT, path, i);

      if (g_file_test (target, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (path, target) == 0)
        {
          g_autofree char *target_display = g_filename_display_name (target);

          g_warning ("Drafts: %s is unreadable (%s); moved it aside to %s",
                     display, reason, target_display);
          return;
        }
      break;
    }

  g_warning ("Drafts: %s is unreadable (%s) and could not be moved aside: %s",
             display, reason, g_strerror (errno));
}

/**
 * att_draft_io_read:
 *
 * Reads one draft file.  A missing file is %G_IO_ERROR_NOT_FOUND; a file
 * from a newer Attest is %G_IO_ERROR_NOT_SUPPORTED and stays where it is;
 * any other file that cannot be read as a draft is moved aside, with a
 * warning, and is %G_IO_ERROR_INVALID_DATA.
 */
AttDraft *
att_draft_io_read (const char *dir,
                   const char *name,
                   GError    **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AttDraft) draft = NULL;
  char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        move_aside (path, local_error->message);
      g_set_error (error, G_IO_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? G_IO_ERROR_NOT_FOUND
                     : G_IO_ERROR_INVALID_DATA,
                   "%s", local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (data, length);
  draft = att_draft_new_from_bytes (bytes, &local_error);
  if (draft != NULL)
    return g_steal_pointer (&draft);

  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    {
      move_aside (path, local_error->message);
      local_error->domain = G_IO_ERROR;
      local_error->code = G_IO_ERROR_INVALID_DATA;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * att_draft_io_delete:
 *
 * Deleting a draft that is not there succeeds: the caller wanted it gone.
 */
gboolean
att_draft_io_delete (const char *dir,
                     const char *name,
                     GError    **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (g_unlink (path) != 0 && errno != ENOENT)
    return set_errno_error (error, errno, "Could not delete", path);

  sync_dir (dir);
  return TRUE;
}
