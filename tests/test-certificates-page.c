/* test-certificates-page.c: the Certificates view, a certificate's page and
 * a product's certificates against the sandbox's demo data, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include <string.h>

#include "att-assertion-item.h"
#include "att-certificate-file.h"
#include "att-certificate-image-window.h"
#include "att-certificate-image.h"
#include "att-certificate-page.h"
#include "att-certificate-request.h"
#include "att-certificate.h"
#include "att-certificates-page.h"
#include "att-context.h"
#include "att-higg-client.h"
#include "att-http.h"
#include "att-page.h"
#include "att-pm-product-picker.h"
#include "att-pm-product.h"
#include "att-product-certificates.h"
#include "att-product-details.h"
#include "att-product.h"
#include "att-sandbox.h"
#include "att-test-files.h"
#include "att-test-utils.h"
#include "att-test-widgets.h"

typedef struct
{
  AttSandbox          *sandbox;
  AttHttp             *http;
  AttHiggClient       *client;
  AttContext          *context;
  GtkWindow           *window;
  AttCertificatesPage *page;
  char                *shown_product;
  char                *shown_certificate;
} Fixture;

/* What the window would do: record the actions the pages activate. */
static void
record_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  char **slot = g_object_get_data (G_OBJECT (action), "slot");

  g_free (*slot);
  *slot = g_variant_dup_string (parameter, NULL);
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  const GActionEntry entries[] = {
    { "show-product", record_activated, "s", NULL, NULL, { 0 } },
    { "show-certificate", record_activated, "s", NULL, NULL, { 0 } },
  };

  f->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (f->sandbox, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (f->sandbox, &f->http, &f->client, &f->context);

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), f);
  g_object_set_data (G_OBJECT (g_action_map_lookup_action (G_ACTION_MAP (group), "show-product")), "slot",
                     &f->shown_product);
  g_object_set_data (G_OBJECT (g_action_map_lookup_action (G_ACTION_MAP (group), "show-certificate")), "slot",
                     &f->shown_certificate);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 900);
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (group));
  if (data == NULL)
    {
      f->page = ATT_CERTIFICATES_PAGE (att_certificates_page_new (f->context));
      gtk_window_set_child (f->window, GTK_WIDGET (f->page));
    }
  gtk_window_present (f->window);
}

static void
close_other_windows (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != f->window)
        gtk_window_destroy (window);
    }
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  close_other_windows (f);
  gtk_window_destroy (f->window);
  g_free (f->shown_product);
  g_free (f->shown_certificate);
  g_clear_object (&f->context);
  att_test_sandbox_disconnect (&f->sandbox, &f->http, &f->client);
}

/* Waiting */

static gboolean
list_loaded (Fixture      *f,
             gconstpointer data)
{
  GListModel *certificates = att_certificates_page_get_certificates (f->page);
  gboolean    loading = TRUE;

  if (certificates == NULL)
    return FALSE;
  g_object_get (certificates, "loading", &loading, NULL);
  return !loading && g_list_model_get_n_items (certificates) > 0;
}

static void
wait_for_list (Fixture *f)
{
  att_test_wait_until (ATT_TEST_PREDICATE (list_loaded), f, NULL, "the certificates");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (att_certificates_page_get_model (f->page));
}

static AttCertificate *
shown_at (Fixture *f,
          guint    position)
{
  return g_list_model_get_item (att_certificates_page_get_model (f->page), position);
}

static AttCertificateStatus
status_now (AttCertificate *certificate,
            guint           lead_days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return att_certificate_get_status (certificate, now, lead_days);
}

static guint
count_status (GListModel          *certificates,
              AttCertificateStatus status,
              guint                lead_days)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (certificates); i++)
    {
      g_autoptr(AttCertificate) certificate = g_list_model_get_item (certificates, i);

      n += status_now (certificate, lead_days) == status;
    }
  return n;
}

/* The listed certificate with @number (its assertionId). */
static AttCertificate *
find_by_number (Fixture    *f,
                const char *number)
{
  GListModel *certificates = att_certificates_page_get_certificates (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (certificates); i++)
    {
      g_autoptr(AttCertificate) certificate = g_list_model_get_item (certificates, i);

      if (g_strcmp0 (att_certificate_get_assertion_id (certificate), number) == 0)
        return g_steal_pointer (&certificate);
    }
  g_error ("no certificate %s", number);
}

/* Widgets */

