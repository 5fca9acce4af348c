/* att-report-snapshot-fetch.c: an account's certificates, read from Higg
 * and Closient
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-closient-client.h"
#include "att-error.h"
#include "att-gtin.h"
#include "att-higg-client.h"
#include "att-page.h"
#include "att-pm-product.h"
#include "att-product.h"
#include "att-report-build.h"
#include "att-report-snapshot-private.h"

/*
 * Every PM product with its certificates, a page at a time (Higg has no
 * list of certificates, api-higg.md §4.1), then the Closient
 * certifications of each GTIN in turn (those given, then, if asked, those
 * of the PM products' barcodes, each once), all through the clients' async calls on
 * the caller's main context.  A service that fails does not fail the
 * fetch: what could not be read is recorded as a missing part, and the
 * rest is kept.  Only cancelling fails it.
 */

typedef struct
{
  AttHiggClient      *higg;     /* nullable */
  AttClosientClient  *closient; /* nullable */
  GPtrArray          *gtins;    /* of char *, each once */
  GHashTable         *gtin_set;
  AttReportFetchFlags flags;
  AttProgressFunc     progress;
  gpointer            progress_data;

  AttReportSnapshot  *snapshot;
  guint               from;
  guint               pages_done;
  guint               pages_total;
  guint               next_gtin;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_clear_object (&fetch->higg);
  g_clear_object (&fetch->closient);
  g_ptr_array_unref (fetch->gtins);
  g_hash_table_unref (fetch->gtin_set);
  g_object_unref (fetch->snapshot);
  g_free (fetch);
}

static void fetch_next_gtin (GTask *task);

static void
report_progress (Fetch *fetch)
{
  guint n_gtins = fetch->closient != NULL ? fetch->gtins->len : 0;
  guint pages = fetch->higg != NULL ? MAX (fetch->pages_total, 1) : 0;
  guint pages_done = fetch->higg != NULL ? MIN (fetch->pages_done, pages) : 0;

  if (fetch->progress != NULL)
    fetch->progress (pages_done + fetch->next_gtin, pages + n_gtins, fetch->progress_data);
}

/* Adds @gtin (any form) to the GTINs to ask Closient about, once. */
static void
add_gtin (Fetch      *fetch,
          const char *gtin)
{
  char *gtin14 = NULL;

  if (!att_gtin_normalize (gtin, &gtin14, NULL))
    return;
  if (g_hash_table_contains (fetch->gtin_set, gtin14))
    {
      g_free (gtin14);
      return;
    }
  g_hash_table_add (fetch->gtin_set, gtin14);
  g_ptr_array_add (fetch->gtins, gtin14);
}

/* Names @gtin's product @name (a later name wins), for Closient's rows. */
static void
name_gtin (Fetch      *fetch,
           const char *gtin,
           const char *name)
{
  char *gtin14 = NULL;

  if (name != NULL && att_gtin_normalize (gtin, &gtin14, NULL))
    g_hash_table_replace (fetch->snapshot->names, gtin14, g_strdup (name));
}

/* The products identified by a GTIN: their GTINs asked about, their
 * names kept. */
static void
add_products (Fetch      *fetch,
              GListModel *products)
{
  for (guint i = 0; products != NULL && i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (products, i);
      const char *gtin = att_product_get_identifier (product);

      if (g_strcmp0 (att_product_get_identifier_type (product), "GTIN") != 0 || gtin == NULL)
        continue;
      add_gtin (fetch, gtin);
      name_gtin (fetch, gtin, att_product_get_name (product));
    }
}

/* The PM products' names by their barcodes, and, if asked, their barcodes
 * after the GTINs given. */
static void
add_pm_gtins (Fetch *fetch)
{
  GListModel *products = G_LIST_MODEL (fetch->snapshot->pm_products);

  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (products, i);
      const char *const *barcodes = att_pm_product_get_barcodes (product);

      for (guint j = 0; barcodes != NULL && barcodes[j] != NULL; j++)
        {
          if (fetch->flags & ATT_REPORT_FETCH_PM_GTINS)
            add_gtin (fetch, barcodes[j]);
          name_gtin (fetch, barcodes[j], att_pm_product_get_name (product));
        }
    }
}

