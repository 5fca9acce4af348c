/* att-report-filter-describe.c: a report's filter in words, for the
 * reports that print it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-report-filter.h"

static char *
describe_sources (AttReportSource sources)
{
  const char *names[3] = { NULL };
  guint       n = 0;

  if (sources & ATT_REPORT_SOURCE_HIGG)
    names[n++] = att_report_source_get_label (ATT_REPORT_SOURCE_HIGG);
  if (sources & ATT_REPORT_SOURCE_CLOSIENT)
    names[n++] = att_report_source_get_label (ATT_REPORT_SOURCE_CLOSIENT);
  return g_strjoinv (", ", (char **) names);
}

static char *
describe_statuses (guint statuses)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_null_terminated (4, NULL, TRUE);

  for (AttCertificateStatus status = ATT_CERTIFICATE_STATUS_UNKNOWN; status <= ATT_CERTIFICATE_STATUS_EXPIRED;
       status++)
    if (statuses & ATT_REPORT_STATUS_BIT (status))
      g_ptr_array_add (labels, (gpointer) att_certificate_status_get_label (status));
  return g_strjoinv (", ", (char **) labels->pdata);
}

/**
 * att_report_filter_describe:
 *
 * The parts of @filter that leave rows out, one sentence each, as a PDF
 * report's heading or attest-cli's summary prints them: the sources,
 * standards, statuses, expiry window, product search and account.
 *
 * Returns: (transfer full): the parts, translated; empty for a filter that
 *   keeps every row and names no account
 */
char **
att_report_filter_describe (const AttReportFilter *filter)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_null_terminated (6, g_free, TRUE);

  g_return_val_if_fail (filter != NULL, NULL);

  if (filter->account != NULL && *filter->account != '\0')
    /* Translators: %s is an account's name */
    g_ptr_array_add (parts, g_strdup_printf (_ ("Account: %s"), filter->account));
  if (filter->sources != 0 && filter->sources != ATT_REPORT_SOURCE_ALL)
    {
      g_autofree char *sources = describe_sources (filter->sources);

      /* Translators: %s is a service's name, Higg or Closient */
      g_ptr_array_add (parts, g_strdup_printf (_ ("Source: %s"), sources));
    }
  if (filter->standards != NULL && filter->standards[0] != NULL)
    {
      g_autofree char *standards = g_strjoinv (", ", filter->standards);

      /* Translators: %s is a list of certification standards */
      g_ptr_array_add (parts, g_strdup_printf (_ ("Standards: %s"), standards));
    }
  if (filter->statuses != 0)
    {
      g_autofree char *statuses = describe_statuses (filter->statuses);

      /* Translators: %s is a list of statuses, such as “Valid, Expired” */
      g_ptr_array_add (parts, g_strdup_printf (_ ("Statuses: %s"), statuses));
    }
  if (filter->expiring_within_days >= 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Expiring within %d day",
                                                          "Expiring within %d days", filter->expiring_within_days),
                                             filter->expiring_within_days));
  if (filter->search != NULL && *filter->search != '\0')
    /* Translators: %s is the text searched for in products' names and ids */
    g_ptr_array_add (parts, g_strdup_printf (_ ("Products matching “%s”"), filter->search));

  return (char **) g_ptr_array_steal (parts, NULL);
}