static gboolean
is_pill (GtkWidget    *widget,
         gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "status-pill") &&
         gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_label_showing (GtkWidget    *widget,
                  gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_row_titled (GtkWidget    *widget,
               gconstpointer title)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* An AdwActionRow titled @title shows @value beside it or below it. */
static gboolean
shows_field (GtkWidget  *root,
             const char *title,
             const char *value)
{
  GtkWidget *row = att_test_find_widget (root, is_row_titled, title);

  return row != NULL && (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), value) == 0 ||
                         att_test_find_widget (row, is_label_showing, value) != NULL);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The list */

static gboolean details_show (Fixture      *f,
                              gconstpointer id);

static void
test_list_statuses (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(AttCertificate) last = NULL;
  GListModel *certificates;
  struct
  {
    const char *text;
    const char *style;
  } pills[] = {
    { "Valid", "success" },
    { "Expiring soon", "warning" },
    { "Expired", "error" },
  };

  wait_for_list (f);
  certificates = att_certificates_page_get_certificates (f->page);

  /* The sandbox's thirteen demo certificates, each once, all shown. */
  g_assert_cmpuint (g_list_model_get_n_items (certificates), ==, 13);
  g_assert_cmpuint (n_shown (f), ==, 13);
  g_assert_cmpuint (count_status (certificates, ATT_CERTIFICATE_STATUS_VALID, 60), >, 0);
  g_assert_cmpuint (count_status (certificates, ATT_CERTIFICATE_STATUS_EXPIRING, 60), >, 0);
  g_assert_cmpuint (count_status (certificates, ATT_CERTIFICATE_STATUS_EXPIRED, 60), >, 0);

  /* Each status in words, on its colour. */
  for (guint i = 0; i < G_N_ELEMENTS (pills); i++)
    {
      GtkWidget *pill = att_test_find_widget (GTK_WIDGET (f->page), is_pill, pills[i].text);

      g_assert_nonnull (pill);
      g_assert_true (gtk_widget_has_css_class (pill, pills[i].style));
    }

  /* Ctrl+F goes to the search; Enter on a row opens its certificate. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "certificates.focus-search", NULL));
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (f->window)));
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_TYPE_SEARCH_ENTRY));
  last = shown_at (f, n_shown (f) - 1);
  g_signal_emit_by_name (att_certificates_page_get_column_view (f->page), "activate", n_shown (f) - 1);
  g_assert_true (details_show (f, att_certificate_get_id (last)));
}

static gboolean
shows_n (Fixture      *f,
         gconstpointer n)
{
  return n_shown (f) == GPOINTER_TO_UINT (n);
}

/* The search entry waits for the typing to pause. */
static void
search_for (Fixture    *f,
            const char *text,
            guint       expected)
{
  att_certificates_page_set_search_text (f->page, text);
  att_test_wait_until (ATT_TEST_PREDICATE (shows_n), f, GUINT_TO_POINTER (expected), text);
}

/* The standard filter can be set once the server's standards are in. */
static gboolean
filters_by_standard (Fixture      *f,
                     gconstpointer standard_id)
{
  att_certificates_page_set_standard_filter (f->page, standard_id);
  return n_shown (f) == 1;
}

static void
test_filters (Fixture      *f,
              gconstpointer data)
{
  GListModel *certificates;
  g_autoptr(AttCertificate) grs = NULL;
  guint expiring;

  wait_for_list (f);
  certificates = att_certificates_page_get_certificates (f->page);

  /* By status: exactly the expired ones. */
  att_certificates_page_set_status_filter (f->page, ATT_CERTIFICATE_STATUS_EXPIRED);
  g_assert_cmpuint (n_shown (f), ==, count_status (certificates, ATT_CERTIFICATE_STATUS_EXPIRED, 60));
  for (guint i = 0; i < n_shown (f); i++)
    {
      g_autoptr(AttCertificate) certificate = shown_at (f, i);

      g_assert_cmpint (status_now (certificate, 60), ==, ATT_CERTIFICATE_STATUS_EXPIRED);
    }

  /* The lead time of the Preferences re-evaluates the statuses. */
  att_certificates_page_set_status_filter (f->page, ATT_CERTIFICATE_STATUS_EXPIRING);
  expiring = n_shown (f);
  g_assert_cmpuint (expiring, ==, count_status (certificates, ATT_CERTIFICATE_STATUS_EXPIRING, 60));
  att_context_set_expiry_lead_days (f->context, 365);
  g_assert_cmpuint (n_shown (f), ==, count_status (certificates, ATT_CERTIFICATE_STATUS_EXPIRING, 365));
  g_assert_cmpuint (n_shown (f), >, expiring);
  att_context_set_expiry_lead_days (f->context, 60);
  att_certificates_page_set_status_filter (f->page, ATT_CERTIFICATES_PAGE_ANY_STATUS);
  g_assert_cmpuint (n_shown (f), ==, 13);

  /* Words, in any case, in the issuing body or the number. */
  search_for (f, "control UNION", 4);
  for (guint i = 0; i < n_shown (f); i++)
    {
      g_autoptr(AttCertificate) certificate = shown_at (f, i);

      g_assert_cmpstr (att_certificate_get_proof_body (certificate), ==, "Control Union Certifications");
    }
  search_for (f, "cu-rws", 1);
  search_for (f, "no such certificate", 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->page), is_label_showing, "No Matches"));
  search_for (f, "", 13);

  /* By standard, once the server's list of standards is in. */
  grs = find_by_number (f, "CU-GRS-1184213");
  att_test_wait_until (ATT_TEST_PREDICATE (filters_by_standard), f, att_certificate_get_standard_id (grs),
                       "the list of standards");
  g_assert_cmpuint (n_shown (f), ==, 1);
  {
    g_autoptr(AttCertificate) shown = shown_at (f, 0);

    g_assert_cmpstr (att_certificate_get_id (shown), ==, att_certificate_get_id (grs));
  }
  att_certificates_page_set_standard_filter (f->page, NULL);
  g_assert_cmpuint (n_shown (f), ==, 13);
}

