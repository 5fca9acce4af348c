/* bench-certificate-upload.c: a 50 MB image encoded and uploaded as a new
 * certificate
 *
 * Usage: bench-certificate-upload SANDBOX [MEGABYTES]
 *
 * Starts SANDBOX (attest-sandbox) in its own process, so that its memory
 * is not counted, writes a PNG of MEGABYTES × 10^6 bytes (50 by default:
 * the PNG signature, random bytes, the end chunk) to a temporary file, and
 * creates a certificate with it through AttHiggClient, as the app does.
 * Prints:
 *  - the time to encode the file into the body, and to the answer;
 *  - the peak RSS growth during the upload (VmHWM, reset before it through
 *    /proc/self/clear_refs, against VmRSS when idle) relative to the file
 *    size; the target is 2.5× at most;
 *  - the longest gap between the ticks of a 1 ms timeout on the main
 *    context during the upload; the target is 16 ms at most.  On a busy
 *    machine the scheduler makes gaps of its own, so the longest stretch of
 *    CPU time the main thread spent between two ticks is printed too: that
 *    one is the app's own work.
 * Figures only: nothing is asserted about time or memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "att-assertion-item.h"
#include "att-certificate-file.h"
#include "att-certificate-request.h"
#include "att-certificate.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-test-utils.h"

typedef struct
{
  GMainLoop      *loop;
  gint64          start;
  gint64          encoded; /* when the first byte was sent */
  gint64          last_tick;
  gint64          longest_gap;
  gint64          last_tick_cpu;
  gint64          longest_cpu;
  guint64         body_size;
  AttCertificate *certificate;
  GError         *error;
} Upload;

static double
ms_between (gint64 start,
            gint64 end)
{
  return (end - start) / 1000.0;
}

/* A field of /proc/self/status, in kB. */
static gint64
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char      *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (field) + 1, NULL, 10);
}

/* Makes VmHWM start again from VmRSS (Linux 4.0 and later). */
static gboolean
reset_peak_rss (void)
{
  int      fd = g_open ("/proc/self/clear_refs", O_WRONLY, 0);
  gboolean done;

  if (fd < 0)
    return FALSE;
  done = write (fd, "5", 1) == 1;
  close (fd);
  return done;
}

static GSubprocess *
start_sandbox (const char *program,
               const char *data_dir,
               char      **out_base_url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  GSubprocess *process;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              program, "--data-dir", data_dir, "--seed", "demo",
                              "--exit-with-parent", NULL);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  *out_base_url = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out_base_url);
  return process;
}

/* A PNG signature, @size bytes in all of random content, and the end chunk:
 * what the checks by content accept.  Written a megabyte at a time, so
 * that the process holds none of it. */
static GFile *
write_big_png (const char *dir,
               gsize       size)
{
  static const guint8 head[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 tail[] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82 };
  g_autofree char    *path = g_build_filename (dir, "scan.png", NULL);
  g_autofree guint32 *chunk = g_new (guint32, 1024 * 1024 / 4);
  gsize               written = 0;
  int                 fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  while (written < size)
    {
      gsize n = MIN (1024 * 1024, size - written);

      for (gsize i = 0; i < 1024 * 1024 / 4; i++)
        chunk[i] = g_random_int ();
      if (written == 0)
        memcpy (chunk, head, sizeof head);
      if (written + n == size)
        memcpy ((guint8 *) chunk + n - sizeof tail, tail, sizeof tail);
      g_assert_cmpint (write (fd, chunk, n), ==, (gssize) n);
      written += n;
    }
  close (fd);
  return g_file_new_for_path (path);
}

static AttCertificateFile *
load_file (GFile *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  att_certificate_file_load_async (file, NULL, att_test_store_result, &result);
  files = att_certificate_file_load_finish (att_test_await_result (&result), &error);
  g_assert_no_error (error);
  return g_object_ref (g_ptr_array_index (files, 0));
}

static AttAssertionItem *
first_standard (AttHiggClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) standards = NULL;
  g_autoptr(GError) error = NULL;

  att_higg_client_list_assertion_standards_async (client, NULL, att_test_store_result, &result);
  standards = att_higg_client_list_assertion_standards_finish (client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  return g_list_model_get_item (standards, 0);
}

static AttCertificateRequest *
request_new (AttAssertionItem   *standard,
             AttCertificateFile *file)
{
  AttCertificateRequest *request = att_certificate_request_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(GDateTime) issued = g_date_time_new_utc (2025, 1, 10, 0, 0, 0);
  g_autoptr(GDateTime) expires = g_date_time_new_utc (2027, 1, 9, 0, 0, 0);
  g_autofree char *number = g_strdup_printf ("BENCH-%08x", g_random_int ());

  g_ptr_array_add (files, file);
  att_certificate_request_set_authority_id (request, att_assertion_item_get_authority_id (standard));
  att_certificate_request_set_standard_id (request, att_assertion_item_get_id (standard));
  att_certificate_request_set_assertion_id (request, number);
  att_certificate_request_set_certificate_name (request, "Benchmark certificate");
  att_certificate_request_set_proof_body (request, "Benchmark body");
  att_certificate_request_set_date_issued (request, issued);
  att_certificate_request_set_date_expires (request, expires);
  att_certificate_request_set_files (request, files);
  return request;
}

