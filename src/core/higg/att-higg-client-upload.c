/* att-higg-client-upload.c: creating and updating certificates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A create or update (api-higg.md §2.3, §2.4) goes in two steps: the body
 * is built in a worker thread, its files encoded straight into it
 * (att-certificate-upload.c), then sent through the one call path of the
 * client, without a copy.  Progress comes from both steps and reaches the
 * caller on its main context: the worker's reports are merged into at most
 * one idle callback in flight, so a fast encoder cannot flood the main
 * loop.  Cancelling before the body is sent sends nothing. */

#include "config.h"

#include <libsoup/soup.h>

#include "att-certificate-upload.h"
#include "att-certificate.h"
#include "att-higg-client-private.h"

/* Takes the progress of an upload to the caller's main context. */
typedef struct
{
  gatomicrefcount       ref_count;
  GMainContext         *context;
  AttUploadProgressFunc func;
  gpointer              data;
  GDestroyNotify        destroy;

  GMutex                mutex; /* guards what follows, from the worker */
  guint64               done;
  guint64               total;
  gboolean              pending; /* an idle callback is on its way */

  gboolean              finished; /* main context only: no more reports */
} Relay;

typedef struct
{
  AttCertificateUpload *upload; /* until the body is built */
  Relay                *relay;
  char                 *path;
} Upload;

static Relay *
relay_new (AttUploadProgressFunc func,
           gpointer              data,
           GDestroyNotify        destroy)
{
  Relay *relay = g_new0 (Relay, 1);

  g_atomic_ref_count_init (&relay->ref_count);
  relay->context = g_main_context_ref_thread_default ();
  relay->func = func;
  relay->data = data;
  relay->destroy = destroy;
  g_mutex_init (&relay->mutex);
  return relay;
}

static Relay *
relay_ref (Relay *relay)
{
  g_atomic_ref_count_inc (&relay->ref_count);
  return relay;
}

static void
relay_unref (gpointer data)
{
  Relay *relay = data;

  if (!g_atomic_ref_count_dec (&relay->ref_count))
    return;

  if (relay->destroy != NULL)
    relay->destroy (relay->data);
  g_main_context_unref (relay->context);
  g_mutex_clear (&relay->mutex);
  g_free (relay);
}

static gboolean
relay_dispatch_encoding (gpointer data)
{
  Relay  *relay = data;
  guint64 done, total;

  g_mutex_lock (&relay->mutex);
  done = relay->done;
  total = relay->total;
  relay->pending = FALSE;
  g_mutex_unlock (&relay->mutex);

  if (!relay->finished)
    relay->func (ATT_UPLOAD_PHASE_ENCODING, done, total, relay->data);
  return G_SOURCE_REMOVE;
}

/* An AttProgressFunc, on the encoding thread. */
static void
relay_encoding (guint64  done,
                guint64  total,
                gpointer data)
{
  Relay   *relay = data;
  gboolean post;

  g_mutex_lock (&relay->mutex);
  relay->done = done;
  relay->total = total;
  post = !relay->pending;
  relay->pending = TRUE;
  g_mutex_unlock (&relay->mutex);

  /* Not g_main_context_invoke(): it would run the report here, on this
   * thread, whenever the caller's context is the global default one and
   * is free at this instant. */
  if (post)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, relay_dispatch_encoding, relay_ref (relay), relay_unref);
      g_source_attach (source, relay->context);
      g_source_unref (source);
    }
}

/* An AttProgressFunc, on the caller's main context. */
static void
relay_sending (guint64  sent,
               guint64  total,
               gpointer data)
{
  Relay *relay = data;

  if (!relay->finished)
    relay->func (ATT_UPLOAD_PHASE_SENDING, sent, total, relay->data);
}

static void
upload_free (Upload *upload)
{
  g_clear_pointer (&upload->upload, att_certificate_upload_free);
  g_clear_pointer (&upload->relay, relay_unref);
  g_free (upload->path);
  g_free (upload);
}

