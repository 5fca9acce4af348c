/* att-product-edit-compare.c: what changed on the server since a product
 * was loaded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "att-json.h"
#include "att-product-edit-private.h"
#include "att-product.h"

/*
 * Before saving, the editor fetches the product again and compares it with
 * what was loaded: someone else may have changed it meanwhile, and the
 * update would then silently overwrite their change.  Both sides are read
 * the same way (att_product_edit_state_from_product()), so only real
 * differences show, each as one line the user can read.
 */

static const struct
{
  const char *member;
  const char *label;
} labels[] = {
  { "name", N_ ("Name") },
  { "categoryExpansionId", N_ ("Category") },
  { "productCategory", N_ ("Category") },
  { "size", N_ ("Size") },
  { "taxonomyId", N_ ("Representative product") },
  { "identifier", N_ ("Identifier") },
  { "identifierType", N_ ("Identifier type") },
  { "tags", N_ ("Tags") },
  { "weight", N_ ("Weight") },
  { "weightMeasureUnit", N_ ("Weight unit") },
  { "weightIsPrimaryData", N_ ("Weight is primary data") },
  { "isMaterialWeight", N_ ("Weight from materials") },
  { ATT_PRODUCT_EDIT_MATERIALS, N_ ("Materials") },
  { ATT_PRODUCT_EDIT_PACKAGING, N_ ("Packaging") },
  { ATT_PRODUCT_EDIT_COMPONENTS, N_ ("Components") },
  { ATT_PRODUCT_EDIT_PURCHASE_ORDERS, N_ ("Purchase orders") },
  { "frenchLabelCountry", N_ ("Country of manufacture") },
  { "frenchLabelDyeingCountry", N_ ("Dyeing country") },
  { "frenchLabelFabricCountry", N_ ("Fabric country") },
  { "frenchLabelOptionalFields", N_ ("Eco-score details") },
};

static const char *
member_label (const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].member, member) == 0)
      return _ (labels[i].label);

  return member;
}

static char *
format_strings (JsonArray *array)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strings = NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return NULL;
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  strings = g_strv_builder_end (builder);
  return g_strjoinv (", ", strings);
}

/* A value as a user reads it, or %NULL when it is too big to say in a
 * line (a list of materials, say). */
static char *
format_value (JsonNode *node)
{
  GType type;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      /* A country says its name. */
      const char *name = json_object_get_string_member_with_default (json_node_get_object (node), "name", NULL);

      return name != NULL ? g_strdup_printf ("“%s”", name) : NULL;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *strings = format_strings (json_node_get_array (node));

      return strings != NULL ? g_strdup_printf ("“%s”", strings) : NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return g_strdup_printf ("“%s”", json_node_get_string (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _ ("yes") : _ ("no"));
  if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
    return g_strdup_printf ("%g", json_node_get_double (node));

  return NULL;
}

static char *
describe (const char *member,
          JsonNode   *remote)
{
  const char      *label = member_label (member);
  g_autofree char *value = NULL;

  if (remote == NULL || JSON_NODE_HOLDS_NULL (remote))
    /* Translators: %s is a field, e.g. "Size": the server no longer has one. */
    return g_strdup_printf (_ ("%s: none on the server"), label);

  value = format_value (remote);
  if (value == NULL)
    /* Translators: %s is a field, e.g. "Materials". */
    return g_strdup_printf (_ ("%s: changed on the server"), label);

  /* Translators: the first %s is a field, e.g. "Name"; the second its
   * value on the server, e.g. “Blue shirt”. */
  return g_strdup_printf (_ ("%s: %s on the server"), label, value);
}

static void
compare_member (JsonObject   *loaded,
                JsonObject   *remote,
                const char   *member,
                GHashTable   *seen,
                GStrvBuilder *lines)
{
  g_autofree char *line = NULL;

  if (!g_hash_table_add (seen, g_strdup (member)) ||
      att_product_edit_member_equal (loaded, remote, member))
    return;

  line = describe (member, json_object_get_member (remote, member));
  g_strv_builder_add (lines, line);
}

static void
compare_members (JsonObject   *loaded,
                 JsonObject   *remote,
                 JsonObject   *from,
                 GHashTable   *seen,
                 GStrvBuilder *lines)
{
  JsonObjectIter iter;
  const char    *member;
  JsonNode      *value;

  json_object_iter_init_ordered (&iter, from);
  while (json_object_iter_next_ordered (&iter, &member, &value))
    compare_member (loaded, remote, member, seen, lines);
}

/**
 * att_product_edit_compare_remote:
 * @remote: the server's current copy of the product
 *
 * Returns: (transfer full) (nullable): one translated line per member
 *   that differs between what was loaded and @remote, or %NULL when none
 *   does
 */
GStrv
att_product_edit_compare_remote (AttProductEdit *self,
                                 AttProduct     *remote)
{
  g_autoptr(JsonObject) remote_state = NULL;
  g_autoptr(GStrvBuilder) lines = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_auto(GStrv) result = NULL;

  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), NULL);
  g_return_val_if_fail (ATT_IS_PRODUCT (remote), NULL);

  remote_state = att_product_edit_state_from_product (remote);
  lines = g_strv_builder_new ();
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* In the order of the form, then members it does not know. */
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    compare_member (self->original, remote_state, labels[i].member, seen, lines);
  compare_members (self->original, remote_state, self->original, seen, lines);
  compare_members (self->original, remote_state, remote_state, seen, lines);

  result = g_strv_builder_end (lines);
  return result[0] != NULL ? g_steal_pointer (&result) : NULL;
}
