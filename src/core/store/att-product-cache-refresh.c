/* att-product-cache-refresh.c: filling a product cache from products/search,
 * and storing saved products
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-higg-client.h"
#include "att-page.h"
#include "att-product-cache-private.h"

/* A scan pages through every product.  The first page says how many there
 * are and how large a page the server really serves (it may lower the size
 * asked for); after it, two searches stay out at once, so that the server
 * prepares one page while the client reads the other.  Each page goes to
 * the writing thread as it comes, one transaction each, and `changed` is
 * emitted once it is stored: the cache can be browsed before the scan
 * ends.  Only a complete scan removes the products it did not see. */

#define SEARCHES_IN_FLIGHT 2

/* Pages held at once, searched or waiting for the writing thread: when the
 * server answers faster than the disk takes pages, the scan waits for the
 * writer instead of piling pages up in memory (370 MB over 100,000
 * products without this bound). */
#define PAGES_HELD 4

typedef struct
{
  gint64   scan;
  guint    page_size;
  guint    next_from;
  guint    total;
  guint    searches; /* out now */
  guint    writes;   /* queued now */
  guint    fetched;  /* stored so far */
  gboolean sized;    /* the first page has come */
  gboolean finishing;
  GError  *error;
} Refresh;

static void
refresh_free (Refresh *refresh)
{
  g_clear_error (&refresh->error);
  g_free (refresh);
}

static void search_next (GTask *task);

