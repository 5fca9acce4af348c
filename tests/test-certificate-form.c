/* test-certificate-form.c: the certificate form against a sandbox, under
 * Xvfb: files dropped on it, creating and updating, and a failed upload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "att-certificate-drop.h"
#include "att-certificate-file-item.h"
#include "att-certificate-file-list.h"
#include "att-certificate-form.h"
#include "att-certificate-request.h"
#include "att-certificate.h"
#include "att-page.h"
#include "att-pm-product.h"
#include "att-test-files.h"
#include "att-test-peer.h"
#include "att-test-utils.h"
#include "att-test-widgets.h"

typedef struct
{
  AttSandbox     *sandbox;
  AttHttp        *http;
  AttHiggClient  *client;
  AttContext     *context;
  GtkWindow      *parent;
  char           *dir;
  AttCertificate *saved;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->sandbox = att_test_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  att_sandbox_seed_demo (f->sandbox, &error);
  g_assert_no_error (error);
  att_test_sandbox_connect (f->sandbox, &f->http, &f->client, &f->context);
  f->dir = g_dir_make_tmp ("attest-cert-form-XXXXXX", &error);
  g_assert_no_error (error);
  f->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (f->parent);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  gtk_window_destroy (f->parent);
  g_clear_object (&f->saved);
  g_clear_object (&f->context);
  att_test_sandbox_disconnect (&f->sandbox, &f->http, &f->client);
  att_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* --- Finding what is on screen ------------------------------------------- */

static gboolean
is_label_with_prefix (GtkWidget    *widget,
                      gconstpointer prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

static gboolean
is_label_containing (GtkWidget    *widget,
                     gconstpointer part)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), part) != NULL;
}

static gboolean
label_shown (GtkWidget  *root,
             const char *prefix)
{
  return att_test_find_widget (root, is_label_with_prefix, prefix) != NULL;
}

static gboolean
is_row_titled (GtkWidget    *widget,
               gconstpointer title)
{
  return ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
row (GtkWidget  *root,
     const char *title)
{
  GtkWidget *found = att_test_find_widget (root, is_row_titled, title);

  g_assert_nonnull (found);
  return found;
}

static gboolean
is_visible_button (GtkWidget    *widget,
                   gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The message under the field of @title: the label of the row after it. */
static const char *
message_under (GtkWidget  *root,
               const char *title)
{
  GtkWidget *next = gtk_widget_get_next_sibling (row (root, title));
  GtkWidget *label;

  if (next == NULL || !gtk_widget_get_visible (next))
    return NULL;
  label = att_test_find_of_type (next, GTK_TYPE_LABEL);
  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static AttCertificateFileList *
file_list (GtkWidget *form)
{
  return ATT_CERTIFICATE_FILE_LIST (att_test_find_of_type (form, ATT_TYPE_CERTIFICATE_FILE_LIST));
}

static gboolean
files_checked (GtkWidget    *form,
               gconstpointer n_items)
{
  AttCertificateFileList *list = file_list (form);

  return att_certificate_file_list_get_n_checking (list) == 0 &&
         g_list_model_get_n_items (att_certificate_file_list_get_items (list)) == GPOINTER_TO_UINT (n_items);
}

static void
wait_for_files (GtkWidget *form,
                guint      n_items)
{
  att_test_wait_until (ATT_TEST_PREDICATE (files_checked), form, GUINT_TO_POINTER (n_items), "the files checked");
}

static AttCertificateFileItem *
item_at (GtkWidget *form,
         guint      position)
{
  GListModel             *items = att_certificate_file_list_get_items (file_list (form));
  AttCertificateFileItem *item = g_list_model_get_item (items, position);

  g_object_unref (item); /* the list keeps it */
  return item;
}

static gboolean
thumbnails_loaded (GtkWidget    *form,
                   gconstpointer data)
{
  GListModel *items = att_certificate_file_list_get_items (file_list (form));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AttCertificateFileItem) item = g_list_model_get_item (items, i);

      if (att_certificate_file_item_get_state (item) == ATT_FILE_ITEM_READY &&
          att_certificate_file_item_get_thumbnail (item) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_list_with_rows (GtkWidget    *widget,
                   gconstpointer data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_list_box_get_row_at_index (GTK_LIST_BOX (widget), 0) != NULL;
}

static gboolean
lists_loaded (GtkWidget    *form,
              gconstpointer data)
{
  return adw_combo_row_get_model (ADW_COMBO_ROW (row (form, "_Authority"))) != NULL;
}

/* --- Doing what a user does ---------------------------------------------- */

static GtkDropTarget *
widget_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static gboolean
is_drop_zone (GtkWidget    *widget,
              gconstpointer data)
{
  return widget_drop_target (widget) != NULL;
}

/* The widget of the form that takes drops. */
static GtkWidget *
drop_zone (GtkWidget *form)
{
  GtkWidget *zone = att_test_find_widget (form, is_drop_zone, NULL);

  g_assert_nonnull (zone);
  return zone;
}

static GtkDropTarget *
drop_target (GtkWidget *form)
{
  return widget_drop_target (drop_zone (form));
}

/* Drops @value on the form as GTK would: the target's "drop" signal with
 * the value a drag would carry. */
static void
drop_value (GtkWidget    *form,
            const GValue *value)
{
  gboolean accepted = FALSE;

  g_signal_emit_by_name (drop_target (form), "drop", value, 100.0, 100.0, &accepted);
  g_assert_true (accepted);
}

static void
drop_files (GtkWidget *form,
            GFile    **files,
            gsize      n_files)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, n_files));
  drop_value (form, &value);
}

static GFile *
write_png (Fixture    *f,
           const char *name,
           int         width,
           int         height)
{
  g_autoptr(GBytes) png = att_test_png_new (width, height);

  return att_test_write_file (f->dir, name, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
}

static GFile *
write_jpeg (Fixture    *f,
            const char *name)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 120, 80);
  g_autofree char *data = NULL;
  gsize            length;
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, "jpeg", &error, NULL);
  g_assert_no_error (error);
  return att_test_write_file (f->dir, name, data, length);
}

