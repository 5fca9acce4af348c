/* att-sandbox-private.h: the instance struct of AttSandbox and what its
 * parts share: att-sandbox.c (the object and its public API),
 * att-sandbox-dispatch.c (serving one request), att-sandbox-faults.c (the
 * faults tests ask for) and att-sandbox-http.c (reading request bodies,
 * writing answers)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "att-sandbox.h"
#include "att-sandbox-auth.h"
#include "att-sandbox-catalogue.h"
#include "att-sandbox-closient.h"
#include "att-sandbox-store.h"

G_BEGIN_DECLS

/* The routes tests use to steer the sandbox, served without auth. */
#define CONTROL_PREFIX "/_sandbox/"

/* Set on a message whose body is over the size limit. */
#define TOO_LARGE_KEY "att-sandbox-too-large"

typedef struct
{
  AttSandbox        *self;
  SoupServerMessage *msg;
  char              *path;
  gint64             started;
  guint              timeout_id;
  gulong             disconnected_id;
} Pending;

struct _AttSandbox
{
  GObject              parent_instance;

  char                *db_path;
  char                *data_dir;
  AttSandboxAuth      *auth;
  AttSandboxStore     *store;
  AttSandboxCatalogue *catalogue;
  AttSandboxClosient  *closient;
  SoupServer          *server;
  char                *base_url;

  guint                latency_ms;
  guint                score_delay_ms;
  guint                fail_status;
  guint                fail_count;
  guint                fail_min_from;     /* fail only requests with from >= this */
  char                *fail_path;         /* ... or with a path starting so */
  int                  malformed_row;     /* spoiled in product searches, or -1 */
  gsize                max_request_bytes; /* a lower body limit for API routes, or 0 */

  GPtrArray           *pending;
  GHashTable          *request_counts; /* path -> count, see process () */
  guint                peak_delayed;   /* the most entries @pending had */
};

/* att-sandbox.c */
void        _att_sandbox_count_request (AttSandbox *self,
                                        const char *path);

/* att-sandbox-dispatch.c */
void        _att_sandbox_pending_free (Pending *pending);
void        _att_sandbox_server_callback (SoupServer        *server,
                                          SoupServerMessage *msg,
                                          const char        *path,
                                          GHashTable        *query,
                                          gpointer           user_data);

/* att-sandbox-faults.c */
void        _att_sandbox_handle_faults (AttSandbox        *self,
                                        SoupServerMessage *msg,
                                        JsonObject        *body);
gboolean    _att_sandbox_fault_applies (AttSandbox        *self,
                                        SoupServerMessage *msg,
                                        const char        *path);
void        _att_sandbox_spoil_row (AttSandbox *self,
                                    JsonNode   *reply);

/* att-sandbox-http.c */
void        _att_sandbox_log_request (SoupServerMessage *msg,
                                      const char        *path,
                                      guint              status,
                                      gint64             started);
void        _att_sandbox_respond_node (SoupServerMessage *msg,
                                       guint              status,
                                       JsonNode          *node);
void        _att_sandbox_respond_error_full (SoupServerMessage *msg,
                                             guint              status,
                                             const char        *message,
                                             GPtrArray         *details,
                                             const char        *reason);
void        _att_sandbox_respond_error (SoupServerMessage *msg,
                                        guint              status,
                                        const char        *message,
                                        GPtrArray         *details);
gsize       _att_sandbox_body_limit (AttSandbox *self,
                                     const char *path);
const char *_att_sandbox_peek_body (SoupServerMessage *msg,
                                    gsize             *out_size);
JsonObject *_att_sandbox_take_body (SoupServerMessage *msg,
                                    char             **out_message);
JsonObject *_att_sandbox_read_body (SoupServerMessage *msg);
void        _att_sandbox_early_callback (SoupServer        *server,
                                         SoupServerMessage *msg,
                                         const char        *path,
                                         GHashTable        *query,
                                         gpointer           user_data);

G_END_DECLS
