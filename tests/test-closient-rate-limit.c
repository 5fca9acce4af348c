/* test-closient-rate-limit.c: Closient's rate limits against the sandbox,
 * with its limits lowered and its window shortened: requests queued while
 * the quota is spent, a 429 waited out and retried, the rate-limit-wait
 * signal, and Cancel ending a wait
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-closient-client.h"
#include "att-test-utils.h"

/* The sandbox's demo product with sixty certifications. */
#define GTIN "09506000134352"
#define HOST "127.0.0.1"

typedef struct
{
  AttSandbox        *sandbox;
  AttHttp           *http;
  AttHiggClient     *higg;
  AttClosientClient *client;
  GArray            *waits; /* of gint64: what rate-limit-wait said, in order */
} Fixture;

static void
on_rate_limit_wait (AttHttp    *http,
                    const char *host,
                    gint64      until_us,
                    Fixture    *fixture)
{
  g_assert_cmpstr (host, ==, HOST);
  g_array_append_val (fixture->waits, until_us);
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (fixture->sandbox, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (fixture->sandbox, &fixture->http, &fixture->higg, NULL);
  att_http_set_retry_policy (fixture->http, 2, 10);
  fixture->client = att_test_closient_client_new (fixture->http, fixture->sandbox);
  fixture->waits = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (fixture->http, "rate-limit-wait", G_CALLBACK (on_rate_limit_wait), fixture);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->waits, g_array_unref);
  att_test_sandbox_disconnect (&fixture->sandbox, &fixture->http, &fixture->higg);
}

static void
configure (Fixture    *fixture,
           const char *settings)
{
  g_autoptr(GError) error = NULL;

  att_sandbox_configure_closient (fixture->sandbox, settings, &error);
  g_assert_no_error (error);
}

/* --- The debug log, to tell a 429 from a wait -------------------------- */

static GString *captured_log;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; captured_log != NULL && i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE"))
      {
        g_string_append (captured_log, fields[i].value);
        g_string_append_c (captured_log, '\n');
      }
  if ((log_level & G_LOG_LEVEL_DEBUG) != 0)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
start_capturing (void)
{
  captured_log = g_string_new (NULL);
  g_log_set_debug_enabled (TRUE);
}

static char *
stop_capturing (void)
{
  g_log_set_debug_enabled (FALSE);
  return g_string_free (g_steal_pointer (&captured_log), FALSE);
}

/* --- Calls ------------------------------------------------------------- */

typedef struct
{
  GAsyncResult *result;
} Pending;

static void
start_list (Fixture      *fixture,
            GCancellable *cancellable,
            Pending      *pending)
{
  att_closient_client_list_certifications_async (fixture->client, GTIN, NULL, cancellable,
                                                 att_test_store_result, &pending->result);
}

static GListModel *
finish_list (Fixture *fixture,
             Pending *pending,
             GError **error)
{
  GListModel *list = att_closient_client_list_certifications_finish (fixture->client,
                                                                     att_test_await_result (&pending->result),
                                                                     error);

  g_clear_object (&pending->result);
  return list;
}

