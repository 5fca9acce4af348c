/* att-cli-build.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-cli-build.h"
#include "att-cli-product-scan.h"
#include "att-report-snapshot.h"

static AttReportSnapshot *
fetch (AttHiggClient     *higg,
       AttClosientClient *closient,
       const char *const *gtins,
       GListModel        *products,
       GCancellable      *cancellable,
       GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  AttReportSnapshot *snapshot;

  att_report_snapshot_fetch_async (higg, closient, gtins, products, ATT_REPORT_FETCH_DEFAULT, att_cli_progress,
                                   _ ("Reading certificates…"), cancellable, att_cli_store_result, &result);
  snapshot = att_report_snapshot_fetch_finish (att_cli_await_result (&result), error);
  att_cli_progress_end ();
  return snapshot;
}

static AttReport *
make (AttReportSnapshot     *snapshot,
      const AttReportFilter *filter,
      guint                  lead_days,
      GCancellable          *cancellable,
      GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  att_report_snapshot_make_async (snapshot, filter, NULL, lead_days, cancellable, att_cli_store_result, &result);
  return att_report_snapshot_make_finish (snapshot, att_cli_await_result (&result), error);
}

/**
 * att_cli_build_report:
 * @gtins: (nullable): the GTINs whose Closient certifications to read;
 *   %NULL for those of every product of the Higg account
 *
 * Builds the report of @connection's account, as the Reports view does,
 * waiting on the main context.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error
 *   (cancelled, or the products could not be listed)
 */
AttReport *
att_cli_build_report (AttCliConnection      *connection,
                      const char *const     *gtins,
                      const AttReportFilter *filter,
                      guint                  lead_days,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_autoptr(GListModel) products = NULL;
  g_autoptr(AttReportSnapshot) snapshot = NULL;
  AttHiggClient     *higg = NULL;
  AttClosientClient *closient = NULL;

  if (att_report_filter_wants_source (filter, ATT_REPORT_SOURCE_HIGG))
    higg = connection->higg;
  if (att_report_filter_wants_source (filter, ATT_REPORT_SOURCE_CLOSIENT))
    closient = connection->closient;
  /* Closient is asked by GTIN: by default, those of the Higg products,
   * whose names its rows show. */
  if (closient != NULL && gtins == NULL && connection->higg != NULL)
    {
      products = att_cli_dup_products (connection->higg, cancellable, error);
      if (products == NULL)
        return NULL;
    }
  snapshot = fetch (higg, closient, gtins, products, cancellable, error);
  return snapshot != NULL ? make (snapshot, filter, lead_days, cancellable, error) : NULL;
}

/**
 * att_cli_fail_incomplete:
 *
 * A report that misses a part is not a success for a script: says which
 * parts are missing.
 *
 * Returns: %ATT_CLI_EXIT_OK for a whole report, else %ATT_CLI_EXIT_FAILURE
 */
int
att_cli_fail_incomplete (AttReport *report)
{
  const char *const *missing = att_report_get_missing_parts (report);
  g_autofree char   *parts = NULL;

  if (missing == NULL || missing[0] == NULL)
    return ATT_CLI_EXIT_OK;
  parts = g_strjoinv ("; ", (char **) missing);
  /* Translators: %s is the list of what could not be read */
  return att_cli_fail_message (_ ("The report is incomplete: %s"), parts);
}
