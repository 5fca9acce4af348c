/* att-certificate-status.c: whether a certificate is valid, expiring or
 * expired, and certificates in the order they expire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-certificate-private.h"

G_DEFINE_ENUM_TYPE (AttCertificateStatus, att_certificate_status,
                    G_DEFINE_ENUM_VALUE (ATT_CERTIFICATE_STATUS_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (ATT_CERTIFICATE_STATUS_VALID, "valid"),
                    G_DEFINE_ENUM_VALUE (ATT_CERTIFICATE_STATUS_EXPIRING, "expiring"),
                    G_DEFINE_ENUM_VALUE (ATT_CERTIFICATE_STATUS_EXPIRED, "expired"))

/**
 * att_certificate_status_get_label:
 *
 * Returns: the status in words, translated, for a badge beside its colour
 */
const char *
att_certificate_status_get_label (AttCertificateStatus status)
{
  switch (status)
    {
    case ATT_CERTIFICATE_STATUS_VALID:
      return _ ("Valid");

    case ATT_CERTIFICATE_STATUS_EXPIRING:
      return _ ("Expiring soon");

    case ATT_CERTIFICATE_STATUS_EXPIRED:
      return _ ("Expired");

    case ATT_CERTIFICATE_STATUS_UNKNOWN:
    default:
      return _ ("No expiry date");
    }
}

/**
 * att_certificate_get_status:
 * @now: the time to judge at (g_date_time_new_now_utc() in the app; a fixed
 *   time in tests)
 * @lead_days: how many days before its expiry a certificate counts as
 *   expiring (%ATT_CERTIFICATE_DEFAULT_LEAD_DAYS by default)
 *
 * A certificate is expired from its expiry instant on (an expiry of
 * 2025-03-01T00:00Z is expired on 1 March), expiring when it expires
 * within @lead_days × 24 hours of @now, and valid before that.  One
 * without an expiry date has status %ATT_CERTIFICATE_STATUS_UNKNOWN.
 *
 * Returns: the status at @now
 */
AttCertificateStatus
att_certificate_get_status (AttCertificate *self,
                            GDateTime      *now,
                            guint           lead_days)
{
  GTimeSpan left;

  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), ATT_CERTIFICATE_STATUS_UNKNOWN);
  g_return_val_if_fail (now != NULL, ATT_CERTIFICATE_STATUS_UNKNOWN);

  if (self->date_expires == NULL)
    return ATT_CERTIFICATE_STATUS_UNKNOWN;

  left = g_date_time_difference (self->date_expires, now);
  if (left <= 0)
    return ATT_CERTIFICATE_STATUS_EXPIRED;
  if (left <= (GTimeSpan) lead_days * G_TIME_SPAN_DAY)
    return ATT_CERTIFICATE_STATUS_EXPIRING;
  return ATT_CERTIFICATE_STATUS_VALID;
}

static int
compare_dates (GDateTime *a,
               GDateTime *b)
{
  /* No expiry date sorts last: there is nothing to renew. */
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  return g_date_time_compare (a, b);
}

/**
 * att_certificate_compare_expiry:
 * @a: (type AttCertificate): a certificate
 * @b: (type AttCertificate): another
 * @user_data: unused
 *
 * A #GCompareDataFunc on two certificates, for g_list_store_sort() or a
 * GtkCustomSorter: the certificate that expires first comes first, those without an expiry date last, and
 * ties go by standard, then certificate number, then id, so that the order
 * is stable.
 *
 * Returns: <0, 0 or >0 as @a expires before, with or after @b
 */
int
att_certificate_compare_expiry (gconstpointer a,
                                gconstpointer b,
                                gpointer      user_data)
{
  AttCertificate *first = (AttCertificate *) a;
  AttCertificate *second = (AttCertificate *) b;
  int             result;

  g_return_val_if_fail (ATT_IS_CERTIFICATE (first), 0);
  g_return_val_if_fail (ATT_IS_CERTIFICATE (second), 0);

  result = compare_dates (first->date_expires, second->date_expires);
  if (result == 0)
    result = g_strcmp0 (first->standard_name, second->standard_name);
  if (result == 0)
    result = g_strcmp0 (first->assertion_id, second->assertion_id);
  if (result == 0)
    result = g_strcmp0 (first->id, second->id);
  return result;
}
