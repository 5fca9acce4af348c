/* att-report-build.c: a report of an account's certificates, read from
 * Higg and Closient
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
#include "att-report-build.h"

/*
 * The builder reads every PM product with its certificates, a page at a
 * time (Higg has no list of certificates, api-higg.md §4.1), then the
 * Closient certifications of each GTIN in turn, all through the clients'
 * async calls on the caller's main context.  A service that fails does not
 * fail the report: what could not be read is recorded as a missing part,
 * and the rest is still reported.  Only cancelling fails the build.  The
 * rows are then made, filtered and sorted in a worker thread.
 */

typedef struct
{
  AttHiggClient     *higg;     /* nullable */
  AttClosientClient *closient; /* nullable */
  char             **gtins;
  AttReportFilter   *filter;
  GDateTime         *now;
  guint              lead_days;
  AttProgressFunc    progress;
  gpointer           progress_data;

  GListStore        *pm_products;
  GPtrArray         *closient_gtins; /* of char *, beside closient_lists */
  GPtrArray         *closient_lists; /* of GListModel */
  GPtrArray         *missing_parts;  /* of char * */
  guint              from;
  guint              pages_done;
  guint              pages_total;
  guint              next_gtin;
} Build;

static void
build_free (Build *build)
{
  g_clear_object (&build->higg);
  g_clear_object (&build->closient);
  g_strfreev (build->gtins);
  att_report_filter_free (build->filter);
  g_date_time_unref (build->now);
  g_clear_object (&build->pm_products);
  g_ptr_array_unref (build->closient_gtins);
  g_ptr_array_unref (build->closient_lists);
  g_ptr_array_unref (build->missing_parts);
  g_free (build);
}

static void fetch_next_gtin (GTask *task);

static void
report_progress (Build *build)
{
  guint n_gtins = build->closient != NULL ? g_strv_length (build->gtins) : 0;
  guint pages = build->higg != NULL ? MAX (build->pages_total, 1) : 0;
  guint pages_done = build->higg != NULL ? MIN (build->pages_done, pages) : 0;

  if (build->progress != NULL)
    build->progress (pages_done + build->next_gtin, pages + n_gtins, build->progress_data);
}

/* --- The rows, in a worker thread -------------------------------------- */

/* The names of the PM products by their GTIN, for Closient's rows. */
static GHashTable *
names_by_gtin (GListModel *products)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (products, i);
      const char *const *barcodes = att_pm_product_get_barcodes (product);

      for (guint j = 0; barcodes != NULL && barcodes[j] != NULL; j++)
        {
          char *gtin14 = NULL;

          if (att_gtin_normalize (barcodes[j], &gtin14, NULL))
            g_hash_table_insert (names, gtin14, g_strdup (att_pm_product_get_name (product)));
        }
    }
  return names;
}

static void
make_report (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Build *build = task_data;
  g_autoptr(AttReport) report = att_report_new (build->filter, build->now, build->lead_days);
  g_autoptr(GHashTable) names = names_by_gtin (G_LIST_MODEL (build->pm_products));

  att_report_add_pm_products (report, G_LIST_MODEL (build->pm_products));
  for (guint i = 0; i < build->closient_lists->len; i++)
    {
      const char *gtin = g_ptr_array_index (build->closient_gtins, i);

      att_report_add_closient_assignments (report, gtin, g_hash_table_lookup (names, gtin),
                                           g_ptr_array_index (build->closient_lists, i));
    }
  for (guint i = 0; i < build->missing_parts->len; i++)
    att_report_add_missing_part (report, g_ptr_array_index (build->missing_parts, i));

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&report), g_object_unref);
}

/* Ends the fetching: cancelled, the build fails; otherwise the rows are
 * made of what was read. */
static void
finish_fetching (GTask *task)
{
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_run_in_thread (task, make_report);
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
record_closient_error (Build        *build,
                       const char   *gtin,
                       const GError *error)
{
  guint left = g_strv_length (build->gtins) - build->next_gtin;

  if (is_service_error (error) && left > 0)
    {
      /* Translators: the first %s says why Closient failed; %u is a count */
      g_ptr_array_add (build->missing_parts,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Closient: %s. The certifications of %u product are missing.",
                                                     "Closient: %s. The certifications of %u products are missing.",
                                                     left + 1),
                                        error->message, left + 1));
      build->next_gtin = g_strv_length (build->gtins);
      return;
    }
  /* Translators: the first %s is a product's GTIN, the second why Closient
   * did not list its certifications */
  g_ptr_array_add (build->missing_parts, g_strdup_printf (_ ("Closient, GTIN %s: %s"), gtin, error->message));
}

static void
on_closient_list (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Build      *build = g_task_get_task_data (task);
  const char *gtin = build->gtins[build->next_gtin - 1];
  g_autoptr(GError) error = NULL;
  GListModel *list;

  list = att_closient_client_list_certifications_finish (ATT_CLOSIENT_CLIENT (source_object), result, &error);
  if (list != NULL)
    {
      g_ptr_array_add (build->closient_gtins, g_strdup (gtin));
      g_ptr_array_add (build->closient_lists, list);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  else if (!g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND))
    record_closient_error (build, gtin, error);

  /* A GTIN Closient does not know (404) has no certifications there. */
  report_progress (build);
  fetch_next_gtin (g_steal_pointer (&task));
}

