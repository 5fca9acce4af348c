/* att-product-editor-uses.c: the materials, packaging and components
 * sections (AttUsesSection, one per list) in the editor's slots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-after-paint.h"
#include "att-product-editor-private.h"
#include "att-uses-section.h"

static void
create_sections (GtkWidget *widget,
                 gpointer   user_data)
{
  AttProductEditor *self = ATT_PRODUCT_EDITOR (widget);
  const char       *lists[] = { ATT_PRODUCT_EDIT_MATERIALS, ATT_PRODUCT_EDIT_PACKAGING, ATT_PRODUCT_EDIT_COMPONENTS };
  GtkBox           *slots[] = { self->materials_slot, self->packaging_slot, self->components_slot };

  G_STATIC_ASSERT (G_N_ELEMENTS (lists) == G_N_ELEMENTS (self->uses));
  if (self->edit == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      self->uses[i] = att_uses_section_new (self->context, self->edit, lists[i]);
      gtk_box_append (slots[i], self->uses[i]);
    }
  att_product_editor_queue_validate (self);
}

/* The sections make a row per item, dozens of widgets each: they come in
 * an idle after the editor's first frame, which shows the form at once. */
void
att_product_editor_uses_init (AttProductEditor *self)
{
  att_widget_idle_after_next_paint (GTK_WIDGET (self), create_sections, NULL);
}

/* Each section shows the problems of its own list. */
void
att_product_editor_uses_set_problems (AttProductEditor *self,
                                      GtkWidget        *section)
{
  att_uses_section_set_problems (ATT_USES_SECTION (section), self->errors, self->warnings);
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
