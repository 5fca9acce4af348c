/* att-paged-model.c: a GListModel that fetches its items page by page
 *
 * This file holds the GObject, the GListModel and the fetches; the page
 * table, the wanted queue and the bounds on both are in
 * att-paged-model-pages.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-error.h"
#include "att-page.h"
#include "att-paged-model-private.h"

/**
 * AttPagedModel:
 *
 * A list of, say, 100,000 products that a list view can scroll without
 * loading them all. The first page is fetched on construction; after that a
 * page is fetched only when a row in it is asked for. Until then the row is
 * a placeholder, an item made with g_object_new (item_type, NULL) and kept
 * per position, so asking twice gives the same object; items-changed swaps
 * in the real items when the page arrives.
 *
 * At most two fetches run at once. Pages asked for meanwhile wait in a
 * queue, newest first, so that the rows a user is looking at now come
 * before those scrolled past; a queue that grows too long, and loaded pages
 * beyond a bound, are dropped (announced with items-changed, so a view that
 * still shows them asks again).
 */

#define MAX_IN_FLIGHT 2
#define MAX_PAGE_SIZE 10000

static void att_paged_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AttPagedModel, att_paged_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      att_paged_model_list_model_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_PAGE_SIZE,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_LOADED,
  PROP_TOTAL,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One fetch in flight. It holds only a weak reference, so that dropping the
 * last reference to the model disposes it, which cancels the fetch. */
typedef struct
{
  GWeakRef model;
  guint    page_index;
  guint    generation;
} Fetch;

static void dispatch_fetches (AttPagedModel *self);

static gboolean
get_loading (AttPagedModel *self)
{
  return self->in_flight > 0;
}

static void
set_error (AttPagedModel *self,
           GError        *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static gboolean
check_page (AttPagedModel *self,
            AttPage       *page,
            GError       **error)
{
  GListModel *items = att_page_get_items (page);
  guint       n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (item == NULL || !g_type_is_a (G_OBJECT_TYPE (item), self->item_type))
        {
          g_set_error (error, ATT_API_ERROR, ATT_API_ERROR_BAD_RESPONSE,
                       _ ("The list contains an item of the wrong kind"));
          return FALSE;
        }
    }

  return TRUE;
}

/* :error stays while a page is failed, so that a view keeps offering to
 * retry; it goes when the last failed page arrives or is forgotten. */
static void
refresh_error (AttPagedModel *self)
{
  if (att_paged_model_find_failure (self) == NULL)
    set_error (self, NULL);
}

/* Fills the page with the items that arrived.  Returns whether the page was
 * waiting for them. */
static gboolean
fill_page (AttPagedModel *self,
           guint          index,
           AttPage       *result)
{
  GListModel *items = att_page_get_items (result);
  Page       *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  guint       n;

  if (page == NULL || page->state != PAGE_FETCHING)
    return FALSE;

  n = MIN (g_list_model_get_n_items (items), self->page_size);
  for (guint i = 0; i < n; i++)
    {
      g_clear_object ((GObject **) &g_ptr_array_index (page->items, i));
      g_ptr_array_index (page->items, i) = g_list_model_get_item (items, i);
    }
  page->n_real = n;
  page->state = PAGE_LOADED;
  att_paged_model_page_loaded_problems (page, result);
  return TRUE;
}

/* Forgets the pages that start at or after @n_items. */
static void
drop_pages_from (AttPagedModel *self,
                 guint          n_items)
{
  GHashTableIter iter;
  gpointer       value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Page *page = value;

      if (page_first (self, page->index) < n_items)
        continue;
      if (page->state == PAGE_WANTED)
        g_queue_unlink (&self->wanted, &page->link);
      g_hash_table_iter_remove (&iter);
    }
}

