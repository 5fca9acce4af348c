/* att-report-thumbnails.c: the pictures of a report's certificates,
 * decoded once each, for the PDF writer and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-report-picture.h"
#include "att-report-row-private.h"
#include "att-report-thumbnails.h"
#include "att-types.h"

/**
 * AttReportThumbnails:
 *
 * The picture of each Higg certificate of a report (its first image file,
 * or a PDF's first page), decoded in a worker thread by
 * att_report_thumbnails_load_rows() or att_report_thumbnails_load_async()
 * and then read without decoding by att_report_thumbnails_get().  A
 * certificate covers many products, so many rows: its picture is decoded
 * once and every one of its rows gets the same surface, which a PDF then
 * embeds once.  A file that does not decode is remembered as no picture.
 *
 * The pictures kept are bounded (CACHE_BYTES), least recently used first
 * out; each picture carries its certificate id as its
 * %CAIRO_MIME_TYPE_UNIQUE_ID, so that a picture decoded again after it was
 * let go is still embedded once in a PDF.
 */

/* 64 MB of pixels: 1,820 pictures of 96 x 96. */
#define CACHE_BYTES (64 * 1024 * 1024)
#define MIN_ENTRIES 64

/* Rows decoded between two progress reports of load_async(). */
#define PROGRESS_STEP 25

typedef struct
{
  char            *certificate_id;
  cairo_surface_t *surface; /* NULL: no picture */
  GList            link;
} Entry;

struct _AttReportThumbnails
{
  GObject     parent_instance;

  int         size;
  guint       max_entries;
  GMutex      lock;
  GHashTable *entries; /* certificate id -> Entry */
  GQueue      recent;  /* of Entry, the last used first */
};

G_DEFINE_FINAL_TYPE (AttReportThumbnails, att_report_thumbnails, G_TYPE_OBJECT)

static void
entry_free (Entry *entry)
{
  g_free (entry->certificate_id);
  g_clear_pointer (&entry->surface, cairo_surface_destroy);
  g_free (entry);
}

static void
att_report_thumbnails_finalize (GObject *object)
{
  AttReportThumbnails *self = ATT_REPORT_THUMBNAILS (object);

  g_hash_table_unref (self->entries);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (att_report_thumbnails_parent_class)->finalize (object);
}

static void
att_report_thumbnails_class_init (AttReportThumbnailsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = att_report_thumbnails_finalize;
}

static void
att_report_thumbnails_init (AttReportThumbnails *self)
{
  g_mutex_init (&self->lock);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) entry_free);
  g_queue_init (&self->recent);
}

/**
 * att_report_thumbnails_new:
 * @size_px: the largest width and height of a picture, in pixels (about
 *   twice the size it is drawn at, in points, for print)
 *
 * Returns: (transfer full): an empty set of pictures
 */
AttReportThumbnails *
att_report_thumbnails_new (int size_px)
{
  AttReportThumbnails *self;

  g_return_val_if_fail (size_px > 0 && size_px <= 4096, NULL);

  self = g_object_new (ATT_TYPE_REPORT_THUMBNAILS, NULL);
  self->size = size_px;
  self->max_entries = MAX (CACHE_BYTES / ((guint) size_px * (guint) size_px * 4), MIN_ENTRIES);
  return self;
}

int
att_report_thumbnails_get_size (AttReportThumbnails *self)
{
  g_return_val_if_fail (ATT_IS_REPORT_THUMBNAILS (self), 0);
  return self->size;
}

/* The entry of @certificate_id, made the most recent; with the lock held. */
static Entry *
lookup_locked (AttReportThumbnails *self,
               const char          *certificate_id)
{
  Entry *entry = g_hash_table_lookup (self->entries, certificate_id);

  if (entry != NULL && self->recent.head != &entry->link)
    {
      g_queue_unlink (&self->recent, &entry->link);
      g_queue_push_head_link (&self->recent, &entry->link);
    }
  return entry;
}

/**
 * att_report_thumbnails_get:
 * @row: a row of the report the pictures were loaded for
 *
 * Does not decode: a picture not loaded yet is %NULL, as is a row without
 * one (a Closient row, a certificate without an image file).
 *
 * Returns: (transfer none) (nullable): the picture of @row's certificate,
 *   the same surface for every row of that certificate, valid until the
 *   next load
 */
cairo_surface_t *
att_report_thumbnails_get (AttReportThumbnails *self,
                           AttReportRow        *row)
{
  cairo_surface_t *surface = NULL;
  Entry           *entry;

  g_return_val_if_fail (ATT_IS_REPORT_THUMBNAILS (self), NULL);
  g_return_val_if_fail (ATT_IS_REPORT_ROW (row), NULL);

  if (!_att_report_row_has_picture (row))
    return NULL;
  g_mutex_lock (&self->lock);
  entry = lookup_locked (self, att_report_row_get_certificate_id (row));
  if (entry != NULL)
    surface = entry->surface;
  g_mutex_unlock (&self->lock);
  return surface;
}

static gboolean
contains (AttReportThumbnails *self,
          const char          *certificate_id)
{
  gboolean found;

  g_mutex_lock (&self->lock);
  found = lookup_locked (self, certificate_id) != NULL;
  g_mutex_unlock (&self->lock);
  return found;
}

