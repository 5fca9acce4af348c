/* att-product-edit.h: an editable copy of a product, its undo history, its
 * checks, and the request that saves it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-types.h"
#include "att-error.h"

G_BEGIN_DECLS

/* The three catalogue lists and the purchase orders, as the request body
 * spells them. */
#define ATT_PRODUCT_EDIT_MATERIALS       "materials"
#define ATT_PRODUCT_EDIT_PACKAGING       "packaging"
#define ATT_PRODUCT_EDIT_COMPONENTS      "components"
#define ATT_PRODUCT_EDIT_PURCHASE_ORDERS "purchaseOrder"

#define ATT_TYPE_PRODUCT_EDIT (att_product_edit_get_type ())

G_DECLARE_FINAL_TYPE (AttProductEdit, att_product_edit, ATT, PRODUCT_EDIT, GObject)

/*
 * The edited state is one JSON object in the shape of a create request
 * (api-higg.md §3.1: name, categoryExpansionId, size, identifier,
 * identifierType, tags, weight, weightMeasureUnit, weightIsPrimaryData,
 * isMaterialWeight, materials, packaging, components, purchaseOrder,
 * frenchLabelCountry, frenchLabelDyeingCountry, frenchLabelFabricCountry,
 * frenchLabelOptionalFields), where each purchase order of a loaded product
 * keeps its server `_id`.  Catalogue list items may carry a `name` member for
 * display; it is never sent.
 *
 * Properties "modified", "can-undo" and "can-redo" are notified when they
 * change; the detailed signal "changed" (const char *member: the member or
 * list that changed, or NULL when the whole state was replaced, as by undo,
 * redo, accept or a draft) follows every change.
 */

AttProductEdit *att_product_edit_new (void);
AttProductEdit *att_product_edit_new_for_product (AttProduct *product);
AttProductEdit *att_product_edit_new_duplicate (AttProduct *product);
AttProductEdit *att_product_edit_new_from_draft (JsonNode *payload,
                                                 GError  **error);
JsonNode       *att_product_edit_to_draft (AttProductEdit *self);

const char     *att_product_edit_get_product_id (AttProductEdit *self);
gboolean        att_product_edit_get_is_new (AttProductEdit *self);
gboolean        att_product_edit_get_modified (AttProductEdit *self);
JsonObject     *att_product_edit_get_original (AttProductEdit *self);
JsonObject     *att_product_edit_get_state (AttProductEdit *self);

/* Members: @value NULL removes the member.  Every change is one undo step;
 * changes to the same member within a second coalesce into one. */
JsonNode       *att_product_edit_get (AttProductEdit *self,
                                      const char     *member);
const char     *att_product_edit_get_string (AttProductEdit *self,
                                             const char     *member);
void            att_product_edit_set (AttProductEdit *self,
                                      const char     *member,
                                      JsonNode       *value);
void            att_product_edit_set_string (AttProductEdit *self,
                                             const char     *member,
                                             const char     *value);
void            att_product_edit_set_double (AttProductEdit *self,
                                             const char     *member,
                                             double          value);
void            att_product_edit_set_boolean (AttProductEdit *self,
                                              const char     *member,
                                              gboolean        value);

/* Lists (ATT_PRODUCT_EDIT_MATERIALS, ...). */
guint           att_product_edit_get_n_items (AttProductEdit *self,
                                              const char     *list);
JsonObject     *att_product_edit_get_item (AttProductEdit *self,
                                           const char     *list,
                                           guint           index);
void            att_product_edit_append_item (AttProductEdit *self,
                                              const char     *list,
                                              JsonObject     *item);
void            att_product_edit_set_item_member (AttProductEdit *self,
                                                  const char     *list,
                                                  guint           index,
                                                  const char     *member,
                                                  JsonNode       *value);
void            att_product_edit_remove_item (AttProductEdit *self,
                                              const char     *list,
                                              guint           index);
void            att_product_edit_move_item (AttProductEdit *self,
                                            const char     *list,
                                            guint           from,
                                            guint           to);

/* Undo and redo restore whole states; "changed" is emitted after each. */
gboolean        att_product_edit_get_can_undo (AttProductEdit *self);
gboolean        att_product_edit_get_can_redo (AttProductEdit *self);
gboolean        att_product_edit_undo (AttProductEdit *self);
gboolean        att_product_edit_redo (AttProductEdit *self);
/* How close same-member changes must be to coalesce (default one second;
 * 0 makes every change a step of its own). */
void            att_product_edit_set_coalesce_interval (AttProductEdit *self,
                                                        GTimeSpan       interval);

/* Every problem at once.  Returns the errors (hard rules, V1-V9, V13 and
 * bad input: control characters, over-long text, negative or NaN numbers,
 * duplicate catalogue rows); @warnings gets what does not block a save
 * (eco-score prerequisites V10-V12, missing category, size or weight). */
GPtrArray      *att_product_edit_validate (AttProductEdit *self,
                                           GPtrArray     **warnings);

/* The request that saves the edits: the create body for a new product, or
 * the update command object with only what changed (a changed list whole,
 * purchase orders as addPurchaseOrder/updatePurchaseOrder/
 * removePurchaseOrder; a changed identifier with its type, so that the
 * server can check a GTIN).  NULL when nothing changed. */
JsonObject     *att_product_edit_build_request (AttProductEdit *self);

/* Where a field of that request (as a server's 400 names it, e.g.
 * `updatePurchaseOrder[0].purchaseDate`) sits in the state (e.g.
 * `purchaseOrder[3].purchaseDate`), so that the problem goes on its field. */
char           *att_product_edit_map_request_path (AttProductEdit *self,
                                                   const char     *path);

/* What differs between what was loaded and @remote, the server's current
 * copy: translated, human-readable lines ("Name: “A” on the server"), or
 * NULL when nothing does. */
GStrv           att_product_edit_compare_remote (AttProductEdit *self,
                                                 AttProduct     *remote);

/* After a successful save: @saved becomes what was loaded, the edits are
 * no longer "modified". */
void            att_product_edit_accept (AttProductEdit *self,
                                         AttProduct     *saved);

G_END_DECLS