static void
list_ok (Fixture *fixture)
{
  Pending pending = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;

  start_list (fixture, NULL, &pending);
  list = finish_list (fixture, &pending, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
}

/* Every wait told of ended: the last word is 0, and each start was in the
 * future when it was told. */
static void
assert_waits_told (Fixture *fixture)
{
  guint n = fixture->waits->len;

  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpint (g_array_index (fixture->waits, gint64, 0), >, 0);
  g_assert_cmpint (g_array_index (fixture->waits, gint64, n - 1), ==, 0);
  g_assert_cmpint (att_http_get_rate_limit_wait (fixture->http, HOST), ==, 0);
}

/* --- Tests ------------------------------------------------------------- */

/* One after the other, two a window: the third waits for the reset the
 * second answer announced, and is not refused. */
static void
test_queue (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autofree char *log = NULL;

  configure (fixture, "{\"perMinute\": 2, \"windowSeconds\": 2}");
  start_capturing ();
  for (guint i = 0; i < 5; i++)
    list_ok (fixture);
  log = stop_capturing ();

  assert_waits_told (fixture);
  g_assert_nonnull (strstr (log, "for the rate limit"));
  g_assert_null (strstr (log, "HTTP 429"));
}

/* Four at once, two a window: two are refused, wait for Retry-After (or,
 * without the header, the body's delay), and succeed. */
static void
check_burst (Fixture    *fixture,
             const char *settings)
{
  Pending          pending[4] = { { NULL } };
  g_autofree char *log = NULL;

  configure (fixture, settings);
  start_capturing ();
  for (guint i = 0; i < G_N_ELEMENTS (pending); i++)
    start_list (fixture, NULL, &pending[i]);
  for (guint i = 0; i < G_N_ELEMENTS (pending); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) list = finish_list (fixture, &pending[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (list);
    }
  log = stop_capturing ();

  g_assert_nonnull (strstr (log, "HTTP 429"));
  assert_waits_told (fixture);
}

static void
test_429_then_success (Fixture      *fixture,
                       gconstpointer user_data)
{
  check_burst (fixture, "{\"perMinute\": 2, \"windowSeconds\": 2}");
}

static void
test_429_body_delay (Fixture      *fixture,
                     gconstpointer user_data)
{
  check_burst (fixture, "{\"perMinute\": 2, \"windowSeconds\": 2, \"retryAfterHeader\": false}");
}

static void
test_429_flat_shape (Fixture      *fixture,
                     gconstpointer user_data)
{
  check_burst (fixture, "{\"perMinute\": 2, \"windowSeconds\": 2, \"retryAfterHeader\": false, "
                        "\"errorShape\": \"B\"}");
}

static void
cancel_when_told (AttHttp      *http,
                  const char   *host,
                  gint64        until_us,
                  GCancellable *cancellable)
{
  if (until_us > 0)
    g_cancellable_cancel (cancellable);
}

/* A wait of ten minutes, cancelled as soon as it is told of: the call ends
 * at once (the test would time out otherwise), cancelled, and the signal
 * says the wait is over. */
static void
test_cancel_ends_wait (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Pending pending = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 told;

  configure (fixture, "{\"perMinute\": 1, \"windowSeconds\": 600}");
  list_ok (fixture);
  g_assert_cmpint (att_http_get_rate_limit_wait (fixture->http, HOST), >, g_get_real_time ());
  g_assert_cmpuint (fixture->waits->len, ==, 0);

  g_signal_connect (fixture->http, "rate-limit-wait", G_CALLBACK (cancel_when_told), cancellable);
  start_list (fixture, cancellable, &pending);
  list = finish_list (fixture, &pending, &error);
  g_assert_null (list);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_cmpuint (fixture->waits->len, ==, 2);
  told = g_array_index (fixture->waits, gint64, 0);
  g_assert_cmpint (told, >, g_get_real_time () + 500 * G_USEC_PER_SEC);
  g_assert_cmpint (g_array_index (fixture->waits, gint64, 1), ==, 0);
  /* The quota is still spent: the next request would wait too. */
  g_assert_cmpint (att_http_get_rate_limit_wait (fixture->http, HOST), >, 0);
}

/* A wait past 15 minutes is not waited for: the call fails at once, with
 * when to try again. */
static void
test_too_long (Fixture      *fixture,
               gconstpointer user_data)
{
  Pending pending = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;

  configure (fixture, "{\"perMinute\": 1, \"windowSeconds\": 3600}");
  list_ok (fixture);
  start_list (fixture, NULL, &pending);
  list = finish_list (fixture, &pending, &error);
  g_assert_null (list);
  g_assert_error (error, ATT_API_ERROR, ATT_API_ERROR_RATE_LIMITED);
  g_assert_cmpint (att_api_error_get_retry_after (error), >, 3500);
  g_assert_cmpuint (fixture->waits->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

#define ADD(path, func) \
  g_test_add ("/closient-rate-limit/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("queue", test_queue);
  ADD ("429-then-success", test_429_then_success);
  ADD ("429-body-delay", test_429_body_delay);
  ADD ("429-flat-shape", test_429_flat_shape);
  ADD ("cancel-ends-wait", test_cancel_ends_wait);
  ADD ("too-long", test_too_long);

#undef ADD

  return g_test_run ();
}