static void
set_n_items (AttPagedModel *self,
             guint          n_items)
{
  guint old_n_items = self->n_items;

  if (n_items == old_n_items)
    return;

  self->n_items = n_items;
  if (n_items < old_n_items)
    {
      drop_pages_from (self, n_items);
      g_list_model_items_changed (G_LIST_MODEL (self), n_items, old_n_items - n_items, 0);
    }
  else
    g_list_model_items_changed (G_LIST_MODEL (self), old_n_items, 0, n_items - old_n_items);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

static void
page_fetched (AttPagedModel *self,
              guint          index,
              AttPage       *result)
{
  guint    old_n_items = self->n_items;
  guint    new_n_items = att_page_get_total (result);
  gboolean filled;

  g_object_freeze_notify (G_OBJECT (self));

  /* Fill the page before announcing a new total, so that rows which appear
   * with the new total show real items at once. */
  filled = fill_page (self, index, result);
  set_n_items (self, new_n_items);

  /* Rows that existed before this page arrived held placeholders. */
  if (filled)
    {
      guint rows = page_rows (self, index, MIN (old_n_items, new_n_items));

      if (rows > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), page_first (self, index), rows, rows);
    }

  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* The page's rows are announced as failed; a view offers to retry. */
static void
page_failed (AttPagedModel *self,
             guint          index,
             GError        *error)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));

  g_debug ("Paged model: page %u failed: %s", index, error->message);

  /* Forgotten meanwhile (the total shrank): nobody shows its rows. */
  if (page == NULL || page->state != PAGE_FETCHING)
    {
      g_error_free (error);
      return;
    }

  att_paged_model_page_failed (self, page, error);
  set_error (self, error);
}

static void
on_page_fetched (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(AttPagedModel) self = g_weak_ref_get (&fetch->model);
  g_autoptr(AttPage) page_result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_loading;
  guint    index = fetch->page_index;
  guint    generation = fetch->generation;

  g_weak_ref_clear (&fetch->model);
  g_free (fetch);

  /* A fetch from before reload() or dispose: nobody wants its page, and
   * after dispose the finish function's data may be gone. */
  if (self == NULL || generation != self->generation)
    return;

  was_loading = get_loading (self);
  g_assert (self->in_flight > 0);
  self->in_flight--;

  page_result = self->finish (result, &error, self->user_data);
  if (page_result != NULL && !check_page (self, page_result, &error))
    g_clear_object (&page_result);

  g_object_freeze_notify (G_OBJECT (self));

  if (page_result != NULL)
    {
      page_fetched (self, index, page_result);
      att_paged_model_evict_pages (self, index);
      refresh_error (self);
    }
  else
    page_failed (self, index, g_steal_pointer (&error));

  dispatch_fetches (self);

  if (was_loading != get_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
start_fetch (AttPagedModel *self,
             Page          *page)
{
  Fetch *fetch = g_new0 (Fetch, 1);

  g_assert (page->state == PAGE_WANTED);

  g_queue_unlink (&self->wanted, &page->link);
  page->state = PAGE_FETCHING;
  self->in_flight++;

  g_weak_ref_init (&fetch->model, self);
  fetch->page_index = page->index;
  fetch->generation = self->generation;

  self->fetch (page_first (self, page->index), self->page_size, self->cancellable,
               on_page_fetched, fetch, self->user_data);
}

/* Starts the most recently wanted pages, within the limit on fetches in
 * flight; the caller notifies :loading. */
static void
dispatch_fetches (AttPagedModel *self)
{
  if (self->fetch == NULL || self->finish == NULL)
    return;

  while (self->in_flight < MAX_IN_FLIGHT && self->wanted.head != NULL)
    start_fetch (self, self->wanted.head->data);
}

static void
request_page (AttPagedModel *self,
              guint          index)
{
  gboolean was_loading = get_loading (self);

  att_paged_model_ensure_page (self, index);
  dispatch_fetches (self);

  if (was_loading != get_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* --- GListModel -------------------------------------------------------- */

static GType
att_paged_model_get_item_type (GListModel *model)
{
  return ATT_PAGED_MODEL (model)->item_type;
}

static guint
att_paged_model_get_n_items (GListModel *model)
{
  return ATT_PAGED_MODEL (model)->n_items;
}

static gpointer
att_paged_model_get_item (GListModel *model,
                          guint       position)
{
  AttPagedModel *self = ATT_PAGED_MODEL (model);
  guint          index;
  guint          offset;
  Page          *page;

  if (position >= self->n_items)
    return NULL;

  index = position / self->page_size;
  offset = position % self->page_size;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page == NULL || page->state == PAGE_WANTED || page->state == PAGE_FAILED)
    {
      request_page (self, index);
      page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
    }
  else
    page->last_used = ++self->clock;

  g_assert (page != NULL);

  if (g_ptr_array_index (page->items, offset) == NULL)
    g_ptr_array_index (page->items, offset) = g_object_new (self->item_type, NULL);

  return g_object_ref (g_ptr_array_index (page->items, offset));
}

static void
att_paged_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = att_paged_model_get_item_type;
  iface->get_n_items = att_paged_model_get_n_items;
  iface->get_item = att_paged_model_get_item;
}

/* --- GObject ----------------------------------------------------------- */

static void
forget_everything (AttPagedModel *self)
{
  if (self->announce_source != NULL)
    {
      g_source_destroy (self->announce_source);
      g_clear_pointer (&self->announce_source, g_source_unref);
    }
  g_array_set_size (self->dropped, 0);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;
  self->in_flight = 0;
  g_queue_init (&self->wanted);
  g_hash_table_remove_all (self->pages);
}

static void
att_paged_model_dispose (GObject *object)
{
  AttPagedModel *self = (AttPagedModel *) object;

  if (self->cancellable != NULL)
    forget_everything (self);

  G_OBJECT_CLASS (att_paged_model_parent_class)->dispose (object);
}

static void
att_paged_model_finalize (GObject *object)
{
  AttPagedModel *self = (AttPagedModel *) object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->dropped, g_array_unref);
  g_clear_error (&self->error);
  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);

  G_OBJECT_CLASS (att_paged_model_parent_class)->finalize (object);
}

