/* att-certificate-form-checks.c: what is checked before a certificate is
 * sent, all at once, each problem on its field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-certificate-form-private.h"
#include "att-file-type.h"

/* The certification API's rules (V16, V17) and the sandbox's limits
 * (att-file-type.h), checked here so that a refusal comes with its reason
 * before any upload; and dates far in the past or the future, which are
 * almost always a mistyped year. */

/* Certificates of the schemes Higg takes are younger than this. */
#define EARLIEST_YEAR 1990

/* A certificate valid for longer than this is a typo. */
#define MAX_YEARS_AHEAD 50

/* Room for the members other than the files in a request body. */
#define BODY_OVERHEAD (64 * 1024)

static void
add (GPtrArray  *problems,
     const char *path,
     const char *message)
{
  g_ptr_array_add (problems, att_field_error_new (path, message));
}

static void
check_text (AttCertificateForm *self,
            GPtrArray          *problems,
            AdwEntryRow        *row,
            const char         *path,
            const char         *message)
{
  g_autofree char *text = att_certificate_form_get_text (self, row);

  if (*text == '\0')
    add (problems, path, message);
}

static void
check_choices (AttCertificateForm *self,
               GPtrArray          *problems)
{
  if (att_certificate_form_get_authority_id (self) == NULL)
    add (problems, ATT_FORM_AUTHORITY, _ ("Choose the authority that owns the standard."));
  if (att_certificate_form_get_standard_id (self) == NULL)
    add (problems, ATT_FORM_STANDARD, _ ("Choose the standard the certificate is for."));
  check_text (self, problems, self->number_row, ATT_FORM_NUMBER,
              _ ("Enter the certificate number, as printed on the certificate."));
}

/* A date outside the years certificates can have, or NULL. */
static const char *
date_out_of_range (GDateTime *date,
                   GDateTime *now)
{
  g_autoptr(GDateTime) latest = g_date_time_add_years (now, MAX_YEARS_AHEAD);

  if (g_date_time_get_year (date) < EARLIEST_YEAR)
    return _ ("This date is before 1990: check the year.");
  if (g_date_time_compare (date, latest) > 0)
    return _ ("This date is more than 50 years ahead: check the year.");
  return NULL;
}

static void
check_dates (AttCertificateForm *self,
             GPtrArray          *problems)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *issued = NULL;
  const char *expires = NULL;

  if (self->date_issued == NULL)
    issued = _ ("Choose the day the certificate was issued.");
  else
    issued = date_out_of_range (self->date_issued, now);
  if (self->date_expires == NULL)
    expires = _ ("Choose the day the certificate expires.");
  else
    expires = date_out_of_range (self->date_expires, now);
  if (issued == NULL && expires == NULL && g_date_time_compare (self->date_expires, self->date_issued) <= 0)
    expires = _ ("The certificate must expire after the day it was issued: check both dates.");

  if (issued != NULL)
    add (problems, ATT_FORM_ISSUED, issued);
  if (expires != NULL)
    add (problems, ATT_FORM_EXPIRES, expires);
}

/* The request's size once its files are base64: four bytes for every
 * three, in quotes, separated by commas. */
static guint64
request_size (GPtrArray *files)
{
  guint64 size = BODY_OVERHEAD;

  for (guint i = 0; i < files->len; i++)
    size += (att_certificate_file_get_size (g_ptr_array_index (files, i)) + 2) / 3 * 4 + 3;
  return size;
}

static void
check_files (AttCertificateForm *self,
             GPtrArray          *problems)
{
  g_autoptr(GPtrArray) files = att_certificate_file_list_get_files (self->file_list);
  guint64 size = request_size (files);

  if (att_certificate_file_list_get_n_checking (self->file_list) > 0)
    add (problems, ATT_FORM_FILES, _ ("Some files are still being checked: wait until they are."));
  else if (files->len == 0)
    add (problems, ATT_FORM_FILES, _ ("Add at least one image of the certificate: a scan, a photo or a PDF."));
  else if (files->len > ATT_CERTIFICATE_MAX_FILES)
    {
      g_autofree char *message = g_strdup_printf (_ ("There are %u images; Higg takes at most %u. Remove some."),
                                                  files->len, ATT_CERTIFICATE_MAX_FILES);

      add (problems, ATT_FORM_FILES, message);
    }
  else if (size > ATT_CERTIFICATE_MAX_REQUEST_SIZE)
    {
      g_autofree char *size_text = g_format_size (size);
      g_autofree char *limit_text = g_format_size (ATT_CERTIFICATE_MAX_REQUEST_SIZE);
      g_autofree char *message = g_strdup_printf (_ ("The images come to %s once encoded, more than the %s one request "
                                                     "can carry. Remove some, or scan them at a lower resolution."),
                                                  size_text, limit_text);

      add (problems, ATT_FORM_FILES, message);
    }
}

/**
 * att_certificate_form_check:
 *
 * Returns: (transfer container) (element-type AttFieldError): every
 *   problem of the form, and the server's last word on what was sent
 */
GPtrArray *
att_certificate_form_check (AttCertificateForm *self)
{
  GPtrArray *problems = att_field_error_array_new ();
  gboolean   creating = self->certificate == NULL;

  if (creating)
    check_choices (self, problems);
  check_text (self, problems, self->name_row, ATT_FORM_NAME,
              _ ("Enter the certificate’s name, as printed on the certificate."));
  check_text (self, problems, self->body_row, ATT_FORM_BODY,
              _ ("Enter the body that issued the certificate."));
  check_dates (self, problems);
  if (creating || att_certificate_file_list_get_changed (self->file_list))
    check_files (self, problems);

  for (guint i = 0; self->server_errors != NULL && i < self->server_errors->len; i++)
    g_ptr_array_add (problems, att_field_error_copy (g_ptr_array_index (self->server_errors, i)));
  return problems;
}

/**
 * att_certificate_form_describe_file:
 * @index: a position in the files sent
 *
 * Returns: (transfer full): what to call that file in a message:
 *   "Image 2 (scan.pdf, page 2)"
 */
char *
att_certificate_form_describe_file (AttCertificateForm *self,
                                    guint               index)
{
  g_autoptr(GPtrArray) files = att_certificate_file_list_get_files (self->file_list);

  if (index >= files->len)
    return g_strdup_printf (_ ("Image %u"), index + 1);
  /* Translators: an image's position among those sent, and its name */
  return g_strdup_printf (_ ("Image %u (%s)"), index + 1,
                          att_certificate_file_get_display_name (g_ptr_array_index (files, index)));
}
