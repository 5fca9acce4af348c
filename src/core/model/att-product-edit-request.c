/* att-product-edit-request.c: the request that saves an AttProductEdit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "att-json.h"
#include "att-product-edit-private.h"

/*
 * A new product is saved with the create body: the state, with the list
 * items reduced to what the API takes.  A loaded product is saved with an
 * update command object (api-higg.md §3.2): only the members that differ
 * from what was loaded, a changed list sent whole since the server
 * replaces lists (V9), and the purchase orders as the commands that turn
 * the loaded ones into the edited ones, matched by their `_id`.
 */

static const char *const material_members[] = { "materialId", "netUse", "composition", NULL };
static const char *const packaging_members[] = { "packagingId", "amount", NULL };
static const char *const component_members[] = { "componentId", "unit", NULL };
static const char *const order_members[] = {
  "_id", "purchaseOrderId", "purchaseDate", "amountPurchase", "assembly", NULL
};

/* The members of an item of @list that a request carries; everything else
 * in a state's items (a catalogue entry's `name`, its MSI flags) is there
 * for display only. */
static const char *const *
request_members (const char *list)
{
  if (g_strcmp0 (list, ATT_PRODUCT_EDIT_MATERIALS) == 0)
    return material_members;
  if (g_strcmp0 (list, ATT_PRODUCT_EDIT_PACKAGING) == 0)
    return packaging_members;
  if (g_strcmp0 (list, ATT_PRODUCT_EDIT_COMPONENTS) == 0)
    return component_members;
  if (g_strcmp0 (list, ATT_PRODUCT_EDIT_PURCHASE_ORDERS) == 0)
    return order_members;
  return NULL;
}

gboolean
att_product_edit_is_list (const char *member)
{
  return request_members (member) != NULL;
}

/* An assembly goes as `{femId}`: the server's answer adds facility data
 * that a request must not carry. */
