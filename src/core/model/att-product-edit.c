/* att-product-edit.c: the editable copy of a product, its members and its
 * lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "att-json.h"
#include "att-product-edit-private.h"

/*
 * Every change goes through the same three steps: record the state before
 * it in the undo history (att_product_edit_history_record(), which
 * coalesces quick changes of one member), change the state, and announce
 * it (emit_changed(), which also updates the "modified", "can-undo" and
 * "can-redo" properties).  Undo, redo, drafts and accept replace the whole
 * state through att_product_edit_replace_state().
 */

G_DEFINE_FINAL_TYPE (AttProductEdit, att_product_edit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void
att_product_edit_finalize (GObject *object)
{
  AttProductEdit *self = ATT_PRODUCT_EDIT (object);

  g_clear_pointer (&self->product_id, g_free);
  g_clear_pointer (&self->original, json_object_unref);
  g_clear_pointer (&self->state, json_object_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->coalesce_key, g_free);

  G_OBJECT_CLASS (att_product_edit_parent_class)->finalize (object);
}

static void
att_product_edit_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AttProductEdit *self = ATT_PRODUCT_EDIT (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
att_product_edit_class_init (AttProductEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = att_product_edit_finalize;
  object_class->get_property = att_product_edit_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AttProductEdit::changed:
   * @member: (nullable): the member or list that changed, %NULL when the
   *   whole state was replaced
   *
   * Emitted after every change, detailed by @member.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
att_product_edit_init (AttProductEdit *self)
{
  self->original = json_object_new ();
  self->state = json_object_new ();
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->coalesce_interval = ATT_PRODUCT_EDIT_COALESCE_USEC;
}

static void
set_flag (AttProductEdit *self,
          gboolean       *flag,
          gboolean        value,
          guint           prop)
{
  if (*flag == value)
    return;
  *flag = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Whether saving would send anything: for a loaded product, whether there
 * is an update (so that reordering purchase orders, which the API cannot
 * store, or renaming a catalogue entry for display, is not a change); for
 * a new one, whether the state is no longer empty. */
static gboolean
compute_modified (AttProductEdit *self)
{
  g_autoptr(JsonObject) state = NULL;
  g_autoptr(JsonNode) state_node = NULL;
  g_autoptr(JsonNode) original_node = NULL;

  if (self->product_id != NULL)
    return att_product_edit_has_update (self);

  state = att_product_edit_request_shape (self->state, TRUE);
  state_node = json_node_init_object (json_node_alloc (), state);
  original_node = json_node_init_object (json_node_alloc (), self->original);
  return !att_product_edit_json_equal (state_node, original_node);
}

/* Recomputes "modified", "can-undo" and "can-redo", notifying those that
 * change. */
void
att_product_edit_update_flags (AttProductEdit *self)
{
  set_flag (self, &self->modified, compute_modified (self), PROP_MODIFIED);
  set_flag (self, &self->can_undo, self->undo->len > 0, PROP_CAN_UNDO);
  set_flag (self, &self->can_redo, self->redo->len > 0, PROP_CAN_REDO);
}

static void
emit_changed (AttProductEdit *self,
              const char     *member)
{
  GQuark detail = member != NULL ? g_quark_from_string (member) : 0;

  att_product_edit_update_flags (self);
  g_signal_emit (self, signals[CHANGED], detail, member);
}

/* Takes over @state (transfer full) and announces it as a whole. */
void
att_product_edit_replace_state (AttProductEdit *self,
                                JsonObject     *state)
{
  g_assert (state != NULL);

  g_clear_pointer (&self->state, json_object_unref);
  self->state = state;
  emit_changed (self, NULL);
}

/* Takes over @original and @state (transfer full). */
AttProductEdit *
att_product_edit_new_with_state (const char *product_id,
                                 JsonObject *original,
                                 JsonObject *state)
{
  AttProductEdit *self = g_object_new (ATT_TYPE_PRODUCT_EDIT, NULL);

  self->product_id = g_strdup (product_id);
  json_object_unref (self->original);
  self->original = original;
  json_object_unref (self->state);
  self->state = state;
  att_product_edit_update_flags (self);

  return self;
}

/**
 * att_product_edit_new:
 *
 * Returns: (transfer full): an edit of a new, empty product
 */
AttProductEdit *
att_product_edit_new (void)
{
  return g_object_new (ATT_TYPE_PRODUCT_EDIT, NULL);
}

/**
 * att_product_edit_get_product_id:
 *
 * Returns: (nullable): the id of the product edited, %NULL until a new
 *   product is saved
 */
const char *
att_product_edit_get_product_id (AttProductEdit *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), NULL);

  return self->product_id;
}

gboolean
att_product_edit_get_is_new (AttProductEdit *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), FALSE);

  return self->product_id == NULL;
}

