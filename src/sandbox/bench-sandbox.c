/* bench-sandbox.c: how fast the sandbox loads and searches 100,000 products,
 * seeds the demo (certificates and their images included), answers PM
 * searches and takes a 50 MB certificate image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test --benchmark bench-sandbox -v`.  Prints figures; it
 * asserts nothing about time, which depends on the machine.
 */

#include "config.h"

#include <libsoup/soup.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "att-higg-token.h"
#include "att-sandbox-assertion.h"
#include "att-sandbox-seed.h"
#include "att-sandbox.h"

#define N_PRODUCTS 100000
#define N_SEARCHES 200

/* The certificate image uploaded: 50 MB, a 67 MB request. */
#define UPLOAD_SIZE (50 * 1000 * 1000)

typedef struct
{
  GMainLoop *loop;
  GBytes    *body;
  guint      status;
} Request;

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GError) error = NULL;

  request->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (error != NULL)
    g_error ("Search failed: %s", error->message);
  request->status = soup_message_get_status (soup_session_get_async_result_message (SOUP_SESSION (object), result));
  g_main_loop_quit (request->loop);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (double *sorted,
            guint   n,
            double  p)
{
  guint index = (guint) (p * (n - 1) + 0.5);

  return sorted[MIN (index, n - 1)];
}

/* Every search is authenticated, as the app's are, so the figures include
 * the RSA decryption of the request token. */
static const char *api_key;
static char       *token;

/* Sends one request (@body, transfer full) and returns how long its
 * answer took, in ms. */
static double
send_search (SoupSession *session,
             GMainLoop   *loop,
             const char  *url,
             char        *body)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) bytes = g_bytes_new_take (body, strlen (body));
  Request request = { loop, NULL, 0 };
  gint64  start;
  double  ms;

  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "x-api-key", api_key);
  soup_message_headers_replace (soup_message_get_request_headers (msg),
                                "x-developer-request-token", token);

  start = g_get_monotonic_time ();
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, &request);
  g_main_loop_run (loop);
  ms = (g_get_monotonic_time () - start) / 1000.0;

  if (request.status != SOUP_STATUS_OK)
    g_error ("%s answered %u", url, request.status);
  g_bytes_unref (request.body);
  return ms;
}

static void
print_latencies (double     *latencies,
                 const char *what,
                 const char *label)
{
  qsort (latencies, N_SEARCHES, sizeof latencies[0], compare_doubles);
  printf ("# %d searches over HTTP (%s, %s): "
          "p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
          N_SEARCHES, what, label, percentile (latencies, N_SEARCHES, 0.50),
          percentile (latencies, N_SEARCHES, 0.95), latencies[N_SEARCHES - 1]);
}

static void
run_searches (SoupSession *session,
              GMainLoop   *loop,
              const char  *url,
              GRand       *rand,
              guint        min_size,
              guint        max_size,
              const char  *label)
{
  static const char *const texts[] = {
    NULL,
    "organic",
    "tee",
    "navy",
    "merino cardigan",
    "jeans",
    "linen",
    "sneakers",
    "recycled polyester",
    "3760",
    "gen-42-00012",
    "duvet",
    "zz",
    "outlet",
    "bestseller",
    "sage relaxed",
    "kids",
    "no-such-product",
  };
  double latencies[N_SEARCHES];

  for (guint i = 0; i < N_SEARCHES; i++)
    {
      const char *text = texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))];
      guint       from = (guint) g_rand_int_range (rand, 0, text == NULL ? N_PRODUCTS : 200);
      guint       size = (guint) g_rand_int_range (rand, (gint32) min_size, (gint32) max_size);
      char       *body;

      if (text != NULL)
        body = g_strdup_printf ("{\"textSearch\": \"%s\", \"from\": %u, \"size\": %u}", text, from, size);
      else
        body = g_strdup_printf ("{\"from\": %u, \"size\": %u}", from, size);
      latencies[i] = send_search (session, loop, url, body);
    }

  print_latencies (latencies, "random offsets and texts", label);
}

/* "Used by": the first page of the products that use one material, the
 * search the Materials view makes for a row's details. */
static void
run_used_by_searches (SoupSession *session,
                      GMainLoop   *loop,
                      const char  *url,
                      GRand       *rand)
{
  static const char *const materials[] = {
    "MatTX0053",
    "MatTX0016",
    "MatTX0001",
    "MatRB0001",
    "MatRB0004",
    "MatTX9999",
  };
  double latencies[N_SEARCHES];

  for (guint i = 0; i < N_SEARCHES; i++)
    {
      const char *material = materials[g_rand_int_range (rand, 0, G_N_ELEMENTS (materials))];
      char       *body = g_strdup_printf ("{\"material\": [\"%s\"], \"from\": 0, \"size\": 50}", material);

      latencies[i] = send_search (session, loop, url, body);
    }

  print_latencies (latencies, "material filter", "size 50, first page");
}

/* How long seeding the demo takes in a new store: the PIC products, then
 * the PM products and certificates (their images drawn and encoded), then
 * Closient's catalogue (its logos drawn), products and assignments. */
