/* att-certificate-upload.c: the body of a certificate create or update,
 * its files encoded as base64 straight into it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A certificate's files can weigh up to 256 MiB once encoded, so the body
 * is built once, in a worker thread, as one buffer sized for it from the
 * start: the members other than the files are written by json-glib (so
 * they are escaped as JSON wants), and each file's base64 is appended
 * straight from its stream (att_base64_append_stream()), with no copy of a
 * file or of its encoding besides the body.  The body then goes to libsoup
 * as #GBytes over the same buffer.  The limits are checked before anything
 * is read, from the files' sizes, so a refusal costs nothing. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "att-base64-stream.h"
#include "att-certificate-file.h"
#include "att-certificate-upload.h"
#include "att-error.h"
#include "att-file-type.h"
#include "att-http.h"

#define FILES_MEMBER "\"certificationFiles\":["

/* What a worker thread needs, made on the caller's thread: the members as
 * JSON text (json-glib objects must not cross threads) and the files. */
struct _AttCertificateUpload
{
  GBytes    *members;    /* `{...}`, the members but the files */
  GPtrArray *files;      /* of AttCertificateFile, or NULL: none sent */
  guint64    files_size; /* their bytes, before encoding */
  guint64    body_size;  /* the exact size of the body */
};

/* Progress across files: each file reports its own bytes. */
typedef struct
{
  AttProgressFunc progress;
  gpointer        user_data;
  guint64         before; /* the bytes of the files already encoded */
  guint64         total;
} Progress;