static GFile *
write_pdf (Fixture    *f,
           const char *name,
           guint       n_pages)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  att_test_write_pdf (path, n_pages, NULL, 5);
  return g_file_new_for_path (path);
}

static void
on_saved (GtkWidget      *form,
          AttCertificate *certificate,
          Fixture        *f)
{
  g_set_object (&f->saved, certificate);
}

static GtkWidget *
show_create_form_sized (Fixture      *f,
                        AttPmProduct *attach_to,
                        int           width,
                        int           height)
{
  GtkWidget *form = att_certificate_form_new_create (f->context, f->parent, attach_to);

  g_signal_connect (form, "saved", G_CALLBACK (on_saved), f);
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (form), width, height);
  gtk_window_present (GTK_WINDOW (form));
  att_test_wait_until (ATT_TEST_PREDICATE (lists_loaded), form, NULL, "the authorities and standards");
  return form;
}

static GtkWidget *
show_create_form (Fixture      *f,
                  AttPmProduct *attach_to)
{
  return show_create_form_sized (f, attach_to, -1, -1);
}

static void
choose (GtkWidget  *form,
        const char *row_title,
        const char *name)
{
  AdwComboRow *combo = ADW_COMBO_ROW (row (form, row_title));
  GListModel  *model = adw_combo_row_get_model (combo);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *item_name = NULL;

      g_object_get (item, "name", &item_name, NULL);
      if (g_strcmp0 (item_name, name) == 0)
        {
          adw_combo_row_set_selected (combo, i);
          return;
        }
    }
  g_error ("No “%s” to choose in %s", name, row_title);
}

static void
choose_day (GtkWidget  *form,
            const char *row_title,
            int         year,
            int         month,
            int         day)
{
  GtkWidget *calendar = att_test_find_of_type (row (form, row_title), GTK_TYPE_CALENDAR);
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 12, 0, 0);

  gtk_calendar_select_day (GTK_CALENDAR (calendar), date);
  g_signal_emit_by_name (calendar, "day-selected");
}

static void
set_text (GtkWidget  *form,
          const char *row_title,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (form, row_title)), text);
}

static void
fill_create_form (Fixture    *f,
                  GtkWidget  *form,
                  const char *number)
{
  GFile *files[2];

  choose (form, "_Authority", "Textile Exchange");
  choose (form, "S_tandard", "Global Recycled Standard (GRS)");
  set_text (form, "Certificate _Number", number);
  set_text (form, "Certificate Na_me", "Recycled polyester yarns");
  set_text (form, "Issuing _Body", "Control Union Certifications");
  choose_day (form, "_Issued On", 2025, 3, 1);
  choose_day (form, "_Expires On", 2026, 2, 28);
  files[0] = write_png (f, "front.png", 300, 420);
  files[1] = write_png (f, "back.png", 320, 440);
  drop_files (form, files, 2);
  g_object_unref (files[0]);
  g_object_unref (files[1]);
  wait_for_files (form, 2);
}

static void
save (GtkWidget *form)
{
  gtk_widget_activate_action (form, "form.save", NULL);
}

static gboolean
has_saved (Fixture      *f,
           gconstpointer data)
{
  return f->saved != NULL;
}

static gboolean
shows_label (GtkWidget    *form,
             gconstpointer prefix)
{
  return label_shown (form, prefix);
}

/* Whether @window is still open (compared, never used: it may be gone). */
static gboolean
is_toplevel (gpointer window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if ((gpointer) toplevel == window)
        return TRUE;
    }
  return FALSE;
}

/* --- Server copies -------------------------------------------------------- */

static AttPage *
search_pm (Fixture                 *f,
           const AttPmSearchFilter *filter)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  AttPage *page;

  att_higg_client_search_pm_products_async (f->client, filter, 0, 10, NULL, att_test_store_result, &result);
  page = att_higg_client_search_pm_products_finish (f->client, att_test_await_result (&result), &error);
  g_object_unref (result);
  g_assert_no_error (error);
  return page;
}

static AttPmProduct *
first_pm_product (Fixture *f)
{
  AttPmSearchFilter filter = { 0 };
  g_autoptr(AttPage) page = search_pm (f, &filter);

  g_assert_cmpuint (g_list_model_get_n_items (att_page_get_items (page)), >, 0);
  return g_list_model_get_item (att_page_get_items (page), 0);
}

/* How many certificates PM search finds on @product now. */
static guint
n_certificates_of (Fixture      *f,
                   AttPmProduct *product)
{
  const char       *ids[] = { att_pm_product_get_id (product), NULL };
  AttPmSearchFilter filter = { .ids = ids };
  g_autoptr(AttPage) page = search_pm (f, &filter);
  g_autoptr(AttPmProduct) now = g_list_model_get_item (att_page_get_items (page), 0);

  return g_list_model_get_n_items (att_pm_product_get_certificates (now));
}