/* Keeps @surface (taken) as @certificate_id's picture, unless another
 * thread was first, and lets the least recently used go. */
static void
insert (AttReportThumbnails *self,
        const char          *certificate_id,
        cairo_surface_t     *surface)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->certificate_id = g_strdup (certificate_id);
  entry->surface = surface;
  entry->link.data = entry;
  g_mutex_lock (&self->lock);
  if (g_hash_table_contains (self->entries, certificate_id))
    g_clear_pointer (&entry, entry_free);
  else
    {
      g_hash_table_insert (self->entries, entry->certificate_id, entry);
      g_queue_push_head_link (&self->recent, &entry->link);
    }
  while (self->recent.length > self->max_entries)
    {
      Entry *last = g_queue_pop_tail_link (&self->recent)->data;

      g_hash_table_remove (self->entries, last->certificate_id);
    }
  g_mutex_unlock (&self->lock);
}

static cairo_surface_t *
decode (AttReportThumbnails *self,
        AttReportRow        *row)
{
  g_autoptr(GBytes) bytes = _att_report_row_decode_picture (row, NULL);
  cairo_surface_t *surface = bytes != NULL ? att_report_picture_decode (bytes, self->size) : NULL;
  char            *id;

  if (surface == NULL)
    return NULL;
  /* cairo frees the data by its closure. */
  id = g_strdup (att_report_row_get_certificate_id (row));
  cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_UNIQUE_ID, (const guchar *) id, strlen (id), g_free, id);
  return surface;
}

static void
load_row (AttReportThumbnails *self,
          AttReportRow        *row)
{
  const char *id = att_report_row_get_certificate_id (row);

  if (!_att_report_row_has_picture (row) || contains (self, id))
    return;
  insert (self, id, decode (self, row));
}

/**
 * att_report_thumbnails_load_rows:
 * @start: the first row to load
 * @end: the row after the last, at most att_report_get_n_rows()
 * @cancellable: (nullable): checked before each row
 *
 * Decodes the pictures of rows [@start, @end) that are not loaded yet.
 * Blocks: for worker threads.  A file that does not decode becomes no
 * picture, never an error.
 */
void
att_report_thumbnails_load_rows (AttReportThumbnails *self,
                                 AttReport           *report,
                                 guint                start,
                                 guint                end,
                                 GCancellable        *cancellable)
{
  g_return_if_fail (ATT_IS_REPORT_THUMBNAILS (self));
  g_return_if_fail (ATT_IS_REPORT (report));
  g_return_if_fail (start <= end && end <= att_report_get_n_rows (report));

  for (guint i = start; i < end && !g_cancellable_is_cancelled (cancellable); i++)
    load_row (self, att_report_get_row (report, i));
}

/* --- Loading every row in a thread ------------------------------------- */

typedef struct
{
  AttReport      *report;
  AttProgressFunc progress;
  gpointer        progress_data;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_object_unref (data->report);
  g_free (data);
}

typedef struct
{
  AttProgressFunc progress;
  gpointer        progress_data;
  guint64         done;
  guint64         total;
} Progress;

static gboolean
report_progress (gpointer user_data)
{
  Progress *progress = user_data;

  progress->progress (progress->done, progress->total, progress->progress_data);
  return G_SOURCE_REMOVE;
}

/* Calls the task's progress function on the thread the task was made on. */
static void
post_progress (GTask *task,
               guint  done,
               guint  total)
{
  LoadData *data = g_task_get_task_data (task);
  Progress *progress;

  if (data->progress == NULL)
    return;
  progress = g_new (Progress, 1);
  *progress = (Progress){ data->progress, data->progress_data, done, total };
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, report_progress, progress, g_free);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AttReportThumbnails *self = source_object;
  LoadData            *data = task_data;
  guint                n = att_report_get_n_rows (data->report);

  for (guint start = 0; start < n; start += PROGRESS_STEP)
    {
      guint   end = MIN (start + PROGRESS_STEP, n);
      GError *error = NULL;

      att_report_thumbnails_load_rows (self, data->report, start, end, cancellable);
      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      post_progress (task, end, n);
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * att_report_thumbnails_load_async:
 * @progress: (nullable): called on this thread with the rows done of
 *   the rows
 * @cancellable: (nullable): checked between rows
 *
 * Decodes the picture of every row of @report in a worker thread, so that
 * printing never decodes on the main thread: draw the pages once this is
 * finished.  At most the cache's bound of pictures are kept (1,820 of 96
 * pixels), the last rows' when a report has more certificates.
 */
void
att_report_thumbnails_load_async (AttReportThumbnails *self,
                                  AttReport           *report,
                                  AttProgressFunc      progress,
                                  gpointer             progress_data,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (ATT_IS_REPORT_THUMBNAILS (self));
  g_return_if_fail (ATT_IS_REPORT (report));

  data = g_new0 (LoadData, 1);
  data->report = g_object_ref (report);
  data->progress = progress;
  data->progress_data = progress_data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_report_thumbnails_load_async));
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * att_report_thumbnails_load_finish:
 *
 * Returns: %TRUE, or %FALSE with %G_IO_ERROR_CANCELLED: a file that does
 *   not decode is no picture, not an error
 */
gboolean
att_report_thumbnails_load_finish (AttReportThumbnails *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
