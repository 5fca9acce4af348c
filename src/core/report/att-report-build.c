/* att-report-build.c: a report of an account's certificates, read from
 * Higg and Closient
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-report-build.h"
#include "att-report-snapshot.h"

/*
 * The services read into a snapshot (att-report-snapshot-fetch.c), and the
 * report of the filter made of it in a worker thread: for a report made
 * once (attest-cli, tests).  The Reports view keeps the snapshot instead,
 * to make a report of each filter without reading the services again.
 */

typedef struct
{
  AttReportFilter *filter;
  GDateTime       *now;
  guint            lead_days;
} Build;

static void
build_free (Build *build)
{
  att_report_filter_free (build->filter);
  g_date_time_unref (build->now);
  g_free (build);
}

static void
on_made (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError    *error = NULL;
  AttReport *report = att_report_snapshot_make_finish (ATT_REPORT_SNAPSHOT (source_object), result, &error);

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

static void
on_fetched (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Build        *build = g_task_get_task_data (task);
  GCancellable *cancellable;
  GError       *error = NULL;
  g_autoptr(AttReportSnapshot) snapshot = att_report_snapshot_fetch_finish (result, &error);

  if (snapshot == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  att_report_snapshot_make_async (snapshot, build->filter, build->now, build->lead_days, cancellable, on_made,
                                  g_steal_pointer (&task));
}

/**
 * att_report_build_async:
 * @higg: (nullable): the account's Higg client; %NULL leaves Higg out
 * @closient: (nullable): its Closient client; %NULL leaves Closient out
 * @gtins: (nullable): the GTINs whose Closient certifications to read;
 *   %NULL for those of the PM products read
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
 * certifications of each GTIN from Closient, then makes the report in a
 * worker thread.  A service that fails is recorded in the report's
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
  Build *build = g_new0 (Build, 1);

  build->filter = filter != NULL ? att_report_filter_copy (filter) : att_report_filter_new ();
  build->now = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  build->lead_days = lead_days;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ATT_SOURCE_TAG (att_report_build_async));
  g_task_set_task_data (task, build, (GDestroyNotify) build_free);
  att_report_snapshot_fetch_async (att_report_filter_wants_source (build->filter, ATT_REPORT_SOURCE_HIGG) ? higg : NULL,
                                   att_report_filter_wants_source (build->filter, ATT_REPORT_SOURCE_CLOSIENT)
                                     ? closient
                                     : NULL,
                                   gtins, NULL, gtins == NULL ? ATT_REPORT_FETCH_PM_GTINS : ATT_REPORT_FETCH_DEFAULT,
                                   progress, progress_data, cancellable, on_fetched, task);
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