static void
assert_sorted (Fixture     *f,
               GCompareFunc compare,
               int          sign)
{
  for (guint i = 1; i < n_shown (f); i++)
    {
      g_autoptr(AttCertificate) a = shown_at (f, i - 1);
      g_autoptr(AttCertificate) b = shown_at (f, i);

      g_assert_cmpint (sign * compare (a, b), <=, 0);
    }
}

static int
compare_expiry (gconstpointer a,
                gconstpointer b)
{
  return att_certificate_compare_expiry (a, b, NULL);
}

static int
compare_number (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (att_certificate_get_assertion_id ((AttCertificate *) a),
                         att_certificate_get_assertion_id ((AttCertificate *) b));
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_error ("no column %s", title);
}

static void
test_sort (Fixture      *f,
           gconstpointer data)
{
  GtkColumnView *view;
  g_autoptr(AttCertificate) first = NULL;

  wait_for_list (f);
  view = att_certificates_page_get_column_view (f->page);

  /* By expiry at first: the one that expired longest ago on top. */
  assert_sorted (f, compare_expiry, 1);
  first = shown_at (f, 0);
  g_assert_cmpint (status_now (first, 60), ==, ATT_CERTIFICATE_STATUS_EXPIRED);

  gtk_column_view_sort_by_column (view, column_titled (view, "Number"), GTK_SORT_ASCENDING);
  assert_sorted (f, compare_number, 1);
  gtk_column_view_sort_by_column (view, column_titled (view, "Number"), GTK_SORT_DESCENDING);
  assert_sorted (f, compare_number, -1);
  gtk_column_view_sort_by_column (view, column_titled (view, "Expires"), GTK_SORT_DESCENDING);
  assert_sorted (f, compare_expiry, -1);
}

/* A certificate's page */

static GListModel *server_products_of (Fixture        *f,
                                       AttCertificate *certificate);

static AttCertificatePage *
details (Fixture *f)
{
  return ATT_CERTIFICATE_PAGE (att_certificates_page_get_details (f->page));
}

static gboolean
details_show (Fixture      *f,
              gconstpointer id)
{
  AttCertificate *certificate = att_certificate_page_get_certificate (details (f));

  return certificate != NULL && g_strcmp0 (att_certificate_get_id (certificate), id) == 0;
}

static gboolean
products_loaded (Fixture      *f,
                 gconstpointer n)
{
  return att_certificate_page_get_products_loaded (details (f)) &&
         g_list_model_get_n_items (att_certificate_page_get_products (details (f))) == GPOINTER_TO_UINT (n);
}

static AttCertificate *
open_certificate (Fixture    *f,
                  const char *number)
{
  AttCertificate *certificate = find_by_number (f, number);

  att_certificates_page_show_certificate (f->page, att_certificate_get_id (certificate));
  att_test_wait_until (ATT_TEST_PREDICATE (details_show), f, att_certificate_get_id (certificate),
                       "the certificate's page");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  return certificate;
}

static gboolean
thumbnails_shown (Fixture      *f,
                  gconstpointer n)
{
  return att_certificate_page_get_n_thumbnails (details (f)) == GPOINTER_TO_UINT (n);
}