static JsonNode *
request_assembly (JsonNode *assembly)
{
  g_autoptr(JsonObject) object = NULL;
  JsonNode *fem_id;

  if (!JSON_NODE_HOLDS_OBJECT (assembly))
    return att_json_node_copy (assembly);

  object = json_object_new ();
  fem_id = json_object_get_member (json_node_get_object (assembly), "femId");
  if (fem_id != NULL)
    json_object_set_member (object, "femId", att_json_node_copy (fem_id));

  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
request_item (const char *const *members,
              JsonNode          *item,
              gboolean           keep_ids)
{
  g_autoptr(JsonObject) object = NULL;

  /* Something that is not an object is left for validation to report. */
  if (!JSON_NODE_HOLDS_OBJECT (item))
    return att_json_node_copy (item);

  object = json_object_new ();
  for (guint i = 0; members[i] != NULL; i++)
    {
      JsonNode *value = json_object_get_member (json_node_get_object (item), members[i]);

      if (value == NULL || (!keep_ids && strcmp (members[i], "_id") == 0))
        continue;
      if (strcmp (members[i], "assembly") == 0)
        json_object_set_member (object, members[i], request_assembly (value));
      else
        json_object_set_member (object, members[i], att_json_node_copy (value));
    }

  return json_node_init_object (json_node_alloc (), object);
}

/* @value as a request sends @member: list items without their display
 * members, and purchase orders without `_id` unless @keep_ids. */
JsonNode *
att_product_edit_request_member (const char *member,
                                 JsonNode   *value,
                                 gboolean    keep_ids)
{
  const char *const *members = request_members (member);
  g_autoptr(JsonArray) items = NULL;
  JsonArray *array;

  if (members == NULL || !JSON_NODE_HOLDS_ARRAY (value))
    return att_json_node_copy (value);

  array = json_node_get_array (value);
  items = json_array_sized_new (json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    json_array_add_element (items, request_item (members, json_array_get_element (array, i), keep_ids));

  return json_node_init_array (json_node_alloc (), items);
}

/**
 * att_product_edit_request_shape:
 * @state: a state, or what was loaded
 * @keep_ids: whether purchase orders keep their `_id`
 *
 * Returns: (transfer full): @state as a create request would carry it
 */
JsonObject *
att_product_edit_request_shape (JsonObject *state,
                                gboolean    keep_ids)
{
  JsonObject    *body = json_object_new ();
  JsonObjectIter iter;
  const char    *member;
  JsonNode      *value;

  json_object_iter_init_ordered (&iter, state);
  while (json_object_iter_next_ordered (&iter, &member, &value))
    json_object_set_member (body, member, att_product_edit_request_member (member, value, keep_ids));

  return body;
}

/* Canonical equality ------------------------------------------------------ */

static gboolean
value_equal (JsonNode *a,
             JsonNode *b)
{
  GType    type_a = json_node_get_value_type (a);
  GType    type_b = json_node_get_value_type (b);
  gboolean number_a = type_a == G_TYPE_INT64 || type_a == G_TYPE_DOUBLE;
  gboolean number_b = type_b == G_TYPE_INT64 || type_b == G_TYPE_DOUBLE;

  /* `100` and `100.0` are the same number to the API. */
  if (number_a && number_b)
    return json_node_get_double (a) == json_node_get_double (b);
  if (type_a != type_b)
    return FALSE;
  if (type_a == G_TYPE_STRING)
    return g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;
  if (type_a == G_TYPE_BOOLEAN)
    return json_node_get_boolean (a) == json_node_get_boolean (b);
  return FALSE;
}

static gboolean
object_equal (JsonObject *a,
              JsonObject *b)
{
  JsonObjectIter iter;
  const char    *member;
  JsonNode      *value;

  if (json_object_get_size (a) != json_object_get_size (b))
    return FALSE;

  json_object_iter_init (&iter, a);
  while (json_object_iter_next (&iter, &member, &value))
    {
      JsonNode *other = json_object_get_member (b, member);

      if (other == NULL || !att_product_edit_json_equal (value, other))
        return FALSE;
    }

  return TRUE;
}

static gboolean
array_equal (JsonArray *a,
             JsonArray *b)
{
  guint n = json_array_get_length (a);

  if (n != json_array_get_length (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!att_product_edit_json_equal (json_array_get_element (a, i), json_array_get_element (b, i)))
      return FALSE;

  return TRUE;
}

/* Whether @a and @b say the same thing: members in any order, numbers
 * compared by value. */
gboolean
att_product_edit_json_equal (JsonNode *a,
                             JsonNode *b)
{
  if (json_node_get_node_type (a) != json_node_get_node_type (b))
    return FALSE;

  switch (json_node_get_node_type (a))
    {
    case JSON_NODE_OBJECT:
      return object_equal (json_node_get_object (a), json_node_get_object (b));
    case JSON_NODE_ARRAY:
      return array_equal (json_node_get_array (a), json_node_get_array (b));
    case JSON_NODE_VALUE:
      return value_equal (a, b);
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

static gboolean
optional_equal (JsonNode *a,
                JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return att_product_edit_json_equal (a, b);
}

static JsonNode *
fem_id (JsonNode *assembly)
{
  if (assembly == NULL || !JSON_NODE_HOLDS_OBJECT (assembly))
    return NULL;
  return json_object_get_member (json_node_get_object (assembly), "femId");
}

/* Whether two items say the same in a request, without making the
 * request: only @members count, and of an assembly only its femId.  This
 * runs after every keystroke, on lists of hundreds of purchase orders. */
static gboolean
item_equal (const char *const *members,
            JsonNode          *a,
            JsonNode          *b)
{
  if (!JSON_NODE_HOLDS_OBJECT (a) || !JSON_NODE_HOLDS_OBJECT (b))
    return att_product_edit_json_equal (a, b);

  for (guint i = 0; members[i] != NULL; i++)
    {
      JsonNode *value_a = json_object_get_member (json_node_get_object (a), members[i]);
      JsonNode *value_b = json_object_get_member (json_node_get_object (b), members[i]);

      if (strcmp (members[i], "assembly") == 0 && value_a != NULL && value_b != NULL &&
          JSON_NODE_HOLDS_OBJECT (value_a) && JSON_NODE_HOLDS_OBJECT (value_b))
        {
          if (!optional_equal (fem_id (value_a), fem_id (value_b)))
            return FALSE;
        }
      else if (!optional_equal (value_a, value_b))
        return FALSE;
    }

  return TRUE;
}

/* Whether @member says the same in @a and @b, as a request would send it. */
gboolean
att_product_edit_member_equal (JsonObject *a,
                               JsonObject *b,
                               const char *member)
{
  JsonNode          *node_a = json_object_get_member (a, member);
  JsonNode          *node_b = json_object_get_member (b, member);
  const char *const *members = request_members (member);
  JsonArray         *array_a;
  JsonArray         *array_b;

  if (node_a == NULL || node_b == NULL)
    return node_a == node_b;

  if (members == NULL || !JSON_NODE_HOLDS_ARRAY (node_a) || !JSON_NODE_HOLDS_ARRAY (node_b))
    return att_product_edit_json_equal (node_a, node_b);

  array_a = json_node_get_array (node_a);
  array_b = json_node_get_array (node_b);
  if (json_array_get_length (array_a) != json_array_get_length (array_b))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array_a); i++)
    if (!item_equal (members, json_array_get_element (array_a, i), json_array_get_element (array_b, i)))
      return FALSE;

  return TRUE;
}

/* The create body ---------------------------------------------------------- */

static JsonObject *
build_create (AttProductEdit *self)
{
  JsonObject *body = att_product_edit_request_shape (self->state, FALSE);

  /* The server assumes grams for a weight without a unit (V6); say so
   * rather than rely on it. */
  if (json_object_has_member (body, "weight") && !json_object_has_member (body, "weightMeasureUnit"))
    json_object_set_string_member (body, "weightMeasureUnit", "grams");

  return body;
}

/* The update command object ------------------------------------------------ */

static const char *
order_id (JsonNode *node)
{
  JsonNode *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  id = json_object_get_member (json_node_get_object (node), "_id");
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_STRING ||
      *json_node_get_string (id) == '\0')
    return NULL;
  return json_node_get_string (id);
}

static JsonArray *
get_orders (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, ATT_PRODUCT_EDIT_PURCHASE_ORDERS);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The purchase orders of @orders by `_id`, so that a diff of hundreds of
 * orders does not compare each with each. */
static GHashTable *
index_orders (JsonArray *orders)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; orders != NULL && i < json_array_get_length (orders); i++)
    {
      JsonNode   *order = json_array_get_element (orders, i);
      const char *id = order_id (order);

      if (id != NULL)
        g_hash_table_insert (index, (gpointer) id, order);
    }

  return index;
}

