/* att-purchase-order-dialog-private.h: what att-purchase-order-dialog.c
 * (the window, its fields and the product search) and
 * att-purchase-order-dialog-save.c (checking and sending) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-purchase-order-dialog.h"

G_BEGIN_DECLS

struct _AttPurchaseOrderDialog
{
  AdwWindow            parent_instance;

  AttContext          *context;
  AttPurchaseOrderRow *row; /* the order edited; NULL when adding */
  char                *product_id;
  char                *product_name;
  GCancellable        *cancellable;
  GCancellable        *search_cancellable;
  gboolean             saving;

  GtkLabel            *general_error;
  GtkLabel            *product_label;
  GtkLabel            *product_error;
  GtkSearchEntry      *product_search;
  GtkListBox          *product_list;
  GtkEntry            *order_entry;
  GtkLabel            *order_error;
  GtkEntry            *date_entry;
  GtkLabel            *date_error;
  GtkEntry            *amount_entry;
  GtkLabel            *amount_error;
  GtkEntry            *fem_entry;
  GtkLabel            *fem_error;
  GtkSpinner          *spinner;
  GtkWidget           *save_button;
};

void att_purchase_order_dialog_save (AttPurchaseOrderDialog *self);
void att_purchase_order_dialog_emit_saved (AttPurchaseOrderDialog *self,
                                           AttProduct             *product);

G_END_DECLS
