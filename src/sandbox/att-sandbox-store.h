/* att-sandbox-store.h: the sandbox's SQLite product table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"

G_BEGIN_DECLS

#define ATT_TYPE_SANDBOX_STORE (att_sandbox_store_get_type ())

G_DECLARE_FINAL_TYPE (AttSandboxStore, att_sandbox_store, ATT, SANDBOX_STORE, GObject)

/* One stored product: its columns and its state document (the normalised
 * request fields, see att-sandbox-product.c). */
typedef struct
{
  char  *id;
  char  *name;
  char  *identifier;
  char  *search_text;
  gint64 created_on;
  gint64 modified_on;
  gint64 score_ready_at;
  char  *state;
  char  *uses; /* {"material": [ids], "component": [...], "packaging": [...]}:
                * what the state uses, for "Used by"; only written */
} AttSandboxRow;

void att_sandbox_row_free (AttSandboxRow *row);

/* A product search; every filter is optional (%NULL or empty).  @words
 * must be case-folded already.  @materials, @components and @packaging are
 * catalogue ids: a product matches when its list uses any of them. */
typedef struct
{
  const char *const *ids;
  const char *const *names;
  const char *const *identifiers;
  const char *const *words;
  const char *const *materials;
  const char *const *components;
  const char *const *packaging;
  guint              from;
  guint              size;
} AttSandboxQuery;

AttSandboxStore *att_sandbox_store_new (const char *path,
                                        GError    **error);
gboolean         att_sandbox_store_begin (AttSandboxStore *self,
                                          GError         **error);
gboolean         att_sandbox_store_commit (AttSandboxStore *self,
                                           GError         **error);
void             att_sandbox_store_rollback (AttSandboxStore *self);
gboolean         att_sandbox_store_insert (AttSandboxStore     *self,
                                           const AttSandboxRow *row,
                                           gboolean            *out_inserted,
                                           GError             **error);
gboolean         att_sandbox_store_update (AttSandboxStore     *self,
                                           const AttSandboxRow *row,
                                           GError             **error);
AttSandboxRow   *att_sandbox_store_get (AttSandboxStore *self,
                                        const char      *id,
                                        GError         **error);
gboolean         att_sandbox_store_search (AttSandboxStore       *self,
                                           const AttSandboxQuery *query,
                                           gint64                *out_total,
                                           GPtrArray            **out_rows,
                                           GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttSandboxRow, att_sandbox_row_free)

G_END_DECLS