/* The CPU time this thread has used, in microseconds. */
static gint64
thread_cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gboolean
on_tick (gpointer user_data)
{
  Upload *upload = user_data;
  gint64  now = g_get_monotonic_time ();
  gint64  cpu = thread_cpu_us ();

  upload->longest_gap = MAX (upload->longest_gap, now - upload->last_tick);
  upload->longest_cpu = MAX (upload->longest_cpu, cpu - upload->last_tick_cpu);
  upload->last_tick = now;
  upload->last_tick_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
on_progress (AttUploadPhase phase,
             guint64        done,
             guint64        total,
             gpointer       user_data)
{
  Upload *upload = user_data;

  if (phase == ATT_UPLOAD_PHASE_SENDING && upload->encoded == 0)
    {
      upload->encoded = g_get_monotonic_time ();
      upload->body_size = total;
    }
}

static void
on_created (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Upload *upload = user_data;

  upload->certificate = att_higg_client_create_certificate_finish (ATT_HIGG_CLIENT (source_object), result,
                                                                   &upload->error);
  g_main_loop_quit (upload->loop);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) sandbox = NULL;
  g_autoptr(AttHiggAuth) auth = NULL;
  g_autoptr(AttHttp) http = NULL;
  g_autoptr(AttHiggClient) client = NULL;
  g_autoptr(AttAssertionItem) standard = NULL;
  g_autoptr(AttCertificateFile) file = NULL;
  g_autoptr(AttCertificateRequest) request = NULL;
  g_autoptr(GFile) path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *base_url = NULL;
  gsize            size;
  gint64           idle_kb, peak_kb, end;
  gboolean         reset;
  guint            tick;
  Upload           upload = { 0 };

  if (argc < 2)
    {
      g_printerr ("Usage: %s SANDBOX [MEGABYTES]\n", argv[0]);
      return 2;
    }
  size = (gsize) (argc > 2 ? g_ascii_strtoull (argv[2], NULL, 10) : 50) * 1000 * 1000;

  dir = g_dir_make_tmp ("attest-bench-upload-XXXXXX", &error);
  g_assert_no_error (error);
  keys = g_build_filename (dir, "keys", NULL);
  sandbox = start_sandbox (argv[1], keys, &base_url);
  auth = att_test_fetch_demo_auth (base_url, &error);
  g_assert_no_error (error);

  http = att_http_new ();
  att_http_set_timeout (http, 300);
  client = att_higg_client_new (http, base_url);
  att_higg_client_set_auth (client, auth);
  standard = first_standard (client);
  path = write_big_png (dir, size);
  file = load_file (path);
  request = request_new (standard, file);

  /* The idle app: everything above is made, nothing of the upload yet. */
  att_test_run_for (100);
  idle_kb = status_kb ("VmRSS:");
  reset = reset_peak_rss ();

  upload.loop = g_main_loop_new (NULL, FALSE);
  upload.start = upload.last_tick = g_get_monotonic_time ();
  upload.last_tick_cpu = thread_cpu_us ();
  tick = g_timeout_add (1, on_tick, &upload);
  att_higg_client_create_certificate_async (client, request, on_progress, &upload, NULL, NULL,
                                            on_created, &upload);
  g_main_loop_run (upload.loop);
  end = g_get_monotonic_time ();
  g_source_remove (tick);
  peak_kb = status_kb ("VmHWM:");

  g_assert_no_error (upload.error);
  g_assert_cmpuint (att_certificate_get_n_files (upload.certificate), ==, 1);

  printf ("# file: %.1f MB; request body: %.1f MB\n", size / 1e6, upload.body_size / 1e6);
  printf ("# encode: %.0f ms; encode and upload, to the answer: %.0f ms\n",
          ms_between (upload.start, upload.encoded), ms_between (upload.start, end));
  printf ("# peak RSS growth: %.1f MB = %.2f x the file (target <= 2.5; idle %.1f MB, peak %.1f MB%s)\n",
          (peak_kb - idle_kb) / 1e3 * 1.024, (peak_kb - idle_kb) * 1024.0 / size, idle_kb / 1024.0,
          peak_kb / 1024.0, reset ? "" : "; VmHWM could not be reset: peak since start");
  printf ("# longest main-loop gap during the upload: %.1f ms (target <= 16); longest main-thread "
          "CPU time between two ticks: %.1f ms\n",
          upload.longest_gap / 1000.0, upload.longest_cpu / 1000.0);

  g_clear_object (&upload.certificate);
  g_main_loop_unref (upload.loop);
  g_subprocess_send_signal (sandbox, SIGTERM);
  g_subprocess_wait (sandbox, NULL, NULL);
  att_test_remove_dir (dir);
  return 0;
}
