/* att-higg-client-private.h: what the parts of AttHiggClient share:
 * att-higg-client.c (the GObject and its properties),
 * att-higg-client-call.c (sending a call, renewing the token after a 401,
 * checking the answer), att-higg-client-products.c (the product calls and
 * the product list) att-higg-client-catalogs.c (the catalogue searches
 * and the countries), att-higg-client-categories.c (categories, sizes),
 * att-higg-client-certificates.c (assertion lists, PM search),
 * att-higg-client-upload.c (certificate create and update) and
 * att-higg-client-eco.c (recalculation, French labels, publishing)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-higg-client.h"
#include "att-http.h"

G_BEGIN_DECLS

/* The path prefixes of the Higg APIs besides PIC's. */
#define ATT_HIGG_CERTIFICATION_API "/certification-api"
#define ATT_HIGG_PM_API            "/pm-api/v1"

typedef GObject *(*ItemParser) (JsonObject *object,
                                const char *path,
                                GError    **error);

typedef enum {
  ANSWER_PAGE,   /* {from, size, total, results[]} -> AttPage */
  ANSWER_ONE_OF, /* a page, from which the item with `id` is taken */
  ANSWER_OBJECT, /* one object -> the item */
  ANSWER_LIST,   /* an array -> GListModel */
  ANSWER_STRINGS /* an array of strings -> a carrier, see take_strings */
} AnswerKind;

/* Defined in att-higg-client-call.c: how to send one call, again after a
 * 401, and how to read its answer.  @from and @size are what a page answer
 * falls back to when it omits them; @id is the item an %ANSWER_ONE_OF
 * call looks for. */
typedef struct _Call Call;

Call                *att_higg_client_call_new (AnswerKind  kind,
                                               GType       item_type,
                                               ItemParser  parse,
                                               guint       from,
                                               guint       size,
                                               const char *id);
void                 att_higg_client_call_free (Call *call);
void                 att_higg_client_call_set_unreadable (Call       *call,
                                                          const char *message);
void                 att_higg_client_call_set_api (Call       *call,
                                                   const char *api);
void                 att_higg_client_call_set_skip_long_strings (Call    *call,
                                                                 gboolean skip);
void                 att_higg_client_call_set_read_error_body (Call    *call,
                                                               gboolean read);
void                 att_higg_client_call_set_progress (Call           *call,
                                                        AttProgressFunc progress,
                                                        gpointer        progress_data);

/* Sends one API call; @call (transfer full) says how to read the answer. */
void                 att_higg_client_send_call (AttHiggClient      *self,
                                                const char         *method,
                                                const char         *path,
                                                JsonNode           *body,
                                                gboolean            idempotent,
                                                Call               *call,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data,
                                                gpointer            source_tag);
void                 att_higg_client_send_call_bytes (AttHiggClient      *self,
                                                      const char         *method,
                                                      const char         *path,
                                                      GBytes             *body,
                                                      gboolean            idempotent,
                                                      Call               *call,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data,
                                                      gpointer            source_tag);
gpointer             att_higg_client_finish_call (AttHiggClient *self,
                                                  GAsyncResult  *result,
                                                  gpointer       source_tag,
                                                  GError       **error);

/* An %ANSWER_STRINGS answer comes back as a plain GObject carrying the
 * strings (answers are GObjects all the way through #AttHttp); this takes
 * them out and drops the carrier. */
GStrv                att_higg_client_take_strings (GObject *answer);

G_END_DECLS
