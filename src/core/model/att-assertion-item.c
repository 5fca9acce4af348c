/* att-assertion-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-assertion-item.h"
#include "att-json.h"

/* One entry of `GET /certification-api/assertion-authority` or
 * `.../assertion-standard` (api-higg.md §2.1, §2.2): both are an id and a
 * name, and a standard also names the authority that owns it.  Their field
 * names are not documented, so `id` is read where `_id` is missing and
 * `title` where `name` is; the name falls back to the id.  Unknown members
 * are kept. */
struct _AttAssertionItem
{
  GObject     parent_instance;

  JsonObject *json;
  char       *id;
  char       *name;
  char       *authority_id;
  char       *authority_name;
};

G_DEFINE_FINAL_TYPE (AttAssertionItem, att_assertion_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_AUTHORITY_ID,
  PROP_AUTHORITY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
att_assertion_item_finalize (GObject *object)
{
  AttAssertionItem *self = (AttAssertionItem *) object;

  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->authority_id, g_free);
  g_clear_pointer (&self->authority_name, g_free);

  G_OBJECT_CLASS (att_assertion_item_parent_class)->finalize (object);
}

static void
att_assertion_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AttAssertionItem *self = ATT_ASSERTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, att_assertion_item_get_name (self));
      break;

    case PROP_AUTHORITY_ID:
      g_value_set_string (value, self->authority_id);
      break;

    case PROP_AUTHORITY_NAME:
      g_value_set_string (value, self->authority_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_assertion_item_class_init (AttAssertionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = att_assertion_item_finalize;
  object_class->get_property = att_assertion_item_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_AUTHORITY_ID] = g_param_spec_string ("authority-id", NULL, NULL, NULL, flags);
  properties[PROP_AUTHORITY_NAME] = g_param_spec_string ("authority-name", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
att_assertion_item_init (AttAssertionItem *self)
{
}

/**
 * att_assertion_item_new_from_json:
 * @object: an authority `{_id, name}` or a standard `{_id, name,
 *   assertionAuthorityId, assertionAuthorityName}`
 * @path: (nullable): where @object sits, e.g. `[3]`
 *
 * `_id` (or `id`) is required; the other members are optional but must be
 * strings when present.
 *
 * Returns: (transfer full) (nullable): a new #AttAssertionItem, or %NULL on
 *   error
 */
AttAssertionItem *
att_assertion_item_new_from_json (JsonObject *object,
                                  const char *path,
                                  GError    **error)
{
  g_autoptr(AttAssertionItem) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATT_TYPE_ASSERTION_ITEM, NULL);
  self->json = json_object_ref (object);

  if (!att_json_read_string (object, att_json_pick_member (object, "_id", "id"), path, TRUE,
                             &self->id, error) ||
      !att_json_read_string (object, att_json_pick_member (object, "name", "title"), path, FALSE,
                             &self->name, error) ||
      !att_json_read_string (object, "assertionAuthorityId", path, FALSE, &self->authority_id, error) ||
      !att_json_read_string (object, "assertionAuthorityName", path, FALSE, &self->authority_name, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * att_assertion_item_get_json:
 *
 * Returns: (transfer none): the object this item was parsed from, unknown
 *   members included
 */
JsonObject *
att_assertion_item_get_json (AttAssertionItem *self)
{
  g_return_val_if_fail (ATT_IS_ASSERTION_ITEM (self), NULL);

  return self->json;
}

/**
 * att_assertion_item_to_json:
 *
 * Returns: (transfer full): a copy of the parsed object, unknown members
 *   kept
 */
JsonNode *
att_assertion_item_to_json (AttAssertionItem *self)
{
  g_return_val_if_fail (ATT_IS_ASSERTION_ITEM (self), NULL);

  return att_json_object_to_node (self->json);
}

const char *
att_assertion_item_get_id (AttAssertionItem *self)
{
  g_return_val_if_fail (ATT_IS_ASSERTION_ITEM (self), NULL);

  return self->id;
}

/**
 * att_assertion_item_get_name:
 *
 * Returns: the name to show, or the id when the server sent none
 */
const char *
att_assertion_item_get_name (AttAssertionItem *self)
{
  g_return_val_if_fail (ATT_IS_ASSERTION_ITEM (self), NULL);

  return self->name != NULL ? self->name : self->id;
}

/**
 * att_assertion_item_get_authority_id:
 *
 * Returns: (nullable): for a standard, the id of its authority
 */
const char *
att_assertion_item_get_authority_id (AttAssertionItem *self)
{
  g_return_val_if_fail (ATT_IS_ASSERTION_ITEM (self), NULL);

  return self->authority_id;
}

/**
 * att_assertion_item_get_authority_name:
 *
 * Returns: (nullable): for a standard, the name of its authority
 */
const char *
att_assertion_item_get_authority_name (AttAssertionItem *self)
{
  g_return_val_if_fail (ATT_IS_ASSERTION_ITEM (self), NULL);

  return self->authority_name;
}
