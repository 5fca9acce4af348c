/* att-product-edit-load.c: an AttProductEdit from a product, a duplicate
 * or a draft, and back to a draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "att-catalog-use.h"
#include "att-json.h"
#include "att-product-edit-private.h"
#include "att-product.h"

/* What a product's list items say about their catalogue entry that the
 * editor shows (the name) or checks (V11: MSI custom entries cannot have an
 * eco-score), kept in the state but never sent. */
static const char *const display_members[] = {
  "name", "isCustomMaterial", "isMsiMaterial", "isMsiComponent", "isMsiPackaging", NULL
};

static void
copy_display_members (JsonArray  *items,
                      GListModel *uses)
{
  guint n = MIN (json_array_get_length (items), g_list_model_get_n_items (uses));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttCatalogUse) use = g_list_model_get_item (uses, i);
      JsonObject *from = att_catalog_use_get_json (use);
      JsonNode   *element = json_array_get_element (items, i);

      if (from == NULL || !JSON_NODE_HOLDS_OBJECT (element))
        continue;
      for (guint j = 0; display_members[j] != NULL; j++)
        if (json_object_has_member (from, display_members[j]))
          json_object_set_member (json_node_get_object (element), display_members[j],
                                  att_json_node_copy (json_object_get_member (from, display_members[j])));
    }
}

static void
copy_list_display (JsonObject *state,
                   const char *list,
                   GListModel *uses)
{
  JsonNode *node = json_object_get_member (state, list);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    copy_display_members (json_node_get_array (node), uses);
}

/* @product in the shape of the state: its create request (which keeps the
 * purchase orders' `_id`s), with the names of the catalogue entries it
 * uses, for display. */
JsonObject *
att_product_edit_state_from_product (AttProduct *product)
{
  g_autoptr(JsonNode) request = att_product_to_create_request (product);
  JsonObject *state = json_object_ref (json_node_get_object (request));

  copy_list_display (state, ATT_PRODUCT_EDIT_MATERIALS, att_product_get_materials (product));
  copy_list_display (state, ATT_PRODUCT_EDIT_PACKAGING, att_product_get_packaging (product));
  copy_list_display (state, ATT_PRODUCT_EDIT_COMPONENTS, att_product_get_components (product));

  return state;
}

/**
 * att_product_edit_new_for_product:
 *
 * Returns: (transfer full): an edit of @product, not modified
 */
AttProductEdit *
att_product_edit_new_for_product (AttProduct *product)
{
  JsonObject *original;

  g_return_val_if_fail (ATT_IS_PRODUCT (product), NULL);
  g_return_val_if_fail (att_product_get_id (product) != NULL, NULL);

  original = att_product_edit_state_from_product (product);
  return att_product_edit_new_with_state (att_product_get_id (product), original,
                                          att_json_object_copy (original));
}

static void
forget_order_ids (JsonObject *state)
{
  JsonNode  *node = json_object_get_member (state, ATT_PRODUCT_EDIT_PURCHASE_ORDERS);
  JsonArray *orders;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  orders = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (orders); i++)
    {
      JsonNode *order = json_array_get_element (orders, i);

      if (JSON_NODE_HOLDS_OBJECT (order))
        json_object_remove_member (json_node_get_object (order), "_id");
    }
}

/**
 * att_product_edit_new_duplicate:
 *
 * A new product with the fields of @product, named “Copy of …”; its
 * purchase orders are new ones (no `_id`), so saving creates them.
 *
 * Returns: (transfer full): an edit of a new product, modified
 */
AttProductEdit *
att_product_edit_new_duplicate (AttProduct *product)
{
  JsonObject      *state;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ATT_IS_PRODUCT (product), NULL);

  state = att_product_edit_state_from_product (product);
  /* Translators: the name of a duplicated product; %s is the original's. */
  name = g_strdup_printf (_ ("Copy of %s"), att_product_get_name (product));
  json_object_set_string_member (state, "name", name);
  forget_order_ids (state);

  return att_product_edit_new_with_state (NULL, json_object_new (), state);
}

/**
 * att_product_edit_accept:
 * @saved: the server's answer to the save
 *
 * @saved becomes what was loaded and the state: what the server stored is
 * what the user now edits (with the ids of new purchase orders).  The
 * history is cleared, since undoing past a save would describe a product
 * that no longer exists on the server.
 */
void
att_product_edit_accept (AttProductEdit *self,
                         AttProduct     *saved)
{
  g_return_if_fail (ATT_IS_PRODUCT_EDIT (self));
  g_return_if_fail (ATT_IS_PRODUCT (saved));

  g_free (self->product_id);
  self->product_id = g_strdup (att_product_get_id (saved));
  json_object_unref (self->original);
  self->original = att_product_edit_state_from_product (saved);
  att_product_edit_history_clear (self);
  att_product_edit_replace_state (self, att_json_object_copy (self->original));
}

/* Drafts ------------------------------------------------------------------ */

/* JSON has no NaN or infinity: a draft writes such numbers as null, which
 * reads back as a missing value that validation reports. */
