/* att-reports-page-build.c: the Reports view's report, built again when
 * its filters change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-context.h"
#include "att-gtin.h"
#include "att-higg-client.h"
#include "att-page.h"
#include "att-pm-product.h"
#include "att-report-build.h"
#include "att-reports-page-private.h"

/* How long the filters must rest before the report is built again. */
#define BUILD_DELAY_MS 300

/* The Closient certifications are read for the GTINs of the first PM
 * products only: a bounded number of Closient calls for a preview. */
#define GTIN_PRODUCTS 100

/* --- The GTINs of the first PM products -------------------------------- */

static char **
collect_gtins (AttPage *page)
{
  GListModel *items = att_page_get_items (page);
  g_autoptr(GStrvBuilder) gtins = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (items, i);
      const char *const *barcodes;

      if (att_page_get_row_error (page, i) != NULL)
        continue;
      barcodes = att_pm_product_get_barcodes (product);
      for (guint j = 0; barcodes != NULL && barcodes[j] != NULL; j++)
        {
          g_autofree char *gtin14 = NULL;

          if (att_gtin_normalize (barcodes[j], &gtin14, NULL))
            g_strv_builder_add (gtins, gtin14);
        }
    }
  return g_strv_builder_end (gtins);
}

static void
on_gtin_page (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;

  page = att_higg_client_search_pm_products_finish (ATT_HIGG_CLIENT (source_object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    /* Without Higg's products, Closient is asked for no GTIN; the
     * report's build says what Higg could not give. */
    g_task_return_pointer (task, page != NULL ? collect_gtins (page) : g_new0 (char *, 1), (GDestroyNotify) g_strfreev);
}

static void
fetch_gtins_async (AttHiggClient      *higg,
                   GCancellable       *cancellable,
                   GAsyncReadyCallback callback,
                   gpointer            user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ATT_SOURCE_TAG (fetch_gtins_async));
  if (higg == NULL)
    {
      g_task_return_pointer (task, g_new0 (char *, 1), (GDestroyNotify) g_strfreev);
      g_object_unref (task);
      return;
    }
  att_higg_client_search_pm_products_async (higg, NULL, 0, GTIN_PRODUCTS, cancellable, on_gtin_page, task);
}

static char **
fetch_gtins_finish (GAsyncResult *result,
                    GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- The report -------------------------------------------------------- */

static void
show_counts (AttReportsPage *self)
{
  g_autofree char *text = NULL;

  /* Translators: the counts of a report's rows by status */
  text = g_strdup_printf (_ ("%u rows: %u valid, %u expiring, %u expired, %u without expiry date"),
                          att_report_get_n_rows (self->report),
                          att_report_count_status (self->report, ATT_CERTIFICATE_STATUS_VALID),
                          att_report_count_status (self->report, ATT_CERTIFICATE_STATUS_EXPIRING),
                          att_report_count_status (self->report, ATT_CERTIFICATE_STATUS_EXPIRED),
                          att_report_count_status (self->report, ATT_CERTIFICATE_STATUS_UNKNOWN));
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
  gtk_slice_list_model_set_model (self->preview, report != NULL ? att_report_get_rows (report) : NULL);
  if (report != NULL)
    {
      show_counts (self);
      _att_reports_page_add_standards (self, report);
    }
  else
    gtk_label_set_label (self->counts_label, _ ("No source chosen"));
  show_missing_parts (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), report != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), report != NULL);
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
on_built (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AttReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttReport) report = att_report_build_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_building (self, FALSE);
  g_clear_object (&self->build_cancellable);
  show_report (self, report);
}

static void
on_gtins (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AttReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) gtins = fetch_gtins_finish (result, &error);
  g_autoptr(AttReportFilter) filter = NULL;

  if (gtins == NULL)
    return;
  filter = _att_reports_page_dup_filter (self);
  att_report_build_async (att_context_get_higg_client (self->context),
                          att_context_get_closient_client (self->context), (const char *const *) gtins, filter,
                          NULL, att_context_get_expiry_lead_days (self->context), on_progress, self,
                          self->build_cancellable, on_built, g_object_ref (self));
}

void
_att_reports_page_cancel_build (AttReportsPage *self)
{
  g_clear_handle_id (&self->build_timeout, g_source_remove);
  g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
}

static gboolean
wants_closient (AttReportsPage *self)
{
  return att_context_get_closient_client (self->context) != NULL &&
         gtk_check_button_get_active (self->closient_check);
}

static gboolean
build_now (gpointer user_data)
{
  AttReportsPage *self = user_data;
  g_autoptr(AttReportFilter) filter = _att_reports_page_dup_filter (self);

  self->build_timeout = 0;
  if (filter == NULL)
    {
      set_building (self, FALSE);
      show_report (self, NULL);
      return G_SOURCE_REMOVE;
    }
  self->build_cancellable = g_cancellable_new ();
  set_building (self, TRUE);
  fetch_gtins_async (wants_closient (self) ? att_context_get_higg_client (self->context) : NULL,
                     self->build_cancellable, on_gtins, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* Builds the report again once the filters have rested, cancelling the
 * build under way. */
void
_att_reports_page_schedule_build (AttReportsPage *self)
{
  if (!self->started)
    return;
  _att_reports_page_cancel_build (self);
  self->build_timeout = g_timeout_add (BUILD_DELAY_MS, build_now, self);
}
