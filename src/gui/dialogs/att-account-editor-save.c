/* att-account-editor-save.c: saving an account: its keys in the keyring
 * (or, if there is none, for this session only), then the account itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-account.h"
#include "att-account-editor-private.h"
#include "att-account-store.h"
#include "att-context.h"
#include "att-secret-store.h"

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AttAccountEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  AttAccount *saved;

  if (!att_account_store_save_finish (ATT_ACCOUNT_STORE (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (self->closed)
        return;

      message = g_strdup_printf (_ ("The keys are in the keyring, but the account could not "
                                    "be saved: %s"),
                                 error->message);
      g_warning ("Could not save the accounts: %s", error->message);
      _att_account_editor_set_saving (self, FALSE);
      _att_account_editor_show_error (self, message);
      return;
    }

  if (self->closed)
    return;

  _att_account_editor_set_saving (self, FALSE);
  saved = att_account_store_lookup (ATT_ACCOUNT_STORE (object), att_account_get_id (self->draft));
  g_signal_emit_by_name (self, "saved", saved != NULL ? saved : self->draft);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
apply_form (AttAccountEditor *self)
{
  g_autofree char *name = _att_account_editor_get_name (self);
  g_autofree char *url = _att_account_editor_get_base_url (self);

  att_account_set_display_name (self->draft, name);
  att_account_set_base_url (self->draft, url);
  if (self->service == ATT_SERVICE_HIGG)
    {
      g_autofree char *pem = _att_account_editor_get_public_key (self);
      g_autofree char *file_text = NULL;

      /* Kept as a PEM file is written: ending with a line break. */
      file_text = g_strconcat (pem, "\n", NULL);
      att_account_set_public_key_pem (self->draft, file_text);
    }
}

/* The keys are in the keyring: now the account itself. */
static void
commit_account (AttAccountEditor *self)
{
  AttAccountStore *store = att_context_get_account_store (self->context);
  const char      *id = att_account_get_id (self->draft);
  g_autoptr(AttAccount) account = NULL;

  apply_form (self);

  /* The store keeps the object it is given: give it a copy, so that a
   * repeated Save never edits the store's account behind its back. */
  account = att_account_copy (self->draft);
  if (att_account_store_lookup (store, id) != NULL)
    att_account_store_update (store, account);
  else
    att_account_store_add (store, account);

  /* The first account of a service is the one to use. */
  if (att_account_store_get_active (store, self->service) == NULL)
    att_account_store_set_active (store, self->service, id);

  att_account_store_save_async (store, self->cancellable, save_done_cb, g_object_ref (self));
}

static void store_next_key (AttAccountEditor *self);

static void
session_only_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  AttAccountEditor *self = ATT_ACCOUNT_EDITOR (user_data);

  if (g_strcmp0 (response, "session") != 0 || self->closed)
    return;

  /* Keep the keys in memory only, until Attest quits; never on disk. */
  att_secret_store_set_session_only (_att_account_editor_get_secret_store (self), TRUE);
  _att_account_editor_show_error (self, NULL);
  _att_account_editor_set_saving (self, TRUE);
  self->secret_step = 0;
  store_next_key (self);
}

/* No Secret Service, or a locked one that stayed locked: say so plainly
 * and offer to keep the keys for this session only. */
static void
offer_session_only (AttAccountEditor *self,
                    const GError     *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _ ("Keyring Not Available"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _ ("Attest keeps API keys only in the system keyring, and it "
                                     "cannot be used: %s\n\nYou can keep the keys for this "
                                     "session only. They will be forgotten when Attest quits, and "
                                     "never written to disk."),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _ ("_Cancel"),
                                    "session", _ ("_Keep Keys for This Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "session", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "session");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (session_only_response_cb), self, 0);
  att_accessible_fix_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
store_key_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AttAccountEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!att_secret_store_store_finish (ATT_SECRET_STORE (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (self->closed)
        return;

      message = g_strdup_printf (_ ("Could not store the keys in the keyring: %s"),
                                 error->message);
      _att_account_editor_set_saving (self, FALSE);
      _att_account_editor_show_error (self, message);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !att_secret_store_get_session_only (ATT_SECRET_STORE (object)))
        offer_session_only (self, error);
      return;
    }

  if (self->closed)
    return;

  store_next_key (self);
}

static void
store_next_key (AttAccountEditor *self)
{
  AttSecretStore *secrets = _att_account_editor_get_secret_store (self);

  while (self->secret_step < 2)
    {
      guint step = self->secret_step++;
      g_auto(SecretText) key = NULL;
      AttSecretKind kind;
      AdwEntryRow  *row;

      if (step == 0)
        {
          row = self->api_key_row;
          kind = self->service == ATT_SERVICE_HIGG
                   ? ATT_SECRET_HIGG_API_KEY
                   : ATT_SECRET_CLOSIENT_API_KEY;
        }
      else if (self->service == ATT_SERVICE_HIGG)
        {
          row = self->integration_key_row;
          kind = ATT_SECRET_HIGG_INTEGRATION_KEY;
        }
      else
        continue;

      /* Empty while editing: keep the stored key. */
      key = _att_account_editor_dup_key (row);
      if (key == NULL)
        continue;

      att_secret_store_store_async (secrets, att_account_get_id (self->draft), kind, key,
                                    self->cancellable, store_key_cb, g_object_ref (self));
      return;
    }

  commit_account (self);
}

void
_att_account_editor_save_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  AttAccountEditor *self = ATT_ACCOUNT_EDITOR (widget);

  _att_account_editor_validate (self);
  if (!self->valid || self->saving)
    return;

  if (_att_account_editor_get_secret_store (self) == NULL ||
      att_context_get_account_store (self->context) == NULL)
    {
      _att_account_editor_show_error (self,
                                      _ ("Accounts cannot be saved: Attest has no account store"));
      return;
    }

  _att_account_editor_cancel_test (self);
  _att_account_editor_show_error (self, NULL);
  _att_account_editor_set_saving (self, TRUE);
  self->secret_step = 0;
  store_next_key (self);
}