static AttProductEditOrderChange
classify (JsonNode   *order,
          GHashTable *loaded_orders)
{
  const char *id = order_id (order);
  JsonNode   *loaded;

  if (id == NULL)
    return ATT_PRODUCT_EDIT_ORDER_ADDED;

  loaded = g_hash_table_lookup (loaded_orders, id);
  if (loaded == NULL)
    return ATT_PRODUCT_EDIT_ORDER_UPDATED;

  return item_equal (order_members, order, loaded) ? ATT_PRODUCT_EDIT_ORDER_SAME
                                                   : ATT_PRODUCT_EDIT_ORDER_UPDATED;
}

/**
 * att_product_edit_classify_order:
 *
 * What saving does with the purchase order at @index of the state: an
 * order without `_id` is added, one whose `_id` was loaded is updated when
 * it changed, and left alone otherwise.
 */
AttProductEditOrderChange
att_product_edit_classify_order (AttProductEdit *self,
                                 guint           index)
{
  g_autoptr(GHashTable) loaded = index_orders (get_orders (self->original));

  return classify (json_array_get_element (get_orders (self->state), index), loaded);
}

static void
add_command (JsonObject *body,
             const char *command,
             JsonArray  *items)
{
  if (json_array_get_length (items) > 0)
    json_object_set_array_member (body, command, json_array_ref (items));
}

