/* att-closient-product.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-closient-product.h"
#include "att-closient-fields-private.h"
#include "att-json.h"

/* a product as Closient's products app answers it (the part of
 * ProductOut the Closient view shows, api-closient.md §3.3).  Read tolerantly (att-closient-fields.c); unknown members are
 * kept for to_json(). */

static const AttClosientField fields[] = {
  { "brand", ATT_CLOSIENT_FIELD_STRING },
  { "manufacturer", ATT_CLOSIENT_FIELD_STRING },
  { "image_url", ATT_CLOSIENT_FIELD_NULLABLE },
  { "description", ATT_CLOSIENT_FIELD_STRING },
};

enum {
  F_BRAND,
  F_MANUFACTURER,
  F_IMAGE_URL,
  F_DESCRIPTION,
  N_FIELDS
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_FIELDS);

struct _AttClosientProduct
{
  GObject     parent_instance;

  JsonObject *json; /* as read, unknown members included */
  char       *gtin;
  char       *product_name;
  gboolean    is_claimed;
  char       *values[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (AttClosientProduct, att_closient_product, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GTIN,
  PROP_PRODUCT_NAME,
  PROP_IS_CLAIMED,
  PROP_FIRST_FIELD,
  N_PROPS = PROP_FIRST_FIELD + N_FIELDS
};

static GParamSpec *properties[N_PROPS];

static void
att_closient_product_finalize (GObject *object)
{
  AttClosientProduct *self = (AttClosientProduct *) object;

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->gtin, g_free);
  g_clear_pointer (&self->product_name, g_free);
  att_closient_fields_clear (self->values, N_FIELDS);

  G_OBJECT_CLASS (att_closient_product_parent_class)->finalize (object);
}

static void
att_closient_product_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AttClosientProduct *self = ATT_CLOSIENT_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_GTIN:
      g_value_set_string (value, self->gtin);
      break;

    case PROP_PRODUCT_NAME:
      g_value_set_string (value, self->product_name);
      break;

    case PROP_IS_CLAIMED:
      g_value_set_boolean (value, self->is_claimed);
      break;

    default:
      if (prop_id >= PROP_FIRST_FIELD && prop_id < N_PROPS)
        g_value_set_string (value, self->values[prop_id - PROP_FIRST_FIELD]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_closient_product_class_init (AttClosientProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_closient_product_finalize;
  object_class->get_property = att_closient_product_get_property;

  properties[PROP_GTIN] =
    g_param_spec_string ("gtin", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRODUCT_NAME] =
    g_param_spec_string ("product-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_CLAIMED] =
    g_param_spec_boolean ("is-claimed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  att_closient_fields_install (properties + PROP_FIRST_FIELD, fields, N_FIELDS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_closient_product_init (AttClosientProduct *self)
{
}

/**
 * att_closient_product_new_from_json:
 *
 * Returns: (transfer full) (nullable): the object, or %NULL with an
 *   %ATT_API_ERROR_BAD_RESPONSE error if @node is not an object or lacks
 *   a `gtin`
 */
AttClosientProduct *
att_closient_product_new_from_json (JsonNode *node,
                                    GError  **error)
{
  g_autoptr(AttClosientProduct) self = NULL;
  JsonObject *object;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_CLOSIENT_PRODUCT, NULL);
  self->json = object = att_closient_fields_copy_object (node, error);
  if (object == NULL ||
      !att_json_read_string (object, "gtin", NULL, TRUE, &self->gtin, error))
    return NULL;

  /* The name is shown, not needed: a product Closient knows by its GTIN
   * alone is still that product. */
  self->product_name = g_strdup (att_closient_fields_get_string (object, "product_name"));
  if (self->product_name == NULL)
    self->product_name = g_strdup ("");
  self->is_claimed = att_json_get_boolean (object, "is_claimed", NULL, FALSE, FALSE, NULL);

  att_closient_fields_read (object, fields, N_FIELDS, self->values);
  return g_steal_pointer (&self);
}

/**
 * att_closient_product_to_json:
 *
 * Returns: (transfer full): the object in the server's shape, unknown
 *   members kept
 */
JsonNode *
att_closient_product_to_json (AttClosientProduct *self)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_val_if_fail (ATT_IS_CLOSIENT_PRODUCT (self), NULL);

  object = att_json_object_copy (self->json);
  json_object_set_string_member (object, "gtin", self->gtin);
  json_object_set_string_member (object, "product_name", self->product_name);
  json_object_set_boolean_member (object, "is_claimed", self->is_claimed);
  att_closient_fields_write (object, fields, N_FIELDS, self->values);
  return json_node_init_object (json_node_alloc (), object);
}

/**
 * att_closient_product_get_gtin:
 *
 * Returns: the GTIN as the server wrote it (14 digits from Closient)
 */
const char *
att_closient_product_get_gtin (AttClosientProduct *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PRODUCT (self), NULL);

  return self->gtin;
}

const char *
att_closient_product_get_product_name (AttClosientProduct *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PRODUCT (self), NULL);

  return self->product_name;
}

/* The other strings are "" when empty, never NULL; the URLs of images are
 * NULL when there is none. */

const char *
att_closient_product_get_brand (AttClosientProduct *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PRODUCT (self), NULL);

  return self->values[F_BRAND];
}

const char *
att_closient_product_get_manufacturer (AttClosientProduct *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PRODUCT (self), NULL);

  return self->values[F_MANUFACTURER];
}

const char *
att_closient_product_get_image_url (AttClosientProduct *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PRODUCT (self), NULL);

  return self->values[F_IMAGE_URL];
}

const char *
att_closient_product_get_description (AttClosientProduct *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PRODUCT (self), NULL);

  return self->values[F_DESCRIPTION];
}

gboolean
att_closient_product_get_is_claimed (AttClosientProduct *self)
{
  g_return_val_if_fail (ATT_IS_CLOSIENT_PRODUCT (self), FALSE);

  return self->is_claimed;
}
