/* att-certificate-page-products.c: the products a certificate covers,
 * attached and detached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "att-accessible.h"
#include "att-certificate-page-private.h"
#include "att-certificate-request.h"
#include "att-context.h"
#include "att-higg-client.h"
#include "att-page.h"
#include "att-pm-match-search.h"
#include "att-pm-product-picker.h"
#include "att-pm-product.h"
#include "att-product.h"

/* The certificate names its Product Module products by id
 * (`productModuleIds`, or the products the certificate list found it on);
 * PM search reads them, a page of up to 100 at a time.  Each row then looks
 * for the PIC product it is (att-pm-match-search.c, by barcode, then style
 * number), which it opens in the Products view; a row that has none says
 * so.  Attach and Detach send `addNewProducts` and `removeProducts`
 * (api-higg.md §2.4); the server's copy of the certificate comes back and
 * is shown. */

static AttHiggClient *
get_client (AttCertificatePage *self)
{
  return self->context != NULL ? att_context_get_higg_client (self->context) : NULL;
}

static void
show_status (AttCertificatePage *self,
             gboolean            loading,
             const char         *text,
             gboolean            retry)
{
  gtk_widget_set_visible (self->products_status, loading || text != NULL || retry);
  gtk_widget_set_visible (GTK_WIDGET (self->products_spinner), loading);
  gtk_spinner_set_spinning (self->products_spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->products_label), text != NULL);
  gtk_label_set_label (self->products_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->products_button), retry);
  gtk_widget_set_visible (GTK_WIDGET (self->products_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->products)) > 0);
}

/* Rows */

static char *
describe_identifiers (AttPmProduct *product)
{
  const char *const *barcodes = att_pm_product_get_barcodes (product);
  const char        *style = att_pm_product_get_model_number (product);
  g_autofree char   *barcode = NULL;
  g_autofree char   *style_text = NULL;

  if (barcodes != NULL && barcodes[0] != NULL)
    /* Translators: %s is a GTIN or UPC barcode */
    barcode = g_strdup_printf (_ ("Barcode %s"), barcodes[0]);
  if (style != NULL && *style != '\0')
    /* Translators: %s is a style number, e.g. "ATT-1004-AP" */
    style_text = g_strdup_printf (_ ("Style %s"), style);
  if (barcode != NULL && style_text != NULL)
    return g_strdup_printf ("%s · %s", barcode, style_text);
  return g_strdup (barcode != NULL ? barcode : style_text);
}

typedef struct
{
  GtkWidget *row;
  GtkWidget *match_label;
} RowLookup;

static void
row_lookup_free (RowLookup *lookup)
{
  g_object_unref (lookup->row);
  g_object_unref (lookup->match_label);
  g_free (lookup);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RowLookup, row_lookup_free)

static void
pic_product_found (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RowLookup) lookup = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttProduct) pic = att_pm_match_find_pic_product_finish (result, NULL, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (pic == NULL)
    {
      gtk_label_set_label (GTK_LABEL (lookup->match_label),
                           error != NULL ? _ ("Could not look for it in the Product Impact Calculator")
                                         : _ ("Not in the Product Impact Calculator"));
      if (error != NULL)
        gtk_widget_set_tooltip_text (lookup->match_label, error->message);
      return;
    }

  /* The row now opens the PIC product. */
  gtk_widget_set_visible (lookup->match_label, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (lookup->row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (lookup->row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (lookup->row), "s", att_product_get_id (pic));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (lookup->row), "win.show-product");
  gtk_widget_set_tooltip_text (lookup->row, _ ("Show the product in the Products view"));
  g_object_set_data_full (G_OBJECT (lookup->row), "pic-product-id", g_strdup (att_product_get_id (pic)), g_free);
}

static GtkWidget *
create_detach_button (AttPmProduct *product)
{
  GtkWidget       *button = gtk_button_new_with_mnemonic (_ ("_Detach…"));
  const char      *name = att_pm_product_get_name (product);
  /* Translators: a button's name for screen readers; %s is a product */
  g_autofree char *spoken = g_strdup_printf (_ ("Detach %s from the certificate"),
                                             name != NULL ? name : att_pm_product_get_id (product));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", att_pm_product_get_id (product));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "certificate.detach");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  return button;
}

static GtkWidget *
create_product_row (AttCertificatePage *self,
                    AttPmProduct       *product)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *match_label = gtk_label_new (_ ("Looking for it…"));
  const char      *name = att_pm_product_get_name (product);
  g_autofree char *identifiers = describe_identifiers (product);
  RowLookup       *lookup;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : att_pm_product_get_id (product));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (identifiers != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), identifiers);
  gtk_label_set_wrap (GTK_LABEL (match_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (match_label), 18);
  gtk_label_set_justify (GTK_LABEL (match_label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (match_label), 1.0);
  gtk_widget_add_css_class (match_label, "dim-label");
  gtk_widget_add_css_class (match_label, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), match_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_detach_button (product));
  g_object_set_data_full (G_OBJECT (row), "pm-product-id", g_strdup (att_pm_product_get_id (product)), g_free);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, match_label, NULL, -1);

  lookup = g_new0 (RowLookup, 1);
  lookup->row = g_object_ref (row);
  lookup->match_label = g_object_ref (match_label);
  att_pm_match_find_pic_product_async (get_client (self), product, self->products_cancellable,
                                       pic_product_found, lookup);
  return row;
}