/* The certificate as PM search reads it back, from a product it covers. */
static AttCertificate *
server_certificate (Fixture    *f,
                    const char *id)
{
  const char       *ids[] = { id, NULL };
  AttPmSearchFilter filter = { .certifications = ids };
  g_autoptr(AttPage) page = search_pm (f, &filter);
  g_autoptr(AttPmProduct) product = NULL;
  GListModel *certificates;

  g_assert_cmpuint (g_list_model_get_n_items (att_page_get_items (page)), >, 0);
  product = g_list_model_get_item (att_page_get_items (page), 0);
  certificates = att_pm_product_get_certificates (product);
  for (guint i = 0; i < g_list_model_get_n_items (certificates); i++)
    {
      g_autoptr(AttCertificate) certificate = g_list_model_get_item (certificates, i);

      if (g_strcmp0 (att_certificate_get_id (certificate), id) == 0)
        return g_steal_pointer (&certificate);
    }
  g_assert_not_reached ();
}

/* --- Tests ---------------------------------------------------------------- */

static gboolean
has_class (GtkWidget    *widget,
           gconstpointer name)
{
  return gtk_widget_has_css_class (widget, name);
}

/* A file list dropped on the form: images are added, a PDF becomes its
 * pages, a text file named .png is refused with its reason and never
 * sent; a hovering drag says what dropping will do. */
static void
test_drop_files (Fixture      *f,
                 gconstpointer data)
{
  GtkWidget    *form = show_create_form (f, NULL);
  GtkWidget    *zone = drop_zone (form);
  GFile        *files[4];
  GdkDragAction action = 0;
  g_autoptr(GPtrArray) to_send = NULL;

  /* Hovering. */
  g_signal_emit_by_name (drop_target (form), "enter", 50.0, 50.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  g_assert_true (has_class (zone, "drop-zone"));
  g_assert_true (label_shown (form, "Drop to add these files to the certificate"));
  g_signal_emit_by_name (drop_target (form), "leave");
  g_assert_false (has_class (zone, "drop-zone"));
  g_assert_false (label_shown (form, "Drop to add these files to the certificate"));

  files[0] = write_png (f, "front.png", 200, 280);
  files[1] = write_jpeg (f, "photo.jpg");
  files[2] = write_pdf (f, "scan.pdf", 2);
  files[3] = att_test_write_file (f->dir, "notes.png", "Not an image at all, just some notes.\n", 38);
  drop_files (form, files, G_N_ELEMENTS (files));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
  wait_for_files (form, 5);

  g_assert_cmpstr (att_certificate_file_item_get_display_name (item_at (form, 0)), ==, "front.png");
  g_assert_cmpstr (att_certificate_file_item_get_display_name (item_at (form, 1)), ==, "photo.jpg");
  g_assert_cmpstr (att_certificate_file_item_get_display_name (item_at (form, 2)), ==, "scan.pdf, page 1");
  g_assert_cmpstr (att_certificate_file_item_get_display_name (item_at (form, 3)), ==, "scan.pdf, page 2");
  g_assert_cmpint (att_certificate_file_item_get_state (item_at (form, 4)), ==, ATT_FILE_ITEM_REFUSED);
  /* Each with its size and type; a PDF's pages are PNG images. */
  g_assert_true (att_test_find_widget (form, is_label_containing, " · JPEG image") != NULL);
  g_assert_true (att_test_find_widget (form, is_label_containing, " · PNG image") != NULL);
  g_assert_true (label_shown (form, "“notes.png” is not an image or a PDF"));

  /* The refused file is not sent; Dismiss takes it off the list. */
  to_send = att_certificate_file_list_get_files (file_list (form));
  g_assert_cmpuint (to_send->len, ==, 4);
  g_signal_emit_by_name (att_test_find_widget (form, is_visible_button, "_Dismiss"), "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (att_certificate_file_list_get_items (file_list (form))), ==, 4);

  /* One file on its own, and image data from a browser. */
  {
    g_auto(GValue) value = G_VALUE_INIT;
    g_autoptr(GFile) single = write_png (f, "single.png", 64, 64);

    g_value_init (&value, G_TYPE_FILE);
    g_value_set_object (&value, single);
    drop_value (form, &value);
  }
  {
    g_auto(GValue) value = G_VALUE_INIT;
    g_autoptr(GBytes) png = att_test_png_new (80, 60);
    g_autoptr(GError) error = NULL;

    g_value_init (&value, GDK_TYPE_TEXTURE);
    g_value_take_object (&value, gdk_texture_new_from_bytes (png, &error));
    g_assert_no_error (error);
    drop_value (form, &value);
  }
  wait_for_files (form, 6);
  g_assert_cmpstr (att_certificate_file_item_get_display_name (item_at (form, 4)), ==, "single.png");
  g_assert_cmpstr (att_certificate_file_item_get_display_name (item_at (form, 5)), ==, "Dropped image 1.png");
  g_assert_cmpint (att_certificate_file_item_get_state (item_at (form, 5)), ==, ATT_FILE_ITEM_READY);

  /* Every image gets its thumbnail, decoded in the background. */
  att_test_wait_until (ATT_TEST_PREDICATE (thumbnails_loaded), form, NULL, "the thumbnails");

  /* Reordering from the keyboard: Alt+Down on the focused row moves its
   * file down, and the focus goes with it. */
  {
    GtkListBox *rows = GTK_LIST_BOX (att_test_find_widget (GTK_WIDGET (file_list (form)), is_list_with_rows, NULL));
    GtkWidget  *focus;

    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (rows, 0)));
    gtk_widget_activate_action (GTK_WIDGET (file_list (form)), "files.move", "i", 1);
    g_assert_cmpstr (att_certificate_file_item_get_display_name (item_at (form, 0)), ==, "photo.jpg");
    g_assert_cmpstr (att_certificate_file_item_get_display_name (item_at (form, 1)), ==, "front.png");
    focus = gtk_root_get_focus (GTK_ROOT (form));
    g_assert_true (focus == GTK_WIDGET (gtk_list_box_get_row_at_index (rows, 1)));
    gtk_widget_activate_action (GTK_WIDGET (file_list (form)), "files.move", "i", -1);
    g_assert_cmpstr (att_certificate_file_item_get_display_name (item_at (form, 0)), ==, "front.png");
  }

  gtk_window_destroy (GTK_WINDOW (form));
}