static gboolean
has_texture (GtkWidget    *widget,
             gconstpointer data)
{
  return GTK_IS_PICTURE (widget) && GDK_IS_TEXTURE (gtk_picture_get_paintable (GTK_PICTURE (widget)));
}

static void
test_details (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(AttCertificate) rws = NULL;
  g_autoptr(GListModel) on_server = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget  *page;
  GtkWidget  *picture;
  GdkTexture *texture;
  GdkPixbuf  *pixbuf;
  int         width, height;

  wait_for_list (f);
  rws = open_certificate (f, "CU-RWS-1190032");
  page = GTK_WIDGET (details (f));

  /* Every field under its name. */
  g_assert_nonnull (att_test_find_widget (page, is_label_showing, "Responsible wool knitwear and accessories"));
  g_assert_true (shows_field (page, "Standard", "Responsible Wool Standard (RWS)"));
  g_assert_true (shows_field (page, "Authority", "Textile Exchange"));
  g_assert_true (shows_field (page, "Certificate number", "CU-RWS-1190032"));
  g_assert_true (shows_field (page, "Issuing body", "Control Union Certifications"));
  g_assert_true (shows_field (page, "Higg certificate ID", att_certificate_get_id (rws)));
  g_assert_nonnull (att_test_find_widget (page, is_pill, "Expired"));

  /* From Edit, Tab goes to the images. */
  att_certificate_page_focus (details (f));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (GTK_IS_FLOW_BOX_CHILD (gtk_root_get_focus (GTK_ROOT (f->window))));

  /* Its page and its annex, as thumbnails of the right size. */
  g_assert_cmpuint (att_certificate_get_n_files (rws), ==, 2);
  att_test_wait_until (ATT_TEST_PREDICATE (thumbnails_shown), f, GUINT_TO_POINTER (2), "the thumbnails");
  bytes = att_certificate_decode_file (rws, 0, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_write_bytes (loader, bytes, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  att_certificate_image_fit (gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf),
                             ATT_CERTIFICATE_THUMBNAIL_SIZE, &width, &height);
  g_assert_cmpint (MAX (width, height), ==, ATT_CERTIFICATE_THUMBNAIL_SIZE);
  picture = att_test_find_widget (att_certificate_page_get_gallery (details (f)), has_texture, NULL);
  g_assert_nonnull (picture);
  texture = GDK_TEXTURE (gtk_picture_get_paintable (GTK_PICTURE (picture)));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);

  /* Its products, as the server has them. */
  on_server = server_products_of (f, rws);
  g_assert_cmpuint (g_list_model_get_n_items (on_server), >, 1);
  att_test_wait_until (ATT_TEST_PREDICATE (products_loaded), f,
                       GUINT_TO_POINTER (g_list_model_get_n_items (on_server)), "the products");
  g_assert_nonnull (att_test_find_widget (page, is_row_titled, "Merino Crew Pullover"));
}

static AttCertificateImageWindow *
find_image_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ATT_IS_CERTIFICATE_IMAGE_WINDOW (window))
        return ATT_CERTIFICATE_IMAGE_WINDOW (window);
    }
  return NULL;
}

static gboolean
image_shown (Fixture      *f,
             gconstpointer data)
{
  AttCertificateImageWindow *window = find_image_window ();

  return window != NULL && att_certificate_image_window_get_texture (window) != NULL;
}

static gboolean
is_gallery_button (GtkWidget    *widget,
                   gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "certificate-gallery-item");
}

