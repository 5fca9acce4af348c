/* att-report-snapshot.c: what Higg and Closient said about an account's
 * certificates, read once, for reports of any filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-pm-product.h"
#include "att-report-snapshot-private.h"

/**
 * AttReportSnapshot:
 *
 * The PM products with their certificates and the Closient certifications
 * of each GTIN, as the services gave them at one time, with what they
 * could not give (att-report-snapshot-fetch.c reads them).  Reports of any
 * filter, lead time or "now" are then made from it in a worker thread,
 * without asking the services again: the Reports view reads the services
 * once and when the user refreshes, not at each change of its filters.
 */

G_DEFINE_FINAL_TYPE (AttReportSnapshot, att_report_snapshot, G_TYPE_OBJECT)

static void
att_report_snapshot_finalize (GObject *object)
{
  AttReportSnapshot *self = ATT_REPORT_SNAPSHOT (object);

  g_object_unref (self->pm_products);
  g_ptr_array_unref (self->closient_gtins);
  g_ptr_array_unref (self->closient_lists);
  g_ptr_array_unref (self->missing_parts);
  g_hash_table_unref (self->names);
  g_date_time_unref (self->fetched_at);

  G_OBJECT_CLASS (att_report_snapshot_parent_class)->finalize (object);
}

static void
att_report_snapshot_class_init (AttReportSnapshotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = att_report_snapshot_finalize;
}

static void
att_report_snapshot_init (AttReportSnapshot *self)
{
  self->pm_products = g_list_store_new (ATT_TYPE_PM_PRODUCT);
  self->closient_gtins = g_ptr_array_new_with_free_func (g_free);
  self->closient_lists = g_ptr_array_new_with_free_func (g_object_unref);
  self->missing_parts = g_ptr_array_new_with_free_func (g_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->fetched_at = g_date_time_new_now_utc ();
}

AttReportSnapshot *
_att_report_snapshot_new (void)
{
  return g_object_new (ATT_TYPE_REPORT_SNAPSHOT, NULL);
}

/* When the services were read. */
GDateTime *
att_report_snapshot_get_fetched_at (AttReportSnapshot *self)
{
  g_return_val_if_fail (ATT_IS_REPORT_SNAPSHOT (self), NULL);
  return self->fetched_at;
}

/* How many GTINs Closient was asked about. */
guint
att_report_snapshot_get_n_gtins (AttReportSnapshot *self)
{
  g_return_val_if_fail (ATT_IS_REPORT_SNAPSHOT (self), 0);
  return self->n_gtins;
}

/* --- Reports made of it ------------------------------------------------ */

typedef struct
{
  AttReportFilter *filter;
  GDateTime       *now;
  guint            lead_days;
} Make;

static void
make_free (Make *make)
{
  att_report_filter_free (make->filter);
  g_date_time_unref (make->now);
  g_free (make);
}

static void
make_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AttReportSnapshot *self = source_object;
  Make              *make = task_data;
  g_autoptr(AttReport) report = att_report_new (make->filter, make->now, make->lead_days);

  att_report_add_pm_products (report, G_LIST_MODEL (self->pm_products));
  for (guint i = 0; i < self->closient_lists->len; i++)
    {
      const char *gtin = g_ptr_array_index (self->closient_gtins, i);

      att_report_add_closient_assignments (report, gtin, g_hash_table_lookup (self->names, gtin),
                                           g_ptr_array_index (self->closient_lists, i));
    }
  for (guint i = 0; i < self->missing_parts->len; i++)
    att_report_add_missing_part (report, g_ptr_array_index (self->missing_parts, i));

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&report), g_object_unref);
}

/**
 * att_report_snapshot_make_async:
 * @filter: (nullable): the rows to keep
 * @now: (nullable): the time statuses are judged at; %NULL for now
 * @lead_days: how many days before its expiry a certificate counts as
 *   expiring
 *
 * Makes the report of @filter from what was read, in a worker thread:
 * rows, statuses, order, counts and the parts the services did not give.
 */
void
att_report_snapshot_make_async (AttReportSnapshot     *self,
                                const AttReportFilter *filter,
                                GDateTime             *now,
                                guint                  lead_days,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Make *make;

  g_return_if_fail (ATT_IS_REPORT_SNAPSHOT (self));

  make = g_new0 (Make, 1);
  make->filter = filter != NULL ? att_report_filter_copy (filter) : att_report_filter_new ();
  make->now = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  make->lead_days = lead_days;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_report_snapshot_make_async));
  g_task_set_task_data (task, make, (GDestroyNotify) make_free);
  g_task_run_in_thread (task, make_thread);
}

/**
 * att_report_snapshot_make_finish:
 *
 * Returns: (transfer full): the report, or %NULL with @error when cancelled
 */
AttReport *
att_report_snapshot_make_finish (AttReportSnapshot *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
