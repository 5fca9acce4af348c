/* att-closient-assignment-page-save.c: Save: the checks, the PATCH, and
 * what Closient's answer means for the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-closient-assignment-page-private.h"
#include "att-closient-client.h"
#include "att-context.h"

/**
 * att_closient_assignment_page_describe_error:
 * @can_retry: (out): whether trying again may help
 * @offer_accounts: (out): whether the account's key is the problem
 *
 * Returns: (transfer full): what went wrong, for the banner: what it
 *   means for the user and what to do, with the technical detail after
 */
char *
att_closient_assignment_page_describe_error (AttClosientAssignmentPage *self,
                                             const GError              *error,
                                             gboolean                  *can_retry,
                                             gboolean                  *offer_accounts)
{
  const char *label = att_closient_assignment_get_label (self->assignment);

  *can_retry = TRUE;
  *offer_accounts = FALSE;
  if (error->domain != ATT_API_ERROR)
    return g_strdup_printf (_ ("Closient could not be reached: %s"), error->message);

  switch ((AttApiError) error->code)
    {
    case ATT_API_ERROR_UNAUTHORIZED:
      *offer_accounts = TRUE;
      return g_strdup (_ ("Closient refused the API key. Check the key of the Closient account in "
                          "Preferences, then try again."));

    case ATT_API_ERROR_FORBIDDEN:
      *can_retry = FALSE;
      if (att_api_error_get_owner_action_required (error))
        return g_strdup (_ ("Only an owner of your organisation on Closient can make this change. Ask an "
                            "organisation owner to make it, or to allow your key to."));
      return g_strdup_printf (_ ("This API key may read certifications but not change them (%s)."),
                              error->message);

    case ATT_API_ERROR_NOT_FOUND:
      *can_retry = FALSE;
      return g_strdup_printf (_ ("Closient no longer has “%s” on this product: it may have been removed "
                                 "elsewhere."),
                              label);

    case ATT_API_ERROR_VALIDATION:
      *can_retry = FALSE;
      return g_strdup_printf (_ ("Closient did not accept the changes: %s"), error->message);

    case ATT_API_ERROR_CONFLICT:
      return g_strdup_printf (_ ("Closient refused the changes because of a conflict: %s"), error->message);

    case ATT_API_ERROR_RATE_LIMITED:
      return g_strdup_printf (_ ("Closient’s rate limit is reached, and waiting did not help: %s. Your "
                                 "changes are kept: try again later."),
                              error->message);

    case ATT_API_ERROR_SERVER:
      return g_strdup_printf (_ ("Closient had a problem and did not save the changes (%s). Your changes "
                                 "are kept: try again."),
                              error->message);

    case ATT_API_ERROR_BAD_RESPONSE:
      return g_strdup_printf (_ ("Closient’s answer could not be read (%s), so the changes may or may not "
                                 "be saved. Your changes are kept: Retry sends them again."),
                              error->message);

    case ATT_API_ERROR_NETWORK:
    case ATT_API_ERROR_TIMEOUT:
    case ATT_API_ERROR_TLS:
    case ATT_API_ERROR_INSECURE:
    default:
      return g_strdup_printf (_ ("Closient could not be reached: %s. Your changes are kept: try again."),
                              error->message);
    }
}

/* 409 and 422: each problem on its field, kept until the next edit. */
static gboolean
show_field_errors (AttClosientAssignmentPage *self,
                   const GError              *error)
{
  GPtrArray *details = att_api_error_get_field_errors (error);
  g_autoptr(AttClosientPatch) patch = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (!g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION) &&
      !g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_CONFLICT))
    return FALSE;
  if (details == NULL || details->len == 0)
    return FALSE;

  g_clear_pointer (&self->server_errors, g_ptr_array_unref);
  self->server_errors = att_field_error_array_new ();
  for (guint i = 0; i < details->len; i++)
    g_ptr_array_add (self->server_errors, att_field_error_copy (g_ptr_array_index (details, i)));
  patch = att_closient_assignment_page_form_get_patch (self);
  problems = att_closient_assignment_page_form_check (self, patch);
  att_closient_assignment_page_form_show_problems (self, problems, TRUE);
  return TRUE;
}

