/* att-closient-client-assignments.c: the writing calls of
 * AttClosientClient
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* PATCH and DELETE of one certification on one product
 * (api-closient.md §3, §4.2).  What cannot be right is refused before it
 * is sent: a GTIN or a certification id that is not one, an edit that
 * changes nothing or that fails its checks (att_closient_patch_check()). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "att-closient-client-private.h"
#include "att-error.h"
#include "att-shortuuid.h"

static GObject *
parse_assignment (JsonNode *node,
                  GError  **error)
{
  return (GObject *) att_closient_assignment_new_from_json (node, error);
}

/* The path of one assignment, from a GTIN and an id in either form. */
static char *
assignment_path (const char *gtin14,
                 const char *certification_id,
                 GError    **error)
{
  g_autofree char *short_id = att_shortuuid_normalize (certification_id, error);
  g_autofree char *rest = NULL;

  if (short_id == NULL)
    return NULL;

  rest = g_strconcat ("/certifications/", short_id, NULL);
  return att_closient_client_gtin_path (ATT_CLOSIENT_CERTIFICATIONS_API, gtin14, rest, error);
}

static GError *
local_validation_error_new (const char *message,
                            GPtrArray  *field_errors)
{
  GError *error = g_error_new_literal (ATT_API_ERROR, ATT_API_ERROR_VALIDATION, message);

  att_api_error_set_details (error, 0, field_errors, -1);
  return error;
}

/* Why @patch must not be sent, or NULL if it may. */
static GError *
check_patch (AttClosientPatch *patch)
{
  g_autoptr(GPtrArray) field_errors = att_field_error_array_new ();
  g_autoptr(GString) text = NULL;

  if (att_closient_patch_is_empty (patch))
    return local_validation_error_new (_ ("There is no change to save"), NULL);

  att_closient_patch_check (patch, field_errors);
  if (field_errors->len == 0)
    return NULL;

  text = g_string_new (_ ("The change was not sent:"));
  for (guint i = 0; i < field_errors->len; i++)
    {
      const AttFieldError *field_error = g_ptr_array_index (field_errors, i);

      g_string_append_printf (text, "%s %s: %s", i > 0 ? ";" : "", field_error->path,
                              field_error->message);
    }
  return local_validation_error_new (text->str, field_errors);
}

/**
 * att_closient_client_update_assignment_async:
 * @gtin14: the product's GTIN (8, 12, 13 or 14 digits; sent padded to 14)
 * @certification_id: the certification's id (the assignment's `id`), 22
 *   characters or the UUID they encode
 * @patch: the edit; only what it changes is sent
 *
 * Sends @patch as a PATCH.  An edit that changes nothing, or fails
 * att_closient_patch_check(), is not sent: the call fails with
 * %ATT_API_ERROR_VALIDATION (HTTP status 0) and the field errors; so does
 * the server's 422, with its own.
 */
void
att_closient_client_update_assignment_async (AttClosientClient  *self,
                                             const char         *gtin14,
                                             const char         *certification_id,
                                             AttClosientPatch   *patch,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data)
{
  gpointer         tag = ATT_SOURCE_TAG (att_closient_client_update_assignment_async);
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  g_return_if_fail (ATT_IS_CLOSIENT_CLIENT (self));
  g_return_if_fail (gtin14 != NULL);
  g_return_if_fail (certification_id != NULL);
  g_return_if_fail (ATT_IS_CLOSIENT_PATCH (patch));

  path = assignment_path (gtin14, certification_id, &error);
  if (path == NULL || (error = check_patch (patch)) != NULL)
    {
      att_closient_client_fail (self, error, callback, user_data, tag);
      return;
    }

  body = att_closient_patch_to_json (patch);
  att_closient_client_send (self, "PATCH", path, body,
                            att_closient_call_new (ATT_CLOSIENT_ANSWER_OBJECT, ATT_TYPE_CLOSIENT_ASSIGNMENT,
                                                   parse_assignment, NULL),
                            cancellable, callback, user_data, tag);
}

/**
 * att_closient_client_update_assignment_finish:
 *
 * Returns: (transfer full): the assignment as the server stored it, or
 *   %NULL with @error set
 */
AttClosientAssignment *
att_closient_client_update_assignment_finish (AttClosientClient *self,
                                              GAsyncResult      *result,
                                              GError           **error)
{
  return att_closient_client_finish (self, result,
                                     ATT_SOURCE_TAG (att_closient_client_update_assignment_async), error);
}

/**
 * att_closient_client_remove_assignment_async:
 * @gtin14: the product's GTIN (8, 12, 13 or 14 digits; sent padded to 14)
 * @certification_id: the certification's id, 22 characters or the UUID
 *   they encode
 *
 * Removes the certification from the product (the certification stays in
 * the catalogue).  Removing it again fails with %ATT_API_ERROR_NOT_FOUND.
 */
void
att_closient_client_remove_assignment_async (AttClosientClient  *self,
                                             const char         *gtin14,
                                             const char         *certification_id,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data)
{
  gpointer         tag = ATT_SOURCE_TAG (att_closient_client_remove_assignment_async);
  g_autofree char *path = NULL;
  GError          *error = NULL;

  g_return_if_fail (ATT_IS_CLOSIENT_CLIENT (self));
  g_return_if_fail (gtin14 != NULL);
  g_return_if_fail (certification_id != NULL);

  path = assignment_path (gtin14, certification_id, &error);
  if (path == NULL)
    {
      att_closient_client_fail (self, error, callback, user_data, tag);
      return;
    }

  att_closient_client_send (self, SOUP_METHOD_DELETE, path, NULL,
                            att_closient_call_new (ATT_CLOSIENT_ANSWER_NONE, G_TYPE_OBJECT, NULL, NULL),
                            cancellable, callback, user_data, tag);
}

/**
 * att_closient_client_remove_assignment_finish:
 *
 * Returns: %TRUE once removed, or %FALSE with @error set
 */
gboolean
att_closient_client_remove_assignment_finish (AttClosientClient *self,
                                              GAsyncResult      *result,
                                              GError           **error)
{
  g_autoptr(GObject) done = att_closient_client_finish (self, result,
                                                         ATT_SOURCE_TAG (att_closient_client_remove_assignment_async),
                                                         error);

  return done != NULL;
}
