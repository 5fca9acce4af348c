/* att-paged-model-pages.c: the page bookkeeping of AttPagedModel
 *
 * Pages are created when a row in them is asked for and wait in the wanted
 * queue, newest first, until att-paged-model.c fetches them.  Both the
 * queue and the table of loaded pages are bounded here: pages that drop out
 * are forgotten and their rows announced as changed, so that a view which
 * still shows them asks again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-paged-model-private.h"

#define MIN_QUEUED_PAGES 4
#define MAX_QUEUED_ROWS  500
#define MIN_KEPT_PAGES   50
#define MAX_KEPT_ROWS    2500

/* Slots stay NULL until a row is asked for. */
static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static Page *
page_new (guint index,
          guint page_size)
{
  Page *page = g_new0 (Page, 1);

  page->index = index;
  page->state = PAGE_WANTED;
  page->items = g_ptr_array_new_full (page_size, unref_if_set);
  g_ptr_array_set_size (page->items, page_size);
  page->link.data = page;
  return page;
}

void
att_paged_model_page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_clear_pointer (&page->row_errors, g_ptr_array_unref);
  g_clear_error (&page->error);
  g_free (page);
}

static guint
max_queued_pages (AttPagedModel *self)
{
  return MAX (MIN_QUEUED_PAGES, (MAX_QUEUED_ROWS + self->page_size - 1) / self->page_size);
}

static guint
max_kept_pages (AttPagedModel *self)
{
  return MAX (MIN_KEPT_PAGES, (MAX_KEPT_ROWS + self->page_size - 1) / self->page_size);
}

/* Removes a page from the model's bookkeeping; the caller announces the
 * change of its rows if they were visible. */
static void
remove_page (AttPagedModel *self,
             Page          *page)
{
  if (page->state == PAGE_WANTED)
    g_queue_unlink (&self->wanted, &page->link);
  g_hash_table_remove (self->pages, GUINT_TO_POINTER (page->index));
}

void
att_paged_model_emit_rows_changed (AttPagedModel *self,
                                   guint          index)
{
  guint rows = page_rows (self, index, self->n_items);

  if (rows > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), page_first (self, index), rows, rows);
}

static gint
compare_last_used (gconstpointer a,
                   gconstpointer b)
{
  const Page *page_a = *(Page *const *) a;
  const Page *page_b = *(Page *const *) b;

  if (page_a->last_used < page_b->last_used)
    return -1;
  return page_a->last_used > page_b->last_used ? 1 : 0;
}

/* Runs from an idle, never from get_item(): a list view must not see
 * items-changed while it is asking for an item. A view that still shows a
 * dropped page's rows asks for them again, which queues the page anew. */
static gboolean
announce_drops_cb (gpointer user_data)
{
  AttPagedModel *self = user_data;
  g_autoptr(GArray) dropped = g_steal_pointer (&self->dropped);

  g_clear_pointer (&self->announce_source, g_source_unref);
  self->dropped = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < dropped->len; i++)
    {
      guint index = g_array_index (dropped, guint, i);

      /* Asked for again meanwhile: its rows are being fetched. */
      if (!g_hash_table_contains (self->pages, GUINT_TO_POINTER (index)))
        att_paged_model_emit_rows_changed (self, index);
    }

  return G_SOURCE_REMOVE;
}

/* Pages asked for long ago and still waiting were scrolled past: they leave
 * the queue at once, so they are never fetched, and their rows are
 * announced as changed from an idle. */
static void
trim_wanted (AttPagedModel *self)
{
  guint max_queued = max_queued_pages (self);

  if (self->wanted.length <= max_queued)
    return;

  while (self->wanted.length > max_queued)
    {
      Page *page = g_queue_peek_tail (&self->wanted);

      g_array_append_val (self->dropped, page->index);
      remove_page (self, page);
    }

  if (self->announce_source == NULL)
    {
      self->announce_source = g_idle_source_new ();
      g_source_set_priority (self->announce_source, G_PRIORITY_DEFAULT_IDLE);
      g_source_set_callback (self->announce_source, announce_drops_cb, self, NULL);
      g_source_attach (self->announce_source, g_main_context_get_thread_default ());
    }
}

/* Keeps memory bounded by forgetting the loaded pages used least recently.
 * Called when a page arrives, outside get_item(), so it can announce the
 * change at once. */
void
att_paged_model_evict_pages (AttPagedModel *self,
                             guint          keep_index)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GArray) evicted = NULL;
  guint          max_kept = max_kept_pages (self);
  GHashTableIter iter;
  gpointer       value;
  guint          excess;

  if (g_hash_table_size (self->pages) <= max_kept)
    return;

  excess = g_hash_table_size (self->pages) - max_kept;
  candidates = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Page *page = value;

      if ((page->state == PAGE_LOADED || page->state == PAGE_FAILED) &&
          page->index != keep_index)
        g_ptr_array_add (candidates, page);
    }

  g_ptr_array_sort (candidates, compare_last_used);
  evicted = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < candidates->len && i < excess; i++)
    {
      Page *page = g_ptr_array_index (candidates, i);

      g_array_append_val (evicted, page->index);
      remove_page (self, page);
    }

  g_debug ("Paged model: forgot %u pages to bound memory", evicted->len);

  for (guint i = 0; i < evicted->len; i++)
    att_paged_model_emit_rows_changed (self, g_array_index (evicted, guint, i));
}

/* Puts a page of the table first in the wanted queue: it is what the user
 * looks at now. */
void
att_paged_model_want_page (AttPagedModel *self,
                           Page          *page)
{
  if (page->state == PAGE_WANTED)
    g_queue_unlink (&self->wanted, &page->link);
  page->state = PAGE_WANTED;
  g_queue_push_head_link (&self->wanted, &page->link);
  trim_wanted (self);
}

Page *
att_paged_model_ensure_page (AttPagedModel *self,
                             guint          index)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));

  if (page == NULL)
    {
      page = page_new (index, self->page_size);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
      g_queue_push_head_link (&self->wanted, &page->link);
      trim_wanted (self);
    }
  else if (page->state == PAGE_WANTED)
    att_paged_model_want_page (self, page);
  else if (page->state == PAGE_FAILED && g_get_monotonic_time () >= page->retry_at)
    {
      /* Asked for again once the failure was shown and the backoff is
       * over: a view that asks at every frame does not hammer a failing
       * server. */
      att_paged_model_want_page (self, page);
    }

  page->last_used = ++self->clock;
  return page;
}
