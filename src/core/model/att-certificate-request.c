/* att-certificate-request.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-certificate-request.h"
#include "att-json.h"

/* The body of `POST /certification-api/create` or of
 * `.../update/{certificate_id}` (api-higg.md §2.3, §2.4), field by field:
 * a field left unset is not sent, so an update carries only what changed
 * (the API treats it as a command).  Dates go out as Unix milliseconds,
 * the contract's spelling.  The files are #AttCertificateFile objects,
 * encoded only when the request is sent (att-certificate-upload.c); a
 * request without files (%NULL) leaves an update's files as they are, and
 * with them replaces the whole list. */

typedef enum {
  FIELD_AUTHORITY_ID,
  FIELD_STANDARD_ID,
  FIELD_ASSERTION_ID,
  FIELD_CERTIFICATE_NAME,
  FIELD_PROOF_BODY,
  N_FIELDS
} Field;

static const char *const field_members[N_FIELDS] = {
  "assertionAuthorityId",
  "assertionStandardId",
  "assertionId",
  "certificateName",
  "proofBody",
};

struct _AttCertificateRequest
{
  GObject    parent_instance;

  char      *fields[N_FIELDS];
  GDateTime *date_issued;
  GDateTime *date_expires;
  GStrv      product_ids; /* productModuleIds, on create */
  GPtrArray *add_products;
  GPtrArray *remove_products;
  GPtrArray *files; /* of AttCertificateFile */
};

G_DEFINE_FINAL_TYPE (AttCertificateRequest, att_certificate_request, G_TYPE_OBJECT)

/* The string properties come first, in the order of Field. */
enum {
  PROP_0,
  PROP_AUTHORITY_ID,
  PROP_STANDARD_ID,
  PROP_ASSERTION_ID,
  PROP_CERTIFICATE_NAME,
  PROP_PROOF_BODY,
  PROP_DATE_ISSUED,
  PROP_DATE_EXPIRES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_certificate_request_finalize (GObject *object)
{
  AttCertificateRequest *self = (AttCertificateRequest *) object;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  g_clear_pointer (&self->date_issued, g_date_time_unref);
  g_clear_pointer (&self->date_expires, g_date_time_unref);
  g_clear_pointer (&self->product_ids, g_strfreev);
  g_clear_pointer (&self->add_products, g_ptr_array_unref);
  g_clear_pointer (&self->remove_products, g_ptr_array_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);

  G_OBJECT_CLASS (att_certificate_request_parent_class)->finalize (object);
}

static void
set_field (AttCertificateRequest *self,
           Field                  field,
           const char            *value)
{
  if (g_strcmp0 (self->fields[field], value) == 0)
    return;

  g_free (self->fields[field]);
  self->fields[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORITY_ID + field]);
}

