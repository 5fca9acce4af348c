/* att-label-export.c: saving the official French labels of a selection of
 * products into a folder, one SVG file per product
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "att-french-label.h"
#include "att-higg-client.h"
#include "att-label-export.h"

/* Longest file name stem, in characters, before " (2)" and ".svg". */
#define MAX_STEM 100

struct _AttLabelExport
{
  GObject        parent_instance;

  AttHiggClient *client;
  GStrv          ids;
  GHashTable    *names; /* (nullable): product id -> name */
  GFile         *folder;

  GPtrArray     *labels;  /* (element-type AttFrenchLabel): those with an SVG */
  GPtrArray     *saved;   /* (element-type GFile) */
  GPtrArray     *missing; /* (element-type utf8): "name: reason" */
  GHashTable    *used;    /* file names given in this run */
  guint          next;    /* index in labels of the one being written */
  guint          attempt; /* 1 for "name.svg", 2 for "name (2).svg", … */
  gboolean       running;
};

G_DEFINE_FINAL_TYPE (AttLabelExport, att_label_export, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_SAVED,
  PROP_N_TO_SAVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void        write_next (GTask *task);

static const char *
name_of (AttLabelExport *self,
         const char     *id)
{
  const char *name = self->names != NULL ? g_hash_table_lookup (self->names, id) : NULL;

  return name != NULL && *name != '\0' ? name : id;
}

/* Leading dots would hide the file; leading and trailing spaces are easy
 * to miss. */
static void
strip_ends (char *text)
{
  gsize skip = strspn (text, ". \t");

  memmove (text, text + skip, strlen (text + skip) + 1);
  g_strchomp (text);
}

/**
 * att_label_export_file_name:
 *
 * Makes @name fit for a file name: no '/', no control characters, no
 * leading '.', no surrounding spaces, at most 100 characters; @product_id
 * when nothing is left.
 *
 * Returns: (transfer full): the stem of the file name, without ".svg"
 */
char *
att_label_export_file_name (const char *name,
                            const char *product_id)
{
  g_autoptr(GString) stem = g_string_new (NULL);
  g_autofree char *cut = NULL;
  const char      *p;

  g_return_val_if_fail (product_id != NULL, NULL);

  for (p = name != NULL && g_utf8_validate (name, -1, NULL) ? name : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\')
        g_string_append_c (stem, '-');
      else if (g_unichar_iscntrl (c))
        g_string_append_c (stem, ' ');
      else
        g_string_append_unichar (stem, c);
    }
  strip_ends (stem->str);
  cut = g_utf8_substring (stem->str, 0, MIN (g_utf8_strlen (stem->str, -1), MAX_STEM));
  strip_ends (cut);
  if (*cut == '\0')
    return g_strcmp0 (name, product_id) == 0 ? g_strdup ("label") : att_label_export_file_name (product_id, product_id);
  return g_steal_pointer (&cut);
}

static char *
candidate_name (AttLabelExport *self,
                AttFrenchLabel *label)
{
  const char      *id = att_french_label_get_product_id (label);
  g_autofree char *stem = att_label_export_file_name (name_of (self, id), id);

  if (self->attempt <= 1)
    return g_strdup_printf ("%s.svg", stem);
  return g_strdup_printf ("%s (%u).svg", stem, self->attempt);
}

static void
finish (GTask  *task,
        GError *error)
{
  AttLabelExport *self = g_task_get_source_object (task);

  self->running = FALSE;
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Takes @error; a cancellation stays as it is. */
static void
finish_with_folder_error (GTask  *task,
                          GError *error)
{
  AttLabelExport  *self = g_task_get_source_object (task);
  g_autofree char *folder_name = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      finish (task, error);
      return;
    }
  folder_name = g_file_get_parse_name (self->folder);
  finish (task, g_error_new (error->domain, error->code, _ ("Could not save the labels in “%s”: %s"),
                             folder_name, error->message));
  g_error_free (error);
}

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AttLabelExport *self = g_task_get_source_object (task);
  GFile          *file = G_FILE (object);
  GError         *error = NULL;

  if (!g_file_replace_contents_finish (file, result, NULL, &error))
    {
      finish_with_folder_error (task, error);
      return;
    }
  g_ptr_array_add (self->saved, g_object_ref (file));
  self->next++;
  self->attempt = 1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SAVED]);
  write_next (g_steal_pointer (&task));
}

