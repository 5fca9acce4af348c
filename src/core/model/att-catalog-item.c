/* att-catalog-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-json.h"
#include "att-catalog-item.h"

/* One result of the materials, components or packaging searches: what a
 * picker shows, and the `_id` a product then refers to. */
struct _AttCatalogItem
{
  GObject     parent_instance;

  JsonObject *json;
  char       *id;
  char       *name;
  char       *item_type;
  char       *description;
  char       *code;
  char       *data_source;
};

G_DEFINE_FINAL_TYPE (AttCatalogItem, att_catalog_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ITEM_TYPE,
  PROP_DESCRIPTION,
  PROP_CODE,
  PROP_DATA_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_catalog_item_finalize (GObject *object)
{
  AttCatalogItem *self = (AttCatalogItem *) object;

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->item_type, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->data_source, g_free);

  G_OBJECT_CLASS (att_catalog_item_parent_class)->finalize (object);
}

static void
att_catalog_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AttCatalogItem *self = ATT_CATALOG_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_string (value, self->item_type);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_DATA_SOURCE:
      g_value_set_string (value, self->data_source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_catalog_item_class_init (AttCatalogItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = att_catalog_item_finalize;
  object_class->get_property = att_catalog_item_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);

  properties[PROP_ITEM_TYPE] =
    g_param_spec_string ("item-type", NULL, NULL, NULL, flags);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, flags);

  properties[PROP_DATA_SOURCE] =
    g_param_spec_string ("data-source", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_catalog_item_init (AttCatalogItem *self)
{
}

/**
 * att_catalog_item_new_from_json:
 * @object: one search result
 * @path: (nullable): where @object sits, e.g. `results[3]`
 *
 * `_id` is required, since an entry that cannot be referred to is of no
 * use; everything else is optional.
 *
 * Returns: (transfer full) (nullable): a new #AttCatalogItem, or %NULL on
 *   error
 */
AttCatalogItem *
att_catalog_item_new_from_json (JsonObject *object,
                                const char *path,
                                GError    **error)
{
  g_autoptr(AttCatalogItem) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_CATALOG_ITEM, NULL);
  self->json = json_object_ref (object);

  if (!att_json_read_string (object, "_id", path, TRUE, &self->id, error) ||
      !att_json_read_string (object, "name", path, FALSE, &self->name, error) ||
      !att_json_read_string (object, "description", path, FALSE, &self->description, error) ||
      !att_json_read_string (object, "code", path, FALSE, &self->code, error) ||
      !att_json_read_string (object, "dataSource", path, FALSE, &self->data_source, error))
    return NULL;

  /* Materials carry their kind in `type`, packaging in `packagingType`
   * (the documented packaging results also have a `type`, which wins when
   * both are there) and the sandbox's components in `group`. */
  if (!att_json_read_string (object, "type", path, FALSE, &self->item_type, error))
    return NULL;
  if (self->item_type == NULL &&
      !att_json_read_string (object, "packagingType", path, FALSE, &self->item_type, error))
    return NULL;
  if (self->item_type == NULL &&
      !att_json_read_string (object, "group", path, FALSE, &self->item_type, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * att_catalog_item_get_json:
 *
 * Returns: (transfer none) (nullable): the parsed object, unknown members
 *   included
 */
JsonObject *
att_catalog_item_get_json (AttCatalogItem *self)
{
  g_return_val_if_fail (ATT_IS_CATALOG_ITEM (self), NULL);

  return self->json;
}

/**
 * att_catalog_item_to_json:
 *
 * Returns: (transfer full): a copy of the parsed object, unknown members
 *   kept
 */
JsonNode *
att_catalog_item_to_json (AttCatalogItem *self)
{
  g_return_val_if_fail (ATT_IS_CATALOG_ITEM (self), NULL);

  return att_json_object_to_node (self->json);
}

const char *
att_catalog_item_get_id (AttCatalogItem *self)
{
  g_return_val_if_fail (ATT_IS_CATALOG_ITEM (self), NULL);

  return self->id;
}

const char *
att_catalog_item_get_name (AttCatalogItem *self)
{
  g_return_val_if_fail (ATT_IS_CATALOG_ITEM (self), NULL);

  return self->name;
}

/**
 * att_catalog_item_get_item_type:
 *
 * Returns: the kind of entry: `type`, else `packagingType`, else `group`
 */
const char *
att_catalog_item_get_item_type (AttCatalogItem *self)
{
  g_return_val_if_fail (ATT_IS_CATALOG_ITEM (self), NULL);

  return self->item_type;
}

const char *
att_catalog_item_get_description (AttCatalogItem *self)
{
  g_return_val_if_fail (ATT_IS_CATALOG_ITEM (self), NULL);

  return self->description;
}

const char *
att_catalog_item_get_code (AttCatalogItem *self)
{
  g_return_val_if_fail (ATT_IS_CATALOG_ITEM (self), NULL);

  return self->code;
}

const char *
att_catalog_item_get_data_source (AttCatalogItem *self)
{
  g_return_val_if_fail (ATT_IS_CATALOG_ITEM (self), NULL);

  return self->data_source;
}