static void
diff_orders (AttProductEdit *self,
             JsonObject     *body)
{
  JsonArray *orders = get_orders (self->state);
  JsonArray *loaded = get_orders (self->original);
  g_autoptr(GHashTable) loaded_index = index_orders (loaded);
  g_autoptr(GHashTable) kept_index = index_orders (orders);
  g_autoptr(JsonArray) added = json_array_new ();
  g_autoptr(JsonArray) updated = json_array_new ();
  g_autoptr(JsonArray) removed = json_array_new ();

  for (guint i = 0; orders != NULL && i < json_array_get_length (orders); i++)
    {
      JsonNode *order = json_array_get_element (orders, i);

      switch (classify (order, loaded_index))
        {
        case ATT_PRODUCT_EDIT_ORDER_ADDED:
          json_array_add_element (added, request_item (order_members, order, FALSE));
          break;
        case ATT_PRODUCT_EDIT_ORDER_UPDATED:
          json_array_add_element (updated, request_item (order_members, order, TRUE));
          break;
        case ATT_PRODUCT_EDIT_ORDER_SAME:
        default:
          break;
        }
    }

  for (guint i = 0; loaded != NULL && i < json_array_get_length (loaded); i++)
    {
      const char *id = order_id (json_array_get_element (loaded, i));

      if (id != NULL && !g_hash_table_contains (kept_index, id))
        json_array_add_string_element (removed, id);
    }

  add_command (body, "addPurchaseOrder", added);
  add_command (body, "updatePurchaseOrder", updated);
  add_command (body, "removePurchaseOrder", removed);
}

/* The optional eco-score fields merge on the server: each sub-field sent
 * replaces the stored one and null clears it, so only those that changed
 * are sent. */
static JsonNode *
diff_optional_fields (JsonNode *loaded,
                      JsonNode *edited)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  JsonObject    *before;
  JsonObject    *after;
  JsonObjectIter iter;
  const char    *member;
  JsonNode      *value;

  if (!JSON_NODE_HOLDS_OBJECT (loaded) || !JSON_NODE_HOLDS_OBJECT (edited))
    return att_json_node_copy (edited);

  before = json_node_get_object (loaded);
  after = json_node_get_object (edited);
  json_object_iter_init_ordered (&iter, after);
  while (json_object_iter_next_ordered (&iter, &member, &value))
    if (!att_product_edit_member_equal (before, after, member))
      json_object_set_member (changes, member, att_json_node_copy (value));

  json_object_iter_init_ordered (&iter, before);
  while (json_object_iter_next_ordered (&iter, &member, &value))
    if (!json_object_has_member (after, member))
      json_object_set_null_member (changes, member);

  return json_node_init_object (json_node_alloc (), changes);
}

/* What the command object says for a member that changed. */
static JsonNode *
changed_member (AttProductEdit *self,
                const char     *member)
{
  JsonNode *value = json_object_get_member (self->state, member);

  /* A member removed from the state is cleared; a list removed is sent
   * empty, since lists replace. */
  if (value == NULL && att_product_edit_is_list (member))
    return json_node_init_array (json_node_alloc (), json_array_new ());
  if (value == NULL)
    return json_node_new (JSON_NODE_NULL);

  if (g_strcmp0 (member, "frenchLabelOptionalFields") == 0 &&
      json_object_has_member (self->original, member))
    return diff_optional_fields (json_object_get_member (self->original, member), value);

  return att_product_edit_request_member (member, value, FALSE);
}

static void
diff_members (AttProductEdit *self,
              JsonObject     *body,
              JsonObject     *from)
{
  JsonObjectIter iter;
  const char    *member;
  JsonNode      *value;

  json_object_iter_init_ordered (&iter, from);
  while (json_object_iter_next_ordered (&iter, &member, &value))
    {
      if (g_strcmp0 (member, ATT_PRODUCT_EDIT_PURCHASE_ORDERS) == 0 ||
          json_object_has_member (body, member) ||
          att_product_edit_member_equal (self->original, self->state, member))
        continue;
      json_object_set_member (body, member, changed_member (self, member));
    }
}

static gboolean
members_differ (AttProductEdit *self,
                JsonObject     *from)
{
  JsonObjectIter iter;
  const char    *member;
  JsonNode      *value;

  json_object_iter_init (&iter, from);
  while (json_object_iter_next (&iter, &member, &value))
    if (g_strcmp0 (member, ATT_PRODUCT_EDIT_PURCHASE_ORDERS) != 0 &&
        !att_product_edit_member_equal (self->original, self->state, member))
      return TRUE;

  return FALSE;
}

/* Whether a loaded product's update would carry anything; what
 * build_update() finds, without building it. */