void
att_certificate_upload_free (AttCertificateUpload *self)
{
  g_clear_pointer (&self->members, g_bytes_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_free (self);
}

static guint64
base64_size (guint64 size)
{
  return (size + 2) / 3 * 4;
}

static GError *
limit_error_new (const char *path,
                 const char *message)
{
  g_autoptr(GPtrArray) details = att_field_error_array_new ();
  GError *error = g_error_new_literal (ATT_API_ERROR, ATT_API_ERROR_VALIDATION, message);

  g_ptr_array_add (details, att_field_error_new (path, message));
  att_api_error_set_details (error, 0, details, -1);
  return error;
}

static GError *
file_too_large_error_new (AttCertificateFile *file,
                          guint               index)
{
  g_autofree char *path = g_strdup_printf ("certificationFiles[%u]", index);
  g_autofree char *limit = g_format_size (ATT_CERTIFICATE_MAX_FILE_SIZE);
  g_autofree char *message = NULL;

  /* Translators: the first %s is a file name, the second a size such as "64 MB". */
  message = g_strdup_printf (_ ("“%s” is larger than the %s a certificate file may weigh"),
                             att_certificate_file_get_display_name (file), limit);
  return limit_error_new (path, message);
}

static GError *
too_many_files_error_new (guint n_files)
{
  guint            extra = n_files - ATT_CERTIFICATE_MAX_FILES;
  g_autofree char *message = NULL;

  /* Translators: the first %u is the limit (20), the second how many
   * files are too many. */
  message = g_strdup_printf (ngettext ("A certificate can have at most %u files: remove %u file",
                                       "A certificate can have at most %u files: remove %u files",
                                       extra),
                             ATT_CERTIFICATE_MAX_FILES, extra);
  return limit_error_new ("certificationFiles", message);
}

static GError *
request_too_large_error_new (guint64 body_size)
{
  g_autofree char *size = g_format_size (body_size);
  g_autofree char *limit = g_format_size (ATT_CERTIFICATE_MAX_REQUEST_SIZE);
  g_autofree char *message = NULL;

  /* Translators: both are sizes such as "300 MB". */
  message = g_strdup_printf (_ ("The files come to %s once encoded for sending, more than the "
                                "%s a request can carry: remove some or send them in an update"),
                             size, limit);
  return limit_error_new ("certificationFiles", message);
}

/* The exact size of the body, and whether the files fit the limits. */
static gboolean
measure (AttCertificateUpload *self,
         GError              **error)
{
  gsize members_size = g_bytes_get_size (self->members);
  guint n_files;

  self->body_size = members_size;
  if (self->files == NULL)
    return TRUE;

  n_files = self->files->len;
  if (n_files > ATT_CERTIFICATE_MAX_FILES)
    {
      g_propagate_error (error, too_many_files_error_new (n_files));
      return FALSE;
    }

  /* `{` + `,` if there are members + `"certificationFiles":[` + `"file",`
   * ... + `]}`, where the members' own `{}` give the first and last byte. */
  self->body_size += (members_size > 2 ? 1 : 0) + strlen (FILES_MEMBER) + 1;
  for (guint i = 0; i < n_files; i++)
    {
      AttCertificateFile *file = g_ptr_array_index (self->files, i);
      guint64             size = att_certificate_file_get_size (file);

      if (size > ATT_CERTIFICATE_MAX_FILE_SIZE)
        {
          g_propagate_error (error, file_too_large_error_new (file, i));
          return FALSE;
        }
      self->files_size += size;
      self->body_size += base64_size (size) + 2 + (i > 0 ? 1 : 0);
    }

  if (self->body_size > ATT_CERTIFICATE_MAX_REQUEST_SIZE)
    {
      g_propagate_error (error, request_too_large_error_new (self->body_size));
      return FALSE;
    }
  return TRUE;
}

/**
 * att_certificate_upload_new:
 * @request: what to send; read now, so it may change afterwards
 *
 * Takes what @request says to send, on the caller's thread, and checks it
 * against %ATT_CERTIFICATE_MAX_FILES, %ATT_CERTIFICATE_MAX_FILE_SIZE and
 * %ATT_CERTIFICATE_MAX_REQUEST_SIZE from the files' sizes, before anything
 * is read.
 *
 * Returns: (transfer full) (nullable): the upload, or %NULL with an
 *   %ATT_API_ERROR_VALIDATION error whose field error names
 *   `certificationFiles` or the file at fault
 */
AttCertificateUpload *
att_certificate_upload_new (AttCertificateRequest *request,
                            GError               **error)
{
  g_autoptr(AttCertificateUpload) self = g_new0 (AttCertificateUpload, 1);
  g_autoptr(JsonObject) members = NULL;
  g_autoptr(JsonNode) node = NULL;
  GPtrArray *files;

  g_return_val_if_fail (ATT_IS_CERTIFICATE_REQUEST (request), NULL);

  members = att_certificate_request_to_json (request);
  node = json_node_init_object (json_node_alloc (), members);
  self->members = att_http_json_to_bytes (node);

  files = att_certificate_request_get_files (request);
  if (files != NULL)
    {
      self->files = g_ptr_array_new_full (files->len, g_object_unref);
      for (guint i = 0; i < files->len; i++)
        g_ptr_array_add (self->files, g_object_ref (g_ptr_array_index (files, i)));
    }

  if (!measure (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * att_certificate_upload_get_body_size:
 *
 * Returns: the size of the body att_certificate_upload_encode() makes
 */
guint64
att_certificate_upload_get_body_size (AttCertificateUpload *self)
{
  return self->body_size;
}

/**
 * att_certificate_upload_get_files_size:
 *
 * Returns: the bytes of the files to encode: the total of the encoding
 *   progress
 */
guint64
att_certificate_upload_get_files_size (AttCertificateUpload *self)
{
  return self->files_size;
}

static void
on_file_progress (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  Progress *progress = user_data;

  progress->progress (progress->before + done, progress->total, progress->user_data);
}

static gboolean
append_file (GString            *body,
             AttCertificateFile *file,
             Progress           *progress,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autoptr(GInputStream) stream = att_certificate_file_open (file, cancellable, error);
  guint64 size = att_certificate_file_get_size (file);

  if (stream == NULL)
    return FALSE;

  g_string_append_c (body, '"');
  if (!att_base64_append_stream (stream, size, body,
                                 progress->progress != NULL ? on_file_progress : NULL, progress,
                                 cancellable, error))
    return FALSE;
  g_string_append_c (body, '"');
  progress->before += size;
  return TRUE;
}

/* A file that changed on disk since it was chosen would make a body other
 * than the one measured: what was checked is what is sent, or nothing. */
static gboolean
check_size (AttCertificateUpload *self,
            GString              *body,
            GError              **error)
{
  if (body->len == self->body_size)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _ ("A file changed while it was being read: choose it again"));
  return FALSE;
}

/**
 * att_certificate_upload_encode:
 * @progress: (nullable) (scope call): hears the bytes of the files encoded
 *   so far, on this thread
 * @cancellable: (nullable): checked between chunks of each file
 *
 * Builds the body: blocks, for a worker thread.  Only one thread may use
 * @self at a time.
 *
 * Returns: (transfer full): the body, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED if cancelled)
 */
GBytes *
att_certificate_upload_encode (AttCertificateUpload *self,
                               AttProgressFunc       progress,
                               gpointer              user_data,
                               GCancellable         *cancellable,
                               GError              **error)
{
  Progress    state = { progress, user_data, 0, self->files_size };
  gsize       members_size;
  const char *members = g_bytes_get_data (self->members, &members_size);
  GString    *body;
  gboolean    ok = TRUE;

  if (self->files == NULL)
    return g_bytes_ref (self->members);

  /* Room for the whole body and the few bytes the encoder asks for beyond
   * what it writes, so that the buffer is never moved. */
  body = g_string_sized_new ((gsize) self->body_size + 64);
  g_string_append_len (body, members, (gssize) members_size - 1);
  if (members_size > 2)
    g_string_append_c (body, ',');
  g_string_append (body, FILES_MEMBER);

  for (guint i = 0; ok && i < self->files->len; i++)
    {
      if (i > 0)
        g_string_append_c (body, ',');
      ok = append_file (body, g_ptr_array_index (self->files, i), &state, cancellable, error);
    }
  g_string_append (body, "]}");

  if (!ok || !check_size (self, body, error))
    {
      g_string_free (body, TRUE);
      return NULL;
    }
  return g_string_free_to_bytes (body);
}