/* Loading */

static void fetch_page (AttCertificatePage *self,
                        guint               from);

static void
show_count (AttCertificatePage *self)
{
  guint            n = g_list_model_get_n_items (G_LIST_MODEL (self->products));
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product", "%u products", n), n);

  adw_preferences_group_set_description (self->products_group, n > 0 ? count : NULL);
  show_status (self, FALSE, n == 0 ? _ ("Not attached to any product: Attach Products chooses those it covers.") : NULL,
               FALSE);
  att_certificate_page_set_products_loaded (self, TRUE);
}

static void
page_fetched (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AttCertificatePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;
  GListModel *hits;
  guint       n;

  page = att_higg_client_search_pm_products_finish (ATT_HIGG_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (page == NULL)
    {
      show_status (self, FALSE, error->message, TRUE);
      return;
    }

  hits = att_page_get_items (page);
  n = g_list_model_get_n_items (hits);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (hits, i);

      if (att_page_get_row_error (page, i) != NULL)
        continue;
      g_list_store_append (self->products, product);
      gtk_list_box_append (self->products_list, create_product_row (self, product));
    }

  if (n > 0 && att_page_get_from (page) + n < att_page_get_total (page))
    fetch_page (self, att_page_get_from (page) + n);
  else
    show_count (self);
}

static void
fetch_page (AttCertificatePage *self,
            guint               from)
{
  AttPmSearchFilter filter = { .ids = att_certificate_get_product_ids (self->certificate) };

  att_higg_client_search_pm_products_async (get_client (self), &filter, from, ATT_PM_SEARCH_MAX_PAGE_SIZE,
                                            self->products_cancellable, page_fetched, g_object_ref (self));
}

/**
 * att_certificate_page_load_products:
 *
 * Reads the products the certificate covers, and looks for each one's PIC
 * product.
 */
void
att_certificate_page_load_products (AttCertificatePage *self)
{
  self->products_cancellable = g_cancellable_new ();
  if (get_client (self) == NULL || att_certificate_get_n_products (self->certificate) == 0)
    {
      show_count (self);
      return;
    }
  show_status (self, TRUE, _ ("Reading the products…"), FALSE);
  fetch_page (self, 0);
}

void
att_certificate_page_clear_products (AttCertificatePage *self)
{
  GtkWidget *row;

  g_cancellable_cancel (self->products_cancellable);
  g_clear_object (&self->products_cancellable);
  g_list_store_remove_all (self->products);
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->products_list))) != NULL)
    gtk_list_box_remove (self->products_list, row);
  adw_preferences_group_set_description (self->products_group, NULL);
  show_status (self, FALSE, NULL, FALSE);
  att_certificate_page_set_products_loaded (self, FALSE);
}

/* Attach and detach */

typedef struct
{
  AttCertificatePage *page;
  char               *done_message;
} Update;

static void
update_free (Update *update)
{
  g_object_unref (update->page);
  g_free (update->done_message);
  g_free (update);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Update, update_free)

static void
set_updating (AttCertificatePage *self,
              gboolean            updating)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "certificate.attach", !updating);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "certificate.detach", !updating);
}

static void
updated (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Update) update = user_data;
  AttCertificatePage *self = update->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttCertificate) certificate = NULL;
  g_autofree char *message = NULL;

  certificate = att_higg_client_update_certificate_finish (ATT_HIGG_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->update_cancellable);
  set_updating (self, FALSE);
  if (certificate == NULL)
    {
      /* Translators: %s says why the server refused */
      message = g_strdup_printf (_ ("The certificate was not changed: %s"), error->message);
      att_certificate_page_toast (self, message);
      return;
    }
  att_context_certificate_saved (self->context, certificate);
  att_certificate_page_toast (self, update->done_message);
  att_certificate_page_certificate_changed (self, certificate);
}

static void
send_update (AttCertificatePage    *self,
             AttCertificateRequest *request,
             char                  *done_message)
{
  Update *update = g_new0 (Update, 1);

  update->page = g_object_ref (self);
  update->done_message = done_message;
  g_cancellable_cancel (self->update_cancellable);
  g_clear_object (&self->update_cancellable);
  self->update_cancellable = g_cancellable_new ();
  set_updating (self, TRUE);
  att_higg_client_update_certificate_async (get_client (self), att_certificate_get_id (self->certificate),
                                            request, NULL, NULL, NULL, self->update_cancellable, updated,
                                            update);
}