/* Takes @task. */
static void
write_label (GTask *task,
             GFile *file)
{
  AttLabelExport *self = g_task_get_source_object (task);
  AttFrenchLabel *label = g_ptr_array_index (self->labels, self->next);
  const char     *svg = att_french_label_get_svg (label);
  g_autoptr(GBytes) bytes = g_bytes_new_with_free_func (svg, strlen (svg), g_object_unref, g_object_ref (label));

  g_hash_table_add (self->used, g_file_get_basename (file));
  /* g_file_replace writes a temporary file and renames it: a cancelled or
   * failed write leaves nothing half-written. */
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       g_task_get_cancellable (task), on_written, task);
}

/* Never overwrite silently: a name already taken, on disk or by this run,
 * gets " (2)", " (3)"… */
static void
on_queried (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AttLabelExport *self = g_task_get_source_object (task);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (info != NULL)
    {
      self->attempt++;
      write_next (g_steal_pointer (&task));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      write_label (g_steal_pointer (&task), G_FILE (object));
      return;
    }
  finish_with_folder_error (task, g_steal_pointer (&error));
}

/* Takes @task_in. */
static void
write_next (GTask *task_in)
{
  g_autoptr(GTask) task = task_in;
  AttLabelExport  *self = g_task_get_source_object (task);
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      finish (task, g_steal_pointer (&error));
      return;
    }
  if (self->next >= self->labels->len)
    {
      finish (task, NULL);
      return;
    }
  name = candidate_name (self, g_ptr_array_index (self->labels, self->next));
  if (g_hash_table_contains (self->used, name))
    {
      self->attempt++;
      write_next (g_steal_pointer (&task));
      return;
    }
  file = g_file_get_child (self->folder, name);
  cancellable = g_task_get_cancellable (task);
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                           G_PRIORITY_DEFAULT, cancellable, on_queried, g_steal_pointer (&task));
}

static void
sort_labels (AttLabelExport *self,
             GPtrArray      *labels)
{
  for (guint i = 0; i < labels->len; i++)
    {
      AttFrenchLabel *label = g_ptr_array_index (labels, i);
      const char     *svg = att_french_label_get_svg (label);
      const char     *reason = att_french_label_get_error (label);

      if (svg != NULL && *svg != '\0')
        {
          g_ptr_array_add (self->labels, g_object_ref (label));
          continue;
        }
      g_ptr_array_add (self->missing,
                       g_strdup_printf ("%s: %s", name_of (self, att_french_label_get_product_id (label)),
                                        reason != NULL && *reason != '\0' ? reason : _ ("no label")));
    }
}

static void
on_fetched (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AttLabelExport *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) labels = NULL;
  GError *error = NULL;

  labels = att_higg_client_fetch_french_labels_finish (ATT_HIGG_CLIENT (object), result, &error);
  if (labels == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      finish (task, error);
      return;
    }
  if (labels == NULL)
    {
      finish (task, g_error_new (error->domain, error->code, _ ("Could not fetch the labels: %s"), error->message));
      g_error_free (error);
      return;
    }
  sort_labels (self, labels);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TO_SAVE]);
  write_next (g_steal_pointer (&task));
}

/**
 * att_label_export_run_async:
 *
 * Fetches the labels of the products in one call (the client batches and
 * bounds the requests) and writes each SVG, one after the other, as
 * "<product name>.svg" in the folder. Products without a label are listed
 * by att_label_export_get_missing(). Runs once.
 */
void
att_label_export_run_async (AttLabelExport     *self,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATT_IS_LABEL_EXPORT (self));
  g_return_if_fail (!self->running && self->saved->len == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_label_export_run_async));
  self->running = TRUE;
  if (self->ids[0] == NULL)
    {
      finish (task, NULL);
      return;
    }
  att_higg_client_fetch_french_labels_async (self->client, (const char *const *) self->ids, cancellable,
                                             on_fetched, g_steal_pointer (&task));
}

