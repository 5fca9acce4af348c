/* att-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "att-error.h"

/* Errors in the ATT_API_ERROR domain carry the HTTP status, the per-field
 * problems reported by a server, and Retry-After, so that a form can mark
 * each failing field and a caller can wait before trying again. */
typedef struct
{
  guint      http_status;
  GPtrArray *field_errors;
  gint64     retry_after;
  gboolean   owner_action_required;
  char      *server_code;
} AttApiErrorPrivate;

static void
att_api_error_private_init (AttApiErrorPrivate *priv)
{
  priv->retry_after = -1;
}

static void
att_api_error_private_copy (const AttApiErrorPrivate *src,
                            AttApiErrorPrivate       *dest)
{
  dest->http_status = src->http_status;
  dest->retry_after = src->retry_after;
  dest->owner_action_required = src->owner_action_required;
  dest->server_code = g_strdup (src->server_code);
  if (src->field_errors != NULL)
    dest->field_errors = g_ptr_array_copy (src->field_errors,
                                           (GCopyFunc) att_field_error_copy,
                                           NULL);
}

static void
att_api_error_private_clear (AttApiErrorPrivate *priv)
{
  g_clear_pointer (&priv->field_errors, g_ptr_array_unref);
  g_clear_pointer (&priv->server_code, g_free);
}

G_DEFINE_EXTENDED_ERROR (AttApiError, att_api_error)

AttFieldError *
att_field_error_new (const char *path,
                     const char *message)
{
  AttFieldError *error = g_new0 (AttFieldError, 1);

  error->path = g_strdup (path);
  error->message = g_strdup (message);
  return error;
}

AttFieldError *
att_field_error_copy (const AttFieldError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  return att_field_error_new (error->path, error->message);
}

void
att_field_error_free (AttFieldError *error)
{
  if (error == NULL)
    return;
  g_free (error->path);
  g_free (error->message);
  g_free (error);
}

GPtrArray *
att_field_error_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) att_field_error_free);
}

static AttApiErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != ATT_API_ERROR)
    return NULL;
  return att_api_error_get_private (error);
}

/**
 * att_api_error_set_details:
 * @field_errors: (transfer none) (nullable): an array of #AttFieldError
 * @retry_after_seconds: seconds to wait, or -1 if unknown
 */
void
att_api_error_set_details (GError    *error,
                           guint      http_status,
                           GPtrArray *field_errors,
                           gint64     retry_after_seconds)
{
  AttApiErrorPrivate *priv = get_private (error);

  g_return_if_fail (priv != NULL);

  priv->http_status = http_status;
  priv->retry_after = retry_after_seconds;
  g_clear_pointer (&priv->field_errors, g_ptr_array_unref);
  if (field_errors != NULL)
    priv->field_errors = g_ptr_array_copy (field_errors,
                                           (GCopyFunc) att_field_error_copy,
                                           NULL);
}

guint
att_api_error_get_http_status (const GError *error)
{
  AttApiErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->http_status : 0;
}

/**
 * att_api_error_get_field_errors:
 *
 * Returns: (transfer none) (nullable): the #AttFieldError array, or %NULL
 */
GPtrArray *
att_api_error_get_field_errors (const GError *error)
{
  AttApiErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->field_errors : NULL;
}

gint64
att_api_error_get_retry_after (const GError *error)
{
  AttApiErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->retry_after : -1;
}

/**
 * att_api_error_set_owner_action_required:
 * @required: whether the server said only an owner of the organisation
 *   can allow this (Closient's `owner_action_required`)
 */
void
att_api_error_set_owner_action_required (GError  *error,
                                         gboolean required)
{
  AttApiErrorPrivate *priv = get_private (error);

  g_return_if_fail (priv != NULL);

  priv->owner_action_required = !!required;
}

/**
 * att_api_error_get_owner_action_required:
 *
 * Returns: whether the server said an owner of the organisation must act
 *   (grant a permission, unlock a key) before this can succeed
 */
gboolean
att_api_error_get_owner_action_required (const GError *error)
{
  AttApiErrorPrivate *priv = get_private (error);

  return priv != NULL && priv->owner_action_required;
}

/**
 * att_api_error_set_server_code:
 * @code: (nullable): the server's own name for the error, e.g.
 *   `VALIDATION_ERROR`
 */
void
att_api_error_set_server_code (GError     *error,
                               const char *code)
{
  AttApiErrorPrivate *priv = get_private (error);

  g_return_if_fail (priv != NULL);

  g_free (priv->server_code);
  priv->server_code = code != NULL ? g_ascii_strup (code, -1) : NULL;
}

/**
 * att_api_error_get_server_code:
 *
 * Returns: (nullable): the server's name for the error, in uppercase
 *   (`NOT_FOUND`, `RATE_LIMITED`...), or %NULL if it gave none
 */
const char *
att_api_error_get_server_code (const GError *error)
{
  AttApiErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->server_code : NULL;
}
