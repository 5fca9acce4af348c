/* att-sandbox-certificate-check.c: reading and checking the bodies of
 * certificate create and update (rules V16-V18 of api-higg.md §6, and the
 * sandbox's file limits)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "att-file-type.h"
#include "att-validation.h"

#include "att-sandbox-assertion.h"
#include "att-sandbox-certificate.h"
#include "att-sandbox-json.h"
#include "att-sandbox-request.h"

/*
 * Certificate files arrive as base64 inside the JSON body, up to 64 MiB
 * each once decoded.  They are checked without being decoded: strict
 * RFC 4648 base64 (the standard alphabet, `=` padding only at the end, no
 * line breaks, and unused bits zero, so that the text is exactly what any
 * encoder writes) tells the decoded size from the length alone, and only
 * the first 24 characters are decoded, to tell the file's type by its
 * first bytes.  The text is then stored as it came: no decoded copy of a
 * 50 MB image is ever made.
 */

void
att_sandbox_certificate_change_clear (AttSandboxCertificateChange *change)
{
  g_clear_pointer (&change->add_products, g_strfreev);
  g_clear_pointer (&change->remove_products, g_strfreev);
  change->replace_files = FALSE;
}

/* Files ----------------------------------------------------------------------- */

/* The value of a base64 character, or -1 for any other.  Inline and
 * without a table to set up: it runs for every character of files of up
 * to 86 MiB of text. */
static inline int
base64_value (guchar c)
{
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 26;
  if (c >= '0' && c <= '9')
    return c - '0' + 52;
  if (c == '+')
    return 62;
  if (c == '/')
    return 63;
  return -1;
}

/* Whether @text is strict base64; sets the decoded size. */
static gboolean
is_strict_base64 (const char *text,
                  gsize       length,
                  guint64    *out_size)
{
  gsize padding = 0;
  int   last;

  if (length == 0 || length % 4 != 0)
    return FALSE;

  if (text[length - 1] == '=')
    padding = text[length - 2] == '=' ? 2 : 1;

  for (gsize i = 0; i < length - padding; i++)
    if (base64_value ((guchar) text[i]) < 0)
      return FALSE;

  /* The bits of the last character that no byte uses must be zero. */
  last = base64_value ((guchar) text[length - padding - 1]);
  if ((padding == 1 && (last & 0x3) != 0) || (padding == 2 && (last & 0xf) != 0))
    return FALSE;

  *out_size = (guint64) length / 4 * 3 - padding;
  return TRUE;
}

/**
 * att_sandbox_certificate_check_file:
 * @base64: a file as sent
 * @length: the length of @base64
 *
 * Returns: (nullable): why the file is refused, or %NULL if it is a
 *   strictly base64-encoded image within the size limit
 */
const char *
att_sandbox_certificate_check_file (const char *base64,
                                    gsize       length)
{
  guchar      head[24];
  gsize       head_length = 0;
  gint        state = 0;
  guint       save = 0;
  guint64     size = 0;
  AttFileType type;

  g_return_val_if_fail (base64 != NULL, NULL);

  if (length == 0)
    return _ ("This file is empty");
  if (!is_strict_base64 (base64, length, &size))
    return _ ("Not valid base64 (RFC 4648: the standard alphabet, “=” padding at the end only, no line breaks)");
  if (size > ATT_CERTIFICATE_MAX_FILE_SIZE)
    return _ ("This file is larger than 64 MiB");

  /* 24 characters are the first 18 bytes: enough to tell the type. */
  head_length = g_base64_decode_step (base64, MIN (length, 24), head, &state, &save);
  type = att_file_type_sniff (head, head_length);

  if (type == ATT_FILE_TYPE_PDF)
    return _ ("A PDF is not accepted: send each of its pages as an image");
  if (!att_file_type_is_image (type))
    return _ ("Not a PNG, JPEG, WebP or TIFF image");
  return NULL;
}

static char *
index_path (const char *key,
            guint       index)
{
  return g_strdup_printf ("%s[%u]", key, index);
}