/* Every problem at once, each under its field, and nothing sent. */
static void
test_validation (Fixture      *f,
                 gconstpointer data)
{
  GtkWidget *form = show_create_form (f, NULL);

  save (form);
  att_test_wait_until (ATT_TEST_PREDICATE (shows_label), form, "Cannot save: 8 problems to fix", "the banner");
  g_assert_cmpstr (message_under (form, "_Authority"), ==, "Choose the authority that owns the standard.");
  g_assert_cmpstr (message_under (form, "Certificate _Number"), ==,
                   "Enter the certificate number, as printed on the certificate.");
  g_assert_cmpstr (message_under (form, "_Issued On"), ==, "Choose the day the certificate was issued.");
  g_assert_true (label_shown (form, "Add at least one image of the certificate"));

  /* Expiry before issue. */
  choose_day (form, "_Issued On", 2025, 6, 1);
  choose_day (form, "_Expires On", 2025, 1, 1);
  g_assert_null (message_under (form, "_Issued On"));
  g_assert_cmpstr (message_under (form, "_Expires On"), ==,
                   "The certificate must expire after the day it was issued: check both dates.");

  /* A mistyped year. */
  choose_day (form, "_Issued On", 1985, 6, 1);
  g_assert_cmpstr (message_under (form, "_Issued On"), ==, "This date is before 1990: check the year.");
  choose_day (form, "_Issued On", 2025, 6, 1);
  choose_day (form, "_Expires On", 2125, 1, 1);
  g_assert_cmpstr (message_under (form, "_Expires On"), ==, "This date is more than 50 years ahead: check the year.");

  /* Fixed, the messages go. */
  set_text (form, "Certificate Na_me", "Organic cotton");
  g_assert_null (message_under (form, "Certificate Na_me"));
  g_assert_null (f->saved);
  gtk_window_destroy (GTK_WINDOW (form));
}

/* Two images through the form reach the server, attached to a product. */
static void
test_create_two_images (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(AttPmProduct) product = first_pm_product (f);
  GtkWidget *form = show_create_form (f, product);
  g_autoptr(AttCertificate) remote = NULL;
  g_autoptr(GDateTime) issued = NULL;

  g_assert_true (label_shown (form, att_pm_product_get_name (product)));
  fill_create_form (f, form, "CU-GRS-100200");
  /* A slow server: the progress says the body went out while the answer
   * is awaited. */
  att_sandbox_set_latency (f->sandbox, 400);
  save (form);
  att_test_wait_until (ATT_TEST_PREDICATE (shows_label), form, "Sending… ", "the progress of the sending");
  g_assert_false (gtk_widget_is_sensitive (row (form, "Certificate Na_me")));
  att_test_wait_until (ATT_TEST_PREDICATE (has_saved), f, NULL, "the certificate saved");
  att_sandbox_set_latency (f->sandbox, 0);

  g_assert_cmpuint (att_certificate_get_n_files (f->saved), ==, 2);
  remote = server_certificate (f, att_certificate_get_id (f->saved));
  g_assert_cmpstr (att_certificate_get_assertion_id (remote), ==, "CU-GRS-100200");
  g_assert_cmpstr (att_certificate_get_standard_name (remote), ==, "Global Recycled Standard (GRS)");
  g_assert_cmpstr (att_certificate_get_certificate_name (remote), ==, "Recycled polyester yarns");
  g_assert_cmpstr (att_certificate_get_proof_body (remote), ==, "Control Union Certifications");
  g_assert_cmpuint (att_certificate_get_n_files (remote), ==, 2);
  issued = g_date_time_to_utc (att_certificate_get_date_issued (remote));
  g_assert_cmpint (g_date_time_get_year (issued), ==, 2025);
  g_assert_cmpint (g_date_time_get_month (issued), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (issued), ==, 1);
  {
    g_autoptr(GBytes) image = att_certificate_decode_file (remote, 1, NULL);

    g_assert_nonnull (image);
    g_assert_true (g_str_has_prefix (g_bytes_get_data (image, NULL), "\x89PNG"));
  }

  /* The form closed itself. */
  g_assert_false (is_toplevel (form));
}

/* --- Faults during the upload --------------------------------------------- */

/* Issue 2's matrix during an upload: a reset mid-body, a 500, a 413 from
 * the server itself, no answer in time.  After each the form is as it
 * was, every field and every file in its order, with the reason and
 * Retry; Retry, the fault gone, creates the certificate. */
