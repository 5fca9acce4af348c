/* att-pm-product.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-certificate.h"
#include "att-json.h"
#include "att-pm-product.h"

/* One hit of PM search (api-higg.md §4.1): `{_id, name, modelNumber,
 * productType, barcodes[], certifications[]}` and many score blocks, which
 * are kept in the JSON but not read.  Only `_id` is required: a product is
 * how certificates are attached, by its id. */
struct _AttPmProduct
{
  GObject     parent_instance;

  JsonObject *json;
  char       *id;
  char       *name;
  char       *model_number;
  char       *product_type;
  GStrv       barcodes;
  GListStore *certificates;
};

G_DEFINE_FINAL_TYPE (AttPmProduct, att_pm_product, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_MODEL_NUMBER,
  PROP_PRODUCT_TYPE,
  PROP_BARCODES,
  PROP_CERTIFICATES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_pm_product_finalize (GObject *object)
{
  AttPmProduct *self = (AttPmProduct *) object;

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->model_number, g_free);
  g_clear_pointer (&self->product_type, g_free);
  g_clear_pointer (&self->barcodes, g_strfreev);
  g_clear_object (&self->certificates);

  G_OBJECT_CLASS (att_pm_product_parent_class)->finalize (object);
}

static void
att_pm_product_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AttPmProduct *self = ATT_PM_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_MODEL_NUMBER:
      g_value_set_string (value, self->model_number);
      break;

    case PROP_PRODUCT_TYPE:
      g_value_set_string (value, self->product_type);
      break;

    case PROP_BARCODES:
      g_value_set_boxed (value, self->barcodes);
      break;

    case PROP_CERTIFICATES:
      g_value_set_object (value, self->certificates);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_pm_product_class_init (AttPmProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = att_pm_product_finalize;
  object_class->get_property = att_pm_product_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);

  /**
   * AttPmProduct:model-number:
   *
   * The style number (what PM search filters as `productStyleNumber`).
   */
  properties[PROP_MODEL_NUMBER] = g_param_spec_string ("model-number", NULL, NULL, NULL, flags);
  properties[PROP_PRODUCT_TYPE] = g_param_spec_string ("product-type", NULL, NULL, NULL, flags);
  properties[PROP_BARCODES] = g_param_spec_boxed ("barcodes", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_CERTIFICATES] = g_param_spec_object ("certificates", NULL, NULL,
                                                       G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_pm_product_init (AttPmProduct *self)
{
  /* What a placeholder (a row that could not be read) shows. */
  self->barcodes = g_new0 (char *, 1);
  self->certificates = g_list_store_new (ATT_TYPE_CERTIFICATE);
}

static gpointer
parse_certificate (JsonObject *object,
                   const char *path,
                   GError    **error)
{
  return att_certificate_new_from_json (object, path, error);
}

/**
 * att_pm_product_new_from_json:
 * @object: one PM search hit
 * @path: (nullable): where @object sits, e.g. `hits[3]`
 *
 * `_id` (or `id`) is required; the other members are optional but must
 * have their type when present.  Each of `certifications[]` becomes an
 * #AttCertificate that knows it covers this product.
 *
 * Returns: (transfer full) (nullable): a new #AttPmProduct, or %NULL on
 *   error
 */
AttPmProduct *
att_pm_product_new_from_json (JsonObject *object,
                              const char *path,
                              GError    **error)
{
  g_autoptr(AttPmProduct) self = NULL;
  g_autoptr(GListStore) certificates = NULL;
  g_auto(GStrv) barcodes = NULL;
  const char *id_key;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_PM_PRODUCT, NULL);
  self->json = json_object_ref (object);
  id_key = att_json_pick_member (object, "_id", "id");

  if (!att_json_read_string (object, id_key, path, TRUE, &self->id, error) ||
      !att_json_read_string (object, "name", path, FALSE, &self->name, error) ||
      !att_json_read_string (object, "modelNumber", path, FALSE, &self->model_number, error) ||
      !att_json_read_string (object, "productType", path, FALSE, &self->product_type, error) ||
      !att_json_read_strv (object, "barcodes", path, &barcodes, error))
    return NULL;

  if (barcodes != NULL)
    {
      g_strfreev (self->barcodes);
      self->barcodes = g_steal_pointer (&barcodes);
    }

  certificates = att_json_get_object_list (object, "certifications", path,
                                           ATT_TYPE_CERTIFICATE, parse_certificate, error);
  if (certificates == NULL)
    return NULL;
  g_set_object (&self->certificates, certificates);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->certificates)); i++)
    {
      g_autoptr(AttCertificate) certificate = g_list_model_get_item (G_LIST_MODEL (self->certificates), i);

      att_certificate_add_product_id (certificate, self->id);
    }

  return g_steal_pointer (&self);
}

/**
 * att_pm_product_get_json:
 *
 * Returns: (transfer none): the object this product was parsed from,
 *   unknown members included
 */
JsonObject *
att_pm_product_get_json (AttPmProduct *self)
{
  g_return_val_if_fail (ATT_IS_PM_PRODUCT (self), NULL);

  return self->json;
}

/**
 * att_pm_product_to_json:
 *
 * Returns: (transfer full): a copy of the parsed object, unknown members
 *   kept
 */
JsonNode *
att_pm_product_to_json (AttPmProduct *self)
{
  g_return_val_if_fail (ATT_IS_PM_PRODUCT (self), NULL);

  return att_json_object_to_node (self->json);
}

const char *
att_pm_product_get_id (AttPmProduct *self)
{
  g_return_val_if_fail (ATT_IS_PM_PRODUCT (self), NULL);

  return self->id;
}

const char *
att_pm_product_get_name (AttPmProduct *self)
{
  g_return_val_if_fail (ATT_IS_PM_PRODUCT (self), NULL);

  return self->name;
}

/**
 * att_pm_product_get_model_number:
 *
 * Returns: (nullable): the style number
 */
const char *
att_pm_product_get_model_number (AttPmProduct *self)
{
  g_return_val_if_fail (ATT_IS_PM_PRODUCT (self), NULL);

  return self->model_number;
}

/**
 * att_pm_product_get_product_type:
 *
 * Returns: (nullable): `Apparel`, `Footwear`, `HomeTextiles` or `Other`
 */
const char *
att_pm_product_get_product_type (AttPmProduct *self)
{
  g_return_val_if_fail (ATT_IS_PM_PRODUCT (self), NULL);

  return self->product_type;
}

/**
 * att_pm_product_get_barcodes:
 *
 * Returns: (transfer none) (array zero-terminated=1): the GTIN/UPC
 *   barcodes; empty when none
 */
const char *const *
att_pm_product_get_barcodes (AttPmProduct *self)
{
  g_return_val_if_fail (ATT_IS_PM_PRODUCT (self), NULL);

  return (const char *const *) self->barcodes;
}

/**
 * att_pm_product_get_certificates:
 *
 * Returns: (transfer none): a list of #AttCertificate, those attached to
 *   this product
 */
GListModel *
att_pm_product_get_certificates (AttPmProduct *self)
{
  g_return_val_if_fail (ATT_IS_PM_PRODUCT (self), NULL);

  return G_LIST_MODEL (self->certificates);
}