static void
set_date (AttCertificateRequest *self,
          GDateTime            **slot,
          GDateTime             *date,
          guint                  prop_id)
{
  if (*slot == date || (*slot != NULL && date != NULL && g_date_time_equal (*slot, date)))
    return;

  g_clear_pointer (slot, g_date_time_unref);
  *slot = date != NULL ? g_date_time_ref (date) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
att_certificate_request_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AttCertificateRequest *self = ATT_CERTIFICATE_REQUEST (object);

  switch (prop_id)
    {
    case PROP_AUTHORITY_ID:
    case PROP_STANDARD_ID:
    case PROP_ASSERTION_ID:
    case PROP_CERTIFICATE_NAME:
    case PROP_PROOF_BODY:
      g_value_set_string (value, self->fields[prop_id - PROP_AUTHORITY_ID]);
      break;

    case PROP_DATE_ISSUED:
      g_value_set_boxed (value, self->date_issued);
      break;

    case PROP_DATE_EXPIRES:
      g_value_set_boxed (value, self->date_expires);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_certificate_request_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AttCertificateRequest *self = ATT_CERTIFICATE_REQUEST (object);

  switch (prop_id)
    {
    case PROP_AUTHORITY_ID:
    case PROP_STANDARD_ID:
    case PROP_ASSERTION_ID:
    case PROP_CERTIFICATE_NAME:
    case PROP_PROOF_BODY:
      set_field (self, prop_id - PROP_AUTHORITY_ID, g_value_get_string (value));
      break;

    case PROP_DATE_ISSUED:
      set_date (self, &self->date_issued, g_value_get_boxed (value), prop_id);
      break;

    case PROP_DATE_EXPIRES:
      set_date (self, &self->date_expires, g_value_get_boxed (value), prop_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_certificate_request_class_init (AttCertificateRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = att_certificate_request_finalize;
  object_class->get_property = att_certificate_request_get_property;
  object_class->set_property = att_certificate_request_set_property;

  /* Each %NULL until set, and then sent. */
  properties[PROP_AUTHORITY_ID] = g_param_spec_string ("authority-id", NULL, NULL, NULL, flags);
  properties[PROP_STANDARD_ID] = g_param_spec_string ("standard-id", NULL, NULL, NULL, flags);
  properties[PROP_ASSERTION_ID] = g_param_spec_string ("assertion-id", NULL, NULL, NULL, flags);
  properties[PROP_CERTIFICATE_NAME] = g_param_spec_string ("certificate-name", NULL, NULL, NULL, flags);
  properties[PROP_PROOF_BODY] = g_param_spec_string ("proof-body", NULL, NULL, NULL, flags);
  properties[PROP_DATE_ISSUED] = g_param_spec_boxed ("date-issued", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_DATE_EXPIRES] = g_param_spec_boxed ("date-expires", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_certificate_request_init (AttCertificateRequest *self)
{
}

/**
 * att_certificate_request_new:
 *
 * Returns: (transfer full): an empty request: set what to send
 */
AttCertificateRequest *
att_certificate_request_new (void)
{
  return g_object_new (ATT_TYPE_CERTIFICATE_REQUEST, NULL);
}

const char *
att_certificate_request_get_authority_id (AttCertificateRequest *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_REQUEST (self), NULL);

  return self->fields[FIELD_AUTHORITY_ID];
}

/**
 * att_certificate_request_set_authority_id:
 * @id: (nullable): an assertion authority `_id`, or %NULL not to send it
 */
void
att_certificate_request_set_authority_id (AttCertificateRequest *self,
                                          const char            *id)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_REQUEST (self));

  set_field (self, FIELD_AUTHORITY_ID, id);
}

const char *
att_certificate_request_get_standard_id (AttCertificateRequest *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_REQUEST (self), NULL);

  return self->fields[FIELD_STANDARD_ID];
}

/**
 * att_certificate_request_set_standard_id:
 * @id: (nullable): an assertion standard `_id`, or %NULL not to send it
 *   (an update may not change it)
 */
void
att_certificate_request_set_standard_id (AttCertificateRequest *self,
                                         const char            *id)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_REQUEST (self));

  set_field (self, FIELD_STANDARD_ID, id);
}

const char *
att_certificate_request_get_assertion_id (AttCertificateRequest *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_REQUEST (self), NULL);

  return self->fields[FIELD_ASSERTION_ID];
}

/**
 * att_certificate_request_set_assertion_id:
 * @assertion_id: (nullable): the certificate number, or %NULL not to send
 *   it (an update may not change it)
 */
void
att_certificate_request_set_assertion_id (AttCertificateRequest *self,
                                          const char            *assertion_id)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_REQUEST (self));

  set_field (self, FIELD_ASSERTION_ID, assertion_id);
}

const char *
att_certificate_request_get_certificate_name (AttCertificateRequest *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_REQUEST (self), NULL);

  return self->fields[FIELD_CERTIFICATE_NAME];
}

void
att_certificate_request_set_certificate_name (AttCertificateRequest *self,
                                              const char            *name)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_REQUEST (self));

  set_field (self, FIELD_CERTIFICATE_NAME, name);
}

const char *
att_certificate_request_get_proof_body (AttCertificateRequest *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_REQUEST (self), NULL);

  return self->fields[FIELD_PROOF_BODY];
}

void
att_certificate_request_set_proof_body (AttCertificateRequest *self,
                                        const char            *proof_body)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_REQUEST (self));

  set_field (self, FIELD_PROOF_BODY, proof_body);
}

/**
 * att_certificate_request_get_date_issued:
 *
 * Returns: (transfer none) (nullable): the issue date to send
 */
GDateTime *
att_certificate_request_get_date_issued (AttCertificateRequest *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_REQUEST (self), NULL);

  return self->date_issued;
}

/**
 * att_certificate_request_set_date_issued:
 * @date: (nullable): the issue date, or %NULL not to send it
 */
void
att_certificate_request_set_date_issued (AttCertificateRequest *self,
                                         GDateTime             *date)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_REQUEST (self));

  set_date (self, &self->date_issued, date, PROP_DATE_ISSUED);
}

/**
 * att_certificate_request_get_date_expires:
 *
 * Returns: (transfer none) (nullable): the expiry date to send
 */
GDateTime *
att_certificate_request_get_date_expires (AttCertificateRequest *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_REQUEST (self), NULL);

  return self->date_expires;
}

/**
 * att_certificate_request_set_date_expires:
 * @date: (nullable): the expiry date, or %NULL not to send it
 */