/* Checks `certificationFiles`: 1 to ATT_CERTIFICATE_MAX_FILES files, each
 * a string that passes att_sandbox_certificate_check_file().  Returns the
 * list, or %NULL when it is absent or wrong. */
static JsonArray *
check_files (JsonObject *body,
             gboolean    required,
             GPtrArray  *errors)
{
  static const char key[] = "certificationFiles";
  JsonArray        *files = att_sandbox_json_array (body, key);
  guint             n_errors = errors->len;
  guint             n;

  if (!att_sandbox_json_is_set (body, key))
    {
      if (required)
        att_sandbox_add_error (errors, key, _ ("This field is required"));
      return NULL;
    }
  if (files == NULL)
    {
      att_sandbox_add_error (errors, key, _ ("Expected a list"));
      return NULL;
    }

  n = json_array_get_length (files);
  if (n == 0)
    att_sandbox_add_error (errors, key, _ ("A certificate needs at least one file"));
  else if (n > ATT_CERTIFICATE_MAX_FILES)
    att_sandbox_add_error (errors, key, _ ("A certificate has at most 20 files"));

  for (guint i = 0; i < n && n <= ATT_CERTIFICATE_MAX_FILES; i++)
    {
      JsonNode        *node = json_array_get_element (files, i);
      g_autofree char *path = index_path (key, i);
      const char      *message;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          att_sandbox_add_error (errors, path, _ ("Expected text"));
          continue;
        }
      message = att_sandbox_certificate_check_file (json_node_get_string (node),
                                                    strlen (json_node_get_string (node)));
      if (message != NULL)
        att_sandbox_add_error (errors, path, message);
    }

  return errors->len == n_errors ? files : NULL;
}

/* Products ----------------------------------------------------------------- */

/* Reads the list of PM product ids @key; each must exist.  Returns them
 * (absent: %NULL), or %NULL and FALSE on a storage error. */
static gboolean
check_products (AttSandboxStore *store,
                JsonObject      *body,
                const char      *key,
                char          ***out_ids,
                GPtrArray       *errors,
                GError         **error)
{
  JsonArray *array = att_sandbox_json_array (body, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  *out_ids = NULL;
  if (!att_sandbox_json_is_set (body, key))
    return TRUE;
  if (array == NULL)
    {
      att_sandbox_add_error (errors, key, _ ("Expected a list"));
      return TRUE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode        *node = json_array_get_element (array, i);
      g_autofree char *path = index_path (key, i);
      gboolean         exists = FALSE;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          att_sandbox_add_error (errors, path, _ ("Expected text"));
          continue;
        }
      if (!att_sandbox_store_has_pm_product (store, json_node_get_string (node), &exists, error))
        return FALSE;
      if (!exists)
        att_sandbox_add_error (errors, path, _ ("There is no Product Module product with this id"));
      else
        g_strv_builder_add (builder, json_node_get_string (node));
    }

  *out_ids = g_strv_builder_end (builder);
  return TRUE;
}

/* Dates and references --------------------------------------------------- */