static void
complete (GTask *task)
{
  AttProductCache *self = g_task_get_source_object (task);
  Refresh         *refresh = g_task_get_task_data (task);

  att_product_cache_set_refreshing (self, FALSE);
  if (refresh->error != NULL)
    g_task_return_error (task, g_steal_pointer (&refresh->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
scan_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Refresh *refresh = g_task_get_task_data (task);

  g_task_propagate_int (G_TASK (result), &refresh->error);
  complete (task);
}

/* Once nothing is out or queued: fails, or drops what the scan did not
 * see and succeeds. */
static void
maybe_complete (GTask *task)
{
  AttProductCache *self = g_task_get_source_object (task);
  Refresh         *refresh = g_task_get_task_data (task);
  g_autoptr(GTask) finish = NULL;

  if (refresh->searches > 0 || refresh->writes > 0 || refresh->finishing)
    return;
  if (refresh->error == NULL && refresh->next_from < refresh->total)
    return;

  if (refresh->error != NULL)
    {
      complete (task);
      return;
    }

  refresh->finishing = TRUE;
  finish = g_task_new (self, NULL, scan_finished_cb, g_object_ref (task));
  att_cache_writer_finish_scan (att_product_cache_get_writer (self), refresh->scan,
                                refresh->total, finish);
}

static void
page_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AttProductCache *self = g_task_get_source_object (task);
  Refresh         *refresh = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gssize written;

  refresh->writes--;
  written = g_task_propagate_int (G_TASK (result), &error);
  if (error != NULL && refresh->error == NULL)
    refresh->error = g_steal_pointer (&error);
  else if (written > 0)
    refresh->fetched += (guint) written;

  att_product_cache_set_progress (self, refresh->fetched, refresh->total);
  att_product_cache_emit_changed (self);
  search_next (task);
  maybe_complete (task);
}

/* The first page fixes the page size the server serves. */
static void
take_page_size (Refresh *refresh,
                AttPage *page)
{
  guint n = g_list_model_get_n_items (att_page_get_items (page));

  if (!refresh->sized && n > 0 && n < refresh->page_size && n < refresh->total)
    {
      refresh->page_size = n;
      refresh->next_from = n;
    }
  refresh->sized = TRUE;
}

static void
store_page (GTask   *task,
            AttPage *page)
{
  AttProductCache *self = g_task_get_source_object (task);
  Refresh         *refresh = g_task_get_task_data (task);
  g_autoptr(GTask) write = g_task_new (self, NULL, page_written_cb, g_object_ref (task));

  refresh->total = att_page_get_total (page);
  take_page_size (refresh, page);

  /* A page shorter than promised (products removed meanwhile): the scan
   * ends there rather than asking past the end. */
  if (g_list_model_get_n_items (att_page_get_items (page)) == 0)
    refresh->next_from = MAX (refresh->next_from, refresh->total);

  if (refresh->fetched == 0)
    att_product_cache_set_progress (self, 0, refresh->total);

  refresh->writes++;
  att_cache_writer_write_page (att_product_cache_get_writer (self), page,
                               refresh->scan, write);
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Refresh *refresh = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  AttPage *page;

  refresh->searches--;
  page = att_higg_client_search_products_finish (ATT_HIGG_CLIENT (object), result, &error);
  if (page == NULL)
    {
      if (refresh->error == NULL)
        refresh->error = g_steal_pointer (&error);
    }
  else
    {
      /* The page goes whole to the writing thread: no reference to it
       * stays here. */
      store_page (task, page);
    }

  search_next (task);
  maybe_complete (task);
}

static void
search_next (GTask *task)
{
  AttProductCache *self = g_task_get_source_object (task);
  Refresh         *refresh = g_task_get_task_data (task);
  guint            limit = refresh->sized ? SEARCHES_IN_FLIGHT : 1;

  while (refresh->error == NULL && refresh->searches < limit &&
         refresh->searches + refresh->writes < PAGES_HELD &&
         refresh->next_from < refresh->total)
    {
      refresh->searches++;
      att_higg_client_search_products_async (att_product_cache_get_client (self), NULL, NULL,
                                             refresh->next_from, refresh->page_size,
                                             g_task_get_cancellable (task),
                                             page_cb, g_object_ref (task));
      refresh->next_from += refresh->page_size;
    }
}

/**
 * att_product_cache_refresh_async:
 *
 * Scans every product of the account into the cache.  `total` is known,
 * and `fetched` grows, from the first page on; `changed` is emitted after
 * each page is stored.  Cancelling keeps the pages already stored.  Fails
 * with %ATT_PRODUCT_CACHE_ERROR_BUSY while another refresh runs.
 */
void
att_product_cache_refresh_async (AttProductCache    *self,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  Refresh *refresh;

  g_return_if_fail (ATT_IS_PRODUCT_CACHE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_product_cache_refresh_async));

  if (att_product_cache_get_refreshing (self))
    {
      g_task_return_new_error (task, ATT_PRODUCT_CACHE_ERROR, ATT_PRODUCT_CACHE_ERROR_BUSY,
                               _ ("The product cache is already being refreshed"));
      return;
    }

  refresh = g_new0 (Refresh, 1);
  refresh->scan = g_get_real_time ();
  refresh->page_size = att_product_cache_get_page_size (self);
  refresh->total = G_MAXUINT; /* until the first page says */
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);

  att_product_cache_set_progress (self, 0, 0);
  att_product_cache_set_refreshing (self, TRUE);
  search_next (task);
}

gboolean
att_product_cache_refresh_finish (AttProductCache *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                          ATT_SOURCE_TAG (att_product_cache_refresh_async),
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
product_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AttProductCache *self = ATT_PRODUCT_CACHE (object);
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_int (G_TASK (result), &error) < 0)
    {
      g_warning ("Cannot store a saved product in the cache: %s", error->message);
      return;
    }
  att_product_cache_emit_changed (self);
}

/**
 * att_product_cache_put_product:
 * @product: the server's copy of a product just saved
 *
 * Stores @product with its purchase orders, replacing the stored copy;
 * `changed` follows once it is written.  Connected to
 * AttContext::product-saved by the context.
 */
void
att_product_cache_put_product (AttProductCache *self,
                               AttProduct      *product)
{
  g_autoptr(GTask) task = NULL;
  AttCacheRecord *record;

  g_return_if_fail (ATT_IS_PRODUCT_CACHE (self));

  /* Copied here: the product is shared with the views on this thread. */
  record = att_cache_record_new (product);
  if (record == NULL)
    return;

  task = g_task_new (self, NULL, product_written_cb, NULL);
  att_cache_writer_write_record (att_product_cache_get_writer (self), record,
                                 g_get_real_time (), task);
}