static void
fetch_next_gtin (GTask *task)
{
  Build *build = g_task_get_task_data (task);

  if (build->closient == NULL || build->gtins[build->next_gtin] == NULL)
    {
      finish_fetching (task);
      g_object_unref (task);
      return;
    }

  att_closient_client_list_certifications_async (build->closient, build->gtins[build->next_gtin++], NULL,
                                                 g_task_get_cancellable (task), on_closient_list, task);
}

/* --- Higg, one PM page at a time --------------------------------------- */

static void fetch_next_page (GTask *task);

static gboolean
add_page (Build   *build,
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
        g_list_store_append (build->pm_products, product);
    }

  build->from += n;
  build->pages_done++;
  build->pages_total = (total + ATT_REPORT_BUILD_PAGE_SIZE - 1) / ATT_REPORT_BUILD_PAGE_SIZE;
  if (att_page_get_n_row_errors (page) > 0)
    /* Translators: %u is a count of products */
    g_ptr_array_add (build->missing_parts,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Higg: %u product could not be read.",
                                                   "Higg: %u products could not be read.",
                                                   att_page_get_n_row_errors (page)),
                                      att_page_get_n_row_errors (page)));

  /* An empty page before the total would never end. */
  return n > 0 && build->from < total;
}

static void
record_higg_error (Build        *build,
                   const GError *error)
{
  char *part;

  if (build->from == 0)
    /* Translators: %s says why Higg's product search failed */
    part = g_strdup_printf (_ ("Higg: %s. No certificates could be read."), error->message);
  else
    /* Translators: %s says why Higg's product search failed */
    part = g_strdup_printf (_ ("Higg: %s. Certificates after the first %u products are missing."),
                            error->message, build->from);
  g_ptr_array_add (build->missing_parts, part);
}

static void
on_page (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Build *build = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;

  page = att_higg_client_search_pm_products_finish (ATT_HIGG_CLIENT (source_object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (page == NULL)
    record_higg_error (build, error);

  if (page != NULL && add_page (build, page))
    {
      report_progress (build);
      fetch_next_page (g_steal_pointer (&task));
      return;
    }
  build->pages_total = build->pages_done;
  report_progress (build);
  fetch_next_gtin (g_steal_pointer (&task));
}

static void
fetch_next_page (GTask *task)
{
  Build *build = g_task_get_task_data (task);

  att_higg_client_search_pm_products_async (build->higg, NULL, build->from, ATT_REPORT_BUILD_PAGE_SIZE,
                                            g_task_get_cancellable (task), on_page, task);
}

/**
 * att_report_build_async:
 * @higg: (nullable): the account's Higg client; %NULL leaves Higg out
 * @closient: (nullable): its Closient client; %NULL leaves Closient out
 * @gtins: (nullable): the GTINs whose Closient certifications to read
 * @filter: (nullable): the rows to keep; its sources also say which
 *   services to ask
 * @now: (nullable): the time statuses are judged at; %NULL for now
 * @lead_days: how many days before its expiry a certificate counts as
 *   expiring
 * @progress: (nullable) (scope call): called on the caller's main context
 *   with the steps done (PM pages and GTINs) of the steps known
 * @cancellable: (nullable): cancels the build, which then fails
 *
 * Reads the certificates of every PM product from Higg and the
 * certifications of each of @gtins from Closient, then makes the report
 * in a worker thread.  A service that fails is recorded in the report's
 * missing parts; the build itself fails only when cancelled.
 */
void
att_report_build_async (AttHiggClient         *higg,
                        AttClosientClient     *closient,
                        const char *const     *gtins,
                        const AttReportFilter *filter,
                        GDateTime             *now,
                        guint                  lead_days,
                        AttProgressFunc        progress,
                        gpointer               progress_data,
                        GCancellable          *cancellable,
                        GAsyncReadyCallback    callback,
                        gpointer               user_data)
{
  GTask *task;
  Build *build;

  g_return_if_fail (higg == NULL || ATT_IS_HIGG_CLIENT (higg));
  g_return_if_fail (closient == NULL || ATT_IS_CLOSIENT_CLIENT (closient));

  build = g_new0 (Build, 1);
  build->filter = filter != NULL ? att_report_filter_copy (filter) : att_report_filter_new ();
  if (higg != NULL && att_report_filter_wants_source (build->filter, ATT_REPORT_SOURCE_HIGG))
    build->higg = g_object_ref (higg);
  if (closient != NULL && att_report_filter_wants_source (build->filter, ATT_REPORT_SOURCE_CLOSIENT))
    build->closient = g_object_ref (closient);
  build->gtins = g_strdupv ((char **) gtins);
  if (build->gtins == NULL)
    build->gtins = g_new0 (char *, 1);
  build->now = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  build->lead_days = lead_days;
  build->progress = progress;
  build->progress_data = progress_data;
  build->pm_products = g_list_store_new (ATT_TYPE_PM_PRODUCT);
  build->closient_gtins = g_ptr_array_new_with_free_func (g_free);
  build->closient_lists = g_ptr_array_new_with_free_func (g_object_unref);
  build->missing_parts = g_ptr_array_new_with_free_func (g_free);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_report_build_async));
  g_task_set_task_data (task, build, (GDestroyNotify) build_free);

  if (build->higg != NULL)
    fetch_next_page (task);
  else
    fetch_next_gtin (task);
}

/**
 * att_report_build_finish:
 *
 * Returns: (transfer full): the report, or %NULL with @error set when the
 *   build was cancelled
 */
AttReport *
att_report_build_finish (GAsyncResult *result,
                         GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ATT_SOURCE_TAG (att_report_build_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