/* (transfer none): the list keeps it. */
static AttPmProduct *
find_product (AttCertificatePage *self,
              const char         *id)
{
  GListModel *products = G_LIST_MODEL (self->products);

  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      AttPmProduct *product = g_list_model_get_item (products, i);

      g_object_unref (product);
      if (g_strcmp0 (att_pm_product_get_id (product), id) == 0)
        return product;
    }
  return NULL;
}

/**
 * att_certificate_page_attach_products:
 * @product_ids: PM product ids
 *
 * Attaches the products to the certificate shown (`addNewProducts`).
 */
void
att_certificate_page_attach_products (AttCertificatePage *self,
                                      const char *const  *product_ids)
{
  g_autoptr(AttCertificateRequest) request = NULL;
  guint n;

  g_return_if_fail (ATT_IS_CERTIFICATE_PAGE (self));
  g_return_if_fail (product_ids != NULL);

  n = g_strv_length ((char **) product_ids);
  if (self->certificate == NULL || get_client (self) == NULL || n == 0)
    return;
  request = att_certificate_request_new ();
  att_certificate_request_add_products (request, product_ids);
  send_update (self, request,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product attached", "%u products attached", n), n));
}

/**
 * att_certificate_page_detach_product:
 * @product_id: a PM product id
 *
 * Detaches the product from the certificate shown (`removeProducts`),
 * without asking: the Detach buttons ask first.  Neither is deleted.
 */
void
att_certificate_page_detach_product (AttCertificatePage *self,
                                     const char         *product_id)
{
  g_autoptr(AttCertificateRequest) request = NULL;
  AttPmProduct *product;
  const char   *ids[] = { product_id, NULL };
  const char   *name;

  g_return_if_fail (ATT_IS_CERTIFICATE_PAGE (self));
  g_return_if_fail (product_id != NULL);

  if (self->certificate == NULL || get_client (self) == NULL)
    return;
  product = find_product (self, product_id);
  name = product != NULL && att_pm_product_get_name (product) != NULL ? att_pm_product_get_name (product) : product_id;
  request = att_certificate_request_new ();
  att_certificate_request_remove_products (request, ids);
  /* Translators: %s is a product's name */
  send_update (self, request, g_strdup_printf (_ ("“%s” detached"), name));
}

static void
on_detach_response (AdwMessageDialog   *dialog,
                    const char         *response,
                    AttCertificatePage *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "pm-product-id");

  if (g_strcmp0 (response, "detach") == 0)
    att_certificate_page_detach_product (self, id);
}

/**
 * att_certificate_page_ask_detach:
 *
 * Asks before detaching, saying what Detach does and does not do.
 */
void
att_certificate_page_ask_detach (AttCertificatePage *self,
                                 const char         *product_id)
{
  AttPmProduct    *product = find_product (self, product_id);
  const char      *name = product != NULL && att_pm_product_get_name (product) != NULL
                            ? att_pm_product_get_name (product)
                            : product_id;
  g_autofree char *heading = NULL;
  GtkWidget       *dialog;

  if (self->certificate == NULL)
    return;
  /* Translators: %s is a product's name */
  heading = g_strdup_printf (_ ("Detach “%s”?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   _ ("The certificate will no longer cover this product. Neither the product "
                                      "nor the certificate is deleted: only the link between them is removed, "
                                      "and the product can be attached again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _ ("_Cancel"),
                                    "detach", _ ("_Detach"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "detach",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pm-product-id", g_strdup (product_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_detach_response), self, 0);
  att_accessible_fix_mnemonics (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Products attached already are left out: adding them again would change
 * nothing, and the toast counts what the user added. */
static void
on_products_chosen (AttPmProductPicker *picker,
                    GListModel         *products,
                    AttCertificatePage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (products, i);
      const char *id = att_pm_product_get_id (product);

      if (id != NULL && find_product (self, id) == NULL)
        g_strv_builder_add (builder, id);
    }
  ids = g_strv_builder_end (builder);
  att_certificate_page_attach_products (self, (const char *const *) ids);
}

/**
 * att_certificate_page_choose_products:
 *
 * Opens the picker of PM products, and attaches those chosen.
 */
void
att_certificate_page_choose_products (AttCertificatePage *self)
{
  GtkWidget *picker;

  if (self->certificate == NULL || get_client (self) == NULL)
    return;
  picker = att_pm_product_picker_new (self->context, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                      _ ("Attach Products"), _ ("_Attach"), NULL);
  g_signal_connect_object (picker, "chosen", G_CALLBACK (on_products_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (picker));
}
