/* att-product-editor-uses.c: the materials, packaging and components
 * sections (AttUsesSection, one per list) in the editor's slots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-product-editor-private.h"

/* TODO: the sections come with the `materials` branch
 * (att_uses_section_new); until then the slots stay empty. */
void
att_product_editor_uses_init (AttProductEditor *self)
{
}

void
att_product_editor_uses_set_problems (AttProductEditor *self,
                                      GtkWidget        *section)
{
}

static const char *
list_of_kind (const char *kind)
{
  if (g_strcmp0 (kind, "material") == 0)
    return ATT_PRODUCT_EDIT_MATERIALS;
  if (g_strcmp0 (kind, "packaging") == 0)
    return ATT_PRODUCT_EDIT_PACKAGING;
  if (g_strcmp0 (kind, "component") == 0)
    return ATT_PRODUCT_EDIT_COMPONENTS;
  return NULL;
}

/* The item's required amount starts empty: the checks then point at it. */
void
att_product_editor_add_item (AttProductEditor *self,
                             const char       *kind,
                             const char       *id,
                             const char       *name)
{
  const char *list = list_of_kind (kind);
  g_autoptr(JsonObject) item = NULL;
  const char *id_member;

  g_return_if_fail (ATT_IS_PRODUCT_EDITOR (self));
  g_return_if_fail (list != NULL && id != NULL);

  id_member = g_str_equal (list, ATT_PRODUCT_EDIT_MATERIALS)   ? "materialId"
              : g_str_equal (list, ATT_PRODUCT_EDIT_PACKAGING) ? "packagingId"
                                                               : "componentId";
  item = json_object_new ();
  json_object_set_string_member (item, id_member, id);
  if (name != NULL)
    json_object_set_string_member (item, "name", name);
  att_product_edit_append_item (self->edit, list, item);
}