static void
save_failed (AttClosientAssignmentPage *self,
             const GError              *error)
{
  g_autofree char *message = NULL;
  gboolean         can_retry;
  gboolean         offer_accounts;

  message = att_closient_assignment_page_describe_error (self, error, &can_retry, &offer_accounts);
  if (show_field_errors (self, error))
    {
      g_free (message);
      message = g_strdup (_ ("Closient did not accept the changes: the fields it refused are marked below."));
      can_retry = FALSE;
    }
  att_closient_assignment_page_show_error (self, message, can_retry, offer_accounts);
  /* The focus, taken from the form while Closient answered, goes where
   * the user can act: the first field refused, or Retry. */
  if (self->server_errors != NULL && self->server_errors->len > 0)
    att_closient_assignment_page_form_focus (self,
                                             ((AttFieldError *) g_ptr_array_index (self->server_errors, 0))->path);
  else if (can_retry)
    gtk_widget_grab_focus (self->retry_button);
  /* The edits stay in the form and, with the reason, on disk. */
  att_closient_assignment_page_drafts_set_save_error (self, message);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AttClosientAssignmentPage) self = user_data;
  g_autoptr(AttClosientAssignment) updated = NULL;
  g_autoptr(GError) error = NULL;

  updated = att_closient_client_update_assignment_finish (ATT_CLOSIENT_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  att_closient_assignment_page_set_busy (self, FALSE);
  if (updated == NULL)
    {
      save_failed (self, error);
      return;
    }
  att_closient_assignment_page_drafts_discard (self);
  att_closient_assignment_page_hide_error (self);
  att_closient_assignment_page_set_assignment (self, updated);
  att_closient_assignment_page_set_editing (self, FALSE);
  att_closient_assignment_page_emit_saved (self, updated);
}

/* Save says why it cannot save rather than being greyed out: the problems
 * are listed above the form, each a link to its field. */
static gboolean
check_before_saving (AttClosientAssignmentPage *self,
                     AttClosientPatch          *patch)
{
  g_autoptr(GPtrArray) problems = att_closient_assignment_page_form_check (self, patch);

  self->checked = TRUE;
  att_closient_assignment_page_form_show_problems (self, problems, TRUE);
  if (problems->len == 0)
    return TRUE;
  att_closient_assignment_page_form_focus (self, ((AttFieldError *) g_ptr_array_index (problems, 0))->path);
  return FALSE;
}

void
att_closient_assignment_page_save (AttClosientAssignmentPage *self)
{
  AttClosientClient *client = att_context_get_closient_client (self->context);
  g_autoptr(AttClosientPatch) patch = NULL;

  if (!self->editing || self->busy)
    return;
  /* Closient's earlier refusal was about what was sent then. */
  g_clear_pointer (&self->server_errors, g_ptr_array_unref);
  patch = att_closient_assignment_page_form_get_patch (self);
  if (!check_before_saving (self, patch))
    return;
  if (att_closient_patch_is_empty (patch))
    {
      /* Nothing differs from Closient's copy: there is nothing to send. */
      att_closient_assignment_page_drafts_discard (self);
      att_closient_assignment_page_hide_error (self);
      att_closient_assignment_page_set_editing (self, FALSE);
      return;
    }
  if (client == NULL)
    {
      att_closient_assignment_page_show_error (self, _ ("There is no Closient account to save with. Add one in "
                                                        "Preferences."),
                                               FALSE, TRUE);
      return;
    }

  att_closient_assignment_page_hide_error (self);
  att_closient_assignment_page_set_busy (self, TRUE);
  g_clear_object (&self->save_cancellable);
  self->save_cancellable = g_cancellable_new ();
  att_closient_client_update_assignment_async (client, self->gtin14, att_closient_assignment_get_id (self->assignment),
                                               patch, self->save_cancellable, saved_cb, g_object_ref (self));
}
