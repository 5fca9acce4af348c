/* att-eco-eligibility.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-eco-eligibility.h"

/* `frenchLabelEligibility`: {eligible, reasons: [{category, message}]}.
 * Read leniently, since it only explains: a reason with the wrong types is
 * skipped, a reason with only one of its two members is kept. */
struct _AttEcoEligibility
{
  GObject    parent_instance;

  GPtrArray *categories; /* (element-type utf8) (nullable elements) */
  GPtrArray *messages;   /* (element-type utf8) (nullable elements) */
  gboolean   known;
  gboolean   eligible;
};

G_DEFINE_FINAL_TYPE (AttEcoEligibility, att_eco_eligibility, G_TYPE_OBJECT)

static void
att_eco_eligibility_finalize (GObject *object)
{
  AttEcoEligibility *self = (AttEcoEligibility *) object;

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->messages, g_ptr_array_unref);

  G_OBJECT_CLASS (att_eco_eligibility_parent_class)->finalize (object);
}

static void
att_eco_eligibility_class_init (AttEcoEligibilityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = att_eco_eligibility_finalize;
}

static void
att_eco_eligibility_init (AttEcoEligibility *self)
{
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->messages = g_ptr_array_new_with_free_func (g_free);
}

static char *
dup_string_member (JsonObject *object,
                   const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (node));
}

static void
add_reason (AttEcoEligibility *self,
            JsonNode          *element)
{
  JsonObject *reason;
  char       *category;
  char       *message;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    return;

  reason = json_node_get_object (element);
  category = dup_string_member (reason, "category");
  message = dup_string_member (reason, "message");
  if (category == NULL && message == NULL)
    return;

  g_ptr_array_add (self->categories, category);
  g_ptr_array_add (self->messages, message);
}

static void
read_reasons (AttEcoEligibility *self,
              JsonObject        *eligibility)
{
  JsonNode  *node = json_object_get_member (eligibility, "reasons");
  JsonArray *reasons;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  reasons = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (reasons); i++)
    add_reason (self, json_array_get_element (reasons, i));
}

/**
 * att_eco_eligibility_new_from_product_json:
 * @product: a product object, e.g. from att_product_get_json()
 *
 * Returns: (transfer full): the eligibility; unknown (not eligible, no
 *   reasons) when @product has none
 */
AttEcoEligibility *
att_eco_eligibility_new_from_product_json (JsonObject *product)
{
  AttEcoEligibility *self = g_object_new (ATT_TYPE_ECO_ELIGIBILITY, NULL);
  JsonNode          *node;
  JsonNode          *eligible;
  JsonObject        *eligibility;

  g_return_val_if_fail (product != NULL, self);

  node = json_object_get_member (product, "frenchLabelEligibility");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return self;

  eligibility = json_node_get_object (node);
  eligible = json_object_get_member (eligibility, "eligible");
  self->known = eligible != NULL && JSON_NODE_HOLDS_VALUE (eligible) &&
                json_node_get_value_type (eligible) == G_TYPE_BOOLEAN;
  self->eligible = self->known && json_node_get_boolean (eligible);
  read_reasons (self, eligibility);

  return self;
}

/**
 * att_eco_eligibility_get_known:
 *
 * Returns: %TRUE if the server said whether the product is eligible
 */
gboolean
att_eco_eligibility_get_known (AttEcoEligibility *self)
{
  g_return_val_if_fail (ATT_IS_ECO_ELIGIBILITY (self), FALSE);

  return self->known;
}

gboolean
att_eco_eligibility_get_eligible (AttEcoEligibility *self)
{
  g_return_val_if_fail (ATT_IS_ECO_ELIGIBILITY (self), FALSE);

  return self->eligible;
}

guint
att_eco_eligibility_get_n_reasons (AttEcoEligibility *self)
{
  g_return_val_if_fail (ATT_IS_ECO_ELIGIBILITY (self), 0);

  return self->messages->len;
}

/**
 * att_eco_eligibility_get_reason_category:
 *
 * Returns: (nullable): the reason's category, e.g. `Weight` or `Location`
 */
const char *
att_eco_eligibility_get_reason_category (AttEcoEligibility *self,
                                         guint              position)
{
  g_return_val_if_fail (ATT_IS_ECO_ELIGIBILITY (self), NULL);
  g_return_val_if_fail (position < self->categories->len, NULL);

  return g_ptr_array_index (self->categories, position);
}

/**
 * att_eco_eligibility_get_reason_message:
 *
 * Returns: (nullable): the server's message for the reason
 */
const char *
att_eco_eligibility_get_reason_message (AttEcoEligibility *self,
                                        guint              position)
{
  g_return_val_if_fail (ATT_IS_ECO_ELIGIBILITY (self), NULL);
  g_return_val_if_fail (position < self->messages->len, NULL);

  return g_ptr_array_index (self->messages, position);
}
