/* test-expiry-alerts.c: which certificates are alerted about, with a fixed
 * clock, once per stage, remembered on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "att-expiry-alerts.h"
#include "att-test-utils.h"

#define LEAD_DAYS 60

typedef struct
{
  char       *dir;
  char       *path;
  GDateTime  *start;
  GListStore *certificates;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  f->dir = g_dir_make_tmp ("att-alerts-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  /* A folder not made yet: saving makes it. */
  f->path = g_build_filename (f->dir, "attest", "expiry-alerts.ini", NULL);
  f->start = g_date_time_new_utc (2026, 1, 1, 9, 0, 0);
  f->certificates = g_list_store_new (ATT_TYPE_CERTIFICATE);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_clear_object (&f->certificates);
  g_date_time_unref (f->start);
  att_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The fixed clock, @days after the start. */
static GDateTime *
day (Fixture *f,
     int      days)
{
  return g_date_time_add_days (f->start, days);
}

/* A certificate @id expiring @days after the start, or with no expiry
 * date if @days is G_MAXINT. */
static void
add_certificate (Fixture    *f,
                 const char *id,
                 int         days)
{
  g_autoptr(GDateTime) expires = day (f, days);
  g_autofree char *json = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(AttCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;

  if (days == G_MAXINT)
    json = g_strdup_printf ("{\"_id\": \"%s\"}", id);
  else
    json = g_strdup_printf ("{\"_id\": \"%s\", \"dateExpires\": %" G_GINT64_FORMAT "}", id,
                            g_date_time_to_unix (expires) * 1000);
  object = att_test_parse_object (json);
  certificate = att_certificate_new_from_json (object, NULL, &error);
  g_assert_no_error (error);
  g_list_store_append (f->certificates, certificate);
}

static AttExpiryNotice *
check_on (Fixture         *f,
          AttExpiryAlerts *alerts,
          int              days)
{
  g_autoptr(GDateTime) now = day (f, days);

  return att_expiry_alerts_check (alerts, G_LIST_MODEL (f->certificates), now, LEAD_DAYS);
}

static char *
ids_of (AttExpiryNotice *notice)
{
  return g_strjoinv (" ", notice->certificate_ids);
}

static void
assert_notice (AttExpiryNotice *notice,
               guint            n_expiring,
               guint            n_expired,
               const char      *ids)
{
  g_autofree char *found = NULL;

  g_assert_nonnull (notice);
  found = ids_of (notice);
  g_assert_cmpuint (notice->n_expiring, ==, n_expiring);
  g_assert_cmpuint (notice->n_expired, ==, n_expired);
  g_assert_cmpstr (found, ==, ids);
}

static void
test_once_per_stage (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(AttExpiryAlerts) alerts = att_expiry_alerts_new (f->path);
  g_autoptr(AttExpiryAlerts) reread = NULL;
  g_autoptr(AttExpiryNotice) first = NULL;
  g_autoptr(AttExpiryNotice) crossing = NULL;
  g_autoptr(AttExpiryNotice) expired = NULL;
  g_autoptr(AttExpiryNotice) expiry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  add_certificate (f, "far", 100);
  add_certificate (f, "near", 30);
  add_certificate (f, "gone", -5);
  add_certificate (f, "undated", G_MAXINT);

  first = check_on (f, alerts, 0);
  assert_notice (first, 1, 1, "near gone");
  text = att_expiry_notice_dup_text (first);
  g_assert_cmpstr (text, ==, "1 certificate expires within 60 days, 1 has expired");
  g_assert_null (check_on (f, alerts, 0));
  g_assert_null (check_on (f, alerts, 1));

  /* Kept on disk: a new start of the app does not alert again. */
  att_expiry_alerts_save (alerts, &error);
  g_assert_no_error (error);
  reread = att_expiry_alerts_new (f->path);
  g_assert_cmpint (att_expiry_alerts_get_notified (reread, "near"), ==, ATT_EXPIRY_STAGE_EXPIRING);
  g_assert_cmpint (att_expiry_alerts_get_notified (reread, "far"), ==, ATT_EXPIRY_STAGE_NONE);
  g_assert_null (check_on (f, reread, 0));

  /* Day 30: "near" expires; day 40: "far" enters the lead time (60 days
   * left).  One notice each, then nothing the next days. */
  g_assert_null (check_on (f, reread, 29));
  expired = check_on (f, reread, 30);
  assert_notice (expired, 0, 1, "near");
  g_assert_null (check_on (f, reread, 39));
  crossing = check_on (f, reread, 40);
  assert_notice (crossing, 1, 0, "far");
  g_assert_null (check_on (f, reread, 41));
  g_assert_null (check_on (f, reread, 99));

  /* Day 100: "far" expires: alerted once more, at its second stage. */
  expiry = check_on (f, reread, 100);
  assert_notice (expiry, 0, 1, "far");
  g_assert_null (check_on (f, reread, 101));
}

static void
test_renewed (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(AttExpiryAlerts) alerts = att_expiry_alerts_new (f->path);
  g_autoptr(AttExpiryNotice) first = NULL;
  g_autoptr(AttExpiryNotice) again = NULL;

  add_certificate (f, "renewed", 10);
  first = check_on (f, alerts, 0);
  assert_notice (first, 1, 0, "renewed");

  /* Renewed for a year: forgotten, and alerted when it comes near again. */
  g_list_store_remove_all (f->certificates);
  add_certificate (f, "renewed", 375);
  g_assert_null (check_on (f, alerts, 1));
  g_assert_cmpint (att_expiry_alerts_get_notified (alerts, "renewed"), ==, ATT_EXPIRY_STAGE_NONE);
  g_assert_null (check_on (f, alerts, 314));
  again = check_on (f, alerts, 315);
  assert_notice (again, 1, 0, "renewed");
}

static void
test_text (void)
{
  AttExpiryNotice  notice = { 3, 1, 60, NULL };
  g_autofree char *both = att_expiry_notice_dup_text (&notice);
  g_autofree char *expired = NULL;
  g_autofree char *expiring = NULL;

  g_assert_cmpstr (both, ==, "3 certificates expire within 60 days, 1 has expired");
  notice.n_expiring = 0;
  notice.n_expired = 2;
  expired = att_expiry_notice_dup_text (&notice);
  g_assert_cmpstr (expired, ==, "2 certificates have expired");
  notice.n_expiring = 1;
  notice.n_expired = 0;
  notice.lead_days = 30;
  expiring = att_expiry_notice_dup_text (&notice);
  g_assert_cmpstr (expiring, ==, "1 certificate expires within 30 days");
}

/* Ids with the characters a key file would refuse as keys. */
static void
test_odd_ids (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(AttExpiryAlerts) alerts = att_expiry_alerts_new (f->path);
  g_autoptr(AttExpiryAlerts) reread = NULL;
  g_autoptr(AttExpiryNotice) notice = NULL;
  g_autoptr(GError) error = NULL;

  add_certificate (f, "a=b [c] #d", 5);
  notice = check_on (f, alerts, 0);
  assert_notice (notice, 1, 0, "a=b [c] #d");
  att_expiry_alerts_save (alerts, &error);
  g_assert_no_error (error);
  reread = att_expiry_alerts_new (f->path);
  g_assert_null (check_on (f, reread, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_add ("/expiry-alerts/once-per-stage", Fixture, NULL, fixture_setup, test_once_per_stage, fixture_teardown);
  g_test_add ("/expiry-alerts/renewed", Fixture, NULL, fixture_setup, test_renewed, fixture_teardown);
  g_test_add ("/expiry-alerts/odd-ids", Fixture, NULL, fixture_setup, test_odd_ids, fixture_teardown);
  g_test_add_func ("/expiry-alerts/text", test_text);

  return g_test_run ();
}
