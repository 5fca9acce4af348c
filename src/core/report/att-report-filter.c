/* att-report-filter.c: which certificates a report keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-report-filter.h"

/* Registered by hand: G_DEFINE_BOXED_TYPE's transparent-union cast is an
 * error under -Wpedantic. */
GType
att_report_filter_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      GType id = g_boxed_type_register_static (g_intern_static_string ("AttReportFilter"),
                                               (GBoxedCopyFunc) att_report_filter_copy,
                                               (GBoxedFreeFunc) att_report_filter_free);

      g_once_init_leave (&type, id);
    }
  return type;
}

/**
 * att_report_filter_new:
 *
 * Returns: (transfer full): a filter that keeps every row
 */
AttReportFilter *
att_report_filter_new (void)
{
  AttReportFilter *filter = g_new0 (AttReportFilter, 1);

  filter->expiring_within_days = -1;
  return filter;
}

AttReportFilter *
att_report_filter_copy (const AttReportFilter *filter)
{
  AttReportFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->standards = g_strdupv (filter->standards);
  copy->search = g_strdup (filter->search);
  copy->account = g_strdup (filter->account);
  return copy;
}

void
att_report_filter_free (AttReportFilter *filter)
{
  if (filter == NULL)
    return;
  g_strfreev (filter->standards);
  g_free (filter->search);
  g_free (filter->account);
  g_free (filter);
}

/**
 * att_report_filter_wants_source:
 *
 * Returns: whether rows of @source may pass, so that a builder need not
 *   ask a service whose rows would all be left out
 */
gboolean
att_report_filter_wants_source (const AttReportFilter *filter,
                                AttReportSource        source)
{
  g_return_val_if_fail (filter != NULL, TRUE);
  return filter->sources == 0 || (filter->sources & source) != 0;
}

static gboolean
accepts_standard (const AttReportFilter *filter,
                  const char            *standard)
{
  g_autofree char *folded = NULL;

  if (filter->standards == NULL || filter->standards[0] == NULL)
    return TRUE;

  folded = g_utf8_casefold (standard, -1);
  for (guint i = 0; filter->standards[i] != NULL; i++)
    {
      g_autofree char *wanted = g_utf8_casefold (filter->standards[i], -1);

      if (g_strcmp0 (folded, wanted) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
accepts_expiry (const AttReportFilter *filter,
                GDateTime             *expires,
                GDateTime             *now)
{
  if (filter->expiring_within_days < 0)
    return TRUE;
  if (expires == NULL)
    return FALSE;
  return g_date_time_difference (expires, now) <= (GTimeSpan) filter->expiring_within_days * G_TIME_SPAN_DAY;
}

static gboolean
accepts_search (const AttReportFilter *filter,
                AttReportRow          *row)
{
  g_autofree char *folded = NULL;

  if (filter->search == NULL || *filter->search == '\0')
    return TRUE;
  folded = g_utf8_casefold (filter->search, -1);
  return att_report_row_matches_search (row, folded);
}

/**
 * att_report_filter_accepts:
 * @now: the report's "now", for @expiring_within_days
 *
 * The account is not a test: a report is of one account, whose clients
 * the caller passes, and every row carries its name.
 *
 * Returns: whether @row passes every part of @filter
 */
gboolean
att_report_filter_accepts (const AttReportFilter *filter,
                           AttReportRow          *row,
                           GDateTime             *now)
{
  g_return_val_if_fail (filter != NULL, TRUE);
  g_return_val_if_fail (ATT_IS_REPORT_ROW (row), FALSE);

  return att_report_filter_wants_source (filter, att_report_row_get_source (row)) &&
         (filter->statuses == 0 ||
          (filter->statuses & ATT_REPORT_STATUS_BIT (att_report_row_get_status (row))) != 0) &&
         accepts_standard (filter, att_report_row_get_standard (row)) &&
         accepts_expiry (filter, att_report_row_get_date_expires (row), now) &&
         accepts_search (filter, row);
}
