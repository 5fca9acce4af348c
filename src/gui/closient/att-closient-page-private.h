/* att-closient-page-private.h: what the parts of the Closient view share:
 * att-closient-page.c (the widget, its navigation and actions),
 * att-closient-page-gtin.c (the GTIN entry, its check and the recent
 * GTINs), att-closient-page-product.c (the lookup and the product's
 * header) and att-closient-page-list.c (the certifications, their
 * filters, columns and edits)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-closient-client.h"
#include "att-closient-logos.h"
#include "att-closient-page.h"
#include "att-closient-product.h"
#include "att-closient-wait-bar.h"
#include "att-paged-footer.h"

G_BEGIN_DECLS

struct _AttClosientPage
{
  GtkWidget           parent_instance;

  AttContext         *context;
  AttClosientClient  *client;
  AttClosientLogos   *logos;
  GSettings          *settings;
  gboolean            folded;

  /* The lookup: the GTIN asked for, and the product found. */
  char               *gtin;
  AttClosientProduct *product;
  GCancellable       *cancellable;

  /* The certifications: the server's paged list, and the edits saved
   * since it was read, shown in place of the rows they changed. */
  AttPagedModel      *model;
  GtkSingleSelection *selection;
  GHashTable         *updated; /* id -> AttClosientAssignment */

  /* template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *main_pane;
  AdwHeaderBar       *header;
  AdwWindowTitle     *window_title;
  GtkEntry           *gtin_entry;
  GtkMenuButton      *recent_button;
  GtkLabel           *check_label;
  AttClosientWaitBar *wait_bar;
  GtkStack           *content_stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *not_found_page;
  AdwStatusPage      *error_page;
  GtkImage           *product_image;
  GtkLabel           *product_name_label;
  GtkLabel           *product_detail_label;
  GtkLabel           *gtin_label;
  GtkDropDown        *verification_dropdown;
  GtkDropDown        *active_dropdown;
  GtkDropDown        *sort_dropdown;
  GtkStack           *list_stack;
  GtkSpinner         *list_spinner;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *list_error_page;
  GtkLabel           *count_label;
  AttPagedFooter     *paged_footer;
};

/* att-closient-page.c */
void                   att_closient_page_push (AttClosientPage *self,
                                               GtkWidget       *page);
void                   att_closient_page_toast (AttClosientPage *self,
                                                const char      *title);

/* att-closient-page-gtin.c */
void                   att_closient_page_setup_gtin (AttClosientPage *self);
void                   att_closient_page_check_gtin (AttClosientPage *self,
                                                     gboolean         final);
void                   att_closient_page_remember_gtin (AttClosientPage *self,
                                                        const char      *gtin14);
void                   att_closient_page_clear_recent (AttClosientPage *self);

/* att-closient-page-product.c */
void                   att_closient_page_start_lookup (AttClosientPage *self);
void                   att_closient_page_show_state (AttClosientPage *self,
                                                     const char      *name);

/* att-closient-page-list.c */
void                   att_closient_page_setup_list (AttClosientPage *self);
void                   att_closient_page_load_list (AttClosientPage *self);
void                   att_closient_page_clear_list (AttClosientPage *self);
void                   att_closient_page_cancel_list (AttClosientPage *self);
void                   att_closient_page_show_saved (AttClosientPage       *self,
                                                     AttClosientAssignment *updated);
AttClosientAssignment *att_closient_page_resolve (AttClosientPage       *self,
                                                  AttClosientAssignment *item);

G_END_DECLS
