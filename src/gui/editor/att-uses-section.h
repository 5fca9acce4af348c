/* att-uses-section.h: the editor's section for one catalogue list of a
 * product (materials, packaging or components)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"
#include "att-product-edit.h"

G_BEGIN_DECLS

#define ATT_TYPE_USES_SECTION (att_uses_section_get_type ())

G_DECLARE_FINAL_TYPE (AttUsesSection, att_uses_section, ATT, USES_SECTION, GtkWidget)

GtkWidget  *att_uses_section_new (AttContext     *context,
                                  AttProductEdit *edit,
                                  const char     *list);
const char *att_uses_section_get_list (AttUsesSection *self);
void        att_uses_section_set_problems (AttUsesSection *self,
                                           GPtrArray      *errors,
                                           GPtrArray      *warnings);

/* What the section shows, for the editor (to focus a field with a
 * problem) and for tests. */
GtkWidget  *att_uses_section_get_picker (AttUsesSection *self);
GtkWidget  *att_uses_section_get_add_button (AttUsesSection *self);
guint       att_uses_section_get_n_rows (AttUsesSection *self);
GtkWidget  *att_uses_section_get_field (AttUsesSection *self,
                                        guint           index,
                                        const char     *member);
GtkWidget  *att_uses_section_get_remove_button (AttUsesSection *self,
                                                guint           index);
const char *att_uses_section_get_row_problems (AttUsesSection *self,
                                               guint           index);
const char *att_uses_section_get_list_problems (AttUsesSection *self);
const char *att_uses_section_get_total_text (AttUsesSection *self);

G_END_DECLS
