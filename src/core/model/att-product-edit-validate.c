/* att-product-edit-validate.c: every problem of an AttProductEdit at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-product-edit-private.h"
#include "att-validation.h"

/*
 * The state is checked as a whole, as a create body, with the same
 * functions the sandbox uses, so that the paths are those of the state
 * (`purchaseOrder[3].purchaseDate`, not `updatePurchaseOrder[0]...`) and a
 * form can put each problem on its field.
 *
 * A loaded product is saved with an update that carries only what changed,
 * and the server checks only that.  So a problem in a part the user has not
 * touched (a stored product without a weight, say) does not block the
 * save: it is reported as a warning, while the same problem in a changed
 * part is an error, as the server would make it.
 */

/* The top-level member a path is about: `materials` for
 * `materials[1].composition`. */
static char *
path_member (const char *path)
{
  return g_strndup (path, strcspn (path, ".["));
}

/* Whether the part of the state that @path names is in the update: the
 * member, or for a purchase order, that order. */
static gboolean
path_is_changed (AttProductEdit *self,
                 const char     *path)
{
  g_autofree char *member = path_member (path);
  const char      *rest = path + strlen (member);

  if (g_strcmp0 (member, ATT_PRODUCT_EDIT_PURCHASE_ORDERS) == 0 && rest[0] == '[')
    {
      guint64   index = g_ascii_strtoull (rest + 1, NULL, 10);
      JsonNode *node = json_object_get_member (self->state, member);

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
          index < json_array_get_length (json_node_get_array (node)))
        return att_product_edit_classify_order (self, (guint) index) != ATT_PRODUCT_EDIT_ORDER_SAME;
    }

  return !att_product_edit_member_equal (self->original, self->state, member);
}

/**
 * att_product_edit_validate:
 * @warnings: (out) (optional) (transfer full) (element-type AttFieldError):
 *   problems that do not block a save: eco-score prerequisites (V10-V12),
 *   missing category, size or weight, and problems in parts of a loaded
 *   product that the edit leaves as they are
 *
 * Returns: (transfer full) (element-type AttFieldError): the problems that
 *   block a save, empty when there are none
 */
GPtrArray *
att_product_edit_validate (AttProductEdit *self,
                           GPtrArray     **warnings)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) advice = NULL;

  g_return_val_if_fail (ATT_IS_PRODUCT_EDIT (self), NULL);

  body = att_product_edit_request_shape (self->state, TRUE);
  problems = att_validate_product_create (body);
  errors = att_field_error_array_new ();
  advice = att_validate_product_eco_score (self->state);

  for (guint i = 0; i < problems->len; i++)
    {
      AttFieldError *problem = g_ptr_array_index (problems, i);
      gboolean       blocks = self->product_id == NULL || path_is_changed (self, problem->path);

      g_ptr_array_add (blocks ? errors : advice, att_field_error_copy (problem));
    }

  if (warnings != NULL)
    *warnings = g_steal_pointer (&advice);

  return g_steal_pointer (&errors);
}
