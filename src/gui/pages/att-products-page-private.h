/* att-products-page-private.h: the instance struct of AttProductsPage and
 * the helpers its parts share: att-products-page.c (the class, its
 * properties and wiring), att-products-page-list.c (the paged list and its
 * selection), att-products-page-columns.c (its columns and cells),
 * att-products-page-states.c (loading, cancelled, failed and empty),
 * att-products-page-search.c (the search entry),
 * att-products-page-details.c (the selected product's details),
 * att-products-page-editor.c (the editor beside the list),
 * att-products-page-drafts.c (drafts offered back),
 * att-products-page-picker.c (choosing a product to add an item to) and
 * att-products-page-select.c (selection mode)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-paged-footer.h"
#include "att-product-details.h"
#include "att-product-editor.h"
#include "att-products-page.h"

G_BEGIN_DECLS

/* The list pages from the server through AttPagedModel, so 100,000 products
 * scroll without loading them all; a search replaces the model, which
 * cancels the fetches of the old one. */
struct _AttProductsPage
{
  GtkWidget            parent_instance;

  AttContext          *context;
  AttPagedModel       *model;
  GtkSingleSelection  *selection;
  GtkSliceListModel   *first_rows;
  char                *search_text;
  gboolean             folded;
  gboolean             ready;
  gboolean             rows_painted;
  char                *shown_id; /* asked for before its row was loaded */
  gboolean             details_pending;
  guint                rest_idle;
  guint                shown_idle;

  /* The loading state: says the server is slow after slow_delay ms, and
   * can be cancelled, until Retry or a new search. */
  guint                slow_delay;
  guint                slow_timeout_id;
  gboolean             load_cancelled;

  /* template widgets */
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkSpinner          *spinner;
  GtkLabel            *slow_label;
  GtkButton           *cancel_button;
  GtkButton           *cancelled_retry_button;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  AdwStatusPage       *error_page;
  GtkLabel            *count_label;
  AttPagedFooter      *paged_footer;
  AttProductDetails   *details;
  AdwLeaflet          *leaflet;
  GtkStack            *content_stack;
  AdwBin              *editor_bin;
  GtkRevealer         *drafts_revealer;
  GtkLabel            *drafts_label;

  /* Saved products replace their rows: the cells and the details show
   * the saved copy, if there is one. */
  GHashTable          *saved; /* product id -> AttProduct */

  AttProductEditor    *editor; /* the open one, in editor_bin */
  GCancellable        *cancellable;
  GPtrArray           *drafts; /* (element-type AttDraft): not yet offered back */

  /* Selection mode: the checked products by id, so that they survive
   * paging and reloads. */
  gboolean             selecting;
  GPtrArray           *checked_ids;   /* in the order checked */
  GHashTable          *checked_names; /* product id -> name */
  GHashTable          *check_widgets; /* the check buttons of the rows */
  GtkColumnViewColumn *check_column;
  AdwHeaderBar        *header_bar;
  GtkActionBar        *selection_bar;
  GtkLabel            *selected_label;
  GtkButton           *publish_button;
};

/* att-products-page.c */
void        att_products_page_set_ready (AttProductsPage *self,
                                         gboolean         ready);
void        att_products_page_show_content (AttProductsPage *self,
                                            const char      *name);

/* att-products-page-list.c */
void        att_products_page_list_init (AttProductsPage *self);
void        att_products_page_reload (AttProductsPage *self);
AttProduct *att_products_page_saved_copy_of (AttProductsPage *self,
                                             AttProduct      *product);
void        att_products_page_replace_rows (AttProductsPage *self);

/* att-products-page-columns.c */
void        att_products_page_columns_init (AttProductsPage *self);

/* att-products-page-states.c */
void        att_products_page_states_init (AttProductsPage *self);
void        att_products_page_states_dispose (AttProductsPage *self);
gboolean    att_products_page_shows_loading (AttProductsPage *self);
void        att_products_page_update_state (AttProductsPage *self);
void        att_products_page_install_state_actions (GtkWidgetClass *widget_class);

/* att-products-page-search.c */
void        att_products_page_search_init (AttProductsPage *self);
void        att_products_page_install_search (GtkWidgetClass *widget_class);

/* att-products-page-details.c */
void        att_products_page_show_selected_details (AttProductsPage *self);
void        att_products_page_selected_item_changed (AttProductsPage *self);
GListModel *att_products_page_first_rows_of (AttProductsPage *self,
                                             GListModel      *model);

/* att-products-page-editor.c */
void        att_products_page_editor_init (AttProductsPage *self);
void        att_products_page_editor_dispose (AttProductsPage *self);
void        att_products_page_open_editor (AttProductsPage *self,
                                           AttProductEdit  *edit,
                                           const char      *draft_id,
                                           const char      *save_error);
void        att_products_page_install_editor_actions (GtkWidgetClass *widget_class);

/* att-products-page-drafts.c */
void        att_products_page_drafts_load (AttProductsPage *self);
void        att_products_page_install_draft_actions (GtkWidgetClass *widget_class);

/* att-products-page-picker.c */
typedef void (*AttProductPickedFunc) (AttProductsPage *self,
                                      AttProduct      *product,
                                      gpointer         user_data);
void att_products_page_pick_product (AttProductsPage     *self,
                                     const char          *title,
                                     AttProductPickedFunc func,
                                     gpointer             user_data,
                                     GDestroyNotify       destroy);

void att_products_page_select_shown (AttProductsPage *self);

/* att-products-page-select.c */
void att_products_page_select_init (AttProductsPage *self);
void att_products_page_select_dispose (AttProductsPage *self);
void att_products_page_install_select_actions (GtkWidgetClass *widget_class);

G_END_DECLS
