/* att-certificate-form-save.c: sending a certificate: the request, the
 * upload with its progress and Cancel, and what a failure leaves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "att-certificate-form-private.h"
#include "att-certificate-request.h"
#include "att-context.h"
#include "att-window.h"

/* The files are encoded into the request body by the client, in a worker
 * thread, then sent; the form shows both phases and can stop either
 * (stopped while encoding, nothing was sent).  A save that fails leaves
 * the form and its files as they were, with the reason, the server's
 * problems on their fields, and Retry. */

/* --- The request ------------------------------------------------------------ */

static void
set_products (AttCertificateForm    *self,
              AttCertificateRequest *request)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  if (self->products->len == 0)
    return;
  for (guint i = 0; i < self->products->len; i++)
    g_ptr_array_add (ids, (gpointer) att_pm_product_get_id (g_ptr_array_index (self->products, i)));
  g_ptr_array_add (ids, NULL);
  att_certificate_request_set_product_ids (request, (const char *const *) ids->pdata);
}

static AttCertificateRequest *
build_create (AttCertificateForm *self)
{
  AttCertificateRequest *request = att_certificate_request_new ();
  g_autofree char       *number = att_certificate_form_get_text (self, self->number_row);
  g_autofree char       *name = att_certificate_form_get_text (self, self->name_row);
  g_autofree char       *body = att_certificate_form_get_text (self, self->body_row);
  g_autoptr(GPtrArray) files = att_certificate_file_list_get_files (self->file_list);

  att_certificate_request_set_authority_id (request, att_certificate_form_get_authority_id (self));
  att_certificate_request_set_standard_id (request, att_certificate_form_get_standard_id (self));
  att_certificate_request_set_assertion_id (request, number);
  att_certificate_request_set_certificate_name (request, name);
  att_certificate_request_set_proof_body (request, body);
  att_certificate_request_set_date_issued (request, self->date_issued);
  att_certificate_request_set_date_expires (request, self->date_expires);
  att_certificate_request_set_files (request, files);
  set_products (self, request);
  return request;
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  int ya, ma, da, yb, mb, db;

  if (a == NULL || b == NULL)
    return a == b;
  g_date_time_get_ymd (a, &ya, &ma, &da);
  g_date_time_get_ymd (b, &yb, &mb, &db);
  return ya == yb && ma == mb && da == db;
}

/* Only what differs from the certificate as it was read: the files whole
 * when any of them changed, since an update replaces the list. */
static AttCertificateRequest *
build_update (AttCertificateForm *self)
{
  AttCertificateRequest *request = att_certificate_request_new ();
  AttCertificate        *old = self->certificate;
  g_autofree char       *name = att_certificate_form_get_text (self, self->name_row);
  g_autofree char       *body = att_certificate_form_get_text (self, self->body_row);
  g_autoptr(GDateTime) old_issued = NULL;
  g_autoptr(GDateTime) old_expires = NULL;

  if (g_strcmp0 (name, att_certificate_get_certificate_name (old)) != 0)
    att_certificate_request_set_certificate_name (request, name);
  if (g_strcmp0 (body, att_certificate_get_proof_body (old)) != 0)
    att_certificate_request_set_proof_body (request, body);
  if (att_certificate_get_date_issued (old) != NULL)
    old_issued = g_date_time_to_utc (att_certificate_get_date_issued (old));
  if (att_certificate_get_date_expires (old) != NULL)
    old_expires = g_date_time_to_utc (att_certificate_get_date_expires (old));
  if (!same_day (old_issued, self->date_issued))
    att_certificate_request_set_date_issued (request, self->date_issued);
  if (!same_day (old_expires, self->date_expires))
    att_certificate_request_set_date_expires (request, self->date_expires);
  if (att_certificate_file_list_get_changed (self->file_list))
    {
      g_autoptr(GPtrArray) files = att_certificate_file_list_get_files (self->file_list);

      att_certificate_request_set_files (request, files);
    }
  return request;
}

/* --- Progress ------------------------------------------------------------- */