static void
att_paged_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AttPagedModel *self = ATT_PAGED_MODEL (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;

    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, get_loading (self));
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    case PROP_TOTAL:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_paged_model_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AttPagedModel *self = ATT_PAGED_MODEL (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      self->item_type = g_value_get_gtype (value);
      break;

    case PROP_PAGE_SIZE:
      self->page_size = MAX (g_value_get_uint (value), 1);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_paged_model_class_init (AttPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = att_paged_model_dispose;
  object_class->finalize = att_paged_model_finalize;
  object_class->get_property = att_paged_model_get_property;
  object_class->set_property = att_paged_model_set_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        G_TYPE_OBJECT,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL,
                       1, MAX_PAGE_SIZE, 50,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AttPagedModel:loading:
   *
   * Whether a fetch is in flight.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AttPagedModel:loaded:
   *
   * Whether a first page arrived, so that :total is known.
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AttPagedModel:total:
   *
   * The number of matches the server reported last.
   */
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AttPagedModel:error:
   *
   * Why a page failed, while one is failed: the first page (the model is
   * then not :loaded) or a later one, whose rows are then
   * %ATT_PAGED_ITEM_FAILED.  Cleared when no page is failed any more, and
   * by reload() and retry().
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_paged_model_init (AttPagedModel *self)
{
  self->item_type = G_TYPE_OBJECT;
  self->page_size = 50;
  self->pages = g_hash_table_new_full (NULL, NULL, NULL,
                                       (GDestroyNotify) att_paged_model_page_free);
  self->cancellable = g_cancellable_new ();
  self->dropped = g_array_new (FALSE, FALSE, sizeof (guint));
  g_queue_init (&self->wanted);
}

/**
 * att_paged_model_new:
 * @item_type: the #GObject type of the items
 * @page_size: how many items to fetch at a time, at most 10,000
 * @fetch: (scope notified): starts fetching a page
 * @finish: (scope notified): finishes @fetch
 * @user_data: passed to @fetch and @finish
 * @destroy: (nullable): frees @user_data with the model
 *
 * Returns: (transfer full): a new model, already fetching its first page
 */
AttPagedModel *
att_paged_model_new (GType              item_type,
                     guint              page_size,
                     AttPagedFetchFunc  fetch,
                     AttPagedFinishFunc finish,
                     gpointer           user_data,
                     GDestroyNotify     destroy)
{
  AttPagedModel *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (page_size > 0 && page_size <= MAX_PAGE_SIZE, NULL);
  g_return_val_if_fail (fetch != NULL, NULL);
  g_return_val_if_fail (finish != NULL, NULL);

  self = g_object_new (ATT_TYPE_PAGED_MODEL,
                       "item-type", item_type,
                       "page-size", page_size,
                       NULL);
  self->fetch = fetch;
  self->finish = finish;
  self->user_data = user_data;
  self->destroy = destroy;

  request_page (self, 0);

  return self;
}

/**
 * att_paged_model_reload:
 *
 * Drops every item, clears :error and fetches the first page again, e.g.
 * for a Retry button.
 */
void
att_paged_model_reload (AttPagedModel *self)
{
  guint old_n_items;

  g_return_if_fail (ATT_IS_PAGED_MODEL (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (get_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  forget_everything (self);
  self->cancellable = g_cancellable_new ();

  old_n_items = self->n_items;
  self->n_items = 0;
  if (old_n_items > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }

  if (self->loaded)
    {
      self->loaded = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }

  /* The model starts over, so a view goes back to its loading state rather
   * than showing the old failure while the retry runs. */
  set_error (self, NULL);

  request_page (self, 0);

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * att_paged_model_cancel:
 *
 * Stops the fetches in flight, for a Cancel button: they end with
 * %G_IO_ERROR_CANCELLED in :error, and the model fetches nothing more (a
 * page asked for fails at once) until att_paged_model_reload().
 */
void
att_paged_model_cancel (AttPagedModel *self)
{
  g_return_if_fail (ATT_IS_PAGED_MODEL (self));

  g_cancellable_cancel (self->cancellable);
}

/**
 * att_paged_model_retry:
 *
 * Fetches again, at once, every page that failed (or the first page, if
 * that is the one that failed), and clears :error meanwhile: for a Retry
 * button that keeps the rows already shown.
 */
void
att_paged_model_retry (AttPagedModel *self)
{
  g_autoptr(GArray) requeued = NULL;
  gboolean was_loading;

  g_return_if_fail (ATT_IS_PAGED_MODEL (self));

  if (!self->loaded)
    {
      if (self->error != NULL)
        att_paged_model_reload (self);
      return;
    }

  was_loading = get_loading (self);
  g_object_freeze_notify (G_OBJECT (self));

  requeued = att_paged_model_requeue_failed (self);
  set_error (self, NULL);
  for (guint i = 0; i < requeued->len; i++)
    att_paged_model_emit_rows_changed (self, g_array_index (requeued, guint, i));
  dispatch_fetches (self);

  if (was_loading != get_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * att_paged_model_is_item_loaded:
 *
 * Returns: whether the item at @position came from the server, rather than
 *   being a placeholder
 */
gboolean
att_paged_model_is_item_loaded (AttPagedModel *self,
                                guint          position)
{
  g_return_val_if_fail (ATT_IS_PAGED_MODEL (self), FALSE);

  return att_paged_model_get_item_state (self, position) == ATT_PAGED_ITEM_LOADED;
}

guint
att_paged_model_get_page_size (AttPagedModel *self)
{
  g_return_val_if_fail (ATT_IS_PAGED_MODEL (self), 0);

  return self->page_size;
}

gboolean
att_paged_model_get_loading (AttPagedModel *self)
{
  g_return_val_if_fail (ATT_IS_PAGED_MODEL (self), FALSE);

  return get_loading (self);
}

gboolean
att_paged_model_get_loaded (AttPagedModel *self)
{
  g_return_val_if_fail (ATT_IS_PAGED_MODEL (self), FALSE);

  return self->loaded;
}

guint
att_paged_model_get_total (AttPagedModel *self)
{
  g_return_val_if_fail (ATT_IS_PAGED_MODEL (self), 0);

  return self->n_items;
}

/**
 * att_paged_model_get_error:
 *
 * Returns: (transfer none) (nullable): the last failure
 */
const GError *
att_paged_model_get_error (AttPagedModel *self)
{
  g_return_val_if_fail (ATT_IS_PAGED_MODEL (self), NULL);

  return self->error;
}