gboolean
att_product_edit_has_update (AttProductEdit *self)
{
  JsonArray *orders = get_orders (self->state);
  JsonArray *loaded = get_orders (self->original);
  g_autoptr(GHashTable) loaded_index = NULL;
  g_autoptr(GHashTable) kept_index = NULL;
  guint n = orders != NULL ? json_array_get_length (orders) : 0;

  if (members_differ (self, self->state) || members_differ (self, self->original))
    return TRUE;

  loaded_index = index_orders (loaded);
  kept_index = index_orders (orders);
  for (guint i = 0; i < n; i++)
    if (classify (json_array_get_element (orders, i), loaded_index) != ATT_PRODUCT_EDIT_ORDER_SAME)
      return TRUE;

  /* Nothing added or changed: then something was removed, or not. */
  return g_hash_table_size (loaded_index) != g_hash_table_size (kept_index);
}

static JsonObject *
build_update (AttProductEdit *self)
{
  g_autoptr(JsonObject) body = json_object_new ();

  /* The state's members first, then those that were removed from it. */
  diff_members (self, body, self->state);
  diff_members (self, body, self->original);
  diff_orders (self, body);

  /* An identifier means something only with its type, and the server can
   * check a GTIN's check digit only if it is told the identifier is one:
   * a changed identifier goes with its type. */
  if (json_object_has_member (body, "identifier") && !json_object_has_member (body, "identifierType") &&
      json_object_has_member (self->state, "identifierType"))
    json_object_set_member (body, "identifierType",
                            att_json_node_copy (json_object_get_member (self->state, "identifierType")));

  return json_object_get_size (body) > 0 ? g_steal_pointer (&body) : NULL;
}

/**
 * att_product_edit_build_request:
 *
 * Returns: (transfer full) (nullable): the create body of a new product,
 *   the update command object of a loaded one, or %NULL when nothing
 *   changed
 */
JsonObject *
att_product_edit_build_request (AttProductEdit *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), NULL);

  if (self->product_id == NULL)
    return self->modified ? build_create (self) : NULL;

  return build_update (self);
}

/* Maps `addPurchaseOrder[2].purchaseDate` to the state index of the third
 * purchase order that is added, and so on. */
static char *
map_order_path (AttProductEdit           *self,
                const char               *rest,
                AttProductEditOrderChange change)
{
  JsonArray *orders = get_orders (self->state);
  g_autoptr(GHashTable) loaded = index_orders (get_orders (self->original));
  char   *end = NULL;
  guint64 wanted;
  guint   seen = 0;

  wanted = g_ascii_strtoull (rest, &end, 10);
  if (end == rest || *end != ']')
    return NULL;

  for (guint i = 0; orders != NULL && i < json_array_get_length (orders); i++)
    {
      if (classify (json_array_get_element (orders, i), loaded) != change)
        continue;
      if (seen++ == wanted)
        return g_strdup_printf ("%s[%u]%s", ATT_PRODUCT_EDIT_PURCHASE_ORDERS, i, end + 1);
    }

  return NULL;
}

/**
 * att_product_edit_map_request_path:
 * @path: a field path of the request that build_request() gives, as a
 *   server's validation error names it
 *
 * Where that field sits in the state, so that a form can show the server's
 * problem next to its field: `updatePurchaseOrder[0].purchaseDate` becomes
 * `purchaseOrder[3].purchaseDate`; a removed purchase order, which is no
 * longer in the state, maps to `purchaseOrder`.  Other paths are the same
 * in both.
 *
 * Returns: (transfer full): the path in the state
 */
char *
att_product_edit_map_request_path (AttProductEdit *self,
                                   const char     *path)
{
  static const struct
  {
    const char               *prefix;
    AttProductEditOrderChange change;
  } commands[] = {
    { "addPurchaseOrder[", ATT_PRODUCT_EDIT_ORDER_ADDED },
    { "updatePurchaseOrder[", ATT_PRODUCT_EDIT_ORDER_UPDATED },
  };

  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_has_prefix (path, commands[i].prefix))
      {
        char *mapped = map_order_path (self, path + strlen (commands[i].prefix), commands[i].change);

        return mapped != NULL ? mapped : g_strdup (ATT_PRODUCT_EDIT_PURCHASE_ORDERS);
      }

  if (g_str_has_prefix (path, "removePurchaseOrder"))
    return g_strdup (ATT_PRODUCT_EDIT_PURCHASE_ORDERS);

  return g_strdup (path);
}
