/* att-error.h: the project's error domain for remote APIs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_API_ERROR (att_api_error_quark ())

/**
 * AttApiError:
 *
 * What went wrong when talking to a remote API (or to the sandbox).
 * Cancellation is reported as %G_IO_ERROR_CANCELLED, not in this domain.
 */
typedef enum {
  ATT_API_ERROR_NETWORK,      /* DNS, connection refused, reset, TLS... */
  ATT_API_ERROR_TIMEOUT,      /* no answer in time */
  ATT_API_ERROR_UNAUTHORIZED, /* 401 */
  ATT_API_ERROR_FORBIDDEN,    /* 403 */
  ATT_API_ERROR_NOT_FOUND,    /* 404 */
  ATT_API_ERROR_CONFLICT,     /* 409 */
  ATT_API_ERROR_VALIDATION,   /* 400, 422: see att_api_error_get_field_errors() */
  ATT_API_ERROR_RATE_LIMITED, /* 429 */
  ATT_API_ERROR_SERVER,       /* 5xx */
  ATT_API_ERROR_BAD_RESPONSE, /* the server answered something we cannot read */
  ATT_API_ERROR_INSECURE,     /* plain http:// to a host that is not loopback */
  ATT_API_ERROR_TLS,          /* the server's certificate or TLS handshake failed */
} AttApiError;

/**
 * AttFieldError:
 * @path: the failing field, e.g. `materials[2].composition`
 * @message: a human-readable, translated explanation
 */
typedef struct
{
  char *path;
  char *message;
} AttFieldError;

GQuark         att_api_error_quark (void);

AttFieldError *att_field_error_new (const char *path,
                                    const char *message);
AttFieldError *att_field_error_copy (const AttFieldError *error);
void           att_field_error_free (AttFieldError *error);
GPtrArray     *att_field_error_array_new (void);

/* Extended data carried by errors of the ATT_API_ERROR domain. */
void           att_api_error_set_details (GError    *error,
                                          guint      http_status,
                                          GPtrArray *field_errors,
                                          gint64     retry_after_seconds);
guint          att_api_error_get_http_status (const GError *error);
GPtrArray     *att_api_error_get_field_errors (const GError *error);
gint64         att_api_error_get_retry_after (const GError *error);
void           att_api_error_set_owner_action_required (GError  *error,
                                                        gboolean required);
gboolean       att_api_error_get_owner_action_required (const GError *error);
void           att_api_error_set_server_code (GError     *error,
                                              const char *code);
const char    *att_api_error_get_server_code (const GError *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttFieldError, att_field_error_free)

G_END_DECLS