static void
set_saving (AttCertificateForm *self,
            gboolean            saving)
{
  self->saving = saving;
  gtk_widget_set_sensitive (self->form_box, !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.cancel-upload", saving);
  gtk_revealer_set_reveal_child (self->progress_revealer, saving);
  if (!saving)
    return;
  self->sending = FALSE;
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_label (self->progress_label, _ ("Encoding the images…"));
}

static void
on_progress (AttUploadPhase phase,
             guint64        done,
             guint64        total,
             gpointer       user_data)
{
  AttCertificateForm *self = user_data;
  double              fraction = total > 0 ? (double) done / (double) total : 0.0;
  g_autofree char    *text = NULL;

  if (self->closed)
    return;
  if (phase == ATT_UPLOAD_PHASE_ENCODING)
    text = g_strdup_printf (_ ("Encoding the images… %d %%"), (int) (fraction * 100));
  else
    {
      g_autofree char *done_text = g_format_size (done);
      g_autofree char *total_text = g_format_size (total);

      self->sending = TRUE;
      /* Translators: the part of the request sent, as "12.0 MB of 40.1 MB" */
      text = g_strdup_printf (_ ("Sending… %s of %s"), done_text, total_text);
    }
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

/* --- The answer --------------------------------------------------------------- */

static void
show_error (AttCertificateForm *self,
            const char         *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* A problem of the n-th file sent is told with the file's name, so that
 * it can be found in the list. */
static AttFieldError *
map_field_error (AttCertificateForm  *self,
                 const AttFieldError *error)
{
  guint index;

  if (error->path != NULL && sscanf (error->path, ATT_FORM_FILES "[%u]", &index) == 1)
    {
      g_autofree char *file = att_certificate_form_describe_file (self, index);
      g_autofree char *message = g_strdup_printf (_ ("%s: %s"), file, error->message);

      return att_field_error_new (ATT_FORM_FILES, message);
    }
  return att_field_error_copy (error);
}

static void
set_server_errors (AttCertificateForm *self,
                   GPtrArray          *errors)
{
  g_autoptr(GPtrArray) problems = NULL;

  g_clear_pointer (&self->server_errors, g_ptr_array_unref);
  self->server_errors = errors;
  problems = att_certificate_form_check (self);
  att_certificate_form_show_problems (self, problems);
}

static void
failed (AttCertificateForm *self,
        GError             *error)
{
  GPtrArray       *fields = att_api_error_get_field_errors (error);
  GPtrArray       *mapped = att_field_error_array_new ();
  g_autofree char *message = NULL;

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    g_ptr_array_add (mapped, map_field_error (self, g_ptr_array_index (fields, i)));
  /* A conflict or a body too large, unless the server said where. */
  if (g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_CONFLICT) && mapped->len == 0)
    g_ptr_array_add (mapped, att_field_error_new (ATT_FORM_NUMBER, _ ("A certificate of this standard with this number exists already.")));
  if (att_api_error_get_http_status (error) == 413 && mapped->len == 0)
    g_ptr_array_add (mapped, att_field_error_new (ATT_FORM_FILES, _ ("The server found the request too large: remove some images, or scan them at a lower resolution.")));
  set_server_errors (self, mapped);

  if (mapped->len > 0)
    message = g_strdup (_ ("The server refused the certificate: the problems are marked in the form. Nothing was saved."));
  else
    message = g_strdup_printf (_ ("Could not save: %s. The form and its files are kept: try again."), error->message);
  show_error (self, message);
}

static void
announce (AttCertificateForm *self,
          AttCertificate     *certificate)
{
  GtkWindow       *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  const char      *name = att_certificate_get_certificate_name (certificate);
  g_autofree char *title = NULL;

  if (!ATT_IS_WINDOW (parent))
    return;
  title = self->certificate != NULL ? g_strdup_printf (_ ("Certificate “%s” saved"), name != NULL ? name : "")
                                    : g_strdup_printf (_ ("Certificate “%s” created"), name != NULL ? name : "");
  att_window_add_toast (ATT_WINDOW (parent), adw_toast_new (title));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AttCertificateForm) self = user_data;
  g_autoptr(AttCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;

  if (self->certificate != NULL)
    certificate = att_higg_client_update_certificate_finish (ATT_HIGG_CLIENT (object), result, &error);
  else
    certificate = att_higg_client_create_certificate_finish (ATT_HIGG_CLIENT (object), result, &error);
  g_clear_object (&self->save_cancellable);
  if (self->closed)
    return;
  set_saving (self, FALSE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, self->sending ? _ ("The upload was stopped while sending. If the server had received all of it, "
                                         "the certificate may be saved: check the Certificates view before saving again.")
                                    : _ ("The upload was cancelled before anything was sent."));
  else if (certificate == NULL)
    failed (self, error);
  else
    {
      att_context_certificate_saved (self->context, certificate);
      announce (self, certificate);
      att_certificate_form_emit_saved (self, certificate);
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* --- Saving ----------------------------------------------------------------- */

static void
send (AttCertificateForm    *self,
      AttHiggClient         *client,
      AttCertificateRequest *request)
{
  self->save_cancellable = g_cancellable_new ();
  set_saving (self, TRUE);
  if (self->certificate != NULL)
    att_higg_client_update_certificate_async (client, att_certificate_get_id (self->certificate), request,
                                              on_progress, self, NULL, self->save_cancellable,
                                              saved_cb, g_object_ref (self));
  else
    att_higg_client_create_certificate_async (client, request, on_progress, self, NULL,
                                              self->save_cancellable, saved_cb, g_object_ref (self));
}

/**
 * att_certificate_form_save:
 *
 * Checks everything and shows every problem; sends if there is none.
 */
void
att_certificate_form_save (AttCertificateForm *self)
{
  AttHiggClient *client = att_context_get_higg_client (self->context);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(AttCertificateRequest) request = NULL;

  if (self->saving)
    return;
  /* A Retry sends again what the server refused: its word is forgotten. */
  g_clear_pointer (&self->server_errors, g_ptr_array_unref);
  self->checked = TRUE;
  problems = att_certificate_form_check (self);
  att_certificate_form_show_problems (self, problems);
  if (problems->len > 0)
    {
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      att_certificate_form_focus_path (self, ((AttFieldError *) g_ptr_array_index (problems, 0))->path);
      return;
    }
  if (client == NULL)
    {
      show_error (self, _ ("No account is connected."));
      return;
    }

  request = self->certificate != NULL ? build_update (self) : build_create (self);
  if (att_certificate_request_is_empty (request))
    {
      /* Nothing differs from the server's copy. */
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  send (self, client, request);
}

void
att_certificate_form_cancel_upload (AttCertificateForm *self)
{
  if (self->save_cancellable != NULL)
    g_cancellable_cancel (self->save_cancellable);
}