static void
test_image_window (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(AttCertificate) rws = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attest-image-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GAsyncResult              *result = NULL;
  AttCertificateImageWindow *window;
  GdkTexture                *texture;
  double                     fitted;

  g_assert_no_error (error);
  wait_for_list (f);
  rws = open_certificate (f, "CU-RWS-1190032");
  att_test_wait_until (ATT_TEST_PREDICATE (thumbnails_shown), f, GUINT_TO_POINTER (2), "the thumbnails");

  /* A thumbnail opens its image at full size, fitted to the window. */
  g_signal_emit_by_name (att_test_find_widget (att_certificate_page_get_gallery (details (f)), is_gallery_button, NULL),
                         "clicked");
  att_test_wait_until (ATT_TEST_PREDICATE (image_shown), f, NULL, "the image, large");
  window = find_image_window ();
  texture = att_certificate_image_window_get_texture (window);
  g_assert_cmpint (gdk_texture_get_width (texture), >, ATT_CERTIFICATE_THUMBNAIL_SIZE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  fitted = att_certificate_image_window_get_zoom (window);
  g_assert_cmpfloat (fitted, <=, 1.0);

  /* Zoom in and out by steps, back to fit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "image.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (att_certificate_image_window_get_zoom (window), fitted * 1.25, 1e-6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "image.zoom-original", NULL));
  g_assert_cmpfloat_with_epsilon (att_certificate_image_window_get_zoom (window), 1.0, 1e-6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "image.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (att_certificate_image_window_get_zoom (window), 0.8, 1e-6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "image.zoom-fit", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpfloat_with_epsilon (att_certificate_image_window_get_zoom (window), fitted, 1e-6);

  /* Save As writes the file as the server holds it. */
  att_certificate_image_window_save_async (window, file, NULL, att_test_store_result, &result);
  att_certificate_image_window_save_finish (window, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  expected = att_certificate_decode_file (rws, 0, &error);
  g_assert_no_error (error);
  saved = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (saved, expected));

  gtk_window_destroy (GTK_WINDOW (window));
  att_test_remove_dir (dir);
}

/* Attach and detach */

static GListModel *
server_products_of (Fixture        *f,
                    AttCertificate *certificate)
{
  const char       *ids[] = { att_certificate_get_id (certificate), NULL };
  AttPmSearchFilter filter = { .certifications = ids };
  GAsyncResult     *result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;

  att_higg_client_search_pm_products_async (f->client, &filter, 0, 100, NULL, att_test_store_result, &result);
  page = att_higg_client_search_pm_products_finish (f->client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  return g_object_ref (att_page_get_items (page));
}

static gboolean
server_has_n (Fixture      *f,
              gconstpointer n)
{
  g_autoptr(GListModel) products = server_products_of (f, att_certificate_page_get_certificate (details (f)));

  return g_list_model_get_n_items (products) == GPOINTER_TO_UINT (n);
}

static AttPmProductPicker *
find_picker (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ATT_IS_PM_PRODUCT_PICKER (window))
        return ATT_PM_PRODUCT_PICKER (window);
    }
  return NULL;
}

static gboolean
is_check_of (GtkWidget    *widget,
             gconstpointer name)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return GTK_IS_CHECK_BUTTON (widget) && row != NULL && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0;
}