/* A date member: a finite number of Unix milliseconds, 0 or more. */
static gboolean
check_date (JsonObject *body,
            const char *key,
            gboolean    required,
            double     *out_value,
            GPtrArray  *errors)
{
  double value = 0;

  if (!att_validate_number_member (body, key, required, &value, errors))
    return FALSE;
  if (value < 0)
    {
      att_sandbox_add_error (errors, key, _ ("Expected a date in Unix milliseconds, 0 or more"));
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

static void
check_dates_order (JsonObject *body,
                   double      issued,
                   double      expires,
                   GPtrArray  *errors)
{
  if (expires > issued)
    return;

  /* The error names what was sent: an update may send only one date. */
  if (att_sandbox_json_is_set (body, "dateExpires"))
    att_sandbox_add_error (errors, "dateExpires", _ ("The expiry date must be after the issue date (dateIssued)"));
  else
    att_sandbox_add_error (errors, "dateIssued", _ ("The issue date must be before the expiry date (dateExpires)"));
}

/* Checks that @authority_id names an authority and @standard one of its
 * standards; @key is the member to blame for a mismatch. */
static void
check_standard_of (const char *authority_id,
                   const char *standard_id,
                   const char *key,
                   GPtrArray  *errors)
{
  const AttSandboxAuthority *authority = att_sandbox_assertion_find_authority (authority_id);
  const AttSandboxStandard  *standard = att_sandbox_assertion_find_standard (standard_id);

  if (authority_id != NULL && authority == NULL)
    att_sandbox_add_error (errors, "assertionAuthorityId", _ ("There is no assertion authority with this id"));
  if (standard_id != NULL && standard == NULL)
    att_sandbox_add_error (errors, "assertionStandardId", _ ("There is no assertion standard with this id"));

  if (authority != NULL && standard != NULL && standard->authority != authority)
    {
      /* Translators: the first %s is a certification standard, the second
       * the authority (say, Textile Exchange) the client named. */
      g_autofree char *message = g_strdup_printf (_ ("“%s” is not a standard of “%s”"),
                                                  standard->name, authority->name);

      att_sandbox_add_error (errors, key, message);
    }
}

/* Create ------------------------------------------------------------------- */

/* A required text member, or %NULL (with an error) if it fails. */
static const char *
text_member (JsonObject *body,
             const char *key,
             GPtrArray  *errors)
{
  const char *value = NULL;

  att_validate_text_member (body, key, TRUE, &value, errors);
  return value;
}

/**
 * att_sandbox_certificate_check_create:
 *
 * Reads a create body.  Problems go to @errors; storage failures to
 * @error.
 *
 * Returns: (transfer full) (nullable): the certificate to store, without
 *   an id (its files are the body's list, not copied), or %NULL when
 *   @errors or @error were set
 */
AttSandboxCertificate *
att_sandbox_certificate_check_create (AttSandboxStore *store,
                                      JsonObject      *body,
                                      GPtrArray       *errors,
                                      GError         **error)
{
  g_autoptr(AttSandboxCertificate) certificate = g_new0 (AttSandboxCertificate, 1);
  const char *authority_id = text_member (body, "assertionAuthorityId", errors);
  const char *standard_id = text_member (body, "assertionStandardId", errors);
  const char *assertion_id = text_member (body, "assertionId", errors);
  const char *name = text_member (body, "certificateName", errors);
  const char *proof_body = text_member (body, "proofBody", errors);
  gboolean    has_issued = check_date (body, "dateIssued", TRUE, &certificate->date_issued, errors);
  gboolean    has_expires = check_date (body, "dateExpires", TRUE, &certificate->date_expires, errors);
  JsonArray  *files = check_files (body, TRUE, errors);
  g_auto(GStrv) product_ids = NULL;

  check_standard_of (authority_id, standard_id, "assertionStandardId", errors);
  if (has_issued && has_expires)
    check_dates_order (body, certificate->date_issued, certificate->date_expires, errors);
  if (!check_products (store, body, "productModuleIds", &product_ids, errors, error))
    return NULL;
  if (errors->len > 0)
    return NULL;

  certificate->authority_id = g_strdup (authority_id);
  certificate->standard_id = g_strdup (standard_id);
  certificate->assertion_id = g_strdup (assertion_id);
  certificate->name = g_strdup (name);
  certificate->proof_body = g_strdup (proof_body);
  certificate->files = json_array_ref (files);
  certificate->product_ids = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  for (guint i = 0; product_ids != NULL && product_ids[i] != NULL; i++)
    g_ptr_array_add (certificate->product_ids, g_strdup (product_ids[i]));

  return g_steal_pointer (&certificate);
}

/* Update ------------------------------------------------------------------- */

/* A member that cannot change is refused when sent with another value. */
static void
check_unchanged (JsonObject *body,
                 const char *key,
                 const char *stored,
                 GPtrArray  *errors)
{
  if (att_sandbox_json_is_set (body, key) &&
      g_strcmp0 (att_sandbox_json_string (body, key), stored) != 0)
    att_sandbox_add_error (errors, key, _ ("This field cannot be changed"));
}

/* Sets *@field to the text member @key, if the body has one that passes. */
static void
update_text (JsonObject *body,
             const char *key,
             char      **field,
             GPtrArray  *errors)
{
  const char *value;

  if (!json_object_has_member (body, key))
    return;
  value = text_member (body, key, errors);
  if (value != NULL)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* A product both added and removed would depend on the order they are
 * applied in: it is refused instead. */
static void
check_add_and_remove (AttSandboxCertificateChange *change,
                      GPtrArray                   *errors)
{
  for (guint i = 0; change->remove_products != NULL && change->remove_products[i] != NULL; i++)
    if (change->add_products != NULL &&
        g_strv_contains ((const char *const *) change->add_products, change->remove_products[i]))
      {
        g_autofree char *path = index_path ("removeProducts", i);

        att_sandbox_add_error (errors, path, _ ("This product is also in addNewProducts"));
      }
}

/**
 * att_sandbox_certificate_check_update:
 * @certificate: the stored certificate, changed as @body says (only when
 *   it passes)
 * @change: (out caller-allocates): the files and products to change
 *
 * Reads an update body: any of the editable fields, files (which replace
 * the list), addNewProducts and removeProducts.  The standard and the
 * assertion id cannot change (V17): sent with another value, they are an
 * error; with the same, ignored.
 *
 * Returns: FALSE on a storage error
 */
gboolean
att_sandbox_certificate_check_update (AttSandboxStore             *store,
                                      AttSandboxCertificate       *certificate,
                                      JsonObject                  *body,
                                      AttSandboxCertificateChange *change,
                                      GPtrArray                   *errors,
                                      GError                     **error)
{
  double     issued = certificate->date_issued;
  double     expires = certificate->date_expires;
  JsonArray *files = check_files (body, FALSE, errors);
  guint      n_errors;
  g_autoptr(AttSandboxCertificate) edited = g_new0 (AttSandboxCertificate, 1);

  check_unchanged (body, "assertionStandardId", certificate->standard_id, errors);
  check_unchanged (body, "assertionId", certificate->assertion_id, errors);

  edited->authority_id = g_strdup (certificate->authority_id);
  edited->name = g_strdup (certificate->name);
  edited->proof_body = g_strdup (certificate->proof_body);
  update_text (body, "assertionAuthorityId", &edited->authority_id, errors);
  update_text (body, "certificateName", &edited->name, errors);
  update_text (body, "proofBody", &edited->proof_body, errors);
  if (json_object_has_member (body, "assertionAuthorityId"))
    check_standard_of (edited->authority_id, certificate->standard_id, "assertionAuthorityId", errors);

  n_errors = errors->len;
  check_date (body, "dateIssued", FALSE, &issued, errors);
  check_date (body, "dateExpires", FALSE, &expires, errors);
  if (errors->len == n_errors)
    check_dates_order (body, issued, expires, errors);

  if (!check_products (store, body, "addNewProducts", &change->add_products, errors, error) ||
      !check_products (store, body, "removeProducts", &change->remove_products, errors, error))
    return FALSE;
  check_add_and_remove (change, errors);
  if (errors->len > 0)
    return TRUE;

  g_free (certificate->authority_id);
  g_free (certificate->name);
  g_free (certificate->proof_body);
  certificate->authority_id = g_steal_pointer (&edited->authority_id);
  certificate->name = g_steal_pointer (&edited->name);
  certificate->proof_body = g_steal_pointer (&edited->proof_body);
  certificate->date_issued = issued;
  certificate->date_expires = expires;
  change->replace_files = files != NULL;
  if (files != NULL)
    {
      g_clear_pointer (&certificate->files, json_array_unref);
      certificate->files = json_array_ref (files);
    }
  return TRUE;
}