typedef enum {
  FAULT_RESET,
  FAULT_SERVER,
  FAULT_TOO_LARGE,
  FAULT_TIMEOUT,
} Fault;

typedef struct
{
  Fault       fault;
  const char *message; /* the start of the banner's text */
} FormFault;

static const FormFault form_faults[] = {
  { FAULT_RESET, "Could not save: The connection to the server was lost" },
  { FAULT_SERVER, "Could not save: The server had a problem (HTTP 500)" },
  { FAULT_TOO_LARGE, "The server refused the certificate" },
  { FAULT_TIMEOUT, "Could not save: The server did not answer in time" },
};

static void
set_fault (Fixture          *f,
           Fault             fault,
           AttTestResetPeer *peer,
           gboolean          on)
{
  switch (fault)
    {
    case FAULT_RESET:
      att_higg_client_set_base_url (f->client, on ? att_test_reset_peer_get_base_url (peer)
                                                  : att_sandbox_get_base_url (f->sandbox));
      break;
    case FAULT_SERVER:
      att_sandbox_inject_failure_path (f->sandbox, 500, on ? 1000 : 0, "/certification-api/create");
      break;
    case FAULT_TOO_LARGE:
      att_sandbox_set_max_request_size (f->sandbox, on ? 1024 : 0);
      break;
    case FAULT_TIMEOUT:
      att_http_set_timeout (f->http, on ? 1 : 60);
      att_sandbox_set_latency (f->sandbox, on ? 3000 : 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* What the user sees of the form, as one string: each field's value and
 * each file, in order, with its state. */
static char *
describe_form (GtkWidget *form)
{
  GString    *text = g_string_new (NULL);
  const char *combos[] = { "_Authority", "S_tandard" };
  const char *entries[] = { "Certificate _Number", "Certificate Na_me", "Issuing _Body" };
  const char *rows[] = { "_Issued On", "_Expires On", "_Products to Attach" };
  GListModel *items = att_certificate_file_list_get_items (file_list (form));

  for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
    {
      GObject         *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row (form, combos[i])));
      g_autofree char *name = NULL;

      if (item != NULL)
        g_object_get (item, "name", &name, NULL);
      g_string_append_printf (text, "%s=%s\n", combos[i], name);
    }
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_string_append_printf (text, "%s=%s\n", entries[i], gtk_editable_get_text (GTK_EDITABLE (row (form, entries[i]))));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_string_append_printf (text, "%s=%s\n", rows[i], adw_action_row_get_subtitle (ADW_ACTION_ROW (row (form, rows[i]))));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    g_string_append_printf (text, "file %u=%s (%d)\n", i, att_certificate_file_item_get_display_name (item_at (form, i)),
                            att_certificate_file_item_get_state (item_at (form, i)));
  return g_string_free (text, FALSE);
}

static gboolean
is_saving (GtkWidget    *form,
           gconstpointer data)
{
  return !gtk_widget_is_sensitive (row (form, "Certificate Na_me"));
}

static void
test_upload_fault (Fixture      *f,
                   gconstpointer data)
{
  const FormFault *fault = data;
  g_autoptr(AttPmProduct) product = first_pm_product (f);
  GtkWidget *form = show_create_form (f, product);
  g_autoptr(AttTestResetPeer) peer = att_test_reset_peer_new (512);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(AttCertificate) remote = NULL;
  g_autoptr(GBytes) front = NULL;
  g_autoptr(GBytes) first = NULL;

  att_http_set_retry_policy (f->http, 0, 0);
  fill_create_form (f, form, "CU-GRS-FAULT");
  before = describe_form (form);
  set_fault (f, fault->fault, peer, TRUE);
  save (form);
  att_test_wait_until (ATT_TEST_PREDICATE (is_saving), form, NULL, "the upload to start");
  att_test_wait_until (ATT_TEST_PREDICATE (shows_label), form, fault->message, "the failure");
  g_assert_null (f->saved);
  if (fault->fault == FAULT_RESET)
    g_assert_cmpuint (att_test_reset_peer_get_n_resets (peer), ==, 1);

  /* The form as it was, editable, with Retry. */
  after = describe_form (form);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (gtk_widget_is_sensitive (row (form, "Certificate Na_me")));
  g_assert_nonnull (att_test_find_widget (form, is_visible_button, "_Retry"));
  if (fault->fault == FAULT_TOO_LARGE)
    g_assert_true (label_shown (form, "The server found the request too large"));

  set_fault (f, fault->fault, peer, FALSE);
  g_signal_emit_by_name (att_test_find_widget (form, is_visible_button, "_Retry"), "clicked");
  att_test_wait_until (ATT_TEST_PREDICATE (has_saved), f, NULL, "the retried save");
  g_assert_cmpstr (att_certificate_get_assertion_id (f->saved), ==, "CU-GRS-FAULT");

  /* Once, with the files in their order. */
  remote = server_certificate (f, att_certificate_get_id (f->saved));
  g_assert_cmpuint (att_certificate_get_n_files (remote), ==, 2);
  first = att_certificate_decode_file (remote, 0, NULL);
  front = att_test_png_new (300, 420);
  g_assert_true (g_bytes_equal (first, front));
  g_assert_cmpuint (g_list_model_get_n_items (att_pm_product_get_certificates (product)) + 1, ==,
                    n_certificates_of (f, product));
}

/* Cancelled before the send, nothing reaches the server, and the form
 * can save again. */
static void
test_cancel_sends_nothing (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr(AttPmProduct) product = first_pm_product (f);
  GtkWidget *form = show_create_form (f, product);
  guint      before = g_list_model_get_n_items (att_pm_product_get_certificates (product));
  g_autoptr(AttPmProduct) after = NULL;

  fill_create_form (f, form, "CU-GRS-CANCEL");
  save (form);
  /* At once, before the worker thread has encoded anything. */
  gtk_widget_activate_action (form, "form.cancel-upload", NULL);
  att_test_wait_until (ATT_TEST_PREDICATE (shows_label), form, "The upload was cancelled before anything was sent",
                       "the cancellation");
  att_test_run_for (200);
  g_assert_null (f->saved);
  {
    AttPmSearchFilter filter = { 0 };
    const char       *ids[] = { att_pm_product_get_id (product), NULL };
    g_autoptr(AttPage) page = NULL;

    filter.ids = ids;
    page = search_pm (f, &filter);
    after = g_list_model_get_item (att_page_get_items (page), 0);
  }
  g_assert_cmpuint (g_list_model_get_n_items (att_pm_product_get_certificates (after)), ==, before);
  g_assert_true (gtk_widget_is_sensitive (row (form, "Certificate Na_me")));

  /* Closing the form while it sends stops the upload; the answer on its
   * way finds the form gone. */
  att_sandbox_set_latency (f->sandbox, 1000);
  save (form);
  att_test_wait_until (ATT_TEST_PREDICATE (shows_label), form, "Sending… ", "the sending");
  gtk_window_destroy (GTK_WINDOW (form));
  att_test_run_for (1500);
  att_sandbox_set_latency (f->sandbox, 0);
  g_assert_null (f->saved);
}

static AttCertificate *
update_on_server (Fixture               *f,
                  const char            *id,
                  AttCertificateRequest *request)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  AttCertificate *certificate;

  att_higg_client_update_certificate_async (f->client, id, request, NULL, NULL, NULL, NULL,
                                            att_test_store_result, &result);
  certificate = att_higg_client_update_certificate_finish (f->client, att_test_await_result (&result), &error);
  g_object_unref (result);
  g_assert_no_error (error);
  return certificate;
}