gboolean
att_product_edit_get_modified (AttProductEdit *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), FALSE);

  return self->modified;
}

/**
 * att_product_edit_get_original:
 *
 * Returns: (transfer none): what was loaded, in the shape of the state; an
 *   empty object for a new product
 */
JsonObject *
att_product_edit_get_original (AttProductEdit *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), NULL);

  return self->original;
}

/**
 * att_product_edit_get_state:
 *
 * Returns: (transfer none): the edited state; change it only through the
 *   setters, so that undo and "changed" follow
 */
JsonObject *
att_product_edit_get_state (AttProductEdit *self)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), NULL);

  return self->state;
}

/**
 * att_product_edit_get:
 *
 * Returns: (transfer none) (nullable): the value of @member, %NULL when it
 *   is not set
 */
JsonNode *
att_product_edit_get (AttProductEdit *self,
                      const char     *member)
{
  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), NULL);
  g_return_val_if_fail (member != NULL, NULL);

  return json_object_get_member (self->state, member);
}

/**
 * att_product_edit_get_string:
 *
 * Returns: (nullable): the text of @member, %NULL when it is not set or
 *   is not text
 */
const char *
att_product_edit_get_string (AttProductEdit *self,
                             const char     *member)
{
  JsonNode *node = att_product_edit_get (self, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
same_value (JsonNode *current,
            JsonNode *value)
{
  if (current == NULL || value == NULL)
    return current == value;

  return json_node_get_node_type (current) == json_node_get_node_type (value) &&
         att_product_edit_json_equal (current, value);
}

/**
 * att_product_edit_set:
 * @value: (nullable) (transfer none): the new value, copied; %NULL removes
 *   @member
 *
 * Sets a member of the state.  Setting the value it already has does
 * nothing, so a form that writes back what it shows adds no undo step.
 */
void
att_product_edit_set (AttProductEdit *self,
                      const char     *member,
                      JsonNode       *value)
{
  g_autofree char *name = NULL;

  g_return_if_fail (ATT_IS_PRODUCT_EDIT (self));
  g_return_if_fail (member != NULL);

  if (same_value (json_object_get_member (self->state, member), value))
    return;

  /* @member may be the state's own key (a caller iterating the state),
   * which removing the member frees. */
  name = g_strdup (member);
  att_product_edit_history_record (self, name);
  if (value != NULL)
    json_object_set_member (self->state, name, att_json_node_copy (value));
  else
    json_object_remove_member (self->state, name);
  emit_changed (self, name);
}

/**
 * att_product_edit_set_string:
 * @value: (nullable): the text, %NULL to remove @member
 */
void
att_product_edit_set_string (AttProductEdit *self,
                             const char     *member,
                             const char     *value)
{
  g_autoptr(JsonNode) node = NULL;

  if (value != NULL)
    node = json_node_init_string (json_node_alloc (), value);
  att_product_edit_set (self, member, node);
}

/* A whole number is stored as a JSON integer so that `100` is sent as
 * `100`.  Numbers that JSON cannot carry (NaN, infinities) are stored as
 * they are, so that validation can say which field holds one; drafts write
 * them as null. */
static JsonNode *
number_node (double value)
{
  if (isfinite (value) && value == floor (value) && fabs (value) < 9007199254740992.0)
    return json_node_init_int (json_node_alloc (), (gint64) value);

  return json_node_init_double (json_node_alloc (), value);
}

void
att_product_edit_set_double (AttProductEdit *self,
                             const char     *member,
                             double          value)
{
  g_autoptr(JsonNode) node = number_node (value);

  att_product_edit_set (self, member, node);
}

void
att_product_edit_set_boolean (AttProductEdit *self,
                              const char     *member,
                              gboolean        value)
{
  g_autoptr(JsonNode) node = json_node_init_boolean (json_node_alloc (), value);

  att_product_edit_set (self, member, node);
}

/* Lists ------------------------------------------------------------------- */

static JsonArray *
get_list (AttProductEdit *self,
          const char     *list)
{
  JsonNode *node = json_object_get_member (self->state, list);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

/* The list to change, made when it is absent (or not a list). */
static JsonArray *
ensure_list (AttProductEdit *self,
             const char     *list)
{
  JsonArray *array = get_list (self, list);

  if (array == NULL)
    {
      array = json_array_new ();
      json_object_set_array_member (self->state, list, array);
    }

  return array;
}

guint
att_product_edit_get_n_items (AttProductEdit *self,
                              const char     *list)
{
  JsonArray *array;

  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), 0);
  g_return_val_if_fail (list != NULL, 0);

  array = get_list (self, list);
  return array != NULL ? json_array_get_length (array) : 0;
}

/**
 * att_product_edit_get_item:
 *
 * Returns: (transfer none) (nullable): the item at @index, %NULL when
 *   there is none or it is not an object; change it only through
 *   att_product_edit_set_item_member()
 */
JsonObject *
att_product_edit_get_item (AttProductEdit *self,
                           const char     *list,
                           guint           index)
{
  JsonArray *array;
  JsonNode  *element;

  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), NULL);
  g_return_val_if_fail (list != NULL, NULL);

  array = get_list (self, list);
  if (array == NULL || index >= json_array_get_length (array))
    return NULL;

  element = json_array_get_element (array, index);
  return JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
}

