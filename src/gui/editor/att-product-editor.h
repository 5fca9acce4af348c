/* att-product-editor.h: the form that edits one product
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "att-types.h"
#include "att-product-edit.h"

G_BEGIN_DECLS

#define ATT_TYPE_PRODUCT_EDITOR (att_product_editor_get_type ())

G_DECLARE_FINAL_TYPE (AttProductEditor, att_product_editor, ATT, PRODUCT_EDITOR, GtkWidget)

/* @draft_id: the object id of the draft the edits are kept in, or NULL for
 * the product's id (a new product gets "new-<uuid>"). */
GtkWidget      *att_product_editor_new (AttContext     *context,
                                        AttProductEdit *edit,
                                        const char     *draft_id);
AttContext     *att_product_editor_get_context (AttProductEditor *self);
AttProductEdit *att_product_editor_get_edit (AttProductEditor *self);
const char     *att_product_editor_get_draft_id (AttProductEditor *self);
gboolean        att_product_editor_get_modified (AttProductEditor *self);
gboolean        att_product_editor_get_saving (AttProductEditor *self);

/* Appends a catalogue item (kind "material", "component" or "packaging")
 * to its list and shows it. */
void            att_product_editor_add_item (AttProductEditor *self,
                                             const char       *kind,
                                             const char       *id,
                                             const char       *name);
void            att_product_editor_save (AttProductEditor *self);
void            att_product_editor_focus_field (AttProductEditor *self,
                                                const char       *path);
/* Shows why the last save failed, with a Retry. */
void            att_product_editor_show_save_error (AttProductEditor *self,
                                                    const char       *message);

/* Asks what to do with unsaved edits (Save, Discard, Cancel) and calls
 * @func with whether the editor may go.  With @keep_draft (a window
 * closing, Attest quitting) the draft stays on disk whatever the answer;
 * without, Discard deletes it. */
typedef void (*AttEditorCloseFunc) (AttProductEditor *editor,
                                    gboolean          may_close,
                                    gpointer          user_data);
void     att_product_editor_ask_close (AttProductEditor  *self,
                                       gboolean           keep_draft,
                                       AttEditorCloseFunc func,
                                       gpointer           user_data);

/* Writes the draft now (before a window closes). */
void     att_product_editor_flush_draft_async (AttProductEditor   *self,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean att_product_editor_flush_draft_finish (AttProductEditor *self,
                                                GAsyncResult     *result,
                                                GError          **error);

G_END_DECLS