static void
return_result (GTask   *task,
               gpointer certificate,
               GError  *error)
{
  Upload *upload = g_task_get_task_data (task);

  /* Reports still on their way are dropped: the callback is the last word. */
  upload->relay->finished = TRUE;
  if (certificate != NULL)
    g_task_return_pointer (task, certificate, g_object_unref);
  else
    g_task_return_error (task, error);
}

static GObject *
parse_certificate (JsonObject *object,
                   const char *path,
                   GError    **error)
{
  return (GObject *) att_certificate_new_from_json (object, path, error);
}

static void
on_sent (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError         *error = NULL;
  AttCertificate *certificate;

  certificate = att_higg_client_finish_call (ATT_HIGG_CLIENT (source_object), result,
                                             ATT_SOURCE_TAG (on_sent), &error);
  return_result (task, certificate, error);
}

static void
encode_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Upload *upload = task_data;
  GError *error = NULL;
  GBytes *body;

  body = att_certificate_upload_encode (upload->upload,
                                        upload->relay->func != NULL ? relay_encoding : NULL,
                                        upload->relay, cancellable, &error);
  if (body != NULL)
    g_task_return_pointer (task, body, (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, error);
}

static void
on_encoded (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AttHiggClient *self = g_task_get_source_object (task);
  Upload        *upload = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  GCancellable *cancellable;
  GError       *error = NULL;
  Call         *call;

  /* A cancellation during the encoding wins over its result. */
  body = g_task_propagate_pointer (G_TASK (result), &error);
  if (body == NULL)
    {
      return_result (task, NULL, error);
      return;
    }
  g_clear_pointer (&upload->upload, att_certificate_upload_free);

  call = att_higg_client_call_new (ANSWER_OBJECT, ATT_TYPE_CERTIFICATE, parse_certificate,
                                   0, 0, NULL);
  att_higg_client_call_set_api (call, ATT_HIGG_CERTIFICATION_API);

  /* The answer echoes the files as they were sent: up to 256 MiB that the
   * caller already has, and that would cost several times their size to
   * parse.  They are dropped as they arrive. */
  att_higg_client_call_set_skip_long_strings (call, TRUE);
  if (upload->relay->func != NULL)
    att_higg_client_call_set_progress (call, relay_sending, upload->relay);

  /* Never retried: a create repeated would store the certificate twice. */
  cancellable = g_task_get_cancellable (task);
  att_higg_client_send_call_bytes (self, SOUP_METHOD_POST, upload->path, body, FALSE, call,
                                   cancellable, on_sent, g_steal_pointer (&task),
                                   ATT_SOURCE_TAG (on_sent));
}

static void
start_upload (AttHiggClient         *self,
              const char            *path,
              AttCertificateRequest *request,
              AttUploadProgressFunc  progress,
              gpointer               progress_data,
              GDestroyNotify         progress_destroy,
              GCancellable          *cancellable,
              GAsyncReadyCallback    callback,
              gpointer               user_data,
              gpointer               source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) encode = NULL;
  Upload *upload = g_new0 (Upload, 1);
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  upload->relay = relay_new (progress, progress_data, progress_destroy);
  upload->path = g_strdup (path);
  g_task_set_task_data (task, upload, (GDestroyNotify) upload_free);

  upload->upload = att_certificate_upload_new (request, &error);
  if (upload->upload == NULL)
    {
      return_result (task, NULL, error);
      return;
    }

  encode = g_task_new (self, cancellable, on_encoded, g_object_ref (task));
  g_task_set_source_tag (encode, ATT_SOURCE_TAG (encode_in_thread));
  g_task_set_task_data (encode, upload, NULL);
  g_task_run_in_thread (encode, encode_in_thread);
}