static gboolean
picker_lists (Fixture      *f,
              gconstpointer name)
{
  AttPmProductPicker *picker = find_picker ();

  return picker != NULL && att_test_find_widget (GTK_WIDGET (picker), is_check_of, name) != NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
row_opens_product (Fixture      *f,
                   gconstpointer name)
{
  GtkWidget *row = att_test_find_widget (GTK_WIDGET (details (f)), is_row_titled, name);

  return row != NULL && gtk_actionable_get_action_name (GTK_ACTIONABLE (row)) != NULL;
}

static gboolean
row_says_unmatched (Fixture      *f,
                    gconstpointer name)
{
  GtkWidget *row = att_test_find_widget (GTK_WIDGET (details (f)), is_row_titled, name);

  return row != NULL &&
         att_test_find_widget (row, is_label_showing, "Not in the Product Impact Calculator") != NULL;
}

static void
test_attach_detach (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(AttCertificate) rms = NULL;
  g_autoptr(GListModel) on_server = NULL;
  AttPmProductPicker *picker;
  AdwMessageDialog   *dialog;
  GtkWidget          *check;
  GtkWidget          *row;
  g_autoptr(AttPmProduct) denim = NULL;

  wait_for_list (f);
  rms = open_certificate (f, "CU-RMS-1201190");

  /* One product, which no PIC product is: its row says so. */
  att_test_wait_until (ATT_TEST_PREDICATE (products_loaded), f, GUINT_TO_POINTER (1), "the products");
  att_test_wait_until (ATT_TEST_PREDICATE (row_says_unmatched), f, "Mohair Blend Throw",
                       "the row of a product that is not in the PIC");

  /* Attach Products… picks another by name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details (f)), "certificate.attach", NULL));
  picker = find_picker ();
  g_assert_nonnull (picker);
  gtk_editable_set_text (GTK_EDITABLE (att_test_find_of_type (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY)),
                         "denim slim");
  att_test_wait_until (ATT_TEST_PREDICATE (picker_lists), f, "Organic Denim Slim Jeans", "the product to attach");
  check = att_test_find_widget (GTK_WIDGET (picker), is_check_of, "Organic Denim Slim Jeans");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "picker.accept", NULL));

  /* The page and the server both have it now; its row opens the PIC
   * product of that name. */
  att_test_wait_until (ATT_TEST_PREDICATE (products_loaded), f, GUINT_TO_POINTER (2), "two products");
  on_server = server_products_of (f, rms);

  /* Its images are still shown: the answer to the update lacks them, and
   * they are read back. */
  att_test_wait_until (ATT_TEST_PREDICATE (thumbnails_shown), f,
                       GUINT_TO_POINTER (att_certificate_get_n_files (rms)), "the thumbnails, again");
  g_assert_cmpuint (g_list_model_get_n_items (on_server), ==, 2);
  att_test_wait_until (ATT_TEST_PREDICATE (row_opens_product), f, "Organic Denim Slim Jeans",
                       "the attached product's row");
  row = att_test_find_widget (GTK_WIDGET (details (f)), is_row_titled, "Organic Denim Slim Jeans");
  g_signal_emit_by_name (row, "activate");
  spin ();
  g_assert_nonnull (f->shown_product);
  {
    g_autoptr(AttProduct) pic = att_test_get_product (f->client, f->shown_product, NULL);

    g_assert_cmpstr (att_product_get_name (pic), ==, "Organic Denim Slim Jeans");
  }

  /* Detach asks first, saying that nothing is deleted. */
  for (guint i = 0; i < g_list_model_get_n_items (on_server); i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (on_server, i);

      if (g_strcmp0 (att_pm_product_get_name (product), "Organic Denim Slim Jeans") == 0)
        denim = g_object_ref (product);
    }
  g_assert_nonnull (denim);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details (f)), "certificate.detach", "s",
                                             att_pm_product_get_id (denim)));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Neither the product nor the certificate is deleted"));
  adw_message_dialog_response (dialog, "detach");
  gtk_window_destroy (GTK_WINDOW (dialog));

  att_test_wait_until (ATT_TEST_PREDICATE (products_loaded), f, GUINT_TO_POINTER (1), "one product again");
  att_test_wait_until (ATT_TEST_PREDICATE (server_has_n), f, GUINT_TO_POINTER (1), "the link removed");
  g_clear_object (&on_server);
  on_server = server_products_of (f, rms);
  {
    g_autoptr(AttPmProduct) left = g_list_model_get_item (on_server, 0);

    g_assert_cmpstr (att_pm_product_get_name (left), ==, "Mohair Blend Throw");
  }
  /* The product itself is still there. */
  {
    const char       *ids[] = { att_pm_product_get_id (denim), NULL };
    AttPmSearchFilter filter = { .ids = ids };
    GAsyncResult     *result = NULL;
    g_autoptr(AttPage) page = NULL;

    att_higg_client_search_pm_products_async (f->client, &filter, 0, 10, NULL, att_test_store_result, &result);
    page = att_higg_client_search_pm_products_finish (f->client, att_test_await_result (&result), NULL);
    g_clear_object (&result);
    g_assert_cmpuint (att_page_get_total (page), ==, 1);
  }
}

/* A certificate attached to no product */

/* A GRS certificate numbered @number with one image and no product,
 * created on the server. */
static AttCertificate *
create_unattached (Fixture    *f,
                   const char *number)
{
  g_autoptr(AttCertificateRequest) request = att_certificate_request_new ();
  g_autoptr(GDateTime) issued = g_date_time_new_utc (2025, 1, 10, 0, 0, 0);
  g_autoptr(GDateTime) expires = g_date_time_new_utc (2027, 1, 9, 0, 0, 0);
  g_autoptr(GBytes) png = att_test_png_new (60, 80);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) standards = NULL;
  g_autoptr(AttAssertionItem) grs = NULL;
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  AttCertificate *certificate;

  att_higg_client_list_assertion_standards_async (f->client, NULL, att_test_store_result, &result);
  standards = att_higg_client_list_assertion_standards_finish (f->client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  for (guint i = 0; grs == NULL && i < g_list_model_get_n_items (standards); i++)
    {
      g_autoptr(AttAssertionItem) standard = g_list_model_get_item (standards, i);

      if (strstr (att_assertion_item_get_name (standard), "(GRS)") != NULL)
        grs = g_steal_pointer (&standard);
    }
  g_assert_nonnull (grs);
  g_ptr_array_add (files, att_certificate_file_new_for_bytes (png, "scope.png", &error));
  g_assert_no_error (error);
  att_certificate_request_set_authority_id (request, att_assertion_item_get_authority_id (grs));
  att_certificate_request_set_standard_id (request, att_assertion_item_get_id (grs));
  att_certificate_request_set_assertion_id (request, number);
  att_certificate_request_set_certificate_name (request, "Recycled polyester yarns");
  att_certificate_request_set_proof_body (request, "Control Union Certifications");
  att_certificate_request_set_date_issued (request, issued);
  att_certificate_request_set_date_expires (request, expires);
  att_certificate_request_set_files (request, files);
  att_higg_client_create_certificate_async (f->client, request, NULL, NULL, NULL, NULL, att_test_store_result, &result);
  certificate = att_higg_client_create_certificate_finish (f->client, att_test_await_result (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  return certificate;
}

static gboolean
is_not_attached_cell (GtkWidget    *widget,
                      gconstpointer data)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  return GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), "None") == 0 &&
         g_strcmp0 (tooltip, "Not attached to any product") == 0;
}

