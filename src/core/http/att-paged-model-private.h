/* att-paged-model-private.h: the instance struct of AttPagedModel and its
 * page bookkeeping, shared by att-paged-model.c (the GObject, the
 * GListModel and the fetches), att-paged-model-pages.c (the page table,
 * the wanted queue and the bounds on both) and att-paged-model-problems.c
 * (pages that failed and rows that could not be read)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-paged-model.h"

G_BEGIN_DECLS

typedef enum {
  PAGE_WANTED,
  PAGE_FETCHING,
  PAGE_LOADED,
  PAGE_FAILED,
} PageState;

typedef struct
{
  guint      index;
  PageState  state;
  GPtrArray *items;      /* page_size slots; NULL until asked for */
  guint      n_real;     /* leading slots holding items from the server */
  GPtrArray *row_errors; /* of GError or NULL per slot, while PAGE_LOADED; or NULL */
  guint      n_unreadable;
  GError    *error;      /* why the last fetch failed, while PAGE_FAILED */
  guint      n_failures; /* in a row, for the backoff */
  gint64     retry_at;   /* monotonic; asking before then does not fetch again */
  guint64    last_used;
  GList      link; /* in the wanted queue while PAGE_WANTED */
} Page;

struct _AttPagedModel
{
  GObject            parent_instance;

  GType              item_type;
  guint              page_size;
  AttPagedFetchFunc  fetch;
  AttPagedFinishFunc finish;
  gpointer           user_data;
  GDestroyNotify     destroy;

  GHashTable        *pages;  /* page index -> Page */
  GQueue             wanted; /* of Page, most recently asked first */
  GCancellable      *cancellable;
  guint              generation; /* bumped by reload and dispose */
  guint              in_flight;
  guint64            clock;
  GArray            *dropped; /* indexes of queued pages dropped, to announce */
  GSource           *announce_source;

  guint              n_items;
  gboolean           loaded;
  GError            *error;
};

static inline guint
page_first (AttPagedModel *self,
            guint          index)
{
  return index * self->page_size;
}

/* How many rows of the page exist in a list of n_items. */
static inline guint
page_rows (AttPagedModel *self,
           guint          index,
           guint          n_items)
{
  guint first = page_first (self, index);

  if (first >= n_items)
    return 0;
  return MIN (self->page_size, n_items - first);
}

/* Defined in att-paged-model-pages.c.  att-paged-model.c calls
 * ensure_page() when a row of the page is asked for, evict_pages() when a
 * page arrives, and frees pages with page_free() as the page table's value
 * destructor. */
Page         *att_paged_model_ensure_page (AttPagedModel *self,
                                           guint          index);
void          att_paged_model_want_page (AttPagedModel *self,
                                         Page          *page);
void          att_paged_model_evict_pages (AttPagedModel *self,
                                           guint          keep_index);
void          att_paged_model_emit_rows_changed (AttPagedModel *self,
                                                 guint          index);
void          att_paged_model_page_free (Page *page);

/* Defined in att-paged-model-problems.c.  att-paged-model.c calls
 * page_failed() when a fetch fails, page_loaded_problems() when one
 * succeeds, requeue_failed() for att_paged_model_retry(), and
 * find_failure() to know whether :error still applies. */
void          att_paged_model_page_failed (AttPagedModel *self,
                                           Page          *page,
                                           const GError  *error);
void          att_paged_model_page_loaded_problems (Page    *page,
                                                    AttPage *result);
GArray       *att_paged_model_requeue_failed (AttPagedModel *self);
const GError *att_paged_model_find_failure (AttPagedModel *self);

G_END_DECLS
