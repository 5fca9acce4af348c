/* att-certificate.c: a Higg certificate, its JSON and the products it
 * covers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The certificate object the certification API answers create and update
 * with, and PM search carries in each hit's `certifications[]` (api-higg.md
 * §2, §4.1).  Only `_id` is required, since a certificate that cannot be
 * referred to cannot be updated; everything else is shown as far as it
 * goes.  Dates are read tolerantly (att_json_get_date_time()), and unknown
 * members are kept.  Its files are in att-certificate-files.c, its status
 * in att-certificate-status.c. */

#include "config.h"

#include "att-certificate-private.h"
#include "att-json.h"

G_DEFINE_FINAL_TYPE (AttCertificate, att_certificate, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AUTHORITY_ID,
  PROP_AUTHORITY_NAME,
  PROP_STANDARD_ID,
  PROP_STANDARD_NAME,
  PROP_ASSERTION_ID,
  PROP_CERTIFICATE_NAME,
  PROP_PROOF_BODY,
  PROP_DATE_ISSUED,
  PROP_DATE_EXPIRES,
  PROP_N_FILES,
  PROP_PRODUCT_IDS,
  PROP_N_PRODUCTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_certificate_finalize (GObject *object)
{
  AttCertificate *self = (AttCertificate *) object;

  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->authority_id, g_free);
  g_clear_pointer (&self->authority_name, g_free);
  g_clear_pointer (&self->standard_id, g_free);
  g_clear_pointer (&self->standard_name, g_free);
  g_clear_pointer (&self->assertion_id, g_free);
  g_clear_pointer (&self->certificate_name, g_free);
  g_clear_pointer (&self->proof_body, g_free);
  g_clear_pointer (&self->date_issued, g_date_time_unref);
  g_clear_pointer (&self->date_expires, g_date_time_unref);
  g_clear_pointer (&self->product_set, g_hash_table_unref);
  g_clear_pointer (&self->product_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (att_certificate_parent_class)->finalize (object);
}

static void
att_certificate_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AttCertificate *self = ATT_CERTIFICATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_AUTHORITY_ID:
      g_value_set_string (value, self->authority_id);
      break;

    case PROP_AUTHORITY_NAME:
      g_value_set_string (value, self->authority_name);
      break;

    case PROP_STANDARD_ID:
      g_value_set_string (value, self->standard_id);
      break;

    case PROP_STANDARD_NAME:
      g_value_set_string (value, self->standard_name);
      break;

    case PROP_ASSERTION_ID:
      g_value_set_string (value, self->assertion_id);
      break;

    case PROP_CERTIFICATE_NAME:
      g_value_set_string (value, self->certificate_name);
      break;

    case PROP_PROOF_BODY:
      g_value_set_string (value, self->proof_body);
      break;

    case PROP_DATE_ISSUED:
      g_value_set_boxed (value, self->date_issued);
      break;

    case PROP_DATE_EXPIRES:
      g_value_set_boxed (value, self->date_expires);
      break;

    case PROP_N_FILES:
      g_value_set_uint (value, att_certificate_get_n_files (self));
      break;

    case PROP_PRODUCT_IDS:
      g_value_set_boxed (value, self->product_ids->pdata);
      break;

    case PROP_N_PRODUCTS:
      g_value_set_uint (value, att_certificate_get_n_products (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_certificate_class_init (AttCertificateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = att_certificate_finalize;
  object_class->get_property = att_certificate_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_AUTHORITY_ID] = g_param_spec_string ("authority-id", NULL, NULL, NULL, flags);
  properties[PROP_AUTHORITY_NAME] = g_param_spec_string ("authority-name", NULL, NULL, NULL, flags);
  properties[PROP_STANDARD_ID] = g_param_spec_string ("standard-id", NULL, NULL, NULL, flags);
  properties[PROP_STANDARD_NAME] = g_param_spec_string ("standard-name", NULL, NULL, NULL, flags);

  /**
   * AttCertificate:assertion-id:
   *
   * The certificate number printed on the certificate.
   */
  properties[PROP_ASSERTION_ID] = g_param_spec_string ("assertion-id", NULL, NULL, NULL, flags);
  properties[PROP_CERTIFICATE_NAME] = g_param_spec_string ("certificate-name", NULL, NULL, NULL, flags);

  /**
   * AttCertificate:proof-body:
   *
   * The certifying (issuing) body.
   */
  properties[PROP_PROOF_BODY] = g_param_spec_string ("proof-body", NULL, NULL, NULL, flags);
  properties[PROP_DATE_ISSUED] = g_param_spec_boxed ("date-issued", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_DATE_EXPIRES] = g_param_spec_boxed ("date-expires", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_N_FILES] = g_param_spec_uint ("n-files", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * AttCertificate:product-ids:
   *
   * The PM products the certificate covers: its `productModuleIds`, and
   * those a list found it on (att_certificate_add_product_id()).
   */
  properties[PROP_PRODUCT_IDS] = g_param_spec_boxed ("product-ids", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_N_PRODUCTS] = g_param_spec_uint ("n-products", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_certificate_init (AttCertificate *self)
{
  self->product_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->product_ids, NULL);
  self->product_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->files = g_ptr_array_new ();
}

static gboolean
read_product_ids (AttCertificate *self,
                  JsonObject     *object,
                  const char     *path,
                  GError        **error)
{
  g_auto(GStrv) ids = NULL;

  if (!att_json_read_strv (object, "productModuleIds", path, &ids, error))
    return FALSE;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    att_certificate_add_product_id (self, ids[i]);
  return TRUE;
}

/**
 * att_certificate_new_from_json:
 * @object: a certificate object
 * @path: (nullable): where @object sits, e.g. `hits[2].certifications[0]`
 *
 * `_id` (or `id`) is required; the other members are optional but must
 * have their type when present.  `dateIssued` and `dateExpires` may be
 * Unix seconds or milliseconds, or ISO 8601 strings
 * (att_json_get_date_time()); an unreadable one is an unknown date.
 *
 * Returns: (transfer full) (nullable): a new #AttCertificate, or %NULL on
 *   error
 */
AttCertificate *
att_certificate_new_from_json (JsonObject *object,
                               const char *path,
                               GError    **error)
{
  g_autoptr(AttCertificate) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_CERTIFICATE, NULL);
  self->json = json_object_ref (object);

  if (!att_json_read_string (object, att_json_pick_member (object, "_id", "id"), path, TRUE,
                             &self->id, error) ||
      !att_json_read_string (object, "assertionAuthorityId", path, FALSE, &self->authority_id, error) ||
      !att_json_read_string (object, "assertionAuthorityName", path, FALSE, &self->authority_name, error) ||
      !att_json_read_string (object, "assertionStandardId", path, FALSE, &self->standard_id, error) ||
      !att_json_read_string (object, "assertionStandardName", path, FALSE, &self->standard_name, error) ||
      !att_json_read_string (object, "assertionId", path, FALSE, &self->assertion_id, error) ||
      !att_json_read_string (object, "certificateName", path, FALSE, &self->certificate_name, error) ||
      !att_json_read_string (object, "proofBody", path, FALSE, &self->proof_body, error) ||
      !att_json_read_date_time (object, "dateIssued", path, &self->date_issued, error) ||
      !att_json_read_date_time (object, "dateExpires", path, &self->date_expires, error) ||
      !att_certificate_read_files (self, path, error) ||
      !read_product_ids (self, object, path, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * att_certificate_get_json:
 *
 * Returns: (transfer none): the object this certificate was parsed from,
 *   unknown members included
 */
JsonObject *
att_certificate_get_json (AttCertificate *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), NULL);

  return self->json;
}

/**
 * att_certificate_to_json:
 *
 * Returns: (transfer full): the certificate in the shape the API answers
 *   with, unknown members kept, and `productModuleIds` listing every
 *   product it is known to cover
 */
JsonNode *
att_certificate_to_json (AttCertificate *self)
{
  JsonNode  *node;
  JsonArray *ids;

  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), NULL);

  node = att_json_object_to_node (self->json);
  ids = json_array_sized_new (self->product_ids->len - 1);
  for (guint i = 0; i + 1 < self->product_ids->len; i++)
    json_array_add_string_element (ids, g_ptr_array_index (self->product_ids, i));
  json_object_set_array_member (json_node_get_object (node), "productModuleIds", ids);

  return node;
}

const char *
att_certificate_get_id (AttCertificate *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), NULL);

  return self->id;
}