static gboolean
list_has_number (Fixture      *f,
                 gconstpointer number)
{
  GListModel *certificates = att_certificates_page_get_certificates (f->page);
  gboolean    loading = TRUE;
  guint       n = 0;

  g_object_get (certificates, "loading", &loading, NULL);
  for (guint i = 0; !loading && i < g_list_model_get_n_items (certificates); i++)
    {
      g_autoptr(AttCertificate) certificate = g_list_model_get_item (certificates, i);

      n += g_strcmp0 (att_certificate_get_assertion_id (certificate), number) == 0;
    }
  return n == 1;
}

/* Created with no products (through the client, as the form does), it is
 * listed from the records, says it is not attached, and takes products
 * from its page; then it comes from PM search, listed once. */
static void
test_not_attached (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(AttCertificate) created = create_unattached (f, "CU-GRS-930001");
  g_autoptr(AttCertificate) shown = NULL;
  AttPmProductPicker *picker;
  GtkWidget          *check;

  att_context_certificate_saved (f->context, created);
  wait_for_list (f);
  att_certificates_page_reload (f->page);
  att_test_wait_until (ATT_TEST_PREDICATE (list_has_number), f, "CU-GRS-930001", "the certificate listed");
  shown = find_by_number (f, "CU-GRS-930001");
  g_assert_cmpuint (att_certificate_get_n_products (shown), ==, 0);
  search_for (f, "CU-GRS-930001", 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (f->page), is_not_attached_cell, NULL));

  open_certificate (f, "CU-GRS-930001");
  att_test_wait_until (ATT_TEST_PREDICATE (products_loaded), f, GUINT_TO_POINTER (0), "no products");
  g_assert_nonnull (att_test_find_widget (GTK_WIDGET (details (f)), is_label_showing,
                                          "Not attached to any product: Attach Products chooses those it covers."));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details (f)), "certificate.attach", NULL));
  picker = find_picker ();
  gtk_editable_set_text (GTK_EDITABLE (att_test_find_of_type (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY)),
                         "denim slim");
  att_test_wait_until (ATT_TEST_PREDICATE (picker_lists), f, "Organic Denim Slim Jeans", "the product to attach");
  check = att_test_find_widget (GTK_WIDGET (picker), is_check_of, "Organic Denim Slim Jeans");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "picker.accept", NULL));
  att_test_wait_until (ATT_TEST_PREDICATE (products_loaded), f, GUINT_TO_POINTER (1), "the product attached");

  /* The list read again: from the search now, once, with its product. */
  att_certificates_page_reload (f->page);
  att_test_wait_until (ATT_TEST_PREDICATE (list_has_number), f, "CU-GRS-930001", "the list read again");
  g_clear_object (&shown);
  shown = find_by_number (f, "CU-GRS-930001");
  g_assert_cmpuint (att_certificate_get_n_products (shown), ==, 1);
}

/* A product's certificates */

static AttProduct *
demo_product_named (Fixture    *f,
                    const char *name)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttPage) page = NULL;
  GListModel *products;

  att_higg_client_search_products_async (f->client, name, NULL, 0, 10, NULL, att_test_store_result, &result);
  page = att_higg_client_search_products_finish (f->client, att_test_await_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  products = att_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(AttProduct) product = g_list_model_get_item (products, i);

      if (g_strcmp0 (att_product_get_name (product), name) == 0)
        return g_steal_pointer (&product);
    }
  g_error ("no demo product %s", name);
}

static gboolean
product_certificates_loaded (AttProductCertificates *certificates,
                             gconstpointer           data)
{
  return att_product_certificates_get_loaded (certificates);
}

