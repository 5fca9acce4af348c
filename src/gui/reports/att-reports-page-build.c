/* att-reports-page-build.c: the Reports view's report: the services read
 * once (and again on Refresh), the report made again when the filters
 * change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-context.h"
#include "att-product-cache.h"
#include "att-report-snapshot.h"
#include "att-reports-page-private.h"

/* How long the filters must rest before the report is made again. */
#define BUILD_DELAY_MS 300

/* --- The report -------------------------------------------------------- */

static void
show_counts (AttReportsPage *self)
{
  g_autofree char *counts = NULL;
  g_autoptr(GDateTime) local = g_date_time_to_local (att_report_snapshot_get_fetched_at (self->snapshot));
  g_autofree char *time = g_date_time_format (local, "%X");
  g_autofree char *text = NULL;

  /* Translators: the counts of a report's rows by status */
  counts = g_strdup_printf (_ ("%u rows: %u valid, %u expiring, %u expired, %u without expiry date"),
                            att_report_get_n_rows (self->report),
                            att_report_count_status (self->report, ATT_CERTIFICATE_STATUS_VALID),
                            att_report_count_status (self->report, ATT_CERTIFICATE_STATUS_EXPIRING),
                            att_report_count_status (self->report, ATT_CERTIFICATE_STATUS_EXPIRED),
                            att_report_count_status (self->report, ATT_CERTIFICATE_STATUS_UNKNOWN));
  /* Translators: the counts of a report's rows, then the time Higg and
   * Closient were read */
  text = g_strdup_printf (_ ("%s · read at %s"), counts, time);
  gtk_label_set_label (self->counts_label, text);
}

static void
show_missing_parts (AttReportsPage *self)
{
  const char *const *parts = self->report != NULL ? att_report_get_missing_parts (self->report) : NULL;
  g_autofree char   *text = parts != NULL ? g_strjoinv ("\n", (char **) parts) : NULL;

  gtk_label_set_label (self->missing_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), text != NULL && text[0] != '\0');
}

static void
show_report (AttReportsPage *self,
             AttReport      *report)
{
  g_set_object (&self->report, report);
  if (report != NULL)
    att_report_set_thumbnails (report, self->show_images);
  gtk_slice_list_model_set_model (self->preview, report != NULL ? att_report_get_rows (report) : NULL);
  if (report != NULL)
    {
      show_counts (self);
      _att_reports_page_add_standards (self, report);
    }
  else
    gtk_label_set_label (self->counts_label, _ ("No source chosen"));
  show_missing_parts (self);
  _att_reports_page_update_actions (self);
}

static void
set_building (AttReportsPage *self,
              gboolean        building)
{
  gtk_widget_set_visible (GTK_WIDGET (self->build_progress), building);
  gtk_progress_bar_set_fraction (self->build_progress, 0);
}

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  AttReportsPage *self = user_data;

  if (total > 0)
    gtk_progress_bar_set_fraction (self->build_progress, (double) done / total);
}

static void
on_made (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AttReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttReport) report = att_report_snapshot_make_finish (ATT_REPORT_SNAPSHOT (source_object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A refresh may be under way: its progress stays. */
  set_building (self, self->fetch_cancellable != NULL);
  g_clear_object (&self->build_cancellable);
  show_report (self, report);
}

/* The report of the filters, made of the snapshot. */
static void
make_report (AttReportsPage *self)
{
  g_autoptr(AttReportFilter) filter = _att_reports_page_dup_filter (self);

  /* Only the last report made is shown. */
  g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
  if (filter == NULL)
    {
      set_building (self, FALSE);
      show_report (self, NULL);
      return;
    }
  self->build_cancellable = g_cancellable_new ();
  att_report_snapshot_make_async (self->snapshot, filter, NULL, att_context_get_expiry_lead_days (self->context),
                                  self->build_cancellable, on_made, g_object_ref (self));
}

/* --- Reading the services ---------------------------------------------- */

static void
on_fetched (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AttReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttReportSnapshot) snapshot = att_report_snapshot_fetch_finish (result, &error);

  if (snapshot == NULL)
    return;
  g_clear_object (&self->fetch_cancellable);
  g_set_object (&self->snapshot, snapshot);
  if (self->build_timeout == 0)
    make_report (self);
}

static void
fetch_snapshot (AttReportsPage *self,
                GListModel     *products)
{
  att_report_snapshot_fetch_async (att_context_get_higg_client (self->context),
                                   att_context_get_closient_client (self->context), NULL, products,
                                   ATT_REPORT_FETCH_PM_GTINS, on_progress, self, self->fetch_cancellable, on_fetched,
                                   g_object_ref (self));
}

/* Closient is asked about the GTINs of the products in the local copy
 * (and of the PM products), and its rows named after them. */
static void
on_cached_products (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AttReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) products = NULL;

  products = att_product_cache_search_products_finish (ATT_PRODUCT_CACHE (source_object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  fetch_snapshot (self, products);
}

static void
start_fetch (AttReportsPage *self)
{
  AttProductCache *cache = att_context_get_product_cache (self->context);

  self->fetch_cancellable = g_cancellable_new ();
  set_building (self, TRUE);
  if (cache != NULL && att_context_get_closient_client (self->context) != NULL)
    att_product_cache_search_products_async (cache, NULL, 0, self->fetch_cancellable, on_cached_products,
                                             g_object_ref (self));
  else
    fetch_snapshot (self, NULL);
}

/**
 * _att_reports_page_refresh:
 *
 * Reads Higg and Closient again; the report shown stays until the new one
 * is made.
 */
void
_att_reports_page_refresh (AttReportsPage *self)
{
  if (!self->started)
    return;
  g_cancellable_cancel (self->fetch_cancellable);
  g_clear_object (&self->fetch_cancellable);
  start_fetch (self);
}

void
_att_reports_page_cancel_build (AttReportsPage *self)
{
  g_clear_handle_id (&self->build_timeout, g_source_remove);
  g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
}

static gboolean
build_now (gpointer user_data)
{
  AttReportsPage *self = user_data;

  self->build_timeout = 0;
  if (self->snapshot != NULL)
    make_report (self);
  else if (self->fetch_cancellable == NULL)
    start_fetch (self);
  return G_SOURCE_REMOVE;
}

/* Makes the report again once the filters have rested, cancelling the
 * one being made; the services are read first, once. */
void
_att_reports_page_schedule_build (AttReportsPage *self)
{
  if (!self->started)
    return;
  _att_reports_page_cancel_build (self);
  self->build_timeout = g_timeout_add (BUILD_DELAY_MS, build_now, self);
}
