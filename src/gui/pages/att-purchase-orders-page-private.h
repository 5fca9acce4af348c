/* att-purchase-orders-page-private.h: what the parts of the Purchase
 * Orders view share: att-purchase-orders-page.c (the widget, its filters,
 * queries and progress), att-purchase-orders-page-columns.c (the table's
 * columns) and att-purchase-orders-page-actions.c (add, edit, remove,
 * refresh)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-product-cache.h"
#include "att-purchase-orders-page.h"

G_BEGIN_DECLS

/* At most this many rows, the newest: enough to browse, and a narrower
 * filter finds the others. */
#define ATT_PURCHASE_ORDERS_PAGE_LIMIT 1000

struct _AttPurchaseOrdersPage
{
  GtkWidget           parent_instance;

  AttContext         *context;
  AttProductCache    *cache;
  gboolean            folded;

  GtkSearchEntry     *search_entry;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkEntry           *product_entry;
  GtkEntry           *fem_entry;
  GtkRevealer        *progress_revealer;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkButton          *progress_button;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;

  GtkSingleSelection *selection;
  GCancellable       *cancellable;         /* the page's lifetime: saves */
  GCancellable       *query_cancellable;   /* the running query */
  GCancellable       *refresh_cancellable; /* the running refresh */
  GError             *refresh_error;
  guint               query_source;
  gboolean            started;
  gboolean            has_result;
};

void                 att_purchase_orders_page_setup_columns (AttPurchaseOrdersPage *self);
void                 att_purchase_orders_page_install_actions (GtkWidgetClass *widget_class);
void                 att_purchase_orders_page_update_actions (AttPurchaseOrdersPage *self);
void                 att_purchase_orders_page_schedule_query (AttPurchaseOrdersPage *self,
                                                              guint                  delay_ms);
void                 att_purchase_orders_page_show_refresh (AttPurchaseOrdersPage *self);
AttPurchaseOrderRow *att_purchase_orders_page_get_selected (AttPurchaseOrdersPage *self);
void                 att_purchase_orders_page_edit_row (AttPurchaseOrdersPage *self,
                                                        AttPurchaseOrderRow   *row);
void                 att_purchase_orders_page_toast (AttPurchaseOrdersPage *self,
                                                     const char            *title);

G_END_DECLS