void
att_certificate_request_set_date_expires (AttCertificateRequest *self,
                                          GDateTime             *date)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_REQUEST (self));

  set_date (self, &self->date_expires, date, PROP_DATE_EXPIRES);
}

/**
 * att_certificate_request_set_product_ids:
 * @ids: (nullable) (array zero-terminated=1): PM product ids to attach the
 *   new certificate to (`productModuleIds`, create only), or %NULL
 */
void
att_certificate_request_set_product_ids (AttCertificateRequest *self,
                                         const char *const     *ids)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_REQUEST (self));

  g_strfreev (self->product_ids);
  self->product_ids = g_strdupv ((char **) ids);
}

static void
append_ids (GPtrArray        **list,
            const char *const *ids)
{
  if (*list == NULL)
    *list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (*list, ids[i], g_str_equal, NULL))
      g_ptr_array_add (*list, g_strdup (ids[i]));
}

/**
 * att_certificate_request_add_products:
 * @ids: (array zero-terminated=1): PM product ids to attach the certificate
 *   to (`addNewProducts`, update only)
 */
void
att_certificate_request_add_products (AttCertificateRequest *self,
                                      const char *const     *ids)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_REQUEST (self));
  g_return_if_fail (ids != NULL);

  append_ids (&self->add_products, ids);
}

/**
 * att_certificate_request_remove_products:
 * @ids: (array zero-terminated=1): PM product ids to detach the
 *   certificate from (`removeProducts`, update only); neither the products
 *   nor the certificate are deleted
 */
void
att_certificate_request_remove_products (AttCertificateRequest *self,
                                         const char *const     *ids)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_REQUEST (self));
  g_return_if_fail (ids != NULL);

  append_ids (&self->remove_products, ids);
}

/**
 * att_certificate_request_get_files:
 *
 * Returns: (transfer none) (nullable) (element-type AttCertificateFile):
 *   the files to send, or %NULL to leave them out
 */
GPtrArray *
att_certificate_request_get_files (AttCertificateRequest *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_REQUEST (self), NULL);

  return self->files;
}

/**
 * att_certificate_request_set_files:
 * @files: (nullable) (element-type AttCertificateFile): the files, in
 *   order, or %NULL to leave them out (an update then keeps the
 *   certificate's files)
 *
 * The array is copied; the files are shared.
 */
void
att_certificate_request_set_files (AttCertificateRequest *self,
                                   GPtrArray             *files)
{
  g_return_if_fail (ATT_IS_CERTIFICATE_REQUEST (self));

  g_clear_pointer (&self->files, g_ptr_array_unref);
  if (files == NULL)
    return;

  self->files = g_ptr_array_new_full (files->len, g_object_unref);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (self->files, g_object_ref (g_ptr_array_index (files, i)));
}

/**
 * att_certificate_request_is_empty:
 *
 * Returns: whether the request would send nothing (an update with no
 *   change need not be sent)
 */
gboolean
att_certificate_request_is_empty (AttCertificateRequest *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE_REQUEST (self), TRUE);

  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i] != NULL)
      return FALSE;

  return self->date_issued == NULL && self->date_expires == NULL && self->product_ids == NULL &&
         self->add_products == NULL && self->remove_products == NULL && self->files == NULL;
}

static void
set_strings (JsonObject *object,
             const char *key,
             gpointer   *strings,
             guint       n)
{
  JsonArray *array = json_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    json_array_add_string_element (array, strings[i]);
  json_object_set_array_member (object, key, array);
}

/**
 * att_certificate_request_to_json:
 *
 * The members of the request body except `certificationFiles`, which are
 * added as they are encoded.
 *
 * Returns: (transfer full): the fields set, dates as Unix milliseconds
 */
JsonObject *
att_certificate_request_to_json (AttCertificateRequest *self)
{
  JsonObject *object;

  g_return_val_if_fail (ATT_IS_CERTIFICATE_REQUEST (self), NULL);

  object = json_object_new ();
  for (guint i = 0; i < N_FIELDS; i++)
    att_json_object_set_string (object, field_members[i], self->fields[i]);
  if (self->date_issued != NULL)
    json_object_set_int_member (object, "dateIssued", att_json_date_time_to_unix_ms (self->date_issued));
  if (self->date_expires != NULL)
    json_object_set_int_member (object, "dateExpires", att_json_date_time_to_unix_ms (self->date_expires));
  if (self->product_ids != NULL)
    set_strings (object, "productModuleIds", (gpointer *) self->product_ids,
                 g_strv_length (self->product_ids));
  if (self->add_products != NULL)
    set_strings (object, "addNewProducts", self->add_products->pdata, self->add_products->len);
  if (self->remove_products != NULL)
    set_strings (object, "removeProducts", self->remove_products->pdata, self->remove_products->len);

  return object;
}
