/* att-closient-assignment-page-remove.c: Remove: a confirmation that
 * names the certification and the product, then the DELETE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-closient-assignment-page-private.h"
#include "att-closient-client.h"
#include "att-context.h"

static void
removed (AttClosientAssignmentPage *self)
{
  /* Edits of an assignment that is gone have nothing left to apply to. */
  att_closient_assignment_page_drafts_discard (self);
  att_closient_assignment_page_hide_error (self);
  att_closient_assignment_page_emit_removed (self);
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AttClosientAssignmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean         can_retry;
  gboolean         offer_accounts;

  att_closient_client_remove_assignment_finish (ATT_CLOSIENT_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  att_closient_assignment_page_set_busy (self, FALSE);
  /* A repeated DELETE is a 404 (a retry after a lost answer, or a removal
   * from elsewhere): either way the assignment is gone, as asked. */
  if (error == NULL || g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND))
    {
      removed (self);
      return;
    }
  message = att_closient_assignment_page_describe_error (self, error, &can_retry, &offer_accounts);
  att_closient_assignment_page_show_error (self, message, can_retry, offer_accounts);
}

/**
 * att_closient_assignment_page_remove_confirmed:
 *
 * Sends the DELETE, as after the confirmation, or as Retry does.
 */
void
att_closient_assignment_page_remove_confirmed (AttClosientAssignmentPage *self)
{
  AttClosientClient *client = att_context_get_closient_client (self->context);

  if (self->busy || self->editing)
    return;
  if (client == NULL)
    {
      att_closient_assignment_page_show_error (self, _ ("There is no Closient account to remove it with. Add one "
                                                        "in Preferences."),
                                               FALSE, TRUE);
      return;
    }
  att_closient_assignment_page_hide_error (self);
  att_closient_assignment_page_set_busy (self, TRUE);
  g_clear_object (&self->save_cancellable);
  self->save_cancellable = g_cancellable_new ();
  att_closient_client_remove_assignment_async (client, self->gtin14, att_closient_assignment_get_id (self->assignment),
                                               self->save_cancellable, removed_cb, g_object_ref (self));
}

static void
on_response (AdwMessageDialog          *dialog,
             const char                *response,
             AttClosientAssignmentPage *self)
{
  if (g_strcmp0 (response, "remove") == 0)
    att_closient_assignment_page_remove_confirmed (self);
}

/**
 * att_closient_assignment_page_remove:
 *
 * Asks, naming the certification and the product, then removes.
 */
void
att_closient_assignment_page_remove (AttClosientAssignmentPage *self)
{
  g_autofree char *what = NULL;
  g_autofree char *heading = NULL;
  GtkWidget       *dialog;

  if (self->busy || self->editing)
    return;
  what = att_closient_assignment_page_describe (self);
  /* Translators: %s is a certification and its product, "“GOTS” from 00012345678905" */
  heading = g_strdup_printf (_ ("Remove %s?"), what);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   _ ("The certification stays in Closient’s catalogue; only this product’s "
                                      "assignment is removed."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "remove", _ ("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  att_accessible_fix_mnemonics (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