/* An update sends only what changed: a field changed on the server
 * meanwhile, and not in the form, keeps the server's value. */
static void
test_update_sends_changes (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr(AttPmProduct) product = NULL;
  g_autoptr(AttCertificate) old = NULL;
  g_autoptr(AttCertificateRequest) elsewhere = att_certificate_request_new ();
  g_autoptr(AttCertificate) changed = NULL;
  g_autoptr(AttCertificate) remote = NULL;
  GtkWidget        *form;
  AttPmSearchFilter filter = { 0 };
  g_autoptr(AttPage) page = search_pm (f, &filter);

  /* A demo certificate, as the form would have been opened on it. */
  for (guint i = 0; old == NULL && i < g_list_model_get_n_items (att_page_get_items (page)); i++)
    {
      g_autoptr(AttPmProduct) candidate = g_list_model_get_item (att_page_get_items (page), i);

      if (g_list_model_get_n_items (att_pm_product_get_certificates (candidate)) > 0)
        old = g_list_model_get_item (att_pm_product_get_certificates (candidate), 0);
    }
  g_assert_nonnull (old);
  g_assert_cmpuint (att_certificate_get_n_files (old), >, 0);

  /* Someone else changes the issuing body. */
  att_certificate_request_set_proof_body (elsewhere, "Changed Elsewhere");
  changed = update_on_server (f, att_certificate_get_id (old), elsewhere);

  form = att_certificate_form_new_update (f->context, f->parent, old);
  g_signal_connect (form, "saved", G_CALLBACK (on_saved), f);
  gtk_window_present (GTK_WINDOW (form));
  wait_for_files (form, att_certificate_get_n_files (old));
  g_assert_false (att_certificate_file_list_get_changed (file_list (form)));

  /* The standard and the number are shown, not editable. */
  g_assert_null (att_test_find_widget (form, is_row_titled, "Certificate _Number"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (form, "Certificate Number"))), ==,
                   att_certificate_get_assertion_id (old));
  g_assert_true (label_shown (form, "Higg’s documentation is unclear"));

  set_text (form, "Certificate Na_me", "Renamed in the form");
  save (form);
  att_test_wait_until (ATT_TEST_PREDICATE (has_saved), f, NULL, "the update");

  remote = server_certificate (f, att_certificate_get_id (old));
  g_assert_cmpstr (att_certificate_get_certificate_name (remote), ==, "Renamed in the form");
  g_assert_cmpstr (att_certificate_get_proof_body (remote), ==, "Changed Elsewhere");
  g_assert_cmpstr (att_certificate_get_assertion_id (remote), ==, att_certificate_get_assertion_id (old));
  g_assert_cmpuint (att_certificate_get_n_files (remote), ==, att_certificate_get_n_files (old));
  g_assert_cmpstr (att_certificate_get_file (remote, 0), ==, att_certificate_get_file (old, 0));
}

