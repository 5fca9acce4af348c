/* att-category.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-category.h"
#include "att-json.h"

/* A category as the sandbox's categories list answers it:
 * `{categoryExpansionId, name, productType, sizes[]}` (docs/api-higg-sandbox.md).
 * The real "get categories" answer is not documented, so only the id is
 * required; the name falls back to the id, and a category without `sizes`
 * has none listed (the sizes call may still know them).  Unknown members
 * are kept, so that nothing the server sends is lost. */
struct _AttCategory
{
  GObject     parent_instance;

  JsonObject *json;
  char       *id;
  char       *name;
  char       *product_type;
  GStrv       sizes;
};

G_DEFINE_FINAL_TYPE (AttCategory, att_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PRODUCT_TYPE,
  PROP_SIZES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_category_finalize (GObject *object)
{
  AttCategory *self = (AttCategory *) object;

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->product_type, g_free);
  g_clear_pointer (&self->sizes, g_strfreev);

  G_OBJECT_CLASS (att_category_parent_class)->finalize (object);
}

static void
att_category_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AttCategory *self = ATT_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, att_category_get_name (self));
      break;

    case PROP_PRODUCT_TYPE:
      g_value_set_string (value, self->product_type);
      break;

    case PROP_SIZES:
      g_value_set_boxed (value, self->sizes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_category_class_init (AttCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_category_finalize;
  object_class->get_property = att_category_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PRODUCT_TYPE] =
    g_param_spec_string ("product-type", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SIZES] =
    g_param_spec_boxed ("sizes", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_category_init (AttCategory *self)
{
}

/**
 * att_category_new_from_json:
 * @object: a `{categoryExpansionId, name, productType, sizes[]}` object
 * @path: (nullable): where @object sits, for error messages
 *
 * `categoryExpansionId` is required; the other members are optional but
 * must have their type when present (`sizes` an array of strings).
 *
 * Returns: (transfer full) (nullable): a new #AttCategory, or %NULL on error
 */
AttCategory *
att_category_new_from_json (JsonObject *object,
                            const char *path,
                            GError    **error)
{
  g_autoptr(AttCategory) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_CATEGORY, NULL);
  self->json = json_object_ref (object);

  if (!att_json_read_string (object, "categoryExpansionId", path, TRUE, &self->id, error) ||
      !att_json_read_string (object, "name", path, FALSE, &self->name, error) ||
      !att_json_read_string (object, "productType", path, FALSE, &self->product_type, error) ||
      !att_json_read_strv (object, "sizes", path, &self->sizes, error))
    return NULL;

  if (self->sizes == NULL)
    self->sizes = g_new0 (char *, 1);

  return g_steal_pointer (&self);
}

/**
 * att_category_get_json:
 *
 * Returns: (transfer none): the object this category was parsed from,
 *   unknown members included
 */
JsonObject *
att_category_get_json (AttCategory *self)
{
  g_return_val_if_fail (ATT_IS_CATEGORY (self), NULL);

  return self->json;
}

/**
 * att_category_to_json:
 *
 * Returns: (transfer full): the category in response shape, unknown members
 *   kept
 */
JsonNode *
att_category_to_json (AttCategory *self)
{
  g_autoptr(JsonObject) object = NULL;
  JsonArray *sizes = json_array_new ();

  g_return_val_if_fail (ATT_IS_CATEGORY (self), NULL);

  object = self->json != NULL ? att_json_object_copy (self->json) : json_object_new ();
  att_json_object_set_string (object, "categoryExpansionId", self->id);
  att_json_object_set_string (object, "name", self->name);
  att_json_object_set_string (object, "productType", self->product_type);
  for (guint i = 0; self->sizes != NULL && self->sizes[i] != NULL; i++)
    json_array_add_string_element (sizes, self->sizes[i]);
  json_object_set_array_member (object, "sizes", sizes);

  return json_node_init_object (json_node_alloc (), object);
}

/**
 * att_category_get_id:
 *
 * Returns: the `categoryExpansionId`, e.g.
 *   `ApparelAccessories-SleepwearLoungewear-PajamaBottoms`
 */
const char *
att_category_get_id (AttCategory *self)
{
  g_return_val_if_fail (ATT_IS_CATEGORY (self), NULL);

  return self->id;
}

/**
 * att_category_get_name:
 *
 * Returns: the name to show, or the id when the server sent none
 */
const char *
att_category_get_name (AttCategory *self)
{
  g_return_val_if_fail (ATT_IS_CATEGORY (self), NULL);

  return self->name != NULL ? self->name : self->id;
}

/**
 * att_category_get_product_type:
 *
 * Returns: (nullable): the product type, e.g. `Apparel`
 */
const char *
att_category_get_product_type (AttCategory *self)
{
  g_return_val_if_fail (ATT_IS_CATEGORY (self), NULL);

  return self->product_type;
}

/**
 * att_category_get_sizes:
 *
 * Returns: (transfer none) (array zero-terminated=1): the sizes listed with
 *   the category; empty when it listed none
 */
const char *const *
att_category_get_sizes (AttCategory *self)
{
  g_return_val_if_fail (ATT_IS_CATEGORY (self), NULL);

  return (const char *const *) self->sizes;
}
