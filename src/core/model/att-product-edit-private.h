/* att-product-edit-private.h: the instance struct of AttProductEdit,
 * shared by att-product-edit.c (the object, its members and lists),
 * att-product-edit-load.c (products, duplicates and drafts),
 * att-product-edit-history.c (undo and redo), att-product-edit-request.c
 * (the request that saves), att-product-edit-validate.c (problems) and
 * att-product-edit-compare.c (what changed on the server)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-product-edit.h"

G_BEGIN_DECLS

/* How many whole-state snapshots undo keeps: a state is a few kilobytes
 * even for a large product, so this bounds the history to a few MB. */
#define ATT_PRODUCT_EDIT_HISTORY_DEPTH 200

/* Changes to the same member within this time are one undo step, so that
 * typing a word is not undone letter by letter. */
#define ATT_PRODUCT_EDIT_COALESCE_USEC G_USEC_PER_SEC

/* The version of the draft payload that to_draft() writes. */
#define ATT_PRODUCT_EDIT_DRAFT_VERSION 1

struct _AttProductEdit
{
  GObject     parent_instance;

  char       *product_id;
  JsonObject *original;
  JsonObject *state;

  /* Snapshots of earlier and undone states, the newest last. */
  GPtrArray  *undo;
  GPtrArray  *redo;
  char       *coalesce_key;
  gint64      coalesce_time;
  GTimeSpan   coalesce_interval;

  gboolean    modified;
  gboolean    can_undo;
  gboolean    can_redo;
};

/* att-product-edit.c */
AttProductEdit *att_product_edit_new_with_state (const char *product_id,
                                                 JsonObject *original,
                                                 JsonObject *state);
void            att_product_edit_replace_state (AttProductEdit *self,
                                                JsonObject     *state);
void            att_product_edit_update_flags (AttProductEdit *self);

/* att-product-edit-history.c */
void            att_product_edit_history_record (AttProductEdit *self,
                                                 const char     *key);
void            att_product_edit_history_clear (AttProductEdit *self);

/* att-product-edit-request.c */
typedef enum {
  ATT_PRODUCT_EDIT_ORDER_SAME,
  ATT_PRODUCT_EDIT_ORDER_ADDED,
  ATT_PRODUCT_EDIT_ORDER_UPDATED,
} AttProductEditOrderChange;

AttProductEditOrderChange att_product_edit_classify_order (AttProductEdit *self,
                                                           guint           index);
gboolean                  att_product_edit_is_list (const char *member);
JsonNode                 *att_product_edit_request_member (const char *member,
                                                           JsonNode   *value,
                                                           gboolean    keep_ids);
JsonObject               *att_product_edit_request_shape (JsonObject *state,
                                                          gboolean    keep_ids);
gboolean                  att_product_edit_json_equal (JsonNode *a,
                                                       JsonNode *b);
gboolean                  att_product_edit_member_equal (JsonObject *a,
                                                         JsonObject *b,
                                                         const char *member);
gboolean                  att_product_edit_has_update (AttProductEdit *self);

/* att-product-edit-load.c */
JsonObject               *att_product_edit_state_from_product (AttProduct *product);

G_END_DECLS
