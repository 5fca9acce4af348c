/* att-product-editor-close.c: leaving the editor with unsaved edits, and
 * going to the field of a problem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>
#include <string.h>

#include "att-product-editor-private.h"
#include "att-uses-section.h"

typedef struct
{
  AttProductEditor  *editor;
  AttEditorCloseFunc func;
  gpointer           user_data;
  gboolean           keep_draft;
} Ask;

static void
ask_free (Ask *ask)
{
  g_object_unref (ask->editor);
  g_free (ask);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ask, ask_free)

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Ask) ask = user_data;
  g_autoptr(GError) error = NULL;

  /* The draft could not be written: the window stays, with the edits. */
  if (!att_product_editor_flush_draft_finish (ask->editor, result, &error))
    {
      g_autofree char *message = g_strdup_printf (_ ("The draft could not be written: %s"), error->message);

      att_product_editor_show_save_error (ask->editor, message);
      ask->func (ask->editor, FALSE, ask->user_data);
      return;
    }
  ask->func (ask->editor, TRUE, ask->user_data);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Ask              *owned)
{
  g_autoptr(Ask) ask = owned;
  AttProductEditor *self = ask->editor;

  if (g_strcmp0 (response, "save") == 0)
    {
      self->close_func = ask->func;
      self->close_data = ask->user_data;
      att_product_editor_save (self);
    }
  else if (g_strcmp0 (response, "discard") == 0 && ask->keep_draft)
    att_product_editor_flush_draft_async (self, NULL, flushed_cb, g_steal_pointer (&ask));
  else if (g_strcmp0 (response, "discard") == 0)
    {
      att_product_editor_drafts_discard (self);
      ask->func (self, TRUE, ask->user_data);
    }
  else
    ask->func (self, FALSE, ask->user_data);
}

static char *
product_name (AttProductEditor *self)
{
  const char *name = att_product_edit_get_string (self->edit, "name");

  return g_strdup (name != NULL && *name != '\0' ? name : _ ("New Product"));
}

void
att_product_editor_ask_close (AttProductEditor  *self,
                              gboolean           keep_draft,
                              AttEditorCloseFunc func,
                              gpointer           user_data)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget       *dialog;
  Ask             *ask;

  g_return_if_fail (ATT_IS_PRODUCT_EDITOR (self));

  if (!att_product_edit_get_modified (self->edit) && !self->saving)
    {
      att_product_editor_drafts_discard (self);
      func (self, TRUE, user_data);
      return;
    }

  name = product_name (self);
  if (keep_draft)
    body = g_strdup_printf (_ ("“%s” has unsaved edits. They are kept as a draft either way, and offered back the next time Attest starts."), name);
  else
    body = g_strdup_printf (_ ("“%s” has unsaved edits. Discarding them deletes their draft too."), name);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _ ("Save the Edits?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _ ("_Cancel"),
                                    "discard", keep_draft ? _ ("Close _Without Saving") : _ ("_Discard"),
                                    "save", _ ("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  ask = g_new0 (Ask, 1);
  ask->editor = g_object_ref (self);
  ask->func = func;
  ask->user_data = user_data;
  ask->keep_draft = keep_draft;
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* `materials[1].composition`: that row's field, or the section. */
static GtkWidget *
uses_field (AttUsesSection *section,
            const char     *path)
{
  const char *bracket = strchr (path, '[');
  const char *dot = strchr (path, '.');
  GtkWidget  *field = NULL;
  guint       index;

  if (bracket != NULL && dot != NULL && sscanf (bracket, "[%u]", &index) == 1)
    field = att_uses_section_get_field (section, index, dot + 1);
  return field != NULL ? field : GTK_WIDGET (section);
}

/* Lists: `purchaseOrder[3].purchaseDate` is in the orders, and
 * `materials[1].composition` in the materials section. */
static GtkWidget *
widget_for_list_path (AttProductEditor *self,
                      const char       *path)
{
  if (g_str_has_prefix (path, ATT_PRODUCT_EDIT_PURCHASE_ORDERS))
    {
      att_product_editor_orders_ensure (self);
      return GTK_WIDGET (self->orders_view);
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->uses); i++)
    if (self->uses[i] != NULL &&
        g_str_has_prefix (path, att_uses_section_get_list (ATT_USES_SECTION (self->uses[i]))))
      return uses_field (ATT_USES_SECTION (self->uses[i]), path);
  return NULL;
}

/* Whether @field is in the eco-score groups, which may still wait for
 * the frame after the first: only focusing one of their fields brings
 * them in early (the name, focused as the editor opens, does not). */
static gboolean
is_eco_field (AttProductEditor *self,
              AttEditorField   *field)
{
  return gtk_widget_is_ancestor (field->row, self->eco_group) ||
         gtk_widget_is_ancestor (field->row, self->optional_group);
}

void
att_product_editor_focus_path (AttProductEditor *self,
                               const char       *path)
{
  g_autofree char *field_path = g_strdup (path);
  AttEditorField  *field;
  GtkWidget       *widget;

  g_strdelimit (field_path, "[", '\0');
  field = att_product_editor_find_field (self, field_path);
  if (field != NULL && is_eco_field (self, field))
    att_product_editor_eco_ensure (self);
  widget = field != NULL ? field->input : widget_for_list_path (self, path);
  if (widget == NULL)
    return;
  if (!gtk_widget_grab_focus (widget))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

void
att_product_editor_focus_field (AttProductEditor *self,
                                const char       *path)
{
  g_return_if_fail (ATT_IS_PRODUCT_EDITOR (self));
  g_return_if_fail (path != NULL);

  att_product_editor_focus_path (self, path);
}
