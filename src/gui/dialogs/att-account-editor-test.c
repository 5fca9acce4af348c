/* att-account-editor-test.c: the account editor's connection test, with
 * the stored keys for fields left empty while editing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "att-account.h"
#include "att-account-editor-private.h"
#include "att-connection-test.h"
#include "att-context.h"
#include "att-secret-store.h"

void
_att_account_editor_hide_test_result (AttAccountEditor *self)
{
  gtk_widget_set_visible (self->test_result_box, FALSE);
  gtk_label_set_label (self->test_result_label, "");
}

static void
set_testing (AttAccountEditor *self,
             GCancellable     *cancellable)
{
  gboolean testing = cancellable != NULL;

  g_set_object (&self->test_cancellable, cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), testing);
  gtk_spinner_set_spinning (self->test_spinner, testing);
  gtk_button_set_label (self->test_button, testing ? _ ("_Cancel") : _ ("_Test"));
  _att_account_editor_update_actions (self);
  _att_account_editor_notify_busy (self);
}

void
_att_account_editor_cancel_test (AttAccountEditor *self)
{
  if (self->test_cancellable == NULL)
    return;

  g_cancellable_cancel (self->test_cancellable);
  set_testing (self, NULL);
}

static void
show_test_result (AttAccountEditor   *self,
                  AttConnectionStatus status,
                  const char         *message)
{
  const char *icon_name;
  const char *style;

  switch (status)
    {
    case ATT_CONNECTION_OK:
      icon_name = "emblem-ok-symbolic";
      style = "success";
      break;

    case ATT_CONNECTION_UNAUTHORIZED:
      icon_name = "dialog-password-symbolic";
      style = "error";
      break;

    case ATT_CONNECTION_UNREACHABLE:
      icon_name = "network-offline-symbolic";
      style = "error";
      break;

    case ATT_CONNECTION_TLS_ERROR:
      icon_name = "channel-insecure-symbolic";
      style = "error";
      break;

    case ATT_CONNECTION_NOT_A_SERVER:
      icon_name = "dialog-warning-symbolic";
      style = "warning";
      break;

    case ATT_CONNECTION_FAILED:
    default:
      icon_name = "dialog-error-symbolic";
      style = "error";
      break;
    }

  gtk_image_set_from_icon_name (self->test_result_icon, icon_name);
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_result_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_result_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_result_icon), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->test_result_icon), style);
  gtk_label_set_label (self->test_result_label, message);
  gtk_widget_set_visible (self->test_result_box, TRUE);
}

/* One run of the connection test: the values of the form, completed with
 * the stored keys for fields left empty while editing. */
typedef struct
{
  AttAccountEditor *self;
  GCancellable     *cancellable;
  char             *base_url;
  char             *public_key;
  char             *api_key; /* wiped; from the keyring if ... */
  char             *integration_key;
  gboolean          api_key_stored; /* ... this says so */
  gboolean          integration_key_stored;
} TestRun;

static void
free_key (char    *key,
          gboolean from_keyring)
{
  if (from_keyring)
    secret_password_free (key);
  else
    secret_text_free (key);
}

static void
test_run_free (TestRun *run)
{
  free_key (run->api_key, run->api_key_stored);
  free_key (run->integration_key, run->integration_key_stored);
  g_free (run->base_url);
  g_free (run->public_key);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->self);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestRun, test_run_free)

/* Whether @run's answer still matters: the editor is open and this is the
 * test it is waiting for. */
static gboolean
test_run_is_current (TestRun *run)
{
  return !run->self->closed && run->cancellable == run->self->test_cancellable;
}

static void
test_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TestRun) run = user_data;
  AttAccountEditor *self = run->self;
  g_autofree char  *message = NULL;
  g_autoptr(GError) error = NULL;
  AttConnectionStatus status;

  status = att_connection_test_finish (result, &message, &error);
  if (!test_run_is_current (run))
    return;

  set_testing (self, NULL);
  if (error != NULL)
    {
      /* Cancelled: the result would be about values no longer there. */
      _att_account_editor_hide_test_result (self);
      return;
    }

  show_test_result (self, status, message);
}

static void start_test_run (TestRun *run);

static void
lookup_key_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TestRun) run = user_data;
  g_autoptr(GError) error = NULL;
  char *key;

  key = att_secret_store_lookup_finish (ATT_SECRET_STORE (object), result, &error);
  if (!test_run_is_current (run))
    {
      secret_password_free (key);
      return;
    }

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("Could not read the stored keys: %s"),
                                                  error->message);

      set_testing (run->self, NULL);
      show_test_result (run->self, ATT_CONNECTION_FAILED, message);
      return;
    }

  if (key == NULL)
    {
      set_testing (run->self, NULL);
      show_test_result (run->self, ATT_CONNECTION_FAILED,
                        _ ("No key is stored for this account: enter the keys above"));
      return;
    }

  if (run->api_key == NULL)
    {
      run->api_key = key;
      run->api_key_stored = TRUE;
    }
  else
    {
      run->integration_key = key;
      run->integration_key_stored = TRUE;
    }

  start_test_run (g_steal_pointer (&run));
}

/* Fetches the missing keys one by one, then runs the test. */
static void
start_test_run (TestRun *run)
{
  AttAccountEditor *self = run->self;
  AttSecretStore   *secrets = _att_account_editor_get_secret_store (self);
  const char       *id = att_account_get_id (self->draft);

  if (run->api_key == NULL || (self->service == ATT_SERVICE_HIGG && run->integration_key == NULL))
    {
      AttSecretKind kind;

      g_assert (_att_account_editor_is_editing (self));

      if (run->api_key == NULL)
        kind = self->service == ATT_SERVICE_HIGG
                 ? ATT_SECRET_HIGG_API_KEY
                 : ATT_SECRET_CLOSIENT_API_KEY;
      else
        kind = ATT_SECRET_HIGG_INTEGRATION_KEY;

      att_secret_store_lookup_async (secrets, id, kind, run->cancellable, lookup_key_cb, run);
      return;
    }

  /* The test copies what it needs: the keys are wiped when @run is freed,
   * once the answer is in. */
  att_connection_test_async (att_context_get_http (self->context), self->service,
                             run->base_url, run->api_key, run->integration_key,
                             run->public_key, run->cancellable, test_done_cb, run);
}

void
_att_account_editor_test_connection_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  AttAccountEditor *self = ATT_ACCOUNT_EDITOR (widget);
  g_autoptr(GCancellable) cancellable = NULL;
  TestRun *run;

  /* The button is "Cancel" while a test runs. */
  if (self->test_cancellable != NULL)
    {
      _att_account_editor_cancel_test (self);
      _att_account_editor_hide_test_result (self);
      return;
    }

  if (!self->can_test || self->saving)
    return;

  cancellable = g_cancellable_new ();
  set_testing (self, cancellable);
  _att_account_editor_hide_test_result (self);

  run = g_new0 (TestRun, 1);
  run->self = g_object_ref (self);
  run->cancellable = g_object_ref (cancellable);
  run->base_url = _att_account_editor_get_base_url (self);
  run->api_key = _att_account_editor_dup_key (self->api_key_row);
  if (self->service == ATT_SERVICE_HIGG)
    {
      run->integration_key = _att_account_editor_dup_key (self->integration_key_row);
      run->public_key = _att_account_editor_get_public_key (self);
    }

  start_test_run (run);
}