static JsonNode *
draft_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE &&
      !isfinite (json_node_get_double (node)))
    return json_node_new (JSON_NODE_NULL);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject    *copy = json_object_new ();
      JsonObjectIter iter;
      const char    *member;
      JsonNode      *value;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &member, &value))
        json_object_set_member (copy, member, draft_node (value));
      return json_node_init_object (json_node_alloc (), copy);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *copy = json_array_sized_new (json_array_get_length (array));

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, draft_node (json_array_get_element (array, i)));
      return json_node_init_array (json_node_alloc (), copy);
    }

  return att_json_node_copy (node);
}

static JsonNode *
draft_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return draft_node (node);
}

/**
 * att_product_edit_to_draft:
 *
 * Returns: (transfer full): `{version, productId, original, state}`, what
 *   att_product_edit_new_from_draft() reads back
 */
JsonNode *
att_product_edit_to_draft (AttProductEdit *self)
{
  g_autoptr(JsonObject) payload = json_object_new ();

  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), NULL);

  json_object_set_int_member (payload, "version", ATT_PRODUCT_EDIT_DRAFT_VERSION);
  if (self->product_id != NULL)
    json_object_set_string_member (payload, "productId", self->product_id);
  else
    json_object_set_null_member (payload, "productId");
  json_object_set_member (payload, "original", draft_object (self->original));
  json_object_set_member (payload, "state", draft_object (self->state));

  return json_node_init_object (json_node_alloc (), g_steal_pointer (&payload));
}

static void
set_draft_error (GError    **error,
                 const char *path,
                 const char *problem)
{
  /* Translators: %s is where in the draft the problem is, e.g.
   * "state.materials[2]", then what the problem is. */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _ ("This draft cannot be read: %s: %s"), path, problem);
}

/* The lists of a state must be lists of objects, since the editor reads
 * their items as rows. */
static gboolean
check_draft_lists (JsonObject *state,
                   const char *path,
                   GError    **error)
{
  static const char *const lists[] = {
    ATT_PRODUCT_EDIT_MATERIALS, ATT_PRODUCT_EDIT_PACKAGING,
    ATT_PRODUCT_EDIT_COMPONENTS, ATT_PRODUCT_EDIT_PURCHASE_ORDERS, NULL
  };

  for (guint i = 0; lists[i] != NULL; i++)
    {
      g_autofree char *list_path = att_json_path_member (path, lists[i]);
      JsonNode        *node = json_object_get_member (state, lists[i]);
      JsonArray       *array;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          set_draft_error (error, list_path, _ ("expected a list"));
          return FALSE;
        }

      array = json_node_get_array (node);
      for (guint j = 0; j < json_array_get_length (array); j++)
        if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, j)))
          {
            g_autofree char *item_path = att_json_path_index (list_path, j);

            set_draft_error (error, item_path, _ ("expected an object"));
            return FALSE;
          }
    }

  return TRUE;
}

static JsonObject *
get_draft_state (JsonObject *payload,
                 const char *member,
                 GError    **error)
{
  JsonNode *node = json_object_get_member (payload, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_draft_error (error, member, _ ("expected an object"));
      return NULL;
    }
  if (!check_draft_lists (json_node_get_object (node), member, error))
    return NULL;

  return json_node_get_object (node);
}

static gboolean
check_draft_version (JsonObject *payload,
                     GError    **error)
{
  JsonNode *node = json_object_get_member (payload, "version");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      set_draft_error (error, "version", _ ("expected a whole number"));
      return FALSE;
    }

  if (json_node_get_int (node) != ATT_PRODUCT_EDIT_DRAFT_VERSION)
    {
      set_draft_error (error, "version", _ ("written by another version of Attest"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_draft_product_id (JsonObject *payload,
                       char      **out_id,
                       GError    **error)
{
  JsonNode *node = json_object_get_member (payload, "productId");

  *out_id = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      *json_node_get_string (node) == '\0')
    {
      set_draft_error (error, "productId", _ ("expected a product id"));
      return FALSE;
    }

  *out_id = g_strdup (json_node_get_string (node));
  return TRUE;
}

/**
 * att_product_edit_new_from_draft:
 * @payload: what att_product_edit_to_draft() gave, read back from disk
 *
 * Checks the shape of @payload (a version this code writes, a product id
 * or null, the loaded and edited states as objects whose lists hold
 * objects) and restores the edit.  The history starts empty.
 *
 * Returns: (transfer full) (nullable): the edit, or %NULL with
 *   %G_IO_ERROR_INVALID_DATA naming what is wrong
 */
AttProductEdit *
att_product_edit_new_from_draft (JsonNode *payload,
                                 GError  **error)
{
  g_autofree char *product_id = NULL;
  JsonObject      *object;
  JsonObject      *original;
  JsonObject      *state;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (payload == NULL || !JSON_NODE_HOLDS_OBJECT (payload))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _ ("This draft cannot be read: it is not a product draft"));
      return NULL;
    }

  object = json_node_get_object (payload);
  if (!check_draft_version (object, error) ||
      !read_draft_product_id (object, &product_id, error) ||
      (original = get_draft_state (object, "original", error)) == NULL ||
      (state = get_draft_state (object, "state", error)) == NULL)
    return NULL;

  return att_product_edit_new_with_state (product_id, att_json_object_copy (original),
                                          att_json_object_copy (state));
}
