/* att-paged-model-problems.c: pages of AttPagedModel that failed, and rows
 * that could not be read
 *
 * A page whose fetch failed keeps its error and announces its rows as
 * changed, with fresh placeholders, so that a view shows them as failed.
 * It is fetched again when one of its rows is asked for after a backoff
 * that grows with each failure in a row (att-paged-model-pages.c), or at
 * once by att_paged_model_retry().  A page that arrived may hold rows the
 * client could not read: they stay placeholders, counted and reported here,
 * so that the list keeps the server's count of rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-page.h"
#include "att-paged-model-private.h"

#define RETRY_DELAY_MIN_MS 1000
#define RETRY_DELAY_MAX_MS 60000

/* Rows that were read have no error. */
static void
free_row_error (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

static gint64
retry_delay_us (guint n_failures)
{
  guint shift = MIN (MAX (n_failures, 1) - 1, 6);

  return (gint64) MIN (RETRY_DELAY_MIN_MS << shift, RETRY_DELAY_MAX_MS) * 1000;
}

/* New placeholders are new objects, so that a view binds its rows anew and
 * sees their new state. */
static void
forget_items (Page *page)
{
  for (guint i = 0; i < page->items->len; i++)
    g_clear_object ((GObject **) &g_ptr_array_index (page->items, i));
  page->n_real = 0;
}

void
att_paged_model_page_failed (AttPagedModel *self,
                             Page          *page,
                             const GError  *error)
{
  g_assert (page->state == PAGE_FETCHING);

  page->state = PAGE_FAILED;
  g_clear_error (&page->error);
  page->error = g_error_copy (error);
  page->n_failures++;
  page->retry_at = g_get_monotonic_time () + retry_delay_us (page->n_failures);
  forget_items (page);
  att_paged_model_emit_rows_changed (self, page->index);
}

static guint
count_errors (GPtrArray *row_errors)
{
  guint n = 0;

  for (guint i = 0; row_errors != NULL && i < row_errors->len; i++)
    if (g_ptr_array_index (row_errors, i) != NULL)
      n++;
  return n;
}

/* Takes the row errors of the answer that filled @page. */
void
att_paged_model_page_loaded_problems (Page    *page,
                                      AttPage *result)
{
  guint n = MIN (page->n_real, g_list_model_get_n_items (att_page_get_items (result)));

  g_clear_pointer (&page->row_errors, g_ptr_array_unref);
  g_clear_error (&page->error);
  page->n_failures = 0;
  page->n_unreadable = 0;
  if (att_page_get_n_row_errors (result) == 0)
    return;

  page->row_errors = g_ptr_array_new_full (n, free_row_error);
  for (guint i = 0; i < n; i++)
    {
      const GError *error = att_page_get_row_error (result, i);

      g_ptr_array_add (page->row_errors, error != NULL ? g_error_copy (error) : NULL);
    }
  page->n_unreadable = count_errors (page->row_errors);
}

static gint
compare_indexes (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* Returns the indexes of the pages in @state, in order. */
static GArray *
pages_in_state (AttPagedModel *self,
                PageState      state)
{
  GArray        *indexes = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer       value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Page *) value)->state == state)
      g_array_append_val (indexes, ((Page *) value)->index);
  g_array_sort (indexes, compare_indexes);
  return indexes;
}

static Page *
lookup_page (AttPagedModel *self,
             GArray        *indexes,
             guint          i)
{
  return g_hash_table_lookup (self->pages, GUINT_TO_POINTER (g_array_index (indexes, guint, i)));
}

/* Queues every failed page, last first so the first is fetched first; the
 * caller announces their rows and dispatches.  Returns their indexes. */
GArray *
att_paged_model_requeue_failed (AttPagedModel *self)
{
  GArray *indexes = pages_in_state (self, PAGE_FAILED);

  for (guint i = indexes->len; i > 0; i--)
    {
      Page *page = lookup_page (self, indexes, i - 1);

      /* A long list of failed pages may push earlier ones out of the
       * queue; they are announced as dropped and asked for again. */
      if (page == NULL)
        continue;
      forget_items (page);
      att_paged_model_want_page (self, page);
    }
  return indexes;
}

