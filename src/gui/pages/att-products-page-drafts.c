/* att-products-page-drafts.c: unsaved edits found at start-up (after a
 * crash, a failed save, a window closed without saving), offered back one
 * at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-context.h"
#include "att-draft-store.h"
#include "att-products-page-private.h"

#define DRAFT_KIND "product"

static AttDraft *
current_draft (AttProductsPage *self)
{
  return self->drafts != NULL && self->drafts->len > 0 ? g_ptr_array_index (self->drafts, 0) : NULL;
}

static char *
draft_name (AttDraft *draft)
{
  g_autoptr(AttProductEdit) edit = att_product_edit_new_from_draft (att_draft_get_payload (draft), NULL);
  const char *name = edit != NULL ? att_product_edit_get_string (edit, "name") : NULL;

  return g_strdup (name != NULL && *name != '\0' ? name : _ ("New Product"));
}

static void
offer_next (AttProductsPage *self)
{
  AttDraft        *draft = current_draft (self);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  gtk_revealer_set_reveal_child (self->drafts_revealer, draft != NULL);
  if (draft == NULL)
    return;
  name = draft_name (draft);
  if (att_draft_get_save_error (draft) != NULL)
    text = g_strdup_printf (_ ("Unsaved edits of “%s” could not be saved: %s"), name,
                            att_draft_get_save_error (draft));
  else
    text = g_strdup_printf (_ ("Unsaved edits of “%s”"), name);
  gtk_label_set_label (self->drafts_label, text);
}

static gboolean
is_product_draft (AttDraft *draft)
{
  return g_strcmp0 (att_draft_get_kind (draft), DRAFT_KIND) == 0;
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AttProductsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;

  drafts = att_draft_store_list_finish (ATT_DRAFT_STORE (object), result, &error);
  if (drafts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the drafts of unsaved edits: %s", error->message);
      return;
    }
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  self->drafts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < drafts->len; i++)
    if (is_product_draft (g_ptr_array_index (drafts, i)))
      g_ptr_array_add (self->drafts, g_object_ref (g_ptr_array_index (drafts, i)));
  offer_next (self);
}

void
att_products_page_drafts_load (AttProductsPage *self)
{
  AttDraftStore *store = att_context_get_draft_store (self->context);

  if (store == NULL || att_context_get_account_id (self->context) == NULL)
    return;
  att_draft_store_list_async (store, att_context_get_account_id (self->context), self->cancellable,
                              listed_cb, g_object_ref (self));
}

static void
restore_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AttProductsPage *self = ATT_PRODUCTS_PAGE (widget);
  g_autoptr(AttDraft) draft = NULL;
  g_autoptr(AttProductEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  if (current_draft (self) == NULL)
    return;
  draft = g_object_ref (current_draft (self));
  g_ptr_array_remove_index (self->drafts, 0);
  offer_next (self);

  edit = att_product_edit_new_from_draft (att_draft_get_payload (draft), &error);
  if (edit == NULL)
    {
      g_warning ("Could not read the draft %s: %s", att_draft_get_object_id (draft), error->message);
      return;
    }
  att_products_page_open_editor (self, edit, att_draft_get_object_id (draft), att_draft_get_save_error (draft));
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!att_draft_store_delete_finish (ATT_DRAFT_STORE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not delete a draft: %s", error->message);
}

/* An explicit Discard is the only other way a draft goes. */
static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AttProductsPage *self = ATT_PRODUCTS_PAGE (widget);
  AttDraft        *draft = current_draft (self);

  if (draft == NULL)
    return;
  att_draft_store_delete_async (att_context_get_draft_store (self->context), att_draft_get_kind (draft),
                                att_draft_get_account_id (draft), att_draft_get_object_id (draft),
                                NULL, deleted_cb, NULL);
  g_ptr_array_remove_index (self->drafts, 0);
  offer_next (self);
}

void
att_products_page_install_draft_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "products.restore-draft", NULL, restore_draft_action);
  gtk_widget_class_install_action (widget_class, "products.discard-draft", NULL, discard_draft_action);
}