/* Ends the fetch: cancelled, it fails; otherwise the snapshot is done. */
static void
finish_fetching (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    return;
  fetch->snapshot->n_gtins = fetch->closient != NULL ? fetch->gtins->len : 0;
  g_task_return_pointer (task, g_object_ref (fetch->snapshot), g_object_unref);
}

/* --- Closient, one GTIN at a time -------------------------------------- */

/* Whether @error says Closient cannot answer any GTIN (it is down, or the
 * key is refused), so that asking for the next is pointless. */
static gboolean
is_service_error (const GError *error)
{
  return g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_NETWORK) ||
         g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_TIMEOUT) ||
         g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_UNAUTHORIZED) ||
         g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_FORBIDDEN) ||
         g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_SERVER) ||
         g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_INSECURE) ||
         g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_TLS);
}

static void
record_closient_error (Fetch        *fetch,
                       const char   *gtin,
                       const GError *error)
{
  guint left = fetch->gtins->len - fetch->next_gtin;

  if (is_service_error (error) && left > 0)
    {
      /* Translators: the first %s says why Closient failed; %u is a count */
      g_ptr_array_add (fetch->snapshot->missing_parts,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Closient: %s. The certifications of %u product are missing.",
                                                     "Closient: %s. The certifications of %u products are missing.",
                                                     left + 1),
                                        error->message, left + 1));
      fetch->next_gtin = fetch->gtins->len;
      return;
    }
  /* Translators: the first %s is a product's GTIN, the second why Closient
   * did not list its certifications */
  g_ptr_array_add (fetch->snapshot->missing_parts, g_strdup_printf (_ ("Closient, GTIN %s: %s"), gtin, error->message));
}

static void
on_closient_list (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch      *fetch = g_task_get_task_data (task);
  const char *gtin = g_ptr_array_index (fetch->gtins, fetch->next_gtin - 1);
  g_autoptr(GError) error = NULL;
  GListModel *list;

  list = att_closient_client_list_certifications_finish (ATT_CLOSIENT_CLIENT (source_object), result, &error);
  if (list != NULL)
    {
      g_ptr_array_add (fetch->snapshot->closient_gtins, g_strdup (gtin));
      g_ptr_array_add (fetch->snapshot->closient_lists, list);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  else if (!g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND))
    record_closient_error (fetch, gtin, error);

  /* A GTIN Closient does not know (404) has no certifications there. */
  report_progress (fetch);
  fetch_next_gtin (g_steal_pointer (&task));
}

static void
fetch_next_gtin (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);

  if (fetch->closient == NULL || fetch->next_gtin == fetch->gtins->len)
    {
      finish_fetching (task);
      g_object_unref (task);
      return;
    }

  att_closient_client_list_certifications_async (fetch->closient, g_ptr_array_index (fetch->gtins, fetch->next_gtin++), NULL,
                                                 g_task_get_cancellable (task), on_closient_list, task);
}

/* --- Higg, one PM page at a time --------------------------------------- */

static void fetch_next_page (GTask *task);

static gboolean
add_page (Fetch   *fetch,
          AttPage *page)
{
  GListModel *items = att_page_get_items (page);
  guint       n = g_list_model_get_n_items (items);
  guint       total = att_page_get_total (page);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (items, i);

      /* A row that could not be read is a placeholder, not a product. */
      if (att_page_get_row_error (page, i) == NULL)
        g_list_store_append (fetch->snapshot->pm_products, product);
    }

  fetch->from += n;
  fetch->pages_done++;
  fetch->pages_total = (total + ATT_REPORT_BUILD_PAGE_SIZE - 1) / ATT_REPORT_BUILD_PAGE_SIZE;
  if (att_page_get_n_row_errors (page) > 0)
    /* Translators: %u is a count of products */
    g_ptr_array_add (fetch->snapshot->missing_parts,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Higg: %u product could not be read.",
                                                   "Higg: %u products could not be read.",
                                                   att_page_get_n_row_errors (page)),
                                      att_page_get_n_row_errors (page)));

  /* An empty page before the total would never end. */
  return n > 0 && fetch->from < total;
}