static void
test_product_details (Fixture      *f,
                      gconstpointer data)
{
  GtkWidget              *product_details = g_object_new (ATT_TYPE_PRODUCT_DETAILS, "context", f->context, NULL);
  AttProductCertificates *certificates;
  g_autoptr(AttProduct) socks = demo_product_named (f, "Merino Hiking Socks");
  g_autoptr(AttProduct) jeans = demo_product_named (f, "Recycled Denim Straight Jeans");
  g_autoptr(AttProduct) unlisted = NULL;
  g_autoptr(JsonObject) body = att_test_parse_object (
    "{\"name\": \"Unlisted Scarf\", \"weight\": 90, \"weightMeasureUnit\": \"grams\","
    " \"materials\": [{\"materialId\": \"MatTX0001\", \"netUse\": 75, \"composition\": 100}],"
    " \"identifier\": \"4006381333931\", \"identifierType\": \"GTIN\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(AttCertificate) rws = NULL;
  g_autoptr(AttCertificate) rcs = NULL;
  GtkWidget *row;

  gtk_window_set_child (f->window, product_details);
  certificates = ATT_PRODUCT_CERTIFICATES (att_test_find_of_type (product_details, ATT_TYPE_PRODUCT_CERTIFICATES));
  g_assert_nonnull (certificates);

  /* Matched by barcode (a GTIN): its certificate, which opens in the view. */
  g_assert_cmpstr (att_product_get_identifier_type (socks), ==, "GTIN");
  att_product_details_set_product (ATT_PRODUCT_DETAILS (product_details), socks);
  att_test_wait_until (ATT_TEST_PREDICATE (product_certificates_loaded), certificates, NULL, "its certificates");
  g_assert_cmpint (att_product_certificates_get_match_kind (certificates), ==, ATT_PM_MATCH_BARCODE);
  g_assert_cmpuint (g_list_model_get_n_items (att_product_certificates_get_certificates (certificates)), ==, 1);
  rws = g_list_model_get_item (att_product_certificates_get_certificates (certificates), 0);
  g_assert_cmpstr (att_certificate_get_assertion_id (rws), ==, "CU-RWS-1190032");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  row = att_test_find_widget (product_details, is_row_titled, att_certificate_get_standard_name (rws));
  g_assert_nonnull (row);
  g_assert_nonnull (att_test_find_widget (row, is_pill, "Expired"));
  g_signal_emit_by_name (row, "activate");
  spin ();
  g_assert_cmpstr (f->shown_certificate, ==, att_certificate_get_id (rws));

  /* Matched by style number (its identifier is a SKU). */
  g_assert_cmpstr (att_product_get_identifier_type (jeans), ==, "SKU");
  att_product_details_set_product (ATT_PRODUCT_DETAILS (product_details), jeans);
  att_test_wait_until (ATT_TEST_PREDICATE (product_certificates_loaded), certificates, NULL, "its certificates");
  g_assert_cmpint (att_product_certificates_get_match_kind (certificates), ==, ATT_PM_MATCH_STYLE_NUMBER);
  g_assert_cmpuint (g_list_model_get_n_items (att_product_certificates_get_certificates (certificates)), ==, 1);
  rcs = g_list_model_get_item (att_product_certificates_get_certificates (certificates), 0);
  g_assert_cmpstr (att_certificate_get_assertion_id (rcs), ==, "SCS-RCS-00871");

  /* No match says so. */
  unlisted = att_test_create_product (f->client, body, &error);
  g_assert_no_error (error);
  att_product_details_set_product (ATT_PRODUCT_DETAILS (product_details), unlisted);
  att_test_wait_until (ATT_TEST_PREDICATE (product_certificates_loaded), certificates, NULL, "no certificates");
  g_assert_cmpint (att_product_certificates_get_match_kind (certificates), ==, ATT_PM_MATCH_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (att_product_certificates_get_certificates (certificates)), ==, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_nonnull (att_test_find_widget (
    product_details, is_label_showing,
    "No matching product in the Higg Product Module (matched by barcode, then style number)."));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/certificates-page/list-statuses", Fixture, NULL,
              fixture_setup, test_list_statuses, fixture_teardown);
  g_test_add ("/certificates-page/filters", Fixture, NULL,
              fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/certificates-page/sort", Fixture, NULL,
              fixture_setup, test_sort, fixture_teardown);
  g_test_add ("/certificates-page/details", Fixture, NULL,
              fixture_setup, test_details, fixture_teardown);
  g_test_add ("/certificates-page/image-window", Fixture, NULL,
              fixture_setup, test_image_window, fixture_teardown);
  g_test_add ("/certificates-page/attach-detach", Fixture, NULL,
              fixture_setup, test_attach_detach, fixture_teardown);
  g_test_add ("/certificates-page/not-attached", Fixture, NULL,
              fixture_setup, test_not_attached, fixture_teardown);
  g_test_add ("/certificates-page/product-details", Fixture, "product",
              fixture_setup, test_product_details, fixture_teardown);

  return g_test_run ();
}