/**
 * att_product_edit_append_item:
 * @item: (transfer none): the item, copied; catalogue items may carry a
 *   `name` (and `isCustomMaterial`, `isMsiMaterial`) for display
 */
void
att_product_edit_append_item (AttProductEdit *self,
                              const char     *list,
                              JsonObject     *item)
{
  g_return_if_fail (ATT_IS_PRODUCT_EDIT (self));
  g_return_if_fail (list != NULL);
  g_return_if_fail (item != NULL);

  /* Appends never coalesce: each row added is a step of its own. */
  att_product_edit_history_record (self, NULL);
  json_array_add_object_element (ensure_list (self, list), att_json_object_copy (item));
  emit_changed (self, list);
}

/**
 * att_product_edit_set_item_member:
 * @value: (nullable) (transfer none): copied; %NULL removes @member
 */
void
att_product_edit_set_item_member (AttProductEdit *self,
                                  const char     *list,
                                  guint           index,
                                  const char     *member,
                                  JsonNode       *value)
{
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;
  JsonObject      *item;

  g_return_if_fail (ATT_IS_PRODUCT_EDIT (self));
  g_return_if_fail (member != NULL);

  item = att_product_edit_get_item (self, list, index);
  g_return_if_fail (item != NULL);

  if (same_value (json_object_get_member (item, member), value))
    return;

  /* Typing in one field of one row coalesces; other rows are other keys. */
  key = g_strdup_printf ("%s[%u].%s", list, index, member);
  /* @member may be the item's own key, which removing it frees. */
  name = g_strdup (member);
  att_product_edit_history_record (self, key);
  if (value != NULL)
    json_object_set_member (item, name, att_json_node_copy (value));
  else
    json_object_remove_member (item, name);
  emit_changed (self, list);
}

void
att_product_edit_remove_item (AttProductEdit *self,
                              const char     *list,
                              guint           index)
{
  g_return_if_fail (ATT_IS_PRODUCT_EDIT (self));
  g_return_if_fail (index < att_product_edit_get_n_items (self, list));

  att_product_edit_history_record (self, NULL);
  json_array_remove_element (get_list (self, list), index);
  emit_changed (self, list);
}

void
att_product_edit_move_item (AttProductEdit *self,
                            const char     *list,
                            guint           from,
                            guint           to)
{
  JsonArray *array;
  g_autoptr(JsonArray) moved = NULL;
  guint n;

  g_return_if_fail (ATT_IS_PRODUCT_EDIT (self));
  n = att_product_edit_get_n_items (self, list);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  /* JsonArray cannot insert, so the list is rebuilt in its new order. */
  array = get_list (self, list);
  moved = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      guint source = i;

      if (i == to)
        source = from;
      else if (from < to && i >= from && i < to)
        source = i + 1;
      else if (from > to && i > to && i <= from)
        source = i - 1;
      json_array_add_element (moved, att_json_node_copy (json_array_get_element (array, source)));
    }

  att_product_edit_history_record (self, NULL);
  json_object_set_array_member (self->state, list, g_steal_pointer (&moved));
  emit_changed (self, list);
}

/**
 * att_product_edit_set_coalesce_interval:
 * @interval: how close in time changes of one member must be to make one
 *   undo step; 0 makes every change a step
 *
 * The default is one second.  Tests use this to check the history without
 * depending on how fast they run.
 */
void
att_product_edit_set_coalesce_interval (AttProductEdit *self,
                                        GTimeSpan       interval)
{
  g_return_if_fail (ATT_IS_PRODUCT_EDIT (self));
  g_return_if_fail (interval >= 0);

  self->coalesce_interval = interval;
}