/* Images removed and added: the list is sent whole. */
static void
test_update_files (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(AttPmProduct) product = first_pm_product (f);
  GtkWidget *form = show_create_form (f, product);
  g_autoptr(AttCertificate) created = NULL;
  g_autoptr(AttCertificate) remote = NULL;
  g_autoptr(GFile) extra = write_jpeg (f, "extra.jpg");
  g_autoptr(GListStore) more = g_list_store_new (G_TYPE_FILE);

  fill_create_form (f, form, "CU-GRS-FILES");
  save (form);
  att_test_wait_until (ATT_TEST_PREDICATE (has_saved), f, NULL, "the certificate created");
  created = g_steal_pointer (&f->saved);

  form = att_certificate_form_new_update (f->context, f->parent, created);
  g_signal_connect (form, "saved", G_CALLBACK (on_saved), f);
  gtk_window_present (GTK_WINDOW (form));
  wait_for_files (form, 2);
  att_certificate_file_list_remove (file_list (form), 0);
  g_list_store_append (more, extra);
  att_certificate_form_add_files (ATT_CERTIFICATE_FORM (form), G_LIST_MODEL (more));
  wait_for_files (form, 2);
  g_assert_true (att_certificate_file_list_get_changed (file_list (form)));
  save (form);
  att_test_wait_until (ATT_TEST_PREDICATE (has_saved), f, NULL, "the update");

  remote = server_certificate (f, att_certificate_get_id (created));
  g_assert_cmpuint (att_certificate_get_n_files (remote), ==, 2);
  g_assert_cmpstr (att_certificate_get_file (remote, 0), ==, att_certificate_get_file (created, 1));
  {
    g_autoptr(GBytes) image = att_certificate_decode_file (remote, 1, NULL);

    g_assert_nonnull (image);
    g_assert_true (memcmp (g_bytes_get_data (image, NULL), "\xff\xd8\xff", 3) == 0);
  }
}

/* The lists failing to load say so, with Try Again, which loads them. */
static void
test_lists_retry (Fixture      *f,
                  gconstpointer data)
{
  GtkWidget *form = att_certificate_form_new_create (f->context, f->parent, NULL);

  att_sandbox_inject_failure_path (f->sandbox, 500, 1000, "/certification-api/assertion-standard");
  gtk_window_present (GTK_WINDOW (form));
  att_test_wait_until (ATT_TEST_PREDICATE (shows_label), form, "Could not load the authorities and standards",
                       "the lists' failure");
  g_assert_null (adw_combo_row_get_model (ADW_COMBO_ROW (row (form, "_Authority"))));

  att_sandbox_inject_failure (f->sandbox, 0, 0);
  g_signal_emit_by_name (att_test_find_widget (form, is_visible_button, "_Try Again"), "clicked");
  att_test_wait_until (ATT_TEST_PREDICATE (lists_loaded), form, NULL, "the lists loaded again");
  g_assert_false (label_shown (form, "Could not load the authorities and standards"));

  /* The standards shown are the authority's. */
  choose (form, "_Authority", "Lenzing");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row (form, "S_tandard")))), ==, 2);
  choose (form, "_Authority", "bluesign technologies");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (form, "S_tandard"))), ==, "bluesign® PRODUCT");
  gtk_window_destroy (GTK_WINDOW (form));
}

static gboolean
is_picker (gpointer      fixture,
           gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (G_OBJECT_TYPE_NAME (toplevel), "AttPmProductPicker") == 0)
        {
          *(GtkWidget **) fixture = GTK_WIDGET (toplevel);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
shows_check_button (GtkWidget    *picker,
                    gconstpointer data)
{
  return att_test_find_of_type (picker, GTK_TYPE_CHECK_BUTTON) != NULL &&
         label_shown (picker, data);
}

/* Products to attach are found by name and checked in the picker. */
static void
test_choose_products (Fixture      *f,
                      gconstpointer data)
{
  GtkWidget *form = show_create_form (f, NULL);
  GtkWidget *picker = NULL;
  GtkWidget *search;

  gtk_widget_activate_action (form, "form.choose-products", NULL);
  att_test_wait_until (is_picker, &picker, NULL, "the picker");
  search = att_test_find_of_type (picker, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "cardigan");
  att_test_wait_until (ATT_TEST_PREDICATE (shows_check_button), picker, "Alpaca Blend Cardigan", "the search");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (att_test_find_of_type (picker, GTK_TYPE_CHECK_BUTTON)), TRUE);
  g_assert_true (label_shown (picker, "1 product chosen"));
  gtk_widget_activate_action (picker, "picker.accept", NULL);

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (form, "_Products to Attach"))), ==,
                   "Alpaca Blend Cardigan");
  gtk_window_destroy (GTK_WINDOW (form));
}

/* The server's refusal goes on the field it names: a certificate of the
 * same standard and number exists. */
static void
test_conflict_on_field (Fixture      *f,
                        gconstpointer data)
{
  GtkWidget *form = show_create_form (f, NULL);

  fill_create_form (f, form, "CU-GRS-TWICE");
  save (form);
  att_test_wait_until (ATT_TEST_PREDICATE (has_saved), f, NULL, "the first certificate");
  g_clear_object (&f->saved);

  form = show_create_form (f, NULL);
  fill_create_form (f, form, "CU-GRS-TWICE");
  save (form);
  att_test_wait_until (ATT_TEST_PREDICATE (shows_label), form, "The server refused the certificate", "the refusal");
  /* The server's words, or the form's when the server names no field. */
  g_assert_true (g_str_has_prefix (message_under (form, "Certificate _Number"),
                                   "A certificate of this standard with this number exists already"));
  g_assert_nonnull (att_test_find_widget (form, is_visible_button, "_Retry"));

  /* Changed, the server's word goes. */
  set_text (form, "Certificate _Number", "CU-GRS-ONCE");
  g_assert_null (message_under (form, "Certificate _Number"));
  save (form);
  att_test_wait_until (ATT_TEST_PREDICATE (has_saved), f, NULL, "the second certificate");
  g_assert_cmpstr (att_certificate_get_assertion_id (f->saved), ==, "CU-GRS-ONCE");
}