/**
 * att_paged_model_find_failure:
 *
 * Returns: (nullable): the error of the first page that failed, if any
 */
const GError *
att_paged_model_find_failure (AttPagedModel *self)
{
  g_autoptr(GArray) failed = pages_in_state (self, PAGE_FAILED);

  return failed->len > 0 ? lookup_page (self, failed, 0)->error : NULL;
}

/* --- Public queries ---------------------------------------------------- */

static Page *
page_of (AttPagedModel *self,
         guint          position)
{
  if (position >= self->n_items)
    return NULL;
  return g_hash_table_lookup (self->pages, GUINT_TO_POINTER (position / self->page_size));
}

static const GError *
row_error (Page *page,
           guint offset)
{
  if (page->row_errors == NULL || offset >= page->row_errors->len)
    return NULL;
  return g_ptr_array_index (page->row_errors, offset);
}

/**
 * att_paged_model_get_item_state:
 *
 * Returns: whether the item at @position came from the server, is waiting
 *   for its page, belongs to a page that failed, or could not be read
 */
AttPagedItemState
att_paged_model_get_item_state (AttPagedModel *self,
                                guint          position)
{
  Page *page;

  g_return_val_if_fail (ATT_IS_PAGED_MODEL (self), ATT_PAGED_ITEM_PENDING);

  page = page_of (self, position);
  if (page == NULL || page->state == PAGE_WANTED || page->state == PAGE_FETCHING)
    return ATT_PAGED_ITEM_PENDING;
  if (page->state == PAGE_FAILED)
    return ATT_PAGED_ITEM_FAILED;
  if (row_error (page, position % self->page_size) != NULL)
    return ATT_PAGED_ITEM_UNREADABLE;
  return position % self->page_size < page->n_real ? ATT_PAGED_ITEM_LOADED
                                                   : ATT_PAGED_ITEM_PENDING;
}

/**
 * att_paged_model_get_item_error:
 *
 * Returns: (transfer none) (nullable): why the item at @position failed
 *   (%ATT_PAGED_ITEM_FAILED) or could not be read
 *   (%ATT_PAGED_ITEM_UNREADABLE)
 */
const GError *
att_paged_model_get_item_error (AttPagedModel *self,
                                guint          position)
{
  Page *page;

  g_return_val_if_fail (ATT_IS_PAGED_MODEL (self), NULL);

  page = page_of (self, position);
  if (page == NULL)
    return NULL;
  if (page->state == PAGE_FAILED)
    return page->error;
  return page->state == PAGE_LOADED ? row_error (page, position % self->page_size) : NULL;
}

/**
 * att_paged_model_get_n_unreadable:
 *
 * Counts the rows the client could not read among the pages it holds.  It
 * changes only along with items-changed.
 *
 * Returns: how many rows could not be read
 */
guint
att_paged_model_get_n_unreadable (AttPagedModel *self)
{
  g_autoptr(GArray) loaded = NULL;
  guint n = 0;

  g_return_val_if_fail (ATT_IS_PAGED_MODEL (self), 0);

  loaded = pages_in_state (self, PAGE_LOADED);
  for (guint i = 0; i < loaded->len; i++)
    n += lookup_page (self, loaded, i)->n_unreadable;
  return n;
}

/**
 * att_paged_model_get_unreadable_error:
 *
 * Returns: (transfer none) (nullable): the error of the first row that
 *   could not be read, among the pages the model holds
 */
const GError *
att_paged_model_get_unreadable_error (AttPagedModel *self)
{
  g_autoptr(GArray) loaded = NULL;

  g_return_val_if_fail (ATT_IS_PAGED_MODEL (self), NULL);

  loaded = pages_in_state (self, PAGE_LOADED);
  for (guint i = 0; i < loaded->len; i++)
    {
      Page *page = lookup_page (self, loaded, i);

      for (guint j = 0; page->n_unreadable > 0 && j < page->row_errors->len; j++)
        if (g_ptr_array_index (page->row_errors, j) != NULL)
          return g_ptr_array_index (page->row_errors, j);
    }
  return NULL;
}