const char *
att_certificate_get_authority_id (AttCertificate *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), NULL);

  return self->authority_id;
}

const char *
att_certificate_get_authority_name (AttCertificate *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), NULL);

  return self->authority_name;
}

const char *
att_certificate_get_standard_id (AttCertificate *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), NULL);

  return self->standard_id;
}

const char *
att_certificate_get_standard_name (AttCertificate *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), NULL);

  return self->standard_name;
}

/**
 * att_certificate_get_assertion_id:
 *
 * Returns: (nullable): the certificate number printed on the certificate
 */
const char *
att_certificate_get_assertion_id (AttCertificate *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), NULL);

  return self->assertion_id;
}

const char *
att_certificate_get_certificate_name (AttCertificate *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), NULL);

  return self->certificate_name;
}

/**
 * att_certificate_get_proof_body:
 *
 * Returns: (nullable): the certifying (issuing) body
 */
const char *
att_certificate_get_proof_body (AttCertificate *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), NULL);

  return self->proof_body;
}

/**
 * att_certificate_get_date_issued:
 *
 * Returns: (transfer none) (nullable): the issue date in UTC, or %NULL if
 *   unknown
 */
GDateTime *
att_certificate_get_date_issued (AttCertificate *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), NULL);

  return self->date_issued;
}

/**
 * att_certificate_get_date_expires:
 *
 * Returns: (transfer none) (nullable): the expiry date in UTC, or %NULL if
 *   unknown
 */
GDateTime *
att_certificate_get_date_expires (AttCertificate *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), NULL);

  return self->date_expires;
}

/**
 * att_certificate_get_product_ids:
 *
 * Returns: (transfer none) (array zero-terminated=1): the PM products the
 *   certificate covers, without duplicates; empty if none is known
 */
const char *const *
att_certificate_get_product_ids (AttCertificate *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), NULL);

  return (const char *const *) self->product_ids->pdata;
}

guint
att_certificate_get_n_products (AttCertificate *self)
{
  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), 0);

  return self->product_ids->len - 1;
}

/**
 * att_certificate_add_product_id:
 * @product_id: a PM product `_id`
 *
 * Records that the certificate covers @product_id, as a list of
 * certificates read from PM search learns it (the certificate objects in
 * search hits do not list their products).  Main thread only once the
 * certificate is shown.
 *
 * Returns: %TRUE if @product_id was not known yet
 */
gboolean
att_certificate_add_product_id (AttCertificate *self,
                                const char     *product_id)
{
  char *copy;

  g_return_val_if_fail (ATT_IS_CERTIFICATE (self), FALSE);
  g_return_val_if_fail (product_id != NULL, FALSE);

  if (g_hash_table_contains (self->product_set, product_id))
    return FALSE;

  copy = g_strdup (product_id);
  g_ptr_array_insert (self->product_ids, (int) self->product_ids->len - 1, copy);
  g_hash_table_add (self->product_set, copy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT_IDS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PRODUCTS]);
  return TRUE;
}