/* --- Screenshots, when asked for: ATTEST_SCREENSHOT_DIR=/some/dir -------- */

static void
screenshot (GtkWidget  *window,
            const char *dir,
            const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s.png", dir, name);
  int              width, height;

  /* Let the revealers and spinners settle. */
  att_test_run_for (800);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* A demo certificate's first image, as a file: a real-looking scan. */
static GFile *
write_demo_scan (Fixture    *f,
                 const char *name)
{
  AttPmSearchFilter filter = { 0 };
  g_autoptr(AttPage) page = search_pm (f, &filter);

  for (guint i = 0; i < g_list_model_get_n_items (att_page_get_items (page)); i++)
    {
      g_autoptr(AttPmProduct) product = g_list_model_get_item (att_page_get_items (page), i);
      GListModel *certificates = att_pm_product_get_certificates (product);
      g_autoptr(AttCertificate) certificate = NULL;
      g_autoptr(GBytes) image = NULL;

      if (g_list_model_get_n_items (certificates) == 0)
        continue;
      certificate = g_list_model_get_item (certificates, 0);
      image = att_certificate_decode_file (certificate, 0, NULL);
      if (image != NULL)
        return att_test_write_file (f->dir, name, g_bytes_get_data (image, NULL), g_bytes_get_size (image));
    }
  g_assert_not_reached ();
}

/* The form filled in with files (a PDF's two pages, a scan, and a file
 * refused), and the same with a drag hovering over it. */
static void
test_screenshots (Fixture      *f,
                  gconstpointer data)
{
  const char *dir = g_getenv ("ATTEST_SCREENSHOT_DIR");
  g_autoptr(AttPmProduct) product = NULL;
  GtkWidget *form;
  GFile     *files[3];

  if (dir == NULL || *dir == '\0')
    {
      g_test_skip ("ATTEST_SCREENSHOT_DIR is not set");
      return;
    }

  /* The application's style sheet, as AdwApplication loads it. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/attestapp/Attest/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  product = first_pm_product (f);
  form = show_create_form_sized (f, product, 640, 1010);
  choose (form, "_Authority", "Textile Exchange");
  choose (form, "S_tandard", "Global Recycled Standard (GRS)");
  set_text (form, "Certificate _Number", "CU-GRS-1043551");
  set_text (form, "Certificate Na_me", "Recycled Polyester Filament Yarn");
  set_text (form, "Issuing _Body", "Control Union Certifications");
  choose_day (form, "_Issued On", 2025, 3, 14);
  choose_day (form, "_Expires On", 2026, 3, 13);
  files[0] = write_pdf (f, "GRS transaction certificate.pdf", 2);
  files[1] = write_demo_scan (f, "Scope certificate scan.png");
  files[2] = att_test_write_file (f->dir, "signature.png", "Signed by J. Smith, 14 March 2025\n", 34);
  drop_files (form, files, G_N_ELEMENTS (files));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
  wait_for_files (form, 4);
  att_test_wait_until (ATT_TEST_PREDICATE (thumbnails_loaded), form, NULL, "the thumbnails");
  screenshot (form, dir, "certificate-form");

  att_certificate_drop_set_hovering (drop_zone (form), TRUE);
  screenshot (form, dir, "certificate-drop");
  gtk_window_destroy (GTK_WINDOW (form));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/certificate-form/drop-files", Fixture, NULL, fixture_setup, test_drop_files, fixture_teardown);
  g_test_add ("/certificate-form/validation", Fixture, NULL, fixture_setup, test_validation, fixture_teardown);
  g_test_add ("/certificate-form/create-two-images", Fixture, NULL, fixture_setup, test_create_two_images,
              fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (form_faults); i++)
    {
      static const char *const names[] = { "reset-mid-body", "server-error", "too-large", "timeout" };
      g_autofree char         *path = g_strconcat ("/certificate-form/upload-fault/", names[form_faults[i].fault], NULL);

      g_test_add (path, Fixture, &form_faults[i], fixture_setup, test_upload_fault, fixture_teardown);
    }
  g_test_add ("/certificate-form/cancel-sends-nothing", Fixture, NULL, fixture_setup, test_cancel_sends_nothing,
              fixture_teardown);
  g_test_add ("/certificate-form/update-sends-changes", Fixture, NULL, fixture_setup, test_update_sends_changes,
              fixture_teardown);
  g_test_add ("/certificate-form/update-files", Fixture, NULL, fixture_setup, test_update_files, fixture_teardown);
  g_test_add ("/certificate-form/lists-retry", Fixture, NULL, fixture_setup, test_lists_retry, fixture_teardown);
  g_test_add ("/certificate-form/choose-products", Fixture, NULL, fixture_setup, test_choose_products,
              fixture_teardown);
  g_test_add ("/certificate-form/conflict-on-field", Fixture, NULL, fixture_setup, test_conflict_on_field,
              fixture_teardown);
  g_test_add ("/certificate-form/screenshots", Fixture, NULL, fixture_setup, test_screenshots, fixture_teardown);

  return g_test_run ();
}
