/* att-sandbox-certificate.c: the certification API: the assertion
 * authority and standard lists, certificate create and update, and the
 * certificate object they answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "att-sandbox-api.h"
#include "att-sandbox-assertion.h"
#include "att-sandbox-certificate.h"
#include "att-sandbox-json.h"
#include "att-sandbox-request.h"

/*
 * The wire shapes are the project's decisions where api-higg.md is silent
 * (docs/api-higg-sandbox.md, "Certificates and PM search"): dates in Unix
 * milliseconds, files as base64 strings, the certificate object below.
 */

/**
 * att_sandbox_certificate_render:
 * @with_products: whether to add `productModuleIds` (a PM search hit's
 *   certificates leave it out)
 *
 * Returns: (transfer full): the certificate object.  Its
 *   `certificationFiles` is @certificate's list itself, not a copy: a
 *   50 MB file is not duplicated to answer it.
 */
JsonObject *
att_sandbox_certificate_render (const AttSandboxCertificate *certificate,
                                gboolean                     with_products)
{
  const AttSandboxAuthority *authority = att_sandbox_assertion_find_authority (certificate->authority_id);
  const AttSandboxStandard  *standard = att_sandbox_assertion_find_standard (certificate->standard_id);
  JsonObject                *object = json_object_new ();

  json_object_set_string_member (object, "_id", certificate->id);
  json_object_set_string_member (object, "assertionAuthorityId", certificate->authority_id);
  json_object_set_string_member (object, "assertionAuthorityName", authority != NULL ? authority->name : "");
  json_object_set_string_member (object, "assertionStandardId", certificate->standard_id);
  json_object_set_string_member (object, "assertionStandardName", standard != NULL ? standard->name : "");
  json_object_set_string_member (object, "assertionId", certificate->assertion_id);
  json_object_set_string_member (object, "certificateName", certificate->name);
  json_object_set_string_member (object, "proofBody", certificate->proof_body);
  att_sandbox_json_set_number (object, "dateIssued", certificate->date_issued);
  att_sandbox_json_set_number (object, "dateExpires", certificate->date_expires);
  json_object_set_array_member (object, "certificationFiles",
                                certificate->files != NULL ? json_array_ref (certificate->files) : json_array_new ());

  if (with_products)
    {
      JsonArray *ids = json_array_new ();

      for (guint i = 0; certificate->product_ids != NULL && i < certificate->product_ids->len; i++)
        json_array_add_string_element (ids, g_ptr_array_index (certificate->product_ids, i));
      json_object_set_array_member (object, "productModuleIds", ids);
    }

  return object;
}

static void
set_validation_error (AttSandboxReply *reply,
                      GPtrArray       *errors)
{
  att_sandbox_reply_set_error (reply, SOUP_STATUS_BAD_REQUEST, _ ("Validation failed"), errors);
}

static void
set_storage_error (AttSandboxReply *reply,
                   const GError    *error)
{
  g_warning ("Sandbox storage failed: %s", error->message);
  att_sandbox_reply_set_error (reply, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                               _ ("The sandbox could not store the certificate"), NULL);
}

static void
set_certificate (AttSandboxReply             *reply,
                 const AttSandboxCertificate *certificate)
{
  JsonObject *object = att_sandbox_certificate_render (certificate, TRUE);

  att_sandbox_reply_set_json (reply, att_sandbox_json_node_take_object (object));
}

void
att_sandbox_api_assertion_authorities (const AttSandboxApiContext *context,
                                       AttSandboxReply            *reply)
{
  att_sandbox_reply_set_json (reply, att_sandbox_assertion_authorities_reply ());
}

void
att_sandbox_api_assertion_standards (const AttSandboxApiContext *context,
                                     AttSandboxReply            *reply)
{
  att_sandbox_reply_set_json (reply, att_sandbox_assertion_standards_reply ());
}

/* 409, naming the field that clashes. */
static void
set_conflict (AttSandboxReply *reply)
{
  g_autoptr(GPtrArray) details = att_field_error_array_new ();

  att_sandbox_add_error (details, "assertionId",
                         _ ("A certificate of this standard with this number exists already"));
  att_sandbox_reply_set_error (reply, SOUP_STATUS_CONFLICT,
                               _ ("A certificate of this standard with this number exists already"), details);
}

void
att_sandbox_api_certificates_create (const AttSandboxApiContext *context,
                                     JsonObject                 *body,
                                     AttSandboxReply            *reply)
{
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();
  g_autoptr(AttSandboxCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;

  certificate = att_sandbox_certificate_check_create (context->store, body, errors, &error);
  if (error != NULL)
    set_storage_error (reply, error);
  else if (certificate == NULL)
    set_validation_error (reply, errors);
  else if (!att_sandbox_store_insert_certificate (context->store, certificate, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        set_conflict (reply);
      else
        set_storage_error (reply, error);
    }
  /* The products are read back: the answer lists each once, in the
   * store's order, as every other answer does. */
  else if (!att_sandbox_store_read_certificate_products (context->store, certificate, &error))
    set_storage_error (reply, error);
  else
    set_certificate (reply, certificate);
}

void
att_sandbox_api_certificates_update (const AttSandboxApiContext *context,
                                     const char                 *certificate_id,
                                     JsonObject                 *body,
                                     AttSandboxReply            *reply)
{
  g_autoptr(GPtrArray) errors = att_field_error_array_new ();
  g_autoptr(AttSandboxCertificate) certificate = NULL;
  g_auto(AttSandboxCertificateChange) change = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean replaces_files = att_sandbox_json_is_set (body, "certificationFiles");

  /* Files about to be replaced need not be read. */
  certificate = att_sandbox_store_get_certificate (context->store, certificate_id, !replaces_files, &error);
  if (certificate == NULL && error == NULL)
    {
      /* Translators: %s is a certificate id sent by a client. */
      g_autofree char *message = g_strdup_printf (_ ("There is no certificate with the id “%s”"), certificate_id);

      att_sandbox_reply_set_error (reply, SOUP_STATUS_NOT_FOUND, message, NULL);
      return;
    }

  if (certificate == NULL ||
      !att_sandbox_certificate_check_update (context->store, certificate, body, &change, errors, &error))
    {
      set_storage_error (reply, error);
      return;
    }
  if (errors->len > 0)
    {
      set_validation_error (reply, errors);
      return;
    }

  if (!att_sandbox_store_update_certificate (context->store, certificate, change.replace_files,
                                             (const char *const *) change.add_products,
                                             (const char *const *) change.remove_products, &error))
    {
      set_storage_error (reply, error);
      return;
    }

  /* The products are read back, in the store's order; the files sent are
   * answered from the request, not read again. */
  if (!att_sandbox_store_read_certificate_products (context->store, certificate, &error))
    {
      set_storage_error (reply, error);
      return;
    }
  set_certificate (reply, certificate);
}