static void
time_demo_seed (void)
{
  g_autoptr(AttSandboxStore) store = att_sandbox_store_new (NULL, NULL);
  g_autoptr(AttSandboxCatalogue) catalogue = att_sandbox_catalogue_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double pic_ms, certificates_ms, closient_ms;

  if (!att_sandbox_seed_demo_products (store, catalogue, &error))
    g_error ("%s", error->message);
  pic_ms = (g_get_monotonic_time () - start) / 1000.0;

  start = g_get_monotonic_time ();
  if (!att_sandbox_seed_demo_certificates (store, g_get_real_time () / 1000, &error))
    g_error ("%s", error->message);
  certificates_ms = (g_get_monotonic_time () - start) / 1000.0;

  start = g_get_monotonic_time ();
  if (!att_sandbox_seed_closient_demo (store, g_get_real_time () / 1000, &error))
    g_error ("%s", error->message);
  closient_ms = (g_get_monotonic_time () - start) / 1000.0;

  printf ("# seed the demo: PIC products %.1f ms, then PM products and certificates %.1f ms, "
          "then Closient %.1f ms\n",
          pic_ms, certificates_ms, closient_ms);
}

/* PM search over the demo: everything (`{}`, what the Certificates view
 * pages through), a page of 20, and one barcode (a product's page). */
static void
run_pm_searches (SoupSession *session,
                 GMainLoop   *loop,
                 const char  *base_url)
{
  static const char *const bodies[] = {
    "{}",
    "{\"from\": 20, \"size\": 20}",
    "{\"barcodes\": [\"3760123451000\"]}",
  };
  static const char *const labels[] = {
    "{} (all 83 products)",
    "a page of 20",
    "one barcode",
  };
  g_autofree char *url = g_strconcat (base_url, "/pm-api/v1/product/search", NULL);

  for (guint b = 0; b < G_N_ELEMENTS (bodies); b++)
    {
      double latencies[N_SEARCHES];

      for (guint i = 0; i < N_SEARCHES; i++)
        latencies[i] = send_search (session, loop, url, g_strdup (bodies[b]));
      print_latencies (latencies, "PM search", labels[b]);
    }
}

/* The process's peak resident size so far, in MB. */
static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char      *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtod (line + 6, NULL) / 1024.0;
}

/* A certificate with one 50 MB image (a PNG signature and zeros), sent
 * and answered in this process: the peak counts the client's body too. */
static void
run_large_upload (SoupSession *session,
                  GMainLoop   *loop,
                  const char  *base_url)
{
  const AttSandboxStandard *standard = att_sandbox_assertion_find_standard_by_short_name ("GRS");
  g_autofree char          *url = g_strconcat (base_url, "/certification-api/create", NULL);
  guint8                   *image = g_malloc0 (UPLOAD_SIZE);
  g_autofree char          *base64 = NULL;
  GString                  *body;
  double                    before, ms;

  memcpy (image, "\x89PNG\r\n\x1a\n", 8);
  base64 = g_base64_encode (image, UPLOAD_SIZE);
  g_free (image);

  body = g_string_sized_new (strlen (base64) + 1024);
  g_string_append_printf (body, "{\"assertionAuthorityId\": \"%s\", \"assertionStandardId\": \"%s\",",
                          standard->authority->id, standard->id);
  g_string_append (body, " \"assertionId\": \"BENCH-1\", \"certificateName\": \"Bench\","
                         " \"proofBody\": \"Bench\", \"dateIssued\": 1700000000000,"
                         " \"dateExpires\": 1800000000000, \"certificationFiles\": [\"");
  g_string_append (body, base64);
  g_string_append (body, "\"]}");
  g_clear_pointer (&base64, g_free);

  before = peak_rss_mb ();
  ms = send_search (session, loop, url, g_string_free (body, FALSE));
  printf ("# create a certificate with a %d MB image over HTTP (client and sandbox in one process): "
          "%.0f ms, peak RSS %.0f MB -> %.0f MB\n",
          UPLOAD_SIZE / 1000000, ms, before, peak_rss_mb ());
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AttSandbox) sandbox = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *url = NULL;
  gint64           start;
  double           load_s;

  time_demo_seed ();

  sandbox = att_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  if (!att_sandbox_seed_demo (sandbox, &error))
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  if (!att_sandbox_add_generated_products (sandbox, N_PRODUCTS, 42, &error))
    g_error ("%s", error->message);
  load_s = (g_get_monotonic_time () - start) / 1e6;
  printf ("# load %d generated products: %.2f s\n", N_PRODUCTS, load_s);

  if (!att_sandbox_listen (sandbox, 0, &error))
    g_error ("%s", error->message);

  api_key = att_sandbox_get_api_key (sandbox);
  token = att_higg_token_make (att_sandbox_get_integration_key (sandbox),
                               att_sandbox_get_public_key_pem (sandbox), NULL, &error);
  g_assert_no_error (error);

  session = soup_session_new ();
  loop = g_main_loop_new (NULL, FALSE);
  url = g_strconcat (att_sandbox_get_base_url (sandbox), "/pic-api/v1/products/search", NULL);

  run_searches (session, loop, url, rand, 10, 101, "sizes 10-100");
  run_searches (session, loop, url, rand, 20, 21, "size 20, a list page");
  run_used_by_searches (session, loop, url, rand);
  run_pm_searches (session, loop, att_sandbox_get_base_url (sandbox));
  run_large_upload (session, loop, att_sandbox_get_base_url (sandbox));
  g_free (token);

  return EXIT_SUCCESS;
}