/**
 * att_higg_client_create_certificate_async:
 * @request: the certificate: every field but the product ids is required
 *   (api-higg.md §2.3), and at least one file; read now, so it may change
 *   afterwards
 * @progress: (nullable) (scope notified): hears the encoding, then the
 *   sending, on the thread-default main context of this call
 * @progress_data: (nullable): for @progress
 * @progress_destroy: (nullable): frees @progress_data once the call no
 *   longer needs it
 *
 * Creates a certificate (`POST /certification-api/create`).  The files are
 * encoded in a worker thread, straight into the request body; the limits
 * (%ATT_CERTIFICATE_MAX_FILES and the sizes) are checked before, and a
 * request past them fails with %ATT_API_ERROR_VALIDATION and a field
 * error on `certificationFiles`.  Cancelled before the body is sent, it
 * sends nothing.  Never retried: the server may have stored the
 * certificate even if the answer was lost.
 */
void
att_higg_client_create_certificate_async (AttHiggClient         *self,
                                          AttCertificateRequest *request,
                                          AttUploadProgressFunc  progress,
                                          gpointer               progress_data,
                                          GDestroyNotify         progress_destroy,
                                          GCancellable          *cancellable,
                                          GAsyncReadyCallback    callback,
                                          gpointer               user_data)
{
  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (ATT_IS_CERTIFICATE_REQUEST (request));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_upload (self, "/create", request, progress, progress_data, progress_destroy,
                cancellable, callback, user_data,
                ATT_SOURCE_TAG (att_higg_client_create_certificate_async));
}

/**
 * att_higg_client_create_certificate_finish:
 *
 * The answer echoes the files sent; that copy of a file longer than 64 KiB
 * once encoded (any scan) is dropped as it arrives, since the caller has
 * the file, and the certificate has an empty string in its place.  PM
 * search reads the files back.
 *
 * Returns: (transfer full): the certificate as stored, or %NULL with
 *   @error set
 */
AttCertificate *
att_higg_client_create_certificate_finish (AttHiggClient *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_create_certificate_async),
                                      error);
}

/**
 * att_higg_client_update_certificate_async:
 * @id: the certificate `_id`
 * @request: only what changes (a command: fields left unset stay as they
 *   are; files, when set, replace the whole list; products are attached
 *   and detached with att_certificate_request_add_products() and
 *   att_certificate_request_remove_products())
 * @progress: (nullable) (scope notified): as for
 *   att_higg_client_create_certificate_async()
 * @progress_data: (nullable): for @progress
 * @progress_destroy: (nullable): frees @progress_data
 *
 * Updates a certificate (`POST /certification-api/update/{id}`).  The
 * standard and the certificate number cannot be changed: the server
 * refuses them with %ATT_API_ERROR_VALIDATION and a field error.  Never
 * retried.
 */
void
att_higg_client_update_certificate_async (AttHiggClient         *self,
                                          const char            *id,
                                          AttCertificateRequest *request,
                                          AttUploadProgressFunc  progress,
                                          gpointer               progress_data,
                                          GDestroyNotify         progress_destroy,
                                          GCancellable          *cancellable,
                                          GAsyncReadyCallback    callback,
                                          gpointer               user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ATT_IS_HIGG_CLIENT (self));
  g_return_if_fail (id != NULL && *id != '\0');
  g_return_if_fail (ATT_IS_CERTIFICATE_REQUEST (request));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strconcat ("/update/", escaped, NULL);
  start_upload (self, path, request, progress, progress_data, progress_destroy,
                cancellable, callback, user_data,
                ATT_SOURCE_TAG (att_higg_client_update_certificate_async));
}

/**
 * att_higg_client_update_certificate_finish:
 *
 * As with att_higg_client_create_certificate_finish(), the certificate's
 * files longer than 64 KiB once encoded are empty strings: PM search reads
 * them back.
 *
 * Returns: (transfer full): the certificate as updated, or %NULL with
 *   @error set
 */
AttCertificate *
att_higg_client_update_certificate_finish (AttHiggClient *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return att_higg_client_finish_call (self, result,
                                      ATT_SOURCE_TAG (att_higg_client_update_certificate_async),
                                      error);
}
