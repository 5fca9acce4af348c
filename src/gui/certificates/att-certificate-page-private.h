/* att-certificate-page-private.h: what the parts of the certificate page
 * share: att-certificate-page.c (the widget, its header and fields),
 * att-certificate-page-gallery.c (the images) and
 * att-certificate-page-products.c (the products covered, attach and
 * detach)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "att-certificate-page.h"

G_BEGIN_DECLS

struct _AttCertificatePage
{
  GtkWidget            parent_instance;

  AttContext          *context;
  AttCertificate      *certificate;
  GPtrArray           *field_rows;

  /* The gallery: a thumbnail is decoded per file, all cancelled together. */
  GCancellable        *gallery_cancellable;
  guint                n_thumbnails;

  /* The products: PM products, each with the PIC product it opens. */
  GCancellable        *products_cancellable;
  GCancellable        *update_cancellable;
  GCancellable        *read_back_cancellable;
  GListStore          *products;
  gboolean             products_loaded;
  guint                products_timeout;

  /* template widgets */
  GtkStack            *stack;
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *name_label;
  GtkLabel            *summary_label;
  GtkBox              *status_box;
  GtkWidget           *status_pill;
  GtkLabel            *expiry_label;
  GtkWidget           *edit_button;
  AdwPreferencesGroup *images_group;
  GtkFlowBox          *gallery;
  GtkListBox          *links_list;
  AdwPreferencesGroup *products_group;
  GtkListBox          *products_list;
  GtkWidget           *products_status;
  GtkSpinner          *products_spinner;
  GtkLabel            *products_label;
  GtkButton           *products_button;
  AdwPreferencesGroup *fields_group;
};

void att_certificate_page_setup_gallery (AttCertificatePage *self);
void att_certificate_page_fill_gallery (AttCertificatePage *self);
void att_certificate_page_clear_gallery (AttCertificatePage *self);

void att_certificate_page_load_products (AttCertificatePage *self);
void att_certificate_page_clear_products (AttCertificatePage *self);
void att_certificate_page_set_products_loaded (AttCertificatePage *self,
                                               gboolean            loaded);
void att_certificate_page_choose_products (AttCertificatePage *self);
void att_certificate_page_ask_detach (AttCertificatePage *self,
                                      const char         *product_id);
void att_certificate_page_certificate_changed (AttCertificatePage *self,
                                               AttCertificate     *certificate);
void att_certificate_page_toast (AttCertificatePage *self,
                                 const char         *title);

G_END_DECLS
