/* att-cli-build.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-cli-build.h"
#include "att-cli-product-scan.h"
#include "att-report-build.h"

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
  static const char *const none[] = { NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_auto(GStrv) found = NULL;
  AttHiggClient     *higg = NULL;
  AttClosientClient *closient = NULL;
  AttReport         *report;

  if (att_report_filter_wants_source (filter, ATT_REPORT_SOURCE_HIGG))
    higg = connection->higg;
  if (att_report_filter_wants_source (filter, ATT_REPORT_SOURCE_CLOSIENT))
    closient = connection->closient;
  /* Closient is asked by GTIN: by default, those of the Higg products. */
  if (closient != NULL && gtins == NULL && connection->higg != NULL)
    {
      found = att_cli_dup_product_gtins (connection->higg, cancellable, error);
      if (found == NULL)
        return NULL;
      gtins = (const char *const *) found;
    }
  att_report_build_async (higg, closient, gtins != NULL ? gtins : none, filter, now, lead_days, att_cli_progress,
                          _ ("Reading certificates…"), cancellable, att_cli_store_result, &result);
  report = att_report_build_finish (att_cli_await_result (&result), error);
  att_cli_progress_end ();
  return report;
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
