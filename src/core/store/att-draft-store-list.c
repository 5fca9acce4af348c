/* att-draft-store-list.c: listing the drafts of the store's directory,
 * newest first, moving damaged files aside and removing stale temporary
 * files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "att-draft-store-private.h"

/* A save killed between creating its temporary file and renaming it
 * leaves the file behind.  One older than any save could take is
 * removed; a younger one may belong to a save still running (another
 * window, another Attest), so it stays until a later listing. */
static void
remove_if_stale_temp (const char *dir,
                      const char *name)
{
  g_autofree char *path = NULL;
  GStatBuf         buf;

  if (!g_str_has_prefix (name, ATT_DRAFT_TEMP_PREFIX) ||
      !g_str_has_suffix (name, ATT_DRAFT_TEMP_SUFFIX))
    return;

  path = g_build_filename (dir, name, NULL);
  if (g_stat (path, &buf) != 0)
    return;
  if (g_get_real_time () - (gint64) buf.st_mtime * G_USEC_PER_SEC < ATT_DRAFT_STALE_TEMP_US)
    return;

  g_debug ("Drafts: removing %s, left by an interrupted save", name);
  g_unlink (path);
}

static gboolean
is_draft_file_name (const char *name)
{
  return g_str_has_prefix (name, ATT_DRAFT_FILE_PREFIX) &&
         g_str_has_suffix (name, ATT_DRAFT_FILE_SUFFIX);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  gint64 saved_a = att_draft_get_saved_at (*(AttDraft **) a);
  gint64 saved_b = att_draft_get_saved_at (*(AttDraft **) b);

  return saved_a < saved_b ? 1 : saved_a > saved_b ? -1
                                                   : 0;
}

static void
add_draft (GPtrArray  *drafts,
           const char *dir,
           const char *name,
           const char *account_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttDraft) draft = att_draft_io_read (dir, name, &error);

  if (draft == NULL)
    {
      /* Moved aside with a warning, gone meanwhile, or for a newer
       * Attest: none of these stops the listing. */
      g_debug ("Drafts: skipping %s: %s", name, error->message);
      return;
    }

  if (account_id == NULL || g_strcmp0 (account_id, att_draft_get_account_id (draft)) == 0)
    g_ptr_array_add (drafts, g_steal_pointer (&draft));
}

/**
 * att_draft_io_list:
 * @account_id: (nullable): only this account's drafts, or all
 *
 * A missing directory is an empty list.
 *
 * Returns: (transfer container) (element-type AttDraft): the drafts,
 *   newest first
 */
GPtrArray *
att_draft_io_list (const char   *dir,
                   const char   *account_id,
                   GCancellable *cancellable,
                   GError      **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) handle = g_dir_open (dir, 0, &local_error);
  const char *name;

  if (handle == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&drafts);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      remove_if_stale_temp (dir, name);
      if (is_draft_file_name (name))
        add_draft (drafts, dir, name, account_id);
    }

  g_ptr_array_sort (drafts, compare_newest_first);
  return g_steal_pointer (&drafts);
}
