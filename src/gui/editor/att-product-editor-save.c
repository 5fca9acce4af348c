/* att-product-editor-save.c: saving the edits: checks first, then the
 * server's copy compared with what was loaded, then only what changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-context.h"
#include "att-higg-client.h"
#include "att-product.h"
#include "att-product-editor-private.h"

static void
save_ended (AttProductEditor *self)
{
  g_clear_object (&self->save_cancellable);
  att_product_editor_set_saving (self, FALSE);
}

/* The edits and the draft stay; the draft keeps the error, for a Retry
 * after a restart too. */
static void
fail (AttProductEditor *self,
      const char       *message)
{
  save_ended (self);
  att_product_editor_show_save_error (self, message);
  att_product_editor_drafts_set_save_error (self, message);
  att_product_editor_save_failed (self);
}

/* A 400: each of the server's problems goes on its field, named as the
 * edit's state names it. */
static GPtrArray *
map_field_errors (AttProductEditor *self,
                  GPtrArray        *errors)
{
  GPtrArray *mapped = g_ptr_array_new_with_free_func ((GDestroyNotify) att_field_error_free);

  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      AttFieldError   *error = g_ptr_array_index (errors, i);
      g_autofree char *path = att_product_edit_map_request_path (self->edit, error->path);

      g_ptr_array_add (mapped, att_field_error_new (path != NULL ? path : error->path, error->message));
    }
  return mapped;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AttProductEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttProduct) product = NULL;

  if (att_product_edit_get_is_new (self->edit))
    product = att_higg_client_create_product_finish (ATT_HIGG_CLIENT (object), result, &error);
  else
    product = att_higg_client_update_product_finish (ATT_HIGG_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fail (self, _ ("Saving was cancelled. The edits are kept; the server may still have received them."));
      return;
    }
  if (g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_VALIDATION))
    {
      g_autoptr(GPtrArray) mapped = map_field_errors (self, att_api_error_get_field_errors (error));

      att_product_editor_set_server_errors (self, mapped);
      fail (self, _ ("The server refused the product: the problems are marked in the form."));
      return;
    }
  if (product == NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("Could not save: %s. The edits are kept as a draft."),
                                                  error->message);

      fail (self, message);
      return;
    }

  att_product_edit_accept (self->edit, product);
  att_product_editor_drafts_discard (self);
  save_ended (self);
  att_context_product_saved (self->context, product);
  att_product_editor_saved (self, product);
}

static void
send (AttProductEditor *self)
{
  AttHiggClient *client = att_context_get_higg_client (self->context);
  g_autoptr(JsonObject) request = att_product_edit_build_request (self->edit);

  if (request == NULL)
    {
      /* Nothing differs from the server's copy. */
      save_ended (self);
      att_product_editor_drafts_discard (self);
      att_product_editor_saved (self, NULL);
      return;
    }
  if (att_product_edit_get_is_new (self->edit))
    att_higg_client_create_product_async (client, request, self->save_cancellable,
                                          saved_cb, g_object_ref (self));
  else
    att_higg_client_update_product_async (client, att_product_edit_get_product_id (self->edit),
                                          request, self->save_cancellable,
                                          saved_cb, g_object_ref (self));
}

static void
on_overwrite_response (AdwMessageDialog *dialog,
                       const char       *response,
                       AttProductEditor *self)
{
  if (g_strcmp0 (response, "overwrite") == 0 && self->saving)
    send (self);
  else
    {
      save_ended (self);
      att_product_editor_save_failed (self);
    }
  g_object_unref (self);
}

/* Someone changed the product since it was loaded: say what, and
 * overwrite only if asked to. */
static void
ask_overwrite (AttProductEditor  *self,
               const char *const *differences)
{
  GtkWidget       *dialog;
  g_autofree char *lines = g_strjoinv ("\n", (char **) differences);
  g_autofree char *body = g_strdup_printf (_ ("Someone changed this product on the server since it was opened:\n\n%s\n\nSaving replaces these values with yours."),
                                           lines);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _ ("Changed on the Server"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _ ("_Cancel"),
                                    "overwrite", _ ("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_overwrite_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remote_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AttProductEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttProduct) remote = NULL;
  g_auto(GStrv) differences = NULL;

  remote = att_higg_client_get_product_finish (ATT_HIGG_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fail (self, _ ("Saving was cancelled. The edits are kept."));
      return;
    }
  if (g_error_matches (error, ATT_API_ERROR, ATT_API_ERROR_NOT_FOUND))
    {
      fail (self, _ ("This product is no longer on the server: it may have been deleted. The edits are kept as a draft."));
      return;
    }
  if (remote == NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("Could not save: %s. The edits are kept as a draft."),
                                                  error->message);

      fail (self, message);
      return;
    }

  differences = att_product_edit_compare_remote (self->edit, remote);
  if (differences != NULL && differences[0] != NULL)
    ask_overwrite (self, (const char *const *) differences);
  else
    send (self);
}

/* The checks have the last word before anything is sent. */
static gboolean
check_before_saving (AttProductEditor *self)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) errors = att_product_edit_validate (self->edit, &warnings);
  AttFieldError *first = NULL;

  if (g_hash_table_size (self->input_errors) > 0)
    {
      GHashTableIter iter;
      gpointer       path;

      g_hash_table_iter_init (&iter, self->input_errors);
      g_hash_table_iter_next (&iter, &path, NULL);
      att_product_editor_focus_path (self, path);
      return FALSE;
    }
  if (errors->len == 0)
    return TRUE;
  first = g_ptr_array_index (errors, 0);
  att_product_editor_queue_validate (self);
  att_product_editor_focus_path (self, first->path);
  return FALSE;
}

void
att_product_editor_save_start (AttProductEditor *self)
{
  AttHiggClient *client = att_context_get_higg_client (self->context);

  if (client == NULL || !check_before_saving (self))
    {
      att_product_editor_save_failed (self);
      return;
    }

  att_product_editor_set_server_errors (self, NULL);
  self->save_cancellable = g_cancellable_new ();
  att_product_editor_set_saving (self, TRUE);
  if (att_product_edit_get_is_new (self->edit))
    send (self);
  else
    att_higg_client_get_product_async (client, att_product_edit_get_product_id (self->edit),
                                       self->save_cancellable, remote_cb, g_object_ref (self));
}

void
att_product_editor_save_cancel (AttProductEditor *self)
{
  if (self->save_cancellable != NULL)
    g_cancellable_cancel (self->save_cancellable);
}