gboolean
att_label_export_run_finish (AttLabelExport *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_label_export_run_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Results */

GFile *
att_label_export_get_folder (AttLabelExport *self)
{
  g_return_val_if_fail (ATT_IS_LABEL_EXPORT (self), NULL);

  return self->folder;
}

guint
att_label_export_get_n_saved (AttLabelExport *self)
{
  g_return_val_if_fail (ATT_IS_LABEL_EXPORT (self), 0);

  return self->saved->len;
}

/* 0 until the labels have arrived. */
guint
att_label_export_get_n_to_save (AttLabelExport *self)
{
  g_return_val_if_fail (ATT_IS_LABEL_EXPORT (self), 0);

  return self->labels->len;
}

/**
 * att_label_export_get_saved_files:
 *
 * Returns: (transfer none) (element-type GFile): the files written
 */
GPtrArray *
att_label_export_get_saved_files (AttLabelExport *self)
{
  g_return_val_if_fail (ATT_IS_LABEL_EXPORT (self), NULL);

  return self->saved;
}

/**
 * att_label_export_get_missing:
 *
 * Returns: (transfer none) (element-type utf8): "name: reason" for each
 *   product without a label
 */
GPtrArray *
att_label_export_get_missing (AttLabelExport *self)
{
  g_return_val_if_fail (ATT_IS_LABEL_EXPORT (self), NULL);

  return self->missing;
}

/**
 * att_label_export_get_summary:
 *
 * Returns: (transfer full): e.g. "48 labels saved; 2 products have no
 *   label: <name: reason>; <name: reason>"
 */
char *
att_label_export_get_summary (AttLabelExport *self)
{
  guint            n = self->saved->len, m = self->missing->len;
  g_autofree char *saved = NULL;
  g_autofree char *reasons = NULL;

  g_return_val_if_fail (ATT_IS_LABEL_EXPORT (self), NULL);

  saved = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u label saved", "%u labels saved", n), n);
  if (m == 0)
    return g_steal_pointer (&saved);
  g_ptr_array_add (self->missing, NULL);
  reasons = g_strjoinv ("; ", (char **) self->missing->pdata);
  g_ptr_array_remove_index (self->missing, m);
  /* Translators: the first %s is e.g. "48 labels saved", the second the
   * products and their reasons. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u product has no label: %s",
                                       "%s; %u products have no label: %s", m),
                          saved, m, reasons);
}

/* The object */

AttLabelExport *
att_label_export_new (AttHiggClient     *client,
                      const char *const *product_ids,
                      GHashTable        *names,
                      GFile             *folder)
{
  AttLabelExport *self;

  g_return_val_if_fail (ATT_IS_HIGG_CLIENT (client), NULL);
  g_return_val_if_fail (product_ids != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (ATT_TYPE_LABEL_EXPORT, NULL);
  self->client = g_object_ref (client);
  self->ids = g_strdupv ((char **) product_ids);
  self->names = names != NULL ? g_hash_table_ref (names) : NULL;
  self->folder = g_object_ref (folder);
  return self;
}

static void
att_label_export_finalize (GObject *object)
{
  AttLabelExport *self = ATT_LABEL_EXPORT (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->ids, g_strfreev);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->saved, g_ptr_array_unref);
  g_clear_pointer (&self->missing, g_ptr_array_unref);
  g_clear_pointer (&self->used, g_hash_table_unref);

  G_OBJECT_CLASS (att_label_export_parent_class)->finalize (object);
}

static void
att_label_export_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AttLabelExport *self = ATT_LABEL_EXPORT (object);

  switch (prop_id)
    {
    case PROP_N_SAVED:
      g_value_set_uint (value, self->saved->len);
      break;
    case PROP_N_TO_SAVE:
      g_value_set_uint (value, self->labels->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_label_export_class_init (AttLabelExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_label_export_finalize;
  object_class->get_property = att_label_export_get_property;

  properties[PROP_N_SAVED] = g_param_spec_uint ("n-saved", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_TO_SAVE] = g_param_spec_uint ("n-to-save", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                    G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_label_export_init (AttLabelExport *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_object_unref);
  self->saved = g_ptr_array_new_with_free_func (g_object_unref);
  self->missing = g_ptr_array_new_with_free_func (g_free);
  self->used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->attempt = 1;
}