static void
record_higg_error (Fetch        *fetch,
                   const GError *error)
{
  char *part;

  if (fetch->from == 0)
    /* Translators: %s says why Higg's product search failed */
    part = g_strdup_printf (_ ("Higg: %s. No certificates could be read."), error->message);
  else
    /* Translators: %s says why Higg's product search failed */
    part = g_strdup_printf (_ ("Higg: %s. Certificates after the first %u products are missing."),
                            error->message, fetch->from);
  g_ptr_array_add (fetch->snapshot->missing_parts, part);
}

static void
on_page (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;

  page = att_higg_client_search_pm_products_finish (ATT_HIGG_CLIENT (source_object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (page == NULL)
    record_higg_error (fetch, error);

  if (page != NULL && add_page (fetch, page))
    {
      report_progress (fetch);
      fetch_next_page (g_steal_pointer (&task));
      return;
    }
  fetch->pages_total = fetch->pages_done;
  add_pm_gtins (fetch);
  report_progress (fetch);
  fetch_next_gtin (g_steal_pointer (&task));
}

static void
fetch_next_page (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);

  att_higg_client_search_pm_products_async (fetch->higg, NULL, fetch->from, ATT_REPORT_BUILD_PAGE_SIZE,
                                            g_task_get_cancellable (task), on_page, task);
}

/**
 * att_report_snapshot_fetch_async:
 * @higg: (nullable): the account's Higg client; %NULL leaves Higg out
 * @closient: (nullable): its Closient client; %NULL leaves Closient out
 * @gtins: (nullable): GTINs whose Closient certifications to read
 * @products: (nullable): #AttProduct<!-- -->s (the local copy's) whose
 *   GTINs to read too, and whose names Closient's rows show
 * @flags: %ATT_REPORT_FETCH_PM_GTINS to read those of the PM products'
 *   barcodes too
 * @progress: (nullable) (scope call): called on the caller's main context
 *   with the steps done (PM pages and GTINs) of the steps known
 * @cancellable: (nullable): cancels the fetch, which then fails
 *
 * Reads the certificates of every PM product from Higg and the
 * certifications of each GTIN from Closient.  A service that fails is
 * recorded in the snapshot's missing parts; the fetch itself fails only
 * when cancelled.
 */
void
att_report_snapshot_fetch_async (AttHiggClient      *higg,
                                 AttClosientClient  *closient,
                                 const char *const  *gtins,
                                 GListModel         *products,
                                 AttReportFetchFlags flags,
                                 AttProgressFunc     progress,
                                 gpointer            progress_data,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  GTask *task;
  Fetch *fetch;

  g_return_if_fail (higg == NULL || ATT_IS_HIGG_CLIENT (higg));
  g_return_if_fail (closient == NULL || ATT_IS_CLOSIENT_CLIENT (closient));

  fetch = g_new0 (Fetch, 1);
  fetch->higg = higg != NULL ? g_object_ref (higg) : NULL;
  fetch->closient = closient != NULL ? g_object_ref (closient) : NULL;
  fetch->gtins = g_ptr_array_new ();
  fetch->gtin_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fetch->flags = flags;
  fetch->snapshot = _att_report_snapshot_new ();
  for (guint i = 0; gtins != NULL && gtins[i] != NULL; i++)
    add_gtin (fetch, gtins[i]);
  add_products (fetch, products);
  fetch->progress = progress;
  fetch->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_report_snapshot_fetch_async));
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
  if (fetch->higg != NULL)
    fetch_next_page (task);
  else
    fetch_next_gtin (task);
}

/**
 * att_report_snapshot_fetch_finish:
 *
 * Returns: (transfer full): what was read, or %NULL with @error when
 *   cancelled
 */
AttReportSnapshot *
att_report_snapshot_fetch_finish (GAsyncResult *result,
                                  GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_report_snapshot_fetch_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
